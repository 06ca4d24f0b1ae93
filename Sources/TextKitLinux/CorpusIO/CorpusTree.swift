/// The regular files under a directory, for mirroring a corpus tree.
///
/// Symbolic links are followed only when they resolve to a regular file inside the root;
/// links to directories, and links leading outside the tree, are skipped (and listed), so a
/// run never reads outside its input tree.
public struct CorpusTree: Sendable {
  /// The root directory as given.
  public let root: String
  /// Paths of regular files relative to ``root``, sorted bytewise.
  public private(set) var files: [String] = []
  /// Links skipped, relative to ``root``, with the reason.
  public private(set) var skipped: [(path: String, reason: String)] = []

  /// Walks `root`, keeping files whose name matches `include` (a shell glob such as `*.txt`).
  ///
  /// - Throws: ``CorpusError`` (kind `.io`) if the root or a subdirectory cannot be read.
  public init(root: String, include: String? = nil) throws(CorpusError) {
    self.root = root
    guard let realRoot = FileSystem.realPath(root) else {
      throw CorpusError(kind: .io, file: root, message: "cannot resolve path")
    }
    try walk(relative: "", realRoot: realRoot, include: include)
  }

  private mutating func walk(relative: String, realRoot: String, include: String?) throws(CorpusError) {
    let dir = relative.isEmpty ? root : "\(root)/\(relative)"
    let names: [String]
    do { names = try FileSystem.entries(dir) } catch { throw CorpusError(error) }
    for name in names {
      let rel = relative.isEmpty ? name : "\(relative)/\(name)"
      let full = "\(root)/\(rel)"
      switch FileSystem.kind(full, followLinks: false) {
      case .directory:
        try walk(relative: rel, realRoot: realRoot, include: include)
      case .regular:
        if include.map({ FileSystem.matches(glob: $0, name: name) }) ?? true { files.append(rel) }
      case .symbolicLink:
        guard let target = FileSystem.realPath(full) else {
          skipped.append((rel, "broken symbolic link"))
          continue
        }
        if !(target == realRoot || target.hasPrefix(realRoot + "/")) {
          skipped.append((rel, "symbolic link leads outside the input tree"))
        } else if FileSystem.kind(target, followLinks: false) != .regular {
          skipped.append((rel, "symbolic link to a directory or special file"))
        } else if include.map({ FileSystem.matches(glob: $0, name: name) }) ?? true {
          files.append(rel)
        }
      default:
        skipped.append((rel, "not a regular file"))
      }
    }
  }
}

/// File-system helpers the CLI needs, without unsafe code.
public enum CorpusPaths {
  /// Whether `path` is an existing directory (links followed).
  public static func isDirectory(_ path: String) -> Bool { FileSystem.kind(path, followLinks: true) == .directory }
  /// Whether `path` exists.
  public static func exists(_ path: String) -> Bool { FileSystem.kind(path, followLinks: false) != .missing }
  /// Creates `path` and its parents.
  public static func makeDirectories(_ path: String) throws(CorpusError) {
    do { try FileSystem.makeDirectories(path) } catch { throw CorpusError(error) }
  }
  /// The parent directory of a path.
  public static func directoryName(_ path: String) -> String { FileSystem.directoryName(path) }
  /// The size of a file, if it exists.
  public static func size(_ path: String) -> Int? { FileSystem.size(path) }
  /// Whether two paths name the same file.
  public static func sameFile(_ a: String, _ b: String) -> Bool {
    guard let x = FileSystem.identity(a), let y = FileSystem.identity(b) else { return false }
    return x == y
  }
  /// Whether standard error is a terminal (for progress display).
  public static var standardErrorIsTerminal: Bool { SystemFile.standardError.isTerminal }
  /// Resolved absolute path.
  public static func realPath(_ path: String) -> String? { FileSystem.realPath(path) }

  /// Copies the file at `path` to standard output (used to emit per-job temporary outputs in order).
  public static func copyToStandardOutput(_ path: String) throws(CorpusError) {
    do {
      let f = try SystemFile.openForReading(path)
      var buffer: [UInt8] = []
      while true {
        buffer.removeAll(keepingCapacity: true)
        if try f.read(appendingTo: &buffer, count: 1 << 20) == 0 { break }
        try SystemFile.standardOutput.write(buffer)
      }
    } catch { throw CorpusError(error) }
  }

  /// Removes a file.
  public static func remove(_ path: String) { FileSystem.remove(path) }

  /// A fresh private temporary directory.
  public static func makeTemporaryDirectory() throws(CorpusError) -> String {
    let base = "/tmp/translit-\(ProcessIdentity.pid)-\(UInt32.random(in: 0...UInt32.max))"
    do { try FileSystem.makeDirectories(base) } catch { throw CorpusError(error) }
    return base
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// An open POSIX file descriptor, closed in `deinit`. All raw file I/O of the library sits here,
/// beside the ICU bridge, so that the rest of the code stays free of unsafe pointers.
///
/// `@unchecked Sendable`: a descriptor is used by one job at a time; it is never shared.
final class SystemFile: @unchecked Sendable {
  let fd: Int32
  let path: String
  private let owned: Bool

  /// The standard streams (not closed on deinit).
  static let standardInput = SystemFile(fd: 0, path: "<stdin>", owned: false)
  static let standardOutput = SystemFile(fd: 1, path: "<stdout>", owned: false)
  static let standardError = SystemFile(fd: 2, path: "<stderr>", owned: false)

  private init(fd: Int32, path: String, owned: Bool) {
    self.fd = fd
    self.path = path
    self.owned = owned
  }

  deinit { if owned { _ = Glibc.close(fd) } }

  static func openForReading(_ path: String) throws(SystemError) -> SystemFile {
    let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw SystemError(errno: errno, operation: "open", path: path) }
    // Reads are sequential: let the kernel read ahead further (ignored for pipes).
    _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
    return SystemFile(fd: fd, path: path, owned: true)
  }

  static func create(_ path: String, mode: UInt32 = 0o644) throws(SystemError) -> SystemFile {
    let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
    if fd < 0 { throw SystemError(errno: errno, operation: "open", path: path) }
    return SystemFile(fd: fd, path: path, owned: true)
  }

  /// Creates a new unique file `<directory>/.<prefix>.XXXXXX` (mkstemp) for atomic replacement.
  static func createTemporary(in directory: String, prefix: String) throws(SystemError) -> SystemFile {
    var template = Array("\(directory)/.\(prefix).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if fd < 0 { throw SystemError(errno: errno, operation: "mkstemp", path: path) }
    return SystemFile(fd: fd, path: path, owned: true)
  }

  /// Reads up to `count` bytes, appending them to `buffer`; returns how many (0 at end).
  func read(appendingTo buffer: inout [UInt8], count: Int) throws(SystemError) -> Int {
    if buffer.isEmpty {
      // Common case in streaming: read straight into fresh, uninitialized storage (no zeroing).
      var got = 0
      var failure: Int32 = 0
      buffer = [UInt8](unsafeUninitializedCapacity: count) { p, initialized in
        while true {
          let r = Glibc.read(fd, p.baseAddress!, count)
          if r < 0 && errno == EINTR { continue }
          if r < 0 { failure = errno } else { got = r }
          break
        }
        initialized = got
      }
      if failure != 0 { throw SystemError(errno: failure, operation: "read", path: path) }
      return got
    }
    // Buffer holding a carried-over tail: a new buffer with the tail copied in front, the read
    // landing in uninitialized storage after it (no zero fill, no second copy of the chunk).
    let tail = buffer
    let old = tail.count
    var got = 0
    var failure: Int32 = 0
    buffer = [UInt8](unsafeUninitializedCapacity: old + count) { p, initialized in
      tail.withUnsafeBufferPointer { tail in
        p.baseAddress!.initialize(from: tail.baseAddress!, count: old)
      }
      while true {
        let r = Glibc.read(fd, p.baseAddress! + old, count)
        if r < 0 && errno == EINTR { continue }
        if r < 0 { failure = errno } else { got = r }
        break
      }
      initialized = old + got
    }
    if failure != 0 { throw SystemError(errno: failure, operation: "read", path: path) }
    return got
  }

  /// Writes all of `bytes[range]`.
  func write(_ bytes: [UInt8], range: Range<Int>? = nil) throws(SystemError) {
    let r = range ?? bytes.indices
    if r.isEmpty { return }
    var failure: Int32 = 0
    bytes.withUnsafeBufferPointer { p in
      var off = r.lowerBound
      while off < r.upperBound {
        let w = Glibc.write(fd, p.baseAddress! + off, r.upperBound - off)
        if w < 0 && errno == EINTR { continue }
        if w <= 0 { failure = w < 0 ? errno : EIO; return }
        off += w
      }
    }
    if failure != 0 { throw SystemError(errno: failure, operation: "write", path: path) }
  }

  func sync() throws(SystemError) {
    if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
      throw SystemError(errno: errno, operation: "fsync", path: path)
    }
  }

  func setMode(_ mode: UInt32) { _ = fchmod(fd, mode_t(mode)) }

  /// Size in bytes if this is a regular file.
  var regularFileSize: Int? {
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(st.st_size)
  }

  var isTerminal: Bool { isatty(fd) == 1 }
}

/// A failed system call: the operation, the path and `strerror`'s text.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The `errno` value.
  public let code: Int32
  /// What was being done (`open`, `read`, `write`, `rename`…).
  public let operation: String
  /// The file concerned.
  public let path: String

  init(errno: Int32, operation: String, path: String) {
    self.code = errno
    self.operation = operation
    self.path = path
  }

  /// `strerror`'s text for the code.
  public var reason: String { String(cString: strerror(code)) }
  public var description: String { "\(path): \(operation) failed: \(reason)" }
}

/// File-system queries and operations by path.
enum FileSystem {
  enum Kind: Sendable { case regular, directory, symbolicLink, other, missing }

  static func kind(_ path: String, followLinks: Bool) -> Kind {
    var st = stat()
    let r = followLinks ? stat(path, &st) : lstat(path, &st)
    if r != 0 { return .missing }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    default: return .other
    }
  }

  static func mode(_ path: String) -> UInt32? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return UInt32(st.st_mode & 0o7777)
  }

  static func size(_ path: String) -> Int? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Int(st.st_size)
  }

  /// Identity of the file (device, inode), to tell whether two paths are the same file.
  static func identity(_ path: String) -> (UInt64, UInt64)? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return (UInt64(st.st_dev), UInt64(st.st_ino))
  }

  /// `path`, or the file a symbolic link at `path` points to (resolved fully).
  ///
  /// - Throws: ``SystemError`` (ENOENT) for a dangling link.
  static func linkTarget(_ path: String) throws(SystemError) -> String {
    guard kind(path, followLinks: false) == .symbolicLink else { return path }
    guard let target = realPath(path) else {
      throw SystemError(errno: ENOENT, operation: "open (dangling symbolic link)", path: path)
    }
    return target
  }

  static func realPath(_ path: String) -> String? {
    guard let r = realpath(path, nil) else { return nil }
    defer { free(r) }
    return String(cString: r)
  }

  /// Names in a directory (without "." and ".."), sorted bytewise for deterministic order.
  static func entries(_ path: String) throws(SystemError) -> [String] {
    guard let dir = opendir(path) else { throw SystemError(errno: errno, operation: "opendir", path: path) }
    defer { closedir(dir) }
    var names: [String] = []
    while let e = readdir(dir) {
      let name = withUnsafeBytes(of: e.pointee.d_name) { raw -> String in
        let bytes = raw.prefix { $0 != 0 }
        return String(decoding: bytes, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  static func makeDirectories(_ path: String) throws(SystemError) {
    if kind(path, followLinks: true) == .directory { return }
    let parent = directoryName(path)
    if parent != path && !parent.isEmpty { try makeDirectories(parent) }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw SystemError(errno: errno, operation: "mkdir", path: path)
    }
  }

  static func rename(_ from: String, to: String) throws(SystemError) {
    if Glibc.rename(from, to) != 0 { throw SystemError(errno: errno, operation: "rename", path: to) }
  }

  static func remove(_ path: String) { _ = unlink(path) }

  static func directoryName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  static func baseName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  static func matches(glob: String, name: String) -> Bool { fnmatch(glob, name, 0) == 0 }
}

enum ProcessIdentity {
  static var pid: Int32 { getpid() }
}

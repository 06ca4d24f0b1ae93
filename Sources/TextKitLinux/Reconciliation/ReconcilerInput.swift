/// A document for ``EntityReconciler``: text in memory, or a file read in chunks.
public enum ReconcilerInput: Sendable, Hashable {
  /// A document in memory.
  case document(ReconcilerDocument)
  /// A UTF-8 text file, read in pieces of about 1 MB (never whole); its id is the path.
  case file(path: String)

  /// The id mentions carry.
  public var id: String {
    switch self {
    case .document(let d): return d.id
    case .file(let path): return path
    }
  }

  /// The size in bytes, if known.
  var byteCount: Int {
    switch self {
    case .document(let d): return d.text.utf8.count
    case .file(let path): return FileSystem.size(path) ?? 0
    }
  }
}

/// Reads an input in chunks of about `size` bytes, each ending after a line feed where the text
/// has one (else after a space, else before a UTF-8 lead byte), so no word or character is cut
/// and memory holds one chunk whatever the file's size or line lengths.
struct ChunkReader {
  static let defaultSize = 1 << 20
  private enum Source {
    case memory(String.UTF8View, String.UTF8View.Index)
    case file(SystemFile)
  }
  private var source: Source
  private var pending: [UInt8] = []
  private var atEnd = false
  private let size: Int
  /// Absolute byte offset of the next chunk.
  private(set) var offset = 0

  init(_ input: ReconcilerInput, size: Int = ChunkReader.defaultSize) throws(SystemError) {
    self.size = size
    switch input {
    case .document(let d): source = .memory(d.text.utf8, d.text.utf8.startIndex)
    case .file(let path): source = .file(try SystemFile.openForReading(path))
    }
  }

  /// Fills `out` with the next chunk; returns its absolute offset, or nil at the end.
  mutating func next(into out: inout [UInt8]) throws(SystemError) -> Int? {
    switch source {
    case .memory(let u, let start):
      guard start < u.endIndex else { return nil }
      var stop = u.index(start, offsetBy: size, limitedBy: u.endIndex) ?? u.endIndex
      if stop < u.endIndex {
        if let nl = u[stop...].firstIndex(of: 0x0A) { stop = u.index(after: nl) } else { stop = u.endIndex }
      }
      out.removeAll(keepingCapacity: true)
      out.append(contentsOf: u[start..<stop])
      source = .memory(u, stop)
      let base = offset
      offset += out.count
      return base
    case .file(let f):
      while pending.count < size && !atEnd {
        let n = try f.read(appendingTo: &pending, count: size)
        if n == 0 { atEnd = true }
      }
      guard !pending.isEmpty else { return nil }
      let cut = atEnd ? pending.count : Self.cutPoint(pending)
      swap(&out, &pending)
      pending.removeAll(keepingCapacity: true)
      if cut < out.count {
        pending.append(contentsOf: out[cut...])
        out.removeLast(out.count - cut)
      }
      let base = offset
      offset += out.count
      return base
    }
  }

  /// Where to cut `b` (not at its end): after the last line feed, else after the last ASCII
  /// space or tab, else before the last UTF-8 lead byte.
  static func cutPoint(_ b: [UInt8]) -> Int {
    var i = b.count - 1
    while i >= 0 {
      if b[i] == 0x0A { return i + 1 }
      i -= 1
    }
    i = b.count - 1
    while i >= 0 {
      if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D { return i + 1 }
      i -= 1
    }
    i = b.count - 1
    while i > 0 {
      if b[i] & 0xC0 != 0x80 { return i }
      i -= 1
    }
    return b.count
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// One mention as the reconciler keeps it while reading: fixed-size, surface by id.
struct MentionRecord: Sendable {
  var doc: UInt32
  var surface: UInt32
  /// Title string id, or `MentionRecord.none`.
  var title: UInt32
  /// Cluster (Hebrew mentions; Latin ones take their surface's cluster when written out).
  var cluster: UInt32
  var start: Int
  var end: Int
  var confidence: Float

  static let none: UInt32 = .max
  static let size = 32

  /// Writes the record's 32 bytes (little-endian) at `out[at...]`.
  func encode(into out: inout [UInt8], at i: Int) {
    let s = UInt64(start)
    let words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
      doc, surface, title, cluster, UInt32(truncatingIfNeeded: s), UInt32(truncatingIfNeeded: s >> 32),
      UInt32(truncatingIfNeeded: end - start), confidence.bitPattern
    )
    func put(_ k: Int, _ v: UInt32) {
      out[i + k] = UInt8(truncatingIfNeeded: v)
      out[i + k + 1] = UInt8(truncatingIfNeeded: v >> 8)
      out[i + k + 2] = UInt8(truncatingIfNeeded: v >> 16)
      out[i + k + 3] = UInt8(truncatingIfNeeded: v >> 24)
    }
    put(0, words.0)
    put(4, words.1)
    put(8, words.2)
    put(12, words.3)
    put(16, words.4)
    put(20, words.5)
    put(24, words.6)
    put(28, words.7)
  }

  init(doc: UInt32, surface: UInt32, title: UInt32, cluster: UInt32, start: Int, end: Int, confidence: Float) {
    self.doc = doc
    self.surface = surface
    self.title = title
    self.cluster = cluster
    self.start = start
    self.end = end
    self.confidence = confidence
  }

  init(_ b: [UInt8], at i: Int) {
    func get32(_ k: Int) -> UInt32 {
      UInt32(b[i + k]) | UInt32(b[i + k + 1]) << 8 | UInt32(b[i + k + 2]) << 16 | UInt32(b[i + k + 3]) << 24
    }
    doc = get32(0)
    surface = get32(4)
    title = get32(8)
    cluster = get32(12)
    start = Int(UInt64(get32(16)) | UInt64(get32(20)) << 32)
    end = start + Int(get32(24))
    confidence = Float(bitPattern: get32(28))
  }
}

/// Per-mention records, in memory (small runs, in-memory documents) or spilled to an unlinked
/// temporary file, so that memory holds only the vocabulary however many mentions there are.
///
/// The file is removed from its directory as soon as it is created: the kernel frees it when the
/// descriptors close, on normal exit, on error and on a crash alike.
final class MentionStore {
  private let writer: SystemFile?
  private let readers: [SystemFile]
  private var buffer: [UInt8] = []
  fileprivate(set) var memory: [UInt8] = []
  private(set) var count = 0
  static let flushBytes = 1 << 20

  /// An in-memory store.
  init() {
    writer = nil
    readers = []
  }

  /// A store spilled to a temporary file in `directory`.
  init(spillingTo directory: String) throws(SystemError) {
    let w = try SystemFile.createTemporary(in: directory, prefix: "translit-mentions")
    let r1 = try SystemFile.openForReading(w.path)
    let r2 = try SystemFile.openForReading(w.path)
    FileSystem.remove(w.path)
    writer = w
    readers = [r1, r2]
  }

  /// The directory for temporary files: `$TMPDIR`, else /tmp.
  static var temporaryDirectory: String {
    if let t = getenv("TMPDIR") {
      let s = String(cString: t)
      if !s.isEmpty { return s }
    }
    return "/tmp"
  }

  /// Bytes used at the start of `buffer` (spilling) or `memory`.
  private var used = 0

  func append(_ r: MentionRecord) throws(SystemError) {
    if writer == nil {
      if used + MentionRecord.size > memory.count {
        memory.append(contentsOf: repeatElement(0, count: max(memory.count, 1 << 12)))
      }
      r.encode(into: &memory, at: used)
      used += MentionRecord.size
    } else {
      if buffer.isEmpty { buffer = [UInt8](repeating: 0, count: Self.flushBytes) }
      r.encode(into: &buffer, at: used)
      used += MentionRecord.size
      if used == Self.flushBytes { try flush() }
    }
    count += 1
  }

  func flush() throws(SystemError) {
    guard let writer, used > 0 else { return }
    try writer.write(buffer, range: 0..<used)
    used = 0
  }

  /// Calls `body` with each record of `range` (record indices) in order; reader 0 or 1.
  func forEach(
    _ range: Range<Int>, reader: Int = 0, _ body: (MentionRecord) throws -> Void
  ) throws {
    if writer == nil {
      for i in range { try body(MentionRecord(memory, at: i * MentionRecord.size)) }
      return
    }
    var cursor = try Cursor(store: self, range: range, reader: reader)
    while let r = try cursor.next() { try body(r) }
  }

  /// A sequential reader over a range of records (two may be open at once).
  struct Cursor {
    let store: MentionStore
    var index: Int
    let end: Int
    var chunk: [UInt8] = []
    var position = 0
    let file: SystemFile?

    init(store: MentionStore, range: Range<Int>, reader: Int) throws(SystemError) {
      self.store = store
      index = range.lowerBound
      end = range.upperBound
      if store.writer != nil {
        try store.flush()
        let f = store.readers[reader]
        if lseek(f.fd, off_t(range.lowerBound * MentionRecord.size), SEEK_SET) < 0 {
          throw SystemError(errno: errno, operation: "lseek", path: f.path)
        }
        file = f
      } else {
        file = nil
      }
    }

    mutating func next() throws(SystemError) -> MentionRecord? {
      guard index < end else { return nil }
      guard let file else {
        defer { index += 1 }
        return MentionRecord(store.memory, at: index * MentionRecord.size)
      }
      if position + MentionRecord.size > chunk.count {
        let left = Array(chunk[position...])
        chunk = []
        let want = min(end - index, 1 << 15) * MentionRecord.size - left.count
        var got = 0
        var fresh: [UInt8] = []
        while got < want {
          let n = try file.read(appendingTo: &fresh, count: want - got)
          if n == 0 { break }
          got += n
        }
        chunk = left + fresh
        position = 0
        guard chunk.count >= MentionRecord.size else {
          throw SystemError(errno: EIO, operation: "read", path: file.path)
        }
      }
      let r = MentionRecord(chunk, at: position)
      position += MentionRecord.size
      index += 1
      return r
    }
  }
}

/// Byte sources and sinks for ``CorpusNormalizer``.
protocol ByteSource {
  mutating func read(appendingTo buffer: inout [UInt8], count: Int) throws(SystemError) -> Int
}

protocol ByteSink {
  mutating func write(_ bytes: [UInt8]) throws(SystemError)
  /// Writes bytes of a mapped input file; false when the mapping's pages vanished.
  mutating func write(from window: MappedFileWindow, range: Range<Int>) throws(SystemError) -> Bool
}

extension ByteSink {
  mutating func write(from window: MappedFileWindow, range: Range<Int>) throws(SystemError) -> Bool {
    let bytes: [UInt8]
    do { bytes = try window.copy(range) } catch { return false }
    try write(bytes)
    return true
  }
}

extension ByteSource {
  /// Reads chunks of `chunkSize` onto `raw` until it holds `minimum` bytes or the input ends
  /// (`eof`); returns how many bytes were read.
  mutating func fill(_ raw: inout [UInt8], to minimum: Int, chunkSize: Int, eof: inout Bool) throws(CorpusError) -> Int {
    var total = 0
    while !eof && raw.count < minimum {
      let got: Int
      do { got = try read(appendingTo: &raw, count: chunkSize) } catch { throw CorpusError(error) }
      if got == 0 { eof = true }
      total += got
    }
    return total
  }
}

struct FileSource: ByteSource {
  let file: SystemFile
  func read(appendingTo buffer: inout [UInt8], count: Int) throws(SystemError) -> Int {
    try file.read(appendingTo: &buffer, count: count)
  }
}

struct MemorySource: ByteSource {
  let bytes: [UInt8]
  var offset = 0
  mutating func read(appendingTo buffer: inout [UInt8], count: Int) throws(SystemError) -> Int {
    let n = Swift.min(count, bytes.count - offset)
    buffer.append(contentsOf: bytes[offset..<offset + n])
    offset += n
    return n
  }
}

/// Buffers small writes into 1 MiB blocks.
struct FileSink: ByteSink {
  let file: SystemFile
  var pending: [UInt8] = []
  init(file: SystemFile) { self.file = file }
  mutating func write(_ bytes: [UInt8]) throws(SystemError) {
    if pending.isEmpty && bytes.count >= 1 << 16 {
      try file.write(bytes)
      return
    }
    pending.append(contentsOf: bytes)
    if pending.count >= 1 << 20 { try flush() }
  }
  /// Straight from the page cache to the file (after what is pending): one kernel copy.
  mutating func write(from window: MappedFileWindow, range: Range<Int>) throws(SystemError) -> Bool {
    if !pending.isEmpty { try flush() }
    return try window.write(range, to: file)
  }
  mutating func flush() throws(SystemError) {
    try file.write(pending)
    pending.removeAll(keepingCapacity: true)
  }
}

struct MemorySink: ByteSink {
  var bytes: [UInt8] = []
  mutating func write(_ b: [UInt8]) throws(SystemError) { bytes.append(contentsOf: b) }
}

struct DiscardSink: ByteSink {
  mutating func write(_ b: [UInt8]) throws(SystemError) {}
}

/// A temporary file beside the destination, renamed over it on ``commit()``.
///
/// When the destination already exists (in-place rewrites, `-o` over a file) the temporary file
/// is fsynced before the rename, so that even a crash or power loss leaves either the original
/// or the complete new file. A new destination has no original to protect: it is renamed into
/// place without the (slow) fsync; a failed run still leaves nothing behind.
///
/// A symbolic link is written through: the file it points to is replaced (in its own
/// directory), the link stays. A FIFO, device or socket (`-o /dev/null`, a named pipe) is
/// written into directly; there is no file to replace atomically, and it must not be
/// replaced by a regular file. A dangling link is refused.
package final class AtomicFileWriter {
  let file: SystemFile
  let destination: String
  private let replacing: Bool
  /// Writing straight into a FIFO or device: nothing to rename or remove.
  private let direct: Bool
  private var done = false

  package init(destination requested: String, modeFrom original: String?) throws(SystemError) {
    let destination = try FileSystem.linkTarget(requested)
    self.destination = destination
    let kind = FileSystem.kind(destination, followLinks: true)
    replacing = kind != .missing
    direct = kind == .other
    if direct {
      file = try SystemFile.create(destination)
      return
    }
    let dir = FileSystem.directoryName(destination)
    file = try SystemFile.createTemporary(in: dir, prefix: FileSystem.baseName(destination))
    let mode = FileSystem.mode(destination) ?? original.flatMap(FileSystem.mode) ?? 0o644
    file.setMode(mode & 0o777)
  }

  package func commit() throws(SystemError) {
    if direct {
      done = true
      return
    }
    do {
      if replacing { try file.sync() }
      try FileSystem.rename(file.path, to: destination)
      done = true
    } catch {
      abort()
      throw error
    }
  }

  /// Appends `bytes` to the temporary file (or the FIFO or device).
  package func write(_ bytes: [UInt8]) throws(SystemError) { try file.write(bytes) }

  package func abort() {
    if !done && !direct { FileSystem.remove(file.path) }
    done = true
  }

  deinit { abort() }
}

/// UTF-8 validation or ICU decoding, carried across chunks.
struct StreamingDecoder {
  let encoding: TextEncoding
  let replace: Bool
  private let icu: ICUDecoder?
  private(set) var replacementCount = 0

  struct Bad: Error {
    var offset: Int
    var bytes: [UInt8]
  }

  init(encoding: TextEncoding, replace: Bool) throws(ICUError) {
    self.encoding = encoding
    self.replace = replace
    icu = encoding == .utf8 ? nil : try ICUDecoder(charset: encoding.icuName, replaceInvalid: replace)
  }

  /// A decoder for the encoding `choice` gives on the first bytes `raw` of input `file`, which
  /// loses its byte-order mark; a name ICU has no converter for is a usage error.
  static func start(_ choice: EncodingChoice, raw: inout [UInt8], replace: Bool, file: String) throws(CorpusError)
    -> (decision: EncodingDecision, decoder: StreamingDecoder)
  {
    let decision = EncodingDetector.decide(choice, firstBytes: raw)
    let decoder: StreamingDecoder
    do {
      decoder = try StreamingDecoder(encoding: decision.encoding, replace: replace)
    } catch {
      throw CorpusError(kind: .usage, file: file, message: "unknown encoding '\(decision.encoding)' (\(error))")
    }
    raw.removeFirst(decision.bomLength)
    return (decision, decoder)
  }

  var replacements: Int { replacementCount + (icu?.replacements ?? 0) }

  /// ``decode(_:final:appendingTo:)`` with a failure reported as a ``CorpusError`` naming `file`,
  /// the line (`linesBefore` plus the line feeds already in `text`) and the byte offset in the
  /// input (`rawBase` is the input offset of `raw[0]`).
  mutating func decode(
    _ raw: [UInt8], final: Bool, appendingTo text: inout [UInt8], file: String, linesBefore: Int, rawBase: Int
  ) throws(CorpusError) -> Int {
    let before = text.count
    do {
      return try decode(raw, final: final, appendingTo: &text)
    } catch {
      // The line feeds decoded before this call, and those of `raw` before the bad bytes
      // (ICU may not have written out the text it decoded before them).
      let line = linesBefore + ByteScanning.count(0x0A, in: text, range: 0..<before)
        + Self.lineFeeds(in: raw, before: error.offset, encoding: encoding) + 1
      throw CorpusError(
        kind: encoding == .utf8 ? .invalidUTF8 : .invalidBytes, file: file, line: line,
        byteOffset: rawBase + error.offset, bytes: error.bytes,
        message: encoding == .utf8 ? "" : "in \(encoding)")
    }
  }

  /// Line feeds in `raw[0..<end]`: U+000A code units in UTF-16, 0A bytes otherwise (UTF-8
  /// and the ASCII-compatible code pages).
  static func lineFeeds(in raw: [UInt8], before end: Int, encoding: TextEncoding) -> Int {
    let end = min(max(end, 0), raw.count)
    switch encoding {
    case .utf16LE, .utf16BE:
      let (low, high) = encoding == .utf16LE ? (0, 1) : (1, 0)
      var n = 0
      var i = 0
      while i + 1 < end {
        if raw[i + low] == 0x0A && raw[i + high] == 0 { n += 1 }
        i += 2
      }
      return n
    default:
      return ByteScanning.count(0x0A, in: raw, range: 0..<end)
    }
  }

  /// Decodes `raw` (from its start), appending UTF-8 to `text`; returns how many bytes of `raw`
  /// were consumed (an incomplete UTF-8 sequence at the end is kept unless `final`).
  mutating func decode(_ raw: [UInt8], final: Bool, appendingTo text: inout [UInt8]) throws(Bad) -> Int {
    if let icu {
      do {
        try icu.convert(raw, range: raw.indices, flush: final, appendingTo: &text)
      } catch {
        throw Bad(offset: error.offset, bytes: error.bytes)
      }
      return raw.count
    }
    var start = 0
    while true {
      let r = ByteScanning.findInvalidUTF8(raw, range: start..<raw.count, allowTruncatedTail: !final)
      guard let bad = r.invalid else {
        if start == 0 && r.tailStart == raw.count && text.isEmpty {
          text = raw
        } else {
          text.append(contentsOf: raw[start..<r.tailStart])
        }
        return r.tailStart
      }
      if !replace {
        text.append(contentsOf: raw[start..<bad.offset])  // so the caller can count lines
        // Show the bad sequence and the byte that broke it, as "C3 28".
        var end = bad.offset + bad.length
        if end < raw.count && bad.length < 4 && raw[bad.offset] >= 0xC2 { end += 1 }
        throw Bad(offset: bad.offset, bytes: Array(raw[bad.offset..<end]))
      }
      text.append(contentsOf: raw[start..<bad.offset])
      text.append(contentsOf: [0xEF, 0xBF, 0xBD])
      replacementCount += 1
      start = bad.offset + bad.length
    }
  }
}

/// Reads an input (a file or standard input) as decoded UTF-8 in chunks of whole lines, with
/// the decoding, error positions and error behaviour of ``CorpusNormalizer``: any encoding
/// (``EncodingChoice/auto`` included), invalid bytes either stop the input with a
/// ``CorpusError`` naming file, line and byte offset, or become U+FFFD.
///
/// ```swift
/// var reader = CorpusLineReader()
/// reader.encoding = .auto
/// let report = try reader.forEachChunk(of: "old-hebrew.txt") { chunk in
///   chunk.forEachLine { number, offset, line in /* line: UTF-8 bytes without "\n" */ }
/// }
/// print(report.encoding.reason, report.lines)
/// ```
///
/// Used by `translit segment` and `translit bidi`.
public struct CorpusLineReader: Sendable {
  /// How to choose the input encoding.
  public var encoding: EncodingChoice = .fixed(.utf8)
  /// Invalid input handling.
  public var onInvalid: CorpusNormalizer.InvalidInputPolicy = .error
  /// Bytes read per chunk (a chunk handed on holds at least one whole line).
  public var chunkSize = 1 << 20

  /// A reader of UTF-8 input that stops at the first invalid byte.
  public init() {}

  /// Decoded text handed to the caller: whole lines, each ending in `\n` except perhaps the
  /// input's last.
  public struct Chunk {
    /// The decoded UTF-8 bytes (valid only during the call).
    public var text: UnsafeBufferPointer<UInt8>
    /// The 1-based number of the line `text` starts.
    public var firstLine: Int
    /// Byte offset of `text[0]` in the decoded input. For UTF-8 input this is the offset in
    /// the file (a byte-order mark counts); for other encodings, in its UTF-8 decoding.
    public var offset: Int

    /// Calls `body(lineNumber, byteOffset, line)` for each line, without its `\n` or `\r\n`.
    @inline(__always)
    public func forEachLine(
      _ body: (_ number: Int, _ offset: Int, _ line: UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
      try forEachLine { number, offset, line, _ in try body(number, offset, line) }
    }

    /// Calls `body(lineNumber, byteOffset, line, ending)` for each line, as
    /// ``forEachLine(_:)`` does, and hands on how the line ended, so that a transformation
    /// can write the input's line ends back as they were (a last line without one stays
    /// without one).
    public func forEachLine(
      _ body: (_ number: Int, _ offset: Int, _ line: UnsafeBufferPointer<UInt8>, _ ending: LineEnding) throws -> Void
    ) rethrows {
      var start = 0
      var number = firstLine
      let n = text.count
      while start < n {
        var end = start
        while end < n && text[end] != 0x0A { end += 1 }
        var lineEnd = end
        var ending = end < n ? LineEnding.lineFeed : .none
        if lineEnd > start && text[lineEnd - 1] == 0x0D {
          lineEnd -= 1
          ending = end < n ? .carriageReturnLineFeed : .carriageReturn
        }
        try body(number, offset + start, UnsafeBufferPointer(rebasing: text[start..<lineEnd]), ending)
        number += 1
        start = end + 1
      }
    }
  }

  /// How a line ended in the input.
  public enum LineEnding: Sendable, Hashable {
    /// The input's last line, with no line end after it.
    case none
    /// `\n`.
    case lineFeed
    /// `\r\n`.
    case carriageReturnLineFeed
    /// `\r` ending the input's last line.
    case carriageReturn

    /// The line end's characters (`""` for ``none``).
    public var text: String {
      switch self {
      case .none: ""
      case .lineFeed: "\n"
      case .carriageReturnLineFeed: "\r\n"
      case .carriageReturn: "\r"
      }
    }
  }

  /// What reading one input did.
  public struct Report: Sendable, Hashable {
    /// The input's name (path, or `<stdin>`).
    public var input: String
    /// Bytes read.
    public var bytesIn = 0
    /// Lines in the decoded input (a last line without `\n` counts).
    public var lines = 0
    /// The encoding used and why.
    public var encoding = EncodingDecision(encoding: .utf8, bomLength: 0, reason: "")
    /// U+FFFD substitutions made (``CorpusNormalizer/InvalidInputPolicy/replace``).
    public var replacements = 0
  }

  /// Reads `input` (a path; `nil` or `"-"`: standard input) and calls `body` with its decoded
  /// text in order.
  ///
  /// With ``CorpusNormalizer/InvalidInputPolicy/error``, a regular file is checked first, so
  /// that a bad file reaches `body` not at all; standard input is streamed as it comes, and
  /// stops at the bad line. Input problems throw ``CorpusError``; errors thrown by `body`
  /// end the reading and are rethrown as they are.
  @discardableResult
  public func forEachChunk(of input: String?, _ body: (Chunk) throws -> Void) throws -> Report {
    guard let input, input != "-" else {
      var source = FileSource(file: .standardInput)
      return try run(source: &source, name: "<stdin>", body)
    }
    let file: SystemFile
    do { file = try SystemFile.openForReading(input) } catch { throw CorpusError(error) }
    if FileSystem.kind(input, followLinks: true) == .directory {
      throw CorpusError(kind: .io, file: input, message: "is a directory")
    }
    if onInvalid == .error && file.regularFileSize != nil {
      // UTF-8 input: one validating pass over the raw bytes (no decoding, no copies); the
      // full reader runs only to name the error when the scan finds one.
      if encoding == .fixed(.utf8) {
        var check = FileSource(file: try CorpusNormalizer.reopen(input))
        if try !Self.isValidUTF8(&check, chunkSize: chunkSize) {
          var recheck = FileSource(file: try CorpusNormalizer.reopen(input))
          _ = try run(source: &recheck, name: input) { _ in }
        }
      } else {
        var check = FileSource(file: try CorpusNormalizer.reopen(input))
        _ = try run(source: &check, name: input) { _ in }
      }
    }
    var source = FileSource(file: file)
    return try run(source: &source, name: input, body)
  }

  /// Whether all of `source` is well-formed UTF-8 (validated chunk by chunk with
  /// `cicu_utf8_find_invalid`, the cheapest validator here on Hebrew and mixed text alike; a
  /// sequence cut by a chunk end is carried to the next).
  static func isValidUTF8(_ source: inout some ByteSource, chunkSize: Int) throws(CorpusError) -> Bool {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(chunkSize + 8)
    while true {
      let got: Int
      do { got = try source.read(appendingTo: &buffer, count: chunkSize) } catch { throw CorpusError(error) }
      let final = got == 0
      let scan = ByteScanning.findInvalidUTF8(buffer, range: 0..<buffer.count, allowTruncatedTail: !final)
      if scan.invalid != nil { return false }
      if final { return true }
      buffer.removeFirst(scan.tailStart)
    }
  }

  /// Reads bytes in memory (for tests and callers that have them already).
  @discardableResult
  public func forEachChunk(ofBytes bytes: [UInt8], name: String = "<bytes>", _ body: (Chunk) throws -> Void)
    throws -> Report
  {
    var source = MemorySource(bytes: bytes)
    return try run(source: &source, name: name, body)
  }

  func run(source: inout some ByteSource, name: String, _ body: (Chunk) throws -> Void) throws -> Report {
    var report = Report(input: name)
    var raw: [UInt8] = []  // undecoded input
    var rawBase = 0  // absolute offset of raw[0]
    var text: [UInt8] = []  // decoded UTF-8 not yet handed on
    var textBase = 0  // decoded offset of text[0]
    var linesBefore = 0  // lines handed on
    var eof = false

    func fill(_ minimum: Int) throws(CorpusError) {
      report.bytesIn += try source.fill(&raw, to: minimum, chunkSize: chunkSize, eof: &eof)
    }

    try fill(EncodingDetector.sampleSize)
    var (decision, decoder) = try StreamingDecoder.start(encoding, raw: &raw, replace: onInvalid == .replace, file: name)
    report.encoding = decision
    rawBase = decision.bomLength
    // UTF-8 offsets are file offsets: count the byte-order mark.
    textBase = decision.encoding == .utf8 ? decision.bomLength : 0

    var first = true
    while true {
      if !first && !eof { try fill(raw.count + 1) }
      first = false
      let consumed = try decoder.decode(
        raw, final: eof, appendingTo: &text, file: name, linesBefore: linesBefore, rawBase: rawBase)
      raw.removeFirst(consumed)
      rawBase += consumed
      // Hand on the complete lines (all of it at the end).
      let cut: Int
      if eof {
        cut = text.count
      } else if let nl = ByteScanning.lastIndex(of: 0x0A, in: text, before: text.count) {
        cut = nl + 1
      } else {
        cut = 0
      }
      if cut > 0 {
        let lines = ByteScanning.count(0x0A, in: text, range: 0..<cut)
          + (text[cut - 1] == 0x0A ? 0 : 1)
        try text.withUnsafeBufferPointer { all in
          try body(Chunk(text: UnsafeBufferPointer(rebasing: all[0..<cut]), firstLine: linesBefore + 1,
                         offset: textBase))
        }
        linesBefore += lines
        textBase += cut
        if cut == text.count { text.removeAll(keepingCapacity: true) } else { text.removeFirst(cut) }
      }
      // At the end everything was decoded (final) and handed on.
      if eof { break }
    }
    report.lines = linesBefore
    report.replacements = decoder.replacements
    return report
  }
}

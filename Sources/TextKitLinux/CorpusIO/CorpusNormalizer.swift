import CICU

/// Streams whole inputs (files, standard input, byte arrays) through decoding and a
/// ``TextNormalizer``, with bounded memory, exact error positions and atomic file writes.
///
/// ```swift
/// var job = CorpusNormalizer(profile: .clean)
/// job.encoding = .auto
/// let report = try job.normalizeFile(at: "in.txt", to: "out.txt")   // atomic: temp + rename
/// print(report.bytesOut, report.encoding.reason)
/// let bytes = try job.normalize(bytes: Array("שלום\r\n".utf8)).output   // "שלום\n"
/// ```
///
/// Input is read in chunks (256 KiB by default) and cut at line ends, or, for a line longer than
/// the chunk, before a character where no combining sequence or grapheme can continue, so
/// streaming gives exactly the output of normalizing the whole input at once.
public struct CorpusNormalizer: Sendable {
  /// What to do with bytes that are invalid in the input's encoding.
  public enum InvalidInputPolicy: String, Sendable, CaseIterable {
    /// Stop this input with a ``CorpusError`` naming line, byte offset and bytes; write nothing.
    case error
    /// Write U+FFFD for each maximal invalid sequence and count them in the report.
    case replace
  }

  /// The pipeline.
  public var profile: NormalizationProfile
  /// How to choose the input encoding.
  public var encoding: EncodingChoice = .fixed(.utf8)
  /// Invalid input handling.
  public var onInvalid: InvalidInputPolicy = .error
  /// When `false` (the default) every line end becomes `\n`, whatever the profile.
  public var keepLineEnds = false
  /// JSON Lines mode: normalize only the string at this dotted path (e.g. `["meta", "text"]`)
  /// in each line, keeping every other byte of the line as it was.
  public var jsonField: [String]?
  /// Bytes read per chunk. The default, 256 KiB, keeps a chunk in the CPU's L2 cache from the
  /// read through the scan to the write (measured here: 1 MiB chunks spill and are slower).
  public var chunkSize = 1 << 18
  /// Regular UTF-8 files of at least this many bytes are read through a memory mapping.
  var mappingThreshold = 1 << 20
  /// Bytes mapped at a time (at least four chunks).
  var mappingWindow = 8 << 20
  /// Repair lines of legacy visual-order Hebrew to logical order before normalizing
  /// (``VisualOrderDetector`` decides per line; see ``CorpusReport/visualLinesRepaired``).
  public var repairVisualOrder = false

  /// A normalizer for a profile.
  public init(profile: NormalizationProfile = .nfc) { self.profile = profile }

  /// The steps actually run: the profile, with line-end unification first unless
  /// ``keepLineEnds`` (or JSON Lines mode, where the line bytes are kept).
  var effectiveProfile: NormalizationProfile {
    var steps = profile.steps
    if keepLineEnds || jsonField != nil {
      steps.removeAll { $0 == .unifyLineEnds }
    } else if !steps.contains(.unifyLineEnds) {
      steps.insert(.unifyLineEnds, at: 0)
    }
    return NormalizationProfile(steps: steps)
  }

  /// Normalizes bytes in memory.
  public func normalize(bytes: [UInt8], name: String = "<bytes>") throws(CorpusError) -> (output: [UInt8], report: CorpusReport) {
    var source = MemorySource(bytes: bytes)
    var sink = MemorySink()
    let report = try run(source: &source, name: name, sink: &sink, progress: nil)
    return (sink.bytes, report)
  }

  /// Normalizes the file at `input` into `output`, atomically: the output is written to a
  /// temporary file in the same directory, synced and renamed over `output` only on success. If
  /// `output` is `input`, this is an in-place rewrite; on any failure the original is untouched.
  @discardableResult
  public func normalizeFile(at input: String?, to output: String, progress: (@Sendable (Int) -> Void)? = nil)
    throws(CorpusError) -> CorpusReport
  {
    let writer: AtomicFileWriter
    do { writer = try AtomicFileWriter(destination: output, modeFrom: input) } catch { throw CorpusError(error) }
    var sink = FileSink(file: writer.file)
    let report: CorpusReport
    do throws(CorpusError) {
      var source: FileSource
      let name: String
      if let input, input != "-" {
        if FileSystem.kind(input, followLinks: true) == .directory {
          throw CorpusError(kind: .io, file: input, message: "is a directory")
        }
        source = FileSource(file: try Self.reopen(input))
        name = input
      } else {
        source = FileSource(file: .standardInput)
        name = "<stdin>"
      }
      report = try run(source: &source, name: name, sink: &sink, progress: progress)
    } catch {
      writer.abort()
      throw error
    }
    do {
      try sink.flush()
      try writer.commit()
    } catch {
      writer.abort()
      throw CorpusError(error)
    }
    return report
  }

  /// For executables: makes glibc's allocator reuse large buffers from the heap instead of
  /// mapping fresh pages for each chunk (page faults and zeroing cost about a quarter of a
  /// streaming run). Process-wide; call once at start-up, never from a library.
  public static func tuneProcessAllocator() { cicu_tune_allocator_for_streaming() }

  /// Concatenates files into `output` atomically (temporary file, sync, rename).
  public static func concatenate(_ parts: [String], into output: String) throws(CorpusError) {
    do {
      let writer = try AtomicFileWriter(destination: output, modeFrom: nil)
      var buffer: [UInt8] = []
      for part in parts {
        let f = try SystemFile.openForReading(part)
        while true {
          buffer.removeAll(keepingCapacity: true)
          if try f.read(appendingTo: &buffer, count: 1 << 20) == 0 { break }
          try writer.file.write(buffer)
        }
      }
      try writer.commit()
    } catch { throw CorpusError(error) }
  }

  /// Normalizes a file or standard input (`nil`) to standard output.
  ///
  /// For a regular file with ``InvalidInputPolicy/error``, the file is checked first so that a
  /// bad file writes nothing. Standard input is streamed as it comes: on an error, what came
  /// before the bad line has already been written.
  @discardableResult
  public func normalizeToStandardOutput(from input: String?, progress: (@Sendable (Int) -> Void)? = nil)
    throws(CorpusError) -> CorpusReport
  {
    var sink = FileSink(file: .standardOutput)
    let report = try normalize(from: input, into: &sink, progress: progress)
    do { try sink.flush() } catch { throw CorpusError(error) }
    return report
  }

  func normalize(from input: String?, into sink: inout some ByteSink, progress: (@Sendable (Int) -> Void)?)
    throws(CorpusError) -> CorpusReport
  {
    guard let input, input != "-" else {
      var source = FileSource(file: .standardInput)
      return try run(source: &source, name: "<stdin>", sink: &sink, progress: progress)
    }
    let file: SystemFile
    do { file = try SystemFile.openForReading(input) } catch { throw CorpusError(error) }
    if FileSystem.kind(input, followLinks: true) == .directory {
      throw CorpusError(kind: .io, file: input, message: "is a directory")
    }
    if onInvalid == .error && file.regularFileSize != nil {
      var check = FileSource(file: try Self.reopen(input))
      var discard = DiscardSink()
      _ = try run(source: &check, name: input, sink: &discard, progress: nil, decodeOnly: true)
    }
    var source = FileSource(file: file)
    return try run(source: &source, name: input, sink: &sink, progress: progress)
  }

  static func reopen(_ path: String) throws(CorpusError) -> SystemFile {
    do { return try SystemFile.openForReading(path) } catch { throw CorpusError(error) }
  }

  // MARK: The streaming loop

  func run(
    source: inout some ByteSource, name: String, sink: inout some ByteSink,
    progress: (@Sendable (Int) -> Void)?, decodeOnly: Bool = false
  ) throws(CorpusError) -> CorpusReport {
    let normalizer = TextNormalizer(profile: effectiveProfile)
    var report = CorpusReport(input: name)
    var raw: [UInt8] = []  // undecoded input
    var rawBase = 0  // absolute offset of raw[0]
    var text: [UInt8] = []  // decoded UTF-8 not yet normalized
    var linesBefore = 0  // '\n' count in decoded text already passed on
    var eof = false
    var decoder: StreamingDecoder? = nil

    func fill(_ minimum: Int) throws(CorpusError) {
      report.bytesIn += try source.fill(&raw, to: minimum, chunkSize: chunkSize, eof: &eof)
    }

    // Encoding decision on the first bytes.
    try fill(EncodingDetector.sampleSize)
    let (decision, firstDecoder) = try StreamingDecoder.start(encoding, raw: &raw, replace: onInvalid == .replace, file: name)
    decoder = firstDecoder
    report.encoding = decision
    rawBase = decision.bomLength

    var stats = NormalizationStatistics()

    /// Normalizes one piece (whole lines, or a safe cut of an overlong one) and writes it.
    func pass(_ piece: [UInt8], firstLine: Int, facts: TextNormalizer.ChunkFacts) throws(CorpusError) {
      if decodeOnly { return }
      let out: [UInt8]
      do {
        if let field = jsonField {
          out = try JSONLines.normalizeField(field, in: piece, firstLine: firstLine, file: name, normalizer: normalizer, statistics: &stats)
        } else if repairVisualOrder {
          let (fixed, count) = try Self.repairVisualLines(piece, detector: VisualOrderDetector())
          report.visualLinesRepaired += count
          out = try normalizer.normalize(utf8: fixed, statistics: &stats)
        } else {
          out = try normalizer.normalize(utf8: piece, facts: facts, statistics: &stats)
        }
      } catch let e as CorpusError {
        throw e
      } catch let e as ICUError {
        throw CorpusError(e, file: name)
      } catch {
        throw CorpusError(kind: .icu, file: name, message: "\(error)")
      }
      do { try sink.write(out) } catch { throw CorpusError(error) }
      report.bytesOut += out.count
    }

    if decision.encoding == .utf8 && onInvalid == .error, let file = (source as? FileSource)?.file,
      file !== SystemFile.standardInput, let size = file.regularFileSize, size >= mappingThreshold,
      // A file system that cannot map files is read the ordinary way below.
      let mappedStart = try? MappedFileWindow(
        file: file, offset: 0, count: Swift.min(size, Swift.max(mappingWindow, 4 * chunkSize + MappedFileWindow.pageSize)))
    {
      // A large regular file is scanned in place through a sliding memory mapping: no copy into
      // a read buffer, and lines that provably need no change go from the page cache straight
      // to the output. Same pieces (whole lines, or safe cuts of overlong ones) as below.
      let trackNFC = effectiveProfile.steps.contains(.form(.nfc))
      let shortcut = jsonField == nil && !repairVisualOrder && !decodeOnly
      var firstWindow: MappedFileWindow? = mappedStart
      let page = MappedFileWindow.pageSize
      let windowSize = Swift.max(mappingWindow, 4 * chunkSize + page)
      func vanished() -> CorpusError {
        CorpusError(kind: .io, file: name, message: "file changed (shrank) while being read")
      }
      var position = decision.bomLength  // file offset of the first byte not passed on
      while position < size {
        let windowStart = position - position % page
        let windowEnd = Swift.min(size, windowStart + windowSize)
        let window: MappedFileWindow
        if let first = firstWindow {
          window = first  // windowStart is 0
          firstWindow = nil
        } else {
          do { window = try MappedFileWindow(file: file, offset: windowStart, count: windowEnd - windowStart) } catch {
            throw CorpusError(error)
          }
        }
        let n = windowEnd - windowStart
        var at = position - windowStart
        var pieceLimit = chunkSize
        pieces: while at < n {
          let end = Swift.min(at + pieceLimit, n)
          let final = windowEnd == size && end == n
          let scan: ByteScanning.UTF8Scan
          do { scan = try window.scanUTF8(at..<end, allowTruncatedTail: !final, trackNFC: trackNFC) } catch {
            throw vanished()
          }
          if scan.badLength > 0 {
            var stop = scan.end + scan.badLength
            if at + stop < n && scan.badLength < 4 {
              let lead: [UInt8]
              do { lead = try window.copy(at + scan.end..<at + scan.end + 1) } catch { throw vanished() }
              if lead[0] >= 0xC2 { stop += 1 }
            }
            let bytes: [UInt8]
            do { bytes = try window.copy(at + scan.end..<at + stop) } catch { throw vanished() }
            throw CorpusError(
              kind: .invalidUTF8, file: name, line: linesBefore + scan.newlines + 1,
              byteOffset: windowStart + at + scan.end, bytes: bytes)
          }
          var cut: Int
          var lines = scan.newlines
          if final {
            cut = end - at
          } else if let nl = scan.lastNewline {
            cut = nl + 1
          } else if end - at >= chunkSize {
            // A line longer than a chunk: cut it where no sequence can continue.
            let piece: [UInt8]
            do { piece = try window.copy(at..<end) } catch { throw vanished() }
            lines = 0
            if let boundary = ChunkBoundary.boundary(piece, end: scan.end) {
              cut = boundary
            } else if end < n {
              pieceLimit *= 2  // no place to cut yet: look further
              continue pieces
            } else if at < page {
              cut = scan.end  // one combining sequence as long as the window: pass it on whole
            } else {
              break pieces  // map the next window from here and look further
            }
          } else {
            break pieces  // the line goes on past the window: map the next one from its start
          }
          pieceLimit = chunkSize
          let facts = TextNormalizer.ChunkFacts(
            mayHaveLineEnds: scan.firstLineEnd.map { $0 < cut } ?? false,
            firstNFCUnstable: trackNFC ? Swift.min(scan.firstNFCUnstable, cut) : 0)
          let firstLine = linesBefore + 1
          linesBefore += lines
          if decodeOnly {
            // checked only
          } else if shortcut && normalizer.provesUnchanged(facts, count: cut, statistics: &stats) {
            let written: Bool
            do { written = try sink.write(from: window, range: at..<at + cut) } catch { throw CorpusError(error) }
            if !written { throw vanished() }
            report.bytesOut += cut
          } else {
            let piece: [UInt8]
            do { piece = try window.copy(at..<at + cut) } catch { throw vanished() }
            try pass(piece, firstLine: firstLine, facts: facts)
          }
          at += cut
          progress?(windowStart + at)
        }
        position = windowStart + at
      }
      report.bytesIn = size
      report.lines = linesBefore
      report.statistics = stats
      return report
    }

    if decision.encoding == .utf8 && onInvalid == .error {
      // UTF-8 is checked, not converted: one C pass per buffer validates it and finds the line
      // feeds, any other line end and the first scalar NFC could change, so that steps with
      // nothing to do are skipped and unchanged pieces are written from the read buffer as is.
      let trackNFC = effectiveProfile.steps.contains(.form(.nfc))
      var buffer = raw  // unscanned tail of the last round + what was read since
      raw = []
      while true {
        let scan = ByteScanning.scanUTF8(buffer, allowTruncatedTail: !eof, trackNFC: trackNFC)
        if scan.badLength > 0 {
          var end = scan.end + scan.badLength
          if end < buffer.count && scan.badLength < 4 && buffer[scan.end] >= 0xC2 { end += 1 }
          throw CorpusError(
            kind: .invalidUTF8, file: name, line: linesBefore + scan.newlines + 1,
            byteOffset: rawBase + scan.end, bytes: Array(buffer[scan.end..<end]))
        }
        let cut: Int
        var lines = scan.newlines
        if eof {
          cut = buffer.count
        } else if let nl = scan.lastNewline {
          cut = nl + 1
        } else if scan.end >= chunkSize {
          cut = ChunkBoundary.safeCut(buffer, end: scan.end)
          lines = 0
        } else {
          cut = 0
        }
        if cut > 0 {
          let facts = TextNormalizer.ChunkFacts(
            mayHaveLineEnds: scan.firstLineEnd.map { $0 < cut } ?? false,
            firstNFCUnstable: trackNFC ? Swift.min(scan.firstNFCUnstable, cut) : 0)
          // Hand the buffer on as the piece and keep only the (short) tail.
          var piece = buffer
          buffer = cut < piece.count ? Array(piece[cut...]) : []
          if cut < piece.count { piece.removeSubrange(cut...) }
          let firstLine = linesBefore + 1
          linesBefore += lines
          try pass(piece, firstLine: firstLine, facts: facts)
          rawBase += cut
          progress?(report.bytesIn)
        }
        if eof { break }
        let got: Int
        do { got = try source.read(appendingTo: &buffer, count: chunkSize) } catch { throw CorpusError(error) }
        if got == 0 { eof = true }
        report.bytesIn += got
      }
      report.lines = linesBefore
      report.statistics = stats
      return report
    }

    var first = true
    while true {
      // Read one more chunk each round (the first was read for detection); an incomplete
      // sequence left at the end of `raw` waits for it.
      if !first && !eof { try fill(raw.count + 1) }
      first = false
      // Decode everything read so far.
      let consumedRaw = try decoder!.decode(
        raw, final: eof, appendingTo: &text, file: name, linesBefore: linesBefore, rawBase: rawBase)
      raw.removeFirst(consumedRaw)
      rawBase += consumedRaw
      // Pass on complete lines (or a safe cut of an overlong line).
      let cut: Int
      if eof {
        cut = text.count
      } else if let nl = ByteScanning.lastIndex(of: 0x0A, in: text, before: text.count) {
        cut = nl + 1
      } else if text.count >= chunkSize {
        cut = ChunkBoundary.safeCut(text)
      } else {
        cut = 0
      }
      if cut > 0 {
        // Hand the chunk's storage on as the piece and keep only the (short) tail: no copy of
        // the piece, no memmove of the buffer.
        var piece = text
        text = Array(piece[cut...])
        piece.removeSubrange(cut...)
        let firstLine = linesBefore + 1
        linesBefore += ByteScanning.count(0x0A, in: piece, range: piece.indices)
        try pass(piece, firstLine: firstLine, facts: .unknown)
        progress?(report.bytesIn)
      }
      if eof && text.isEmpty && raw.isEmpty { break }
    }
    report.lines = linesBefore
    report.statistics = stats
    report.replacements = decoder!.replacements
    return report
  }
}

/// What normalizing one input did.
public struct CorpusReport: Sendable, Hashable {
  /// The input's name.
  public var input: String
  /// Bytes read.
  public var bytesIn = 0
  /// Bytes written.
  public var bytesOut = 0
  /// Lines (`\n`) in the decoded input.
  public var lines = 0
  /// The encoding used and why.
  public var encoding = EncodingDecision(encoding: .utf8, bomLength: 0, reason: "")
  /// U+FFFD substitutions made (``CorpusNormalizer/InvalidInputPolicy/replace``).
  public var replacements = 0
  /// Changes per step.
  public var statistics = NormalizationStatistics()
  /// Lines repaired from visual to logical order (``CorpusNormalizer/repairVisualOrder``).
  public var visualLinesRepaired = 0

  /// Creates an empty report.
  public init(input: String) { self.input = input }
}

/// Where a chunk of text may be cut without changing its normalization or splitting a grapheme.
enum ChunkBoundary {
  /// The last offset (> 0) before an ASCII character that is not a line feed after a CR, or, for
  /// text without ASCII, before a character that starts a normalization segment in every form.
  static func safeCut(_ text: [UInt8]) -> Int { safeCut(text, end: text.count) }

  /// ``safeCut(_:)`` of `text[..<end]` (the rest may hold an incomplete sequence).
  static func safeCut(_ text: [UInt8], end: Int) -> Int { boundary(text, end: end) ?? end }

  /// The cut ``safeCut(_:end:)`` finds, or nil when `text[..<end]` has no place to cut (one
  /// combining sequence, as far as it goes).
  static func boundary(_ text: [UInt8], end: Int) -> Int? {
    var i = end - 1
    let floor = Swift.max(1, end - 65536)
    while i >= floor {
      let b = text[i]
      if b < 0x80 && b != 0x0A && text[i - 1] != 0x0D && b != 0x27 && b != 0x22 && text[i - 1] < 0x80 {
        return i
      }
      i -= 1
    }
    // No ASCII near the end: cut before a starter that every form treats as a boundary.
    i = end - 1
    while i >= 1 {
      if text[i] & 0xC0 != 0x80 {
        let (v, _) = UTF8Bytes.decode(text, at: i)
        if let s = Unicode.Scalar(v), ChunkBoundary.isHardBoundary(s) { return i }
      }
      i -= 1
    }
    return nil
  }

  static func isHardBoundary(_ s: Unicode.Scalar) -> Bool {
    guard UnicodeTables.combiningClass[Int(s.value)] == 0 else { return false }
    let gc = UnicodeTables.generalCategory[Int(s.value)]
    if GeneralCategoryCode.isMark(gc) || s.value == 0x200D || s.value == 0x200C { return false }
    for form in NormalizationForm.allCases {
      guard let n = try? ICUNormalizer.instance(form), n.hasBoundaryBefore(s) else { return false }
    }
    return true
  }
}

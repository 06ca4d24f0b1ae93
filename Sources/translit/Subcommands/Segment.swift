import ArgumentParser
import TextKitLinux

extension TranslitCommand {
  /// `translit segment`: words, sentences, graphemes, line-break units or bidi runs.
  struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cut text into words, sentences, graphemes, line-break units or bidi runs.",
      discussion: """
        Reads the INPUT files (or standard input; "-" is standard input), \
        decoded as --encoding says (UTF-8 by default; auto detects), and \
        streams the segments out; segments never cross a line end.

        Offsets (start, end) are UTF-8 byte offsets from the start of the \
        raw input file (for UTF-8 input), so
          tail -c +$((start+1)) FILE | head -c $((end-start))
        prints the segment. For other encodings, and after --on-invalid \
        replace (each replaced sequence counts as the 3 bytes of U+FFFD), \
        they are offsets in the input's UTF-8 decoding (what `translit \
        normalize --encoding E` writes).

        Formats:
          text   one segment per line (white space segments left out)
          tsv    start end kind script dir text (tab in text written \\t)
          jsonl  {"input","line","start","end","text","kind","script",
                  "dir"[,"role"]}

        kind: word, number, punctuation, space, symbol, emoji (run for \
        --unit run); script: ISO 15924 code (Hebr, Latn, Zyyy); dir: ltr, \
        rtl, or neutral (no strong character); role: prefix, maqaf, \
        acronym (Hebrew refinements).

        Hebrew refinements (on; --no-hebrew-refinements turns them off):
        acronyms with gershayim and letters with geresh stay whole (ח"כ, \
        ג'ורג'); a maqaf between words is its own segment (role maqaf); a \
        proclitic before a number or Latin word is split off (ב2024 -> ב + \
        2024; in ב-2024 the ב gets role prefix). --split-prefixes also \
        splits Hebrew words at their most likely proclitics; give known \
        stems and names with --lexicon (then בבאקו -> ב + באקו). Input \
        files are also read once beforehand for their own words: a stem \
        that occurs as a word supports a split, and a word that occurs \
        after a proclitic elsewhere stays whole (ביטחון when לביטחון \
        occurs). Standard input is read once, without this.

        Examples:
          translit segment --format tsv article.txt
          translit segment --split-prefixes --lexicon places.txt news.txt
          translit segment --unit sentence --format jsonl --locale en a.txt
          echo 'שלום Dan 2024' | translit segment --unit run
          translit segment --encoding windows-1255 old.txt

        Exit codes: 0 ok; 1 some inputs failed (the rest were done); 64 \
        usage; 65 bad data (e.g. "notes.txt:3:117: invalid UTF-8 (bytes C3 \
        28)": file, line, byte offset; nothing is written for a bad file); \
        74 I/O error.
        """
    )

    enum Unit: String, ExpressibleByArgument, CaseIterable {
      case word, sentence, grapheme, line, run
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, tsv, jsonl
    }

    @Option(help: "Segment unit: word, sentence, grapheme, line or run (bidi runs).") var unit: Unit = .word
    @Option(help: "Output format: text, tsv or jsonl.") var format: Format = .text
    @Option(help: "ICU locale for the break rules (he, en, az, ru, …; default: root).") var locale: String = ""
    @Flag(help: "Split Hebrew words at their most likely proclitics.") var splitPrefixes = false
    @Option(help: "With --split-prefixes: a file of known stems and names, one a line (UTF-8).")
    var lexicon: String?
    @Flag(help: "Turn off the Hebrew refinements.") var noHebrewRefinements = false
    @OptionGroup var input: InputOptions
    @Argument(help: "Input files; none or \"-\" reads standard input.") var inputs: [String] = []

    /// The Hebrew words (letters and points, with a geresh after a letter) of the input files,
    /// read once before segmenting (the first million distinct words); standard input is not
    /// read twice. Inputs that cannot be read are skipped here (the segmenting pass reports
    /// them).
    func corpusWords() -> Set<String> {
      var reader = CorpusLineReader()
      reader.encoding = input.encodingChoice
      reader.onInvalid = .replace
      var words: Set<String> = []
      for name in inputs where name != "-" {
        _ = try? reader.forEachChunk(of: name) { chunk in
          let t = chunk.text
          var i = 0
          while i + 1 < t.count {
            guard t[i] == 0xD7, (0x90...0xAA).contains(t[i + 1]) else {
              i += 1
              continue
            }
            var j = i
            while j + 1 < t.count {
              let (a, b) = (t[j], t[j + 1])
              if (a == 0xD7 && ((0x90...0xAA).contains(b) || b == 0x81 || b == 0x82 || b == 0xB3 || b == 0xB4))
                || (a == 0xD6 && b >= 0x91 && b <= 0xBF && b != 0xBE)
              {
                j += 2
              } else if a == 0x27 && j > i {
                j += 1
              } else {
                break
              }
            }
            // Up to a million distinct words (about 100 MB): evidence enough, memory bounded.
            if j - i >= 4 && words.count < 1_000_000 {
              words.insert(String(decoding: UnsafeBufferPointer(rebasing: t[i..<j]), as: UTF8.self))
            }
            i = j
          }
        }
      }
      return words
    }

    func validate() throws {
      // An option that would have no effect is an error, not silently ignored.
      if lexicon != nil && !splitPrefixes { throw ValidationError("--lexicon needs --split-prefixes") }
      if !Segmenter.isKnownLocale(locale) {
        throw ValidationError("--locale \(locale): not a language (and region) ICU knows, e.g. he, en, en_US, az, ru")
      }
    }

    func run() throws {
      let segmentUnit: SegmentUnit? =
        switch unit {
        case .word: .word
        case .sentence: .sentence
        case .grapheme: .grapheme
        case .line: .line
        case .run: nil
        }
      let segmenter = Segmenter(unit: segmentUnit ?? .word, locale: locale,
                                hebrew: noHebrewRefinements ? [] : .all)
      var known: Set<String> = []
      if let lexicon {
        let status = LineInput.run([lexicon], options: nil) { _, chunk in
          chunk.forEachLine { _, _, bytes in
            let entry = String(decoding: bytes, as: UTF8.self)
            if !entry.isEmpty { known.insert(entry) }
          }
        }
        if status != 0 { throw ExitCode(status) }
      }
      let analyzer = HebrewPrefixAnalyzer(lexicon: known, corpusWords: splitPrefixes ? corpusWords() : [])
      // Property-wrapper getters are slow in a per-segment loop: read them once.
      let splitPrefixes = splitPrefixes
      let writer = SegmentWriter(format: format)
      var splitCache: [String: (stem: Int, separator: Int)?] = [:]
      let code = LineInput.run(inputs, options: input) { name, chunk in
        writer.startInput(name)
        func write(_ s: ByteSegment, _ text: UnsafeBufferPointer<UInt8>, base: Int, line: Int) {
          if splitPrefixes, s.kind == .word, s.script == .hebrew, s.hebrewRole == nil {
            let word = String(decoding: UnsafeBufferPointer(rebasing: text[s.range]), as: UTF8.self)
            // The analysis of each distinct word once (stem and separator lengths in bytes).
            let cut: (stem: Int, separator: Int)?
            if let known = splitCache[word] {
              cut = known
            } else {
              let best = analyzer.best(of: word)
              cut = best.isUnsplit ? nil : (best.stem.utf8.count, best.separator.map { String($0).utf8.count } ?? 0)
              if splitCache.count >= 200_000 { splitCache.removeAll(keepingCapacity: true) }
              splitCache[word] = .some(cut)
            }
            if let cut {
              let stemStart = s.range.upperBound - cut.stem
              let prefixEnd = stemStart - cut.separator
              writer.write(text, s.range.lowerBound..<prefixEnd, base: base, line: line, kind: .word,
                           script: .hebrew, dir: .rightToLeft, role: .prefix)
              if prefixEnd < stemStart {
                writer.write(text, prefixEnd..<stemStart, base: base, line: line, kind: .punctuation,
                             script: .common, dir: nil, role: nil)
              }
              writer.write(text, stemStart..<s.range.upperBound, base: base, line: line, kind: s.kind,
                           script: s.script, dir: s.direction, role: nil)
              return
            }
          }
          writer.write(text, s.range, base: base, line: line, kind: s.kind, script: s.script,
                       dir: s.direction, role: s.hebrewRole)
        }
        guard let segmentUnit else {
          try chunk.forEachLine { number, offset, bytes in
            let line = String(decoding: bytes, as: UTF8.self)
            let paragraph = try BidiParagraph(line)
            for run in paragraph.runs {
              let start = line.utf8.distance(from: line.startIndex, to: run.range.lowerBound)
              let end = line.utf8.distance(from: line.startIndex, to: run.range.upperBound)
              writer.write(bytes, start..<end, base: offset, line: number, kind: nil, script: run.script,
                           dir: run.direction, role: nil)
            }
          }
          return
        }
        if segmentUnit == .word && format == .tsv && !splitPrefixes {
          // TSV lines need no line numbers: the library hands out batches of segments and C
          // formats a batch at a time (the line-end segments are left out).
          let text = chunk.text
          let base = chunk.offset
          try segmenter.forEachSegmentBatch(
            utf8: text,
            fastWords: { range in
              writer.writeWords(text, range, base: base) { s in write(s, text, base: base, line: 0) }
            }
          ) { batch in
            writer.writeBatch(text, base: base, batch) { s in write(s, text, base: base, line: 0) }
          }
          return
        }
        if segmentUnit == .word {
          // Word segments never cross a line end (WB3a/b): segment the whole chunk at once;
          // the line-end segments ("\n", "\r\n") only advance the line number.
          var line = chunk.firstLine
          let text = chunk.text
          try segmenter.forEachSegment(utf8: text) { s in
            if text[s.range.upperBound - 1] == 0x0A {
              line += 1
              return
            }
            write(s, text, base: chunk.offset, line: line)
          }
          return
        }
        try chunk.forEachLine { number, offset, bytes in
          try segmenter.forEachSegment(utf8: bytes) { s in write(s, bytes, base: offset, line: number) }
        }
      }
      if code != 0 { throw ExitCode(code) }
    }
  }
}

/// Writes segments in the chosen format straight into the output buffer.
final class SegmentWriter {
  let format: TranslitCommand.Segment.Format
  let out = Output.shared
  /// The JSON string of the current input's name.
  private var nameJSON: [UInt8] = []
  /// ISO 15924 names by script code: up to 15 bytes at `code * 16`, the length at
  /// `code * 16 + 15`.
  private let scriptNames: UnsafeMutablePointer<UInt8>
  /// TSV middles ("\tword\tLatn\tltr\t") by kind, script and dir: the bytes at
  /// `middleSlot * 64`, their length at `middleSlot * 64 + 63`.
  private let middles: UnsafeMutablePointer<UInt8>
  private let offsets = DecimalCounter()
  private let lines = DecimalCounter()
  private static let kinds: [SegmentKind?] = SegmentKind.allCases + [nil]
  private static let dirs: [TextDirection?] = [.leftToRight, .rightToLeft, nil]

  init(format: TranslitCommand.Segment.Format) {
    self.format = format
    scriptNames = .allocate(capacity: 256 * 16)
    for code in 0..<256 {
      let name = Array(TextScript(code: UInt8(code)).shortName.utf8.prefix(15))
      for (k, b) in name.enumerated() { scriptNames[code * 16 + k] = b }
      scriptNames[code * 16 + 15] = UInt8(name.count)
    }
    middles = .allocate(capacity: Self.kinds.count * 256 * 3 * 64)
    for (k, kind) in Self.kinds.enumerated() {
      for code in 0..<256 {
        for (d, dir) in Self.dirs.enumerated() {
          let slot = middles + ((k * 256 + code) * 3 + d) * 64
          let name = Array(TextScript(code: UInt8(code)).shortName.utf8.prefix(15))
          let kindName = Self.kindName(kind), dirName = Self.dirName(dir)
          let bytes = [0x09] + Array(UnsafeBufferPointer(start: kindName.utf8Start, count: kindName.utf8CodeUnitCount))
            + [0x09] + name + [0x09]
            + Array(UnsafeBufferPointer(start: dirName.utf8Start, count: dirName.utf8CodeUnitCount)) + [0x09]
          for (i, b) in bytes.enumerated() { slot[i] = b }
          slot[63] = UInt8(bytes.count)
        }
      }
    }
  }

  deinit {
    scriptNames.deallocate()
    middles.deallocate()
  }

  /// The slot of the TSV middle for kind, script and dir (see `middles`).
  @inline(__always) func middleIndex(_ kind: SegmentKind?, _ script: TextScript, _ dir: TextDirection?) -> Int {
    let k = kind.map { Int($0.code) } ?? 6
    let d = Int(TextDirection.code(dir))
    return (k * 256 + Int(script.code)) * 3 + d
  }

  @inline(__always) private func middle(_ kind: SegmentKind?, _ script: TextScript, _ dir: TextDirection?)
    -> UnsafeBufferPointer<UInt8>
  {
    let slot = middles + middleIndex(kind, script, dir) * 64
    return UnsafeBufferPointer(start: slot, count: Int(slot[63]))
  }

  /// Writes the TSV lines of the segments of `batch` (offsets into `text`, shifted by
  /// `base`), in as few C calls as the output buffer allows; a segment too long for half the
  /// buffer goes to `single` (``write(_:_:base:line:kind:script:dir:role:)``).
  func writeBatch(
    _ text: UnsafeBufferPointer<UInt8>, base: Int, _ batch: SegmentBatch, single: (ByteSegment) -> Void
  ) {
    var done = 0
    while done < batch.count {
      // At least half the buffer: room for any line of a segment of up to 16 K bytes.
      let p = out.reserve(out.capacity / 2)
      let room = out.capacity - out.fill.pointee
      let (segments, bytes) = TSVLineFormatter.write(
        into: p, capacity: room, text: text, base: base, batch: batch, from: done, middles: middles)
      out.commit(bytes)
      done += segments
      guard done < batch.count else { break }
      let s = batch[done]
      if TSVLineFormatter.roomNeeded(segmentLength: s.range.count) > out.capacity / 2 {
        single(s)
        done += 1
      } else {
        out.flush()
      }
    }
  }

  /// Writes the TSV lines of the word segments of the stretch `text[range]` (see
  /// ``Segmenter/forEachSegmentBatch(utf8:fastWords:_:)``), cut and formatted in C; a segment
  /// too long for half the buffer goes to `single`.
  func writeWords(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, base: Int, single: (ByteSegment) -> Void
  ) {
    var from = range.lowerBound
    while from < range.upperBound {
      let p = out.reserve(out.capacity / 2)
      let room = out.capacity - out.fill.pointee
      let (next, bytes) = TSVLineFormatter.writeWords(
        into: p, capacity: room, text: text, range: from..<range.upperBound, base: base, middles: middles)
      out.commit(bytes)
      from = next
      guard from < range.upperBound else { break }
      let s = TSVLineFormatter.firstWord(of: text, in: from..<range.upperBound)
      if TSVLineFormatter.roomNeeded(segmentLength: s.range.count) > out.capacity / 2 {
        single(s)
        from = s.range.upperBound
      } else {
        out.flush()
      }
    }
  }

  @inline(__always) private func scriptName(_ script: TextScript) -> UnsafeBufferPointer<UInt8> {
    let p = scriptNames + Int(script.code) * 16
    return UnsafeBufferPointer(start: p, count: Int(p[15]))
  }

  func startInput(_ name: String) {
    var n = name
    nameJSON = n.withUTF8 { bytes in
      var escaped: [UInt8] = []
      escaped.append(0x22)
      for b in bytes {
        switch b {
        case 0x22: escaped += [0x5C, 0x22]
        case 0x5C: escaped += [0x5C, 0x5C]
        case 0..<0x20: escaped += Array("\\u00".utf8) + [hexDigit(b >> 4), hexDigit(b & 15)]
        default: escaped.append(b)
        }
      }
      escaped.append(0x22)
      return escaped
    }
  }

  private func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

  static func kindName(_ k: SegmentKind?) -> StaticString {
    switch k {
    case .word: "word"
    case .number: "number"
    case .punctuation: "punctuation"
    case .space: "space"
    case .symbol: "symbol"
    case .emoji: "emoji"
    case nil: "run"
    }
  }

  static func dirName(_ d: TextDirection?) -> StaticString {
    switch d {
    case .leftToRight: "ltr"
    case .rightToLeft: "rtl"
    case nil: "neutral"
    }
  }

  static func roleName(_ r: HebrewSegmentRole?) -> StaticString? {
    switch r {
    case .prefix: "prefix"
    case .maqaf: "maqaf"
    case .acronym: "acronym"
    case nil: nil
    }
  }

  /// Writes the segment `range` of `bytes`; offsets are shifted by `base`.
  @inline(__always)
  func write(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, base: Int, line: Int,
             kind: SegmentKind?, script: TextScript, dir: TextDirection?, role: HebrewSegmentRole?) {
    let text = UnsafeBufferPointer(rebasing: bytes[range])
    switch format {
    case .text:
      if kind == .space { return }
      if text.count + 17 <= out.capacity {
        let start = out.reserve(text.count + 17)
        let p = RawWrite.byte(
          RawWrite.copy(start, text.baseAddress!, count: text.count, readable: bytes.count - range.lowerBound),
          0x0A)
        out.commit(p - start)
      } else {
        out.append(text)
        out.append(byte: 0x0A)
      }
    case .tsv where 2 * text.count + 160 <= out.capacity:
      // Start, end, kind, script, dir, text (\t and \\ escaped), written straight in.
      let start = out.reserve(2 * text.count + 160)
      var p = offsets.write(start, base + range.lowerBound)
      p = RawWrite.byte(p, 0x09)
      p = offsets.write(p, base + range.upperBound)
      let m = middle(kind, script, dir)
      p = RawWrite.copy(p, m.baseAddress!, count: m.count, readable: 64)
      if !text.contains(where: { $0 == 0x09 || $0 == 0x5C }) {
        p = RawWrite.copy(p, text.baseAddress!, count: text.count,
                          readable: bytes.count - range.lowerBound)
      } else {
        for b in text {
          if b == 0x09 || b == 0x5C {
            p = RawWrite.byte(p, 0x5C)
            p = RawWrite.byte(p, b == 0x09 ? 0x74 : 0x5C)
          } else {
            p = RawWrite.byte(p, b)
          }
        }
      }
      p = RawWrite.byte(p, 0x0A)
      out.commit(p - start)
    case .tsv:
      out.append(int: base + range.lowerBound)
      out.append(byte: 0x09)
      out.append(int: base + range.upperBound)
      out.append(byte: 0x09)
      out.append(Self.kindName(kind))
      out.append(byte: 0x09)
      out.append(scriptName(script))
      out.append(byte: 0x09)
      out.append(Self.dirName(dir))
      out.append(byte: 0x09)
      var plain = 0
      for (i, b) in text.enumerated() where b == 0x09 || b == 0x5C {
        out.append(UnsafeBufferPointer(rebasing: text[plain..<i]))
        out.append(b == 0x09 ? "\\t" as StaticString : "\\\\" as StaticString)
        plain = i + 1
      }
      out.append(UnsafeBufferPointer(rebasing: text[plain...]))
      out.append(byte: 0x0A)
    case .jsonl where 6 * text.count + nameJSON.count + 160 <= out.capacity:
      let start = out.reserve(6 * text.count + nameJSON.count + 160)
      var p = RawWrite.string(start, "{\"input\":")
      p = nameJSON.withUnsafeBufferPointer { RawWrite.bytes(p, $0) }
      p = RawWrite.string(p, ",\"line\":")
      p = lines.write(p, line)
      p = RawWrite.string(p, ",\"start\":")
      p = offsets.write(p, base + range.lowerBound)
      p = RawWrite.string(p, ",\"end\":")
      p = offsets.write(p, base + range.upperBound)
      p = RawWrite.string(p, ",\"text\":\"")
      for b in text {
        if b >= 0x20 && b != 0x22 && b != 0x5C {
          p = RawWrite.byte(p, b)
          continue
        }
        p = RawWrite.byte(p, 0x5C)
        switch b {
        case 0x22, 0x5C: p = RawWrite.byte(p, b)
        case 0x0A: p = RawWrite.byte(p, 0x6E)
        case 0x0D: p = RawWrite.byte(p, 0x72)
        case 0x09: p = RawWrite.byte(p, 0x74)
        default:
          p = RawWrite.string(p, "u00")
          p = RawWrite.byte(p, hexDigit(b >> 4))
          p = RawWrite.byte(p, hexDigit(b & 15))
        }
      }
      p = RawWrite.string(p, "\",\"kind\":\"")
      p = RawWrite.string(p, Self.kindName(kind))
      p = RawWrite.string(p, "\",\"script\":\"")
      p = RawWrite.bytes(p, scriptName(script))
      p = RawWrite.string(p, "\",\"dir\":\"")
      p = RawWrite.string(p, Self.dirName(dir))
      if let role = Self.roleName(role) {
        p = RawWrite.string(p, "\",\"role\":\"")
        p = RawWrite.string(p, role)
      }
      p = RawWrite.string(p, "\"}\n")
      out.commit(p - start)
    case .jsonl:
      out.append("{\"input\":" as StaticString)
      nameJSON.withUnsafeBufferPointer { out.append($0) }
      out.append(",\"line\":" as StaticString)
      out.append(int: line)
      out.append(",\"start\":" as StaticString)
      out.append(int: base + range.lowerBound)
      out.append(",\"end\":" as StaticString)
      out.append(int: base + range.upperBound)
      out.append(",\"text\":" as StaticString)
      out.appendJSON(text)
      out.append(",\"kind\":\"" as StaticString)
      out.append(Self.kindName(kind))
      out.append("\",\"script\":\"" as StaticString)
      out.append(scriptName(script))
      out.append("\",\"dir\":\"" as StaticString)
      out.append(Self.dirName(dir))
      if let role = Self.roleName(role) {
        out.append("\",\"role\":\"" as StaticString)
        out.append(role)
      }
      out.append("\"}\n" as StaticString)
    }
    out.endRecord()
  }
}

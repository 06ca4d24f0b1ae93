import ArgumentParser
import TextKitLinux

extension TranslitCommand {
  /// `translit segment`: words, sentences, graphemes, line-break units or bidi runs.
  struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cut text into words, sentences, graphemes, line-break units or bidi runs.",
      discussion: """
        Reads UTF-8 lines from the INPUT files (or standard input; "-" is
        standard input); segments never cross a line end.

        Offsets (start, end) are UTF-8 byte offsets from the start of the
        raw input file, so
          tail -c +$((start+1)) FILE | head -c $((end-start))
        prints the segment.

        Formats:
          text   one segment per line (white space segments left out)
          tsv    start end kind script dir text (tab in text written \\t)
          jsonl  {"input","line","start","end","text","kind","script",
                  "dir"[,"role"]}

        kind: word, number, punctuation, space, symbol, emoji (run for
        --unit run); script: ISO 15924 code (Hebr, Latn, Zyyy); dir: ltr,
        rtl, or neutral (no strong character); role: prefix, maqaf,
        acronym (Hebrew refinements).

        Hebrew refinements (on; --no-hebrew-refinements turns them off):
        acronyms with gershayim and letters with geresh stay whole (ח"כ,
        ג'ורג'); a maqaf between words is its own segment (role maqaf); a
        proclitic before a number or Latin word is split off (ב2024 -> ב +
        2024; in ב-2024 the ב gets role prefix). --split-prefixes also
        splits Hebrew words at their most likely proclitics; give known
        stems and names with --lexicon (then בבאקו -> ב + באקו).

        Examples:
          translit segment --format tsv article.txt
          translit segment --split-prefixes --lexicon places.txt news.txt
          translit segment --unit sentence --format jsonl --locale en a.txt
          echo 'שלום Dan 2024' | translit segment --unit run
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
    @Argument(help: "Input files (UTF-8); none or \"-\" reads standard input.") var inputs: [String] = []

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
        let status = LineInput.run([lexicon]) { _, _, _, bytes in
          let entry = String(decoding: bytes, as: UTF8.self)
          if !entry.isEmpty { known.insert(entry) }
        }
        if status != 0 { throw ExitCode(status) }
      }
      let analyzer = HebrewPrefixAnalyzer(lexicon: known)
      // Property-wrapper getters are slow in a per-segment loop: read them once.
      let format = format
      let splitPrefixes = splitPrefixes
      let names = SegmentNames()
      let code = LineInput.run(inputs) { name, number, offset, bytes in
        let writer = SegmentWriter(format: format, name: name, line: number, base: offset,
                                   bytes: bytes, names: names)
        if segmentUnit == nil {
          let line = String(decoding: bytes, as: UTF8.self)
          let paragraph = try BidiParagraph(line)
          for run in paragraph.runs {
            let start = line.utf8.distance(from: line.startIndex, to: run.range.lowerBound)
            let end = line.utf8.distance(from: line.startIndex, to: run.range.upperBound)
            writer.write(start..<end, kind: nil, script: run.script, dir: run.direction, role: nil)
          }
          return
        }
        try segmenter.forEachSegment(utf8: bytes) { s in
          if splitPrefixes, s.kind == .word, s.script == .hebrew, s.hebrewRole == nil {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[s.range]), as: UTF8.self)
            let best = analyzer.best(of: word)
            if !best.isUnsplit {
              let stemStart = s.range.upperBound - best.stem.utf8.count
              let prefixEnd = stemStart - (best.separator.map { String($0).utf8.count } ?? 0)
              writer.write(s.range.lowerBound..<prefixEnd, kind: .word, script: .hebrew,
                           dir: .rightToLeft, role: .prefix)
              if prefixEnd < stemStart {
                writer.write(prefixEnd..<stemStart, kind: .punctuation, script: .common, dir: nil,
                             role: nil)
              }
              writer.write(stemStart..<s.range.upperBound, kind: s.kind, script: s.script,
                           dir: s.direction, role: nil)
              return
            }
          }
          writer.write(s.range, kind: s.kind, script: s.script, dir: s.direction,
                       role: s.hebrewRole)
        }
      }
      if code != 0 { throw ExitCode(code) }
    }
  }
}

/// Names written for kinds, scripts and directions, computed once.
struct SegmentNames {
  let scripts: [[UInt8]] = (0..<256).map { Array(TextScript(code: UInt8($0)).shortName.utf8) }
  static func kind(_ k: SegmentKind) -> StaticString {
    switch k {
    case .word: "word"
    case .number: "number"
    case .punctuation: "punctuation"
    case .space: "space"
    case .symbol: "symbol"
    case .emoji: "emoji"
    }
  }
  static func dir(_ d: TextDirection?) -> StaticString {
    switch d {
    case .leftToRight: "ltr"
    case .rightToLeft: "rtl"
    case nil: "neutral"
    }
  }
  static func role(_ r: HebrewSegmentRole?) -> StaticString? {
    switch r {
    case .prefix: "prefix"
    case .maqaf: "maqaf"
    case .acronym: "acronym"
    case nil: nil
    }
  }
}

/// Writes segments in the chosen format straight into the output buffer.
struct SegmentWriter {
  let format: TranslitCommand.Segment.Format
  let name: String
  let line: Int
  let base: Int
  let bytes: UnsafeBufferPointer<UInt8>
  let names: SegmentNames
  let out = Output.shared

  func write(_ range: Range<Int>, kind: SegmentKind?, script: TextScript, dir: TextDirection?,
             role: HebrewSegmentRole?) {
    let text = UnsafeBufferPointer(rebasing: bytes[range])
    let kindName: StaticString = kind.map(SegmentNames.kind) ?? "run"
    switch format {
    case .text:
      if kind == .space { return }
      out.append(text)
      out.append(byte: 0x0A)
    case .tsv:
      out.append(int: base + range.lowerBound)
      out.append(byte: 0x09)
      out.append(int: base + range.upperBound)
      out.append(byte: 0x09)
      out.append(kindName)
      out.append(byte: 0x09)
      names.scripts[Int(script.code)].withUnsafeBufferPointer { out.append($0) }
      out.append(byte: 0x09)
      out.append(SegmentNames.dir(dir))
      out.append(byte: 0x09)
      if text.contains(where: { $0 == 0x09 || $0 == 0x5C }) {
        for b in text {
          if b == 0x09 { out.append("\\t" as StaticString) } else if b == 0x5C { out.append("\\\\" as StaticString) } else { out.append(byte: b) }
        }
      } else {
        out.append(text)
      }
      out.append(byte: 0x0A)
    case .jsonl:
      out.append("{\"input\":" as StaticString)
      out.append(jsonString(name))
      out.append(",\"line\":" as StaticString)
      out.append(int: line)
      out.append(",\"start\":" as StaticString)
      out.append(int: base + range.lowerBound)
      out.append(",\"end\":" as StaticString)
      out.append(int: base + range.upperBound)
      out.append(",\"text\":" as StaticString)
      out.append(jsonString(String(decoding: text, as: UTF8.self)))
      out.append(",\"kind\":\"" as StaticString)
      out.append(kindName)
      out.append("\",\"script\":\"" as StaticString)
      names.scripts[Int(script.code)].withUnsafeBufferPointer { out.append($0) }
      out.append("\",\"dir\":\"" as StaticString)
      out.append(SegmentNames.dir(dir))
      if let role = SegmentNames.role(role) {
        out.append("\",\"role\":\"" as StaticString)
        out.append(role)
      }
      out.append("\"}\n" as StaticString)
    }
    out.endRecord()
  }
}

import ArgumentParser
import TextKitLinux

extension TranslitCommand {
  /// `translit segment`: words, sentences, graphemes, line-break units or bidi runs.
  struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cut text into words, sentences, graphemes, line-break units or bidi runs.",
      discussion: """
        Reads UTF-8 lines from the INPUT files (or standard input; "-" is standard input);
        segments never cross a line end.

        Offsets (`start`, `end`) are UTF-8 byte offsets from the start of the raw input, so
        `tail -c +$((start+1)) FILE | head -c $((end-start))` prints the segment.

        Formats:
          text   one segment per line (white space segments are left out)
          tsv    start, end, kind, script, dir, text (tabs in text written as \\t)
          jsonl  {"input","line","start","end","text","kind","script","dir"[,"role"]}

        kind: word, number, punctuation, space, symbol, emoji (run for --unit run);
        script: ISO 15924 code (Hebr, Latn, Zyyy); dir: ltr, rtl or neutral (no strong
        character). role (Hebrew refinements): prefix, maqaf, acronym.

        Hebrew refinements (words; --no-hebrew-refinements turns them off): acronyms with
        gershayim and letters with geresh stay whole (ח"כ, ג'ורג'); a maqaf between words is
        its own segment (role maqaf); a proclitic before a number or Latin word is split off
        (ב2024 -> ב + 2024; ב-2024 -> ב (role prefix), -, 2024). --split-prefixes also splits
        Hebrew words at their most likely proclitics (שבאירופה -> שב + אירופה).

        Examples:
          translit segment --format tsv article.txt
          echo 'ח"כ כהן ביקר ב-2024 בבאקו.' | translit segment --split-prefixes
          translit segment --unit sentence --format jsonl --locale en notes.txt
          translit segment --unit run mixed.txt
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
      let analyzer = HebrewPrefixAnalyzer()
      let format = format
      let code = LineInput.run(inputs) { name, number, offset, bytes in
        let writer = SegmentWriter(format: format, name: name, line: number, base: offset, bytes: bytes)
        if segmentUnit == nil {
          let line = String(decoding: bytes, as: UTF8.self)
          let paragraph = try BidiParagraph(line)
          for run in paragraph.runs {
            let start = line.utf8.distance(from: line.startIndex, to: run.range.lowerBound)
            let end = line.utf8.distance(from: line.startIndex, to: run.range.upperBound)
            writer.write(start..<end, kind: "run", script: run.script, dir: run.direction, role: nil)
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
              writer.write(s.range.lowerBound..<prefixEnd, kind: "word", script: .hebrew,
                           dir: .rightToLeft, role: "prefix")
              if prefixEnd < stemStart {
                writer.write(prefixEnd..<stemStart, kind: "punctuation", script: .common, dir: nil,
                             role: nil)
              }
              writer.write(stemStart..<s.range.upperBound, kind: s.kind.rawValue, script: s.script,
                           dir: s.direction, role: nil)
              return
            }
          }
          writer.write(s.range, kind: s.kind.rawValue, script: s.script, dir: s.direction,
                       role: s.hebrewRole?.rawValue)
        }
      }
      if code != 0 { throw ExitCode(code) }
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

  init(format: TranslitCommand.Segment.Format, name: String, line: Int, base: Int,
       bytes: UnsafeBufferPointer<UInt8>) {
    self.format = format
    self.name = name
    self.line = line
    self.base = base
    self.bytes = bytes
  }

  func write(_ range: Range<Int>, kind: String, script: TextScript, dir: TextDirection?, role: String?) {
    let text = UnsafeBufferPointer(rebasing: bytes[range])
    switch format {
    case .text:
      if kind == "space" { return }
      Output.append(text)
      Output.append(byte: 0x0A)
    case .tsv:
      Output.append(int: base + range.lowerBound)
      Output.append(byte: 0x09)
      Output.append(int: base + range.upperBound)
      Output.append(byte: 0x09)
      Output.append(kind)
      Output.append(byte: 0x09)
      Output.append(script.shortName)
      Output.append(byte: 0x09)
      Output.append(dir?.rawValue ?? "neutral")
      Output.append(byte: 0x09)
      if text.contains(where: { $0 == 0x09 || $0 == 0x5C }) {
        for b in text {
          if b == 0x09 { Output.append("\\t") } else if b == 0x5C { Output.append("\\\\") } else { Output.append(byte: b) }
        }
      } else {
        Output.append(text)
      }
      Output.append(byte: 0x0A)
    case .jsonl:
      Output.append("{\"input\":")
      Output.append(jsonString(name))
      Output.append(",\"line\":")
      Output.append(int: line)
      Output.append(",\"start\":")
      Output.append(int: base + range.lowerBound)
      Output.append(",\"end\":")
      Output.append(int: base + range.upperBound)
      Output.append(",\"text\":")
      Output.append(jsonString(String(decoding: text, as: UTF8.self)))
      Output.append(",\"kind\":\"")
      Output.append(kind)
      Output.append("\",\"script\":\"")
      Output.append(script.shortName)
      Output.append("\",\"dir\":\"")
      Output.append(dir?.rawValue ?? "neutral")
      if let role {
        Output.append("\",\"role\":\"")
        Output.append(role)
      }
      Output.append("\"}\n")
    }
    Output.endRecord()
  }
}

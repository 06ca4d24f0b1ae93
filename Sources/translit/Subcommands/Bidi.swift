import ArgumentParser
import TextKitLinux

extension TranslitCommand {
  /// `translit bidi`: detect, repair, reorder and audit bidirectional text, line by line.
  struct Bidi: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Detect visual-order Hebrew, reorder lines, and audit bidi controls.",
      discussion: """
        Reads the INPUT files (or standard input; "-" is standard input), \
        decoded as --encoding says (UTF-8 by default; auto detects); each \
        line is one bidi paragraph (a lone CR inside a line separates \
        paragraphs, as in UAX #9). Output is UTF-8; --to-logical, \
        --to-visual and --strip-controls keep each line end as it was \
        (\\n, \\r\\n, or none after the last line).

          --detect          visual|logical|none<TAB>CONFIDENCE per line
                            (none: no right-to-left text to judge)
          --to-logical      repair lines judged visual (others unchanged)
          --to-visual       each line in display order, left to right
          --audit           report controls that change the display order
                            (Trojan Source, CVE-2021-42574); exit code 1
                            if any line is flagged
          --strip-controls  remove LRM/RLM/ALM, embeddings, overrides and
                            isolates

        Examples:
          translit bidi --detect reversed.txt
          translit bidi --detect --format jsonl article.txt
          translit bidi --to-logical legacy-pdf.txt > fixed.txt
          git diff | translit bidi --audit
          translit bidi --to-logical --encoding iso-8859-8 legacy.txt

        Exit codes: 0 ok (for --audit: nothing flagged); 1 some inputs \
        failed, or --audit flagged a line; 64 usage; 65 bad data (e.g. \
        "notes.txt:3:117: invalid UTF-8 (bytes C3 28)": file, line, byte \
        offset; nothing is written for a bad file); 74 I/O error.
        """
    )

    enum Mode: String, EnumerableFlag {
      case detect, toLogical, toVisual, audit, stripControls
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, jsonl
    }

    @Flag(help: "What to do (default: --detect).") var mode: Mode = .detect
    @Option(help: "Output format for --detect and --audit: text (default) or jsonl.") var format: Format?
    @OptionGroup var input: InputOptions
    @Argument(help: "Input files; none or \"-\" reads standard input.") var inputs: [String] = []

    func validate() throws {
      if format != nil && !(mode == .detect || mode == .audit) {
        throw ValidationError("--format applies to --detect and --audit (the other modes write the text itself)")
      }
    }

    func run() throws {
      let detector = VisualOrderDetector()
      var flagged = false
      let mode = mode, format = format ?? .text
      let code = LineInput.run(inputs, options: input) { name, chunk in try chunk.forEachLine { number, _, bytes, ending in
        let line = String(decoding: bytes, as: UTF8.self)
        switch mode {
        case .detect:
          let v = detector.verdict(for: line)
          if format == .jsonl {
            Output.write(
              "{\"input\":\(jsonString(name)),\"line\":\(number),\"order\":\"\(v.order.rawValue)\","
                + "\"confidence\":\(v.confidence),\"visual_evidence\":\(v.visualEvidence),"
                + "\"logical_evidence\":\(v.logicalEvidence),\"hebrew_words\":\(v.hebrewWords)}\n")
          } else {
            Output.write("\(v.order.rawValue)\t\(v.confidence)\n")
          }
        case .toLogical:
          Output.write(try VisualOrderRepair.repairIfVisual(line, detector: detector).text + ending.text)
        case .toVisual:
          Output.write(try BidiParagraph(line).visualOrder() + ending.text)
        case .stripControls:
          Output.write(BidiControls.strip(line) + ending.text)
        case .audit:
          let findings = try BidiControls.audit(line)
          guard !findings.isEmpty else { return }
          flagged = true
          for f in findings {
            let start = line.utf8.distance(from: line.startIndex, to: f.range.lowerBound)
            let end = line.utf8.distance(from: line.startIndex, to: f.range.upperBound)
            if format == .jsonl {
              Output.write(
                "{\"input\":\(jsonString(name)),\"line\":\(number),\"kind\":\"\(f.kind.rawValue)\","
                  + "\"start\":\(start),\"end\":\(end)}\n")
            } else {
              Output.write("\(name):\(number):\(start)-\(end)\t\(f.kind.rawValue)\n")
            }
          }
        }
      } }
      if code != 0 { throw ExitCode(code) }
      if flagged { throw ExitCode(1) }
    }
  }
}

import ArgumentParser
import FoundationEssentials
import TextKitLinux

extension TranslitCommand {
  /// `translit match A B`: score two names.
  struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Score two names (Hebrew, Latin or Cyrillic) in [0, 1] and say whether they match.",
      usage: """
        translit match "הרב זמיר איסייב" "Rabbi Zamir Isayev" --explain
        translit match "Aliyev, Ilham" "I. Aliyev" --format json
        """,
      discussion: "Exit code 0 whether or not the names match; the verdict is in the output."
    )
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The first name.") var first: String
    @Argument(help: "The second name.") var second: String
    @Flag(help: "Show the token alignment, per-token evidence and what was stripped.") var explain = false
    @Option(help: "Output format: text or json.") var format: Format = .text
    @Option(help: "Match threshold in [0, 1].") var threshold: Double = NameMatcher.defaultThreshold

    func validate() throws {
      guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be in [0, 1]") }
    }

    func run() throws {
      let result = NameMatcher(threshold: threshold).match(first, second)
      switch format {
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Output: Encodable { var first: String; var second: String; var score: Double; var match: Bool; var explanation: NameMatch.Explanation? }
        let out = Output(first: first, second: second, score: (result.score * 1000).rounded() / 1000, match: result.isMatch, explanation: explain ? result.explanation : nil)
        print(String(decoding: try encoder.encode(out), as: UTF8.self))
      case .text:
        print("\(fmt(result.score))\t\(result.isMatch ? "match" : "no match")")
        guard explain else { return }
        let e = result.explanation
        for (k, titles) in e.strippedTitles.enumerated() where !titles.isEmpty {
          print("  stripped from name \(k + 1): \(titles.joined(separator: " "))")
        }
        print("  scripts: \(e.scripts.map(\.rawValue).joined(separator: " / "))  skeletons: \(e.skeletons.map { $0.joined(separator: " ") }.joined(separator: " / "))")
        for a in e.alignment {
          var line = "  \(a.first ?? "∅") ~ \(a.second ?? "∅")  \(a.method.rawValue) \(fmt(a.evidence))"
          if let p = a.strippedPrefix { line += "  (prefix \(p) stripped)" }
          print(line)
        }
        print("  evidence \(fmt(e.evidence)) → score \(fmt(result.score)), threshold \(fmt(threshold))")
      }
    }
  }
}

func fmt(_ x: Double) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
  let sign = x < 0 ? "-" : ""
  let v = Int((abs(x) * 1000).rounded())
  let frac = String(v % 1000)
  return "\(sign)\(v / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)"
}

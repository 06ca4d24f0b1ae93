import ArgumentParser
import FoundationEssentials
import TextKitLinux

#if canImport(Glibc)
  import Glibc
#endif

extension TranslitCommand {
  /// `translit search`: top-k names for each query.
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the best-matching gazetteer names for each query (any script).",
      usage: """
        translit search --index places.tkidx "בבאקו" "Washington"
        translit search --gazetteer people.tsv --top 3 --format jsonl < queries.txt
        """,
      discussion: """
        Queries come from the arguments or, if there are none, from standard input, one a line. \
        JSONL output: {"query": …, "results": [{"id": …, "name": …, "score": …, "type": …}, …]} \
        (keys sorted). Each id appears once (its best name); hits scoring below 0.001 are left \
        out, so a query may have fewer than --top results, or none. Blank lines of standard \
        input are skipped.
        """
    )
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Option(help: "An index built by `translit index build`.") var index: String?
    @Option(help: "A gazetteer to index on the fly (TSV or JSONL).") var gazetteer: String?
    @Option(help: "Results per query.") var top: Int = 5
    @Option(help: "Output format: text or jsonl.") var format: Format = .text
    @Argument(help: "Queries (default: standard input, one a line).") var queries: [String] = []

    func validate() throws {
      guard (index == nil) != (gazetteer == nil) else { throw ValidationError("give exactly one of --index and --gazetteer") }
      guard top > 0 else { throw ValidationError("--top must be positive") }
    }

    func run() throws {
      let idx: NameIndex
      if let index {
        var isDirectory = false
        guard access(index, R_OK) == 0, !(FileManager.default.fileExists(atPath: index, isDirectory: &isDirectory) && isDirectory) else {
          printError("translit: cannot read \(index): \(unreadableReason(index))")
          throw ExitCode(74)
        }
        do { idx = try NameIndex(contentsOf: index) } catch {
          printError("translit: \(index): \(error)")
          throw ExitCode(65)
        }
      } else {
        idx = try loadGazetteer(gazetteer ?? "")
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
      struct Hit: Encodable { var id: String; var name: String; var type: EntityType; var score: Double }
      struct Line: Encodable { var query: String; var results: [Hit] }
      func answer(_ q: String) throws {
        // Hits that score below 0.001 (shown as 0.000) are no answer, and are left out.
        let results = idx.search(q, top: top).filter { $0.score >= 0.0005 }
        switch format {
        case .jsonl:
          let line = Line(query: q, results: results.map { Hit(id: $0.id, name: $0.name, type: $0.type, score: ($0.score * 1000).rounded() / 1000) })
          print(String(decoding: try encoder.encode(line), as: UTF8.self))
        case .text:
          print(q)
          for r in results { print("  \(fmt(r.score))\t\(r.id)\t\(r.name)") }
        }
      }
      if queries.isEmpty {
        while let line = readLine() {
          let q = line.hasSuffix("\r") ? String(line.dropLast()) : line
          if !q.allSatisfy(\.isWhitespace) { try answer(q) }
        }
      } else {
        for q in queries { try answer(q) }
      }
    }
  }
}

import ArgumentParser
import FoundationEssentials
import TextKitLinux

extension TranslitCommand {
  /// `translit reconcile`: entities across Hebrew and English documents.
  struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find person and place names across Hebrew and English documents and link them.",
      usage: """
        translit reconcile --sample
        translit reconcile corpus/ --format html -o entities.html
        translit reconcile --gazetteer places.tsv --format jsonl a.txt b.txt
        """,
      discussion: """
        Inputs are UTF-8 text files or directories (their *.txt files, recursively sorted).
        --sample reconciles the bilingual sample embedded in the library (one English and one
        Hebrew document). JSONL: one entity a line, {"id", "type", "names": {"he", "latin"},
        "confidence", "mentions": [{"doc", "start", "end", "text", "lang", …}]} with UTF-8 byte
        offsets into each document. Progress goes to standard error for runs over 1 MB.
        """
    )
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, jsonl, tsv, html }

    @Option(help: "A gazetteer (TSV id<TAB>name[<TAB>type] or JSONL) whose names become mentions and ids.")
    var gazetteer: String?
    @Option(help: "Output format: table (default for --sample), jsonl, tsv or html.") var format: Format?
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Flag(help: "Reconcile the embedded bilingual sample.") var sample = false
    @Argument(help: "Text files or directories.") var inputs: [String] = []

    func validate() throws {
      if !sample && inputs.isEmpty { throw ValidationError("give input files or directories, or --sample") }
    }

    func files(_ path: String) -> [String] {
      var isDir: Bool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [path] }
      guard isDir else { return [path] }
      let items = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
      return items.filter { $0.hasSuffix(".txt") && !$0.hasSuffix("README.md") }.sorted().map { path + "/" + $0 }
    }

    func run() throws {
      var docs: [ReconcilerDocument] = []
      if sample {
        for name in ["match-sample-en.txt", "match-sample-he.txt"] {
          docs.append(ReconcilerDocument(id: name, text: String(decoding: EmbeddedData.bytes(named: name) ?? [], as: UTF8.self)))
        }
      }
      var failed = false
      for input in inputs {
        for f in files(input) {
          guard let data = FileManager.default.contents(atPath: f) else {
            printError("translit: cannot read \(f)")
            failed = true
            continue
          }
          docs.append(ReconcilerDocument(id: f, text: String(decoding: data, as: UTF8.self)))
        }
      }
      var reconciler = EntityReconciler()
      if let gazetteer { reconciler.gazetteer = try loadGazetteer(gazetteer) }
      var total = 0
      for d in docs { total += d.text.utf8.count }
      var report: (@Sendable (Int, Int) -> Void)? = nil
      if total > 1_000_000 {
        report = { (done: Int, all: Int) in printError("reconcile: Hebrew linking, chunk \(done) of \(all)") }
      }
      let entities: [ReconciledEntity] = reconciler.reconcile(docs, progress: report)
      let text: String
      switch format ?? (output == nil ? .table : .jsonl) {
      case .jsonl: text = ReconciliationReport.jsonl(entities)
      case .tsv: text = ReconciliationReport.tsv(entities)
      case .html: text = ReconciliationReport.html(entities, documents: docs)
      case .table:
        var t = ""
        for e in entities {
          let docsCount = Set(e.mentions.map { (m: Mention) in m.doc }).count
          t += "\(e.id)\t\(e.type.rawValue)\t\(e.names.he.first ?? "-")\t\(e.names.latin.first ?? "-")\t\(e.mentions.count) mentions in \(docsCount) docs\n"
        }
        text = t
      }
      if let output {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
          printError("translit: cannot write \(output): \(error)")
          throw ExitCode(74)
        }
      } else {
        print(text, terminator: "")
      }
      if failed { throw ExitCode.failure }
    }
  }
}

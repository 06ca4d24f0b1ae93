import ArgumentParser
import FoundationEssentials
import TextKitLinux

#if canImport(Glibc)
  import Glibc
#endif

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
        --sample reconciles the bilingual sample embedded in the library (one English and one \
        Hebrew document). JSONL: one entity a line, {"id", "type", "names": {"he", "latin"}, \
        "confidence", "mentions": [{"doc", "start", "end", "text", "lang", …}]} with UTF-8 byte \
        offsets into each document. The table (default on a terminal without -o) shows id, type, \
        Hebrew and Latin name and the mention count.

        Files are streamed in pieces of about 1 MB and mentions are kept in a temporary file \
        (in $TMPDIR or /tmp, removed at exit), so memory does not grow with the input (html \
        excepted: it reads the documents for the context of each mention). Progress (bytes, \
        MB/s) goes to standard error when it is a terminal, unless --quiet.
        """
    )
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, jsonl, tsv, html }

    @Option(help: "A gazetteer (TSV id<TAB>name[<TAB>type] or JSONL): its Hebrew names found word for word (prefix letters allowed) become mentions, and entities it names take its ids and types.")
    var gazetteer: String?
    @Option(help: "Output format: table (default without -o), jsonl (default with -o), tsv or html.") var format: Format?
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Flag(help: "Reconcile the embedded bilingual sample.") var sample = false
    @Flag(name: .shortAndLong, help: "No progress on standard error.") var quiet = false
    @Argument(help: "Text files or directories.") var inputs: [String] = []

    func validate() throws {
      if !sample && inputs.isEmpty { throw ValidationError("give input files or directories, or --sample") }
    }

    func files(_ path: String) -> [String] {
      var isDir: Bool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [path] }
      guard isDir else { return [path] }
      let items = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
      return items.filter { $0.hasSuffix(".txt") }.sorted().map { path + "/" + $0 }
    }

    func run() throws {
      var sources: [ReconcilerInput] = []
      if sample {
        for name in ["match-sample-en.txt", "match-sample-he.txt"] {
          let text = String(decoding: EmbeddedData.bytes(named: name) ?? [], as: UTF8.self)
          sources.append(.document(ReconcilerDocument(id: name, text: text)))
        }
      }
      var failures = 0
      for input in inputs {
        for f in files(input) {
          if access(f, R_OK) != 0 || FileManager.default.fileExists(atPath: f + "/") {
            printError("translit: cannot read \(f): \(unreadableReason(f))")
            failures += 1
            continue
          }
          sources.append(.file(path: f))
        }
      }
      // Every input failed: no output is written (an existing one is left as it was). An
      // empty directory is no failure: its (empty) result is written.
      if sources.isEmpty && failures > 0 { throw ExitCode(ExitCodes.ioError) }
      var reconciler = EntityReconciler()
      if let gazetteer { reconciler.gazetteer = try loadGazetteer(gazetteer) }
      let format = format ?? (output == nil ? .table : .jsonl)

      // -o is written atomically: a temporary file beside it, renamed over it at the end, so a
      // failed run leaves an existing file (or an input given as -o) as it was.
      var writer: AtomicFileWriter?
      if let output {
        do {
          writer = try AtomicFileWriter(destination: output, modeFrom: nil)
        } catch {
          printError("translit: cannot write \(output): \(error.reason)")
          throw ExitCode(ExitCodes.ioError)
        }
      }
      let write: ([UInt8]) throws -> Void = { [writer] bytes in
        if let writer {
          do throws(SystemError) { try writer.write(bytes) } catch {
            printError("translit: cannot write \(output ?? ""): \(error.reason)")
            throw ExitCode(ExitCodes.ioError)
          }
          return
        }
        try bytes.withUnsafeBufferPointer { p in
          var off = 0
          while off < p.count {
            let n = Glibc.write(1, p.baseAddress! + off, p.count - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
              printError("translit: cannot write standard output: \(String(cString: strerror(errno)))")
              throw ExitCode(ExitCodes.ioError)
            }
            off += n
          }
        }
      }
      let meter = ProgressMeter(enabled: !quiet && isatty(2) == 1)
      let progress: ((ReconcilerProgress) -> Void)? = meter.enabled ? { meter.report($0) } : nil
      do {
        switch format {
        case .jsonl:
          var w = ReconciliationReport.JSONLWriter(output: write)
          try reconciler.reconcile(sources, into: &w, progress: progress)
          try w.flush()
        case .tsv:
          var w = ReconciliationReport.TSVWriter(output: write)
          try reconciler.reconcile(sources, into: &w, progress: progress)
          try w.flush()
        case .table:
          var w = TableWriter(output: write)
          try reconciler.reconcile(sources, into: &w, progress: progress)
          try w.flush()
        case .html:
          // The report shows each mention in context: it needs the documents' text.
          var docs: [ReconcilerDocument] = []
          for s in sources {
            switch s {
            case .document(let d): docs.append(d)
            case .file(let path):
              guard let data = FileManager.default.contents(atPath: path) else {
                printError("translit: cannot read \(path)")
                throw ExitCode(ExitCodes.ioError)
              }
              docs.append(ReconcilerDocument(id: path, text: String(decoding: data, as: UTF8.self)))
            }
          }
          var c = EntityCollector()
          try reconciler.reconcile(docs.map { .document($0) }, into: &c, progress: progress)
          try write(Array(ReconciliationReport.html(c.entities, documents: docs).utf8))
        }
      } catch let e as SystemError {
        meter.finish()
        printError("translit: \(e)")
        throw ExitCode(ExitCodes.ioError)
      }
      meter.finish()
      do { try writer?.commit() } catch {
        printError("translit: cannot write \(output ?? ""): \(error.reason)")
        throw ExitCode(ExitCodes.ioError)
      }
      if failures > 0 { throw ExitCode(ExitCodes.someFailed) }
    }
  }

  /// The entity table: id, type, first Hebrew and Latin name, mentions and documents.
  struct TableWriter: EntitySink {
    var buffer: [UInt8] = []
    let output: ([UInt8]) throws -> Void
    var current: ReconciledEntity?
    var mentions = 0
    var docs = Set<String>()

    init(output: @escaping ([UInt8]) throws -> Void) { self.output = output }

    mutating func begin(_ entity: ReconciledEntity, mentionCount: Int) throws {
      current = entity
      mentions = 0
      docs.removeAll(keepingCapacity: true)
    }
    mutating func mention(_ mention: Mention) throws {
      mentions += 1
      docs.insert(mention.doc)
    }
    mutating func end() throws {
      guard let e = current else { return }
      let row = "\(e.id)\t\(e.type.rawValue)\t\(e.names.he.first ?? "-")\t\(e.names.latin.first ?? "-")\t\(mentions) mention\(mentions == 1 ? "" : "s") in \(docs.count) doc\(docs.count == 1 ? "" : "s")\n"
      buffer.append(contentsOf: row.utf8)
      if buffer.count >= 1 << 16 { try flush() }
    }
    mutating func flush() throws {
      if buffer.isEmpty { return }
      try output(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }
}

/// Progress on a terminal's standard error: stage, megabytes and MB/s, about four times a second.
final class ProgressMeter {
  let enabled: Bool
  let clock = ContinuousClock()
  let start: ContinuousClock.Instant
  var stageStart: ContinuousClock.Instant
  var last: ContinuousClock.Instant
  var stage: ReconcilerProgress.Stage?
  var shown = false

  init(enabled: Bool) {
    self.enabled = enabled
    start = clock.now
    stageStart = start
    last = start
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }

  func report(_ p: ReconcilerProgress) {
    let now = clock.now
    if p.stage != stage {
      // A stage starts when the one before ended (the first report comes after a chunk).
      if stage != nil { stageStart = last }
      stage = p.stage
    } else if now - last < .milliseconds(250) {
      return
    }
    last = now
    let t = max(Self.seconds(now - stageStart), 1e-3)
    let line: String
    if p.stage == .writing {
      line = "reconcile: writing \(p.done) of \(p.total) mentions"
    } else {
      let mb = Double(p.done) / 1_000_000
      let rate = t >= 0.2 ? ", \(formatDecimal(mb / t)) MB/s" : ""
      line = "reconcile: \(p.stage.rawValue) \(formatDecimal(mb)) of \(formatDecimal(Double(p.total) / 1_000_000)) MB\(rate)"
    }
    var stream = StandardErrorStream()
    stream.write("\r\u{1B}[K" + line)
    shown = true
  }

  func finish() {
    guard enabled, shown else { return }
    let t = Self.seconds(clock.now - start)
    var stream = StandardErrorStream()
    stream.write("\r\u{1B}[Kreconcile: done in \(formatDecimal(t, 2)) s\n")
  }
}

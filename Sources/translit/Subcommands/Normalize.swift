import ArgumentParser
import Dispatch
import Synchronization
import TextKitLinux

extension TranslitCommand {
  struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Normalize text: Unicode forms, corpus hygiene (clean) or search keys.",
      usage: """
        translit normalize [--form F | --profile P] [--marks M] [--encoding E|auto] [INPUT…] [-o OUTPUT | --in-place]
        """,
      discussion: """
        Reads files (or standard input when there is none or INPUT is -), decodes them, applies \
        the profile and writes UTF-8 without BOM and with \\n line ends. Streaming: memory stays \
        bounded whatever the input size.

        Profiles:
          nfc     NFC only (default).
          clean   line ends, bidi controls, stray zero-width characters, odd spaces, Hebrew \
        presentation forms, quotes and geresh/gershayim (ג'ורג' = ג׳ורג׳), then NFC.
          search  clean, NFKC_Casefold, Hebrew marks removed, Latin diacritics and final letters \
        folded, punctuation to space, whitespace collapsed.

        Examples:
          translit normalize --sample --profile clean
          cat notes.txt | translit normalize --profile clean > clean.txt
          translit normalize --encoding auto --profile clean old-hebrew.txt -o new.txt
          translit normalize --profile search corpus/ -o keys/ --include '*.txt'
          translit normalize --in-place --profile clean *.txt
          translit normalize --jsonl --field doc.text --profile clean records.jsonl
          translit normalize --fix-visual --encoding auto old-pdf-extract.txt

        Exit codes: 0 ok; 1 some inputs failed (the rest were done); 64 usage; 65 bad data \
        (e.g. "notes.txt:3:117: invalid UTF-8 (bytes C3 28)": file, line, byte offset); 74 I/O error.
        """)

    @Option(name: .long, help: "A single normalization form: nfc, nfd, nfkc, nfkd, nfkc_cf.")
    var form: NormalizationForm?

    @Option(name: .long, help: "A profile: nfc (default), clean, search.")
    var profile: NormalizationProfileName?

    @Option(name: .long, help: "Hebrew marks: keep, no-cantillation, none (letters are always kept).")
    var marks: HebrewMarkPolicy?

    @OptionGroup var input: InputOptions

    @Argument(help: "Input files or directories (- or none: standard input).")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Output file, or directory when an input is a directory.")
    var output: String?

    @Flag(name: .long, help: "Rewrite each input file atomically (temporary file, fsync, rename).")
    var inPlace = false

    @Option(name: .long, help: "With a directory input: only files whose name matches this glob.")
    var include: String?

    @Flag(name: .long, help: "Keep line ends as they are (default: every line end becomes \\n).")
    var keepLineEnds = false

    @Flag(name: .long, help: "JSON Lines input: normalize one string field of each line (see --field).")
    var jsonl = false

    @Option(name: .long, help: "With --jsonl: dotted path of the string field, e.g. text or doc.body.")
    var field: String?

    @Option(name: .long, help: "Files processed at once (default: number of cores). Output order stays the input order.")
    var jobs: Int?

    @Flag(name: .long, help: "Print a JSON summary per input on stderr (bytes, encoding, changes per step).")
    var stats = false

    @Flag(name: .long, help: "No progress display.")
    var quiet = false

    @Flag(name: .long, help: "Repair lines of legacy visual-order Hebrew to logical order (detected per line).")
    var fixVisual = false

    @Flag(name: .long, help: "Normalize the embedded bilingual sample instead of inputs.")
    var sample = false

    func validate() throws {
      if form != nil && profile != nil { throw ValidationError("Give --form or --profile, not both.") }
      if inPlace && output != nil { throw ValidationError("--in-place and -o cannot be combined.") }
      if inPlace && (inputs.isEmpty || inputs.contains("-")) { throw ValidationError("--in-place needs input files.") }
      if jsonl != (field != nil) { throw ValidationError("--jsonl and --field go together.") }
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
      if sample && !inputs.isEmpty { throw ValidationError("--sample takes no inputs.") }
    }

    func makeNormalizer() -> CorpusNormalizer {
      var p: NormalizationProfile = form.map { .form($0) } ?? (profile ?? .nfc).profile
      if let marks { p = p.withHebrewMarks(marks) }
      var n = CorpusNormalizer(profile: p)
      n.encoding = input.encodingChoice
      n.onInvalid = input.onInvalid.policy
      n.keepLineEnds = keepLineEnds
      n.repairVisualOrder = fixVisual
      n.jsonField = field.map { $0.split(separator: ".").map(String.init) }
      return n
    }

    func run() throws {
      // Chunk buffers are 256 KiB and up (steps may grow them); keep them on the heap instead
      // of fresh mmap'd pages each time (page faults and zeroing were a quarter of the run time).
      CorpusNormalizer.tuneProcessAllocator()
      let normalizer = makeNormalizer()
      if sample {
        let (out, _) = try normalizer.normalize(bytes: Array(EmbeddedData.sampleText.utf8), name: "<sample>")
        print(String(decoding: out, as: UTF8.self), terminator: "")
        return
      }
      let plan = try NormalizePlan(inputs: inputs, output: output, inPlace: inPlace, include: include, verbose: input.verbose)
      let progress = ProgressDisplay(totalBytes: plan.totalBytes, enabled: !quiet && CorpusPaths.standardErrorIsTerminal)
      let results = plan.execute(normalizer: normalizer, jobs: jobs ?? ProcessInfoLite.cores, progress: progress)
      progress.finish()
      var failures: [CorpusError] = []
      var succeeded = 0
      for r in results {
        switch r.outcome {
        case .success(let report):
          succeeded += 1
          if input.verbose { printError("\(report.input): encoding \(report.encoding.encoding) (\(report.encoding.reason))") }
          if report.replacements > 0 {
            printError("translit: \(report.input): replaced \(report.replacements) invalid sequence(s) with U+FFFD")
          }
          if stats { printError(StatsJSON.line(report, output: r.output)) }
        case .failure(let error):
          failures.append(error)
          printError("translit: \(error)")
        }
      }
      let code = ExitCodes.forFailures(failures, succeeded: succeeded)
      if code != 0 { throw ExitCode(code) }
    }
  }
}

extension NormalizationForm: ExpressibleByArgument {}
extension NormalizationProfileName: ExpressibleByArgument {}
extension HebrewMarkPolicy: ExpressibleByArgument {}

enum ProcessInfoLite {
  static var cores: Int {
    let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return n > 0 ? n : 1
  }
}

/// One input and where its output goes.
struct NormalizeTask: Sendable {
  enum Destination: Sendable {
    case standardOutput
    case file(String)
  }
  var input: String?  // nil: stdin
  var destination: Destination
}

struct TaskResult: Sendable {
  var outcome: Result<CorpusReport, CorpusError>
  var output: String
}

/// Expands inputs (files, directories, stdin) into tasks, and runs them.
struct NormalizePlan {
  var tasks: [NormalizeTask] = []
  /// Everything goes to one stream in input order (stdout or -o FILE).
  var concatenateTo: NormalizeTask.Destination? = nil
  var totalBytes = 0
  var planFailures: [CorpusError] = []

  init(inputs: [String], output: String?, inPlace: Bool, include: String?, verbose: Bool) throws {
    let ins = inputs.isEmpty ? ["-"] : inputs
    let hasDirectory = ins.contains { $0 != "-" && CorpusPaths.isDirectory($0) }
    if hasDirectory && !inPlace {
      guard let output else { throw ValidationError("A directory input needs -o DIR (or --in-place).") }
      if CorpusPaths.exists(output) && !CorpusPaths.isDirectory(output) {
        throw ValidationError("-o \(output) must be a directory when an input is a directory.")
      }
    }
    for item in ins {
      if item == "-" {
        tasks.append(NormalizeTask(input: nil, destination: .standardOutput))
      } else if CorpusPaths.isDirectory(item) {
        let tree: CorpusTree
        do { tree = try CorpusTree(root: item, include: include) } catch {
          planFailures.append(error)
          continue
        }
        for s in tree.skipped where verbose { printError("\(item)/\(s.path): skipped (\(s.reason))") }
        for rel in tree.files {
          let src = "\(item)/\(rel)"
          let dest = inPlace ? src : "\(output!)/\(rel)"
          tasks.append(NormalizeTask(input: src, destination: .file(dest)))
          totalBytes += CorpusPaths.size(src) ?? 0
        }
      } else {
        tasks.append(NormalizeTask(input: item, destination: inPlace ? .file(item) : .standardOutput))
        totalBytes += CorpusPaths.size(item) ?? 0
      }
    }
    if !inPlace && !hasDirectory {
      // Plain inputs: one stream, in order, to stdout or to -o FILE.
      concatenateTo = output.map { .file($0) } ?? .standardOutput
      if let output, CorpusPaths.isDirectory(output) {
        // Files into an existing directory: one output per input, by base name.
        concatenateTo = nil
        tasks = tasks.map { t in
          guard let i = t.input else { return NormalizeTask(input: nil, destination: .file("\(output)/stdin.txt")) }
          let base = i.split(separator: "/").last.map(String.init) ?? i
          return NormalizeTask(input: i, destination: .file("\(output)/\(base)"))
        }
      }
    }
  }

  func execute(normalizer: CorpusNormalizer, jobs: Int, progress: ProgressDisplay) -> [TaskResult] {
    var results = planFailures.map { TaskResult(outcome: .failure($0), output: "") }
    let onBytes: @Sendable (Int) -> Void = { progress.advance(to: $0) }
    switch concatenateTo {
    case .standardOutput? where jobs == 1 || tasks.count == 1:
      for t in tasks {
        progress.startFile()
        results.append(TaskResult(outcome: Result { () throws(CorpusError) in
          try normalizer.normalizeToStandardOutput(from: t.input, progress: onBytes)
        }, output: "<stdout>"))
      }
    case .file(let out)? where tasks.count == 1:
      progress.startFile()
      results.append(TaskResult(outcome: Result { () throws(CorpusError) in
        try normalizer.normalizeFile(at: tasks[0].input, to: out, progress: onBytes)
      }, output: out))
    case let dest?:
      // Several inputs to one stream: normalize each into a private temporary file in
      // parallel, then emit them in input order (failed inputs contribute nothing).
      let tmp: String
      do { tmp = try CorpusPaths.makeTemporaryDirectory() } catch {
        return results + [TaskResult(outcome: .failure(error), output: "")]
      }
      let parts = tasks.indices.map { "\(tmp)/part-\($0)" }
      let partTasks = tasks.indices.map { NormalizeTask(input: tasks[$0].input, destination: .file(parts[$0])) }
      let partResults = Self.runParallel(partTasks, normalizer: normalizer, jobs: jobs, progress: progress)
      let okParts = parts.indices.filter { if case .success = partResults[$0].outcome { return true } else { return false } }.map { parts[$0] }
      var emitError: CorpusError? = nil
      do throws(CorpusError) {
        switch dest {
        case .standardOutput: for p in okParts { try CorpusPaths.copyToStandardOutput(p) }
        case .file(let out): try CorpusNormalizer.concatenate(okParts, into: out)
        }
      } catch { emitError = error }
      for p in parts { CorpusPaths.remove(p) }
      CorpusPaths.remove(tmp + "/")
      _ = rmdirLite(tmp)
      let name: String
      switch dest {
      case .standardOutput: name = "<stdout>"
      case .file(let out): name = out
      }
      results += partResults.map { TaskResult(outcome: $0.outcome, output: name) }
      if let emitError { results.append(TaskResult(outcome: .failure(emitError), output: name)) }
    case nil:
      for t in tasks {
        if case .file(let out) = t.destination {
          do { try CorpusPaths.makeDirectories(CorpusPaths.directoryName(out)) } catch {
            results.append(TaskResult(outcome: .failure(error), output: out))
            return results
          }
        }
      }
      results += Self.runParallel(tasks, normalizer: normalizer, jobs: jobs, progress: progress)
    }
    return results
  }

  /// Runs file-to-file tasks on `jobs` threads; results come back in task order.
  static func runParallel(_ tasks: [NormalizeTask], normalizer: CorpusNormalizer, jobs: Int, progress: ProgressDisplay) -> [TaskResult] {
    let next = Atomic<Int>(0)
    let slots = Mutex<[TaskResult?]>(Array(repeating: nil, count: tasks.count))
    let workers = Swift.max(1, Swift.min(jobs, tasks.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        if i >= tasks.count { return }
        guard case .file(let out) = tasks[i].destination else { continue }
        progress.startFile()
        let before = Mutex<Int>(0)
        let r = Result { () throws(CorpusError) in
          try normalizer.normalizeFile(at: tasks[i].input, to: out) { bytes in
            let delta = before.withLock { b in defer { b = bytes }; return bytes - b }
            progress.add(delta)
          }
        }
        slots.withLock { $0[i] = TaskResult(outcome: r, output: out) }
      }
    }
    return slots.withLock { $0.map { $0! } }
  }
}

func rmdirLite(_ path: String) -> Int32 { rmdir(path) }

/// JSON line for --stats.
enum StatsJSON {
  static func line(_ r: CorpusReport, output: String) -> String {
    let changes = r.statistics.changes.map { "\(jsonString($0.step)):\($0.count)" }.joined(separator: ",")
    return "{\"input\":\(jsonString(r.input)),\"output\":\(jsonString(output)),\"bytes_in\":\(r.bytesIn),\"bytes_out\":\(r.bytesOut),"
      + "\"lines\":\(r.lines),\"encoding\":\(jsonString(r.encoding.encoding.description)),\"encoding_reason\":\(jsonString(r.encoding.reason)),"
      + "\"replacements\":\(r.replacements),\"visual_lines_repaired\":\(r.visualLinesRepaired),\"changes\":{\(changes)}}"
  }

}


/// Bytes, MB/s and ETA on stderr, for terminals only, once a job has run about a second.
final class ProgressDisplay: Sendable {
  private struct State {
    var done = 0
    var fileBase = 0
    var lastFile = 0
    var lastPrint: ContinuousClock.Instant? = nil
    var printed = false
  }
  private let state = Mutex(State())
  private let total: Int
  private let enabled: Bool
  private let start = ContinuousClock.now

  init(totalBytes: Int, enabled: Bool) {
    total = totalBytes
    self.enabled = enabled
  }

  /// A new single-stream file begins (its progress callbacks count from zero).
  func startFile() { state.withLock { $0.fileBase = $0.done; $0.lastFile = 0 } }

  /// Progress of the current single-stream file.
  func advance(to bytesOfFile: Int) {
    let delta = state.withLock { s -> Int in
      let d = bytesOfFile - s.lastFile
      s.lastFile = bytesOfFile
      return d
    }
    add(delta)
  }

  func add(_ delta: Int) {
    guard enabled else { return }
    let now = ContinuousClock.now
    let line: String? = state.withLock { s -> String? in
      s.done += delta
      let elapsed = now - start
      guard elapsed > .seconds(1) else { return nil }
      if let last = s.lastPrint, now - last < .milliseconds(200) { return nil }
      s.lastPrint = now
      s.printed = true
      let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      let mbps = Double(s.done) / 1_000_000 / secs
      var text = "\r\(Self.mb(s.done))"
      if total > 0 { text += " / \(Self.mb(total))" }
      text += "  \(formatDecimal(mbps, 0)) MB/s"
      if total > s.done, mbps > 0 { text += "  ETA \(formatDecimal(Double(total - s.done) / 1_000_000 / mbps, 0))s" }
      return text + "   "
    }
    if let line { StandardErrorStream().writeRaw(line) }
  }

  func finish() {
    if state.withLock({ $0.printed }) { StandardErrorStream().writeRaw("\n") }
  }

  static func mb(_ b: Int) -> String { "\(formatDecimal(Double(b) / 1_000_000)) MB" }
}

extension StandardErrorStream {
  func writeRaw(_ s: String) {
    var m = self
    m.write(s)
  }
}

#if canImport(Glibc)
  import Glibc
#endif

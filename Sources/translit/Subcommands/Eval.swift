import ArgumentParser
import FoundationEssentials
import TextKitLinux
#if canImport(Glibc)
import Glibc
#endif

extension TranslitCommand {
  /// `translit eval names`: the retrieval benchmark behind the matcher's quality figures.
  struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Reproduce quality figures.",
      subcommands: [Names.self, Speed.self]
    )

    struct Names: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Rank each query's answer among all candidates of the other script, both directions.",
        usage: "translit eval names --queries persons-dev-queries.tsv --pool persons-dev-pool.tsv [--top 5]",
        discussion: """
          Files are TSV with a header `he<TAB>en[<TAB>kind…]`. Candidates are the queries' answers \
          plus the pool. Prints top-1, top-K and MRR for he→en and en→he, then the calibration of \
          the default threshold: recall on the query pairs and precision against non-matching \
          pairs (each query against a random pool name, and against its best wrong candidate). \
          A candidate spelled exactly like the answer counts as the answer. \
          With only --queries (no pool) the file's own pairs are the candidates; --by-kind \
          reports top-1 per kind column (places-dev.tsv).
          """
      )
      @Option(help: "Query pairs (TSV he, en, kind).") var queries: String
      @Option(help: "Extra candidate pairs (TSV).") var pool: String?
      @Option(help: "K for top-K.") var top: Int = 5
      @Option(help: "Shortlist size reranked by the full score (default: the index's, 400).") var shortlist: Int?
      @Flag(help: "Report top-1 by the kind column.") var byKind = false
      @Flag(help: "Print each miss (top-1 wrong) to stderr: query → top result (answer rank: answer).") var misses = false

      func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be positive") }
        if let shortlist, shortlist <= 0 { throw ValidationError("--shortlist must be positive") }
      }

      /// The pairs of a TSV file (he, en, kind): LF or CRLF lines, a header line `he<TAB>en…`
      /// skipped, blank lines skipped; a line without both names is an error (exit 65).
      func readPairs(_ path: String) throws -> [(he: String, en: String, kind: String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
          printError("translit: cannot read \(path): \(unreadableReason(path))")
          throw ExitCode(74)
        }
        var out: [(String, String, String)] = []
        let lines = String(decoding: data, as: UTF8.self).split(
          omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (n, raw) in lines.enumerated() {
          var line = raw
          if n == 0 && line.first == "\u{FEFF}" { line = line.dropFirst() }
          if line.hasSuffix("\r") { line = line.dropLast() }
          if line.allSatisfy(\.isWhitespace) { continue }
          let f = line.split(separator: "\t", omittingEmptySubsequences: false)
          if n == 0 && f.first == "he" { continue }
          guard f.count >= 2, !f[0].isEmpty, !f[1].isEmpty else {
            printError("translit: \(path): line \(n + 1): expected he<TAB>en[<TAB>kind]")
            throw ExitCode(65)
          }
          out.append((String(f[0]), String(f[1]), f.count > 2 ? String(f[2]) : ""))
        }
        return out
      }

      func run() throws {
        let q = try readPairs(queries)
        guard !q.isEmpty else {
          printError("translit: \(queries): no query pairs")
          throw ExitCode(65)
        }
        let p = try pool.map(readPairs) ?? []
        let matcher = NameMatcher()
        var heIndex = NameIndex()
        var enIndex = NameIndex()
        for (i, pair) in (q + p).enumerated() {
          heIndex.add(id: String(i), name: pair.he, type: .person)
          enIndex.add(id: String(i), name: pair.en, type: .person)
        }
        let clock = ContinuousClock()
        var positives: [Double] = []
        var hardNegatives: [Double] = []
        for (label, index, queryOf) in [
          ("he→en", enIndex, { (x: (he: String, en: String, kind: String)) in x.he }),
          ("en→he", heIndex, { (x: (he: String, en: String, kind: String)) in x.en }),
        ] {
          var top1 = 0
          var topK = 0
          var mrr = 0.0
          var kindTotal: [String: (Int, Int)] = [:]
          var times: [Duration] = []
          for (i, pair) in q.enumerated() {
            let start = clock.now
            let size = shortlist ?? index.defaultShortlist
            let results = index.search(queryOf(pair), top: size, shortlist: size)
            times.append(clock.now - start)
            // A candidate spelled exactly like the answer counts as the answer (duplicates in the
            // candidate set cannot be told apart by any name matcher).
            let answer = label == "he→en" ? pair.en : pair.he
            let rank = results.firstIndex { $0.id == String(i) || $0.name == answer }
            if let rank {
              if rank == 0 { top1 += 1 }
              if rank < top { topK += 1 }
              mrr += 1 / Double(rank + 1)
            }
            if label == "he→en" {
              if let rank { positives.append(results[rank].score) } else {
                positives.append(matcher.match(pair.he, pair.en).score)
              }
              if let wrong = results.first(where: { $0.id != String(i) && $0.name != pair.en }) { hardNegatives.append(wrong.score) }
            }
            if rank != 0 && misses {
              let r = rank.map { String($0 + 1) } ?? ">\(size)"
              printError("\(label) miss: \(queryOf(pair)) → \(results.first?.name ?? "-") (answer rank \(r): \(answer))")
            }
            var k = kindTotal[pair.kind, default: (0, 0)]
            k.1 += 1
            if rank == 0 { k.0 += 1 }
            kindTotal[pair.kind] = k
          }
          times.sort()
          let n = Double(q.count)
          let median = times.isEmpty ? .zero : times[times.count / 2]
          print(
            "\(label): top-1 \(fmt(Double(top1) / n))  top-\(top) \(fmt(Double(topK) / n))  MRR \(fmt(mrr / n))  "
              + "(\(q.count) queries, \(index.count) candidates, median query \(micros(median)) µs)")
          if byKind {
            for (kind, v) in kindTotal.sorted(by: { $0.key < $1.key }) {
              print("  \(kind.isEmpty ? "-" : kind): top-1 \(fmt(Double(v.0) / Double(v.1))) (\(v.1))")
            }
          }
        }
        // Calibration: random non-matching pairs from the pool and the hardest wrong candidates.
        var random: [Double] = []
        if !p.isEmpty {
          var rng = SplitMix64(seed: 7)
          for pair in q {
            let other = p[Int(rng.next() % UInt64(p.count))]
            random.append(matcher.match(pair.he, other.en).score)
          }
        }
        let t = matcher.threshold
        let recall = Double(positives.filter { $0 >= t }.count) / Double(max(positives.count, 1))
        let fpRandom = random.filter { $0 >= t }.count
        let fpHard = hardNegatives.filter { $0 >= t }.count
        let tp = positives.filter { $0 >= t }.count
        print("threshold \(t): recall \(fmt(recall)) on \(positives.count) matching pairs")
        if !random.isEmpty {
          print("  random pool pairs: \(fpRandom) of \(random.count) above threshold; precision \(fmt(Double(tp) / Double(max(tp + fpRandom, 1))))")
        }
        print("  best wrong candidates: \(fpHard) of \(hardNegatives.count) above threshold; precision \(fmt(Double(tp) / Double(max(tp + fpHard, 1))))")
      }

      func fmtOld(_ x: Double) -> String {
        let v = Int((x * 1000).rounded())
        return "\(v / 1000).\(String(repeating: "0", count: 3 - String(v % 1000).count))\(v % 1000)"
      }
    }
  }
}


/// A duration in whole microseconds.
func micros(_ d: Duration) -> Int {
  Int(d.components.seconds) * 1_000_000 + Int(d.components.attoseconds / 1_000_000_000_000)
}

import ArgumentParser
import FoundationEssentials
import TextKitLinux

extension TranslitCommand.Eval {
  /// `translit eval speed`: the matcher's and the index's speed figures (run a release build).
  struct Speed: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure full-score pairs/s, shortlist comparisons/s and a synthesized large index.",
      usage: "translit eval speed --train persons-train.tsv --pairs persons-dev-queries.tsv --index-size 1000000",
      discussion: """
        Full score: every query name against its answer and 9 other candidates (prepared names, \
        one thread). Shortlist: the signature scan over the candidates. Index: names synthesized \
        from the train file's first and last tokens (deterministic), built, saved, loaded and \
        queried with 1,000 synthesized names (top 10). Prints medians of --runs runs.
        """
    )
    @Option(help: "Train pairs (first/last names for the synthesized index).") var train: String
    @Option(help: "Query pairs (TSV he, en).") var pairs: String
    @Option(help: "Names in the synthesized index (0: skip).") var indexSize: Int = 1_000_000
    @Option(help: "Where to save the synthesized index.") var indexPath: String = "/tmp/translit-bench.tkidx"
    @Option(help: "Runs for the medians.") var runs: Int = 3

    func read(_ path: String) throws -> [(String, String)] {
      guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
      return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().compactMap {
        let f = $0.split(separator: "\t")
        return f.count >= 2 ? (String(f[0]), String(f[1])) : nil
      }
    }

    func seconds(_ d: Duration) -> Double {
      Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func run() throws {
      let clock = ContinuousClock()
      let q = try read(pairs)
      let matcher = NameMatcher()
      let he = q.map { PreparedName($0.0) }
      let en = q.map { PreparedName($0.1) }
      var rates: [Double] = []
      var sink = 0.0
      for _ in 0..<runs {
        let t = clock.measure {
          for i in he.indices {
            for k in 0..<10 { sink += matcher.rawEvidence(he[i], en[(i + k * 7) % en.count]) }
          }
        }
        rates.append(Double(he.count * 10) / seconds(t))
      }
      rates.sort()
      print("full cross-script score: \(Int(rates[rates.count / 2])) pairs/s (one thread, median of \(runs))")
      var index = NameIndex()
      for (i, p) in q.enumerated() { index.add(id: String(i), name: p.1) }
      while index.count < 20_000 { index.add(id: "x\(index.count)", name: q[index.count % q.count].1 + " " + q[(index.count * 7) % q.count].1) }
      var scan: [Double] = []
      for _ in 0..<runs {
        var n = 0
        let t = clock.measure {
          for i in 0..<200 { n += index.shortlistCount(he[i], size: 200) }
        }
        scan.append(Double(200 * index.count) / seconds(t))
        sink += Double(n)
      }
      scan.sort()
      print("shortlist stage: \(Int(scan[scan.count / 2] / 1e6)) M candidate comparisons/s (\(index.count) candidates)")
      guard indexSize > 0 else { return }
      // Synthesized index: first token of one train name + last token of another.
      let t = try read(train)
      var firsts: [String] = []
      var lasts: [String] = []
      for p in t {
        for name in [p.0, p.1] {
          let toks = name.split(separator: " ")
          if toks.count >= 2, let f = toks.first, let l = toks.last { firsts.append(String(f)); lasts.append(String(l)) }
        }
      }
      var big = NameIndex()
      var rng: UInt64 = 0x1234_5678
      func next() -> Int {
        rng = rng &* 6364136223846793005 &+ 1442695040888963407
        return Int(rng >> 33)
      }
      var synthesized: [String] = []
      let build = clock.measure {
        for i in 0..<indexSize {
          let k = next() % firsts.count
          // Keep first and last of the same script: pick the last name from an entry of the same parity.
          var m = next() % lasts.count
          if m % 2 != k % 2 { m = (m + 1) % lasts.count }
          let name = firsts[k] + " " + lasts[m]
          if synthesized.count < 1000 && i % 997 == 0 { synthesized.append(name) }
          big.add(id: String(i), name: name, keepPrepared: false)
        }
      }
      print("index build: \(indexSize) names in \(String(format3(seconds(build)))) s")
      let save = clock.measure { try? big.save(to: indexPath) }
      var loaded = NameIndex()
      let load = clock.measure { loaded = (try? NameIndex(contentsOf: indexPath)) ?? NameIndex() }
      print("index save \(format3(seconds(save))) s, load \(format3(seconds(load))) s (\(loaded.count) names)")
      var times: [Double] = []
      for name in synthesized {
        let d = clock.measure { sink += Double(loaded.search(name, top: 10).count) }
        times.append(seconds(d) * 1000)
      }
      times.sort()
      if !times.isEmpty {
        print("top-10 query over \(loaded.count): p50 \(format3(times[times.count / 2])) ms, p99 \(format3(times[times.count * 99 / 100])) ms (\(times.count) queries)")
      }
      if sink == .infinity { print("") }
    }
  }
}

func format3(_ x: Double) -> String { fmt(x) }

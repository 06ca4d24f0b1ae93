import ArgumentParser
@_spi(Benchmark) import TextKitLinux

#if canImport(Glibc)
import Glibc
#endif

extension TranslitCommand {
  /// Hidden: timing loops for `Scripts/bench-segment` (never used by tests).
  struct SegmentBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bench-segment", abstract: "Benchmark loops for Scripts/bench-segment.",
      shouldDisplay: false)

    @Option var runs = 5
    @Argument var file: String

    func now() -> Double {
      var ts = timespec()
      clock_gettime(CLOCK_MONOTONIC, &ts)
      return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func median(_ body: () throws -> Void) rethrows -> Double {
      var times: [Double] = []
      for _ in 0..<runs {
        let t0 = now()
        try body()
        times.append(now() - t0)
      }
      return times.sorted()[times.count / 2]
    }

    func run() throws {
      var bytes: [UInt8] = []
      var lines: [String] = []
      let status = LineInput.run([file], options: nil) { _, chunk in
        chunk.forEachLine { _, _, line in
          bytes.append(contentsOf: line)
          bytes.append(0x0A)
          lines.append(String(decoding: line, as: UTF8.self))
        }
      }
      if status != 0 { throw ExitCode(status) }
      let mb = Double(bytes.count) / 1_000_000
      try bytes.withUnsafeBufferPointer { text in
        var raw = (0, 0), ours = (0, 0)
        let tRaw = try median { raw = try SegmentationBenchmark.rawICUWords(text) }
        let tOurs = try median { ours = try SegmentationBenchmark.libraryWords(text) }
        print("word iteration, raw ICU ubrk: \(fmt(mb / tRaw)) MB/s (\(raw.0) boundaries)")
        print("word iteration, library:      \(fmt(mb / tOurs)) MB/s (\(ours.0) segments)")
        print("ratio library / raw ICU:      \(fmt(tRaw / tOurs))x")
      }
      var runsCount = 0, visual = 0
      let tBidi = try median { runsCount = try SegmentationBenchmark.bidiRuns(lines: lines) }
      let tDetect = median { visual = SegmentationBenchmark.detect(lines: lines) }
      print("bidi run analysis:            \(fmt(mb / tBidi)) MB/s (\(runsCount) runs)")
      print("visual-order detection:       \(fmt(mb / tDetect)) MB/s (\(visual) visual lines)")
    }

    func fmt(_ x: Double) -> String {
      let r = (x * 10).rounded() / 10
      return "\(r)"
    }
  }
}

import Foundation
import Testing
@testable import TextKitLinux

/// The UTF-8 streaming path: one C scan per buffer (validation, line ends, NFC stability), steps
/// skipped when the scan shows they have nothing to do, pieces written from the read buffer.
@Suite("UTF-8 fast path")
struct UTF8FastPathTests {
  /// Reference NFC of the whole text at once, through ICU's UTF-16 API (not the UTF-8 path).
  static func nfc(_ s: String) throws -> String { try ICUNormalizer.instance(.nfc).normalize(s) }

  static func run(_ job: CorpusNormalizer, _ bytes: [UInt8]) throws -> (String, CorpusReport) {
    let (out, report) = try job.normalize(bytes: bytes)
    return (String(decoding: out, as: UTF8.self), report)
  }

  static func changes(_ report: CorpusReport, _ step: String) -> Int? {
    report.statistics.changes.first { $0.step == step }?.count
  }

  @Test("text in NFC except one sequence, which lands on every chunk edge")
  func oneUnnormalizedSequenceAtEveryChunkEdge() throws {
    let line = "plain words שלום עולם and caf\u{E9}\n"
    // e + acute (composes), qamats before hiriq (reordered), A + ring + acute.
    for odd in ["e\u{301}", "\u{5D1}\u{5B8}\u{5B4}", "A\u{30A}\u{301}"] {
      for at in [0, 1, 7, 12, 33, 34] {
        var text = Array(String(repeating: line, count: 3).utf8)
        text.insert(contentsOf: Array(odd.utf8), at: at + line.utf8.count)
        let expected = try Self.nfc(String(decoding: text, as: UTF8.self))
        for chunk in 1...24 {
          var job = CorpusNormalizer(profile: .nfc)
          job.chunkSize = chunk
          let (out, report) = try Self.run(job, text)
          #expect(out == expected, "odd \(odd.unicodeScalars.map(\.value)) at \(at), chunk \(chunk)")
          #expect((Self.changes(report, "nfc") ?? 0) > 0)
        }
      }
    }
  }

  @Test func textAlreadyInNFCPassesUnchangedWithNoChangesCounted() throws {
    let text = Array(String(repeating: "ascii, עברית, caf\u{E9}, \u{1F600} \u{2014} ok\n", count: 40).utf8)
    for chunk in [5, 64, 1 << 18] {
      var job = CorpusNormalizer(profile: .nfc)
      job.chunkSize = chunk
      let (out, report) = try job.normalize(bytes: text)
      #expect(out == text)
      #expect(Self.changes(report, "nfc") == 0)
      #expect(Self.changes(report, "line-ends") == 0)
      #expect(report.lines == 40)
    }
  }

  @Test("invalid UTF-8 inside an ASCII run is reported at its line and byte, whatever the chunk size")
  func invalidUTF8InsideASCIIRun() throws {
    let line = String(repeating: "x", count: 100) + "\n"
    let clean = Array((line + line + line).utf8)
    for at in stride(from: 0, to: clean.count, by: 11) {
      for bad in [[UInt8(0xFF)], [0xC3, 0x28], [0xED, 0xA0, 0x80]] {
        var bytes = clean
        bytes.insert(contentsOf: bad, at: at)
        let line = bytes[..<at].filter { $0 == 0x0A }.count + 1
        for chunk in [7, 64, 1 << 18] {
          var job = CorpusNormalizer(profile: .nfc)
          job.chunkSize = chunk
          #expect {
            _ = try job.normalize(bytes: bytes, name: "f.txt")
          } throws: { error in
            guard let e = error as? CorpusError else { return false }
            return e.kind == .invalidUTF8 && e.line == line && e.byteOffset == at && e.bytes.first == bad[0]
              && (bad.count == 1 || Array(e.bytes.prefix(2)) == Array(bad.prefix(2)))
          }
        }
      }
    }
  }

  @Test func sequenceTruncatedByTheEndIsAnError() throws {
    let bytes = Array("abc\n".utf8) + [0xE2, 0x82]
    for chunk in [1, 2, 3, 64] {
      var job = CorpusNormalizer(profile: .nfc)
      job.chunkSize = chunk
      #expect {
        _ = try job.normalize(bytes: bytes, name: "t.txt")
      } throws: { error in
        (error as? CorpusError).map { $0.line == 2 && $0.byteOffset == 4 && $0.bytes == [0xE2, 0x82] } ?? false
      }
    }
  }

  @Test func multibyteSequencesSplitByReadsAreValid() throws {
    let text = Array(String(repeating: "a\u{20AC}b\u{5D0}\u{1F600}\n", count: 5).utf8)
    for chunk in 1...9 {
      var job = CorpusNormalizer(profile: .nfc)
      job.chunkSize = chunk
      #expect(try job.normalize(bytes: text).output == text, "chunk \(chunk)")
    }
  }

  @Test("CR, CRLF, NEL, LS and PS become \\n even when a CR ends a chunk")
  func lineEndsAcrossChunkEdges() throws {
    let input = "line one\r\nline two\rthree\u{2028}four\u{85}five\u{2029}six\r"
    let bytes = Array(input.utf8)
    for chunk in 1...20 {
      var job = CorpusNormalizer(profile: .nfc)
      job.chunkSize = chunk
      let (out, report) = try Self.run(job, bytes)
      #expect(out == "line one\nline two\nthree\nfour\nfive\nsix\n", "chunk \(chunk)")
      #expect(Self.changes(report, "line-ends") == 6)
      job.keepLineEnds = true
      #expect(try job.normalize(bytes: bytes).output == bytes)
    }
  }

  @Test func fileInputWithSmallReadsMatchesMemory() throws {
    let dir = NSTemporaryDirectory() + "tkl-fast-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let text = String(repeating: "ca\u{301}fe\u{301}\r\nשָׁלוֹם \u{2028}plain line\n", count: 50)
    let path = dir + "/in.txt"
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    var job = CorpusNormalizer(profile: .clean)
    let expected = try job.normalize(bytes: Array(text.utf8)).output
    for chunk in [3, 17, 1 << 18] {
      job.chunkSize = chunk
      let report = try job.normalizeFile(at: path, to: dir + "/out.txt")
      #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/out.txt"))) == expected, "chunk \(chunk)")
      #expect(report.lines == 100)
    }
  }

  @Test("one-pass scan agrees with the UTF-8 validator and counts lines")
  func scanAgreesWithValidator() throws {
    var rng = SplitMix64(seed: 7)
    let pool: [UInt8] = [0x61, 0x20, 0x0A, 0x0D, 0xC3, 0xA9, 0xD7, 0x90, 0xE2, 0x80, 0xA8, 0xC2, 0x85, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0xED, 0xA0]
    for _ in 0..<3000 {
      let bytes = (0..<Int.random(in: 0..<90, using: &rng)).map { _ in
        Bool.random(using: &rng) ? UInt8(0x61) : pool.randomElement(using: &rng)!
      }
      for allow in [false, true] {
        let scan = ByteScanning.scanUTF8(bytes, allowTruncatedTail: allow, trackNFC: true)
        let v = ByteScanning.findInvalidUTF8(bytes, range: bytes.indices, allowTruncatedTail: allow)
        #expect(scan.end == (v.invalid?.offset ?? v.tailStart))
        #expect(scan.badLength == (v.invalid?.length ?? 0))
        #expect(scan.newlines == bytes[..<scan.end].filter { $0 == 0x0A }.count)
        #expect(scan.lastNewline == bytes[..<scan.end].lastIndex(of: 0x0A))
      }
    }
  }

  @Test("the two-byte lead bytes the vector scan passes unchecked start only NFC-stable scalars")
  func vectorScanLeadBytesAreStable() {
    // C2..CB, D0, D1, and D7 before a continuation of at least 0x88 (cicu_bytes.c): if ICU's
    // data ever disagrees, the scan falls back to per-scalar checks, and this test says so.
    let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x400...0x47F, 0x5C8...0x5FF]
    for range in ranges {
      for v in range {
        #expect(ByteScanning.isNFCStable(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
      }
    }
  }

  @Test("the scan finds the first unstable scalar inside long Hebrew and Cyrillic runs")
  func unstableScalarInsideLongTwoByteRuns() throws {
    let run = String(repeating: "שלום עולם Привет мир ", count: 20)
    for mark in ["\u{5B4}", "\u{301}", "\u{483}", "\u{5C1}", "\u{5C7}"] {
      for at in [0, 1, 17, 33, 100, 301] {
        var scalars = Array(run.unicodeScalars)
        scalars.insert(Unicode.Scalar(mark.unicodeScalars.first!.value)!, at: at)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        let bytes = Array(text.utf8)
        let offset = Array(String(String.UnicodeScalarView(scalars[..<at])).utf8).count
        let scan = ByteScanning.scanUTF8(bytes, allowTruncatedTail: false, trackNFC: true)
        #expect(scan.firstNFCUnstable == offset, "mark \(mark.unicodeScalars.first!.value) at \(at)")
        #expect(scan.end == bytes.count && scan.badLength == 0)
      }
    }
  }

  @Test("the validator finds the first ill-formed sequence of Hebrew-heavy text where Swift's decoder does")
  func validatorAgreesWithSwiftOnTwoByteText() throws {
    var rng = SplitMix64(seed: 11)
    // Mostly two-byte letters and ASCII (the validator's tight loop), with broken pieces.
    let pieces: [[UInt8]] = [
      [0xD7, 0x90], [0xD7, 0xA9], [0xD6, 0xBC], [0xD0, 0xB6], [0x20], [0x61], [0x0A], [0xE2, 0x80, 0x94],
      [0xF0, 0x9F, 0x98, 0x80], [0xD7], [0x90], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xFF],
      [0xD7, 0x20], [0xC2, 0xA0],
    ]
    for _ in 0..<5000 {
      var bytes: [UInt8] = []
      let valid = Int.random(in: 0..<60, using: &rng)
      for k in 0..<(valid + Int.random(in: 0..<4, using: &rng)) {
        let piece = pieces[Int.random(in: 0..<(k < valid ? 6 : pieces.count), using: &rng)]
        bytes += piece
      }
      // Swift's decoder: offset of the first error.
      var parser = Unicode.UTF8.ForwardParser()
      var iterator = bytes.makeIterator()
      var offset = 0
      var firstError: Int? = nil
      loop: while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let v): offset += v.count
        case .error(let length):
          firstError = offset
          _ = length
          break loop
        case .emptyInput: break loop
        }
      }
      let v = ByteScanning.findInvalidUTF8(bytes, range: bytes.indices, allowTruncatedTail: false)
      #expect(v.invalid?.offset == firstError, "\(bytes)")
    }
  }

  @Test("NFC-stable scalars never change or combine with what precedes them")
  func nfcStableScalarsAreInert() throws {
    var text = ""
    var count = 0
    for v in UInt32(0x80)..<0x20000 {
      guard let s = Unicode.Scalar(v), ByteScanning.isNFCStable(s) else { continue }
      // After letters that start compositions (e, A, Hangul L jamo) and a Hebrew letter.
      for base in ["e", "A", "\u{1100}", "\u{5E9}"] {
        text += base
        text.unicodeScalars.append(s)
      }
      count += 1
    }
    #expect(count > 100_000)
    #expect(try Self.nfc(text) == text)
    for unstable: UInt32 in [0x301, 0x5B8, 0x5C1, 0x212B, 0xFB1D, 0x1161, 0x344, 0x1D15E] {
      #expect(!ByteScanning.isNFCStable(Unicode.Scalar(unstable)!), "U+\(String(unstable, radix: 16))")
    }
    for stable: UInt32 in [0x41, 0xE9, 0x5D0, 0x5F3, 0x2014, 0x1F600] {
      #expect(ByteScanning.isNFCStable(Unicode.Scalar(stable)!), "U+\(String(stable, radix: 16))")
    }
  }

  @Test("fused punctuation + whitespace pass equals the two steps run one after the other")
  func fusedPunctuationAndWhitespace() throws {
    let fused = TextNormalizer(profile: NormalizationProfile(steps: [.punctuationToSpace, .collapseWhitespace]))
    let first = TextNormalizer(profile: NormalizationProfile(steps: [.punctuationToSpace]))
    let second = TextNormalizer(profile: NormalizationProfile(steps: [.collapseWhitespace]))
    let alphabet = ["a", "bc", " ", "  ", "\t", "\n", ",", ".", "'", "!", "-", "(", ")", "_", "{", "$", "+", "<",
                    "ש", "ג׳", "ח״כ", "\u{2026}", "\u{2019}", "o'b", "caf\u{E9}", "1", "\u{A0}"]
    var rng = SplitMix64(seed: 42)
    for _ in 0..<2000 {
      let s = (0..<Int.random(in: 0..<40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
      var fs = NormalizationStatistics()
      let out = try fused.normalize(utf8: Array(s.utf8), statistics: &fs)
      var s1 = NormalizationStatistics()
      var s2 = NormalizationStatistics()
      let mid = try first.normalize(utf8: Array(s.utf8), statistics: &s1)
      let ref = try second.normalize(utf8: mid, statistics: &s2)
      #expect(out == ref, "input: \(s.debugDescription)")
      #expect(fs.changes.map(\.count) == [s1.changes[0].count, s2.changes[0].count], "input: \(s.debugDescription)")
    }
    #expect(try fused.normalize("  Hello,  world... (it's) ok!\n") == "Hello world its ok\n")
  }

  @Test func latinFoldingRangeGuardCoversTheTable() throws {
    #expect(LatinFolding.table.keys.allSatisfy(LatinFolding.mayFold))
    let search = TextNormalizer(profile: .search)
    #expect(try search.normalize("Qırmızı Qəsəbə, Łódź, ɨ") == "qirmizi qasaba lodz i")
  }
}

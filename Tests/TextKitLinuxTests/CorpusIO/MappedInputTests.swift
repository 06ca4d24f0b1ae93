import Foundation
import Testing
@testable import TextKitLinux

/// Large regular UTF-8 files are read through a sliding memory mapping; the result must be
/// exactly what the streaming path gives for the same bytes, and a file that shrinks under the
/// mapping must give an I/O error, not a crash.
@Suite("Mapped file input")
struct MappedInputTests {
  static func temporaryFile(_ bytes: [UInt8], _ name: String = "in.txt") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tk-mapped-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Random lines over ASCII, Hebrew with points, decomposed Latin, Cyrillic, emoji, CRLF,
  /// odd spaces and lines longer than the chunk.
  static func corpus(seed: UInt64, lines: Int) -> [UInt8] {
    var rng = SplitMix64(seed: seed)
    let pieces = [
      "plain words ", "שלום עולם ", "\u{5D1}\u{5B8}\u{5B4}", "cafe\u{301} ", "caf\u{E9} ", "Исаев ",
      "\u{1F600}\u{200D}\u{1F466} ", "\r\n", "\u{A0}", "\u{2028}", "x", "\u{FB2A}", "ﬁ", "\"quoted\" ",
    ]
    var out = ""
    for _ in 0..<lines {
      let long = rng.next() % 13 == 0
      let count = long ? 150 : Int(rng.next() % 12)
      for _ in 0..<count { out += pieces[Int(rng.next() % UInt64(pieces.count))] }
      out += "\n"
    }
    if rng.next() % 2 == 0 { out += "no final newline" }
    return Array(out.utf8)
  }

  @Test("same output, line count and statistics as the streaming path, across windows")
  func sameAsStreaming() throws {
    for seed: UInt64 in [1, 2, 3] {
      let bytes = Self.corpus(seed: seed, lines: 300)
      let input = try Self.temporaryFile(bytes)
      defer { try? FileManager.default.removeItem(atPath: (input as NSString).deletingLastPathComponent) }
      let profiles: [NormalizationProfile] = [.nfc, .clean, .search, NormalizationProfile(steps: [.form(.nfkcCasefold)])]
      // Lines longer than a chunk are cut at safe places, which only NFC is indifferent to (the
      // other profiles look at neighbours: quotes, whitespace runs); so those get whole lines.
      let cases = [(NormalizationProfile.nfc, 5), (.nfc, 64), (.nfc, 1000)] + profiles.flatMap { [($0, 4096), ($0, 9000)] }
      for (profile, chunk) in cases {
        do {
          var streaming = CorpusNormalizer(profile: profile)
          streaming.chunkSize = chunk
          let (expected, expectedReport) = try streaming.normalize(bytes: bytes, name: input)
          var mapped = streaming
          mapped.mappingThreshold = 0
          mapped.mappingWindow = 0  // the smallest: 4 chunks + a page, many windows per file
          let output = input + ".out"
          let report = try mapped.normalizeFile(at: input, to: output)
          let got = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
          let common = Swift.min(got.count, expected.count)
          let firstDifference = (0..<common).first { got[$0] != expected[$0] } ?? (got.count == expected.count ? nil : common)
          #expect(firstDifference == nil, "seed \(seed), profile \(profile.steps.map(\.name)), chunk \(chunk), \(got.count) vs \(expected.count) bytes")
          #expect(report.lines == expectedReport.lines)
          #expect(report.bytesIn == bytes.count)
          #expect(report.bytesOut == expected.count)
          // Counts of scalars changed are the same; NFC counts the bytes it had to look at,
          // which depends on where pieces are cut, so only its zero-ness is compared.
          for (a, b) in zip(report.statistics.changes, expectedReport.statistics.changes) {
            #expect(a.step == b.step)
            #expect(a.step.hasPrefix("nf") ? (a.count == 0) == (b.count == 0) : a.count == b.count, "\(a.step)")
          }
        }
      }
    }
  }

  @Test("a combining sequence longer than the window is passed on, not looped over")
  func combiningSequenceLongerThanTheWindow() throws {
    let text = "x\n" + "e" + String(repeating: "\u{301}", count: 5000) + "\nend\n"
    let input = try Self.temporaryFile(Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: (input as NSString).deletingLastPathComponent) }
    var job = CorpusNormalizer(profile: .nfc)
    job.chunkSize = 64
    job.mappingThreshold = 0
    job.mappingWindow = 0
    let report = try job.normalizeFile(at: input, to: input + ".out")
    let got = try String(contentsOfFile: input + ".out", encoding: .utf8)
    #expect(got == "x\n\u{E9}" + String(repeating: "\u{301}", count: 4999) + "\nend\n")
    #expect(report.lines == 3)
  }

  @Test("a BOM is dropped and offsets still count it")
  func byteOrderMark() throws {
    let text = Array("first\nsecond caf\u{E9}\n".utf8)
    let input = try Self.temporaryFile([0xEF, 0xBB, 0xBF] + text + [0xFF] + Array("\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: (input as NSString).deletingLastPathComponent) }
    var job = CorpusNormalizer(profile: .nfc)
    job.mappingThreshold = 0
    #expect {
      try job.normalizeFile(at: input, to: input + ".out")
    } throws: { error in
      let e = error as? CorpusError
      return e?.kind == .invalidUTF8 && e?.line == 3 && e?.byteOffset == 3 + text.count && e?.bytes.first == 0xFF
    }
    #expect(!FileManager.default.fileExists(atPath: input + ".out"))
  }

  @Test("invalid UTF-8 gets the streaming path's line, byte offset and bytes, wherever it falls")
  func invalidBytesReportedTheSame() throws {
    let clean = Self.corpus(seed: 9, lines: 120)
    for at in stride(from: 0, to: clean.count, by: clean.count / 37) {
      for bad in [[UInt8(0xFF)], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98]] {
        var bytes = clean
        // Insert before a lead byte so the bad sequence is not glued to a valid one.
        var i = at
        while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
        bytes.insert(contentsOf: bad, at: i)
        let input = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: (input as NSString).deletingLastPathComponent) }
        var streaming = CorpusNormalizer(profile: .clean)
        streaming.chunkSize = 64
        var expected: CorpusError?
        do { _ = try streaming.normalize(bytes: bytes, name: input) } catch { expected = error }
        var mapped = streaming
        mapped.mappingThreshold = 0
        mapped.mappingWindow = 0
        var got: CorpusError?
        do { try mapped.normalizeFile(at: input, to: input + ".out") } catch { got = error }
        // The bytes shown are the ill-formed part and, when at hand, the byte after it.
        #expect(expected != nil)
        #expect(got?.kind == expected?.kind && got?.line == expected?.line, "bad \(bad) at \(i)")
        #expect(got?.byteOffset == expected?.byteOffset, "bad \(bad) at \(i)")
        #expect(got?.bytes.first == expected?.bytes.first && got?.file == expected?.file)
        #expect(!FileManager.default.fileExists(atPath: input + ".out"))
      }
    }
  }

  @Test("a file cut short while mapped gives an error, not SIGBUS")
  func truncatedUnderTheMapping() throws {
    let page = MappedFileWindow.pageSize
    let input = try Self.temporaryFile([UInt8](repeating: 0x61, count: 4 * page))
    defer { try? FileManager.default.removeItem(atPath: (input as NSString).deletingLastPathComponent) }
    let file = try SystemFile.openForReading(input)
    let window = try MappedFileWindow(file: file, offset: 0, count: 4 * page)
    #expect(try window.scanUTF8(0..<4 * page, allowTruncatedTail: false, trackNFC: true).end == 4 * page)
    #expect(truncate(input, 0) == 0)
    #expect(throws: MappedFileWindow.Vanished.self) {
      _ = try window.scanUTF8(page..<4 * page, allowTruncatedTail: false, trackNFC: true)
    }
    #expect(throws: MappedFileWindow.Vanished.self) { _ = try window.copy(2 * page..<3 * page) }
    // The guard is released after each call: a later ordinary scan works.
    #expect(ByteScanning.scanUTF8(Array("ok\n".utf8), allowTruncatedTail: false, trackNFC: true).newlines == 1)
  }
}

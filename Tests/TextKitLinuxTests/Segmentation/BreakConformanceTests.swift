import Testing
@testable import TextKitLinux

/// Unicode 15.0 Grapheme/Word/Sentence/LineBreakTest against the default segmenter (root
/// locale, Hebrew refinements off). Lines where ICU's rules are deliberately tailored are
/// listed with the reason and must keep failing the untailored expectation (so the list
/// stays honest).
@Suite("Break conformance")
struct BreakConformanceTests {
  struct Case {
    var lineNumber: Int
    var text: String
    var boundaries: [Int]  // UTF-8 offsets after each segment
  }

  static func cases(_ file: String) -> [Case] {
    var result: [Case] = []
    for (i, line) in UnicodeTestFile.lines(file).enumerated() {
      let body = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
      guard body.contains("÷") else { continue }
      var text = String.UnicodeScalarView()
      var boundaries: [Int] = []
      var offset = 0
      for token in body.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        if token == "÷" {
          if offset > 0 { boundaries.append(offset) }
        } else if token != "×", let v = UInt32(token, radix: 16), let s = Unicode.Scalar(v) {
          text.append(s)
          offset += String(s).utf8.count
        }
      }
      result.append(Case(lineNumber: i + 1, text: String(text), boundaries: boundaries))
    }
    return result
  }

  /// Boundaries our default segmenter finds (for sentences: ICU's root rules directly, as
  /// `Segmenter(unit: .sentence)` adds abbreviation suppressions on purpose).
  static func boundaries(_ unit: SegmentUnit, _ text: String) throws -> [Int] {
    if unit == .sentence {
      var t = text
      return try t.withUTF8 { bytes in
        try ICUBreakIteratorPool.with(type: unit.icuType, locale: "") { it in
          var result: [Int] = []
          try it.boundaries(bytes) { offsets, _ in result += offsets.map { Int($0) } }
          return result
        }
      }
    }
    return try Segmenter(unit: unit, locale: "", hebrew: []).segments(of: text).map(\.utf8Range.upperBound)
  }

  static func failing(_ file: String, _ unit: SegmentUnit) throws -> (count: Int, failing: Set<Int>) {
    let all = cases(file)
    var failing: Set<Int> = []
    for c in all where try boundaries(unit, c.text) != c.boundaries { failing.insert(c.lineNumber) }
    return (all.count, failing)
  }

  @Test func graphemeBreakTest() throws {
    let (count, failing) = try Self.failing("GraphemeBreakTest.txt", .grapheme)
    #expect(count > 500)
    #expect(failing.isEmpty, "\(failing.sorted())")
  }

  @Test func sentenceBreakTest() throws {
    let (count, failing) = try Self.failing("SentenceBreakTest.txt", .sentence)
    #expect(count > 400)
    #expect(failing.isEmpty, "\(failing.sorted())")
  }

  @Test func wordBreakTest() throws {
    let (count, failing) = try Self.failing("WordBreakTest.txt", .word)
    #expect(count > 1500)
    #expect(failing == Self.wordTailorings, "\(failing.sorted())")
  }

  @Test func lineBreakTest() throws {
    let (count, failing) = try Self.failing("LineBreakTest.txt", .line)
    #expect(count > 7000)
    #expect(failing == Self.lineTailorings, "\(failing.sorted())")
  }

  /// ICU's root word rules leave COLON out of MidLetter (CLDR: the colon joins letters only
  /// in Swedish/Finnish tailorings), so a:b is three segments where UAX #29 15.0 keeps one.
  /// 15 lines, every one with U+003A between letters.
  static let wordTailorings: Set<Int> = [
    1253, 1254, 1267, 1268, 1283, 1284, 1285, 1286, 1287, 1288, 1289, 1290, 1291, 1292, 1712,
  ]

  /// ICU's line rules use CLDR's numeric tailoring of LB25 (the regular-expression form
  /// `(PR|PO)? (OP|HY)? NU (NU|SY|IS)* (CL|CP)? (PR|PO)?`) plus "HY × AL" after a start or a
  /// space and ". × digit" after letters, so it does not break in `-#`, `-§`, `,0`, `a.2`,
  /// `equals .35 cents` where the untailored rules do. 22 lines.
  static let lineTailorings: Set<Int> = [
    2265, 2267, 2421, 2423, 2425, 2427, 2429, 2431, 2873, 2875, 7477, 7576, 7577, 7578, 7579,
    7580, 7581, 7583, 7584, 7585, 7586, 7587,
  ]

  @Test func wordTailoringIsTheColon() throws {
    for n in Self.wordTailorings {
      let c = try #require(Self.cases("WordBreakTest.txt").first { $0.lineNumber == n })
      #expect(c.text.unicodeScalars.contains(":"))
    }
    let parts = try Segmenter(unit: .word, hebrew: []).segments(of: "a:b").map(\.text)
    #expect(parts == ["a", ":", "b"])
  }

  @Test func lineTailoringKeepsNumbersTogether() throws {
    let units = try Segmenter(unit: .line).segments(of: "-#").map(\.text)
    #expect(units == ["-#"])
    let price = try Segmenter(unit: .line).segments(of: "a.2 ").map(\.text)
    #expect(price == ["a.2 "])
  }
}

extension BreakConformanceTests {
  /// The table-driven breaker draws the same word boundaries, with the same kinds, as ICU,
  /// over random mixes of the characters of Hebrew, English, Cyrillic and Arabic text.
  @Test(arguments: [false, true])
  func tableDrivenBreakerMatchesICU(hebrewOnly: Bool) throws {
    let alphabet = Array("aZ09 .,;:'\"_-\t\r\n\u{0B}!?()$%".utf8).map { String(UnicodeScalar($0)) }
    let extras = [
      "\u{A0}", "\u{2013}", "\u{2014}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2026}",
      "א", "ב", "ש", "ם", "\u{05B0}", "\u{05BC}", "\u{0591}", "\u{05BE}", "\u{05F3}", "\u{05F4}",
      "ж", "Ω", "ب", "\u{0661}", "\u{0301}", "\u{200E}", "\u{AD}", "\u{2003}", "\u{3000}", "\u{B7}",
      "\u{2027}", "\u{FF0C}", "\u{FE55}", "\u{2028}", "\u{85}", "\u{202F}", "\u{FB2A}", "\u{2044}",
    ]
    let words = [
      "can't", "U.S.", "1,000.50", "a1b2", "x_y", "3.14", "e.g.", "it's", "a:b", "__", "ח\"כ",
      "צה\"ל", "ארה״ב", "ג'ורג'", "צ׳רצ׳יל", "ב-2024", "ב־2024", "הCIA", "בְּרֵאשִׁית", "עמ'", "א'1",
      "ב2024", "1א", "שָׁלוֹם",
    ]
    let hebrewPool = ["א", "ב", "ם", "\u{05B0}", "\u{05BE}", "\u{05F3}", "\u{05F4}", "'", "\"", " ",
                      ".", ",", "-", "1", "\n", "\u{0591}", "(", "a"]
    var state: UInt64 = hebrewOnly ? 0x2545F4914F6CDD1D : 0x9E3779B97F4A7C15
    func next() -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int(state >> 33)
    }
    for round in 0..<20000 {
      var text = ""
      for _ in 0..<(1 + next() % 24) {
        if next() % 4 == 0 {
          text += words[next() % words.count]
        } else if hebrewOnly {
          text += hebrewPool[next() % hebrewPool.count]
        } else if next() % 3 == 0 {
          text += extras[next() % extras.count]
        } else {
          text += alphabet[next() % alphabet.count]
        }
      }
      let bytes = Array(text.utf8)
      #expect(bytes.withUnsafeBufferPointer { UnicodeWordBreaker.handles($0) })
      var fast: [ByteSegment] = []
      var icu: [ByteSegment] = []
      try bytes.withUnsafeBufferPointer { b in
        try Segmenter(unit: .word, hebrew: []).forEachSegment(utf8: b) { fast.append($0) }
        try Segmenter(unit: .word, hebrew: []).forEachSegment(utf8: b, icuOnly: true) { icu.append($0) }
      }
      let expected = icu.map { ($0.range, $0.kind) }
      let got = fast.map { ($0.range, $0.kind) }
      let same = expected.count == got.count && zip(expected, got).allSatisfy { $0 == $1 }
      let k = (0..<Swift.min(expected.count, got.count)).first { expected[$0] != got[$0] } ?? Swift.min(expected.count, got.count)
      #expect(same, """
        round \(round): \(text.debugDescription) first difference at segment \(k): \
        icu \(expected.dropFirst(k).prefix(2)) fast \(got.dropFirst(k).prefix(2)) \
        (\(Array(bytes[(expected.dropFirst(k).first?.0.lowerBound ?? 0)...].prefix(12))))
        """)
      if !same { break }
    }
  }

  /// Lines with characters only ICU handles (emoji, Katakana, Thai) go to ICU.
  @Test func dictionaryAndEmojiLinesGoToICU() throws {
    for text in ["a 👍🏽 b", "カタカナ", "ภาษาไทย", "漢字", "🇮🇱"] {
      let bytes = Array(text.utf8)
      #expect(!bytes.withUnsafeBufferPointer { UnicodeWordBreaker.handles($0) })
    }
    let mixed = try Segmenter(unit: .word).segments(of: "שלום 👍🏽\nภาษาไทย ok\n").map(\.text)
    #expect(mixed == ["שלום", " ", "👍🏽", "\n", "ภาษา", "ไทย", " ", "ok", "\n"])
  }
}

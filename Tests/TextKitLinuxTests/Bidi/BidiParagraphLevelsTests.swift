import Testing
@testable import TextKitLinux

/// ``BidiParagraph`` analyses UTF-8 in one C call; its levels and runs must be those of ICU's
/// UTF-16 analysis (``ICUBidi``), scalar for scalar.
@Suite("Bidi paragraph levels")
struct BidiParagraphLevelsTests {
  @Test func utf8AnalysisMatchesUTF16Analysis() throws {
    let pool: [String] = [
      "a", "Dan", " ", "1", "2024", ".", ",", "!", "(", ")", "-", "א", "שלום", "\u{05B0}", "ب", "١",
      "\u{202B}", "\u{202E}", "\u{202C}", "\u{2067}", "\u{2069}", "\u{200F}", "\u{200E}", "𝐀", "😀",
      "\u{10900}", "\t", "$", "%",
    ]
    var state: UInt64 = 0x853C49E6748FEA9B
    func next() -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int(state >> 33)
    }
    let directions: [ParagraphDirection] = [.auto, .autoRightToLeft, .leftToRight, .rightToLeft]
    // Half the rounds from right-to-left letters and neutrals only (the shortcut's domain,
    // plus a few characters just outside it).
    let rtlPool: [String] = ["שלום", "א", " ", ".", ",", "-", "(", ")", "[", "\u{05B0}", "\u{0591}", "\t",
                             "$", "%", "+", "/", ":", "!", "\"", "\u{05F3}", "\u{05BE}", "1", "a", "\u{AD}"]
    for round in 0..<6000 {
      var text = ""
      let source = round % 2 == 0 ? pool : rtlPool
      for _ in 0..<(1 + next() % 16) { text += source[next() % source.count] }
      let direction = directions[next() % directions.count]
      let paragraph = try BidiParagraph(text, direction: direction)
      let icu = try ICUBidi(utf16: Array(text.utf16), level: direction.icuLevel)
      let units = try icu.levels()
      var expected: [UInt8] = []
      var u = 0
      for s in text.unicodeScalars {
        expected.append(units.isEmpty ? 0 : units[u])
        u += s.utf16.count
      }
      let trivial = BidiParagraph.isTriviallyLeftToRight(text, direction)
      #expect(paragraph.levels == expected, "round \(round): \(text.debugDescription)")
      if !trivial {
        #expect(paragraph.baseDirection == TextDirection(level: icu.paragraphLevel))
      }
      // Runs cover the text in order, each at one level.
      var position = text.startIndex
      for run in paragraph.runs {
        #expect(run.range.lowerBound == position)
        position = run.range.upperBound
      }
      #expect(position == text.endIndex)
      #expect(paragraph.runs.map { text[$0.range] }.joined() == text)
      if paragraph.levels != expected { break }
    }
  }
}

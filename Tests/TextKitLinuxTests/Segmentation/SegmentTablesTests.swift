import Testing
@testable import TextKitLinux

/// The range-filled tables hold exactly what per-code-point ICU calls give.
@Suite("Segment tables")
struct SegmentTablesTests {
  @Test func rangeFilledTablesMatchPerCodePointLookups() {
    #expect(SegmentTables.generalCategory == UnicodeTables.generalCategory)
    #expect(SegmentTables.script == UnicodeTables.script)
    #expect(SegmentTables.flags == UnicodeTables.binary.map { $0 & 5 })
    #expect(SegmentTables.bidiClass == BidiTables.bidiClassesPerCodePoint())
  }

  @Test func wordClassesOfKnownCharacters() {
    let w = SegmentTables.wordClasses
    func c(_ s: Unicode.Scalar) -> UInt8 { w[Int(s.value)] }
    #expect(c("a") == UnicodeWordBreaker.letter)
    #expect(c("א") == UnicodeWordBreaker.hebrewLetter)
    #expect(c("\u{05F3}") == UnicodeWordBreaker.letter)  // geresh is ALetter
    #expect(c("\u{05F4}") == UnicodeWordBreaker.midLetter)  // gershayim
    #expect(c("\u{05B0}") == UnicodeWordBreaker.extend)
    #expect(c(":") == UnicodeWordBreaker.other)  // ICU's tailoring
    #expect(c("'") == UnicodeWordBreaker.singleQuote)
    #expect(c("\"") == UnicodeWordBreaker.doubleQuote)
    #expect(c("1") == UnicodeWordBreaker.numeric)
    #expect(c("\u{3000}") == UnicodeWordBreaker.space)
    // The segmenter skips U+0580–U+05FF (lead bytes D6, D7) without looking them up.
    #expect((0x580...0x5FF).allSatisfy { w[$0] != UnicodeWordBreaker.unsupported })
    for s: Unicode.Scalar in ["漢", "カ", "ก", "\u{200D}", "\u{1F44D}", "\u{1F1EE}"] {
      #expect(c(s) == UnicodeWordBreaker.unsupported, "\(s)")
    }
  }
}

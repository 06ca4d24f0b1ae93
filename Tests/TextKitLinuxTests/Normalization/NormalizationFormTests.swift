import Testing
@testable import TextKitLinux

@Suite("NormalizationForm")
struct NormalizationFormTests {
  @Test func composesAndDecomposes() throws {
    #expect(try NormalizationForm.nfc.normalize("e\u{301}") == "\u{E9}")
    #expect(try NormalizationForm.nfd.normalize("\u{E9}").unicodeScalars.count == 2)
    #expect(try NormalizationForm.nfkcCasefold.normalize("ＡＢＣ") == "abc")
    #expect(try NormalizationForm.nfkc.normalize("\u{FB01}") == "fi")
  }

  @Test func linkedICUIsUnicode15() {
    #expect(TextKitLinux.icuVersions.unicode.hasPrefix("15"))
  }
}

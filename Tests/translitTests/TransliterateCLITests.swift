import Testing
@testable import translit

@Suite("translit transliterate")
struct TransliterateCLITests {
  @Test func parsesOptions() throws {
    let c = try TranslitCommand.parseAsRoot(["transliterate", "--names", "--candidates", "5", "--to", "hebrew"])
    let t = try #require(c as? TranslitCommand.Transliterate)
    #expect(t.names && t.candidates == 5 && t.to == .hebrew)
  }
}

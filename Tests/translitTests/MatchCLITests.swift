import Testing
@testable import translit

@Suite("translit match CLI")
struct MatchCLITests {
  @Test func parsesMatch() throws {
    let command = try TranslitCommand.parseAsRoot(["match", "הרב זמיר איסייב", "Rabbi Zamir Isayev", "--explain"])
    #expect(command is TranslitCommand.Match)
  }
}

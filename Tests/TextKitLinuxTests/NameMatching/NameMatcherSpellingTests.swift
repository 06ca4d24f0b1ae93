import Testing
@testable import TextKitLinux

/// Initials written out as letter names in Hebrew, and doubled ו/י of ktiv male.
@Suite("NameMatcher letter names and doubled letters")
struct NameMatcherSpellingTests {
  @Test("Hebrew letter names map to their Latin letters", arguments: [
    ("ג'יי", "j"), ("ג׳יי", "j"), ("אר", "r"), ("די", "d"), ("אם", "m"), ("דאבליו", "w"), ("איי", "a"), ("איי", "i"),
  ])
  func letterNameTable(_ hebrew: String, _ letter: Character) throws {
    let token = try #require(PreparedName(hebrew).tokens.first)
    let bit = UInt32(1) << UInt32(letter.asciiValue! - 97)
    #expect(token.letterNames & bit != 0)
  }

  @Test func ordinaryWordsAreNotLetterNames() throws {
    for word in ["ג'ון", "דוד", "אברמס", "ג'ים"] {
      let token = try #require(PreparedName(word).tokens.first)
      #expect(token.letterNames == 0, "\(word)")
    }
  }

  /// An initial "J." pairs with the Hebrew spelling of the letter's name, better than with a
  /// given name that merely starts with the letter; in both argument orders.
  @Test func letterNameInitials() {
    let matcher = NameMatcher()
    let latin = PreparedName("J. R. Dorfman")
    let spelled = PreparedName("ג'יי אר דורפמן")
    let other = PreparedName("ג'ים רון דורפמן")
    #expect(matcher.score(latin, spelled) >= matcher.threshold)
    #expect(matcher.rawEvidence(latin, spelled) > matcher.rawEvidence(latin, other))
    #expect(matcher.rawEvidence(spelled, latin) == matcher.rawEvidence(latin, spelled))
    let explained = matcher.match("J. R. Dorfman", "ג'יי אר דורפמן").explanation.alignment
    #expect(explained.contains { $0.method == .initial && $0.evidence > 0 })
  }

  /// The letter name only helps the letter it names: K. against ג'יי gets no bonus.
  @Test func letterNameOfAnotherLetter() {
    let matcher = NameMatcher()
    #expect(
      matcher.rawEvidence(PreparedName("J. Dorfman"), PreparedName("ג'יי דורפמן"))
        > matcher.rawEvidence(PreparedName("K. Dorfman"), PreparedName("ג'יי דורפמן")))
  }

  @Test func collapsingDoubledVav() {
    #expect(NameFolding.collapsingDoubled(NameFolding.hebrewUnits("דייוויד")) == NameFolding.hebrewUnits("דייויד"))
    #expect(NameFolding.collapsingDoubled(NameFolding.hebrewUnits("וולטון")) == NameFolding.hebrewUnits("ולטון"))
    let final = NameFolding.hebrewUnits("אסטנוו")
    #expect(NameFolding.collapsingDoubled(final) == final)
    let yod = NameFolding.hebrewUnits("ג'יין")
    #expect(NameFolding.collapsingDoubled(yod) == yod)
  }

  /// A doubled וו for a Latin v scores better with the second reading (וו written once) than
  /// with the letters as written only, and the name matches.
  @Test func doubledVavForOneConsonant() throws {
    let matcher = NameMatcher()
    let latin = try #require(PreparedName("David").tokens.first)
    let doubled = try #require(PreparedName("דייוויד").tokens.first)
    #expect(doubled.stems.contains { $0.prefixLength < 0 })
    var asWritten = doubled
    asWritten.stems = []
    #expect(matcher.tokenEvidence(doubled, latin).0 > matcher.tokenEvidence(asWritten, latin).0)
    #expect(matcher.match("David Arlenberg", "דייוויד ארלנברג").isMatch)
    #expect(matcher.match("Wallace Tomer", "וולאס תומר").isMatch)
  }
}

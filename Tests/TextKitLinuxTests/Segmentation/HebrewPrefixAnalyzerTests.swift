import Testing
import TextKitLinux

@Suite("HebrewPrefixAnalyzer")
struct HebrewPrefixAnalyzerTests {
  let gazetteer = HebrewPrefixAnalyzer(lexicon: ["באקו", "אזרבייג׳ן", "אירופה", "בית"])

  @Test func lexiconHitRanksSplitFirst() {
    let baku = gazetteer.best(of: "בבאקו")
    #expect(baku.prefixes == [.bet])
    #expect(baku.stem == "באקו")
    let az = gazetteer.best(of: "באזרבייג׳ן")
    #expect(az.prefixes == [.bet])
    #expect(az.stem == "אזרבייג׳ן")
    let europe = gazetteer.best(of: "שבאירופה")
    #expect(europe.prefixes == [.shin, .bet])
    #expect(europe.stem == "אירופה")
    #expect(europe.description == "ש+ב+אירופה")
  }

  @Test func knownWordStaysWhole() {
    #expect(gazetteer.best(of: "באקו").isUnsplit)
    #expect(gazetteer.best(of: "בית").isUnsplit)
    // Gershayim form in the lexicon, ASCII apostrophe in the text.
    #expect(gazetteer.best(of: "לאזרבייג'ן").stem == "אזרבייג'ן")
  }

  @Test func unsplitAlwaysIncludedAndScoresSumToOne() {
    for word in ["ובבית", "שלום", "x", "בב", "וכשהגיע"] {
      let all = gazetteer.splits(of: word)
      #expect(all.contains { $0.isUnsplit && $0.stem == word })
      let sum = all.reduce(0) { $0 + $1.score }
      #expect(abs(sum - 1) < 1e-9)
      #expect(all == all.sorted { $0.score > $1.score } || all.count == 1)
    }
  }

  @Test func legalCombinationsAreOffered() {
    let plain = HebrewPrefixAnalyzer()
    func offers(_ word: String, _ prefixes: [HebrewProclitic], _ stem: String) -> Bool {
      plain.splits(of: word).contains { $0.prefixes == prefixes && $0.stem == stem }
    }
    #expect(offers("וכשהגיע", [.vav, .kaf, .shin], "הגיע"))
    #expect(offers("ומהבית", [.vav, .mem, .he], "בית"))
    #expect(offers("ולירושלים", [.vav, .lamed], "ירושלים"))
    #expect(offers("שהילד", [.shin, .he], "ילד"))
    #expect(offers("לכשיגיע", [.lamed, .kaf, .shin], "יגיע"))
    #expect(offers("מהעיר", [.mem, .he], "עיר"))
    // Illegal orders are never offered: ב before ו, ה before ב.
    #expect(!plain.splits(of: "בולדוג").contains { $0.prefixes == [.bet, .vav] })
    #expect(!plain.splits(of: "הבית").contains { $0.prefixes == [.he, .bet] })
  }

  @Test func articleAfterBetIsRare() throws {
    let plain = HebrewPrefixAnalyzer()
    let all = plain.splits(of: "בהבית")
    let absorbed = try #require(all.first { $0.prefixes == [.bet, .he] })
    let single = try #require(all.first { $0.prefixes == [.bet] })
    #expect(absorbed.score < single.score)
  }

  @Test func corpusWordsAreEvidence() {
    // Without evidence a long word after a likely proclitic letter is split (ב + יטחון);
    // a corpus in which the word follows a proclitic (לביטחון) keeps it whole, and one in
    // which the stem stands alone (באקו) splits a word the length rule keeps.
    let plain = HebrewPrefixAnalyzer()
    #expect(plain.best(of: "ביטחון").prefixes == [.bet])
    #expect(plain.best(of: "בבאקו").isUnsplit)
    let corpus = HebrewPrefixAnalyzer(corpusWords: ["ביטחון", "לביטחון", "בבאקו", "באקו", "בכירים"])
    #expect(corpus.best(of: "ביטחון").isUnsplit)
    #expect(corpus.best(of: "לביטחון").prefixes == [.lamed])
    #expect(corpus.best(of: "בבאקו").stem == "באקו")
    // A word with no evidence either way follows the length rule, as without a corpus.
    #expect(corpus.best(of: "בכירים") == plain.best(of: "בכירים"))
    // Points and geresh forms compare as in the lexicon.
    #expect(HebrewPrefixAnalyzer(corpusWords: ["בָּאקוּ"]).best(of: "לבאקו").stem == "באקו")
  }

  @Test func wordsThatMustNotBeSplit() {
    let plain = HebrewPrefixAnalyzer()
    for word in ["בית", "שלום", "מלך", "לחם", "כלב", "הגיע", "ברית", "משה", "ומן"] {
      #expect(plain.best(of: word).isUnsplit, "\(word)")
    }
    // Stems are at least two letters and never start with a final letter.
    #expect(plain.splits(of: "בם").count == 1)
    #expect(!plain.splits(of: "למן").contains { $0.stem == "מן" && $0.prefixes == [.lamed, .mem] })
    // Abbreviations: a letter before geresh/gershayim is not a proclitic.
    #expect(plain.splits(of: "ש\"ח").count == 1)
    #expect(plain.splits(of: "ג'ורג'").count == 1)
    #expect(plain.splits(of: "Baku").count == 1)
  }

  @Test func prefixBeforeNumberOrLatin() {
    let plain = HebrewPrefixAnalyzer()
    let hyphen = plain.best(of: "ב-2024")
    #expect(hyphen.prefixes == [.bet])
    #expect(hyphen.stem == "2024")
    #expect(hyphen.separator == "-")
    let maqaf = plain.best(of: "ב\u{05BE}2024")
    #expect(maqaf.stem == "2024")
    #expect(maqaf.separator == "\u{05BE}")
    let cia = plain.best(of: "ה-CIA")
    #expect(cia.prefixes == [.he])
    #expect(cia.stem == "CIA")
    let joined = plain.best(of: "וב2024")
    #expect(joined.prefixes == [.vav, .bet])
    #expect(joined.separator == nil)
  }

  @Test func longStemWithoutLexicon() {
    let plain = HebrewPrefixAnalyzer()
    #expect(plain.best(of: "באזרבייג׳ן").prefixes == [.bet])
    #expect(plain.best(of: "וירושלים").prefixes == [.vav])
  }
}

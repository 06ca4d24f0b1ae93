import Testing
@testable import TextKitLinux

/// Titles before names, both directions: names written for these tests (not from any corpus).
@Suite("Transliterator: titles")
struct TitleReadingsTests {
  @Test func hebrewAbbreviationsReadAsTitles() throws {
    let t = try Transliterator()
    // Gershayim as ASCII " or ״, geresh as ' or ׳; the name after them is decoded as before.
    let plain = try #require(t.candidates("משה כהן", count: 1).first?.text)
    for title in ["ד\"ר", "ד\u{05F4}ר", "ד\u{201D}ר"] {
      #expect(t.candidates("\(title) משה כהן", count: 1).first?.text == "Dr. " + plain, "\(title)")
    }
    for title in ["פרופ'", "פרופ\u{05F3}", "פרופ`", "פרופ\u{00B4}", "פרופ\u{2018}", "פרופ\u{2032}"] {
      #expect(t.candidates("\(title) משה כהן", count: 1).first?.text == "Prof. " + plain, "\(title)")
    }
    // Several titles; an abbreviation alone is still the title.
    #expect(t.candidates("ח\"כ ד\"ר משה כהן", count: 1).first?.text == "MK Dr. " + plain)
    #expect(t.candidates("עו\"ד", count: 3).map(\.text) == ["Adv."])
    // Without the gershayim the letters are a word, not the title.
    #expect(t.candidates("דר משה כהן", count: 1).first?.text.hasPrefix("Dr. ") == false)
  }

  @Test func hebrewTitleWordsRankFirstOnlyBeforeAName() throws {
    let t = try Transliterator()
    let c = t.candidates("הנסיך משה כהן", count: 5).map(\.text)
    #expect(c.first?.hasPrefix("Prince ") == true, "\(c)")
    // The model's own reading of the word stays among the candidates.
    #expect(c.contains { !$0.hasPrefix("Prince ") }, "\(c)")
    #expect(t.candidates("השייח' משה כהן", count: 1).first?.text.hasPrefix("Sheikh ") == true)
    // Alone, or after a name, the word is decoded as a name.
    #expect(t.candidates("הנסיך", count: 3).map(\.text).contains("Prince") == false)
    #expect(t.candidates("משה הנסיך", count: 1).first?.text.hasSuffix(" Prince") == false)
    // Deterministic order.
    #expect(t.candidates("הנסיך משה כהן", count: 5).map(\.text) == c)
  }

  @Test func rabbiIsOfferedBesideTheName() throws {
    // הרב is also a name (Herb): Rabbi is among the candidates, not necessarily first.
    let t = try Transliterator()
    let c = t.candidates("הרב משה כהן", count: 5).map(\.text)
    #expect(c.contains { $0.hasPrefix("Rabbi ") }, "\(c)")
    #expect(c.contains { !$0.hasPrefix("Rabbi ") }, "\(c)")
    #expect(t.candidates("הרב", count: 5).map(\.text).contains("Rabbi") == false)
  }

  @Test func latinTitlesReadAsHebrewAbbreviations() throws {
    let t = try Transliterator(to: .hebrew)
    let plain = try #require(t.candidates("David Levi", count: 1).first?.text)
    for (title, hebrew) in [("Dr.", "ד\"ר"), ("Dr", "ד\"ר"), ("Prof.", "פרופ'"), ("MK", "ח\"כ"), ("Mr.", "מר"), ("Mrs.", "גב'")] {
      #expect(t.candidates("\(title) David Levi", count: 1).first?.text == hebrew + " " + plain, "\(title)")
    }
    // The geresh option writes ״ and ׳.
    let g = try Transliterator(to: .hebrew, geresh: .geresh)
    #expect(g.candidates("Dr. David Levi", count: 1).first?.text.hasPrefix("ד\u{05F4}ר ") == true)
    #expect(g.candidates("Prof. David Levi", count: 1).first?.text.hasPrefix("פרופ\u{05F3} ") == true)
    // Not titles: capitals (DR Congo), a title alone, or one after the name.
    #expect(t.candidates("DR Congo", count: 1).first?.text.hasPrefix("ד\"ר") == false)
    #expect(t.candidates("Dr.", count: 1).first?.text != "ד\"ר")
    #expect(t.candidates("Levi MK", count: 1).first?.text.hasSuffix("ח\"כ") == false)
  }

  @Test func runningTextTitles() throws {
    let he = try Transliterator()
    let name = he.transliterate("כהן")
    #expect(he.transliterate("ד\"ר כהן אמר") == "Dr. \(name) " + he.transliterate("אמר"))
    // Definite title words are titles in running text; סר (also a word) is not.
    #expect(he.transliterate("הרב כהן והנשיא") == "Rabbi \(name) " + he.transliterate("והנשיא"))
    #expect(he.transliterate("הנשיא אמר").hasPrefix("President "))
    #expect(!he.transliterate("סר כהן").hasPrefix("Sir "))
    // After proclitics, as --split-prefixes writes them.
    #expect(he.transliterate("לח\"כ כהן").hasPrefix("l-MK "))
    #expect(he.transliterate("ולפרופ' כהן").hasPrefix("vel-Prof. "))
    // A gershayim between letters joins an acronym; quotation marks around a word stay.
    let acronym = he.transliterate("צה\"ל")
    #expect(!acronym.contains("\"") && acronym.count >= 3, "\(acronym)")
    #expect(he.transliterate("\"כהן\"") == "\"\(name)\"")
    // At a sentence's end the title's dot is the sentence's (also from the word cache).
    #expect(he.transliterate("אמר ד\"ר. ד\"ר.") == he.transliterate("אמר") + " Dr. Dr.")
    #expect(he.hebrewTextToLatinByScalars("אמר ד\"ר. ד\"ר.") == he.transliterate("אמר") + " Dr. Dr.")
    let en = try Transliterator(to: .hebrew)
    let levi = en.transliterate("Levi")
    #expect(en.transliterate("Dr. Levi") == "ד\"ר \(levi)")
    #expect(en.transliterate("MK Levi, Mrs. Levi") == "ח\"כ \(levi), גב' \(levi)")
    #expect(en.transliterate("DR Levi").hasPrefix("ד\"ר") == false)
  }

  @Test func keysFoldSpellings() {
    #expect(TitleReadings.key("ד\u{05F4}ר") == TitleReadings.key("ד\"ר"))
    #expect(TitleReadings.key("פרופ\u{2019}") == TitleReadings.key("פרופ'"))
    #expect(TitleReadings.key("המלך") == TitleReadings.key("המלכ"))
    #expect(TitleReadings.key("ד\"ר X") == nil)
  }
}

import Testing
import TextKitLinux

@Suite("Segmenter")
struct SegmenterTests {
  func words(_ text: String, _ options: HebrewRefinements = .all) throws -> [Segment] {
    try Segmenter(unit: .word, locale: "he", hebrew: options).segments(of: text).filter { $0.kind != .space }
  }

  @Test func rangesCoverTheSource() throws {
    let text = "ראש הממשלה נפגש עם John Smith בשנת 2024 🎉!"
    let all = try Segmenter(unit: .word).segments(of: text)
    #expect(all.map { String($0.text) }.joined() == text)
    for s in all {
      #expect(text[s.range] == s.text)
      #expect(Array(Array(text.utf8)[s.utf8Range]) == Array(s.text.utf8))
    }
  }

  @Test func kindsScriptsDirections() throws {
    let s = try words("שלום Dan 2024, $5 🎉")
    #expect(s.map(\.kind) == [.word, .word, .number, .punctuation, .symbol, .number, .emoji])
    #expect(s[0].script == .hebrew && s[0].direction == .rightToLeft)
    #expect(s[1].script == .latin && s[1].direction == .leftToRight)
    #expect(s[2].direction == nil)
    let spaces = try Segmenter(unit: .word).segments(of: "a b").map(\.kind)
    #expect(spaces == [.word, .space, .word])
  }

  @Test func wordsInSingleQuotes() throws {
    // The closing quote is punctuation, not a geresh on the last letter.
    #expect(try words("אמר 'שלום' לכולם").map(\.text) == ["אמר", "'", "שלום", "'", "לכולם"])
    #expect(try words("ראש 'הממשלה'.").map(\.text) == ["ראש", "'", "הממשלה", "'", "."])
    // Also after words joined by maqaf or hyphen; not when the quote opens nothing.
    #expect(try words("'בית־ספר' חדש").map(\.text) == ["'", "בית", "־", "ספר", "'", "חדש"])
    #expect(try words("'בית-ספר-תיכון'").map(\.text) == ["'", "בית", "-", "ספר", "-", "תיכון", "'"])
    #expect(try words("בית־ספר' חדש").map(\.text).contains("ספר'"))
    // After a letter a geresh changes, it stays the geresh; an abbreviation keeps its geresh.
    #expect(try words("'ג'ורג'").map(\.text) == ["'", "ג'ורג'"])
    let abbreviation = try words("עמ' 5")
    #expect(abbreviation.first?.text == "עמ'" && abbreviation.first?.hebrewRole == .acronym)
  }

  @Test func acronymsAndGereshStayWhole() throws {
    let s = try words("ח\"כ מארה״ב ושל צה\"ל ד\"ר ג'ורג' וצ׳רצ׳יל")
    #expect(s.map(\.text) == ["ח\"כ", "מארה״ב", "ושל", "צה\"ל", "ד\"ר", "ג'ורג'", "וצ׳רצ׳יל"])
    #expect(s[0].hebrewRole == .acronym)
    #expect(s[5].hebrewRole == nil)  // ג' is a letter with geresh, not an abbreviation
    let off = try words("ח\"כ ג'ורג'", [])
    #expect(off.map(\.text) == ["ח\"כ", "ג'ורג'"])  // ICU's own rules, unmarked
    #expect(off[0].hebrewRole == nil)
    let split = try words("ח\"כ ג'ורג'", [.maqafSplit])
    #expect(split.map(\.text) == ["ח", "\"", "כ", "ג", "'", "ורג", "'"])
  }

  @Test func maqafIsSplitAndReported() throws {
    let s = try words("בית־ספר")
    #expect(s.map(\.text) == ["בית", "־", "ספר"])
    #expect(s[1].hebrewRole == .maqaf)
    let joined = try words("בית־ספר", [.acronyms])
    #expect(joined.map(\.text) == ["בית־ספר"])
  }

  @Test func prefixBeforeNumberOrLatin() throws {
    let s = try words("ב-2024 ב־2024 ה-CIA ב2024 והCIA")
    #expect(s.map(\.text) == ["ב", "-", "2024", "ב", "־", "2024", "ה", "-", "CIA", "ב", "2024", "וה", "CIA"])
    #expect(s.filter { $0.hebrewRole == .prefix }.map(\.text) == ["ב", "ב", "ה", "ב", "וה"])
    let off = try words("ב2024", [])
    #expect(off.map(\.text) == ["ב2024"])
  }

  @Test func sentencesKnowAbbreviations() throws {
    let en = try Segmenter(unit: .sentence, locale: "en").segments(of:
      "Mr. Smith met Dr. Jones in the U.S. yesterday. They talked. \"Why?\" she asked.")
    #expect(en.map(\.text) == ["Mr. Smith met Dr. Jones in the U.S. yesterday. ", "They talked. ",
                               "\"Why?\" she asked."])
    let he = try Segmenter(unit: .sentence, locale: "he").segments(of:
      "ד\"ר כהן כתב בעמ' 5 על צה\"ל. הוא אמר: \"זה נגמר.\" ואז הלך. פרופ. לוי הסכים.")
    #expect(he.map(\.text) == ["ד\"ר כהן כתב בעמ' 5 על צה\"ל. ", "הוא אמר: \"זה נגמר.\" ",
                               "ואז הלך. ", "פרופ. לוי הסכים."])
  }

  @Test func graphemesAndLines() throws {
    let g = try Segmenter(unit: .grapheme).segments(of: "שָׁלוֹם👍🏽").map(\.text)
    #expect(g == ["שָׁ", "ל", "וֹ", "ם", "👍🏽"])
    let l = try Segmenter(unit: .line).segments(of: "שלום עולם hello").map(\.text)
    #expect(l == ["שלום ", "עולם ", "hello"])
  }

  @Test func mixedLinesTakeBothPaths() throws {
    let text = "Hello, it's 3.14.\nשלום ב-2024\r\nmore text\n\nend"
    let all = try Segmenter(unit: .word).segments(of: text)
    #expect(all.map { String($0.text) }.joined() == text)
    #expect(all.map(\.text) == ["Hello", ",", " ", "it's", " ", "3.14", ".", "\n", "שלום", " ", "ב",
                                "-", "2024", "\r\n", "more", " ", "text", "\n", "\n", "end"])
    #expect(all.first { $0.text == "ב" }?.hebrewRole == .prefix)
    #expect(all.first { $0.text == "3.14" }?.kind == .number)
  }

  @Test func emptyAndLargeInput() throws {
    #expect(try Segmenter(unit: .word).segments(of: "").isEmpty)
    let big = String(repeating: "ח\"כ בבית־ספר ב-2024, ", count: 200)
    let s = try Segmenter(unit: .word).segments(of: big)
    #expect(s.map { String($0.text) }.joined() == big)
    #expect(s.filter { $0.hebrewRole == .maqaf }.count == 200)
    #expect(s.filter { $0.hebrewRole == .prefix }.count == 200)
  }
}

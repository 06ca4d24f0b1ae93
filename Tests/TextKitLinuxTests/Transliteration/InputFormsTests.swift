import Testing
@testable import TextKitLinux

/// How names and running text are cut into words and prepared before the model sees them:
/// punctuation attached to a name, presentation forms and decomposed letters, elided
/// particles and title words after proclitics in running text.
@Suite("Transliterator: punctuation and input forms")
struct InputFormsTests {
  @Test(arguments: [";", "!", ":", "?", "…", "/", "&", "\u{05C3}", "\u{2013}", "*"])
  func punctuationAfterANameIsKept(_ mark: String) throws {
    let he = try Transliterator()
    let bare = he.candidates("טראמפ", count: 2)
    let marked = he.candidates("טראמפ" + mark, count: 2)
    #expect(marked.map(\.text) == bare.map { $0.text + mark })
    #expect(marked.map(\.score) == bare.map(\.score))
    let en = try Transliterator(to: .hebrew)
    #expect(en.candidates("Trump" + mark, count: 1).first?.text == (en.candidates("Trump", count: 1).first?.text ?? "") + mark)
  }

  @Test func punctuationBetweenTokensSeparatesThem() throws {
    let he = try Transliterator()
    #expect(he.candidates("דונלד/טראמפ", count: 1).first?.text == "Donald/Trump")
    #expect(Transliterator.pieces("הרצוג;טראמפ").map(\.isWord) == [true, false, true])
    // What stays inside a token: geresh, apostrophes, dots of initials, a gershayim between letters.
    #expect(Transliterator.pieces("ג'ורג'").count == 1)
    #expect(Transliterator.pieces("O’Brien").count == 1)
    #expect(Transliterator.pieces("ד\"ר").count == 1)
    #expect(Transliterator.pieces("Yaʿaḳov").count == 1)
    #expect(Transliterator.pieces("J.R.R.").map(\.isWord) == [true, true, true])
  }

  @Test func presentationFormsAreTheLettersTheyStandFor() throws {
    let he = try Transliterator()
    // U+FB2A שׁ, U+FB31 בּ, U+FB4B וֹ; U+FB21 wide alef.
    let composed = "\u{FB2A}ל\u{FB4B}ם \u{FB31}רוך"
    #expect(he.transliterate(composed) == he.transliterate("שלום ברוך"))
    #expect(he.candidates(composed, count: 3) == he.candidates("שלום ברוך", count: 3))
    #expect(he.transliterate("\u{FB21}בי") == he.transliterate("אבי"))
    let hebrew = he.transliterate(composed).unicodeScalars.filter { (0x0590...0x05FF).contains($0.value) || (0xFB1D...0xFB4F).contains($0.value) }
    #expect(hebrew.isEmpty)
    let academy = try Transliterator(scheme: .academy)
    #expect(academy.transliterate("\u{FB2A}ָל\u{FB4B}ם") == academy.transliterate("שָׁלוֹם"))
  }

  @Test func decomposedLatinIsOneWord() throws {
    let en = try Transliterator(to: .hebrew)
    let nfd = "Jose\u{0301} Mourinho"
    #expect(en.transliterate(nfd) == en.transliterate("José Mourinho"))
    #expect(!en.transliterate(nfd).unicodeScalars.contains("\u{0301}"))
    #expect(en.candidates(nfd, count: 2) == en.candidates("José Mourinho", count: 2))
  }

  @Test func runningTextElidedParticlesFollowTheGereshStyle() throws {
    let ascii = try Transliterator(to: .hebrew)
    let geresh = try Transliterator(to: .hebrew, geresh: .geresh)
    for name in ["D'Antoni", "D’Antoni", "L'Oreal"] {
      let names = geresh.candidates(name, count: 1).first?.text ?? ""
      #expect(geresh.transliterate(name) == names, "\(name)")
      #expect(names.contains("\u{05F3}") && !names.contains("'"), "\(names)")
      #expect(ascii.transliterate(name) == ascii.candidates(name, count: 1).first?.text, "\(name)")
    }
    // Only one letter before the apostrophe is a particle: a possessive stays as it was.
    #expect(geresh.transliterate("Trump's").hasSuffix("'" + (geresh.transliterate("s"))))
  }

  @Test func runningTextTitleWordsAfterProclitics() throws {
    let he = try Transliterator()
    let cohen = he.transliterate("כהן")
    #expect(he.transliterate("והרב כהן") == "ve-Rabbi " + cohen)
    #expect(he.transliterate("שהנשיא") == "she-President")
    #expect(he.transliterate("ומהמלך") == "vem-King")
    let split = try Transliterator(splitPrefixes: true)
    #expect(split.transliterate("והרב כהן") == "ve-Rabbi " + cohen)
    // After ב, כ, ל the article is elided: לרב is "to the rabbi".
    #expect(he.transliterate("לרב לוי") == "la-Rabbi " + he.transliterate("לוי"))
    #expect(he.transliterate("ולנשיא") == "vela-President")
    #expect(he.transliterate("כמלך") == "ka-King")
    // Not where the letters are a common word or a name: בשר (meat), כשר (kosher), לשרה (Sarah).
    for word in ["בשר", "כשר", "לשרה", "בשרה"] {
      #expect(!he.transliterate(word).contains("Minister"), "\(word)")
    }
    #expect(!he.transliterate("ברב").contains("Rabbi"))
    #expect(he.transliterate("לשר") == "la-Minister")
  }

  @Test func sourceRestrictsWhatIsRead() throws {
    #expect(throws: TransliterationError.self) { try Transliterator(scheme: .academy, from: .cyrillic) }
    let ru = try Transliterator(from: .cyrillic)
    #expect(ru.candidates("Исаев טראמפ", count: 1).first?.text == "Isaev טראמפ")
    #expect(ru.transliterate("Исаев Αθήνα") == "Isaev Αθήνα")
    let he = try Transliterator(from: .hebrew)
    #expect(he.transliterate("טראמפ Исаев") == "Trump Исаев")
    #expect(try Transliterator(scheme: .icu, from: .greek).transliterate("Αθήνα Исаев").hasSuffix(" Исаев"))
  }

  @Test(arguments: [["יואב", "בן", "צור"], ["הרצוג", "טראמפ", "הרצוג", "טראמפ"], ["מרצין", "טראמפ"], ["טראמפ", "אתל", "מרצין"]])
  func nameCandidatesAreTheBestCombinationsOfTokenCandidates(_ tokens: [String]) throws {
    // Brute force over the tokens' own lists: the name's n best are the n best products
    // (also with ties, as when a token repeats).
    let t = try Transliterator()
    let n = 12
    // (Each list from a longer one, so that it does not lean on the pruning under test.)
    let lists = tokens.map { t.candidates($0, count: 4 * n).prefix(n) }
    var products: [(String, Double)] = [("", 1)]
    for list in lists {
      products = products.flatMap { p in list.map { ((p.0.isEmpty ? "" : p.0 + " ") + $0.text, p.1 * $0.score) } }
    }
    products.sort { $0.1 > $1.1 }
    let got = t.candidates(tokens.joined(separator: " "), count: n)
    #expect(got.count == n)
    for (g, p) in zip(got, products) { #expect(abs(g.score - p.1) <= 1e-5 * p.1, "\(g) \(p)") }
    let byText = Dictionary(products.map { ($0.0, $0.1) }, uniquingKeysWith: max)
    for g in got { #expect(abs((byText[g.text] ?? -1) - g.score) <= 1e-5 * g.score, "\(g)") }
  }

  @Test func digitsControlsAndInvisibleCharactersInNames() throws {
    let he = try Transliterator()
    let netanyahu = he.candidates("נתניהו", count: 1).first?.text ?? ""
    #expect(he.candidates("נתניהו2", count: 1).first?.text == netanyahu + "2")
    // A bidi mark, a soft hyphen, a joiner inside or after a word: read without it.
    for mark in ["\u{200F}", "\u{00AD}", "\u{200D}"] {
      #expect(he.candidates("נתני" + mark + "הו", count: 1).first?.text == netanyahu, "\(mark.unicodeScalars.first!.value)")
      #expect(he.candidates("כהן נתניהו" + mark, count: 1).first?.text.hasSuffix(netanyahu) == true)
    }
    #expect(he.candidates("נתניהו\u{1B}", count: 1).first?.text == netanyahu + "\u{1B}")
    #expect(he.candidates("נתני\u{0301}הו", count: 1).first?.text == netanyahu)
    let en = try Transliterator(to: .hebrew)
    #expect(en.candidates("Trump2", count: 1).first?.text == (en.candidates("Trump", count: 1).first?.text ?? "") + "2")
  }

  @Test func singleQuotesAroundAWord() throws {
    let he = try Transliterator()
    let cohen = he.transliterate("כהן")
    for (open, close) in [("'", "'"), ("\u{2018}", "\u{2019}")] {
      #expect(he.transliterate(open + "כהן" + close + " אמר") == open + cohen + close + " " + he.transliterate("אמר"))
      #expect(he.candidates(open + "כהן" + close, count: 1).first?.text == open + cohen + close)
    }
    // A geresh is still a geresh: ג'ורג', פרופ'.
    #expect(he.transliterate("ג'ורג'") == "George")
    // After a letter a geresh changes, an apostrophe is the geresh.
    #expect(he.transliterate("'ג'ורג' בוש'") == "'George " + he.transliterate("בוש") + "'")
    #expect(he.candidates("'ג'ורג' בוש'", count: 1).first?.text == "'George " + he.transliterate("בוש") + "'")
    #expect(Transliterator.pieces("פרופ'").count == 1)
    let en = try Transliterator(to: .hebrew)
    #expect(en.candidates("'Trump'", count: 1).first?.text == "'" + (en.candidates("Trump", count: 1).first?.text ?? "") + "'")
    #expect(try Transliterator(scheme: .academy).transliterate("'כֹּהֵן'") == "'kohen'")
    // A gershayim after the last letter is a quote mark: kept (inside, between letters, it
    // makes an acronym).
    #expect(he.transliterate("נתניהו\u{05F4}") == he.transliterate("נתניהו") + "\u{05F4}")
    #expect(he.transliterate("\u{05F4}כהן\u{05F4}") == "\u{05F4}" + cohen + "\u{05F4}")
  }

  @Test func byteScanMatchesScalarScanOnRandomText() throws {
    // Deterministic strings of the characters the two running-text scans decide on.
    let alphabet = ["א", "ג", "ן", "ה", "ו", "ש", "ת", "צ", "'", "\u{2019}", "\u{2018}", "\u{05F4}", "\u{05F3}",
      "\"", " ", "\n", ".", "\u{05BE}", "a", "Ж", "\u{05B8}", "ד\"ר", "ל"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for split in [false, true] {
      let t = try Transliterator(splitPrefixes: split)
      for _ in 0..<400 {
        let text = (0..<(1 + next(14))).map { _ in alphabet[next(alphabet.count)] }.joined()
        #expect(t.transliterate(text) == t.hebrewTextToLatinByScalars(text), "\(Array(text.unicodeScalars.map(\.value)))")
      }
    }
  }

  @Test func bytePathMatchesStringPath() throws {
    // `transliterate(utf8:appendingTo:)` (what the CLI calls per line) is `transliterate(_:)`
    // in every scheme and direction, also where the input is brought to NFC first.
    let texts = [
      "הרב זמיר איסייב בבאקו, ח\"כ כהן.", "José Trump D'Antoni", "שׁלום \u{FB2A}", "Хрущёв и Μητσοτάκης",
      "שָׁלוֹם עוֹלָם", "abc 123 — ״ציטוט״", "",
    ]
    let all = [
      try Transliterator(), try Transliterator(splitPrefixes: true), try Transliterator(to: .hebrew),
      try Transliterator(scheme: .academy), try Transliterator(scheme: .icu), try Transliterator(from: .cyrillic),
    ]
    for t in all {
      for text in texts {
        var out: [UInt8] = [0x3E]
        var copy = text
        copy.withUTF8 { t.transliterate(utf8: $0, appendingTo: &out) }
        #expect(String(decoding: out, as: UTF8.self) == ">" + t.transliterate(text), "\(text)")
      }
    }
  }
}

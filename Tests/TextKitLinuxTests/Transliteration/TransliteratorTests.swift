import Testing
@testable import TextKitLinux

/// A name pair written for these tests (not from any corpus).
struct TransliterationPair: CustomTestStringConvertible, Sendable {
  let hebrew: String
  let latin: String
  var testDescription: String { "\(hebrew) ↔ \(latin)" }
}

@Suite("Transliterator: names, Hebrew → Latin")
struct NamesToLatinTests {
  static let mustBeFirst: [TransliterationPair] = [
    .init(hebrew: "טראמפ", latin: "Trump"),
    .init(hebrew: "הרצוג", latin: "Herzog"),
    .init(hebrew: "וושינגטון", latin: "Washington"),
    .init(hebrew: "אלייב", latin: "Aliyev"),
    .init(hebrew: "יואב בן צור", latin: "Yoav Ben Tzur"),
    .init(hebrew: "זמיר", latin: "Zamir"),
  ]
  /// Bako comes first: the train file's -קו names are -ko (Baku is fifth).
  static let withinFive: [TransliterationPair] = [
    .init(hebrew: "באקו", latin: "Baku"),
  ]

  @Test(arguments: mustBeFirst)
  func bestCandidate(_ pair: TransliterationPair) throws {
    let t = try Transliterator()
    #expect(t.transliterate(pair.hebrew) == pair.latin)
    #expect(t.candidates(pair.hebrew, count: 1).first?.text == pair.latin)
  }

  @Test(arguments: withinFive)
  func amongFiveCandidates(_ pair: TransliterationPair) throws {
    let c = try Transliterator().candidates(pair.hebrew, count: 5).map(\.text)
    #expect(c.contains(pair.latin), "\(c)")
  }

  @Test func wordsAreNotReadAsInitials() throws {
    // The training data pairs some spelled-out given names with initials (F. Scott
    // Fitzgerald); those pairs are left out, so a word never comes back as one letter.
    let t = try Transliterator()
    for name in ["פרנסיס", "הרברט", "ויליאם", "אדוארד", "רוברט"] {
      let c = t.candidates(name, count: 5).map(\.text)
      #expect(!c.isEmpty && c.allSatisfy { $0.count > 1 }, "\(name): \(c)")
    }
  }

  @Test func oddHebrewSpellings() throws {
    let t = try Transliterator()
    func best(_ s: String) -> String { t.candidates(s, count: 1).first?.text ?? "" }
    func isLatin(_ s: String) -> Bool { !s.isEmpty && s.unicodeScalars.allSatisfy { $0.isASCII } }
    // A maqaf between tokens is a hyphen in Latin.
    #expect(best("אל־עמי") == best("אל") + "-" + best("עמי"))
    // Yiddish ligatures are their two letters.
    #expect(best("װאשינגטאן") == best("וואשינגטאן"))
    #expect(best("ײַנקל") == best("יינקל"))
    #expect(isLatin(best("דזשײמס")) && isLatin(t.transliterate("ױ ײ װ")))
    // A geresh the model has not seen on a letter: the letters alone, not the Hebrew.
    #expect(isLatin(best("בריגי'ט")), "\(best("בריגי'ט"))")
    #expect(best("בריגי'ט") == best("בריגיט"))
    // Any mark typed for a geresh.
    for g in ["\u{2018}", "\u{2032}", "`", "\u{00B4}", "\u{2019}", "\u{05F3}"] {
      #expect(best("ניג\(g)ל") == best("ניג'ל"), "\(g)")
    }
  }

  @Test func aFinalConsonantIsSpelled() throws {
    // Nickname pairs (סמואל ~ Sam) are left out of training, so the last ב of a name is never
    // dropped (the model offered Eli for אלייב).
    let t = try Transliterator()
    for name in ["אלייב", "גולייב", "איסייב"] {
      let c = t.candidates(name, count: 5).map(\.text)
      #expect(!c.isEmpty && c.allSatisfy { $0.last.map { "vbwfe".contains($0) } == true }, "\(name): \(c)")
    }
  }

  @Test func elidedParticlesKeepTheirApostrophe() throws {
    // או' before a letter is O', ד' and ל' before a vowel letter are D' and L', מ' before a
    // consonant is M'; the rest of the token is decoded as a word of its own.
    let t = try Transliterator()
    for (hebrew, prefix) in [("או'קונור", "O'"), ("או\u{05F3}קונור", "O'"), ("ד'אסטה", "D'"), ("ל'אסטוק", "L'"), ("מ'באלה", "M'")] {
      let c = t.candidates("משה \(hebrew)", count: 3).map(\.text)
      #expect(c.count == 3 && c.allSatisfy { $0.split(separator: " ").last?.hasPrefix(prefix) == true }, "\(hebrew): \(c)")
      let rest = String(hebrew.unicodeScalars.dropFirst(prefix == "O'" ? 3 : 2))
      let last = c[0].split(separator: " ").last ?? ""
      #expect(last.dropFirst(2) == (t.candidates(rest, count: 1).first?.text ?? "")[...], "\(hebrew): \(c)")
    }
    // ד' before a consonant is a letter of its own (Arabic dh, ד'שון DeShawn), and a particle
    // needs two letters after it.
    #expect(t.candidates("ד'שון", count: 3).allSatisfy { !$0.text.hasPrefix("D'") })
    #expect(t.candidates("ד'או", count: 3).allSatisfy { !$0.text.hasPrefix("D'") })
    #expect(t.candidates("או'ל", count: 3).allSatisfy { !$0.text.hasPrefix("O'") })
    #expect(t.transliterate("או'קונור אמר").hasPrefix("O'"))
  }

  @Test func ilhamAliyevComesFirst() throws {
    // A known gap of the earlier model (Ilahm first); the re-ranked model gets it right.
    #expect(try Transliterator().candidates("אילהם אלייב", count: 5).first?.text == "Ilham Aliyev")
  }

  @Test func isayevIsAKnownGap() throws {
    let c = try Transliterator().candidates("איסייב", count: 5).map(\.text)
    withKnownIssue("model gives Iseyev / Isaev first (issue 4 report)", isIntermittent: true) {
      #expect(c.contains("Isayev"), "\(c)")
    }
    // The consonants and the ending are right even when the vowels are not.
    #expect(c.allSatisfy { $0.hasPrefix("Is") && $0.hasSuffix("ev") }, "\(c)")
  }

  @Test func gereshVariantsAgree() throws {
    let t = try Transliterator()
    for (a, b) in [("ג'ורג'", "ג׳ורג׳"), ("צ'רצ'יל", "צ׳רצ׳יל"), ("ז'אק", "ז׳אק")] {
      #expect(t.candidates(a, count: 5) == t.candidates(b, count: 5))
    }
    #expect(t.transliterate("צ'רצ'יל").hasPrefix("Ch"))
    #expect(t.transliterate("ז'אק").hasPrefix("J") || t.transliterate("ז'אק").hasPrefix("Zh"))
  }

  @Test func candidatesAreRankedAndDeterministic() throws {
    let t = try Transliterator()
    let a = t.candidates("אלכסנדר פושקין", count: 5)
    #expect(a.count == 5)
    #expect(zip(a, a.dropFirst()).allSatisfy { $0.score >= $1.score })
    #expect(Set(a.map(\.text)).count == a.count)
    for _ in 0..<3 { #expect(try Transliterator().candidates("אלכסנדר פושקין", count: 5) == a) }
  }

  @Test func runningTextWritesAMaqafAsAHyphen() throws {
    let t = try Transliterator()
    #expect(t.transliterate("בית־שמש") == t.transliterate("בית") + "-" + t.transliterate("שמש"))
    #expect(t.hebrewTextToLatinByScalars("בית־שמש ־") == t.transliterate("בית־שמש ־"))
    #expect(!t.transliterate("א־ב ־ ג־").contains("\u{05BE}"))
    let a = try Transliterator(scheme: .academy)
    #expect(a.transliterate("בֵּית־שֶׁמֶשׁ").contains("-") && !a.transliterate("בֵּית־שֶׁמֶשׁ").contains("\u{05BE}"))
  }

  @Test func runningTextKeepsOtherCharacters() throws {
    let t = try Transliterator()
    let out = t.transliterate("טראמפ (2024), OK: 5!")
    #expect(out == "Trump (2024), OK: 5!")
    #expect(t.transliterate("") == "")
    #expect(t.transliterate("123 - abc") == "123 - abc")
  }

  @Test func byteScanMatchesScalarScan() throws {
    let texts = [
      "ג'ורג' בוש, 2024 — Исаев и Αθήνα; محمد ١٢٣ שָׁלוֹם",
      "ת'ורן’s ז׳אק` צ´רלי ׳א ''אב'' \"ש\"ס\" חכי״ם ט\"ו",
      "\u{0301}א\u{0345}ב \u{05BE}גד\u{05C0}הו 😀טראמפ😀 ا ب ۝ Ѐ\u{0483}",
      "", "abc", "א", "׳", "'א'", "\u{05F4}\u{05F3}", "אאא\nבבב\r\nגגג\tדדד",
      String(repeating: "באקו הרצוג ", count: 50),
      "משה ל. כהן, ג'. ו-סי. א. א.ב. .א דאבליו. אבגדהוזחטי. א", "ל.", "ל",
      "ג\u{2019}. ג\u{2019}יי. ג`יי. ג\u{05F3}יי. ג\u{00B4}. אייץ\u{2019}. ירושלים.",
      "ד\"ר כהן לח\"כ ולפרופ' \"צה\"ל\" א\" \"ב ג\u{201D}ד ה\"\"ו ז\"\u{05F3}ח ד\"",
      "ד\"ר. פרופ'.. ח\"כ. ד\"ר", "ד\"ר.", "דזשײמס װאַשינגטאָן ױ ײ'", "ניג\u{2018}ל \u{2032}א \u{2018}ב א\u{2032}\u{2032}",
    ]
    for split in [false, true] {
      let t = try Transliterator(splitPrefixes: split)
      for text in texts {
        #expect(t.transliterate(text) == t.hebrewTextToLatinByScalars(text), "\(text)")
        // Second time from the word table.
        #expect(t.transliterate(text) == t.hebrewTextToLatinByScalars(text), "\(text)")
      }
    }
  }

  @Test func prefixSplitting() throws {
    let t = try Transliterator(splitPrefixes: true)
    let plain = try Transliterator()
    #expect(t.transliterate("בוושינגטון") == "b-Washington")
    #expect(t.transliterate("לטראמפ") == "l-Trump")
    #expect(t.transliterate("והרצוג") == "ve-Herzog")
    // בבאקו → b- and the stem as באקו alone comes out (Baku among its candidates).
    #expect(t.transliterate("בבאקו") == "b-" + plain.transliterate("באקו"))
    #expect(plain.candidates("באקו", count: 5).map(\.text).contains("Baku"))
    #expect(t.transliterate("טראמפ בבאקו, 2024") == "Trump b-\(plain.transliterate("באקו")), 2024")
    // The article too: הביקור (the visit) → ha- and ביקור.
    #expect(t.transliterate("הביקור").hasPrefix("ha-"))
    // Names that begin with a proclitic letter stay whole.
    for name in ["הרצוג", "ברוך", "ויליאם", "וושינגטון", "מרדכי", "משה", "בנימין", "ולדימיר", "ברלין", "לוי"] {
      #expect(t.transliterate(name) == plain.transliterate(name), "\(name)")
      #expect(!t.transliterate(name).contains("-"), "\(name)")
    }
    // Without the option nothing is split.
    #expect(!plain.transliterate("בבאקו").contains("-"))
  }

  @Test func prefixReadingsComeFromTheAnalyzer() throws {
    let t = try Transliterator(splitPrefixes: true)
    let model = try Transliterator.sharedModel()
    // כש (when) + טראמפ: a two-letter proclitic sequence the analyzer knows.
    let split = try #require(t.splitPrefix("כשטראמפ", model: model))
    #expect(split.0 == "kshe" && split.1 == "טראמפ")
    #expect(t.splitPrefix("הרצוג", model: model) == nil)
    // A letter with geresh is never a proclitic (ג'ורג'), nor is a word of one letter.
    #expect(t.splitPrefix("ג'ורג'", model: model) == nil)
    #expect(t.splitPrefix("ב", model: model) == nil)
  }
}

@Suite("Transliterator: names, Latin → Hebrew")
struct NamesToHebrewTests {
  static let mustBeFirst: [TransliterationPair] = [
    .init(hebrew: "הרצוג", latin: "Herzog"),
    .init(hebrew: "טראמפ", latin: "Trump"),
    .init(hebrew: "וושינגטון", latin: "Washington"),
    .init(hebrew: "אלייב", latin: "Aliyev"),
    .init(hebrew: "באקו", latin: "Baku"),
    .init(hebrew: "ג'ורג'", latin: "George"),
  ]
  /// איסאייב comes first (Isayev's a-y-e read letter by letter), איסייב fourth.
  static let withinFive: [TransliterationPair] = [
    .init(hebrew: "איסייב", latin: "Isayev"),
  ]

  @Test(arguments: mustBeFirst)
  func bestCandidate(_ pair: TransliterationPair) throws {
    #expect(try Transliterator(to: .hebrew).transliterate(pair.latin) == pair.hebrew)
  }

  @Test(arguments: withinFive)
  func amongFiveCandidates(_ pair: TransliterationPair) throws {
    let c = try Transliterator(to: .hebrew).candidates(pair.latin, count: 5).map(\.text)
    #expect(c.contains(pair.hebrew), "\(c)")
  }

  @Test func elidedParticlesTakeAGeresh() throws {
    // D' and L' before a vowel, M' before a consonant: the letter, a geresh, then the rest
    // decoded as a word; the token read whole stays among the candidates.
    let t = try Transliterator(to: .hebrew)
    for (latin, particle) in [("D'Antoni", "ד'"), ("d\u{2019}Ormesson", "ד'"), ("L'Estocq", "ל'"), ("M'bala", "מ'")] {
      let c = t.candidates(latin, count: 5).map(\.text)
      let rest = String(latin.unicodeScalars.dropFirst(2))
      #expect(c.first == particle + (t.candidates(rest, count: 1).first?.text ?? ""), "\(latin): \(c)")
      #expect(Set(c).count == c.count)
    }
    #expect(t.candidates("D'Antoni", count: 5).contains { !$0.text.hasPrefix("ד'") })
    let g = try Transliterator(to: .hebrew, geresh: .geresh)
    #expect(g.candidates("D'Antoni", count: 1).first?.text.hasPrefix("ד\u{05F3}") == true)
    // Not particles: D' before a consonant, too short a rest.
    #expect(Transliterator.hebrewParticle("D'Shawn") == nil)
    #expect(Transliterator.hebrewParticle("d'Ab") == nil)
    #expect(Transliterator.hebrewParticle("Dante") == nil)
  }

  @Test func lettersOutsideASCIIAndModifierApostrophes() throws {
    // Icelandic eth and thorn (both cases), and the modifier letters of scholarly
    // romanization, are read, not passed through as they are.
    let t = try Transliterator(to: .hebrew)
    for name in ["Þórðarson", "Sigurður", "Yaʿaḳov", "Kaʻahumanu", "ÐÞ", "Sa`id", "Fat\u{2032}h", "O\u{2018}Neil"] {
      let c = try #require(t.candidates(name, count: 1).first?.text, "\(name)")
      #expect(c.unicodeScalars.allSatisfy { (0x05D0...0x05EA).contains($0.value) || $0 == "'" }, "\(name): \(c)")
    }
    #expect(t.candidates("Þórðarson", count: 1).first?.text == t.candidates("Thordarson", count: 1).first?.text)
    #expect(t.candidates("Yaʿaḳov", count: 1).first?.text == t.candidates("Yaakov", count: 1).first?.text)
  }

  @Test func quotedNicknamesAndBrackets() throws {
    // Quotation marks and brackets around a token are kept around its transliteration; a
    // gershayim between two letters stays an acronym's.
    let en = try Transliterator(to: .hebrew)
    let v = en.candidates("Victoria \"Torrey\" Newcomb", count: 1).first?.text ?? ""
    let parts = v.split(separator: " ")
    #expect(parts.count == 3 && parts[1].hasPrefix("\"") && parts[1].hasSuffix("\""), "\(v)")
    #expect(parts[1].dropFirst().dropLast() == (en.candidates("Torrey", count: 1).first?.text ?? "")[...], "\(v)")
    #expect(en.candidates("(Moshe) Cohen", count: 1).first?.text.hasPrefix("(משה) ") == true)
    let he = try Transliterator()
    let b = he.candidates("בנימין \"ביבי\" נתניהו", count: 1).first?.text ?? ""
    #expect(b.contains(" \"" + (he.candidates("ביבי", count: 1).first?.text ?? "") + "\" "), "\(b)")
    let r = he.candidates("רמב\"ם", count: 1).first?.text ?? ""
    #expect(!r.contains("\"") && r.count >= 4, "\(r)")
    #expect(Transliterator.pieces("רמב\"ם").count == 1)
    #expect(Transliterator.pieces("\"ביבי\"").map(\.isWord) == [false, true, false])
    #expect(Transliterator.pieces("א\u{201C}ב").map(\.isWord) == [true, false, true])
  }

  @Test func davosWithinFive() throws {
    let c = try Transliterator(to: .hebrew).candidates("Davos", count: 5).map(\.text)
    #expect(c.contains("דאבוס"), "\(c)")
    #expect(c.allSatisfy { $0.hasPrefix("ד") && ($0.hasSuffix("ס") || $0.hasSuffix("ש")) }, "\(c)")
  }

  @Test func finalFormsAndGereshStyle() throws {
    let ascii = try Transliterator(to: .hebrew).transliterate("Herzog Cohen")
    #expect(ascii.split(separator: " ").allSatisfy { !"כמנפצ".unicodeScalars.contains($0.unicodeScalars.last ?? " ") })
    let g = try Transliterator(to: .hebrew, geresh: .geresh).transliterate("George")
    #expect(g.contains("\u{05F3}") && !g.contains("'"))
  }

  @Test func rejectsUnsupportedCombinations() {
    #expect(throws: TransliterationError.self) { try Transliterator(scheme: .academy, to: .hebrew) }
    #expect(throws: TransliterationError.self) { try Transliterator(to: .hebrew, from: .cyrillic) }
  }
}

@Suite("Transliterator: academy scheme")
struct AcademyTests {
  /// Builds a word from letters and marks given in a chosen order (no normalization).
  func word(_ scalars: [UInt32]) -> String {
    String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
  }

  @Test func examples() throws {
    let t = try Transliterator(scheme: .academy)
    #expect(t.transliterate("שָׁלוֹם") == "shalom")
    #expect(t.transliterate("בָּרוּךְ") == "barukh")
    #expect(t.transliterate("שָׂרָה") == "sara")
    #expect(t.transliterate("כֶּלֶב") == "kelev")
  }

  @Test func markOrderDoesNotMatter() throws {
    let t = try Transliterator(scheme: .academy)
    // שָׁלוֹם with shin dot before / after qamats; בָּרוּךְ with dagesh before / after qamats.
    let shalom = [
      word([0x05E9, 0x05C1, 0x05B8, 0x05DC, 0x05D5, 0x05B9, 0x05DD]),
      word([0x05E9, 0x05B8, 0x05C1, 0x05DC, 0x05D5, 0x05B9, 0x05DD]),
    ]
    for w in shalom { #expect(t.transliterate(w) == "shalom") }
    let barukh = [
      word([0x05D1, 0x05BC, 0x05B8, 0x05E8, 0x05D5, 0x05BC, 0x05DA, 0x05B0]),
      word([0x05D1, 0x05B8, 0x05BC, 0x05E8, 0x05D5, 0x05BC, 0x05DA, 0x05B0]),
    ]
    for w in barukh { #expect(t.transliterate(w) == "barukh") }
    let nfd = try NormalizationForm.nfd.normalize(shalom[0])
    let nfc = try NormalizationForm.nfc.normalize(shalom[1])
    #expect(t.transliterate(nfd) == "shalom" && t.transliterate(nfc) == "shalom")
    // Sin dot and dagesh on one letter in both orders.
    #expect(t.transliterate(word([0x05E9, 0x05C2, 0x05B8, 0x05E8, 0x05B8, 0x05D4])) == "sara")
    #expect(t.transliterate(word([0x05E9, 0x05B8, 0x05C2, 0x05E8, 0x05B8, 0x05D4])) == "sara")
  }

  static let vavAndFurtivePatah: [TransliterationPair] = [
    // Shuruk at the start of a word is the conjunction u; the shva after it is vocal.
    .init(hebrew: "וּבְבֵית", latin: "uvevet"),
    .init(hebrew: "וּמִן", latin: "umin"),
    .init(hebrew: "וּלְךָ", latin: "ulekha"),
    // Inside a word: shuruk after an unvowelled letter, doubled vav after a vowel or with its own.
    .init(hebrew: "יְשׁוּעָה", latin: "yeshua"),
    .init(hebrew: "צִוָּה", latin: "tsiva"),
    .init(hebrew: "צִוּוּי", latin: "tsivuy"),
    // Furtive patah under a final ח, ע, הּ; a patah elsewhere follows its letter.
    .init(hebrew: "רוּחַ", latin: "ruah"),
    .init(hebrew: "יָדוּעַ", latin: "yadua"),
    .init(hebrew: "גָּבוֹהַּ", latin: "gavoah"),
    .init(hebrew: "מַדּוּעַ", latin: "madua"),
    .init(hebrew: "מִזְבֵּחַ", latin: "mizbeah"),
    .init(hebrew: "נַחַל", latin: "nahal"),
    .init(hebrew: "שָׁלוֹם", latin: "shalom"),
    .init(hebrew: "בָּרוּךְ", latin: "barukh"),
  ]

  /// The word with each letter's marks in reverse order (not a canonical order).
  func reversingMarks(_ s: String) -> String {
    var out: [Unicode.Scalar] = []
    var marks: [Unicode.Scalar] = []
    for u in s.unicodeScalars {
      if (0x05D0...0x05EA).contains(u.value) {
        out += marks.reversed()
        marks = []
        out.append(u)
      } else {
        marks.append(u)
      }
    }
    out += marks.reversed()
    return String(String.UnicodeScalarView(out))
  }

  @Test(arguments: vavAndFurtivePatah)
  func vavAndFurtivePatahInAnyMarkOrder(_ pair: TransliterationPair) throws {
    let t = try Transliterator(scheme: .academy)
    let nfd = try NormalizationForm.nfd.normalize(pair.hebrew)
    let nfc = try NormalizationForm.nfc.normalize(pair.hebrew)
    for w in [pair.hebrew, nfd, nfc, reversingMarks(nfd)] {
      #expect(t.transliterate(w) == pair.latin)
    }
  }

  @Test func shurukAndFurtivePatahWithDageshBeforeAndAfterTheVowel() throws {
    let t = try Transliterator(scheme: .academy)
    // צִוָּה: dagesh before / after the qamats on the vav.
    #expect(t.transliterate(word([0x05E6, 0x05B4, 0x05D5, 0x05BC, 0x05B8, 0x05D4])) == "tsiva")
    #expect(t.transliterate(word([0x05E6, 0x05B4, 0x05D5, 0x05B8, 0x05BC, 0x05D4])) == "tsiva")
    // גָּבוֹהַּ: mappiq before / after the patah on the final he.
    #expect(t.transliterate(word([0x05D2, 0x05BC, 0x05B8, 0x05D1, 0x05D5, 0x05B9, 0x05D4, 0x05BC, 0x05B7])) == "gavoah")
    #expect(t.transliterate(word([0x05D2, 0x05B8, 0x05BC, 0x05D1, 0x05D5, 0x05B9, 0x05D4, 0x05B7, 0x05BC])) == "gavoah")
    // A word ending the text or followed by others.
    #expect(t.transliterate("רוּחַ וּמִן הַיָּם.") == "ruah umin hayam.")
  }
}

@Suite("Transliterator: ICU and other scripts")
struct ICUSchemeTests {
  @Test func icuHebrewLatinIsTheLetterTable() throws {
    let out = try Transliterator(scheme: .icu).transliterate("טראמפ")
    #expect(out != "Trump" && !out.isEmpty && out.unicodeScalars.allSatisfy { $0.value < 0x0590 || $0.value > 0x05FF })
  }

  @Test func otherScriptsToLatin() throws {
    #expect(try Transliterator(from: .cyrillic).transliterate("Исаев") == "Isaev")
    #expect(try Transliterator(from: .azerbaijani).transliterate("Qırmızı Qəsəbə") == "Qirmizi Qasaba")
    #expect(try Transliterator(from: .greek).transliterate("Αθήνα Μητσοτάκης") == "Athina Mitsotakis")
    let arabic = try Transliterator(from: .arabic).transliterate("محمد")
    #expect(arabic.unicodeScalars.allSatisfy { $0.isASCII } && !arabic.isEmpty)
    // English spellings, not ISO 9 with its marks stripped (Hrusev, Serbakov).
    let ru = try Transliterator(from: .cyrillic)
    #expect(ru.transliterate("Хрущёв Щербаков Зеленский Юлия Тимошенко") == "Khrushchev Shcherbakov Zelensky Yuliya Timoshenko")
    #expect(ru.candidates("Троцкий", count: 1).first?.text == "Trotsky")
    #expect(try Transliterator(from: .azerbaijani).transliterate("Şuşa Gəncə Xankəndi") == "Shusha Ganja Khankandi")
    // Written vowels and shadda are read; a name is capitalized.
    #expect(try Transliterator(from: .arabic).transliterate("مُحَمَّد") == "Muhammad")
    // In auto mode Cyrillic words in Hebrew text also reach Latin.
    #expect(try Transliterator().transliterate("טראמפ Исаев") == "Trump Isaev")
  }
}

@Suite("Transliterator: shipped model")
struct ShippedModelTests {
  /// Small fixture written for this test: (Hebrew, an accepted Latin spelling).
  static let fixture: [(String, String)] = [
    ("מרטין", "martin"), ("ג'ונסון", "johnson"), ("פטרוב", "petrov"), ("רוברט", "robert"),
    ("ויליאמס", "williams"), ("גולדברג", "goldberg"), ("קלאוס", "klaus"), ("מריה", "maria"),
  ]

  @Test func loadsAndBeatsICU() throws {
    try Transliterator.preloadModel()
    let names = try Transliterator()
    let icu = try Transliterator(scheme: .icu)
    var modelHits = 0, icuHits = 0
    for (he, en) in ShippedModelTests.fixture {
      if names.candidates(he, count: 5).contains(where: { $0.text.lowercased() == en }) { modelHits += 1 }
      if icu.transliterate(he).lowercased() == en { icuHits += 1 }
    }
    #expect(modelHits >= 6)
    #expect(modelHits > icuHits)
  }

  @Test func rejectsDamagedModelBytes() {
    #expect(throws: GraphoneModel.FormatError.self) { try GraphoneModel(bytes: Array("TKGM".utf8) + [UInt8](repeating: 7, count: 40)) }
    #expect(throws: GraphoneModel.FormatError.self) { try GraphoneModel(bytes: []) }
  }
}

@Suite("Transliterator: Latin character model re-ranking")
struct CandidateRescorerTests {
  @Test func shippedModelLoads() throws {
    let lm = try #require(CandidateRescorer.latin)
    #expect(lm.order >= 3)
    #expect(CandidateRescorer.decodeCount(5) > 5)
  }

  @Test func prefersUsualSpellings() throws {
    let lm = try #require(CandidateRescorer.latin)
    func p(_ s: String) -> Float { lm.logProb(Array(s.utf8)) }
    #expect(p("michael") > p("mikhhael"))
    #expect(p("washington") > p("vashingtonn"))
    #expect(p("berg") > p("bergq"))
    // A byte outside the model's alphabet costs, but does not crash.
    #expect(p("ab1") < p("ab"))
  }

  @Test func rescoringKeepsCountOrderAndNormalizes() throws {
    _ = try #require(CandidateRescorer.latin)
    let input: [(output: [UInt8], logPosterior: Float)] = [
      (Array("mikhhael".utf8), -0.5), (Array("michael".utf8), -1.0), (Array("mishael".utf8), -3.0),
    ]
    let out = CandidateRescorer.rescoreLatin(input, count: 2)
    #expect(out.count == 2)
    #expect(out.first.map { String(decoding: $0.output, as: UTF8.self) } == "michael")
    #expect(out[0].logPosterior >= out[1].logPosterior)
    #expect(out.allSatisfy { $0.logPosterior <= 0 })
    #expect(CandidateRescorer.rescoreLatin(Array(input.prefix(1)), count: 5).count == 1)
  }

  @Test func rejectsDamagedModels() {
    #expect(throws: CharacterLanguageModel.FormatError.self) { try CharacterLanguageModel(bytes: Array("TKLM".utf8)) }
    #expect(throws: CharacterLanguageModel.FormatError.self) { try CharacterLanguageModel(bytes: [UInt8](repeating: 0, count: 64)) }
  }
}

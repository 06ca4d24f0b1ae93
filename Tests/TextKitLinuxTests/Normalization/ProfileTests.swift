import Testing
@testable import TextKitLinux

@Suite("Normalization profiles and steps")
struct ProfileTests {
  let clean = TextNormalizer(profile: .clean)
  let search = TextNormalizer(profile: .search)

  func only(_ step: NormalizationStep) -> TextNormalizer { TextNormalizer(profile: .init(steps: [step])) }

  @Test func nfcProfileComposes() throws {
    #expect(try TextNormalizer().normalize("cafe\u{301}") == "caf\u{E9}")
  }

  @Test("geresh variants between and after Hebrew letters become U+05F3",
        arguments: ["'", "\u{2019}", "\u{2018}", "\u{05F3}", "\u{2032}", "\u{FF07}"])
  func geresh(mark: String) throws {
    #expect(try clean.normalize("ג\(mark)ורג\(mark)") == "ג׳ורג׳")
    #expect(try clean.normalize("צ\(mark)רצ\(mark)יל") == "צ׳רצ׳יל")
    #expect(try clean.normalize("עמ\(mark) 5") == "עמ׳ 5")
  }

  @Test("gershayim variants between Hebrew letters become U+05F4",
        arguments: ["\"", "\u{201D}", "\u{201C}", "\u{05F4}", "\u{2033}", "\u{FF02}"])
  func gershayim(mark: String) throws {
    #expect(try clean.normalize("ח\(mark)כ") == "ח״כ")
    #expect(try clean.normalize("ארה\(mark)ב") == "ארה״ב")
  }

  @Test func englishQuotesStayQuotes() throws {
    #expect(try clean.normalize("\u{201C}Hello,\u{201D} he said; it\u{2019}s \u{2018}fine\u{2019}") == "\"Hello,\" he said; it's 'fine'")
    #expect(try clean.normalize("O'Brien said \"no\"") == "O'Brien said \"no\"")
    // Quoted Hebrew words keep their quotes.
    #expect(try clean.normalize("אמר \"שלום\" ו'כן'") == "אמר \"שלום\" ו'כן'")
    #expect(try clean.normalize("ו\"שלום\"") == "ו\"שלום\"")
  }

  @Test func pointedHebrewWithCantillationKeepsMarksUnderClean() throws {
    let pointed = "בְּרֵאשִׁ֖ית"  // with tipeha
    let out = try clean.normalize(pointed)
    #expect(out.unicodeScalars.contains("\u{596}"))
    #expect(try NormalizationForm.nfc.isNormalized(out))
  }

  @Test func markPolicies() throws {
    let pointed = "בְּרֵאשִׁ֖ית"
    let noCant = TextNormalizer(profile: NormalizationProfile.nfc.withHebrewMarks(.dropCantillation))
    let none = TextNormalizer(profile: NormalizationProfile.nfc.withHebrewMarks(.dropAll))
    let a = try noCant.normalize(pointed)
    #expect(!a.unicodeScalars.contains("\u{596}"))
    #expect(a.unicodeScalars.contains("\u{5B0}"))
    #expect(a.unicodeScalars.contains("\u{5C1}"))  // shin dot is a point: kept
    #expect(try none.normalize(pointed) == "בראשית")
  }

  @Test("shin/sin dots in any mark order", arguments: [
    "ש\u{5C1}\u{5B8}", "ש\u{5B8}\u{5C1}", "ש\u{5BC}\u{5C1}\u{5B8}", "ש\u{5B8}\u{5BC}\u{5C2}", "\u{FB2A}\u{5B8}",
  ])
  func shinDots(text: String) throws {
    let none = TextNormalizer(profile: NormalizationProfile.nfc.withHebrewMarks(.dropAll))
    #expect(try none.normalize(text) == "ש")
    let keep = try TextNormalizer(profile: .clean).normalize(text)
    #expect(keep.unicodeScalars.first == "ש")
    #expect(keep.unicodeScalars.contains { $0 == "\u{5C1}" || $0 == "\u{5C2}" })
  }

  @Test func bidiControlsRemoved() throws {
    let controls = ["\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                    "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
    for c in controls {
      #expect(try clean.normalize("a\(c)b שלום\(c)") == "ab שלום", "control U+\(String(c.unicodeScalars.first!.value, radix: 16))")
    }
  }

  @Test func zeroWidthCharacters() throws {
    #expect(try clean.normalize("a\u{200B}b\u{2060}c\u{FEFF}d") == "abcd")
    #expect(try clean.normalize("stray\u{200D} joiner\u{200C}") == "stray joiner")
    // Emoji ZWJ sequence kept: man + ZWJ + laptop.
    let emoji = "\u{1F468}\u{200D}\u{1F4BB}"
    #expect(try clean.normalize(emoji) == emoji)
    // Persian ZWNJ between Arabic-script letters kept.
    let persian = "\u{0645}\u{06CC}\u{200C}\u{062E}\u{0648}\u{0627}\u{0647}\u{0645}"
    #expect(try clean.normalize(persian) == persian)
  }

  @Test func oddSpacesAndLineEnds() throws {
    let spaces = ["\u{A0}", "\u{1680}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}"]
    for s in spaces { #expect(try clean.normalize("a\(s)b") == "a b") }
    #expect(try clean.normalize("a\tb") == "a\tb")
    #expect(try clean.normalize("a\r\nb\rc\u{2028}d\u{2029}e\u{85}f") == "a\nb\nc\nd\ne\nf")
  }

  @Test func presentationForms() throws {
    #expect(try clean.normalize("\u{FB2A}") == "ש\u{5C1}")
    #expect(try clean.normalize("\u{FB4B}") == "\u{5D5}\u{5B9}")  // vav holam → NFC keeps it decomposed
    #expect(try clean.normalize("\u{FB21}\u{FB23}") == "אה")  // wide letters
    #expect(try clean.normalize("\u{FB4F}") == "אל")
  }

  @Test func searchKeys() throws {
    #expect(try search.normalize("Ş. Əliyev, ח״כ") == "s aliyev חכ")
    #expect(try search.normalize("  Café  CRÈME—brûlée ") == "cafe creme brulee")
    #expect(try search.normalize("שָׁלוֹם עֲלֵיכֶם") == "שלומ עליכמ")
    #expect(try search.normalize("ג'ורג' O’Brien") == "ג׳ורג׳ obrien")
    #expect(try search.normalize("Qırmızı Qəsəbə") == "qirmizi qasaba")
    #expect(try search.normalize("ＡＢＣ ﬁ") == "abc fi")
    #expect(try search.normalize("line one\n  line two  ") == "line one\nline two")
  }

  @Test func statisticsCountChanges() throws {
    var stats = NormalizationStatistics()
    _ = try clean.normalize(utf8: Array("a\u{A0}b\u{200E}\r\n".utf8), statistics: &stats)
    let byName = Dictionary(uniqueKeysWithValues: stats.changes.map { ($0.step, $0.count) })
    #expect(byName["spaces"] == 1)
    #expect(byName["bidi-controls"] == 1)
    #expect(byName["line-ends"] == 1)
  }

  @Test func customPipeline() throws {
    let p = NormalizationProfile(steps: [.unifySpaces, .foldHebrewFinals])
    #expect(try TextNormalizer(profile: p).normalize("שלום\u{A0}עולם") == "שלומ עולמ")
  }
}

@Suite("Whitespace collapsing")
struct WhitespaceCollapseTests {
  /// Reference: split lines, collapse runs of spaces/tabs, trim.
  static func reference(_ s: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }.joined(separator: "\n")
  }

  @Test func matchesReferenceOnRandomText() throws {
    var rng = SystemRandomNumberGenerator()
    let alphabet: [Character] = ["a", "b", " ", " ", "\t", "\n", "ש", "."]
    let n = TextNormalizer(profile: NormalizationProfile(steps: [.collapseWhitespace]))
    for _ in 0..<300 {
      let len = Int.random(in: 0..<80, using: &rng)
      let s = String((0..<len).map { _ in alphabet.randomElement(using: &rng)! })
      #expect(try n.normalize(s) == Self.reference(s), "input: \(s.debugDescription)")
    }
  }
}

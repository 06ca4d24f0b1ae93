import Testing
@testable import TextKitLinux

/// Initials and regnal numbers: names written for these tests (not from any corpus).
@Suite("Transliterator: initials and regnal numbers")
struct NameInitialsTests {
  @Test func hebrewInitialsBecomeLatinLetters() throws {
    let t = try Transliterator()
    // A letter with a dot, with a geresh as the abbreviation mark, and a geresh letter.
    #expect(t.candidates("משה ל. כהן", count: 1).first?.text == "Moshe L. Cohen")
    #expect(t.candidates("משה ל' כהן", count: 1).first?.text == "Moshe L. Cohen")
    #expect(t.candidates("ג'. משה כהן", count: 1).first?.text == "J. Moshe Cohen")
    #expect(t.candidates("ג׳. משה כהן", count: 1).first?.text == "J. Moshe Cohen")
    // English letter names with a dot.
    #expect(t.candidates("סי. ג'יי. כהן", count: 1).first?.text == "C. J. Cohen")
    #expect(t.candidates("וו. כהן", count: 1).first?.text == "W. Cohen")
  }

  @Test func ambiguousHebrewInitialsOfferTheAlternatives() throws {
    let c = try Transliterator().candidates("משה פ. כהן", count: 5).map(\.text)
    // F. first: the train file has פ. for F. 12 times, for P. 9 times.
    #expect(c.first == "Moshe F. Cohen", "\(c)")
    #expect(c.contains("Moshe P. Cohen"), "\(c)")
    // Nothing is left in Hebrew letters.
    #expect(c.allSatisfy { !$0.unicodeScalars.contains { (0x05D0...0x05EA).contains($0.value) } }, "\(c)")
  }

  @Test func lettersWithoutAMarkAreStillWords() throws {
    // בי, די and אל without a dot are names and words, not letter names.
    let c = try Transliterator().candidates("אל", count: 3).map(\.text)
    #expect(!c.contains("L."), "\(c)")
  }

  @Test func latinInitialsBecomeHebrewLetters() throws {
    let t = try Transliterator(to: .hebrew)
    #expect(t.candidates("Moshe L. Cohen", count: 1).first?.text == "משה ל. כהן")
    // A lone letter keeps its ordinary form (פ., not ף.), a geresh letter its geresh.
    #expect(t.candidates("P.", count: 1).first?.text == "פ.")
    #expect(t.candidates("M.", count: 1).first?.text == "מ.")
    #expect(t.candidates("J.", count: 2).map(\.text) == ["ג'יי.", "ג'."])
    #expect(try Transliterator(to: .hebrew, geresh: .geresh).candidates("J.", count: 2).last?.text == "ג\u{05F3}.")
    // C. is mostly written with its letter name, W. with a double vav.
    #expect(t.candidates("C.", count: 1).first?.text == "סי.")
    #expect(t.candidates("W.", count: 1).first?.text == "וו.")
    // The letter-name spelling is the alternative.
    #expect(t.candidates("T.", count: 2).map(\.text) == ["ט.", "טי."])
  }

  @Test func initialsWrittenTogether() throws {
    // א.ג. and J.R.R.: each dotted letter is an initial of its own, written together.
    let he = try Transliterator()
    #expect(he.candidates("א.ג. כהן", count: 1).first?.text.hasSuffix(". Cohen") == true)
    let ag = he.candidates("א.ג. כהן", count: 1).first?.text ?? ""
    #expect(ag.count == "A.G. Cohen".count && ag.filter { $0 == "." }.count == 2, "\(ag)")
    let en = try Transliterator(to: .hebrew)
    let jrr = en.candidates("J.R.R. Tolkien", count: 1).first?.text ?? ""
    #expect(jrr.hasPrefix("ג'יי.ר.ר. "), "\(jrr)")
    #expect(Transliterator.pieces("J.R.R.").map(\.text) == ["J.", "R.", "R."])
    // A dot before a space or at the end does not split.
    #expect(Transliterator.pieces("Jr.").count == 1)
  }

  @Test func regnalNumbersToLatin() throws {
    let t = try Transliterator()
    #expect(t.candidates("משה השני", count: 1).first?.text == "Moshe II")
    #expect(t.candidates("משה השלישית", count: 1).first?.text == "Moshe III")
    #expect(t.candidates("משה הארבעה עשר", count: 1).first?.text == "Moshe XIV")
    #expect(t.candidates("משה הראשון, מלך", count: 1).first?.text.hasPrefix("Moshe I, ") == true)
    // The first word of a name is never a number.
    #expect(t.candidates("השני", count: 1).first?.text != "II")
  }

  @Test func romanNumeralsToHebrew() throws {
    let t = try Transliterator(to: .hebrew)
    #expect(t.candidates("Moshe VIII", count: 2).map(\.text) == ["משה השמיני", "משה השמינית"])
    #expect(t.candidates("Moshe XIV", count: 1).first?.text == "משה הארבעה עשר")
    #expect(t.candidates("Moshe II", count: 1).first?.text == "משה השני")
    // A lone letter may be a letter (Malcolm X): its name is the third reading.
    #expect(t.candidates("Moshe X", count: 3).map(\.text) == ["משה העשירי", "משה העשירית", "משה אקס"])
    #expect(!t.candidates("Moshe XI", count: 5).contains { $0.text.contains("אקס") })
  }

  @Test func abbreviationsKeepTheirDot() throws {
    // A dotted word that is not an initial is decoded, and its dot kept, both ways.
    let he = try Transliterator().candidates("משה כהן ג'וניור.", count: 1).first?.text ?? ""
    #expect(he.hasPrefix("Moshe Cohen ") && he.hasSuffix(".") && !he.unicodeScalars.contains { (0x05D0...0x05EA).contains($0.value) }, "\(he)")
    let en = try Transliterator(to: .hebrew).candidates("Moshe Cohen Jr.", count: 1).first?.text ?? ""
    #expect(en.hasPrefix("משה כהן ") && en.hasSuffix("."), "\(en)")
    // Any geresh in a spelled-out letter name.
    #expect(try Transliterator().candidates("ג\u{2019}יי. כהן", count: 1).first?.text == "J. Cohen")
  }

  @Test func runningTextInitials() throws {
    // A letter (or a letter's name) before a dot is an initial; the same word elsewhere is a
    // word, also after the initial's reading is cached.
    let he = try Transliterator()
    let out = he.transliterate("משה ל. כהן, סי. ל")
    #expect(out.hasPrefix("Moshe L. Cohen, C. "), "\(out)")
    #expect(!out.hasSuffix(" L"), "\(out)")
    let en = try Transliterator(to: .hebrew)
    #expect(en.transliterate("Moshe L. Cohen") == "משה ל. כהן")
    // A lone capital without a dot is a word ("I went").
    #expect(!en.transliterate("I went").hasPrefix("א "))
  }

  @Test func romanNumeralValues() {
    for n in 1...39 { #expect(NameInitials.romanValue(Substring(NameInitials.roman(n))) == n) }
    for bad in ["IIII", "VV", "IL", "XM", "", "ix", "VX"] { #expect(NameInitials.romanValue(Substring(bad)) == nil, "\(bad)") }
  }
}

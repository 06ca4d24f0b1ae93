import Testing
import TextKitLinux

@Suite("Bidi paragraphs, visual order, controls")
struct BidiParagraphTests {
  // Own fixtures: a Hebrew sentence with an English name and a year, an English sentence
  // quoting Hebrew, nested quotes, numbers with prefixes.
  static let hebrewWithName = "ראש הממשלה נפגש עם John Smith בשנת 2024 בירושלים."
  static let englishQuotingHebrew = "The MK said \"שלום לכולם\" before the vote."
  static let nestedQuotes = "הוא אמר: \"היא כתבה 'Hello World' במכתב\" ויצא."
  static let prefixedNumbers = "הכנס נערך ב-2024 וב־2025, ולא ב2023 כמו שנאמר."

  @Test func baseDirectionFromFirstStrongOrForced() throws {
    #expect(try BidiParagraph(Self.hebrewWithName).baseDirection == .rightToLeft)
    #expect(try BidiParagraph(Self.englishQuotingHebrew).baseDirection == .leftToRight)
    #expect(try BidiParagraph("2024 123").baseDirection == .leftToRight)
    #expect(try BidiParagraph("2024", direction: .autoRightToLeft).baseDirection == .rightToLeft)
    #expect(try BidiParagraph("Hello", direction: .rightToLeft).baseDirection == .rightToLeft)
  }

  @Test func runsInLogicalOrder() throws {
    let p = try BidiParagraph(Self.hebrewWithName)
    let texts = p.runs.map { String(p.text[$0.range]) }
    #expect(texts.joined() == Self.hebrewWithName)
    let name = try #require(p.runs.first { p.text[$0.range] == "John Smith" })
    #expect(name.direction == .leftToRight)
    #expect(name.script == .latin)
    let year = try #require(p.runs.first { p.text[$0.range] == "2024" })
    #expect(year.level == 2)
    #expect(p.runs.first?.direction == .rightToLeft)
    #expect(p.runs.first?.script == .hebrew)
    #expect(p.levels.count == Self.hebrewWithName.unicodeScalars.count)

    let q = try BidiParagraph(Self.englishQuotingHebrew)
    let quoted = try #require(q.runs.first { $0.direction == .rightToLeft })
    #expect(q.text[quoted.range] == "שלום לכולם")
  }

  @Test func reorderToVisualAndBack() throws {
    let p = try BidiParagraph("שלום Dan 2024!")
    #expect(try p.visualOrder() == "!Dan 2024 םולש")
    for line in [Self.hebrewWithName, Self.nestedQuotes, Self.prefixedNumbers] {
      let visual = try VisualOrderRepair.toVisual(line)
      #expect(visual != line)
      #expect(try VisualOrderRepair.toLogical(visual) == line, "\(line)")
    }
    #expect(try BidiParagraph("plain ascii").visualOrder() == "plain ascii")
  }

  @Test func pointedVisualTextInEitherMarkOrder() throws {
    // A visual encoder reverses every code point (marks before their letters) or each letter
    // with its marks (marks after their letters); both come back with marks after letters.
    for line in ["בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם", "הוא אמר שָׁלוֹם לכולם היום", "שָׁלוֹם עוֹלָם, מָה שְׁלוֹמְךָ?"] {
      let scalars = String.UnicodeScalarView(line.unicodeScalars.reversed())
      var clusters: [[Unicode.Scalar]] = []
      for s in line.unicodeScalars {
        if s.properties.generalCategory == .nonspacingMark, !clusters.isEmpty { clusters[clusters.count - 1].append(s) } else { clusters.append([s]) }
      }
      let byCodePoint = String(scalars)
      let byLetter = String(String.UnicodeScalarView(clusters.reversed().flatMap { $0 }))
      #expect(try VisualOrderRepair.toLogical(byCodePoint) == line, "\(byCodePoint)")
      #expect(try VisualOrderRepair.toLogical(byLetter) == line, "\(byLetter)")
      #expect(VisualOrderRepair.marksFollowTheirLetters(byLetter) && !VisualOrderRepair.marksFollowTheirLetters(byCodePoint))
    }
  }

  @Test func yiddishLigaturesAreLetters() throws {
    // A point on ײ (U+05F2) in code-point-reversed text sits before its letter, as on the others.
    let line = "מײַן פֿרײַנד"
    #expect(try VisualOrderRepair.toLogical(String(String.UnicodeScalarView(line.unicodeScalars.reversed()))) == line)
  }

  @Test func englishSentencesWithHebrewNamesComeBackInOrder() throws {
    // Stored visually at a left-to-right paragraph level: only the Hebrew runs are reversed.
    for line in ["I met משה כהן in ירושלים today.", "Talks in באקו with אילהם אלייב and others"] {
      let visual = try VisualOrderRepair.toVisual(line, direction: .leftToRight)
      #expect(visual != line)
      #expect(try VisualOrderRepair.toLogical(visual) == line, "\(visual)")
    }
    #expect(try VisualOrderRepair.toLogical("I met ןהכ השמ in םילשורי today.") == "I met משה כהן in ירושלים today.")
  }

  @Test func detectsReversedLines() throws {
    let detector = VisualOrderDetector()
    let lines = [
      Self.hebrewWithName, Self.nestedQuotes, Self.prefixedNumbers,
      "המכתב נשלח אל ועדת החוץ והביטחון של הכנסת.",
      "אנחנו מחכים לתשובה מהממשלה כבר שלושה חודשים",
      "ילדים רבים למדו בבית הספר הזה לפני המלחמה.",
    ]
    for line in lines {
      let logical = detector.verdict(for: line)
      #expect(logical.order == .logical, "\(line)")
      let reversed = String(line.reversed())
      let visual = detector.verdict(for: reversed)
      #expect(visual.order == .visual, "\(reversed)")
      #expect(visual.confidence > 0.5)
      let trueVisual = try VisualOrderRepair.toVisual(line)
      #expect(detector.verdict(for: trueVisual).order == .visual, "\(trueVisual)")
      #expect(try VisualOrderRepair.repairIfVisual(trueVisual).text == line)
    }
    #expect(detector.verdict(for: "An English line, with punctuation.").order == .none)
    #expect(detector.verdict(for: Self.englishQuotingHebrew).order == .logical)
  }

  @Test func reversedDigitGroupsAreEvidence() {
    let v = VisualOrderDetector().verdict(for: "שקל 000,01 ")
    #expect(v.visualEvidence >= 2)
  }

  @Test func controlsListStripAudit() throws {
    let spoof = "access = \"user\u{202E} \u{2066}// admin\u{2069} \u{2066}\""
    let found = BidiControls.list(in: spoof).map(\.control)
    #expect(found == [.rightToLeftOverride, .leftToRightIsolate, .popDirectionalIsolate,
                      .leftToRightIsolate])
    #expect(BidiControls.strip(spoof) == "access = \"user // admin \"")
    let kinds = try BidiControls.audit(spoof).map(\.kind)
    #expect(kinds.contains(.override))
    #expect(kinds.contains(.unterminated))
    #expect(kinds.contains(.displayOrderDiffers))
    #expect(try BidiControls.audit("x \u{2069}").map(\.kind) == [.unmatchedTerminator])
    // Balanced marks that change nothing are not flagged; plain text has no findings.
    #expect(try BidiControls.audit("abc\u{200E} def").isEmpty)
    #expect(try BidiControls.audit(Self.hebrewWithName).isEmpty)
    #expect(BidiControls.strip(Self.hebrewWithName) == Self.hebrewWithName)
  }
}

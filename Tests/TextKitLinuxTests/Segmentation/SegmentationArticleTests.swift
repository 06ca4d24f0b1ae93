import Testing
import TextKitLinux

/// The code examples of Segmentation.md, with the results the article states.
@Suite("Segmentation article examples")
struct SegmentationArticleTests {
  @Test func directionalRuns() throws {
    let paragraph = try BidiParagraph("שלום Dan 2024!")
    #expect(paragraph.baseDirection == .rightToLeft)
    #expect(paragraph.runs.map(\.direction) == [.rightToLeft, .leftToRight, .rightToLeft])
    #expect(paragraph.runs.map(\.script.shortName) == ["Hebr", "Latn", "Zyyy"])
    #expect(try paragraph.visualOrder() == "!Dan 2024 םולש")
    let forced = try BidiParagraph("Dan שלום", direction: .rightToLeft)
    #expect(forced.baseDirection == .rightToLeft)
  }

  @Test func visualOrder() throws {
    let detector = VisualOrderDetector()
    #expect(detector.verdict(for: ".םולש רמא אוה").order == .visual)
    #expect(detector.verdict(for: "הוא אמר שלום.").order == .logical)
    #expect(detector.verdict(for: "English only").order == StorageOrder.none)
    #expect(try VisualOrderRepair.toLogical(".םולש רמא Dan") == "Dan אמר שלום.")
    let (fixed, verdict) = try VisualOrderRepair.repairIfVisual(".םולש רמא אוה")
    #expect(fixed == "הוא אמר שלום.")
    #expect(verdict.order == .visual)
  }

  @Test func controls() throws {
    let line = "access = \u{202E}nimda\u{202C}"
    #expect(BidiControls.list(in: line).map(\.control) == [.rightToLeftOverride, .popDirectionalFormatting])
    #expect(BidiControls.strip(line) == "access = nimda")
    #expect(try BidiControls.audit(line).map(\.kind) == [.override, .displayOrderDiffers])
  }

  @Test func segments() throws {
    let words = try Segmenter(unit: .word, locale: "he").segments(of: "ח\"כ דיבר ב-2024")
    #expect(words.filter { $0.kind != .space }.map(\.text) == ["ח\"כ", "דיבר", "ב", "-", "2024"])
    #expect(words[0].script == .hebrew)
    #expect(words[0].hebrewRole == .acronym)
    let sentences = try Segmenter(unit: .sentence, locale: "en")
      .segments(of: "Mr. Smith left. He came back.")
    #expect(sentences.map(\.text) == ["Mr. Smith left. ", "He came back."])
    var text = "שלום Dan 2024\n"
    var count = 0
    try text.withUTF8 { bytes in
      try Segmenter(unit: .word).forEachSegment(utf8: bytes) { segment in
        if segment.kind == .word { count += 1 }
      }
    }
    #expect(count == 2)
    let plain = try Segmenter(unit: .word, hebrew: []).segments(of: "ב2024")
    #expect(plain.map(\.text) == ["ב2024"])
    let refined = try Segmenter(unit: .word).segments(of: "ב2024")
    #expect(refined.map(\.text) == ["ב", "2024"])
  }

  @Test func prefixes() {
    let analyzer = HebrewPrefixAnalyzer(lexicon: ["באקו", "אירופה"])
    #expect(analyzer.best(of: "בבאקו").description == "ב+באקו")
    #expect(analyzer.best(of: "באקו").isUnsplit)
    #expect(analyzer.best(of: "שבאירופה").prefixText == "שב")
    #expect(HebrewPrefixAnalyzer().best(of: "ב-2024").stem == "2024")
  }

  @Test func reader() throws {
    var reader = CorpusLineReader()
    reader.encoding = .auto
    var lines = 0
    try reader.forEachChunk(ofBytes: Array("שלום\nDan\n".utf8)) { chunk in
      chunk.forEachLine { number, offset, line in lines += 1 }
    }
    #expect(lines == 2)
  }
}

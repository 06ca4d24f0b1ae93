import Testing
@testable import TextKitLinux

@Suite("DocumentWords")
struct DocumentWordsTests {
  func words(_ text: String) -> [String] {
    let b = Array(text.utf8)
    var out: [DocumentWord] = []
    DocumentWords.scan(b, 0..<b.count, into: &out)
    return out.map { String(decoding: b[$0.start..<$0.end], as: UTF8.self) }
  }

  @Test func splitsOnBytesKeepingInnerQuotesAndCuttingPossessives() {
    #expect(words("Rabbi Isayev’s talk, O'Brien's too.") == ["Rabbi", "Isayev", "talk", "O'Brien", "too"])
    #expect(words("ח\"כ ג'ורג' באזרבייג׳ן, ד״ר כהן") == ["ח\"כ", "ג'ורג'", "באזרבייג׳ן", "ד״ר", "כהן"])
    #expect(words("Héctor Москва x") == ["Héctor", "Москва", "x"])
  }

  @Test func flagsGapsAndCase() {
    let text = "Dr. Zamir Isayev\nspoke. Then\n\nBaku"
    let b = Array(text.utf8)
    var out: [DocumentWord] = []
    DocumentWords.scan(b, 0..<b.count, into: &out)
    #expect(out.map(\.capitalized) == [true, true, true, false, true, true])
    #expect(out.map(\.sentenceStart) == [true, true, false, false, true, true])
    #expect(out.map(\.joinedToPrevious) == [false, false, true, true, false, false])
    #expect(out[1].afterPeriod)
    #expect(out.map(\.script) == [.latin, .latin, .latin, .latin, .latin, .latin])
    #expect(out[0].keyHash == DocumentWords.hash("dr"))
  }

  @Test func malformedUTF8IsNeverALetterAndOffsetsStayExact() {
    let b: [UInt8] = Array("Baku ".utf8) + [0xFF, 0xC3] + Array(" באקו".utf8) + [0xE2, 0x80]
    var out: [DocumentWord] = []
    DocumentWords.scan(b, 0..<b.count, into: &out)
    #expect(out.map { String(decoding: b[$0.start..<$0.end], as: UTF8.self) } == ["Baku", "באקו"])
    #expect(out.map(\.script) == [.latin, .hebrew])
  }
}

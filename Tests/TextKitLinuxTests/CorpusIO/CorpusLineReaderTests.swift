import Testing
import TextKitLinux

@Suite("CorpusLineReader")
struct CorpusLineReaderTests {
  /// All lines as (number, offset, text), reading in chunks of `chunkSize` bytes.
  func lines(_ bytes: [UInt8], chunkSize: Int = 1 << 20, _ configure: (inout CorpusLineReader) -> Void = { _ in })
    throws -> (lines: [(Int, Int, String)], report: CorpusLineReader.Report)
  {
    var reader = CorpusLineReader()
    reader.chunkSize = chunkSize
    configure(&reader)
    var result: [(Int, Int, String)] = []
    let report = try reader.forEachChunk(ofBytes: bytes) { chunk in
      #expect(chunk.text.last == 0x0A || chunk.text.count > 0)
      chunk.forEachLine { result.append(($0, $1, String(decoding: $2, as: UTF8.self))) }
    }
    return (result, report)
  }

  @Test func linesNumbersAndOffsetsInAnyChunking() throws {
    let text = "שלום עולם\r\nDan 2024\n\nלא נגמר"
    let expected: [(Int, Int, String)] = [(1, 0, "שלום עולם"), (2, 19, "Dan 2024"), (3, 28, ""), (4, 29, "לא נגמר")]
    for size in [1, 3, 7, 64, 1 << 20] {
      let (got, report) = try lines(Array(text.utf8), chunkSize: size)
      #expect(got.map(\.0) == expected.map(\.0), "chunk \(size)")
      #expect(got.map(\.1) == expected.map(\.1), "chunk \(size)")
      #expect(got.map(\.2) == expected.map(\.2), "chunk \(size)")
      #expect(report.lines == 4)
      #expect(report.bytesIn == text.utf8.count)
    }
  }

  @Test func byteOrderMarkCountsInUTF8Offsets() throws {
    let (got, report) = try lines([0xEF, 0xBB, 0xBF] + Array("a\nb\n".utf8))
    #expect(got.map(\.2) == ["a", "b"])
    #expect(got.map(\.1) == [3, 5])
    #expect(report.encoding.bomLength == 3)
  }

  @Test func legacyEncodingsGivenOrDetected() throws {
    // "שלום, עולם של Dan" in windows-1255 (letters E0–FA), twice.
    let line = "שלום, עולם של Dan".unicodeScalars.map { s in
      s.value >= 0x05D0 ? UInt8(0xE0 + s.value - 0x05D0) : UInt8(s.value)
    }
    let bytes = line + [0x0A] + line + [0x0A]
    for choice in [EncodingChoice.fixed(.windows1255), .auto] {
      let (got, report) = try lines(bytes) { $0.encoding = choice }
      #expect(got.map(\.2) == ["שלום, עולם של Dan", "שלום, עולם של Dan"])
      #expect(report.encoding.encoding == .windows1255)
      // Offsets are in the UTF-8 decoding.
      #expect(got[1].1 == "שלום, עולם של Dan\n".utf8.count)
    }
  }

  @Test func invalidUTF8StopsWithLineAndByte() throws {
    let bytes = Array("ok\nfine\nab".utf8) + [0xC3, 0x28] + Array("cd\n".utf8)
    for size in [2, 1 << 20] {
      var reader = CorpusLineReader()
      reader.chunkSize = size
      let error = #expect(throws: CorpusError.self) {
        try reader.forEachChunk(ofBytes: bytes, name: "t.txt") { _ in }
      }
      #expect(error?.kind == .invalidUTF8)
      #expect(error?.line == 3)
      #expect(error?.byteOffset == 10)
      #expect(error?.description == "t.txt:3:10: invalid UTF-8 (bytes C3 28)")
    }
    let (got, report) = try lines(bytes) { $0.onInvalid = .replace }
    #expect(got.map(\.2) == ["ok", "fine", "ab\u{FFFD}(cd"])
    #expect(report.replacements == 1)
  }

  @Test func errorsFromTheCallerPassThrough() throws {
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try CorpusLineReader().forEachChunk(ofBytes: Array("a\n".utf8)) { _ in throw Stop() }
    }
    let missing = #expect(throws: CorpusError.self) {
      try CorpusLineReader().forEachChunk(of: "/nonexistent/dir/file.txt") { _ in }
    }
    #expect(missing?.kind == .io)
  }
}

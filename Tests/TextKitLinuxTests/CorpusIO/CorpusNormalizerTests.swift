import Foundation
import Synchronization
import Testing
@testable import TextKitLinux

@Suite("Corpus input and output")
struct CorpusNormalizerTests {
  func tempDir() throws -> String {
    let d = NSTemporaryDirectory() + "tkl-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
  }

  @Test func decodesWindows1255AndISO8859_8() throws {
    // "שלום" in windows-1255 / ISO-8859-8: F9 EC E5 ED; with a qamats (C8) in windows-1255.
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .fixed(.windows1255)
    #expect(try job.normalize(bytes: [0xF9, 0xEC, 0xE5, 0xED, 0x0A]).output == Array("שלום\n".utf8))
    #expect(try job.normalize(bytes: [0xF9, 0xC8]).output == Array("שָ".utf8))
    job.encoding = .fixed(.iso8859_8)
    #expect(try job.normalize(bytes: [0xF9, 0xEC, 0xE5, 0xED]).output == Array("שלום".utf8))
  }

  @Test func decodesUTF16WithBOM() throws {
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .auto
    let le: [UInt8] = [0xFF, 0xFE] + Array("שלום a\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    let be: [UInt8] = [0xFE, 0xFF] + Array("שלום a\r\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    let r1 = try job.normalize(bytes: le)
    #expect(r1.output == Array("שלום a\n".utf8))
    #expect(r1.report.encoding.encoding == .utf16LE)
    let r2 = try job.normalize(bytes: be)
    #expect(r2.output == Array("שלום a\n".utf8))
    #expect(r2.report.encoding.encoding == .utf16BE)
  }

  @Test func detectsEncodings() throws {
    #expect(EncodingDetector.detect([0xEF, 0xBB, 0xBF, 0x41]).encoding == .utf8)
    #expect(EncodingDetector.detect([0xEF, 0xBB, 0xBF, 0x41]).bomLength == 3)
    #expect(EncodingDetector.detect(Array("שלום world".utf8)).encoding == .utf8)
    // A Hebrew paragraph in windows-1255: ICU reports ISO-8859-8-I; we decode windows-1255.
    let hebrew = "שלום לכולם, זהו טקסט בעברית שנכתב לבדיקה של זיהוי קידוד. הוא ארוך מספיק כדי שהגלאי יחליט, ויש בו מילים רבות ושונות כמו ירושלים, תל אביב, חיפה ובאר שבע.\n"
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .fixed(.utf8)
    let encoded = try Self.encode(String(repeating: hebrew, count: 4), as: "windows-1255")
    let d = EncodingDetector.detect(encoded)
    #expect(d.encoding == .windows1255, "\(d.reason)")
    job.encoding = .auto
    #expect(try job.normalize(bytes: encoded).output == Array(String(repeating: hebrew, count: 4).utf8))
  }

  /// Encodes with ICU through the library's own decoder run backwards is not available, so use
  /// a small table for the Hebrew letters and ASCII (windows-1255: U+05D0..U+05EA = E0..FA).
  static func encode(_ s: String, as name: String) throws -> [UInt8] {
    try s.unicodeScalars.map { u -> UInt8 in
      if u.value < 0x80 { return UInt8(u.value) }
      if (0x5D0...0x5EA).contains(u.value) { return UInt8(u.value - 0x5D0 + 0xE0) }
      throw CorpusError(kind: .usage, file: name, message: "unencodable")
    }
  }

  @Test func invalidUTF8ErrorNamesLineAndByte() throws {
    let job = CorpusNormalizer(profile: .nfc)
    let bytes = Array("first line\nsecond ".utf8) + [0xC3, 0x28] + Array(" rest\n".utf8)
    #expect {
      _ = try job.normalize(bytes: bytes, name: "in.txt")
    } throws: { error in
      guard let e = error as? CorpusError else { return false }
      return e.kind == .invalidUTF8 && e.line == 2 && e.byteOffset == 18 && e.bytes == [0xC3, 0x28]
        && e.description == "in.txt:2:18: invalid UTF-8 (bytes C3 28)"
    }
  }

  @Test func replaceCountsSubstitutions() throws {
    var job = CorpusNormalizer(profile: .nfc)
    job.onInvalid = .replace
    let r = try job.normalize(bytes: [0x61, 0xFF, 0x62, 0xC3, 0x28, 0xE2, 0x82])
    #expect(r.output == Array("a\u{FFFD}b\u{FFFD}(\u{FFFD}".utf8))
    #expect(r.report.replacements == 3)
  }

  @Test func invalidLegacyBytesAreReported() throws {
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .fixed(.iso8859_8)
    // 0xFF is undefined in ISO-8859-8.
    #expect(throws: CorpusError.self) { _ = try job.normalize(bytes: [0x61, 0x0A, 0xFF]) }
    job.onInvalid = .replace
    let r = try job.normalize(bytes: [0x61, 0x0A, 0xFF])
    #expect(r.report.replacements == 1)
    #expect(r.output == Array("a\n\u{FFFD}".utf8))
  }

  @Test func invalidLegacyBytesNameTheirLine() throws {
    // ICU does not write out the text before the bad bytes: the line is counted in the input.
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .fixed(.iso8859_8)
    let legacy = Array("l1\nl2\nl3\n".utf8) + [0xE0, 0xC0, 0x0A]
    do {
      _ = try job.normalize(bytes: legacy)
      Issue.record("no error")
    } catch let e as CorpusError {
      #expect(e.line == 4 && e.byteOffset == 10, "\(e)")
    }
    job.encoding = .fixed(.utf16LE)
    let utf16: [UInt8] = [0x61, 0, 0x0A, 0, 0x62, 0, 0x0A, 0, 0x63, 0, 0x0A, 0, 0x00, 0xD8, 0x78, 0x00]  // a b c, lone surrogate
    do {
      _ = try job.normalize(bytes: utf16)
      Issue.record("no error")
    } catch let e as CorpusError {
      #expect(e.line == 4 && e.byteOffset == 12, "\(e)")
    }
  }

  @Test("streaming in small chunks gives the same bytes as one chunk", arguments: [7, 64, 1000])
  func chunkingIsInvisible(chunk: Int) throws {
    var line = "e\u{301}\u{302} שָׁלוֹם ג'ורג' \u{1F468}\u{200D}\u{1F4BB} caf\u{E9}\u{A0}x\r\n"
    line += String(repeating: "\u{5D0}\u{5B8}", count: 300) + "\n"  // a long line without ASCII
    let text = Array(String(repeating: line, count: 20).utf8)
    var whole = CorpusNormalizer(profile: .clean)
    whole.chunkSize = 1 << 20
    var small = whole
    small.chunkSize = chunk
    #expect(try small.normalize(bytes: text).output == whole.normalize(bytes: text).output)
    #expect(try whole.normalize(bytes: text).output == Array(TextNormalizer(profile: .clean).normalize(String(decoding: text, as: UTF8.self)).utf8))
  }

  @Test func keepLineEndsAndBOM() throws {
    var job = CorpusNormalizer(profile: .nfc)
    #expect(try job.normalize(bytes: [0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8)).output == Array("a\nb".utf8))
    job.keepLineEnds = true
    #expect(try job.normalize(bytes: Array("a\r\nb".utf8)).output == Array("a\r\nb".utf8))
  }

  @Test func jsonLinesFieldOnly() throws {
    var job = CorpusNormalizer(profile: .clean)
    job.jsonField = ["doc", "text"]
    let input = "{\"id\": 1, \"doc\": {\"text\": \"ג'ורג\\u2019 \\\"x\\\"\\u00a0y\", \"raw\": \"\\u00a0\"}}\n{\"doc\":{\"text\":\"caf\\u0065\\u0301\"},\"z\":[1,2.5e3,true,null]}\n"
    let out = String(decoding: try job.normalize(bytes: Array(input.utf8)).output, as: UTF8.self)
    #expect(out == "{\"id\": 1, \"doc\": {\"text\": \"ג׳ורג׳ \\\"x\\\" y\", \"raw\": \"\\u00a0\"}}\n{\"doc\":{\"text\":\"café\"},\"z\":[1,2.5e3,true,null]}\n")
  }

  @Test func badJSONLineIsAnErrorWithItsLine() throws {
    var job = CorpusNormalizer(profile: .nfc)
    job.jsonField = ["text"]
    let input = "{\"text\": \"ok\"}\n{\"text\": \"unterminated}\n"
    #expect {
      _ = try job.normalize(bytes: Array(input.utf8), name: "r.jsonl")
    } throws: { error in
      (error as? CorpusError).map { $0.kind == .badJSON && $0.line == 2 } ?? false
    }
    #expect(throws: CorpusError.self) { _ = try job.normalize(bytes: Array("{\"other\": 1}\n".utf8)) }
  }

  @Test func atomicFileWriteLeavesOriginalOnFailure() throws {
    let dir = try tempDir()
    let path = dir + "/doc.txt"
    let original = Array("good line\n".utf8) + [0xC3, 0x28] + Array("\n".utf8)
    FileManager.default.createFile(atPath: path, contents: Data(original))
    let job = CorpusNormalizer(profile: .clean)
    #expect(throws: CorpusError.self) { try job.normalizeFile(at: path, to: path) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(original))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["doc.txt"])  // no temp left
    // A good rewrite replaces it.
    FileManager.default.createFile(atPath: path, contents: Data("a\u{A0}b\r\n".utf8))
    try job.normalizeFile(at: path, to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a b\n")
  }

  @Test func outputThroughLinksAndIntoFIFOs() throws {
    let dir = try tempDir()
    let fm = FileManager.default
    fm.createFile(atPath: dir + "/in.txt", contents: Data("a\u{A0}b\n".utf8))
    let job = CorpusNormalizer(profile: .clean)
    // A symbolic link: the file it points to is rewritten, the link stays a link.
    fm.createFile(atPath: dir + "/target.txt", contents: Data("old\n".utf8))
    try fm.createSymbolicLink(atPath: dir + "/link.txt", withDestinationPath: "target.txt")
    try job.normalizeFile(at: dir + "/in.txt", to: dir + "/link.txt")
    #expect(try fm.destinationOfSymbolicLink(atPath: dir + "/link.txt") == "target.txt")
    #expect(try String(contentsOfFile: dir + "/target.txt", encoding: .utf8) == "a b\n")
    // A dangling link is refused, and nothing is created.
    try fm.createSymbolicLink(atPath: dir + "/dangling.txt", withDestinationPath: "missing.txt")
    #expect(throws: CorpusError.self) { try job.normalizeFile(at: dir + "/in.txt", to: dir + "/dangling.txt") }
    #expect(!fm.fileExists(atPath: dir + "/missing.txt"))
    // A FIFO is written into, not replaced by a regular file.
    let fifo = dir + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    // The reader reads to end of file (Data(contentsOf:) may stop at the FIFO's size, 0,
    // and close it before the write: SIGPIPE).
    let received = Mutex<[UInt8]>([])
    let done = DispatchSemaphore(value: 0)
    let reader = Thread {
      let fd = open(fifo, O_RDONLY)
      var buffer = [UInt8](repeating: 0, count: 4096)
      while fd >= 0 {
        let n = read(fd, &buffer, buffer.count)
        if n <= 0 { break }
        received.withLock { $0 += buffer[0..<n] }
      }
      if fd >= 0 { close(fd) }
      done.signal()
    }
    reader.start()
    try job.normalizeFile(at: dir + "/in.txt", to: fifo)
    done.wait()
    #expect(received.withLock { $0 } == Array("a b\n".utf8))
    let type = try fm.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
    #expect(type != nil && type != .typeRegular)
    #expect(try fm.contentsOfDirectory(atPath: dir).sorted() == ["dangling.txt", "in.txt", "link.txt", "pipe", "target.txt"])
  }

  @Test func treeSkipsLinksOutsideTheRoot() throws {
    let dir = try tempDir()
    let outside = try tempDir()
    try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: dir + "/a.txt", contents: Data("a".utf8))
    FileManager.default.createFile(atPath: dir + "/sub/b.txt", contents: Data("b".utf8))
    FileManager.default.createFile(atPath: dir + "/sub/c.md", contents: Data("c".utf8))
    FileManager.default.createFile(atPath: outside + "/secret.txt", contents: Data("s".utf8))
    try FileManager.default.createSymbolicLink(atPath: dir + "/leak.txt", withDestinationPath: outside + "/secret.txt")
    try FileManager.default.createSymbolicLink(atPath: dir + "/inside.txt", withDestinationPath: dir + "/a.txt")
    let tree = try CorpusTree(root: dir, include: "*.txt")
    #expect(tree.files == ["a.txt", "inside.txt", "sub/b.txt"])
    #expect(tree.skipped.map(\.path) == ["leak.txt"])
  }
}

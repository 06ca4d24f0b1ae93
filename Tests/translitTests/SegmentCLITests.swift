import Foundation
import Testing

/// Runs the built `translit` (next to the test bundle) with `arguments`, feeding `input` on
/// standard input. Shared by the segment and bidi CLI tests.
func runSegTranslit(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String) {
  let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  var binary = dir.appendingPathComponent("translit")
  if !FileManager.default.fileExists(atPath: binary.path) {
    binary = dir.deletingLastPathComponent().appendingPathComponent("translit")
  }
  let inputFile = FileManager.default.temporaryDirectory
    .appendingPathComponent("seg-cli-\(UUID().uuidString).txt")
  try input.write(to: inputFile, atomically: true, encoding: .utf8)
  defer { try? FileManager.default.removeItem(at: inputFile) }
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  process.standardInput = try FileHandle(forReadingFrom: inputFile)
  let out = Pipe(), err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
          String(decoding: errData, as: UTF8.self))
}

func writeSegTempFile(_ bytes: [UInt8]) throws -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("seg-cli-\(UUID().uuidString).txt")
  try Data(bytes).write(to: url)
  return url.path
}

@Suite("translit segment")
struct SegmentCLITests {
  @Test func unknownLocaleIsAUsageError() throws {
    // ICU opens break rules for any string (falling back to root): a typo must not pass silently.
    for locale in ["hebrew", "xx", "en_QQ"] {
      let r = try runSegTranslit(["segment", "--locale", locale], input: "שלום\n")
      #expect(r.status == 64 && r.out.isEmpty, "\(locale): \(r.status)")
    }
    for locale in ["he", "en_US", "az-Latn-AZ", "und", "root", "es_419", "en-001", "C", "POSIX"] {
      #expect(try runSegTranslit(["segment", "--locale", locale], input: "שלום\n").out == "שלום\n", "\(locale)")
    }
  }

  @Test func writeFailureIsAnIOError() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let dir = try CLI.tempDir()
    try CLI.write(dir + "/a.txt", Array("שלום עולם\n".utf8))
    let r = try CLI.run(["segment", dir + "/a.txt"], stdoutPath: "/dev/full")
    #expect(r.status == 74)
    #expect(r.stderr.contains("write failed"))
  }

  @Test func textFormatOneSegmentPerLine() throws {
    let r = try runSegTranslit(["segment"], input: "ח\"כ כהן ביקר ב-2024.\n")
    #expect(r.status == 0)
    #expect(r.out == "ח\"כ\nכהן\nביקר\nב\n-\n2024\n.\n")
  }

  @Test func jsonlHasByteOffsetsAndFields() throws {
    let line1 = "Hello עולם\n"
    let r = try runSegTranslit(["segment", "--format", "jsonl"], input: line1 + "שלום 5\n")
    #expect(r.status == 0)
    let objects = try r.out.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    let bytes = Array((line1 + "שלום 5\n").utf8)
    for o in objects {
      let start = o["start"] as! Int, end = o["end"] as! Int
      #expect(String(decoding: bytes[start..<end], as: UTF8.self) == o["text"] as! String)
      #expect(o["input"] as? String == "<stdin>")
    }
    let olam = try #require(objects.first { $0["text"] as? String == "עולם" })
    #expect(olam["kind"] as? String == "word")
    #expect(olam["script"] as? String == "Hebr")
    #expect(olam["dir"] as? String == "rtl")
    #expect(olam["line"] as? Int == 1)
    let five = try #require(objects.first { $0["text"] as? String == "5" })
    #expect(five["kind"] as? String == "number")
    #expect(five["line"] as? Int == 2)
    #expect(five["start"] as? Int == line1.utf8.count + "שלום ".utf8.count)
  }

  @Test func tsvBatchesKeepOffsetsEscapesAndLongSegments() throws {
    // Thousands of segments (several batches), offsets crossing 9 -> 10 ... 9999 -> 10000.
    let many = try runSegTranslit(["segment", "--format", "tsv"],
                                  input: String(repeating: "a ", count: 6000) + "\nb\n")
    var expected = ""
    for i in 0..<6000 {
      expected += "\(2 * i)\t\(2 * i + 1)\tword\tLatn\tltr\ta\n"
      expected += "\(2 * i + 1)\t\(2 * i + 2)\tspace\tZyyy\tneutral\t \n"
    }
    expected += "12001\t12002\tword\tLatn\tltr\tb\n"
    #expect(many.out == expected)
    // Tab and backslash escaped; a segment longer than a batch line; Hebrew after it.
    let long = String(repeating: "x", count: 20000)
    let mixed = try runSegTranslit(["segment", "--format", "tsv"], input: "a\\b\tc\n\(long) שלום\n")
    #expect(mixed.out == """
      0\t1\tword\tLatn\tltr\ta
      1\t2\tpunctuation\tZyyy\tneutral\t\\\\
      2\t3\tword\tLatn\tltr\tb
      3\t4\tspace\tZyyy\tneutral\t\\t
      4\t5\tword\tLatn\tltr\tc
      6\t20006\tword\tLatn\tltr\t\(long)
      20006\t20007\tspace\tZyyy\tneutral\t\u{20}
      20007\t20015\tword\tHebr\trtl\tשלום

      """)
  }

  /// TSV (one C pass for plain lines, batches for Hebrew and ICU lines) says what JSON lines
  /// (one segment at a time) say, over lines that switch between the paths, CRLF line ends,
  /// tabs and backslashes, and a segment too long for a batch line.
  @Test func tsvMatchesJSONLinesAcrossLineKinds() throws {
    let lines = [
      "Hello, world: it's 3.14 a_b\tc\\d\r\n", "שלום ח\"כ ב-2024 הCIA ג'ורג'\n", "ok 👍🏽 done\n",
      "plain text again\n", "\n", "  two  spaces\u{3000}and\u{A0}more\n", "ภาษาไทย ok\n",
      String(repeating: "y", count: 17000) + " tail\n", "last line without end",
    ]
    var input = ""
    for i in 0..<40 { input += lines[(i * 7) % lines.count] }
    let tsv = try runSegTranslit(["segment", "--format", "tsv"], input: input)
    let jsonl = try runSegTranslit(["segment", "--format", "jsonl"], input: input)
    #expect(tsv.status == 0 && jsonl.status == 0)
    var expected = ""
    for line in jsonl.out.split(separator: "\n") {
      let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      let text = (o["text"] as! String).replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\t", with: "\\t")
      expected += "\(o["start"] as! Int)\t\(o["end"] as! Int)\t\(o["kind"] as! String)\t"
        + "\(o["script"] as! String)\t\(o["dir"] as! String)\t\(text)\n"
    }
    #expect(tsv.out.count > 1000)
    #expect(tsv.out == expected)
  }

  @Test func tsvAndUnitsAndPrefixes() throws {
    let tsv = try runSegTranslit(["segment", "--format", "tsv"], input: "a b\n")
    #expect(tsv.out == "0\t1\tword\tLatn\tltr\ta\n1\t2\tspace\tZyyy\tneutral\t \n2\t3\tword\tLatn\tltr\tb\n")
    let sentences = try runSegTranslit(["segment", "--unit", "sentence", "--locale", "en"],
                                       input: "Mr. Smith left. He came back.\n")
    #expect(sentences.out == "Mr. Smith left. \nHe came back.\n")
    let runs = try runSegTranslit(["segment", "--unit", "run", "--format", "tsv"], input: "שלום Dan\n")
    #expect(runs.out.contains("\trun\tLatn\tltr\tDan"))
    let split = try runSegTranslit(["segment", "--split-prefixes"], input: "ובאזרבייג׳ן בית\n")
    #expect(split.out == "ו\nבאזרבייג׳ן\nבית\n")
    let places = try writeSegTempFile(Array("באקו\nאזרבייג׳ן\n".utf8))
    defer { unlink(places) }
    let known = try runSegTranslit(["segment", "--split-prefixes", "--lexicon", places],
                                   input: "ובאזרבייג׳ן בבאקו באקו\n")
    #expect(known.out == "וב\nאזרבייג׳ן\nב\nבאקו\nבאקו\n")
    // Input files are read for their own words first: לביטחון keeps ביטחון whole.
    let article = try writeSegTempFile(Array("ביטחון\nלביטחון בבאקו\nבאקו\n".utf8))
    defer { unlink(article) }
    let own = try runSegTranslit(["segment", "--split-prefixes", article])
    #expect(own.out == "ביטחון\nל\nביטחון\nב\nבאקו\nבאקו\n", "\(own.out)")
    // Standard input is read once (no evidence pass), and still segmented.
    let piped = try runSegTranslit(["segment", "--split-prefixes"], input: "לביטחון\n")
    #expect(piped.status == 0 && piped.out == "ל\nביטחון\n")
  }

  @Test func errorsAndExitCodes() throws {
    let missing = try runSegTranslit(["segment", "/nonexistent/file.txt"])
    #expect(missing.status == 74)
    #expect(missing.err.contains("/nonexistent/file.txt"))
    let bad = try writeSegTempFile([0x61, 0x0A, 0xFF, 0x62, 0x0A])
    defer { unlink(bad) }
    let r = try runSegTranslit(["segment", bad])
    #expect(r.status == 65)
    #expect(r.err.contains("\(bad):2:2: invalid UTF-8 (bytes FF"))
    #expect(r.out == "")  // as with `normalize`: nothing is written for a bad file
    let good = try writeSegTempFile(Array("x\n".utf8))
    defer { unlink(good) }
    let partial = try runSegTranslit(["segment", good, "/nonexistent/file.txt"])
    #expect(partial.status == 1)
    #expect(partial.out == "x\n")
    let usage = try runSegTranslit(["segment", "--unit", "paragraph"])
    #expect(usage.status == 64)
    let help = try runSegTranslit(["segment", "--help"])
    #expect(help.out.contains("UTF-8 byte offsets"))
  }
}

/// Decoding, error positions and exit codes shared with `translit normalize`.
@Suite("translit segment and bidi input")
struct SegmentInputCLITests {
  /// "שלום עולם, זה מבחן של Dan.\n" in windows-1255 (Hebrew letters are E0–FA there).
  static let hebrew = "שלום עולם, זה מבחן של Dan.\n"
  static func windows1255(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { s in
      s.value >= 0x05D0 && s.value <= 0x05EA ? UInt8(0xE0 + s.value - 0x05D0) : UInt8(s.value)
    }
  }

  @Test func windows1255InputGivenOrDetected() throws {
    let file = try writeSegTempFile(Self.windows1255(Self.hebrew))
    defer { unlink(file) }
    let expected = try runSegTranslit(["segment", "--format", "tsv"], input: Self.hebrew)
    #expect(expected.status == 0)
    #expect(expected.out.hasPrefix("0\t8\tword\tHebr\trtl\tשלום\n"))
    let given = try runSegTranslit(["segment", "--format", "tsv", "--encoding", "windows-1255", file])
    #expect(given.status == 0)
    #expect(given.out == expected.out)  // offsets are in the UTF-8 decoding
    let auto = try runSegTranslit(["segment", "--format", "tsv", "--encoding", "auto", "--verbose", file])
    #expect(auto.out == expected.out)
    #expect(auto.err.contains("windows-1255"))
    // Without --encoding the bytes are not UTF-8: an error naming line and byte, no output.
    let plain = try runSegTranslit(["segment", file])
    #expect(plain.status == 65)
    #expect(plain.err.contains("\(file):1:0: invalid UTF-8 (bytes F9"))
    #expect(plain.out.isEmpty)
    // Legacy visual-order text in windows-1255: detected and repaired.
    let visual = try runSegTranslit(["bidi", "--to-visual"], input: Self.hebrew).out
    #expect(visual != Self.hebrew)
    let legacy = try writeSegTempFile(Self.windows1255(visual))
    defer { unlink(legacy) }
    let detect = try runSegTranslit(["bidi", "--detect", "--encoding", "windows-1255", legacy])
    #expect(detect.status == 0)
    #expect(detect.out.hasPrefix("visual\t"))
    let repaired = try runSegTranslit(["bidi", "--to-logical", "--encoding", "cp1255", legacy])
    #expect(repaired.out == Self.hebrew)
  }

  @Test func utf16WithByteOrderMark() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "שלום 2024\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let file = try writeSegTempFile(bytes)
    defer { unlink(file) }
    let r = try runSegTranslit(["segment", "--encoding", "auto", file])
    #expect(r.status == 0)
    #expect(r.out == "שלום\n2024\n")
  }

  @Test func invalidUTF8NamesLineAndByteOrIsReplaced() throws {
    let file = try writeSegTempFile(Array("ok\nfine\nab".utf8) + [0xC3, 0x28] + Array("cd\n".utf8))
    defer { unlink(file) }
    for command in [["segment"], ["bidi", "--detect"]] {
      let r = try runSegTranslit(command + [file])
      #expect(r.status == 65)
      #expect(r.err.contains("\(file):3:10: invalid UTF-8 (bytes C3 28)"))
      #expect(r.out.isEmpty)
    }
    let replaced = try runSegTranslit(["segment", "--on-invalid", "replace", file])
    #expect(replaced.status == 0)
    #expect(replaced.out == "ok\nfine\nab\n\u{FFFD}\n(\ncd\n")
    #expect(replaced.err.contains("replaced 1 invalid sequence"))
    let stdin = try runSegTranslit(["bidi", "--detect", "-"], input: "a\n")
    #expect(stdin.status == 0)
    #expect(stdin.out == "none\t1.0\n")
  }

  @Test func exitCodes() throws {
    let good = try writeSegTempFile(Array("x\n".utf8))
    let bad = try writeSegTempFile([0x78, 0xFF, 0x0A])
    defer { unlink(good); unlink(bad) }
    #expect(try runSegTranslit(["segment", good]).status == 0)
    #expect(try runSegTranslit(["segment", bad]).status == 65)
    #expect(try runSegTranslit(["bidi", bad]).status == 65)
    let some = try runSegTranslit(["bidi", "--strip-controls", good, bad])
    #expect(some.status == 1)
    #expect(some.out == "x\n")
    #expect(try runSegTranslit(["bidi", "/nonexistent/input.txt"]).status == 74)
    #expect(try runSegTranslit(["segment", "--encoding", "no-such-charset", good]).status == 64)
    #expect(try runSegTranslit(["bidi", "--format", "yaml"]).status == 64)
    let help = try runSegTranslit(["bidi", "--help"])
    #expect(help.out.contains("--encoding"))
    #expect(help.out.contains("Exit codes"))
  }
}

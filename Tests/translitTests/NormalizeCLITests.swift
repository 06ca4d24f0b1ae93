import Foundation
import Testing
@testable import translit
import TextKitLinux

@Suite("translit normalize (end to end)")
struct NormalizeCLITests {
  @Test func stdinToStdout() throws {
    let r = try CLI.run(["normalize", "--profile", "clean"], stdin: Data("ג'ורג'\u{A0}\u{200F}said \u{201C}hi\u{201D}\r\n".utf8))
    #expect(r.status == 0)
    #expect(r.out == "ג׳ורג׳ said \"hi\"\n")
  }

  @Test func sampleRuns() throws {
    let r = try CLI.run(["normalize", "--sample", "--profile", "clean"])
    #expect(r.status == 0)
    #expect(r.out.contains("ג׳ורג׳"))
    #expect(!r.out.contains("\r"))
  }

  @Test func invalidUTF8ExitsWithDataErrorAndWritesNothing() throws {
    let dir = try CLI.tempDir()
    try CLI.write(dir + "/bad.txt", Array("one\ntwo ".utf8) + [0xC3, 0x28] + Array("\n".utf8))
    let r = try CLI.run(["normalize", dir + "/bad.txt"])
    #expect(r.status == 65)
    #expect(r.out.isEmpty)
    #expect(r.stderr.contains("bad.txt:2:8: invalid UTF-8 (bytes C3 28)"))
    let replaced = try CLI.run(["normalize", "--on-invalid", "replace", dir + "/bad.txt"])
    #expect(replaced.status == 0)
    #expect(replaced.out == "one\ntwo \u{FFFD}(\n")
    #expect(replaced.stderr.contains("replaced 1"))
  }

  @Test func someInputsFailExitOne() throws {
    let dir = try CLI.tempDir()
    try CLI.write(dir + "/a.txt", Array("a\u{A0}\n".utf8))
    try CLI.write(dir + "/b.txt", [0xFF])
    for jobs in ["1", "2"] {
      let r = try CLI.run(["normalize", "--profile", "clean", "--jobs", jobs, dir + "/a.txt", dir + "/b.txt", dir + "/a.txt"])
      #expect(r.status == 1)
      #expect(r.out == "a \na \n")
    }
    let missing = try CLI.run(["normalize", dir + "/nope.txt"])
    #expect(missing.status == 74)
    #expect(missing.stderr.contains("nope.txt"))
  }

  @Test func directoryMirror() throws {
    let dir = try CLI.tempDir()
    try CLI.write(dir + "/in/x.txt", Array("x\u{2009}y\r\n".utf8))
    try CLI.write(dir + "/in/deep/y.txt", Array("\u{FB2A}".utf8))
    try CLI.write(dir + "/in/deep/skip.md", Array("z".utf8))
    let r = try CLI.run(["normalize", "--profile", "clean", "--include", "*.txt", dir + "/in", "-o", dir + "/out"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try CLI.read(dir + "/out/x.txt") == "x y\n")
    #expect(try CLI.read(dir + "/out/deep/y.txt") == "ש\u{5C1}")
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/deep/skip.md"))
  }

  @Test func inPlaceIsAtomic() throws {
    let dir = try CLI.tempDir()
    let good = dir + "/good.txt", bad = dir + "/bad.txt"
    try CLI.write(good, Array("a\u{A0}b\n".utf8))
    let badBytes: [UInt8] = Array("fine\u{A0}line\n".utf8) + [0xE2, 0x28, 0xA1]
    try CLI.write(bad, badBytes)
    let r = try CLI.run(["normalize", "--in-place", "--profile", "clean", good, bad])
    #expect(r.status == 1)
    #expect(try CLI.read(good) == "a b\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: bad)) == Data(badBytes))  // byte-identical
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["bad.txt", "good.txt"])
  }

  @Test func writeFailureIsAnIOError() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let dir = try CLI.tempDir()
    try CLI.write(dir + "/a.txt", Array(String(repeating: "text\n", count: 100_000).utf8))
    let r = try CLI.run(["normalize", dir + "/a.txt"], stdoutPath: "/dev/full")
    #expect(r.status == 74)
    #expect(r.stderr.contains("No space left"))
  }

  @Test func jsonlField() throws {
    let input = "{\"id\":1,\"text\":\"caf\\u0065\\u0301 \\u00a0x\"}\n{\"id\":2,\"text\":\"ok\"}\nnot json\n"
    let r = try CLI.run(["normalize", "--jsonl", "--field", "text", "--profile", "clean"], stdin: Data(input.utf8))
    #expect(r.status == 65)
    #expect(r.stderr.contains(":3"))
    let ok = try CLI.run(["normalize", "--jsonl", "--field", "text", "--profile", "clean"], stdin: Data(input.split(separator: "\n").prefix(2).joined(separator: "\n").utf8 + [0x0A]))
    #expect(ok.status == 0)
    #expect(ok.out == "{\"id\":1,\"text\":\"café  x\"}\n{\"id\":2,\"text\":\"ok\"}\n")
  }

  @Test func legacyEncodingAuto() throws {
    let dir = try CLI.tempDir()
    // "שלום עולם" in windows-1255, repeated so ICU's detector has enough to go on.
    let word: [UInt8] = [0xF9, 0xEC, 0xE5, 0xED, 0x20, 0xF2, 0xE5, 0xEC, 0xED, 0x2C, 0x20, 0xE6, 0xE4, 0x20, 0xE8, 0xF7, 0xF1, 0xE8, 0x2E, 0x0A]
    try CLI.write(dir + "/old.txt", Array(Array(repeating: word, count: 30).joined()))
    let r = try CLI.run(["normalize", "--encoding", "auto", "--verbose", dir + "/old.txt"])
    #expect(r.status == 0)
    #expect(r.out.hasPrefix("שלום עולם, זה טקסט.\n"))
    #expect(r.stderr.contains("windows-1255"))
    let unknown = try CLI.run(["normalize", "--encoding", "no-such-charset", dir + "/old.txt"])
    #expect(unknown.status == 64)
  }

  @Test func shortPointedLegacyEncodingAuto() throws {
    let dir = try CLI.tempDir()
    // "שָׁלוֹם עוֹלָם" in windows-1255 (iconv): ICU alone guesses ISO-8859-6, which fails on F9.
    let line: [UInt8] = [0xF9, 0xC8, 0xD1, 0xEC, 0xE5, 0xC9, 0xED, 0x20, 0xF2, 0xE5, 0xC9, 0xEC, 0xC8, 0xED, 0x0A]
    try CLI.write(dir + "/pointed.txt", line)
    let r = try CLI.run(["normalize", "--encoding", "auto", "--verbose", dir + "/pointed.txt"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.out == "שָׁלוֹם עוֹלָם\n")
    #expect(r.stderr.contains("windows-1255"))
    let t = try CLI.run(["transliterate", "--scheme", "academy", "--encoding", "auto", dir + "/pointed.txt"])
    let expected = try CLI.run(["transliterate", "--scheme", "academy"], stdin: Data("שָׁלוֹם עוֹלָם\n".utf8))
    #expect(t.status == 0, "\(t.stderr)")
    #expect(t.out == expected.out && !t.out.isEmpty)
    // Without --encoding the input is UTF-8, and these bytes are not.
    let plain = try CLI.run(["normalize", dir + "/pointed.txt"])
    #expect(plain.status == 65)
    #expect(plain.stderr.contains("invalid UTF-8 (bytes F9 C8)"))
  }

  @Test func statsJSON() throws {
    let r = try CLI.run(["normalize", "--profile", "clean", "--stats"], stdin: Data("a\u{A0}b".utf8))
    #expect(r.status == 0)
    #expect(r.stderr.contains("\"spaces\":1"))
    #expect(r.stderr.contains("\"bytes_in\":4"))
  }

  @Test func usageErrors() throws {
    #expect(try CLI.run(["normalize", "--form", "nfc", "--profile", "clean"]).status == 64)
    #expect(try CLI.run(["normalize", "--profile", "bogus"]).status == 64)
    #expect(try CLI.run(["normalize", "--in-place"]).status == 64)
  }

  @Test func helpShowsExamplesAndExitCodes() throws {
    let r = try CLI.run(["normalize", "--help"])
    #expect(r.status == 0)
    #expect(r.out.contains("translit normalize --sample --profile clean"))
    #expect(r.out.contains("65 bad"))
    #expect(r.out.contains("74 I/O error"))
  }

  @Test func parsesAsRoot() throws {
    let cmd = try TranslitCommand.parseAsRoot(["normalize", "--profile", "search", "--marks", "none", "a.txt"])
    let n = try #require(cmd as? TranslitCommand.Normalize)
    #expect(n.profile == .search)
    #expect(n.marks == HebrewMarkPolicy.dropAll)
    #expect(n.inputs == ["a.txt"])
  }
}

@Suite("translit normalize --fix-visual")
struct FixVisualCLITests {
  @Test func repairsVisualLinesOnly() throws {
    let logical = ["שלום לכולם, מה שלומכם היום בבוקר?", "הפגישה נקבעה לשעה מוקדמת מאוד"]
    let visual = try logical.map { try VisualOrderRepair.toVisual($0, direction: .rightToLeft) }
    #expect(visual != logical)
    let input = (visual + ["An English line stays.", logical[1]]).joined(separator: "\n") + "\n"
    let r = try CLI.run(["normalize", "--fix-visual", "--stats"], stdin: Data(input.utf8))
    #expect(r.status == 0)
    #expect(r.out == (logical + ["An English line stays.", logical[1]]).joined(separator: "\n") + "\n")
    #expect(r.stderr.contains("\"visual_lines_repaired\":2"))
  }
}

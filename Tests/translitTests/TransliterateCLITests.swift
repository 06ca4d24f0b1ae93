import ArgumentParser
import Foundation
import Testing
@testable import translit
import TextKitLinux

@Suite("translit transliterate")
struct TransliterateCLITests {
  func command(_ args: [String]) throws -> TranslitCommand.Transliterate {
    let c = try TranslitCommand.parseAsRoot(["transliterate"] + args)
    return try #require(c as? TranslitCommand.Transliterate)
  }

  @Test func parsesOptions() throws {
    let t = try command(["--names", "--candidates", "5", "--to", "hebrew", "--geresh", "geresh"])
    #expect(t.names && t.candidates == 5 && t.to == .hebrew && t.geresh == .geresh)
  }

  @Test func rejectsBadOptions() {
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["transliterate", "--candidates", "0"]) }
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["transliterate", "--from", "ru", "--to", "hebrew"]) }
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["transliterate", "--scheme", "bgn"]) }
  }

  @Test(arguments: [
    ["--candidates", "3"],  // running text has one reading a word
    ["--names", "--split-prefixes"],  // a name has no prefixes to split
    ["--to", "hebrew", "--split-prefixes"],
    ["--scheme", "academy", "--split-prefixes"],
    ["--geresh", "geresh"],  // Latin output has no geresh
    ["--scheme", "academy", "--from", "ru"],
    ["--scheme", "academy", "--from", "az"],
  ])
  func optionsWithoutEffectAreErrors(_ args: [String]) {
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["transliterate"] + args) }
  }

  @Test func optionsThatFitTogether() throws {
    #expect(try command(["--names", "--candidates", "100"]).count == 100)
    #expect(try command(["--names"]).count == 1)
    #expect(try command(["--split-prefixes"]).splitPrefixes)
    #expect(try command(["--to", "hebrew", "--geresh", "apostrophe"]).geresh == .apostrophe)
  }

  @Test func namesAsTextKeepTheirColumns() throws {
    let c = try command(["--names", "--candidates", "2", "--format", "text"])
    let line = c.process("הרצוג\tטראמפ", try c.makeTransliterator(), jsonl: false)
    let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
    #expect(columns.count == 2 && columns[0] == "Herzog Trump", "\(line)")
  }

  @Test func fromSelectsTheScriptRead() throws {
    let text = "Исаев טראמפ Αθήνα"
    func run(_ args: [String], _ line: String = text) throws -> String {
      let c = try command(args)
      return c.process(line, try c.makeTransliterator(), jsonl: false)
    }
    #expect(try run(["--from", "ru"]) == "Isaev טראמפ Αθήνα")
    #expect(try run(["--from", "he"]) == "Исаев Trump Αθήνα")
    #expect(try run(["--from", "el"]).hasPrefix("Исаев טראמפ A"))
    #expect(try run([]).hasPrefix("Isaev Trump A"))
    #expect(try run(["--names", "--from", "ru", "--format", "text"], "Исаев טראמפ") == "Isaev טראמפ")
    #expect(try run(["--names", "--from", "he", "--format", "text"], "Исаев טראמפ") == "Исаев Trump")
    // ICU's own transform of the script read.
    #expect(try run(["--scheme", "icu", "--from", "ru"], "Исаев") == "Isaev")
    #expect(try run(["--scheme", "icu", "--from", "az"], "Qəsəbə") == "Qasaba")
  }

  @Test func academyWarnsOnceAboutUnpointedText() throws {
    let unpointed = try CLI.run(["transliterate", "--scheme", "academy"], stdin: Data("שָׁלוֹם\nאב ישראל\nבית לחם\n".utf8))
    #expect(unpointed.status == 0 && unpointed.out.split(separator: "\n").count == 3)
    #expect(unpointed.stderr.contains("<stdin>:2: warning: 2 Hebrew words without vowel points"), "\(unpointed.stderr)")
    #expect(unpointed.stderr.components(separatedBy: "warning").count == 2)
    let pointed = try CLI.run(["transliterate", "--scheme", "academy"], stdin: Data("שָׁלוֹם עוֹלָם\nבָּרוּךְ\n".utf8))
    #expect(pointed.status == 0 && pointed.stderr.isEmpty && pointed.out == "shalom olam\nbarukh\n", "\(pointed.out)")
  }

  @Test func writeFailureIsAnIOError() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let dir = try CLI.tempDir()
    try CLI.write(dir + "/a.txt", Array("הרצוג\nטראמפ\n".utf8))
    for extra in [[], ["--names"]] {
      let r = try CLI.run(["transliterate"] + extra + [dir + "/a.txt"], stdoutPath: "/dev/full")
      #expect(r.status == 74)
      #expect(r.stderr.contains("write failed"))
    }
  }

  @Test func namesModeWritesJSONLBestFirst() throws {
    let c = try command(["--names", "--candidates", "3"])
    let line = c.process("טראמפ", try c.makeTransliterator(), jsonl: true)
    #expect(line.hasPrefix("{\"input\":\"טראמפ\",\"candidates\":[{\"text\":\"Trump\",\"score\":"))
    #expect(line.components(separatedBy: "\"text\"").count == 4)
  }

  @Test func namesModeAsTextPutsCandidatesOnTheLine() throws {
    let c = try command(["--names", "--candidates", "3", "--format", "text"])
    let t = try c.makeTransliterator()
    let line = c.process("הרצוג", t, jsonl: false)
    #expect(line.split(separator: "\t").map(String.init) == t.candidates("הרצוג", count: 3).map(\.text))
    #expect(line.split(separator: "\t").count == 3 && line.hasPrefix("Herzog\t"))
    let one = try command(["--names", "--format", "text"])
    #expect(one.process("הרצוג", try one.makeTransliterator(), jsonl: false) == "Herzog")
  }

  @Test func runningTextModePassesOtherText() throws {
    let c = try command([])
    #expect(c.process("טראמפ, 2024", try c.makeTransliterator(), jsonl: false) == "Trump, 2024")
    let he = try command(["--to", "hebrew"])
    #expect(he.process("Trump 2024!", try he.makeTransliterator(), jsonl: false) == "טראמפ 2024!")
  }

  @Test func otherSchemes() throws {
    let a = try command(["--scheme", "academy"])
    #expect(a.process("שָׁלוֹם", try a.makeTransliterator(), jsonl: false) == "shalom")
    let ru = try command(["--from", "ru"])
    #expect(ru.process("Исаев", try ru.makeTransliterator(), jsonl: false) == "Isaev")
  }

  @Test func jsonlOutputEscapesLikeJSONString() throws {
    let line = "טראמפ \"q\" a\\b\tc\u{01}"
    let n = try command(["--names", "--candidates", "2"])
    let nt = try n.makeTransliterator()
    let names = n.process(line, nt, jsonl: true)
    let c = nt.candidates(line.trimmingCharacters(in: .whitespaces), count: 2)
    let items = c.map { "{\"text\":\(jsonString($0.text)),\"score\":" }
    #expect(names.hasPrefix("{\"input\":\(jsonString(line)),\"candidates\":[\(items[0])"))
    #expect(names.contains("\\u0001") && names.hasSuffix("}]}"))
    let r = try command(["--format", "jsonl"])
    let rt = try r.makeTransliterator()
    #expect(r.process(line, rt, jsonl: true) == "{\"input\":\(jsonString(line)),\"text\":\(jsonString(rt.transliterate(line)))}")
  }

  @Test func inputIsDecodedLikeNormalize() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Invalid UTF-8: a clear error with file, line and byte, exit 65, not U+FFFD in silence.
    let bad = dir + "/bad.txt"
    try CLI.write(bad, Array("טראמפ\nab".utf8) + [0xFF, 0x0A])
    let r = try CLI.run(["transliterate", bad])
    #expect(r.status == 65, "\(r.stderr)")
    #expect(r.stderr.contains("bad.txt:2:13"), "\(r.stderr)")
    #expect(!r.out.contains("\u{FFFD}"))
    let replaced = try CLI.run(["transliterate", "--on-invalid", "replace", bad])
    #expect(replaced.status == 0 && replaced.out == "Trump\nab\u{FFFD}\n", "\(replaced.out)")
    // A legacy Hebrew code page, and a missing file (exit 74).
    let legacy = dir + "/w1255.txt"
    try CLI.write(legacy, [0xE8, 0xF8, 0xE0, 0xEE, 0xF4, 0x0A])  // טראמפ in windows-1255
    let w = try CLI.run(["transliterate", "--encoding", "windows-1255", legacy])
    #expect(w.status == 0 && w.out == "Trump\n", "\(w.out) \(w.stderr)")
    #expect(try CLI.run(["transliterate", dir + "/missing.txt"]).status == 74)
    // Standard input, the last line without a newline, CRLF.
    let stdin = try CLI.run(["transliterate", "--names"], stdin: Data("טראמפ\r\nהרצוג".utf8))
    #expect(stdin.out.split(separator: "\n").count == 2 && stdin.out.contains("Herzog"), "\(stdin.out)")
  }

  @Test func splitPrefixesOption() throws {
    let c = try command(["--split-prefixes"])
    #expect(c.process("טראמפ בבאקו", try c.makeTransliterator(), jsonl: false).hasPrefix("Trump b-"))
  }
}

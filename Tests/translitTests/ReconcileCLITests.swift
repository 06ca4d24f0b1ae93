import Foundation
import Testing
@testable import translit

@Suite("translit reconcile CLI")
struct ReconcileCLITests {
  // Fixtures written for these tests.
  static let english = "Rabbi Zamir Isayev spoke in Baku on Sunday. Later, Rabbi Isayev visited Israel.\n"
  static let hebrew = "הרב זמיר איסייב נאם בבאקו ביום ראשון. אחר כך ביקר הרב איסייב בישראל.\n"

  func corpus() throws -> String {
    let dir = try CLI.tempDir()
    try CLI.write(dir + "/in/en.txt", Array(Self.english.utf8))
    try CLI.write(dir + "/in/he.txt", Array(Self.hebrew.utf8))
    return dir
  }

  @Test func parsesQuietAndFormats() throws {
    #expect(try TranslitCommand.parseAsRoot(["reconcile", "--quiet", "--format", "tsv", "a.txt"]) is TranslitCommand.Reconcile)
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["reconcile", "--format", "xml", "a.txt"]) }
  }

  @Test func directoryToJSONLWithExactOffsetsAndNoProgressOffATerminal() throws {
    let dir = try corpus()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["reconcile", dir + "/in", "-o", dir + "/out.jsonl"])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    let lines = try CLI.read(dir + "/out.jsonl").split(separator: "\n")
    #expect(!lines.isEmpty)
    var linked = false
    for line in lines {
      let e = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let names = try #require(e["names"] as? [String: [String]])
      if names["latin"]?.contains("Baku") == true && names["he"]?.contains("באקו") == true { linked = true }
      for m in try #require(e["mentions"] as? [[String: Any]]) {
        let doc = try #require(m["doc"] as? String)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: doc)))
        let start = try #require(m["start"] as? Int)
        let end = try #require(m["end"] as? Int)
        #expect(String(decoding: bytes[start..<end], as: UTF8.self) == m["text"] as? String)
      }
    }
    #expect(linked)
  }

  @Test func tsvHasAHeaderAndAMissingFileFailsTheRun() throws {
    let dir = try corpus()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLI.run(["reconcile", "--quiet", "--format", "tsv", dir + "/in/en.txt", dir + "/in/he.txt", dir + "/missing.txt"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("cannot read"))
    let rows = r.out.split(separator: "\n")
    #expect(rows.first == "id\ttype\the\tlatin\tmentions\tdocuments\tconfidence")
    #expect(rows.contains { $0.contains("\tבאקו\tBaku\t2\t2\t") })
  }

  @Test func outputIsWrittenAtomically() throws {
    let dir = try corpus()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/out.jsonl"
    try CLI.write(out, Array("precious\n".utf8))
    // Every input missing: exit 74, the existing output untouched (it was truncated first).
    let missing = try CLI.run(["reconcile", "--quiet", dir + "/missing.txt", "-o", out])
    #expect(missing.status == 74)
    #expect(missing.stderr.contains("missing.txt: No such file"))
    #expect(try CLI.read(out) == "precious\n")
    // An input given as -o is read whole before it is replaced (it was emptied, exit 0).
    let again = try CLI.run(["reconcile", "--quiet", dir + "/in/en.txt", "-o", dir + "/in/en.txt"])
    #expect(again.status == 0)
    #expect(try CLI.read(dir + "/in/en.txt").contains("\"Baku\""))
    // An unwritable destination: 74, nothing created.
    let bad = try CLI.run(["reconcile", "--quiet", dir + "/in/he.txt", "-o", dir + "/no/such/dir/out.jsonl"])
    #expect(bad.status == 74)
    #expect(!FileManager.default.fileExists(atPath: dir + "/no/such/dir/out.jsonl"))
    // An empty directory is no failure: the (empty) result, exit 0.
    try FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
    let empty = try CLI.run(["reconcile", "--quiet", "--format", "tsv", dir + "/empty"])
    #expect(empty.status == 0)
    #expect(empty.out.hasPrefix("id\ttype"))
  }
}

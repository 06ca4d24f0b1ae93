import Foundation
import Testing
@testable import translit

/// Runs the built `translit` binary (next to the test bundle) and returns (status, stdout).
func runTranslit(_ arguments: [String], stdin: String? = nil) throws -> (Int32, String) {
  let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  var binary = dir.appendingPathComponent("translit")
  if !FileManager.default.fileExists(atPath: binary.path) {
    binary = dir.deletingLastPathComponent().appendingPathComponent("translit")
  }
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  let out = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = Pipe()
  process.standardInput = input
  try process.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("translit match/index/search/reconcile CLI")
struct MatchCLITests {
  @Test func parsesSubcommands() throws {
    #expect(try TranslitCommand.parseAsRoot(["match", "הרב זמיר איסייב", "Rabbi Zamir Isayev", "--explain"]) is TranslitCommand.Match)
    #expect(try TranslitCommand.parseAsRoot(["search", "--gazetteer", "g.tsv", "--top", "3", "Baku"]) is TranslitCommand.Search)
    #expect(try TranslitCommand.parseAsRoot(["reconcile", "--sample"]) is TranslitCommand.Reconcile)
    #expect(try TranslitCommand.parseAsRoot(["eval", "names", "--queries", "q.tsv"]) is TranslitCommand.Eval.Names)
  }

  @Test func rejectsBadArguments() {
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["match", "only-one"]) }
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["search", "Baku"]) }
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["reconcile"]) }
    #expect(throws: (any Error).self) { try TranslitCommand.parseAsRoot(["match", "a", "b", "--threshold", "2"]) }
  }

  @Test func matchPrintsVerdict() throws {
    let (status, out) = try runTranslit(["match", "בבאקו", "Baku", "--explain"])
    #expect(status == 0)
    #expect(out.contains("\tmatch"))
    #expect(out.contains("prefix ב stripped"))
    let (_, no) = try runTranslit(["match", "Aliyev", "Aliyeva"])
    #expect(no.contains("no match"))
  }

  @Test func indexBuildAndSearch() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("translit-match-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let gaz = dir.appendingPathComponent("g.tsv")
    try "# places\nL1\tBaku\tplace\nL2\tWashington\tplace\nP1\tIlham Aliyev\tperson\n".write(to: gaz, atomically: true, encoding: .utf8)
    let idx = dir.appendingPathComponent("g.tkidx").path
    let (s1, _) = try runTranslit(["index", "build", gaz.path, "-o", idx])
    #expect(s1 == 0)
    let (s2, out) = try runTranslit(["search", "--index", idx, "--top", "1", "--format", "jsonl"], stdin: "מוושינגטון\nהנשיא אלייב\n")
    #expect(s2 == 0)
    let lines = out.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.contains("\"id\":\"L2\"") == true)
    #expect(lines.last?.contains("\"id\":\"P1\"") == true)
    let (s3, _) = try runTranslit(["search", "--index", gaz.path, "Baku"])
    #expect(s3 == 65)
  }

  @Test func errorsHaveTheirExitCodesAndOutputIsStable() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("translit-match-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let gaz = dir.appendingPathComponent("g.tsv").path
    try "L1\tBaku\tplace\r\nP1\tIlham Aliyev\tperson\r\n".write(toFile: gaz, atomically: true, encoding: .utf8)
    // Missing files are I/O errors (74), not data (65) or usage (64) errors.
    #expect(try runTranslit(["search", "--index", dir.path + "/missing.tkidx", "Baku"]).0 == 74)
    #expect(try runTranslit(["eval", "names", "--queries", dir.path + "/missing.tsv"]).0 == 74)
    #expect(try runTranslit(["index", "build", gaz, "-o", dir.path + "/no/dir/g.tkidx"]).0 == 74)
    // Nothing to evaluate, or a shortlist that cannot be: errors, not traps.
    let header = dir.appendingPathComponent("h.tsv").path
    try "he\ten\tkind\n".write(toFile: header, atomically: true, encoding: .utf8)
    #expect(try runTranslit(["eval", "names", "--queries", header]).0 == 65)
    #expect(try runTranslit(["eval", "names", "--queries", gaz, "--shortlist=-5"]).0 == 64)
    // JSONL keys in one order, run after run.
    let runs = try (0..<3).map { _ in try runTranslit(["search", "--gazetteer", gaz, "--format", "jsonl", "Baku", "Aliyev"]).1 }
    #expect(Set(runs).count == 1)
    #expect(runs[0].hasPrefix(#"{"query":"Baku","results":[{"id":"L1","name":"Baku","score":"#))
  }

  @Test func reconcileSamplePrintsEntityTable() throws {
    let (status, out) = try runTranslit(["reconcile", "--sample"])
    #expect(status == 0)
    #expect(out.contains("זמיר איסייב\tZamir Isayev"))
    #expect(out.contains("באקו\tBaku"))
  }
}

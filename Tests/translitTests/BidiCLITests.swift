import Foundation
import Testing

@Suite("translit bidi")
struct BidiCLITests {
  static let logical = "הוא אמר שלום לDan בשנת 2024.\nEnglish only.\nהמכתב נשלח אל ועדת החוץ של הכנסת.\n"

  @Test func optionsWithoutEffectAreUsageErrors() throws {
    let format = try runSegTranslit(["bidi", "--to-logical", "--format", "jsonl"], input: "abc\n")
    #expect(format.status == 64 && format.out.isEmpty, "\(format.status)")
    let lexicon = try runSegTranslit(["segment", "--lexicon", "/dev/null"], input: "abc\n")
    #expect(lexicon.status == 64 && lexicon.out.isEmpty, "\(lexicon.status)")
    #expect(try runSegTranslit(["bidi", "--audit", "--format", "jsonl"], input: "abc\n").status == 0)
  }

  @Test func detectPrintsVerdictPerLine() throws {
    let reversed = Self.logical.split(separator: "\n").map { String($0.reversed()) }.joined(separator: "\n") + "\n"
    let r = try runSegTranslit(["bidi", "--detect"], input: reversed)
    #expect(r.status == 0)
    let verdicts = r.out.split(separator: "\n").map { $0.split(separator: "\t")[0] }
    #expect(verdicts == ["visual", "none", "visual"])
    let l = try runSegTranslit(["bidi", "--detect", "--format", "jsonl"], input: Self.logical)
    let first = try JSONSerialization.jsonObject(with: Data(l.out.split(separator: "\n")[0].utf8)) as! [String: Any]
    #expect(first["order"] as? String == "logical")
    #expect(first["line"] as? Int == 1)
  }

  @Test func toVisualAndBack() throws {
    let visual = try runSegTranslit(["bidi", "--to-visual"], input: Self.logical)
    #expect(visual.out != Self.logical)
    let back = try runSegTranslit(["bidi", "--to-logical"], input: visual.out)
    #expect(back.out == Self.logical)
    // Logical input is left alone by --to-logical.
    #expect(try runSegTranslit(["bidi", "--to-logical"], input: Self.logical).out == Self.logical)
  }

  @Test func transformsKeepLineEnds() throws {
    // CRLF stays CRLF, a last line without a line end gets none, for every transform.
    let crlf = Self.logical.replacingOccurrences(of: "\n", with: "\r\n")
    let unterminated = String(crlf.dropLast(2))
    for mode in ["--to-logical", "--to-visual", "--strip-controls"] {
      let r = try runSegTranslit(["bidi", mode], input: unterminated)
      #expect(r.status == 0)
      #expect(r.out.components(separatedBy: "\r\n").count == 3, "\(mode): \(r.out.debugDescription)")
      #expect(!r.out.hasSuffix("\n"), "\(mode)")
    }
    #expect(try runSegTranslit(["bidi", "--to-logical"], input: crlf).out == crlf)
    #expect(try runSegTranslit(["bidi", "--strip-controls"], input: "a\u{200F}b\r\nc").out == "ab\r\nc")
    #expect(try runSegTranslit(["bidi", "--strip-controls"], input: "a\u{200F}b\r").out == "ab\r")
    let visual = try runSegTranslit(["bidi", "--to-visual"], input: crlf)
    #expect(try runSegTranslit(["bidi", "--to-logical"], input: visual.out).out == crlf)
  }

  @Test func auditAndStrip() throws {
    let spoof = "if (user == \"admin\u{202E} \u{2066}// ok\u{2069} \u{2066}\") {}\nclean line\n"
    let audit = try runSegTranslit(["bidi", "--audit"], input: spoof)
    #expect(audit.status == 1)
    #expect(audit.out.contains("<stdin>:1:"))
    #expect(audit.out.contains("displayOrderDiffers"))
    #expect(!audit.out.contains("<stdin>:2:"))
    let clean = try runSegTranslit(["bidi", "--audit"], input: "clean line\n")
    #expect(clean.status == 0)
    #expect(clean.out.isEmpty)
    let stripped = try runSegTranslit(["bidi", "--strip-controls"], input: spoof)
    #expect(stripped.out == "if (user == \"admin // ok \") {}\nclean line\n")
  }
}

import Foundation
import Testing
@testable import TextKitLinux

/// Every line of NormalizationTest.txt (Unicode 15.0, pinned in Data/Unicode), all five
/// invariants of its header, through the library's UTF-8 path.
@Suite("Normalization conformance (NormalizationTest-15.0.0)")
struct NormalizationConformanceTests {
  static func loadLines() throws -> [UCDLine] {
    let text = try String(contentsOfFile: TestData.path("Unicode/NormalizationTest.txt"), encoding: .utf8)
    var lines: [UCDLine] = []
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      if content.isEmpty || content.hasPrefix("@") { continue }
      let cols = content.split(separator: ";", omittingEmptySubsequences: false).prefix(5).map { col in
        String(String.UnicodeScalarView(col.split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }))
      }
      if cols.count == 5 { lines.append(UCDLine(file: "NormalizationTest.txt", number: i + 1, fields: cols)) }
    }
    return lines
  }

  @Test func fileIsPinnedAndComplete() throws {
    let lines = try Self.loadLines()
    #expect(lines.count > 19_000)
  }

  @Test func allFiveInvariants() throws {
    var failures: [String] = []
    for line in try Self.loadLines() {
      let c = line.fields
      func n(_ f: NormalizationForm, _ s: String) -> String { (try? f.normalize(s)) ?? "<error>" }
      func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
      var ok = true
      // c2 == toNFC(c1) == toNFC(c2) == toNFC(c3); c4 == toNFC(c4) == toNFC(c5)
      ok = ok && [c[0], c[1], c[2]].allSatisfy { scalars(n(.nfc, $0)) == scalars(c[1]) }
      ok = ok && [c[3], c[4]].allSatisfy { scalars(n(.nfc, $0)) == scalars(c[3]) }
      // c3 == toNFD(c1) == toNFD(c2) == toNFD(c3); c5 == toNFD(c4) == toNFD(c5)
      ok = ok && [c[0], c[1], c[2]].allSatisfy { scalars(n(.nfd, $0)) == scalars(c[2]) }
      ok = ok && [c[3], c[4]].allSatisfy { scalars(n(.nfd, $0)) == scalars(c[4]) }
      // c4 == toNFKC(c1..c5); c5 == toNFKD(c1..c5)
      ok = ok && c.allSatisfy { scalars(n(.nfkc, $0)) == scalars(c[3]) }
      ok = ok && c.allSatisfy { scalars(n(.nfkd, $0)) == scalars(c[4]) }
      // Same results with ASCII context around (exercises the ASCII-skipping segment path).
      ok = ok && scalars(n(.nfd, "A " + c[0] + " z")) == scalars("A " + c[2] + " z")
      ok = ok && scalars(n(.nfkd, "A " + c[0] + " z")) == scalars("A " + c[4] + " z")
      // NFKC_Casefold through the ASCII-segmented UTF-8 path equals ICU's whole-string UTF-16 path.
      let framed = "Ab " + c[0] + "Q" + c[2] + " Zz"
      let utf16 = try ICUNormalizer.instance(.nfkcCasefold).normalize(framed)
      ok = ok && scalars(n(.nfkcCasefold, framed)) == scalars(utf16)
      if !ok { failures.append(line.testDescription) }
    }
    #expect(failures.isEmpty, "failing lines: \(failures.prefix(20))")
  }
}

import Testing
@testable import TextKitLinux

@Suite("Hebrew letter units")
struct HebrewLettersTests {
  /// The text of units the plain way: letters by table, final forms at the end, a geresh after
  /// units 23–44.
  static func plainText(_ units: [UInt8], geresh: GereshStyle, finalP: Bool) -> String {
    var s = String.UnicodeScalarView()
    for (i, u) in units.enumerated() {
      let base = u > 22 ? u - 22 : u
      guard base >= 1 && base <= 22 else { continue }
      if i == units.count - 1, !(finalP && base == 17), let f = HebrewLetters.finalOf[base] {
        s.append(f)
      } else {
        s.append(HebrewLetters.letters[Int(base) - 1])
      }
      if u > 22 { s.append(geresh == .apostrophe ? "'" : "\u{05F3}") }
    }
    return String(s)
  }

  @Test func codePointsAreTheLettersAndFinalForms() {
    for base in UInt8(1)...22 {
      #expect(HebrewLetters.codePoint(base, final: false) == HebrewLetters.letters[Int(base) - 1].value)
      let final = HebrewLetters.finalOf[base] ?? HebrewLetters.letters[Int(base) - 1]
      #expect(HebrewLetters.codePoint(base, final: true) == final.value)
    }
  }

  @Test func textOfEveryUnitInEveryPlace() {
    for style in [GereshStyle.apostrophe, .geresh] {
      for finalP in [false, true] {
        for u in UInt8(0)...46 {
          for units in [[u], [u, 1], [3, u], [17, u, 17], [u, u]] {
            #expect(HebrewLetters.text(units, geresh: style, finalP: finalP) == Self.plainText(units, geresh: style, finalP: finalP), "\(units)")
          }
        }
      }
    }
    #expect(HebrewLetters.text([3 + 22, 6, 20, 3 + 22], geresh: .apostrophe) == "ג'ורג'")
    #expect(HebrewLetters.text([19, 6, 17], geresh: .apostrophe, finalP: true) == "קופ")
    #expect(HebrewLetters.text([19, 6, 17], geresh: .apostrophe) == "קוף")
  }
}

/// The Academy of the Hebrew Language's simple romanization (2006, revised 2011) of pointed
/// Hebrew: שָׁלוֹם → shalom, בָּרוּךְ → barukh.
///
/// Each letter's marks are read as a set, so the result does not depend on their order (NFC,
/// NFD and hand-typed orders all agree). Unpointed letters get their consonant only.
///
/// A vav with a dagesh and no vowel of its own after an unvowelled letter, or at the start of
/// a word, is shuruk (u); after a vowel it is a doubled consonant (v). The conjunction וּ is a
/// syllable of its own, so the shva after it is vocal, as at the start of a word: וּבְבֵית →
/// uvevet. A patah under a word-final ח, ע or הּ (furtive patah) is read before the letter:
/// רוּחַ → ruah, גָּבוֹהַּ → gavoah.
enum AcademyRomanizer {
  private struct Letter {
    var unit: UInt8 = 0
    var isFinal = false
    var dagesh = false
    var shinDot = false
    var sinDot = false
    var geresh = false
    var vowel: String?  // romanized vowel point
    var sheva = false
    var patah = false
    var holamOnVav = false
  }

  static func romanize(_ word: Substring) -> String {
    var letters: [Letter] = []
    for s in word.unicodeScalars {
      let v = s.value
      let u = HebrewLetters.unit(v)
      if u != 0 {
        letters.append(Letter(unit: u, isFinal: [0x05DA, 0x05DD, 0x05DF, 0x05E3, 0x05E5].contains(v)))
        continue
      }
      guard !letters.isEmpty else { continue }
      let k = letters.count - 1
      switch v {
      case 0x05BC: letters[k].dagesh = true
      case 0x05C1: letters[k].shinDot = true
      case 0x05C2: letters[k].sinDot = true
      case 0x05B0: letters[k].sheva = true
      case 0x05B1, 0x05B5, 0x05B6: letters[k].vowel = "e"
      case 0x05B7:
        letters[k].vowel = "a"
        letters[k].patah = true
      case 0x05B2, 0x05B8: letters[k].vowel = "a"
      case 0x05B3, 0x05C7, 0x05BA: letters[k].vowel = "o"
      case 0x05B9: letters[k].vowel = "o"; letters[k].holamOnVav = letters[k].unit == 6
      case 0x05B4: letters[k].vowel = "i"
      case 0x05BB: letters[k].vowel = "u"
      case 0x27, 0x05F3, 0x2019: letters[k].geresh = true
      default: break
      }
    }
    // Shuruk: a dotted vav with no vowel, first or after a letter with no vowel; after a vowel
    // the dot is a doubling dagesh (צִוּוּי → tsivuy).
    func isShuruk(_ i: Int) -> Bool {
      let l = letters[i]
      guard l.unit == 6, l.dagesh, l.vowel == nil, !l.sheva else { return false }
      return i == 0 || letters[i - 1].vowel == nil
    }
    var out = ""
    for (i, l) in letters.enumerated() {
      let prev: Letter? = i > 0 ? letters[i - 1] : nil
      let last = i == letters.count - 1
      var consonant: String
      switch l.unit {
      case 1, 16: consonant = ""  // א ע
      case 2: consonant = l.dagesh ? "b" : "v"
      case 3: consonant = l.geresh ? "j" : "g"
      case 4: consonant = "d"
      case 5: consonant = (last && l.vowel == nil && !l.dagesh) ? "" : "h"
      case 6:
        // Vav as a vowel letter: holam (וֹ) or shuruk (וּ) with no vowel of its own.
        if l.holamOnVav && prev != nil && prev?.vowel == nil { out += "o"; continue }
        if isShuruk(i) { out += "u"; continue }
        // A bare vav after a letter pointed with holam or qubuts is that vowel's letter.
        if !l.dagesh && l.vowel == nil && !l.sheva, let p = prev, p.vowel == "o" || p.vowel == "u" { continue }
        consonant = "v"
      case 7: consonant = l.geresh ? "zh" : "z"
      case 8: consonant = "h"
      case 9: consonant = "t"
      case 10:
        // Yod after i or e with no vowel of its own is a vowel letter.
        if l.vowel == nil, !l.sheva, let p = prev, p.vowel == "i" || p.vowel == "e" { continue }
        consonant = "y"
      case 11: consonant = (l.dagesh && !l.isFinal) ? "k" : "kh"
      case 12: consonant = "l"
      case 13: consonant = "m"
      case 14: consonant = "n"
      case 15: consonant = "s"
      case 17: consonant = (l.dagesh && !l.isFinal) ? "p" : "f"
      case 18: consonant = l.geresh ? "ch" : "ts"
      case 19: consonant = "k"
      case 20: consonant = "r"
      case 21: consonant = l.sinDot ? "s" : "sh"
      case 22: consonant = l.geresh ? "th" : "t"
      default: consonant = ""
      }
      // Furtive patah: the vowel comes before the final guttural.
      if last && i > 0 && l.patah && (l.unit == 8 || l.unit == 16 || (l.unit == 5 && l.dagesh)) {
        out += "a" + consonant
        continue
      }
      out += consonant
      if let v = l.vowel, !(l.holamOnVav && l.unit == 6 && prev?.vowel == nil) {
        out += v
      } else if l.sheva && (i == 0 || (i == 1 && isShuruk(0))) {
        out += "e"
      }
    }
    return out
  }
}

/// The matcher's internal folding of names into comparable units.
///
/// Keep in sync with `Scripts/train-matcher`, which trains the pair HMM on the same units:
/// - Hebrew: letters U+05D0–U+05EA with final forms folded (ך→כ …), ligatures װ ױ ײ split,
///   niqqud and cantillation dropped; a geresh after a letter (ASCII `'`, U+05F3 `׳`, U+2019,
///   U+2018, U+00B4, backtick) makes a separate unit (ג׳ is 22 + ג), so units are 0..<44.
/// - Latin: NFD, combining marks dropped (but č š ž → ch sh zh, ş ș → sh, ţ ț → ts), lowercase, ß→ss, æ→ae, œ→oe, ø→o, đ→d, ł→l, ı→i,
///   þ→th, ð→d, ħ→h; letters are 1...26; other characters (apostrophes) are dropped.
/// - Cyrillic: romanized letter by letter (е→ye first and after a vowel or sign, ж→zh, х→kh, ц→ts, ч→ch, ш→sh, щ→shch, ю→yu, я→ya,
///   й→y, ы→y, ъ ь dropped, Ukrainian і ї є ґ), then treated as Latin.
/// - Tokens split at white space, hyphens, maqaf, `_`, `/`, `.` and `,`; a name with exactly
///   one comma ("Aliyev, Ilham") is turned around first.
enum NameFolding {
  static let hebrewAlphabet: [UInt32] = [
    0x5D0, 0x5D1, 0x5D2, 0x5D3, 0x5D4, 0x5D5, 0x5D6, 0x5D7, 0x5D8, 0x5D9, 0x5DB, 0x5DC, 0x5DE,
    0x5E0, 0x5E1, 0x5E2, 0x5E4, 0x5E6, 0x5E7, 0x5E8, 0x5E9, 0x5EA,
  ]
  /// Hebrew letter code point (0x5D0...0x5EA) to unit 0..<22.
  static let hebrewUnitTable: [Int8] = {
    var t = [Int8](repeating: -1, count: 0x5EB - 0x5D0)
    for (i, c) in hebrewAlphabet.enumerated() { t[Int(c) - 0x5D0] = Int8(i) }
    let finals: [(UInt32, UInt32)] = [(0x5DA, 0x5DB), (0x5DD, 0x5DE), (0x5DF, 0x5E0), (0x5E3, 0x5E4), (0x5E5, 0x5E6)]
    for (f, b) in finals { t[Int(f) - 0x5D0] = t[Int(b) - 0x5D0] }
    return t
  }()

  static func isGeresh(_ v: UInt32) -> Bool {
    v == 0x27 || v == 0x5F3 || v == 0x2019 || v == 0x2018 || v == 0xB4 || v == 0x60
  }
  static func isGershayim(_ v: UInt32) -> Bool { v == 0x22 || v == 0x5F4 || v == 0x201C || v == 0x201D }
  static func isHebrewLetter(_ v: UInt32) -> Bool { (0x5D0...0x5EA).contains(v) || (0x5F0...0x5F2).contains(v) }
  static func isSeparator(_ v: UInt32) -> Bool {
    v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0xA0 || v == 0x2D || v == 0x5BE || v == 0x5F
      || v == 0x2F || v == 0x2E || v == 0x2C || v == 0x2010 || v == 0x2011 || v == 0x2013 || v == 0x2014
      || v == 0x202F || v == 0x2009 || v == 0x3B || v == 0x3A || v == 0x28 || v == 0x29
  }

  /// Hebrew units with a doubled ו written once except at the end of the word (דייוויד →
  /// דייויד, וולטון → ולטון, אסטנוו unchanged). Doubled י is left alone: it is as often a
  /// diphthong (ג'יין Jane, רייזן Reyzen) as one consonant.
  static func collapsingDoubled(_ units: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(units.count)
    for k in units.indices where !(k > 0 && k < units.count - 1 && units[k] == units[k - 1] && units[k] == 5) {
      out.append(units[k])
    }
    return out
  }

  /// Hebrew units of one token.
  static func hebrewUnits(_ token: Substring) -> [UInt8] {
    var units: [UInt8] = []
    units.reserveCapacity(token.unicodeScalars.count)
    for s in token.unicodeScalars {
      let v = s.value
      switch v {
      case 0x5D0...0x5EA:
        let u = hebrewUnitTable[Int(v) - 0x5D0]
        if u >= 0 { units.append(UInt8(u)) }
      case 0x5F0: units.append(5); units.append(5)
      case 0x5F1: units.append(5); units.append(9)
      case 0x5F2: units.append(9); units.append(9)
      default:
        if isGeresh(v), let last = units.last, last < 22 { units[units.count - 1] = last + 22 }
      }
    }
    return units
  }

  static let cyrillic: [UInt32: String] = {
    let lower = "а a б b в v г g д d е e ё yo ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya і i ї yi є ye ґ g ў u ә a ј y һ h ғ gh ҹ j ҝ g ө o ү u қ k ң ng ұ u"
    var t: [UInt32: String] = [:]
    let parts = lower.split(separator: " ")
    var i = 0
    while i + 1 < parts.count {
      let c = parts[i].unicodeScalars.first?.value ?? 0
      t[c] = parts[i + 1] == "-" ? "" : String(parts[i + 1])
      i += 2
    }
    return t
  }()

  /// Lowercase Cyrillic vowels and signs after which е is romanized ye.
  static let cyrillicYeContext: Set<UInt32> = [
    0x430, 0x435, 0x451, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F, 0x44A, 0x44C, 0x456, 0x457, 0x454,
  ]

  static func lowerCyrillic(_ v: UInt32) -> UInt32 {
    if (0x410...0x42F).contains(v) { return v + 0x20 }
    if (0x400...0x40F).contains(v) { return v + 0x50 }
    // The extended letters pair capital and small: even–odd (Ә ә, Һ һ), odd–even in 4C1–4CE.
    if (0x4C1...0x4CE).contains(v) { return v % 2 == 1 ? v + 1 : v }
    if (0x460...0x4FF).contains(v) && v != 0x4C0 { return v % 2 == 0 ? v + 1 : v }
    return v
  }

  /// Latin letters 1...26 of one token (Cyrillic romanized first).
  static func latinLetters(_ token: Substring) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(token.utf8.count)
    var ascii = true
    for b in token.utf8 where b >= 0x80 { ascii = false; break }
    let text: String
    if ascii { text = String(token) } else { text = (try? NormalizationForm.nfd.normalize(String(token))) ?? String(token) }
    var previousCyrillic: UInt32 = 0
    let scalars = Array(text.unicodeScalars)
    for (index, s) in scalars.enumerated() {
      var v = s.value
      if v < 0x80 {
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        if v >= 0x61 && v <= 0x7A { out.append(UInt8(v - 0x60)) }
        continue
      }
      if (0x300...0x36F).contains(v) {
        // c s z + caron and s + cedilla or comma below add an h (č ch, š sh, ž zh, ş ș sh),
        // t + cedilla or comma below an s (ţ ț ts); other marks go. ç is ch (Turkish,
        // Azerbaijani: Elçin, Çingiz) except before a, o, u, where French and Portuguese write
        // it for s (François, Gonçalo) and it stays c.
        guard let last = out.last, v == 0x30C || v == 0x327 || v == 0x326 else { continue }
        let c = last + 0x60
        if v == 0x30C && (c == UInt8(ascii: "c") || c == UInt8(ascii: "s") || c == UInt8(ascii: "z")) {
          out.append(8)
        } else if v == 0x327 && c == UInt8(ascii: "c") {
          let next = scalars.dropFirst(index + 1).first { !(0x300...0x36F).contains($0.value) }
          let lower = next.map { Character($0).lowercased() } ?? ""
          if !["a", "o", "u"].contains(lower) { out.append(8) }
        } else if v != 0x30C && c == UInt8(ascii: "s") {
          out.append(8)
        } else if v != 0x30C && c == UInt8(ascii: "t") {
          out.append(19)
        }
        continue
      }
      if (0x400...0x4FF).contains(v) {
        let c = lowerCyrillic(v)
        // е is ye first in a word and after a vowel or a soft or hard sign (Исаев Isayev).
        if c == 0x435 && (previousCyrillic == 0 || cyrillicYeContext.contains(previousCyrillic)) {
          out.append(25)
          out.append(5)
        } else if let r = cyrillic[c] {
          for b in r.utf8 { out.append(b - 0x60) }
        }
        previousCyrillic = c
        continue
      }
      let extra: String
      switch v {
      case 0xDF: extra = "ss"
      case 0xC6, 0xE6: extra = "ae"
      case 0x152, 0x153: extra = "oe"
      case 0xD8, 0xF8: extra = "o"
      case 0x110, 0x111, 0xD0, 0xF0: extra = "d"
      case 0x141, 0x142: extra = "l"
      case 0x131: extra = "i"
      case 0xDE, 0xFE: extra = "th"
      case 0x126, 0x127: extra = "h"
      case 0x18F, 0x259: extra = "a"  // Azerbaijani schwa: Ələkbər Alakbar, Əliyev Aliyev
      default: extra = ""
      }
      for b in extra.utf8 { out.append(b - 0x60) }
    }
    return out
  }

  /// The script of a token: the first letter decides.
  static func script(of token: Substring) -> NameScript {
    for s in token.unicodeScalars {
      let v = s.value
      if isHebrewLetter(v) { return .hebrew }
      if (0x400...0x4FF).contains(v) { return .cyrillic }
      if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) { return .latin }
    }
    return .other
  }

  /// Whether a Hebrew token begins with a final form (ך ם ן ף ץ), as text in visual order does.
  static func startsWithFinalLetter(_ token: Substring) -> Bool {
    guard let v = token.unicodeScalars.first?.value else { return false }
    return v == 0x5DA || v == 0x5DD || v == 0x5DF || v == 0x5E3 || v == 0x5E5
  }

  /// Splits a name into raw tokens (after turning "Last, First" around).
  static func rawTokens(_ name: String) -> [Substring] {
    var text = Substring(name)
    let commas = name.utf8.filter { $0 == 0x2C }.count
    var reordered: String? = nil
    if commas == 1, let comma = name.firstIndex(of: ",") {
      let a = trimmed(name[..<comma])
      let b = trimmed(name[name.index(after: comma)...])
      if !a.isEmpty && !b.isEmpty { reordered = b + " " + a }
    }
    if let reordered { text = Substring(reordered) }
    var tokens: [Substring] = []
    var start: String.Index? = nil
    var i = text.startIndex
    while i < text.endIndex {
      let v = text.unicodeScalars[i].value
      let next = text.unicodeScalars.index(after: i)
      if isSeparator(v) {
        if let s = start { tokens.append(text[s..<i]); start = nil }
      } else if start == nil {
        // A leading geresh or quote cannot start a token.
        if !(isGeresh(v) || isGershayim(v)) { start = i }
      }
      i = next
    }
    if let s = start { tokens.append(text[s..<text.endIndex]) }
    return tokens
  }

  static func trimmed(_ s: Substring) -> String {
    String(s.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  /// A Hebrew token with quotes and niqqud removed and finals folded (for title lookup).
  static func hebrewKey(_ token: Substring) -> String {
    var out = String.UnicodeScalarView()
    for s in token.unicodeScalars {
      let v = s.value
      if (0x5D0...0x5EA).contains(v) {
        let u = hebrewUnitTable[Int(v) - 0x5D0]
        if u >= 0, let c = Unicode.Scalar(hebrewAlphabet[Int(u)]) { out.append(c) }
      }
    }
    return String(out)
  }

  /// A Latin token folded to ASCII lowercase letters (for title lookup).
  static func latinKey(_ letters: [UInt8]) -> String {
    String(decoding: letters.map { $0 + 0x60 }, as: UTF8.self)
  }
}

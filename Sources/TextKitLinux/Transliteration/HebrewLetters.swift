/// Hebrew letter units shared by the model and the schemes.
enum HebrewLetters {
  /// The 22 letters in model order (unit id = index + 1).
  static let letters: [Unicode.Scalar] = Array("אבגדהוזחטיכלמנסעפצקרשת".unicodeScalars)
  static let finalOf: [UInt8: Unicode.Scalar] = [11: "ך", 13: "ם", 14: "ן", 17: "ף", 18: "ץ"]

  /// Unit id 1–22 of a Hebrew letter (final forms fold), or 0.
  @inline(__always) static func unit(_ v: UInt32) -> UInt8 {
    switch v {
    case 0x05DA: return 11
    case 0x05DD: return 13
    case 0x05DF: return 14
    case 0x05E3: return 17
    case 0x05E5: return 18
    case 0x05D0...0x05EA:
      let base: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11, 12, 13, 13, 14, 14, 15, 16, 17, 17, 18, 18, 19, 20, 21, 22]
      return base[Int(v - 0x05D0)]
    default: return 0
    }
  }

  /// ASCII ', ׳, and the marks typed for it: ’ ‘ ` ´ ′.
  static func isGeresh(_ v: UInt32) -> Bool {
    v == 0x27 || v == 0x05F3 || v == 0x2019 || v == 0x2018 || v == 0x60 || v == 0xB4 || v == 0x2032
  }
  /// Whether a geresh after letter `v` changes its sound (ג' ז' ח' צ' ץ' ת'), so that an
  /// apostrophe after it is its geresh and not a closing quote ('כהן' against ג'ורג').
  @inline(__always) static func takesGeresh(_ v: UInt32) -> Bool {
    v == 0x05D2 || v == 0x05D6 || v == 0x05D7 || v == 0x05E5 || v == 0x05E6 || v == 0x05EA
  }
  /// ``takesGeresh(_:)`` for the second UTF-8 byte of a Hebrew letter (after D7).
  @inline(__always) static func takesGeresh(secondByte b: UInt8) -> Bool { takesGeresh(0x05C0 + UInt32(b & 0x3F)) }

  /// Points and cantillation marks (ignored by `names`).
  static func isMark(_ v: UInt32) -> Bool { (0x0591...0x05C7).contains(v) && v != 0x05BE && v != 0x05C0 && v != 0x05C3 && v != 0x05C6 }

  /// Model units of a Hebrew word, or nil if it has anything but letters, marks and geresh.
  static func units(_ word: Substring.UnicodeScalarView) -> [UInt8]? {
    var out: [UInt8] = []
    for s in word {
      let u = unit(s.value)
      if u != 0 { out.append(u) }
      else if isGeresh(s.value) { if let l = out.last, l <= 22 { out[out.count - 1] = l + 22 } }
      else if isMark(s.value) || s.value == 0x22 || s.value == 0x05F4 { continue }
      // A combining mark from another block (an accent typed on a Hebrew letter).
      else if (0x0300...0x036F).contains(s.value) { continue }
      // Yiddish ligatures: װ ױ ײ are וו וי יי.
      else if s.value == 0x05F0 { out += [6, 6] } else if s.value == 0x05F1 { out += [6, 10] } else if s.value == 0x05F2 { out += [10, 10] }
      else { return nil }
    }
    return out.isEmpty ? nil : out
  }

  /// Hebrew text of model units with final forms at the end. A final p sound keeps the
  /// ordinary פ, as Israeli spelling of foreign names does (טראמפ, פיליפ).
  /// `finalForms: false` writes ordinary forms throughout (an initial: מ., פ.).
  static func text(
    _ units: some Collection<UInt8>, geresh: GereshStyle, finalP: Bool = false, finalForms: Bool = true
  ) -> String {
    // UTF-8 written directly: every letter is U+05D0…U+05EA (two bytes, D7 xx).
    var bytes: [UInt8] = []
    bytes.reserveCapacity(units.count * 3)
    let last = units.count - 1
    for (i, u) in units.enumerated() {
      let base = u > 22 ? u - 22 : u
      guard base >= 1 && base <= 22 else { continue }
      let v = codePoint(base, final: finalForms && i == last && !(finalP && base == 17))
      bytes.append(0xD7)
      bytes.append(UInt8(0x80 | (v & 0x3F)))
      if u > 22 {
        if geresh == .apostrophe { bytes.append(0x27) } else { bytes.append(0xD7); bytes.append(0xB3) }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The code point of unit `base` (1–22; `letters`), or of its final form (`finalOf`).
  @inline(__always) static func codePoint(_ base: UInt8, final: Bool) -> UInt32 {
    switch base {
    case 1: return 0x05D0
    case 2: return 0x05D1
    case 3: return 0x05D2
    case 4: return 0x05D3
    case 5: return 0x05D4
    case 6: return 0x05D5
    case 7: return 0x05D6
    case 8: return 0x05D7
    case 9: return 0x05D8
    case 10: return 0x05D9
    case 11: return final ? 0x05DA : 0x05DB
    case 12: return 0x05DC
    case 13: return final ? 0x05DD : 0x05DE
    case 14: return final ? 0x05DF : 0x05E0
    case 15: return 0x05E1
    case 16: return 0x05E2
    case 17: return final ? 0x05E3 : 0x05E4
    case 18: return final ? 0x05E5 : 0x05E6
    case 19: return 0x05E7
    case 20: return 0x05E8
    case 21: return 0x05E9
    default: return 0x05EA
    }
  }
}

/// What to do with Hebrew points (niqqud) and cantillation marks (te'amim).
///
/// Letters are always kept. Shin and sin dots are points: they stay with
/// ``keepAll`` and ``dropCantillation`` and go with ``dropAll``, whatever the order of the
/// marks after the letter.
///
/// ```swift
/// let n = TextNormalizer(profile: .nfc.withHebrewMarks(.dropAll))
/// try n.normalize("שָׁלוֹם")   // "שלום"
/// ```
public enum HebrewMarkPolicy: String, Sendable, CaseIterable, Codable {
  /// Keep every mark.
  case keepAll = "keep"
  /// Remove cantillation (U+0591–U+05AF, U+05C4, U+05C5); keep the vowel points.
  case dropCantillation = "no-cantillation"
  /// Remove cantillation and all points (niqqud, dagesh, shin/sin dots, rafe, meteg, varika).
  case dropAll = "none"

  /// Whether a scalar is removed under this policy.
  func removes(_ v: UInt32) -> Bool {
    switch self {
    case .keepAll: return false
    case .dropCantillation: return HebrewMarks.isCantillation(v)
    case .dropAll: return HebrewMarks.isCantillation(v) || HebrewMarks.isPoint(v)
    }
  }
}

enum HebrewMarks {
  /// Cantillation marks (accents) and the two puncta marks.
  static func isCantillation(_ v: UInt32) -> Bool {
    (0x0591...0x05AF).contains(v) || v == 0x05C4 || v == 0x05C5
  }
  /// Vowel points, dagesh/mapiq, meteg, rafe, shin/sin dots, qamats qatan, varika.
  static func isPoint(_ v: UInt32) -> Bool {
    (0x05B0...0x05BD).contains(v) || v == 0x05BF || v == 0x05C1 || v == 0x05C2 || v == 0x05C7
      || v == 0xFB1E
  }
  /// Any Hebrew combining mark (points or cantillation).
  static func isMark(_ v: UInt32) -> Bool { isCantillation(v) || isPoint(v) }
  /// Hebrew letters א–ת, including final forms, and the Yiddish ligatures.
  static func isLetter(_ v: UInt32) -> Bool {
    (0x05D0...0x05EA).contains(v) || (0x05EF...0x05F2).contains(v)
      || (0xFB1D...0xFB4F).contains(v) && v != 0xFB1E && v != 0xFB29
  }
}

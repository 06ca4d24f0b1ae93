import CICU

/// Per-code-point property tables, filled from ICU in bulk once (never one call a character).
///
/// Covers all of Unicode (0...0x10FFFF) at one byte per property per code point; each table
/// is built lazily on first use (about 1 MiB and a few milliseconds each).
enum UnicodeTables {
  static let scalarCount = 0x110000

  /// General category (`UCharCategory` numbering; see ``GeneralCategoryCode``).
  static let generalCategory: [UInt8] = fill(cicu_fill_general_categories)
  /// Script (`UScriptCode`, 255 = unknown/out of range).
  static let script: [UInt8] = fill(cicu_fill_scripts)
  /// Binary property bits (see `cicu_fill_binary_properties`).
  static let binary: [UInt8] = fill(cicu_fill_binary_properties)
  /// Canonical combining class.
  static let combiningClass: [UInt8] = fill(cicu_fill_combining_classes)

  private static func fill(_ f: (UnsafeMutablePointer<UInt8>?, Int32, Int32) -> Void) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: scalarCount) { buffer, count in
      f(buffer.baseAddress, 0, Int32(scalarCount))
      count = scalarCount
    }
  }

  /// ICU's short name for a script code ("Hebr", "Latn", "Zyyy").
  static func scriptShortName(_ code: UInt8) -> String {
    String(cString: cicu_script_short_name(Int32(code)))
  }

  /// ICU and Unicode versions of the linked library, e.g. ("72.1", "15.0").
  static var versions: (icu: String, unicode: String) {
    var icu = [CChar](repeating: 0, count: 16)
    var uni = [CChar](repeating: 0, count: 16)
    icu.withUnsafeMutableBufferPointer { i in
      uni.withUnsafeMutableBufferPointer { u in cicu_versions(i.baseAddress, u.baseAddress) }
    }
    return (decodeCString(icu), decodeCString(uni))
  }
}

func decodeCString(_ chars: [CChar]) -> String {
  let bytes = chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
  return String(decoding: bytes, as: UTF8.self)
}

/// General categories in ICU's `UCharCategory` order.
enum GeneralCategoryCode {
  static let unassigned: UInt8 = 0, uppercaseLetter: UInt8 = 1, lowercaseLetter: UInt8 = 2
  static let titlecaseLetter: UInt8 = 3, modifierLetter: UInt8 = 4, otherLetter: UInt8 = 5
  static let nonSpacingMark: UInt8 = 6, enclosingMark: UInt8 = 7, combiningSpacingMark: UInt8 = 8
  static let decimalNumber: UInt8 = 9, letterNumber: UInt8 = 10, otherNumber: UInt8 = 11
  static let spaceSeparator: UInt8 = 12, lineSeparator: UInt8 = 13, paragraphSeparator: UInt8 = 14
  static let control: UInt8 = 15, format: UInt8 = 16, privateUse: UInt8 = 17, surrogate: UInt8 = 18
  static let dashPunctuation: UInt8 = 19, startPunctuation: UInt8 = 20, endPunctuation: UInt8 = 21
  static let connectorPunctuation: UInt8 = 22, otherPunctuation: UInt8 = 23, mathSymbol: UInt8 = 24
  static let currencySymbol: UInt8 = 25, modifierSymbol: UInt8 = 26, otherSymbol: UInt8 = 27
  static let initialPunctuation: UInt8 = 28, finalPunctuation: UInt8 = 29

  static func isLetter(_ gc: UInt8) -> Bool { gc >= 1 && gc <= 5 }
  static func isMark(_ gc: UInt8) -> Bool { gc >= 6 && gc <= 8 }
  static func isPunctuation(_ gc: UInt8) -> Bool { (gc >= 19 && gc <= 23) || gc == 28 || gc == 29 }
}

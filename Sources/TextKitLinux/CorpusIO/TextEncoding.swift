/// A character encoding of input text.
///
/// ```swift
/// TextEncoding(name: "cp1255")     // .windows1255
/// TextEncoding(name: "koi8-r")     // .icu("koi8-r"): any name ICU's converters accept
/// ```
public enum TextEncoding: Sendable, Hashable, CustomStringConvertible {
  /// UTF-8; a leading byte-order mark is removed.
  case utf8
  /// UTF-16 little-endian (a leading BOM is removed).
  case utf16LE
  /// UTF-16 big-endian (a leading BOM is removed).
  case utf16BE
  /// Windows Hebrew (logical order, with niqqud); what ICU's detector calls `ISO-8859-8-I`.
  case windows1255
  /// ISO-8859-8 (historically visual order).
  case iso8859_8
  /// ISO-8859-8-I (logical order).
  case iso8859_8I
  /// ISO-8859-8-E (explicit directionality).
  case iso8859_8E
  /// DOS Hebrew (code page 862).
  case cp862
  /// Any other converter name ICU accepts.
  case icu(String)

  /// Parses a user-facing name (case-insensitive, common aliases).
  public init(name: String) {
    switch name.lowercased().replacing("_", with: "-") {
    case "utf-8", "utf8": self = .utf8
    case "utf-16le", "utf16le": self = .utf16LE
    case "utf-16be", "utf16be": self = .utf16BE
    case "windows-1255", "cp1255", "win-1255", "windows1255": self = .windows1255
    case "iso-8859-8", "iso8859-8", "hebrew": self = .iso8859_8
    case "iso-8859-8-i", "iso8859-8-i": self = .iso8859_8I
    case "iso-8859-8-e", "iso8859-8-e": self = .iso8859_8E
    case "cp862", "ibm862", "ibm-862", "dos-862": self = .cp862
    default: self = .icu(name)
    }
  }

  /// The name given to ICU's converter.
  var icuName: String {
    switch self {
    case .utf8: return "UTF-8"
    case .utf16LE: return "UTF-16LE"
    case .utf16BE: return "UTF-16BE"
    case .windows1255: return "windows-1255"
    case .iso8859_8: return "ISO-8859-8"
    case .iso8859_8I: return "ISO-8859-8-I"
    case .iso8859_8E: return "ISO-8859-8-E"
    case .cp862: return "ibm-862"
    case .icu(let n): return n
    }
  }

  public var description: String {
    switch self {
    case .icu(let n): return n
    case .cp862: return "cp862"
    default: return icuName
    }
  }
}

/// How to choose the input encoding.
public enum EncodingChoice: Sendable, Hashable {
  /// BOM, then valid UTF-8, then Hebrew words of windows-1255/ISO-8859-8 or DOS 862, or Cyrillic words of
  /// windows-1251 (whose small letters are Hebrew's bytes: letter frequencies and final forms
  /// tell them apart), then ICU charset detection (Hebrew single-byte text that ICU reports as
  /// ISO-8859-8-I is decoded as windows-1255, its superset; ICU's next guesses when its first
  /// cannot decode the bytes); no guess that fits leaves UTF-8.
  case auto
  /// This encoding.
  case fixed(TextEncoding)
}

/// What was chosen for an input, and why (`--verbose`).
public struct EncodingDecision: Sendable, Hashable {
  /// The encoding used.
  public var encoding: TextEncoding
  /// Bytes of byte-order mark skipped at the start.
  public var bomLength: Int
  /// A one-line reason, e.g. "UTF-8 BOM" or "ICU detected ISO-8859-8-I (confidence 62)".
  public var reason: String
}

/// Chooses an encoding from the first bytes of an input.
public enum EncodingDetector {
  /// How many bytes ``detect(_:)`` looks at.
  public static let sampleSize = 64 * 1024

  /// The decision for `choice` on the first bytes of an input: detection for `.auto`; for a
  /// given encoding, its byte-order mark (UTF-8, UTF-16LE/BE) is skipped when present.
  public static func decide(_ choice: EncodingChoice, firstBytes raw: [UInt8]) -> EncodingDecision {
    switch choice {
    case .auto:
      return detect(Array(raw.prefix(sampleSize)))
    case .fixed(let e):
      let bom: [UInt8]
      switch e {
      case .utf8: bom = [0xEF, 0xBB, 0xBF]
      case .utf16LE: bom = [0xFF, 0xFE]
      case .utf16BE: bom = [0xFE, 0xFF]
      default: bom = []
      }
      let has = !bom.isEmpty && raw.starts(with: bom)
      return EncodingDecision(encoding: e, bomLength: has ? bom.count : 0, reason: has ? "given; BOM skipped" : "given")
    }
  }

  /// Decides the encoding of an input from its first bytes.
  public static func detect(_ sample: [UInt8]) -> EncodingDecision {
    if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .init(encoding: .utf8, bomLength: 3, reason: "UTF-8 BOM") }
    if sample.starts(with: [0xFF, 0xFE]) { return .init(encoding: .utf16LE, bomLength: 2, reason: "UTF-16LE BOM") }
    if sample.starts(with: [0xFE, 0xFF]) { return .init(encoding: .utf16BE, bomLength: 2, reason: "UTF-16BE BOM") }
    let check = ByteScanning.findInvalidUTF8(sample, range: sample.indices, allowTruncatedTail: true)
    if check.invalid == nil {
      let ascii = !sample.contains { $0 >= 0x80 }
      return .init(encoding: .utf8, bomLength: 0, reason: ascii ? "ASCII (read as UTF-8)" : "valid UTF-8")
    }
    // ICU's detector needs a lot of text to tell Hebrew from other single-byte scripts, and
    // reads windows-1255 points as Arabic letters (see ``HebrewByteEvidence``). Hebrew words
    // with bytes only windows-1255 has settle it; letters alone, unless ICU is confident of
    // something else.
    let hebrew = HebrewByteEvidence(sample)
    if hebrew.hasWindows1255Marks {
      return .init(
        encoding: .windows1255, bomLength: 0,
        reason: "not UTF-8; Hebrew words with points or punctuation only windows-1255 has")
    }
    // ICU's guesses, asked once. The first vetoes the shape rules below where it names a
    // script with the same byte layout (Greek and Arabic look like windows-1251 words; Windows
    // punctuation runs like “…” look like cp862 words).
    let guesses = ICUCharsetDetector.detectAll(sample)
    let firstGuess = guesses.first
    let icuGreekOrArabic = firstGuess.map {
      ["ISO-8859-7", "windows-1253", "ISO-8859-6", "windows-1256"].contains($0.name) && fits(TextEncoding(name: $0.name), sample)
    } ?? false
    let icuWindowsLatin = firstGuess.map {
      ["windows-1252", "ISO-8859-1", "windows-1250", "ISO-8859-2"].contains($0.name) && $0.confidence >= 30
    } ?? false
    // DOS Hebrew (cp862): letters 80–9A, which are punctuation in the Windows code pages.
    if !icuWindowsLatin && DOSHebrewByteShape(sample).isHebrew {
      return .init(
        encoding: .cp862, bomLength: 0,
        reason: "not UTF-8; Hebrew words of DOS code page 862 (letters 80–9A); visual order is likely")
    }
    // Lowercase windows-1251 Cyrillic is the one script whose words read as unpointed Hebrew
    // letters (а–ъ are E0–FA); ICU cannot tell them apart on short text (it names windows-1251
    // for short Hebrew, and GB18030 or Shift_JIS for short Russian), so the letters decide,
    // with a margin for Hebrew: odds above e³. On 2,000 short Hebrew samples of one to six
    // words (news, either order) none went to Russian, and 23 of 40 short Russian phrases
    // (one to three words; longer text clears it easily) did.
    // A capitalized word (Москва) is Cyrillic outright: those bytes are points in windows-1255.
    let cyrillic = CyrillicByteShape(sample)
    if cyrillic.isCyrillic && cyrillic.capitalized > 0 && !icuGreekOrArabic {
      return .init(
        encoding: .icu("windows-1251"), bomLength: 0,
        reason: "not UTF-8; words of Cyrillic letters in windows-1251, capitalized")
    }
    // So are words with ы, ь or я (FB, FC, FF), which windows-1255 does not define: one word in twenty
    // at least (about one in five has one in Russian), so that a stray byte in Hebrew is not it.
    if cyrillic.isCyrillic && cyrillic.notHebrew > 0 && cyrillic.notHebrew * 20 >= cyrillic.words && !icuGreekOrArabic {
      return .init(
        encoding: .icu("windows-1251"), bomLength: 0,
        reason: "not UTF-8; words of Cyrillic letters in windows-1251, with ы, ь or я (no Hebrew bytes)")
    }
    if cyrillic.isCyrillic && hebrew.lettersOnly && hebrew.cyrillicLogOdds > 3 && !icuGreekOrArabic {
      return .init(
        encoding: .icu("windows-1251"), bomLength: 0,
        reason: "not UTF-8; lowercase letters read as Russian in windows-1251 rather than Hebrew (letter frequencies, final forms)")
    }
    if hebrew.hasLogicalFinalForms {
      return .init(
        encoding: .windows1255, bomLength: 0,
        reason: "not UTF-8; Hebrew words of windows-1255/ISO-8859-8 with final letters at their ends")
    }
    let guess = firstGuess
    // Text whose every high byte is in a Hebrew word is Hebrew whatever ICU's confidence (short
    // Hebrew comes back as Greek or Arabic at 60–75): the other scripts have bytes outside
    // E0–FA (accented vowels, capitals, C0–DF letters).
    let icuCyrillic = guess.map { $0.name == "windows-1251" || $0.name == "KOI8-R" } ?? false
    let hebrewWins =
      hebrew.isHebrew
      && ((hebrew.lettersOnly && !icuCyrillic) || (guess.map { $0.confidence < 60 || $0.name.hasPrefix("ISO-8859-8") } ?? true))
    if hebrewWins {
      return .init(
        encoding: .windows1255, bomLength: 0,
        reason: "not UTF-8; high bytes are Hebrew letters of windows-1255/ISO-8859-8"
          + (guess.map { " (ICU guessed \($0.name), confidence \($0.confidence))" } ?? "")
          + (guess?.name == "ISO-8859-8" ? "; visual order is likely" : ""))
    }
    guard let guess else {
      return .init(encoding: .utf8, bomLength: 0, reason: "not UTF-8 and ICU had no guess; reading as UTF-8")
    }
    // ICU always names something, and on short text its best guess is often a code page that
    // cannot decode the sample (ISO-8859-6 for windows-1251 Greek or Russian): the guesses are
    // tried in ICU's order and the first that decodes the sample is used. After the first, only
    // single-byte code pages, and at confidence 15 or more: the multi-byte ones (Shift_JIS,
    // GB18030, Big5, EUC, UTF-16/32) decode almost any few bytes and come at 10, and the
    // EBCDIC ones (IBM420, IBM424) decode any byte.
    let later = guesses.dropFirst().filter { c in
      c.confidence >= 15
        && (c.name.hasPrefix("ISO-8859") || c.name.hasPrefix("windows-") || c.name.hasPrefix("KOI8"))
    }
    for (rank, candidate) in ([guess] + later).enumerated() {
      let detected = TextEncoding(name: candidate.name)
      let encoding: TextEncoding
      var note = ""
      switch detected {
      case .iso8859_8I, .iso8859_8:
        // ICU reports windows-1255 Hebrew as ISO-8859-8-I; windows-1255 is the superset
        // (it adds niqqud and punctuation), so it decodes both without loss.
        encoding = .windows1255
        note = detected == .iso8859_8 ? "; visual order is likely" : ""
      default:
        encoding = detected
      }
      guard fits(encoding, sample) else { continue }
      let passed = rank == 0 ? "" : "; its first guess \(guess.name) (confidence \(guess.confidence)) does not fit the bytes"
      return .init(
        encoding: encoding, bomLength: 0,
        reason: "not UTF-8; ICU detected \(candidate.name) (confidence \(candidate.confidence))\(passed), decoding as \(encoding)\(note)")
    }
    // A guess that cannot decode the sample is no guess, so the input is read as UTF-8 and
    // fails with the bytes named, as when ICU has none.
    return .init(
      encoding: .utf8, bomLength: 0,
      reason: "not UTF-8 and none of ICU's guesses (first \(guess.name), confidence \(guess.confidence)) fits the bytes; reading as UTF-8")
  }

  /// Whether `sample` can be text in `encoding`: UTF-16 without a byte-order mark only when
  /// ``looksLikeUTF16(_:bigEndian:)``; any encoding only when ICU decodes the sample without an
  /// invalid byte (an incomplete sequence at the end is not one).
  static func fits(_ encoding: TextEncoding, _ sample: [UInt8]) -> Bool {
    switch encoding {
    case .utf16BE: guard looksLikeUTF16(sample, bigEndian: true) else { return false }
    case .utf16LE: guard looksLikeUTF16(sample, bigEndian: false) else { return false }
    default: break
    }
    guard let decoder = try? ICUDecoder(charset: encoding.icuName, replaceInvalid: false) else { return false }
    var output: [UInt8] = []
    do {
      try decoder.convert(sample, range: sample.indices, flush: false, appendingTo: &output)
      return true
    } catch {
      return false
    }
  }

  /// Whether BOM-less `sample` looks like UTF-16 in that byte order.
  ///
  /// ICU's detector offers UTF-16 for almost any bytes (with confidence 10), and the UTF-16
  /// converter accepts almost any bytes. Real text has spaces, digits or line ends: code units
  /// whose high byte is zero, while their low bytes are hardly ever zero.
  static func looksLikeUTF16(_ sample: [UInt8], bigEndian: Bool) -> Bool {
    var zeroHigh = 0, zeroLow = 0
    var i = 0
    while i + 1 < sample.count {
      let (high, low) = bigEndian ? (sample[i], sample[i + 1]) : (sample[i + 1], sample[i])
      if high == 0 { zeroHigh += 1 }
      if low == 0 { zeroLow += 1 }
      i += 2
    }
    return zeroHigh > 0 && zeroLow * 10 <= zeroHigh
  }
}

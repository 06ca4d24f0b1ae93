import Testing

@testable import TextKitLinux

/// A line of text and the bytes a legacy code page gives it.
struct LegacySample: CustomTestStringConvertible, Sendable {
  var text: String
  var bytes: [UInt8]
  var testDescription: String { String(text.prefix { $0 != "\n" }) }

  /// `text` in windows-1255.
  ///
  /// ASCII, letters E0–FA, points and punctuation C0–D3 (CA is unassigned), Yiddish
  /// ligatures and geresh/gershayim D4–D8. Cantillation accents
  /// (U+0591–U+05AF) have no byte; meteg (silluq), paseq, maqaf and sof pasuq have.
  init(windows1255 text: String) {
    self.text = text
    bytes = text.unicodeScalars.map { u in
      switch u.value {
      case 0..<0x80: UInt8(u.value)
      case 0x5B0...0x5C3 where u.value != 0x5BA: UInt8(u.value - 0x5B0 + 0xC0)
      case 0x5D0...0x5EA: UInt8(u.value - 0x5D0 + 0xE0)
      case 0x5F0...0x5F4: UInt8(u.value - 0x5F0 + 0xD4)
      case 0x20AA: 0xA4  // ₪
      default:
        preconditionFailure(
          "U+\(String(u.value, radix: 16)) has no windows-1255 byte here")
      }
    }
  }
}

@Suite("Encoding detection")
struct EncodingDetectorTests {
  /// Short pointed Hebrew: ICU's detector reads points C0–D2 as Arabic letters (ISO-8859-6,
  /// which cannot decode the letters F0–FA) or falls back to UTF-16.
  static let pointed = [
    "שָׁלוֹם\n",
    "שָׁלוֹם עוֹלָם\n",
    "בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָֽרֶץ׃\n",  // silluq (meteg), sof pasuq
    "וַיֹּאמֶר אֱלֹהִים יְהִי אוֹר וַֽיְהִי־אוֹר׃\n",  // maqaf
    "שָׁלוֹם 123 abc\n",
    "פֶּרֶק 3, Genesis 1:1\n",
    "ISBN 978-965, סֵפֶר חָדָשׁ\n",
  ].map(LegacySample.init(windows1255:))

  /// Short Hebrew with an ASCII gershayim (ח"כ: one-letter pieces either side) and a symbol
  /// byte among ASCII (₪): ICU guessed Greek or failed for these.
  static let acronymsAndSymbols = [
    "שָׁלוֹם ח\"כ\n", "שלום עולם, ח\"כ משה ₪ 100\n", "ח\"כ כהן\n", "צה\"ל ₪ 5\n", "מחיר: ₪ 20, ד\"ר לוי\n",
  ].map(LegacySample.init(windows1255:))

  @Test("short Hebrew with ASCII gershayim and symbols is windows-1255", arguments: acronymsAndSymbols)
  func acronymsAndSymbolsAreHebrew(_ sample: LegacySample) {
    let d = EncodingDetector.detect(sample.bytes)
    #expect(d.encoding == .windows1255, "\(d.reason)")
  }

  @Test func finalLettersTellLogicalOrder() {
    let logical = LegacySample(windows1255: "שלום עולם, מה נשמע\n").bytes
    #expect(HebrewByteEvidence(logical).hasLogicalFinalForms)
    // The same words in visual order (reversed): final forms first.
    #expect(!HebrewByteEvidence(LegacySample(windows1255: "םולש םלוע, המ עמשנ\n").bytes).hasLogicalFinalForms)
    // Russian in windows-1251 uses the same bytes: п (EF) is a final nun at a word's start.
    let russian: [UInt8] = [0xEF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xEC, 0xE8, 0xF0, 0x0A]  // привет мир
    #expect(!HebrewByteEvidence(russian).hasLogicalFinalForms)
    // An abbreviation may end in a non-final letter before its gershayim or geresh.
    #expect(HebrewByteEvidence(LegacySample(windows1255: "שלום ח\"כ עולם פרופ'\n").bytes).hasLogicalFinalForms)
  }

  @Test func samplePinsTheCodePage() {
    // iconv -f utf-8 -t windows-1255 <<< 'שָׁלוֹם עוֹלָם'
    let iconv: [UInt8] = [
      0xF9, 0xC8, 0xD1, 0xEC, 0xE5, 0xC9, 0xED, 0x20, 0xF2, 0xE5, 0xC9, 0xEC,
      0xC8, 0xED, 0x0A,
    ]
    #expect(Self.pointed[1].bytes == iconv)
  }

  @Test("short pointed windows-1255 is windows-1255", arguments: pointed)
  func pointedWindows1255(_ sample: LegacySample) throws {
    let d = EncodingDetector.detect(sample.bytes)
    #expect(d.encoding == .windows1255, "\(d.reason)")
    #expect(d.bomLength == 0)
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .auto
    let r = try job.normalize(bytes: sample.bytes)
    #expect(String(decoding: r.output, as: UTF8.self) == sample.text)
  }

  /// Letters only: the same bytes in ISO-8859-8 and windows-1255; decoded as windows-1255.
  static let unpointed = [
    "שלום\n",
    "שלום עולם, זה טקסט.\n",
    "םלוע םולש\n",  // visual order, as old ISO-8859-8 files have it
    String(repeating: "תבש ןוילג לש טסקט הז .םלוע םולש\n", count: 20),
  ].map(LegacySample.init(windows1255:))

  @Test(
    "unpointed ISO-8859-8 is still read as windows-1255", arguments: unpointed)
  func unpointedISO8859_8(_ sample: LegacySample) throws {
    let d = EncodingDetector.detect(sample.bytes)
    #expect(d.encoding == .windows1255, "\(d.reason)")
    #expect(!d.reason.contains("point"), "\(d.reason)")
  }

  @Test func utf16WithoutBOMNeedsZeroBytes() {
    // "שלום a\n" in UTF-16LE without BOM: ICU says UTF-16LE, and the spaces and ASCII agree.
    let le = Array(
      "שלום a\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect(EncodingDetector.detect(le).encoding == .utf16LE)
    #expect(EncodingDetector.looksLikeUTF16(le, bigEndian: false))
    #expect(!EncodingDetector.looksLikeUTF16(le, bigEndian: true))
    // Single-byte text has no zero bytes: never UTF-16 without a BOM.
    #expect(
      !EncodingDetector.looksLikeUTF16(Self.pointed[2].bytes, bigEndian: true))
    #expect(
      !EncodingDetector.looksLikeUTF16(Self.pointed[2].bytes, bigEndian: false))
  }

  /// Russian in windows-1251, written here (а–я are E0–FF, А–Я C0–DF, ё B8, — 97). Small letters
  /// are the bytes of Hebrew letters in windows-1255; ICU read these as Hebrew, Arabic,
  /// GB18030 or Shift_JIS.
  static func windows1251(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { u in
      switch u.value {
      case 0..<0x80: UInt8(u.value)
      case 0x410...0x44F: UInt8(u.value - 0x410 + 0xC0)
      case 0x451: 0xB8
      case 0x401: 0xA8
      case 0x2014: 0x97
      case 0xAB: 0xAB
      case 0xBB: 0xBB
      default: preconditionFailure("U+\(String(u.value, radix: 16)) has no windows-1251 byte here")
      }
    }
  }

  static let russian = [
    "он сказал что все хорошо\n", "привет мир\n", "это книга\n", "москва\n",
    "глава правительства\n", "Москва\n", "Да\n", "Он сказал: да.\n", "Баку, 3 декабря — встреча\n",
    "Спасибо большое\n", "Привет, мир!\n", "Он сказал: «да»\n",
    // ы and я (FB, FF) are no windows-1255 bytes: these had no fitting guess and failed as UTF-8.
    "я тебя люблю\n", "мы\n", "вы были там\n", "день\n", "ночь\n", "жизнь\n",
  ]

  @Test("short Russian in windows-1251 is windows-1251", arguments: russian)
  func shortRussianIsWindows1251(_ text: String) throws {
    let bytes = Self.windows1251(text)
    let d = EncodingDetector.detect(bytes)
    #expect(d.encoding == .icu("windows-1251"), "\(d.reason)")
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .auto
    #expect(String(decoding: try job.normalize(bytes: bytes).output, as: UTF8.self) == text)
  }

  /// Short unpointed Hebrew that ICU calls Greek (60–69), Arabic (75), ISO-8859-5 (75) or
  /// windows-1251 (50), in both orders.
  static let shortHebrew = [
    "גם בגיבוי לו זוכה\n", "אבי\n", "זה\n", "בן\n", "ןיב\n", "ציטט\n", "הספר\n", "רשמי בכנסת\n",
    "גם\n", "בסוף\n", "ףוסב\n", "םע הדובע\n", "נכס אסטרטגי בעולם\n",
  ].map(LegacySample.init(windows1255:))

  @Test("short Hebrew letters stay windows-1255", arguments: shortHebrew)
  func shortHebrewIsWindows1255(_ sample: LegacySample) {
    let d = EncodingDetector.detect(sample.bytes)
    #expect(d.encoding == .windows1255, "\(d.reason)")
  }

  /// One stray FF among Hebrew words (a damaged file) does not make the input Russian: ы and я
  /// settle windows-1251 only in one word in twenty or more.
  @Test func strayByteInHebrewIsNotRussian() {
    var text = ""
    for _ in 0..<30 { text += "הוא אמר שהכול בסדר " }
    var bytes = LegacySample(windows1255: text).bytes
    bytes.insert(0xFF, at: 5)
    #expect(EncodingDetector.detect(bytes).encoding != .icu("windows-1251"))
  }

  /// Greek ό is byte FC, ь in windows-1251; a Greek word read so has no Russian vowel
  /// (μόνο is мьнп), so it is not taken for Russian.
  @Test func shortGreekIsNotWindows1251() {
    for bytes: [UInt8] in [[0xEC, 0xFC, 0xED, 0xEF, 0x0A], [0xE1, 0xF5, 0xF4, 0xFC, 0x0A]] {  // μόνο, αυτό
      #expect(EncodingDetector.detect(bytes).encoding != .icu("windows-1251"))
    }
  }

  @Test func dosHebrewIsCP862() throws {
    // iconv -f utf-8 -t cp862 <<< 'שלום עולם, מה נשמע' (letters 80–9A).
    let bytes: [UInt8] = [0x99, 0x8C, 0x85, 0x8D, 0x20, 0x92, 0x85, 0x8C, 0x8D, 0x2C, 0x20, 0x8E, 0x84, 0x20, 0x90, 0x99, 0x8E, 0x92, 0x0A]
    let d = EncodingDetector.detect(bytes)
    #expect(d.encoding == .cp862, "\(d.reason)")
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .auto
    #expect(String(decoding: try job.normalize(bytes: bytes).output, as: UTF8.self) == "שלום עולם, מה נשמע\n")
    // Windows punctuation between spaces (“…”, “”) is not DOS Hebrew.
    #expect(EncodingDetector.detect(Array("x ".utf8) + [0x93, 0x85, 0x94] + Array(" y\n".utf8)).encoding != .cp862)
    #expect(EncodingDetector.detect([0x93, 0x94, 0x0A]).encoding != .cp862)
    #expect(EncodingDetector.detect(Array("He said ".utf8) + [0x93] + Array("hi".utf8) + [0x94, 0x0A]).encoding != .cp862)
  }

  @Test func greekArabicAndWindowsPunctuationKeepTheirCodePages() {
    // ISO-8859-7 Greek and windows-1256 Arabic have capitals and small letters where
    // windows-1251 has them; ICU's guess vetoes the Cyrillic rule. (Γιώργος Παπαδόπουλος)
    let greek: [UInt8] = [0xC3, 0xE9, 0xFE, 0xF1, 0xE3, 0xEF, 0xF2, 0x20, 0xD0, 0xE1, 0xF0, 0xE1, 0xE4, 0xFC,
      0xF0, 0xEF, 0xF5, 0xEB, 0xEF, 0xF2, 0x0A]
    #expect(EncodingDetector.detect(greek).encoding == .icu("ISO-8859-7"), "\(EncodingDetector.detect(greek).reason)")
    let arabic: [UInt8] = [0xDD, 0xED, 0x20, 0xC8, 0xED, 0xE4, 0x0A]  // في بين
    #expect(EncodingDetector.detect(arabic).encoding == .icu("windows-1256"), "\(EncodingDetector.detect(arabic).reason)")
    // windows-1252 punctuation runs between spaces are not cp862 words.
    let quotes = Array("He said ".utf8) + [0x93, 0x85, 0x94] + Array(" and then ".utf8) + [0x93, 0x85, 0x94] + Array(" again.\n".utf8)
    #expect(EncodingDetector.detect(quotes).encoding == .icu("windows-1252"), "\(EncodingDetector.detect(quotes).reason)")
    let rule = Array("Chapter One\n".utf8) + [UInt8](repeating: 0x97, count: 12) + Array("\nText.\n".utf8)
    #expect(EncodingDetector.detect(rule).encoding != .cp862)
  }

  @Test func dosHebrewWithAcronymsAndPrefixes() {
    // ד"ר יעל כהן, נולד ב-1967 in cp862.
    let bytes: [UInt8] = [0x83, 0x22, 0x98, 0x20, 0x89, 0x92, 0x8C, 0x20, 0x8B, 0x84, 0x8F, 0x2C, 0x20, 0x8D,
      0x85, 0x8C, 0x83, 0x20, 0x81, 0x2D, 0x31, 0x39, 0x36, 0x37, 0x0A]
    #expect(EncodingDetector.detect(bytes).encoding == .cp862, "\(EncodingDetector.detect(bytes).reason)")
  }

  @Test func cyrillicShape() {
    #expect(CyrillicByteShape(Self.windows1251("Москва и Баку")).capitalized == 2)
    #expect(CyrillicByteShape(Self.windows1251("Москва и Баку")).isCyrillic)
    // Greek with an accented vowel (ά is DC, a capital's byte in windows-1251) is not.
    let greek: [UInt8] = [0xCC, 0xE7, 0xF4, 0xF3, 0xEF, 0xF4, 0xDC, 0xEA, 0xE7, 0xF2]  // Μητσοτάκης
    #expect(!CyrillicByteShape(greek).isCyrillic)
    // A letter glued to ASCII letters (Latin-1 café) is not.
    #expect(!CyrillicByteShape(Array("caf".utf8) + [0xE9]).isCyrillic)
  }

  @Test func undecidableBytesAreReadAsUTF8() throws {
    // One pointed letter is too little to call Hebrew, and ICU's guess (ISO-8859-6) cannot
    // decode F9: the input is read as UTF-8, and fails there with the bytes named.
    let bytes: [UInt8] = [0xF9, 0xC8, 0xD1, 0x0A]
    let d = EncodingDetector.detect(bytes)
    #expect(d.encoding == .utf8, "\(d.reason)")
    var job = CorpusNormalizer(profile: .nfc)
    job.encoding = .auto
    let error = #expect(throws: CorpusError.self) {
      try job.normalize(bytes: bytes)
    }
    #expect(error?.kind == .invalidUTF8)
    #expect(error?.bytes.first == 0xF9)
  }

  @Test func hebrewWordShape() {
    // Shin and sin dots sit only on shin; a point needs a letter before it; a letter glued to
    // ASCII letters is a Latin-1 accent, not Hebrew.
    #expect(
      HebrewByteEvidence([0xF9, 0xD1, 0xEC, 0xE5, 0xED]).hebrewWords == 1)
    #expect(
      HebrewByteEvidence([0xEC, 0xD1, 0xEC, 0xE5, 0xED]).hebrewWords == 0)
    #expect(HebrewByteEvidence([0x20, 0xC8, 0xEC, 0xE5]).hebrewWords == 0)
    #expect(
      HebrewByteEvidence(Array("caf".utf8) + [0xE9, 0xE9]).hebrewWords == 0)
    let e = HebrewByteEvidence(Self.pointed[1].bytes)
    #expect(e.isHebrew && e.hasWindows1255Marks)
    #expect(e.hebrewWords == 2 && e.highBytes == 13 && e.wordBytes == 13)
    #expect(!HebrewByteEvidence(Self.unpointed[1].bytes).hasWindows1255Marks)
  }
}

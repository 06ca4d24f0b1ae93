/// Context rules for the steps that look at neighbouring characters.

enum ZeroWidthContext {
  /// Scripts whose letters legitimately join or break with ZWJ/ZWNJ (everything but the
  /// scripts our corpora use without them: Latin, Greek, Cyrillic, Hebrew, Common, Inherited).
  static func isJoiningScriptLetter(_ v: UInt32) -> Bool {
    let gc = UnicodeTables.generalCategory[Int(v)]
    guard GeneralCategoryCode.isLetter(gc) || GeneralCategoryCode.isMark(gc) else { return false }
    let sc = UnicodeTables.script[Int(v)]
    // UScriptCode: 0 Common, 1 Inherited, 8 Cyrillic, 14 Greek, 19 Hebrew, 25 Latin.
    return ![0, 1, 8, 14, 19, 25].contains(sc)
  }

  static func neighbours(_ b: [UInt8], at i: Int, length: Int) -> (UInt32?, UInt32?) {
    let prev: UInt32? = i > 0 ? UTF8Bytes.decodeBefore(b, i).0 : nil
    let next: UInt32? = i + length < b.count ? UTF8Bytes.decode(b, at: i + length).0 : nil
    return (prev, next)
  }

  static func keepsNonJoiner(_ b: [UInt8], at i: Int, length: Int) -> Bool {
    let (p, n) = neighbours(b, at: i, length: length)
    guard let p, let n else { return false }
    return isJoiningScriptLetter(p) && isJoiningScriptLetter(n)
  }

  static func keepsJoiner(_ b: [UInt8], at i: Int, length: Int) -> Bool {
    let (p, n) = neighbours(b, at: i, length: length)
    guard let p, let n else { return false }
    let pb = UnicodeTables.binary[Int(p)]
    let nb = UnicodeTables.binary[Int(n)]
    // Emoji ZWJ sequence: pictographic (or its modifier / VS16 / tag) before, pictographic after.
    let emojiBefore = pb & 0b11 != 0 || p == 0xFE0F || (0xE0020...0xE007F).contains(p)
    if emojiBefore && nb & 0b01 != 0 { return true }
    return isJoiningScriptLetter(p) && isJoiningScriptLetter(n)
  }
}

enum PresentationForms {
  /// U+FB1D…U+FB4F → the compatibility decomposition's bytes (nil for the point varika U+FB1E,
  /// which is a mark, and unassigned slots). Built once from ICU's NFKD.
  static let table: [[UInt8]?] = (0xFB1D...0xFB4F).map { v -> [UInt8]? in
    guard v != 0xFB1E, let s = Unicode.Scalar(UInt32(v)) else { return nil }
    let gc = UnicodeTables.generalCategory[v]
    if gc == GeneralCategoryCode.unassigned { return nil }
    guard let d = try? NormalizationForm.nfkd.normalize(String(Character(s))), d.unicodeScalars.first?.value != UInt32(v)
    else { return nil }
    return Array(d.utf8)
  }
}

enum QuoteRules {
  static func isSingle(_ v: UInt32) -> Bool {
    v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x05F3 || v == 0x2032 || v == 0xFF07
  }
  static func isDouble(_ v: UInt32) -> Bool {
    v == 0x22 || v == 0x201D || v == 0x201C || v == 0x05F4 || v == 0x2033 || v == 0xFF02
  }

  /// The nearest scalar before `i` that is not a Hebrew mark, and its offset.
  static func baseBefore(_ b: [UInt8], _ i: Int) -> (UInt32, Int)? {
    var j = i
    while j > 0 {
      let (v, s) = UTF8Bytes.decodeBefore(b, j)
      if !HebrewMarks.isMark(v) { return (v, s) }
      j = s
    }
    return nil
  }

  /// Whether the Hebrew word that ends before offset `i` opens with a single quote.
  static func wordOpensWithSingleQuote(_ b: [UInt8], before i: Int) -> Bool {
    var j = i
    while j > 0 {
      let (v, s) = UTF8Bytes.decodeBefore(b, j)
      if HebrewMarks.isLetter(v) || HebrewMarks.isMark(v) { j = s; continue }
      guard isSingle(v) else { return false }
      // A geresh-like mark inside the word (ג'ורג') is preceded by a Hebrew letter; an opening
      // quote is not.
      if s > 0, let (p, _) = baseBefore(b, s), HebrewMarks.isLetter(p) {
        if opensQuotation(b, at: s, length: j - s, double: false) { return true }
        j = s
        continue
      }
      return v != 0x05F3
    }
    return false
  }

  static func rewrite(_ v: UInt32, in b: [UInt8], at i: Int, length: Int, into out: inout [UInt8]) -> Bool {
    let single = isSingle(v)
    let double = !single && isDouble(v)
    guard single || double else {
      // Other curly quotes outside the geresh families.
      switch v {
      case 0x201A, 0x201B: out.append(0x27); return true
      case 0x201E, 0x201F: out.append(0x22); return true
      default: return false
      }
    }
    let afterHebrew = baseBefore(b, i).map { HebrewMarks.isLetter($0.0) } ?? false
    let next: UInt32? = i + length < b.count ? UTF8Bytes.decode(b, at: i + length).0 : nil
    let beforeHebrew = next.map(HebrewMarks.isLetter) ?? false
    let target: UInt32
    if afterHebrew && beforeHebrew && !opensQuotation(b, at: i, length: length, double: double) {
      target = single ? 0x05F3 : 0x05F4
    } else if single && afterHebrew && !(next.map(isLetterOrDigit) ?? false)
      && !wordOpensWithSingleQuote(b, before: i)
    {
      target = 0x05F3
    } else if v == 0x05F3 || v == 0x05F4 {
      return false  // a real geresh/gershayim standing elsewhere stays
    } else {
      target = single ? 0x27 : 0x22
    }
    if target == v { return false }
    UTF8Bytes.append(target, to: &out)
    return true
  }

  /// Whether a mark between Hebrew letters opens a quotation after a prefix letter
  /// (ו"שלום", ו'כן') rather than being gershayim or geresh: the Hebrew letters after it are
  /// closed by a mark of the same family. For the single mark the letter before must also be a
  /// prefix letter (ו ה ב כ ל מ ש) standing alone at the word start, since ג'ורג' has the same
  /// shape.
  static func opensQuotation(_ b: [UInt8], at i: Int, length: Int, double: Bool) -> Bool {
    var j = i + length
    var closes = false
    while j < b.count {
      let (v, len) = UTF8Bytes.decode(b, at: j)
      if HebrewMarks.isLetter(v) || HebrewMarks.isMark(v) { j += len; continue }
      closes = double ? isDouble(v) : isSingle(v)
      break
    }
    if !closes { return false }
    if double { return true }
    guard let (p, ps) = baseBefore(b, i), [0x05D5, 0x05D4, 0x05D1, 0x05DB, 0x05DC, 0x05DE, 0x05E9].contains(p) else {
      return false
    }
    if ps == 0 { return true }
    let (before, _) = UTF8Bytes.decodeBefore(b, ps)
    return !(HebrewMarks.isLetter(before) || HebrewMarks.isMark(before))
  }

  static func isLetterOrDigit(_ v: UInt32) -> Bool {
    if v < 0x80 {
      return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)
    }
    let gc = UnicodeTables.generalCategory[Int(v)]
    return GeneralCategoryCode.isLetter(gc) || gc == GeneralCategoryCode.decimalNumber
  }
}

enum LatinFolding {
  /// Base letters for Latin letters with diacritics and the letters that have no
  /// decomposition (ə, ø, ł, đ…). Built once; ranges cover Latin-1 through Latin Extended-D.
  static let table: [UInt32: [UInt8]] = {
    var t: [UInt32: [UInt8]] = [:]
    let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF]
    for r in ranges {
      for v in r {
        guard let s = Unicode.Scalar(v) else { continue }
        guard let d = try? NormalizationForm.nfd.normalize(String(Character(s))) else { continue }
        let base = d.unicodeScalars.filter { $0.value < 0x0300 || $0.value > 0x036F }
        if base.count == 1, let first = base.first, first.value < 0x80, first.value != v {
          t[v] = [UInt8(first.value)]
        }
      }
    }
    let special: [UInt32: String] = [
      0x0259: "a", 0x018F: "A", 0x0131: "i", 0x00F8: "o", 0x00D8: "O", 0x0111: "d", 0x0110: "D",
      0x0127: "h", 0x0126: "H", 0x0142: "l", 0x0141: "L", 0x00E6: "ae", 0x00C6: "AE", 0x0153: "oe",
      0x0152: "OE", 0x00DF: "ss", 0x00FE: "th", 0x00DE: "TH", 0x00F0: "d", 0x00D0: "D", 0x014B: "n",
      0x014A: "N", 0x0167: "t", 0x0166: "T", 0x0192: "f", 0x01DD: "a", 0x0180: "b", 0x0268: "i",
    ]
    for (k, v) in special { t[k] = Array(v.utf8) }
    return t
  }()

  /// Whether `v` is in one of the ranges of ``table``, IPA included for ə and ɨ (a cheap test before the hash lookup:
  /// Hebrew letters and most punctuation reach the fold step's scan but never fold).
  @inline(__always)
  static func mayFold(_ v: UInt32) -> Bool {
    (0x00C0...0x02AF).contains(v) || (0x1E00...0x1EFF).contains(v) || (0x2C60...0x2C7F).contains(v)
      || (0xA720...0xA7FF).contains(v)
  }

  static func rewrite(_ v: UInt32, in b: [UInt8], at i: Int, into out: inout [UInt8]) -> Bool {
    if mayFold(v), let r = table[v] {
      out.append(contentsOf: r)
      return true
    }
    // A combining diacritic left over after a Latin letter (no precomposed form exists).
    if (0x0300...0x036F).contains(v), i > 0 {
      let (p, _) = UTF8Bytes.decodeBefore(b, i)
      if p < 0x80 || table[p] != nil || (0x0300...0x036F).contains(p) { return true }
      if UnicodeTables.script[Int(p)] == 25 { return true }
    }
    return false
  }
}

enum PunctuationRules {
  static func rewrite(_ v: UInt32, in b: [UInt8], at i: Int, length: Int, into out: inout [UInt8]) -> Bool {
    let isPunct: Bool
    if v < 0x80 {
      isPunct = true  // the scanner stops only at ASCII punctuation
    } else {
      isPunct = GeneralCategoryCode.isPunctuation(UnicodeTables.generalCategory[Int(v)])
    }
    guard isPunct else { return false }
    let prev: UInt32? = QuoteRules.baseBefore(b, i)?.0
    let next: UInt32? = i + length < b.count ? UTF8Bytes.decode(b, at: i + length).0 : nil
    let prevHebrew = prev.map(HebrewMarks.isLetter) ?? false
    if v == 0x05F3 && prevHebrew { return false }  // geresh stays: ג׳ is not ג
    if v == 0x05F4 && prevHebrew && (next.map(HebrewMarks.isLetter) ?? false) { return true }  // ח״כ → חכ
    if v == 0x27 || v == 0x2019 {
      if let p = prev, let n = next, QuoteRules.isLetterOrDigit(p), QuoteRules.isLetterOrDigit(n) {
        return true  // o'brien → obrien
      }
    }
    out.append(0x20)
    return true
  }
}

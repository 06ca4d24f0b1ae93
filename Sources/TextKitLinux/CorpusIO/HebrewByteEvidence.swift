#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How much of a byte sample reads as Hebrew words in windows-1255 (or ISO-8859-8, its subset
/// for letters).
///
/// ICU's charset detector needs a lot of text to tell Hebrew from other single-byte scripts:
/// short Hebrew comes back as windows-1256, and short *pointed* Hebrew as ISO-8859-6, because
/// the windows-1255 points C0–D2 are Arabic letters there. So the detector looks at the shape
/// of words instead. A Hebrew word here is a run of two letters or more, not touching an ASCII
/// letter, made of:
///
/// - letters E0–FA (and the Yiddish ligatures D4–D6), each followed by at most four different
///   points C0–C9, CB–CD, CF, D1, D2 (shin and sin dots D1/D2 only on shin F9);
/// - after a letter, punctuation that joins or ends words: maqaf CE, paseq D0, sof pasuq D3,
///   geresh D7, gershayim D8;
/// - LRM/RLM (FD, FE) anywhere.
///
/// Other high bytes (windows-1255 quotes and dashes 80–BF, for instance) end a word and count
/// against the text being Hebrew. Points, those punctuation bytes and the ligatures exist only
/// in windows-1255, so inside Hebrew words they rule out ISO-8859-8 and the Arabic code pages.
///
/// ```swift
/// let e = HebrewByteEvidence([0xF9, 0xC8, 0xD1, 0xEC, 0xE5, 0xC9, 0xED])  // שָׁלוֹם
/// e.isHebrew            // true
/// e.hasWindows1255Marks // true
/// ```
struct HebrewByteEvidence {
  /// Bytes 80–FF in the sample.
  private(set) var highBytes = 0
  /// High bytes inside Hebrew words.
  private(set) var wordBytes = 0
  /// Hebrew words.
  private(set) var hebrewWords = 0
  /// Bytes inside Hebrew words that only windows-1255 has (points, punctuation, ligatures).
  private(set) var windows1255Marks = 0
  /// Hebrew words whose last letter is a final form (ך ם ן ף ץ).
  private(set) var finalEndings = 0
  /// Hebrew words with a final form before their last letter, or a non-final כ מ נ צ as their
  /// last letter (without a geresh or gershayim after it): what logical-order Hebrew does not
  /// have, and what visual order (reversed words) or another script read as Hebrew has.
  private(set) var finalMisplaced = 0
  /// Hebrew words with a final form neither first nor last (ך ם ן ף ץ inside): what Hebrew in
  /// neither order has, and what windows-1251 Cyrillic read as Hebrew has in many words (к н п
  /// у х are those bytes).
  private(set) var finalInside = 0

  /// Scans `sample`.
  ///
  /// - Complexity: O(*n*) in the sample's length.
  init(_ sample: [UInt8]) {
    var i = 0
    while i < sample.count {
      guard sample[i] >= 0x80 else {
        i += 1
        continue
      }
      var end = i
      while end < sample.count {
        if Self.isHebrewByte(sample[end]) {
          end += 1
        } else if end > i, sample[end] == 0x22 || sample[end] == 0x27, end + 1 < sample.count,
          Self.isLetter(sample[end + 1])
        {
          end += 1  // an ASCII gershayim or geresh inside a word (ח"כ, ג'ורג')
        } else {
          break
        }
      }
      if end == i {
        // Not a windows-1255 Hebrew byte. A lone symbol or punctuation byte among ASCII
        // (₪ A4, – 96, “ 93) is neutral; other high bytes count against Hebrew.
        let lone = (i == 0 || sample[i - 1] < 0x80) && (i + 1 >= sample.count || sample[i + 1] < 0x80)
        if !(lone && sample[i] <= 0xBF) { highBytes += 1 }
        i += 1
        continue
      }
      highBytes += sample[i..<end].count { $0 >= 0x80 }
      let touchesLatin =
        (i > 0 && isASCIILetter(sample[i - 1]))
        || (end < sample.count && isASCIILetter(sample[end]))
      if !touchesLatin, let marks = Self.wordMarks(sample[i..<end]) {
        hebrewWords += 1
        wordBytes += sample[i..<end].count { $0 >= 0x80 }
        windows1255Marks += marks
        let letters = sample[i..<end].filter { (0xE0...0xFA).contains($0) }
        if let last = letters.last {
          if Self.isFinalForm(last) { finalEndings += 1 }
          let marked = sample[end - 1] == 0x22 || sample[end - 1] == 0x27 || sample[end - 1] == 0xD7 || sample[end - 1] == 0xD8
            || (end < sample.count && (sample[end] == 0x27 || sample[end] == 0x22))
            || sample[i..<end].contains(0x22) || sample[i..<end].contains(0xD8)  // an acronym: ח"כ
          if letters.dropLast().contains(where: Self.isFinalForm) || ([0xEB, 0xEE, 0xF0, 0xF6].contains(last) && !marked) {
            finalMisplaced += 1
          }
          if letters.dropFirst().dropLast().contains(where: Self.isFinalForm) { finalInside += 1 }
          for b in letters { cyrillicLetterLogOdds += Self.letterLogOdds[Int(b - 0xE0)] }
        }
      }
      i = end
    }
  }

  /// Nearly all high bytes (90%) are in Hebrew words, and there is one at least, and fewer
  /// than one word in five has a final form inside it.
  var isHebrew: Bool { hebrewWords > 0 && wordBytes * 10 >= highBytes * 9 && finalInside * 5 < hebrewWords }

  /// Every high byte is a letter E0–FA in a word of two letters or more (no points, no
  /// windows-1255 punctuation, no other high byte), and there is such a word: text that
  /// lowercase windows-1251 Cyrillic (а–ъ are E0–FA) would read as too.
  var lettersOnly: Bool { hebrewWords > 0 && wordBytes == highBytes && windows1255Marks == 0 }

  /// How much more the words' letters look like Russian in windows-1251 than like Hebrew in
  /// windows-1255 (natural log odds; > 0 leans Cyrillic): each letter's frequency in the two
  /// languages, +3 for each word with a final form inside it (к н п у х in Russian), −1 for
  /// each word that ends in a final form when none is out of place (logical Hebrew).
  var cyrillicLogOdds: Float {
    cyrillicLetterLogOdds + 3 * Float(finalInside) - (finalMisplaced == 0 ? Float(finalEndings) : 0)
  }

  private var cyrillicLetterLogOdds: Float = 0

  /// Per mille frequency of each byte E0–FA as a letter of Russian in windows-1251 (а … ъ;
  /// ё counted with е), from the published frequency tables of Russian text.
  private static let russianPerMille: [Float] = [
    80.1, 15.9, 45.4, 17.0, 29.8, 84.9, 9.4, 16.5, 73.5, 12.1, 34.9, 44.0, 32.1, 67.0, 109.7,
    28.1, 47.3, 54.7, 62.6, 26.2, 2.6, 9.7, 4.8, 14.4, 7.3, 3.6, 0.4,
  ]

  /// Per mille frequency of each byte E0–FA as a letter of Hebrew in windows-1255 (א … ת),
  /// counted in news text.
  private static let hebrewPerMille: [Float] = [
    53.2, 79.9, 18.8, 24.0, 93.5, 94.2, 16.9, 22.7, 16.9, 132.5, 3.9, 26.6, 50.0, 27.9, 47.4,
    13.6, 31.2, 18.2, 18.2, 4.5, 13.0, 2.0, 9.7, 16.9, 64.3, 51.3, 50.6,
  ]

  private static let letterLogOdds: [Float] = zip(russianPerMille, hebrewPerMille).map { logf($0 / $1) }

  /// Hebrew in logical order by its final letters: two words end in a final form at least,
  /// and none has one out of place (ICU's detector, which reads short Hebrew as Greek or
  /// Arabic, is overruled).
  var hasLogicalFinalForms: Bool { isHebrew && finalEndings >= 2 && finalMisplaced == 0 }

  /// Hebrew, with bytes in its words that only windows-1255 has.
  var hasWindows1255Marks: Bool { isHebrew && windows1255Marks > 0 }

  /// ך ם ן ף ץ.
  private static func isFinalForm(_ b: UInt8) -> Bool { b == 0xEA || b == 0xED || b == 0xEF || b == 0xF3 || b == 0xF5 }


  private static func isLetter(_ b: UInt8) -> Bool {
    (0xE0...0xFA).contains(b) || (0xD4...0xD6).contains(b)
  }

  private static func isPoint(_ b: UInt8) -> Bool {
    (0xC0...0xD2).contains(b) && ![0xCA, 0xCE, 0xD0].contains(b)
  }

  private static func isPunctuation(_ b: UInt8) -> Bool {
    [0xCE, 0xD0, 0xD3, 0xD7, 0xD8].contains(b)
  }

  private static func isHebrewByte(_ b: UInt8) -> Bool {
    isLetter(b) || isPoint(b) || isPunctuation(b) || b == 0xFD || b == 0xFE
  }

  /// The number of windows-1255-only bytes in `run` if it has the shape of a Hebrew word,
  /// else `nil`.
  private static func wordMarks(_ run: ArraySlice<UInt8>) -> Int? {
    var letters = 0
    var marks = 0
    var base: UInt8?  // the letter the next point would sit on
    var points: UInt32 = 0  // points on `base` so far, bit b - 0xC0
    for b in run {
      if isLetter(b) {
        letters += 1
        if b < 0xE0 { marks += 1 }
        base = b
        points = 0
      } else if isPoint(b) {
        let bit: UInt32 = 1 << (b - 0xC0)
        guard let base, points & bit == 0, points.nonzeroBitCount < 4 else {
          return nil
        }
        if (b == 0xD1 || b == 0xD2) && base != 0xF9 { return nil }
        points |= bit
        marks += 1
      } else if isPunctuation(b) {
        guard letters > 0 else { return nil }
        base = nil
        marks += 1
      }
    }
    return letters >= 2 ? marks : nil
  }
}

/// Whether a byte sample has the shape of Cyrillic words in windows-1251: every high byte is
/// in a word of Cyrillic letters (capitals C0–DF, small letters E0–FF, Ё ё and the Ukrainian
/// and Belarusian letters in A5–BF) that does not touch an ASCII letter, apart from
/// punctuation (« » „ “ ” … – — №) and lone symbols among ASCII.
///
/// A word of one capital and small letters after it (Москва, Привет) cannot be Hebrew: in
/// windows-1255 the capitals' bytes are points, and a Hebrew word does not start with one.
/// Small letters alone are E0–FA, Hebrew's letters, and ``HebrewByteEvidence/cyrillicLogOdds``
/// tells them apart.
struct CyrillicByteShape {
  /// Cyrillic words.
  private(set) var words = 0
  /// Words of one capital followed by small letters only.
  private(set) var capitalized = 0
  /// High bytes that are not in a Cyrillic word.
  private(set) var otherHighBytes = 0
  /// Words with a capital after a small letter: not how Russian is written, but how Greek
  /// (accented vowels DC–DF) and Arabic (letters C1–DF) read as windows-1251.
  private(set) var mixedCase = 0
  /// Words with ы (FB), ь (FC) or я (FF): bytes windows-1255 and ISO-8859-8 do not define, so
  /// such a word of small letters cannot be Hebrew (я тебя люблю, мы, день). (FC is Greek ό in
  /// ISO-8859-7: the caller lets ICU's Greek guess veto.)
  private(set) var notHebrew = 0

  /// Scans `sample`.
  ///
  /// - Complexity: O(*n*) in the sample's length.
  init(_ sample: [UInt8]) {
    var i = 0
    while i < sample.count {
      guard sample[i] >= 0x80 else {
        i += 1
        continue
      }
      var end = i
      while end < sample.count && Self.isLetter(sample[end]) { end += 1 }
      if end == i {
        // Punctuation next to words (« » „ “ ” … – — №) is neutral; other high bytes only
        // alone among ASCII.
        let punctuation = [0xAB, 0xBB, 0x84, 0x93, 0x94, 0x85, 0x96, 0x97, 0xB9].contains(sample[i])
        let lone = (i == 0 || sample[i - 1] < 0x80) && (i + 1 >= sample.count || sample[i + 1] < 0x80)
        if !lone && !punctuation { otherHighBytes += 1 }
        i += 1
        continue
      }
      let touchesLatin =
        (i > 0 && isASCIILetter(sample[i - 1])) || (end < sample.count && isASCIILetter(sample[end]))
      if touchesLatin {
        otherHighBytes += end - i
      } else {
        words += 1
        var sawSmall = false, mixed = false
        for b in sample[i..<end] {
          if Self.isCapital(b) { mixed = mixed || sawSmall } else { sawSmall = true }
        }
        // ь counts in a word with a Russian vowel (день): Greek ό is FC too, but Greek read as
        // windows-1251 has none of а е и о у (μόνο is мьнп, αυτό бхфь).
        let word = sample[i..<end]
        if word.contains(where: { $0 == 0xFB || $0 == 0xFF })
          || (word.contains(0xFC) && word.contains(where: { [0xE0, 0xE5, 0xE8, 0xEE, 0xF3, 0xB8].contains($0) }))
        {
          notHebrew += 1
        }
        if mixed {
          mixedCase += 1
        } else if end - i >= 2 && Self.isCapital(sample[i]) && !Self.isCapital(sample[i + 1]) {
          capitalized += 1
        }
      }
      i = end
    }
  }

  /// Some Cyrillic word, no high byte outside one, and no word with a capital after a small
  /// letter.
  var isCyrillic: Bool { words > 0 && otherHighBytes == 0 && mixedCase == 0 }

  private static func isCapital(_ b: UInt8) -> Bool {
    (0xC0...0xDF).contains(b) || [0xA8, 0xA5, 0xAA, 0xAF, 0xB2, 0xA1].contains(b)
  }

  private static func isLetter(_ b: UInt8) -> Bool {
    b >= 0xC0 || isCapital(b) || [0xB8, 0xB4, 0xBA, 0xBF, 0xB3, 0xA2].contains(b)
  }

}

/// Whether a byte sample has the shape of Hebrew words in DOS code page 862: letters א–ת are
/// 80–9A there, and every high byte is in a word of two letters or more that does not touch
/// an ASCII letter (a geresh or gershayim `'` `"` inside; one-letter words are neutral, a run of
/// one repeated byte is not a word).
///
/// In the Windows code pages 80–9A are quotes, dashes and other punctuation, which do not
/// come two or more together between spaces; in DOS Russian (cp866) they are capitals, whose
/// small letters (A0–AF, E0–EF) would be other high bytes here.
struct DOSHebrewByteShape {
  /// Hebrew words.
  private(set) var words = 0
  /// High bytes outside them.
  private(set) var otherHighBytes = 0
  /// Letters in the words, and the longest word's.
  private(set) var letters = 0, longest = 0

  /// Scans `sample`.
  ///
  /// - Complexity: O(*n*) in the sample's length.
  init(_ sample: [UInt8]) {
    var i = 0
    while i < sample.count {
      guard sample[i] >= 0x80 else {
        i += 1
        continue
      }
      var end = i
      var count = 0
      while end < sample.count {
        if sample[end] >= 0x80 && sample[end] <= 0x9A {
          count += 1
          end += 1
        } else if (sample[end] == 0x22 || sample[end] == 0x27) && end > i {
          end += 1  // a gershayim or geresh (ד"ר, ג'ורג')
        } else {
          break
        }
      }
      let touchesLatin =
        (i > 0 && isASCIILetter(sample[i - 1])) || (end < sample.count && isASCIILetter(sample[end]))
      let repeated = count > 0 && sample[i..<end].allSatisfy { $0 == sample[i] }  // ———— ™™™
      if count >= 2 && !touchesLatin && !repeated {
        words += 1
        letters += count
        longest = Swift.max(longest, count)
      } else if count == 1 && !touchesLatin {
        // One letter (a proclitic before a hyphen, ב-1967): neutral.
      } else {
        otherHighBytes += Swift.max(end - i, 1)
      }
      i = Swift.max(end, i + 1)
    }
  }

  /// Four letters at least, a word of three, and no high byte outside a word (so that
  /// Windows punctuation between spaces, “…” or “”, is not read as Hebrew).
  var isHebrew: Bool { letters >= 4 && longest >= 3 && otherHighBytes == 0 }

}

/// A–Z, a–z: a high byte next to one is an accented Latin letter, not a word of another script.
@inline(__always) private func isASCIILetter(_ b: UInt8) -> Bool {
  (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
}

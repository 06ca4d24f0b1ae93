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
        (i > 0 && Self.isASCIILetter(sample[i - 1]))
        || (end < sample.count && Self.isASCIILetter(sample[end]))
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
        }
      }
      i = end
    }
  }

  /// Nearly all high bytes (90%) are in Hebrew words, and there is one at least.
  var isHebrew: Bool { hebrewWords > 0 && wordBytes * 10 >= highBytes * 9 }

  /// Hebrew in logical order by its final letters: two words end in a final form at least,
  /// and none has one out of place (ICU's detector, which reads short Hebrew as Greek or
  /// Arabic, is overruled).
  var hasLogicalFinalForms: Bool { isHebrew && finalEndings >= 2 && finalMisplaced == 0 }

  /// Hebrew, with bytes in its words that only windows-1255 has.
  var hasWindows1255Marks: Bool { isHebrew && windows1255Marks > 0 }

  /// ך ם ן ף ץ.
  private static func isFinalForm(_ b: UInt8) -> Bool { b == 0xEA || b == 0xED || b == 0xEF || b == 0xF3 || b == 0xF5 }

  private static func isASCIILetter(_ b: UInt8) -> Bool {
    (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
  }

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

/// Whether a line of text is stored in logical (reading) order or in visual (display) order.
public enum StorageOrder: String, Sendable, Hashable, CaseIterable {
  /// Right-to-left text stored as displayed, left to right (legacy PDFs, old web pages).
  case visual
  /// Right-to-left text stored in reading order (normal Unicode text).
  case logical
  /// No right-to-left text to judge.
  case none
}

/// A per-line verdict of ``VisualOrderDetector`` with the evidence behind it.
public struct StorageOrderVerdict: Sendable, Hashable {
  /// The verdict.
  public var order: StorageOrder
  /// Confidence in 0...1 (0.5: no evidence either way; `none` has 1).
  public var confidence: Double
  /// Weighted evidence for visual order.
  public var visualEvidence: Double
  /// Weighted evidence for logical order.
  public var logicalEvidence: Double
  /// Hebrew words (two letters or more) looked at.
  public var hebrewWords: Int
}

/// Detects Hebrew text stored in visual order, from evidence that reversal leaves behind.
///
/// Evidence (each Hebrew word of two letters or more, and the line's ends):
/// - a final letter (ך ם ן ף ץ) starts a word, or a non-final כ מ נ פ צ ends one: visual;
///   a final letter ends a word or a non-final one starts it: logical (in logical text a
///   final letter starts about 0.001% of words, after reversal about 24%);
/// - sentence punctuation (`.` `,` `:` `;` `!` `?`) first on a line that has Hebrew, or a
///   closing bracket before any opening one: visual; punctuation last: logical;
/// - digit groups reversed (`000,01`): visual.
///
/// The verdict is visual only when the visual evidence outweighs the logical evidence, so a
/// line with no evidence is `logical` with confidence 0.5. Lines without Hebrew or Arabic
/// letters are `none`.
///
/// ```swift
/// VisualOrderDetector().verdict(for: ".םולש רמא אוה").order   // .visual
/// ```
public struct VisualOrderDetector: Sendable {
  /// Creates a detector.
  public init() {}

  /// The verdict for one line.
  public func verdict(for line: some StringProtocol) -> StorageOrderVerdict {
    // Hebrew and Arabic (U+0590–U+06FF) lead with bytes D6–DB; presentation forms with EF.
    let mayHaveRTL = line.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.contains { ($0 >= 0xD6 && $0 <= 0xDB) || $0 == 0xEF }
    } ?? true
    if !mayHaveRTL {
      return StorageOrderVerdict(order: .none, confidence: 1, visualEvidence: 0,
                                 logicalEvidence: 0, hebrewWords: 0)
    }
    var visual = 0.0, logical = 0.0, words = 0
    var hasRTL = false
    var wordStart: UInt32 = 0, wordLast: UInt32 = 0, wordLength = 0
    var firstNonSpace: UInt32 = 0, lastNonSpace: UInt32 = 0
    var sawOpen = false, sawCloseFirst = false
    func endWord() {
      if wordLength >= 2 {
        words += 1
        if Self.isFinal(wordStart) { visual += 1 } else if Self.hasFinalForm(wordStart) { logical += 1 }
        if Self.isFinal(wordLast) { logical += 1 } else if Self.hasFinalForm(wordLast) { visual += 1 }
      }
      wordLength = 0
    }
    var digits = 0, groups: [Int] = []
    func endNumber() {
      // Reversed thousands grouping: 3-digit groups first, a short group last ("000,01").
      if groups.count >= 1 && digits > 0 && digits < 3 && groups.allSatisfy({ $0 == 3 }) {
        visual += 2
      }
      digits = 0
      groups.removeAll(keepingCapacity: true)
    }
    var lastWasDigit = false
    for s in line.unicodeScalars {
      let v = s.value
      if v >= 0x05D0 && v <= 0x05EA {
        hasRTL = true
        if wordLength == 0 { wordStart = v }
        wordLast = v
        wordLength += 1
      } else if (v >= 0x0591 && v <= 0x05C7 && v != 0x05BE && v != 0x05C0 && v != 0x05C3 && v != 0x05C6) {
        // niqqud and cantillation continue the word
      } else {
        endWord()
        if v >= 0x0600 && v <= 0x06FF || v >= 0xFB1D && v <= 0xFDFF || v >= 0xFE70 && v <= 0xFEFF {
          hasRTL = true
        }
      }
      if v >= 0x30 && v <= 0x39 {
        digits += 1
        lastWasDigit = true
      } else if v == 0x2C && lastWasDigit {
        groups.append(digits)
        digits = 0
        lastWasDigit = false
      } else {
        if digits > 0 || !groups.isEmpty { endNumber() }
        lastWasDigit = false
      }
      if v != 0x20 && v != 0x09 && v != 0xA0 && v != 0x0D {
        if firstNonSpace == 0 { firstNonSpace = v }
        lastNonSpace = v
      }
      if v == 0x28 || v == 0x5B { sawOpen = true }
      if (v == 0x29 || v == 0x5D) && !sawOpen { sawCloseFirst = true }
    }
    endWord()
    if digits > 0 || !groups.isEmpty { endNumber() }
    guard hasRTL else {
      return StorageOrderVerdict(order: .none, confidence: 1, visualEvidence: 0,
                                 logicalEvidence: 0, hebrewWords: 0)
    }
    if Self.isSentencePunctuation(firstNonSpace) { visual += 2 }
    if Self.isSentencePunctuation(lastNonSpace) { logical += 2 }
    if sawCloseFirst { visual += 1 }
    let total = visual + logical
    let isVisual = visual > logical
    let share = total == 0 ? 0.5 : Swift.max(visual, logical) / total
    // Little evidence pulls the confidence towards 0.5.
    let weight = total / (total + 1)
    let confidence = 0.5 + (share - 0.5) * weight
    return StorageOrderVerdict(order: isVisual ? .visual : .logical,
                               confidence: (confidence * 1000).rounded() / 1000,
                               visualEvidence: visual, logicalEvidence: logical,
                               hebrewWords: words)
  }

  static func isFinal(_ v: UInt32) -> Bool {
    v == 0x05DA || v == 0x05DD || v == 0x05DF || v == 0x05E3 || v == 0x05E5
  }

  /// כ מ נ פ צ: letters written differently at the end of a word.
  static func hasFinalForm(_ v: UInt32) -> Bool {
    v == 0x05DB || v == 0x05DE || v == 0x05E0 || v == 0x05E4 || v == 0x05E6
  }

  static func isSentencePunctuation(_ v: UInt32) -> Bool {
    v == 0x2E || v == 0x2C || v == 0x3A || v == 0x3B || v == 0x21 || v == 0x3F
  }
}

/// Repairs right-to-left text stored in visual order to logical order.
///
/// Uses ICU's inverse reordering (`UBIDI_REORDER_INVERSE_LIKE_DIRECT` at a right-to-left
/// paragraph level): Hebrew comes back in reading order while embedded Latin words and
/// numbers, already left to right in the visual text, keep their order.
///
/// ```swift
/// try VisualOrderRepair.toLogical(".םולש רמא Dan") // "Dan אמר שלום."
/// ```
public enum VisualOrderRepair {
  /// Converts one visual-order line to logical order (no detection).
  ///
  /// The paragraph is right to left unless the line both starts and ends (visually) with a
  /// left-to-right letter: an English sentence with Hebrew names stored visually
  /// (`I met ןהכ השמ in םילשורי today.` → `I met משה כהן in ירושלים today.`), which an
  /// inverse reordering at the right-to-left level would turn around.
  ///
  /// Points and other marks come back after their letters whichever way the visual encoder
  /// stored them: reversed with the letters (before their letter in the visual text, the
  /// usual form), or kept after their letter (``marksFollowTheirLetters(_:)``).
  public static func toLogical(_ line: String) throws(ICUError) -> String {
    if line.isEmpty { return line }
    let bidi = try ICUBidi(utf16: line.utf16, level: isLeftToRightParagraph(line) ? 0 : 1, inverse: true)
    return try bidi.reordered(mirroring: true, keepBaseCombining: marksFollowTheirLetters(line))
  }

  /// Whether the Hebrew marks of a visual-order line sit after their letters (each letter and
  /// its points reversed as one), not before them (every code point reversed). Evidence, in
  /// stored order: marks that end a word, or a shin or sin dot right after ש, say after; marks
  /// that start a word, or a shin or sin dot right before ש, say before. Before wins ties.
  public static func marksFollowTheirLetters(_ line: String) -> Bool {
    func isMark(_ v: UInt32) -> Bool { (0x0591...0x05C7).contains(v) && v != 0x05BE && v != 0x05C0 && v != 0x05C3 && v != 0x05C6 }
    func isLetter(_ v: UInt32) -> Bool { (0x05D0...0x05EA).contains(v) || (0x05F0...0x05F2).contains(v) }  // and Yiddish װ ױ ײ
    let v = line.unicodeScalars.map(\.value)
    var after = 0, before = 0
    var i = 0
    while i < v.count {
      guard isMark(v[i]) else {
        i += 1
        continue
      }
      var j = i
      var dot = false
      while j < v.count && isMark(v[j]) {
        dot = dot || v[j] == 0x05C1 || v[j] == 0x05C2
        j += 1
      }
      let previous: UInt32? = i > 0 && isLetter(v[i - 1]) ? v[i - 1] : nil
      let next: UInt32? = j < v.count && isLetter(v[j]) ? v[j] : nil
      if previous != nil && next == nil { after += 1 }
      if previous == nil && next != nil { before += 1 }
      if dot && previous == 0x05E9 && next != 0x05E9 { after += 1 }
      if dot && next == 0x05E9 && previous != 0x05E9 { before += 1 }
      i = j
    }
    return after > before
  }

  /// Whether the first and the last strong letters of `line` (in stored order) are both left
  /// to right (Latin, Cyrillic, Greek…), with no right-to-left letter (Hebrew, Arabic) at
  /// either end.
  static func isLeftToRightParagraph(_ line: String) -> Bool {
    func strong(_ s: Unicode.Scalar) -> Bool? {
      let v = s.value
      if (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v) {
        return s.properties.isAlphabetic ? false : nil
      }
      return s.properties.isAlphabetic ? true : nil
    }
    guard let first = line.unicodeScalars.lazy.compactMap(strong).first,
      let last = line.unicodeScalars.reversed().lazy.compactMap(strong).first
    else { return false }
    return first && last
  }

  /// Converts a logical-order line to visual order at an automatic paragraph level
  /// (what a legacy visual encoder stored).
  public static func toVisual(_ line: String, direction: ParagraphDirection = .auto)
    throws(ICUError) -> String
  {
    try BidiParagraph(line, direction: direction).visualOrder()
  }

  /// Repairs `line` only if ``VisualOrderDetector`` judges it visual.
  ///
  /// - Returns: the line in logical order and the verdict.
  public static func repairIfVisual(
    _ line: String, detector: VisualOrderDetector = VisualOrderDetector()
  ) throws(ICUError) -> (text: String, verdict: StorageOrderVerdict) {
    let verdict = detector.verdict(for: line)
    guard verdict.order == .visual else { return (line, verdict) }
    return (try toLogical(line), verdict)
  }
}

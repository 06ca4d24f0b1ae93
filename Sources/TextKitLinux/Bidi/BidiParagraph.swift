/// A resolved direction: left to right or right to left.
public enum TextDirection: String, Sendable, Hashable, CaseIterable {
  /// Left to right (even embedding level).
  case leftToRight = "ltr"
  /// Right to left (odd embedding level).
  case rightToLeft = "rtl"

  init(level: UInt8) { self = level & 1 == 0 ? .leftToRight : .rightToLeft }
}

/// How a paragraph's base direction is chosen.
public enum ParagraphDirection: Sendable, Hashable {
  /// From the first strong character (rules P2–P3); left to right if there is none.
  case auto
  /// From the first strong character; right to left if there is none.
  case autoRightToLeft
  /// Forced left to right.
  case leftToRight
  /// Forced right to left.
  case rightToLeft

  var icuLevel: UInt8 {
    switch self {
    case .auto: CICUConstants.defaultLTR
    case .autoRightToLeft: CICUConstants.defaultRTL
    case .leftToRight: 0
    case .rightToLeft: 1
    }
  }
}

/// A maximal stretch of text at one embedding level, in logical order.
public struct BidiRun: Sendable, Hashable {
  /// The run's range in the analysed string.
  public var range: Range<String.Index>
  /// Its embedding level (even: left to right).
  public var level: UInt8
  /// Its direction.
  public var direction: TextDirection { TextDirection(level: level) }
  /// The run's first script other than Common/Inherited, or Common.
  public var script: TextScript
}

/// The Unicode Bidirectional Algorithm's analysis of one paragraph (ICU ubidi).
///
/// ```swift
/// let p = try BidiParagraph("שלום Dan 2024!")
/// p.baseDirection            // .rightToLeft
/// p.runs.map(\.direction)    // [.rightToLeft, .leftToRight, .rightToLeft]
/// try p.visualOrder()        // "!Dan 2024 םולש"
/// ```
public struct BidiParagraph: Sendable {
  /// The analysed text.
  public let text: String
  /// The resolved paragraph direction.
  public let baseDirection: TextDirection
  /// The embedding level of each Unicode scalar of ``text``.
  public let levels: [UInt8]
  /// Level runs in logical order.
  public let runs: [BidiRun]
  private let direction: ParagraphDirection

  /// Analyses `text` as one paragraph. The corresponding ICU function is `ubidi_setPara`.
  public init(_ text: String, direction: ParagraphDirection = .auto) throws(ICUError) {
    var text = text
    text.makeContiguousUTF8()
    self.text = text
    self.direction = direction
    let scalars = text.unicodeScalars
    if Self.isTriviallyLeftToRight(text, direction) {
      baseDirection = .leftToRight
      levels = [UInt8](repeating: 0, count: scalars.count)
      runs = text.isEmpty ? [] : [BidiRun(range: text.startIndex..<text.endIndex, level: 0,
                                          script: TextScript.dominant(scalars))]
      return
    }
    if direction != .leftToRight, let simple = Self.rightToLeftOnly(text) {
      // Only R and neutrals (no L, AL, digits, controls, BN or paragraph separators): the
      // algorithm resolves every character to level 1 (W1–W7 change nothing, N1/N2 give the
      // neutrals R between R and the R of sos/eos, L1 resets to the paragraph level 1).
      baseDirection = .rightToLeft
      levels = [UInt8](repeating: 1, count: simple.scalars)
      runs = [BidiRun(range: text.startIndex..<text.endIndex, level: 1, script: simple.script)]
      return
    }
    // One C call: UTF-8 to UTF-16, ubidi_setPara, levels per scalar; runs from the bytes.
    let source = text
    var scratch = text
    let analysed = scratch.withUTF8 { bytes in
      Result { () throws(ICUError) -> (UInt8, [UInt8], [BidiRun]) in
        let (paragraph, levels) = try ICUBidiAnalyzerPool.with { analyzer throws(ICUError) in
          try analyzer.levels(utf8: bytes, level: direction.icuLevel)
        }
        return (paragraph, levels, Self.runs(bytes, levels, in: source))
      }
    }
    let (paragraph, perScalar, runs) = try analysed.get()
    baseDirection = TextDirection(level: paragraph)
    levels = perScalar
    self.runs = runs
  }

  /// Level runs of UTF-8 `bytes` (the contents of `text`) from per-scalar `levels`.
  static func runs(_ bytes: UnsafeBufferPointer<UInt8>, _ levels: [UInt8], in text: String) -> [BidiRun] {
    let utf8 = text.utf8
    var runs: [BidiRun] = []
    SegmentTables.script.withUnsafeBufferPointer { scripts in
      var k = 0, p = 0
      while k < levels.count {
        let level = levels[k]
        let startByte = p
        var script: UInt8 = 0
        while k < levels.count && levels[k] == level {
          let (scalar, length) = Classifier.decode(bytes, p)
          if script <= 1 { script = scripts[Int(scalar)] }
          p += length
          k += 1
        }
        let lower = utf8.index(utf8.startIndex, offsetBy: startByte)
        let upper = utf8.index(lower, offsetBy: p - startByte)
        runs.append(BidiRun(range: lower..<upper, level: level,
                            script: TextScript(code: script > 1 ? script : 0)))
      }
    }
    return runs
  }

  /// The paragraph as displayed, left to right, with mirrored characters mirrored
  /// (rule L4). The corresponding ICU function is `ubidi_writeReordered`.
  public func visualOrder(mirroring: Bool = true, removeControls: Bool = false) throws(ICUError)
    -> String
  {
    if levels.allSatisfy({ $0 == 0 }) && !removeControls { return text }
    return try ICUBidi(utf16: text.utf16, level: direction.icuLevel)
      .reordered(mirroring: mirroring, removeControls: removeControls)
  }

  /// For text whose characters are all R, ES, ET, CS, S, WS, ON or NSM with at least one R:
  /// its scalar count and first script other than Common/Inherited. Otherwise nil.
  static func rightToLeftOnly(_ text: String) -> (scalars: Int, script: TextScript)? {
    var copy = text
    return copy.withUTF8 { bytes -> (scalars: Int, script: TextScript)? in
      let classes = SegmentTables.bidiClass
      let scripts = SegmentTables.script
      // Allowed classes as a bit mask over UCharDirection: R 1, ES 3, ET 4, CS 6, S 8, WS 9,
      // ON 10, NSM 17.
      let allowed: UInt32 = 1 << 1 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 17
      var p = 0, count = 0
      var sawR = false
      var script: UInt8 = 0
      return classes.withUnsafeBufferPointer { cls in
        scripts.withUnsafeBufferPointer { sc in
          while p < bytes.count {
            let (scalar, length) = Classifier.decode(bytes, p)
            let c = cls[Int(scalar)]
            guard c < 32, allowed >> UInt32(c) & 1 != 0 else { return nil }
            if c == 1 { sawR = true }
            if script <= 1 { script = sc[Int(scalar)] }
            p += length
            count += 1
          }
          return sawR ? (count, TextScript(code: script > 1 ? script : 0)) : nil
        }
      }
    }
  }

  /// Whether `text` is certainly all level 0: pure ASCII, or no R/AL/AN/explicit controls.
  static func isTriviallyLeftToRight(_ text: String, _ direction: ParagraphDirection) -> Bool {
    guard direction == .auto || direction == .leftToRight else { return false }
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
    let table = BidiTables.bidiClass
    for s in text.unicodeScalars {
      switch table[Int(s.value)] {
      case 1, 5, 11...16, 19...22: return false
      default: continue
      }
    }
    return true
  }
}

enum CICUConstants {
  static let defaultLTR: UInt8 = 0xFE
  static let defaultRTL: UInt8 = 0xFF
}

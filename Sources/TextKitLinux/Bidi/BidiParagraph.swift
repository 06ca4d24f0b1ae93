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
/// try p.visualOrder()        // "!2024 Dan םולש"
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
    let bidi = try ICUBidi(utf16: text.utf16, level: direction.icuLevel)
    baseDirection = TextDirection(level: bidi.paragraphLevel)
    let units = try bidi.levels()
    var perScalar: [UInt8] = []
    perScalar.reserveCapacity(units.count)
    var u = 0
    for s in scalars {
      perScalar.append(units[u])
      u += s.utf16.count
    }
    levels = perScalar
    var runs: [BidiRun] = []
    var i = scalars.startIndex
    var k = 0
    while i < scalars.endIndex {
      let level = perScalar[k]
      let start = i
      while i < scalars.endIndex && perScalar[k] == level {
        i = scalars.index(after: i)
        k += 1
      }
      runs.append(BidiRun(range: start..<i, level: level,
                          script: TextScript.dominant(scalars[start..<i])))
    }
    self.runs = runs
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

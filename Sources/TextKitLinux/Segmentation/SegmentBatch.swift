import CICU

/// A batch of word segments as the C breaker writes them (`cicu_word_segment` records),
/// valid only during the call that hands it out
/// (``Segmenter/forEachSegmentBatch(utf8:_:)``).
package struct SegmentBatch {
  /// How many segments a batch holds at most.
  static let capacity = 512

  let records: UnsafePointer<cicu_word_segment>
  /// The number of segments.
  package let count: Int

  /// The segment at `index` (0..<count).
  package subscript(index: Int) -> ByteSegment { ByteSegment(records[index]) }
}

extension ByteSegment {
  /// The segment of a C record.
  @inline(__always)
  init(_ r: cicu_word_segment) {
    let kind = SegmentKind(code: r.kind)
    let direction = TextDirection.of(code: r.dir)
    let role: HebrewSegmentRole? =
      switch r.role {
      case 1: .prefix
      case 2: .maqaf
      case 3: .acronym
      default: nil
      }
    self.init(
      range: Int(r.start)..<Int(r.end), kind: kind,
      script: TextScript(code: r.script),
      direction: direction, hebrewRole: role)
  }

  /// Its C record (rule status 0: the record's kind already says it).
  var record: cicu_word_segment {
    let k = kind.code
    let d = TextDirection.code(direction)
    let role: UInt8 =
      switch hebrewRole {
      case .prefix: 1
      case .maqaf: 2
      case .acronym: 3
      case nil: 0
      }
    return cicu_word_segment(
      start: Int64(range.lowerBound), end: Int64(range.upperBound), status: 0,
      kind: k, script: script.code, dir: d, role: role)
  }
}

extension SegmentKind {
  /// The kind's code in `cicu_word_segment` records and the CLI's TSV tables (0...5).
  package var code: UInt8 {
    switch self {
    case .word: 0
    case .number: 1
    case .punctuation: 2
    case .space: 3
    case .symbol: 4
    case .emoji: 5
    }
  }

  init(code: UInt8) {
    switch code {
    case 0: self = .word
    case 1: self = .number
    case 2: self = .punctuation
    case 3: self = .space
    case 4: self = .symbol
    default: self = .emoji
    }
  }
}

extension TextDirection {
  /// A direction's code in `cicu_word_segment` records: 0 left-to-right, 1 right-to-left,
  /// 2 none.
  package static func code(_ d: TextDirection?) -> UInt8 {
    switch d {
    case .leftToRight: 0
    case .rightToLeft: 1
    case nil: 2
    }
  }

  static func of(code: UInt8) -> TextDirection? { code == 0 ? .leftToRight : code == 1 ? .rightToLeft : nil }
}

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
    let kind: SegmentKind =
      switch r.kind {
      case 0: .word
      case 1: .number
      case 2: .punctuation
      case 3: .space
      case 4: .symbol
      default: .emoji
      }
    let direction: TextDirection? =
      r.dir == 0 ? .leftToRight : r.dir == 1 ? .rightToLeft : nil
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
    let k: UInt8 =
      switch kind {
      case .word: 0
      case .number: 1
      case .punctuation: 2
      case .space: 3
      case .symbol: 4
      case .emoji: 5
      }
    let d: UInt8 =
      switch direction {
      case .leftToRight: 0
      case .rightToLeft: 1
      case nil: 2
      }
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

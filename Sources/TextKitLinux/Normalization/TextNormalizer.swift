/// Applies a ``NormalizationProfile`` to strings or to chunks of UTF-8.
///
/// ```swift
/// let normalizer = TextNormalizer(profile: .clean)
/// try normalizer.normalize("\u{202B}שלום\u{202C}\u{00A0}world")   // "שלום world"
/// ```
///
/// Work is done on UTF-8 bytes, a whole chunk at a time: each step first scans for the bytes it
/// could change (at memory speed) and leaves the chunk untouched, without a copy, when there are
/// none; normalization forms run ICU's quick check before any work.
public struct TextNormalizer: Sendable {
  /// The pipeline this normalizer applies.
  public let profile: NormalizationProfile

  /// Consecutive context-free steps fused into single scans (see `FusedScalarPass`).
  private let groups: [StepGroup]

  struct StepGroup: Sendable {
    var firstIndex: Int
    var steps: [NormalizationStep]
    var table: [UInt8]
  }

  /// Creates a normalizer for a profile.
  public init(profile: NormalizationProfile = .nfc) {
    self.profile = profile
    var groups: [StepGroup] = []
    for (i, step) in profile.steps.enumerated() {
      if FusedScalarPass.isFusable(step), let last = groups.last, last.steps.allSatisfy(FusedScalarPass.isFusable),
        last.firstIndex + last.steps.count == i
      {
        groups[groups.count - 1].steps.append(step)
      } else if step == .collapseWhitespace, let last = groups.last, last.steps == [.punctuationToSpace] {
        // Punctuation to space and whitespace collapsing share one C pass (see `runPunctuationAndWhitespace`).
        groups[groups.count - 1].steps.append(step)
      } else {
        groups.append(StepGroup(firstIndex: i, steps: [step], table: []))
      }
    }
    for k in groups.indices where groups[k].steps.count > 1 && groups[k].steps[0] != .punctuationToSpace {
      groups[k].table = FusedScalarPass.union(groups[k].steps)
    }
    self.groups = groups
  }

  /// Normalizes a string.
  ///
  /// - Throws: ``ICUError`` if ICU fails (it does not for well-formed text).
  public func normalize(_ string: String) throws(ICUError) -> String {
    var stats = NormalizationStatistics()
    let out = try normalize(utf8: Array(string.utf8), statistics: &stats)
    return String(decoding: out, as: UTF8.self)
  }

  /// Normalizes one chunk of well-formed UTF-8.
  ///
  /// A chunk must not end inside a combining sequence; the corpus normalizer finds safe cut points
  /// for streaming. Changes are counted per step into `statistics`.
  /// - Complexity: O(n) per step.
  public func normalize(utf8 chunk: [UInt8], statistics: inout NormalizationStatistics) throws(ICUError)
    -> [UInt8]
  {
    try normalize(utf8: chunk, facts: .unknown, statistics: &statistics)
  }

  /// What a scan of a chunk (``ByteScanning/scanUTF8(_:allowTruncatedTail:trackNFC:)``) already
  /// established; steps it makes redundant are skipped while the chunk is still unchanged.
  struct ChunkFacts: Sendable {
    /// Whether the chunk may hold a CR, NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR.
    var mayHaveLineEnds: Bool
    /// Offset of the first scalar that is not NFC-stable (the chunk's length if none): the
    /// text before it is in NFC and ends at a normalization boundary.
    var firstNFCUnstable: Int

    /// Nothing known.
    static let unknown = ChunkFacts(mayHaveLineEnds: true, firstNFCUnstable: 0)
  }

  /// Whether `facts` prove that every step leaves a chunk of `count` bytes unchanged, as
  /// ``normalize(utf8:facts:statistics:)`` would find without looking at the bytes; if so, the
  /// steps' (zero) changes are recorded as that call would.
  func provesUnchanged(_ facts: ChunkFacts, count: Int, statistics: inout NormalizationStatistics) -> Bool {
    for group in groups {
      guard group.steps.count == 1 else { return false }
      switch group.steps[0] {
      case .unifyLineEnds where !facts.mayHaveLineEnds: continue
      case .form(.nfc) where facts.firstNFCUnstable >= count: continue
      default: return false
      }
    }
    for group in groups { statistics.record(step: group.firstIndex, name: group.steps[0].name, changes: 0) }
    return true
  }

  func normalize(utf8 chunk: [UInt8], facts: ChunkFacts, statistics: inout NormalizationStatistics) throws(ICUError)
    -> [UInt8]
  {
    var current = chunk
    var untouched = true  // `current` is still `chunk`, so `facts` hold for it
    for group in groups {
      if group.steps.count == 1 {
        var changes = 0
        let step = group.steps[0]
        var next: [UInt8]?
        if untouched && step == .unifyLineEnds && !facts.mayHaveLineEnds {
          next = nil
        } else if untouched && step == .form(.nfc) && facts.firstNFCUnstable > 0 {
          if facts.firstNFCUnstable >= current.count {
            next = nil
          } else {
            // Check from the scalar before the first unstable one: all before it is stable.
            let from = UTF8Bytes.decodeBefore(current, facts.firstNFCUnstable).1
            next = try StepRunner.run(step, on: current, changes: &changes, checkFrom: from)
          }
        } else {
          next = try StepRunner.run(step, on: current, changes: &changes)
        }
        if let next {
          current = next
          untouched = false
        }
        statistics.record(step: group.firstIndex, name: step.name, changes: changes)
      } else if group.steps[0] == .punctuationToSpace {
        var punctuation = 0
        var whitespace = 0
        if let next = StepRunner.punctuationAndWhitespace(current, punctuation: &punctuation, whitespace: &whitespace) {
          current = next
          untouched = false
        }
        statistics.record(step: group.firstIndex, name: group.steps[0].name, changes: punctuation)
        statistics.record(step: group.firstIndex + 1, name: group.steps[1].name, changes: whitespace)
      } else {
        var changes = [Int](repeating: 0, count: group.steps.count)
        if let next = FusedScalarPass.run(group.steps, table: group.table, on: current, changes: &changes) {
          current = next
          untouched = false
        }
        for (k, step) in group.steps.enumerated() {
          statistics.record(step: group.firstIndex + k, name: step.name, changes: changes[k])
        }
      }
    }
    return current
  }
}

/// Counts of what each step changed (scalars replaced or removed; normalization forms count the
/// bytes of text that were not already normalized).
public struct NormalizationStatistics: Sendable, Hashable, Codable {
  /// Step names in pipeline order with their change counts.
  public private(set) var changes: [StepCount] = []

  /// One step's count.
  public struct StepCount: Sendable, Hashable, Codable {
    /// ``NormalizationStep/name``.
    public var step: String
    /// How many changes it made.
    public var count: Int
  }

  /// Empty statistics.
  public init() {}

  mutating func record(step index: Int, name: String, changes count: Int) {
    if index < changes.count {
      changes[index].count += count
    } else {
      changes.append(StepCount(step: name, count: count))
    }
  }

  /// Adds another set of statistics for the same pipeline.
  public mutating func merge(_ other: NormalizationStatistics) {
    for (i, c) in other.changes.enumerated() { record(step: i, name: c.step, changes: c.count) }
  }
}

import CICU

/// The unit a ``Segmenter`` cuts text into.
public enum SegmentUnit: String, Sendable, Hashable, CaseIterable {
  /// User-perceived characters (extended grapheme clusters, UAX #29).
  case grapheme
  /// Words, numbers, punctuation and spaces (UAX #29 word boundaries).
  case word
  /// Sentences (UAX #29 sentence boundaries).
  case sentence
  /// Line-break opportunities (UAX #14): each segment ends where a line may wrap.
  case line

  var icuType: cicu_break_type {
    switch self {
    case .grapheme: CICU_BREAK_CHARACTER
    case .word: CICU_BREAK_WORD
    case .sentence: CICU_BREAK_SENTENCE
    case .line: CICU_BREAK_LINE
    }
  }
}

/// What a segment is made of.
public enum SegmentKind: String, Sendable, Hashable, CaseIterable {
  /// Letters (with their marks, apostrophes, geresh and gershayim).
  case word
  /// Digits (with their separators: 1,000.5).
  case number
  /// Punctuation (including the maqaf).
  case punctuation
  /// White space.
  case space
  /// Symbols other than emoji (currency, math, …).
  case symbol
  /// Emoji (Extended_Pictographic).
  case emoji
}

/// Why a Hebrew refinement produced or marked a segment.
public enum HebrewSegmentRole: String, Sendable, Hashable {
  /// A Hebrew proclitic split off a number or a Latin word (ב of ב-2024, ה of הCIA).
  case prefix
  /// A maqaf (U+05BE) that joined two Hebrew words (בית־ספר).
  case maqaf
  /// An acronym or abbreviation with gershayim or geresh kept whole (ח"כ, עמ').
  case acronym
}

/// Hebrew-specific refinements of word segmentation; all on by default.
public struct HebrewRefinements: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Keep acronyms with gershayim whole (ח"כ, ארה״ב, צה"ל, ד"ר). Off: split at the gershayim.
  public static let acronyms = HebrewRefinements(rawValue: 1)
  /// Keep letters with geresh whole (ג'ורג', צ׳רצ׳יל, עמ'). Off: split at the geresh.
  public static let gereshLetters = HebrewRefinements(rawValue: 2)
  /// Report a maqaf between Hebrew words as its own segment with role `.maqaf`
  /// (ICU splits there already). Off: keep the joined words as one segment.
  public static let maqafSplit = HebrewRefinements(rawValue: 4)
  /// Split a proclitic before a number or Latin word (ב2024 → ב + 2024) and mark the
  /// proclitic of ב-2024 / ה-CIA with role `.prefix`.
  public static let prefixBeforeNumberOrLatin = HebrewRefinements(rawValue: 8)
  /// Everything (the default).
  public static let all: HebrewRefinements = [.acronyms, .gereshLetters, .maqafSplit, .prefixBeforeNumberOrLatin]
}

/// A segment located by UTF-8 byte offsets (the fast, allocation-free form).
public struct ByteSegment: Sendable, Hashable {
  /// Byte range in the UTF-8 text.
  public var range: Range<Int>
  /// What it is made of.
  public var kind: SegmentKind
  /// Its first script other than Common/Inherited, or Common.
  public var script: TextScript
  /// Direction of its first strong character; nil if it has none (digits, punctuation).
  public var direction: TextDirection?
  /// Set when a Hebrew refinement produced or marked it.
  public var hebrewRole: HebrewSegmentRole?
}

/// A segment of a `String`.
public struct Segment: Sendable, Hashable {
  /// Its range in the source string.
  public var range: Range<String.Index>
  /// The same range as UTF-8 byte offsets.
  public var utf8Range: Range<Int>
  /// Its text.
  public var text: Substring
  /// What it is made of.
  public var kind: SegmentKind
  /// Its first script other than Common/Inherited, or Common.
  public var script: TextScript
  /// Direction of its first strong character; nil if it has none.
  public var direction: TextDirection?
  /// Set when a Hebrew refinement produced or marked it.
  public var hebrewRole: HebrewSegmentRole?
}

/// Cuts text into graphemes, words, sentences or lines over ICU's break iterators, with
/// Hebrew refinements for words and abbreviation-aware sentences.
///
/// ```swift
/// let words = try Segmenter(unit: .word, locale: "he").segments(of: "ח\"כ דיבר ב-2024")
/// words.filter { $0.kind != .space }.map(\.text)   // ["ח\"כ", "דיבר", "ב", "-", "2024"]
/// ```
///
/// Sentences: ICU's rules plus its English abbreviation suppressions (`ss=standard`), and no
/// break after a known abbreviation (Mr., Mrs., Dr., Prof., St., U.S., e.g., etc. … and
/// Hebrew ones written with a period).
public struct Segmenter: Sendable {
  /// The unit.
  public let unit: SegmentUnit
  /// ICU locale ("he", "en_US", "" for the root rules).
  public let locale: String
  /// Hebrew refinements applied to word segments.
  public let hebrew: HebrewRefinements

  /// Creates a segmenter.
  public init(unit: SegmentUnit, locale: String = "", hebrew: HebrewRefinements = .all) {
    self.unit = unit
    self.locale = locale
    self.hebrew = hebrew
  }

  /// Whether `identifier` names a language, and a region if it has one, that ICU knows
  /// ("he", "en_US", "az-Latn-AZ" and "" for the root rules do; "xx" or "hebrew" do not).
  /// ICU opens break rules for any string, falling back to the root rules without a word,
  /// so a caller that takes a locale from its user checks it here first.
  public static func isKnownLocale(_ identifier: String) -> Bool {
    cicu_locale_is_known(identifier)
  }

  private var icuLocale: String {
    unit == .sentence ? (locale.isEmpty ? "en" : locale) + "@ss=standard" : locale
  }

  /// The segments of `text`.
  public func segments(of text: String) throws -> [Segment] {
    var text = text
    text.makeContiguousUTF8()
    let source = text
    return try text.withUTF8 { bytes in
      var result: [Segment] = []
      let utf8 = source.utf8
      try forEachSegment(utf8: bytes) { s in
        let lower = utf8.index(utf8.startIndex, offsetBy: s.range.lowerBound)
        let upper = utf8.index(lower, offsetBy: s.range.count)
        result.append(Segment(range: lower..<upper, utf8Range: s.range, text: source[lower..<upper],
                              kind: s.kind, script: s.script, direction: s.direction,
                              hebrewRole: s.hebrewRole))
      }
      return result
    }
  }

  /// Calls `body` for each segment of the UTF-8 `text` (which must be well formed), in
  /// order, covering it without gaps.
  public func forEachSegment(
    utf8 text: UnsafeBufferPointer<UInt8>, _ body: (ByteSegment) throws -> Void
  ) throws {
    try forEachSegment(utf8: text, icuOnly: false, body)
  }

  /// ``forEachSegment(utf8:_:)``; `icuOnly` sends word segmentation through ICU's iterator
  /// even where ``UnicodeWordBreaker`` would do (for tests comparing the two).
  func forEachSegment(
    utf8 text: UnsafeBufferPointer<UInt8>, icuOnly: Bool, _ body: (ByteSegment) throws -> Void
  ) throws {
    try forEachBatch(utf8: text, icuOnly: icuOnly) { batch in
      for k in 0..<batch.count { try body(batch[k]) }
    }
  }

  /// Calls `body` with the segments of the UTF-8 `text` (well formed), in order and without
  /// gaps, a batch at a time: the form `translit segment --format tsv` formats in C without a
  /// call per segment. With `fastWords`, word segmentation hands it each stretch of whole
  /// lines that the table-driven breaker handles without Hebrew refinements instead (for
  /// ``TSVLineFormatter/writeWords(into:capacity:text:range:base:middles:)``).
  package func forEachSegmentBatch(
    utf8 text: UnsafeBufferPointer<UInt8>, fastWords: ((Range<Int>) throws -> Void)? = nil,
    _ body: (SegmentBatch) throws -> Void
  ) throws {
    try forEachBatch(utf8: text, icuOnly: false, fastWords: fastWords, body)
  }

  /// The segments of `text` in batches; word lines the table-driven breaker handles are cut
  /// and classified in C (`cicu_word_segments`, the twin of ``UnicodeWordBreaker`` and
  /// ``Classifier``), a batch per call.
  func forEachBatch(
    utf8 text: UnsafeBufferPointer<UInt8>, icuOnly: Bool, fastWords: ((Range<Int>) throws -> Void)? = nil,
    _ body: (SegmentBatch) throws -> Void
  ) throws {
    guard !text.isEmpty else { return }
    try withUnsafeTemporaryAllocation(of: cicu_word_segment.self, capacity: SegmentBatch.capacity) { buffer in
      let records = buffer.baseAddress!
      var count = 0
      /// Queues a segment found by Swift code (ICU's iterator, the Hebrew refinements).
      func emit(_ s: ByteSegment) throws {
        records[count] = s.record
        count += 1
        if count == SegmentBatch.capacity { try flushBatch() }
      }
      func flushBatch() throws {
        if count > 0 { try body(SegmentBatch(records: records, count: count)) }
        count = 0
      }
      let classifier = Classifier()
      guard unit == .word, !icuOnly else {
        try icuSegments(utf8: text, classifier, refine: unit == .word && !hebrew.isEmpty, emit)
        return try flushBatch()
      }
      try SegmentTables.withTables { tables in
        try forEachWordStretch(text, tables) { start, end, fast, hebrewBytes in
          let chunk = UnsafeBufferPointer(rebasing: text[start..<end])
          let base = start
          let refine = hebrewBytes && !hebrew.isEmpty
          if fast && !refine, let fastWords {
            try flushBatch()
            try fastWords(start..<end)
          } else if fast && !refine {
            // Straight from C into the batch, shifted by `base`.
            try flushBatch()
            var from = 0
            while from < chunk.count {
              let n = Int(cicu_word_segments(
                chunk.baseAddress, Int64(chunk.count), Int64(from), tables, records,
                Int64(SegmentBatch.capacity)))
              from = Int(records[n - 1].end)
              if base != 0 {
                for k in 0..<n {
                  records[k].start += Int64(base)
                  records[k].end += Int64(base)
                }
              }
              try body(SegmentBatch(records: records, count: n))
            }
          } else if fast {
            try flushBatch()
            try refinedBatches(chunk, tables, base: base, body)
          } else {
            try icuSegments(utf8: chunk, classifier, refine: refine) { seg in
              var seg = seg
              seg.range = (seg.range.lowerBound + base)..<(seg.range.upperBound + base)
              try emit(seg)
            }
          }
        }
      }
      try flushBatch()
    }
  }

  /// Calls `body(start, end, fast, hebrew)` for each stretch of whole lines of `text` alike
  /// in whether the table-driven breaker handles them (`fast`) and whether they have Hebrew
  /// bytes (to refine). Word boundaries always fall after a line feed (WB3a), so each stretch
  /// can take its own path.
  private func forEachWordStretch(
    _ text: UnsafeBufferPointer<UInt8>, _ tables: UnsafePointer<cicu_segment_tables>,
    _ body: (Int, Int, Bool, Bool) throws -> Void
  ) throws {
    let n = text.count
    var start = 0
    while start < n {
      var end = start
      var stretchFast: Bool? = nil
      var stretchHebrew = false
      var lineStart = start
      while lineStart < n {
        // One pass over the line: its end, whether the table-driven breaker handles it, and
        // whether it has Hebrew (U+0590–U+05FF, U+FB1D–U+FB4F: lead bytes D6, D7, EF).
        var fast = true
        var hebrewBytes = false
        let lineEnd = Int(cicu_word_line_scan(
          text.baseAddress, Int64(n), Int64(lineStart), tables.pointee.word_classes,
          UnicodeWordBreaker.unsupported, &fast, &hebrewBytes))
        if stretchFast == nil {
          stretchFast = fast
          stretchHebrew = hebrewBytes
        }
        if fast != stretchFast || hebrewBytes != stretchHebrew { break }
        end = lineEnd
        lineStart = lineEnd
      }
      try body(start, end, stretchFast ?? true, stretchHebrew)
      start = end
    }
  }

  /// Word segments of `text` from the C breaker with the Hebrew refinements applied in C
  /// (`cicu_hebrew_refine`, the twin of ``refineHebrew(_:_:_:_:scratch:)``), in batches;
  /// ranges shifted by `base`. Refines 64 segments at a time and keeps the last 4 for the next
  /// round (a refinement looks up to two segments ahead), as ``icuSegments`` does.
  private func refinedBatches(
    _ text: UnsafeBufferPointer<UInt8>, _ tables: UnsafePointer<cicu_segment_tables>, base: Int,
    _ body: (SegmentBatch) throws -> Void
  ) throws {
    let round = 64, keep = 4
    let pending = UnsafeMutablePointer<cicu_word_segment>.allocate(capacity: round)
    var outCapacity = 4 * round
    var out = UnsafeMutablePointer<cicu_word_segment>.allocate(capacity: outCapacity)
    defer {
      pending.deallocate()
      out.deallocate()
    }
    let options = hebrew.rawValue
    let n = Int64(text.count)
    var count = 0
    /// Refines `pending[..<count]` into `out`; returns how many segments came out.
    func refine() -> Int {
      var m = Int(cicu_hebrew_refine(text.baseAddress, n, pending, Int64(count), options, tables, out,
                                     Int64(outCapacity)))
      if m > outCapacity {
        out.deallocate()
        outCapacity = m
        out = .allocate(capacity: outCapacity)
        m = Int(cicu_hebrew_refine(text.baseAddress, n, pending, Int64(count), options, tables, out,
                                   Int64(outCapacity)))
      }
      return m
    }
    func emit(_ m: Int) throws {
      guard m > 0 else { return }
      let records = out
      if base != 0 {
        for k in 0..<m {
          records[k].start += Int64(base)
          records[k].end += Int64(base)
        }
      }
      try body(SegmentBatch(records: records, count: m))
    }
    var from = 0
    while from < text.count {
      let got = Int(cicu_word_segments(text.baseAddress, n, Int64(from), tables, pending + count,
                                       Int64(round - count)))
      count += got
      from = Int(pending[count - 1].end)
      guard count >= round else { continue }
      let m = refine()
      let kept = Swift.min(m, keep)
      pending.update(from: out + (m - kept), count: kept)
      count = kept
      try emit(m - kept)
    }
    try emit(refine())
  }

  private func icuSegments(
    utf8 text: UnsafeBufferPointer<UInt8>, _ classifier: Classifier, refine: Bool,
    _ body: (ByteSegment) throws -> Void
  ) throws {
    var pending: [ByteSegment] = []
    var scratch: [ByteSegment] = []
    let sentences = unit == .sentence
    try ICUBreakIteratorPool.with(type: unit.icuType, locale: icuLocale) { iterator in
      var start = 0
      try iterator.boundaries(text) { offsets, statuses in
        for (offset, status) in zip(offsets, statuses) {
          let end = Int(offset)
          var segment = classifier.classify(text, start..<end, ruleStatus: unit == .word ? status : -1)
          if sentences {
            if let last = pending.last,
              Self.endsWithAbbreviation(text, last.range)
                || Self.isQuoteContinuation(text, last.range, next: start)
            {
              segment.range = last.range.lowerBound..<end
              segment.kind = last.kind
              segment.script = last.script
              segment.direction = last.direction
              pending[pending.count - 1] = segment
            } else {
              try flush(&pending, keep: 1, body)
              pending.append(segment)
            }
          } else if refine {
            pending.append(segment)
            if pending.count >= 64 {
              Self.refineHebrew(text, &pending, hebrew, classifier, scratch: &scratch)
              try flush(&pending, keep: 4, body)
            }
          } else {
            try body(segment)
          }
          start = end
        }
      }
    }
    if refine { Self.refineHebrew(text, &pending, hebrew, classifier, scratch: &scratch) }
    try flush(&pending, keep: 0, body)
  }

  private func flush(
    _ pending: inout [ByteSegment], keep: Int, _ body: (ByteSegment) throws -> Void
  ) throws {
    guard pending.count > keep else { return }
    for s in pending[..<(pending.count - keep)] { try body(s) }
    pending.removeFirst(pending.count - keep)
  }

  // MARK: Sentences

  /// Abbreviations after which a period does not end a sentence (lowercased, with the dot).
  static let abbreviations: Set<String> = [
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "sr.", "jr.", "u.s.", "u.k.", "e.g.", "i.e.",
    "etc.", "vs.", "no.", "gen.", "col.", "lt.", "sgt.", "rev.", "inc.", "ltd.", "co.", "jan.",
    "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    "mt.", "ft.", "vol.", "pp.", "p.", "ed.", "fig.", "approx.",
    "עמ.", "וכו.", "ד\"ר.", "פרופ.", "רח.",
  ]

  /// Whether the sentence `range` ends in "abbreviation. " (so the break after it is spurious).
  static func endsWithAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var end = range.upperBound
    while end > range.lowerBound, text[end - 1] == 0x20 || text[end - 1] == 0x0A { end -= 1 }
    guard end > range.lowerBound, text[end - 1] == 0x2E else { return false }
    var start = end - 1
    while start > range.lowerBound, text[start - 1] != 0x20, text[start - 1] != 0x28,
      text[start - 1] != 0x22, text[start - 1] != 0x0A
    {
      start -= 1
    }
    guard end - start <= 12 else { return false }
    let word = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
      .lowercased()
    return abbreviations.contains(word)
  }

  /// `"Why?" she asked`: a question or exclamation closed by a quote and followed by a
  /// lowercase word does not end the sentence.
  static func isQuoteContinuation(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                  next: Int) -> Bool {
    guard next < text.count, text[next] >= 0x61, text[next] <= 0x7A else { return false }
    var end = range.upperBound
    while end > range.lowerBound, text[end - 1] == 0x20 { end -= 1 }
    var sawQuote = false
    while end > range.lowerBound {
      let b = text[end - 1]
      if b == 0x22 || b == 0x27 { sawQuote = true; end -= 1; continue }
      if end - 3 >= range.lowerBound, text[end - 3] == 0xE2, text[end - 2] == 0x80,
        text[end - 1] == 0x9D || text[end - 1] == 0x99 {
        sawQuote = true
        end -= 3
        continue
      }
      break
    }
    guard sawQuote, end > range.lowerBound else { return false }
    return text[end - 1] == 0x3F || text[end - 1] == 0x21
  }

  // MARK: Hebrew refinements

  /// Applies the Hebrew refinements to a batch of segments (those of ICU's iterator); its C
  /// twin `cicu_hebrew_refine` refines the table-driven breaker's segments, and the tests
  /// compare the two for every option set.
  static func refineHebrew(
    _ text: UnsafeBufferPointer<UInt8>, _ segments: inout [ByteSegment],
    _ options: HebrewRefinements, _ classifier: Classifier,
    scratch out: inout [ByteSegment]
  ) {
    // Quick exit: nothing Hebrew to refine in this batch.
    guard segments.contains(where: { $0.script == .hebrew }) else { return }
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(segments.count + 4)
    var i = 0
    while i < segments.count {
      let s = segments[i]
      guard s.script == .hebrew, s.kind == .word || s.kind == .number else {
        out.append(s)
        i += 1
        continue
      }
      // A closing single quote after an opening one ('שלום'): punctuation, not a geresh (it
      // is one after ג ז ח צ ץ ת). The word and the quote become segments of their own.
      if isClosingSingleQuote(text, s.range) {
        let end = s.range.upperBound - 1
        segments[i] = classifier.classify(text, s.range.lowerBound..<end, ruleStatus: 200)
        segments.insert(classifier.classify(text, end..<s.range.upperBound, ruleStatus: 0), at: i + 1)
        continue
      }
      // Proclitic glued to a number or Latin word inside one ICU segment: ב2024, הCIA.
      if options.contains(.prefixBeforeNumberOrLatin), let cut = gluedPrefixEnd(text, s.range) {
        out.append(classifier.classify(text, s.range.lowerBound..<cut, ruleStatus: 200,
                                       role: .prefix))
        out.append(classifier.classify(text, cut..<s.range.upperBound, ruleStatus: -1))
        i += 1
        continue
      }
      var s2 = s
      // ב-2024, ה-CIA: proclitic, hyphen or maqaf, number or Latin.
      if options.contains(.prefixBeforeNumberOrLatin), i + 2 < segments.count,
        isProcliticSequence(text, s.range), isHyphen(text, segments[i + 1].range),
        segments[i + 2].kind == .number || segments[i + 2].script == .latin
      {
        s2.hebrewRole = .prefix
        out.append(s2)
        i += 1
        continue
      }
      // Maqaf between Hebrew words.
      if i + 2 < segments.count, isMaqaf(text, segments[i + 1].range),
        segments[i + 2].script == .hebrew, segments[i + 2].kind == .word
      {
        if options.contains(.maqafSplit) {
          out.append(s)
          var m = segments[i + 1]
          m.hebrewRole = .maqaf
          out.append(m)
          i += 2
        } else {
          var joined = s
          joined.range = s.range.lowerBound..<segments[i + 2].range.upperBound
          segments[i + 2] = joined
          i += 2
        }
        continue
      }
      // Acronyms and geresh letters: ICU keeps them whole; mark, or split when switched off.
      let quotes = mayHaveQuote(text, s.range) ? quotePositions(text, s.range) : []
      if !quotes.isEmpty {
        var cuts: [Int] = []
        for q in quotes
        where q.isDouble ? !options.contains(.acronyms) : !options.contains(.gereshLetters) {
          cuts.append(q.position)
        }
        if cuts.isEmpty {
          // A final geresh makes an abbreviation (עמ'), not after a letter it changes (ג'ורג').
          let last = quotes.last!
          if quotes.contains(where: \.isDouble)
            || (last.position + last.length == s.range.upperBound && !followsGereshLetter(text, last.position, from: s.range.lowerBound))
          {
            s2.hebrewRole = .acronym
          }
          out.append(s2)
        } else {
          var from = s.range.lowerBound
          for c in cuts {
            let len = quotes.first { $0.position == c }!.length
            if c > from { out.append(classifier.classify(text, from..<c, ruleStatus: 200)) }
            out.append(classifier.classify(text, c..<(c + len), ruleStatus: 0))
            from = c + len
          }
          if from < s.range.upperBound {
            out.append(classifier.classify(text, from..<s.range.upperBound, ruleStatus: 200))
          }
        }
        i += 1
        continue
      }
      out.append(s)
      i += 1
    }
    swap(&segments, &out)
  }

  /// Whether `range` (a Hebrew word) ends with an ASCII `'` after a Hebrew letter that a geresh
  /// does not change, right after an opening `'`: a word in single quotes ('שלום'), or the last
  /// of up to four words joined by maqaf or hyphen ('בית־ספר').
  static func isClosingSingleQuote(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let lo = range.lowerBound, hi = range.upperBound
    guard hi - lo >= 3, text[hi - 1] == 0x27, text[hi - 3] == 0xD7, opensWithSingleQuote(text, lo) else { return false }
    let b = text[hi - 2]
    return b >= 0x90 && b <= 0xAA && !followsGereshLetter(text, hi - 1, from: lo)
  }

  /// Whether an ASCII `'` comes right before `start`, or before the Hebrew words joined to it
  /// by maqaf or hyphen (up to three of them).
  static func opensWithSingleQuote(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
    var p = start
    for _ in 0..<4 {
      if p > 0 && text[p - 1] == 0x27 { return true }
      var q = p
      if q >= 2 && text[q - 2] == 0xD6 && text[q - 1] == 0xBE {
        q -= 2
      } else if q >= 1 && text[q - 1] == 0x2D {
        q -= 1
      } else {
        return false
      }
      var r = q
      while r >= 2 && text[r - 2] == 0xD7 && text[r - 1] >= 0x90 && text[r - 1] <= 0xAA { r -= 2 }
      if r == q { return false }
      p = r
    }
    return false
  }

  /// Whether the quote mark at `position` follows one of the letters a geresh changes (ג ז ח
  /// צ ץ ת), within a segment starting at `start`.
  static func followsGereshLetter(_ text: UnsafeBufferPointer<UInt8>, _ position: Int, from start: Int) -> Bool {
    guard position - 2 >= start, text[position - 2] == 0xD7 else { return false }
    return HebrewLetters.takesGeresh(secondByte: text[position - 1])
  }

  /// Whether `b`, after 0xD7, makes one of the proclitics ו ה ב כ ל מ ש (bytes 95 94 91 9B 9C
  /// 9E A9): a bit mask over 0x80...0xBF.
  @inline(__always) static func isProcliticByte(_ b: UInt8) -> Bool {
    let mask: UInt64 = 1 << 0x15 | 1 << 0x14 | 1 << 0x11 | 1 << 0x1B | 1 << 0x1C | 1 << 0x1E | 1 << 0x29
    return b >= 0x80 && b < 0xC0 && (mask >> UInt64(b - 0x80)) & 1 != 0
  }

  /// Whether `range` is 1–3 Hebrew proclitic letters.
  static func isProcliticSequence(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard range.count >= 2, range.count <= 6, range.count % 2 == 0 else { return false }
    var p = range.lowerBound
    while p < range.upperBound {
      guard text[p] == 0xD7, isProcliticByte(text[p + 1]) else { return false }
      p += 2
    }
    return true
  }

  /// End of the proclitic letters of a segment like ב2024 or הCIA (1–3 letters, then a digit
  /// or an ASCII letter), or nil.
  static func gluedPrefixEnd(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    var p = range.lowerBound
    var letters = 0
    while p + 1 < range.upperBound, text[p] == 0xD7, isProcliticByte(text[p + 1]), letters < 3 {
      p += 2
      letters += 1
    }
    guard letters > 0, p < range.upperBound else { return nil }
    let b = text[p]
    let isDigit = b >= 0x30 && b <= 0x39
    let isLatin = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
    return isDigit || isLatin ? p : nil
  }

  static func isHyphen(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    (range.count == 1 && text[range.lowerBound] == 0x2D) || isMaqaf(text, range)
      || (range.count == 3 && text[range.lowerBound] == 0xE2 && text[range.lowerBound + 1] == 0x80
        && (text[range.lowerBound + 2] == 0x90 || text[range.lowerBound + 2] == 0x91))
  }

  static func isMaqaf(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    range.count == 2 && text[range.lowerBound] == 0xD6 && text[range.lowerBound + 1] == 0xBE
  }

  /// Whether `range` has a byte 27, 22, B3 or B4 (what ', ", U+05F3 and U+05F4 are made of),
  /// eight bytes at a time.
  @inline(__always)
  static func mayHaveQuote(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    @inline(__always) func hasByte(_ v: UInt64, _ b: UInt8) -> Bool {
      let x = v ^ (0x0101_0101_0101_0101 &* UInt64(b))
      return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
    var p = range.lowerBound
    let raw = UnsafeRawPointer(text.baseAddress!)
    while p + 8 <= range.upperBound {
      let v = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
      if hasByte(v, 0x27) || hasByte(v, 0x22) || hasByte(v, 0xB3) || hasByte(v, 0xB4) { return true }
      p += 8
    }
    while p < range.upperBound {
      let b = text[p]
      if b == 0x27 || b == 0x22 || b == 0xB3 || b == 0xB4 { return true }
      p += 1
    }
    return false
  }

  /// Geresh/gershayim marks inside a word: ASCII ' and ", U+05F3, U+05F4.
  static func quotePositions(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> [(position: Int, length: Int, isDouble: Bool)]
  {
    var result: [(Int, Int, Bool)] = []
    var p = range.lowerBound
    while p < range.upperBound {
      let b = text[p]
      if b == 0x27 { result.append((p, 1, false)) }
      else if b == 0x22 { result.append((p, 1, true)) }
      else if b == 0xD7, p + 1 < range.upperBound, text[p + 1] == 0xB3 { result.append((p, 2, false)) }
      else if b == 0xD7, p + 1 < range.upperBound, text[p + 1] == 0xB4 { result.append((p, 2, true)) }
      p += 1
    }
    return result
  }
}

/// Kind, script and direction of a byte range, from bulk property tables (no ICU calls).
///
/// Used for ICU's segments and the refinements of those; its C twin (`classify` in CICU's
/// cicu_word_break.h) classifies the table-driven breaker's segments, and the tests compare
/// the two.
struct Classifier {
  let gc = SegmentTables.generalCategory
  let script = SegmentTables.script
  let binary = SegmentTables.flags
  let bidi = SegmentTables.bidiClass

  func classify(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, ruleStatus: Int32,
    role: HebrewSegmentRole? = nil
  ) -> ByteSegment {
    // The common cases first: an ASCII word, a single space.
    let b0 = text[range.lowerBound]
    if ruleStatus >= 200 && (b0 | 0x20) &- 0x61 < 26 {
      return ByteSegment(range: range, kind: .word, script: .latin, direction: .leftToRight,
                         hebrewRole: role)
    }
    if ruleStatus >= 200 && b0 == 0xD7 && range.count >= 2 && text[range.lowerBound + 1] &- 0x90 < 27 {
      // A Hebrew letter (U+05D0–U+05EA) first: Hebrew, right to left.
      return ByteSegment(range: range, kind: .word, script: .hebrew, direction: .rightToLeft,
                         hebrewRole: role)
    }
    if b0 == 0x20 && range.count == 1 {
      return ByteSegment(range: range, kind: .space, script: .common, direction: nil, hebrewRole: role)
    }
    var kind: SegmentKind? = nil
    var scriptCode: UInt8 = 0
    var direction: TextDirection? = nil
    var p = range.lowerBound
    var firstKind: SegmentKind? = nil
    var sawLetter = false, sawDigit = false, allSpace = true
    while p < range.upperBound {
      let (scalar, length) = Self.decode(text, p)
      let g = gc[Int(scalar)]
      if scriptCode <= 1 { scriptCode = script[Int(scalar)] }
      if direction == nil {
        switch bidi[Int(scalar)] {
        case 0: direction = .leftToRight
        case 1, 13: direction = .rightToLeft
        default: break
        }
      }
      let isSpace = binary[Int(scalar)] & 4 != 0
      if !isSpace { allSpace = false }
      if GeneralCategoryCode.isLetter(g) { sawLetter = true }
      if g == GeneralCategoryCode.decimalNumber { sawDigit = true }
      if firstKind == nil && !isSpace {
        if binary[Int(scalar)] & 1 != 0 && scalar > 0xFF { firstKind = .emoji }
        else if g >= 24 && g <= 27 { firstKind = .symbol }
        else if (g >= 19 && g <= 23) || g >= 28 { firstKind = .punctuation }
      }
      p += length
      // Words and numbers have their kind from ICU: stop once script and direction are known.
      if scriptCode > 1 && direction != nil && (ruleStatus >= 100 || (sawLetter && range.count > 64)) {
        break
      }
    }
    if ruleStatus >= 200 { kind = .word }
    else if ruleStatus >= 100 { kind = .number }
    else if allSpace { kind = .space }
    else if sawLetter { kind = .word }
    else if sawDigit { kind = .number }
    else { kind = firstKind ?? .symbol }
    return ByteSegment(range: range, kind: kind!, script: TextScript(code: scriptCode),
                       direction: direction, hebrewRole: role)
  }

  @inline(__always)
  static func decode(_ t: UnsafeBufferPointer<UInt8>, _ p: Int) -> (UInt32, Int) {
    let b0 = UInt32(t[p])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0, p + 1 < t.count { return ((b0 & 0x1F) << 6 | UInt32(t[p + 1] & 0x3F), 2) }
    if b0 < 0xF0, p + 2 < t.count {
      return ((b0 & 0x0F) << 12 | UInt32(t[p + 1] & 0x3F) << 6 | UInt32(t[p + 2] & 0x3F), 3)
    }
    if p + 3 < t.count {
      return ((b0 & 0x07) << 18 | UInt32(t[p + 1] & 0x3F) << 12 | UInt32(t[p + 2] & 0x3F) << 6
        | UInt32(t[p + 3] & 0x3F), 4)
    }
    return (0xFFFD, 1)
  }
}

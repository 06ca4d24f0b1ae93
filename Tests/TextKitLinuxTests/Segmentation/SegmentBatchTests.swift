import CICU
import Testing

@testable import TextKitLinux

/// The C word breaker and classifier (`cicu_word_segments`) and the one-pass TSV writer
/// (`cicu_tsv_write_words`) against the Swift reference (``UnicodeWordBreaker`` and
/// ``Classifier``), on random multi-script text the table-driven breaker handles.
@Suite("C word breaker and TSV writer")
struct SegmentBatchTests {
  /// Random text of whole lines from Hebrew, English, Cyrillic, Arabic characters, marks,
  /// quotes, spaces and line ends (`\n`, `\r\n`, U+2028, U+85), all handled by the table-driven
  /// breaker.
  struct RandomText {
    var state: UInt64
    static let alphabet = Array("aZq09 .,;:'\"_-\t\\\r\n\u{0B}!?()$%".utf8).map
    { String(UnicodeScalar($0)) }
    static let extras = [
      "\u{A0}", "\u{2013}", "\u{2019}", "\u{201C}", "\u{2026}", "א", "ב", "ש",
      "ם", "\u{05B0}", "\u{05BC}",
      "\u{0591}", "\u{05BE}", "\u{05F3}", "\u{05F4}", "ж", "Ω", "ب", "\u{0661}",
      "\u{0301}", "\u{200E}",
      "\u{AD}", "\u{2003}", "\u{3000}", "\u{B7}", "\u{2028}", "\u{85}",
      "\u{FB2A}", "\r\n", "  ",
    ]
    static let words = [
      "can't", "U.S.", "1,000.50", "a1b2", "x_y", "3.14", "it's", "a:b", "__",
      "ח\"כ", "צה\"ל",
      "ארה״ב", "ג'ורג'", "ב-2024", "ב־2024", "הCIA", "בְּרֵאשִׁית", "עמ'", "ב2024",
      "1א", "Hello",
      "world", "a_\u{301}", "e\u{301}te\u{301}",
    ]

    mutating func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }

    mutating func text(pieces: Int) -> [UInt8] {
      var text = ""
      for _ in 0..<pieces {
        switch next() % 6 {
        case 0: text += Self.words[next() % Self.words.count]
        case 1: text += Self.extras[next() % Self.extras.count]
        default: text += Self.alphabet[next() % Self.alphabet.count]
        }
      }
      return Array(text.utf8)
    }
  }

  /// (range, status, kind, script, direction) of the reference breaker and classifier.
  static func reference(_ b: UnsafeBufferPointer<UInt8>) -> [ByteSegment] {
    var result: [ByteSegment] = []
    let classifier = Classifier()
    UnicodeWordBreaker.segments(b) { s, e, status in
      result.append(classifier.classify(b, s..<e, ruleStatus: status))
    }
    return result
  }

  static func cSegments(_ b: UnsafeBufferPointer<UInt8>, batch: Int)
    -> [ByteSegment]
  {
    var result: [ByteSegment] = []
    var records = [cicu_word_segment](
      repeating: cicu_word_segment(), count: batch)
    SegmentTables.withTables { tables in
      var from = 0
      while from < b.count {
        let n = Int(
          cicu_word_segments(
            b.baseAddress, Int64(b.count), Int64(from), tables, &records,
            Int64(batch)))
        for r in records[..<n] { result.append(ByteSegment(r)) }
        from = Int(records[n - 1].end)
      }
    }
    return result
  }

  /// Middles as the CLI builds them, with made-up contents: one distinct field per slot.
  static let middles: [UInt8] = {
    var m = [UInt8](repeating: 0, count: 6 * 256 * 3 * 64)
    for slot in 0..<(6 * 256 * 3) {
      let bytes = Array(
        "\tk\(slot / 768)\ts\((slot / 3) % 256)\td\(slot % 3)\t".utf8)
      for (i, b) in bytes.enumerated() { m[slot * 64 + i] = b }
      m[slot * 64 + 63] = UInt8(bytes.count)
    }
    return m
  }()

  /// The TSV lines of `segments`, written in Swift (line ends left out).
  static func expectedTSV(_ b: [UInt8], _ segments: [ByteSegment], base: Int)
    -> [UInt8]
  {
    var out: [UInt8] = []
    for s in segments where b[s.range.upperBound - 1] != 0x0A {
      out += Array(
        "\(s.range.lowerBound + base)\t\(s.range.upperBound + base)".utf8)
      let k = SegmentKind.allCases.firstIndex(of: s.kind) ?? 0  // always found
      let d =
        s.direction == .leftToRight ? 0 : s.direction == .rightToLeft ? 1 : 2
      let slot = (k * 256 + Int(s.script.code)) * 3 + d
      out += middles[(slot * 64)..<(slot * 64 + Int(middles[slot * 64 + 63]))]
      for c in b[s.range] {
        switch c {
        case 0x09: out += [0x5C, 0x74]
        case 0x5C: out += [0x5C, 0x5C]
        default: out.append(c)
        }
      }
      out.append(0x0A)
    }
    return out
  }

  @Test(arguments: [1, 3, 512])
  func cBreakerMatchesSwiftReference(batch: Int) throws {
    var random = RandomText(state: 0x51A5_EED0 &+ UInt64(batch))
    for round in 0..<3000 {
      let bytes = random.text(pieces: 1 + random.next() % 40)
      try bytes.withUnsafeBufferPointer { b in
        try #require(UnicodeWordBreaker.handles(b))
        let expected = Self.reference(b)
        let got = Self.cSegments(b, batch: batch)
        let k =
          (0..<Swift.min(expected.count, got.count)).first {
            expected[$0] != got[$0]
          } ?? Swift.min(expected.count, got.count)
        #expect(
          expected == got,
          """
          round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription) first difference at \
          \(k): reference \(expected.dropFirst(k).prefix(1)) C \(got.dropFirst(k).prefix(1))
          """)
      }
    }
  }

  /// The C classifier on any range and rule status (the refinements classify parts of
  /// segments, with status -1 or 0 too) says what ``Classifier`` says.
  @Test func cClassifierMatchesSwiftReference() throws {
    var random = RandomText(state: 0xC1A55)
    let classifier = Classifier()
    for _ in 0..<3000 {
      let bytes = random.text(pieces: 1 + random.next() % 20)
      let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
      // Scalar boundaries only: the classifier takes whole characters.
      var bounds = [0]
      for s in scalars { bounds.append(bounds.last! + UTF8.width(s)) }
      let a = bounds[random.next() % (bounds.count - 1)]
      let after = bounds.filter { $0 > a }
      let b = after[random.next() % after.count]
      let status = Int32([-1, 0, 100, 200][random.next() % 4])
      bytes.withUnsafeBufferPointer { t in
        let expected = classifier.classify(t, a..<b, ruleStatus: status)
        let got = SegmentTables.withTables {
          ByteSegment(
            cicu_classify_segment(
              t.baseAddress, Int64(t.count), Int64(a), Int64(b), status, $0))
        }
        #expect(
          got == expected,
          "\(String(decoding: bytes[a..<b], as: UTF8.self).debugDescription) status \(status)"
        )
      }
    }
  }

  /// Rule statuses too: 200 words, 100 numbers, 0 other, as the Swift breaker.
  @Test func cBreakerStatusesMatchSwiftReference() throws {
    var random = RandomText(state: 0xC0FFEE)
    for _ in 0..<2000 {
      let bytes = random.text(pieces: 1 + random.next() % 30)
      bytes.withUnsafeBufferPointer { b in
        var expected: [Int32] = []
        UnicodeWordBreaker.segments(b) { _, _, status in expected.append(status)
        }
        var got: [Int32] = []
        var records = [cicu_word_segment](
          repeating: cicu_word_segment(), count: 4096)
        let n = SegmentTables.withTables {
          cicu_word_segments(
            b.baseAddress, Int64(b.count), 0, $0, &records, 4096)
        }
        got = records[..<Int(n)].map(\.status)
        #expect(expected == got)
      }
    }
  }

  /// The one-pass writer gives the lines of the reference segments, also when it stops
  /// early for lack of room (small capacities) and resumes where it stopped.
  @Test(arguments: [1 << 16, 400, 260])
  func oneShotTSVMatchesReference(capacity: Int) throws {
    var random = RandomText(state: 0x7EA &+ UInt64(capacity))
    for round in 0..<1500 {
      let bytes = random.text(pieces: 1 + random.next() % 60)
      let base = random.next() % 3 == 0 ? 0 : random.next() % 100_000
      let expected = bytes.withUnsafeBufferPointer {
        Self.expectedTSV(bytes, Self.reference($0), base: base)
      }
      var got: [UInt8] = []
      var out = [UInt8](repeating: 0, count: capacity)
      try bytes.withUnsafeBufferPointer { b in
        try Self.middles.withUnsafeBufferPointer { m in
          var from = 0
          while from < b.count {
            let (next, written) = out.withUnsafeMutableBufferPointer { o in
              TSVLineFormatter.writeWords(
                into: o.baseAddress!, capacity: capacity, text: b,
                range: from..<b.count,
                base: base, middles: m.baseAddress!)
            }
            got += out[..<written]
            from = next
            if from < b.count && written == 0 {
              // Only a segment too long for the whole buffer stops it with nothing written.
              let s = TSVLineFormatter.firstWord(of: b, in: from..<b.count)
              try #require(
                TSVLineFormatter.roomNeeded(segmentLength: s.range.count)
                  > capacity)
              got += Self.expectedTSV(bytes, [s], base: base)
              from = s.range.upperBound
            }
          }
        }
      }
      #expect(
        got == expected,
        "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
      )
      if got != expected { break }
    }
  }

  /// The batch writer (segments from the Hebrew refinements and ICU) gives the same lines.
  @Test func batchTSVMatchesReference() throws {
    var random = RandomText(state: 0xBA7C4)
    for round in 0..<1500 {
      let bytes = random.text(pieces: 1 + random.next() % 60)
      let base = random.next() % 1000
      var got: [UInt8] = []
      var out = [UInt8](repeating: 0, count: 1 << 16)
      let expected = try bytes.withUnsafeBufferPointer { b in
        try Self.middles.withUnsafeBufferPointer { m in
          try Segmenter(unit: .word).forEachSegmentBatch(utf8: b) { batch in
            var done = 0
            while done < batch.count {
              let (n, written) = out.withUnsafeMutableBufferPointer { o in
                TSVLineFormatter.write(
                  into: o.baseAddress!, capacity: o.count, text: b, base: base,
                  batch: batch,
                  from: done, middles: m.baseAddress!)
              }
              got += out[..<written]
              done += n
            }
          }
        }
        var segments: [ByteSegment] = []
        try Segmenter(unit: .word).forEachSegment(utf8: b) {
          segments.append($0)
        }
        return Self.expectedTSV(bytes, segments, base: base)
      }
      #expect(
        got == expected,
        "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
      )
      if got != expected { break }
    }
  }
}

extension SegmentBatchTests {
  /// Hebrew-heavy random text: proclitics before numbers and Latin, maqaf, geresh and
  /// gershayim (ASCII and Hebrew), points, hyphens.
  static func hebrewText(_ random: inout RandomText, pieces: Int) -> [UInt8] {
    let pool = [
      "א", "ב", "ו", "ה", "ש", "ם", "ל", "מ", "\u{05B0}", "\u{05BC}",
      "\u{05BE}", "\u{05F3}", "\u{05F4}", "'", "\"",
      " ", " ", ".", ",", "-", "\u{2010}", "\u{2011}", "1", "2024", "a", "CIA",
      "\n", "\u{0591}", "(", "_",
      "ח\"כ", "ג'ורג'", "ב-2024", "ה־CIA", "ב2024", "וב3", "בית־ספר", "עמ'",
      "צ׳רצ׳יל", "ארה״ב", "'שלום'", "'ג'ורג''", "'בית־ספר'", "'בית-ספר-תיכון'", "בית־ספר'",
    ]
    var text = ""
    for _ in 0..<pieces { text += pool[random.next() % pool.count] }
    return Array(text.utf8)
  }

  /// `cicu_hebrew_refine` makes what ``Segmenter/refineHebrew(_:_:_:_:scratch:)`` makes, for
  /// every combination of the refinements.
  @Test(arguments: 0..<16)
  func cRefinementMatchesSwiftReference(options: Int) throws {
    let refinements = HebrewRefinements(rawValue: UInt8(options))
    var random = RandomText(state: 0x4EB &+ UInt64(options))
    let classifier = Classifier()
    for round in 0..<1500 {
      let bytes = Self.hebrewText(&random, pieces: 1 + random.next() % 30)
      bytes.withUnsafeBufferPointer { b in
        var records = [cicu_word_segment](
          repeating: cicu_word_segment(), count: 4096)
        let n = Int(
          SegmentTables.withTables {
            cicu_word_segments(
              b.baseAddress, Int64(b.count), 0, $0, &records, 4096)
          })
        // Roles on the way in too (a refined segment is refined again with the next round).
        for k in 0..<n where random.next() % 7 == 0 {
          records[k].role = UInt8(random.next() % 4)
        }
        var expected = records[..<n].map { ByteSegment($0) }
        var scratch: [ByteSegment] = []
        Segmenter.refineHebrew(
          b, &expected, refinements, classifier, scratch: &scratch)
        var out = [cicu_word_segment](repeating: cicu_word_segment(), count: 2)
        var m = 0
        SegmentTables.withTables { tables in
          m = Int(
            cicu_hebrew_refine(
              b.baseAddress, Int64(b.count), records, Int64(n), UInt8(options),
              tables, &out, 2))
          if m > 2 {
            out = [cicu_word_segment](repeating: cicu_word_segment(), count: m)
            m = Int(
              cicu_hebrew_refine(
                b.baseAddress, Int64(b.count), records, Int64(n),
                UInt8(options), tables, &out,
                Int64(m)))
          }
        }
        let got = out[..<m].map { ByteSegment($0) }
        #expect(
          got == expected,
          "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
        )
      }
    }
  }

  /// Word segmentation with the refinements (C breaker, C refinements, batches of 64 with 4
  /// carried over) gives what the Swift breaker, classifier and refinements give, over texts
  /// of many batches.
  @Test(arguments: [HebrewRefinements.all, [.acronyms, .maqafSplit], []])
  func refinedSegmentationMatchesSwiftReference(refinements: HebrewRefinements)
    throws
  {
    var random = RandomText(state: 0x5E6 &+ UInt64(refinements.rawValue))
    let classifier = Classifier()
    for round in 0..<300 {
      let bytes = Self.hebrewText(&random, pieces: 1 + random.next() % 400)
      try bytes.withUnsafeBufferPointer { b in
        try #require(UnicodeWordBreaker.handles(b))
        // The reference: as Segmenter refined the table-driven breaker's segments in Swift.
        var expected: [ByteSegment] = []
        var pending: [ByteSegment] = []
        var scratch: [ByteSegment] = []
        func flush(keep: Int) {
          guard pending.count > keep else { return }
          expected += pending[..<(pending.count - keep)]
          pending.removeFirst(pending.count - keep)
        }
        let hasHebrew = bytes.contains {
          $0 == 0xD6 || $0 == 0xD7 || $0 == 0xEF
        }
        UnicodeWordBreaker.segments(b) { s, e, status in
          pending.append(classifier.classify(b, s..<e, ruleStatus: status))
          if pending.count >= 64 && hasHebrew && !refinements.isEmpty {
            Segmenter.refineHebrew(
              b, &pending, refinements, classifier, scratch: &scratch)
            flush(keep: 4)
          }
        }
        if hasHebrew && !refinements.isEmpty {
          Segmenter.refineHebrew(
            b, &pending, refinements, classifier, scratch: &scratch)
        }
        flush(keep: 0)
        var got: [ByteSegment] = []
        try Segmenter(unit: .word, hebrew: refinements).forEachSegment(utf8: b)
        { got.append($0) }
        // Only when the text is one stretch (all lines with Hebrew) is the batching the same.
        let lines = bytes.split(
          separator: 0x0A, omittingEmptySubsequences: false)
        guard
          lines.dropLast().allSatisfy({
            $0.contains { $0 == 0xD6 || $0 == 0xD7 || $0 == 0xEF }
          })
            && (lines.last!.isEmpty
              || lines.last!.contains { $0 == 0xD6 || $0 == 0xD7 || $0 == 0xEF })
        else { return }
        #expect(
          got == expected,
          "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
        )
      }
    }
  }
}

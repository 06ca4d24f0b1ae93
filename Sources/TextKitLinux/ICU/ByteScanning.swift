import CICU

/// Memory-speed byte scans over contiguous buffers (memchr-class C loops).
enum ByteScanning {
  /// Offset of the first ill-formed UTF-8 sequence and its length, or `nil` if all is valid.
  /// With `allowTruncatedTail`, an incomplete sequence at the very end is not an error; its start
  /// is returned as `tailStart` (the caller carries it to the next chunk).
  static func findInvalidUTF8(
    _ bytes: [UInt8], range: Range<Int>, allowTruncatedTail: Bool
  ) -> (invalid: (offset: Int, length: Int)?, tailStart: Int) {
    if range.isEmpty { return (nil, range.upperBound) }
    return bytes.withUnsafeBufferPointer { p in
      var tail: Int64 = 0
      var bad: Int32 = 0
      let n = Int64(range.count)
      let at = cicu_utf8_find_invalid(p.baseAddress! + range.lowerBound, n, allowTruncatedTail, &tail, &bad)
      let base = range.lowerBound
      if at < n { return ((base + Int(at), Int(bad)), base + Int(tail)) }
      return (nil, base + Int(tail))
    }
  }

  /// What ``scanUTF8(_:allowTruncatedTail:trackNFC:)`` found (offsets into the scanned array).
  struct UTF8Scan: Sendable, Hashable {
    /// Where the scan stopped: the end, an ill-formed sequence (`badLength > 0`), or the start of
    /// a sequence truncated by the end of the bytes (when allowed).
    var end: Int
    /// Length of the ill-formed sequence at `end`, or 0.
    var badLength: Int
    /// `\n` bytes before `end`, and the last one's offset.
    var newlines: Int
    var lastNewline: Int?
    /// The first CR, NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR before `end`.
    var firstLineEnd: Int?
    /// The first scalar before `end` that is not NFC-stable (`end` if none); 0 when not tracked.
    var firstNFCUnstable: Int

    init(_ r: cicu_utf8_scan_result, trackNFC: Bool) {
      end = Int(r.end)
      badLength = Int(r.bad_len)
      newlines = Int(r.newlines)
      lastNewline = r.last_newline < 0 ? nil : Int(r.last_newline)
      firstLineEnd = r.first_line_end < 0 ? nil : Int(r.first_line_end)
      firstNFCUnstable = !trackNFC ? 0 : r.first_nfc_unstable < 0 ? end : Int(r.first_nfc_unstable)
    }
  }

  /// One pass over UTF-8: validation (as ``findInvalidUTF8(_:range:allowTruncatedTail:)``), line
  /// feeds, other line ends and, with `trackNFC`, the first scalar NFC might change.
  static func scanUTF8(_ bytes: [UInt8], allowTruncatedTail: Bool, trackNFC: Bool) -> UTF8Scan {
    var r = cicu_utf8_scan_result()
    bytes.withUnsafeBufferPointer { p in
      cicu_utf8_scan(p.baseAddress, Int64(p.count), allowTruncatedTail, trackNFC, &r)
    }
    return UTF8Scan(r, trackNFC: trackNFC)
  }

  /// Whether NFC leaves the scalar unchanged and never combines it with what precedes it
  /// (canonical combining class 0 and NFC_Quick_Check = Yes, from ICU).
  static func isNFCStable(_ scalar: Unicode.Scalar) -> Bool { cicu_nfc_is_stable(Int32(bitPattern: scalar.value)) }

  static func count(_ byte: UInt8, in bytes: [UInt8], range: Range<Int>) -> Int {
    if range.isEmpty { return 0 }
    return bytes.withUnsafeBufferPointer { p in
      Int(cicu_count_byte(p.baseAddress! + range.lowerBound, Int64(range.count), byte))
    }
  }

  static func lastIndex(of byte: UInt8, in bytes: [UInt8], before end: Int) -> Int? {
    if end <= 0 { return nil }
    return bytes.withUnsafeBufferPointer { p in
      let r = cicu_last_byte(p.baseAddress, Int64(end), byte)
      return r < 0 ? nil : Int(r)
    }
  }

  /// First offset at or after `start` holding a non-ASCII byte or a byte flagged in `specials`.
  static func firstInteresting(in bytes: [UInt8], from start: Int, specials: [UInt8]) -> Int {
    if start >= bytes.count { return bytes.count }
    return bytes.withUnsafeBufferPointer { p in
      specials.withUnsafeBufferPointer { s in
        start + Int(cicu_find_interesting(p.baseAddress! + start, Int64(p.count - start), s.baseAddress))
      }
    }
  }

  /// First offset at or after `start` where whitespace collapsing has work to do.
  static func firstWhitespaceToCollapse(in bytes: [UInt8], from start: Int) -> Int {
    if start >= bytes.count { return bytes.count }
    return bytes.withUnsafeBufferPointer { p in
      Int(cicu_find_whitespace_to_collapse(p.baseAddress, Int64(p.count), Int64(start)))
    }
  }

  /// Whitespace collapsing (runs of spaces/tabs to one space; none at line starts or ends) in one C pass; `nil` if nothing changed.
  static func collapseWhitespace(_ input: [UInt8], changes: inout Int) -> [UInt8]? {
    if ByteScanning.firstWhitespaceToCollapse(in: input, from: 0) == input.count { return nil }
    var runs: Int64 = 0
    let out = [UInt8](unsafeUninitializedCapacity: input.count) { dst, count in
      count = input.withUnsafeBufferPointer { src in
        Int(cicu_collapse_whitespace(src.baseAddress, Int64(src.count), dst.baseAddress, &runs))
      }
    }
    changes += Int(runs)
    return out
  }

  /// ASCII bytes flagged in `table` to spaces, then whitespace collapsing (as
  /// ``collapseWhitespace(_:changes:)``), in one C pass; `nil` if neither changed anything.
  static func spacesAndCollapse(_ input: [UInt8], table: [UInt8]) -> (output: [UInt8], mapped: Int, runs: Int)? {
    if input.isEmpty { return nil }
    var runs: Int64 = 0
    var mapped: Int64 = 0
    let out = [UInt8](unsafeUninitializedCapacity: input.count) { dst, count in
      count = input.withUnsafeBufferPointer { src in
        table.withUnsafeBufferPointer { t in
          Int(cicu_map_collapse_whitespace(src.baseAddress, Int64(src.count), dst.baseAddress, t.baseAddress, &mapped, &runs))
        }
      }
    }
    if mapped == 0 && runs == 0 { return nil }
    return (out, Int(mapped), Int(runs))
  }

  /// Replaces the ASCII bytes flagged in `table` with spaces, in place; returns how many.
  static func replaceWithSpace(_ bytes: inout [UInt8], table: [UInt8]) -> Int {
    if bytes.isEmpty { return 0 }
    let n = bytes.count
    return bytes.withUnsafeMutableBufferPointer { p in
      table.withUnsafeBufferPointer { t in Int(cicu_replace_bytes_with_space(p.baseAddress, Int64(n), t.baseAddress)) }
    }
  }
}

/// JSON Lines support: normalize one string field of each line, keep every other byte.
///
/// The scanner validates each line as JSON (RFC 8259) while it looks for the field, so a bad
/// line is reported with its line number instead of being passed through.
enum JSONLines {
  struct Failure: Error { var message: String; var offset: Int }

  /// Normalizes the string at `path` in every line of `chunk` (complete lines).
  static func normalizeField(
    _ path: [String], in chunk: [UInt8], firstLine: Int, file: String, normalizer: TextNormalizer,
    statistics: inout NormalizationStatistics
  ) throws -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(chunk.count + 64)
    var lineStart = 0
    var line = firstLine
    while lineStart < chunk.count {
      var lineEnd = lineStart
      while lineEnd < chunk.count && chunk[lineEnd] != 0x0A { lineEnd += 1 }
      var contentEnd = lineEnd
      if contentEnd > lineStart && chunk[contentEnd - 1] == 0x0D { contentEnd -= 1 }
      let isBlank = chunk[lineStart..<contentEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 }
      if isBlank {
        out.append(contentsOf: chunk[lineStart..<Swift.min(lineEnd + 1, chunk.count)])
      } else {
        var scanner = Scanner(bytes: chunk, position: lineStart, end: contentEnd)
        let span: Range<Int>?
        do {
          span = try scanner.findTopLevelString(path: path)
        } catch {
          throw CorpusError(
            kind: .badJSON, file: file, line: line, byteOffset: nil,
            message: "\(error.message) at column \(error.offset - lineStart + 1)")
        }
        if let span {
          out.append(contentsOf: chunk[lineStart..<span.lowerBound])
          let value = try decodeString(chunk, span)
          let normalized = try normalizer.normalize(utf8: value, statistics: &statistics)
          encodeString(normalized, into: &out)
          out.append(contentsOf: chunk[span.upperBound..<Swift.min(lineEnd + 1, chunk.count)])
        } else {
          throw CorpusError(kind: .badJSON, file: file, line: line, message: "no string at field '\(path.joined(separator: "."))'")
        }
      }
      lineStart = lineEnd + 1
      line += 1
    }
    return out
  }

  /// Decodes the JSON string literal at `span` (quotes included) to UTF-8.
  static func decodeString(_ b: [UInt8], _ span: Range<Int>) throws -> [UInt8] {
    var out: [UInt8] = []
    var i = span.lowerBound + 1
    let end = span.upperBound - 1
    while i < end {
      let c = b[i]
      if c != 0x5C {
        out.append(c)
        i += 1
        continue
      }
      let e = b[i + 1]
      i += 2
      switch e {
      case 0x22: out.append(0x22)
      case 0x5C: out.append(0x5C)
      case 0x2F: out.append(0x2F)
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0C)
      case 0x6E: out.append(0x0A)
      case 0x72: out.append(0x0D)
      case 0x74: out.append(0x09)
      case 0x75:
        var v = hex4(b, i)
        i += 4
        if (0xD800...0xDBFF).contains(v), i + 6 <= end, b[i] == 0x5C, b[i + 1] == 0x75 {
          let lo = hex4(b, i + 2)
          if (0xDC00...0xDFFF).contains(lo) {
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
            i += 6
          }
        }
        if (0xD800...0xDFFF).contains(v) { v = 0xFFFD }  // lone surrogate: not representable in UTF-8
        UTF8Bytes.append(v, to: &out)
      default: break
      }
    }
    return out
  }

  static func hex4(_ b: [UInt8], _ i: Int) -> UInt32 {
    var v: UInt32 = 0
    for k in 0..<4 {
      let c = b[i + k]
      let d: UInt32
      switch c {
      case 0x30...0x39: d = UInt32(c - 0x30)
      case 0x41...0x46: d = UInt32(c - 0x41 + 10)
      default: d = UInt32(c - 0x61 + 10)
      }
      v = v << 4 | d
    }
    return v
  }

  /// Encodes UTF-8 as a JSON string literal: escapes only `"`, `\` and control characters.
  static func encodeString(_ s: [UInt8], into out: inout [UInt8]) {
    out.append(0x22)
    let hex = Array("0123456789abcdef".utf8)
    for c in s {
      switch c {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: out.append(contentsOf: [0x5C, 0x72])
      case 0x09: out.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
      default: out.append(c)
      }
    }
    out.append(0x22)
  }

  /// A validating JSON scanner over one line.
  struct Scanner {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    init(bytes: [UInt8], position: Int, end: Int) {
      self.bytes = bytes
      self.position = position
      self.end = end
    }

    /// Validates the whole line and returns the span of the string at `path`, if any.
    mutating func findTopLevelString(path: [String]) throws(Failure) -> Range<Int>? {
      skipSpace()
      var found: Range<Int>? = nil
      try value(path: path[...], found: &found)
      skipSpace()
      if position != end { throw Failure(message: "unexpected text after the JSON value", offset: position) }
      return found
    }

    mutating func skipSpace() {
      while position < end, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[position]) { position += 1 }
    }

    func fail(_ m: String) -> Failure { Failure(message: m, offset: position) }

    /// Parses a value; `path` is what remains to find below it (nil when not on the path).
    mutating func value(path: ArraySlice<String>?, found: inout Range<Int>?) throws(Failure) {
      guard position < end else { throw fail("unexpected end of line") }
      switch bytes[position] {
      case 0x7B:  // {
        position += 1
        skipSpace()
        if position < end && bytes[position] == 0x7D { position += 1; return }
        while true {
          skipSpace()
          guard position < end, bytes[position] == 0x22 else { throw fail("expected a member name") }
          let keySpan = try string()
          skipSpace()
          guard position < end, bytes[position] == 0x3A else { throw fail("expected ':'") }
          position += 1
          skipSpace()
          var below: ArraySlice<String>? = nil
          if let path, let first = path.first, try decodeString(keySpan) == Array(first.utf8) {
            below = path.dropFirst()
          }
          try value(path: below, found: &found)
          skipSpace()
          guard position < end else { throw fail("unterminated object") }
          if bytes[position] == 0x2C { position += 1; continue }
          if bytes[position] == 0x7D { position += 1; return }
          throw fail("expected ',' or '}'")
        }
      case 0x5B:  // [
        position += 1
        skipSpace()
        if position < end && bytes[position] == 0x5D { position += 1; return }
        while true {
          skipSpace()
          try value(path: nil, found: &found)
          skipSpace()
          guard position < end else { throw fail("unterminated array") }
          if bytes[position] == 0x2C { position += 1; continue }
          if bytes[position] == 0x5D { position += 1; return }
          throw fail("expected ',' or ']'")
        }
      case 0x22:
        let span = try string()
        if let path, path.isEmpty { found = span }
      case 0x74: try literal("true")
      case 0x66: try literal("false")
      case 0x6E: try literal("null")
      default: try number()
      }
    }

    func decodeString(_ span: Range<Int>) throws(Failure) -> [UInt8] {
      do { return try JSONLines.decodeString(bytes, span) } catch { throw Failure(message: "bad string", offset: span.lowerBound) }
    }

    mutating func string() throws(Failure) -> Range<Int> {
      let start = position
      position += 1
      while position < end {
        let c = bytes[position]
        if c == 0x22 { position += 1; return start..<position }
        if c < 0x20 { throw fail("control character in string") }
        if c == 0x5C {
          guard position + 1 < end else { break }
          let e = bytes[position + 1]
          if e == 0x75 {
            guard position + 6 <= end,
              bytes[position + 2..<position + 6].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) })
            else { throw fail("bad \\u escape") }
            position += 6
            continue
          }
          guard [0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74].contains(e) else { throw fail("bad escape") }
          position += 2
          continue
        }
        position += 1
      }
      throw Failure(message: "unterminated string", offset: start)
    }

    mutating func digits() -> Int {
      let p = position
      while position < end && bytes[position] >= 0x30 && bytes[position] <= 0x39 { position += 1 }
      return position - p
    }

    mutating func literal(_ word: String) throws(Failure) {
      let w = Array(word.utf8)
      guard position + w.count <= end, Array(bytes[position..<position + w.count]) == w else {
        throw fail("unexpected character")
      }
      position += w.count
    }

    mutating func number() throws(Failure) {
      let start = position
      if position < end && bytes[position] == 0x2D { position += 1 }
      guard position < end else { throw fail("unexpected end of line") }
      if bytes[position] == 0x30 { position += 1 } else if digits() == 0 {
        position = start
        throw fail("unexpected character")
      }
      if position < end && bytes[position] == 0x2E {
        position += 1
        if digits() == 0 { throw fail("bad number") }
      }
      if position < end && (bytes[position] | 0x20) == 0x65 {
        position += 1
        if position < end && (bytes[position] == 0x2B || bytes[position] == 0x2D) { position += 1 }
        if digits() == 0 { throw fail("bad number") }
      }
    }
  }
}

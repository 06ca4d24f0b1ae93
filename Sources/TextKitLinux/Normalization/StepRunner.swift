/// The implementation of each ``NormalizationStep`` over UTF-8 bytes.
///
/// Each pass scans for the bytes it could act on (non-ASCII, plus a few ASCII bytes per step)
/// with a C scanner, decodes a scalar only there, and copies untouched runs in bulk. A pass that
/// changes nothing returns `nil`, so the chunk is not copied.
enum StepRunner {
  /// Runs one step; `nil` if it changed nothing. For a normalization form, `checkFrom` is an
  /// offset (at a normalization boundary) before which the input is known to be in the form.
  static func run(_ step: NormalizationStep, on input: [UInt8], changes: inout Int, checkFrom: Int = 0) throws(ICUError)
    -> [UInt8]?
  {
    switch step {
    case .form(let form):
      let normalizer = try ICUNormalizer.instance(form)
      let prefix = checkFrom + (try normalizer.normalizedPrefixLength(input, range: checkFrom..<input.count))
      if prefix == input.count { return nil }
      var out: [UInt8]
      if prefix < input.count / 4 {
        // Mostly to do: normalize the whole chunk (the C side copies what is already normalized)
        // into a fresh buffer, which becomes the result without another copy.
        out = try normalizer.normalizeUTF8(input, range: input.indices)
      } else {
        out = []
        out.reserveCapacity(input.count + input.count / 8 + 16)
        out.append(contentsOf: input[..<prefix])
        try normalizer.normalizeUTF8(input, range: prefix..<input.count, appendingTo: &out)
      }
      if out == input { return nil }
      changes += input.count - prefix
      return out
    case .unifyLineEnds:
      return rewrite(input, specials: Specials.lineEnds, changes: &changes) { v, i, len, out in
        switch v {
        case 0x0D:
          if i + 1 < input.count && input[i + 1] == 0x0A { return true }  // CRLF: drop the CR
          out.append(0x0A)
          return true
        case 0x85, 0x2028, 0x2029:
          out.append(0x0A)
          return true
        default: return false
        }
      }
    case .removeBidiControls:
      return rewrite(input, specials: Specials.bidiControls, changes: &changes) { v, _, _, _ in
        v == 0x200E || v == 0x200F || v == 0x061C || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
      }
    case .removeStrayZeroWidth:
      return rewrite(input, specials: Specials.zeroWidth, changes: &changes) { v, i, len, _ in
        switch v {
        case 0x200B, 0x2060, 0xFEFF: return true
        case 0x200C: return !ZeroWidthContext.keepsNonJoiner(input, at: i, length: len)
        case 0x200D: return !ZeroWidthContext.keepsJoiner(input, at: i, length: len)
        default: return false
        }
      }
    case .unifySpaces:
      return rewrite(input, specials: Specials.spaces, changes: &changes) { v, _, _, out in
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
          out.append(0x20)
          return true
        default: return false
        }
      }
    case .hebrewPresentationForms:
      return rewrite(input, specials: Specials.presentationForms, changes: &changes) { v, _, _, out in
        guard v >= 0xFB1D && v <= 0xFB4F, let bytes = PresentationForms.table[Int(v - 0xFB1D)] else { return false }
        out.append(contentsOf: bytes)
        return true
      }
    case .unifyQuotes:
      return rewrite(input, specials: Specials.quotes, changes: &changes) { v, i, len, out in
        QuoteRules.rewrite(v, in: input, at: i, length: len, into: &out)
      }
    case .hebrewMarks(let policy):
      if policy == .keepAll { return nil }
      return rewrite(input, specials: Specials.hebrewMarks, changes: &changes) { v, _, _, _ in policy.removes(v) }
    case .foldLatinDiacritics:
      return rewrite(input, specials: Specials.latin, changes: &changes) { v, i, _, out in
        LatinFolding.rewrite(v, in: input, at: i, into: &out)
      }
    case .foldHebrewFinals:
      return rewrite(input, specials: Specials.hebrewFinals, changes: &changes) { v, _, _, out in
        let medial: UInt32
        switch v {
        case 0x05DA: medial = 0x05DB
        case 0x05DD: medial = 0x05DE
        case 0x05DF: medial = 0x05E0
        case 0x05E3: medial = 0x05E4
        case 0x05E5: medial = 0x05E6
        default: return false
        }
        UTF8Bytes.append(medial, to: &out)
        return true
      }
    case .punctuationToSpace:
      // ASCII punctuation other than the apostrophe needs no context: one C pass turns it into
      // spaces; the apostrophe and non-ASCII punctuation go through the context rules.
      var spaced = input
      let simple = ByteScanning.replaceWithSpace(&spaced, table: Specials.contextFreeASCIIPunctuation)
      changes += simple
      let rest = rewrite(spaced, specials: Specials.contextPunctuation, changes: &changes) { v, i, len, out in
        PunctuationRules.rewrite(v, in: spaced, at: i, length: len, into: &out)
      }
      return rest ?? (simple > 0 ? spaced : nil)
    case .collapseWhitespace:
      return ByteScanning.collapseWhitespace(input, changes: &changes)
    }
  }

  /// ``NormalizationStep/punctuationToSpace`` then ``NormalizationStep/collapseWhitespace``:
  /// the context rules (apostrophes, non-ASCII punctuation) first, then one C pass that turns
  /// the other ASCII punctuation into spaces while collapsing whitespace. Same result as the two
  /// steps one after the other: the context rules only ask whether a neighbour is a letter or
  /// digit, which ASCII punctuation and the space it becomes are not.
  static func punctuationAndWhitespace(_ input: [UInt8], punctuation: inout Int, whitespace: inout Int) -> [UInt8]? {
    let context = rewrite(input, specials: Specials.contextPunctuation, changes: &punctuation) { v, i, len, out in
      PunctuationRules.rewrite(v, in: input, at: i, length: len, into: &out)
    }
    let spaced = context ?? input
    guard let (out, mapped, runs) = ByteScanning.spacesAndCollapse(spaced, table: Specials.contextFreeASCIIPunctuation)
    else { return context }
    punctuation += mapped
    whitespace += runs
    return out
  }

  /// The shared scan-decode-rewrite loop. `body` gets the scalar value, its offset and length
  /// and the output buffer; it returns `true` if it handled the scalar (appending its
  /// replacement, possibly nothing), `false` to keep it.
  @inline(__always)
  static func rewrite(
    _ input: [UInt8], specials: [UInt8], changes: inout Int,
    _ body: (UInt32, Int, Int, inout [UInt8]) -> Bool
  ) -> [UInt8]? {
    var out: [UInt8] = []
    var copied = 0
    var i = 0
    let n = input.count
    var scratch: [UInt8] = []
    while true {
      i = ByteScanning.firstInteresting(in: input, from: i, specials: specials)
      if i >= n { break }
      let (v, len) = UTF8Bytes.decode(input, at: i)
      if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
      if body(v, i, len, &scratch) {
        if out.isEmpty && copied == 0 { out.reserveCapacity(n + 16) }
        out.append(contentsOf: input[copied..<i])
        out.append(contentsOf: scratch)
        copied = i + len
        changes += 1
      }
      i += len
    }
    if copied == 0 { return nil }
    out.append(contentsOf: input[copied..<n])
    return out
  }
}

/// 256-entry tables of the bytes a pass must stop at: ASCII bytes, and the UTF-8 lead bytes of
/// the scalars it may change (so that, say, Hebrew letters do not stop the bidi-control scan).
enum Specials {
  /// Every non-ASCII scalar.
  static let anyNonASCII = table(ascii: [], leads: Array(0xC2...0xF4))
  static let lineEnds = table(ascii: [0x0D], leads: [0xC2, 0xE2])  // U+0085; U+2028/9
  static let bidiControls = table(ascii: [], leads: [0xD8, 0xE2])  // U+061C; U+200E.. U+2066..
  static let zeroWidth = table(ascii: [], leads: [0xE2, 0xEF])  // U+200B..; U+FEFF
  static let spaces = table(ascii: [], leads: [0xC2, 0xE1, 0xE2, 0xE3])
  static let presentationForms = table(ascii: [], leads: [0xEF])
  static let quotes = table(ascii: [0x22, 0x27], leads: [0xD7, 0xE2, 0xEF])
  static let hebrewMarks = table(ascii: [], leads: [0xD6, 0xD7, 0xEF])
  static let latin = table(ascii: [], leads: Array(0xC3...0xCD) + [0xE1, 0xE2, 0xEA])
  static let hebrewFinals = table(ascii: [], leads: [0xD7])
  static let punctuation = table(ascii: Array("!\"#%&'()*,-./:;?@[\\]_{}".utf8), leads: Array(0xC2...0xF4))
  static let contextFreeASCIIPunctuation = table(ascii: Array("!\"#%&()*,-./:;?@[\\]_{}".utf8), leads: [])
  static let contextPunctuation = table(ascii: [0x27], leads: Array(0xC2...0xF4))
  static let whitespace = table(ascii: [0x20, 0x09, 0x0A], leads: [])

  static func table(ascii: [UInt8], leads: [UInt8]) -> [UInt8] {
    var t = [UInt8](repeating: 0, count: 256)
    for b in ascii + leads { t[Int(b)] = 1 }
    if ascii.isEmpty { t[0x80] = 1 }
    if ascii.count == 1 || ascii.count == 2 {
      // Few ASCII specials: the C scanner skips ASCII words without them (see CICU.h).
      t[0x83] = 1
      t[0x81] = ascii[0]
      t[0x82] = ascii[ascii.count - 1]
    }
    return t
  }
}

/// UTF-8 encoding and decoding of single scalars in well-formed text.
enum UTF8Bytes {
  @inline(__always)
  static func decode(_ b: [UInt8], at i: Int) -> (UInt32, Int) {
    let c0 = UInt32(b[i])
    if c0 < 0x80 { return (c0, 1) }
    if c0 < 0xE0 { return (((c0 & 0x1F) << 6) | (UInt32(b[i + 1]) & 0x3F), 2) }
    if c0 < 0xF0 {
      return (((c0 & 0x0F) << 12) | ((UInt32(b[i + 1]) & 0x3F) << 6) | (UInt32(b[i + 2]) & 0x3F), 3)
    }
    return (
      ((c0 & 0x07) << 18) | ((UInt32(b[i + 1]) & 0x3F) << 12) | ((UInt32(b[i + 2]) & 0x3F) << 6)
        | (UInt32(b[i + 3]) & 0x3F), 4
    )
  }

  /// The scalar that ends right before offset `i` (which must be a scalar boundary > 0).
  @inline(__always)
  static func decodeBefore(_ b: [UInt8], _ i: Int) -> (UInt32, Int) {
    var s = i - 1
    while s > 0 && (b[s] & 0xC0) == 0x80 && i - s < 4 { s -= 1 }
    return (decode(b, at: s).0, s)
  }

  @inline(__always)
  static func append(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x80 {
      out.append(UInt8(v))
    } else if v < 0x800 {
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }
}

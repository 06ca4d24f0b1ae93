/// A word of a document as the reconciler sees it: a UTF-8 byte range of the chunk being
/// scanned, with the facts about it and the gap before it that mention finding needs.
///
/// Words are found on the UTF-8 bytes directly (no `String`, no `Substring`, no per-word
/// Unicode property lookups except for the first letter of a non-ASCII Latin word), so scanning
/// costs a few instructions a byte.
struct DocumentWord: Sendable {
  /// Byte offsets into the chunk's bytes.
  var start: Int
  var end: Int
  var script: NameScript
  /// FNV-1a of the word's bytes (exact surface).
  var hash: UInt64
  /// Latin and Cyrillic: FNV-1a of the word folded to lowercase ASCII letters (title and stoplist
  /// keys, as `EntityReconciler.key` spells them); 0 for Hebrew.
  var keyHash: UInt64
  /// Latin: the first letter is upper case.
  var capitalized: Bool
  /// The gap before it has sentence-ending punctuation or a paragraph break (or it is the first word).
  var sentenceStart: Bool
  /// The gap before it is white space only (a single line).
  var joinedToPrevious: Bool
  /// The gap before it ends with a period right after the previous word ("Dr. ", "I. ").
  var afterPeriod: Bool
  /// A Latin possessive 's was cut from it (it ends a name).
  var possessive: Bool

  var length: Int { end - start }
}

enum DocumentWords {
  static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let fnvPrime: UInt64 = 0x100_0000_01b3

  /// FNV-1a over the UTF-8 bytes of `s`.
  static func hash(_ s: some StringProtocol) -> UInt64 {
    var h = fnvBasis
    for b in s.utf8 { h = (h ^ UInt64(b)) &* fnvPrime }
    return h
  }

  /// FNV-1a over `bytes[range]`.
  static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
    var h = fnvBasis
    for i in range { h = (h ^ UInt64(bytes[i])) &* fnvPrime }
    return h
  }

  /// FNV-1a over `bytes[range]` with ASCII letters lowered (the hash of `lowercased()` for ASCII).
  static func lowerHash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
    var h = fnvBasis
    for i in range {
      var b = bytes[i]
      if b >= 0x41 && b <= 0x5A { b |= 0x20 }
      h = (h ^ UInt64(b)) &* fnvPrime
    }
    return h
  }

  @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
    (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7
      || (0x5D0...0x5EA).contains(v) || (0x5F0...0x5F2).contains(v) || (0x400...0x4FF).contains(v)
  }
  @inline(__always) static func isMark(_ v: UInt32) -> Bool {
    (0x300...0x36F).contains(v) || ((0x591...0x5C7).contains(v) && v != 0x5BE && v != 0x5C0 && v != 0x5C3 && v != 0x5C6)
  }
  /// Invisible format characters that occur inside words (``InvisibleFormat``).
  @inline(__always) static func isInvisible(_ v: UInt32) -> Bool { InvisibleFormat.contains(v) }

  /// Whether a letter comes at `i` after any number of invisible characters.
  static func letterFollowsInvisibles(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
    var i = start
    while i < end {
      let (v, w) = bytes[i] < 0x80 ? (UInt32(bytes[i]), 1) : decode(bytes, i, end)
      if isLetter(v) { return true }
      if !isInvisible(v) { return false }
      i += w
    }
    return false
  }
  @inline(__always) static func isGeresh(_ v: UInt32) -> Bool {
    v == 0x27 || v == 0x5F3 || v == 0x2019 || v == 0x2018 || v == 0xB4 || v == 0x60
  }
  @inline(__always) static func isGershayim(_ v: UInt32) -> Bool {
    v == 0x22 || v == 0x5F4 || v == 0x201C || v == 0x201D
  }

  /// The scalar at `i` and its width in bytes; a malformed or truncated sequence reads as one
  /// byte of U+FFFD (never a letter), so offsets stay byte-exact on any input.
  @inline(__always) static func decode(_ b: [UInt8], _ i: Int, _ end: Int) -> (UInt32, Int) {
    let b0 = b[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    if b0 < 0xC2 { return (0xFFFD, 1) }
    if b0 < 0xE0 {
      guard i + 1 < end, b[i + 1] & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      return (UInt32(b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2)
    }
    if b0 < 0xF0 {
      guard i + 2 < end, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      return (UInt32(b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
    }
    guard b0 < 0xF5, i + 3 < end, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, b[i + 3] & 0xC0 == 0x80
    else { return (0xFFFD, 1) }
    let v = UInt32(b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
    return (v | UInt32(b[i + 3] & 0x3F), 4)
  }

  /// The scalar ending just before `end` (not before `start`) and its width.
  @inline(__always) static func decodeBack(_ b: [UInt8], _ start: Int, _ end: Int) -> (UInt32, Int) {
    var i = end - 1
    while i > start && b[i] & 0xC0 == 0x80 && end - i < 4 { i -= 1 }
    let (v, w) = decode(b, i, end)
    return w == end - i ? (v, w) : (0xFFFD, 1)
  }

  /// Splits `bytes[range]` into words: letters and marks, with apostrophes and gershayim inside
  /// words (ג'ורג', ח"כ, O'Brien) and a trailing geresh on Hebrew words; a Latin possessive 's is
  /// cut. `out` is cleared and refilled (its storage is reused from chunk to chunk).
  static func scan(_ bytes: [UInt8], _ range: Range<Int>, into out: inout [DocumentWord]) {
    out.removeAll(keepingCapacity: true)
    let end = range.upperBound
    var i = range.lowerBound
    var inWord = false
    var wordStart = 0
    var firstScalar: UInt32 = 0
    var hebrewWord = false
    var gapHasBreak = true
    var gapWhite = true
    var gapPeriodFirst = false
    var gapLength = 0
    var gapNewline = false

    func finish(_ stop: Int) {
      var e = stop
      var possessive = false
      let script: NameScript
      if hebrewWord {
        script = .hebrew
      } else if firstScalar >= 0x400 && firstScalar <= 0x4FF {
        script = .cyrillic
      } else {
        script = .latin
      }
      if script == .latin {
        let n = e - wordStart
        if n >= 2 && bytes[e - 2] == 0x27 && bytes[e - 1] == 0x73 {
          possessive = true
          e -= 2
        } else if n >= 4 && bytes[e - 4] == 0xE2 && bytes[e - 3] == 0x80 && bytes[e - 2] == 0x99 && bytes[e - 1] == 0x73 {
          possessive = true
          e -= 4
        }
      }
      while e > wordStart {
        let last = bytes[e - 1]
        // Most words end with an ASCII letter.
        if last < 0x80 && (last | 0x20) >= 0x61 && (last | 0x20) <= 0x7A { break }
        let (v, w) = decodeBack(bytes, wordStart, e)
        if isLetter(v) || isMark(v) || (script == .hebrew && isGeresh(v)) { break }
        e -= w
      }
      if e > wordStart {
        var h = fnvBasis
        var k = fnvBasis
        if script == .hebrew {
          for j in wordStart..<e { h = (h ^ UInt64(bytes[j])) &* fnvPrime }
          k = 0
        } else {
          // A word of lower-case ASCII letters is its own key.
          var plain = true
          for j in wordStart..<e {
            let b = bytes[j]
            h = (h ^ UInt64(b)) &* fnvPrime
            if b < 0x61 || b > 0x7A { plain = false }
          }
          if plain {
            k = h
          } else if !bytes[wordStart..<e].contains(where: { $0 >= 0x80 }) {
            for j in wordStart..<e {
              let l = bytes[j] | 0x20
              if l >= 0x61 && l <= 0x7A { k = (k ^ UInt64(l)) &* fnvPrime }
            }
          } else {
            let text = String(decoding: bytes[wordStart..<e], as: UTF8.self)
            k = hash(NameFolding.latinKey(NameFolding.latinLetters(Substring(text))))
          }
        }
        let first = bytes[wordStart]
        let cap: Bool
        if first < 0x80 {
          cap = first >= 0x41 && first <= 0x5A
        } else {
          cap = script != .hebrew && (Unicode.Scalar(firstScalar)?.properties.isUppercase ?? false)
        }
        out.append(
          DocumentWord(
            start: wordStart, end: e, script: script, hash: h, keyHash: k, capitalized: cap,
            sentenceStart: gapHasBreak, joinedToPrevious: gapWhite && !gapHasBreak,
            afterPeriod: gapPeriodFirst, possessive: possessive))
      }
      inWord = false
      gapHasBreak = false
      gapWhite = true
      gapPeriodFirst = false
      gapLength = 0
      gapNewline = false
    }

    while i < end {
      let b0 = bytes[i]
      // ASCII fast paths: letters inside a word, spaces between words.
      if b0 < 0x80 {
        let l = b0 | 0x20
        if l >= 0x61 && l <= 0x7A {
          if !inWord {
            inWord = true
            wordStart = i
            firstScalar = UInt32(b0)
            hebrewWord = false
          }
          i += 1
          // The rest of an ASCII word (bytes >= 0x80 fold above "z" and stop it too).
          while i < end {
            let c = bytes[i] | 0x20
            if c < 0x61 || c > 0x7A { break }
            i += 1
          }
          continue
        }
        if b0 == 0x20 && !inWord {
          gapLength += 1
          i += 1
          continue
        }
      }
      let (v, w) = b0 < 0x80 ? (UInt32(b0), 1) : decode(bytes, i, end)
      if isLetter(v) || (inWord && isMark(v)) {
        if !inWord {
          inWord = true
          wordStart = i
          firstScalar = v
          hebrewWord = (0x5D0...0x5F2).contains(v)
        }
      } else if inWord && isInvisible(v) && letterFollowsInvisibles(bytes, i + w, end) {
        // A soft hyphen, zero-width space or joiner, or a direction mark between two letters
        // is inside the word (Ali\u{AD}yev, בב\u{200E}אקו); the matcher ignores it.
      } else if inWord && (isGeresh(v) || isGershayim(v)) {
        // Inside a word if a letter follows; a Hebrew geresh may also end a word (ג'ורג').
        let nextIsLetter = i + w < end && isLetter(decode(bytes, i + w, end).0)
        let keep = nextIsLetter && (isGeresh(v) || hebrewWord) || (hebrewWord && isGeresh(v))
        if !keep {
          finish(i)
          gapLength += 1
        }
      } else {
        if inWord { finish(i) }
        if v == 0x0A {
          // One line break is wrapping; two (a paragraph) end the sentence.
          if gapNewline { gapHasBreak = true }
          gapNewline = true
        }
        if v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3A || v == 0x3B || v == 0x201C || v == 0x22 {
          if v == 0x2E && gapLength == 0 { gapPeriodFirst = true }
          gapHasBreak = true
        }
        if !(v == 0x20 || v == 0xA0 || v == 0x09 || v == 0x202F || v == 0x200F || v == 0x200E || v == 0x0A
          || v == 0x0D)
        {
          gapWhite = false
        }
        gapLength += 1
      }
      i += w
    }
    if inWord { finish(end) }
  }
}

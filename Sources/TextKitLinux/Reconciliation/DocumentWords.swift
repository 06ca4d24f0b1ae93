/// A word of a document with its UTF-8 byte range, as the reconciler sees it.
struct DocumentWord: Sendable {
  var text: Substring
  var start: Int
  var end: Int
  var script: NameScript
  /// Latin: the first letter is upper case.
  var capitalized: Bool
  /// The gap before it has sentence-ending punctuation or a line break (or it is the first word).
  var sentenceStart: Bool
  /// The gap before it is white space only (a single line).
  var joinedToPrevious: Bool
  /// The gap before it ends with a period right after the previous word ("Dr. ", "I. ").
  var afterPeriod: Bool
  /// A Latin possessive 's was cut from it (it ends a name).
  var possessive = false
}

enum DocumentWords {
  static func isLetter(_ v: UInt32) -> Bool {
    (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7
      || (0x5D0...0x5EA).contains(v) || (0x5F0...0x5F2).contains(v) || (0x400...0x4FF).contains(v)
  }
  static func isMark(_ v: UInt32) -> Bool {
    (0x300...0x36F).contains(v) || ((0x591...0x5C7).contains(v) && v != 0x5BE && v != 0x5C0 && v != 0x5C3 && v != 0x5C6)
  }

  /// Splits `text` into words: letters and marks, with apostrophes and gershayim inside words
  /// (ג'ורג', ח"כ, O'Brien) and a trailing geresh on Hebrew words; a Latin possessive 's is cut.
  static func words(in text: Substring, base: Int) -> [DocumentWord] {
    var out: [DocumentWord] = []
    let scalars = text.unicodeScalars
    var idx = scalars.startIndex
    var offset = base
    var wordStart: String.Index? = nil
    var wordStartOffset = 0
    var gapHasBreak = true
    var gapWhite = true
    var gapPeriodFirst = false
    var gapLength = 0
    var hebrewWord = false
    var gapNewline = false
    _ = gapLength
    func finish(_ endIdx: String.Index, _ endOffset: Int) {
      guard let s = wordStart else { return }
      var t = text[s..<endIdx]
      var e = endOffset
      var possessive = false
      let script: NameScript
      if hebrewWord { script = .hebrew } else if let f = t.utf8.first, f < 0x80 { script = .latin } else { script = NameFolding.script(of: t) }
      if script == .latin {
        let u = Array(t.utf8.suffix(4))
        let ascii = u.count >= 2 && u[u.count - 2] == 0x27 && u[u.count - 1] == 0x73
        let curly = u.count >= 4 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x99 && u[3] == 0x73
        if ascii || curly {
          possessive = true
          t = t.dropLast(2)
          e -= ascii ? 2 : 4
        }
      }
      while let last = t.unicodeScalars.last, !isLetter(last.value) && !isMark(last.value)
        && !(script == .hebrew && NameFolding.isGeresh(last.value))
      {
        e -= UTF8.width(last)
        t = Substring(t.unicodeScalars.dropLast())
      }
      let cap: Bool
      if let f = t.utf8.first, f < 0x80 { cap = f >= 0x41 && f <= 0x5A } else {
        cap = script != .hebrew && (t.unicodeScalars.first?.properties.isUppercase ?? false)
      }
      if !t.isEmpty {
        out.append(DocumentWord(
          text: t, start: wordStartOffset, end: e, script: script, capitalized: cap,
          sentenceStart: gapHasBreak, joinedToPrevious: gapWhite && !gapHasBreak,
          afterPeriod: gapPeriodFirst, possessive: possessive))
      }
      wordStart = nil
      gapHasBreak = false
      gapWhite = true
      gapPeriodFirst = false
      gapLength = 0
      gapNewline = false
    }
    while idx < scalars.endIndex {
      let v = scalars[idx].value
      let width = UTF8.width(scalars[idx])
      let next = scalars.index(after: idx)
      if isLetter(v) || (isMark(v) && wordStart != nil) {
        if wordStart == nil {
          wordStart = idx
          wordStartOffset = offset
          hebrewWord = (0x5D0...0x5F2).contains(v)
        }
      } else if wordStart != nil && (NameFolding.isGeresh(v) || NameFolding.isGershayim(v)) {
        // Inside a word if a letter follows; a Hebrew geresh may also end a word (ג'ורג').
        let nextIsLetter = next < scalars.endIndex && isLetter(scalars[next].value)
        let keep = nextIsLetter && (NameFolding.isGeresh(v) || hebrewWord) || (hebrewWord && NameFolding.isGeresh(v))
        if !keep {
          finish(idx, offset)
          gapLength += 1
        }
      } else {
        if wordStart != nil { finish(idx, offset) }
        if v == 0x0A {
          // One line break is wrapping; two (a paragraph) end the sentence.
          if gapNewline { gapHasBreak = true }
          gapNewline = true
        }
        if v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3A || v == 0x3B || v == 0x201C || v == 0x22 {
          if v == 0x2E && gapLength == 0 { gapPeriodFirst = true }
          gapHasBreak = true
        }
        if !(v == 0x20 || v == 0xA0 || v == 0x09 || v == 0x202F || v == 0x200F || v == 0x200E || v == 0x0A || v == 0x0D) {
          gapWhite = false
        }
        gapLength += 1
      }
      offset += width
      idx = next
    }
    finish(scalars.endIndex, offset)
    return out
  }
}

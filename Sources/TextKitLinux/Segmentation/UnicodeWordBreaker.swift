import CICU

/// UAX #29 word boundaries drawn from a per-code-point class table, exactly as ICU's root
/// rules draw them (including ICU's tailoring that leaves `:` out of MidLetter), for text
/// without the characters only ICU handles: Katakana, regional indicators, ZWJ and emoji
/// sequences, and the dictionary scripts (Han, Hiragana, Thai, Lao, Khmer, Myanmar).
///
/// ``Segmenter`` draws these boundaries for every line it ``handles(_:)`` (nearly all Hebrew,
/// Latin, Cyrillic, Greek and Arabic text) with this breaker's C twin (`cicu_word_segments`
/// in CICU's cicu_word_break.h, the same rules over the same table, classifying as it goes),
/// so word segmentation makes no ICU call per boundary there. This Swift breaker stays as the
/// readable reference: the tests compare the C breaker with it on random multi-script text,
/// and the conformance test (WordBreakTest.txt) and a randomized comparison with ICU check
/// the pair.
enum UnicodeWordBreaker {
  // Classes (cicu_word_class).
  static let other: UInt8 = 0, cr: UInt8 = 1, lf: UInt8 = 2, newline: UInt8 = 3
  static let letter: UInt8 = 4, numeric: UInt8 = 5, midNumLet: UInt8 = 6, singleQuote: UInt8 = 7
  static let midNum: UInt8 = 8, extendNumLet: UInt8 = 9, space: UInt8 = 10
  static let hebrewLetter: UInt8 = 11, doubleQuote: UInt8 = 12, midLetter: UInt8 = 13
  static let extend: UInt8 = 14, unsupported: UInt8 = 15

  /// The class of every code point (filled from ICU once, lazily; 1.1 MB).
  static var classes: [UInt8] { SegmentTables.wordClasses }

  /// Class and length of the (well-formed UTF-8) character at `i`.
  @inline(__always)
  static func classAt(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ cls: UnsafeBufferPointer<UInt8>)
    -> (UInt8, Int)
  {
    let b0 = Int(t[i])
    if b0 < 0x80 { return (cls[b0], 1) }
    let (scalar, length) = Classifier.decode(t, i)
    return (cls[Int(scalar)], length)
  }

  /// Whether `text` (well-formed UTF-8) has no character that only ICU handles.
  static func handles(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    classes.withUnsafeBufferPointer { cls in
      var i = 0
      let n = text.count
      while i < n {
        if text[i] < 0x80 {
          i += 1
          continue
        }
        let (k, length) = classAt(text, i, cls)
        if k == unsupported { return false }
        i += length
      }
      return true
    }
  }

  /// Calls `body(start, end, ruleStatus)` for each segment of `text`, which must pass
  /// ``handles(_:)``. Rule statuses follow ICU: 200 words, 100 numbers, 0 other.
  @inline(__always)
  static func segments(_ text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int32) throws -> Void)
    rethrows
  {
    let n = text.count
    guard n > 0 else { return }
    try classes.withUnsafeBufferPointer { cls in
      @inline(__always) func at(_ i: Int) -> (UInt8, Int) { classAt(text, i, cls) }
      /// WB4: Extend and Format characters after `i` belong to the character before them.
      @inline(__always) func skipExtend(_ i: Int) -> Int {
        var j = i
        while j < n {
          let b = text[j]
          // No ASCII character is Extend or Format; Hebrew points are D6 xx / D7 xx.
          if b < 0x80 { break }
          let (k, l) = at(j)
          if k != extend { break }
          j += l
        }
        return j
      }
      var i = 0
      while i < n {
        let (a, length) = at(i)
        var end = i + length
        var status: Int32 = 0
        switch a {
        case cr:
          if end < n && text[end] == 0x0A { end += 1 }
        case lf, newline:
          break
        case space:
          // WB3d: runs of WSegSpace stay together; WB4 then attaches marks to the last.
          while end < n {
            let (k, l) = at(end)
            if k != space { break }
            end += l
          }
          end = skipExtend(end)
        case letter, hebrewLetter, numeric, extendNumLet:
          // ICU's status (observed, root rules): it follows the last letter or digit ("a1"
          // 100, "1a" 200); "_" after a letter or digit keeps it ("1_" 100), "_" after "_"
          // makes it 200 ("9__"); a lone "_" is 0.
          var charEnd = end
          end = skipExtend(end)
          status = a == numeric ? 100 : 200
          var last = a
          var joined = false
          loop: while end < n {
            // Fast path: a run of ASCII letters after a letter or digit (WB5, WB10).
            if text[end] < 0x80 && cls[Int(text[end])] == letter {
              repeat { end += 1 } while end < n && text[end] < 0x80 && cls[Int(text[end])] == letter
              status = 200
              last = letter
              joined = true
              charEnd = end
              end = skipExtend(end)
              continue
            }
            let (b, bl) = at(end)
            switch b {
            case letter, hebrewLetter, numeric, extendNumLet:
              // WB5, WB8–WB10, WB13a, WB13b: any two of these join.
              if b == letter || b == hebrewLetter || (b == extendNumLet && last == extendNumLet) {
                status = 200
              } else if b == numeric {
                status = 100
              }
              last = b
              joined = true
              charEnd = end + bl
              end = skipExtend(charEnd)
            case midNumLet, singleQuote, midNum, midLetter, doubleQuote:
              let afterIndex = skipExtend(end + bl)
              let after: UInt8, afterLength: Int
              if afterIndex < n { (after, afterLength) = at(afterIndex) } else { (after, afterLength) = (255, 0) }
              let lastIsLetter = last == letter || last == hebrewLetter
              let afterIsLetter = after == letter || after == hebrewLetter
              // WB6/WB7 (letters across MidLetter or MidNumLetQ), WB7b/WB7c (Hebrew letters
              // across a double quote), WB11/WB12 (digits across MidNum or MidNumLetQ).
              let letters = lastIsLetter && afterIsLetter
                && (b == midLetter || b == midNumLet || b == singleQuote)
              let hebrewQuote = last == hebrewLetter && after == hebrewLetter && b == doubleQuote
              let numbers = last == numeric && after == numeric
                && (b == midNum || b == midNumLet || b == singleQuote)
              if letters || hebrewQuote || numbers {
                charEnd = afterIndex + afterLength
                end = skipExtend(charEnd)
                last = after
                joined = true
                status = afterIsLetter ? 200 : 100
              } else {
                // WB7a: a Hebrew letter keeps a following apostrophe (geresh written ').
                if last == hebrewLetter && b == singleQuote {
                  end = afterIndex
                  charEnd = end
                  last = singleQuote
                }
                break loop
              }
            default:
              break loop
            }
          }
          if a == extendNumLet && !joined { status = 0 }  // a lone "_" is not a word
          // ICU's status is 0 when the segment ends in "_" with marks after it ("a_\u{301}").
          if last == extendNumLet && end > charEnd { status = 0 }
        default:
          end = skipExtend(end)
        }
        try body(i, end, status)
        i = end
      }
    }
  }
}

/// UAX #29 word boundaries for all-ASCII text, exactly as ICU's root rules draw them
/// (including ICU's tailoring that leaves `:` out of MidLetter). Used by ``Segmenter`` for
/// ASCII-only input, where it avoids the ICU call per boundary; a randomized test checks
/// it against ICU.
enum ASCIIWordBreaker {
  // Word_Break classes of ASCII bytes.
  static let other: UInt8 = 0, cr: UInt8 = 1, lf: UInt8 = 2, newline: UInt8 = 3
  static let letter: UInt8 = 4, numeric: UInt8 = 5, midNumLet: UInt8 = 6, singleQuote: UInt8 = 7
  static let midNum: UInt8 = 8, extendNumLet: UInt8 = 9, space: UInt8 = 10

  static let classes: [UInt8] = (0..<128).map { b -> UInt8 in
    switch UInt8(b) {
    case 0x0D: cr
    case 0x0A: lf
    case 0x0B, 0x0C: newline
    case 0x41...0x5A, 0x61...0x7A: letter
    case 0x30...0x39: numeric
    case 0x2E: midNumLet
    case 0x27: singleQuote
    case 0x2C, 0x3B: midNum
    case 0x5F: extendNumLet
    case 0x20: space
    default: other
    }
  }

  /// The class and length of the character at `i`, or nil if it is not one this breaker
  /// knows: ASCII, and the punctuation of English text (U+00A0, U+2013, U+2014, U+2018,
  /// U+2019, U+201C, U+201D, U+2026).
  @inline(__always)
  static func classAt(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ cls: UnsafeBufferPointer<UInt8>)
    -> (UInt8, Int)?
  {
    let b = text[i]
    if b < 0x80 { return (cls[Int(b)], 1) }
    if b == 0xC2, i + 1 < text.count, text[i + 1] == 0xA0 { return (other, 2) }
    guard b == 0xE2, i + 2 < text.count, text[i + 1] == 0x80 else { return nil }
    switch text[i + 2] {
    case 0x98, 0x99: return (midNumLet, 3)
    case 0x93, 0x94, 0x9C, 0x9D, 0xA6: return (other, 3)
    default: return nil
    }
  }

  /// Whether every character of `text` is one ``classAt(_:_:_:)`` knows.
  static func handles(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    classes.withUnsafeBufferPointer { cls in
      var i = 0
      while i < text.count {
        guard let (_, len) = classAt(text, i, cls) else { return false }
        i += len
      }
      return true
    }
  }

  /// Calls `body(start, end, ruleStatus)` for each segment; `text` must pass ``handles(_:)``.
  /// Rule statuses follow ICU: 200 words, 100 numbers, 0 other.
  @inline(__always)
  static func segments(_ text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int32) throws -> Void)
    rethrows
  {
    let n = text.count
    guard n > 0 else { return }
    try classes.withUnsafeBufferPointer { cls in
      // Class at i (255 past the end) and the offset of the next character.
      @inline(__always) func c(_ i: Int) -> UInt8 { i < n ? classAt(text, i, cls)!.0 : 255 }
      @inline(__always) func next(_ i: Int) -> Int { i + classAt(text, i, cls)!.1 }
      var start = 0
      var i = 0
      while i < n {
        let a = c(i)
        var end = next(i)
        var status: Int32 = 0
        switch a {
        case cr:
          if c(end) == lf { end = next(end) }
        case lf, newline:
          break
        case space:
          while c(end) == space { end = next(end) }
        case letter, numeric, extendNumLet:
          // ICU's status (observed, root rules): it follows the last letter or digit ("a1"
          // 100, "1a" 200); "_" after a letter or digit keeps it ("1_" 100), "_" after "_"
          // makes it 200 ("9__"); a lone "_" is 0.
          status = a == numeric ? 100 : 200
          var last = a
          loop: while end < n {
            let b = c(end)
            switch b {
            case letter, numeric, extendNumLet:
              if b == letter || (b == extendNumLet && last == extendNumLet) {
                status = 200
              } else if b == numeric {
                status = 100
              }
              last = b
              end = next(end)
            case midNumLet, singleQuote, midNum:
              // WB6/7 (letters) and WB11/12 (numbers) across one middle character.
              let afterIndex = next(end)
              let after = c(afterIndex)
              let letters = last == letter && after == letter && b != midNum
              let numbers = last == numeric && after == numeric
              if letters || numbers {
                end = next(afterIndex)
                last = after
                status = after == letter ? 200 : 100
              } else {
                break loop
              }
            default:
              break loop
            }
          }
        default:
          break
        }
        if a == extendNumLet && end == i + 1 { status = 0 }  // a lone "_" is not a word
        try body(start, end, status)
        start = end
        i = end
      }
    }
  }
}

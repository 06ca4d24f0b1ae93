/// Initials and regnal numbers in names: the tokens of a name that are not spelled
/// phonetically, so the `names` model must not decode them letter by letter.
///
/// - An initial in Hebrew is one letter with a dot or a geresh (`א.`, `ג'.`, `ק'`), or the
///   Hebrew spelling of an English letter's name with a dot (`סי.` C., `ג'יי.` J., `וו.` W.).
///   In Latin it is one letter, with or without a dot.
/// - A regnal number is a Hebrew ordinal after a name (`הראשון`, `השנייה`,
///   `הארבעה עשר`) or a Roman numeral (II, XIV).
///
/// Every reading comes with alternatives, best first: Hebrew `פ.` is F. or P.; English C. is
/// written `סי.` (its letter name) more often than `ס.`; a Roman numeral takes the masculine
/// ordinal first and the feminine one second. The tables hold the two alphabets and the
/// ordinals, not names.
enum NameInitials {
  /// Ranked Latin initials of a Hebrew initial `token`, or nil when it is not one.
  static func latinReadings(_ token: Substring) -> [(String, Float)]? {
    // Most tokens are neither dotted nor as short as a letter and a geresh (≤ 5 bytes).
    guard token.utf8.last == 0x2E || token.utf8.count <= 5 else { return nil }
    let scalars = Array(token.unicodeScalars)
    guard scalars.count >= 2 else { return nil }
    let last = scalars[scalars.count - 1].value
    let dotted = last == 0x2E
    let body = dotted ? scalars.dropLast() : scalars[...]
    // Spelled-out letter names only with a dot: בי, די, אל without one are names and words.
    // Any geresh (׳ ’ ` ´) spells like the ASCII one.
    if dotted,
      let letter = spelledLetter[String(String.UnicodeScalarView(body.map { HebrewLetters.isGeresh($0.value) ? "'" : $0 }))]
    {
      return ranked(letter.map { String($0) + "." })
    }
    guard let units = HebrewLetters.units(String.UnicodeScalarView(body)[...]), units.count == 1 else { return nil }
    let hasGeresh = body.count == 2 && HebrewLetters.isGeresh(body[body.startIndex + 1].value)
    guard dotted || hasGeresh, body.count <= 2 else { return nil }
    guard let letters = latinOfUnit[units[0]] else { return nil }
    return ranked(letters.map { String($0) + "." })
  }

  /// Ranked Hebrew spellings of a Latin initial `token` (one letter, a dot or not), or nil.
  static func hebrewReadings(_ token: Substring, geresh: GereshStyle) -> [(String, Float)]? {
    guard token.utf8.count <= 2 else { return nil }
    let scalars = Array(token.unicodeScalars)
    guard scalars.count == 1 || (scalars.count == 2 && scalars[1] == ".") else { return nil }
    let v = scalars[0].value
    let lower: UInt32
    switch v {
    case 0x41...0x5A: lower = v + 0x20
    case 0x61...0x7A: lower = v
    default: return nil
    }
    // A lowercase letter alone is a word (Spanish "y", Portuguese "e"), not an initial.
    guard v < 0x61 || scalars.count == 2 else { return nil }
    let dot = scalars.count == 2 ? "." : ""
    let forms = hebrewOfLetter[Int(lower - 0x61)]
    return ranked(forms.map { spell($0, geresh: geresh) + dot })
  }

  /// The Roman numeral of a Hebrew ordinal that starts at `pieces[index]`, and how many
  /// pieces it spans (1, or 3 for `הארבעה עשר`: word, space, word).
  static func romanNumeral(at index: Int, of pieces: [Transliterator.Piece]) -> (String, Int)? {
    // Every ordinal starts with the article ה (D7 94 in UTF-8).
    let u = pieces[index].text.utf8
    guard u.count > 2, u.first == 0xD7, u[u.index(after: u.startIndex)] == 0x94 else { return nil }
    let word = String(pieces[index].text)
    if let n = ordinalValue[word] { return (roman(n), 1) }
    guard let teen = teenValue[word], index + 2 < pieces.count, pieces[index + 2].isWord,
      pieces[index + 2].text == "עשר" || pieces[index + 2].text == "עשרה"
    else { return nil }
    return (roman(teen + 10), 3)
  }

  /// Ranked Hebrew ordinals of a Roman numeral `token` (II–XXX, I, V and X; uppercase), or
  /// nil; a lone letter's name comes third (Malcolm X → מלקולם אקס). Only a token after the
  /// first one of a name is read as a number ("Henry V").
  static func hebrewOrdinals(_ token: Substring) -> [(String, Float)]? {
    guard let f = token.utf8.first, f == 0x49 || f == 0x56 || f == 0x58, let n = romanValue(token), n >= 1, n <= 30 else { return nil }
    let (masculine, feminine) = ordinal(n)
    // A lone I, V or X may be a letter, not a number (Malcolm X): its letter name third.
    if token.utf8.count == 1, let letter = HebrewLetterNames.spellings.first(where: { $0.0 == Character(token.lowercased()) }) {
      return ranked([masculine, feminine, letter.1[0]])
    }
    return ranked([masculine, feminine])
  }

  // MARK: Tables

  /// Latin initials of Hebrew letter units (1–22 letters, +22 with geresh), best first (the
  /// order of the train file's initials where it has several: פ. is F. 12 times, P. 9).
  private static let latinOfUnit: [UInt8: [Character]] = {
    let letters: [(String, String)] = [
      ("א", "AEIO"), ("ב", "BV"), ("ג", "GJ"), ("ד", "D"), ("ה", "H"), ("ו", "VW"), ("ז", "Z"),
      ("ח", "HCK"), ("ט", "T"), ("י", "YJI"), ("כ", "KC"), ("ל", "L"), ("מ", "M"), ("נ", "N"),
      ("ס", "SC"), ("ע", "AEO"), ("פ", "FP"), ("צ", "ZTC"), ("ק", "KCQ"), ("ר", "R"), ("ש", "S"),
      ("ת", "T"),
      // With geresh: the geresh letters keep their sound; any other letter's geresh is the
      // abbreviation mark (ק' = K.).
      ("ג'", "JG"), ("ז'", "ZJ"), ("צ'", "CT"), ("ת'", "T"), ("ח'", "KH"), ("ד'", "D"), ("ע'", "GA"),
      ("ר'", "R"),
    ]
    var table: [UInt8: [Character]] = [:]
    for (hebrew, latin) in letters {
      guard let units = HebrewLetters.units(hebrew.unicodeScalars[...]), units.count == 1 else { continue }
      table[units[0]] = Array(latin)
    }
    for u in UInt8(1)...22 where table[u + 22] == nil { table[u + 22] = table[u] }
    return table
  }()

  /// Latin letters by their names' Hebrew spellings (with a final dot they are initials):
  /// the letters whose first spelling it is come first (אי is E, then A and I).
  private static let spelledLetter: [String: [Character]] = {
    var ranked: [String: [(Int, Character)]] = [:]
    for (letter, names) in HebrewLetterNames.spellings {
      for (rank, name) in names.enumerated() {
        let upper = Character(letter.uppercased())
        ranked[name, default: []].append((rank, upper))
        ranked[String(name.map { $0 == "'" ? "\u{05F3}" : $0 }), default: []].append((rank, upper))
      }
    }
    return ranked.mapValues { $0.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1) }
  }()

  /// Whether the UTF-8 `word` (before a dot in running text) can be a Hebrew initial: one
  /// letter and perhaps a geresh (at most 5 bytes), or a letter's name. A quick filter, with
  /// no allocation, for the many words that end a sentence; ``latinReadings(_:)`` decides.
  static func mayBeHebrewInitial(_ word: some Collection<UInt8>) -> Bool {
    if word.count <= 5 { return true }
    guard word.count <= 16 else { return false }
    return letterNameHashes.contains(gereshFoldedHash(word))
  }

  /// FNV-1a of UTF-8 bytes with every geresh (׳ ’ ` ´) read as ASCII `'`.
  private static func gereshFoldedHash(_ word: some Collection<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    // Bytes held back while they may begin a geresh: up to three, in `held` (first byte lowest).
    var held: UInt32 = 0
    var heldCount = 0
    func add(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    func flush() {
      for k in 0..<heldCount { add(UInt8(truncatingIfNeeded: held >> (8 * k))) }
      held = 0
      heldCount = 0
    }
    for b in word {
      held |= UInt32(b) << (8 * heldCount)
      heldCount += 1
      switch (heldCount, held) {
      case (1, 0xD7), (1, 0xE2), (2, 0x80E2), (1, 0xC2): continue  // a geresh may be starting
      case (2, 0xB3D7), (3, 0x9980E2), (2, 0xB4C2), (1, 0x60):
        held = 0
        heldCount = 0
        add(0x27)
      default: flush()
      }
    }
    flush()
    return h
  }

  /// ``gereshFoldedHash(_:)`` of every Hebrew letter-name spelling.
  private static let letterNameHashes: Set<UInt64> = Set(spelledLetter.keys.map { gereshFoldedHash(Array($0.utf8)) })

  /// Hebrew initials of the Latin letters a–z: the letter of the sound ("'" marks a geresh),
  /// then the letter's name. C, E, J, O, U and X are written by their names first (סי., או.):
  /// the train file's Hebrew initials have סי. for C. 22 times against ס. 3, ג'יי. for J.
  /// 19 against ג'. 12, אי. for E. 10 against א. 9.
  private static let hebrewOfLetter: [[String]] = {
    let sound = ["א", "ב", "ס", "ד", "א", "פ", "ג", "ה", "א", "ג'", "ק", "ל", "מ", "נ", "א", "פ", "ק", "ר", "ס", "ט", "א", "ו", "וו", "ק", "י", "ז"]
    let nameFirst: Set<Character> = ["c", "e", "j", "o", "u", "x"]
    return HebrewLetterNames.spellings.enumerated().map { i, entry in
      let name = entry.1[0]
      return nameFirst.contains(entry.0) ? [name, sound[i]] : [sound[i], name]
    }
  }()

  /// Masculine ordinals 1–10 (value by word); feminine ones too.
  private static let ordinalValue: [String: Int] = {
    var t: [String: Int] = [:]
    for (i, w) in masculine.enumerated() { t[w] = i + 1 }
    for (i, w) in feminine.enumerated() { t[w] = i + 1 }
    t["השניה"] = 2
    t["העשרים"] = 20
    t["השלושים"] = 30
    return t
  }()
  private static let masculine = [
    "הראשון", "השני", "השלישי", "הרביעי", "החמישי", "השישי", "השביעי", "השמיני", "התשיעי", "העשירי",
  ]
  private static let feminine = [
    "הראשונה", "השנייה", "השלישית", "הרביעית", "החמישית", "השישית", "השביעית", "השמינית", "התשיעית",
    "העשירית",
  ]
  /// First words of the ordinals 11–19 (masculine "הארבעה עשר", feminine "הארבע עשרה"),
  /// by value 1–9.
  private static let teenValue: [String: Int] = {
    var t: [String: Int] = [:]
    for (i, w) in teenMasculine.enumerated() { t[w] = i + 1 }
    for (i, w) in teenFeminine.enumerated() { t[w] = i + 1 }
    return t
  }()
  private static let teenMasculine = ["האחד", "השנים", "השלושה", "הארבעה", "החמישה", "השישה", "השבעה", "השמונה", "התשעה"]
  private static let teenFeminine = ["האחת", "השתים", "השלוש", "הארבע", "החמש", "השש", "השבע", "השמונה", "התשע"]

  /// Masculine and feminine Hebrew ordinal of 1–30.
  private static func ordinal(_ n: Int) -> (String, String) {
    switch n {
    case 1...10: return (masculine[n - 1], feminine[n - 1])
    case 11...19: return (teenMasculine[n - 11] + " עשר", teenFeminine[n - 11] + " עשרה")
    case 20: return ("העשרים", "העשרים")
    default:
      // 21–30: "העשרים ואחד" style ordinals are rare in names; the cardinal form is used.
      let unit = ["ואחד", "ושניים", "ושלושה", "וארבעה", "וחמישה", "ושישה", "ושבעה", "ושמונה", "ותשעה"]
      let unitF = ["ואחת", "ושתיים", "ושלוש", "וארבע", "וחמש", "ושש", "ושבע", "ושמונה", "ותשע"]
      if n == 30 { return ("השלושים", "השלושים") }
      return ("העשרים " + unit[n - 21], "העשרים " + unitF[n - 21])
    }
  }

  /// 1–39 as a Roman numeral.
  static func roman(_ n: Int) -> String {
    let tens = String(repeating: "X", count: n / 10)
    let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][n % 10]
    return tens + ones
  }

  /// The value of an uppercase Roman numeral up to XXXIX written the canonical way, or nil.
  static func romanValue(_ token: Substring) -> Int? {
    var s = Substring(token)
    var n = 0
    while s.first == "X" && n < 30 {
      n += 10
      s = s.dropFirst()
    }
    if s.isEmpty { return n > 0 ? n : nil }
    let ones = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    guard let i = ones.firstIndex(of: String(s)) else { return nil }
    return n + i + 1
  }

  /// A Hebrew spelling with "'" for geresh in the requested style. A word (אף, אם) ends in a
  /// final form; a lone letter (פ., מ.) does not.
  private static func spell(_ s: String, geresh: GereshStyle) -> String {
    guard let units = HebrewLetters.units(s.unicodeScalars[...]) else { return s }
    return HebrewLetters.text(units, geresh: geresh, finalForms: units.count > 1)
  }

  /// Log-scores for readings best first: each is half as likely as the one before.
  private static func ranked(_ readings: [String]) -> [(String, Float)] {
    var weights: [Float] = []
    var w: Float = 1
    for _ in readings {
      weights.append(w)
      w /= 2
    }
    let total = weights.reduce(0, +)
    return zip(readings, weights).map { ($0, logf($1 / total)) }
  }
}

/// How Hebrew writes the names of the Latin letters (ג'יי for J, אם for M), the usual
/// spelling first: initials written out in Hebrew (ג'יי. ר. ר. טולקין; J. J. Abrams ~
/// ג'יי ג'יי אברמס). This is the alphabet, not a list of names: 26 letters, a few spellings
/// each. The transliterator reads and writes initials with it; the matcher pairs a Latin
/// initial with its letter's name.
enum HebrewLetterNames {
  static let spellings: [(Character, [String])] = [
    ("a", ["איי", "אי", "אה"]), ("b", ["בי"]), ("c", ["סי"]), ("d", ["די"]), ("e", ["אי"]),
    ("f", ["אף"]), ("g", ["ג'י"]), ("h", ["אייץ'", "אייץ", "אייטש", "הייץ'"]), ("i", ["איי", "אי", "אאי"]),
    ("j", ["ג'יי"]), ("k", ["קיי", "קי", "קאי"]), ("l", ["אל"]), ("m", ["אם"]), ("n", ["אן"]),
    ("o", ["או", "אוו"]), ("p", ["פי"]), ("q", ["קיו"]), ("r", ["אר", "אאר"]), ("s", ["אס"]), ("t", ["טי"]),
    ("u", ["יו"]), ("v", ["וי", "ווי"]), ("w", ["דאבליו", "דבליו", "וו"]), ("x", ["אקס", "אכס"]),
    ("y", ["וואי", "ואי", "ויי", "וויי"]), ("z", ["זי", "זד", "זט"]),
  ]
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

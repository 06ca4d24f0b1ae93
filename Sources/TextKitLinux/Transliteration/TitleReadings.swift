/// Titles and honorifics before a name, read the way news in the other language writes them
/// instead of being spelled out by the `names` model: ד"ר משה כהן → Dr. Moshe Cohen (not
/// "Der Moshe Cohen"), ח"כ → MK, Prof. David Levi → פרופ' דוד לוי.
///
/// Three kinds of Hebrew entry:
/// - abbreviations, written with a geresh or gershayim (`ד"ר`, `פרופ'`, `ח"כ`), which are never
///   names: read as the title wherever they stand, in running text also after proclitics
///   (לח"כ → l-MK);
/// - title words (`הנסיך` Prince, `השייח'` Sheikh): read as the title first, the model's
///   readings after it, at the start of a name with another word after it;
/// - title words that are also names: `הרב` is Rabbi in the news but Herb in Herb Alpert, and
///   every name of the train file that starts with it is a Herb (titles are not part of the
///   names people are listed under), so Rabbi is offered with less weight, after the model's
///   best reading when the model is sure of it.
///
/// In running text, which is mostly news, the title words that carry the article ה (הרב,
/// הנשיא, השר, הנסיך…) are read as titles wherever they stand (the per-word cache does not see
/// the next word): הרב זמיר איסייב → Rabbi Zamir Isayev, as English news writes it.
///
/// The tables hold titles, not names. Keys are folded as ``key(_:)`` does.
enum TitleReadings {
  /// How a title reading stands among the model's readings of the same word.
  enum Kind: Sendable {
    /// The only reading.
    case abbreviation
    /// The first reading (probability 0.6; the model's readings share the rest).
    case word
    /// A reading with probability 0.3, the model's sharing 0.7.
    case alsoName

    /// Probability of the title reading (1 for an abbreviation).
    var share: Float {
      switch self {
      case .abbreviation: return 1
      case .word: return 0.6
      case .alsoName: return 0.3
      }
    }
  }

  /// The Latin reading of a Hebrew title and its kind, or nil.
  static func latin(_ token: Substring) -> (String, Kind)? {
    // The longest title (האפיפיור) has 8 letters, 16 bytes. Every title word starts with ה
    // (D7 94) or ס (D7 A1); every abbreviation holds a geresh or gershayim: byte 22, 27 or 60,
    // D7 B3/B4, C2 B4 (´), or an E2 lead (‘ ’ ” ′). Most tokens are passed over without a
    // look-up.
    let u = token.utf8
    guard u.count <= 18, u.count >= 3 else { return nil }
    var mayBe = false
    var i = u.startIndex
    let second = u[u.index(after: i)]
    if u[i] == 0xD7 && (second == 0x94 || second == 0xA1) { mayBe = true }
    while !mayBe && i < u.endIndex {
      let b = u[i]
      if b == 0x22 || b == 0x27 || b == 0x60 || b == 0xB3 || b == 0xB4 || b == 0xE2 { mayBe = true }
      i = u.index(after: i)
    }
    guard mayBe, let k = key(token) else { return nil }
    return hebrewTitles[k]
  }

  /// The Hebrew reading of a Latin title (`Dr`, `Dr.`, `MK`), or nil. Only abbreviations: the
  /// English words (King, Prince, Rabbi) are names too and spell well by the model.
  static func hebrew(_ token: Substring, geresh: GereshStyle) -> String? {
    // Every title starts with D, P or M.
    guard token.utf8.count >= 2, token.utf8.count <= 5, let f = token.utf8.first, f == 0x44 || f == 0x50 || f == 0x4D
    else { return nil }
    var k = token.lowercased()
    if k.hasSuffix(".") { k.removeLast() }
    guard let h = latinTitles[k] else { return nil }
    // Written as titles are: "MK" in capitals, the others capitalized ("DR", "MS" and "mr"
    // are something else).
    if k == "mk" {
      guard token == "MK" else { return nil }
    } else {
      let u = Array(token.utf8)
      guard u[0] >= 0x41 && u[0] <= 0x5A, u[1] >= 0x61 && u[1] <= 0x7A else { return nil }
    }
    switch geresh {
    case .apostrophe: return h
    case .geresh:
      return String(String.UnicodeScalarView(h.unicodeScalars.map { $0 == "'" ? "\u{05F3}" : $0 == "\"" ? "\u{05F4}" : $0 }))
    }
  }

  /// The Latin reading of a Hebrew abbreviation after up to two proclitic letters (לח"כ,
  /// וד"ר), or with `words` also of a title word that keeps its article after ו, ש or מ
  /// (והרב, שהנשיא, ומהמלך), or whose article ב, כ or ל elides (לרב → la-Rabbi, ולנשיא →
  /// vela-President), as the proclitics' Latin and the title, or nil. After ב and כ, שר and
  /// שרה are not read as titles (בשר is meat, כשר kosher), nor שרה after ל (Sarah), nor רב
  /// after ב (ברב, "in most").
  static func prefixedAbbreviation(_ token: Substring, words: Bool = false) -> (prefix: String, title: String)? {
    var rest = token
    var prefix = ""
    for _ in 0..<2 {
      guard let first = rest.unicodeScalars.first, let p = HebrewProclitic(rawValue: Character(first)) else { return nil }
      rest = Substring(rest.unicodeScalars.dropFirst())
      prefix += Transliterator.latin(p)
      if let (title, kind) = latin(rest) {
        if kind == .abbreviation { return (prefix, title) }
        if words, rest.unicodeScalars.first == "ה", "ושמ".unicodeScalars.contains(first) { return (prefix, title) }
      }
      if words, "בכל".unicodeScalars.contains(first), let stem = key(rest),
        let (title, kind) = hebrewTitles["ה" + stem], kind != .abbreviation,
        !(stem == "שרה" || (stem == "שר" && first != "ל") || (stem == "רב" && first == "ב"))
      {
        return (prefix + "a", title)
      }
    }
    return nil
  }

  /// Letters with final forms folded, points dropped, any geresh as `'` and any gershayim
  /// (`"`, `״`, `”`) as `"`; nil if the token has anything else.
  static func key(_ token: Substring) -> String? {
    var out = String.UnicodeScalarView()
    for s in token.unicodeScalars {
      let v = s.value
      switch v {
      case 0x05DA: out.append("כ")
      case 0x05DD: out.append("מ")
      case 0x05DF: out.append("נ")
      case 0x05E3: out.append("פ")
      case 0x05E5: out.append("צ")
      case 0x05D0...0x05EA: out.append(s)
      case 0x22, 0x05F4, 0x201D: out.append("\"")
      default:
        if HebrewLetters.isGeresh(v) { out.append("'") } else if HebrewLetters.isMark(v) { continue } else { return nil }
      }
    }
    return out.isEmpty ? nil : String(out)
  }

  private static let hebrewTitles: [String: (String, Kind)] = {
    let abbreviations: [(String, String)] = [
      ("ד\"ר", "Dr."), ("פרופ'", "Prof."), ("ח\"כ", "MK"), ("עו\"ד", "Adv."), ("גב'", "Ms."),
      ("רס\"ן", "Maj."), ("סא\"ל", "Lt. Col."), ("אל\"מ", "Col."), ("תא\"ל", "Brig. Gen."),
      ("רא\"ל", "Lt. Gen."), ("רו\"ח", "CPA"),
    ]
    let words: [(String, String)] = [
      ("הרבנית", "Rebbetzin"), ("השייח'", "Sheikh"), ("הנסיך", "Prince"),
      ("הנסיכה", "Princess"), ("המלך", "King"), ("המלכה", "Queen"), ("סר", "Sir"), ("האפיפיור", "Pope"),
      ("הנשיא", "President"), ("השר", "Minister"), ("השרה", "Minister"), ("הגנרל", "General"),
    ]
    var t: [String: (String, Kind)] = [:]
    for (h, l) in abbreviations { t[key(Substring(h))!] = (l, .abbreviation) }
    for (h, l) in words { t[key(Substring(h))!] = (l, .word) }
    t[key("הרב")!] = ("Rabbi", .alsoName)
    return t
  }()

  private static let latinTitles: [String: String] = [
    "dr": "ד\"ר", "prof": "פרופ'", "mr": "מר", "mrs": "גב'", "ms": "גב'", "mk": "ח\"כ",
  ]
}

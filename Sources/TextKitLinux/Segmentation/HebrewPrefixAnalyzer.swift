/// A Hebrew proclitic: a one-letter word written joined to the word after it.
///
/// The raw value is the letter as written.
public enum HebrewProclitic: Character, Sendable, Hashable, CaseIterable {
  /// ו, "and" (conjunction).
  case vav = "ו"
  /// ה, "the" (definite article) or the interrogative ה.
  case he = "ה"
  /// ב, "in, at, with".
  case bet = "ב"
  /// כ, "as, like, about".
  case kaf = "כ"
  /// ל, "to, for".
  case lamed = "ל"
  /// מ, "from, than".
  case mem = "מ"
  /// ש, "that, which" (relative/subordinating).
  case shin = "ש"
}

/// One way to read a Hebrew word as proclitics followed by a stem.
///
/// ```swift
/// let split = HebrewPrefixAnalyzer(lexicon: ["אירופה"]).splits(of: "שבאירופה")[0]
/// // split.prefixes == [.shin, .bet], split.stem == "אירופה"
/// ```
public struct PrefixSplit: Sendable, Hashable, CustomStringConvertible {
  /// The proclitics in written order; empty for the unsplit word.
  public var prefixes: [HebrewProclitic]
  /// The rest of the word after the proclitics (and after a hyphen or maqaf, if any).
  public var stem: String
  /// Relative plausibility in 0...1; the scores of one ``HebrewPrefixAnalyzer/splits(of:)``
  /// answer add up to 1.
  public var score: Double
  /// The hyphen or maqaf written between the proclitics and the stem (ב-2024, ב־2024), if any.
  public var separator: Character?

  /// Creates a split.
  public init(
    prefixes: [HebrewProclitic], stem: String, score: Double, separator: Character? = nil
  ) {
    self.prefixes = prefixes
    self.stem = stem
    self.score = score
    self.separator = separator
  }

  /// Whether this is the word read whole, without proclitics.
  public var isUnsplit: Bool { prefixes.isEmpty }

  /// The proclitics as written ("וב"), empty for the unsplit word.
  public var prefixText: String { String(prefixes.map(\.rawValue)) }

  /// "ש+ב+אירופה".
  public var description: String {
    (prefixes.map { String($0.rawValue) } + [stem]).joined(separator: "+")
  }
}

/// Ranks the possible (proclitics, stem) readings of a Hebrew word.
///
/// Candidates follow the legal order of Hebrew proclitics:
/// `[ו] [ש | כש | לכש | מש] [ב | כ | ל | מ] [ה]` (so וכש, ומה, שב, ול, מה, שה, לכש, …), and
/// every stem has at least two letters. The article ה after ב, כ or ל is normally absorbed
/// in writing (בבית, not בהבית), so such readings are kept but ranked very low. A letter
/// followed by a geresh or gershayim (ש"ח, ג'ורג') is never a proclitic.
///
/// Without a lexicon the ranking is conservative: the unsplit word comes first unless the
/// stem left after a likely proclitic is long (five letters or more). With a lexicon (known
/// stems, names, gazetteer entries) a reading whose stem is known ranks first, and a word
/// that is itself known stays whole: with `["באקו"]`, בבאקו is ב + באקו and באקו is באקו.
///
/// A proclitic joined by a hyphen or maqaf, or directly, to a number or a Latin-script word
/// (ב-2024, ב־2024, ה-CIA, ב2024) is always split first.
///
/// Lexicon entries and stems are compared after removing niqqud and cantillation and
/// writing geresh/gershayim as ASCII `'`/`"`.
///
/// Given the words of the text being segmented (``init(lexicon:corpusWords:)``), the text
/// itself is evidence: a stem that occurs there as a word of its own supports the split
/// (בבאקו when באקו occurs), and a word that occurs after a proclitic elsewhere is a stem
/// itself and stays whole (ביטחון when לביטחון occurs, not ב + יטחון).
public struct HebrewPrefixAnalyzer: Sendable {
  private let lexicon: Set<String>
  /// Keys of the corpus's words, and of those among them that follow the article or a
  /// preposition in another.
  private let corpusWords: Set<String>
  private let corpusStems: Set<String>

  /// Creates an analyzer.
  ///
  /// - Parameter lexicon: known stems and names (optional). Entries may carry niqqud and
  ///   either form of geresh/gershayim.
  ///   - corpusWords: the Hebrew words of the text to segment (optional; each once is
  ///     enough), compared as lexicon entries are.
  public init(lexicon: Set<String> = [], corpusWords: Set<String> = []) {
    self.lexicon = Set(lexicon.map(Self.key))
    let words = Set(corpusWords.map(Self.key))
    self.corpusWords = words
    var stems: Set<String> = []
    for word in words {
      let chars = Array(word)
      for n in 1...4 where n + 2 <= chars.count {
        // Only after the last proclitic that can come before a stem (the article ה, or a
        // preposition ב כ ל מ, not before ה): after ו or ש the word may carry proclitics of
        // its own (והביטחוני is ו + ה + ביטחוני).
        guard Self.prefixLetters.contains(String(chars[..<n])), "הבכלמ".contains(chars[n - 1]), chars[n] != "ה"
        else { continue }
        let stem = String(chars[n...])
        if words.contains(stem) { stems.insert(stem) }
      }
    }
    corpusStems = stems
  }

  /// The letters of every legal proclitic sequence (ו, וב, שה, לכש…).
  private static let prefixLetters: Set<String> = Set(sequences.map { String($0.letters.map(\.rawValue)) })

  /// How much the corpus's own words weigh (``init(lexicon:corpusWords:)``): less than a
  /// lexicon entry (the corpus is unvetted), more than the length rule.
  private static let corpusFactor = 8.0

  /// The ranked readings of `word`, best first; the unsplit word is always among them.
  ///
  /// A word with no Hebrew proclitic reading returns just the unsplit word with score 1.
  public func splits(of word: String) -> [PrefixSplit] {
    let chars = Array(word)
    var candidates: [PrefixSplit] = []
    let wholeKnown = !lexicon.isEmpty && lexicon.contains(Self.key(word))
    let wholeStem = !corpusStems.isEmpty && corpusStems.contains(Self.key(word))
    candidates.append(PrefixSplit(prefixes: [], stem: word, score: (wholeKnown ? 30 : 1) * (wholeStem ? Self.corpusFactor : 1)))

    for sequence in Self.sequences where sequence.letters.count < chars.count {
      guard zip(sequence.letters, chars).allSatisfy({ $0.rawValue == Self.baseLetter($1) })
      else { continue }
      let n = sequence.letters.count
      var rest = chars[n...]
      var separator: Character? = nil
      if let first = rest.first, Self.hyphens.contains(first) {
        separator = first
        rest = rest.dropFirst()
      }
      guard let head = rest.first else { continue }
      // A geresh/gershayim right after the letters makes them an abbreviation, not proclitics.
      if Self.gereshes.contains(head) { continue }
      if n < chars.count, Self.gereshes.contains(chars[n]) { continue }
      let stem = String(rest)
      if Self.isForeignOrNumber(head) {
        // ב-2024, ה-CIA, ב2024: prefix + token; only a single legal sequence, strongly.
        candidates.append(
          PrefixSplit(prefixes: sequence.letters, stem: stem, score: 40 * sequence.prior,
                      separator: separator))
        continue
      }
      let letters = rest.filter(Self.isLetter).count
      guard letters >= 2, !Self.finalLetters.contains(Self.baseLetter(head)),
        Self.isHebrewLetter(head)
      else { continue }
      var score = sequence.prior * Self.stemFactor(letters)
      if separator != nil { score *= 2 }
      if !lexicon.isEmpty, lexicon.contains(Self.key(stem)) { score *= 30 }
      if !corpusWords.isEmpty, corpusWords.contains(Self.key(stem)) { score *= Self.corpusFactor }
      candidates.append(
        PrefixSplit(prefixes: sequence.letters, stem: stem, score: score, separator: separator))
    }
    let total = candidates.reduce(0) { $0 + $1.score }
    for i in candidates.indices { candidates[i].score /= total }
    candidates.sort {
      $0.score != $1.score ? $0.score > $1.score : $0.prefixes.count < $1.prefixes.count
    }
    return candidates
  }

  /// The best reading of `word` (``splits(of:)``'s first element).
  public func best(of word: String) -> PrefixSplit { splits(of: word)[0] }

  // MARK: Rules

  private struct Sequence: Sendable {
    var letters: [HebrewProclitic]
    var prior: Double
  }

  /// Every legal proclitic sequence with its prior (how often such letters are proclitics).
  private static let sequences: [Sequence] = {
    let conjunction: [(letters: [HebrewProclitic], prior: Double)] = [([], 1), ([.vav], 0.85)]
    let subordinator: [(letters: [HebrewProclitic], prior: Double)] = [
      ([], 1), ([.shin], 0.5), ([.kaf, .shin], 0.6), ([.lamed, .kaf, .shin], 0.6),
      ([.mem, .shin], 0.4),
    ]
    let preposition: [(letters: [HebrewProclitic], prior: Double)] = [
      ([], 1), ([.bet], 0.55), ([.kaf], 0.35), ([.lamed], 0.55), ([.mem], 0.4),
    ]
    var result: [Sequence] = []
    for c in conjunction {
      for s in subordinator {
        for p in preposition {
          for article in [false, true] {
            var letters = c.letters + s.letters + p.letters
            var prior = c.prior * s.prior * p.prior
            if article {
              // ה after ב/כ/ל is absorbed in standard spelling.
              let absorbed = p.letters.first.map { [.bet, .kaf, .lamed].contains($0) } ?? false
              prior *= absorbed ? 0.03 : 0.6
              letters.append(.he)
            }
            if !letters.isEmpty { result.append(Sequence(letters: letters, prior: prior)) }
          }
        }
      }
    }
    return result
  }()

  private static func stemFactor(_ letters: Int) -> Double {
    switch letters {
    case ..<3: 0.1
    case 3: 0.4
    case 4: 1.0
    default: 2.0
    }
  }

  static let hyphens: Set<Character> = ["-", "\u{05BE}", "\u{2010}", "\u{2011}"]
  static let gereshes: Set<Character> = ["'", "\"", "\u{05F3}", "\u{05F4}", "\u{2019}", "\u{201D}"]
  static let finalLetters: Set<Character> = ["ך", "ם", "ן", "ף", "ץ"]

  /// The first scalar of a character (the letter under its niqqud).
  static func baseLetter(_ c: Character) -> Character {
    Character(c.unicodeScalars.first!)
  }

  static func isHebrewLetter(_ c: Character) -> Bool {
    (0x05D0...0x05EA).contains(c.unicodeScalars.first!.value)
  }

  static func isLetter(_ c: Character) -> Bool {
    isHebrewLetter(c) || c.isLetter || c.isNumber
  }

  private static func isForeignOrNumber(_ c: Character) -> Bool {
    if c.isNumber { return true }
    guard c.isLetter, let s = c.unicodeScalars.first else { return false }
    return !(0x0590...0x05FF).contains(s.value) && !(0xFB1D...0xFB4F).contains(s.value)
  }

  /// Comparison key: no niqqud or cantillation, ASCII geresh and gershayim.
  static func key(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      switch u.value {
      case 0x0591...0x05BD, 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7: continue
      case 0x05F3, 0x2019: out.append("'")
      case 0x05F4, 0x201D: out.append("\"")
      default: out.append(u)
      }
    }
    return String(out)
  }
}

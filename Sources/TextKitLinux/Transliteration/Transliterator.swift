import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Transliterates names and running text between Hebrew and Latin (and other scripts to Latin).
///
/// The default `names` scheme spells names the way English news and Wikidata do, with ranked
/// candidates from a joint-sequence model learned from name pairs (see
/// `Scripts/train-translit`). Names are decoded token by token; a whole name's candidates are
/// the best combinations of its tokens' candidates.
///
/// ```swift
/// let he2en = try Transliterator()                          // .names, to Latin
/// he2en.transliterate("אילהם אלייב")                        // "Ilham Aliyev"
/// he2en.candidates("טראמפ", count: 3).map(\.text)           // ["Trump", …]
/// let en2he = try Transliterator(to: .hebrew)
/// en2he.transliterate("George")                             // "ג'ורג'"
/// ```
///
/// Running text keeps everything that is not a word of the source script (numbers,
/// punctuation, other scripts) as it is.
public struct Transliterator: Sendable {
  /// The spelling scheme.
  public let scheme: TransliterationScheme
  /// The script written.
  public let target: TransliterationTarget
  /// The script read.
  public let source: TransliterationSource
  /// How a geresh is written in Hebrew output.
  public let geresh: GereshStyle
  /// Whether Hebrew proclitics (ב ה ו כ ל מ ש and their legal sequences) are split off words
  /// of running text (לטראמפ → l-Trump; בבאקו → b-Bako, as the model spells באקו). The
  /// readings come from ``HebrewPrefixAnalyzer``, rescored by the `names` model (a name that begins with such a
  /// letter, הרצוג or ברוך, stays whole); off by default.
  public let splitPrefixes: Bool
  /// Beam width of the `names` decoder: by default 16 hypotheses a position to Latin and 24
  /// to Hebrew (24 gains 0.6 points top-5 to Latin on the held-out slice but costs 15% of the
  /// speed there; to Hebrew it gains 0.3 points and stays well above 20,000 names/s).
  public let beamWidth: Int

  private let model: GraphoneModel?
  private let icu: ICUTransliterator?
  /// Cyrillic, Greek, Arabic and Azerbaijani to Latin, opened on first use (compiling the
  /// rules costs milliseconds that Hebrew-only work should not pay).
  private var otherScripts: ICUTransliterator? {
    guard target == .latin else { return nil }
    if source == .azerbaijani {
      return try? ICUTransliterator.instance(id: "TextKitLinux-Azerbaijani-Latin", rules: Transliterator.azerbaijaniRules)
    }
    return try? ICUTransliterator.instance(id: "TextKitLinux-Names-Latin", rules: Transliterator.otherScriptRules)
  }
  private let cache: WordCache
  private let wordTable = SharedWordTable()
  private let tokenCache = TokenCache()

  /// Makes a transliterator.
  ///
  /// - Parameters:
  ///   - scheme: `.names` (default), `.academy` (pointed Hebrew → Latin) or `.icu`.
  ///   - target: `.latin` (default) or `.hebrew`.
  ///   - source: the script read; `.auto` picks Hebrew for Latin output and Latin for Hebrew.
  ///   - geresh: geresh style in Hebrew output.
  ///   - splitPrefixes: split Hebrew proclitics off words of running text.
  ///   - beamWidth: beam of the `names` decoder, nil for the default of the direction
  ///     (more is slower and rarely better).
  ///   - model: a `names` model other than the embedded one (for training experiments).
  /// - Throws: ``TransliterationError`` for an unsupported combination, or ``ICUError``
  ///   when ICU cannot open a transform.
  public init(
    scheme: TransliterationScheme = .names, to target: TransliterationTarget = .latin,
    from source: TransliterationSource = .auto, geresh: GereshStyle = .apostrophe,
    splitPrefixes: Bool = false, beamWidth: Int? = nil, model: TransliterationModel? = nil
  ) throws {
    if target == .hebrew && !(source == .auto || source == .latin) {
      throw TransliterationError.unsupported("only Latin can be transliterated to Hebrew")
    }
    if target == .hebrew && scheme == .academy {
      throw TransliterationError.unsupported("the academy scheme writes Latin only")
    }
    if scheme == .academy && !(source == .auto || source == .hebrew) {
      throw TransliterationError.unsupported("the academy scheme reads pointed Hebrew only")
    }
    if target == .latin && source == .latin {
      throw TransliterationError.unsupported("Latin to Latin: use --from az for Azerbaijani")
    }
    self.scheme = scheme
    self.target = target
    self.source = source
    self.geresh = geresh
    self.splitPrefixes = splitPrefixes
    self.beamWidth = max(1, beamWidth ?? (target == .latin ? 16 : 24))
    self.cache = WordCache()
    self.model = scheme == .names ? try model?.graphones ?? Transliterator.sharedModel() : nil
    switch (scheme, target) {
    case (.icu, .latin):
      // ICU's own transform of the script read (for reference, and for scripts the names
      // model does not cover).
      switch source {
      case .cyrillic: icu = try ICUTransliterator.instance(id: "Cyrillic-Latin")
      case .greek: icu = try ICUTransliterator.instance(id: "Greek-Latin")
      case .arabic: icu = try ICUTransliterator.instance(id: "Arabic-Latin")
      case .azerbaijani:
        // ICU has no Azerbaijani transform: the same rules as the names scheme.
        icu = try ICUTransliterator.instance(id: "TextKitLinux-Azerbaijani-Latin", rules: Transliterator.azerbaijaniRules)
      default: icu = try ICUTransliterator.instance(id: "Hebrew-Latin")
      }
    case (.icu, .hebrew): icu = try ICUTransliterator.instance(id: "Latin-Hebrew")
    default: icu = nil
    }
  }

  /// A Cyrillic, Greek, Arabic (or, from Azerbaijani, Latin) word in Latin letters, or nil:
  /// Arabic, which has no capitals, capitalized as a name (مُحَمَّد Muhammad).
  func otherScriptLatin(_ word: Substring) -> String? {
    guard let other = otherScripts, var t = try? other.transliterate(String(word)) else { return nil }
    if let f = word.unicodeScalars.first, (0x0600...0x06FF).contains(f.value), let c = t.first, c.isLowercase {
      t = c.uppercased() + t.dropFirst()
    }
    return t
  }

  /// Other scripts to plain Latin, as English news spells names: Cyrillic with the digraphs
  /// of English usage (Щ shch, Ш sh, Ж zh, Ч ch, Х kh, Ц ts, Ю yu, Я ya; Ё and Э e; Ь Ъ
  /// dropped; Е stays e: Хрущёв Khrushchev, Исаев Isaev), Greek by ICU's UNGEGN (ELOT 743)
  /// rules (Μητσοτάκης Mitsotakis), Arabic by ICU's Arabic-Latin with its vowel marks when
  /// written (مُحَمَّد muhammad; unvoweled Arabic stays consonants), then ASCII with the
  /// transcription's ayin and hamza marks dropped.
  static let otherScriptRules = """
    :: [[:Cyrillic:][:Greek:][:Arabic:][\\u064B-\\u065F\\u0670]] ;
    ий } [^[:L:]] > y ; ый } [^[:L:]] > y ; ий $ > y ; ый $ > y ;
    Щ > Shch ; щ > shch ; Ш > Sh ; ш > sh ; Ж > Zh ; ж > zh ; Ч > Ch ; ч > ch ;
    Х > Kh ; х > kh ; Ц > Ts ; ц > ts ; Ю > Yu ; ю > yu ; Я > Ya ; я > ya ;
    Ё > E ; ё > e ; Э > E ; э > e ; Й > Y ; й > y ; Ы > Y ; ы > y ;
    Є > Ye ; є > ye ; Ї > Yi ; ї > yi ; [Ьь Ъъ] > ;
    ([\\u0621-\\u064A]) ([\\u064B-\\u0650]*) \\u0651 > $1 $1 $2 ;
    :: Greek-Latin/UNGEGN ;
    :: Any-Latin ;
    :: Latin-ASCII ;
    [ʿʾʻʼ] > ;
    """

  /// Azerbaijani Latin to English spelling: Ş sh, Ç ch, C j, X kh, Ğ gh, Ə a, ı i, Ö o, Ü u
  /// (Şuşa Shusha, Gəncə Ganja, Qırmızı Qəsəbə Qirmizi Qasaba); Q stays q.
  static let azerbaijaniRules = """
    Ş > Sh ; ş > sh ; Ç > Ch ; ç > ch ; C > J ; c > j ; X > Kh ; x > kh ; Ğ > Gh ; ğ > gh ;
    Ə > A ; ə > a ; ı > i ; İ > I ;
    :: Latin-ASCII ;
    """

  private static let modelResult: Result<GraphoneModel, TransliterationError> = {
    do {
      guard let model = try GraphoneModel(embedded: "translit-names.tkgm") else {
        return .failure(.model("the library carries no translit-names.tkgm"))
      }
      return .success(model)
    } catch { return .failure(.model("\(error)")) }
  }()

  static func sharedModel() throws(TransliterationError) -> GraphoneModel { try modelResult.get() }

  /// Loads the embedded `names` model now (it loads on first use otherwise).
  ///
  /// - Throws: ``TransliterationError`` if the embedded model is missing or damaged.
  public static func preloadModel() throws(TransliterationError) { _ = try sharedModel() }

  // MARK: Names

  /// Ranked transliterations of one name (its tokens separated by spaces or hyphens), best
  /// first. Equal inputs give equal lists in equal order.
  ///
  /// ```swift
  /// try Transliterator().candidates("הרצוג", count: 2)  // [Herzog (0.997…), Hertzog (0.002…)]
  /// ```
  ///
  /// - Parameters:
  ///   - name: the name.
  ///   - count: how many candidates at most.
  /// - Returns: candidates with scores; rule-based schemes give one candidate with score 1.
  public func candidates(_ name: String, count: Int = 5) -> [TransliterationCandidate] {
    guard count > 0 else { return [] }
    guard let model else { return [TransliterationCandidate(text: transliterate(name), score: 1)] }
    let name = Transliterator.canonicalInput(name)
    // Split into tokens and separators; transliterate tokens, keep separators.
    var options: [[(String, Float)]] = []
    let pieces = Transliterator.pieces(name)
    var p = 0
    var firstWord = true
    var leading = true  // only titles so far
    while p < pieces.count {
      let piece = pieces[p]
      if piece.isWord {
        if let title = titleReadings(pieces, at: p, leading: leading, model: model, count: count) {
          options.append(title)
          p += 1
          continue
        }
        leading = false
        if let (special, span) = specialReadings(pieces, at: p, firstWord: firstWord) {
          options.append(Array(special.prefix(count)))
          p += span
          firstWord = false
          continue
        }
        let c = tokenCandidates(piece.text, model: model, count: count)
        options.append(c.isEmpty ? [(String(piece.text), Float(0))] : c)
        firstWord = false
      } else {
        // Latin writes a maqaf as a hyphen.
        let text =
          target == .latin
          ? String(String.UnicodeScalarView(piece.text.unicodeScalars.map { $0 == "\u{05BE}" ? "-" : $0 })) : String(piece.text)
        options.append([(text, Float(0))])
      }
      p += 1
    }
    // The best combinations, piece by piece, each level sorted best first (ties by parent,
    // then option: deterministic without making texts). The text of a combination is its
    // parent's text followed by its option's text, made only for the results.
    var levels: [[Combination]] = []
    levels.reserveCapacity(options.count)
    var previous = 1  // one empty combination before the first piece
    for (l, o) in options.enumerated() {
      // With the options sorted too, parent a's option k has (a + 1)(k + 1) - 1 combinations
      // at least as good before it: only those with (a + 1)(k + 1) <= count can be kept, so a
      // level costs O(count log count) instead of O(count² log count).
      let optionsSorted = zip(o, o.dropFirst()).allSatisfy { $0.1 >= $1.1 }
      var next: [Combination] = []
      next.reserveCapacity(optionsSorted ? 6 * count : previous * o.count)
      for a in 0..<previous {
        let base: Float = l == 0 ? 0 : levels[l - 1][a].logScore
        let limit = optionsSorted ? min(o.count, count / (a + 1)) : o.count
        for k in 0..<limit {
          next.append(Combination(parent: Int32(a), option: Int32(k), logScore: base + o[k].1))
        }
      }
      next.sort { a, b in
        a.logScore != b.logScore ? a.logScore > b.logScore : a.parent != b.parent ? a.parent < b.parent : a.option < b.option
      }
      if next.count > count { next.removeSubrange(count...) }
      previous = next.count
      levels.append(next)
    }
    guard var last = levels.popLast() else { return [TransliterationCandidate(text: "", score: 1)] }
    Transliterator.sortCombinations(&last, below: levels, options)
    return last.prefix(count).map {
      TransliterationCandidate(
        text: Transliterator.text(of: $0, below: levels, options), score: Double(expf($0.logScore)))
    }
  }

  /// Sorts combinations of one piece best first: by score, then by text.
  private static func sortCombinations(
    _ c: inout [Combination], below levels: [[Combination]], _ options: [[(String, Float)]]
  ) {
    c.sort { a, b in
      a.logScore != b.logScore
        ? a.logScore > b.logScore : text(of: a, below: levels, options) < text(of: b, below: levels, options)
    }
  }

  /// The text of a combination of piece `levels.count` (its parents in `levels`).
  private static func text(of c: Combination, below levels: [[Combination]], _ options: [[(String, Float)]]) -> String {
    var picks = [Int](repeating: 0, count: levels.count + 1)
    picks[levels.count] = Int(c.option)
    var i = Int(c.parent)
    for l in stride(from: levels.count - 1, through: 0, by: -1) {
      picks[l] = Int(levels[l][i].option)
      i = Int(levels[l][i].parent)
    }
    var t = ""
    for (l, k) in picks.enumerated() { t += options[l][k].0 }
    return t
  }

  /// One combination of token candidates: its parent among the previous piece's kept
  /// combinations, its option of this piece, and the summed log score.
  private struct Combination {
    var parent: Int32
    var option: Int32
    var logScore: Float
  }

  /// The readings of the word at `pieces[index]` as a title (``TitleReadings``), or nil: a
  /// Hebrew abbreviation anywhere; a Hebrew title word, or a Latin title, while only titles
  /// came before it and another word follows.
  private func titleReadings(
    _ pieces: [Piece], at index: Int, leading: Bool, model: GraphoneModel, count: Int
  ) -> [(String, Float)]? {
    let token = pieces[index].text
    let wordFollows = leading && pieces[(index + 1)...].contains(where: \.isWord)
    if target == .hebrew {
      guard wordFollows, let h = TitleReadings.hebrew(token, geresh: geresh) else { return nil }
      return [(h, 0)]
    }
    guard let (title, kind) = TitleReadings.latin(token) else { return nil }
    if kind == .abbreviation { return [(title, 0)] }
    guard wordFollows else { return nil }
    let share = kind.share
    let rest = tokenCandidates(token, model: model, count: count).prefix(count - 1)
    return [(title, logf(share))] + rest.map { ($0.0, $0.1 + logf(1 - share)) }
  }

  /// Readings of the word at `pieces[index]` that the model must not spell out: initials,
  /// and regnal numbers after the first word (``NameInitials``); with the pieces they span.
  private func specialReadings(
    _ pieces: [Piece], at index: Int, firstWord: Bool
  ) -> ([(String, Float)], Int)? {
    let token = pieces[index].text
    if target == .latin {
      if !firstWord, let (roman, span) = NameInitials.romanNumeral(at: index, of: pieces) {
        return ([(roman, 0)], span)
      }
      return NameInitials.latinReadings(token).map { ($0, 1) }
    }
    if !firstWord, let ordinals = NameInitials.hebrewOrdinals(token) { return (ordinals, 1) }
    return NameInitials.hebrewReadings(token, geresh: geresh).map { ($0, 1) }
  }

  /// Candidates of one token from the model (or the other-script transform).
  private func tokenCandidates(_ token: Substring, model: GraphoneModel, count: Int) -> [(String, Float)] {
    tokenCache.value(token, count) { decodeToken($0, model: model, count: count) }
  }

  private func decodeToken(_ token: Substring, model: GraphoneModel, count: Int) -> [(String, Float)] {
    // Invisible format characters inside a token (a soft hyphen, ZWJ, a bidi mark) are not
    // letters: the word is read without them.
    if token.unicodeScalars.contains(where: Transliterator.isIgnorable) {
      let visible = String(String.UnicodeScalarView(token.unicodeScalars.filter { !Transliterator.isIgnorable($0) }))
      return visible.isEmpty ? [] : decodeToken(visible[...], model: model, count: count)
    }
    // An abbreviation's dot (סנט., Jr.) is kept after the decoded word.
    let dotted = token.utf8.count > 1 && token.utf8.last == 0x2E
    let word = dotted ? token.dropLast() : token
    let dot = dotted ? "." : ""
    if target == .latin {
      // Only words of the script read: with --from he a Cyrillic word stays as it is.
      guard source.reads(token.unicodeScalars.first ?? " ") else { return [] }
      if let (prefix, rest) = Transliterator.elidedParticle(word) {
        return decodeToken(rest, model: model, count: count).map { (prefix + $0.0 + dot, $0.1) }
      }
      if let units = HebrewLetters.units(word.unicodeScalars) {
        // Hook: n-best re-ranking with the Latin character model (CandidateRescorer.swift).
        var nbest = model.decode(units, toLatin: true, beam: beamWidth, count: CandidateRescorer.decodeCount(count))
        if nbest.isEmpty && units.contains(where: { $0 > 22 }) {
          // A geresh the model has never seen on that letter (י', ל'): read the letters alone.
          nbest = model.decode(units.map { $0 > 22 ? $0 - 22 : $0 }, toLatin: true, beam: beamWidth, count: CandidateRescorer.decodeCount(count))
        }
        return CandidateRescorer.rescoreLatin(nbest, count: count).map {
          (dotted ? Transliterator.capitalized($0.output) + dot : Transliterator.capitalized($0.output), $0.logPosterior)
        }
      }
      if let t = otherScriptLatin(token) { return [(t, 0)] }
      return []
    }
    guard let letters = Transliterator.latinLetters(word) else { return [] }
    let finalP = letters.last == 0x70  // "p" at the end (not "ph"): ordinary פ
    let whole = model.decode(letters, toLatin: false, beam: beamWidth, count: count).map {
      let text = HebrewLetters.text($0.output, geresh: geresh, finalP: finalP)
      return (dotted ? text + dot : text, $0.logPosterior)
    }
    guard let (particle, share, rest) = Transliterator.hebrewParticle(word) else { return whole }
    // D'Antoni: ד' and the rest as a word of its own, or (less often) the token as one word.
    let mark = geresh == .geresh ? "\u{05F3}" : "'"
    let split = decodeToken(rest, model: model, count: count).map { (particle + mark + $0.0 + dot, $0.1 + logf(share)) }
    var merged = split + whole.map { ($0.0, $0.1 + logf(1 - share)) }
    merged.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    var seen = Set<String>()
    return Array(merged.filter { seen.insert($0.0).inserted }.prefix(count))
  }

  /// A Latin elided particle that Hebrew writes with a geresh, its Hebrew letter, how often
  /// the train file writes it so, and the rest of the token: D'Antoni → ("ד", 0.84, Antoni)
  /// (d' before a vowel: 27 of 32 tokens), L' before a vowel (4 of 5), M' before a consonant
  /// (3 of 4). O' is left to the model (37 of 70 with the geresh). Nil for anything else.
  static func hebrewParticle(_ token: Substring) -> (String, Float, Substring)? {
    let s = Array(token.unicodeScalars.prefix(3))
    guard s.count == 3, s[1] == "'" || s[1] == "\u{2019}" else { return nil }
    let rest = Substring(token.unicodeScalars.dropFirst(2))
    guard rest.unicodeScalars.count >= 3 else { return nil }
    let vowel = "aeiouyAEIOUY".unicodeScalars.contains(s[2])
    switch (s[0], vowel) {
    case ("D", true), ("d", true): return ("ד", 0.84, rest)
    case ("L", true), ("l", true): return ("ל", 0.8, rest)
    case ("M", false), ("m", false): return s[2].properties.isAlphabetic ? ("מ", 0.75, rest) : nil
    default: return nil
    }
  }

  /// An elided particle before a name, written with a geresh in Hebrew, as Latin writes it
  /// with an apostrophe, and the rest of the token: או'קונור → ("O'", קונור), ד'אסטה → ("D'",
  /// אסטה) (ד' only before א ע ו י: ד' before a consonant is Arabic dh, as in ד'שון), ל'
  /// before those too, מ' before a consonant (מ'באלה). In the train file every such token is
  /// written so in Latin (37 O', 27 d', 3 L', 3 M'). Nil for anything else.
  static func elidedParticle(_ token: Substring) -> (String, Substring)? {
    let s = Array(token.unicodeScalars.prefix(4))
    guard s.count >= 3 else { return nil }
    let vowelLetter: (Unicode.Scalar) -> Bool = { $0 == "א" || $0 == "ע" || $0 == "ו" || $0 == "י" }
    let letter: (Unicode.Scalar) -> Bool = { HebrewLetters.unit($0.value) != 0 }
    if s.count == 4, s[0] == "א", s[1] == "ו", HebrewLetters.isGeresh(s[2].value), letter(s[3]) {
      let rest = Substring(token.unicodeScalars.dropFirst(3))
      return rest.unicodeScalars.count >= 2 ? ("O'", rest) : nil
    }
    guard HebrewLetters.isGeresh(s[1].value), letter(s[2]) else { return nil }
    let prefix: String
    switch s[0] {
    case "ד" where vowelLetter(s[2]): prefix = "D'"
    case "ל" where vowelLetter(s[2]): prefix = "L'"
    case "מ" where !vowelLetter(s[2]): prefix = "M'"
    default: return nil
    }
    // At least three letters after the particle: ד'או is not d'Ao.
    let rest = Substring(token.unicodeScalars.dropFirst(2))
    guard rest.unicodeScalars.count >= 3 else { return nil }
    return (prefix, rest)
  }

  static func capitalized(_ ascii: ArraySlice<UInt8>) -> String {
    var b = ascii
    if let f = b.first, f >= 0x61 && f <= 0x7A { b[b.startIndex] = f - 0x20 }
    return String(decoding: b, as: UTF8.self)
  }

  /// Lowercase a–z letters of a Latin word, diacritics folded; nil if it has other letters.
  static func latinLetters(_ token: Substring) -> [UInt8]? {
    var out: [UInt8] = []
    for s in token.unicodeScalars {
      let v = s.value
      if v >= 0x61 && v <= 0x7A { out.append(UInt8(v)); continue }
      if v >= 0x41 && v <= 0x5A { out.append(UInt8(v + 0x20)); continue }
      // Apostrophes, and the modifier letters scholarly romanization writes for alef and ayin
      // (Yaʿaḳov, Gaziʾel) and Hawaiian for the glottal stop (Kaʻahumanu).
      if v == 0x2E || HebrewLetters.isGeresh(v) || v == 0x02BB || v == 0x02BC || v == 0x02BE || v == 0x02BF { continue }
      if let folded = foldLatin(s) { out += folded; continue }
      if s.properties.generalCategory == .nonspacingMark { continue }
      return nil
    }
    return out.isEmpty ? nil : out
  }

  static func foldLatin(_ s: Unicode.Scalar) -> [UInt8]? {
    switch s {
    case "ß": return Array("ss".utf8)
    case "æ", "Æ": return Array("ae".utf8)
    case "œ", "Œ": return Array("oe".utf8)
    case "ø", "Ø": return [0x6F]
    case "ł", "Ł": return [0x6C]
    case "đ", "Đ": return [0x64]
    case "ı": return [0x69]
    case "ə", "Ə": return [0x61]
    case "þ", "Þ": return Array("th".utf8)
    case "ð", "Ð": return [0x64]  // Icelandic eth: Sigurðsson, סיגורדסון
    default: break
    }
    // Canonical decomposition's first scalar (é → e).
    guard let nfd = try? NormalizationForm.nfd.normalize(String(s)), let d = nfd.unicodeScalars.first,
      d.value < 0x80, d != s
    else { return nil }
    return latinLetters(Substring(String(d)))
  }

  struct Piece {
    let text: Substring
    let isWord: Bool
  }

  /// Tokens (runs that are not spaces, hyphens or maqaf) and the separators between them.
  /// Quotation marks and brackets around a token (a nickname: Victoria "Torrey" Newcomb) are
  /// separators too; a gershayim between two letters (רמב"ם) stays in its token.
  static func pieces(_ name: String) -> [Piece] {
    var out: [Piece] = []
    var start = name.startIndex
    var inWord: Bool?
    var i = name.startIndex
    let scalars = name.unicodeScalars
    var previous: Unicode.Scalar?
    var quoted = false  // the token follows an opening single quote
    while i < name.endIndex {
      let s = scalars[i]
      var sep = Transliterator.isWhitespace(s) || Transliterator.isSeparatorPunctuation(s)
      if !sep, Transliterator.isQuoteOrBracket(s) {
        let next = scalars.index(after: i)
        let between = previous.map { $0.properties.isAlphabetic } == true
          && next < scalars.endIndex && scalars[next].properties.isAlphabetic
        let gershayim = s == "\"" || s == "\u{05F4}" || s == "\u{201D}"
        sep = !(between && gershayim)
      }
      // Single quotes around a token ('כהן', ‘Trump’): an apostrophe before a token's first
      // letter opens a quote, and the token's last apostrophe closes it (it is no geresh).
      if !sep, s == "'" || s == "\u{2018}" || s == "\u{2019}" {
        let next = scalars.index(after: i)
        let letterFollows = next < scalars.endIndex && scalars[next].properties.isAlphabetic
        if inWord != true, s != "\u{2019}", letterFollows {
          sep = true
          quoted = true
        } else if inWord == true, quoted, !letterFollows, s != "\u{2018}",
          !(previous.map { HebrewLetters.takesGeresh($0.value) } ?? false)
        {
          sep = true
          quoted = false
        }
      }
      previous = s
      if let w = inWord, w == sep {
        out.append(Piece(text: name[start..<i], isWord: w))
        start = i
      }
      inWord = !sep
      i = scalars.index(after: i)
      // Initials written together (א.ג., J.R.R.): a dot before a letter ends a token.
      if s == ".", !sep, i < scalars.endIndex, scalars[i].properties.isAlphabetic {
        out.append(Piece(text: name[start..<i], isWord: true))
        start = i
      }
    }
    if let w = inWord { out.append(Piece(text: name[start..<name.endIndex], isWord: w)) }
    return out
  }

  /// Format characters that are not part of how a word is spelled: soft hyphen, zero-width
  /// space and joiners, bidi marks, embeddings and isolates, word joiner, BOM.
  @inline(__always) static func isIgnorable(_ s: Unicode.Scalar) -> Bool { InvisibleFormat.contains(s.value) }

  /// Punctuation, symbols, digits and control characters between or after the tokens of a
  /// name: hyphens, dashes, maqaf, `, ; : ! ? / & …`, sof pasuq, `2` and the like. Not separators: the apostrophes and geresh
  /// inside a token (O'Brien, ג'ורג', D’Este), its dots (initials, abbreviations), modifier
  /// letters (Yaʿaḳov) and the quotes and brackets that ``isQuoteOrBracket(_:)`` decides on.
  @inline(__always) static func isSeparatorPunctuation(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 {
      switch v {
      case 0x00...0x1F, 0x21, 0x23...0x26, 0x2A...0x2D, 0x2F...0x40, 0x5C, 0x5E, 0x5F, 0x7C, 0x7E, 0x7F: return true
      default: return false  // letters, ' " . ` ( ) [ ] { }
      }
    }
    if v >= 0x0590 && v <= 0x05FF { return v == 0x05BE || v == 0x05C0 || v == 0x05C3 || v == 0x05C6 }
    if v >= 0x2010 && v <= 0x205E { return !(v == 0x2018 || v == 0x2019 || v == 0x201B || v == 0x2032 || (0x201C...0x201F).contains(v)) }
    switch s.properties.generalCategory {
    case .dashPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .otherSymbol, .decimalNumber, .control: return true
    default: return false
    }
  }

  /// Quotation marks and brackets (ASCII `"`, “ ” „ « » ״, ( ) [ ] { }).
  @inline(__always) static func isQuoteOrBracket(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "(", ")", "[", "]", "{", "}", "\u{05F4}": return true
    default: return false
    }
  }

  /// `s.properties.isWhitespace`, without the property lookup for ASCII and for U+0100–U+167F
  /// (Hebrew among them), which hold no White_Space character but the ASCII ones.
  @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
    if v >= 0x100 && v < 0x1680 { return false }
    return s.properties.isWhitespace
  }

  // MARK: Running text

  /// Transliterates running text: each word of the source script becomes its best
  /// transliteration; everything else is kept as it is.
  ///
  /// - Complexity: O(n); words already seen by this transliterator come from a cache.
  public func transliterate(_ text: String) -> String {
    let text = Transliterator.canonicalInput(text)
    switch scheme.kind {
    case .icu:
      return (try? icu?.transliterate(text)) ?? text
    case .academy:
      return mapWords(text, isWordScalar: Transliterator.isHebrewWordScalar, latinPunctuation: true) { AcademyRomanizer.romanize($0) }
    case .names:
      guard let model else { return text }
      if target == .hebrew {
        return mapWords(
          text, isWordScalar: Transliterator.isLatinWordScalar, elisions: true, initial: runningTextInitial,
          title: { TitleReadings.hebrew($0, geresh: geresh) }
        ) { word in
          tokenCandidates(word, model: model, count: 1).first?.0 ?? String(word)
        }
      }
      switch source {
      case .cyrillic, .arabic, .greek, .azerbaijani:
        let azerbaijani = source == .azerbaijani
        let source = source
        return mapWords(text, isWordScalar: { azerbaijani ? Transliterator.isLatinWordScalar($0) : source.reads($0) }) { otherScriptLatin($0) ?? String($0) }
      default:
        return hebrewTextToLatin(text, model: model)
      }
    }
  }

  /// Appends ``transliterate(_:)`` of `text`, which must be well-formed UTF-8 (as
  /// ``CorpusLineReader`` hands on), to `out`. For line-by-line callers: Hebrew running text to
  /// Latin with the `names` scheme, the common case, makes no String on the way; the other
  /// cases go through ``transliterate(_:)``.
  package func transliterate(utf8 text: UnsafeBufferPointer<UInt8>, appendingTo out: inout [UInt8]) {
    if scheme.kind == .names, target == .latin, let model, !Transliterator.needsCanonicalInput(text) {
      switch source {
      case .cyrillic, .arabic, .greek, .azerbaijani: break
      default:
        hebrewTextToLatin(text, model: model, appendingTo: &out)
        return
      }
    }
    out.append(contentsOf: transliterate(String(decoding: text, as: UTF8.self)).utf8)
  }

  /// The initial that a word of running text followed by a dot stands for, without the dot
  /// (the text's own dot follows it), or nil: a Hebrew letter or letter name (א. → A.,
  /// סי. → C.), or one uppercase Latin letter (A. → א.). The best reading of ``NameInitials``.
  func runningTextInitial(_ word: Substring) -> String? {
    if target == .latin {
      guard NameInitials.mayBeHebrewInitial(word.utf8), let r = NameInitials.latinReadings(Substring(word + "."))?.first
      else { return nil }
      return String(r.0.dropLast())
    }
    return NameInitials.hebrewReadings(word, geresh: geresh)?.first?.0
  }

  /// Whether UTF-8 `b` holds a combining mark U+0300…U+036F (lead bytes CC, CD) or a Hebrew
  /// presentation form U+FB1D…U+FB4F (EF AC, EF AD), which ``canonicalInput(_:)`` changes.
  static func needsCanonicalInput(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      if c == 0xCC || c == 0xCD { return true }
      if c == 0xEF, i + 1 < n, b[i + 1] == 0xAC || b[i + 1] == 0xAD { return true }
      i += 1
    }
    return false
  }

  /// `text` with combining marks composed onto their letters (NFC: José written with U+0301
  /// is one Latin word) and Hebrew presentation forms decomposed (U+FB2A שׁ is ש and a shin dot,
  /// U+FB21 wide alef is א, U+FB4F is אל), so that every scheme reads them as the letters they
  /// are. Text without a combining mark (U+0300…U+036F) or presentation form (U+FB1D…U+FB4F)
  /// is returned as it is, after one scan of its bytes.
  static func canonicalInput(_ text: String) -> String {
    let needed = text.utf8.withContiguousStorageIfAvailable(needsCanonicalInput) ?? true
    guard needed, var out = try? NormalizationForm.nfc.normalize(text) else { return text }
    if out.unicodeScalars.contains(where: { (0xFB1D...0xFB4F).contains($0.value) }) {
      var scalars = String.UnicodeScalarView()
      for s in out.unicodeScalars {
        if (0xFB1D...0xFB4F).contains(s.value), let k = try? NormalizationForm.nfkd.normalize(String(s)) {
          scalars.append(contentsOf: k.unicodeScalars)
        } else {
          scalars.append(s)
        }
      }
      out = String(scalars)
    }
    return out
  }

  /// One Hebrew (or Cyrillic, Greek, Arabic) word of running text to Latin.
  private func hebrewWordToLatin(_ word: Substring, model: GraphoneModel) -> String {
    // Abbreviated titles (ד"ר → Dr.), also after proclitics (לח"כ → l-MK).
    if let (title, kind) = TitleReadings.latin(word), kind == .abbreviation || word.unicodeScalars.first == "ה" {
      // In running text (news) the definite title words are titles too: הרב זמיר → Rabbi Zamir.
      return title
    }
    // Also the title words after proclitics: והרב כהן → ve-Rabbi Cohen.
    if let (prefix, title) = TitleReadings.prefixedAbbreviation(word, words: true) { return prefix + "-" + title }
    if splitPrefixes, let (prefix, rest) = splitPrefix(word, model: model) {
      let r = tokenCandidates(rest, model: model, count: 1).first?.0 ?? String(rest)
      return prefix + "-" + r
    }
    return tokenCandidates(word, model: model, count: 1).first?.0 ?? String(word)
  }

  /// Running text to Latin with the `names` model, scanning UTF-8 bytes: the words are the
  /// runs of ``isHebrewWordScalar(_:)`` or ``isOtherScriptScalar(_:)`` scalars (with a geresh
  /// right after a Hebrew letter), as in ``mapWords(_:isWordScalar:_:)``; each is looked up by
  /// its bytes in the word table, everything else is copied.
  private func hebrewTextToLatin(_ text: String, model: GraphoneModel) -> String {
    var text = text
    var out: [UInt8] = []
    text.withUTF8 { bytes in
      out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
      hebrewTextToLatin(bytes, model: model, appendingTo: &out)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// ``hebrewTextToLatin(_:model:)`` over well-formed UTF-8, appending to `out`.
  private func hebrewTextToLatin(_ bytes: UnsafeBufferPointer<UInt8>, model: GraphoneModel, appendingTo out: inout [UInt8]) {
    let n = bytes.count
    wordTable.withTable { table in
      var i = 0
      var runStart = 0
      var quoteOpen = false
      while i < n {
        let b = bytes[i]
        if b == 0x0A { quoteOpen = false }
        // Word scalars (U+0370…U+06FF) have the UTF-8 lead bytes CD…DB; nothing else starts one.
        if b < 0xCD || b > 0xDB || i + 1 >= n {
          i += 1
          continue
        }
        let v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        // A geresh or gershayim before a word is a quote mark, not its first letter.
        guard Transliterator.isWordScalarValue(v), v != 0x05F3 && v != 0x05F4 else {
          i += 2
          continue
        }
        var j = i + 2
        var previousUnit = HebrewLetters.unit(v)
        while j < n {
          let (t, len) = Transliterator.scalar(bytes, at: j)
          if Transliterator.isWordScalarValue(t) {
            previousUnit = HebrewLetters.unit(t)
          } else if HebrewLetters.isGeresh(t) && previousUnit != 0 {
            previousUnit = 0
          } else if (t == 0x22 || t == 0x201D) && previousUnit != 0 && j + len < n
            && HebrewLetters.unit(Transliterator.scalar(bytes, at: j + len).0) != 0
          {
            // Gershayim between letters: an acronym (ח"כ, צה"ל) is one word.
            previousUnit = 0
          } else {
            break
          }
          j += len
        }
        // A gershayim ״ after the word's last letter is punctuation (a closing quote), not a
        // letter of it: kept in the output.
        if j - 2 > i, bytes[j - 2] == 0xD7, bytes[j - 1] == 0xB4 { j -= 2 }
        // Words in single quotes ('כהן', ‘כהן’, 'בנימין נתניהו'): the last apostrophe of a
        // word after the opening one closes the quote, unless it follows a letter a geresh
        // changes (ג' ז' ח' צ' ת').
        let opens = i > 0 && (bytes[i - 1] == 0x27 || (i >= 3 && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80 && bytes[i - 1] == 0x98))
        if opens || quoteOpen {
          quoteOpen = true
          if bytes[j - 1] == 0x27, !(bytes[j - 3] == 0xD7 && HebrewLetters.takesGeresh(secondByte: bytes[j - 2])) {
            j -= 1
            quoteOpen = false
          } else if j - 3 > i, bytes[j - 3] == 0xE2, bytes[j - 2] == 0x80, bytes[j - 1] == 0x99,
            !(bytes[j - 5] == 0xD7 && HebrewLetters.takesGeresh(secondByte: bytes[j - 4]))
          {
            j -= 3
            quoteOpen = false
          }
        }
        Transliterator.appendLatinPunctuation(bytes, runStart..<i, to: &out)
        // A word of one letter (or a letter's name) before a dot is an initial (not cached:
        // the same word without the dot is a word). Most words before a dot end a sentence:
        // the filter looks at them without allocating.
        if j < n && bytes[j] == 0x2E && NameInitials.mayBeHebrewInitial(bytes[i..<j]),
          let r = runningTextInitial(Substring(String(decoding: bytes[i..<j], as: UTF8.self)))
        {
          out.append(contentsOf: r.utf8)
          i = j
          runStart = j
          continue
        }
        let hash = WordTable.hash(bytes, i..<j)
        if let e = table.find(bytes, i..<j, hash: hash) {
          table.appendValue(e, to: &out)
        } else {
          let word = String(decoding: bytes[i..<j], as: UTF8.self)
          let value = hebrewWordToLatin(word[...], model: model)
          out.append(contentsOf: value.utf8)
          table.insert(bytes, i..<j, hash: hash, value: value.utf8)
        }
        // A title read with its dot (ד"ר → Dr.) before the text's own dot: one dot.
        if j < n && bytes[j] == 0x2E && out.last == 0x2E { out.removeLast() }
        i = j
        runStart = j
      }
      Transliterator.appendLatinPunctuation(bytes, runStart..<n, to: &out)
    }
  }

  /// Appends `bytes[range]` (text between words) to `out`, a maqaf (D6 BE) as a hyphen: Latin
  /// output carries no Hebrew punctuation (בית־שמש → Beit-Shemesh).
  @inline(__always) static func appendLatinPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
    var start = range.lowerBound
    var k = start
    while k < range.upperBound {
      if bytes[k] == 0xD6 && k + 1 < range.upperBound && bytes[k + 1] == 0xBE {
        out.append(contentsOf: bytes[start..<k])
        out.append(0x2D)
        k += 2
        start = k
      } else {
        k += 1
      }
    }
    out.append(contentsOf: bytes[start..<range.upperBound])
  }

  /// The same as ``hebrewTextToLatin(_:model:)`` through ``mapWords(_:isWordScalar:_:)``
  /// (the scalar-by-scalar path it replaces; tests compare the two).
  func hebrewTextToLatinByScalars(_ text: String) -> String {
    guard let model else { return text }
    return mapWords(
      text, isWordScalar: { Transliterator.isHebrewWordScalar($0) || Transliterator.isOtherScriptScalar($0) },
      acronyms: true, latinPunctuation: true, initial: runningTextInitial
    ) {
      hebrewWordToLatin($0, model: model)
    }
  }

  /// The scalar at byte `i` of well-formed UTF-8 and its length in bytes.
  @inline(__always) static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let c = b[i]
    if c < 0x80 { return (UInt32(c), 1) }
    if c < 0xE0 { return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
    if c < 0xF0 { return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
    return (UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
  }

  /// ``isHebrewWordScalar(_:)`` or ``isOtherScriptScalar(_:)`` of a scalar value.
  @inline(__always) static func isWordScalarValue(_ v: UInt32) -> Bool {
    if v < 0x0370 || v > 0x06FF { return false }
    if v >= 0x0590 && v <= 0x05FF {
      return (0x05D0...0x05EA).contains(v) || HebrewLetters.isMark(v) || (0x05F0...0x05F4).contains(v)
    }
    if v <= 0x052F { return true }
    guard v >= 0x0600, let s = Unicode.Scalar(v) else { return false }
    return s.properties.isAlphabetic
  }

  static func isHebrewWordScalar(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x05D0...0x05EA).contains(v) || HebrewLetters.isMark(v) || (0x05F0...0x05F4).contains(v)
  }

  static func isLatinWordScalar(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
    return s.properties.isAlphabetic && (v < 0x0370 || (0x1E00...0x1EFF).contains(v))
  }

  static func isOtherScriptScalar(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (0x0370...0x052F).contains(v) || (0x0600...0x06FF).contains(v) && s.properties.isAlphabetic
  }

  /// How the proclitics are written when `splitPrefixes` splits them off.
  static func latin(_ p: HebrewProclitic) -> String {
    switch p {
    case .bet: return "b"
    case .he: return "ha"
    case .vav: return "ve"
    case .kaf: return "k"
    case .lamed: return "l"
    case .mem: return "m"
    case .shin: return "she"
    }
  }

  /// The readings of proclitics (legal sequences and their plausibility).
  static let prefixAnalyzer = HebrewPrefixAnalyzer()

  /// Log-probability charged per proclitic letter split off: about how likely a name is to
  /// start with a given letter, which the stem no longer pays.
  static let procliticLogCost: Float = -4

  /// The proclitics to split off a running-text word (as written in Latin, joined) and the
  /// stem, or nil to keep the word whole (בבאקו → ("b", באקו), but הרצוג stays whole).
  ///
  /// ``HebrewPrefixAnalyzer`` gives the readings and their plausibility; each is rescored by
  /// how likely the `names` model finds its stem as a whole token, against the whole word:
  /// log(analyzer score) + log P(stem) + ``procliticLogCost`` per proclitic, against
  /// log(score of the unsplit reading) + log P(word). The best wins.
  func splitPrefix(_ word: Substring, model: GraphoneModel) -> (String, Substring)? {
    let readings = Transliterator.prefixAnalyzer.splits(of: String(word))
    guard readings.count > 1, let whole = readings.first(where: \.isUnsplit),
      let wholeUnits = HebrewLetters.units(word.unicodeScalars)
    else { return nil }
    var bestScore = Float(log(whole.score)) + model.best(wholeUnits, toLatin: true, beam: beamWidth).logTotal
    var best: PrefixSplit?
    for r in readings where !r.isUnsplit && r.separator == nil {
      guard let units = HebrewLetters.units(Substring(r.stem).unicodeScalars) else { continue }
      let score = Float(log(r.score)) + model.best(units, toLatin: true, beam: beamWidth).logTotal
        + Transliterator.procliticLogCost * Float(r.prefixes.count)
      if score > bestScore {
        bestScore = score
        best = r
      }
    }
    guard let best else { return nil }
    return (best.prefixes.map(Transliterator.latin).joined(), Substring(best.stem))
  }

  /// Replaces each maximal run of word scalars (and a geresh/apostrophe right after a Hebrew
  /// letter inside it; with `acronyms`, also a gershayim `"` between Hebrew letters; with
  /// `elisions`, the apostrophe of one letter elided before a word, D'Antoni) through
  /// `body`, caching results per word. `initial` reads a word before a dot (the dot is kept),
  /// `title` a title word (its dot, if any, is dropped: Dr. → ד"ר).
  private func mapWords(
    _ text: String, isWordScalar: (Unicode.Scalar) -> Bool, acronyms: Bool = false, elisions: Bool = false,
    latinPunctuation: Bool = false,
    initial: ((Substring) -> String?)? = nil, title: ((Substring) -> String?)? = nil,
    _ body: (Substring) -> String
  ) -> String {
    var out = String()
    out.reserveCapacity(text.utf8.count)
    let scalars = text.unicodeScalars
    var i = scalars.startIndex
    var runStart = i
    var quoteOpen = false
    while i < scalars.endIndex {
      let s = scalars[i]
      // A geresh or gershayim before a word is a quote mark, not its first letter.
      if isWordScalar(s), s != "\u{05F3}" && s != "\u{05F4}" {
        let wordStart = i
        var j = scalars.index(after: i)
        while j < scalars.endIndex {
          let t = scalars[j]
          if isWordScalar(t) { j = scalars.index(after: j); continue }
          // Geresh or apostrophe after a Hebrew letter belongs to the word.
          if HebrewLetters.isGeresh(t.value), HebrewLetters.unit(scalars[scalars.index(before: j)].value) != 0 {
            j = scalars.index(after: j)
            continue
          }
          // An elided particle (D'Antoni, O’Brien): one letter, an apostrophe, a letter.
          if elisions, t == "'" || t == "\u{2019}", scalars.index(after: wordStart) == j {
            let k = scalars.index(after: j)
            if k < scalars.endIndex, isWordScalar(scalars[k]) {
              j = k
              continue
            }
          }
          if acronyms, t == "\"" || t == "\u{201D}", HebrewLetters.unit(scalars[scalars.index(before: j)].value) != 0 {
            let k = scalars.index(after: j)
            if k < scalars.endIndex, HebrewLetters.unit(scalars[k].value) != 0 {
              j = k
              continue
            }
          }
          break
        }
        // A gershayim after the last letter is punctuation (as in hebrewTextToLatin).
        if scalars[scalars.index(before: j)] == "\u{05F4}", scalars.index(before: j) > wordStart { j = scalars.index(before: j) }
        // Words in single quotes ('כהן', 'בנימין נתניהו'): the last apostrophe of a word after
        // the opening one closes the quote, unless it follows a letter a geresh changes.
        if quoteOpen || (wordStart > scalars.startIndex && "'\u{2018}".unicodeScalars.contains(scalars[scalars.index(before: wordStart)])) {
          quoteOpen = true
          let last = scalars.index(before: j)
          if last > wordStart, scalars[last] == "'" || scalars[last] == "\u{2019}",
            !HebrewLetters.takesGeresh(scalars[scalars.index(before: last)].value)
          {
            j = last
            quoteOpen = false
          }
        }
        Transliterator.appendBetween(scalars[runStart..<wordStart], latinPunctuation, to: &out)
        let word = Substring(scalars[wordStart..<j])
        if let initial, j < scalars.endIndex, scalars[j] == ".", let r = initial(word) {
          out += r
        } else if let title, let r = title(word) {
          out += r
          if j < scalars.endIndex && scalars[j] == "." { j = scalars.index(after: j) }
        } else {
          out += cache.value(word, body)
          if j < scalars.endIndex && scalars[j] == "." && out.hasSuffix(".") { out.removeLast() }
        }
        i = j
        runStart = j
      } else {
        if s == "\n" { quoteOpen = false }
        i = scalars.index(after: i)
      }
    }
    Transliterator.appendBetween(scalars[runStart..<scalars.endIndex], latinPunctuation, to: &out)
    return out
  }

  /// Appends text between words, with `latinPunctuation` a maqaf as a hyphen.
  private static func appendBetween(_ s: Substring.UnicodeScalarView, _ latinPunctuation: Bool, to out: inout String) {
    if latinPunctuation && s.contains("\u{05BE}") {
      out.unicodeScalars.append(contentsOf: s.map { $0 == "\u{05BE}" ? "-" : $0 })
    } else {
      out.unicodeScalars.append(contentsOf: s)
    }
  }
}

/// A `names` model file made by `Scripts/train-translit` (the library embeds one).
public struct TransliterationModel: Sendable {
  let graphones: GraphoneModel

  /// Parses a model file's bytes.
  ///
  /// - Throws: ``TransliterationError/model(_:)`` when the bytes are not a model.
  public init(bytes: [UInt8]) throws(TransliterationError) {
    do { graphones = try GraphoneModel(bytes: bytes) } catch { throw .model(error.description) }
  }
}

/// Errors from building or using a ``Transliterator``.
public enum TransliterationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The scheme, source and target do not fit together.
  case unsupported(String)
  /// The embedded model is missing or damaged.
  case model(String)

  public var description: String {
    switch self {
    case .unsupported(let s): return "unsupported transliteration: \(s)"
    case .model(let s): return "transliteration model: \(s)"
    }
  }
}

/// Per-transliterator cache of word results for running text (words repeat a lot).
final class WordCache: Sendable {
  private let table = Mutex<[Substring: String]>([:])
  private static let limit = 200_000

  func value(_ word: Substring, _ make: (Substring) -> String) -> String {
    if let v = table.withLock({ $0[word] }) { return v }
    let v = make(word)
    table.withLock { t in
      if t.count >= WordCache.limit { t.removeAll(keepingCapacity: true) }
      t[Substring(String(word))] = v
    }
    return v
  }
}

/// Per-transliterator cache of a token's candidates (first names and endings repeat).
final class TokenCache: Sendable {
  /// Compared and hashed by UTF-8 bytes (cheaper than `Substring`'s canonical equivalence;
  /// equivalent spellings decode alike anyway).
  private struct Key: Hashable {
    let token: Substring
    let count: Int

    static func == (a: Key, b: Key) -> Bool {
      guard a.count == b.count else { return false }
      var x = a.token, y = b.token
      return x.withUTF8 { p in
        y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
      }
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(count)
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      var t = token
      t.withUTF8 { for b in $0 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 } }
      hasher.combine(h)
    }
  }
  private let table = Mutex<[Key: [(String, Float)]]>([:])
  private static let limit = 100_000

  func value(_ token: Substring, _ count: Int, _ make: (Substring) -> [(String, Float)]) -> [(String, Float)] {
    if let v = table.withLock({ $0[Key(token: token, count: count)] }) { return v }
    let v = make(token)
    table.withLock { t in
      if t.count >= TokenCache.limit { t.removeAll(keepingCapacity: true) }
      t[Key(token: Substring(String(token)), count: count)] = v
    }
    return v
  }
}

/// One token of a name, folded once so that scoring it against many names costs no allocation.
struct PreparedToken: Sendable {
  /// The token as written.
  var text: String
  var script: NameScript
  /// Hebrew units (0..<44) or Latin letters (1...26).
  var units: [UInt8]
  /// Hebrew only: `units` as the pair HMM scores them (``PairHMMModel/hmmUnits(_:)``).
  var hmm: [UInt8] = []
  /// Latin chunk codes (Latin and Cyrillic tokens only).
  var codes: [Int32]
  /// Same-script phonetic folding (see `NamePhonetics`).
  var phonetic: [UInt8]
  /// Hebrew only: stems left after removing prefixes (as the pair HMM scores them), with the
  /// prefix length; a negative length marks the token read with a doubled ו written once.
  var stems: [(units: [UInt8], prefixLength: Int)]
  var isInitial: Bool
  var isParticle: Bool
  /// A particle word first in a name of several tokens (Ben Wallace, Al Pacino, בן גוריון):
  /// there it is usually a given name, so it is not a particle (it costs when left unmatched)
  /// but may still pair with a particle of the other name (De Gaulle ~ דה גול).
  var isLeadingParticle = false
  /// Hebrew only: the Latin letters (bit `l - 1`) whose name the token spells (ג'יי is J), so
  /// that an initial written out in Hebrew pairs with a Latin initial.
  var letterNames: UInt32 = 0
  var length: Int { max(units.count, 1) }
}

/// A name folded for matching: titles stripped, tokens split and converted to units, and a
/// script-independent consonant-skeleton signature for blocking.
public struct PreparedName: Sendable {
  /// The name as given.
  public let text: String
  /// Titles and honorifics removed from the start ("Rabbi", "הרב", "ד\"ר").
  public let strippedTitles: [String]
  /// The dominant script.
  public let script: NameScript
  let tokens: [PreparedToken]
  /// 128-bit set of hashed skeleton features (blocking).
  let signature: (UInt64, UInt64)
  let signatureCount: Int32

  /// Folds `name` for matching.
  ///
  /// - Parameters:
  ///   - name: the name in any script, with or without titles ("הרב זמיר איסייב").
  ///   - hebrewPrefixes: also consider Hebrew tokens without their prefix letters
  ///     (בבאקו as באקו); the name-matching default.
  public init(_ name: String, hebrewPrefixes: Bool = true) {
    self.init(name, hebrewPrefixes: hebrewPrefixes, signature: true)
  }

  /// `signature: false` skips the blocking signature (names prepared only to be scored).
  init(_ name: String, hebrewPrefixes: Bool, signature withSignature: Bool) {
    text = name
    var raw = NameFolding.rawTokens(name)
    // Hebrew stored in visual order (יניכיה םהרבא) starts words with final letters, which
    // no Hebrew word does: read such a name backwards.
    // Latin or Cyrillic words beside them were stored left to right as usual ("Yael ןהכ"):
    // then only the Hebrew words are turned around.
    if raw.contains(where: { NameFolding.startsWithFinalLetter($0) }) {
      let scripts = raw.map { NameFolding.script(of: $0) }
      if scripts.contains(.latin) || scripts.contains(.cyrillic) {
        // Each run of Hebrew words was stored reversed as a whole: its words in reverse order,
        // each word's letters reversed ("Yael יול ןהכ" is Yael כהן לוי).
        var out: [Substring] = []
        var run: [Substring] = []
        for (t, script) in zip(raw, scripts) {
          if script == .hebrew {
            run.append(Substring(String(String.UnicodeScalarView(t.unicodeScalars.reversed()))))
          } else {
            out += run.reversed()
            run = []
            out.append(t)
          }
        }
        raw = out + run.reversed()
      } else {
        raw = NameFolding.rawTokens(String(String.UnicodeScalarView(name.unicodeScalars.reversed())))
      }
    }
    var titles: [String] = []
    // Strip leading titles while a token remains.
    while raw.count > 1 {
      let t = raw[0]
      let script = NameFolding.script(of: t)
      let isTitle: Bool
      switch script {
      case .hebrew: isTitle = NameTitles.hebrew.contains(NameFolding.hebrewKey(t))
      case .latin, .cyrillic: isTitle = NameTitles.latin.contains(NameFolding.latinKey(NameFolding.latinLetters(t)))
      case .other:
        // Digits and symbols are no title, and not compared either.
        raw.removeFirst()
        continue
      }
      guard isTitle else { break }
      titles.append(String(t))
      raw.removeFirst()
    }
    strippedTitles = titles
    var tokens: [PreparedToken] = []
    var counts: [NameScript: Int] = [:]
    for t in raw {
      let script = NameFolding.script(of: t)
      if script == .other { continue }
      counts[script, default: 0] += 1
      if script == .hebrew {
        let units = NameFolding.hebrewUnits(t)
        if units.isEmpty { continue }
        let key = NameFolding.hebrewKey(t)
        var stems: [(units: [UInt8], prefixLength: Int)] = []
        // Only words that start with a proclitic letter (ו ה ב כ ל מ ש) can carry prefixes.
        if hebrewPrefixes && units.count >= 3 && [5, 4, 1, 10, 11, 12, 20].contains(units[0]) {
          for s in HebrewPrefixes.stems(of: t) {
            let u = NameFolding.hebrewUnits(s.stem)
            if u.count >= 2 { stems.append((PairHMMModel.shared.hmmUnits(u), s.prefixLength)) }
          }
        }
        // Ktiv male doubles ו to write the consonant v/w (דייוויד David, וולטון Walton): also
        // read the token with it written once (not at the end of a word: אסטנוו Asantewaa).
        // The stem's negative prefix length marks this reading.
        let single = NameFolding.collapsingDoubled(units)
        if NameMatcher.useDoubled && single.count < units.count && single.count >= 2 {
          stems.append((PairHMMModel.shared.hmmUnits(single), single.count - units.count))
        }
        let isInitial = units.count == 1
        var token = PreparedToken(
          text: String(t), script: .hebrew, units: units, codes: [],
          phonetic: NamePhonetics.hebrew(units), stems: stems, isInitial: isInitial,
          isParticle: NameTitles.hebrewParticles.contains(key))
        token.hmm = PairHMMModel.shared.hmmUnits(units)
        if units.count <= 6 { token.letterNames = NameTitles.hebrewLetterNames[units] ?? 0 }
        tokens.append(token)
      } else {
        let letters = NameFolding.latinLetters(t)
        if letters.isEmpty { continue }
        let key = NameFolding.latinKey(letters)
        tokens.append(
          PreparedToken(
            text: String(t), script: script, units: letters, codes: PairHMMModel.chunkCodes(letters),
            phonetic: NamePhonetics.latin(letters), stems: [], isInitial: letters.count == 1,
            isParticle: letters.count > 1 && NameTitles.latinParticles.contains(key)))
      }
    }
    if NameMatcher.useLeadingParticles && tokens.count > 1 && tokens[0].isParticle
      && tokens.dropFirst().contains(where: { !$0.isParticle })
    {
      tokens[0].isParticle = false
      tokens[0].isLeadingParticle = true
    }
    self.tokens = tokens
    // Ties go to the first script of NameScript.allCases (a dictionary's order is random).
    script = NameScript.allCases.filter { counts[$0, default: 0] > 0 }.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? .other
    let sig = withSignature ? NameSkeleton.signature(tokens) : (0, 0)
    signature = sig
    signatureCount = Int32(sig.0.nonzeroBitCount + sig.1.nonzeroBitCount)
  }

  /// The script-independent consonant skeleton of each token, e.g. `["ZMR", "SB"]`.
  public var skeleton: [String] { tokens.map { NameSkeleton.skeletonString($0) } }
}

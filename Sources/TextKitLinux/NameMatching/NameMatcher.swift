#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scores two names in Hebrew, Latin or Cyrillic script.
///
/// Cross-script token pairs are scored by a pair HMM trained on Hebrew–English person names
/// (log-likelihood ratio against letter unigrams, per letter); same-script pairs by a weighted
/// edit distance on a phonetic folding. Tokens are aligned one to one in any order; initials,
/// missing parts, particles (oglu, de, בן), leading titles (Rabbi, הרב, ד"ר) and Hebrew
/// prefixes (בבאקו) are handled. No lists of known names are used.
///
/// ```swift
/// let matcher = NameMatcher()
/// matcher.match("הרב זמיר איסייב", "Rabbi Zamir Isayev").isMatch   // true
/// matcher.match("Aliyev, Ilham", "I. Aliyev").isMatch               // true
/// matcher.match("Aliyev", "Aliyeva").isMatch                        // false
/// ```
public struct NameMatcher: Sendable {
  /// The default threshold: ≥ 99% precision on non-matching pairs of the development pool
  /// (see the NameMatching article for the measurement).
  public static let defaultThreshold = 0.5
  /// Scores at or above this are matches.
  public var threshold: Double
  /// Whether Hebrew tokens may lose prefix letters (ב ל מ ה ו ש כ) to match.
  public var hebrewPrefixes: Bool

  // Calibration (see Scripts/train-matcher and `translit eval names`).
  /// Per-letter LLR at which a token pair is worth as much as leaving nothing over: it sets
  /// how a paired token weighs against a missing part or an initial (chosen on the held-out
  /// slice of persons-train.tsv).
  static let crossOffset = tuned("cross", 0.40)
  /// Subtracted from the evidence before the logistic: the calibration point, so that a
  /// fully paired name keeps the score of a pair-neutral per-letter LLR of 0.62 (the
  /// threshold's precision, Aliyev ≠ Aliyeva) whatever ``crossOffset`` ranks with.
  static let calibrationOffset = tuned("calibration", 0.22)
  static let crossScale = 1.0
  static let spellingOffset = 0.8
  static let spellingScale = 3.0
  /// Per letter, a token left over while the other name also has one left over (the names
  /// disagree on a part); also the worst pair evidence that is still paired.
  static let unmatchedPenalty = tuned("unmatched", 1.0)
  /// Per letter, a part only one name has (a patronymic, a second given name).
  static let missingPartPenalty = tuned("missing", 1.0)
  /// The weight (letters) of a left-over initial: an initial stands for a whole given name,
  /// so E. P. Thompson does not beat Elaine Thompson for אליין תומפסון on its cheap E.
  static let unmatchedInitialWeight = tuned("initialweight", 2.0)
  static let prefixCost = tuned("prefix", 1.2)  // LLR a prefix letter
  static let initialMatch = tuned("initial", -0.15)  // per letter of the full token, for a fitting initial
  static let initialMismatch = tuned("mismatch", -1.5)
  /// Tuning hook: `TEXTKIT_MATCH_ABLATE` containing `letters` or `doubled` turns off the
  /// letter-name initials or the second reading of a doubled ו (to compare on the held-out slice).
  static let ablation: String = getenv("TEXTKIT_MATCH_ABLATE").map { String(cString: $0) } ?? ""
  static let useLetterNames = !ablation.contains("letters")
  static let useDoubled = !ablation.contains("doubled")
  /// `leading`: a particle word first in a name stays a particle.
  static let useLeadingParticles = !ablation.contains("leading")
  /// Tuning hook: `TEXTKIT_MATCH_TUNE="unmatched=1.2,initialweight=3"` overrides the named
  /// constants (for sweeps on the held-out slice; the defaults are the chosen values).
  static func tuned(_ name: String, _ value: Double) -> Double {
    guard let raw = getenv("TEXTKIT_MATCH_TUNE") else { return value }
    for item in String(cString: raw).split(separator: ",") {
      let kv = item.split(separator: "=")
      if kv.count == 2 && kv[0] == name, let v = Double(kv[1]) { return v }
    }
    return value
  }
  static let letterNameMatch = 0.5  // a Latin initial against its letter's name in Hebrew (J ~ ג'יי)

  /// Latin initials (letters 1...26) that spellings of one name may start with: the same
  /// letter, or letters romanizations alternate (Yosef Josef Iosif, Heydar Geydar Khalil Xalil,
  /// Cohen Kohen, Tsvi Zvi, Vladimir Wladimir, Philip Filip, Jorge Giorgio, Dmitri Tmitri).
  static func initialsMayAgree(_ a: UInt8, _ b: UInt8) -> Bool {
    if a == b { return true }
    return initialGroups.contains { $0.contains(a) && $0.contains(b) }
  }

  static let initialGroups: [Set<UInt8>] = ["aeiouyj", "ghkx", "gj", "ckqszxt", "vwfpb", "dt"].map {
    Set($0.utf8.map { $0 - 0x60 })
  }

  static let orderPenalty = tuned("order", 0.1)  // tokens paired out of order
  /// Added to the log-probabilities of the silent-final row of the model (see
  /// ``PairHMMModel/silentFinalUnit``).
  static let silentFinalBoost = tuned("silentboost", 2)
  static let logisticScale = 0.12

  let model: PairHMMModel

  /// Creates a matcher with the embedded model.
  public init(threshold: Double = NameMatcher.defaultThreshold, hebrewPrefixes: Bool = true) {
    self.threshold = threshold
    self.hebrewPrefixes = hebrewPrefixes
    self.model = PairHMMModel.shared
  }

  /// Compares two names and explains the result.
  public func match(_ a: String, _ b: String) -> NameMatch {
    match(PreparedName(a, hebrewPrefixes: hebrewPrefixes), PreparedName(b, hebrewPrefixes: hebrewPrefixes))
  }

  /// Compares two prepared names and explains the result.
  public func match(_ a: PreparedName, _ b: PreparedName) -> NameMatch {
    var alignment: [NameMatch.TokenAlignment] = []
    let e = evidence(a, b, alignment: &alignment, explain: true)
    let s = Self.probability(e)
    return NameMatch(
      score: s, isMatch: s >= threshold,
      explanation: .init(
        alignment: alignment, strippedTitles: [a.strippedTitles, b.strippedTitles],
        scripts: [a.script, b.script], skeletons: [a.skeleton, b.skeleton], evidence: e))
  }

  /// The calibrated score of two prepared names, without an explanation.
  ///
  /// - Complexity: O(Σ token lengths²); no allocation in the dynamic program.
  public func score(_ a: PreparedName, _ b: PreparedName) -> Double {
    Self.probability(rawEvidence(a, b))
  }

  /// The uncalibrated evidence (monotone in ``score(_:_:)``), for ranking.
  public func rawEvidence(_ a: PreparedName, _ b: PreparedName) -> Double {
    var none: [NameMatch.TokenAlignment] = []
    return evidence(a, b, alignment: &none, explain: false)
  }

  static func probability(_ e: Double) -> Double { 1 / (1 + exp(-(e - calibrationOffset) / logisticScale)) }

  /// Evidence per letter for one token pair, with the prefix length used.
  func tokenEvidence(_ x: PreparedToken, _ y: PreparedToken) -> (Double, NameMatch.Method, Int) {
    let xHebrew = x.script == .hebrew
    let yHebrew = y.script == .hebrew
    if x.isInitial || y.isInitial {
      let full = x.isInitial ? y : x
      let initial = x.isInitial ? x : y
      guard let fu = full.units.first, let iu = initial.units.first else { return (-1, .initial, 0) }
      if Self.useLetterNames && full.script == .hebrew && initial.script != .hebrew && full.letterNames & (1 << UInt32(iu - 1)) != 0 {
        return (Self.letterNameMatch, .initial, 0)
      }
      let ok: Bool
      if full.script == .hebrew && initial.script != .hebrew {
        ok = model.firstLetters[Int(fu)] & (1 << UInt32(iu - 1)) != 0
      } else if full.script != .hebrew && initial.script == .hebrew {
        let base = Int(iu % 22)
        ok = (model.firstLetters[base] | model.firstLetters[Int(iu)]) & (1 << UInt32(fu - 1)) != 0
      } else if xHebrew == yHebrew {
        ok = fu % 22 == iu % 22 || (full.phonetic.first == initial.phonetic.first)
      } else {
        ok = false
      }
      return (ok ? Self.initialMatch : Self.initialMismatch, .initial, 0)
    }
    if xHebrew == yHebrew {
      let sim = NamePhonetics.similarity(x.phonetic, y.phonetic, hebrew: xHebrew)
      return ((sim - Self.spellingOffset) * Self.spellingScale + Self.calibrationOffset, .spelling, 0)
    }
    let h = xHebrew ? x : y
    let l = xHebrew ? y : x
    let rows = h.hmm.isEmpty ? model.hmmUnits(h.units) : h.hmm
    let norm = Double(rows.count + l.units.count)
    var best = model.logLikelihoodRatio(units: rows, letters: l.units, codes: l.codes) / norm
    var prefix = 0
    for stem in h.stems {
      // A negative length marks the reading with a doubled ו written once: free, but
      // normalized by the token as written, so the shorter reading is not favoured per letter.
      let n = Double((stem.prefixLength < 0 ? rows.count : stem.units.count) + l.units.count)
      let cost = Self.prefixCost * Double(max(stem.prefixLength, 0))
      let v = (model.logLikelihoodRatio(units: stem.units, letters: l.units, codes: l.codes) - cost) / n
      if v > best { best = v; prefix = max(stem.prefixLength, 0) }
    }
    return ((best - Self.crossOffset) * Self.crossScale, .transliteration, prefix)
  }

  /// A candidate pairing of tokens `aLo...aHi` of one name with `bLo...bHi` of the other (a
  /// range longer than one token is a compound written apart on that side: LeBaron ~ לה-ברון).
  struct Pairing {
    var e: Double
    var aLo: Int, aHi: Int, bLo: Int, bHi: Int
    var method: NameMatch.Method
    var prefix: Int
  }

  /// Two adjacent tokens of one script joined into one (for compounds written apart).
  static func joined(_ x: PreparedToken, _ y: PreparedToken) -> PreparedToken {
    let units = x.units + y.units
    if x.script == .hebrew {
      var t = PreparedToken(
        text: x.text + "-" + y.text, script: .hebrew, units: units, codes: [],
        phonetic: NamePhonetics.hebrew(units), stems: [], isInitial: false, isParticle: false)
      t.hmm = PairHMMModel.shared.hmmUnits(units)
      return t
    }
    return PreparedToken(
      text: x.text + "-" + y.text, script: x.script, units: units, codes: PairHMMModel.chunkCodes(units),
      phonetic: NamePhonetics.latin(units), stems: [], isInitial: false, isParticle: false)
  }

  func evidence(
    _ a: PreparedName, _ b: PreparedName, alignment: inout [NameMatch.TokenAlignment], explain: Bool
  ) -> Double {
    let ta = a.tokens
    let tb = b.tokens
    if ta.isEmpty || tb.isEmpty { return -1 }
    let m = ta.count
    let n = tb.count
    var scores = [Pairing]()
    scores.reserveCapacity(m * n + 4)
    for i in 0..<m {
      for j in 0..<n {
        let pa = ta[i].isParticle || ta[i].isLeadingParticle
        let pb = tb[j].isParticle || tb[j].isLeadingParticle
        if ta[i].isParticle && !pb || tb[j].isParticle && !pa { continue }
        let (e, method, prefix) = tokenEvidence(ta[i], tb[j])
        scores.append(Pairing(e: e, aLo: i, aHi: i, bLo: j, bHi: j, method: method, prefix: prefix))
      }
    }
    // Compounds: the side with more tokens may pair two adjacent tokens with one token.
    if m != n {
      let (long, short) = m > n ? (ta, tb) : (tb, ta)
      for k in 0..<(long.count - 1) where !long[k].isInitial && !long[k + 1].isInitial
        && long[k].script == long[k + 1].script && !(long[k].isParticle && long[k + 1].isParticle)
      {
        let joined = Self.joined(long[k], long[k + 1])
        for j in short.indices where !short[j].isInitial && !short[j].isParticle {
          let (e, method, _) = tokenEvidence(joined, short[j])
          let v = e
          if m > n {
            scores.append(Pairing(e: v, aLo: k, aHi: k + 1, bLo: j, bHi: j, method: method, prefix: 0))
          } else {
            scores.append(Pairing(e: v, aLo: j, aHi: j, bLo: k, bHi: k + 1, method: method, prefix: 0))
          }
        }
      }
    }
    scores.sort { $0.e > $1.e }
    var usedA = [Bool](repeating: false, count: m)
    var usedB = [Bool](repeating: false, count: n)
    var pairOfA = [Int](repeating: -1, count: m)
    var total = 0.0
    var weight = 0.0
    var pairs = [Pairing]()
    let unmatched = Self.unmatchedPenalty
    for s in scores {
      if usedA[s.aLo] || usedA[s.aHi] || usedB[s.bLo] || usedB[s.bHi] { continue }
      // A pair that is worse than leaving both tokens unmatched is not made.
      if s.e < -unmatched { continue }
      var w = 0.0
      for i in s.aLo...s.aHi { usedA[i] = true; pairOfA[i] = pairs.count; w += Double(ta[i].length) }
      for j in s.bLo...s.bHi { usedB[j] = true; w += Double(tb[j].length) }
      pairs.append(s)
      total += s.e * w
      weight += w
    }
    if pairs.isEmpty { return -1 }
    var allInitials = true
    for p in pairs where !(ta[p.aLo].isInitial || tb[p.bLo].isInitial) { allInitials = false }
    // Parts missing from one name only (the other is fully matched) cost less than
    // parts on both sides that do not pair up.
    let leftA = ta.indices.contains { !usedA[$0] && !ta[$0].isParticle }
    let leftB = tb.indices.contains { !usedB[$0] && !tb[$0].isParticle }
    let penalty = leftA && leftB ? unmatched : Self.missingPartPenalty
    for (i, t) in ta.enumerated() where !usedA[i] && !t.isParticle {
      let w = t.isInitial ? Self.unmatchedInitialWeight : Double(t.length)
      total -= penalty * w
      weight += w
    }
    for (j, t) in tb.enumerated() where !usedB[j] && !t.isParticle {
      let w = t.isInitial ? Self.unmatchedInitialWeight : Double(t.length)
      total -= penalty * w
      weight += w
    }
    var e = total / max(weight, 1)
    if allInitials { e = min(e, -0.5) }
    // Initials in the same script left over on both sides that no romanization turns into
    // each other (J. Smith, K. Smith): another person, whatever the rest. Y ~ J (Yosef,
    // Joseph), G ~ H (Heydar, Гейдар) and the like stay possible; across scripts an
    // initial's letter is not certain (A. ~ א.).
    let initialsA = ta.indices.filter { !usedA[$0] && ta[$0].isInitial }.map { ta[$0] }
    let initialsB = tb.indices.filter { !usedB[$0] && tb[$0].isInitial }.map { tb[$0] }
    if !initialsA.isEmpty && !initialsB.isEmpty,
      initialsA.allSatisfy({ x in
        initialsB.allSatisfy { y in
          x.script == .latin && y.script == .latin && !Self.initialsMayAgree(x.units.first ?? 0, y.units.first ?? 0)
        }
      })
    {
      e = min(e, -0.5)
    }
    // Tokens paired out of order (Aliyev Ilham ~ Ilham Aliyev) cost a little, so that of two
    // otherwise equal candidates the one written in the same order wins.
    if pairs.count > 1 {
      var crossed = false
      for x in pairs.indices {
        for y in pairs.indices where pairs[x].aLo < pairs[y].aLo && pairs[x].bLo > pairs[y].bLo { crossed = true }
      }
      if crossed { e -= Self.orderPenalty }
    }
    if explain {
      var reported = [Bool](repeating: false, count: pairs.count)
      for i in 0..<m {
        if pairOfA[i] >= 0 {
          if reported[pairOfA[i]] { continue }
          reported[pairOfA[i]] = true
          let p = pairs[pairOfA[i]]
          var prefix: String? = nil
          if p.prefix > 0 {
            let h = ta[p.aLo].script == .hebrew ? ta[p.aLo].text : tb[p.bLo].text
            prefix = String(h.prefix(p.prefix))
          }
          let first = ta[p.aLo...p.aHi].map(\.text).joined(separator: " ")
          let second = tb[p.bLo...p.bHi].map(\.text).joined(separator: " ")
          alignment.append(.init(first: first, second: second, method: p.method, evidence: p.e, strippedPrefix: prefix))
        } else {
          alignment.append(.init(first: ta[i].text, second: nil, method: ta[i].isParticle ? .particle : .unmatched, evidence: ta[i].isParticle ? 0 : -penalty, strippedPrefix: nil))
        }
      }
      for (j, t) in tb.enumerated() where !usedB[j] {
        alignment.append(.init(first: nil, second: t.text, method: t.isParticle ? .particle : .unmatched, evidence: t.isParticle ? 0 : -penalty, strippedPrefix: nil))
      }
    }
    return e
  }
}

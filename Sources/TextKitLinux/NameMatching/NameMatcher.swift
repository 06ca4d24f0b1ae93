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
  static let crossOffset = 0.62  // per-letter LLR at which a token pair is neutral
  static let crossScale = 1.0
  static let spellingOffset = 0.8
  static let spellingScale = 3.0
  static let unmatchedPenalty = 1.0
  static let missingPartPenalty = 1.0
  static let prefixCost = 0.6  // LLR a prefix letter
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

  static func probability(_ e: Double) -> Double { 1 / (1 + exp(-e / logisticScale)) }

  /// Evidence per letter for one token pair, with the prefix length used.
  func tokenEvidence(_ x: PreparedToken, _ y: PreparedToken) -> (Double, NameMatch.Method, Int) {
    let xHebrew = x.script == .hebrew
    let yHebrew = y.script == .hebrew
    if x.isInitial || y.isInitial {
      let full = x.isInitial ? y : x
      let initial = x.isInitial ? x : y
      guard let fu = full.units.first, let iu = initial.units.first else { return (-1, .initial, 0) }
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
      return (ok ? -0.3 : -1.5, .initial, 0)
    }
    if xHebrew == yHebrew {
      let sim = NamePhonetics.similarity(x.phonetic, y.phonetic, hebrew: xHebrew)
      return ((sim - Self.spellingOffset) * Self.spellingScale, .spelling, 0)
    }
    let h = xHebrew ? x : y
    let l = xHebrew ? y : x
    let norm = Double(h.units.count + l.units.count)
    var best = model.logLikelihoodRatio(units: h.units, letters: l.units, codes: l.codes) / norm
    var prefix = 0
    for stem in h.stems {
      let n = Double(stem.units.count + l.units.count)
      let v = (model.logLikelihoodRatio(units: stem.units, letters: l.units, codes: l.codes)
        - Self.prefixCost * Double(stem.prefixLength)) / n
      if v > best { best = v; prefix = stem.prefixLength }
    }
    return ((best - Self.crossOffset) * Self.crossScale, .transliteration, prefix)
  }

  func evidence(
    _ a: PreparedName, _ b: PreparedName, alignment: inout [NameMatch.TokenAlignment], explain: Bool
  ) -> Double {
    let ta = a.tokens
    let tb = b.tokens
    if ta.isEmpty || tb.isEmpty { return -1 }
    let m = ta.count
    let n = tb.count
    var scores = [(e: Double, i: Int, j: Int, method: NameMatch.Method, prefix: Int)]()
    scores.reserveCapacity(m * n)
    for i in 0..<m {
      for j in 0..<n {
        if ta[i].isParticle != tb[j].isParticle && (ta[i].isParticle || tb[j].isParticle) { continue }
        let (e, method, prefix) = tokenEvidence(ta[i], tb[j])
        scores.append((e, i, j, method, prefix))
      }
    }
    scores.sort { $0.e > $1.e }
    var usedA = [Bool](repeating: false, count: m)
    var usedB = [Bool](repeating: false, count: n)
    var pairOfA = [Int](repeating: -1, count: m)
    var total = 0.0
    var weight = 0.0
    var pairs = [(i: Int, j: Int, e: Double, method: NameMatch.Method, prefix: Int)]()
    for s in scores where !usedA[s.i] && !usedB[s.j] {
      // A pair that is worse than leaving both tokens unmatched is not made.
      let w = Double(ta[s.i].length + tb[s.j].length)
      if s.e < -Self.unmatchedPenalty { continue }
      usedA[s.i] = true
      usedB[s.j] = true
      pairOfA[s.i] = pairs.count
      pairs.append((s.i, s.j, s.e, s.method, s.prefix))
      let ww = (ta[s.i].isInitial || tb[s.j].isInitial) ? 2.0 : w
      total += s.e * ww
      weight += ww
    }
    if pairs.isEmpty { return -1 }
    var allInitials = true
    for p in pairs where !(ta[p.i].isInitial || tb[p.j].isInitial) { allInitials = false }
    // Parts missing from one name only (the other is fully matched) cost less than
    // parts on both sides that do not pair up.
    let leftA = ta.indices.contains { !usedA[$0] && !ta[$0].isParticle }
    let leftB = tb.indices.contains { !usedB[$0] && !tb[$0].isParticle }
    let penalty = leftA && leftB ? Self.unmatchedPenalty : Self.missingPartPenalty
    for (i, t) in ta.enumerated() where !usedA[i] && !t.isParticle {
      let w = t.isInitial ? 1.0 : Double(t.length)
      total -= penalty * w
      weight += w
    }
    for (j, t) in tb.enumerated() where !usedB[j] && !t.isParticle {
      let w = t.isInitial ? 1.0 : Double(t.length)
      total -= penalty * w
      weight += w
    }
    var e = total / max(weight, 1)
    if allInitials { e = min(e, -0.5) }
    if explain {
      for i in 0..<m {
        if pairOfA[i] >= 0 {
          let p = pairs[pairOfA[i]]
          var prefix: String? = nil
          if p.prefix > 0 {
            let h = ta[p.i].script == .hebrew ? ta[p.i].text : tb[p.j].text
            prefix = String(h.prefix(p.prefix))
          }
          alignment.append(.init(first: ta[i].text, second: tb[p.j].text, method: p.method, evidence: p.e, strippedPrefix: prefix))
        } else {
          alignment.append(.init(first: ta[i].text, second: nil, method: ta[i].isParticle ? .particle : .unmatched, evidence: ta[i].isParticle ? 0 : -Self.unmatchedPenalty, strippedPrefix: nil))
        }
      }
      for (j, t) in tb.enumerated() where !usedB[j] {
        alignment.append(.init(first: nil, second: t.text, method: t.isParticle ? .particle : .unmatched, evidence: t.isParticle ? 0 : -Self.unmatchedPenalty, strippedPrefix: nil))
      }
    }
    return e
  }
}

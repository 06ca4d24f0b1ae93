/// The result of comparing two names: a score in [0, 1], the verdict and the evidence.
public struct NameMatch: Sendable, Hashable, Codable {
  /// Calibrated score in [0, 1]; ``isMatch`` is `score >= threshold`.
  public var score: Double
  /// Whether the score reaches the matcher's threshold.
  public var isMatch: Bool
  /// How the two names were aligned and what was removed.
  public var explanation: Explanation

  /// Why two names got their score.
  public struct Explanation: Sendable, Hashable, Codable {
    /// Token pairs and unpaired tokens, in the order of the first name.
    public var alignment: [TokenAlignment]
    /// Titles stripped from the first and the second name.
    public var strippedTitles: [[String]]
    /// Scripts of the two names.
    public var scripts: [NameScript]
    /// The consonant skeletons used for blocking.
    public var skeletons: [[String]]
    /// The raw evidence (log-likelihood ratio a letter, less the calibration offset).
    public var evidence: Double
  }

  /// One aligned token pair (or a token left without a partner).
  public struct TokenAlignment: Sendable, Hashable, Codable {
    /// The first name's token, or `nil` if only the second has it.
    public var first: String?
    /// The second name's token, or `nil` if only the first has it.
    public var second: String?
    /// How the pair was compared.
    public var method: Method
    /// Per-token evidence; positive supports a match.
    public var evidence: Double
    /// Hebrew prefix letters ignored to make the pair ("ב" in בבאקו).
    public var strippedPrefix: String?
  }

  /// How a token pair was compared.
  public enum Method: String, Sendable, Hashable, Codable {
    /// Cross-script pair HMM (Hebrew letter units against Latin chunks).
    case transliteration
    /// Same-script spelling variants (weighted edit distance on a phonetic folding).
    case spelling
    /// An initial against a full token.
    case initial
    /// No partner in the other name (a missing or extra part).
    case unmatched
    /// A particle such as "oglu", "de", בן, which costs nothing when missing.
    case particle
  }
}

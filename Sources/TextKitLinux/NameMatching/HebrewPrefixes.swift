/// Adapter from the matcher to ``HebrewPrefixAnalyzer``.
///
/// The matcher asks for candidate stems of a Hebrew token together with how many prefix letters
/// were removed; it scores each stem against the other name and keeps the best, less a cost a
/// prefix letter, so the score decides (מוריס stays Maurice, בבאקו becomes Baku). All legal
/// readings are offered, not only the analyzer's first, because without a lexicon the analyzer
/// rightly prefers short words whole.
enum HebrewPrefixes {
  static let analyzer = HebrewPrefixAnalyzer()

  /// Candidate (stem, prefix letter count) splits of `token`, excluding the unsplit token.
  static func stems(of token: Substring) -> [(stem: Substring, prefixLength: Int)] {
    var out: [(Substring, Int)] = []
    for split in analyzer.splits(of: String(token)) where !split.isUnsplit {
      // A doubled vav after a prefix is the stem's consonant (מוושינגטון = מ + וושינגטון);
      // the reading that eats one vav of it is not a name's stem.
      if split.prefixes.last == .vav, split.stem.hasPrefix("ו") { continue }
      out.append((Substring(split.stem), split.prefixes.count))
    }
    return out
  }
}

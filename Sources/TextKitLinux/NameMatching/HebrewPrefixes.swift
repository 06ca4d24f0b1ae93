/// Adapter to Hebrew prefix analysis.
///
/// The matcher asks for candidate stems of a Hebrew token together with how many prefix letters
/// were removed; it scores each stem against the other name and keeps the best, less a cost a
/// prefix letter, so the score decides (מוריס stays Maurice, בבאקו becomes Baku).
///
/// Until the segmentation area's `HebrewPrefixAnalyzer` is merged this uses the standard
/// proclitic letters only: up to three of ו ש כ ל ב מ ה in front of a stem of two letters or more.
enum HebrewPrefixes {
  static let proclitics: Set<UInt32> = [0x5D5, 0x5E9, 0x5DB, 0x5DC, 0x5D1, 0x5DE, 0x5D4]

  /// Candidate (stem, prefix letter count) splits of `token`, excluding the unsplit token.
  static func stems(of token: Substring) -> [(stem: Substring, prefixLength: Int)] {
    var out: [(Substring, Int)] = []
    var i = token.startIndex
    var k = 0
    while k < 3, i < token.endIndex, let v = token.unicodeScalars[i...].first?.value, proclitics.contains(v) {
      let after = token.unicodeScalars.index(after: i)
      // A doubled vav after a prefix is the stem's consonant (מוושינגטון = מ + וושינגטון).
      if v == 0x5D5, after < token.endIndex, token.unicodeScalars[after].value == 0x5D5 { break }
      i = after
      k += 1
      let rest = token[i...]
      if rest.unicodeScalars.count >= 2, let f = rest.unicodeScalars.first, NameFolding.isHebrewLetter(f.value) {
        out.append((rest, k))
      }
    }
    return out
  }
}

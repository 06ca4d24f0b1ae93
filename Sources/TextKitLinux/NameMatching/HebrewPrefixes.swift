/// Adapter to the segmentation area's Hebrew prefix analysis (branch `seg`).
///
/// The matcher asks for candidate stems of a Hebrew token together with how many prefix letters
/// were removed; it scores each stem and keeps the best, less a cost per prefix letter.
enum HebrewPrefixes {
  /// Candidate (stem, prefix letter count) splits of `token`, excluding the unsplit token.
  static func stems(of token: Substring) -> [(stem: Substring, prefixLength: Int)] {
    []
  }
}

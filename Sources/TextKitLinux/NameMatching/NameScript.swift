/// The script a name (or one of its tokens) is written in, as the matcher sees it.
public enum NameScript: String, Sendable, Codable, CaseIterable {
  /// Hebrew letters (niqqud ignored, final forms folded).
  case hebrew
  /// Latin letters (case and diacritics folded).
  case latin
  /// Cyrillic letters, compared through a built-in Latin romanization.
  case cyrillic
  /// Nothing the matcher can compare (digits, symbols).
  case other
}

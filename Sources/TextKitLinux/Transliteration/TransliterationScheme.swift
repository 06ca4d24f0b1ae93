/// How a ``Transliterator`` spells one script in another.
///
/// ```swift
/// let t = try Transliterator(scheme: .names, to: .latin)
/// t.transliterate("איסייב")          // "Isayev"
/// try Transliterator(scheme: .academy).transliterate("שָׁלוֹם")  // "shalom"
/// try Transliterator(scheme: .icu).transliterate("טראמפ")       // "trʼmp"
/// ```
public struct TransliterationScheme: Sendable, Hashable, CustomStringConvertible {
  enum Kind: String, Sendable, Hashable { case names, academy, icu }
  let kind: Kind

  /// Popular spelling of names as news media and Wikidata write them (the default): a learned
  /// joint-sequence model over unpointed Hebrew, both directions, with ranked candidates.
  /// Other scripts (Cyrillic, Greek, Arabic, Azerbaijani Latin) go to Latin through ICU.
  public static let names = TransliterationScheme(kind: .names)
  /// The Academy of the Hebrew Language's simple romanization (2006/2011) of *pointed*
  /// Hebrew: vowels, dagesh and the shin/sin dots are used when present, in any mark order.
  /// Hebrew to Latin only.
  public static let academy = TransliterationScheme(kind: .academy)
  /// ICU's own transforms (`Hebrew-Latin`, `Latin-Hebrew`, `Any-Latin`), for reference.
  public static let icu = TransliterationScheme(kind: .icu)

  /// All schemes.
  public static let allCases: [TransliterationScheme] = [.names, .academy, .icu]

  /// The scheme's short name: `names`, `academy` or `icu`.
  public var description: String { kind.rawValue }

  /// The scheme named `names`, `academy` or `icu`.
  public init?(name: String) {
    guard let k = Kind(rawValue: name) else { return nil }
    kind = k
  }

  init(kind: Kind) { self.kind = kind }
}

/// The script a ``Transliterator`` writes.
public enum TransliterationTarget: String, Sendable, CaseIterable {
  /// Latin letters (ASCII for the `names` scheme).
  case latin
  /// Hebrew letters, unpointed, with final forms.
  case hebrew
}

/// The script (or language) a ``Transliterator`` reads. Words in other scripts pass through.
public enum TransliterationSource: String, Sendable, CaseIterable {
  /// Hebrew when writing Latin; Latin when writing Hebrew; Cyrillic, Greek and Arabic also
  /// go to Latin.
  case auto
  /// Hebrew (Hebr).
  case hebrew
  /// Latin-script English names (Latn).
  case latin
  /// Cyrillic (Cyrl), e.g. Russian: Исаев → Isaev.
  case cyrillic
  /// Azerbaijani Latin: Qırmızı Qəsəbə → Qirmizi Qasaba.
  case azerbaijani
  /// Arabic (Arab).
  case arabic
  /// Greek (Grek).
  case greek

  /// Whether a word starting with `s` is in this script when writing Latin: Hebrew letters
  /// (and marks) for `.hebrew`, the script's letters for `.cyrillic`, `.greek`, `.arabic`,
  /// Latin for `.azerbaijani`; any of Hebrew, Cyrillic, Greek, Arabic for `.auto`.
  func reads(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    switch self {
    case .auto: return Transliterator.isHebrewWordScalar(s) || Transliterator.isOtherScriptScalar(s)
    case .hebrew: return Transliterator.isHebrewWordScalar(s)
    case .latin, .azerbaijani: return Transliterator.isLatinWordScalar(s)
    case .cyrillic: return (0x0400...0x052F).contains(v)
    case .greek: return (0x0370...0x03FF).contains(v) && s.properties.isAlphabetic
    case .arabic: return (0x0600...0x06FF).contains(v) && s.properties.isAlphabetic
    }
  }
}

/// How a geresh is written in Hebrew output.
public enum GereshStyle: String, Sendable, CaseIterable {
  /// ASCII apostrophe `'`, as most Israeli text has it: ג'ורג'.
  case apostrophe
  /// HEBREW PUNCTUATION GERESH U+05F3: ג׳ורג׳.
  case geresh
}

/// One ranked transliteration.
public struct TransliterationCandidate: Sendable, Hashable {
  /// The transliterated text.
  public let text: String
  /// The model's probability of this output given the input, 0...1 (for `names`; the product
  /// over the tokens of a name). Rule-based schemes give 1.
  public let score: Double

  /// A candidate.
  public init(text: String, score: Double) {
    self.text = text
    self.score = score
  }
}

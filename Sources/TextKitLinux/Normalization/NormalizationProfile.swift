/// An ordered pipeline of ``NormalizationStep``s.
///
/// ```swift
/// let clean = TextNormalizer(profile: .clean)
/// try clean.normalize("ג'ורג\u{2019} said \u{201C}hi\u{201D}")  // "ג׳ורג׳ said \"hi\""
/// let key = TextNormalizer(profile: .search)
/// try key.normalize("Ş. Əliyev, ח״כ")                          // "s aliyev חכ"
/// ```
public struct NormalizationProfile: Sendable, Hashable {
  /// The steps, applied in order.
  public var steps: [NormalizationStep]

  /// A profile made of your own steps.
  public init(steps: [NormalizationStep]) { self.steps = steps }

  /// NFC only (the default).
  public static let nfc = NormalizationProfile(steps: [.form(.nfc)])

  /// A single normalization form.
  public static func form(_ form: NormalizationForm) -> NormalizationProfile {
    NormalizationProfile(steps: [.form(form)])
  }

  /// Corpus hygiene: line ends, bidi controls, stray zero-width characters, odd spaces,
  /// presentation forms, quotes and geresh/gershayim, then NFC.
  ///
  /// NFC runs last on purpose: removing a control between a letter and its mark can make a new
  /// composition possible, and the output must be NFC whatever the input was.
  public static let clean = NormalizationProfile(steps: [
    .unifyLineEnds, .removeBidiControls, .removeStrayZeroWidth, .unifySpaces,
    .hebrewPresentationForms, .unifyQuotes, .form(.nfc),
  ])

  /// Keys for indexing and matching: ``clean``, NFKC_Casefold, all Hebrew marks removed, Latin
  /// diacritics and Hebrew final letters folded, punctuation to space, whitespace collapsed.
  public static let search = NormalizationProfile(
    steps: clean.steps + [
      .form(.nfkcCasefold), .hebrewMarks(.dropAll), .foldLatinDiacritics, .foldHebrewFinals,
      .punctuationToSpace, .collapseWhitespace,
    ])

  /// This profile with the given Hebrew mark policy: replaces its mark step, or adds one after
  /// its last normalization form (so presentation forms are decomposed first), followed by that
  /// form again (removing a mark can make a new composition possible; the quick check makes the
  /// second pass nearly free).
  public func withHebrewMarks(_ policy: HebrewMarkPolicy) -> NormalizationProfile {
    var steps = self.steps
    if let i = steps.firstIndex(where: { if case .hebrewMarks = $0 { return true } else { return false } }) {
      steps[i] = .hebrewMarks(policy)
    } else if policy != .keepAll {
      if let last = steps.lastIndex(where: { if case .form = $0 { return true } else { return false } }) {
        steps.insert(contentsOf: [.hebrewMarks(policy), steps[last]], at: last + 1)
      } else {
        steps.append(.hebrewMarks(policy))
      }
    }
    return NormalizationProfile(steps: steps)
  }

  /// Whether the output of this profile has `\n` line ends only.
  var unifiesLineEnds: Bool { steps.contains(.unifyLineEnds) }
}

/// The named profiles, for command lines and configuration.
public enum NormalizationProfileName: String, Sendable, CaseIterable, Codable {
  /// ``NormalizationProfile/nfc``.
  case nfc
  /// ``NormalizationProfile/clean``.
  case clean
  /// ``NormalizationProfile/search``.
  case search

  /// The profile.
  public var profile: NormalizationProfile {
    switch self {
    case .nfc: return .nfc
    case .clean: return .clean
    case .search: return .search
    }
  }
}

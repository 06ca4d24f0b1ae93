/// One step of a normalization pipeline.
///
/// Profiles (``NormalizationProfile``) are ordered lists of steps; compose your own with
/// ``NormalizationProfile/init(steps:)``. Every step works on well-formed UTF-8 and keeps
/// line structure unless it says otherwise.
public enum NormalizationStep: Sendable, Hashable {
  /// A Unicode normalization form through ICU (quick check first: text already in the form is
  /// passed through untouched).
  case form(NormalizationForm)
  /// CRLF, CR, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) to `\n`.
  case unifyLineEnds
  /// Removes bidi controls: LRM, RLM, ALM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI.
  case removeBidiControls
  /// Removes stray zero-width characters (ZWSP, WORD JOINER, BOM inside text); keeps ZWJ inside
  /// emoji sequences and between letters of scripts that join (Arabic, Indic…), and ZWNJ
  /// between letters of such scripts.
  case removeStrayZeroWidth
  /// Every Unicode space separator (NBSP, en/em/thin/hair spaces, narrow NBSP, ideographic
  /// space…) to U+0020. Tabs and line ends are not touched.
  case unifySpaces
  /// Hebrew presentation forms (U+FB1D–U+FB4F) to base letters and marks.
  case hebrewPresentationForms
  /// Quotes: inside Hebrew words, every geresh-like mark (`'` `’` `‘` `׳` `′` `＇`) becomes
  /// GERESH U+05F3 and every gershayim-like mark (`"` `”` `“` `״` `″` `＂`) becomes GERSHAYIM
  /// U+05F4; elsewhere curly quotes and primes become ASCII `'` and `"`.
  ///
  /// "Inside a Hebrew word" means: after a Hebrew letter (marks skipped) and before another
  /// Hebrew letter (ח"כ, ג'ורג), or, for the single mark only, after a Hebrew letter at the end
  /// of a word that does not open with a single quote (ג'ורג', עמ'), so that a quoted Hebrew
  /// word ('שלום' or "שלום") keeps its quotes.
  case unifyQuotes
  /// Removes Hebrew marks according to the policy.
  case hebrewMarks(HebrewMarkPolicy)
  /// Latin letters with diacritics to their base letters (é→e, ş→s, ə→a, ø→o, ł→l, ß→ss).
  case foldLatinDiacritics
  /// Hebrew final letters to their medial forms (ך→כ, ם→מ, ן→נ, ף→פ, ץ→צ).
  case foldHebrewFinals
  /// Punctuation (Unicode general category P*) to a space, except: an apostrophe between two
  /// letters is removed (o'brien → obrien), gershayim between Hebrew letters is removed
  /// (ח״כ → חכ) and a geresh after a Hebrew letter is kept (ג׳ורג׳).
  case punctuationToSpace
  /// Runs of spaces and tabs to one space; spaces at the start and end of lines removed.
  case collapseWhitespace

  /// A stable name for statistics and `--stats` output.
  public var name: String {
    switch self {
    case .form(let f): return f.rawValue
    case .unifyLineEnds: return "line-ends"
    case .removeBidiControls: return "bidi-controls"
    case .removeStrayZeroWidth: return "zero-width"
    case .unifySpaces: return "spaces"
    case .hebrewPresentationForms: return "presentation-forms"
    case .unifyQuotes: return "quotes"
    case .hebrewMarks(let p): return "hebrew-marks(\(p.rawValue))"
    case .foldLatinDiacritics: return "latin-diacritics"
    case .foldHebrewFinals: return "hebrew-finals"
    case .punctuationToSpace: return "punctuation"
    case .collapseWhitespace: return "whitespace"
    }
  }
}

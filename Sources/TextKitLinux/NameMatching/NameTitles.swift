/// Titles, honorifics and name particles the matcher strips or discounts.
///
/// Titles are removed only from the start of a name and only while a token remains; they are
/// reported in ``NameMatch/Explanation``. Particles (patronymic markers, "de", "van", בן) stay
/// in the name but cost nothing when the other name lacks them.
enum NameTitles {
  /// Latin titles, folded to ASCII lowercase without dots.
  static let latin: Set<String> = [
    "rabbi", "rav", "rebbe", "president", "mk", "dr", "doctor", "mr", "mrs", "ms", "miss", "mister",
    "madam", "minister", "ambassador", "deputy", "foreign", "prime", "defense", "defence", "finance",
    "general", "gen", "prof", "professor", "sir", "dame", "lord", "king", "queen", "prince", "princess",
    "chief", "sheikh", "imam", "excellency", "senator", "sen", "rep", "gov",
    "governor", "mayor", "judge", "justice", "col", "colonel", "capt", "captain", "lt", "major", "maj",
    "rev", "reverend", "father", "secretary", "chairman", "speaker", "consul", "envoy", "mp", "mme",
    "msgr", "cardinal", "bishop", "pope", "emir", "sultan", "shah", 
    "vice", "chancellor", "premier",   ]
  /// Hebrew titles, quotes removed and final letters folded (ח"כ → חכ, ד"ר → דר).
  static let hebrew: Set<String> = [
    "הרב", "רב", "הרבי", "רבי", "הנשיא", "נשיא", "הנשיאה", "נשיאת", "נשיאה", "חכ", "חהכ", "דר", "מר", "גב",
    "גברת", "השר", "שר", "השרה", "שרת", "השגריר", "שגריר", "השגרירה", "סגנ", "סגנית", "החוצ", "הביטחונ",
    "האוצר", "פרופ", "פרופסור", "האדמור", "אדמור", "ראש", "הממשלה", "העיר", "הגנרל", "גנרל", "האלופ",
    "אלופ", "השופט", "השופטת", "כבוד", "הקונסול", "קונסול", "המלכ", "מלכ", "המלכה", "הנסיכ", "השיח",
    "שיח", "האימאמ", "הכומר", "האב", "יור", "היור", "מזכיר", "המזכיר", "לשעבר", "עוד", "רהמ", "ניצב",
    "הניצב", "תאל", "סאל", "רסנ", "מנכל", "המנכל",
  ]
  /// Latin particles (patronymic markers, prepositions in names).
  static let latinParticles: Set<String> = [
    "oglu", "ogly", "ogli", "kizi", "qizi", "gizi", "kyzy", "uulu", "ben", "bin", "bat", "ibn", "bint",
    "de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "la", "le", "el",
    "al", "ul", "jr", "sr", "y", "e",
  ]
  /// Hebrew particles, folded as ``hebrew``.
  static let hebrewParticles: Set<String> = [
    "בנ", "בת", "דה", "ואנ", "פונ", "אל", "א", "אבנ", "אוגלו", "אוגלי", "קיזי", "גיזי", "דל", "לה", "דא",
    "ג'וניור",
  ]

  /// The Hebrew spellings of the names of the Latin letters (ג'יי for J, אם for M), for initials
  /// written out in Hebrew (J. J. Abrams ~ ג'יי ג'יי אברמס), folded, with the letters (bit
  /// `l - 1`) each spells; from ``HebrewLetterNames``.
  static let hebrewLetterNames: [[UInt8]: UInt32] = {
    let spellings = HebrewLetterNames.spellings
    var table: [[UInt8]: UInt32] = [:]
    for (letter, names) in spellings {
      let bit = UInt32(1) << UInt32(letter.asciiValue! - 97)
      for name in names { table[NameFolding.hebrewUnits(Substring(name)), default: 0] |= bit }
    }
    return table
  }()
}

/// Finds name mentions in Hebrew, English and mixed documents and clusters them into entities
/// across documents and scripts.
///
/// English mentions are capitalized word runs (titles stripped and kept as cues, a stoplist of
/// capitalized function words, sentence-initial words kept only if the word also appears
/// capitalized mid-sentence or after a title). Hebrew mentions are the words after a title cue
/// (הרב, הנשיא, ח"כ, השר …), words whose best cross-script match (prefix letters allowed: בבאקו)
/// is an English mention of the same run, and gazetteer hits. Clustering: same-script variants
/// by ``NameMatcher``, a surname alone joins the full name it ends, Hebrew joins English by the
/// cross-script score.
///
/// ```swift
/// let docs = [ReconcilerDocument(id: "a", text: "Rabbi Zamir Isayev spoke in Baku."),
///             ReconcilerDocument(id: "b", text: "הרב זמיר איסייב נאם בבאקו.")]
/// let entities = EntityReconciler().reconcile(docs)
/// // [E1 person he: [זמיר איסייב] latin: [Zamir Isayev] …, E2 place he: [באקו] latin: [Baku] …]
/// ```
public struct EntityReconciler: Sendable {
  /// The matcher for all comparisons.
  public var matcher = NameMatcher()
  /// Optional user gazetteer. Its Hebrew names found word for word in Hebrew text (the first
  /// word may carry prefix letters: לבאקו; one-word names of at least three letters) become
  /// mentions of its entity even when no English document names it; every entity whose name it
  /// has (score ≥ 0.8) takes its id and type, and a gazetteer entity found only in Hebrew text
  /// is named by the gazetteer's Latin names.
  public var gazetteer: NameIndex?
  /// Score an uncued Hebrew word needs to join an English entity.
  public var hebrewLinkThreshold = 0.75
  /// Score a title-cued Hebrew name needs to join an English entity.
  public var cuedLinkThreshold = 0.2
  /// How much more frequent (relative to each language's word count) a Hebrew word may be than
  /// the English entity it would join, unless it is spelled like a foreign word (geresh, וו, יי)
  /// or, title-cued, matches at ``hebrewLinkThreshold`` or above. Common Hebrew words that
  /// happen to sound like a rare English name (מרכזי ~ Marches) fail this.
  public var frequencyRatioLimit = 20.0
  /// Whether uncued Hebrew words that are inflected forms of other words of the text (שרים
  /// beside השר), or match an English word the text also writes in lower case, need foreign
  /// spelling to link.
  public var requiresNameEvidence = true
  /// Mention records collected per output batch (a bigger entity is merged from the store).
  var outputBatch = 1 << 18
  /// Bytes per chunk read.
  var chunkSize = ChunkReader.defaultSize

  /// Creates a reconciler.
  public init(gazetteer: NameIndex? = nil) { self.gazetteer = gazetteer }

  static let latinStop: Set<String> = [
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "and", "but", "or", "as", "by", "from", "with",
    "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "i", "you", "his", "her", "our",
    "their", "there", "here", "when", "while", "after", "before", "during", "since", "if", "so", "yet", "all",
    "every", "no", "not", "one", "two", "many", "some", "what", "who", "how", "why", "where", "which", "then",
    "also", "is", "was", "are", "were", "be", "has", "have", "had", "will", "would", "can", "may", "must",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "mr", "mrs", "ms", "dr", "said", "says", "according", "however", "today", "yesterday", "tomorrow",
    "meanwhile", "later", "earlier", "finally", "thus", "moreover", "furthermore", "instead", "still", "now",
    "recently", "last", "next", "first", "although", "because", "despite", "once", "indeed", "perhaps",
    "new", "read", "more", "share", "photo", "credit", "image", "via", "click", "subscribe", "advertisement",
  ]
  static let hebrewStop: Set<String> = [
    "של", "את", "על", "עמ", "זה", "זו", "זאת", "הוא", "היא", "המ", "הנ", "אני", "אנחנו", "כי", "לא", "גמ", "או",
    "אמ", "כל", "יש", "אינ", "היה", "היתה", "הייתה", "היו", "אשר", "כמו", "בינ", "אל", "מנ", "עד", "אחרי", "לפני",
    "רק", "עוד", "כבר", "מאוד", "יותר", "אבל", "אכ", "אז", "שלא", "כדי", "לכ", "לו", "לה", "להמ", "בו", "בה",
    "אותו", "אותה", "אותמ", "שלו", "שלה", "שלהמ", "שלנו", "מה", "מי", "איכ", "למה", "כאשר", "אמר", "אמרה",
    "היום", "אתמול", "שנה", "שנים", "ביותר", "אחד", "אחת", "שני", "שתי", "כנ", "ועוד", "וגמ", "בכל", "לכל",
    "הזה", "הזו", "הזאת", "האלה", "אלה", "אלו", "שמ", "פה", "כאנ", "כמה", "הרבה", "מעט", "ולא", "אבל", "כבוד",
    "ידי", "בית", "העירייה", "ראש",
  ]
  static let personTitlesLatin: Set<String> = [
    "rabbi", "rav", "president", "mk", "dr", "mr", "mrs", "ms", "minister", "ambassador", "deputy", "prof",
    "professor", "sir", "sheikh", "imam", "senator", "governor", "mayor", "judge", "general", "chief", "rebbe",
  ]
  static let placeCues: Set<String> = ["in", "from", "to", "of", "at", "near", "across", "capital"]
  static let organizationWords: Set<String> = [
    "ministry", "committee", "congress", "university", "party", "agency", "organization", "organisation",
    "association", "council", "bank", "union", "institute", "company", "corporation", "foundation", "center",
    "centre", "school", "synagogue", "embassy", "forces", "army", "court", "parliament", "government", "inc",
    "ltd", "news", "times", "post", "federation", "conference", "office", "department", "fund", "group",
  ]

  static let latinStopHashes = HashSet64(latinStop.map { DocumentWords.hash($0) })
  static let hebrewStopKeys = hebrewStop
  static let titleHashes = HashSet64(NameTitles.latin.map { DocumentWords.hash($0) })
  static let particleHashes = HashSet64(NameTitles.latinParticles.map { DocumentWords.hash($0) })
  static let longParticleHashes = HashSet64(NameTitles.latinParticles.filter { $0.count > 1 }.map { DocumentWords.hash($0) })
  static let personTitleHashes = HashSet64(personTitlesLatin.map { DocumentWords.hash($0) })
  static let organizationHashes = HashSet64(organizationWords.map { DocumentWords.hash($0) })
  static let placeCueHashes = HashSet64(placeCues.map { DocumentWords.hash($0) })

  /// The word folded to lowercase ASCII letters (title and stoplist lookups).
  static func key(_ word: Substring) -> String {
    let u = word.utf8
    if !u.contains(where: { $0 >= 0x80 }) {
      return String(decoding: u.compactMap { b -> UInt8? in
        let l = b | 0x20
        return l >= 0x61 && l <= 0x7A ? l : nil
      }, as: UTF8.self)
    }
    return NameFolding.latinKey(NameFolding.latinLetters(word))
  }

  /// Reconciles `documents` into entities, most-mentioned first.
  ///
  /// - Parameter documents: the documents to read, in order.
  /// - Parameter progress: called as text is read and linked with (megabytes done, megabytes).
  /// - Complexity: linear in the text plus a cached name search per distinct surface form.
  public func reconcile(
    _ documents: [ReconcilerDocument], progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> [ReconciledEntity] {
    var sink = EntityCollector()
    let report: ((ReconcilerProgress) -> Void)? = progress.map { p in
      { (r: ReconcilerProgress) in if r.stage != .writing { p(r.done >> 20, max(r.total >> 20, 1)) } }
    }
    // In-memory documents keep their mentions in memory too: nothing here can fail.
    try? reconcile(documents.map { .document($0) }, into: &sink, spill: false, progress: report)
    return sink.entities
  }

  /// Reconciles `inputs` (documents in memory or files read in chunks) and hands the entities,
  /// most-mentioned first, with every mention in document order, to `sink`.
  ///
  /// Memory holds one chunk of text (about 1 MB) and a vocabulary of distinct surface forms,
  /// names and entities; per-mention records go to an unlinked temporary file in
  /// `$TMPDIR` (or /tmp) and are read back entity by entity, so memory does not grow with the
  /// number of mentions. Files are read twice: once for English mentions, once more (only the
  /// lines with Hebrew) to link Hebrew words to the English entities.
  ///
  /// - Parameters:
  ///   - inputs: the documents; mention offsets are UTF-8 byte offsets into each.
  ///   - sink: receives the entities.
  ///   - progress: called about once a megabyte.
  /// - Throws: `SystemError` if a file cannot be read or the temporary file written; whatever
  ///   `sink` throws.
  /// - Complexity: linear in the text plus a cached name search per distinct surface form.
  public func reconcile(
    _ inputs: [ReconcilerInput], into sink: inout some EntitySink,
    progress: ((ReconcilerProgress) -> Void)? = nil
  ) throws {
    try reconcile(inputs, into: &sink, spill: true, progress: progress)
  }

  func reconcile(
    _ inputs: [ReconcilerInput], into sink: inout some EntitySink, spill: Bool,
    progress: ((ReconcilerProgress) -> Void)?
  ) throws {
    let store = spill ? try MentionStore(spillingTo: MentionStore.temporaryDirectory) : MentionStore()
    let run = ReconcilerRun(self, store: store, docIds: inputs.map(\.id))
    let total = inputs.reduce(0) { $0 + $1.byteCount }
    var done = 0
    var chunk: [UInt8] = []
    // Documents with Hebrew, for the second reading.
    var hebrewDocs: [Int] = []
    for (d, input) in inputs.enumerated() {
      var reader = try ChunkReader(input, size: chunkSize)
      var sawHebrew = false
      while let base = try reader.next(into: &chunk) {
        if try run.readLatin(chunk, doc: d, base: base) { sawHebrew = true }
        done += chunk.count
        progress?(ReconcilerProgress(stage: .reading, done: done, total: total))
      }
      if sawHebrew { hebrewDocs.append(d) }
    }
    run.clusterLatin()
    run.prepareGazetteer()
    done = 0
    for d in hebrewDocs {
      var reader = try ChunkReader(inputs[d], size: chunkSize)
      while let base = try reader.next(into: &chunk) {
        try run.linkHebrew(chunk, doc: d, base: base)
        done += chunk.count
        progress?(ReconcilerProgress(stage: .linking, done: done, total: total))
      }
    }
    try store.flush()
    run.assignGazetteerIds()
    try run.emit(into: &sink, progress: progress)
  }

  /// Whether a token of either name is left unpaired.
  static func hasUnpairedToken(_ m: NameMatch) -> Bool {
    m.explanation.alignment.contains { $0.method == .unmatched }
  }

  /// Same entity: every token paired, or the shorter name's tokens (at least two) all paired.
  static func isVariant(_ m: NameMatch) -> Bool {
    let a = m.explanation.alignment
    let pairs = a.filter { $0.first != nil && $0.second != nil }.count
    let onlyFirst = a.contains { $0.method == .unmatched && $0.second == nil }
    let onlySecond = a.contains { $0.method == .unmatched && $0.first == nil }
    if !onlyFirst && !onlySecond { return true }
    return pairs >= 2 && !(onlyFirst && onlySecond) && a.allSatisfy { $0.method != .initial || $0.evidence > -1 }
  }
}

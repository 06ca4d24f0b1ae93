/// The state of one reconciliation: the vocabularies (surface forms, their decisions, the
/// entities) in memory, the per-mention records in a ``MentionStore``.
///
/// Every decision that depends only on a surface form is made once per distinct form: English
/// names are clustered as distinct surfaces with their counts, each distinct Hebrew word (and
/// word pair) is searched in the cross-script index once.
final class ReconcilerRun {
  typealias R = EntityReconciler
  let config: EntityReconciler
  let matcher: NameMatcher
  let store: MentionStore
  let docIds: [String]

  struct Cluster {
    var count = 0
    /// English mentions.
    var latinCount = 0
    var latinNames: [String: Int] = [:]
    /// Hebrew mention surface id → count (names are folded at output).
    var hebrewSurfaces: [Int: Int] = [:]
    var votes = [Int](repeating: 0, count: 4)
    var gazetteerId: String?
    var tokenCount = 0
    var confidenceSum = 0.0
    var hasPersonVote: Bool { votes[Int(EntityType.person.code)] > 0 }
  }
  var clusters: [Cluster] = []

  // English evidence: capitalized mid-sentence words (a sentence-initial word seen capitalized
  // elsewhere is a name) and lower-case words (one also seen in lower case is not).
  var midCaps = HashSet64(capacity: 1 << 12)
  var lowerWords = HashSet64(capacity: 1 << 14)
  var words: [DocumentWord] = []
  var hebrewWords: [DocumentWord] = []
  var hebrewIds: [Int] = []
  var used: [Bool] = []

  // Latin mention surfaces and what is known of each.
  var latin = SurfaceTable()
  var latinCount: [Int] = []
  var latinVotes: [Int] = []  // 4 per surface, by EntityType code
  var latinCluster: [Int] = []
  var latinConfidence: [Double] = []
  var latinRecords = 0

  var titles = SurfaceTable()
  var hebrew = SurfaceTable()

  // Hebrew words and pairs: facts and cross-script links, once per distinct form.
  struct WordInfo {
    /// Letters folded as `NameFolding.hebrewKey` (final forms folded, marks and quotes dropped).
    var key: String
    /// Spelled like a foreign word: a geresh or inner gershayim, or a doubled ו or י.
    var foreignLooking: Bool
    var isTitle: Bool
    var isStop: Bool
    var units: Int
    var startsWithPlacePrefix: Bool
  }
  struct Link {
    var cluster: Int
    var score: Double
    var prefix: Int
    /// The English name matched is one word that the English text also has in lower case.
    var englishCommon = false
  }
  enum Cached {
    case unknown
    case none
    case link(Link)
  }
  var hebrewWordTable = SurfaceTable()
  var wordInfo: [WordInfo] = []
  var wordLink: [Cached] = []
  /// Occurrences of each Hebrew word in the first reading.
  var wordCount: [Int] = []
  /// 1 if the word is an inflected form of another word of the text, 0 if not, -1 unknown.
  var wordInflected: [Int8] = []
  /// Keys of every Hebrew word of the text, and without one proclitic letter (השר → שר).
  var stems: Set<String>? = nil
  var hebrewWordTotal = 0
  var latinWordTotal = 0
  var pairTable = SurfaceTable()
  var pairLink: [Cached] = []
  var hebrewOnly: [String: Int] = [:]
  var crossIndex = NameIndex()
  var crossCluster: [Int] = []
  /// Hebrew gazetteer names by the folded keys of their words joined by spaces → index entry.
  var gazetteerHebrew: [String: Int] = [:]
  var gazetteerMaxWords = 0
  /// Gazetteer id → the entity that carries it.
  var gazetteerCluster: [String: Int] = [:]
  /// Per Hebrew word: the folded keys it may be read as (whole, then without prefix letters),
  /// each with the prefix bytes stripped.
  var gazetteerReadings: [[(key: String, prefix: Int)]?] = []
  var prepared: [String: PreparedName] = [:]

  init(_ config: EntityReconciler, store: MentionStore, docIds: [String]) {
    self.config = config
    self.matcher = config.matcher
    self.store = store
    self.docIds = docIds
  }

  func prep(_ s: String) -> PreparedName {
    if let p = prepared[s] { return p }
    let p = PreparedName(s)
    prepared[s] = p
    return p
  }

  // MARK: - English mentions

  /// Finds the English mentions of one chunk; returns whether the chunk has Hebrew words.
  func readLatin(_ bytes: [UInt8], doc: Int, base: Int) throws -> Bool {
    DocumentWords.scan(bytes, 0..<bytes.count, into: &words)
    var hasHebrew = false
    // Locals for the word loop (no exclusivity check per word on the class's properties).
    var midCaps = HashSet64()
    var lowerWords = HashSet64()
    swap(&midCaps, &self.midCaps)
    swap(&lowerWords, &self.lowerWords)
    defer {
      swap(&midCaps, &self.midCaps)
      swap(&lowerWords, &self.lowerWords)
    }
    for w in words {
      if w.script == .latin {
        latinWordTotal += 1
        if w.capitalized {
          if !w.sentenceStart { midCaps.insert(w.hash) }
        } else {
          lowerWords.insert(w.hash)
        }
      } else if w.script == .hebrew {
        hasHebrew = true
        hebrewWordTotal += 1
        wordCount[wordId(bytes, w)] += 1
      }
    }
    let words = self.words
    var i = 0
    while i < words.count {
      let w = words[i]
      guard w.script == .latin || w.script == .cyrillic, w.capitalized else {
        i += 1
        continue
      }
      var j = i + 1
      while j < words.count && !words[j - 1].possessive {
        let x = words[j]
        let prev = words[j - 1]
        let joined = x.joinedToPrevious || (x.afterPeriod && (prev.length == 1 || R.titleHashes.contains(prev.keyHash)))
        guard joined, x.script == .latin || x.script == .cyrillic else { break }
        if x.capitalized && R.latinStopHashes.contains(x.keyHash) { break }
        if x.capitalized {
          j += 1
          continue
        }
        if R.longParticleHashes.contains(x.keyHash), j + 1 < words.count, words[j + 1].capitalized,
          words[j + 1].joinedToPrevious
        {
          j += 2
          continue
        }
        break
      }
      // A title inside a run starts a new name ("Azerbaijan President Ilham Aliyev").
      var cut = i + 1
      while cut < j {
        if R.titleHashes.contains(words[cut].keyHash) && !R.titleHashes.contains(words[cut - 1].keyHash) { break }
        cut += 1
      }
      if cut < j { j = cut }
      var lo = i
      var hi = j
      // A capitalized word hyphened to a lowercase one before it is a modifier, not the start
      // of a name: "majority-Muslim Azerbaijan" is Azerbaijan (it made a "Muslim Azerbaijan").
      if j - i > 1, i > 0, w.start > 0, bytes[w.start - 1] == 0x2D, words[i - 1].end == w.start - 1,
        !words[i - 1].capitalized
      {
        lo = i + 1
      }
      var titleLo = lo
      var titleHi = lo
      let before: UInt64 = i > 0 && words[i].joinedToPrevious ? words[i - 1].keyHash : 0
      i = j
      while lo < hi {
        let k = words[lo].keyHash
        if R.titleHashes.contains(k) && hi - lo > 1 {
          if titleHi == titleLo { titleLo = lo }
          titleHi = lo + 1
          lo += 1
          continue
        }
        if R.latinStopHashes.contains(k) {
          lo += 1
          continue
        }
        break
      }
      while hi > lo, R.latinStopHashes.contains(words[hi - 1].keyHash) || R.particleHashes.contains(words[hi - 1].keyHash) {
        hi -= 1
      }
      let hasTitle = titleHi > titleLo
      // A sentence-initial word that also occurs in lower case is a common word ("Meanwhile").
      if !hasTitle, lo < hi, words[lo].sentenceStart, !midCaps.contains(words[lo].hash),
        lowerWords.contains(lowerHash(bytes, words[lo]))
      {
        lo += 1
      }
      guard lo < hi else { continue }
      let first = words[lo]
      let last = words[hi - 1]
      if hi - lo == 1 && !hasTitle && first.sentenceStart && !midCaps.contains(first.hash) { continue }
      if hi - lo == 1 && R.titleHashes.contains(first.keyHash) { continue }
      var vote = EntityType.unknown
      if hasTitle && (titleLo..<titleHi).contains(where: { R.personTitleHashes.contains(words[$0].keyHash) }) {
        vote = .person
      } else if (lo..<hi).contains(where: { R.organizationHashes.contains(words[$0].keyHash) }) {
        vote = .organization
      } else if R.placeCueHashes.contains(before) && hi - lo == 1 {
        vote = .place
      }
      let range = first.start..<last.end
      let s = latin.intern(bytes, range, hash: DocumentWords.hash(bytes, range))
      if s == latinCount.count {
        latinCount.append(0)
        latinVotes.append(contentsOf: [0, 0, 0, 0])
      }
      latinCount[s] += 1
      if vote != .unknown { latinVotes[4 * s + Int(vote.code)] += 1 }
      let title = hasTitle ? titleId(bytes, words, titleLo..<titleHi) : MentionRecord.none
      try store.append(
        MentionRecord(
          doc: UInt32(doc), surface: UInt32(s), title: title, cluster: 0, start: base + range.lowerBound,
          end: base + range.upperBound, confidence: 1))
      latinRecords += 1
    }
    return hasHebrew
  }

  func lowerHash(_ bytes: [UInt8], _ w: DocumentWord) -> UInt64 {
    if !bytes[w.start..<w.end].contains(where: { $0 >= 0x80 }) {
      return DocumentWords.lowerHash(bytes, w.start..<w.end)
    }
    return DocumentWords.hash(String(decoding: bytes[w.start..<w.end], as: UTF8.self).lowercased())
  }

  /// Whether a folded Hebrew word is a title after a prefix letter (לנשיא, והשר): what ends
  /// a name after a title cue (הרצוג לנשיא).
  func isPrefixedTitle(_ key: String) -> Bool {
    guard let first = key.first, "ובלמהכש".contains(first), key.count > 2 else { return false }
    let stem = key.dropFirst()
    // Short titles after a letter are surnames as often (שגב, הדר, מרב): only a stem of four
    // letters or one with the article counts (לנשיא, והשר).
    guard stem.count >= 4 || stem.first == "ה" else { return false }
    return NameTitles.hebrew.contains(String(stem))
  }

  /// The id of the titles `words[range]` joined by one space.
  func titleId(_ bytes: [UInt8], _ words: [DocumentWord], _ range: Range<Int>) -> UInt32 {
    if range.count == 1 {
      let r = words[range.lowerBound].start..<words[range.lowerBound].end
      return UInt32(titles.intern(bytes, r, hash: DocumentWords.hash(bytes, r)))
    }
    var joined: [UInt8] = []
    for k in range {
      if !joined.isEmpty { joined.append(0x20) }
      joined.append(contentsOf: bytes[words[k].start..<words[k].end])
    }
    return UInt32(titles.intern(joined, 0..<joined.count, hash: DocumentWords.hash(joined, 0..<joined.count)))
  }

  // MARK: - Clustering English names

  static func foldedKey(_ p: PreparedName) -> String {
    p.tokens.map { String(decoding: $0.phonetic.map { $0 &+ 0x60 }, as: UTF8.self) }.joined(separator: " ")
  }

  /// Whitespace runs inside a name folded to one space (names that wrap a line).
  static func displayName(_ text: String, latin: Bool) -> String {
    let plain = !text.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 >= 0x80 && latin }
      && !text.unicodeScalars.contains { InvisibleFormat.contains($0.value) }
    if plain { return text }
    // Invisible characters inside a word (soft hyphen, ZWSP, direction marks) are not shown.
    var visible = String.UnicodeScalarView()
    visible.append(contentsOf: text.unicodeScalars.filter { !DocumentWords.isInvisible($0.value) })
    return String(visible).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  func addLatin(_ s: Int, to c: Int, confidence: Double) {
    latinCluster[s] = c
    latinConfidence[s] = confidence
    let n = latinCount[s]
    clusters[c].count += n
    clusters[c].latinCount += n
    clusters[c].confidenceSum += confidence * Double(n)
    clusters[c].latinNames[Self.displayName(latin.string(s), latin: true), default: 0] += n
    for t in 0..<4 { clusters[c].votes[t] += latinVotes[4 * s + t] }
  }

  /// Clusters the distinct English surfaces: identical folded names, same-script variants of
  /// full names, a surname alone joining the most-mentioned person whose name ends with it.
  /// Then builds the cross-script index the Hebrew words are searched in.
  func clusterLatin() {
    let n = latin.count
    latinCluster = [Int](repeating: -1, count: n)
    latinConfidence = [Double](repeating: 1, count: n)
    var preps: [PreparedName] = []
    preps.reserveCapacity(n)
    for s in 0..<n { preps.append(prep(latin.string(s))) }
    let multi = (0..<n).filter { preps[$0].tokens.count > 1 }
    let single = (0..<n).filter { preps[$0].tokens.count == 1 }
    var byName: [String: Int] = [:]
    // Variants are searched only among names that share the skeleton class their first or
    // last token starts with (Zamir Isaev ~ Zamir Isayev: Z…, S…), so clustering does not
    // compare every distinct name with every other.
    var variantIndexes: [UInt8: NameIndex] = [:]
    var variantCluster: [Int] = []
    func blockKeys(_ p: PreparedName) -> [UInt8] {
      guard let f = p.tokens.first, let l = p.tokens.last else { return [0] }
      let a = NameSkeleton.classes(f).first ?? 0
      let b = NameSkeleton.classes(l).first ?? 0
      return a == b ? [a] : [a, b]
    }
    func bestVariant(_ p: PreparedName) -> NameIndex.Result? {
      var best: NameIndex.Result? = nil
      for k in blockKeys(p) {
        if let r = variantIndexes[k]?.search(p, top: 1, shortlist: 50).first, r.score > (best?.score ?? -1) { best = r }
      }
      return best
    }
    // Surname candidates blocked by the first skeleton class of the full name's last token.
    var surnames: [UInt8: [(cluster: Int, token: PreparedToken)]] = [:]
    let orgCode = Int(EntityType.organization.code)
    for s in multi + single {
      let p = preps[s]
      let k = Self.foldedKey(p)
      if let c = byName[k] {
        addLatin(s, to: c, confidence: 1)
        continue
      }
      var target: Int? = nil
      if p.tokens.count > 1 {
        // Only a full variant: every token paired (Zamir Isaev ~ Zamir Isayev, not New Azerbaijan Party).
        if let best = bestVariant(p), best.score >= matcher.threshold, let c = Int(best.id), clusters[variantCluster[c]].votes[orgCode] == 0,
          !p.tokens.contains(where: { R.organizationWords.contains(NameFolding.latinKey($0.units)) }),
          R.isVariant(matcher.match(p, prep(best.name)))
        {
          target = variantCluster[c]
        }
      } else if let t = p.tokens.first {
        var bestCount = 0
        for (ci, lastToken) in surnames[NameSkeleton.classes(t).first ?? 0] ?? [] {
          let c = clusters[ci]
          guard c.tokenCount > 1, c.hasPersonVote, c.count > bestCount else { continue }
          // At least the evidence of a pair-neutral token pair (the calibration point).
          if matcher.tokenEvidence(t, lastToken).0 >= NameMatcher.calibrationOffset {
            bestCount = c.count
            target = ci
          }
        }
        if target == nil, let best = bestVariant(p), best.score >= matcher.threshold, let c = Int(best.id), clusters[variantCluster[c]].tokenCount == 1
        {
          target = variantCluster[c]
        }
      }
      let ci: Int
      if let target {
        ci = target
      } else {
        ci = clusters.count
        var c = Cluster()
        c.tokenCount = p.tokens.count
        clusters.append(c)
        if p.tokens.count > 1, let last = p.tokens.last {
          surnames[NameSkeleton.classes(last).first ?? 0, default: []].append((ci, last))
        }
      }
      byName[k] = ci
      for k in blockKeys(p) {
        variantIndexes[k, default: NameIndex()].add(id: String(variantCluster.count), name: latin.string(s))
      }
      variantCluster.append(ci)
      addLatin(s, to: ci, confidence: target != nil && p.tokens.count == 1 ? 0.9 : 1)
    }
    for (ci, c) in clusters.enumerated() {
      for name in c.latinNames.keys.sorted() {
        crossIndex.add(id: String(crossCluster.count), name: name)
        crossCluster.append(ci)
        if c.tokenCount > 1, c.hasPersonVote, let last = prep(name).tokens.last {
          crossIndex.add(id: String(crossCluster.count), name: last.text)
          crossCluster.append(ci)
        }
      }
    }
  }

  // MARK: - Hebrew mentions

  /// The best English entity for a Hebrew name, with the score and the prefix bytes stripped.
  func link(_ name: String) -> Link? {
    let q = PreparedName(name)
    guard let best = crossIndex.search(q, top: 1, shortlist: 100).first, let id = Int(best.id) else { return nil }
    let target = prep(best.name)
    let explained = matcher.match(q, target)
    var prefixBytes = 0
    if let first = explained.explanation.alignment.first, let p = first.strippedPrefix { prefixBytes = p.utf8.count }
    var score = best.score
    // One-word names whose consonant skeletons agree exactly (שבאירופה ~ Europe: R P) are
    // accepted on weaker evidence when long enough.
    let threshold = config.hebrewLinkThreshold
    if q.tokens.count == 1 && target.tokens.count == 1 && score < threshold {
      let stem = String(decoding: name.utf8.dropFirst(prefixBytes), as: UTF8.self)
      let stemName = PreparedName(stem, hebrewPrefixes: false)
      let sk = stemName.skeleton
      // The floor is judged on the stem itself, so the matcher's cost for stripped prefix
      // letters (two for שב) does not hide a stem that matches.
      if sk == target.skeleton, (sk.first?.count ?? 0) >= 2, NameFolding.hebrewUnits(Substring(stem)).count >= 5,
        max(score, prefixBytes > 0 ? matcher.match(stemName, target).score : score) >= 0.1
      {
        score = threshold
      }
    }
    var common = false
    if target.tokens.count == 1 {
      common = lowerWords.contains(DocumentWords.hash(best.name.lowercased()))
    }
    return Link(cluster: crossCluster[id], score: score, prefix: prefixBytes, englishCommon: common)
  }

  func wordId(_ bytes: [UInt8], _ w: DocumentWord) -> Int {
    let id = hebrewWordTable.intern(bytes, w.start..<w.end, hash: w.hash)
    if id == wordInfo.count {
      let text = Substring(hebrewWordTable.string(id))
      let key = NameFolding.hebrewKey(text)
      let first = text.unicodeScalars.first?.value ?? 0
      wordInfo.append(
        WordInfo(
          key: key, foreignLooking: Self.foreignLooking(text), isTitle: NameTitles.hebrew.contains(key), isStop: R.hebrewStop.contains(key),
          units: NameFolding.hebrewUnits(text).count, startsWithPlacePrefix: first == 0x5D1 || first == 0x5DE))
      wordLink.append(.unknown)
      gazetteerReadings.append(nil)
      wordCount.append(0)
      wordInflected.append(-1)
    }
    return id
  }

  static func foreignLooking(_ text: Substring) -> Bool {
    var previous: UInt32 = 0
    let scalars = Array(text.unicodeScalars)
    for (i, s) in scalars.enumerated() {
      let v = s.value
      if DocumentWords.isGeresh(v) { return true }
      if DocumentWords.isGershayim(v) && i + 1 < scalars.count { return true }
      if (v == 0x5D5 || v == 0x5D9) && v == previous { return true }
      previous = v
    }
    return false
  }

  /// Whether word `id` is an inflected form of another word of the text: a plural, feminine,
  /// construct or adjective ending (ים ות ית י ה ת) on a stem the text also has (שרים beside
  /// השר, מזהים beside מזה). Names are rarely written so; common words very often are.
  func isInflected(_ id: Int) -> Bool {
    if wordInflected[id] >= 0 { return wordInflected[id] == 1 }
    if stems == nil {
      var s = Set<String>()
      for info in wordInfo {
        s.insert(info.key)
        if info.key.count > 2, let f = info.key.first, "הובלמשכ".contains(f) { s.insert(String(info.key.dropFirst())) }
      }
      stems = s
    }
    let k = wordInfo[id].key
    var result = false
    for suffix in ["ימ", "ות", "ית", "י", "ה", "ת"] where k.hasSuffix(suffix) && k.count - suffix.count >= 2 {
      let stem = String(k.dropLast(suffix.count))
      var forms = [stem]
      if suffix == "ות" || suffix == "ת" { forms.append(stem + "ה") }
      if suffix == "ה" { forms += [stem + "ות", stem + "ימ"] }
      if suffix == "ימ" || suffix == "י" { forms += [stem + "ה"] }
      if forms.contains(where: { stems?.contains($0) == true }) {
        result = true
        break
      }
    }
    wordInflected[id] = result ? 1 : 0
    return result
  }

  /// Whether an uncued Hebrew word's link lacks the evidence a common Hebrew word needs: a word
  /// that does not look foreign must not be an inflected form, must not match an English word
  /// also written in lower case, and must not be much more frequent (relative to each
  /// language's words) than the English entity.
  func isDoubtful(_ id: Int, _ l: Link) -> Bool {
    if wordInfo[id].foreignLooking { return false }
    if config.requiresNameEvidence && (l.englishCommon || isInflected(id)) { return true }
    return isFrequencyDoubtful(id, l)
  }

  /// Whether word `id` is much more frequent in the Hebrew text than the entity `l` links it
  /// to is in the English text (each relative to its language's word count).
  func isFrequencyDoubtful(_ id: Int, _ l: Link) -> Bool {
    let he = Double(wordCount[id]) / Double(max(hebrewWordTotal, 1))
    let en = Double(max(clusters[l.cluster].latinCount, 1)) / Double(max(latinWordTotal, 1))
    return he / en > config.frequencyRatioLimit
  }

  func linkWord(_ id: Int) -> Link? {
    switch wordLink[id] {
    case .none: return nil
    case .link(let l): return l
    case .unknown:
      let l = link(hebrewWordTable.string(id))
      wordLink[id] = l.map { .link($0) } ?? .none
      return l
    }
  }

  func linkSlice(_ bytes: [UInt8], _ range: Range<Int>) -> Link? {
    let id = pairTable.intern(bytes, range, hash: DocumentWords.hash(bytes, range))
    if id == pairLink.count { pairLink.append(.unknown) }
    switch pairLink[id] {
    case .none: return nil
    case .link(let l): return l
    case .unknown:
      let l = link(pairTable.string(id))
      pairLink[id] = l.map { .link($0) } ?? .none
      return l
    }
  }

  func addHebrew(
    _ bytes: [UInt8], _ range: Range<Int>, doc: Int, base: Int, cluster c: Int, title: UInt32,
    vote: EntityType, confidence: Double
  ) throws {
    let s = hebrew.intern(bytes, range, hash: DocumentWords.hash(bytes, range))
    let conf = (confidence * 1000).rounded() / 1000
    clusters[c].count += 1
    clusters[c].confidenceSum += conf
    clusters[c].hebrewSurfaces[s, default: 0] += 1
    if vote != .unknown { clusters[c].votes[Int(vote.code)] += 1 }
    try store.append(
      MentionRecord(
        doc: UInt32(doc), surface: UInt32(s), title: title, cluster: UInt32(c), start: base + range.lowerBound,
        end: base + range.upperBound, confidence: Float(conf)))
  }

  /// Links the Hebrew words of one chunk: runs of consecutive lines that contain Hebrew.
  func linkHebrew(_ bytes: [UInt8], doc: Int, base: Int) throws {
    var lineStart = 0
    var runStart = -1
    let n = bytes.count
    while lineStart < n {
      var k = lineStart
      var hasHebrew = false
      while k < n && bytes[k] != 0x0A {
        if bytes[k] == 0xD7 { hasHebrew = true }
        k += 1
      }
      let next = k < n ? k + 1 : n
      if hasHebrew {
        if runStart < 0 { runStart = lineStart }
      } else if runStart >= 0 {
        try linkRun(bytes, runStart..<lineStart, doc: doc, base: base)
        runStart = -1
      }
      lineStart = next
    }
    if runStart >= 0 { try linkRun(bytes, runStart..<n, doc: doc, base: base) }
  }

  func linkRun(_ bytes: [UInt8], _ range: Range<Int>, doc: Int, base: Int) throws {
    DocumentWords.scan(bytes, range, into: &words)
    hebrewWords.removeAll(keepingCapacity: true)
    hebrewIds.removeAll(keepingCapacity: true)
    // A Hebrew word after a non-Hebrew one is not joined to its Hebrew predecessor.
    for (n, w) in words.enumerated() where w.script == .hebrew {
      var x = w
      if n == 0 || words[n - 1].script != .hebrew { x.joinedToPrevious = false }
      hebrewWords.append(x)
      hebrewIds.append(wordId(bytes, x))
    }
    let he = hebrewWords
    let ids = hebrewIds
    let count = he.count
    used.removeAll(keepingCapacity: true)
    used.append(contentsOf: repeatElement(false, count: count))
    let threshold = config.hebrewLinkThreshold
    var i = 0
    while i < count {
      let w = he[i]
      let info = wordInfo[ids[i]]
      if info.isTitle {
        // Title cue: the next one or two words are a person's name.
        var j = i + 1
        while j < count, he[j].joinedToPrevious, wordInfo[ids[j]].isTitle { j += 1 }
        guard j < count, he[j].joinedToPrevious, !wordInfo[ids[j]].isStop else {
          i = j
          continue
        }
        // A name of the user's gazetteer with a prefix letter (בבאקו) is no part of a name after
        // a title: it is read as that name, uncued. (Without one it may be a name: השר ישראל כץ,
        // אריאל שרון.)
        func prefixedHit(_ k: Int) -> Bool {
          !gazetteerHebrew.isEmpty && (gazetteerHit(he, ids, at: k).map { $0.prefix > 0 } ?? false)
        }
        if prefixedHit(j) {
          i = j
          continue
        }
        func continuesName(_ k: Int) -> Bool {
          k < count && he[k].joinedToPrevious && !wordInfo[ids[k]].isStop && !wordInfo[ids[k]].isTitle
            && !isPrefixedTitle(wordInfo[ids[k]].key) && !prefixedHit(k)
        }
        var end = j
        if continuesName(j + 1) {
          end = j + 1
          // A particle joins the word after it (יואב בן צור).
          if NameTitles.hebrewParticles.contains(wordInfo[ids[j + 1]].key), continuesName(j + 2) { end = j + 2 }
        }
        var chosen: (Link, Int)? = nil
        // A title is evidence of a name, not of which entity: a weak cross-script score also
        // needs comparable frequencies on both sides.
        // A person title does not precede a place or an organization.
        func accepted(_ l: Link) -> Bool {
          let v = clusters[l.cluster].votes
          let person = v[Int(EntityType.person.code)]
          if v[Int(EntityType.place.code)] > person || v[Int(EntityType.organization.code)] > person { return false }
          return l.score >= config.cuedLinkThreshold && (l.score >= threshold || !isFrequencyDoubtful(ids[j], l))
        }
        // Two words are one name only for an entity whose English name has several words.
        if end > j, let two = linkSlice(bytes, he[j].start..<he[end].end), clusters[two.cluster].tokenCount > 1,
          accepted(two)
        {
          chosen = (two, end)
        }
        if chosen == nil, let one = linkWord(ids[j]), accepted(one) { chosen = (one, j) }
        if chosen == nil, let one = linkWord(ids[j]), one.score >= threshold, !isDoubtful(ids[j], one) {
          // Not a person: the word is an entity of another kind (נשיא אזרבייג'ן); read it uncued.
          i = j
          continue
        }
        if chosen == nil, end > j, let next = linkWord(ids[end]), next.score >= threshold, !isDoubtful(ids[end], next) {
          // The second word is an entity of its own (השר ביקר בבאקו).
          end = j
        }
        let title = titleId(bytes, he, i..<j)
        if let (l, last) = chosen {
          try addHebrew(
            bytes, (he[j].start + l.prefix)..<he[last].end, doc: doc, base: base, cluster: l.cluster, title: title,
            vote: l.prefix == 0 ? .person : .unknown, confidence: l.score)
          for u in j...last { used[u] = true }
          i = last + 1
        } else {
          let r = he[j].start..<he[end].end
          let key = NameFolding.hebrewKey(Substring(String(decoding: bytes[r], as: UTF8.self)))
          let ci: Int
          if let c = hebrewOnly[key] {
            ci = c
          } else {
            ci = clusters.count
            clusters.append(Cluster())
            hebrewOnly[key] = ci
          }
          try addHebrew(bytes, r, doc: doc, base: base, cluster: ci, title: title, vote: .person, confidence: 0.8)
          for u in j...end { used[u] = true }
          i = end + 1
        }
        continue
      }
      if used[i] || info.isStop || info.units < 3 {
        i += 1
        continue
      }
      // A name of the user's gazetteer, word for word (the first word may carry prefix letters).
      if !gazetteerHebrew.isEmpty, let (entry, last, prefix) = gazetteerHit(he, ids, at: i) {
        let ci = gazetteerEntity(entry)
        let type = config.gazetteer.map { EntityType(code: $0.types[entry]) } ?? .unknown
        try addHebrew(
          bytes, (w.start + prefix)..<he[last].end, doc: doc, base: base, cluster: ci, title: MentionRecord.none,
          vote: type != .unknown ? type : (prefix > 0 && info.startsWithPlacePrefix ? .place : .unknown),
          confidence: 0.95)
        for u in i...last { used[u] = true }
        i = last + 1
        continue
      }
      // A given name before a linked surname: try the two words as one name (אילהם אלייב).
      if i + 1 < count, he[i + 1].joinedToPrevious, let h2 = linkWord(ids[i + 1]), h2.score >= threshold,
        clusters[h2.cluster].tokenCount > 1, !isDoubtful(ids[i + 1], h2), let pair = linkSlice(bytes, w.start..<he[i + 1].end),
        pair.cluster == h2.cluster, pair.score >= threshold
      {
        try addHebrew(
          bytes, (w.start + pair.prefix)..<he[i + 1].end, doc: doc, base: base, cluster: pair.cluster,
          title: MentionRecord.none, vote: .unknown, confidence: min(pair.score, h2.score))
        i += 2
        continue
      }
      // (The prefix is counted in letters: a pointed one, בְּ, takes six bytes.)
      if let hit = linkWord(ids[i]), hit.score >= threshold,
        info.units - (w.start..<(w.start + hit.prefix)).count(where: { bytes[$0] == 0xD7 && (0x90...0xAA).contains(bytes[$0 + 1]) }) >= 4,
        !isDoubtful(ids[i], hit)
      {
        var end = i
        var conf = hit.score
        // Adjacent words of the same entity form one mention (זמיר איסייב).
        if i + 1 < count, he[i + 1].joinedToPrevious, let h2 = linkWord(ids[i + 1]), h2.cluster == hit.cluster,
          h2.score >= threshold, !isDoubtful(ids[i + 1], h2)
        {
          end = i + 1
          conf = min(conf, h2.score)
        }
        try addHebrew(
          bytes, (w.start + hit.prefix)..<he[end].end, doc: doc, base: base, cluster: hit.cluster,
          title: MentionRecord.none, vote: hit.prefix > 0 && info.startsWithPlacePrefix ? .place : .unknown,
          confidence: conf)
        i = end + 1
        continue
      }
      i += 1
    }
  }

  // MARK: - Output

  func hebrewNames(_ c: Cluster) -> [String: Int] {
    var out: [String: Int] = [:]
    for (s, n) in c.hebrewSurfaces { out[Self.displayName(hebrew.string(s), latin: false), default: 0] += n }
    return out
  }

  // MARK: - Gazetteer hits

  /// Before the Hebrew reading: the English entities the gazetteer names get its ids, and its
  /// Hebrew names are keyed for word-for-word hits in the Hebrew text.
  func prepareGazetteer() {
    guard let gazetteer = config.gazetteer else { return }
    assignGazetteerIds()
    for (k, name) in gazetteer.names.enumerated() {
      let words = name.split { $0 == " " || $0 == "-" || $0 == "\u{5BE}" }
      guard (1...3).contains(words.count), words.allSatisfy({ $0.unicodeScalars.contains { (0x5D0...0x5EA).contains($0.value) } })
      else { continue }
      let keys = words.map { NameFolding.hebrewKey($0) }
      // One-word names need three letters: shorter ones are mostly common words.
      guard !keys.contains(where: \.isEmpty), keys.count > 1 || keys[0].count >= 3 else { continue }
      let key = keys.joined(separator: " ")
      if gazetteerHebrew[key] == nil { gazetteerHebrew[key] = k }
      gazetteerMaxWords = max(gazetteerMaxWords, keys.count)
    }
  }

  /// The readings of Hebrew word `id` for gazetteer lookups: the word, then its prefix splits.
  func readings(_ id: Int) -> [(key: String, prefix: Int)] {
    if let r = gazetteerReadings[id] { return r }
    var out = [(key: wordInfo[id].key, prefix: 0)]
    let word = hebrewWordTable.string(id)
    for split in HebrewPrefixAnalyzer().splits(of: word) where !split.isUnsplit {
      let key = NameFolding.hebrewKey(Substring(split.stem))
      if !key.isEmpty && !out.contains(where: { $0.key == key }) {
        // The bytes before the stem: with points (בְּבָאקוּ) more than two a prefix letter.
        let prefix = word.hasSuffix(split.stem)
          ? word.utf8.count - split.stem.utf8.count
          : split.prefixes.count * 2 + (split.separator.map { String($0).utf8.count } ?? 0)
        out.append((key, prefix))
      }
    }
    gazetteerReadings[id] = out
    return out
  }

  /// The longest gazetteer name spelled by the Hebrew words from `i` on: its index entry, the
  /// last word and the prefix bytes stripped from the first.
  func gazetteerHit(_ he: [DocumentWord], _ ids: [Int], at i: Int) -> (entry: Int, last: Int, prefix: Int)? {
    var n = min(gazetteerMaxWords, he.count - i)
    while n >= 1 {
      let last = i + n - 1
      if !(i + 1..<i + n).contains(where: { !he[$0].joinedToPrevious }) {
        let rest = (i + 1..<i + n).map { wordInfo[ids[$0]].key }.joined(separator: " ")
        for r in readings(ids[i]) {
          let key = n == 1 ? r.key : r.key + " " + rest
          if let entry = gazetteerHebrew[key] { return (entry, last, r.prefix) }
        }
      }
      n -= 1
    }
    return nil
  }

  /// The entity of gazetteer entry `entry`: the one that already carries its id, or a new one
  /// named by the gazetteer in each script.
  func gazetteerEntity(_ entry: Int) -> Int {
    let g = config.gazetteer!
    let id = g.ids[entry]
    if let c = gazetteerCluster[id] { return c }
    let ci = clusters.count
    var c = Cluster()
    c.gazetteerId = id
    c.tokenCount = g.names[entry].split(separator: " ").count
    if g.types[entry] != EntityType.unknown.code { c.votes[Int(g.types[entry])] += 10 }
    // Its Latin names (with no mentions) give the entity a canonical name in that script.
    for k in g.ids.indices where g.ids[k] == id && !g.names[k].unicodeScalars.contains(where: { (0x590...0x5FF).contains($0.value) }) {
      c.latinNames[g.names[k], default: 0] += 0
    }
    clusters.append(c)
    gazetteerCluster[id] = ci
    return ci
  }

  /// Gazetteer ids and types for the entities whose names the gazetteer has: a name scoring at
  /// least 0.8 with every token paired (Washington Post is not Washington). Of several entities
  /// with one id, gazetteer hits join the best-matching, then most-mentioned one.
  func assignGazetteerIds() {
    guard let gazetteer = config.gazetteer else { return }
    var best: [String: (score: Double, count: Int)] = [:]
    for ci in clusters.indices where clusters[ci].count > 0 && clusters[ci].gazetteerId == nil {
      let names = clusters[ci].latinNames.keys.sorted() + hebrewNames(clusters[ci]).keys.sorted()
      for n in names {
        guard let hit = gazetteer.search(n, top: 1).first, hit.score >= 0.8,
          !R.hasUnpairedToken(matcher.match(prep(n), prep(hit.name)))
        else { continue }
        clusters[ci].gazetteerId = hit.id
        if hit.type != .unknown { clusters[ci].votes[Int(hit.type.code)] += 10 }
        // The entity hits join: set once per id before the Hebrew reading (the first call).
        let rank = (score: hit.score, count: clusters[ci].count)
        let better = best[hit.id].map { (rank.score, rank.count) > ($0.score, $0.count) } ?? (gazetteerCluster[hit.id] == nil)
        if better {
          gazetteerCluster[hit.id] = ci
          best[hit.id] = rank
        }
        break
      }
    }
  }

  func order(_ d: [String: Int]) -> [String] {
    d.sorted { a, b in
      let ta = min(prep(a.key).tokens.count, 2)
      let tb = min(prep(b.key).tokens.count, 2)
      return ta != tb ? ta > tb : (a.value != b.value ? a.value > b.value : a.key < b.key)
    }.map(\.key)
  }

  func header(_ ci: Int, rank: Int) -> ReconciledEntity {
    let c = clusters[ci]
    var type = EntityType.unknown
    var best = 0
    // Most votes; ties to the alphabetically first type (organization, person, place).
    for t in [EntityType.organization, .person, .place] where c.votes[Int(t.code)] > best {
      best = c.votes[Int(t.code)]
      type = t
    }
    if type == .unknown && c.tokenCount > 1 { type = .person }
    let conf = c.confidenceSum / Double(max(c.count, 1))
    return ReconciledEntity(
      // One entity per gazetteer id: the one hits join (others that resemble it keep their own).
      id: c.gazetteerId.flatMap { gazetteerCluster[$0] == ci ? $0 : nil } ?? "E\(rank + 1)", type: type,
      names: .init(he: order(hebrewNames(c)), latin: order(c.latinNames)),
      confidence: (conf * 1000).rounded() / 1000, mentions: [])
  }

  // Strings of the vocabularies, made once for the output.
  var latinStrings: [String] = []
  var hebrewStrings: [String] = []
  var titleStrings: [String] = []

  func mention(_ r: MentionRecord, latin isLatin: Bool) -> Mention {
    let conf = isLatin ? latinConfidence[Int(r.surface)] : (Double(r.confidence) * 1000).rounded() / 1000
    return Mention(
      doc: docIds[Int(r.doc)], start: r.start, end: r.end,
      text: isLatin ? latinStrings[Int(r.surface)] : hebrewStrings[Int(r.surface)], lang: isLatin ? .latin : .he,
      confidence: conf, title: r.title == MentionRecord.none ? nil : titleStrings[Int(r.title)])
  }

  /// Hands the entities, most-mentioned first, and their mentions in document order to `sink`.
  func emit(into sink: inout some EntitySink, progress: ((ReconcilerProgress) -> Void)?) throws {
    let order = clusters.indices.filter { clusters[$0].count > 0 }.sorted {
      clusters[$0].count != clusters[$1].count ? clusters[$0].count > clusters[$1].count : $0 < $1
    }
    latinStrings = (0..<latin.count).map { latin.string($0) }
    hebrewStrings = (0..<hebrew.count).map { hebrew.string($0) }
    titleStrings = (0..<titles.count).map { titles.string($0) }
    var rank = [Int](repeating: -1, count: clusters.count)
    for (r, c) in order.enumerated() { rank[c] = r }
    let total = store.count
    let latinRange = 0..<latinRecords
    let hebrewRange = latinRecords..<total
    var written = 0
    func clusterOf(_ r: MentionRecord, _ isLatin: Bool) -> Int {
      isLatin ? latinCluster[Int(r.surface)] : Int(r.cluster)
    }
    var r = 0
    while r < order.count {
      let ci = order[r]
      if clusters[ci].count > config.outputBatch {
        // One big entity: merge its English and Hebrew records (each in document order).
        try sink.begin(header(ci, rank: r), mentionCount: clusters[ci].count)
        var a = try MentionStore.Cursor(store: store, range: latinRange, reader: 0)
        var b = try MentionStore.Cursor(store: store, range: hebrewRange, reader: 1)
        func nextOf(_ c: inout MentionStore.Cursor, _ isLatin: Bool) throws -> MentionRecord? {
          while let x = try c.next() { if clusterOf(x, isLatin) == ci { return x } }
          return nil
        }
        var x = try nextOf(&a, true)
        var y = try nextOf(&b, false)
        while x != nil || y != nil {
          if let xx = x, y == nil || (xx.doc, xx.start) < (y!.doc, y!.start) {
            try sink.mention(mention(xx, latin: true))
            x = try nextOf(&a, true)
          } else if let yy = y {
            try sink.mention(mention(yy, latin: false))
            y = try nextOf(&b, false)
          }
          written += 1
          if written & 0xFFFF == 0 { progress?(ReconcilerProgress(stage: .writing, done: written, total: total)) }
        }
        try sink.end()
        r += 1
        continue
      }
      // A batch of entities whose mentions fit the budget: collect them in one scan, sort, write.
      var s = r
      var sum = 0
      while s < order.count && (s == r || sum + clusters[order[s]].count <= config.outputBatch) {
        sum += clusters[order[s]].count
        s += 1
      }
      // Records placed by entity (counting sort); within an entity the English records come
      // first, then the Hebrew ones, each already in document order: one merge per entity.
      var offsets = [Int](repeating: 0, count: s - r + 1)
      for q in r..<s { offsets[q - r + 1] = offsets[q - r] + clusters[order[q]].count }
      var fill = offsets
      let empty = MentionRecord(doc: 0, surface: 0, title: 0, cluster: 0, start: 0, end: 0, confidence: 0)
      var batch = [MentionRecord](repeating: empty, count: sum)
      var latinEnd = [Int](repeating: 0, count: s - r)
      var index = 0
      try store.forEach(0..<total) { rec in
        let isLatin = index < latinRecords
        index += 1
        let c = clusterOf(rec, isLatin)
        guard c >= 0 else { return }
        let k = rank[c]
        if k >= r && k < s {
          batch[fill[k - r]] = rec
          fill[k - r] += 1
          if isLatin { latinEnd[k - r] = fill[k - r] }
        }
      }
      for q in r..<s {
        try sink.begin(header(order[q], rank: q), mentionCount: clusters[order[q]].count)
        let lo = offsets[q - r]
        let hi = fill[q - r]
        var a = lo
        let aEnd = max(latinEnd[q - r], lo)
        var b = aEnd
        while a < aEnd || b < hi {
          if a < aEnd && (b >= hi || (batch[a].doc, batch[a].start) < (batch[b].doc, batch[b].start)) {
            try sink.mention(mention(batch[a], latin: true))
            a += 1
          } else {
            try sink.mention(mention(batch[b], latin: false))
            b += 1
          }
          written += 1
          if written & 0xFFFF == 0 { progress?(ReconcilerProgress(stage: .writing, done: written, total: total)) }
        }
        try sink.end()
      }
      r = s
    }
    progress?(ReconcilerProgress(stage: .writing, done: written, total: total))
  }
}

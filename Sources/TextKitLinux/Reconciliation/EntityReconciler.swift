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
  /// Optional user gazetteer: its names become mentions, its ids and names the entities'.
  public var gazetteer: NameIndex?
  /// Score an uncued Hebrew word needs to join an English entity.
  public var hebrewLinkThreshold = 0.75
  /// Score a title-cued Hebrew name needs to join an English entity.
  public var cuedLinkThreshold = 0.2

  /// Creates a reconciler.
  public init(gazetteer: NameIndex? = nil) { self.gazetteer = gazetteer }

  struct RawMention {
    var doc: Int
    var start: Int
    var end: Int
    var text: String
    var lang: MentionLanguage
    var title: String?
    var typeVote: EntityType
    var confidence: Double
  }

  final class Cluster {
    var mentions: [RawMention] = []
    var latinNames: [String: Int] = [:]
    var hebrewNames: [String: Int] = [:]
    var votes: [EntityType: Int] = [:]
    var gazetteerId: String?
    var tokenCount = 0
    init() {}
    func add(_ m: RawMention) {
      mentions.append(m)
      let plain = !m.text.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 >= 0x80 && m.lang == .latin }
      let name = plain ? m.text : m.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
      if m.lang == .latin { latinNames[name, default: 0] += 1 } else { hebrewNames[name, default: 0] += 1 }
      if m.typeVote != .unknown { votes[m.typeVote, default: 0] += 1 }
    }
  }

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

  /// FNV-1a over the UTF-8 bytes (word sets without String hashing's normalization).
  static func hash(_ s: Substring) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }

  /// The word folded to lowercase ASCII letters (title and stoplist lookups).
  static func key(_ word: Substring) -> String {
    let u = word.utf8
    if u.count <= 32, !u.contains(where: { $0 >= 0x80 }) {
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count) { buf in
        var n = 0
        for b in u {
          let l = b | 0x20
          if l >= 0x61 && l <= 0x7A { buf[n] = l; n += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<n]), as: UTF8.self)
      }
    }
    return NameFolding.latinKey(NameFolding.latinLetters(word))
  }

  /// Reconciles `documents` into entities, most-mentioned first.
  ///
  /// - Parameter progress: called as Hebrew text is linked with (chunks done, chunks), chunks
  ///   being pieces of about 1 MB.
  /// - Complexity: linear in the text plus a cached name search per distinct Hebrew word.
  public func reconcile(
    _ documents: [ReconcilerDocument], progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> [ReconciledEntity] {
    // Documents are read in chunks of about 1 MB cut at line ends, so memory holds the
    // mentions and the Hebrew words, not every word.
    let chunks = Self.chunks(documents)
    // Capitalized mid-sentence words (in this chunk and those before): evidence that a
    // sentence-initial word is a name; lower-case words: evidence that it is not.
    var midCaps = Set<UInt64>()
    var lowerWords = Set<UInt64>()
    // 1. English mentions.
    var latin: [RawMention] = []
    // Each chunk's Hebrew words, kept for the linking pass (a Hebrew word after a non-Hebrew
    // one is not joined to its Hebrew predecessor).
    var hebrewWords: [[DocumentWord]] = []
    hebrewWords.reserveCapacity(chunks.count)
    for chunk in chunks {
      let d = chunk.doc
      let words = DocumentWords.words(in: documents[d].text[chunk.range], base: chunk.base)
      var he: [DocumentWord] = []
      if chunk.hebrew {
        for (n, w) in words.enumerated() where w.script == .hebrew {
          var x = w
          if n == 0 || words[n - 1].script != .hebrew { x.joinedToPrevious = false }
          he.append(x)
        }
      }
      hebrewWords.append(he)
      for w in words where w.script == .latin {
        if w.capitalized { if !w.sentenceStart { midCaps.insert(Self.hash(w.text)) } } else { lowerWords.insert(Self.hash(w.text)) }
      }
      var i = 0
      while i < words.count {
        let w = words[i]
        guard w.script == .latin || w.script == .cyrillic, w.capitalized else { i += 1; continue }
        var j = i + 1
        while j < words.count && !words[j - 1].possessive {
          let x = words[j]
          let prev = words[j - 1]
          let joined = x.joinedToPrevious
            || (x.afterPeriod && (prev.text.utf8.count == 1 || NameTitles.latin.contains(Self.key(prev.text))))
          guard joined, x.script == .latin || x.script == .cyrillic else { break }
          if x.capitalized && Self.latinStop.contains(Self.key(x.text)) { break }
          if x.capitalized { j += 1; continue }
          let k = Self.key(x.text)
          if NameTitles.latinParticles.contains(k) && k.count > 1, j + 1 < words.count, words[j + 1].capitalized,
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
          let k = Self.key(words[cut].text)
          if NameTitles.latin.contains(k) && !NameTitles.latin.contains(Self.key(words[cut - 1].text)) { break }
          cut += 1
        }
        if cut < j { j = cut }
        var run = Array(words[i..<j])
        var titles: [String] = []
        let before = i > 0 && words[i].joinedToPrevious ? Self.key(words[i - 1].text) : ""
        i = j
        while let f = run.first, run.count >= 1 {
          let k = Self.key(f.text)
          if NameTitles.latin.contains(k) && run.count > 1 { titles.append(String(f.text)); run.removeFirst(); continue }
          if Self.latinStop.contains(k) { run.removeFirst(); continue }
          break
        }
        while let l = run.last, Self.latinStop.contains(Self.key(l.text)) || NameTitles.latinParticles.contains(Self.key(l.text)) {
          run.removeLast()
        }
        // A sentence-initial word that also occurs in lower case is a common word ("Meanwhile").
        if titles.isEmpty, let f = run.first, f.sentenceStart, !midCaps.contains(Self.hash(f.text)),
          lowerWords.contains(Self.hash(Substring(f.text.lowercased())))
        {
          run.removeFirst()
        }
        guard let first = run.first, let last = run.last else { continue }
        if run.count == 1 && titles.isEmpty && first.sentenceStart && !midCaps.contains(Self.hash(first.text)) { continue }
        if run.count == 1 && NameTitles.latin.contains(Self.key(first.text)) { continue }
        let text = documents[d].text
        let name = Self.slice(text, first.start, last.end)
        var vote: EntityType = .unknown
        if titles.contains(where: { Self.personTitlesLatin.contains(Self.key(Substring($0))) }) { vote = .person }
        else if run.contains(where: { Self.organizationWords.contains(Self.key($0.text)) }) { vote = .organization }
        else if Self.placeCues.contains(before) && run.count == 1 { vote = .place }
        latin.append(RawMention(doc: d, start: first.start, end: last.end, text: name, lang: .latin,
          title: titles.isEmpty ? nil : titles.joined(separator: " "), typeVote: vote, confidence: 1))
      }
    }
    // 2. Cluster English mentions: identical folded names, same-script variants, surnames.
    var clusters: [Cluster] = []
    var byName: [String: Int] = [:]
    var prepared: [String: PreparedName] = [:]
    func prep(_ s: String) -> PreparedName {
      if let p = prepared[s] { return p }
      let p = PreparedName(s)
      prepared[s] = p
      return p
    }
    func foldedKey(_ p: PreparedName) -> String {
      p.tokens.map { String(decoding: $0.phonetic.map { $0 &+ 0x60 }, as: UTF8.self) }.joined(separator: " ")
    }
    let multi = latin.indices.filter { prep(latin[$0].text).tokens.count > 1 }
    let single = latin.indices.filter { prep(latin[$0].text).tokens.count == 1 }
    var variantIndex = NameIndex()
    var variantCluster: [Int] = []
    for m in multi + single {
      let p = prep(latin[m].text)
      let k = foldedKey(p)
      if let c = byName[k] { clusters[c].add(latin[m]); continue }
      var target: Int? = nil
      if p.tokens.count > 1 {
        // Spelling variant of a full name already seen.
        // Only a full variant: every token paired (Zamir Isaev ~ Zamir Isayev, not New Azerbaijan Party).
        if let best = variantIndex.search(p, top: 1, shortlist: 50).first, best.score >= matcher.threshold,
          let c = Int(best.id),
          Self.isVariant(matcher.match(p, prep(best.name))), clusters[variantCluster[c]].votes[.organization] == nil,
          !p.tokens.contains(where: { Self.organizationWords.contains(NameFolding.latinKey($0.units)) })
        {
          target = variantCluster[c]
        }
      } else if let t = p.tokens.first {
        // A surname alone joins the most-mentioned full name that ends with it.
        var bestCount = 0
        for (ci, c) in clusters.enumerated() where c.tokenCount > 1 && c.votes[.person] != nil {
          guard let name = c.latinNames.keys.first, let lastTok = prep(name).tokens.last else { continue }
          if matcher.tokenEvidence(t, lastTok).0 >= 0, c.mentions.count > bestCount {
            bestCount = c.mentions.count
            target = ci
          }
        }
        if target == nil, let best = variantIndex.search(p, top: 1, shortlist: 50).first,
          best.score >= matcher.threshold, let c = Int(best.id), clusters[variantCluster[c]].tokenCount == 1
        {
          target = variantCluster[c]
        }
      }
      let ci: Int
      if let target { ci = target } else {
        ci = clusters.count
        let c = Cluster()
        c.tokenCount = p.tokens.count
        clusters.append(c)
      }
      byName[k] = ci
      variantIndex.add(id: String(variantCluster.count), name: latin[m].text)
      variantCluster.append(ci)
      var mention = latin[m]
      if target != nil && p.tokens.count == 1 { mention.confidence = 0.9 }
      clusters[ci].add(mention)
    }
    // 3. Hebrew mentions, linked to English clusters by the cross-script score.
    var crossIndex = NameIndex()
    var crossCluster: [Int] = []
    for (ci, c) in clusters.enumerated() {
      for name in c.latinNames.keys {
        crossIndex.add(id: String(crossCluster.count), name: name)
        crossCluster.append(ci)
        if c.tokenCount > 1, c.votes[.person] != nil, let last = prep(name).tokens.last {
          crossIndex.add(id: String(crossCluster.count), name: last.text)
          crossCluster.append(ci)
        }
      }
    }
    var hebrewOnly: [String: Int] = [:]
    var cache: [Substring: (Int, Double, Int)?] = [:]  // word → (cluster, score, prefix bytes)
    func link(_ name: String) -> (Int, Double, Int)? {
      let q = PreparedName(name)
      guard let best = crossIndex.search(q, top: 1, shortlist: 100).first, let id = Int(best.id) else { return nil }
      let target = prep(best.name)
      let explained = matcher.match(q, target)
      var prefixBytes = 0
      if let first = explained.explanation.alignment.first, let p = first.strippedPrefix { prefixBytes = p.utf8.count }
      var score = best.score
      // One-word names whose consonant skeletons agree exactly (שבאירופה ~ Europe: R P) are
      // accepted on weaker evidence when long enough.
      if q.tokens.count == 1 && target.tokens.count == 1 && score < hebrewLinkThreshold && score >= 0.1 {
        let stem = String(name.utf8.dropFirst(prefixBytes)).map { String($0) } ?? name
        let sk = PreparedName(stem, hebrewPrefixes: false).skeleton
        if sk == target.skeleton, (sk.first?.count ?? 0) >= 2, NameFolding.hebrewUnits(Substring(stem)).count >= 5 {
          score = hebrewLinkThreshold
        }
      }
      return (crossCluster[id], score, prefixBytes)
    }
    var pairCache: [String: (Int, Double, Int)?] = [:]
    func pairLink(_ name: String) -> (Int, Double, Int)? {
      if let c = pairCache[name] { return c }
      let r = link(name)
      pairCache[name] = r
      return r
    }
    for (n, chunk) in chunks.enumerated() where chunk.hebrew {
      let d = chunk.doc
      let text = documents[d].text
      let words = hebrewWords[n]
      hebrewWords[n] = []
      defer { progress?(n + 1, chunks.count) }
      var used = [Bool](repeating: false, count: words.count)
      var i = 0
      while i < words.count {
        let w = words[i]
        guard w.script == .hebrew else { i += 1; continue }
        let k = NameFolding.hebrewKey(w.text)
        if NameTitles.hebrew.contains(k) {
          // Title cue: the next one or two words are a person's name.
          var j = i + 1
          var titles = [String(w.text)]
          while j < words.count, words[j].script == .hebrew, words[j].joinedToPrevious,
            NameTitles.hebrew.contains(NameFolding.hebrewKey(words[j].text))
          {
            titles.append(String(words[j].text))
            j += 1
          }
          guard j < words.count, words[j].script == .hebrew, words[j].joinedToPrevious,
            !Self.hebrewStop.contains(NameFolding.hebrewKey(words[j].text))
          else { i = j; continue }
          var end = j
          if j + 1 < words.count, words[j + 1].script == .hebrew, words[j + 1].joinedToPrevious,
            !Self.hebrewStop.contains(NameFolding.hebrewKey(words[j + 1].text))
          {
            end = j + 1
          }
          var chosen: (Int, Double, Int, Int)? = nil  // cluster, score, prefix, last word
          if end > j, let two = link(Self.slice(text, words[j].start, words[end].end)), two.1 >= cuedLinkThreshold {
            chosen = (two.0, two.1, two.2, end)
          }
          if chosen == nil, let one = link(String(words[j].text)), one.1 >= cuedLinkThreshold {
            chosen = (one.0, one.1, one.2, j)
          }
          let isPerson = true
          let title = titles.joined(separator: " ")
          if let chosen {
            let start = words[j].start + chosen.2
            let m = RawMention(doc: d, start: start, end: words[chosen.3].end,
              text: Self.slice(text, start, words[chosen.3].end), lang: .he, title: title,
              typeVote: isPerson && chosen.2 == 0 ? .person : .unknown, confidence: chosen.1)
            clusters[chosen.0].add(m)
            for u in j...chosen.3 { used[u] = true }
            i = chosen.3 + 1
          } else {
            let last = end
            let name = Self.slice(text, words[j].start, words[last].end)
            let m = RawMention(doc: d, start: words[j].start, end: words[last].end, text: name, lang: .he,
              title: title, typeVote: .person, confidence: 0.8)
            let key = NameFolding.hebrewKey(Substring(name))
            let ci: Int
            if let c = hebrewOnly[key] { ci = c } else {
              ci = clusters.count
              clusters.append(Cluster())
              hebrewOnly[key] = ci
            }
            clusters[ci].add(m)
            for u in j...last { used[u] = true }
            i = last + 1
          }
          continue
        }
        if used[i] || Self.hebrewStop.contains(k) || NameFolding.hebrewUnits(w.text).count < 3 { i += 1; continue }
        // A given name before a linked surname: try the two words as one name (אילהם אלייב).
        if i + 1 < words.count, words[i + 1].script == .hebrew, words[i + 1].joinedToPrevious {
          let next = words[i + 1].text
          let h2 = cache[next] ?? link(String(next))
          cache[next] = h2
          if let h2, h2.1 >= hebrewLinkThreshold, clusters[h2.0].tokenCount > 1,
            let pair = pairLink(Self.slice(text, w.start, words[i + 1].end)), pair.0 == h2.0, pair.1 >= hebrewLinkThreshold
          {
            let start = w.start + pair.2
            clusters[pair.0].add(RawMention(doc: d, start: start, end: words[i + 1].end,
              text: Self.slice(text, start, words[i + 1].end), lang: .he, title: nil, typeVote: .unknown,
              confidence: min(pair.1, h2.1)))
            i += 2
            continue
          }
        }
        let hit: (Int, Double, Int)?
        if let cached = cache[w.text] { hit = cached } else {
          hit = link(String(w.text))
          cache[w.text] = hit
        }
        if let hit, hit.1 >= hebrewLinkThreshold, NameFolding.hebrewUnits(w.text).count - hit.2 / 2 >= 4 {
          var end = i
          var conf = hit.1
          // Adjacent words of the same entity form one mention (זמיר איסייב).
          if i + 1 < words.count, words[i + 1].script == .hebrew, words[i + 1].joinedToPrevious {
            let next = words[i + 1].text
            let h2 = cache[next] ?? link(String(next))
            cache[next] = h2
            if let h2, h2.0 == hit.0, h2.1 >= hebrewLinkThreshold { end = i + 1; conf = min(conf, h2.1) }
          }
          let start = w.start + hit.2
          let m = RawMention(doc: d, start: start, end: words[end].end, text: Self.slice(text, start, words[end].end),
            lang: .he, title: nil, typeVote: hit.2 > 0 && [0x5D1, 0x5DE].contains(w.text.unicodeScalars.first?.value ?? 0) ? .place : .unknown,
            confidence: conf)
          clusters[hit.0].add(m)
          i = end + 1
          continue
        }
        i += 1
      }
    }
    // 4. Gazetteer ids and names.
    if let gazetteer {
      for c in clusters {
        let names = c.latinNames.keys.sorted() + c.hebrewNames.keys.sorted()
        for n in names {
          if let best = gazetteer.search(n, top: 1).first, best.score >= 0.8 {
            c.gazetteerId = best.id
            if best.type != .unknown { c.votes[best.type, default: 0] += 10 }
            break
          }
        }
      }
    }
    // 5. Output.
    var result: [ReconciledEntity] = []
    let sorted = clusters.filter { !$0.mentions.isEmpty }.sorted { $0.mentions.count > $1.mentions.count }
    for (n, c) in sorted.enumerated() {
      func order(_ d: [String: Int]) -> [String] {
        d.sorted { a, b in
          let ta = min(prep(a.key).tokens.count, 2)
          let tb = min(prep(b.key).tokens.count, 2)
          return ta != tb ? ta > tb : (a.value != b.value ? a.value > b.value : a.key < b.key)
        }.map(\.key)
      }
      var type = c.votes.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .unknown
      if type == .unknown && c.tokenCount > 1 { type = .person }
      let mentions = c.mentions.sorted { ($0.doc, $0.start) < ($1.doc, $1.start) }.map {
        Mention(doc: documents[$0.doc].id, start: $0.start, end: $0.end, text: $0.text, lang: $0.lang,
          confidence: ($0.confidence * 1000).rounded() / 1000, title: $0.title)
      }
      let conf = mentions.map(\.confidence).reduce(0, +) / Double(max(mentions.count, 1))
      result.append(ReconciledEntity(
        id: c.gazetteerId ?? "E\(n + 1)", type: type, names: .init(he: order(c.hebrewNames), latin: order(c.latinNames)),
        confidence: (conf * 1000).rounded() / 1000, mentions: mentions))
    }
    return result
  }

  struct Chunk {
    var doc: Int
    var range: Range<String.Index>
    var base: Int
    var hebrew: Bool
  }

  /// Pieces of about 1 MB of each document, cut after a line feed.
  static func chunks(_ documents: [ReconcilerDocument]) -> [Chunk] {
    var out: [Chunk] = []
    for (d, doc) in documents.enumerated() {
      let u = doc.text.utf8
      var start = u.startIndex
      var base = 0
      while start < u.endIndex {
        var stop = u.index(start, offsetBy: 1 << 20, limitedBy: u.endIndex) ?? u.endIndex
        if stop < u.endIndex {
          if let nl = u[stop...].firstIndex(of: 0x0A) { stop = u.index(after: nl) } else { stop = u.endIndex }
        }
        let size = u.distance(from: start, to: stop)
        out.append(Chunk(doc: d, range: start..<stop, base: base, hebrew: u[start..<stop].contains(0xD7)))
        base += size
        start = stop
      }
    }
    return out
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

  static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let u = text.utf8
    let a = u.index(u.startIndex, offsetBy: start)
    let b = u.index(a, offsetBy: end - start)
    return String(text[a..<b])
  }
}

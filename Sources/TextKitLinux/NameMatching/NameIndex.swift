import FoundationEssentials

/// A gazetteer of names searchable by ``NameMatcher`` score.
///
/// A query is first compared with every entry's 128-bit consonant-skeleton signature (a few
/// integer operations a name), the best `shortlist` entries are then scored with the full
/// matcher. Only signatures and strings are stored; entries are prepared on demand, so a saved
/// index loads in one read.
///
/// ```swift
/// var index = NameIndex()
/// index.add(id: "Q1", name: "Ilham Aliyev", type: .person)
/// index.add(id: "Q1", name: "אילהם אלייב", type: .person)
/// index.search("הנשיא אלייב", top: 1)   // [NameIndex.Result(id: "Q1", name: "Ilham Aliyev" …)]
/// ```
public struct NameIndex: Sendable {
  /// One search hit.
  public struct Result: Sendable, Hashable, Codable {
    /// The entry's id (several names may share it).
    public var id: String
    /// The matched name.
    public var name: String
    /// The entry's type.
    public var type: EntityType
    /// The ``NameMatcher`` score in [0, 1].
    public var score: Double
  }

  /// An error reading a gazetteer or an index file.
  public struct Error: Swift.Error, Sendable, CustomStringConvertible {
    /// What went wrong, with the file and line where known.
    public var description: String
  }

  public internal(set) var ids: [String] = []
  public internal(set) var names: [String] = []
  var types: [UInt8] = []
  var sigA: [UInt64] = []
  var sigB: [UInt64] = []
  var sigCount: [UInt8] = []
  /// Folded names, if kept (else empty and names are folded when shortlisted).
  var prepared: [PreparedName] = []
  /// The matcher used to rerank the shortlist.
  public var matcher = NameMatcher()

  /// An empty index.
  public init() {}

  /// The number of names.
  public var count: Int { names.count }

  /// Adds a name. `keepPrepared` keeps the folded name in memory (faster queries, more memory).
  public mutating func add(id: String, name: String, type: EntityType = .unknown, keepPrepared: Bool = true) {
    // Gazetteer names are written bare: only queries are tried without Hebrew prefixes.
    let p = PreparedName(name, hebrewPrefixes: false, signature: true)
    ids.append(id)
    names.append(name)
    types.append(type.code)
    sigA.append(p.signature.0)
    sigB.append(p.signature.1)
    sigCount.append(UInt8(min(p.signatureCount, 255)))
    if keepPrepared && prepared.count == names.count - 1 { prepared.append(p) }
  }

  /// Builds an index from a gazetteer: TSV `id<TAB>name[<TAB>type]` (`#` starts a comment) or
  /// JSONL `{"id": …, "names": […], "type": …}`, told apart by the first non-blank character.
  ///
  /// - Throws: ``Error`` naming the line of a malformed record.
  /// Lines end in LF or CRLF; a byte-order mark at the start is skipped.
  public init(gazetteer text: String, keepPrepared: Bool = true) throws(Error) {
    var lineNumber = 0
    let decoder = JSONDecoder()
    struct Record: Decodable { var id: String; var names: [String]; var type: String? }
    // "\r\n" is one Character: split on both, or a CRLF file is one line.
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      var l = line
      if lineNumber == 1 && l.first == "\u{FEFF}" { l = l.dropFirst() }
      if l.hasSuffix("\r") { l = l.dropLast() }
      let trimmed = l.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if trimmed.hasPrefix("{") {
        guard let r = try? decoder.decode(Record.self, from: Data(trimmed.utf8)) else {
          throw Error(description: "line \(lineNumber): not a JSON object with \"id\" and \"names\"")
        }
        let type = r.type.map { EntityType(gazetteerValue: Substring($0)) } ?? .unknown
        for n in r.names where !n.isEmpty { add(id: r.id, name: n, type: type, keepPrepared: keepPrepared) }
        continue
      }
      let f = l.split(separator: "\t", omittingEmptySubsequences: false)
      guard f.count >= 2, !f[0].isEmpty, !f[1].isEmpty else {
        throw Error(description: "line \(lineNumber): expected id<TAB>name[<TAB>type]")
      }
      add(id: String(f[0]), name: String(f[1]), type: f.count > 2 ? EntityType(gazetteerValue: f[2]) : .unknown,
          keepPrepared: keepPrepared)
    }
  }

  /// Builds an index from the bytes of a UTF-8 gazetteer file (see ``init(gazetteer:keepPrepared:)``).
  ///
  /// - Throws: ``Error`` naming the line and byte offset of bytes that are not UTF-8 (none is
  ///   replaced), or the line of a malformed record.
  public init(gazetteerBytes bytes: [UInt8], keepPrepared: Bool = true) throws(Error) {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if let bad = ByteScanning.findInvalidUTF8(bytes, range: start..<bytes.count, allowTruncatedTail: false).invalid {
      let line = ByteScanning.count(0x0A, in: bytes, range: 0..<bad.offset) + 1
      let shown = bytes[bad.offset..<min(bad.offset + max(bad.length, 1), bytes.count)]
        .map { String($0, radix: 16, uppercase: true) }.map { $0.count < 2 ? "0" + $0 : $0 }.joined(separator: " ")
      throw Error(description: "line \(line), byte \(bad.offset): invalid UTF-8 (bytes \(shown))")
    }
    try self.init(gazetteer: String(decoding: bytes[start...], as: UTF8.self), keepPrepared: keepPrepared)
  }

  /// The best `top` entries for `query`, best first, one for each id (the best of its names).
  ///
  /// - Parameters:
  ///   - query: the name to look up, in any script.
  ///   - top: how many results at most.
  ///   - shortlist: how many signature-nearest entries are scored in full (default
  ///     ``defaultShortlist``).
  ///   - script: if given, only entries whose name is in this script are considered.
  /// - Complexity: O(count) integer operations plus O(shortlist) full scores.
  public func search(_ query: String, top: Int = 10, shortlist: Int? = nil, script: NameScript? = nil) -> [Result] {
    search(PreparedName(query), top: top, shortlist: shortlist, script: script)
  }

  /// The shortlist size used when a search gives none: 400 when every entry is kept
  /// prepared (reranking is then cheap), 200 when entries are folded on demand.
  public var defaultShortlist: Int { prepared.count == count ? 400 : 200 }

  /// ``search(_:top:shortlist:script:)`` for a prepared query.
  public func search(_ q: PreparedName, top: Int = 10, shortlist: Int? = nil, script: NameScript? = nil) -> [Result] {
    let candidates = self.shortlist(q, size: shortlist ?? defaultShortlist, script: script)
    var scored: [(Double, Int)] = []
    scored.reserveCapacity(candidates.count)
    for c in candidates {
      let p = c < prepared.count ? prepared[c] : PreparedName(names[c], hebrewPrefixes: false, signature: false)
      if let script, p.script != script { continue }
      scored.append((matcher.rawEvidence(q, p), c))
    }
    scored.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    // One result an id: its best-scoring name (Baku and באקו of one entry are one answer).
    var seen = Set<String>()
    var out: [Result] = []
    for (e, c) in scored where out.count < top && seen.insert(ids[c]).inserted {
      out.append(Result(id: ids[c], name: names[c], type: EntityType(code: types[c]), score: NameMatcher.probability(e)))
    }
    return out
  }

  /// The number of entries the shortlist stage keeps for `q` (for benchmarks).
  public func shortlistCount(_ q: PreparedName, size: Int) -> Int { shortlist(q, size: size).count }

  /// Entry numbers of the `size` entries whose skeleton signatures are nearest to `q` (Dice).
  func shortlist(_ q: PreparedName, size: Int, script: NameScript? = nil) -> [Int] {
    let n = count
    if n == 0 { return [] }
    var buckets = [Int](repeating: 0, count: 257)
    let scores = [UInt8](unsafeUninitializedCapacity: n) { buffer, initialized in
      let qa = q.signature.0
      let qb = q.signature.1
      let qc = Int(q.signatureCount)
      // Dice 2|A∩B| / (|A| + |B|) scaled to 0...255, by a reciprocal table instead of a division.
      var reciprocal = [UInt32](repeating: 0, count: 256)
      for c in 0..<256 { reciprocal[c] = UInt32((510 << 16) / (qc + c + 1)) }
      sigA.withUnsafeBufferPointer { a in
        sigB.withUnsafeBufferPointer { b in
          sigCount.withUnsafeBufferPointer { c in
            reciprocal.withUnsafeBufferPointer { r in
              for i in 0..<n {
                let common = UInt32((a[i] & qa).nonzeroBitCount &+ (b[i] & qb).nonzeroBitCount)
                let s = (common &* r[Int(c[i])]) >> 16
                buffer[i] = UInt8(truncatingIfNeeded: min(s, 255))
              }
            }
          }
        }
      }
      initialized = n
    }
    for s in scores { buckets[Int(s)] += 1 }
    var cutoff = 255
    var taken = 0
    while cutoff > 0 && taken + buckets[cutoff] < size { taken += buckets[cutoff]; cutoff -= 1 }
    var out: [Int] = []
    out.reserveCapacity(size + 16)
    var atCutoff = 0
    for i in 0..<n {
      let s = Int(scores[i])
      if s > cutoff { out.append(i) } else if s == cutoff && atCutoff < size - taken { out.append(i); atCutoff += 1 }
    }
    _ = script
    return out
  }
}

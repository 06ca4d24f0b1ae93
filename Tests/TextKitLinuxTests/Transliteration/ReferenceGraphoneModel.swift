// The Swift graphone decoder as it was before the C decoder (commit 26d4660), kept verbatim
// (renamed) as the reference the equivalence tests compare the library's decoder against.

/// Reference copy of the learned joint-sequence (graphone) n-gram model behind the `names` scheme.
///
/// A graphone pairs one or two Hebrew letter units (a letter, or a letter with geresh;
/// the doubled וו and יי) with 0–3 Latin letters. The model is a back-off n-gram over
/// graphone sequences, trained by `Scripts/train-translit` and parsed here from the compact
/// little-endian "TKGM" file embedded in the library (format in that script). The decoder is
/// a position-synchronous beam search that keeps hypotheses with the same n-gram state and the
/// same output apart from others and sums the probability of segmentations that spell the same
/// output.
struct ReferenceGraphoneModel: Sendable {
  /// Hebrew side of each graphone: unit ids (1–22 letters אבגד…ת, +22 with geresh).
  let hebrew: [[UInt8]]
  /// Latin side of each graphone (ASCII lowercase).
  let latin: [[UInt8]]
  let order: Int
  let startState: UInt32
  /// Number of graphones (the end and start of word among them).
  let graphoneCount: Int
  let backoffWeight: [Float]
  let backoffState: [UInt32]
  // Open-addressing table keyed by state << 32 | graphone.
  // One array of entries so that a probe touches one cache line.
  private struct Entry {
    var key: UInt64
    var logProb: Float
    var next: UInt32
  }
  private let table: [Entry]
  private let mask: Int
  /// Graphones by their first Hebrew unit.
  let byFirstUnit: [[Int32]]
  /// Graphones by Latin chunk key (see `latinKey`), and those with an empty Latin side.
  let byLatin: [Int: [Int32]]
  let emptyLatin: [Int32]

  /// How many graphones the decoder tries per Hebrew unit and per Latin chunk.
  static let perUnit = 64
  static let perLatinChunk = 32

  struct FormatError: Error, CustomStringConvertible {
    let description: String
  }

  /// Parses a model file.
  ///
  /// - Throws: `FormatError` when the bytes are not a version-1 TKGM model.
  init(bytes b: [UInt8]) throws(FormatError) {
    var p = 0
    func u32() throws(FormatError) -> UInt32 {
      guard p + 4 <= b.count else { throw FormatError(description: "truncated model") }
      let v = UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
      p += 4
      return v
    }
    func f32() throws(FormatError) -> Float { Float(bitPattern: try u32()) }
    func u8() throws(FormatError) -> UInt8 {
      guard p < b.count else { throw FormatError(description: "truncated model") }
      p += 1
      return b[p - 1]
    }
    guard b.count > 28, b[0] == 0x54, b[1] == 0x4B, b[2] == 0x47, b[3] == 0x4D else {
      throw FormatError(description: "not a TKGM model")
    }
    p = 4
    guard try u32() == 1 else { throw FormatError(description: "unsupported model version") }
    order = Int(try u32())
    let gCount = Int(try u32()), sCount = Int(try u32()), eCount = Int(try u32())
    graphoneCount = gCount
    startState = try u32()
    var heb: [[UInt8]] = [], lat: [[UInt8]] = []
    heb.reserveCapacity(gCount)
    lat.reserveCapacity(gCount)
    for _ in 0..<gCount {
      let hn = Int(try u8())
      var h: [UInt8] = []
      for _ in 0..<hn { h.append(try u8()) }
      let ln = Int(try u8())
      var l: [UInt8] = []
      for _ in 0..<ln { l.append(try u8()) }
      heb.append(h)
      lat.append(l)
    }
    var bw = [Float](repeating: 0, count: sCount), bs = [UInt32](repeating: 0, count: sCount)
    for i in 0..<sCount {
      bw[i] = try f32()
      bs[i] = try u32()
      guard bs[i] < sCount else { throw FormatError(description: "bad back-off state") }
    }
    var cap = 1
    while cap < eCount * 2 { cap <<= 1 }
    var t = [Entry](repeating: Entry(key: .max, logProb: 0, next: 0), count: cap)
    let m = cap - 1
    for _ in 0..<eCount {
      let s = try u32(), g = try u32(), l = try f32(), n = try u32()
      guard s < sCount, g < gCount, n < sCount else { throw FormatError(description: "bad entry") }
      let key = UInt64(s) << 32 | UInt64(g)
      var i = ReferenceGraphoneModel.slot(key, m)
      while t[i].key != .max { i = (i + 1) & m }
      t[i] = Entry(key: key, logProb: l, next: n)
    }
    guard startState < sCount else { throw FormatError(description: "bad start state") }
    hebrew = heb
    latin = lat
    backoffWeight = bw
    backoffState = bs
    table = t
    mask = m
    var first = [[Int32]](repeating: [], count: 45)
    var byLat: [Int: [Int32]] = [:]
    var empty: [Int32] = []
    for g in 2..<gCount {
      guard let u = heb[g].first, u < 45, heb[g].allSatisfy({ $0 >= 1 && $0 < 45 }),
        lat[g].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
      else { throw FormatError(description: "bad graphone") }
      first[Int(u)].append(Int32(g))
      if lat[g].isEmpty { empty.append(Int32(g)) } else {
        byLat[ReferenceGraphoneModel.latinKey(lat[g][...]), default: []].append(Int32(g))
      }
    }
    // Keep the most probable graphones per input unit: rare ones cost time and rarely win.
    func top(_ gs: [Int32], _ k: Int, _ t: [Entry], _ m: Int) -> [Int32] {
      func uni(_ g: Int32) -> Float {
        let key = UInt64(g)
        var i = ReferenceGraphoneModel.slot(key, m)
        while t[i].key != .max {
          if t[i].key == key { return t[i].logProb }
          i = (i + 1) & m
        }
        return -100
      }
      return Array(gs.sorted { (uni($0), $1) > (uni($1), $0) }.prefix(k))
    }
    byFirstUnit = first.map { top($0, ReferenceGraphoneModel.perUnit, t, m) }
    byLatin = byLat.mapValues { top($0, ReferenceGraphoneModel.perLatinChunk, t, m) }
    emptyLatin = top(empty, ReferenceGraphoneModel.perUnit, t, m)
  }

  @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    var h = key ^ (key >> 33)
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    return Int(truncatingIfNeeded: h) & mask
  }

  /// Packs 1–3 lowercase ASCII letters into a small integer.
  @inline(__always) static func latinKey(_ s: ArraySlice<UInt8>) -> Int {
    var k = 0
    for c in s { k = k * 27 + Int(c - 0x60) }
    return k + s.count * 20_000
  }

  /// Log-probability of graphone `g` after `state`, following back-off, and the next state.
  @inline(__always) func step(_ state: UInt32, _ g: Int32) -> (Float, UInt32) {
    var s = state
    var acc: Float = 0
    while true {
      let key = UInt64(s) << 32 | UInt64(UInt32(g))
      var i = ReferenceGraphoneModel.slot(key, mask)
      while true {
        let e = table[i]
        if e.key == key { return (acc + e.logProb, e.next) }
        if e.key == .max { break }
        i = (i + 1) & mask
      }
      if s == 0 { return (acc - 30, 0) }
      acc += backoffWeight[Int(s)]
      s = backoffState[Int(s)]
    }
  }

  struct Hyp {
    var state: UInt32
    var score: Float
    var hash: UInt64
    var node: Int32
    var afterEmpty: Bool
  }

  /// Decodes one token. `toLatin` reads Hebrew units and writes Latin; otherwise it reads
  /// Latin letters (a–z) and writes Hebrew units. Returns outputs (as graphone-side bytes)
  /// with log posteriors among the explored outputs, best first.
  func decode(_ input: [UInt8], toLatin: Bool, beam: Int, count: Int) -> [(output: [UInt8], logPosterior: Float)] {
    let n = input.count
    if n == 0 { return [] }
    var buckets = [[Hyp]](repeating: [], count: n + 1)
    var best = [Float](repeating: -.infinity, count: n + 1)
    var nodeParent: [Int32] = []
    var nodeGraphone: [Int32] = []
    nodeParent.reserveCapacity(n * beam * 8)
    nodeGraphone.reserveCapacity(n * beam * 8)
    let width: Float = 8  // kWidth in cicu_graphone.cpp
    buckets[0].append(Hyp(state: startState, score: 0, hash: 1469598103934665603, node: -1, afterEmpty: false))
    best[0] = 0

    @inline(__always) func outHash(_ h: UInt64, _ g: Int32) -> UInt64 {
      var h = h
      for c in (toLatin ? latin[Int(g)] : hebrew[Int(g)]) { h = (h ^ UInt64(c)) &* 1099511628211 }
      return h
    }
    @inline(__always) func push(_ pos: Int, _ from: Hyp, _ g: Int32, _ empty: Bool) {
      let (lp, ns) = step(from.state, g)
      let sc = from.score + lp
      if sc < best[pos] - width { return }
      if sc > best[pos] { best[pos] = sc }
      nodeParent.append(from.node)
      nodeGraphone.append(g)
      buckets[pos].append(
        Hyp(state: ns, score: sc, hash: outHash(from.hash, g), node: Int32(nodeParent.count - 1), afterEmpty: empty))
    }
    func prune(_ hyps: [Hyp], _ threshold: Float) -> [Hyp] {
      var live = hyps.filter { $0.score >= threshold }
      live.sort { $0.score > $1.score }
      var out: [Hyp] = []
      out.reserveCapacity(beam)
      for h in live {
        if out.contains(where: { $0.state == h.state && $0.hash == h.hash }) { continue }
        out.append(h)
        if out.count == beam { break }
      }
      return out
    }

    for pos in 0..<n {
      if buckets[pos].isEmpty { continue }
      var hyps = prune(buckets[pos], best[pos] - width)
      buckets[pos] = []
      if !toLatin {
        // Hebrew letters with no Latin letter (silent א ע ה, a second ו): at most one in a row.
        for h in hyps where !h.afterEmpty {
          for g in emptyLatin { push(pos, h, g, true) }
        }
        if !buckets[pos].isEmpty {
          hyps = prune(hyps + buckets[pos], best[pos] - width)
          buckets[pos] = []
        }
      }
      for h in hyps {
        if toLatin {
          let u = Int(input[pos])
          guard u < 45 else { continue }
          for g in byFirstUnit[u] {
            let hs = hebrew[Int(g)]
            if hs.count == 2 {
              guard pos + 1 < n, input[pos + 1] == hs[1] else { continue }
            }
            push(pos + hs.count, h, g, false)
          }
        } else {
          var k = 0
          for len in 1...3 where pos + len <= n {
            let c = input[pos + len - 1]
            k = k * 27 + Int(c &- 0x60)
            if let gs = byLatin[k + len * 20_000] {
              for g in gs { push(pos + len, h, g, false) }
            }
          }
        }
      }
    }
    // End of word: allow a final silent letter (Latin→Hebrew), then </s>.
    var finals = prune(buckets[n], best[n] - width)
    if !toLatin {
      buckets[n] = []
      for h in finals where !h.afterEmpty { for g in emptyLatin { push(n, h, g, true) } }
      finals = prune(finals + buckets[n], best[n] - width)
    }
    var groups: [UInt64: (score: Float, bestScore: Float, node: Int32)] = [:]
    var total: Float = -.infinity
    for h in finals {
      let (lp, _) = step(h.state, 0)
      let sc = h.score + lp
      total = referenceLogAdd(total, sc)
      if let g = groups[h.hash] {
        groups[h.hash] = (referenceLogAdd(g.score, sc), max(g.bestScore, sc), sc > g.bestScore ? h.node : g.node)
      } else {
        groups[h.hash] = (sc, sc, h.node)
      }
    }
    let ranked = groups.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
    var result: [(output: [UInt8], logPosterior: Float)] = []
    for g in ranked.prefix(count) {
      var parts: [Int32] = []
      var node = g.node
      while node >= 0 {
        parts.append(nodeGraphone[Int(node)])
        node = nodeParent[Int(node)]
      }
      var out: [UInt8] = []
      for gid in parts.reversed() { out += toLatin ? latin[Int(gid)] : hebrew[Int(gid)] }
      result.append((out, g.score - total))
    }
    return result
  }
}

@inline(__always) func referenceLogAdd(_ a: Float, _ b: Float) -> Float {
  if a == -.infinity { return b }
  if b == -.infinity { return a }
  let m = max(a, b)
  return m + log1pf(expf(min(a, b) - m))
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

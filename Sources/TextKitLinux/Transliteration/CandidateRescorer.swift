/// A back-off character n-gram model of how target-script words are spelled, parsed from the
/// compact "TKLM" file `Scripts/train-translit` writes (format in that script).
///
/// It scores whole words (with their start and end), so it knows orthographic habits the
/// graphone model sees only through its shorter context: English endings, doubled letters,
/// the spelling of frequent given names.
struct CharacterLanguageModel: Sendable {
  let order: Int
  private let startState: UInt32
  private let backoffWeight: [Float]
  private let backoffState: [UInt32]
  /// Symbol id of each byte (0 when the byte has no symbol: such words score `unknown`).
  private let symbolOfByte: [UInt32]
  private struct Entry {
    var key: UInt64
    var logProb: Float
    var next: UInt32
  }
  private let table: [Entry]
  private let mask: Int
  /// Log-probability of a symbol the model has never seen.
  static let unknown: Float = -20

  struct FormatError: Error, CustomStringConvertible {
    let description: String
  }

  /// Parses a model file.
  ///
  /// - Throws: `FormatError` when the bytes are not a version-1 TKLM model.
  init(bytes b: [UInt8]) throws(FormatError) {
    var p = 0
    func u32() throws(FormatError) -> UInt32 {
      guard p + 4 <= b.count else { throw FormatError(description: "truncated model") }
      let v = UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
      p += 4
      return v
    }
    guard b.count > 28, b[0] == 0x54, b[1] == 0x4B, b[2] == 0x4C, b[3] == 0x4D else {
      throw FormatError(description: "not a TKLM model")
    }
    p = 4
    guard try u32() == 1 else { throw FormatError(description: "unsupported model version") }
    order = Int(try u32())
    let symCount = Int(try u32()), sCount = Int(try u32()), eCount = Int(try u32())
    startState = try u32()
    guard order >= 1, symCount >= 2, symCount < 256, sCount >= 1, startState < sCount,
      p + symCount + sCount * 8 + eCount * 16 == b.count
    else { throw FormatError(description: "bad model header") }
    var sym = [UInt32](repeating: 0, count: 256)
    for i in 0..<symCount {
      if i >= 2 { sym[Int(b[p])] = UInt32(i) }
      p += 1
    }
    var bw = [Float](repeating: 0, count: sCount), bs = [UInt32](repeating: 0, count: sCount)
    for i in 0..<sCount {
      bw[i] = Float(bitPattern: try u32())
      bs[i] = try u32()
      guard bs[i] < sCount else { throw FormatError(description: "bad back-off state") }
    }
    var cap = 1
    while cap < eCount * 2 { cap <<= 1 }
    var t = [Entry](repeating: Entry(key: .max, logProb: 0, next: 0), count: cap)
    let m = cap - 1
    for _ in 0..<eCount {
      let s = try u32(), g = try u32(), l = Float(bitPattern: try u32()), n = try u32()
      guard s < sCount, g < symCount, n < sCount else { throw FormatError(description: "bad entry") }
      let key = UInt64(s) << 32 | UInt64(g)
      var i = CharacterLanguageModel.slot(key, m)
      while t[i].key != .max { i = (i + 1) & m }
      t[i] = Entry(key: key, logProb: l, next: n)
    }
    backoffWeight = bw
    backoffState = bs
    symbolOfByte = sym
    table = t
    mask = m
  }

  @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    var h = key ^ (key >> 33)
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    return Int(truncatingIfNeeded: h) & mask
  }

  @inline(__always) private func step(_ state: UInt32, _ symbol: UInt32) -> (Float, UInt32) {
    var s = state
    var acc: Float = 0
    while true {
      let key = UInt64(s) << 32 | UInt64(symbol)
      var i = CharacterLanguageModel.slot(key, mask)
      while true {
        let e = table[i]
        if e.key == key { return (acc + e.logProb, e.next) }
        if e.key == .max { break }
        i = (i + 1) & mask
      }
      if s == 0 { return (acc + CharacterLanguageModel.unknown, 0) }
      acc += backoffWeight[Int(s)]
      s = backoffState[Int(s)]
    }
  }

  /// Natural-log probability of the whole word (start, its bytes, end).
  func logProb(_ word: some Collection<UInt8>) -> Float {
    var state = startState
    var total: Float = 0
    for c in word {
      let sym = symbolOfByte[Int(c)]
      if sym == 0 {
        total += CharacterLanguageModel.unknown
        state = 0
        continue
      }
      let (lp, next) = step(state, sym)
      total += lp
      state = next
    }
    return total + step(state, 0).0
  }
}

/// Re-ranks one token's n-best list from the graphone decoder with a character model of the
/// target spelling: score = log posterior + `latinWeight` × log P(word), renormalized over the
/// list. Used for Hebrew → Latin only (Latin → Hebrew measured no gain).
///
/// Decoding hook: the decoder produces ``decodeCount(_:)`` candidates for a request of `count`,
/// ``rescoreLatin(_:count:)`` keeps the best `count`. It costs one character-model walk per
/// candidate (a few hash probes a letter), small beside the decode.
enum CandidateRescorer {
  /// Weight of the Latin character model (chosen on a held-out slice of the train file).
  static let latinWeight: Float = 0.5

  /// The embedded Latin character model, or nil when the library carries none (then the
  /// decoder's order is kept).
  static let latin: CharacterLanguageModel? = {
    guard let bytes = EmbeddedData.bytes(named: "translit-names-latin.tklm") else { return nil }
    return try? CharacterLanguageModel(bytes: bytes)
  }()

  /// How many candidates to decode so that re-ranking has room to promote one.
  @inline(__always) static func decodeCount(_ count: Int) -> Int {
    latin == nil ? count : max(count * 2, 8)
  }

  /// The best `count` of `candidates` (Latin bytes, log posteriors) after re-ranking, with
  /// log posteriors renormalized over the list; ties keep the decoder's order.
  static func rescoreLatin<Bytes: Collection<UInt8>>(
    _ candidates: [(output: Bytes, logPosterior: Float)], count: Int
  ) -> [(output: Bytes, logPosterior: Float)] {
    guard let lm = latin, candidates.count > 1 else { return Array(candidates.prefix(count)) }
    var scored: [(index: Int, score: Float)] = []
    scored.reserveCapacity(candidates.count)
    var total: Float = -.infinity
    for (i, c) in candidates.enumerated() {
      let s = c.logPosterior + latinWeight * lm.logProb(c.output)
      scored.append((i, s))
      total = CandidateRescorer.logAdd(total, s)
    }
    scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
    return scored.prefix(count).map { (candidates[$0.index].output, $0.score - total) }
  }

  /// log(e^a + e^b) without overflow.
  @inline(__always) static func logAdd(_ a: Float, _ b: Float) -> Float {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    return a > b ? a + log1pf(expf(b - a)) : b + log1pf(expf(a - b))
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

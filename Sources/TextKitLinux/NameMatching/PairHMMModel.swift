#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// The trained memoryless pair HMM between Hebrew letter units and Latin chunks of 0–3 letters.
///
/// Trained by `Scripts/train-matcher` (EM on persons-train.tsv) and embedded as
/// `match-pairhmm.txt`. The table is expanded once into a dense array of probabilities indexed
/// by `unit * chunkCodeCount + chunkCode`, so the forward DP is a few multiply-adds a cell.
final class PairHMMModel: Sendable {
  static let chunkCodeCount = 19_683  // 27^3: chunks of up to three letters 1...26
  /// Rows of the emission table: 0..<44 letter units, 46 no Hebrew unit (44 in older files).
  static let epsilonUnit = 46
  /// Row 45: a Latin chunk of 1–2 letters alone after the last Hebrew unit, the silent final
  /// letters Hebrew does not write (Roe רו, Descartes דקארט); present when the model has it.
  static let silentFinalUnit = 45
  static let unitCount = 47
  let emission: [Double]
  let hebrewLogP: [Double]
  let latinLogP: [Double]
  /// Per Hebrew unit, a bit set of Latin letters (bit l-1) that start a likely chunk of it.
  let firstLetters: [UInt32]
  /// Whether the second letter of וו and יי is dropped before scoring (model line `C 2`).
  let collapsesDoubled: Bool
  /// Whether the model has the silent-final row 45 (model line `S 1`; tuning: off when
  /// `TEXTKIT_MATCH_ABLATE` contains `silent`).
  let hasSilentFinal: Bool

  /// The embedded model, loaded on first use. For tuning, the environment variable
  /// `TEXTKIT_MATCH_MODEL` may name another model file written by `Scripts/train-matcher` (a
  /// model trained without the held-out slice); an unreadable file falls back to the embedded one.
  static let shared: PairHMMModel = {
    if let path = getenv("TEXTKIT_MATCH_MODEL"), let data = FileManager.default.contents(atPath: String(cString: path)) {
      return PairHMMModel(text: String(decoding: data, as: UTF8.self))
    }
    let bytes = EmbeddedData.bytes(named: "match-pairhmm.txt") ?? []
    return PairHMMModel(text: String(decoding: bytes, as: UTF8.self))
  }()

  init(text: String) {
    var emission = [Double](repeating: 0, count: Self.unitCount * Self.chunkCodeCount)
    var hebrew = [Double](repeating: -4, count: 44)
    var latin = [Double](repeating: -4, count: 27)
    var starts = [[Double]](repeating: [Double](repeating: 0, count: 27), count: Self.unitCount)
    let collapse = text.split(separator: "\n").contains { $0.hasPrefix("C 2") }
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let f = line.split(separator: " ")
      guard f.count >= 3, var a = Int(f[1]) else { continue }
      if f[0] == "P" && a == 44 { a = Self.epsilonUnit }
      switch f[0] {
      case "H": if a < 44, let v = Double(f[2]) { hebrew[a] = v }
      case "L": if a < 27, let v = Double(f[2]) { latin[a] = v }
      case "P":
        guard f.count >= 4, let code = Int(f[2]), let v = Double(f[3]), a < Self.unitCount,
          code < Self.chunkCodeCount
        else { continue }
        let p = exp(a == Self.silentFinalUnit ? v + NameMatcher.silentFinalBoost : v)
        emission[a * Self.chunkCodeCount + code] = p
        starts[a][code % 27] += p
      default: continue
      }
    }
    var masks = [UInt32](repeating: 0, count: Self.unitCount)
    for u in 0..<Self.unitCount {
      let total = starts[u].reduce(0, +)
      guard total > 0 else { continue }
      for l in 1...26 where starts[u][l] / total > 0.08 { masks[u] |= 1 << UInt32(l - 1) }
    }
    // א and ע begin names with any vowel (אילהם Ilham, עומר Omer, אוסקר Oscar).
    let vowels: UInt32 = (1 << 0) | (1 << 4) | (1 << 8) | (1 << 14) | (1 << 20) | (1 << 24)
    for u in [0, 15, 22, 37] { masks[u] |= vowels }
    self.collapsesDoubled = collapse
    self.hasSilentFinal = text.split(separator: "\n").contains { $0.hasPrefix("S 1") }
      && !(getenv("TEXTKIT_MATCH_ABLATE").map { String(cString: $0).contains("silent") } ?? false)
    self.emission = emission
    self.hebrewLogP = hebrew
    self.latinLogP = latin
    self.firstLetters = masks
  }

  /// Tokens longer than this (Hebrew units or Latin letters) are no name's.
  static let maxTokenLength = 64

  /// Log-likelihood ratio log P(h, l) − log P(h) − log P(l) by the forward algorithm.
  ///
  /// - Parameters:
  ///   - units: Hebrew units as scored (``hmmUnits(_:)``).
  ///   - letters: Latin letters (1...26).
  ///   - codes: chunk codes of `letters`, `codes[j * 4 + k]` for the chunk of `k` letters ending at `j`.
  /// - Complexity: O(units × letters) time, O(letters) memory (no allocation for short names).
  func logLikelihoodRatio(units: [UInt8], letters: [UInt8], codes: [Int32]) -> Double {
    let m = units.count
    let n = letters.count
    if m == 0 || n == 0 { return -Double(m + n) * 3 }
    // No name token is this long (a run of letters without spaces, a URL): it scores as a
    // non-match at once instead of in time quadratic in its length.
    if m > Self.maxTokenLength || n > Self.maxTokenLength { return -Double(m + n) * 3 }
    let width = n + 1
    // Two rows of the table (row i needs only row i − 1 and itself): memory O(letters), so a
    // long token cannot take memory quadratic in its length.
    let forward: Double = withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * width) { rows in
      emission.withUnsafeBufferPointer { e in
        codes.withUnsafeBufferPointer { c in
          units.withUnsafeBufferPointer { h in
            let eps = Self.epsilonUnit * Self.chunkCodeCount
            var prevBase = 0, hereBase = width
            for i in 0...m {
              let rowBase = i > 0 ? Int(h[i - 1]) * Self.chunkCodeCount : 0
              for j in 0...n {
                var v: Double = (i == 0 && j == 0) ? 1 : 0
                if i > 0 {
                  let prev = prevBase + j
                  v += rows[prev] * e[rowBase]
                  if j >= 1 { v += rows[prev - 1] * e[rowBase + Int(c[j * 4 + 1])] }
                  if j >= 2 { v += rows[prev - 2] * e[rowBase + Int(c[j * 4 + 2])] }
                  if j >= 3 { v += rows[prev - 3] * e[rowBase + Int(c[j * 4 + 3])] }
                }
                if j > 1 && j < n {
                  let here = hereBase + j
                  v += rows[here - 1] * e[eps + Int(c[j * 4 + 1])]
                  if j >= 3 { v += rows[here - 2] * e[eps + Int(c[j * 4 + 2])] }
                }
                rows[hereBase + j] = v
              }
              swap(&prevBase, &hereBase)
            }
            // Row m is now at prevBase. Silent final letters: the last cell may also be reached
            // by a Latin-only chunk of 1–2 letters after the last Hebrew unit (the chunk keeps
            // one letter before it).
            let last = prevBase + n
            if hasSilentFinal && n >= 2 {
              let sil = Self.silentFinalUnit * Self.chunkCodeCount
              var v = rows[last] + rows[last - 1] * e[sil + Int(c[n * 4 + 1])]
              if n >= 3 { v += rows[last - 2] * e[sil + Int(c[n * 4 + 2])] }
              return v
            }
            return rows[last]
          }
        }
      }
    }
    var background = 0.0
    for u in units { background += hebrewLogP[Int(u)] }
    for l in letters { background += latinLogP[Int(l)] }
    if forward <= 0 { return -Double(m + n) * 3 }
    return log(forward) - background
  }

  /// The units the pair HMM scores: with ``collapsesDoubled`` the second letter of וו and
  /// יי is dropped (ktiv male doubles them to write one consonant: דייוויד David). Keep in
  /// sync with `hmm_units` in Scripts/train-matcher.
  func hmmUnits(_ units: [UInt8]) -> [UInt8] {
    guard collapsesDoubled else { return units }
    var out: [UInt8] = []
    out.reserveCapacity(units.count)
    for k in units.indices where !(k > 0 && units[k] == units[k - 1] && (units[k] == 5 || units[k] == 9)) {
      out.append(units[k])
    }
    return out
  }

  /// Chunk codes for a Latin token (see ``logLikelihoodRatio(units:letters:codes:)``).
  static func chunkCodes(_ letters: [UInt8]) -> [Int32] {
    let n = letters.count
    var codes = [Int32](repeating: 0, count: (n + 1) * 4)
    for j in 0...n {
      var code: Int32 = 0
      var mult: Int32 = 1
      // chunk of k letters ending at j: letters[j-k..<j], first letter lowest digit.
      for k in 1...3 where j - k >= 0 {
        code = 0
        mult = 1
        for t in (j - k)..<j {
          code += Int32(letters[t]) * mult
          mult *= 27
        }
        codes[j * 4 + k] = code
      }
    }
    return codes
  }
}

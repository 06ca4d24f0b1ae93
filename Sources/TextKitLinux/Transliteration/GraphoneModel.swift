/// The learned joint-sequence (graphone) n-gram model behind the `names` scheme.
///
/// A graphone pairs one or two Hebrew letter units (a letter, or a letter with geresh;
/// the doubled וו and יי) with 0–3 Latin letters. The model is a back-off n-gram over
/// graphone sequences, trained by `Scripts/train-translit` and stored in the compact
/// little-endian "TKGM" v1 file embedded in the library (format in that script; any order and
/// size loads). The decoder (`Sources/CICU/cicu_graphone.cpp`) is a position-synchronous beam
/// search that keeps hypotheses with the same n-gram state and the same output apart from
/// others and sums the probability of segmentations that spell the same output.
struct GraphoneModel: Sendable {
  let decoder: GraphoneDecoder

  /// How many graphones the decoder tries per Hebrew unit and per Latin chunk (the most
  /// probable ones: rare ones cost time and rarely win).
  static let perUnit = 64
  static let perLatinChunk = 32

  struct FormatError: Error, CustomStringConvertible {
    let description: String
  }

  /// Parses a model file.
  ///
  /// - Throws: `FormatError` when the bytes are not a version-1 TKGM model.
  init(bytes: [UInt8]) throws(FormatError) {
    decoder = try GraphoneDecoder(bytes: bytes, perUnit: GraphoneModel.perUnit, perLatinChunk: GraphoneModel.perLatinChunk)
  }

  /// Parses the model embedded in the library as `name` (no copy of the file), or nil if the
  /// library carries no such file.
  init?(embedded name: String) throws(FormatError) {
    guard let d = try GraphoneDecoder.embedded(named: name, perUnit: GraphoneModel.perUnit, perLatinChunk: GraphoneModel.perLatinChunk)
    else { return nil }
    decoder = d
  }

  /// The n-gram order.
  var order: Int { decoder.order }

  /// Decodes one token. `toLatin` reads Hebrew units and writes Latin; otherwise it reads
  /// Latin letters (a–z) and writes Hebrew units. Returns outputs (as graphone-side bytes)
  /// with log posteriors among the explored outputs, best first.
  func decode(_ input: [UInt8], toLatin: Bool, beam: Int, count: Int) -> [(output: ArraySlice<UInt8>, logPosterior: Float)] {
    var total: Float = 0
    return decoder.decode(input, toLatin: toLatin, beam: beam, count: count, logTotal: &total)
  }

  /// The best output of `input` and the log of the summed joint probability of the explored
  /// outputs (how likely the model finds `input` as a whole token; -infinity if nothing).
  func best(_ input: [UInt8], toLatin: Bool, beam: Int) -> (output: ArraySlice<UInt8>?, logTotal: Float) {
    var total: Float = 0
    let r = decoder.decode(input, toLatin: toLatin, beam: beam, count: 1, logTotal: &total)
    return (r.first?.output, total)
  }

  /// Log-probability of graphone `g` after `state` (following back-off) and the next state.
  func step(_ state: UInt32, _ g: Int32) -> (Float, UInt32) { decoder.step(state, UInt32(g)) }
}

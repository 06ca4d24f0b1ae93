import CICU

/// Owner of one parsed graphone model (`cicu_gmodel`, Sources/CICU/cicu_graphone.cpp), the
/// decoder of the `names` transliteration scheme.
///
/// It is `@unchecked Sendable` because the C model is immutable once opened and each decode
/// works in scratch space private to the calling thread; the handle is closed in `deinit`,
/// when no one else holds a reference.
final class GraphoneDecoder: @unchecked Sendable {
  private let handle: OpaquePointer

  /// Parses a TKGM v1 model; the C side copies what it keeps.
  ///
  /// - Throws: the reason as text when the bytes are not a valid model.
  init(bytes: UnsafeRawBufferPointer, perUnit: Int, perLatinChunk: Int) throws(GraphoneModel.FormatError) {
    handle = try GraphoneDecoder.open(bytes, perUnit: perUnit, perLatinChunk: perLatinChunk)
  }

  /// Parses a TKGM v1 model from an array.
  convenience init(bytes: [UInt8], perUnit: Int, perLatinChunk: Int) throws(GraphoneModel.FormatError) {
    let result = bytes.withUnsafeBytes { b in
      Result { () throws(GraphoneModel.FormatError) in
        try GraphoneDecoder.open(b, perUnit: perUnit, perLatinChunk: perLatinChunk)
      }
    }
    self.init(handle: try result.get())
  }

  private init(handle: OpaquePointer) { self.handle = handle }

  private static func open(_ bytes: UnsafeRawBufferPointer, perUnit: Int, perLatinChunk: Int) throws(GraphoneModel.FormatError) -> OpaquePointer {
    var error = CICU_GMODEL_OK
    let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
    guard
      let h = cicu_gmodel_open(base, Int64(bytes.count), Int32(clamping: perUnit), Int32(clamping: perLatinChunk), &error)
    else { throw GraphoneModel.FormatError(description: GraphoneDecoder.message(error)) }
    return h
  }

  /// Parses the model file embedded in the library as `name`, without copying the file.
  static func embedded(named name: String, perUnit: Int, perLatinChunk: Int) throws(GraphoneModel.FormatError) -> GraphoneDecoder? {
    guard let bytes = EmbeddedData.staticBytes(named: name) else { return nil }
    return try GraphoneDecoder(bytes: bytes, perUnit: perUnit, perLatinChunk: perLatinChunk)
  }

  deinit { cicu_gmodel_close(handle) }

  var order: Int { Int(cicu_gmodel_order(handle)) }
  var graphoneCount: Int { Int(cicu_gmodel_graphone_count(handle)) }

  static func message(_ e: cicu_gmodel_error) -> String {
    switch e {
    case CICU_GMODEL_NOT_TKGM: return "not a TKGM model"
    case CICU_GMODEL_BAD_VERSION: return "unsupported model version"
    case CICU_GMODEL_TRUNCATED: return "truncated model"
    case CICU_GMODEL_BAD_BACKOFF: return "bad back-off state"
    case CICU_GMODEL_BAD_ENTRY: return "bad entry"
    case CICU_GMODEL_BAD_START: return "bad start state"
    case CICU_GMODEL_BAD_GRAPHONE: return "bad graphone"
    case CICU_GMODEL_NO_MEMORY: return "out of memory"
    default: return "invalid model"
    }
  }

  /// Log-probability of graphone `g` after `state` and the next state (for tests).
  func step(_ state: UInt32, _ g: UInt32) -> (Float, UInt32) {
    var next: UInt32 = 0
    let lp = cicu_gmodel_step(handle, state, g, &next)
    return (lp, next)
  }

  /// Decodes one token: outputs (graphone-side bytes, slices of one array) with their log
  /// posteriors, best first.
  ///
  /// `logTotal` receives the log of the summed joint probability of the explored outputs
  /// (about the input's log-probability under the model), or -infinity.
  func decode(
    _ input: [UInt8], toLatin: Bool, beam: Int, count: Int, logTotal: inout Float
  ) -> [(output: ArraySlice<UInt8>, logPosterior: Float)] {
    logTotal = -.infinity
    guard !input.isEmpty, count > 0 else { return [] }
    var total: Float = -.infinity
    defer { logTotal = total }
    let n = Int32(clamping: input.count)
    let k = Int32(clamping: count)
    let bound = max(Int(cicu_gmodel_output_bound(handle, n, toLatin, k)), 1)
    var got: Int32 = 0
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: Int(k)) { lengths in
      withUnsafeTemporaryAllocation(of: Float.self, capacity: Int(k)) { scores in
        let bytes = [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
          got = input.withUnsafeBufferPointer { inp in
            cicu_gmodel_decode(
              handle, inp.baseAddress, n, toLatin, Int32(clamping: beam), k, out.baseAddress,
              Int64(out.count), lengths.baseAddress, scores.baseAddress, &total)
          }
          var used = 0
          for i in 0..<max(0, Int(got)) { used += Int(lengths[i]) }
          initialized = used
        }
        var result: [(output: ArraySlice<UInt8>, logPosterior: Float)] = []
        result.reserveCapacity(Int(max(0, got)))
        var offset = 0
        for i in 0..<max(0, Int(got)) {
          let len = Int(lengths[i])
          result.append((bytes[offset..<offset + len], scores[i]))
          offset += len
        }
        return result
      }
    }
  }
}

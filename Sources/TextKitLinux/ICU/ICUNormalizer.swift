import CICU

/// Borrowed handle on one of ICU's `Normalizer2` singletons (never closed: ICU owns it).
///
/// `@unchecked Sendable`: ICU documents Normalizer2 instances as immutable and thread-safe.
final class ICUNormalizer: @unchecked Sendable {
  private let handle: OpaquePointer

  private init(form: cicu_norm_form) throws(ICUError) {
    var status: cicu_status = 0
    let h = cicu_normalizer_get(form, &status)
    try status.check("Normalizer2::getInstance")
    guard let h else { throw ICUError(code: 1, function: "Normalizer2::getInstance") }
    handle = h
  }

  static let nfc = try? ICUNormalizer(form: CICU_NFC)
  static let nfd = try? ICUNormalizer(form: CICU_NFD)
  static let nfkc = try? ICUNormalizer(form: CICU_NFKC)
  static let nfkd = try? ICUNormalizer(form: CICU_NFKD)
  static let nfkcCasefold = try? ICUNormalizer(form: CICU_NFKC_CASEFOLD)

  static func instance(_ form: NormalizationForm) throws(ICUError) -> ICUNormalizer {
    let n: ICUNormalizer?
    switch form {
    case .nfc: n = nfc
    case .nfd: n = nfd
    case .nfkc: n = nfkc
    case .nfkd: n = nfkd
    case .nfkcCasefold: n = nfkcCasefold
    }
    guard let n else { throw ICUError(code: 1, function: "Normalizer2::getInstance") }
    return n
  }

  /// Length of the prefix of `bytes` that is already normalized (quick check "yes").
  ///
  /// The corresponding ICU function is `Normalizer2::isNormalizedUTF8`.
  func normalizedPrefixLength(_ bytes: [UInt8], range: Range<Int>) throws(ICUError) -> Int {
    if range.isEmpty { return 0 }
    var status: cicu_status = 0
    let n = bytes.withUnsafeBufferPointer {
      cicu_normalizer_span_yes_utf8(handle, $0.baseAddress! + range.lowerBound, Int64(range.count), &status)
    }
    try status.check("Normalizer2::isNormalizedUTF8")
    return Int(n)
  }

  /// Normalizes well-formed UTF-8 and appends the result to `output`.
  ///
  /// The corresponding ICU function is `Normalizer2::normalizeUTF8`.
  func normalizeUTF8(_ bytes: [UInt8], range: Range<Int>, appendingTo output: inout [UInt8])
    throws(ICUError)
  {
    if range.isEmpty { return }
    output.append(contentsOf: try normalizeUTF8(bytes, range: range))
  }

  /// Normalizes well-formed UTF-8 into a new buffer.
  ///
  /// The corresponding ICU function is `Normalizer2::normalizeUTF8`.
  func normalizeUTF8(_ bytes: [UInt8], range: Range<Int>) throws(ICUError) -> [UInt8] {
    if range.isEmpty { return [] }
    return try bytes.withUnsafeBufferPointer { all throws(ICUError) in
      let src = all.baseAddress! + range.lowerBound
      let n = range.count
      return try ICUBuffer.bytes(initialCapacity: n + n / 2 + 16, function: "Normalizer2::normalizeUTF8") {
        dest, capacity, status in
        Int(cicu_normalizer_normalize_utf8(handle, src, Int64(n), dest, Int64(capacity), &status))
      }
    }
  }

  /// Whether a chunk may be cut right before `scalar` without changing the normalization.
  ///
  /// The corresponding ICU function is `Normalizer2::hasBoundaryBefore`.
  func hasBoundaryBefore(_ scalar: Unicode.Scalar) -> Bool {
    cicu_normalizer_has_boundary_before(handle, Int32(bitPattern: scalar.value))
  }

  /// Normalizes a `String` through UTF-16 (short strings; conformance tests).
  func normalize(_ string: String) throws(ICUError) -> String {
    let units = Array(string.utf16)
    let out = try units.withUnsafeBufferPointer { src throws(ICUError) in
      try ICUBuffer.utf16(initialCapacity: units.count * 3 + 8, function: "Normalizer2::normalize") {
        dest, capacity, status in
        cicu_normalizer_normalize_utf16(handle, src.baseAddress, Int32(src.count), dest, capacity, &status)
      }
    }
    return String(decoding: out, as: UTF16.self)
  }
}

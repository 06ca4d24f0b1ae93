/// A Unicode normalization form, as defined by UAX #15 (plus ICU's NFKC_Casefold).
///
/// ```swift
/// try NormalizationForm.nfc.normalize("e\u{301}")           // "é"
/// try NormalizationForm.nfkcCasefold.normalize("ＡＢＣ")    // "abc"
/// ```
public enum NormalizationForm: String, Sendable, CaseIterable, Codable {
  /// Canonical composition (the default for corpora; W3C's recommendation for the web).
  case nfc
  /// Canonical decomposition.
  case nfd
  /// Compatibility composition: ligatures, full-width and presentation forms are folded.
  case nfkc
  /// Compatibility decomposition.
  case nfkd
  /// NFKC, then case folding and removal of default-ignorable characters (ICU `nfkc_cf`).
  case nfkcCasefold = "nfkc_cf"

  /// Normalizes a string to this form.
  ///
  /// - Throws: ``ICUError`` if ICU's data cannot be loaded.
  /// - Complexity: O(n); strings already in the form pass through ICU's quick check.
  public func normalize(_ string: String) throws(ICUError) -> String {
    var out: [UInt8] = []
    let bytes = Array(string.utf8)
    let normalizer = try ICUNormalizer.instance(self)
    let prefix = try normalizer.normalizedPrefixLength(bytes, range: bytes.indices)
    if prefix == bytes.count { return string }
    out.append(contentsOf: bytes[..<prefix])
    try normalizer.normalizeUTF8(bytes, range: prefix..<bytes.count, appendingTo: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `string` is already in this form.
  public func isNormalized(_ string: String) throws(ICUError) -> Bool {
    let bytes = Array(string.utf8)
    return try ICUNormalizer.instance(self).normalizedPrefixLength(bytes, range: bytes.indices) == bytes.count
  }
}

/// TextKitLinux: normalization, bidi segmentation, transliteration and cross-script name
/// matching for Hebrew, English and other scripts, over the system ICU.
public enum TextKitLinux {
  /// The toolkit's version.
  public static let version = "0.1.0"
  /// The linked ICU's version and its Unicode version, e.g. ("72.1", "15.0").
  public static var icuVersions: (icu: String, unicode: String) { UnicodeTables.versions }
}

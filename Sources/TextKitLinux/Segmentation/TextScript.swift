/// A Unicode script (ICU `UScriptCode`), such as Hebrew or Latin.
///
/// ```swift
/// TextScript.of("א") == .hebrew   // shortName "Hebr"
/// ```
public struct TextScript: Sendable, Hashable, CustomStringConvertible {
  /// ICU's `UScriptCode` (clamped to 255).
  public let code: UInt8

  /// Creates a script from ICU's code.
  public init(code: UInt8) { self.code = code }

  /// Common (punctuation, digits, spaces shared by scripts).
  public static let common = TextScript(code: 0)
  /// Inherited (combining marks that take their base's script).
  public static let inherited = TextScript(code: 1)
  /// Arabic.
  public static let arabic = TextScript(code: 2)
  /// Cyrillic.
  public static let cyrillic = TextScript(code: 8)
  /// Greek.
  public static let greek = TextScript(code: 14)
  /// Hebrew.
  public static let hebrew = TextScript(code: 19)
  /// Latin.
  public static let latin = TextScript(code: 25)

  /// ISO 15924 short name ("Hebr", "Latn", "Zyyy").
  public var shortName: String { Self.names[Int(code)] }

  private static let names: [String] = (0..<256).map { UnicodeTables.scriptShortName(UInt8($0)) }

  public var description: String { shortName }

  /// The script of a scalar.
  public static func of(_ scalar: Unicode.Scalar) -> TextScript {
    TextScript(code: SegmentTables.script[Int(scalar.value)])
  }

  /// The first script in `scalars` other than Common and Inherited, else Common.
  static func dominant(_ scalars: some Sequence<Unicode.Scalar>) -> TextScript {
    let table = SegmentTables.script
    for s in scalars {
      let c = table[Int(s.value)]
      if c > 1 { return TextScript(code: c) }
    }
    return .common
  }
}

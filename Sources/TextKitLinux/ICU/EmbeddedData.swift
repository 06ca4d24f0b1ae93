import CTextKitData

/// Run-time data compiled into the library (see `Data/Embedded/README.md`).
///
/// Nothing is read from disk, so a package that depends on TextKitLinux works anywhere.
public enum EmbeddedData {
  /// The bytes of the embedded file `name`, or `nil` if the library carries no such file.
  public static func bytes(named name: String) -> [UInt8]? {
    var size = 0
    guard let pointer = ctk_data_lookup(name, &size) else { return nil }
    return Array(UnsafeBufferPointer(start: pointer, count: size))
  }

  /// The embedded file `name` in place (static storage, never freed), or `nil`.
  static func staticBytes(named name: String) -> UnsafeRawBufferPointer? {
    var size = 0
    guard let pointer = ctk_data_lookup(name, &size) else { return nil }
    return UnsafeRawBufferPointer(start: pointer, count: size)
  }

  /// The mixed Hebrew/English sample the README's first command normalizes.
  public static var sampleText: String {
    String(decoding: bytes(named: "sample-bilingual.txt") ?? [], as: UTF8.self)
  }
}

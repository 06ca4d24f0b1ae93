/// Why an input could not be normalized: what, where (file, line, byte offset) and the bytes.
///
/// Its description is the CLI's error line, e.g.
/// `notes.txt:3:117: invalid UTF-8 (bytes C3 28)`.
public struct CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of failure; decides the exit code (65 for data, 74 for I/O).
  public struct Kind: Sendable, Hashable, CustomStringConvertible {
    let raw: String
    /// Ill-formed UTF-8 in the input.
    public static let invalidUTF8 = Kind(raw: "invalid UTF-8")
    /// Bytes the input's legacy encoding does not define.
    public static let invalidBytes = Kind(raw: "invalid bytes")
    /// A JSON line that does not parse, or lacks the field.
    public static let badJSON = Kind(raw: "bad JSON")
    /// Reading or writing failed.
    public static let io = Kind(raw: "I/O error")
    /// An unknown encoding name or another bad request.
    public static let usage = Kind(raw: "usage")
    /// ICU failed.
    public static let icu = Kind(raw: "ICU error")
    public var description: String { raw }
    /// Whether this is an error in the input data (as opposed to the system).
    public var isDataError: Bool { self == .invalidUTF8 || self == .invalidBytes || self == .badJSON }
  }

  /// What went wrong.
  public var kind: Kind
  /// The input's name (path, or `<stdin>`).
  public var file: String
  /// 1-based line of the input, when known.
  public var line: Int?
  /// 0-based byte offset in the input, when known.
  public var byteOffset: Int?
  /// The offending bytes (for encoding errors).
  public var bytes: [UInt8]
  /// Details.
  public var message: String

  /// Creates an error.
  public init(kind: Kind, file: String, line: Int? = nil, byteOffset: Int? = nil, bytes: [UInt8] = [], message: String = "") {
    self.kind = kind
    self.file = file
    self.line = line
    self.byteOffset = byteOffset
    self.bytes = bytes
    self.message = message
  }

  public var description: String {
    var where_ = file
    if let line { where_ += ":\(line)" }
    if let byteOffset { where_ += ":\(byteOffset)" }
    var what = kind.raw
    if !bytes.isEmpty { what += " (bytes \(bytes.map(Self.hex).joined(separator: " ")))" }
    if !message.isEmpty { what += bytes.isEmpty ? ": \(message)" : " \(message)" }
    return "\(where_): \(what)"
  }

  static func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
  }
}

extension CorpusError {
  init(_ error: SystemError) {
    self.init(kind: .io, file: error.path, message: "\(error.operation) failed: \(error.reason)")
  }
  init(_ error: ICUError, file: String) {
    self.init(kind: .icu, file: file, message: error.description)
  }
}

import CICU

/// An error reported by ICU: the ICU function that failed and ICU's name for the code.
///
/// ```swift
/// do { _ = try NormalizationForm.nfc.normalize("x") }
/// catch let error as ICUError { print(error) }  // "ucnv_open failed: U_FILE_ACCESS_ERROR"
/// ```
public struct ICUError: Error, Sendable, Hashable, CustomStringConvertible {
  /// ICU's numeric `UErrorCode`.
  public let code: Int32
  /// ICU's name for the code, such as `U_ILLEGAL_ARGUMENT_ERROR`.
  public let name: String
  /// The ICU (or CICU) function that reported it.
  public let function: String

  init(code: Int32, function: String) {
    self.code = code
    self.name = String(cString: cicu_error_name(code))
    self.function = function
  }

  public var description: String { "\(function) failed: \(name)" }
}

extension cicu_status {
  /// Throws ``ICUError`` for failure codes; warnings (negative codes) are success.
  func check(_ function: String) throws(ICUError) {
    if self > 0 { throw ICUError(code: self, function: function) }
  }
}

/// The one preflight-and-retry helper for ICU's fill-a-buffer APIs.
enum ICUBuffer {
  /// Calls `body` with a buffer of `initialCapacity` bytes; if ICU reports
  /// `U_BUFFER_OVERFLOW_ERROR`, retries once with the length it asked for.
  ///
  /// - Returns: the bytes ICU wrote.
  static func bytes(
    initialCapacity: Int, function: String,
    _ body: (UnsafeMutablePointer<UInt8>, Int, inout cicu_status) -> Int
  ) throws(ICUError) -> [UInt8] {
    var capacity = Swift.max(initialCapacity, 16)
    for attempt in 0..<2 {
      var status: cicu_status = 0
      var written = 0
      let result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        written = body(buffer.baseAddress!, capacity, &status)
        count = status > 0 ? 0 : written
      }
      if status == CICU_BUFFER_OVERFLOW_ERROR && attempt == 0 {
        capacity = written + 1
        continue
      }
      try status.check(function)
      return result
    }
    throw ICUError(code: CICU_BUFFER_OVERFLOW_ERROR, function: function)
  }

  /// UTF-16 flavour, used for short strings.
  static func utf16(
    initialCapacity: Int, function: String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout cicu_status) -> Int32
  ) throws(ICUError) -> [UInt16] {
    var capacity = Swift.max(initialCapacity, 16)
    for attempt in 0..<2 {
      var status: cicu_status = 0
      var written: Int32 = 0
      let result = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
        written = body(buffer.baseAddress!, Int32(capacity), &status)
        count = status > 0 ? 0 : Int(written)
      }
      if status == CICU_BUFFER_OVERFLOW_ERROR && attempt == 0 {
        capacity = Int(written) + 1
        continue
      }
      try status.check(function)
      return result
    }
    throw ICUError(code: CICU_BUFFER_OVERFLOW_ERROR, function: function)
  }
}

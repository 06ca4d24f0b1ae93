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
  /// Calls `body` with a buffer of `initialCapacity` units; if ICU reports
  /// `U_BUFFER_OVERFLOW_ERROR`, retries once with the length it asked for.
  ///
  /// - Returns: the units ICU wrote.
  static func fill<Unit: FixedWidthInteger>(
    _: Unit.Type = Unit.self, initialCapacity: Int, function: String,
    _ body: (UnsafeMutablePointer<Unit>, Int, inout cicu_status) -> Int
  ) throws(ICUError) -> [Unit] {
    var capacity = Swift.max(initialCapacity, 16)
    for attempt in 0..<2 {
      var status: cicu_status = 0
      var written = 0
      let result = [Unit](unsafeUninitializedCapacity: capacity) { buffer, count in
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

  /// For ICU calls that fill exactly `count` units (lengths known in advance, no preflight).
  static func exact<Unit: FixedWidthInteger>(
    _: Unit.Type = Unit.self, count: Int, function: String,
    _ body: (UnsafeMutablePointer<Unit>?, inout cicu_status) -> Void
  ) throws(ICUError) -> [Unit] {
    var status: cicu_status = 0
    let result = [Unit](unsafeUninitializedCapacity: count) { buffer, initialized in
      body(buffer.baseAddress, &status)
      initialized = status > 0 ? 0 : count
    }
    try status.check(function)
    return result
  }

  /// UTF-8 bytes.
  static func bytes(
    initialCapacity: Int, function: String,
    _ body: (UnsafeMutablePointer<UInt8>, Int, inout cicu_status) -> Int
  ) throws(ICUError) -> [UInt8] {
    try fill(UInt8.self, initialCapacity: initialCapacity, function: function, body)
  }

  /// UTF-16 code units, for ICU's `int32_t`-length APIs.
  static func utf16(
    initialCapacity: Int, function: String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout cicu_status) -> Int32
  ) throws(ICUError) -> [UInt16] {
    try fill(UInt16.self, initialCapacity: initialCapacity, function: function) { p, c, s in
      Int(body(p, Int32(c), &s))
    }
  }
}

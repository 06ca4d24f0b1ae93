import CICU
import Synchronization

/// Owner of one ICU `UBiDi` object and the UTF-16 text it analyses (ICU keeps a pointer to the
/// text, so the buffer lives exactly as long as this object). Not thread-safe: make one per use
/// (`ubidi_open` is a small allocation).
final class ICUBidi {
  private let handle: OpaquePointer
  private let text: UnsafeMutableBufferPointer<UInt16>

  /// Opens ICU's bidi object and analyses `utf16` at `level` (0, 1 or `CICU_BIDI_DEFAULT_*`).
  ///
  /// - Parameter inverse: treat `utf16` as visual order (ICU `UBIDI_REORDER_INVERSE_LIKE_DIRECT`).
  init(utf16: some Collection<UInt16>, level: UInt8, inverse: Bool = false) throws(ICUError) {
    var status: cicu_status = 0
    guard let h = cicu_bidi_open(&status) else {
      throw ICUError(code: status > 0 ? status : 7, function: "ubidi_open")
    }
    handle = h
    text = .allocate(capacity: Swift.max(utf16.count, 1))
    _ = text.initialize(from: utf16)
    if inverse { cicu_bidi_set_reordering_mode(handle, CICU_BIDI_REORDER_INVERSE_LIKE_DIRECT) }
    cicu_bidi_set_para(handle, text.baseAddress, Int32(utf16.count), level, &status)
    do { try status.check("ubidi_setPara") } catch {
      cicu_bidi_close(handle)
      text.deallocate()
      throw error
    }
  }

  deinit {
    cicu_bidi_close(handle)
    text.deallocate()
  }

  /// Resolved paragraph level of the first paragraph. The corresponding ICU function is
  /// `ubidi_getParaLevel`.
  var paragraphLevel: UInt8 { cicu_bidi_para_level(handle) }

  /// One embedding level per UTF-16 unit. The corresponding ICU function is `ubidi_getLevels`.
  func levels() throws(ICUError) -> [UInt8] {
    try ICUBuffer.exact(UInt8.self, count: Int(cicu_bidi_length(handle)), function: "ubidi_getLevels") {
      cicu_bidi_levels(handle, $0, &$1)
    }
  }

  /// `map[visual] = logical` UTF-16 index. The corresponding ICU function is
  /// `ubidi_getVisualMap`.
  func visualMap() throws(ICUError) -> [Int32] {
    try ICUBuffer.exact(Int32.self, count: Int(cicu_bidi_length(handle)), function: "ubidi_getVisualMap") {
      cicu_bidi_visual_map(handle, $0, &$1)
    }
  }

  /// The text in visual order. The corresponding ICU function is `ubidi_writeReordered`.
  func reordered(mirroring: Bool = true, removeControls: Bool = false, keepBaseCombining: Bool = false) throws(ICUError) -> String {
    var options: UInt16 = 0
    if mirroring { options |= CICU_BIDI_DO_MIRRORING }
    if keepBaseCombining { options |= CICU_BIDI_KEEP_BASE_COMBINING }
    if removeControls { options |= CICU_BIDI_REMOVE_BIDI_CONTROLS }
    let units = try ICUBuffer.utf16(
      initialCapacity: text.count + 8, function: "ubidi_writeReordered"
    ) { dest, capacity, status in
      cicu_bidi_write_reordered(handle, dest, capacity, options, &status)
    }
    return String(decoding: units, as: UTF16.self)
  }
}

/// Bulk per-code-point bidi tables (filled from ICU once, lazily).
enum BidiTables {
  /// `UCharDirection` of every code point.
  static var bidiClass: [UInt8] { SegmentTables.bidiClass }
  /// `UCharDirection` of every code point, one `u_charDirection` call each (the reference
  /// that tests compare ``SegmentTables/bidiClass`` with).
  static func bidiClassesPerCodePoint() -> [UInt8] { fill(cicu_fill_bidi_classes) }
  /// Bit 0 Bidi_Mirrored, bit 1 Bidi_Control.
  static let flags: [UInt8] = fill(cicu_fill_bidi_flags)

  private static func fill(_ f: (UnsafeMutablePointer<UInt8>?, Int32, Int32) -> Void) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: UnicodeTables.scalarCount) { buffer, count in
      f(buffer.baseAddress, 0, Int32(UnicodeTables.scalarCount))
      count = UnicodeTables.scalarCount
    }
  }
}

/// Owner of one ICU `UBiDi` object with its own UTF-16 buffer, reused across paragraphs of
/// UTF-8 text: ``BidiParagraph`` analyses a line with one call (conversion, `ubidi_setPara`
/// and per-scalar levels in C). Not thread-safe; ``ICUBidiAnalyzerPool`` lends each one to a
/// single caller at a time.
final class ICUBidiAnalyzer {
  private let handle: OpaquePointer

  /// The corresponding ICU function is `ubidi_open`.
  init() throws(ICUError) {
    var status: cicu_status = 0
    guard let h = cicu_bidi_utf8_open(&status) else {
      throw ICUError(code: status > 0 ? status : 7, function: "ubidi_open")
    }
    handle = h
  }

  deinit { cicu_bidi_utf8_close(handle) }

  /// Analyses well-formed UTF-8 `text` as one paragraph at `level` (0, 1 or
  /// `CICU_BIDI_DEFAULT_*`): the resolved paragraph level and one embedding level per Unicode
  /// scalar. The corresponding ICU functions are `ubidi_setPara` and `ubidi_getLevels`.
  func levels(utf8 text: UnsafeBufferPointer<UInt8>, level: UInt8) throws(ICUError)
    -> (paragraph: UInt8, levels: [UInt8])
  {
    var status: cicu_status = 0
    var paragraph: UInt8 = 0
    let levels = [UInt8](unsafeUninitializedCapacity: Swift.max(text.count, 1)) { buffer, count in
      count = Int(cicu_bidi_utf8_levels(handle, text.baseAddress, Int32(text.count), level,
                                        buffer.baseAddress, &paragraph, &status))
    }
    try status.check("ubidi_setPara")
    return (paragraph, levels)
  }
}

/// Idle ``ICUBidiAnalyzer``s behind a mutex, lent out one caller at a time.
enum ICUBidiAnalyzerPool {
  /// `@unchecked Sendable` wrapper: an analyzer in the pool is owned by nobody else.
  private struct Idle: @unchecked Sendable { var analyzer: ICUBidiAnalyzer }
  private static let idle = Mutex<[Idle]>([])

  static func with<R>(_ body: (ICUBidiAnalyzer) throws(ICUError) -> R) throws(ICUError) -> R {
    let borrowed = idle.withLock { $0.popLast()?.analyzer }
    let analyzer: ICUBidiAnalyzer
    if let borrowed { analyzer = borrowed } else { analyzer = try ICUBidiAnalyzer() }
    defer { idle.withLock { if $0.count < 8 { $0.append(Idle(analyzer: analyzer)) } } }
    return try body(analyzer)
  }
}

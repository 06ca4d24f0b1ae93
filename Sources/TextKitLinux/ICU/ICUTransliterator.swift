import CICU
import Synchronization

/// Owner of one ICU `UTransliterator`, opened once per ID and cached for the process.
///
/// `utrans_transUChars` is not thread-safe for one handle, so calls go through a `Mutex`.
/// It is `@unchecked Sendable` because the handle is only touched under that lock (or in
/// `deinit`, when no one else holds a reference).
final class ICUTransliterator: @unchecked Sendable {
  private let handle: Mutex<OpaquePointer>

  /// Opens the system transliterator `id`, or rules named `id` when `rules` is given.
  ///
  /// The corresponding ICU function is `utrans_openU`.
  private init(id: String, rules: String?) throws(ICUError) {
    let idUnits = Array(id.utf16)
    let ruleUnits = rules.map { Array($0.utf16) }
    var status: cicu_status = 0
    var line: Int32 = -1
    var offset: Int32 = -1
    let h: OpaquePointer? = idUnits.withUnsafeBufferPointer { idp in
      if let ruleUnits {
        return ruleUnits.withUnsafeBufferPointer { rp in
          cicu_translit_open(idp.baseAddress, Int32(idp.count), rp.baseAddress, Int32(rp.count), &line, &offset, &status)
        }
      }
      return cicu_translit_open(idp.baseAddress, Int32(idp.count), nil, 0, &line, &offset, &status)
    }
    try status.check("utrans_openU(\(id))")
    guard let h else { throw ICUError(code: 1, function: "utrans_openU(\(id))") }
    handle = Mutex(h)
  }

  deinit {
    handle.withLock { cicu_translit_close($0) }
  }

  private static let cache = Mutex<[String: ICUTransliterator]>([:])

  /// The cached transliterator for `id` (opening one costs milliseconds).
  static func instance(id: String, rules: String? = nil) throws(ICUError) -> ICUTransliterator {
    if let t = cache.withLock({ $0[id] }) { return t }
    let t = try ICUTransliterator(id: id, rules: rules)
    return cache.withLock { c in
      if let existing = c[id] { return existing }
      c[id] = t
      return t
    }
  }

  /// Transliterates `text` in one call.
  ///
  /// The corresponding ICU function is `utrans_transUChars`.
  func transliterate(_ text: String) throws(ICUError) -> String {
    let source = Array(text.utf16)
    if source.isEmpty { return "" }
    let out = try handle.withLock { (h: inout OpaquePointer) throws(ICUError) -> [UInt16] in
      let tr = h
      return try ICUBuffer.utf16(initialCapacity: source.count * 2 + 16, function: "utrans_transUChars") {
        dest, capacity, status in
        cicu_translit_utf16(tr, source, Int32(source.count), dest, capacity, &status)
      }
    }
    return String(decoding: out, as: UTF16.self)
  }
}

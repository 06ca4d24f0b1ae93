import CICU
import Synchronization

/// Owner of one ICU break iterator (`UBreakIterator` over a UTF-8 `UText`). Not thread-safe;
/// ``ICUBreakIteratorPool`` lends each one to a single caller at a time.
final class ICUBreakIterator {
  private let handle: OpaquePointer
  let type: cicu_break_type
  let locale: String

  /// Opens an iterator. The corresponding ICU function is `ubrk_open`.
  init(type: cicu_break_type, locale: String) throws(ICUError) {
    var status: cicu_status = 0
    let h = cicu_break_open(type, locale, &status)
    try status.check("ubrk_open")
    guard let h else { throw ICUError(code: 7, function: "ubrk_open") }
    handle = h
    self.type = type
    self.locale = locale
  }

  deinit { cicu_break_close(handle) }

  /// Calls `body` with chunks of (boundary byte offsets, rule statuses) over `text`, which
  /// must stay valid during the call (ICU does not copy it). The corresponding ICU functions
  /// are `ubrk_setUText`, `ubrk_next` and `ubrk_getRuleStatus`.
  func boundaries(
    _ text: UnsafeBufferPointer<UInt8>,
    _ body: (UnsafeBufferPointer<Int64>, UnsafeBufferPointer<Int32>) throws -> Void
  ) throws {
    var status: cicu_status = 0
    cicu_break_set_utf8(handle, text.baseAddress, Int64(text.count), &status)
    try status.check("ubrk_setUText")
    let capacity = 256
    try withUnsafeTemporaryAllocation(of: Int64.self, capacity: capacity) { offsets in
      try withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { statuses in
        while true {
          let n = Int(cicu_break_next_chunk(handle, offsets.baseAddress, statuses.baseAddress,
                                            Int32(capacity)))
          if n == 0 { break }
          try body(UnsafeBufferPointer(rebasing: offsets[0..<n]),
                   UnsafeBufferPointer(rebasing: statuses[0..<n]))
          if n < capacity { break }
        }
      }
    }
  }

  /// Benchmark peer: a raw `ubrk_next` loop in C over the same text (boundaries, word-like).
  static func rawCount(type: cicu_break_type, locale: String, _ text: UnsafeBufferPointer<UInt8>)
    throws(ICUError) -> (boundaries: Int, words: Int)
  {
    var status: cicu_status = 0
    var words: Int64 = 0
    let n = cicu_break_count_raw(type, locale, text.baseAddress, Int64(text.count), &words, &status)
    try status.check("ubrk_next")
    return (Int(n), Int(words))
  }
}

/// Iterators are costly to open (rule data load) and not thread-safe: keep idle ones per
/// (type, locale) behind a mutex and lend them out.
enum ICUBreakIteratorPool {
  private struct Key: Hashable {
    var type: UInt32
    var locale: String
  }
  /// `@unchecked Sendable` wrapper: an iterator in the pool is owned by nobody else.
  private struct Idle: @unchecked Sendable { var iterator: ICUBreakIterator }
  private static let idle = Mutex<[Key: [Idle]]>([:])

  static func with<R>(
    type: cicu_break_type, locale: String, _ body: (ICUBreakIterator) throws -> R
  ) throws -> R {
    let key = Key(type: type.rawValue, locale: locale)
    let borrowed = idle.withLock { $0[key]?.popLast()?.iterator }
    let iterator = try borrowed ?? ICUBreakIterator(type: type, locale: locale)
    defer {
      idle.withLock { pool in
        if pool[key, default: []].count < 8 { pool[key, default: []].append(Idle(iterator: iterator)) }
      }
    }
    return try body(iterator)
  }
}

/// Interns byte strings (surface forms) to dense ids in first-seen order.
///
/// The reconciler's memory is a vocabulary: every decision that depends only on a surface form
/// (is it a title, which entity does it link to) is made once per id, and mentions refer to
/// their surface by id. One byte arena and an open-addressing table of ids; no `String` per entry.
struct SurfaceTable: Sendable {
  private(set) var bytes: [UInt8] = []
  /// Entry `i` is `bytes[starts[i]..<starts[i + 1]]`.
  private(set) var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  private var slots: [Int32] = Array(repeating: -1, count: 1024)

  var count: Int { hashes.count }

  /// The id of `source[range]` (hashed as `hash`), adding it if new.
  mutating func intern(_ source: [UInt8], _ range: Range<Int>, hash: UInt64) -> Int {
    var s = Int(truncatingIfNeeded: hash) & (slots.count - 1)
    while true {
      let id = slots[s]
      if id < 0 { break }
      if hashes[Int(id)] == hash && equals(Int(id), source, range) { return Int(id) }
      s = (s + 1) & (slots.count - 1)
    }
    let id = hashes.count
    hashes.append(hash)
    bytes.append(contentsOf: source[range])
    starts.append(bytes.count)
    slots[s] = Int32(id)
    if hashes.count * 2 > slots.count { grow() }
    return id
  }

  /// The id of `source[range]` if interned.
  func find(_ source: [UInt8], _ range: Range<Int>, hash: UInt64) -> Int? {
    var s = Int(truncatingIfNeeded: hash) & (slots.count - 1)
    while true {
      let id = slots[s]
      if id < 0 { return nil }
      if hashes[Int(id)] == hash && equals(Int(id), source, range) { return Int(id) }
      s = (s + 1) & (slots.count - 1)
    }
  }

  /// Interns a string.
  mutating func intern(_ s: String) -> Int {
    let b = Array(s.utf8)
    return intern(b, 0..<b.count, hash: DocumentWords.hash(b, 0..<b.count))
  }

  private func equals(_ id: Int, _ source: [UInt8], _ range: Range<Int>) -> Bool {
    let a = starts[id]
    guard starts[id + 1] - a == range.count else { return false }
    var k = a
    for i in range {
      if bytes[k] != source[i] { return false }
      k += 1
    }
    return true
  }

  private mutating func grow() {
    var new = [Int32](repeating: -1, count: slots.count * 2)
    let mask = new.count - 1
    for (id, h) in hashes.enumerated() {
      var s = Int(truncatingIfNeeded: h) & mask
      while new[s] >= 0 { s = (s + 1) & mask }
      new[s] = Int32(id)
    }
    slots = new
  }

  /// The bytes of entry `id`.
  func entryBytes(_ id: Int) -> ArraySlice<UInt8> { bytes[starts[id]..<starts[id + 1]] }

  /// Entry `id` as a string.
  func string(_ id: Int) -> String { String(decoding: entryBytes(id), as: UTF8.self) }

  /// Bytes held (arena, offsets, hashes and slots), for the memory figures.
  var memoryBytes: Int { bytes.capacity + starts.capacity * 8 + hashes.capacity * 8 + slots.count * 4 }
}

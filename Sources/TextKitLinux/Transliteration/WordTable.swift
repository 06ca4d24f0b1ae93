import Synchronization

/// A cache of word results keyed by the word's UTF-8 bytes: an open-addressing table over
/// one byte pool, looked up straight from a slice of the text (no `String` per word).
struct WordTable {
  private struct Entry {
    var hash: UInt64
    var start: Int32
    var keyCount: Int32
    var valueCount: Int32
  }
  private var entries: [Entry] = []
  /// Entry index + 1 per slot, 0 when empty (power-of-two count).
  private var slots = [Int32](repeating: 0, count: 1 << 12)
  /// Key bytes followed by value bytes, entry after entry.
  private var pool: [UInt8] = []
  private let limit: Int
  private let poolLimit: Int

  init(limit: Int = 200_000, poolLimit: Int = 64 << 20) {
    self.limit = limit
    self.poolLimit = poolLimit
  }

  var count: Int { entries.count }

  /// FNV-1a over a byte range.
  @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for i in range { h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01B3 }
    return h
  }

  /// The entry of the word `bytes[range]`, or nil.
  @inline(__always) func find(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64) -> Int? {
    let mask = slots.count - 1
    var s = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while true {
      let e = Int(slots[s])
      if e == 0 { return nil }
      let entry = entries[e - 1]
      if entry.hash == hash && Int(entry.keyCount) == range.count {
        var p = Int(entry.start), same = true
        for i in range {
          if pool[p] != bytes[i] { same = false; break }
          p += 1
        }
        if same { return e - 1 }
      }
      s = (s + 1) & mask
    }
  }

  /// Appends the value of entry `e` to `out`.
  @inline(__always) func appendValue(_ e: Int, to out: inout [UInt8]) {
    let entry = entries[e]
    let a = Int(entry.start) + Int(entry.keyCount)
    out.append(contentsOf: pool[a..<a + Int(entry.valueCount)])
  }

  /// Adds the word `bytes[range]` with its value (the table empties itself when full).
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64, value: String.UTF8View) {
    if entries.count >= limit || pool.count >= poolLimit {
      entries.removeAll(keepingCapacity: true)
      pool.removeAll(keepingCapacity: true)
      for i in slots.indices { slots[i] = 0 }
    }
    if (entries.count + 1) * 2 > slots.count { grow() }
    let start = pool.count
    pool.append(contentsOf: bytes[range])
    pool.append(contentsOf: value)
    entries.append(Entry(hash: hash, start: Int32(start), keyCount: Int32(range.count), valueCount: Int32(pool.count - start - range.count)))
    place(entries.count - 1)
  }

  private mutating func place(_ e: Int) {
    let mask = slots.count - 1
    let hash = entries[e].hash
    var s = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while slots[s] != 0 { s = (s + 1) & mask }
    slots[s] = Int32(e + 1)
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    for e in entries.indices { place(e) }
  }
}

/// A ``WordTable`` shared by the calls of one transliterator. A call that finds it busy
/// (another thread) works with a table of its own instead of waiting.
final class SharedWordTable: Sendable {
  private let table = Mutex(WordTable())

  func withTable<R>(_ body: (inout WordTable) -> R) -> R {
    if let r = table.withLockIfAvailable({ t in body(&t) }) { return r }
    var own = WordTable(limit: 10_000)
    return body(&own)
  }
}

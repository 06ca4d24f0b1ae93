/// A set of 64-bit hashes (open addressing, linear probing): the word-evidence sets of the
/// reconciler, probed once or more per word, where `Set<UInt64>`'s seeded hashing would cost
/// more than the scanning itself. Keys are already well mixed (FNV-1a).
struct HashSet64: Sendable {
  private var slots: [UInt64]
  private(set) var count = 0

  init(capacity: Int = 64) {
    var n = 16
    while n < capacity * 2 { n <<= 1 }
    slots = [UInt64](repeating: 0, count: n)
  }

  init(_ keys: some Sequence<UInt64>) {
    let a = Array(keys)
    self.init(capacity: a.count)
    for k in a { insert(k) }
  }

  // 0 marks an empty slot; the key 0 is stored as 1 (a hash collision of no consequence).
  @inline(__always) private static func fix(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }
  @inline(__always) private func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k ^ (k >> 29)) &* 0xbf58_476d_1ce4_e5b9 >> 32) & (slots.count - 1) }

  func contains(_ key: UInt64) -> Bool {
    let k = Self.fix(key)
    var s = slot(k)
    while true {
      let v = slots[s]
      if v == k { return true }
      if v == 0 { return false }
      s = (s + 1) & (slots.count - 1)
    }
  }

  mutating func insert(_ key: UInt64) {
    let k = Self.fix(key)
    var s = slot(k)
    while true {
      let v = slots[s]
      if v == k { return }
      if v == 0 { break }
      s = (s + 1) & (slots.count - 1)
    }
    slots[s] = k
    count += 1
    if count * 2 > slots.count { grow() }
  }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    for k in old where k != 0 {
      var s = slot(k)
      while slots[s] != 0 { s = (s + 1) & (slots.count - 1) }
      slots[s] = k
    }
  }
}

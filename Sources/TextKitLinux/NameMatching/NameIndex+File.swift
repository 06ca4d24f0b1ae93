import FoundationEssentials

extension NameIndex {
  static let magic: [UInt8] = Array("TKLNIDX1".utf8)

  /// The index as bytes: signatures, types, ids and names (little-endian).
  ///
  /// Layout: magic `TKLNIDX1`, UInt64 count, count × UInt64 signature halves (two arrays),
  /// count × UInt8 signature sizes, count × UInt8 types, then ids and names each as
  /// (count + 1) × UInt32 offsets followed by their UTF-8 bytes.
  public func serialized() -> [UInt8] {
    var out = Self.magic
    func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    put(UInt64(count))
    for v in sigA { put(v) }
    for v in sigB { put(v) }
    out.append(contentsOf: sigCount)
    out.append(contentsOf: types)
    for strings in [ids, names] {
      var offset: UInt32 = 0
      put(offset)
      for s in strings { offset += UInt32(s.utf8.count); put(offset) }
      for s in strings { out.append(contentsOf: s.utf8) }
    }
    return out
  }

  /// Reads an index written by ``serialized()``.
  ///
  /// - Throws: ``NameIndex/Error`` if the bytes are not a complete index.
  public init(serialized bytes: [UInt8]) throws(Error) {
    self.init()
    let bad = Error(description: "not a TextKitLinux name index (or truncated)")
    guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else { throw bad }
    var pos = 8
    func read<T: FixedWidthInteger>(_: T.Type) -> T? {
      guard pos + MemoryLayout<T>.size <= bytes.count else { return nil }
      let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: pos, as: T.self) }
      pos += MemoryLayout<T>.size
      return T(littleEndian: v)
    }
    guard let n64 = read(UInt64.self), n64 < UInt64(bytes.count) else { throw bad }
    let n = Int(n64)
    guard bytes.count >= pos + n * 18 else { throw bad }
    sigA = bytes.withUnsafeBytes { raw in (0..<n).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: pos + $0 * 8, as: UInt64.self)) } }
    pos += n * 8
    sigB = bytes.withUnsafeBytes { raw in (0..<n).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: pos + $0 * 8, as: UInt64.self)) } }
    pos += n * 8
    sigCount = Array(bytes[pos..<pos + n])
    pos += n
    types = Array(bytes[pos..<pos + n])
    pos += n
    var lists: [[String]] = []
    for _ in 0..<2 {
      guard bytes.count >= pos + (n + 1) * 4 else { throw bad }
      let offsets: [Int] = bytes.withUnsafeBytes { raw in
        (0...n).map { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: pos + $0 * 4, as: UInt32.self))) }
      }
      pos += (n + 1) * 4
      // Offsets start at 0 and never go down (a damaged file must not slice out of range).
      guard offsets.first == 0, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
        let total = offsets.last, bytes.count >= pos + total
      else { throw bad }
      var list: [String] = []
      list.reserveCapacity(n)
      bytes.withUnsafeBufferPointer { buffer in
        for k in 0..<n {
          let a = offsets[k]
          list.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[(pos + a)..<(pos + offsets[k + 1])]), as: UTF8.self))
        }
      }
      pos += total
      lists.append(list)
    }
    guard pos == bytes.count else { throw bad }  // nothing after the names
    ids = lists[0]
    names = lists[1]
  }

  /// Writes the index to `path` atomically: a temporary file beside it, renamed over it
  /// (a failed write leaves an existing index intact; a symbolic link is written through).
  public func save(to path: String) throws(Error) {
    let bytes = serialized()
    do {
      let writer = try AtomicFileWriter(destination: path, modeFrom: nil)
      try writer.file.write(bytes)
      try writer.commit()
    } catch {
      throw Error(description: "cannot write \(path): \(error)")
    }
  }

  /// Loads an index saved by ``save(to:)``.
  public init(contentsOf path: String) throws(Error) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Error(description: "cannot read \(path)")
    }
    try self.init(serialized: [UInt8](data))
  }
}

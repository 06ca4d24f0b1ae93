import CICU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A read-only memory mapping of a window of a regular file, unmapped in `deinit`.
///
/// The normalizer scans a large UTF-8 file through a sliding window instead of `read(2)`: the
/// bytes are checked in the page cache itself and unchanged lines go from there straight to
/// `write(2)`, one kernel copy instead of two. Only a window is mapped at a time, so the
/// resident set stays small whatever the file size. Mapped bytes are touched only by CICU's
/// SIGBUS-guarded functions or by the kernel, so a file truncated by another process while we
/// read it gives ``Vanished`` (reported as an I/O error), never a crash.
final class MappedFileWindow {
  /// The mapped bytes were cut off under us (the file shrank while mapped).
  struct Vanished: Error {}

  /// File offset of the first mapped byte (a multiple of the page size).
  let offset: Int
  /// Mapped bytes.
  let count: Int
  private let base: UnsafeMutableRawPointer

  static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Maps `count` bytes of `file` from `offset` (rounded down to a page by the caller).
  init(file: SystemFile, offset: Int, count: Int) throws(SystemError) {
    precondition(offset % Self.pageSize == 0 && count > 0)
    let p = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.fd, off_t(offset))
    guard let p, p != MAP_FAILED else { throw SystemError(errno: errno, operation: "mmap", path: file.path) }
    self.base = p
    self.offset = offset
    self.count = count
  }

  deinit { munmap(base, count) }

  private func bytes(at i: Int) -> UnsafePointer<UInt8> {
    UnsafePointer(base.assumingMemoryBound(to: UInt8.self) + i)
  }

  /// ``ByteScanning/scanUTF8(_:allowTruncatedTail:trackNFC:)`` of the window's `range`
  /// (offsets in the result are from `range.lowerBound`).
  func scanUTF8(_ range: Range<Int>, allowTruncatedTail: Bool, trackNFC: Bool) throws(Vanished) -> ByteScanning.UTF8Scan {
    var r = cicu_utf8_scan_result()
    guard cicu_mapped_utf8_scan(bytes(at: range.lowerBound), Int64(range.count), allowTruncatedTail, trackNFC, &r)
    else { throw Vanished() }
    return ByteScanning.UTF8Scan(r, trackNFC: trackNFC)
  }

  /// A copy of the window's `range`.
  func copy(_ range: Range<Int>) throws(Vanished) -> [UInt8] {
    var ok = true
    let out = [UInt8](unsafeUninitializedCapacity: range.count) { p, initialized in
      ok = cicu_mapped_copy(p.baseAddress!, bytes(at: range.lowerBound), Int64(range.count))
      initialized = ok ? range.count : 0
    }
    if !ok { throw Vanished() }
    return out
  }

  /// Writes the window's `range` to `file`; false when the kernel found the pages gone (EFAULT).
  func write(_ range: Range<Int>, to file: SystemFile) throws(SystemError) -> Bool {
    var off = range.lowerBound
    while off < range.upperBound {
      let w = Glibc.write(file.fd, bytes(at: off), range.upperBound - off)
      if w < 0 && errno == EINTR { continue }
      if w < 0 && errno == EFAULT { return false }
      if w <= 0 { throw SystemError(errno: w < 0 ? errno : EIO, operation: "write", path: file.path) }
      off += w
    }
    return true
  }
}

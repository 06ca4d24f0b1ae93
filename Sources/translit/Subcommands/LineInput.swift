import TextKitLinux

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the inputs of `segment` and `bidi` through the library's ``CorpusLineReader`` (the
/// decoding, error messages and exit codes of `translit normalize`).
enum LineInput {
  /// Calls `body(displayName, chunk)` for the decoded text of each input ("-" or no input:
  /// standard input), whole lines at a time. Returns the exit code: 0; 1 (some inputs failed,
  /// the rest were done); 64 (unknown encoding); 65 (bad data); 74 (I/O).
  static func run(
    _ inputs: [String], options: InputOptions?,
    _ body: (String, CorpusLineReader.Chunk) throws -> Void
  ) -> Int32 {
    var reader = CorpusLineReader()
    if let options {
      reader.encoding = options.encodingChoice
      reader.onInvalid = options.onInvalid.policy
    }
    let names = inputs.isEmpty ? ["-"] : inputs
    var failures: [CorpusError] = []
    var succeeded = 0
    for name in names {
      let display = name == "-" ? "<stdin>" : name
      do {
        let report = try reader.forEachChunk(of: name) { chunk in try body(display, chunk) }
        succeeded += 1
        Output.flush()
        if options?.verbose == true {
          writeError("\(report.input): encoding \(report.encoding.encoding) (\(report.encoding.reason))\n")
        }
        if report.replacements > 0 {
          writeError("translit: \(report.input): replaced \(report.replacements) invalid sequence(s) with U+FFFD\n")
        }
      } catch {
        Output.flush()
        let failure = error as? CorpusError
          ?? CorpusError(kind: .icu, file: display, message: "\(error)")
        writeError("translit: \(failure)\n")
        failures.append(failure)
      }
    }
    Output.flush()
    if Output.shared.failure.pointee != 0 {
      // Output that could not be written is an I/O error, as in `normalize`.
      writeError("translit: <stdout>: I/O error: write failed: \(String(cString: strerror(Output.shared.failure.pointee)))\n")
      return 74
    }
    return ExitCodes.forFailures(failures, succeeded: succeeded)
  }
}

/// Raw writes into reserved output space (see ``OutputBuffer/reserve(_:)``).
enum RawWrite {
  /// Decimal digits of a non-negative integer; returns the pointer after them.
  @inline(__always)
  static func int(_ p: UnsafeMutablePointer<UInt8>, _ value: Int) -> UnsafeMutablePointer<UInt8> {
    var n = value
    var count = 1
    var t = n / 10
    while t > 0 {
      t /= 10
      count += 1
    }
    var q = p + count - 1
    repeat {
      q.pointee = UInt8(truncatingIfNeeded: 0x30 + n % 10)
      n /= 10
      q -= 1
    } while n > 0
    return p + count
  }

  /// Copies `bytes`; returns the pointer after them.
  @inline(__always)
  static func bytes(_ p: UnsafeMutablePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    let n = bytes.count
    guard let src = bytes.baseAddress else { return p }
    if n <= 16 {
      for i in 0..<n { p[i] = src[i] }
    } else {
      p.update(from: src, count: n)
    }
    return p + n
  }

  /// Copies 16 bytes (unaligned), whatever is meant to be used of them.
  @inline(__always)
  static func copy16(_ p: UnsafeMutablePointer<UInt8>, _ src: UnsafePointer<UInt8>) {
    let from = UnsafeRawPointer(src), to = UnsafeMutableRawPointer(p)
    to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
    to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
  }

  /// Copies `count` bytes from `src`, 16 at a time; `readable` bytes may be read from `src`
  /// and `count` rounded up to 16 may be written at `p`. Returns the pointer after the copy.
  @inline(__always)
  static func copy(_ p: UnsafeMutablePointer<UInt8>, _ src: UnsafePointer<UInt8>, count: Int, readable: Int)
    -> UnsafeMutablePointer<UInt8>
  {
    var i = 0
    while i + 16 <= readable && i < count {
      copy16(p + i, src + i)
      i += 16
    }
    while i < count {
      p[i] = src[i]
      i += 1
    }
    return p + count
  }

  @inline(__always)
  static func string(_ p: UnsafeMutablePointer<UInt8>, _ s: StaticString) -> UnsafeMutablePointer<UInt8> {
    bytes(p, UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
  }

  @inline(__always)
  static func byte(_ p: UnsafeMutablePointer<UInt8>, _ b: UInt8) -> UnsafeMutablePointer<UInt8> {
    p.pointee = b
    return p + 1
  }
}

/// The decimal digits of a number that mostly grows by small steps (byte offsets of
/// consecutive segments): adding the step to the digits is cheaper than formatting anew.
final class DecimalCounter {
  // Used by one thread only. Digits are right-aligned in `digits[first..<24]`.
  private let digits: UnsafeMutablePointer<UInt8> = .allocate(capacity: 48)
  private var first = 23
  private var value = 0

  init() {
    digits.initialize(repeating: 0x30, count: 48)
  }

  deinit { digits.deallocate() }

  /// Writes the digits of `v` (non-negative); returns the pointer after them. May write up
  /// to 16 bytes at `p` whatever the length (the caller reserved them).
  @inline(__always)
  func write(_ p: UnsafeMutablePointer<UInt8>, _ v: Int) -> UnsafeMutablePointer<UInt8> {
    // Locals: stores through `p` might alias this object's fields, so the loops would
    // reload them otherwise.
    let d = digits
    if v != value {
      let f = set(v)
      // Just written byte by byte: copy them the same way (a wide load of fresh byte stores
      // stalls on store forwarding).
      let n = 24 - f
      for i in 0..<n { p[i] = d[f + i] }
      return p + n
    }
    let f = first
    let n = 24 - f
    // `digits` has 48 bytes, so 16 from `first` (at most 23) are readable.
    RawWrite.copy16(p, d + f)
    if n > 16 { for i in 16..<n { p[i] = d[f + i] } }
    return p + n
  }

  /// Makes the digits those of `v`; returns the index of the first.
  @inline(__always) private func set(_ v: Int) -> Int {
    let d = digits
    var f = first
    var delta = v - value
    if delta > 0 && delta < 1_000_000 {
      var i = 23
      var carry = 0
      while delta > 0 || carry > 0 {
        let x = Int(d[i] &- 0x30) + delta % 10 + carry
        delta /= 10
        carry = x >= 10 ? 1 : 0
        d[i] = UInt8(truncatingIfNeeded: 0x30 + (x >= 10 ? x - 10 : x))
        i -= 1
      }
      if i + 1 < f { f = i + 1 }
    } else {
      d.update(repeating: 0x30, count: 24)
      var n = v
      var i = 23
      repeat {
        d[i] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
        n /= 10
        i -= 1
      } while n > 0
      f = i + 1
    }
    first = f
    value = v
    return f
  }
}

/// Buffered standard output (print() per segment is too slow for the benchmark figures).
/// Only `let` pointers inside: no exclusivity bookkeeping per byte. Hot loops take
/// `Output.shared` once and call the instance methods.
final class OutputBuffer: @unchecked Sendable {
  // @unchecked Sendable: the CLI writes from one thread only.
  let capacity = 1 << 16
  let storage: UnsafeMutablePointer<UInt8>
  let fill: UnsafeMutablePointer<Int>
  /// The `errno` of the first write that failed (0: none); later output is dropped.
  let failure: UnsafeMutablePointer<Int32>

  init() {
    storage = .allocate(capacity: capacity)
    fill = .allocate(capacity: 1)
    fill.initialize(to: 0)
    failure = .allocate(capacity: 1)
    failure.initialize(to: 0)
  }

  @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    if fill.pointee + n > capacity {
      flush()
      if n > capacity {
        if failure.pointee == 0 { failure.pointee = writeAll(1, bytes) }
        return
      }
    }
    if n > 0 { (storage + fill.pointee).update(from: bytes.baseAddress!, count: n) }
    fill.pointee += n
  }

  @inline(__always) func append(byte: UInt8) {
    if fill.pointee >= capacity { flush() }
    storage[fill.pointee] = byte
    fill.pointee += 1
  }

  @inline(__always) func append(_ s: StaticString) {
    append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
  }

  func append(_ s: String) {
    var s = s
    s.withUTF8 { append($0) }
  }

  /// Decimal digits of a non-negative integer.
  @inline(__always) func append(int value: Int) {
    if fill.pointee + 24 > capacity { flush() }
    var n = value
    var count = 1
    var t = n / 10
    while t > 0 { t /= 10; count += 1 }
    var q = fill.pointee + count - 1
    repeat {
      storage[q] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
      n /= 10
      q -= 1
    } while n > 0
    fill.pointee += count
  }

  /// Room for `count` bytes (at most `capacity`) at the end of the buffer, flushing first if
  /// needed; write them through the pointer, then ``commit(_:)`` how many were written.
  @inline(__always) func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
    if fill.pointee + count > capacity { flush() }
    return storage + fill.pointee
  }

  /// Counts `count` bytes written through the pointer from ``reserve(_:)``.
  @inline(__always) func commit(_ count: Int) { fill.pointee += count }

  @inline(__always) func endRecord() {
    if fill.pointee >= capacity - 4096 { flush() }
  }

  func flush() {
    guard fill.pointee > 0 else { return }
    if failure.pointee == 0 { failure.pointee = writeAll(1, UnsafeBufferPointer(start: storage, count: fill.pointee)) }
    fill.pointee = 0
  }
}

/// The process's standard output buffer.
enum Output {
  static let shared = OutputBuffer()
  static func write(_ s: String) {
    shared.append(s)
    shared.endRecord()
  }
  static func flush() { shared.flush() }
}

extension OutputBuffer {
  /// The bytes of a JSON string literal (quotes included) for UTF-8 `bytes`.
  @inline(__always) func appendJSON(_ bytes: UnsafeBufferPointer<UInt8>) {
    append(byte: 0x22)
    var plain = 0
    for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
      append(UnsafeBufferPointer(rebasing: bytes[plain..<i]))
      switch b {
      case 0x22: append("\\\"" as StaticString)
      case 0x5C: append("\\\\" as StaticString)
      case 0x0A: append("\\n" as StaticString)
      case 0x0D: append("\\r" as StaticString)
      case 0x09: append("\\t" as StaticString)
      default:
        let hex: StaticString = "0123456789abcdef"
        append("\\u00" as StaticString)
        append(byte: hex.utf8Start[Int(b >> 4)])
        append(byte: hex.utf8Start[Int(b & 15)])
      }
      plain = i + 1
    }
    append(UnsafeBufferPointer(rebasing: bytes[plain...]))
    append(byte: 0x22)
  }
}

/// JSON string literal for output.
func jsonString(_ s: String) -> String {
  var out = "\""
  for u in s.unicodeScalars {
    switch u {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if u.value < 0x20 {
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(u)
      }
    }
  }
  return out + "\""
}

/// Writes all of `bytes` to a file descriptor (retrying short writes); the `errno` of a
/// failed write, or 0.
@discardableResult
func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
  var offset = 0
  while offset < bytes.count {
    let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
    if n < 0 {
      if errno == EINTR { continue }
      return errno
    }
    offset += n
  }
  return 0
}

/// Writes a message to standard error.
func writeError(_ message: String) {
  var m = message
  m.withUTF8 { writeAll(2, $0) }
}

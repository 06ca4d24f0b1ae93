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
          writeError("\(report.input): replaced \(report.replacements) invalid sequence(s) with U+FFFD\n")
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
    return ExitCodes.forFailures(failures, succeeded: succeeded)
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

  init() {
    storage = .allocate(capacity: capacity)
    fill = .allocate(capacity: 1)
    fill.initialize(to: 0)
  }

  @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    if fill.pointee + n > capacity {
      flush()
      if n > capacity {
        writeAll(1, bytes)
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

  @inline(__always) func endRecord() {
    if fill.pointee >= capacity - 4096 { flush() }
  }

  func flush() {
    guard fill.pointee > 0 else { return }
    writeAll(1, UnsafeBufferPointer(start: storage, count: fill.pointee))
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

/// Writes all of `bytes` to a file descriptor (retrying short writes).
func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
  var offset = 0
  while offset < bytes.count {
    let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
    if n < 0 {
      if errno == EINTR { continue }
      return
    }
    offset += n
  }
}

/// Writes a message to standard error.
func writeError(_ message: String) {
  var m = message
  m.withUTF8 { writeAll(2, $0) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads UTF-8 lines from files or standard input in 1 MiB chunks, and writes buffered output.
/// Shared by `segment` and `bidi`: same exit codes as the rest of the tool.
struct LineInput {
  /// Why an input failed.
  struct Failure: Error, CustomStringConvertible {
    var description: String
    var isData: Bool
  }

  /// Calls `body(name, lineNumber, lineByteOffset, lineBytes)` for every line (without its `\n` or `\r\n`) of
  /// each input ("-" or no input: standard input). Returns the exit code: 0, 1 (some inputs
  /// failed), 65 (all failed on bad data), 74 (all failed on I/O).
  static func run(
    _ inputs: [String], _ body: (String, Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void
  ) -> Int32 {
    let names = inputs.isEmpty ? ["-"] : inputs
    var failures: [Failure] = []
    for name in names {
      do {
        try forEachLine(name, body)
      } catch let f as Failure {
        Output.flush()
        writeError("translit: \(f.description)\n")
        failures.append(f)
      } catch {
        Output.flush()
        writeError("translit: \(name): \(error)\n")
        failures.append(Failure(description: "\(error)", isData: true))
      }
    }
    Output.flush()
    if failures.isEmpty { return 0 }
    if failures.count < names.count { return 1 }
    return failures.allSatisfy(\.isData) ? 65 : (failures.allSatisfy { !$0.isData } ? 74 : 1)
  }

  private static func forEachLine(
    _ name: String, _ body: (String, Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws {
    let displayName = name == "-" ? "<stdin>" : name
    let fd: Int32
    if name == "-" {
      fd = 0
    } else {
      fd = open(name, O_RDONLY)
      guard fd >= 0 else {
        throw Failure(description: "\(name): \(String(cString: strerror(errno)))", isData: false)
      }
    }
    defer { if fd != 0 { close(fd) } }
    let chunk = 1 << 20
    var buffer = [UInt8](repeating: 0, count: chunk)
    var pending: [UInt8] = []
    var lineNumber = 0
    var offset = 0
    func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
      lineNumber += 1
      let lineOffset = offset
      offset += line.count + 1
      var line = line
      if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
      if let bad = firstInvalidUTF8(line) {
        throw Failure(description: "\(displayName):\(lineNumber): invalid UTF-8 at byte \(bad)",
                      isData: true)
      }
      try body(displayName, lineNumber, lineOffset, line)
    }
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(description: "\(displayName): \(String(cString: strerror(errno)))",
                      isData: false)
      }
      if n == 0 { break }
      try buffer.withUnsafeBufferPointer { all in
        let data = UnsafeBufferPointer(rebasing: all[0..<n])
        var start = 0
        while let nl = data[start...].firstIndex(of: 0x0A) {
          if pending.isEmpty {
            try emit(UnsafeBufferPointer(rebasing: data[start..<nl]))
          } else {
            pending.append(contentsOf: data[start..<nl])
            try pending.withUnsafeBufferPointer { try emit($0) }
            pending.removeAll(keepingCapacity: true)
          }
          start = nl + 1
        }
        pending.append(contentsOf: data[start...])
      }
    }
    if !pending.isEmpty { try pending.withUnsafeBufferPointer { try emit($0) } }
  }

  /// Offset of the first ill-formed UTF-8 byte, or nil.
  static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    if !bytes.contains(where: { $0 >= 0x80 }) { return nil }
    var it = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &it) {
      case .valid(let s): offset += s.count
      case .emptyInput: return nil
      case .error(let length): _ = length; return offset
      }
    }
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

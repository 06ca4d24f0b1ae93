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
enum Output {
  nonisolated(unsafe) private static var buffer: [UInt8] = {
    var b = [UInt8]()
    b.reserveCapacity(1 << 17)
    return b
  }()

  static func write(_ s: String) {
    var s = s
    s.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= 1 << 16 { flush() }
  }

  static func write(bytes: UnsafeBufferPointer<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Appends without a flush check (call ``endRecord()`` after a record).
  @inline(__always) static func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  @inline(__always) static func append(byte: UInt8) { buffer.append(byte) }

  static func append(_ s: StaticString) {
    s.withUTF8Buffer { buffer.append(contentsOf: $0) }
  }

  static func append(_ s: String) {
    var s = s
    s.withUTF8 { buffer.append(contentsOf: $0) }
  }

  /// Decimal digits of a non-negative integer.
  static func append(int value: Int) {
    if value < 10 {
      buffer.append(UInt8(0x30 + value))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = value
    var count = 0
    withUnsafeMutableBytes(of: &digits) { d in
      while n > 0 {
        d[19 - count] = UInt8(0x30 + n % 10)
        n /= 10
        count += 1
      }
      buffer.append(contentsOf: d[(20 - count)...])
    }
  }

  static func endRecord() {
    if buffer.count >= 1 << 16 { flush() }
  }

  static func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBufferPointer { writeAll(1, $0) }
    buffer.removeAll(keepingCapacity: true)
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

#if canImport(Glibc)
import Glibc
#endif

/// Reads a pinned file under Data/Unicode/ (path found from this source file's location).
enum UnicodeTestFile {
  static func lines(_ name: String, filePath: String = #filePath) -> [Substring] {
    var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)  // Tests/TextKitLinuxTests/<Area>/<file>
    let path = parts.joined(separator: "/") + "/Data/Unicode/" + name
    guard let file = fopen(path, "rb") else { return [] }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 16, file) }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
  }
}

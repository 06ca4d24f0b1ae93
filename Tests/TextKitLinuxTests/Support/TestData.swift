import Testing

/// Locates the repository's `Data/` folder from this file's path.
enum TestData {
  static let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    // …/Tests/TextKitLinuxTests/Support/TestData.swift → repository root
    parts.removeLast(4)
    return parts.joined(separator: "/")
  }()

  static func path(_ relative: String) -> String { "\(root)/Data/\(relative)" }
}

/// A line of a Unicode test file, kept with its line number so failures name `file:line`.
struct UCDLine: CustomTestStringConvertible, Sendable {
  var file: String
  var number: Int
  var fields: [String]
  var testDescription: String { "\(file):\(number)" }
}

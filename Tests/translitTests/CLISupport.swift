import Foundation
import Testing

/// Runs the built `translit` binary (it sits beside the test bundle in the build folder).
enum CLI {
  static let binary: String = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    // swift-testing runs from <build>/debug/<Package>PackageTests.xctest
    if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("translit").path) {
      dir = dir.deletingLastPathComponent()
    }
    return dir.appendingPathComponent("translit").path
  }()

  struct Result {
    var status: Int32
    var stdout: Data
    var stderr: String
    var out: String { String(decoding: stdout, as: UTF8.self) }
  }

  static func run(_ args: [String], stdin: Data? = nil, stdoutPath: String? = nil) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    if let stdoutPath {
      if !FileManager.default.fileExists(atPath: stdoutPath) {
        FileManager.default.createFile(atPath: stdoutPath, contents: nil)
      }
      p.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
    } else {
      p.standardOutput = outPipe
    }
    p.standardError = errPipe
    p.standardInput = inPipe
    try p.run()
    if let stdin { inPipe.fileHandleForWriting.write(stdin) }
    try inPipe.fileHandleForWriting.close()
    let out = stdoutPath == nil ? outPipe.fileHandleForReading.readDataToEndOfFile() : Data()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(status: p.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self))
  }

  static func tempDir() throws -> String {
    let d = NSTemporaryDirectory() + "translit-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
  }

  static func write(_ path: String, _ bytes: [UInt8]) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
}

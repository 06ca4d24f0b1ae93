import ArgumentParser
import FoundationEssentials
import TextKitLinux

#if canImport(Glibc)
  import Glibc
#endif

/// Decoding options shared by every subcommand that reads text.
struct InputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Input encoding: utf-8, utf-16le, utf-16be, windows-1255, iso-8859-8, iso-8859-8-i, iso-8859-8-e, cp862, any ICU converter name, or auto (BOM, then valid UTF-8, then Hebrew windows-1255 or cp862 or Russian windows-1251 by the shape of their words, then ICU detection).",
      valueName: "E"))
  var encoding: String = "utf-8"

  @Option(name: .long, help: "Invalid input bytes: error (stop that input, write nothing for it) or replace (U+FFFD, counted).")
  var onInvalid: InvalidChoice = .error

  @Flag(name: .long, help: "Report on stderr which encoding was chosen for each input and why.")
  var verbose = false

  enum InvalidChoice: String, ExpressibleByArgument, CaseIterable {
    case error, replace
    var policy: CorpusNormalizer.InvalidInputPolicy { self == .error ? .error : .replace }
  }

  var encodingChoice: EncodingChoice {
    encoding.lowercased() == "auto" ? .auto : .fixed(TextEncoding(name: encoding))
  }
}

/// Exit codes documented in `translit --help`.
enum ExitCodes {
  static let someFailed: Int32 = 1
  static let usage: Int32 = 64
  static let dataError: Int32 = 65
  static let ioError: Int32 = 74

  /// 1 if some inputs failed and others were done; otherwise 65 or 74 by the kind of failure.
  static func forFailures(_ failures: [CorpusError], succeeded: Int) -> Int32 {
    if failures.isEmpty { return 0 }
    if succeeded > 0 { return someFailed }
    if failures.contains(where: { $0.kind == .usage }) { return usage }
    return failures.allSatisfy { $0.kind.isDataError } ? dataError : ioError
  }
}

/// Why `path` cannot be read, for an error message: a directory, or the system's reason.
func unreadableReason(_ path: String) -> String {
  var isDirectory = false
  if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
    return String(cString: strerror(EISDIR))
  }
  if access(path, R_OK) != 0 { return String(cString: strerror(errno)) }
  return "cannot be read"
}

/// Writes one line to standard error.
func printError(_ message: String) {
  var stream = StandardErrorStream()
  print(message, to: &stream)
}

struct StandardErrorStream: TextOutputStream {
  mutating func write(_ string: String) {
    var s = string
    s.withUTF8 { bytes in
      _ = Glibc.write(2, bytes.baseAddress, bytes.count)
    }
  }
}

/// `x` with `decimals` digits after the point (no Foundation formatting here).
func formatDecimal(_ x: Double, _ decimals: Int = 1) -> String {
  guard x.isFinite else { return "\(x)" }
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let r = (x * scale).rounded()
  let whole = Int(r / scale)
  if decimals == 0 { return "\(Int(r))" }
  let frac = Int(abs(r).truncatingRemainder(dividingBy: scale))
  let fracText = String(frac)
  return "\(r < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: decimals - fracText.count))\(fracText)"
}

import ArgumentParser
import TextKitLinux

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Musl)
  @preconcurrency import Musl
#endif

extension TranslitCommand {
  /// `translit transliterate`: running text or one name a line, Hebrew ↔ Latin and more.
  struct Transliterate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Transliterate Hebrew ↔ Latin (and Cyrillic, Greek, Arabic, Azerbaijani → Latin).",
      usage: """
        translit transliterate [--from he|en|ru|az|ar|el|auto] [--to latin|hebrew] [--scheme names|academy|icu] [--names [--candidates N]] [--format text|jsonl] [--geresh apostrophe|geresh] [--split-prefixes] [--encoding E] [--on-invalid error|replace] [--verbose] [INPUT ...]
        """,
      discussion: """
        Without --names, each input line is running text: words in the source script are \
        transliterated and everything else passes through. With --names each line is one name \
        and the output is JSONL, one object a line, best candidate first. INPUT is a file; no \
        file or `-` reads standard input.

        Examples:
          echo 'הנשיא הרצוג ודונלד טראמפ' | translit transliterate --split-prefixes
            President Herzog ve-Donald Trump
          echo 'הרצוג' | translit transliterate --names --candidates 2
            {"input":"הרצוג","candidates":[{"text":"Herzog","score":0.99…},…]}
          echo 'George Washington' | translit transliterate --to hebrew
            ג'ורג' וושינגטון
          echo 'שָׁלוֹם' | translit transliterate --scheme academy
            shalom
          echo 'Исаев' | translit transliterate --from ru
            Isaev
        """
    )

    enum From: String, ExpressibleByArgument, CaseIterable {
      case he, en, ru, az, ar, el, auto
    }
    enum To: String, ExpressibleByArgument, CaseIterable {
      case latin, hebrew
    }
    enum Scheme: String, ExpressibleByArgument, CaseIterable {
      case names, academy, icu
    }
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, jsonl
    }
    enum Geresh: String, ExpressibleByArgument, CaseIterable {
      case apostrophe, geresh
    }

    @Option(help: "Source script or language.") var from: From = .auto
    @Option(help: "Target script.") var to: To = .latin
    @Option(help: "Spelling scheme.") var scheme: Scheme = .names
    @Option(help: "Candidates per name, 1 to 100 (with --names; default 1). The academy and icu schemes and the other scripts have one reading.") var candidates: Int?
    @Flag(help: "Each line is one name; output JSONL candidates.") var names = false
    @Option(help: "Output format (jsonl is the default with --names; text with --names writes a line's candidates separated by tabs).") var format: Format?
    @Option(help: "Geresh in Hebrew output (with --to hebrew): ASCII apostrophe (default) or U+05F3.") var geresh: Geresh?
    @Flag(help: "Split Hebrew one-letter prefixes off words of running text (לטראמפ → l-Trump; names scheme, --to latin).") var splitPrefixes = false
    @Flag(help: .hidden) var timing = false
    @Option(help: .hidden) var modelFile: String?
    @Option(help: .hidden) var beam: Int?
    @OptionGroup var input: InputOptions
    @Argument(help: "Input files (default: standard input).") var inputs: [String] = []

    /// Candidates per name.
    var count: Int { candidates ?? 1 }

    func validate() throws {
      // An option that would have no effect is an error, not silently ignored.
      if let candidates {
        guard candidates >= 1 && candidates <= 100 else {
          throw ValidationError("--candidates must be between 1 and 100")
        }
        guard names else { throw ValidationError("--candidates needs --names (running text gets the best reading of each word)") }
      }
      if splitPrefixes {
        guard !names else { throw ValidationError("--split-prefixes applies to running text, not to --names (each line is a name)") }
        guard to == .latin && scheme == .names else { throw ValidationError("--split-prefixes reads Hebrew running text with the names scheme (--to latin)") }
      }
      if geresh != nil && to != .hebrew { throw ValidationError("--geresh applies to Hebrew output (--to hebrew)") }
      if scheme == .academy && !(from == .auto || from == .he) {
        throw ValidationError("--scheme academy reads pointed Hebrew (--from he or auto)")
      }
      if to == .hebrew && !(from == .auto || from == .en) {
        throw ValidationError("--to hebrew reads Latin only (--from en or auto)")
      }
      if to == .latin && from == .en { throw ValidationError("--from en needs --to hebrew") }
      if scheme == .academy && to == .hebrew { throw ValidationError("--scheme academy writes Latin only") }
    }

    func makeTransliterator() throws -> Transliterator {
      let src: TransliterationSource
      switch from {
      case .he: src = .hebrew
      case .en: src = .latin
      case .ru: src = .cyrillic
      case .az: src = .azerbaijani
      case .ar: src = .arabic
      case .el: src = .greek
      case .auto: src = .auto
      }
      let sch: TransliterationScheme
      switch scheme {
      case .names: sch = .names
      case .academy: sch = .academy
      case .icu: sch = .icu
      }
      return try Transliterator(
        scheme: sch, to: to == .latin ? .latin : .hebrew, from: src,
        geresh: geresh == .geresh ? .geresh : .apostrophe, splitPrefixes: splitPrefixes,
        beamWidth: beam, model: try modelFile.map { try TransliterationModel(bytes: try readAll($0)) })
    }

    func run() throws {
      let t: Transliterator
      let clock = ContinuousClock()
      let started = clock.now
      let startedCPU = cpuMilliseconds()
      do {
        if scheme == .names { try Transliterator.preloadModel() }
        let loaded = clock.now
        let loadedCPU = cpuMilliseconds()
        t = try makeTransliterator()
        if timing {
          // First call: making the transliterator and one name or line.
          if names { _ = t.candidates("אלכסנדר פושקין", count: count) } else { _ = t.transliterate("אלכסנדר פושקין") }
          let first = clock.now
          let firstCPU = cpuMilliseconds()
          printError(
            "model load: \(milliseconds(loaded - started)) ms (cpu \(rounded(loadedCPU - startedCPU)) ms); "
              + "first call: \(milliseconds(first - loaded)) ms (cpu \(rounded(firstCPU - loadedCPU)) ms)")
        }
      } catch {
        printError("translit transliterate: \(error)")
        throw ExitCode.failure
      }
      let jsonl = (format ?? (names ? .jsonl : .text)) == .jsonl
      var out: [UInt8] = []
      out.reserveCapacity(1 << 17)
      // The decoding, error messages (file, line, byte) and exit codes of `normalize`.
      var warnedUnpointed = false
      let code = LineInput.run(inputs, options: input) { name, chunk in
        chunk.forEachLine { number, _, line in
          if scheme == .academy && !warnedUnpointed, let words = unpointedHebrewWords(line), words >= 2 {
            // Once a run: the output is right for what was read, but not what was meant.
            warnedUnpointed = true
            printError(
              "translit: \(name):\(number): warning: \(words) Hebrew words without vowel points; the academy scheme "
                + "romanizes pointed text, so they come out as consonants (--scheme names reads unpointed names)")
          }
          if !names && !jsonl {
            // Running text as text: bytes in, bytes out (no String per line).
            t.transliterate(utf8: line, appendingTo: &out)
          } else {
            render(String(decoding: line, as: UTF8.self), t, jsonl: jsonl, into: &out)
          }
          out.append(0x0A)
          if out.count > 1 << 16 {
            writeOut(out)
            out.removeAll(keepingCapacity: true)
          }
        }
        // Before the next input's messages (LineInput flushes after each input and turns a
        // failed write into exit 74).
        writeOut(out)
        out.removeAll(keepingCapacity: true)
      }
      if code != 0 { throw ExitCode(code) }
    }

    /// The number of Hebrew words on `line` when none of them carries a vowel point or
    /// dagesh (U+05B0…U+05BC, U+05C1, U+05C2, U+05C7), else nil.
    func unpointedHebrewWords(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
      var words = 0
      var inWord = false
      var k = 0
      while k + 1 < line.count {
        let b = line[k], c = line[k + 1]
        if b == 0xD6 && c >= 0xB0 && c <= 0xBC { return nil }
        if b == 0xD7 && (c == 0x81 || c == 0x82 || c == 0x87) { return nil }
        let letter = b == 0xD7 && c >= 0x90 && c <= 0xAA
        if letter && !inWord { words += 1 }
        inWord = letter || (inWord && b == 0xD6)
        k += letter || b == 0xD6 || b == 0xD7 ? 2 : 1
      }
      return words
    }

    /// One output line (without its newline) as text.
    func process(_ line: String, _ t: Transliterator, jsonl: Bool) -> String {
      var out: [UInt8] = []
      render(line, t, jsonl: jsonl, into: &out)
      return String(decoding: out, as: UTF8.self)
    }

    /// Appends the output line for one input line (without its newline) to `out`.
    func render(_ line: String, _ t: Transliterator, jsonl: Bool, into out: inout [UInt8]) {
      if names {
        let c = t.candidates(line.trimmingSpaces, count: count)
        if !jsonl {
          // The candidates on the input's line, best first, separated by tabs; a tab inside a
          // name (kept from its input) is written as a space, so the columns stay unambiguous.
          for (i, candidate) in c.enumerated() {
            if i > 0 { out.append(0x09) }
            out.append(contentsOf: candidate.text.utf8.lazy.map { $0 == 0x09 ? 0x20 : $0 })
          }
          return
        }
        out.append(contentsOf: #"{"input":"#.utf8)
        appendJSONString(line, to: &out)
        out.append(contentsOf: #","candidates":["#.utf8)
        for (i, candidate) in c.enumerated() {
          if i > 0 { out.append(0x2C) }
          out.append(contentsOf: #"{"text":"#.utf8)
          appendJSONString(candidate.text, to: &out)
          out.append(contentsOf: #","score":"#.utf8)
          out.append(contentsOf: formatScore(candidate.score).utf8)
          out.append(0x7D)
        }
        out.append(contentsOf: "]}".utf8)
        return
      }
      let r = t.transliterate(line)
      if !jsonl {
        out.append(contentsOf: r.utf8)
        return
      }
      out.append(contentsOf: #"{"input":"#.utf8)
      appendJSONString(line, to: &out)
      out.append(contentsOf: #","text":"#.utf8)
      appendJSONString(r, to: &out)
      out.append(0x7D)
    }
  }
}

/// Appends `s` as a JSON string literal, byte for byte what `jsonString(_:)` writes.
fileprivate func appendJSONString(_ s: String, to out: inout [UInt8]) {
  out.append(0x22)
  // Most text needs no escape: one copy.
  let copied = s.utf8.withContiguousStorageIfAvailable { b -> Bool in
    for c in b where c < 0x20 || c == 0x22 || c == 0x5C { return false }
    out.append(contentsOf: b)
    return true
  }
  if copied == true {
    out.append(0x22)
    return
  }
  for b in s.utf8 {
    switch b {
    case 0x22: out.append(contentsOf: [0x5C, 0x22])
    case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
    case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
    case 0x0D: out.append(contentsOf: [0x5C, 0x72])
    case 0x09: out.append(contentsOf: [0x5C, 0x74])
    case 0..<0x20:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
    default: out.append(b)
    }
  }
  out.append(0x22)
}

fileprivate func milliseconds(_ d: Duration) -> Double {
  let (s, atto) = d.components
  return rounded(Double(s) * 1000 + Double(atto) / 1e15)
}

fileprivate func rounded(_ ms: Double) -> Double { (ms * 100).rounded() / 100 }

/// CPU time of the process so far, in milliseconds.
fileprivate func cpuMilliseconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

fileprivate func formatScore(_ s: Double) -> String {
  let r = (s * 1_000_000).rounded() / 1_000_000
  return r == 0 && s > 0 ? s.description : r.description
}


extension String {
  fileprivate var trimmingSpaces: String {
    let s = unicodeScalars
    guard let a = s.firstIndex(where: { !isSpace($0) }), let b = s.lastIndex(where: { !isSpace($0) })
    else { return "" }
    if a == s.startIndex && s.index(after: b) == s.endIndex { return self }
    return String(s[a...b])
  }
}

/// `s.properties.isWhitespace`, without the property lookup for ASCII and for U+0100–U+167F
/// (Hebrew among them), which hold no White_Space character.
@inline(__always) fileprivate func isSpace(_ s: Unicode.Scalar) -> Bool {
  let v = s.value
  if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
  if v >= 0x100 && v < 0x1680 { return false }
  return s.properties.isWhitespace
}

/// Appends `bytes` to the shared standard-output buffer.
private func writeOut(_ bytes: [UInt8]) {
  bytes.withUnsafeBufferPointer { Output.shared.append($0) }
}


private func readAll(_ path: String) throws -> [UInt8] {
  guard let f = fopen(path, "rb") else { throw ValidationError("cannot open \(path)") }
  defer { fclose(f) }
  var out: [UInt8] = []
  var buf = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = fread(&buf, 1, buf.count, f)
    if n <= 0 { break }
    out += buf[0..<n]
  }
  return out
}

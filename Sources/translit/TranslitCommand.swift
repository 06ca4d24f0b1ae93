import ArgumentParser
import TextKitLinux

/// `translit`: the command-line face of TextKitLinux.
@main
struct TranslitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "translit",
    abstract: "Normalize, segment, transliterate and match multilingual (Hebrew/English/…) text.",
    discussion: """
      Exit codes: 0 success; 1 some inputs failed (the others were done); 64 usage error; \
      65 bad input data; 74 input/output error.
      """,
    version: TextKitLinux.version,
    subcommands: [
      Normalize.self, Segment.self, Bidi.self, Transliterate.self, Match.self, Index.self, Search.self,
      Reconcile.self, Eval.self, SegmentBenchmarkCommand.self,
    ],
    defaultSubcommand: nil
  )
}

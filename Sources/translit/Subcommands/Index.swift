import ArgumentParser
import FoundationEssentials
import TextKitLinux

#if canImport(Glibc)
  import Glibc
#endif

extension TranslitCommand {
  /// `translit index build`: fold a gazetteer into a saved name index.
  struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build name indexes for `translit search`.",
      subcommands: [Build.self]
    )

    struct Build: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Build a name index from a gazetteer.",
        usage: "translit index build places.tsv -o places.tkidx",
        discussion: """
          The gazetteer is TSV `id<TAB>name[<TAB>type]` (one name a line, several lines may share \
          an id, `#` starts a comment) or JSONL `{"id": "Q9248", "names": ["Baku", "באקו"], "type": "place"}`. \
          Types: person, place, organization (anything else is unknown).
          """
      )
      @Argument(help: "The gazetteer (TSV or JSONL).") var gazetteer: String
      @Option(name: .shortAndLong, help: "The index file to write.") var output: String

      func run() throws {
        let index = try loadGazetteer(gazetteer, keepPrepared: false)
        do { try index.save(to: output) } catch {
          printError("translit: \(error)")
          throw ExitCode(74)
        }
        printError("indexed \(index.count) names into \(output)")
      }
    }
  }
}

/// Reads a gazetteer file into an index, turning errors into a message and exit code 65.
func loadGazetteer(_ path: String, keepPrepared: Bool = true) throws -> NameIndex {
  guard let data = FileManager.default.contents(atPath: path) else {
    printError("translit: cannot read \(path): \(unreadableReason(path))")
    throw ExitCode(74)
  }
  do {
    return try NameIndex(gazetteerBytes: [UInt8](data), keepPrepared: keepPrepared)
  } catch {
    printError("translit: \(path): \(error)")
    throw ExitCode(65)
  }
}

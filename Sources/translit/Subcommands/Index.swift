import ArgumentParser
import TextKitLinux

extension TranslitCommand {
  struct Index: ParsableCommand {
    func run() throws {}
  }
}

import ArgumentParser
import TextKitLinux

extension TranslitCommand {
  struct Search: ParsableCommand {
    func run() throws {}
  }
}

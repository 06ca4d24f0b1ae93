import ArgumentParser
import TextKitLinux

extension TranslitCommand {
  struct Reconcile: ParsableCommand {
    func run() throws {}
  }
}

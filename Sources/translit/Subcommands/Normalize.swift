import ArgumentParser
import TextKitLinux

extension TranslitCommand {
  struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Normalize text (placeholder while the pipeline lands).")
    @Argument var text: [String] = []
    func run() throws {
      for t in text { print(try NormalizationForm.nfc.normalize(t)) }
    }
  }
}

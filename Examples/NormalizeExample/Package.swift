// swift-tools-version:6.1
// A package that depends on TextKitLinux by path, to prove the library needs no data files:
// everything it uses at run time is embedded. Run: swift run --package-path Examples/NormalizeExample
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder (the clone's name), so find it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

let package = Package(
  name: "NormalizeExample",
  dependencies: [.package(path: root.path)],
  targets: [
    .executableTarget(
      name: "NormalizeExample",
      dependencies: [.product(name: "TextKitLinux", package: root.lastPathComponent)])
  ]
)

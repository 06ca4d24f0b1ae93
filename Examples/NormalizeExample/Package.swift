// swift-tools-version:6.1
// A package that depends on TextKitLinux by path, to prove the library needs no data files:
// everything it uses at run time is embedded. Run: swift run --package-path Examples/NormalizeExample
import PackageDescription

let package = Package(
  name: "NormalizeExample",
  dependencies: [.package(path: "../..")],
  targets: [
    .executableTarget(name: "NormalizeExample", dependencies: [.product(name: "TextKitLinux", package: "TextKitLinux")])
  ]
)

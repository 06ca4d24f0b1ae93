// swift-tools-version:6.1
// TextKitLinux: multilingual (Hebrew/English/…) text toolkit over the system ICU.
// Dependency graph: translit -> TextKitLinux -> CICU -> libicu (Debian's libicu-dev).
import PackageDescription

let package = Package(
  name: "TextKitLinux",
  products: [
    // The library other packages depend on; behaves exactly like the CLI.
    .library(name: "TextKitLinux", targets: ["TextKitLinux"]),
    // The command-line tool, a thin layer over the library.
    .executable(name: "translit", targets: ["translit"]),
  ],
  dependencies: [
    // Argument parsing for the CLI only (preinstalled copy on this machine kind).
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // C/C++ shim over system ICU. Its public header exposes only stdint types, opaque
    // handles and cicu_ functions: Debian renames ICU functions per version through macros
    // Swift cannot import, and Foundation on Linux carries its own ICU module, so a Swift
    // module that sees ICU's headers can fail a clean build ("'UErrorCode' has different
    // definitions in different modules").
    .target(
      name: "CICU",
      linkerSettings: [
        .linkedLibrary("icui18n"),
        .linkedLibrary("icuuc"),
        .linkedLibrary("icudata"),
        .linkedLibrary("stdc++"),
      ]
    ),
    // Generated C arrays holding the run-time data (models, tables) so that a package
    // depending on TextKitLinux needs no file paths or bundles. Regenerate with
    // `Scripts/embed-data`.
    .target(name: "CTextKitData"),
    .target(
      name: "TextKitLinux",
      dependencies: ["CICU", "CTextKitData"],
      swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
    ),
    .executableTarget(
      name: "translit",
      dependencies: [
        "TextKitLinux",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "TextKitLinuxTests",
      dependencies: ["TextKitLinux"]
    ),
    .testTarget(
      name: "translitTests",
      dependencies: ["translit", "TextKitLinux"]
    ),
  ],
  cxxLanguageStandard: .cxx17
)

import TextKitLinux

// Normalizes a messy bilingual string with the `clean` and `search` profiles and checks the
// results, so that building and running this package is a test of the library as a dependency.
let messy = "\u{202B}ג'ורג\u{2019}\u{202C}\u{00A0}met ח\"כ Cohen in Baku\u{2019}s old city\r\n"
let clean = try TextNormalizer(profile: .clean).normalize(messy)
let key = try TextNormalizer(profile: .search).normalize(messy)
print(clean, terminator: "")
print(key, terminator: "")
guard clean == "ג׳ורג׳ met ח״כ Cohen in Baku's old city\n", key == "ג׳ורג׳ met חכ cohen in bakus old city\n" else {
  print("unexpected result")
  exit(1)
}
guard !EmbeddedData.sampleText.isEmpty else {
  print("embedded sample missing")
  exit(1)
}
print("ok: TextKitLinux works as a dependency")

#if canImport(Glibc)
  import Glibc
#endif

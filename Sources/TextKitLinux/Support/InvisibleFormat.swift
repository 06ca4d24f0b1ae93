/// Format characters that are not part of how a word is spelled and may sit inside one: soft
/// hyphen, Arabic letter mark, zero-width space and joiners, LRM and RLM, bidi embeddings and
/// isolates, word joiner and invisible operators, BOM. Transliteration skips them inside names;
/// the reconciler keeps them inside words (`Ali\u{AD}yev` is one word) and drops them from
/// display names.
enum InvisibleFormat {
  @inline(__always) static func contains(_ v: UInt32) -> Bool {
    v == 0x00AD || v == 0x061C || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2060...0x2069).contains(v) || v == 0xFEFF
  }
}

import CICU

/// `translit segment --format tsv` lines for a batch of segments, formatted in one C call
/// (`cicu_tsv_write_tokens`): fixed-size copies of prebuilt fields, offsets advanced digit by
/// digit, text copied 16 bytes a step with `\t` and `\\` escaped.
package enum TSVLineFormatter {
  /// The most bytes the line of a segment of `length` bytes may need (room to reserve).
  package static func roomNeeded(segmentLength length: Int) -> Int { 2 * length + 192 }

  /// Writes "START\tEND" + middle + escaped text + "\n" for each of `count` segments, given as
  /// (start, end, middle id) triples in `segments`: offsets into `text`, written shifted by
  /// `base`; middle `id` is the 64-byte slot at `middles + 64 * id` (bytes, then their count
  /// in the slot's last byte). Stops before the first line that might not fit in `capacity`.
  /// Returns how many segments were written and how many bytes.
  package static func write(
    into destination: UnsafeMutablePointer<UInt8>, capacity: Int, text: UnsafeBufferPointer<UInt8>,
    base: Int, segments: UnsafePointer<Int64>, count: Int, middles: UnsafePointer<UInt8>
  ) -> (segments: Int, bytes: Int) {
    var written: Int64 = 0
    let done = cicu_tsv_write_tokens(
      destination, Int64(capacity), text.baseAddress, Int64(text.count), Int64(base), segments,
      Int64(count), middles, &written)
    return (Int(done), Int(written))
  }
}

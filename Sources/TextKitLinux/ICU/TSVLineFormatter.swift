import CICU

/// `translit segment --format tsv` lines formatted in C, for a batch of segments
/// (`cicu_tsv_write_segments`) or straight from the text (`cicu_tsv_write_words`): fixed-size
/// copies of prebuilt fields, offsets advanced digit by digit, text copied 16 bytes a step with
/// `\t` and `\\` escaped.
package enum TSVLineFormatter {
  /// The most bytes the line of a segment of `length` bytes may need (room to reserve).
  package static func roomNeeded(segmentLength length: Int) -> Int { 2 * length + 192 }

  /// Writes the lines of the segments `batch[from...]` (offsets into `text`, written shifted
  /// by `base`; the middle of each at slot `(kind * 256 + script code) * 3 + dir` of `middles`,
  /// kind and dir numbered as in `SegmentKind.allCases` and ltr, rtl, none), leaving out the
  /// line-end segments. Stops before the first line that might not fit in `capacity`
  /// (``roomNeeded(segmentLength:)``). Returns how many segments were done (written or left
  /// out) and how many bytes were written.
  package static func write(
    into destination: UnsafeMutablePointer<UInt8>, capacity: Int, text: UnsafeBufferPointer<UInt8>,
    base: Int, batch: SegmentBatch, from: Int, middles: UnsafePointer<UInt8>
  ) -> (segments: Int, bytes: Int) {
    var written: Int64 = 0
    let done = cicu_tsv_write_segments(
      destination, Int64(capacity), text.baseAddress, Int64(text.count), Int64(base), batch.records + from,
      Int64(batch.count - from), middles, &written)
    return (Int(done), Int(written))
  }

  /// Writes the TSV lines of the word segments of `text[range]` (a stretch of whole lines that
  /// ``Segmenter/forEachSegmentBatch(utf8:fastWords:_:)`` handed to `fastWords`), cut,
  /// classified and formatted in one C pass (`cicu_tsv_write_words`), line ends left out;
  /// offsets shifted by `base`. Stops before the first line that might not fit in `capacity`.
  /// Returns where the segments not written start (`range.upperBound` when all are) and how
  /// many bytes were written.
  package static func writeWords(
    into destination: UnsafeMutablePointer<UInt8>, capacity: Int, text: UnsafeBufferPointer<UInt8>,
    range: Range<Int>, base: Int, middles: UnsafePointer<UInt8>
  ) -> (next: Int, bytes: Int) {
    var written: Int64 = 0
    let next = SegmentTables.withTables { tables in
      cicu_tsv_write_words(
        destination, Int64(capacity), text.baseAddress, Int64(range.upperBound), Int64(range.lowerBound),
        Int64(base), tables, middles, &written)
    }
    return (Int(next), Int(written))
  }

  /// The word segment of `text[range]` (a stretch handed to `fastWords`, as in
  /// ``writeWords(into:capacity:text:range:base:middles:)``) that starts at `range.lowerBound`.
  package static func firstWord(of text: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> ByteSegment {
    SegmentTables.withTables { tables in
      var record = cicu_word_segment()
      _ = cicu_word_segments(text.baseAddress, Int64(range.upperBound), Int64(range.lowerBound), tables, &record, 1)
      return ByteSegment(record)
    }
  }
}

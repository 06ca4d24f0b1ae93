import CICU

/// Benchmark peers for `Scripts/bench-segment` (not API: `@_spi(Benchmark)`).
@_spi(Benchmark)
public enum SegmentationBenchmark {
  /// Raw ICU: a C loop of `ubrk_next` + `ubrk_getRuleStatus` over `text` (word iterator,
  /// root locale). Returns (boundaries, word-like boundaries).
  public static func rawICUWords(_ text: UnsafeBufferPointer<UInt8>) throws -> (Int, Int) {
    try ICUBreakIterator.rawCount(type: CICU_BREAK_WORD, locale: "", text)
  }

  /// Ours: ``Segmenter/forEachSegment(utf8:_:)`` (word unit, root locale, Hebrew
  /// refinements on) over `text`, counting segments and words.
  public static func libraryWords(_ text: UnsafeBufferPointer<UInt8>) throws -> (Int, Int) {
    var count = 0, words = 0
    try Segmenter(unit: .word).forEachSegment(utf8: text) { s in
      count += 1
      if s.kind == .word || s.kind == .number { words += 1 }
    }
    return (count, words)
  }

  /// Bidi run analysis of each line (count of runs).
  public static func bidiRuns(lines: [String]) throws -> Int {
    var runs = 0
    for line in lines { runs += try BidiParagraph(line).runs.count }
    return runs
  }

  /// Visual-order detection of each line (count of visual verdicts).
  public static func detect(lines: [String]) -> Int {
    let detector = VisualOrderDetector()
    var visual = 0
    for line in lines where detector.verdict(for: line).order == .visual { visual += 1 }
    return visual
  }
}

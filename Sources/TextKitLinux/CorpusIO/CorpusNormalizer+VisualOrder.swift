/// `--fix-visual`: legacy visual-order Hebrew lines repaired to logical order during normalization.
extension CorpusNormalizer {
  /// Repairs every line of `piece` (complete lines) that ``VisualOrderDetector`` judges visual;
  /// lines without Hebrew letters are not even decoded. Returns the text and how many lines
  /// were repaired.
  static func repairVisualLines(_ piece: [UInt8], detector: VisualOrderDetector) throws(ICUError) -> ([UInt8], Int) {
    // Hebrew letters and marks all have UTF-8 lead byte D6 or D7.
    guard piece.contains(0xD7) else { return (piece, 0) }
    var out: [UInt8] = []
    out.reserveCapacity(piece.count)
    var repaired = 0
    var start = 0
    while start < piece.count {
      var end = start
      while end < piece.count && piece[end] != 0x0A { end += 1 }
      let line = piece[start..<end]
      if line.contains(0xD7) {
        var content = line
        var cr = false
        if content.last == 0x0D {
          content = content.dropLast()
          cr = true
        }
        let text = String(decoding: content, as: UTF8.self)
        let (fixed, verdict) = try VisualOrderRepair.repairIfVisual(text, detector: detector)
        if verdict.order == .visual {
          repaired += 1
          out.append(contentsOf: fixed.utf8)
          if cr { out.append(0x0D) }
        } else {
          out.append(contentsOf: line)
        }
      } else {
        out.append(contentsOf: line)
      }
      if end < piece.count { out.append(0x0A) }
      start = end + 1
    }
    return (out, repaired)
  }
}

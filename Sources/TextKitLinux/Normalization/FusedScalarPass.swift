/// Runs consecutive context-free steps as one scan.
///
/// Steps that map one scalar to zero or more scalars, looking at most at the original
/// neighbours (line ends, bidi controls, zero-width characters, spaces, presentation forms,
/// Hebrew marks, Latin diacritics, final letters), give the same result whether they run one
/// after another or fused: each scalar goes through the steps in order. Fusing them means one
/// scan of the chunk instead of one per step (the `clean` profile's first five steps become one
/// pass). Neighbour context (ZWJ between emoji, a diacritic after a Latin letter) is read from
/// the chunk as it was before the group.
enum FusedScalarPass {
  static func isFusable(_ step: NormalizationStep) -> Bool {
    switch step {
    case .unifyLineEnds, .removeBidiControls, .removeStrayZeroWidth, .unifySpaces, .hebrewPresentationForms,
      .hebrewMarks, .foldLatinDiacritics, .foldHebrewFinals:
      return true
    default:
      return false
    }
  }

  static func specials(_ step: NormalizationStep) -> [UInt8] {
    switch step {
    case .unifyLineEnds: return Specials.lineEnds
    case .removeBidiControls: return Specials.bidiControls
    case .removeStrayZeroWidth: return Specials.zeroWidth
    case .unifySpaces: return Specials.spaces
    case .hebrewPresentationForms: return Specials.presentationForms
    case .hebrewMarks: return Specials.hebrewMarks
    case .foldLatinDiacritics: return Specials.latin
    case .foldHebrewFinals: return Specials.hebrewFinals
    default: return Specials.anyNonASCII
    }
  }

  /// The union of the steps' tables (ASCII-quiet only if all are).
  static func union(_ steps: [NormalizationStep]) -> [UInt8] {
    var ascii: [UInt8] = []
    var leads: [UInt8] = []
    for s in steps {
      let st = specials(s)
      for b in 0..<0x80 where st[b] != 0 && !ascii.contains(UInt8(b)) { ascii.append(UInt8(b)) }
      for b in 0xC0..<0x100 where st[b] != 0 && !leads.contains(UInt8(b)) { leads.append(UInt8(b)) }
    }
    return Specials.table(ascii: ascii, leads: leads)
  }

  /// What `step` makes of scalar `v` (`nil`: unchanged). `original` tells whether `v` is the
  /// scalar at `i` in `b` (so its neighbours there are its real context).
  static func map(_ step: NormalizationStep, _ v: UInt32, in b: [UInt8], at i: Int, length: Int, original: Bool) -> [UInt32]? {
    switch step {
    case .unifyLineEnds:
      switch v {
      case 0x0D:
        if original && i + 1 < b.count && b[i + 1] == 0x0A { return [] }
        return [0x0A]
      case 0x85, 0x2028, 0x2029: return [0x0A]
      default: return nil
      }
    case .removeBidiControls:
      let isControl = v == 0x200E || v == 0x200F || v == 0x061C || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
      return isControl ? [] : nil
    case .removeStrayZeroWidth:
      switch v {
      case 0x200B, 0x2060, 0xFEFF: return []
      case 0x200C: return original && ZeroWidthContext.keepsNonJoiner(b, at: i, length: length) ? nil : []
      case 0x200D: return original && ZeroWidthContext.keepsJoiner(b, at: i, length: length) ? nil : []
      default: return nil
      }
    case .unifySpaces:
      switch v {
      case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return [0x20]
      default: return nil
      }
    case .hebrewPresentationForms:
      guard v >= 0xFB1D && v <= 0xFB4F, let bytes = PresentationForms.table[Int(v - 0xFB1D)] else { return nil }
      return String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
    case .hebrewMarks(let policy):
      return policy.removes(v) ? [] : nil
    case .foldLatinDiacritics:
      if LatinFolding.mayFold(v), let r = LatinFolding.table[v] { return r.map(UInt32.init) }
      if original, (0x0300...0x036F).contains(v) {
        var scratch: [UInt8] = []
        return LatinFolding.rewrite(v, in: b, at: i, into: &scratch) ? [] : nil
      }
      return nil
    case .foldHebrewFinals:
      switch v {
      case 0x05DA: return [0x05DB]
      case 0x05DD: return [0x05DE]
      case 0x05DF: return [0x05E0]
      case 0x05E3: return [0x05E4]
      case 0x05E5: return [0x05E6]
      default: return nil
      }
    default:
      return nil
    }
  }

  /// Runs the group; `changes[k]` counts the changes of `steps[k]`.
  static func run(_ steps: [NormalizationStep], table: [UInt8], on input: [UInt8], changes: inout [Int]) -> [UInt8]? {
    var total = 0
    var counts = changes
    let result = StepRunner.rewrite(input, specials: table, changes: &total) { v, i, len, out in
      // Fast path: no step touches this scalar.
      var firstStep = -1
      var first: [UInt32] = []
      for (k, step) in steps.enumerated() {
        if let m = map(step, v, in: input, at: i, length: len, original: true) {
          firstStep = k
          first = m
          break
        }
      }
      if firstStep < 0 { return false }
      counts[firstStep] += 1
      var seq = first
      for k in (firstStep + 1)..<steps.count {
        var next: [UInt32] = []
        var changed = false
        for s in seq {
          if let m = map(steps[k], s, in: input, at: i, length: len, original: false) {
            next += m
            changed = true
          } else {
            next.append(s)
          }
        }
        if changed {
          counts[k] += 1
          seq = next
        }
      }
      for s in seq { UTF8Bytes.append(s, to: &out) }
      return true
    }
    changes = counts
    return result
  }
}

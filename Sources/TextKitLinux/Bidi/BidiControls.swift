/// An explicit bidi formatting character.
public enum BidiControl: UInt32, Sendable, Hashable, CaseIterable {
  /// U+061C ARABIC LETTER MARK (ALM).
  case arabicLetterMark = 0x061C
  /// U+200E LEFT-TO-RIGHT MARK (LRM).
  case leftToRightMark = 0x200E
  /// U+200F RIGHT-TO-LEFT MARK (RLM).
  case rightToLeftMark = 0x200F
  /// U+202A LEFT-TO-RIGHT EMBEDDING (LRE).
  case leftToRightEmbedding = 0x202A
  /// U+202B RIGHT-TO-LEFT EMBEDDING (RLE).
  case rightToLeftEmbedding = 0x202B
  /// U+202C POP DIRECTIONAL FORMATTING (PDF).
  case popDirectionalFormatting = 0x202C
  /// U+202D LEFT-TO-RIGHT OVERRIDE (LRO).
  case leftToRightOverride = 0x202D
  /// U+202E RIGHT-TO-LEFT OVERRIDE (RLO).
  case rightToLeftOverride = 0x202E
  /// U+2066 LEFT-TO-RIGHT ISOLATE (LRI).
  case leftToRightIsolate = 0x2066
  /// U+2067 RIGHT-TO-LEFT ISOLATE (RLI).
  case rightToLeftIsolate = 0x2067
  /// U+2068 FIRST STRONG ISOLATE (FSI).
  case firstStrongIsolate = 0x2068
  /// U+2069 POP DIRECTIONAL ISOLATE (PDI).
  case popDirectionalIsolate = 0x2069

  /// Short name ("RLO").
  public var abbreviation: String {
    switch self {
    case .arabicLetterMark: "ALM"
    case .leftToRightMark: "LRM"
    case .rightToLeftMark: "RLM"
    case .leftToRightEmbedding: "LRE"
    case .rightToLeftEmbedding: "RLE"
    case .popDirectionalFormatting: "PDF"
    case .leftToRightOverride: "LRO"
    case .rightToLeftOverride: "RLO"
    case .leftToRightIsolate: "LRI"
    case .rightToLeftIsolate: "RLI"
    case .firstStrongIsolate: "FSI"
    case .popDirectionalIsolate: "PDI"
    }
  }

  /// The control written as `scalar`, if it is one.
  public init?(_ scalar: Unicode.Scalar) { self.init(rawValue: scalar.value) }
}

/// One bidi control found in a text.
public struct BidiControlOccurrence: Sendable, Hashable {
  /// Which control.
  public var control: BidiControl
  /// Where it is.
  public var range: Range<String.Index>
}

/// A problem found by ``BidiControls/audit(_:direction:)``.
public struct BidiAuditFinding: Sendable, Hashable {
  /// Kinds of finding.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// An override (LRO/RLO) forces the direction of the characters after it.
    case override
    /// An embedding or isolate is still open at the end of the line.
    case unterminated
    /// A PDF or PDI closes nothing.
    case unmatchedTerminator
    /// Because of the controls, the text is displayed in a different order than it is
    /// stored (and than it would be displayed without them): the Trojan Source class,
    /// CVE-2021-42574.
    case displayOrderDiffers
  }
  /// What was found.
  public var kind: Kind
  /// Where (the control concerned, or the whole line).
  public var range: Range<String.Index>
}

/// Listing, stripping and auditing explicit bidi controls.
///
/// ```swift
/// let line = "access = \u{202E}nimda\u{202C}"
/// BidiControls.list(in: line).map(\.control)   // [.rightToLeftOverride, .popDirectionalFormatting]
/// BidiControls.strip(line)                     // "access = nimda"
/// try BidiControls.audit(line).map(\.kind)     // [.override, .displayOrderDiffers]
/// ```
public enum BidiControls {
  /// Every control in `text`, in order.
  public static func list(in text: String) -> [BidiControlOccurrence] {
    var result: [BidiControlOccurrence] = []
    let scalars = text.unicodeScalars
    guard text.utf8.contains(where: { $0 >= 0xD8 }) else { return [] }
    var i = scalars.startIndex
    while i < scalars.endIndex {
      let next = scalars.index(after: i)
      if let c = BidiControl(scalars[i]) {
        result.append(BidiControlOccurrence(control: c, range: i..<next))
      }
      i = next
    }
    return result
  }

  /// `text` without its bidi controls.
  public static func strip(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 >= 0xD8 }) else { return text }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars where BidiControl(s) == nil { out.append(s) }
    return String(out)
  }

  /// Flags overrides, unbalanced embeddings/isolates, and lines whose display order the
  /// controls change (compared with the same line without them).
  public static func audit(_ text: String, direction: ParagraphDirection = .auto)
    throws(ICUError) -> [BidiAuditFinding]
  {
    let controls = list(in: text)
    guard !controls.isEmpty else { return [] }
    var findings: [BidiAuditFinding] = []
    var embeddings: [BidiControlOccurrence] = []
    var isolates: [(BidiControlOccurrence, depth: Int)] = []
    for occurrence in controls {
      switch occurrence.control {
      case .leftToRightOverride, .rightToLeftOverride:
        findings.append(BidiAuditFinding(kind: .override, range: occurrence.range))
        embeddings.append(occurrence)
      case .leftToRightEmbedding, .rightToLeftEmbedding:
        embeddings.append(occurrence)
      case .popDirectionalFormatting:
        if embeddings.count > (isolates.last?.depth ?? 0) {
          embeddings.removeLast()
        } else {
          findings.append(BidiAuditFinding(kind: .unmatchedTerminator, range: occurrence.range))
        }
      case .leftToRightIsolate, .rightToLeftIsolate, .firstStrongIsolate:
        isolates.append((occurrence, embeddings.count))
      case .popDirectionalIsolate:
        if let last = isolates.popLast() {
          embeddings.removeLast(embeddings.count - last.depth)
        } else {
          findings.append(BidiAuditFinding(kind: .unmatchedTerminator, range: occurrence.range))
        }
      case .arabicLetterMark, .leftToRightMark, .rightToLeftMark:
        break
      }
    }
    for open in embeddings + isolates.map(\.0) {
      findings.append(BidiAuditFinding(kind: .unterminated, range: open.range))
    }
    findings.sort { $0.range.lowerBound < $1.range.lowerBound }
    let shown = try BidiParagraph(text, direction: direction)
      .visualOrder(mirroring: false, removeControls: true)
    let plain = try BidiParagraph(strip(text), direction: direction).visualOrder(mirroring: false)
    if shown != plain {
      findings.append(BidiAuditFinding(kind: .displayOrderDiffers,
                                       range: text.startIndex..<text.endIndex))
    }
    return findings
  }
}

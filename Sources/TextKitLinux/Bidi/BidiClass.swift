/// The Unicode Bidi_Class of a character, in ICU's `UCharDirection` order.
public enum BidiClass: UInt8, Sendable, Hashable, CaseIterable {
  /// L, Left_To_Right.
  case leftToRight = 0
  /// R, Right_To_Left.
  case rightToLeft = 1
  /// EN, European_Number.
  case europeanNumber = 2
  /// ES, European_Separator.
  case europeanSeparator = 3
  /// ET, European_Terminator.
  case europeanTerminator = 4
  /// AN, Arabic_Number.
  case arabicNumber = 5
  /// CS, Common_Separator.
  case commonSeparator = 6
  /// B, Paragraph_Separator.
  case paragraphSeparator = 7
  /// S, Segment_Separator.
  case segmentSeparator = 8
  /// WS, White_Space.
  case whiteSpace = 9
  /// ON, Other_Neutral.
  case otherNeutral = 10
  /// LRE, Left_To_Right_Embedding.
  case leftToRightEmbedding = 11
  /// LRO, Left_To_Right_Override.
  case leftToRightOverride = 12
  /// AL, Arabic_Letter.
  case arabicLetter = 13
  /// RLE, Right_To_Left_Embedding.
  case rightToLeftEmbedding = 14
  /// RLO, Right_To_Left_Override.
  case rightToLeftOverride = 15
  /// PDF, Pop_Directional_Format.
  case popDirectionalFormat = 16
  /// NSM, Nonspacing_Mark.
  case nonspacingMark = 17
  /// BN, Boundary_Neutral.
  case boundaryNeutral = 18
  /// FSI, First_Strong_Isolate.
  case firstStrongIsolate = 19
  /// LRI, Left_To_Right_Isolate.
  case leftToRightIsolate = 20
  /// RLI, Right_To_Left_Isolate.
  case rightToLeftIsolate = 21
  /// PDI, Pop_Directional_Isolate.
  case popDirectionalIsolate = 22

  /// The class of `scalar` (from a table filled once from ICU's `u_charDirection`).
  public static func of(_ scalar: Unicode.Scalar) -> BidiClass {
    BidiClass(rawValue: BidiTables.bidiClass[Int(scalar.value)]) ?? .otherNeutral
  }

  /// UCD short alias ("L", "AL", "PDI").
  public var alias: String {
    ["L", "R", "EN", "ES", "ET", "AN", "CS", "B", "S", "WS", "ON", "LRE", "LRO", "AL", "RLE",
     "RLO", "PDF", "NSM", "BN", "FSI", "LRI", "RLI", "PDI"][Int(rawValue)]
  }

  /// R or AL.
  public var isStrongRightToLeft: Bool { self == .rightToLeft || self == .arabicLetter }
}

/// A document given to ``EntityReconciler``.
public struct ReconcilerDocument: Sendable, Hashable {
  /// A name for the document in the output (a file path, a URL).
  public var id: String
  /// The text; mention offsets are UTF-8 byte offsets into it.
  public var text: String

  /// Creates a document.
  public init(id: String, text: String) {
    self.id = id
    self.text = text
  }
}

/// The language of a mention.
public enum MentionLanguage: String, Sendable, Hashable, Codable {
  /// Hebrew script.
  case he
  /// Latin script (English and other Latin-script languages).
  case latin
}

/// One occurrence of an entity's name in a document.
public struct Mention: Sendable, Hashable, Codable {
  /// The document's id.
  public var doc: String
  /// UTF-8 byte offset of the first byte of the name (titles and Hebrew prefixes excluded).
  public var start: Int
  /// UTF-8 byte offset just past the name.
  public var end: Int
  /// The name as written.
  public var text: String
  /// The script of the mention.
  public var lang: MentionLanguage
  /// How sure the reconciler is that this mention belongs to its entity, in [0, 1].
  public var confidence: Double
  /// A title or honorific in front of it ("Rabbi", "הרב"), if any.
  public var title: String?
}

/// An entity found across documents: names in each script, a type guess and its mentions.
public struct ReconciledEntity: Sendable, Hashable, Codable {
  /// A stable id within one reconciliation ("E1", …), or the gazetteer id.
  public var id: String
  /// The type guess.
  public var type: EntityType
  /// Distinct names, canonical (most complete, then most frequent) first.
  public var names: Names
  /// The lowest-confidence link's confidence, a rough measure of the cluster's certainty.
  public var confidence: Double
  /// Every mention, in document order.
  public var mentions: [Mention]

  /// Names in each script.
  public struct Names: Sendable, Hashable, Codable {
    /// Hebrew names.
    public var he: [String]
    /// Latin-script names.
    public var latin: [String]
  }
}

/// Receives reconciled entities one at a time, most-mentioned first, each followed by its
/// mentions in document order, so that output of any size streams without holding it.
///
/// ```swift
/// var sink = EntityCollector()
/// try EntityReconciler().reconcile([.file(path: "a.txt"), .file(path: "b.txt")], into: &sink)
/// sink.entities.first?.names.latin   // ["Zamir Isayev", "Isayev"]
/// ```
public protocol EntitySink {
  /// Starts an entity. `entity.mentions` is empty: its `mentionCount` mentions follow.
  mutating func begin(_ entity: ReconciledEntity, mentionCount: Int) throws
  /// One mention of the current entity.
  mutating func mention(_ mention: Mention) throws
  /// Ends the current entity.
  mutating func end() throws
}

extension EntitySink {
  /// Hands over entities already in memory, each with its mentions.
  public mutating func send(_ entities: [ReconciledEntity]) throws {
    for e in entities {
      try begin(e, mentionCount: e.mentions.count)
      for m in e.mentions { try mention(m) }
      try end()
    }
  }
}

/// An ``EntitySink`` that keeps every entity with its mentions in memory.
public struct EntityCollector: EntitySink {
  /// The entities received, in order.
  public var entities: [ReconciledEntity] = []

  /// An empty collector.
  public init() {}

  public mutating func begin(_ entity: ReconciledEntity, mentionCount: Int) throws {
    var e = entity
    e.mentions.reserveCapacity(mentionCount)
    entities.append(e)
  }

  public mutating func mention(_ mention: Mention) throws {
    entities[entities.count - 1].mentions.append(mention)
  }

  public mutating func end() throws {}
}

/// How far a reconciliation has come, reported to a progress callback about once a megabyte.
public struct ReconcilerProgress: Sendable, Hashable {
  /// The stage.
  public enum Stage: String, Sendable, Hashable {
    /// Reading the documents, finding English mentions.
    case reading
    /// Reading the Hebrew parts again, linking Hebrew words to entities.
    case linking
    /// Writing entities and their mentions.
    case writing
  }
  /// The current stage.
  public var stage: Stage
  /// Bytes of input done in this stage (mentions written, in `.writing`).
  public var done: Int
  /// Bytes of input in all (mentions in all, in `.writing`).
  public var total: Int
}

import Foundation
import Testing
@testable import TextKitLinux

/// Files, chunks, the mention store and the streaming writers give what the in-memory path gives.
@Suite("EntityReconciler streaming")
struct ReconcilerStreamingTests {
  // Fixtures written for these tests.
  static let english = ReconcilerDocument(id: "en.txt", text: """
    Rabbi Zamir Isayev met the mayor in Baku on Monday. Later, Rabbi Isayev flew to Israel.
    President Ilham Aliyev greeted the guests. Aliyev praised Europe. Leyla Aliyeva was absent.
    Isayev’s students sang in Baku and in Washington; the choir of Baku thanked Ilham Aliyev.

    """)
  static let hebrew = ReconcilerDocument(id: "he.txt", text: """
    הרב זמיר איסייב נפגש עם ראש העיר בבאקו. אחר כך טס הרב איסייב לישראל.
    הנשיא אילהם אלייב קיבל את האורחים. אלייב שיבח את אירופה, ותלמידי איסייב שרו בוושינגטון.

    """)

  static func tempDir() throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("recon-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
  }

  /// Entities as comparable values (ids aside).
  static func shape(_ es: [ReconciledEntity]) -> [String] {
    es.map { e in
      let ms = e.mentions.map { "\($0.doc.split(separator: "/").last ?? ""):\($0.start)-\($0.end):\($0.text):\($0.title ?? "")" }
      return "\(e.type) \(e.names.he) \(e.names.latin) \(e.confidence) \(ms)"
    }
  }

  @Test func filesGiveWhatDocumentsGive() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    var inputs: [ReconcilerInput] = []
    for d in [Self.english, Self.hebrew] {
      let url = dir.appendingPathComponent(d.id)
      try Data(d.text.utf8).write(to: url)
      inputs.append(.file(path: url.path))
    }
    let memory = EntityReconciler().reconcile([Self.english, Self.hebrew])
    var sink = EntityCollector()
    try EntityReconciler().reconcile(inputs, into: &sink)
    #expect(!memory.isEmpty)
    #expect(Self.shape(sink.entities) == Self.shape(memory))
    // Offsets index the file's bytes exactly.
    for e in sink.entities {
      for m in e.mentions {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: m.doc)))
        #expect(String(decoding: bytes[m.start..<m.end], as: UTF8.self) == m.text)
      }
    }
  }

  @Test func smallBatchesAndChunksGiveTheSameEntities() throws {
    let docs = [Self.english, Self.hebrew]
    let reference = EntityReconciler().reconcile(docs)
    var r = EntityReconciler()
    // Every entity bigger than the batch: mentions merged from the store's two halves.
    r.outputBatch = 1
    var merged = EntityCollector()
    try r.reconcile(docs.map { .document($0) }, into: &merged)
    #expect(Self.shape(merged.entities) == Self.shape(reference))
    r.outputBatch = 3
    var batched = EntityCollector()
    try r.reconcile(docs.map { .document($0) }, into: &batched)
    #expect(Self.shape(batched.entities) == Self.shape(reference))
    // Chunks of one line each (the fixtures' names never wrap a line).
    r.chunkSize = 16
    var chunked = EntityCollector()
    try r.reconcile(docs.map { .document($0) }, into: &chunked)
    #expect(Self.shape(chunked.entities) == Self.shape(reference))
  }

  @Test func aFileWithoutLineFeedsIsReadInPiecesThatCutNoCharacter() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("one-line.txt")
    let text = String(repeating: "בבאקו Baku אזרבייג׳ן, ", count: 200)
    try Data(text.utf8).write(to: url)
    var reader = try ChunkReader(.file(path: url.path), size: 100)
    var chunk: [UInt8] = []
    var all: [UInt8] = []
    var pieces = 0
    while let base = try reader.next(into: &chunk) {
      #expect(base == all.count)
      #expect(chunk.count <= 200)
      #expect(String(validating: chunk, as: UTF8.self) != nil)
      all += chunk
      pieces += 1
    }
    #expect(all == Array(text.utf8))
    #expect(pieces > 10)
  }

  @Test(arguments: [false, true]) func mentionStoreRoundTrip(spill: Bool) throws {
    let store = spill ? try MentionStore(spillingTo: MentionStore.temporaryDirectory) : MentionStore()
    let records = (0..<70_000).map { i in
      MentionRecord(
        doc: UInt32(i % 3), surface: UInt32(i), title: i % 5 == 0 ? MentionRecord.none : UInt32(i / 5),
        cluster: UInt32(i % 11), start: i * 7 + (1 << 33), end: i * 7 + (1 << 33) + i % 40, confidence: 0.5)
    }
    for r in records { try store.append(r) }
    var back: [MentionRecord] = []
    try store.forEach(100..<65_000) { back.append($0) }
    #expect(back.count == 64_900)
    for (a, b) in zip(back, records[100..<65_000]) {
      #expect(a.doc == b.doc && a.surface == b.surface && a.title == b.title && a.cluster == b.cluster)
      #expect(a.start == b.start && a.end == b.end && a.confidence == b.confidence)
    }
  }

  @Test func jsonlWriterStreamsTheDocumentedShape() throws {
    var bytes: [UInt8] = []
    var w = ReconciliationReport.JSONLWriter { bytes += $0 }
    try EntityReconciler().reconcile([.document(Self.english), .document(Self.hebrew)], into: &w)
    try w.flush()
    struct Line: Decodable {
      struct Names: Decodable { var he: [String]; var latin: [String] }
      struct M: Decodable { var doc: String; var start: Int; var end: Int; var text: String; var lang: String }
      var id: String; var type: String; var names: Names; var confidence: Double; var mentions: [M]
    }
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    let decoded = try lines.map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    let reference = EntityReconciler().reconcile([Self.english, Self.hebrew])
    #expect(decoded.map(\.id) == reference.map(\.id))
    #expect(decoded.map(\.mentions.count) == reference.map(\.mentions.count))
    #expect(decoded.contains { $0.names.latin.contains("Baku") && $0.names.he.contains("באקו") })
    #expect(ReconciliationReport.jsonl(reference) == String(decoding: bytes, as: UTF8.self))
  }
}

import FoundationEssentials

/// Renders reconciled entities as JSONL, TSV or a self-contained HTML report.
public enum ReconciliationReport {
  /// One JSON object a line: `{"id", "type", "names": {"he", "latin"}, "confidence", "mentions": [...]}`.
  public static func jsonl(_ entities: [ReconciledEntity]) -> String {
    var out: [UInt8] = []
    var w = JSONLWriter { out.append(contentsOf: $0) }
    w.write(entities)
    return String(decoding: out, as: UTF8.self)
  }

  /// Tab-separated: id, type, Hebrew names, Latin names, mentions, documents, confidence (with a header).
  public static func tsv(_ entities: [ReconciledEntity]) -> String {
    var out: [UInt8] = []
    var w = TSVWriter { out.append(contentsOf: $0) }
    w.write(entities)
    return String(decoding: out, as: UTF8.self)
  }

  /// Streams entities as JSON Lines (the format of ``jsonl(_:)``), one line an entity, the
  /// mentions written as they come; bytes go to `output` in pieces of about 64 KB.
  ///
  /// ```swift
  /// var writer = ReconciliationReport.JSONLWriter { bytes in try file.write(contentsOf: bytes) }
  /// try EntityReconciler().reconcile(inputs, into: &writer)
  /// try writer.flush()
  /// ```
  public struct JSONLWriter: EntitySink {
    private var buffer: [UInt8] = []
    private let output: ([UInt8]) throws -> Void
    private var firstMention = true
    private var lastDoc = ""
    private var lastDocJSON: [UInt8] = []

    /// A writer handing its bytes to `output`; call ``flush()`` at the end.
    public init(output: @escaping ([UInt8]) throws -> Void) { self.output = output }

    private mutating func string(_ s: String) { JSONLines.encodeString(Array(s.utf8), into: &buffer) }
    private mutating func raw(_ s: String) { buffer.append(contentsOf: s.utf8) }
    private mutating func strings(_ a: [String]) {
      buffer.append(0x5B)
      for (i, s) in a.enumerated() {
        if i > 0 { buffer.append(0x2C) }
        string(s)
      }
      buffer.append(0x5D)
    }

    public mutating func begin(_ entity: ReconciledEntity, mentionCount: Int) throws {
      raw("{\"id\":")
      string(entity.id)
      raw(",\"type\":\"\(entity.type.rawValue)\",\"names\":{\"he\":")
      strings(entity.names.he)
      raw(",\"latin\":")
      strings(entity.names.latin)
      raw("},\"confidence\":\(entity.confidence),\"mentions\":[")
      firstMention = true
    }

    public mutating func mention(_ m: Mention) throws {
      if !firstMention { buffer.append(0x2C) }
      firstMention = false
      buffer.append(contentsOf: Self.docKey)
      if m.doc != lastDoc || lastDocJSON.isEmpty {
        lastDoc = m.doc
        lastDocJSON = []
        JSONLines.encodeString(Array(m.doc.utf8), into: &lastDocJSON)
      }
      buffer.append(contentsOf: lastDocJSON)
      buffer.append(contentsOf: Self.startKey)
      integer(m.start)
      buffer.append(contentsOf: Self.endKey)
      integer(m.end)
      buffer.append(contentsOf: Self.textKey)
      Self.appendJSONString(m.text, into: &buffer)
      buffer.append(contentsOf: m.lang == .he ? Self.hebrewKeys : Self.latinKeys)
      if m.confidence != lastConfidence || lastConfidenceText.isEmpty {
        lastConfidence = m.confidence
        lastConfidenceText = Array("\(m.confidence)".utf8)
      }
      buffer.append(contentsOf: lastConfidenceText)
      if let t = m.title {
        buffer.append(contentsOf: Self.titleKey)
        Self.appendJSONString(t, into: &buffer)
      }
      buffer.append(0x7D)
      if buffer.count >= 1 << 16 { try flush() }
    }

    static let docKey = Array("{\"doc\":".utf8)
    static let startKey = Array(",\"start\":".utf8)
    static let endKey = Array(",\"end\":".utf8)
    static let textKey = Array(",\"text\":".utf8)
    static let hebrewKeys = Array(",\"lang\":\"he\",\"confidence\":".utf8)
    static let latinKeys = Array(",\"lang\":\"latin\",\"confidence\":".utf8)
    static let titleKey = Array(",\"title\":".utf8)
    private var lastConfidence = 0.0
    private var lastConfidenceText: [UInt8] = []

    private mutating func integer(_ n: Int) {
      if n < 0 {
        buffer.append(0x2D)
        integer(-n)
        return
      }
      if n < 10 {
        buffer.append(UInt8(0x30 + n))
        return
      }
      var digits = 1
      var t = n
      while t >= 10 {
        t /= 10
        digits += 1
      }
      let base = buffer.count
      buffer.append(contentsOf: repeatElement(0x30, count: digits))
      var x = n
      var k = base + digits - 1
      while x > 0 {
        buffer[k] = UInt8(0x30 + x % 10)
        x /= 10
        k -= 1
      }
    }

    /// `s` as a JSON string literal (escaping `"`, `\` and control characters).
    static func appendJSONString(_ s: String, into out: inout [UInt8]) {
      out.append(0x22)
      var plain = true
      for c in s.utf8 where c < 0x20 || c == 0x22 || c == 0x5C {
        plain = false
        break
      }
      if plain {
        out.append(contentsOf: s.utf8)
        out.append(0x22)
        return
      }
      out.removeLast()
      JSONLines.encodeString(Array(s.utf8), into: &out)
    }

    public mutating func end() throws {
      raw("]}\n")
      if buffer.count >= 1 << 16 { try flush() }
    }

    /// Hands the buffered bytes to the output.
    public mutating func flush() throws {
      if buffer.isEmpty { return }
      try output(buffer)
      buffer.removeAll(keepingCapacity: true)
    }

    mutating func write(_ entities: [ReconciledEntity]) {
      try? send(entities)
      try? flush()
    }
  }

  /// Streams entities as the TSV of ``tsv(_:)`` (header first, a row an entity).
  public struct TSVWriter: EntitySink {
    private var buffer: [UInt8] = []
    private let output: ([UInt8]) throws -> Void
    private var current: ReconciledEntity?
    private var mentions = 0
    private var lastDoc: String?
    private var seenDocs = Set<String>()

    /// A writer handing its bytes to `output`; call ``flush()`` at the end.
    public init(output: @escaping ([UInt8]) throws -> Void) {
      self.output = output
      buffer.append(contentsOf: "id\ttype\the\tlatin\tmentions\tdocuments\tconfidence\n".utf8)
    }

    public mutating func begin(_ entity: ReconciledEntity, mentionCount: Int) throws {
      current = entity
      mentions = 0
      seenDocs.removeAll(keepingCapacity: true)
      lastDoc = nil
    }

    public mutating func mention(_ m: Mention) throws {
      mentions += 1
      // Mentions come in document order: a new document is a change from the last one.
      if m.doc != lastDoc {
        lastDoc = m.doc
        seenDocs.insert(m.doc)
      }
    }

    public mutating func end() throws {
      guard let e = current else { return }
      let row = "\(e.id)\t\(e.type.rawValue)\t\(e.names.he.joined(separator: " | "))\t\(e.names.latin.joined(separator: " | "))\t\(mentions)\t\(seenDocs.count)\t\(e.confidence)\n"
      buffer.append(contentsOf: row.utf8)
      current = nil
      if buffer.count >= 1 << 16 { try flush() }
    }

    /// Hands the buffered bytes to the output.
    public mutating func flush() throws {
      if buffer.isEmpty { return }
      try output(buffer)
      buffer.removeAll(keepingCapacity: true)
    }

    mutating func write(_ entities: [ReconciledEntity]) {
      try? send(entities)
      try? flush()
    }
  }

  /// Escapes text for HTML.
  static func escape(_ s: Substring) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// A self-contained HTML page: one section per entity with its Hebrew (`dir="rtl"`) and Latin
  /// names side by side and every mention in context, the name highlighted, linked to the
  /// document's own section.
  ///
  /// - Parameters:
  ///   - entities: the reconciled entities, in the order to show them.
  ///   - documents: the documents reconciled, for the context of each mention.
  ///   - context: bytes of context either side of a mention.
  public static func html(_ entities: [ReconciledEntity], documents: [ReconcilerDocument], context: Int = 80) -> String {
    let texts = Dictionary(documents.map { ($0.id, Array($0.text.utf8)) }, uniquingKeysWith: { a, _ in a })
    var docAnchors: [String: Int] = [:]
    for (i, d) in documents.enumerated() { docAnchors[d.id] = i }
    func cut(_ bytes: [UInt8], _ a: Int, _ b: Int) -> Substring {
      var a = max(0, min(a, bytes.count))
      var b = max(a, min(b, bytes.count))
      while a > 0 && a < bytes.count && bytes[a] & 0xC0 == 0x80 { a -= 1 }
      while b < bytes.count && bytes[b] & 0xC0 == 0x80 { b += 1 }
      return Substring(String(decoding: bytes[a..<b], as: UTF8.self))
    }
    var h = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Entities</title>
      <style>
      body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}
      table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}
      mark{background:#ffe066}.ctx{color:#333}.m{margin:.2em 0}.he{font-family:"David","Noto Sans Hebrew",sans-serif}
      section{border-top:1px solid #999;margin-top:1.2em}
      </style></head><body>
      <h1>Entities</h1>
      <table><thead><tr><th>id</th><th>type</th><th>Hebrew</th><th>Latin</th><th>mentions</th><th>confidence</th></tr></thead><tbody>

      """
    for e in entities {
      h += "<tr><td><a href=\"#\(escape(Substring(e.id)))\">\(escape(Substring(e.id)))</a></td><td>\(e.type.rawValue)</td>"
      h += "<td class=\"he\" dir=\"rtl\" lang=\"he\">\(escape(Substring(e.names.he.joined(separator: " · "))))</td>"
      h += "<td dir=\"ltr\">\(escape(Substring(e.names.latin.joined(separator: " · "))))</td><td>\(e.mentions.count)</td><td>\(e.confidence)</td></tr>\n"
    }
    h += "</tbody></table>\n"
    for e in entities {
      h += "<section id=\"\(escape(Substring(e.id)))\"><h2>\(escape(Substring(e.id))) (\(e.type.rawValue))</h2>\n"
      h += "<p><span class=\"he\" dir=\"rtl\" lang=\"he\">\(escape(Substring(e.names.he.joined(separator: " · "))))</span>"
      h += " ⟷ <span dir=\"ltr\">\(escape(Substring(e.names.latin.joined(separator: " · "))))</span></p>\n"
      for m in e.mentions {
        guard let bytes = texts[m.doc] else { continue }
        let rtl = m.lang == .he
        let before = cut(bytes, m.start - context, m.start)
        let name = cut(bytes, m.start, m.end)
        let after = cut(bytes, m.end, m.end + context)
        let anchor = docAnchors[m.doc].map { "#doc\($0)" } ?? ""
        h += "<div class=\"m\"><a href=\"\(anchor)\">\(escape(Substring(m.doc)))</a> [\(m.start)–\(m.end)] \(m.confidence) "
        h += "<span class=\"ctx\(rtl ? " he" : "")\" dir=\"\(rtl ? "rtl" : "ltr")\"\(rtl ? " lang=\"he\"" : "")>…\(escape(before))<mark>\(escape(name))</mark>\(escape(after))…</span></div>\n"
      }
      h += "</section>\n"
    }
    h += "<h2>Documents</h2>\n"
    for (i, d) in documents.enumerated() {
      let ents = entities.filter { $0.mentions.contains { $0.doc == d.id } }
      h += "<section id=\"doc\(i)\"><h3>\(escape(Substring(d.id)))</h3><p>"
      h += ents.map { "<a href=\"#\(escape(Substring($0.id)))\">\(escape(Substring($0.names.latin.first ?? $0.names.he.first ?? $0.id)))</a>" }.joined(separator: ", ")
      h += "</p></section>\n"
    }
    h += "</body></html>\n"
    return h
  }
}

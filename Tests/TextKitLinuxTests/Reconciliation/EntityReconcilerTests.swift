import Testing
@testable import TextKitLinux

@Suite("EntityReconciler")
struct EntityReconcilerTests {
  // Fixtures written for these tests.
  static let english = ReconcilerDocument(id: "en.txt", text: """
    Rabbi Zamir Isayev met the mayor in Baku on Monday. Later, Rabbi Isayev flew to Israel.
    President Ilham Aliyev greeted the guests. Aliyev praised Europe. Leyla Aliyeva was absent.
    """)
  static let hebrew = ReconcilerDocument(id: "he.txt", text: """
    הרב זמיר איסייב נפגש עם ראש העיר בבאקו. אחר כך טס הרב איסייב לישראל.
    הנשיא אילהם אלייב קיבל את האורחים. אלייב שיבח את אירופה.
    """)

  func entity(_ es: [ReconciledEntity], latin: String) -> ReconciledEntity? {
    es.first { $0.names.latin.contains(latin) }
  }

  @Test func linksAcrossScripts() throws {
    let es = EntityReconciler().reconcile([Self.english, Self.hebrew])
    let isayev = try #require(entity(es, latin: "Zamir Isayev"))
    #expect(isayev.type == .person)
    #expect(isayev.names.he.contains("זמיר איסייב"))
    #expect(isayev.mentions.contains { $0.text == "Isayev" && $0.title == "Rabbi" })
    let aliyev = try #require(entity(es, latin: "Ilham Aliyev"))
    #expect(aliyev.names.he.contains("אילהם אלייב"))
    #expect(aliyev.names.he.contains("אלייב"))
    let baku = try #require(entity(es, latin: "Baku"))
    #expect(baku.names.he == ["באקו"])
  }

  @Test func keepsDifferentEntitiesApart() throws {
    let es = EntityReconciler().reconcile([Self.english, Self.hebrew])
    let israel = try #require(entity(es, latin: "Israel"))
    #expect(!israel.names.latin.contains { $0.contains("Isayev") })
    let aliyeva = try #require(entity(es, latin: "Leyla Aliyeva"))
    #expect(!aliyeva.names.latin.contains("Ilham Aliyev"))
  }

  @Test func offsetsAreUTF8ByteOffsets() throws {
    let docs = [Self.english, Self.hebrew]
    for e in EntityReconciler().reconcile(docs) {
      for m in e.mentions {
        let doc = try #require(docs.first { $0.id == m.doc })
        let bytes = Array(doc.text.utf8)
        #expect(String(decoding: bytes[m.start..<m.end], as: UTF8.self) == m.text)
      }
    }
  }

  @Test func htmlReportIsWellFormedAndMarksHebrewRTL() {
    let docs = [Self.english, Self.hebrew]
    let html = ReconciliationReport.html(EntityReconciler().reconcile(docs), documents: docs)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("dir=\"rtl\""))
    #expect(html.contains("<mark>באקו</mark>"))
    for tag in ["section", "div", "span", "table", "tr", "td", "mark", "a"] {
      let opens = html.components(separatedBy: "<\(tag) ").count - 1 + html.components(separatedBy: "<\(tag)>").count - 1
      let closes = html.components(separatedBy: "</\(tag)>").count - 1
      #expect(opens == closes, "unbalanced <\(tag)>")
    }
  }

  @Test func jsonlHasTheDocumentedShape() {
    let out = ReconciliationReport.jsonl(EntityReconciler().reconcile([Self.english]))
    let first = out.split(separator: "\n").first.map(String.init) ?? ""
    for key in ["\"id\"", "\"type\"", "\"names\"", "\"he\"", "\"latin\"", "\"confidence\"", "\"mentions\"", "\"start\"", "\"end\"", "\"lang\""] {
      #expect(first.contains(key))
    }
  }
}

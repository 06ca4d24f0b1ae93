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

  @Test func invisibleCharactersInsideWordsDoNotCutThem() throws {
    // A soft hyphen cut "Ilham Aliyev" to "Ilham Ali", a ZWSP "Baku" to "Ba"; an LRM or RLM
    // inside a Hebrew word kept it from linking.
    let en = ReconcilerDocument(id: "en.txt", text: "President Ilham Ali\u{AD}yev visited Ba\u{200B}ku on Monday.\n")
    let he = ReconcilerDocument(id: "he.txt", text: "הנשיא אילהם אל\u{200F}ייב ביקר בב\u{200E}אקו.\n")
    let es = EntityReconciler().reconcile([en, he])
    let aliyev = try #require(entity(es, latin: "Ilham Aliyev"))
    #expect(aliyev.names.he == ["אילהם אלייב"])
    #expect(aliyev.mentions.contains { $0.text == "Ilham Ali\u{AD}yev" })
    let baku = try #require(entity(es, latin: "Baku"))
    #expect(baku.names.he == ["באקו"])
    #expect(baku.mentions.count == 2)
    // Two in a row, and an isolate pair, too.
    let two = ReconcilerDocument(id: "en2.txt", text: "President Ilham Ali\u{200B}\u{AD}yev met Ba\u{2066}k\u{2069}u.\n")
    let names = EntityReconciler().reconcile([two]).flatMap(\.names.latin)
    #expect(names.contains("Ilham Aliyev"))
    #expect(names.contains("Baku"))
  }

  @Test func pointedWordWithAPrefixLinks() throws {
    // The prefix was counted as bytes / 2 letters: בְּ (six bytes) left too short a stem.
    let en = ReconcilerDocument(id: "en.txt", text: "President Ilham Aliyev visited Baku.\n")
    let he = ReconcilerDocument(id: "he.txt", text: "ביקרנו בְּבָאקוּ.\n")
    let baku = try #require(entity(EntityReconciler().reconcile([en, he]), latin: "Baku"))
    #expect(baku.mentions.map(\.text).sorted() == ["Baku", "בָאקוּ"])
  }

  @Test func aHyphenedModifierDoesNotStartAName() throws {
    let doc = ReconcilerDocument(id: "en.txt", text: "It was special for the community of the majority-Muslim Azerbaijan.\n")
    let names = EntityReconciler().reconcile([doc]).flatMap(\.names.latin)
    #expect(names.contains("Azerbaijan"))
    #expect(!names.contains("Muslim Azerbaijan"))
  }

  @Test func placeWithTwoPrefixLettersLinksThroughItsStem() throws {
    // ש + ב before אירופה: the stem's skeleton agrees with Europe, and the cost the matcher
    // charges for the two stripped letters must not hide it.
    let en = ReconcilerDocument(id: "en2.txt", text: "Winters in Europe were cold. Europe waited for spring.\n")
    let he = ReconcilerDocument(id: "he2.txt", text: "הם סיפרו שבאירופה החורף היה קר מאוד השנה.\n")
    let es = EntityReconciler().reconcile([en, he])
    let europe = try #require(entity(es, latin: "Europe"))
    #expect(europe.mentions.contains { $0.lang == .he && $0.text == "אירופה" })
  }

  @Test func keepsDifferentEntitiesApart() throws {
    let es = EntityReconciler().reconcile([Self.english, Self.hebrew])
    let israel = try #require(entity(es, latin: "Israel"))
    #expect(!israel.names.latin.contains { $0.contains("Isayev") })
    let aliyeva = try #require(entity(es, latin: "Leyla Aliyeva"))
    #expect(!aliyeva.names.latin.contains("Ilham Aliyev"))
  }

  @Test func bareSurnameJoinsOnlyItsOwnFullName() throws {
    // A one-word surname joins the full name it fits, not a near-homonym (Aliyeva ≠ Aliyev).
    let en = ReconcilerDocument(id: "en3.txt", text: """
      President Ilham Aliyev spoke first. Aliyev thanked the hosts.
      Later, Aliyeva spoke about the festival.
      """)
    let es = EntityReconciler().reconcile([en])
    let aliyev = try #require(entity(es, latin: "Ilham Aliyev"))
    #expect(aliyev.names.latin.contains("Aliyev"))
    #expect(!aliyev.names.latin.contains("Aliyeva"))
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

  // Common Hebrew words that sound like rare English names, beside names that must still link.
  static let englishFiller = String(repeating: "the weather was mild and the roads were calm all week long. ", count: 80)
  static let commonEnglish = ReconcilerDocument(id: "common-en.txt", text: """
    Governor Dan Sherman opened the fair in Baku. Many visitors came from Washington.
    In the north, the Marches were quiet. \(englishFiller)
    """)
  static let commonHebrew = ReconcilerDocument(id: "common-he.txt", text: """
    השר ביקר בבאקו. שרים רבים הגיעו לכנס, והשר נאם בפני שרים ואורחים.
    \(String(repeating: "הכביש הזה מרכזי מאוד לעיר, ואנשים נסעו בוושינגטון אל הכנס. ", count: 10))
    """)

  @Test func commonHebrewWordsNeedEvidenceToLink() throws {
    let docs = [Self.commonEnglish, Self.commonHebrew]
    let es = EntityReconciler().reconcile(docs)
    let sherman = try #require(entity(es, latin: "Dan Sherman"))
    #expect(!sherman.names.he.contains("שרים"))
    let marches = try #require(entity(es, latin: "Marches"))
    #expect(marches.names.he.isEmpty)
    // Names still link: foreign spelling (וו) outweighs frequency; Baku is as frequent on both sides.
    #expect(entity(es, latin: "Washington")?.names.he == ["וושינגטון"])
    #expect(entity(es, latin: "Baku")?.names.he == ["באקו"])
    // Without the evidence rules the common words do link (so the rules decide it).
    var loose = EntityReconciler()
    loose.frequencyRatioLimit = .infinity
    loose.requiresNameEvidence = false
    let looseEntities = loose.reconcile(docs)
    let linked = [("Dan Sherman", "שרים"), ("Marches", "מרכזי")].filter { latin, he in
      entity(looseEntities, latin: latin)?.names.he.contains(he) == true
    }
    #expect(!linked.isEmpty)
  }
}

import Testing
@testable import TextKitLinux

/// Names of the user's gazetteer found word for word in Hebrew text become mentions of the
/// gazetteer's entity, with or without an English document that names it.
@Suite("Reconciliation: gazetteer hits")
struct GazetteerHitsTests {
  static let gazetteer = """
    # id<TAB>name<TAB>type, written for these tests
    Q9248\tבאקו\tplace
    Q9248\tBaku\tplace
    Q1\tשושנה דמארי\tperson
    Q1\tShoshana Damari\tperson
    Q2\tעם\tplace
    Q61\tוושינגטון\tplace
    Q61\tWashington\tplace
    """

  static func reconciler() throws -> EntityReconciler {
    EntityReconciler(gazetteer: try NameIndex(gazetteer: gazetteer))
  }

  @Test("a Hebrew-only document: a gazetteer place with a prefix letter, and a two-word name")
  func hebrewOnlyHits() throws {
    let text = "אתמול הם טסו לבאקו עם הזמרת שושנה דמארי, ומשם חזרו הביתה.\n"
    let es = try Self.reconciler().reconcile([ReconcilerDocument(id: "he.txt", text: text)])
    let baku = try #require(es.first { $0.id == "Q9248" })
    #expect(baku.type == .place)
    #expect(baku.names.he == ["באקו"])
    #expect(baku.names.latin == ["Baku"])
    let m = try #require(baku.mentions.first)
    #expect(m.text == "באקו")
    #expect(Array(Array(text.utf8)[m.start..<m.end]) == Array("באקו".utf8))
    let singer = try #require(es.first { $0.id == "Q1" })
    #expect(singer.type == .person)
    #expect(singer.mentions.map(\.text) == ["שושנה דמארי"])
  }

  @Test("a title cue does not swallow a gazetteer name after it")
  func titleCueStopsAtAGazetteerName() throws {
    // The two words after הנשיא were taken as a person ("ביקר בבאקו"), and Baku was lost.
    let es = try Self.reconciler().reconcile([ReconcilerDocument(id: "he.txt", text: "הנשיא ביקר בבאקו.\n")])
    let baku = try #require(es.first { $0.id == "Q9248" })
    #expect(baku.mentions.map(\.text) == ["באקו"])
    #expect(!es.contains { $0.names.he.contains { $0.contains("בבאקו") } })
    // Nor is a name after a title the same as one right after it (שושנה דמארי).
    let singer = try Self.reconciler().reconcile([ReconcilerDocument(id: "he.txt", text: "הזמרת שושנה דמארי שרה.\n")])
    #expect(singer.first { $0.id == "Q1" }?.mentions.map(\.text) == ["שושנה דמארי"])
  }

  @Test("after a title cue a name takes a particle and the word after it, and stops at a prefixed title")
  func titleCueNameShape() {
    let es = EntityReconciler().reconcile([
      ReconcilerDocument(id: "he.txt", text: "אמר ח\"כ יואב בן צור אתמול. הרב הרצוג לנשיא.\n")
    ])
    let names = Set(es.flatMap(\.names.he))
    #expect(names.contains("יואב בן צור"))  // was cut to יואב בן
    #expect(names.contains("הרצוג"))  // was הרצוג לנשיא
    #expect(!names.contains("הרצוג לנשיא"))
  }

  @Test("a gazetteer place without a prefix can be part of a name after a title; short titles after a letter are surnames")
  func titleCueKeepsNamesThatAreAlsoPlaces() throws {
    let gz = try NameIndex(gazetteer: "L1\tישראל\tplace\nL2\tשרון\tplace\n")
    let es = EntityReconciler(gazetteer: gz).reconcile([
      ReconcilerDocument(id: "he.txt", text: "השר ישראל כץ אמר. השר אריאל שרון נאם. השר גונן שגב נאם. השר עמוס הדר נאם.\n")
    ])
    let names = Set(es.flatMap(\.names.he))
    for n in ["ישראל כץ", "אריאל שרון", "גונן שגב", "עמוס הדר"] { #expect(names.contains(n), "\(n)") }
  }

  @Test("a hit on a pointed word with a prefix starts after the prefix's points")
  func pointedPrefixedHit() throws {
    // The prefix was taken as two bytes a letter: the mention began with its sheva and dagesh.
    let es = try Self.reconciler().reconcile([ReconcilerDocument(id: "he.txt", text: "ביקרנו בְּבָאקוּ.\n")])
    let baku = try #require(es.first { $0.id == "Q9248" })
    #expect(baku.mentions.map(\.text) == ["בָאקוּ"])
  }

  @Test("without the gazetteer the same words are not names")
  func noGazetteerNoHits() {
    let text = "אתמול הם טסו לבאקו עם הזמרת שושנה דמארי, ומשם חזרו הביתה.\n"
    let es = EntityReconciler().reconcile([ReconcilerDocument(id: "he.txt", text: text)])
    #expect(!es.contains { $0.names.he.contains("באקו") })
  }

  @Test("a hit and an English mention of the same gazetteer entity are one entity")
  func hitJoinsTheEnglishEntity() throws {
    let en = ReconcilerDocument(id: "en.txt", text: "The delegation landed in Baku on Sunday.\n")
    let he = ReconcilerDocument(id: "he.txt", text: "המשלחת נחתה בבאקו ביום ראשון.\n")
    let es = try Self.reconciler().reconcile([en, he])
    let bakus = es.filter { $0.id == "Q9248" }
    #expect(bakus.count == 1)
    #expect(bakus.first?.mentions.map(\.lang).sorted { $0.rawValue < $1.rawValue } == [.he, .latin])
  }

  @Test("the id goes to the entity with every token paired: Washington, not the Washington Post")
  func idsNeedEveryTokenPaired() throws {
    let en = ReconcilerDocument(id: "en.txt", text: """
      The Washington Post reported it first. The Washington Post then asked the embassy.
      Officials in Washington declined to comment.

      """)
    let he = ReconcilerDocument(id: "he.txt", text: "הפקידים בוושינגטון סירבו להגיב.\n")
    let es = try Self.reconciler().reconcile([en, he])
    let washington = try #require(es.first { $0.id == "Q61" })
    #expect(washington.names.latin == ["Washington"])
    #expect(washington.mentions.contains { $0.lang == .he && $0.text == "וושינגטון" })
    #expect(es.filter { $0.id == "Q61" }.count == 1)
    #expect(es.contains { $0.names.latin.contains("Washington Post") && $0.id != "Q61" })
  }

  @Test("only whole words: a longer word that starts with the name is no hit, nor a too-short name")
  func wholeWordsOnly() throws {
    let text = "הם דיברו על באקוסטיקה של האולם עם המנצח.\n"
    let es = try Self.reconciler().reconcile([ReconcilerDocument(id: "he.txt", text: text)])
    #expect(!es.contains { $0.id == "Q9248" })
    #expect(!es.contains { $0.id == "Q2" })
  }
}

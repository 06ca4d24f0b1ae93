import Foundation
import Testing
@testable import TextKitLinux

@Suite("NameIndex")
struct NameIndexTests {
  static let gazetteer = """
    # test gazetteer
    P1\tZamir Isayev\tperson
    P1\tזמיר איסייב\tperson
    P2\tIlham Aliyev\tperson
    L1\tBaku\tplace
    {"id": "L2", "names": ["Washington", "וושינגטון"], "type": "place"}
    L3\tIsrael\tplace
    """

  @Test func searchFindsAcrossScripts() throws {
    let index = try NameIndex(gazetteer: Self.gazetteer)
    #expect(index.count == 7)
    #expect(index.search("בבאקו", top: 1).first?.id == "L1")
    #expect(index.search("הרב איסייב", top: 1).first?.id == "P1")
    #expect(index.search("מוושינגטון", top: 1).first?.id == "L2")
    let top = index.search("Israel", top: 3)
    #expect(top.first?.id == "L3")
    #expect(top.first?.type == .place)
  }

  @Test func saveLoadRoundTrip() throws {
    let index = try NameIndex(gazetteer: Self.gazetteer)
    let loaded = try NameIndex(serialized: index.serialized())
    #expect(loaded.ids == index.ids)
    #expect(loaded.names == index.names)
    for q in ["Aliyev", "באקו", "Isaev"] {
      #expect(loaded.search(q, top: 3) == index.search(q, top: 3))
    }
  }

  @Test func savesAtomicallyThroughLinks() throws {
    let dir = NSTemporaryDirectory() + "tkl-index-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let index = try NameIndex(gazetteer: Self.gazetteer)
    try index.save(to: dir + "/a.idx")
    #expect(try NameIndex(contentsOf: dir + "/a.idx").serialized() == index.serialized())
    try FileManager.default.createSymbolicLink(atPath: dir + "/link.idx", withDestinationPath: "a.idx")
    try index.save(to: dir + "/link.idx")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.idx") == "a.idx")
    #expect(throws: NameIndex.Error.self) { try index.save(to: dir + "/missing/dir/b.idx") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.idx", "link.idx"])
  }

  @Test func malformedInputIsAnError() {
    #expect(throws: NameIndex.Error.self) { try NameIndex(gazetteer: "only-one-column\n") }
    #expect(throws: NameIndex.Error.self) { try NameIndex(gazetteer: "{\"id\": 3}\n") }
    #expect(throws: NameIndex.Error.self) { try NameIndex(serialized: [1, 2, 3]) }
    var truncated = (try? NameIndex(gazetteer: Self.gazetteer))?.serialized() ?? []
    truncated.removeLast(5)
    #expect(throws: NameIndex.Error.self) { try NameIndex(serialized: truncated) }
  }

  @Test func crlfLinesAndAByteOrderMarkAreRead() throws {
    // "\r\n" is one Character in Swift: a CRLF file was one line (one entry, type lost).
    let crlf = "L1\tBaku\tplace\r\nP1\tIlham Aliyev\tperson\r\nP2\tVladimir Putin\tperson\r\n"
    let index = try NameIndex(gazetteer: crlf)
    #expect(index.count == 3)
    #expect(index.search("Putin", top: 1).first?.id == "P2")
    #expect(index.search("Baku", top: 1).first?.type == .place)
    let bom = try NameIndex(gazetteerBytes: [0xEF, 0xBB, 0xBF] + Array("L1\tBaku\tplace\n".utf8))
    #expect(bom.ids == ["L1"])
    let jsonl = try NameIndex(gazetteerBytes: [0xEF, 0xBB, 0xBF] + Array(#"{"id": "L2", "names": ["Baku"]}"#.utf8))
    #expect(jsonl.ids == ["L2"])
  }

  @Test func invalidUTF8IsAnErrorWithLineAndByte() {
    let bytes = Array("L1\tBaku\tplace\nL2\tBa".utf8) + [0xFF] + Array("ku\tplace\n".utf8)
    #expect {
      try NameIndex(gazetteerBytes: bytes)
    } throws: { error in
      (error as? NameIndex.Error)?.description == "line 2, byte 19: invalid UTF-8 (bytes FF)"
    }
  }

  @Test func damagedOffsetsAreAnErrorNotATrap() throws {
    let good = try NameIndex(gazetteer: Self.gazetteer).serialized()
    let n = Int(good[8]) | Int(good[9]) << 8
    // The first id's end offset, set past the data, then past the next one (out of order).
    for value: UInt32 in [0xFFFF_FF00, 200] {
      var bad = good
      let at = 16 + n * 18 + 4
      withUnsafeBytes(of: value.littleEndian) { for (k, b) in $0.enumerated() { bad[at + k] = b } }
      #expect(throws: NameIndex.Error.self) { try NameIndex(serialized: bad) }
    }
    #expect(throws: NameIndex.Error.self) { try NameIndex(serialized: good + [0]) }
  }

  @Test func oneResultAnId() throws {
    // P1 has a Latin and a Hebrew name: both used to fill two of the three places.
    let ids = try NameIndex(gazetteer: Self.gazetteer).search("Zamir Isayev", top: 3).map(\.id)
    #expect(ids.first == "P1")
    #expect(Set(ids).count == ids.count)
  }

  @Test func emptyIndexAnswersNothing() {
    #expect(NameIndex().search("Baku").isEmpty)
  }
}

import Testing
@testable import TextKitLinux

/// The C graphone decoder against the Swift decoder it replaced (`ReferenceGraphoneModel`,
/// kept verbatim in this folder): same ranked outputs, same order, same scores, on the shipped
/// model and on synthetic TKGM v1 files of other orders and sizes.
@Suite("Graphone decoder: equivalence with the Swift reference")
struct GraphoneDecoderEquivalenceTests {
  /// Tokens for the comparison: made up for this test, plus tokens of names from
  /// persons-train.tsv (the training file; never the dev files).
  static let hebrewTokens: [String] = [
    // Made up: geresh forms, doubled letters, final forms, one letter, long, odd.
    "ג'ורג'", "ג׳ורג׳", "צ'רצ'יל", "ז'קלין", "ת'ורן", "ח'אלד", "וווו", "ייי", "ו", "א", "ע",
    "אאאא", "בבבבבבבבבבבבבבבבבבבב", "פפף", "כךכך", "שלומציון", "אבגדהוזחטיכלמנסעפצקרשת",
    "יוסףחייםברנשטיין", "היי", "עוזי", "טראמפ", "הרצוג", "איסייב", "אלייב", "באקו", "וושינגטון",
    "דאבוס", "אילהם", "זמיר", "צור", "קוואלצ'יק", "ולדימירוביץ'", "גוגוברידזה", "שבילי",
    // From persons-train.tsv.
    "עודד", "גולן", "אלברט", "אלן", "יהודה", "קווה", "ארתור", "הולמס", "פטריסיה", "ז'יראר",
    "ויליאם", "פורסיית'", "פרנקו", "רוסליני", "אוגוסט", "דובאי", "סיזר", "קרלאונה", "לקס", "לאנג",
    "הרי", "ורבין", "דורותי", "ווהן", "ברטל", "תורוואלסן", "קים", "רוברטס", "מארק", "אנתוני",
    "מרקוס", "ויפסניוס", "אגריפה", "צ'וי", "יונג", "רים", "פול", "לדר", "דניאל", "פרנסואה",
    "מאלאן", "מטאי", "קאראג'אלה", "קריקסוס", "כאמל", "חמיד", "אנדרו", "פלמינג", "ג'או", "לונדון",
    "פאולו", "קנבארו", "פיליפ", "דה", "שאמפן", "קווין", "ראד", "אפונסו", "גונוואלס", "איזבל",
    "איינדה", "אורבן", "קסן", "אדריאן", "רביו", "מהמט", "סוקולו", "פאשה", "שארל", "מאליכ",
    "ראול", "קובאס", "גראו", "ונסה", "דל", "ריב", "לטיסיה", "קסטה", "מייק", "מולוי",
    "אלראבי", "קחאטאבי", "ג'יבריל", "סידיבה", "ג'ו", "ביני", "ראזענטהאל", "הערמאן", "טים",
    "אובראיין", "ז'אק", "שיראק", "נייט", "שאמלאן", "אראוס", "הראשון", "סוזן", "ספאק",
  ]
  static let latinTokens: [String] = [
    // Made up.
    "a", "x", "q", "zzz", "aaaaaaaaaaaaaaaaaaaa", "Tschaikowskyvich", "Shvilidze", "Zhukov",
    "Trump", "Herzog", "Isayev", "Aliyev", "Baku", "Washington", "Davos", "George", "Khachaturian",
    "Ouellette", "Mkhitaryan", "Björn", "Çelik", "Øster", "Łukasz", "Straße", "O'Neill", "Yoav",
    "Tzur", "Ilham", "Goldstein", "Zadeh", "Ivanovski", "Quixote",
    // From persons-train.tsv.
    "Oded", "Golan", "Albert", "Allen", "Yehuda", "Kaveh", "Arthur", "Holmes", "Patricia",
    "Girard", "William", "Forsythe", "Franco", "Rossellini", "Auguste", "Dubail", "César",
    "Charlone", "Lex", "Lang", "Harry", "Werbin", "Dorothy", "Vaughan", "Bertel", "Thorvaldsen",
    "Kim", "Roberts", "Marc", "Anthony", "Marcus", "Vipsanius", "Agrippa", "Choe", "Yong", "rim",
    "Paul", "Leder", "Daniel", "François", "Malan", "Mateiu", "Caragiale", "Crixus", "Kamel",
    "Hamid", "Andrew", "Fleming", "Geo", "London", "Paolo", "Cannavaro", "Philippe", "de",
    "Champaigne", "Kevin", "Rudd", "Affonso", "Gonçalves", "Isabel", "Allende", "Urbain", "Cassan",
    "Adrien", "Rabiot", "Sokollu", "Mehmed", "Pasha", "Charles", "Malik", "Raúl", "Cubas", "Grau",
    "Vanessa", "del", "Rio", "Laetitia", "Casta", "Mike", "Molloy", "Elarbi", "Khattabi",
    "Djibril", "Sidibé", "Joe", "Bini", "Herman", "Rosenthal", "Tim", "O'Brien", "Jacques",
    "Chirac", "Night", "Shyamalan", "Areus", "Suzanne", "Spaak", "Cristoforo", "Caresana",
  ]

  static let shipped: (c: GraphoneModel, reference: ReferenceGraphoneModel)? = {
    guard let bytes = EmbeddedData.bytes(named: "translit-names.tkgm"),
      let c = try? GraphoneModel(bytes: bytes), let r = try? ReferenceGraphoneModel(bytes: bytes)
    else { return nil }
    return (c, r)
  }()

  /// Both decoders on one input: same outputs in the same order, scores equal within
  /// float tolerance.
  static func expectSame(
    _ c: GraphoneModel, _ r: ReferenceGraphoneModel, _ input: [UInt8], toLatin: Bool, beam: Int,
    count: Int, _ label: String
  ) {
    let a = c.decode(input, toLatin: toLatin, beam: beam, count: count)
    let b = r.decode(input, toLatin: toLatin, beam: beam, count: count)
    #expect(a.map { Array($0.output) } == b.map(\.output), "\(label) beam \(beam)")
    for (x, y) in zip(a, b) {
      #expect(abs(x.logPosterior - y.logPosterior) <= 1e-4 * max(1, abs(y.logPosterior)), "\(label)")
    }
  }

  @Test func shippedModelHebrewToLatin() throws {
    let (c, r) = try #require(Self.shipped)
    var compared = 0
    for token in Self.hebrewTokens {
      let units = try #require(HebrewLetters.units(Substring(token).unicodeScalars), "\(token)")
      for beam in [16, 4] { Self.expectSame(c, r, units, toLatin: true, beam: beam, count: 10, token) }
      compared += 1
    }
    #expect(compared >= 100)
  }

  @Test func shippedModelLatinToHebrew() throws {
    let (c, r) = try #require(Self.shipped)
    var compared = 0
    for token in Self.latinTokens {
      let letters = try #require(Transliterator.latinLetters(Substring(token)), "\(token)")
      for beam in [16, 4] { Self.expectSame(c, r, letters, toLatin: false, beam: beam, count: 10, token) }
      compared += 1
    }
    #expect(compared >= 100)
  }

  @Test func shippedModelStepsMatch() throws {
    let (c, r) = try #require(Self.shipped)
    var rng = SplitMix64(seed: 11)
    // Any state and any graphone of the model.
    let states = UInt64(r.backoffWeight.count), graphones = UInt64(r.graphoneCount)
    #expect(graphones > 500)
    for _ in 0..<5_000 {
      let state = UInt32(rng.next() % states), g = Int32(rng.next() % graphones)
      let (a, na) = c.step(state, g)
      let (b, nb) = r.step(state, g)
      #expect(a == b && na == nb)
    }
  }

  @Test(arguments: [
    SyntheticModel.Shape(seed: 1, order: 2, graphones: 40, states: 30, units: 8, letters: 6),
    SyntheticModel.Shape(seed: 2, order: 3, graphones: 300, states: 400, units: 3, letters: 4),
    SyntheticModel.Shape(seed: 3, order: 4, graphones: 120, states: 900, units: 10, letters: 8, shuffledStates: true),
    SyntheticModel.Shape(seed: 4, order: 6, graphones: 80, states: 2_000, units: 5, letters: 5, shuffledStates: true),
    SyntheticModel.Shape(seed: 7, order: 3, graphones: 200, states: 150, units: 4, letters: 5, maxRow: 120),
    // Log-probabilities in steps of 0.5: many exactly equal scores, so the order of ties
    // (the reference's push order) decides; long rows with many keys per state.
    SyntheticModel.Shape(seed: 11, order: 3, graphones: 150, states: 300, units: 4, letters: 3, maxRow: 60, quantized: true),
    SyntheticModel.Shape(
      seed: 12, order: 5, graphones: 400, states: 3_000, units: 10, letters: 6, shuffledStates: true, maxRow: 40,
      quantized: true),
    SyntheticModel.Shape(seed: 13, order: 2, graphones: 60, states: 40, units: 2, letters: 2, maxRow: 30, quantized: true),
  ])
  func syntheticModels(_ shape: SyntheticModel.Shape) throws {
    let bytes = SyntheticModel.bytes(shape)
    let c = try GraphoneModel(bytes: bytes)
    let r = try ReferenceGraphoneModel(bytes: bytes)
    #expect(c.order == shape.order)
    var rng = SplitMix64(seed: shape.seed &+ 100)
    var nonEmpty = 0
    for i in 0..<150 {
      let n = 1 + Int(rng.next() % 9)
      let units = (0..<n).map { _ in SyntheticModel.unit(Int(rng.next() % UInt64(shape.units))) }
      let letters = (0..<n).map { _ in UInt8(0x61 + rng.next() % UInt64(shape.letters + 1)) }
      let beam = [1, 3, 16, 40][i % 4]
      Self.expectSame(c, r, units, toLatin: true, beam: beam, count: 8, "\(units)")
      Self.expectSame(c, r, letters, toLatin: false, beam: beam, count: 8, "\(letters)")
      if !c.decode(letters, toLatin: false, beam: beam, count: 8).isEmpty { nonEmpty += 1 }
    }
    #expect(nonEmpty > 20)
    for _ in 0..<2_000 {
      let state = UInt32(rng.next() % UInt64(shape.states)), g = Int32(rng.next() % UInt64(shape.graphones))
      let (a, na) = c.step(state, g)
      let (b, nb) = r.step(state, g)
      #expect(a == b && na == nb)
    }
  }
}

@Suite("Graphone decoder: damaged model files")
struct GraphoneModelDamageTests {
  @Test func everyTruncationIsRejected() throws {
    let bytes = SyntheticModel.bytes(.init(seed: 5, order: 3, graphones: 30, states: 20, units: 4, letters: 4))
    _ = try GraphoneModel(bytes: bytes)
    for n in 0..<bytes.count {
      #expect(throws: GraphoneModel.FormatError.self) { try GraphoneModel(bytes: Array(bytes[..<n])) }
    }
  }

  @Test func cyclicBackOffIsRejected() {
    // Two states backing off to each other: the reference decoder would loop for ever.
    var w = SyntheticModel.Writer()
    w.header(order: 2, graphones: 3, states: 3, entries: 1, start: 1)
    w.graphone([], []); w.graphone([], []); w.graphone([1], [0x61])
    w.state(0, 0); w.state(-1, 2); w.state(-1, 1)
    w.entry(0, 2, -1, 0)
    #expect(throws: GraphoneModel.FormatError.self) { try GraphoneModel(bytes: w.bytes) }
  }

  @Test func badValuesAreRejected() {
    func model(_ edit: (inout SyntheticModel.Writer) -> Void) -> [UInt8] {
      var w = SyntheticModel.Writer()
      edit(&w)
      return w.bytes
    }
    let cases: [[UInt8]] = [
      // version 2
      model { $0.u32s([0x4D47_4B54, 2, 2, 3, 1, 1, 0]) },
      // graphone with a unit out of range
      model { w in
        w.header(order: 2, graphones: 3, states: 1, entries: 1, start: 0)
        w.graphone([], []); w.graphone([], []); w.graphone([99], [0x61]); w.state(0, 0); w.entry(0, 2, -1, 0)
      },
      // Latin side with an upper-case letter
      model { w in
        w.header(order: 2, graphones: 3, states: 1, entries: 1, start: 0)
        w.graphone([], []); w.graphone([], []); w.graphone([1], [0x41]); w.state(0, 0); w.entry(0, 2, -1, 0)
      },
      // entry to a state that does not exist, start state out of range, NaN log-prob
      model { w in
        w.header(order: 2, graphones: 3, states: 1, entries: 1, start: 0)
        w.graphone([], []); w.graphone([], []); w.graphone([1], [0x61]); w.state(0, 0); w.entry(0, 2, -1, 7)
      },
      model { w in
        w.header(order: 2, graphones: 3, states: 1, entries: 1, start: 4)
        w.graphone([], []); w.graphone([], []); w.graphone([1], [0x61]); w.state(0, 0); w.entry(0, 2, -1, 0)
      },
      model { w in
        w.header(order: 2, graphones: 3, states: 1, entries: 1, start: 0)
        w.graphone([], []); w.graphone([], []); w.graphone([1], [0x61]); w.state(0, 0); w.entry(0, 2, .nan, 0)
      },
      // absurd counts in a short file
      model { $0.u32s([0x4D47_4B54, 1, 5, 0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 0, 0]) },
    ]
    for bytes in cases {
      #expect(throws: GraphoneModel.FormatError.self) { try GraphoneModel(bytes: bytes) }
    }
  }

  @Test func corruptedBytesNeverCrash() throws {
    let good = SyntheticModel.bytes(.init(seed: 6, order: 3, graphones: 40, states: 30, units: 4, letters: 4))
    var rng = SplitMix64(seed: 9)
    var loaded = 0
    for _ in 0..<300 {
      var b = good
      for _ in 0..<3 { b[28 + Int(rng.next() % UInt64(b.count - 28))] = UInt8(truncatingIfNeeded: rng.next()) }
      guard let m = try? GraphoneModel(bytes: b) else { continue }
      loaded += 1
      _ = m.decode([1, 2, 3, 1], toLatin: true, beam: 8, count: 5)
      _ = m.decode([0x61, 0x62, 0x63], toLatin: false, beam: 8, count: 5)
    }
    #expect(loaded > 0)
  }
}


/// Random but valid TKGM v1 files (format in Scripts/train-translit).
enum SyntheticModel {
  struct Shape: Sendable, CustomTestStringConvertible {
    var seed: UInt64
    var order: Int
    var graphones: Int
    var states: Int
    /// How many distinct first Hebrew units and Latin letters (a…) graphones use.
    var units: Int
    var letters: Int
    /// State ids permuted, so back-off states are not always lower ids.
    var shuffledStates = false
    /// Entries per state at most (the decoder indexes long rows differently).
    var maxRow = 8
    /// Log-probabilities and back-off weights rounded to multiples of 0.5 (exact ties).
    var quantized = false
    var testDescription: String {
      "order \(order), \(graphones) graphones, \(states) states\(quantized ? ", quantized" : "")"
    }
  }

  /// Unit ids used: letters 1… and, every fourth, a letter with geresh.
  static func unit(_ i: Int) -> UInt8 { i % 4 == 3 ? UInt8(23 + i) : UInt8(1 + i) }

  struct Writer {
    var bytes: [UInt8] = []
    mutating func u32(_ v: UInt32) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func u32s(_ vs: [UInt32]) { for v in vs { u32(v) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func header(order: Int, graphones: Int, states: Int, entries: Int, start: Int) {
      bytes += Array("TKGM".utf8)
      u32s([1, UInt32(order), UInt32(graphones), UInt32(states), UInt32(entries), UInt32(start)])
    }
    mutating func graphone(_ hebrew: [UInt8], _ latin: [UInt8]) {
      bytes.append(UInt8(hebrew.count)); bytes += hebrew
      bytes.append(UInt8(latin.count)); bytes += latin
    }
    mutating func state(_ weight: Float, _ backoff: Int) { f32(weight); u32(UInt32(backoff)) }
    mutating func entry(_ s: Int, _ g: Int, _ lp: Float, _ next: Int) { u32(UInt32(s)); u32(UInt32(g)); f32(lp); u32(UInt32(next)) }
    var quantized = false
    func value(_ x: Float) -> Float { quantized ? (x * 2).rounded() / 2 : x }
  }

  static func bytes(_ shape: Shape) -> [UInt8] {
    var rng = SplitMix64(seed: shape.seed)
    // Graphones: 0 end, 1 start, then 1-2 Hebrew units with 0-3 Latin letters.
    var graphones: [([UInt8], [UInt8])] = [([], []), ([], [])]
    while graphones.count < shape.graphones {
      let u = unit(Int(rng.next() % UInt64(shape.units)))
      let hebrew = rng.next() % 6 == 0 ? [u, unit(Int(rng.next() % UInt64(shape.units)))] : [u]
      let latin = (0..<Int(rng.next() % 4)).map { _ in UInt8(0x61 + rng.next() % UInt64(shape.letters)) }
      graphones.append((hebrew, latin))
    }
    // States: state 0 is the unigram context; each other one backs off to a lower one.
    var backoff = [0] + (1..<shape.states).map { s in s == 1 ? 0 : Int(rng.next() % UInt64(s)) }
    var id = Array(0..<shape.states)
    if shape.shuffledStates {
      for i in stride(from: shape.states - 1, to: 1, by: -1) { id.swapAt(i, 1 + Int(rng.next() % UInt64(i))) }
    }
    var stateBackoff = [Int](repeating: 0, count: shape.states)
    for s in 0..<shape.states { stateBackoff[id[s]] = id[backoff[s]] }
    backoff = stateBackoff
    var entries: [(Int, Int, Float, Int)] = []
    for g in [0] + Array(2..<shape.graphones) where g == 0 || rng.next() % 10 != 0 {
      entries.append((0, g, rng.float(-9, -0.5), Int(rng.next() % UInt64(shape.states))))
    }
    for s in 1..<shape.states {
      for _ in 0..<Int(rng.next() % UInt64(shape.maxRow)) {
        let g = rng.next() % 9 == 0 ? 0 : 2 + Int(rng.next() % UInt64(shape.graphones - 2))
        entries.append((s, g, rng.float(-7, -0.1), Int(rng.next() % UInt64(shape.states))))
      }
    }
    // Some duplicates (the first one counts) and no particular order.
    for _ in 0..<entries.count / 20 {
      let e = entries[Int(rng.next() % UInt64(entries.count))]
      entries.append((e.0, e.1, e.2 - 1, e.3))
    }
    for i in stride(from: entries.count - 1, to: 0, by: -1) { entries.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    var w = Writer()
    w.quantized = shape.quantized
    w.header(order: shape.order, graphones: graphones.count, states: shape.states, entries: entries.count,
             start: shape.states > 1 ? id[1] : 0)
    for (h, l) in graphones { w.graphone(h, l) }
    for s in 0..<shape.states { w.state(s == 0 ? 0 : w.value(rng.float(-2, 0.5)), backoff[s]) }
    for e in entries { w.entry(e.0, e.1, w.value(e.2), e.3) }
    return w.bytes
  }
}

@Suite("Graphone decoder: threads")
struct GraphoneDecoderThreadTests {
  @Test func concurrentDecodesMatchSerialOnes() async throws {
    let model = try Transliterator.sharedModel()
    let tokens = GraphoneDecoderEquivalenceTests.hebrewTokens.compactMap { HebrewLetters.units(Substring($0).unicodeScalars) }
    let serial = tokens.map { model.decode($0, toLatin: true, beam: 16, count: 5).map { Array($0.output) } }
    let results = await withTaskGroup(of: [[[UInt8]]].self) { group in
      for _ in 0..<4 {
        group.addTask {
          tokens.reversed().map { model.decode($0, toLatin: true, beam: 16, count: 5).map { Array($0.output) } }.reversed()
        }
      }
      var all: [[[[UInt8]]]] = []
      for await r in group { all.append(r) }
      return all
    }
    #expect(results.count == 4)
    for r in results { #expect(r == serial) }
  }
}

extension SplitMix64 {
  /// A float in `lo..<hi` from the top 24 bits (the synthetic models' log-probabilities).
  mutating func float(_ lo: Float, _ hi: Float) -> Float {
    lo + (hi - lo) * Float(next() >> 40) / Float(1 << 24)
  }
}

/// Script-independent consonant skeletons, the blocking key of ``NameIndex``.
///
/// Both scripts map to the same 14 consonant classes; vowels, vowel letters (א ה ו י ע), `h`,
/// `w` (except before a vowel) and `y` vanish, `s` and `z` share a class, and repeats collapse, so איסייב and Isayev both give `S B`. English `g`, `j`,
/// `zh`, `dzh` and Hebrew ג ג׳ ז׳ share one class (George is ג׳ורג׳); `ch`, `kh`, `k`, `c`, `q` and כ ק ח צ׳ another.
/// The blocking signature also holds each token's second reading where the scripts disagree
/// on a letter: ח as silent (Hassin חסין), Latin `z` and soft `c` as צ, `j` as י, `gh` silent.
enum NameSkeleton {
  static let letters = "?BPGJDTZSXKLMNR"
  // Hebrew unit (0..<22 base letters) to class.
  static let hebrewClass: [UInt8] = {
    // א ב ג ד ה ו ז ח ט י כ ל מ נ ס ע פ צ ק ר ש ת
    let base: [UInt8] = [0, 1, 3, 5, 0, 0, 8, 10, 6, 0, 10, 11, 12, 13, 8, 0, 2, 9, 10, 14, 8, 6]
    // with geresh: ג׳ J, ז׳ J, צ׳ K, ת׳ T, ד׳ D; others as the base letter.
    var g = base
    g[2] = 3; g[6] = 3; g[17] = 10; g[21] = 6; g[3] = 5
    return base + g
  }()

  /// Class sequence of a token.
  static func classes(_ token: PreparedToken) -> [UInt8] { classes(token, silentHet: false) }

  /// Class sequence of a token; `silentHet` drops ח as English drops the `h` it is written as
  /// (Hassin ~ חסין, Ahimeir ~ אחימאיר), the blocking key's second reading of it.
  static func classes(_ token: PreparedToken, silentHet: Bool) -> [UInt8] {
    classes(token, silentHet: silentHet, otherReading: false)
  }

  /// `otherReading` (Latin only) gives the letters that Hebrew often writes another way their
  /// second reading: `z` and soft `c` as צ (Zion ציון, Cesar צזר), `j` as the vowel letter י
  /// (Johann יוהאן), `gh` silent (Hughes יוז).
  static func classes(_ token: PreparedToken, silentHet: Bool, otherReading: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(token.units.count)
    func push(_ c: UInt8) {
      if c != 0 && out.last != c { out.append(c) }
    }
    if token.script == .hebrew {
      // ו is a vowel letter except first in a token or doubled (וו), where it is v/w.
      let u = token.units
      var k = 0
      while k < u.count {
        if u[k] == 5 && (k == 0 || (k + 1 < u.count && u[k + 1] == 5)) {
          push(1)
          k += (k + 1 < u.count && u[k + 1] == 5) ? 2 : 1
          continue
        }
        if !(silentHet && u[k] == 7) { push(hebrewClass[Int(u[k])]) }
        k += 1
      }
      return out
    }
    let l = token.units
    var i = 0
    func at(_ k: Int) -> UInt8 { k < l.count ? l[k] + 0x60 : 0 }
    while i < l.count {
      let c = at(i)
      let n = at(i + 1)
      switch c {
      case UInt8(ascii: "s"):
        if n == UInt8(ascii: "c") && at(i + 2) == UInt8(ascii: "h") { push(8); i += 3; continue }
        if n == UInt8(ascii: "h") { push(8); i += 2; continue }
        push(8)
      case UInt8(ascii: "c"):
        if n == UInt8(ascii: "h") || n == UInt8(ascii: "k") { push(10); i += 2; continue }
        if n == UInt8(ascii: "z") { push(10); i += 2; continue }
        if n == UInt8(ascii: "e") || n == UInt8(ascii: "i") || n == UInt8(ascii: "y") {
          push(otherReading ? 9 : 8)
        } else {
          push(10)
        }
      case UInt8(ascii: "k"):
        if n == UInt8(ascii: "h") { push(10); i += 2; continue }
        push(10)
      case UInt8(ascii: "p"):
        if n == UInt8(ascii: "h") { push(2); i += 2; continue }
        push(2)
      case UInt8(ascii: "t"):
        if n == UInt8(ascii: "s") || n == UInt8(ascii: "z") { push(9); i += 2; continue }
        if n == UInt8(ascii: "h") { push(6); i += 2; continue }
        push(6)
      case UInt8(ascii: "d"):
        if n == UInt8(ascii: "j") { push(3); i += 2; continue }
        if n == UInt8(ascii: "z") && at(i + 2) == UInt8(ascii: "h") { push(3); i += 3; continue }
        push(5)
      case UInt8(ascii: "z"):
        if n == UInt8(ascii: "h") { push(3); i += 2; continue }
        push(otherReading ? 9 : 8)
      case UInt8(ascii: "g"):
        if n == UInt8(ascii: "h") {
          if !otherReading { push(3) }
          i += 2
          continue
        }
        push(3)
      case UInt8(ascii: "x"): push(10); push(8)
      case UInt8(ascii: "q"): push(10)
      case UInt8(ascii: "b"), UInt8(ascii: "v"): push(1)
      case UInt8(ascii: "w"):
        if i == 0 || [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o")].contains(n) { push(1) }
      case UInt8(ascii: "f"): push(2)
      case UInt8(ascii: "j"): if !otherReading { push(3) }
      case UInt8(ascii: "l"): push(11)
      case UInt8(ascii: "m"): push(12)
      case UInt8(ascii: "n"): push(13)
      case UInt8(ascii: "r"): push(14)
      default: break
      }
      i += 1
    }
    return out
  }

  static func skeletonString(_ token: PreparedToken) -> String {
    let table = Array(letters.utf8)
    return String(decoding: classes(token).map { table[Int($0)] }, as: UTF8.self)
  }

  @inline(__always) static func bit(_ feature: UInt32) -> Int {
    Int((feature &* 2_654_435_761) >> 25)  // top 7 bits: 0..<128
  }


  /// Hashed set of skeleton features: classes, adjacent class pairs, token-initial classes.
  static func signature(_ tokens: [PreparedToken]) -> (UInt64, UInt64) {
    signature(tokens, secondReadings: true)
  }

  /// `secondReadings` adds the features of each token's second reading (ח silent; Latin
  /// `z`, soft `c`, `j`, `gh` as ``classes(_:silentHet:otherReading:)`` reads them).
  static func signature(_ tokens: [PreparedToken], secondReadings: Bool) -> (UInt64, UInt64) {
    var a: UInt64 = 0
    var b: UInt64 = 0
    func set(_ f: UInt32) {
      let k = bit(f)
      if k < 64 { a |= 1 << UInt64(k) } else { b |= 1 << UInt64(k - 64) }
    }
    func add(_ c: [UInt8], initial: Bool) {
      guard let first = c.first else { return }
      set(0x1000 | UInt32(first))
      if initial { return }
      for (i, x) in c.enumerated() {
        set(0x2000 | UInt32(x))
        if i + 1 < c.count { set(0x3000 | UInt32(x) << 4 | UInt32(c[i + 1])) }
      }
    }
    for t in tokens where !t.isParticle {
      add(classes(t), initial: t.isInitial)
      guard secondReadings else { continue }
      if t.script == .hebrew && t.units.contains(7) {
        add(classes(t, silentHet: true), initial: t.isInitial)
      }
      if t.script != .hebrew && !t.isInitial {
        let other = classes(t, silentHet: false, otherReading: true)
        if other != classes(t) { add(other, initial: false) }
      }
    }
    return (a, b)
  }
}

/// Same-script phonetic folding used for spelling variants (Isayev / Isaev / Issayev).
enum NamePhonetics {
  /// Latin: y→i, w→v, ph→f, ck/c/q→k (c before e/i/y → s), x→ks, kh→h, sch→sh, h after
  /// t/g/d/r dropped, repeats collapsed, `i` between vowels dropped.
  static func latin(_ letters: [UInt8]) -> [UInt8] {
    let a = UInt8(ascii: "a") - 0x60
    func ch(_ c: Character) -> UInt8 { UInt8(ascii: c.unicodeScalars.first ?? "a") - 0x60 }
    let (y, i_, w, v, p, h, f, c, k, q, x, s, e, t, g, d, r, o, u) = (
      ch("y"), ch("i"), ch("w"), ch("v"), ch("p"), ch("h"), ch("f"), ch("c"), ch("k"), ch("q"), ch("x"),
      ch("s"), ch("e"), ch("t"), ch("g"), ch("d"), ch("r"), ch("o"), ch("u")
    )
    var m: [UInt8] = []
    m.reserveCapacity(letters.count + 2)
    var idx = 0
    while idx < letters.count {
      let cur = letters[idx]
      let nxt: UInt8 = idx + 1 < letters.count ? letters[idx + 1] : 0
      switch cur {
      case y: m.append(i_)
      case w: m.append(v)
      case p where nxt == h: m.append(f); idx += 1
      case c where nxt == k: m.append(k); idx += 1
      case c where nxt == h: m.append(c); m.append(h); idx += 1
      case c where nxt == e || nxt == i_ || nxt == y: m.append(s)
      case c, q: m.append(k)
      case x: m.append(k); m.append(s)
      case k where nxt == h: m.append(h); idx += 1
      case h where [t, g, d, r].contains(m.last ?? 0): break
      default: m.append(cur)
      }
      idx += 1
    }
    func vowel(_ z: UInt8) -> Bool { z == a || z == e || z == i_ || z == o || z == u }
    var out: [UInt8] = []
    for (n, z) in m.enumerated() {
      if out.last == z { continue }
      if z == i_, n > 0, n + 1 < m.count, vowel(m[n - 1]), vowel(m[n + 1]) { continue }
      out.append(z)
    }
    return out
  }

  /// Hebrew: ע→א, ק→כ, ט→ת, repeats collapsed (יי→י, וו→ו).
  static func hebrew(_ units: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for u in units {
      var z = u
      switch u {
      case 15: z = 0  // ע → א
      case 18: z = 10  // ק → כ
      case 8: z = 21  // ט → ת
      default: break
      }
      if out.last == z { continue }
      out.append(z)
    }
    return out
  }

  static func isVowel(_ z: UInt8, hebrew: Bool) -> Bool {
    if hebrew { return z == 0 || z == 4 || z == 5 || z == 9 }
    return z == 1 || z == 5 || z == 9 || z == 15 || z == 21
  }

  /// Similarity 1 − cost / longer length; vowel insertions cost 0.5, edits at the end 1.5.
  static func similarity(_ x: [UInt8], _ y: [UInt8], hebrew: Bool) -> Double {
    let m = x.count
    let n = y.count
    if m == 0 || n == 0 { return 0 }
    var prev = [Double](repeating: 0, count: n + 1)
    var cur = prev
    func indel(_ z: UInt8, last: Bool) -> Double { last ? 1.5 : (isVowel(z, hebrew: hebrew) ? 0.5 : 1) }
    for j in 1...n { prev[j] = prev[j - 1] + indel(y[j - 1], last: j == n) }
    for i in 1...m {
      cur[0] = prev[0] + indel(x[i - 1], last: i == m)
      for j in 1...n {
        let last = i == m || j == n
        let sub = x[i - 1] == y[j - 1] ? 0 : (last ? 1.5 : 1)
        cur[j] = min(prev[j - 1] + sub, prev[j] + indel(x[i - 1], last: i == m), cur[j - 1] + indel(y[j - 1], last: j == n))
      }
      swap(&prev, &cur)
    }
    return max(0, 1 - prev[n] / Double(max(m, n)))
  }
}

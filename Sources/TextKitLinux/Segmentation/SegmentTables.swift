import CICU

/// The per-code-point tables segmentation and bidi analysis read, one byte per code point
/// (0...0x10FFFF), filled lazily from ICU's range maps (`u_getIntPropertyMap`,
/// `u_getBinaryPropertySet`): a few thousand ranges each instead of a call per code point, so
/// a short `translit segment` run does not spend its time building them.
enum SegmentTables {
  /// General category (`UCharCategory` numbering; see ``GeneralCategoryCode``).
  static let generalCategory = fill { cicu_fill_property_table(CICU_PROPERTY_GENERAL_CATEGORY, $0, $1) }
  /// Script (`UScriptCode`).
  static let script = fill { cicu_fill_property_table(CICU_PROPERTY_SCRIPT, $0, $1) }
  /// Bidi class (`UCharDirection`).
  static let bidiClass = fill { cicu_fill_property_table(CICU_PROPERTY_BIDI_CLASS, $0, $1) }
  /// Bit 0 Extended_Pictographic, bit 2 White_Space (the bits of ``UnicodeTables/binary``).
  static let flags = fill { cicu_fill_segment_flags($0, $1) }
  /// ``UnicodeWordBreaker`` classes (`cicu_word_class`).
  static let wordClasses = fill { cicu_fill_word_classes($0, $1) }

  /// Calls `body` with the tables' addresses, as the C breaker and classifier read them.
  static func withTables<R>(_ body: (UnsafePointer<cicu_segment_tables>) throws -> R) rethrows -> R {
    try wordClasses.withUnsafeBufferPointer { wb in
      try generalCategory.withUnsafeBufferPointer { gc in
        try script.withUnsafeBufferPointer { sc in
          try flags.withUnsafeBufferPointer { fl in
            try bidiClass.withUnsafeBufferPointer { bc in
              let tables = cicu_segment_tables(
                word_classes: wb.baseAddress, general_category: gc.baseAddress, script: sc.baseAddress,
                flags: fl.baseAddress, bidi_class: bc.baseAddress)
              return try withUnsafePointer(to: tables, body)
            }
          }
        }
      }
    }
  }

  private static func fill(_ f: (UnsafeMutablePointer<UInt8>?, Int32) -> Void) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: UnicodeTables.scalarCount) { buffer, count in
      f(buffer.baseAddress, Int32(UnicodeTables.scalarCount))
      count = UnicodeTables.scalarCount
    }
  }
}

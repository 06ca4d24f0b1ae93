import CICU

/// Owner of a streaming ICU converter pair (charset → UTF-16 pivot → UTF-8), closed in `deinit`.
///
/// Not thread-safe; each decoding job owns its own.
final class ICUDecoder {
  private let handle: OpaquePointer
  /// ICU's canonical name for the charset.
  let canonicalName: String

  /// - Throws: ``ICUError`` if ICU has no converter of that name.
  init(charset: String, replaceInvalid: Bool) throws(ICUError) {
    var status: cicu_status = 0
    let h = cicu_decoder_open(charset, replaceInvalid ? CICU_ON_INVALID_REPLACE : CICU_ON_INVALID_STOP, &status)
    try status.check("ucnv_open")
    guard let h else { throw ICUError(code: 1, function: "ucnv_open") }
    handle = h
    canonicalName = String(cString: cicu_decoder_name(h))
  }

  deinit { cicu_decoder_close(handle) }

  /// How many invalid sequences were replaced by U+FFFD so far.
  var replacements: Int { Int(cicu_decoder_replacements(handle)) }

  struct Invalid: Error {
    /// Offset of the invalid sequence in the bytes given to this call.
    var offset: Int
    var bytes: [UInt8]
    var icu: ICUError
  }

  /// Converts all of `bytes[range]` to UTF-8, appending to `output`.
  ///
  /// The corresponding ICU function is `ucnv_convertEx`.
  func convert(_ bytes: [UInt8], range: Range<Int>, flush: Bool, appendingTo output: inout [UInt8]) throws(Invalid) {
    var offset = range.lowerBound
    var chunk = [UInt8](repeating: 0, count: Swift.max(4096, range.count * 3 + 16))
    var full = false
    repeat {
      var consumed: Int64 = 0
      var errorOffset: Int64 = 0
      var errorBytes = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
      var errorLength: Int32 = 0
      var status: cicu_status = 0
      let capacity = chunk.count
      let written = bytes.withUnsafeBufferPointer { src in
        chunk.withUnsafeMutableBufferPointer { dst in
          withUnsafeMutablePointer(to: &errorBytes) { eb in
            eb.withMemoryRebound(to: UInt8.self, capacity: 8) { ebp in
              cicu_decoder_convert(
                handle, src.baseAddress.map { $0 + offset }, Int64(range.upperBound - offset), &consumed,
                dst.baseAddress, Int64(capacity), flush, &errorOffset, ebp, &errorLength, &status)
            }
          }
        }
      }
      output.append(contentsOf: chunk[0..<Int(written)])
      if status > 0 {
        let all = [errorBytes.0, errorBytes.1, errorBytes.2, errorBytes.3, errorBytes.4, errorBytes.5, errorBytes.6, errorBytes.7]
        throw Invalid(
          offset: offset + Int(errorOffset), bytes: Array(all.prefix(Int(errorLength))),
          icu: ICUError(code: status, function: "ucnv_convertEx"))
      }
      offset += Int(consumed)
      full = Int(written) == capacity  // output full: ICU may hold more in its pivot buffer
      if consumed == 0 && written == 0 { break }
    } while offset < range.upperBound || full
  }
}

/// ICU's charset detector over a sample of bytes.
enum ICUCharsetDetector {
  /// Every guess ICU makes, best first, with its confidence (0–100).
  ///
  /// The corresponding ICU function is `ucsdet_detectAll`.
  static func detectAll(_ sample: [UInt8]) -> [(name: String, confidence: Int)] {
    let capacity: Int32 = 32
    var names = [CChar](repeating: 0, count: 64 * Int(capacity))
    var confidences = [Int32](repeating: 0, count: Int(capacity))
    var status: cicu_status = 0
    let count = sample.withUnsafeBufferPointer { p in
      names.withUnsafeMutableBufferPointer { n in
        cicu_detect_charsets(
          p.baseAddress, Int32(Swift.min(p.count, Int(Int32.max))), n.baseAddress, &confidences, capacity, &status)
      }
    }
    guard status <= 0, count > 0 else { return [] }
    return (0..<Int(count)).map { i in
      (decodeCString(Array(names[(64 * i)..<(64 * i + 64)])), Int(confidences[i]))
    }
  }
}

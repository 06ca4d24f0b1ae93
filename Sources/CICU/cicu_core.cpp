// ICU-facing half of CICU: normalization, properties, converters, detection.
#include "CICU.h"

#include <string.h>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

static_assert(CICU_BUFFER_OVERFLOW_ERROR == U_BUFFER_OVERFLOW_ERROR, "ICU error code changed");
static_assert(sizeof(cicu_status) == sizeof(UErrorCode), "UErrorCode size");

extern "C" const char *cicu_error_name(cicu_status status) {
  return u_errorName(static_cast<UErrorCode>(status));
}

extern "C" void cicu_versions(char icu[16], char unicode[16]) {
  UVersionInfo v;
  u_getVersion(v);
  u_versionToString(v, icu);
  u_getUnicodeVersion(v);
  u_versionToString(v, unicode);
}

// MARK: Normalization

static const icu::Normalizer2 *as_icu(const cicu_normalizer *n) {
  return reinterpret_cast<const icu::Normalizer2 *>(n);
}

extern "C" const cicu_normalizer *cicu_normalizer_get(cicu_norm_form form, cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2 *n = nullptr;
  switch (form) {
  case CICU_NFC: n = icu::Normalizer2::getNFCInstance(ec); break;
  case CICU_NFD: n = icu::Normalizer2::getNFDInstance(ec); break;
  case CICU_NFKC: n = icu::Normalizer2::getNFKCInstance(ec); break;
  case CICU_NFKD: n = icu::Normalizer2::getNFKDInstance(ec); break;
  case CICU_NFKC_CASEFOLD: n = icu::Normalizer2::getNFKCCasefoldInstance(ec); break;
  default: ec = U_ILLEGAL_ARGUMENT_ERROR;
  }
  *status = ec;
  return reinterpret_cast<const cicu_normalizer *>(n);
}

// ASCII is in NFC, NFD, NFKC and NFKD, every ASCII character is a starter that never
// combines with what precedes it, and no ASCII character is the second element of a
// composition. So text splits into ASCII runs (already normalized) and segments that run from
// the last ASCII character before a non-ASCII run (it may compose with following marks) to the
// next ASCII byte; only those segments need ICU. Not valid for NFKC_Casefold (uppercase ASCII
// changes), which always goes through ICU whole.
static inline int64_t skip_ascii(const uint8_t *s, int64_t i, int64_t len) {
  while (i + 8 <= len) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < len && s[i] < 0x80) i++;
  return i;
}
static inline int64_t skip_non_ascii(const uint8_t *s, int64_t i, int64_t len) {
  while (i < len && s[i] >= 0x80) i++;
  return i;
}
// End of the segment that starts with the non-ASCII run at i: short ASCII gaps (a space and a
// word, as in Hebrew text) stay inside one segment so that ICU is called once per stretch of
// non-Latin text, not once per word. The segment ends before an ASCII byte.
static inline int64_t segment_end(const uint8_t *s, int64_t i, int64_t len) {
  int64_t end = skip_non_ascii(s, i, len);
  while (end < len) {
    int64_t next = end;
    while (next < len && next - end < 32 && s[next] < 0x80) next++;
    if (next >= len || s[next] < 0x80) break;  // a long ASCII run, or the end: stop here
    end = skip_non_ascii(s, next, len);
  }
  return end;
}

extern "C" int64_t cicu_normalizer_span_yes_utf8(const cicu_normalizer *n, const uint8_t *src,
                                                 int64_t len, cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2 *nz = as_icu(n);
  static const icu::Normalizer2 *casefold = icu::Normalizer2::getNFKCCasefoldInstance(ec);
  const bool fold = nz == casefold;
  int64_t i = 0;
  while (i < len) {
    // NFKC_Casefold changes only the uppercase letters of ASCII.
    int64_t runStart = i;
    i = skip_ascii(src, i, len);
    if (fold) {
      for (int64_t k = runStart; k < i; k++) {
        if (src[k] >= 'A' && src[k] <= 'Z') { *status = ec; return k; }
      }
    }
    if (i >= len) break;
    int64_t segStart = i > 0 ? i - 1 : 0;
    int64_t segEnd = segment_end(src, i, len);
    icu::StringPiece seg(reinterpret_cast<const char *>(src + segStart),
                         static_cast<int32_t>(segEnd - segStart));
    if (!nz->isNormalizedUTF8(seg, ec)) {
      *status = ec;
      return segStart;
    }
    if (U_FAILURE(ec)) { *status = ec; return 0; }
    i = segEnd;
  }
  *status = ec;
  return len;
}

extern "C" int64_t cicu_normalizer_normalize_utf8(const cicu_normalizer *n, const uint8_t *src,
                                                  int64_t len, uint8_t *dest, int64_t capacity,
                                                  cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2 *nz = as_icu(n);
  static const icu::Normalizer2 *casefold = icu::Normalizer2::getNFKCCasefoldInstance(ec);
  icu::CheckedArrayByteSink sink(reinterpret_cast<char *>(dest), static_cast<int32_t>(capacity));
  const bool fold = nz == casefold;
  {
    // Copy ASCII runs (lowercased for NFKC_Casefold) and already-normalized segments;
    // normalize only the others.
    int64_t i = 0, copied = 0;
    char lower[4096];
    while (i < len && U_SUCCESS(ec)) {
      int64_t runStart = i;
      i = skip_ascii(src, i, len);
      if (fold && i > runStart) {
        // Lowercase the ASCII run, but leave its last byte to the ICU segment if one follows.
        int64_t runEnd = i < len ? i - 1 : i;
        if (runStart < copied) runStart = copied;
        sink.Append(reinterpret_cast<const char *>(src + copied), static_cast<int32_t>(runStart - copied));
        for (int64_t k = runStart; k < runEnd;) {
          int64_t n = runEnd - k < 4096 ? runEnd - k : 4096;
          for (int64_t m = 0; m < n; m++) {
            uint8_t c = src[k + m];
            lower[m] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
          }
          sink.Append(lower, static_cast<int32_t>(n));
          k += n;
        }
        if (runEnd > copied) copied = runEnd;
      }
      if (i >= len) break;
      int64_t segStart = i > 0 ? i - 1 : 0;
      if (segStart < copied) segStart = copied;
      int64_t segEnd = segment_end(src, i, len);
      icu::StringPiece seg(reinterpret_cast<const char *>(src + segStart),
                           static_cast<int32_t>(segEnd - segStart));
      if (!nz->isNormalizedUTF8(seg, ec) && U_SUCCESS(ec)) {
        sink.Append(reinterpret_cast<const char *>(src + copied), static_cast<int32_t>(segStart - copied));
        nz->normalizeUTF8(0, seg, sink, nullptr, ec);
        copied = segEnd;
      }
      i = segEnd;
    }
    sink.Append(reinterpret_cast<const char *>(src + copied), static_cast<int32_t>(len - copied));
  }
  if (U_SUCCESS(ec) && sink.Overflowed()) ec = U_BUFFER_OVERFLOW_ERROR;
  *status = ec;
  return sink.NumberOfBytesAppended();
}

extern "C" bool cicu_normalizer_has_boundary_before(const cicu_normalizer *n, int32_t c) {
  return as_icu(n)->hasBoundaryBefore(c);
}

extern "C" int32_t cicu_normalizer_normalize_utf16(const cicu_normalizer *n, const uint16_t *src,
                                                   int32_t len, uint16_t *dest, int32_t capacity,
                                                   cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  icu::UnicodeString in(false, reinterpret_cast<const UChar *>(src), len);  // read-only alias
  icu::UnicodeString out;
  as_icu(n)->normalize(in, out, ec);
  if (U_FAILURE(ec)) { *status = ec; return 0; }
  int32_t r = out.extract(reinterpret_cast<UChar *>(dest), capacity, ec);
  *status = ec;
  return r;
}

// MARK: Properties

extern "C" void cicu_fill_general_categories(uint8_t *out, int32_t start, int32_t count) {
  for (int32_t i = 0; i < count; i++) out[i] = static_cast<uint8_t>(u_charType(start + i));
}

extern "C" void cicu_fill_scripts(uint8_t *out, int32_t start, int32_t count) {
  for (int32_t i = 0; i < count; i++) {
    UErrorCode ec = U_ZERO_ERROR;
    int32_t s = uscript_getScript(start + i, &ec);
    out[i] = static_cast<uint8_t>(U_SUCCESS(ec) && s >= 0 && s < 255 ? s : 255);
  }
}

extern "C" void cicu_fill_combining_classes(uint8_t *out, int32_t start, int32_t count) {
  for (int32_t i = 0; i < count; i++) out[i] = u_getCombiningClass(start + i);
}

extern "C" void cicu_fill_binary_properties(uint8_t *out, int32_t start, int32_t count) {
  for (int32_t i = 0; i < count; i++) {
    UChar32 c = start + i;
    uint8_t b = 0;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) b |= 1;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER)) b |= 2;
    if (u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) b |= 4;
    if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) b |= 8;
    if (u_hasBinaryProperty(c, UCHAR_GRAPHEME_EXTEND)) b |= 16;
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) b |= 32;
    out[i] = b;
  }
}

extern "C" const char *cicu_script_short_name(int32_t script) {
  const char *n = uscript_getShortName(static_cast<UScriptCode>(script));
  return n ? n : "";
}

// MARK: Converters

struct cicu_decoder {
  UConverter *source = nullptr;
  UConverter *utf8 = nullptr;
  UChar pivot[4096];
  UChar *pivotSource = pivot;
  UChar *pivotTarget = pivot;
  cicu_on_invalid mode = CICU_ON_INVALID_STOP;
  int64_t replacements = 0;
  // Bytes of the last invalid sequence seen by the STOP callback.
  uint8_t badBytes[8] = {0};
  int32_t badLen = 0;
};

// Counts substitutions and writes U+FFFD (some legacy converters would substitute U+001A).
static void U_CALLCONV replace_callback(const void *context, UConverterToUnicodeArgs *args,
                                        const char *codeUnits, int32_t length,
                                        UConverterCallbackReason reason, UErrorCode *err) {
  (void)codeUnits; (void)length;
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone
  auto *d = static_cast<cicu_decoder *>(const_cast<void *>(context));
  d->replacements++;
  static const UChar fffd = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
}

static void U_CALLCONV stop_callback(const void *context, UConverterToUnicodeArgs *args,
                                     const char *codeUnits, int32_t length,
                                     UConverterCallbackReason reason, UErrorCode *err) {
  (void)args;
  if (reason > UCNV_IRREGULAR) return;
  auto *d = static_cast<cicu_decoder *>(const_cast<void *>(context));
  d->badLen = length < 8 ? length : 8;
  memcpy(d->badBytes, codeUnits, static_cast<size_t>(d->badLen));
  // Leave *err as the converter set it (U_INVALID_CHAR_FOUND / U_ILLEGAL_CHAR_FOUND / …).
}

extern "C" cicu_decoder *cicu_decoder_open(const char *charset, cicu_on_invalid mode,
                                           cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  auto *d = new cicu_decoder();
  d->mode = mode;
  d->source = ucnv_open(charset, &ec);
  if (U_SUCCESS(ec)) d->utf8 = ucnv_open("UTF-8", &ec);
  if (U_SUCCESS(ec)) {
    ucnv_setToUCallBack(d->source, mode == CICU_ON_INVALID_REPLACE ? replace_callback : stop_callback,
                        d, nullptr, nullptr, &ec);
  }
  if (U_FAILURE(ec) || ec == U_AMBIGUOUS_ALIAS_WARNING) {
    // An unknown name can come back as a fallback warning; treat only real failures as errors.
  }
  if (U_FAILURE(ec)) {
    cicu_decoder_close(d);
    *status = ec;
    return nullptr;
  }
  *status = U_ZERO_ERROR;
  return d;
}

extern "C" void cicu_decoder_close(cicu_decoder *d) {
  if (!d) return;
  if (d->source) ucnv_close(d->source);
  if (d->utf8) ucnv_close(d->utf8);
  delete d;
}

extern "C" const char *cicu_decoder_name(const cicu_decoder *d) {
  UErrorCode ec = U_ZERO_ERROR;
  const char *n = ucnv_getName(d->source, &ec);
  return U_SUCCESS(ec) && n ? n : "";
}

extern "C" int64_t cicu_decoder_convert(cicu_decoder *d, const uint8_t *src, int64_t len,
                                        int64_t *consumed, uint8_t *dest, int64_t capacity,
                                        bool flush, int64_t *error_offset, uint8_t error_bytes[8],
                                        int32_t *error_len, cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  const char *s = reinterpret_cast<const char *>(src);
  const char *sLimit = s + len;
  char *t = reinterpret_cast<char *>(dest);
  char *tLimit = t + capacity;
  d->badLen = 0;
  ucnv_convertEx(d->utf8, d->source, &t, tLimit, &s, sLimit, d->pivot, &d->pivotSource,
                 &d->pivotTarget, d->pivot + 4096, false, flush, &ec);
  *consumed = s - reinterpret_cast<const char *>(src);
  int64_t written = t - reinterpret_cast<char *>(dest);
  if (ec == U_BUFFER_OVERFLOW_ERROR) ec = U_ZERO_ERROR;  // caller loops until all is consumed
  if (U_FAILURE(ec)) {
    // The converter consumed the bad bytes; they end at *consumed.
    *error_len = d->badLen;
    memcpy(error_bytes, d->badBytes, static_cast<size_t>(d->badLen));
    *error_offset = *consumed - d->badLen;
  }
  *status = ec;
  return written;
}

extern "C" int64_t cicu_decoder_replacements(const cicu_decoder *d) { return d->replacements; }

// MARK: Detection

extern "C" int32_t cicu_detect_charsets(const uint8_t *src, int32_t len, char *names,
                                        int32_t *confidences, int32_t capacity,
                                        cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  UCharsetDetector *det = ucsdet_open(&ec);
  int32_t found = 0, count = 0;
  if (U_SUCCESS(ec)) ucsdet_setText(det, reinterpret_cast<const char *>(src), len, &ec);
  const UCharsetMatch **all = U_SUCCESS(ec) ? ucsdet_detectAll(det, &found, &ec) : nullptr;
  for (int32_t i = 0; U_SUCCESS(ec) && all && i < found && count < capacity; i++) {
    const char *n = ucsdet_getName(all[i], &ec);
    int32_t confidence = ucsdet_getConfidence(all[i], &ec);
    if (U_FAILURE(ec) || !n) break;
    strncpy(names + 64 * count, n, 63);
    names[64 * count + 63] = 0;
    confidences[count++] = confidence;
  }
  if (det) ucsdet_close(det);
  *status = ec;
  return U_SUCCESS(ec) ? count : -1;
}

// MARK: NFC-stable code points (for the one-pass UTF-8 scan in cicu_bytes.c)

// Bit c & 7 of bits[(c & 0xFF) >> 3] for each code point c of the page: set when c has
// canonical combining class 0 and NFC_Quick_Check = Yes. Such a character is unchanged by NFC
// and never combines with a character before it, so text made only of them is in NFC.
extern "C" void cicu_nfc_fill_stable_page(int32_t page, uint8_t bits[32]) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(ec);
  memset(bits, 0, 32);
  for (int32_t k = 0; k < 256; k++) {
    UChar32 c = (page << 8) | k;
    bool stable;
    if (U_SUCCESS(ec) && nfc->isInert(c)) {
      stable = true;
    } else {
      stable = u_getCombiningClass(c) == 0 &&
               u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
    }
    if (stable) bits[k >> 3] |= static_cast<uint8_t>(1u << (k & 7));
  }
}

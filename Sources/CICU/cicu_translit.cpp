// ICU transliteration (utrans) for the `icu` scheme and other scripts -> Latin.
#include "CICU.h"

#include <string.h>
#include <vector>

#include <unicode/parseerr.h>
#include <unicode/utrans.h>

extern "C" cicu_translit *cicu_translit_open(const uint16_t *id, int32_t id_len,
                                             const uint16_t *rules, int32_t rules_len,
                                             int32_t *parse_line, int32_t *parse_offset,
                                             int32_t *status) {
  UErrorCode ec = U_ZERO_ERROR;
  UParseError pe;
  pe.line = -1;
  pe.offset = -1;
  UTransliterator *t = utrans_openU(reinterpret_cast<const UChar *>(id), id_len, UTRANS_FORWARD,
                                    reinterpret_cast<const UChar *>(rules), rules ? rules_len : 0,
                                    &pe, &ec);
  if (parse_line) *parse_line = pe.line;
  if (parse_offset) *parse_offset = pe.offset;
  *status = ec;
  if (U_FAILURE(ec)) {
    if (t) utrans_close(t);
    return nullptr;
  }
  return reinterpret_cast<cicu_translit *>(t);
}

extern "C" void cicu_translit_close(cicu_translit *t) {
  if (t) utrans_close(reinterpret_cast<UTransliterator *>(t));
}

extern "C" int32_t cicu_translit_utf16(const cicu_translit *t, const uint16_t *src, int32_t len,
                                       uint16_t *dest, int32_t capacity, int32_t *status) {
  // utrans_transUChars works in place: copy the source into the destination when it fits,
  // otherwise into a scratch buffer to learn the needed length.
  UErrorCode ec = U_ZERO_ERROR;
  const UTransliterator *tr = reinterpret_cast<const UTransliterator *>(t);
  std::vector<UChar> scratch;
  UChar *buf = reinterpret_cast<UChar *>(dest);
  int32_t cap = capacity;
  if (capacity < len) {
    scratch.resize(static_cast<size_t>(len) * 2 + 16);
    buf = scratch.data();
    cap = static_cast<int32_t>(scratch.size());
  }
  memcpy(buf, src, static_cast<size_t>(len) * sizeof(UChar));
  int32_t text_len = len;
  int32_t limit = len;
  utrans_transUChars(tr, buf, &text_len, cap, 0, &limit, &ec);
  if (ec == U_BUFFER_OVERFLOW_ERROR || text_len > capacity || buf != reinterpret_cast<UChar *>(dest)) {
    if (U_SUCCESS(ec) || ec == U_BUFFER_OVERFLOW_ERROR) ec = text_len > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
    if (ec == U_ZERO_ERROR) memcpy(dest, buf, static_cast<size_t>(text_len) * sizeof(UChar));
  }
  *status = ec;
  return text_len;
}

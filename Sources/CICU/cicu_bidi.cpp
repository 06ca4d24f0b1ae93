// ICU ubidi behind CICU's bidi API.
#include "CICU.h"

#include <vector>

#include <unicode/uchar.h>
#include <unicode/ubidi.h>

static_assert(CICU_BIDI_DEFAULT_LTR == UBIDI_DEFAULT_LTR, "UBIDI_DEFAULT_LTR");
static_assert(CICU_BIDI_DEFAULT_RTL == UBIDI_DEFAULT_RTL, "UBIDI_DEFAULT_RTL");
static_assert((int)CICU_BIDI_REORDER_INVERSE_LIKE_DIRECT == (int)UBIDI_REORDER_INVERSE_LIKE_DIRECT, "mode");
static_assert((int)CICU_BIDI_REORDER_INVERSE_NUMBERS_AS_L == (int)UBIDI_REORDER_INVERSE_NUMBERS_AS_L, "mode");
static_assert(CICU_BIDI_KEEP_BASE_COMBINING == UBIDI_KEEP_BASE_COMBINING, "option");
static_assert(CICU_BIDI_DO_MIRRORING == UBIDI_DO_MIRRORING, "option");
static_assert(CICU_BIDI_REMOVE_BIDI_CONTROLS == UBIDI_REMOVE_BIDI_CONTROLS, "option");

static UBiDi *as_icu(cicu_bidi *b) { return reinterpret_cast<UBiDi *>(b); }
static const UBiDi *as_icu(const cicu_bidi *b) { return reinterpret_cast<const UBiDi *>(b); }

extern "C" cicu_bidi *cicu_bidi_open(cicu_status *status) {
  UBiDi *b = ubidi_open();
  *status = b ? U_ZERO_ERROR : U_MEMORY_ALLOCATION_ERROR;
  return reinterpret_cast<cicu_bidi *>(b);
}

extern "C" void cicu_bidi_close(cicu_bidi *b) { ubidi_close(as_icu(b)); }

extern "C" void cicu_bidi_set_reordering_mode(cicu_bidi *b, cicu_bidi_reorder_mode mode) {
  ubidi_setReorderingMode(as_icu(b), static_cast<UBiDiReorderingMode>(mode));
}

extern "C" void cicu_bidi_set_para(cicu_bidi *b, const uint16_t *text, int32_t len,
                                   uint8_t level, cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  ubidi_setPara(as_icu(b), reinterpret_cast<const UChar *>(text), len, level, nullptr, &ec);
  *status = ec;
}

extern "C" uint8_t cicu_bidi_para_level(const cicu_bidi *b) {
  return ubidi_getParaLevel(as_icu(b));
}

extern "C" int32_t cicu_bidi_length(const cicu_bidi *b) {
  return ubidi_getProcessedLength(as_icu(b));
}

extern "C" void cicu_bidi_levels(cicu_bidi *b, uint8_t *out, cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  int32_t n = ubidi_getProcessedLength(as_icu(b));
  const UBiDiLevel *levels = ubidi_getLevels(as_icu(b), &ec);
  if (U_SUCCESS(ec)) {
    for (int32_t i = 0; i < n; i++) out[i] = levels[i];
  }
  *status = ec;
}

extern "C" void cicu_bidi_visual_map(cicu_bidi *b, int32_t *map, cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  ubidi_getVisualMap(as_icu(b), map, &ec);
  *status = ec;
}

extern "C" int32_t cicu_bidi_write_reordered(cicu_bidi *b, uint16_t *dest, int32_t capacity,
                                             uint16_t options, cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  int32_t n = ubidi_writeReordered(as_icu(b), reinterpret_cast<UChar *>(dest), capacity,
                                   options, &ec);
  *status = ec;
  return n;
}

extern "C" void cicu_fill_bidi_classes(uint8_t *out, int32_t start, int32_t count) {
  for (int32_t i = 0; i < count; i++) out[i] = static_cast<uint8_t>(u_charDirection(start + i));
}

extern "C" void cicu_fill_bidi_flags(uint8_t *out, int32_t start, int32_t count) {
  for (int32_t i = 0; i < count; i++) {
    UChar32 c = start + i;
    out[i] = (u_isMirrored(c) ? 1 : 0) | (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL) ? 2 : 0);
  }
}

// MARK: UTF-8 paragraphs (one reusable UBiDi and UTF-16 buffer per handle)

struct cicu_bidi_utf8 {
  UBiDi *bidi;
  std::vector<UChar> units;
};

extern "C" cicu_bidi_utf8 *cicu_bidi_utf8_open(cicu_status *status) {
  UBiDi *b = ubidi_open();
  *status = b ? U_ZERO_ERROR : U_MEMORY_ALLOCATION_ERROR;
  if (!b) return nullptr;
  return new cicu_bidi_utf8{b, {}};
}

extern "C" void cicu_bidi_utf8_close(cicu_bidi_utf8 *h) {
  if (!h) return;
  ubidi_close(h->bidi);
  delete h;
}

extern "C" int32_t cicu_bidi_utf8_levels(cicu_bidi_utf8 *h, const uint8_t *text, int32_t len,
                                         uint8_t level, uint8_t *scalar_levels,
                                         uint8_t *paragraph_level, cicu_status *status) {
  // Well-formed UTF-8 to UTF-16 (the caller passes a Swift String's bytes).
  h->units.resize(static_cast<size_t>(len) + 1);
  UChar *u = h->units.data();
  int32_t n = 0;
  for (int32_t i = 0; i < len;) {
    uint32_t b0 = text[i];
    uint32_t c;
    if (b0 < 0x80) {
      c = b0;
      i += 1;
    } else if (b0 < 0xE0) {
      c = (b0 & 0x1F) << 6 | (text[i + 1] & 0x3F);
      i += 2;
    } else if (b0 < 0xF0) {
      c = (b0 & 0x0F) << 12 | (text[i + 1] & 0x3F) << 6 | (text[i + 2] & 0x3F);
      i += 3;
    } else {
      c = (b0 & 0x07) << 18 | (text[i + 1] & 0x3F) << 12 | (text[i + 2] & 0x3F) << 6 |
          (text[i + 3] & 0x3F);
      i += 4;
    }
    if (c < 0x10000) {
      u[n++] = static_cast<UChar>(c);
    } else {
      u[n++] = static_cast<UChar>(0xD7C0 + (c >> 10));
      u[n++] = static_cast<UChar>(0xDC00 | (c & 0x3FF));
    }
  }
  UErrorCode ec = U_ZERO_ERROR;
  ubidi_setPara(h->bidi, u, n, level, nullptr, &ec);
  const UBiDiLevel *levels = U_SUCCESS(ec) ? ubidi_getLevels(h->bidi, &ec) : nullptr;
  *status = ec;
  if (U_FAILURE(ec)) return 0;
  *paragraph_level = ubidi_getParaLevel(h->bidi);
  int32_t scalars = 0;
  for (int32_t k = 0; k < n; k++) {
    if ((u[k] & 0xFC00) == 0xDC00 && k > 0 && (u[k - 1] & 0xFC00) == 0xD800) continue;
    scalar_levels[scalars++] = levels[k];
  }
  return scalars;
}

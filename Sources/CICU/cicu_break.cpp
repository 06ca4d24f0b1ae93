// ICU ubrk over UTF-8 UText behind CICU's break API.
#include "CICU.h"

#include <cstring>

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/ucpmap.h>
#include <unicode/uset.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

static_assert((int)CICU_BREAK_CHARACTER == (int)UBRK_CHARACTER, "UBRK_CHARACTER");
static_assert((int)CICU_BREAK_WORD == (int)UBRK_WORD, "UBRK_WORD");
static_assert((int)CICU_BREAK_LINE == (int)UBRK_LINE, "UBRK_LINE");
static_assert((int)CICU_BREAK_SENTENCE == (int)UBRK_SENTENCE, "UBRK_SENTENCE");

struct cicu_break {
  UBreakIterator *brk;
  UText *text;
};

extern "C" bool cicu_locale_is_known(const char *locale) {
  if (!locale || !*locale) return true;
  if (strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0) return true;  // ICU: en_US_POSIX
  UErrorCode ec = U_ZERO_ERROR;
  char language[ULOC_LANG_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
  uloc_getLanguage(locale, language, sizeof language, &ec);
  if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING) return false;
  uloc_getCountry(locale, region, sizeof region, &ec);
  if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING) return false;
  // No language: only the root locale's own names ("root", "und", "und_US").
  if (!*language && strcmp(locale, "root") != 0 && strncmp(locale, "und", 3) != 0) return false;
  if (*language && !*uloc_getISO3Language(locale)) return false;
  // A UN M.49 area (es_419, en_001) is three digits and has no ISO-3 code.
  bool numeric = strlen(region) == 3 && region[0] >= '0' && region[0] <= '9' && region[1] >= '0' &&
                 region[1] <= '9' && region[2] >= '0' && region[2] <= '9';
  if (*region && !numeric && !*uloc_getISO3Country(locale)) return false;
  return true;
}

extern "C" cicu_break *cicu_break_open(cicu_break_type type, const char *locale,
                                       cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  UBreakIterator *brk = ubrk_open(static_cast<UBreakIteratorType>(type), locale, nullptr, 0, &ec);
  *status = ec;
  if (U_FAILURE(ec)) return nullptr;
  return new cicu_break{brk, nullptr};
}

extern "C" void cicu_break_close(cicu_break *b) {
  if (!b) return;
  ubrk_close(b->brk);
  if (b->text) utext_close(b->text);
  delete b;
}

extern "C" void cicu_break_set_utf8(cicu_break *b, const uint8_t *text, int64_t len,
                                    cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  static const char empty[1] = {0};
  b->text = utext_openUTF8(b->text, text ? reinterpret_cast<const char *>(text) : empty, len, &ec);
  if (U_SUCCESS(ec)) ubrk_setUText(b->brk, b->text, &ec);
  *status = ec;
}

extern "C" int32_t cicu_break_next_chunk(cicu_break *b, int64_t *boundaries, int32_t *statuses,
                                         int32_t capacity) {
  int32_t n = 0;
  while (n < capacity) {
    int32_t p = ubrk_next(b->brk);
    if (p == UBRK_DONE) break;
    boundaries[n] = p;
    if (statuses) statuses[n] = ubrk_getRuleStatus(b->brk);
    n++;
  }
  return n;
}

extern "C" int64_t cicu_break_count_raw(cicu_break_type type, const char *locale,
                                        const uint8_t *text, int64_t len, int64_t *words,
                                        cicu_status *status) {
  UErrorCode ec = U_ZERO_ERROR;
  UBreakIterator *brk = ubrk_open(static_cast<UBreakIteratorType>(type), locale, nullptr, 0, &ec);
  UText *ut = utext_openUTF8(nullptr, reinterpret_cast<const char *>(text), len, &ec);
  if (U_SUCCESS(ec)) ubrk_setUText(brk, ut, &ec);
  int64_t count = 0, wordCount = 0;
  if (U_SUCCESS(ec)) {
    while (ubrk_next(brk) != UBRK_DONE) {
      count++;
      if (ubrk_getRuleStatus(brk) >= 100) wordCount++;
    }
  }
  if (ut) utext_close(ut);
  if (brk) ubrk_close(brk);
  *words = wordCount;
  *status = ec;
  return count;
}

// MARK: Per-code-point tables from ICU's range maps (a few thousand ranges, not 1.1M calls)

static_assert((int)CICU_PROPERTY_BIDI_CLASS == (int)UCHAR_BIDI_CLASS, "UCHAR_BIDI_CLASS");
static_assert((int)CICU_PROPERTY_GENERAL_CATEGORY == (int)UCHAR_GENERAL_CATEGORY, "UCHAR_GENERAL_CATEGORY");
static_assert((int)CICU_PROPERTY_SCRIPT == (int)UCHAR_SCRIPT, "UCHAR_SCRIPT");

/// Calls f(start, end, value) for each range of an enumerated property (end inclusive).
template <typename F> static bool for_each_value_range(UProperty property, F f) {
  UErrorCode ec = U_ZERO_ERROR;
  const UCPMap *map = u_getIntPropertyMap(property, &ec);
  if (U_FAILURE(ec) || !map) return false;
  UChar32 start = 0;
  uint32_t value = 0;
  while (start <= 0x10FFFF) {
    UChar32 end = ucpmap_getRange(map, start, UCPMAP_RANGE_NORMAL, 0, nullptr, nullptr, &value);
    if (end < 0) break;
    f(start, end, value);
    start = end + 1;
  }
  return true;
}

/// Calls f(start, end) for each range of code points that have a binary property.
template <typename F> static void for_each_set_range(UProperty property, F f) {
  UErrorCode ec = U_ZERO_ERROR;
  const USet *set = u_getBinaryPropertySet(property, &ec);
  if (U_FAILURE(ec) || !set) return;
  int32_t n = uset_getItemCount(set);
  for (int32_t i = 0; i < n; i++) {
    UChar32 start = 0, end = 0;
    UErrorCode e2 = U_ZERO_ERROR;
    if (uset_getItem(set, i, &start, &end, nullptr, 0, &e2) == 0) f(start, end);
  }
}

/// Writes `value` for code points [start, end] that fall in [0, count).
static void fill_range(uint8_t *out, int32_t count, UChar32 start, UChar32 end, uint8_t value) {
  if (start >= count) return;
  if (end >= count) end = count - 1;
  memset(out + start, value, static_cast<size_t>(end - start + 1));
}

extern "C" void cicu_fill_property_table(cicu_property property, uint8_t *out, int32_t count) {
  memset(out, 0, static_cast<size_t>(count));
  for_each_value_range(static_cast<UProperty>(property), [&](UChar32 s, UChar32 e, uint32_t v) {
    fill_range(out, count, s, e, static_cast<uint8_t>(v < 255 ? v : 255));
  });
}

extern "C" void cicu_fill_segment_flags(uint8_t *out, int32_t count) {
  memset(out, 0, static_cast<size_t>(count));
  for_each_set_range(UCHAR_EXTENDED_PICTOGRAPHIC, [&](UChar32 s, UChar32 e) {
    for (UChar32 c = s; c <= e && c < count; c++) out[c] |= 1;
  });
  for_each_set_range(UCHAR_WHITE_SPACE, [&](UChar32 s, UChar32 e) {
    for (UChar32 c = s; c <= e && c < count; c++) out[c] |= 4;
  });
}

static uint8_t word_class(uint32_t wb) {
  switch (wb) {
    case U_WB_CR: return CICU_WB_CR;
    case U_WB_LF: return CICU_WB_LF;
    case U_WB_NEWLINE: return CICU_WB_NEWLINE;
    case U_WB_ALETTER: return CICU_WB_LETTER;
    case U_WB_HEBREW_LETTER: return CICU_WB_HEBREW_LETTER;
    case U_WB_NUMERIC: return CICU_WB_NUMERIC;
    case U_WB_MIDNUMLET: return CICU_WB_MIDNUMLET;
    case U_WB_SINGLE_QUOTE: return CICU_WB_SINGLE_QUOTE;
    case U_WB_DOUBLE_QUOTE: return CICU_WB_DOUBLE_QUOTE;
    case U_WB_MIDNUM: return CICU_WB_MIDNUM;
    case U_WB_MIDLETTER: return CICU_WB_MIDLETTER;
    case U_WB_EXTENDNUMLET: return CICU_WB_EXTENDNUMLET;
    case U_WB_WSEGSPACE: return CICU_WB_SPACE;
    case U_WB_EXTEND: case U_WB_FORMAT: return CICU_WB_EXTEND;
    case U_WB_OTHER: return CICU_WB_OTHER;
    default: return CICU_WB_UNSUPPORTED;  // Katakana, Regional_Indicator, ZWJ, E_Base, ...
  }
}

extern "C" void cicu_fill_word_classes(uint8_t *out, int32_t count) {
  memset(out, CICU_WB_OTHER, static_cast<size_t>(count));
  for_each_value_range(UCHAR_WORD_BREAK, [&](UChar32 s, UChar32 e, uint32_t v) {
    fill_range(out, count, s, e, word_class(v));
  });
  // ICU's root rules: the colon and its compatibility forms are not MidLetter.
  for (UChar32 c : {0x3A, 0xFE55, 0xFF1A}) if (c < count) out[c] = CICU_WB_OTHER;
  // What only ICU handles: pictographs (emoji sequences), dictionary scripts, surrogates.
  auto unsupported = [&](UChar32 s, UChar32 e) { fill_range(out, count, s, e, CICU_WB_UNSUPPORTED); };
  for_each_set_range(UCHAR_EXTENDED_PICTOGRAPHIC, unsupported);
  for_each_set_range(UCHAR_IDEOGRAPHIC, unsupported);
  for_each_value_range(UCHAR_LINE_BREAK, [&](UChar32 s, UChar32 e, uint32_t v) {
    if (v == U_LB_COMPLEX_CONTEXT) unsupported(s, e);
  });
  for_each_value_range(UCHAR_SCRIPT, [&](UChar32 s, UChar32 e, uint32_t v) {
    if (v == USCRIPT_HAN || v == USCRIPT_HIRAGANA || v == USCRIPT_KATAKANA) unsupported(s, e);
  });
  unsupported(0xD800, 0xDFFF);
}

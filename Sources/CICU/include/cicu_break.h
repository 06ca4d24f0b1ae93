// CICU break API (see cicu_break.cpp). Stdint types and opaque handles only.
#pragma once
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Same as CICU.h (repeated identically so this header stands alone).
typedef int32_t cicu_status;

/// An ICU break iterator over UTF-8 text (not thread-safe; the text must outlive its use).
typedef struct cicu_break cicu_break;

/// Break iterator kinds (UBreakIteratorType).
typedef enum {
  CICU_BREAK_CHARACTER = 0, CICU_BREAK_WORD = 1, CICU_BREAK_LINE = 2, CICU_BREAK_SENTENCE = 3
} cicu_break_type;

/// Whether `locale` names a language (and a region, if it has one) that ICU knows: "he",
/// "en_US", "az-Latn-AZ", "" (root) are; "xx", "hebrew", "en_QQ" are not. ICU itself opens
/// any string, falling back to the root rules.
bool cicu_locale_is_known(const char *locale);
/// Opens an iterator for `locale` ("he", "en_US", "" for root). ICU `ubrk_open`.
cicu_break *cicu_break_open(cicu_break_type type, const char *locale, cicu_status *status);
void cicu_break_close(cicu_break *b);
/// Points the iterator at UTF-8 text (kept by reference; offsets are byte offsets).
void cicu_break_set_utf8(cicu_break *b, const uint8_t *text, int64_t len, cicu_status *status);
/// Fills up to `capacity` following boundaries (byte offsets, after the first call's 0) and
/// their rule statuses (ubrk_getRuleStatus, may be NULL). Returns how many; 0 at the end.
int32_t cicu_break_next_chunk(cicu_break *b, int64_t *boundaries, int32_t *statuses,
                              int32_t capacity);
/// Benchmark peer: raw ubrk_next loop over UTF-8 text; returns the boundary count and the
/// number of word-like boundaries (rule status >= 100) in `*words`.
int64_t cicu_break_count_raw(cicu_break_type type, const char *locale, const uint8_t *text,
                             int64_t len, int64_t *words, cicu_status *status);

/// Word-break classes of CICU's own word breaker (UAX #29 Word_Break with ICU's root
/// tailoring: U+003A, U+FE55, U+FF1A are not MidLetter). CICU_WB_UNSUPPORTED marks what only
/// ICU handles (Katakana, Regional_Indicator, ZWJ, Extended_Pictographic, and the dictionary
/// scripts: Han, Hiragana, Line_Break=Complex_Context).
typedef enum {
  CICU_WB_OTHER = 0, CICU_WB_CR = 1, CICU_WB_LF = 2, CICU_WB_NEWLINE = 3, CICU_WB_LETTER = 4,
  CICU_WB_NUMERIC = 5, CICU_WB_MIDNUMLET = 6, CICU_WB_SINGLE_QUOTE = 7, CICU_WB_MIDNUM = 8,
  CICU_WB_EXTENDNUMLET = 9, CICU_WB_SPACE = 10, CICU_WB_HEBREW_LETTER = 11,
  CICU_WB_DOUBLE_QUOTE = 12, CICU_WB_MIDLETTER = 13, CICU_WB_EXTEND = 14,
  CICU_WB_UNSUPPORTED = 15
} cicu_word_class;

/// The cicu_word_class of each code point below `count`, filled from ICU's range maps.
void cicu_fill_word_classes(uint8_t *out, int32_t count);

/// Enumerated properties for cicu_fill_property_table (UProperty values).
typedef enum {
  CICU_PROPERTY_BIDI_CLASS = 0x1000, CICU_PROPERTY_GENERAL_CATEGORY = 0x1005,
  CICU_PROPERTY_SCRIPT = 0x100A
} cicu_property;

/// The value of `property` (UCharDirection, UCharCategory, UScriptCode; 255 if larger) of each
/// code point below `count`, filled from ICU's range map (`u_getIntPropertyMap`).
void cicu_fill_property_table(cicu_property property, uint8_t *out, int32_t count);

/// Bit 0 Extended_Pictographic, bit 2 White_Space, of each code point below `count`.
void cicu_fill_segment_flags(uint8_t *out, int32_t count);

#ifdef __cplusplus
}
#endif

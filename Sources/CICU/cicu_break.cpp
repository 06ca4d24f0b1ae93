// ICU ubrk over UTF-8 UText behind CICU's break API.
#include "CICU.h"

#include <unicode/ubrk.h>
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

extern "C" void cicu_fill_word_classes(uint8_t *out, int32_t start, int32_t count) {
  for (int32_t i = 0; i < count; i++) {
    UChar32 c = start + i;
    uint8_t k = CICU_WB_OTHER;
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
      case U_WB_CR: k = CICU_WB_CR; break;
      case U_WB_LF: k = CICU_WB_LF; break;
      case U_WB_NEWLINE: k = CICU_WB_NEWLINE; break;
      case U_WB_ALETTER: k = CICU_WB_LETTER; break;
      case U_WB_HEBREW_LETTER: k = CICU_WB_HEBREW_LETTER; break;
      case U_WB_NUMERIC: k = CICU_WB_NUMERIC; break;
      case U_WB_MIDNUMLET: k = CICU_WB_MIDNUMLET; break;
      case U_WB_SINGLE_QUOTE: k = CICU_WB_SINGLE_QUOTE; break;
      case U_WB_DOUBLE_QUOTE: k = CICU_WB_DOUBLE_QUOTE; break;
      case U_WB_MIDNUM: k = CICU_WB_MIDNUM; break;
      case U_WB_MIDLETTER: k = CICU_WB_MIDLETTER; break;
      case U_WB_EXTENDNUMLET: k = CICU_WB_EXTENDNUMLET; break;
      case U_WB_WSEGSPACE: k = CICU_WB_SPACE; break;
      case U_WB_EXTEND: case U_WB_FORMAT: k = CICU_WB_EXTEND; break;
      case U_WB_OTHER: k = CICU_WB_OTHER; break;
      default: k = CICU_WB_UNSUPPORTED; break;  // Katakana, RI, ZWJ, E_Base, ...
    }
    // ICU's root rules: the colon and its compatibility forms are not MidLetter.
    if (c == 0x3A || c == 0xFE55 || c == 0xFF1A) k = CICU_WB_OTHER;
    UErrorCode ec = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &ec);
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
        u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT ||
        u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || script == USCRIPT_HAN ||
        script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
        (c >= 0xD800 && c <= 0xDFFF)) {
      k = CICU_WB_UNSUPPORTED;
    }
    out[i] = k;
  }
}

// The table-driven word breaker and segment classifier, shared by cicu_segment.c (records) and
// cicu_tsv.c (TSV lines straight from the text): the C twin of UnicodeWordBreaker.segments and
// Classifier.classify, which stay in Swift as the reference the tests compare it with.
// Private to the CICU target (not in include/).
#ifndef CICU_WORD_BREAK_H
#define CICU_WORD_BREAK_H
#include <stdbool.h>
#include <stdint.h>

#include "cicu_segment.h"


enum {
  WB_OTHER = 0, WB_CR = 1, WB_LF = 2, WB_NEWLINE = 3, WB_LETTER = 4, WB_NUMERIC = 5,
  WB_MID_NUM_LET = 6, WB_SINGLE_QUOTE = 7, WB_MID_NUM = 8, WB_EXTEND_NUM_LET = 9, WB_SPACE = 10,
  WB_HEBREW_LETTER = 11, WB_DOUBLE_QUOTE = 12, WB_MID_LETTER = 13, WB_EXTEND = 14,
  WB_UNSUPPORTED = 15, WB_NONE = 255
};
enum { KIND_WORD = 0, KIND_NUMBER = 1, KIND_PUNCTUATION = 2, KIND_SPACE = 3, KIND_SYMBOL = 4, KIND_EMOJI = 5 };
enum { DIR_LTR = 0, DIR_RTL = 1, DIR_NONE = 2 };
enum { SCRIPT_COMMON = 0, SCRIPT_HEBREW = 19, SCRIPT_LATIN = 25 };

// As Classifier.decode: a sequence cut by the end of the text counts as U+FFFD, one byte.
static inline uint32_t decode_at(const uint8_t *t, int64_t n, int64_t p, int *length) {
  uint32_t b0 = t[p];
  if (b0 < 0x80) {
    *length = 1;
    return b0;
  }
  if (b0 < 0xE0 && p + 1 < n) {
    *length = 2;
    return (b0 & 0x1F) << 6 | (t[p + 1] & 0x3F);
  }
  if (b0 < 0xF0 && p + 2 < n) {
    *length = 3;
    return (b0 & 0x0F) << 12 | (uint32_t)(t[p + 1] & 0x3F) << 6 | (t[p + 2] & 0x3F);
  }
  if (p + 3 < n) {
    *length = 4;
    uint32_t c = (b0 & 0x07) << 18 | (uint32_t)(t[p + 1] & 0x3F) << 12 | (uint32_t)(t[p + 2] & 0x3F) << 6 |
                 (t[p + 3] & 0x3F);
    return c <= 0x10FFFF ? c : 0xFFFD;  // not reached for well-formed text
  }
  *length = 1;
  return 0xFFFD;
}

static inline uint8_t class_at(const uint8_t *t, int64_t n, int64_t i, const uint8_t *cls, int *length) {
  uint8_t b0 = t[i];
  if (b0 < 0x80) {
    *length = 1;
    return cls[b0];
  }
  return cls[decode_at(t, n, i, length)];
}

// WB4: Extend and Format characters after `j` belong to the character before them.
static inline int64_t skip_extend(const uint8_t *t, int64_t n, int64_t j, const uint8_t *cls) {
  while (j < n) {
    if (t[j] < 0x80) break;  // no ASCII character is Extend or Format
    int l;
    if (class_at(t, n, j, cls, &l) != WB_EXTEND) break;
    j += l;
  }
  return j;
}

static inline bool is_word_start(uint8_t k) {
  return k == WB_LETTER || k == WB_HEBREW_LETTER || k == WB_NUMERIC || k == WB_EXTEND_NUM_LET;
}

// The end of the segment at `i` and its rule status (UnicodeWordBreaker.segments).
static inline __attribute__((always_inline)) int64_t next_boundary(const uint8_t *t, int64_t n, int64_t i, const uint8_t *cls,
                                    int32_t *status_out) {
  int length;
  uint8_t a = class_at(t, n, i, cls, &length);
  int64_t end = i + length;
  int32_t status = 0;
  switch (a) {
  case WB_CR:
    if (end < n && t[end] == 0x0A) end++;
    break;
  case WB_LF:
  case WB_NEWLINE:
    break;
  case WB_SPACE:
    // WB3d: runs of WSegSpace stay together; WB4 then attaches marks to the last.
    while (end < n) {
      int l;
      if (class_at(t, n, end, cls, &l) != WB_SPACE) break;
      end += l;
    }
    end = skip_extend(t, n, end, cls);
    break;
  case WB_LETTER:
  case WB_HEBREW_LETTER:
  case WB_NUMERIC:
  case WB_EXTEND_NUM_LET: {
    int64_t char_end = end;
    end = skip_extend(t, n, end, cls);
    status = a == WB_NUMERIC ? 100 : 200;
    uint8_t last = a;
    bool joined = false;
    while (end < n) {
      // Fast path: a run of ASCII letters after a letter or digit (WB5, WB10).
      if (t[end] < 0x80 && cls[t[end]] == WB_LETTER) {
        do end++;
        while (end < n && t[end] < 0x80 && cls[t[end]] == WB_LETTER);
        status = 200;
        last = WB_LETTER;
        joined = true;
        char_end = end;
        end = skip_extend(t, n, end, cls);
        continue;
      }
      // Fast path: a run of Hebrew letters (D7 xx, U+05C0-U+05FF, classed by the table).
      if (t[end] == 0xD7 && end + 1 < n && cls[0x5C0 + (t[end + 1] & 0x3F)] == WB_HEBREW_LETTER) {
        do end += 2;
        while (end + 1 < n && t[end] == 0xD7 && cls[0x5C0 + (t[end + 1] & 0x3F)] == WB_HEBREW_LETTER);
        status = 200;
        last = WB_HEBREW_LETTER;
        joined = true;
        char_end = end;
        end = skip_extend(t, n, end, cls);
        continue;
      }
      int bl;
      uint8_t b = class_at(t, n, end, cls, &bl);
      if (is_word_start(b)) {
        // WB5, WB8-WB10, WB13a, WB13b: any two of these join.
        if (b == WB_LETTER || b == WB_HEBREW_LETTER || (b == WB_EXTEND_NUM_LET && last == WB_EXTEND_NUM_LET)) {
          status = 200;
        } else if (b == WB_NUMERIC) {
          status = 100;
        }
        last = b;
        joined = true;
        char_end = end + bl;
        end = skip_extend(t, n, char_end, cls);
        continue;
      }
      if (b == WB_MID_NUM_LET || b == WB_SINGLE_QUOTE || b == WB_MID_NUM || b == WB_MID_LETTER ||
          b == WB_DOUBLE_QUOTE) {
        int64_t after_index = skip_extend(t, n, end + bl, cls);
        uint8_t after = WB_NONE;
        int after_length = 0;
        if (after_index < n) after = class_at(t, n, after_index, cls, &after_length);
        bool last_is_letter = last == WB_LETTER || last == WB_HEBREW_LETTER;
        bool after_is_letter = after == WB_LETTER || after == WB_HEBREW_LETTER;
        // WB6/WB7, WB7b/WB7c, WB11/WB12.
        bool letters = last_is_letter && after_is_letter &&
                       (b == WB_MID_LETTER || b == WB_MID_NUM_LET || b == WB_SINGLE_QUOTE);
        bool hebrew_quote = last == WB_HEBREW_LETTER && after == WB_HEBREW_LETTER && b == WB_DOUBLE_QUOTE;
        bool numbers = last == WB_NUMERIC && after == WB_NUMERIC &&
                       (b == WB_MID_NUM || b == WB_MID_NUM_LET || b == WB_SINGLE_QUOTE);
        if (letters || hebrew_quote || numbers) {
          char_end = after_index + after_length;
          end = skip_extend(t, n, char_end, cls);
          last = after;
          joined = true;
          status = after_is_letter ? 200 : 100;
          continue;
        }
        // WB7a: a Hebrew letter keeps a following apostrophe (geresh written ').
        if (last == WB_HEBREW_LETTER && b == WB_SINGLE_QUOTE) {
          end = after_index;
          char_end = end;
          last = WB_SINGLE_QUOTE;
        }
      }
      break;
    }
    if (a == WB_EXTEND_NUM_LET && !joined) status = 0;  // a lone "_" is not a word
    if (last == WB_EXTEND_NUM_LET && end > char_end) status = 0;
    break;
  }
  default:
    end = skip_extend(t, n, end, cls);
  }
  *status_out = status;
  return end;
}

// The general case of classify: every code point's properties until kind, script and
// direction are known.
static __attribute__((noinline)) cicu_word_segment classify_slow(const uint8_t *t, int64_t n, int64_t start,
                                                                 int64_t end, int32_t status,
                                                                 const cicu_segment_tables *tables) {
  cicu_word_segment s = {start, end, status, KIND_SYMBOL, SCRIPT_COMMON, DIR_NONE, 0};
  const uint8_t *gc = tables->general_category, *script = tables->script, *flags = tables->flags,
                *bidi = tables->bidi_class;
  uint8_t script_code = 0, dir = DIR_NONE;
  int first_kind = -1;
  bool saw_letter = false, saw_digit = false, all_space = true;
  int64_t p = start;
  while (p < end) {
    int length;
    uint32_t c = decode_at(t, n, p, &length);
    uint8_t g = gc[c];
    if (script_code <= 1) script_code = script[c];
    if (dir == DIR_NONE) {
      uint8_t b = bidi[c];
      if (b == 0) dir = DIR_LTR;
      else if (b == 1 || b == 13) dir = DIR_RTL;
    }
    bool is_space = (flags[c] & 4) != 0;
    if (!is_space) all_space = false;
    if (g >= 1 && g <= 5) saw_letter = true;
    if (g == 9) saw_digit = true;
    if (first_kind < 0 && !is_space) {
      if ((flags[c] & 1) && c > 0xFF) first_kind = KIND_EMOJI;
      else if (g >= 24 && g <= 27) first_kind = KIND_SYMBOL;
      else if ((g >= 19 && g <= 23) || g >= 28) first_kind = KIND_PUNCTUATION;
    }
    p += length;
    // Words and numbers have their kind from the rules: stop once script and direction are known.
    if (script_code > 1 && dir != DIR_NONE && (status >= 100 || (saw_letter && end - start > 64))) break;
  }
  uint8_t kind;
  if (status >= 200) kind = KIND_WORD;
  else if (status >= 100) kind = KIND_NUMBER;
  else if (all_space) kind = KIND_SPACE;
  else if (saw_letter) kind = KIND_WORD;
  else if (saw_digit) kind = KIND_NUMBER;
  else kind = first_kind >= 0 ? (uint8_t)first_kind : KIND_SYMBOL;
  s.kind = kind;
  s.script = script_code;
  s.dir = dir;
  return s;
}

static inline __attribute__((always_inline)) cicu_word_segment classify(const uint8_t *t, int64_t n, int64_t start, int64_t end, int32_t status,
                                         const cicu_segment_tables *tables) {
  cicu_word_segment s = {start, end, status, KIND_SYMBOL, SCRIPT_COMMON, DIR_NONE, 0};
  // The common cases first: an ASCII word, a Hebrew word, a single space.
  uint8_t b0 = t[start];
  if (status >= 200 && (uint8_t)((b0 | 0x20) - 0x61) < 26) {
    s.kind = KIND_WORD;
    s.script = SCRIPT_LATIN;
    s.dir = DIR_LTR;
    return s;
  }
  if (status >= 200 && b0 == 0xD7 && end - start >= 2 && (uint8_t)(t[start + 1] - 0x90) < 27) {
    s.kind = KIND_WORD;
    s.script = SCRIPT_HEBREW;
    s.dir = DIR_RTL;
    return s;
  }
  if (b0 == 0x20 && end - start == 1) {
    s.kind = KIND_SPACE;
    return s;
  }
  return classify_slow(t, n, start, end, status, tables);
}

static inline bool is_ascii_letter(uint8_t b) { return (uint8_t)((b | 0x20) - 'a') < 26; }

// The segment at `i`, classified: next_boundary then classify, with shortcuts for the two
// commonest segments.
static inline __attribute__((always_inline)) cicu_word_segment next_segment(const uint8_t *t, int64_t n, int64_t i,
                                                                            const cicu_segment_tables *tables) {
  const uint8_t *cls = tables->word_classes;
  uint8_t b = t[i];
  if (is_ascii_letter(b)) {
    // An ASCII word followed by ASCII that cannot continue it (WB5-WB13 need a letter, digit,
    // "_", MidLetter, MidNum or quote next; no ASCII character is Extend): status 200, a
    // Latin word, left to right, as next_boundary and classify find.
    int64_t end = i + 1;
    while (end < n && is_ascii_letter(t[end])) end++;
    uint8_t k = end < n && t[end] < 0x80 ? cls[t[end]] : WB_NONE;
    if (end == n || k == WB_OTHER || k == WB_SPACE || k == WB_CR || k == WB_LF || k == WB_NEWLINE) {
      cicu_word_segment s = {i, end, 200, KIND_WORD, SCRIPT_LATIN, DIR_LTR, 0};
      return s;
    }
  } else if (b == ' ' && i + 1 < n &&
             ((t[i + 1] < 0x80 && t[i + 1] != ' ') ||
              (t[i + 1] == 0xD7 && i + 2 < n && cls[0x5C0 + (t[i + 2] & 0x3F)] == WB_HEBREW_LETTER))) {
    // One space before ASCII other than a space or before a Hebrew letter: no WB3d run, no
    // WB4 marks.
    cicu_word_segment s = {i, i + 1, 0, KIND_SPACE, SCRIPT_COMMON, DIR_NONE, 0};
    return s;
  } else if (b == 0xD7 && i + 1 < n && cls[0x5C0 + (t[i + 1] & 0x3F)] == WB_HEBREW_LETTER) {
    // A run of Hebrew letters followed by ASCII that cannot continue the word (as above).
    int64_t end = i + 2;
    while (end + 1 < n && t[end] == 0xD7 && cls[0x5C0 + (t[end + 1] & 0x3F)] == WB_HEBREW_LETTER) end += 2;
    uint8_t k = end < n && t[end] < 0x80 ? cls[t[end]] : WB_NONE;
    if (end == n || k == WB_OTHER || k == WB_SPACE || k == WB_CR || k == WB_LF || k == WB_NEWLINE) {
      return classify(t, n, i, end, 200, tables);
    }
  }
  int32_t status;
  int64_t end = next_boundary(t, n, i, cls, &status);
  return classify(t, n, i, end, status, tables);
}

#endif

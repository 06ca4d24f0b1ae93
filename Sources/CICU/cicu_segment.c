// Line pre-scan for the table-driven word breaker (Segmenter.forEachSegment).
#include "cicu_segment.h"
#include "cicu_word_break.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int64_t cicu_word_line_scan(const uint8_t *t, int64_t n, int64_t i, const uint8_t *classes,
                            uint8_t unsupported, bool *fast_out, bool *hebrew_out) {
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n');
#endif
  // Locals: stores through the flags' pointers might alias the text, so the loops would
  // store them on every step otherwise.
  bool fast = *fast_out, hebrew = *hebrew_out;
  while (i < n) {
    // Non-ASCII runs (Hebrew words): byte by byte, without trying the ASCII blocks.
    while (i < n && (t[i] == 0xD6 || t[i] == 0xD7)) {
      hebrew = true;
      i += 2;
    }
    if (i >= n) break;
#if defined(__SSE2__)
    while (t[i] < 0x80 && i + 16 <= n) {  // ASCII without a line feed: 16 bytes a step
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
      if (_mm_movemask_epi8(v) | _mm_movemask_epi8(_mm_cmpeq_epi8(v, nl))) break;
      i += 16;
    }
    if (i >= n) break;
#endif
    uint8_t b = t[i];
    if (b < 0x80) {
      i++;
      if (b == '\n') break;
      continue;
    }
    if (b == 0xD6 || b == 0xD7) {  // U+0580-U+05FF: all handled
      hebrew = true;
      i += 2;
      continue;
    }
    if (b == 0xEF) hebrew = true;
    if (!fast) {
      i++;
      continue;
    }
    // As Classifier.decode: a sequence cut by the end counts as U+FFFD, one byte.
    uint32_t c = 0xFFFD;
    int l = 1;
    if (b < 0xE0 && i + 1 < n) {
      c = (uint32_t)(b & 0x1F) << 6 | (t[i + 1] & 0x3F);
      l = 2;
    } else if (b < 0xF0 && i + 2 < n) {
      c = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(t[i + 1] & 0x3F) << 6 | (t[i + 2] & 0x3F);
      l = 3;
    } else if (i + 3 < n) {
      c = (uint32_t)(b & 0x07) << 18 | (uint32_t)(t[i + 1] & 0x3F) << 12 | (uint32_t)(t[i + 2] & 0x3F) << 6 |
          (t[i + 3] & 0x3F);
      l = 4;
    }
    if (c > 0x10FFFF || classes[c] == unsupported) fast = false;
    i += l;
  }
  *fast_out = fast;
  *hebrew_out = hebrew;
  return i;
}

cicu_word_segment cicu_classify_segment(const uint8_t *text, int64_t len, int64_t start, int64_t end,
                                        int32_t status, const cicu_segment_tables *tables) {
  return classify(text, len, start, end, status, tables);
}

int64_t cicu_word_segments(const uint8_t *text, int64_t len, int64_t start, const cicu_segment_tables *tables,
                           cicu_word_segment *out, int64_t capacity) {
  int64_t i = start, k = 0;
  while (i < len && k < capacity) {
    cicu_word_segment s = next_segment(text, len, i, tables);
    out[k++] = s;
    i = s.end;
  }
  return k;
}

// MARK: Hebrew refinements (the C twin of Segmenter.refineHebrew, the tested reference)

enum { REFINE_ACRONYMS = 1, REFINE_GERESH_LETTERS = 2, REFINE_MAQAF_SPLIT = 4, REFINE_PREFIX = 8 };
enum { ROLE_NONE = 0, ROLE_PREFIX = 1, ROLE_MAQAF = 2, ROLE_ACRONYM = 3 };

// Whether `b`, after 0xD7, makes one of the proclitics ו ה ב כ ל מ ש.
static inline bool is_proclitic_byte(uint8_t b) {
  const uint64_t mask = 1ULL << 0x15 | 1ULL << 0x14 | 1ULL << 0x11 | 1ULL << 0x1B | 1ULL << 0x1C | 1ULL << 0x1E |
                        1ULL << 0x29;
  return b >= 0x80 && b < 0xC0 && ((mask >> (b - 0x80)) & 1);
}

static bool is_proclitic_sequence(const uint8_t *t, int64_t lo, int64_t hi) {
  int64_t n = hi - lo;
  if (n < 2 || n > 6 || n % 2 != 0) return false;
  for (int64_t p = lo; p < hi; p += 2) {
    if (t[p] != 0xD7 || !is_proclitic_byte(t[p + 1])) return false;
  }
  return true;
}

// End of the 1-3 proclitic letters of a segment like ב2024 or הCIA, or -1.
static int64_t glued_prefix_end(const uint8_t *t, int64_t lo, int64_t hi) {
  int64_t p = lo;
  int letters = 0;
  while (p + 1 < hi && t[p] == 0xD7 && is_proclitic_byte(t[p + 1]) && letters < 3) {
    p += 2;
    letters++;
  }
  if (letters == 0 || p >= hi) return -1;
  uint8_t b = t[p];
  bool digit = b >= '0' && b <= '9';
  bool latin = (uint8_t)((b | 0x20) - 'a') < 26;
  return digit || latin ? p : -1;
}

static inline bool is_maqaf(const uint8_t *t, const cicu_word_segment *s) {
  return s->end - s->start == 2 && t[s->start] == 0xD6 && t[s->start + 1] == 0xBE;
}

static inline bool is_hyphen(const uint8_t *t, const cicu_word_segment *s) {
  int64_t n = s->end - s->start;
  const uint8_t *p = t + s->start;
  return (n == 1 && p[0] == '-') || is_maqaf(t, s) ||
         (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x90 || p[2] == 0x91));
}

// The geresh or gershayim mark at `p` (ASCII ' and ", U+05F3, U+05F4): its length (0: none)
// and whether it is double.
static inline int quote_at(const uint8_t *t, int64_t p, int64_t hi, bool *is_double) {
  uint8_t b = t[p];
  if (b == 0x27) { *is_double = false; return 1; }
  if (b == 0x22) { *is_double = true; return 1; }
  if (b == 0xD7 && p + 1 < hi && t[p + 1] == 0xB3) { *is_double = false; return 2; }
  if (b == 0xD7 && p + 1 < hi && t[p + 1] == 0xB4) { *is_double = true; return 2; }
  return 0;
}

// Whether the quote mark at `p` follows one of the letters a geresh changes (ג ז ח צ ץ ת),
// within a segment starting at `start`.
static inline bool follows_geresh_letter(const uint8_t *t, int64_t p, int64_t start) {
  if (p - 2 < start || t[p - 2] != 0xD7) return false;
  uint8_t b = t[p - 1];
  return b == 0x92 || b == 0x96 || b == 0x97 || b == 0xA5 || b == 0xA6 || b == 0xAA;
}

// Whether an ASCII ' comes right before `start`, or before the Hebrew words joined to it by
// maqaf or hyphen (up to three of them).
static inline bool opens_with_single_quote(const uint8_t *t, int64_t start) {
  int64_t p = start;
  for (int i = 0; i < 4; i++) {
    if (p > 0 && t[p - 1] == 0x27) return true;
    int64_t q = p;
    if (q >= 2 && t[q - 2] == 0xD6 && t[q - 1] == 0xBE) q -= 2;
    else if (q >= 1 && t[q - 1] == 0x2D) q -= 1;
    else return false;
    int64_t r = q;
    while (r >= 2 && t[r - 2] == 0xD7 && t[r - 1] >= 0x90 && t[r - 1] <= 0xAA) r -= 2;
    if (r == q) return false;
    p = r;
  }
  return false;
}

// Whether [lo, hi) ends with an ASCII ' after a Hebrew letter a geresh does not change, right
// after an opening ': a word in single quotes ('שלום'), or the last of up to four words joined
// by maqaf or hyphen ('בית־ספר').
static inline bool is_closing_single_quote(const uint8_t *t, int64_t lo, int64_t hi) {
  if (hi - lo < 3 || t[hi - 1] != 0x27 || t[hi - 3] != 0xD7 || !opens_with_single_quote(t, lo)) return false;
  uint8_t b = t[hi - 2];
  return b >= 0x90 && b <= 0xAA && !follows_geresh_letter(t, hi - 1, lo);
}

typedef struct {
  cicu_word_segment *out;
  int64_t count, capacity;
} refine_sink;

static inline void put(refine_sink *sink, cicu_word_segment s) {
  if (sink->count < sink->capacity) sink->out[sink->count] = s;
  sink->count++;
}

static inline cicu_word_segment with_role(cicu_word_segment s, uint8_t role) {
  s.role = role;
  return s;
}

int64_t cicu_hebrew_refine(const uint8_t *text, int64_t len, const cicu_word_segment *in, int64_t count,
                           uint8_t options, const cicu_segment_tables *tables, cicu_word_segment *out,
                           int64_t capacity) {
  refine_sink sink = {out, 0, capacity};
  bool any_hebrew = false;
  for (int64_t i = 0; i < count; i++) any_hebrew |= in[i].script == SCRIPT_HEBREW;
  if (!any_hebrew) {
    for (int64_t i = 0; i < count; i++) put(&sink, in[i]);
    return sink.count;
  }
  // A maqaf join (maqaf split off) replaces segment `joined_index` by `joined`.
  int64_t joined_index = -1;
  cicu_word_segment joined = {0};
#define SEG(k) ((k) == joined_index ? &joined : &in[k])
  int64_t i = 0;
  while (i < count) {
    cicu_word_segment s = *SEG(i);
    if (s.script != SCRIPT_HEBREW || (s.kind != KIND_WORD && s.kind != KIND_NUMBER)) {
      put(&sink, s);
      i++;
      continue;
    }
    // A closing single quote after an opening one ('שלום'): punctuation, not a geresh (it is
    // one after ג ז ח צ ץ ת). The word goes on shortened and the quote follows it (the Swift
    // twin inserts the quote as the next segment; the branches that look at the next segment
    // cannot match a quote, so they are skipped).
    bool close_quote = is_closing_single_quote(text, s.start, s.end);
    if (close_quote) s = classify(text, len, s.start, s.end - 1, 200, tables);
#define FINISH_WORD() \
  do { \
    if (close_quote) put(&sink, classify(text, len, s.end, s.end + 1, 0, tables)); \
  } while (0)
    // Proclitic glued to a number or Latin word inside one segment: ב2024, הCIA.
    if (options & REFINE_PREFIX) {
      int64_t cut = glued_prefix_end(text, s.start, s.end);
      if (cut >= 0) {
        put(&sink, with_role(classify(text, len, s.start, cut, 200, tables), ROLE_PREFIX));
        put(&sink, classify(text, len, cut, s.end, -1, tables));
        FINISH_WORD();
        i++;
        continue;
      }
    }
    // ב-2024, ה-CIA: proclitic, hyphen or maqaf, number or Latin.
    if (!close_quote && (options & REFINE_PREFIX) && i + 2 < count && is_proclitic_sequence(text, s.start, s.end) &&
        is_hyphen(text, SEG(i + 1)) && (SEG(i + 2)->kind == KIND_NUMBER || SEG(i + 2)->script == SCRIPT_LATIN)) {
      put(&sink, with_role(s, ROLE_PREFIX));
      i++;
      continue;
    }
    // Maqaf between Hebrew words.
    if (!close_quote && i + 2 < count && is_maqaf(text, SEG(i + 1)) && SEG(i + 2)->script == SCRIPT_HEBREW &&
        SEG(i + 2)->kind == KIND_WORD) {
      if (options & REFINE_MAQAF_SPLIT) {
        put(&sink, s);
        put(&sink, with_role(*SEG(i + 1), ROLE_MAQAF));
      } else {
        cicu_word_segment j = s;
        j.end = SEG(i + 2)->end;
        joined = j;
        joined_index = i + 2;
      }
      i += 2;
      continue;
    }
    // Acronyms and geresh letters: kept whole by the breaker; mark, or split when switched off.
    bool any_quote = false, any_double = false, any_cut = false;
    int64_t last_quote_end = -1, last_quote_pos = -1;
    // Character by character (a quote is ASCII or starts with D7; continuation bytes are
    // neither), Hebrew letters two bytes a step.
    for (int64_t p = s.start; p < s.end;) {
      uint8_t b = text[p];
      if (b == 0xD7 && p + 1 < s.end && (uint8_t)(text[p + 1] - 0xB3) >= 2) {
        p += 2;
        continue;
      }
      bool dbl;
      int l = quote_at(text, p, s.end, &dbl);
      if (l == 0) {
        p++;
        continue;
      }
      any_quote = true;
      any_double |= dbl;
      any_cut |= dbl ? !(options & REFINE_ACRONYMS) : !(options & REFINE_GERESH_LETTERS);
      last_quote_end = p + l;
      last_quote_pos = p;
      p += l;
    }
    if (any_quote) {
      if (!any_cut) {
        // A final geresh makes an abbreviation (עמ'), not after a letter it changes (ג'ורג').
        if (any_double || (last_quote_end == s.end && !follows_geresh_letter(text, last_quote_pos, s.start)))
          s.role = ROLE_ACRONYM;
        put(&sink, s);
      } else {
        int64_t from = s.start;
        for (int64_t p = s.start; p < s.end; p++) {
          bool dbl;
          int l = quote_at(text, p, s.end, &dbl);
          if (l == 0 || !(dbl ? !(options & REFINE_ACRONYMS) : !(options & REFINE_GERESH_LETTERS))) continue;
          if (p > from) put(&sink, classify(text, len, from, p, 200, tables));
          put(&sink, classify(text, len, p, p + l, 0, tables));
          from = p + l;
        }
        if (from < s.end) put(&sink, classify(text, len, from, s.end, 200, tables));
      }
      FINISH_WORD();
      i++;
      continue;
    }
    put(&sink, s);
    FINISH_WORD();
    i++;
  }
#undef FINISH_WORD
#undef SEG
  return sink.count;
}

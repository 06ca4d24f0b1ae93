// TSV lines for `translit segment`: a batch of segments formatted in one call, or cut,
// classified and formatted in one pass, with fixed-size copies (the reserved room covers their
// overshoot) and offsets advanced digit-wise.
#include "cicu_tsv.h"
#include "cicu_word_break.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Decimal digits of the current offset, right-aligned in d[first..24); d has 48 bytes so
// that 24 bytes from any `first` can be read.
typedef struct {
  uint8_t d[48];
  int first;
  int64_t value;
} digits;

static void digits_set(digits *s, int64_t v) {
  memset(s->d, '0', 24);
  int i = 23;
  uint64_t n = (uint64_t)v;
  do {
    s->d[i--] = (uint8_t)('0' + n % 10);
    n /= 10;
  } while (n > 0);
  s->first = i + 1;
  s->value = v;
}

static inline void digits_advance(digits *s, int64_t v) {
  uint64_t delta = (uint64_t)(v - s->value);
  if (delta < 10) {
    // The common case (a short segment): the last digit, then a carry through the nines.
    unsigned x = (unsigned)(s->d[23] - '0') + (unsigned)delta;
    s->value = v;
    if (x < 10) {
      s->d[23] = (uint8_t)('0' + x);
      return;
    }
    s->d[23] = (uint8_t)('0' + x - 10);
    int i = 22;
    while (s->d[i] == '9') s->d[i--] = '0';
    s->d[i]++;  // a '0' left of `first` becomes the new leading '1'
    if (i < s->first) s->first = i;
    return;
  }
  if (delta >= 1000000) {  // also v < value
    digits_set(s, v);
    return;
  }
  int i = 23;
  unsigned carry = 0;
  while (delta > 0 || carry) {
    unsigned x = (unsigned)(s->d[i] - '0') + (unsigned)(delta % 10) + carry;
    delta /= 10;
    carry = x >= 10;
    s->d[i] = (uint8_t)('0' + (carry ? x - 10 : x));
    i--;
  }
  if (i + 1 < s->first) s->first = i + 1;
  s->value = v;
}

// Copies the digits with one fixed 24-byte copy; returns the end of the digits.
static inline uint8_t *digits_put(uint8_t *p, const digits *s) {
  memcpy(p, s->d + s->first, 24);
  return p + (24 - s->first);
}

static inline uint8_t *put_escaped(uint8_t *p, const uint8_t *src, int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    uint8_t b = src[i];
    if (b == '\t' || b == '\\') {
      *p++ = '\\';
      *p++ = b == '\t' ? 't' : '\\';
    } else {
      *p++ = b;
    }
  }
  return p;
}

// Copies the text (escaping '\t' and '\\'); 16 bytes a step when that much is readable.
static inline uint8_t *put_text(uint8_t *p, const uint8_t *text, int64_t text_len, int64_t start,
                                int64_t n) {
  const uint8_t *src = text + start;
#if defined(__SSE2__)
  const __m128i tab = _mm_set1_epi8('\t'), bs = _mm_set1_epi8('\\');
  int64_t i = 0;
  while (i < n && start + i + 16 <= text_len) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, bs)));
    int64_t left = n - i;
    if (left < 16) m &= (1u << left) - 1;
    if (m) return put_escaped(p, src + i, n - i);
    _mm_storeu_si128((__m128i *)(void *)p, v);
    if (left <= 16) return p + left;
    p += 16;
    i += 16;
  }
  return put_escaped(p, src + i, n - i);
#else
  return put_escaped(p, src, n);
#endif
}

// One line: offsets, middle, escaped text, '\n'.
static inline __attribute__((always_inline)) uint8_t *put_line(uint8_t *p, digits *offset, int64_t base,
                                                               const uint8_t *text, int64_t text_len,
                                                               int64_t start, int64_t end,
                                                               const uint8_t *middle) {
  if (base + start != offset->value) digits_set(offset, base + start);
  p = digits_put(p, offset);
  *p++ = '\t';
  digits_advance(offset, base + end);
  p = digits_put(p, offset);
  uint8_t m = middle[63];
  memcpy(p, middle, 48);
  if (m > 48) memcpy(p + 48, middle + 48, 16);
  p += m;
  p = put_text(p, text, text_len, start, end - start);
  *p++ = '\n';
  return p;
}

int64_t cicu_tsv_write_segments(uint8_t *dst, int64_t capacity, const uint8_t *text, int64_t text_len,
                                int64_t base, const cicu_word_segment *segments, int64_t count,
                                const uint8_t *middles, int64_t *written) {
  uint8_t *p = dst, *limit = dst + capacity;
  digits offset;
  memset(offset.d, '0', sizeof offset.d);
  digits_set(&offset, count > 0 ? base + segments[0].start : 0);
  int64_t k = 0;
  for (; k < count; k++) {
    const cicu_word_segment *s = segments + k;
    int64_t start = s->start, end = s->end;
    if (text[end - 1] == '\n') continue;  // line ends ("\n", "\r\n") are left out
    int64_t n = end - start;
    if (limit - p < 2 * n + 192) break;
    const uint8_t *middle = middles + 64 * (((int64_t)s->kind * 256 + s->script) * 3 + s->dir);
    p = put_line(p, &offset, base, text, text_len, start, end, middle);
  }
  *written = p - dst;
  return k;
}

int64_t cicu_tsv_write_words(uint8_t *dst, int64_t capacity, const uint8_t *text, int64_t len, int64_t start,
                             int64_t base, const cicu_segment_tables *tables, const uint8_t *middles,
                             int64_t *written) {
  const uint8_t *cls = tables->word_classes;
  uint8_t *p = dst, *limit = dst + capacity;
  digits offset;
  memset(offset.d, '0', sizeof offset.d);
  digits_set(&offset, base + start);
  // The middles of the two commonest segments.
  const uint8_t *latin_word = middles + 64 * ((KIND_WORD * 256 + SCRIPT_LATIN) * 3 + DIR_LTR);
  const uint8_t *space = middles + 64 * ((KIND_SPACE * 256 + SCRIPT_COMMON) * 3 + DIR_NONE);
  int64_t i = start;
  while (i < len) {
    uint8_t b = text[i];
    int64_t end;
    const uint8_t *middle;
    if (is_ascii_letter(b)) {
      // An ASCII word followed by ASCII that cannot continue it (WB5-WB13 need a letter,
      // digit, "_", MidLetter, MidNum or quote next; no ASCII character is Extend): status
      // 200, a Latin word, left to right, as next_boundary and classify find.
      end = i + 1;
      while (end < len && is_ascii_letter(text[end])) end++;
      if (end == len) goto fast;
      uint8_t c = text[end];
      if (c < 0x80) {
        uint8_t k = cls[c];
        if (k == WB_OTHER || k == WB_SPACE || k == WB_CR || k == WB_LF || k == WB_NEWLINE) {
          middle = latin_word;
          goto emit;
        }
      }
    } else if (b == ' ' && i + 1 < len && text[i + 1] < 0x80 && text[i + 1] != ' ') {
      // One space before ASCII other than a space: no WB3d run, no WB4 marks.
      end = i + 1;
      middle = space;
      goto emit;
    }
    {
      int32_t status;
      end = next_boundary(text, len, i, cls, &status);
      if (text[end - 1] == '\n') {  // line ends ("\n", "\r\n") are left out
        i = end;
        continue;
      }
      cicu_word_segment s = classify(text, len, i, end, status, tables);
      middle = middles + 64 * (((int64_t)s.kind * 256 + s.script) * 3 + s.dir);
      goto emit;
    }
  fast:
    middle = latin_word;
  emit:
    if (limit - p < 2 * (end - i) + 192) break;
    p = put_line(p, &offset, base, text, len, i, end, middle);
    i = end;
  }
  *written = p - dst;
  return i;
}

// Line pre-scan for the table-driven word breaker (Segmenter.forEachSegment).
#include "cicu_segment.h"
#include "cicu_word_break.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int64_t cicu_word_line_scan(const uint8_t *t, int64_t n, int64_t i, const uint8_t *classes,
                            uint8_t unsupported, bool *fast, bool *hebrew) {
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n');
#endif
  while (i < n) {
    // Non-ASCII runs (Hebrew words): byte by byte, without trying the ASCII blocks.
    while (i < n && (t[i] == 0xD6 || t[i] == 0xD7)) {
      *hebrew = true;
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
      *hebrew = true;
      i += 2;
      continue;
    }
    if (b == 0xEF) *hebrew = true;
    if (!*fast) {
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
    if (c > 0x10FFFF || classes[c] == unsupported) *fast = false;
    i += l;
  }
  return i;
}

cicu_word_segment cicu_classify_segment(const uint8_t *text, int64_t len, int64_t start, int64_t end,
                                        int32_t status, const cicu_segment_tables *tables) {
  return classify(text, len, start, end, status, tables);
}

int64_t cicu_word_segments(const uint8_t *text, int64_t len, int64_t start, const cicu_segment_tables *tables,
                           cicu_word_segment *out, int64_t capacity) {
  const uint8_t *cls = tables->word_classes;
  int64_t i = start, k = 0;
  while (i < len && k < capacity) {
    int32_t status;
    int64_t end = next_boundary(text, len, i, cls, &status);
    out[k++] = classify(text, len, i, end, status, tables);
    i = end;
  }
  return k;
}

// Byte-level helpers with no ICU dependency: UTF-8 validation and scanning at memory speed.
#define _GNU_SOURCE 1
#include "CICU.h"

#include <string.h>

static inline int is_cont(uint8_t b) { return (b & 0xC0) == 0x80; }

int64_t cicu_utf8_find_invalid(const uint8_t *src, int64_t len, bool allow_truncated_tail,
                               int64_t *tail_start, int32_t *bad_len) {
  int64_t i = 0;
  *tail_start = len;
  *bad_len = 0;
  while (i < len) {
    // ASCII fast path, 16 bytes at a time.
    while (i + 16 <= len) {
      uint64_t a, b;
      memcpy(&a, src + i, 8);
      memcpy(&b, src + i + 8, 8);
      if ((a | b) & 0x8080808080808080ULL) break;
      i += 16;
    }
    if (i >= len) break;
    uint8_t c = src[i];
    if (c < 0x80) { i++; continue; }
    int need;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) { need = 2; lo = 0xA0; }
    else if (c == 0xED) { need = 2; hi = 0x9F; }
    else if (c >= 0xE1 && c <= 0xEF) need = 2;
    else if (c == 0xF0) { need = 3; lo = 0x90; }
    else if (c == 0xF4) { need = 3; hi = 0x8F; }
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else { *bad_len = 1; return i; }
    // Second byte has the restricted range; later ones are plain continuation bytes.
    int64_t j = i + 1;
    for (int k = 0; k < need; k++, j++) {
      if (j >= len) {
        if (allow_truncated_tail) { *tail_start = i; return len; }
        *bad_len = (int32_t)(j - i);
        return i;
      }
      uint8_t x = src[j];
      int ok = k == 0 ? (x >= lo && x <= hi) : is_cont(x);
      if (!ok) { *bad_len = (int32_t)(j - i); return i; }
    }
    i = j;
  }
  return len;
}

int64_t cicu_count_byte(const uint8_t *src, int64_t len, uint8_t byte) {
  int64_t n = 0;
  const uint8_t *p = src, *end = src + len;
  while (p < end) {
    const uint8_t *q = memchr(p, byte, (size_t)(end - p));
    if (!q) break;
    n++;
    p = q + 1;
  }
  return n;
}

int64_t cicu_last_byte(const uint8_t *src, int64_t len, uint8_t byte) {
  const uint8_t *q = memrchr(src, byte, (size_t)len);
  return q ? (int64_t)(q - src) : -1;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
static inline uint64_t has_byte(uint64_t w, uint8_t b) {
  uint64_t x = w ^ (ONES * b);
  return (x - ONES) & ~x & HIGHS;
}

int64_t cicu_find_interesting(const uint8_t *src, int64_t len, const uint8_t *specials) {
  // specials[256] != 0 marks interesting bytes (ASCII bytes or UTF-8 lead bytes). Continuation
  // bytes 0x80-0x83 are never interesting, so they carry the table's shape:
  //   [0x80] = 1: no ASCII byte is interesting;
  //   [0x83] = 1: only the one or two ASCII bytes [0x81], [0x82] are.
  // Both let ASCII words be skipped eight bytes at a time.
  int64_t i = 0;
  const int ascii_quiet = specials[0x80] != 0;
  const int few = specials[0x83] != 0;
  const uint8_t s1 = specials[0x81], s2 = specials[0x82];
  if (ascii_quiet || few) {
    for (;;) {
      while (i + 8 <= len) {
        uint64_t a;
        memcpy(&a, src + i, 8);
        if (a & HIGHS) break;
        if (few && (has_byte(a, s1) | has_byte(a, s2))) break;
        i += 8;
      }
      int64_t stop = i + 8 < len ? i + 8 : len;
      for (; i < stop; i++) {
        uint8_t b = src[i];
        if (specials[b] && (b < 0x80 || b >= 0xC0)) return i;
      }
      if (i >= len) return len;
    }
  }
  for (; i + 4 <= len; i += 4) {
    if (specials[src[i]] | specials[src[i + 1]] | specials[src[i + 2]] | specials[src[i + 3]]) break;
  }
  for (; i < len; i++) {
    uint8_t b = src[i];
    if (specials[b] && (b < 0x80 || b >= 0xC0)) return i;
  }
  return len;
}

static inline int ws_anomaly_at(const uint8_t *src, int64_t len, int64_t i) {
  uint8_t b = src[i];
  if (b == '\t') return 1;
  if (b != ' ') return 0;
  if (i == 0 || src[i - 1] == '\n') return 1;  // at a line start
  return i + 1 == len || src[i + 1] == '\n' || src[i + 1] == ' ' || src[i + 1] == '\t';
}

int64_t cicu_find_whitespace_to_collapse(const uint8_t *src, int64_t len, int64_t from) {
  int64_t i = from;
  for (;;) {
    // Skip eight bytes at a time while they hold no tab, no space followed by whitespace, no
    // newline followed by a space, and do not start with a space after a newline. w2 holds
    // each byte's successor.
    while (i + 9 <= len) {
      uint64_t w, w2;
      memcpy(&w, src + i, 8);
      memcpy(&w2, src + i + 1, 8);
      if (has_byte(w, '\t')) break;
      if (has_byte(w, ' ') && (has_byte(w2, ' ') | has_byte(w2, '\t') | has_byte(w2, '\n'))) break;
      if (has_byte(w, '\n') && has_byte(w2, ' ')) break;
      if (src[i] == ' ' && (i == 0 || src[i - 1] == '\n')) break;
      i += 8;
    }
    int64_t stop = i + 8 < len ? i + 8 : len;
    for (; i < stop; i++) {
      if (ws_anomaly_at(src, len, i)) return i;
    }
    if (i >= len) return len;
  }
}

#include <malloc.h>
void cicu_tune_allocator_for_streaming(void) {
  // Keep ~1 MiB chunk buffers on the heap (reused) rather than fresh mmap'd pages each time.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

int64_t cicu_collapse_whitespace(const uint8_t *src, int64_t len, uint8_t *dst, int64_t *runs) {
  int64_t o = 0, n = 0;
  int64_t i = 0;
  int at_line_start = 1;
  while (i < len) {
    uint8_t b = src[i];
    if (b == ' ' || b == '\t') {
      int64_t j = i;
      while (j < len && (src[j] == ' ' || src[j] == '\t')) j++;
      int at_line_end = j == len || src[j] == '\n';
      int keep = !(at_line_start || at_line_end);
      if (!(keep && j - i == 1 && b == ' ')) n++;
      if (keep) dst[o++] = ' ';
      i = j;
      continue;
    }
    at_line_start = b == '\n';
    dst[o++] = b;
    i++;
  }
  *runs = n;
  return o;
}

int64_t cicu_replace_bytes_with_space(uint8_t *buf, int64_t len, const uint8_t *table) {
  int64_t n = 0;
  for (int64_t i = 0; i < len; i++) {
    if (table[buf[i]]) { buf[i] = ' '; n++; }
  }
  return n;
}

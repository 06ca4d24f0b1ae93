// Byte-level helpers, no ICU headers: UTF-8 validation and scanning at memory speed (the NFC
// stability bits come from cicu_core.cpp).
#define _GNU_SOURCE 1
#include "CICU.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>  // SSE2 is part of x86-64; other targets use the portable loops
#endif

static inline int is_cont(uint8_t b) { return (b & 0xC0) == 0x80; }

/// Continuation bytes a UTF-8 lead byte needs (0: not a valid lead byte), and the allowed range
/// of the second byte (Unicode Table 3-7: no overlongs, surrogates or values above U+10FFFF).
static inline int utf8_lead(uint8_t c, uint8_t *lo, uint8_t *hi) {
  *lo = 0x80; *hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) return 1;
  if (c == 0xE0) { *lo = 0xA0; return 2; }
  if (c == 0xED) { *hi = 0x9F; return 2; }
  if (c >= 0xE1 && c <= 0xEF) return 2;
  if (c == 0xF0) { *lo = 0x90; return 3; }
  if (c == 0xF4) { *hi = 0x8F; return 3; }
  if (c >= 0xF1 && c <= 0xF3) return 3;
  return 0;
}

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
    // Mixed ASCII and two-byte sequences (Hebrew, Arabic, Cyrillic, Greek text) in one tight
    // loop, back to the 16-byte steps after 8 ASCII bytes in a row.
    int ascii_run = 0;
    while (i + 1 < len && ascii_run < 8) {
      uint8_t c = src[i];
      if (c < 0x80) {
        i++;
        ascii_run++;
      } else if ((uint8_t)(c - 0xC2) < 30 && (src[i + 1] & 0xC0) == 0x80) {
        i += 2;
        ascii_run = 0;
      } else {
        break;
      }
    }
    if (ascii_run == 8 || i >= len) continue;
    uint8_t c = src[i];
    if (c < 0x80) { i++; continue; }
    uint8_t lo, hi;
    int need = utf8_lead(c, &lo, &hi);
    if (need == 0) { *bad_len = 1; return i; }
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
#if defined(__SSE2__)
  if (ascii_quiet || few) {
    // 16 bytes a step: a bit per non-ASCII byte (and per flagged ASCII byte); only those bytes
    // are looked up in the table.
    const __m128i v1 = _mm_set1_epi8((char)s1), v2 = _mm_set1_epi8((char)s2);
    for (; i + 16 <= len; i += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
      unsigned m = (unsigned)_mm_movemask_epi8(v);
      if (few) m |= (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, v1), _mm_cmpeq_epi8(v, v2)));
      while (m) {
        int k = __builtin_ctz(m);
        uint8_t b = src[i + k];
        if (specials[b] && (b < 0x80 || b >= 0xC0)) return i + k;
        m &= m - 1;
      }
    }
    for (; i < len; i++) {
      uint8_t b = src[i];
      if (specials[b] && (b < 0x80 || b >= 0xC0)) return i;
    }
    return len;
  }
#endif
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
  int64_t mapped = 0;
  return cicu_map_collapse_whitespace(src, len, dst, NULL, &mapped, runs);
}

int64_t cicu_replace_bytes_with_space(uint8_t *buf, int64_t len, const uint8_t *table) {
  int64_t n = 0;
  for (int64_t i = 0; i < len; i++) {
    if (table[buf[i]]) { buf[i] = ' '; n++; }
  }
  return n;
}

// MARK: One-pass UTF-8 scan (validation, line facts, NFC stability)


// NFC-stable code points (ccc 0 and NFC_Quick_Check = Yes: they never change under NFC and
// never combine with what precedes them), one bit each for U+0000..U+1FFFF, filled lazily from
// ICU one 256-code-point page at a time (cicu_core.cpp) the first time a page is seen.
#define STABLE_PAGES (0x20000 >> 8)
static uint8_t stable_bits[0x20000 >> 3];
static _Atomic uint8_t stable_ready[STABLE_PAGES];
static pthread_mutex_t stable_lock = PTHREAD_MUTEX_INITIALIZER;
void cicu_nfc_fill_stable_page(int32_t page, uint8_t bits[32]);  // cicu_core.cpp

static void fill_stable_page(uint32_t page) {
  pthread_mutex_lock(&stable_lock);
  if (!atomic_load_explicit(&stable_ready[page], memory_order_relaxed)) {
    cicu_nfc_fill_stable_page((int32_t)page, stable_bits + (page << 5));
    atomic_store_explicit(&stable_ready[page], 1, memory_order_release);
  }
  pthread_mutex_unlock(&stable_lock);
}

static inline int nfc_stable(uint32_t cp) {
  if (cp >= 0x20000) return 0;
  uint32_t page = cp >> 8;
  if (!atomic_load_explicit(&stable_ready[page], memory_order_acquire)) fill_stable_page(page);
  return (stable_bits[cp >> 3] >> (cp & 7)) & 1;
}

bool cicu_nfc_is_stable(int32_t c) { return c >= 0 && (c < 0x80 || nfc_stable((uint32_t)c)); }

// The same bits for two-byte sequences, one 64-bit word per lead byte C0..DF indexed by the
// continuation's low six bits, so the scan tests Hebrew, Cyrillic, Greek, Arabic… with one load.
static uint64_t stable2[32];
static pthread_once_t stable2_once = PTHREAD_ONCE_INIT;
// Whether the lead bytes the vector loop lets through unchecked really start only NFC-stable
// sequences in this ICU's data: C2..CB (U+0080..U+02FF), D0 and D1 (Cyrillic), and D7 before a
// continuation of at least 0x88 (U+05C8..U+05FF: the Hebrew letters).
static bool vector_leads_stable;
static void fill_stable2(void) {
  for (uint32_t lead = 2; lead < 32; lead++) {
    uint64_t w = 0;
    for (uint32_t k = 0; k < 64; k++) {
      if (nfc_stable(lead << 6 | k)) w |= 1ull << k;
    }
    stable2[lead] = w;
  }
  bool ok = stable2[0x10] == ~0ull && stable2[0x11] == ~0ull && (stable2[0x17] >> 8) == (~0ull >> 8);
  for (uint32_t lead = 0x02; lead <= 0x0B; lead++) ok = ok && stable2[lead] == ~0ull;
  vector_leads_stable = ok;
}

typedef struct {
  int64_t nl, last, le, un;
  int32_t bad;
  bool stopped;  // at an ill-formed sequence (bad > 0) or a truncated tail
} scan_state;

// One character at a time: the 16-byte block the vector loop stopped at, then on while the text
// stays non-ASCII (Hebrew words with single spaces between them) and back to the vector loop
// after four ASCII bytes in a row.
static inline __attribute__((always_inline)) int64_t scan_scalar(const uint8_t *src, int64_t len, int64_t i,
                                                     bool allow_truncated_tail, bool track_nfc,
                                                     scan_state *st) {
  int64_t nl = st->nl, last = st->last, le = st->le, un = st->un;
  int32_t bad = 0;
  bool stopped = false;
  int ascii_run = 0;
  const int64_t block_end = i + 16;
  while (i < len && (i < block_end || ascii_run < 4)) {
    uint8_t c = src[i];
    if (c < 0x80) {
      if (c == '\n') { nl++; last = i; }
      else if (c == '\r' && le < 0) le = i;
      i++;
      ascii_run++;
      continue;
    }
    ascii_run = 0;
    if ((uint8_t)(c - 0xC2) <= 0xDF - 0xC2 && i + 1 < len) {  // two-byte sequence, the common case
      uint8_t x = src[i + 1];
      if (!is_cont(x)) { bad = 1; stopped = true; break; }
      if (un < 0 && track_nfc && !((stable2[c - 0xC0] >> (x & 0x3F)) & 1)) un = i;
      if (c == 0xC2 && x == 0x85 && le < 0) le = i;  // NEL
      i += 2;
      continue;
    }
    uint8_t lo, hi;
    int need = utf8_lead(c, &lo, &hi);
    if (need == 0) { bad = 1; stopped = true; break; }
    for (int k = 0; k < need; k++) {
      int64_t j = i + 1 + k;
      if (j >= len) {
        // A sequence cut by the end: a tail for the next chunk (bad stays 0) when allowed.
        if (!allow_truncated_tail) bad = (int32_t)(j - i);
        stopped = true;
        goto done;
      }
      uint8_t x = src[j];
      if (k == 0 ? (x < lo || x > hi) : !is_cont(x)) { bad = (int32_t)(j - i); stopped = true; goto done; }
    }
    uint32_t cp;
    if (need == 1) cp = ((uint32_t)(c & 0x1F) << 6) | (src[i + 1] & 0x3F);
    else if (need == 2)
      cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(src[i + 1] & 0x3F) << 6) | (src[i + 2] & 0x3F);
    else
      cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(src[i + 1] & 0x3F) << 12) |
           ((uint32_t)(src[i + 2] & 0x3F) << 6) | (src[i + 3] & 0x3F);
    if (le < 0 && (cp == 0x85 || cp == 0x2028 || cp == 0x2029)) le = i;
    if (track_nfc && un < 0 && !nfc_stable(cp)) un = i;
    i += need + 1;
  }
done:
  st->nl = nl; st->last = last; st->le = le; st->un = un;
  st->bad = bad;
  st->stopped = stopped;
  return i;
}

void cicu_utf8_scan(const uint8_t *src, int64_t len, bool allow_truncated_tail, bool track_nfc,
                    cicu_utf8_scan_result *r) {
  int64_t i = 0, nl = 0, last = -1, le = -1, un = -1;
  int32_t bad = 0;
#if defined(__SSE2__)
  const __m128i vnl = _mm_set1_epi8('\n'), vcr = _mm_set1_epi8('\r');
#endif
  if (track_nfc) pthread_once(&stable2_once, fill_stable2);
  while (i < len) {
    // ASCII blocks: count and locate '\n', note the first '\r'.
#if defined(__SSE2__)
    while (i + 64 <= len) {  // 64 bytes a step while all ASCII
      const __m128i *q = (const __m128i *)(const void *)(src + i);
      __m128i a = _mm_loadu_si128(q), b = _mm_loadu_si128(q + 1);
      __m128i c = _mm_loadu_si128(q + 2), d = _mm_loadu_si128(q + 3);
      if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)))) break;
      uint64_t m = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, vnl)) |
                   (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, vnl)) << 16 |
                   (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, vnl)) << 32 |
                   (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(d, vnl)) << 48;
      if (m) {
        nl += __builtin_popcountll(m);
        last = i + 63 - __builtin_clzll(m);
      }
      if (le < 0) {
        __m128i cr = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, vcr), _mm_cmpeq_epi8(b, vcr)),
                                  _mm_or_si128(_mm_cmpeq_epi8(c, vcr), _mm_cmpeq_epi8(d, vcr)));
        if (_mm_movemask_epi8(cr)) {
          for (int k = 0; k < 64; k++) {
            if (src[i + k] == '\r') { le = i + k; break; }
          }
        }
      }
      i += 64;
    }
    while (i + 16 <= len) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
      if (_mm_movemask_epi8(v)) break;
      unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vnl));
      if (m) {
        nl += __builtin_popcount(m);
        last = i + 31 - __builtin_clz(m);
      }
      if (le < 0) {
        unsigned c = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vcr));
        if (c) le = i + __builtin_ctz(c);
      }
      i += 16;
    }
    // Blocks of ASCII and two-byte sequences (Hebrew, Cyrillic, Latin-1 …), 16 bytes a step: the
    // sequences are validated with bit masks; while NFC is tracked and nothing unstable is found
    // yet, only the lead bytes above pass unchecked, the rest go to the scalar loop below.
    bool all_ascii = false;
    const bool need_nfc = track_nfc && un < 0;
    if (!need_nfc || vector_leads_stable) {
      while (i + 17 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
        unsigned h = (unsigned)_mm_movemask_epi8(v);
        if (!h) { all_ascii = true; break; }
        // Signed bytes: continuations 0x80..0xBF are below -64, two-byte leads C2..DF lie
        // in -62..-33.
        unsigned c = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
        unsigned l = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)), _mm_cmplt_epi8(v, _mm_set1_epi8(-32))));
        if ((c | l) != h) break;  // longer sequences or bytes that start none
        if (((l << 1) & 0xFFFF) != c) break;  // a lead without its continuation, or a stray one
        int extra = 0;
        if (l & 0x8000) {  // the last lead's continuation is the next block's first byte
          if (!is_cont(src[i + 16])) break;
          extra = 1;
        }
        if (need_nfc || le < 0) {
          __m128i nx = _mm_loadu_si128((const __m128i *)(const void *)(src + i + 1));
          if (need_nfc) {
            __m128i ok = _mm_or_si128(
                _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(-52)),  // C2..CB
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD0)),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD1)))),
                _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD7)),
                              _mm_cmpgt_epi8(nx, _mm_set1_epi8(-121))));  // continuation >= 0x88
            if (l & ~(unsigned)_mm_movemask_epi8(ok)) break;
          }
          // NEL (C2 85) ends a line: the scalar loop notes it.
          if (le < 0 && (l & (unsigned)_mm_movemask_epi8(_mm_and_si128(
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
                                   _mm_cmpeq_epi8(nx, _mm_set1_epi8((char)0x85)))))) break;
        }
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vnl));
        if (m) {
          nl += __builtin_popcount(m);
          last = i + 31 - __builtin_clz(m);
        }
        if (le < 0) {
          unsigned cr = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vcr));
          if (cr) le = i + __builtin_ctz(cr);
        }
        i += 16 + extra;
      }
    }
    if (all_ascii) continue;
#else
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, src + i, 8);
      if (w & HIGHS) break;
      if (has_byte(w, '\n') | (le < 0 ? has_byte(w, '\r') : 0)) break;
      i += 8;
    }
#endif
    // Then a stretch with non-ASCII bytes (or the end), one character at a time (callgrind,
    // against the earlier fixed 16-byte loop: 9% fewer instructions on the mix corpus, 48% fewer
    // on Hebrew text).
    scan_state st = {nl, last, le, un, 0};
    i = scan_scalar(src, len, i, allow_truncated_tail, track_nfc, &st);
    nl = st.nl; last = st.last; le = st.le; un = st.un; bad = st.bad;
    if (st.stopped) goto stop_here;
  }
stop_here:
  r->end = i < len ? i : len;
  r->bad_len = bad;
  r->newlines = nl;
  r->last_newline = last;
  r->first_line_end = le;
  r->first_nfc_unstable = track_nfc ? un : 0;
}

// MARK: Punctuation to space and whitespace collapsing in one pass

// Byte classes for collapsing: a blank is a space, a tab or a byte mapped to a space.
enum { WS_ORDINARY = 0, WS_SPACE = 1, WS_BLANK = 2, WS_NEWLINE = 3 };

#if defined(__SSE2__)
// Bytes the 16-byte scan flags as possibly blank (besides the space): ASCII below '0' except
// space, '\n', '$', '\'' and '+', and ':'..'@', '['..'_', '{'..'}'. A superset of the tab and
// of the ASCII punctuation the search profile maps to spaces; others are checked exactly.
static inline int simd_maybe_blank(int b) {
  if (b >= 0x80) return 0;
  if (b < 0x30) return b != ' ' && b != '\n' && b != '$' && b != '\'' && b != '+';
  return (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x5F) || (b >= 0x7B && b <= 0x7D);
}
static inline unsigned simd_blank_mask(__m128i v) {
  const __m128i zero = _mm_setzero_si128();
  __m128i ascii = _mm_cmpgt_epi8(v, _mm_set1_epi8(-1));
  __m128i low = _mm_and_si128(ascii, _mm_cmplt_epi8(v, _mm_set1_epi8(0x30)));
  __m128i except = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('$')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\''))),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8('+'))));
  low = _mm_andnot_si128(except, low);
  __m128i r1 = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x39)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x41)));
  __m128i r2 = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x5A)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x60)));
  __m128i r3 = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x7A)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7E)));
  (void)zero;
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, r1), _mm_or_si128(r2, r3)));
}
#endif

// Whether the byte at p starts work for the collapser: a tab or mapped byte, or a space that
// is not a single space between two ordinary bytes of a line.
static inline int ws_work_at(const uint8_t *src, int64_t len, int64_t p, const uint8_t *cls) {
  uint8_t c = cls[src[p]];
  if (c == WS_BLANK) return 1;
  if (c != WS_SPACE) return 0;
  if (p == 0 || src[p - 1] == '\n') return 1;
  return p + 1 >= len || cls[src[p + 1]] != WS_ORDINARY;
}

int64_t cicu_map_collapse_whitespace(const uint8_t *src, int64_t len, uint8_t *dst,
                                     const uint8_t *to_space, int64_t *mapped, int64_t *runs) {
  uint8_t cls[256];
  int simd = 1;
  for (int b = 0; b < 256; b++) {
    int sp = to_space && to_space[b] && b < 0x80 && b != '\n';
    cls[b] = b == ' ' ? WS_SPACE : b == '\n' ? WS_NEWLINE : (b == '\t' || sp) ? WS_BLANK : WS_ORDINARY;
#if defined(__SSE2__)
    if (cls[b] == WS_BLANK && !simd_maybe_blank(b)) simd = 0;  // the 16-byte scan would miss it
#endif
  }
  // Copy unchanged stretches in bulk; at each run of blanks (spaces, tabs, mapped bytes) write
  // one space unless the run begins a line or ends at a '\n' or the end. A run counts as a
  // whitespace change unless it was a single space (or byte mapped to one) that stays.
  int64_t o = 0, n = 0, m = 0, i = 0;
#if !defined(__SSE2__)
  (void)simd;
#endif
  while (i < len) {
    // Copy up to the next byte where there is work (see ws_work_at), 16 bytes a step: each
    // block is stored whole (dst has room: o <= i and i + 17 <= len), then o advances only
    // past the bytes before the work.
#if defined(__SSE2__)
    if (simd) {
      const __m128i vsp = _mm_set1_epi8(' '), vnl = _mm_set1_epi8('\n');
      while (i + 17 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
        _mm_storeu_si128((__m128i *)(void *)(dst + o), v);
        unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vsp));
        unsigned nl = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vnl));
        unsigned bl = simd_blank_mask(v);
        uint8_t after = src[i + 16];
        unsigned next_bl_nl = ((sp | bl | nl) >> 1) |
                              ((unsigned)(after == ' ' || after == '\n' || simd_maybe_blank(after)) << 15);
        unsigned prev_nl = (nl << 1) | (unsigned)(i == 0 || src[i - 1] == '\n');
        unsigned work = (bl | (sp & (next_bl_nl | prev_nl))) & 0xFFFF;
        if (work) {
          int k = __builtin_ctz(work);
          o += k;
          i += k;
          goto at_work;
        }
        o += 16;
        i += 16;
      }
    }
#endif
    while (i < len && !ws_work_at(src, len, i, cls)) dst[o++] = src[i++];
    if (i >= len) break;
#if defined(__SSE2__)
  at_work:;
#endif
    int64_t p = i;
    if (cls[src[p]] == WS_ORDINARY || cls[src[p]] == WS_NEWLINE) {  // looked like work, is not
      dst[o++] = src[p];
      i = p + 1;
      continue;
    }
    int line_start = p == 0 || src[p - 1] == '\n';
    int64_t j = p;
    while (j < len && (cls[src[j]] == WS_SPACE || cls[src[j]] == WS_BLANK)) {
      m += cls[src[j]] == WS_BLANK && src[j] != '\t';
      j++;
    }
    int keep = !line_start && j < len && src[j] != '\n';
    if (keep) dst[o++] = ' ';
    if (!(keep && j - p == 1 && src[p] != '\t')) n++;  // one space (or byte mapped to one) stays
    i = j;
  }
  *mapped = m;
  *runs = n;
  return o;
}

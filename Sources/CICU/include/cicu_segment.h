#ifndef CICU_SEGMENT_H
#define CICU_SEGMENT_H
#include <stdbool.h>
#include <stdint.h>

/// Scans the line of UTF-8 `text` starting at `start` and returns where it ends (after its
/// '\n', or `len`). Sets `*hebrew` when the line has a byte D6, D7 or EF (Hebrew letters,
/// points and presentation forms), and clears `*fast` (when set) at the first code point
/// other than U+0580-U+05FF whose class in `classes` (one byte per code point) is
/// `unsupported`. ASCII is skipped 16 bytes a step.
int64_t cicu_word_line_scan(const uint8_t *text, int64_t len, int64_t start, const uint8_t *classes,
                            uint8_t unsupported, bool *fast, bool *hebrew);

/// The per-code-point tables (one byte per code point, 0...0x10FFFF) the word breaker and
/// the segment classifier read: word-break classes (`UnicodeWordBreaker` numbering), general
/// category (`UCharCategory`), script (`UScriptCode`), flags (bit 0 Extended_Pictographic, bit 2
/// White_Space) and bidi class (`UCharDirection`).
typedef struct {
  const uint8_t *word_classes;
  const uint8_t *general_category;
  const uint8_t *script;
  const uint8_t *flags;
  const uint8_t *bidi_class;
} cicu_segment_tables;

/// A classified word segment. `kind`: 0 word, 1 number, 2 punctuation, 3 space, 4 symbol,
/// 5 emoji; `script`: `UScriptCode` (first other than Common/Inherited, else Common); `dir`: 0
/// left to right, 1 right to left, 2 none (direction of the first strong character); `role`:
/// 0 none, 1 prefix, 2 maqaf, 3 acronym (Hebrew refinements; the breaker writes 0).
typedef struct {
  int64_t start;
  int64_t end;
  int32_t status;
  uint8_t kind;
  uint8_t script;
  uint8_t dir;
  uint8_t role;
} cicu_word_segment;

/// UAX #29 word segments of the well-formed UTF-8 `text` (`len` bytes, all handled by the
/// table-driven breaker: no code point of class "unsupported") from offset `start`, which must
/// be a segment boundary, with ICU's rule status (200 words, 100 numbers, 0 other) and their
/// kind, script and direction. Writes at most `capacity` segments to `out` and returns how
/// many; the next call starts at the end of the last one (`len` when all are done).
int64_t cicu_word_segments(const uint8_t *text, int64_t len, int64_t start, const cicu_segment_tables *tables,
                           cicu_word_segment *out, int64_t capacity);

/// Kind, script and direction of `text[start..<end]` (`text` has `len` bytes) for ICU rule
/// status `status` (-1: none), as `cicu_word_segments` classifies its segments; role 0.
cicu_word_segment cicu_classify_segment(const uint8_t *text, int64_t len, int64_t start, int64_t end,
                                        int32_t status, const cicu_segment_tables *tables);

/// The Hebrew refinements (`options`: `HebrewRefinements` raw value: 1 acronyms, 2 geresh
/// letters, 4 maqaf split, 8 prefix before number or Latin) of the `count` word segments at
/// `in` (offsets into `text`, `len` bytes), as `Segmenter.refineHebrew` makes them: the
/// segments of a batch with no Hebrew segment are copied unchanged. Writes at most `capacity`
/// segments to `out` and returns how many there are (call again with a larger `out` when that
/// is more than `capacity`; `in` is not changed).
int64_t cicu_hebrew_refine(const uint8_t *text, int64_t len, const cicu_word_segment *in, int64_t count,
                           uint8_t options, const cicu_segment_tables *tables, cicu_word_segment *out,
                           int64_t capacity);

#endif

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

#endif

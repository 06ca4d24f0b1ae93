#ifndef CICU_TSV_H
#define CICU_TSV_H
#include <stdint.h>

#include "cicu_segment.h"

/// Writes one `translit segment --format tsv` line per segment of `segments` (`count` of them):
/// "START\tEND" (offsets into `text`, `text_len` bytes, written shifted by `base`), then the
/// prebuilt middle of its kind, script and dir ("\tword\tLatn\tltr\t": the 64-byte slot
/// `(kind * 256 + script) * 3 + dir` at `middles`, the length in the slot's last byte, at most
/// 63), then its text with '\t' written "\\t" and '\\' written "\\\\", then '\n'. Segments
/// that end in '\n' (line ends) are skipped. Stops before the first segment whose line might not fit
/// (2 * (end - start) + 192 bytes); returns how many segments were done (written or skipped)
/// and sets `*written` to the bytes written.
int64_t cicu_tsv_write_segments(uint8_t *dst, int64_t capacity, const uint8_t *text, int64_t text_len,
                                int64_t base, const cicu_word_segment *segments, int64_t count,
                                const uint8_t *middles, int64_t *written);

/// The TSV lines (as `cicu_tsv_write_segments`, line ends left out) of the word segments of
/// `text[start..<len]` (well formed, all handled by the table-driven breaker: see
/// `cicu_word_segments`), cut, classified and written in one pass; offsets shifted by `base`.
/// Stops before the first segment whose line might not fit in `capacity` bytes (2 * its
/// length + 192) and returns where that segment starts (`len` when all are written); sets
/// `*written` to the bytes written.
int64_t cicu_tsv_write_words(uint8_t *dst, int64_t capacity, const uint8_t *text, int64_t len, int64_t start,
                             int64_t base, const cicu_segment_tables *tables, const uint8_t *middles,
                             int64_t *written);

#endif

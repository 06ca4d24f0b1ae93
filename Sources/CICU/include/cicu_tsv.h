#ifndef CICU_TSV_H
#define CICU_TSV_H
#include <stdint.h>

/// Writes one `translit segment --format tsv` line per token: "START\tEND" then the token's
/// prebuilt middle ("\tword\tLatn\tltr\t": 64-byte slots at `middles + 64 * id`, the length in
/// the slot's last byte, at most 63), then the token's text with '\t' written "\\t" and '\\'
/// written "\\\\", then '\n'.
///
/// `tokens` holds `count` triples (start, end, middle id); start and end are byte offsets in
/// `text` (`text_len` bytes), written shifted by `base`. Stops before the first token whose
/// line might not fit in `capacity` bytes at `dst` (a line needs at most 2 * (end - start) +
/// 192 bytes). Returns how many tokens were written and sets `*written` to the bytes written.
int64_t cicu_tsv_write_tokens(uint8_t *dst, int64_t capacity, const uint8_t *text, int64_t text_len,
                              int64_t base, const int64_t *tokens, int64_t count,
                              const uint8_t *middles, int64_t *written);

#endif

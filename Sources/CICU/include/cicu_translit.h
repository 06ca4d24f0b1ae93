// CICU translit API (see cicu_translit.cpp). Stdint types and opaque handles only.
#pragma once
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU transliterator (UTransliterator). Not thread-safe: one user at a time.
typedef struct cicu_translit cicu_translit;

/// Opens a transliterator from a system ID ("Hebrew-Latin") when `rules` is NULL, or from
/// rules (which may contain `::ID;` steps) named `id` otherwise. UTF-16 in, NUL not needed.
/// On a rule syntax error `*parse_line`/`*parse_offset` say where (else -1).
/// The corresponding ICU function is `utrans_openU`.
cicu_translit *cicu_translit_open(const uint16_t *id, int32_t id_len, const uint16_t *rules,
                                  int32_t rules_len, int32_t *parse_line, int32_t *parse_offset,
                                  int32_t *status);
void cicu_translit_close(cicu_translit *t);

/// Transliterates `src` into `dest` (UTF-16); returns the output length. If it exceeds
/// `capacity` the status is CICU_BUFFER_OVERFLOW_ERROR (15) and the return value is the
/// length needed. The corresponding ICU function is `utrans_transUChars`.
int32_t cicu_translit_utf16(const cicu_translit *t, const uint16_t *src, int32_t len,
                            uint16_t *dest, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

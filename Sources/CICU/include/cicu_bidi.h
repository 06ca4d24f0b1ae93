// CICU bidi API (see cicu_bidi.cpp). Stdint types and opaque handles only.
#pragma once
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Same as CICU.h (repeated identically so this header stands alone).
typedef int32_t cicu_status;

/// An ICU UBiDi object (not thread-safe; the text given to it must outlive its use).
typedef struct cicu_bidi cicu_bidi;

/// Paragraph level requests mirrored from ICU (UBIDI_DEFAULT_LTR / UBIDI_DEFAULT_RTL).
static const uint8_t CICU_BIDI_DEFAULT_LTR = 0xFE;
static const uint8_t CICU_BIDI_DEFAULT_RTL = 0xFF;

/// Reordering modes (UBiDiReorderingMode subset).
typedef enum {
  CICU_BIDI_REORDER_DEFAULT = 0,
  CICU_BIDI_REORDER_INVERSE_LIKE_DIRECT = 5,
  CICU_BIDI_REORDER_INVERSE_NUMBERS_AS_L = 4,
} cicu_bidi_reorder_mode;

/// writeReordered options (UBIDI_DO_MIRRORING etc.).
/// Combining marks stay after their base letter in right-to-left runs (UBIDI_KEEP_BASE_COMBINING).
static const uint16_t CICU_BIDI_KEEP_BASE_COMBINING = 1;
static const uint16_t CICU_BIDI_DO_MIRRORING = 2;
static const uint16_t CICU_BIDI_REMOVE_BIDI_CONTROLS = 8;

cicu_bidi *cicu_bidi_open(cicu_status *status);
void cicu_bidi_close(cicu_bidi *b);
/// Sets the reordering mode used by the next cicu_bidi_set_para.
void cicu_bidi_set_reordering_mode(cicu_bidi *b, cicu_bidi_reorder_mode mode);
/// Analyses `text` (UTF-16, kept by reference) as paragraph(s) at `level`
/// (0, 1, or CICU_BIDI_DEFAULT_LTR/RTL). The corresponding ICU function is `ubidi_setPara`.
void cicu_bidi_set_para(cicu_bidi *b, const uint16_t *text, int32_t len, uint8_t level,
                        cicu_status *status);
/// The first paragraph's resolved level (0 LTR, 1 RTL).
uint8_t cicu_bidi_para_level(const cicu_bidi *b);
/// Processed length (UTF-16 units).
int32_t cicu_bidi_length(const cicu_bidi *b);
/// Copies the embedding level of every UTF-16 unit into `out` (cicu_bidi_length entries).
void cicu_bidi_levels(cicu_bidi *b, uint8_t *out, cicu_status *status);
/// Fills `map[visual] = logical` (cicu_bidi_length entries). ICU `ubidi_getVisualMap`.
void cicu_bidi_visual_map(cicu_bidi *b, int32_t *map, cicu_status *status);
/// Writes the text in visual order; returns its length (preflight with overflow status).
int32_t cicu_bidi_write_reordered(cicu_bidi *b, uint16_t *dest, int32_t capacity,
                                  uint16_t options, cicu_status *status);
/// Bidi class (UCharDirection) of each code point `start + i`, filled in bulk.
void cicu_fill_bidi_classes(uint8_t *out, int32_t start, int32_t count);
/// Bidi_Mirrored (bit 0) and Bidi_Control (bit 1) of each code point `start + i`.
void cicu_fill_bidi_flags(uint8_t *out, int32_t start, int32_t count);

/// A UBiDi object with its own UTF-16 buffer, for UTF-8 paragraphs (not thread-safe).
typedef struct cicu_bidi_utf8 cicu_bidi_utf8;

cicu_bidi_utf8 *cicu_bidi_utf8_open(cicu_status *status);
void cicu_bidi_utf8_close(cicu_bidi_utf8 *h);
/// Analyses well-formed UTF-8 `text` as one paragraph at `level` (0, 1, or
/// CICU_BIDI_DEFAULT_LTR/RTL): writes the resolved level to `*paragraph_level` and the
/// embedding level of each Unicode scalar to `scalar_levels` (room for `len` entries);
/// returns the number of scalars. ICU `ubidi_setPara` and `ubidi_getLevels`.
int32_t cicu_bidi_utf8_levels(cicu_bidi_utf8 *h, const uint8_t *text, int32_t len,
                              uint8_t level, uint8_t *scalar_levels,
                              uint8_t *paragraph_level, cicu_status *status);

#ifdef __cplusplus
}
#endif

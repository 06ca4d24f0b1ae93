// CICU: the project's only view of ICU. Opaque handles, stdint types and cicu_ functions;
// ICU's own headers are included only by the .c/.cpp files of this target.
#ifndef CICU_H
#define CICU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Per-area headers (each owned by its feature: bidi, break iteration, graphone decoder, transliteration).
#include "cicu_bidi.h"
#include "cicu_break.h"
#include "cicu_graphone.h"
#include "cicu_translit.h"
#include "cicu_tsv.h"
#include "cicu_segment.h"

#ifdef __cplusplus
extern "C" {
#endif

/// ICU error code as a plain integer (UErrorCode). <= 0 is success, > 0 failure.
typedef int32_t cicu_status;
static const cicu_status CICU_BUFFER_OVERFLOW_ERROR = 15;

/// The name ICU gives an error code ("U_ILLEGAL_ARGUMENT_ERROR").
const char *cicu_error_name(cicu_status status);
/// ICU's version as "72.1" and its Unicode version as "15.0".
void cicu_versions(char icu[16], char unicode[16]);

// MARK: Normalization (Normalizer2, UTF-8 fast path)

typedef struct cicu_normalizer cicu_normalizer;
/// Forms mirrored from ICU's Normalizer2 instances.
typedef enum {
  CICU_NFC = 0, CICU_NFD = 1, CICU_NFKC = 2, CICU_NFKD = 3, CICU_NFKC_CASEFOLD = 4
} cicu_norm_form;
/// Borrowed ICU singleton; never closed.
const cicu_normalizer *cicu_normalizer_get(cicu_norm_form form, cicu_status *status);
/// Length of the leading part of `src` that is certainly in the form (UTF-8 quick check).
int64_t cicu_normalizer_span_yes_utf8(const cicu_normalizer *n, const uint8_t *src, int64_t len,
                                      cicu_status *status);
/// Normalizes UTF-8 into `dest`; returns the output length. If it exceeds `capacity`
/// the status is CICU_BUFFER_OVERFLOW_ERROR and the return value is the length needed.
int64_t cicu_normalizer_normalize_utf8(const cicu_normalizer *n, const uint8_t *src, int64_t len,
                                       uint8_t *dest, int64_t capacity, cicu_status *status);
/// Whether the code point always starts a new normalization segment (for chunk cuts).
bool cicu_normalizer_has_boundary_before(const cicu_normalizer *n, int32_t c);
/// UTF-16 normalization (used for short strings and the conformance suite).
int32_t cicu_normalizer_normalize_utf16(const cicu_normalizer *n, const uint16_t *src, int32_t len,
                                        uint16_t *dest, int32_t capacity, cicu_status *status);

// MARK: Character properties (filled in bulk, never per character from Swift)

/// Fills `out[i]` with the general category (UCharCategory) of code point `start + i`.
void cicu_fill_general_categories(uint8_t *out, int32_t start, int32_t count);
/// Fills `out[i]` with the script (UScriptCode, clamped to 255) of code point `start + i`.
void cicu_fill_scripts(uint8_t *out, int32_t start, int32_t count);
/// Fills `out[i]` with the canonical combining class of code point `start + i`.
void cicu_fill_combining_classes(uint8_t *out, int32_t start, int32_t count);
/// Fills `out[i]` with a bit set of binary properties of `start + i`:
/// bit 0 Extended_Pictographic, bit 1 Emoji_Modifier, bit 2 White_Space, bit 3 Alphabetic,
/// bit 4 Grapheme_Extend, bit 5 Default_Ignorable_Code_Point.
void cicu_fill_binary_properties(uint8_t *out, int32_t start, int32_t count);
/// Short script name ("Hebr") for a UScriptCode, or "" if unknown.
const char *cicu_script_short_name(int32_t script);

// MARK: Bytes and UTF-8

/// Returns the offset of the first ill-formed UTF-8 sequence in `src`, or `len` if it is all
/// well formed. A sequence that is merely truncated by the end of `src` counts as well formed
/// when `allow_truncated_tail` is true (its start is returned in `*tail_start`, else len).
/// `*bad_len` receives the length of the maximal ill-formed subpart (1..3).
int64_t cicu_utf8_find_invalid(const uint8_t *src, int64_t len, bool allow_truncated_tail,
                               int64_t *tail_start, int32_t *bad_len);
/// What one pass of `cicu_utf8_scan` found. Offsets are from `src`; -1 means "none".
typedef struct {
  /// Where the scan stopped: `len`, the start of an ill-formed sequence (`bad_len` > 0), or the
  /// start of a sequence truncated by the end of `src` (allowed; `bad_len` == 0).
  int64_t end;
  /// Length of the maximal ill-formed subpart at `end` (1..3), or 0.
  int32_t bad_len;
  /// Number of '\n' bytes before `end`, and the offset of the last one.
  int64_t newlines;
  int64_t last_newline;
  /// First CR, NEL (U+0085), LINE SEPARATOR or PARAGRAPH SEPARATOR before `end`.
  int64_t first_line_end;
  /// With `track_nfc`: the first scalar before `end` that is not NFC-stable (see
  /// `cicu_nfc_is_stable`); 0 without `track_nfc`.
  int64_t first_nfc_unstable;
} cicu_utf8_scan_result;

/// Validates UTF-8 (exactly as `cicu_utf8_find_invalid`) and, in the same pass, counts line
/// feeds, finds the last one and the first other line end, and (with `track_nfc`) the first
/// scalar that NFC could change or combine with what precedes it. 16 bytes a step over ASCII.
void cicu_utf8_scan(const uint8_t *src, int64_t len, bool allow_truncated_tail, bool track_nfc,
                    cicu_utf8_scan_result *result);
/// Whether the code point is NFC-stable: canonical combining class 0 and NFC_Quick_Check = Yes
/// (from ICU, cached per 256 code points; false above U+1FFFF). Text made only of NFC-stable
/// scalars is in NFC.
bool cicu_nfc_is_stable(int32_t c);
/// `cicu_collapse_whitespace` after mapping every ASCII byte flagged in `to_space` (256
/// entries, or NULL) to a space, in one pass; `*mapped` counts those bytes.
int64_t cicu_map_collapse_whitespace(const uint8_t *src, int64_t len, uint8_t *dst,
                                     const uint8_t *to_space, int64_t *mapped, int64_t *runs);
/// Number of bytes equal to `byte` in `src` (memchr speed).
int64_t cicu_count_byte(const uint8_t *src, int64_t len, uint8_t byte);
/// Offset of the last `byte` in `src`, or -1.
int64_t cicu_last_byte(const uint8_t *src, int64_t len, uint8_t byte);
/// Offset of the first byte flagged in `specials` (256 entries; ASCII bytes or UTF-8 lead
/// bytes), or len. `specials[0x80] = 1` declares that no ASCII byte is flagged, and
/// `specials[0x83] = 1` that only the ASCII bytes `specials[0x81]`, `specials[0x82]` are (fast paths).
int64_t cicu_find_interesting(const uint8_t *src, int64_t len, const uint8_t *specials);

/// Offset (>= from) of the first space or tab that `collapseWhitespace` changes: a tab, a space
/// at a line start or end, or a space followed by more whitespace; or len.
int64_t cicu_find_whitespace_to_collapse(const uint8_t *src, int64_t len, int64_t from);

/// Copies `src` to `dst` (capacity >= len) with runs of spaces/tabs collapsed to one space and
/// none at line starts or ends; `*runs` counts the runs changed. Returns the output length.
int64_t cicu_collapse_whitespace(const uint8_t *src, int64_t len, uint8_t *dst, int64_t *runs);

/// Replaces, in place, every byte flagged in `table` (ASCII only) with a space; returns how many.
int64_t cicu_replace_bytes_with_space(uint8_t *buf, int64_t len, const uint8_t *table);

/// Process-wide: sets glibc malloc so that large buffers are reused from the heap.
void cicu_tune_allocator_for_streaming(void);

// MARK: Converters (ucnv), streaming to UTF-8

typedef struct cicu_decoder cicu_decoder;
typedef enum { CICU_ON_INVALID_STOP = 0, CICU_ON_INVALID_REPLACE = 1 } cicu_on_invalid;
/// Opens a streaming decoder from the named charset to UTF-8.
cicu_decoder *cicu_decoder_open(const char *charset, cicu_on_invalid mode, cicu_status *status);
void cicu_decoder_close(cicu_decoder *d);
/// Canonical ICU name of the decoder's charset.
const char *cicu_decoder_name(const cicu_decoder *d);
/// Converts as much of `src` as fits into `dest`. `*consumed` and the return value (bytes
/// written) say how far it got; call again with the rest while both are non-zero. `flush` is
/// true for the last call. On an invalid sequence in STOP mode the status is failure and
/// `*error_offset` is its offset from `src`, `*error_bytes`/`*error_len` the bytes.
int64_t cicu_decoder_convert(cicu_decoder *d, const uint8_t *src, int64_t len, int64_t *consumed,
                             uint8_t *dest, int64_t capacity, bool flush, int64_t *error_offset,
                             uint8_t error_bytes[8], int32_t *error_len, cicu_status *status);
/// How many substitutions the decoder has made so far (REPLACE mode).
int64_t cicu_decoder_replacements(const cicu_decoder *d);

// MARK: Charset detection (ucsdet)

/// Writes up to `capacity` guesses, best first (names of up to 63 bytes, 64 bytes apart in
/// `names`; confidences 0..100) and returns how many (ICU `ucsdet_detectAll`), or -1.
int32_t cicu_detect_charsets(const uint8_t *src, int32_t len, char *names, int32_t *confidences,
                             int32_t capacity, cicu_status *status);

#ifdef __cplusplus
}
#endif
// Needs cicu_utf8_scan_result from above.
#include "cicu_mapped.h"

#endif

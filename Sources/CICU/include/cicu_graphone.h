// Graphone (joint-sequence) n-gram model and its beam decoder, for the `names`
// transliteration scheme. No ICU: plain byte and float kernels over a "TKGM v1" model file
// (format in Scripts/train-translit).
#ifndef CICU_GRAPHONE_H
#define CICU_GRAPHONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A parsed model: immutable after `cicu_gmodel_open`, so one model may be used by many
/// threads at once (each thread decodes in its own scratch space).
typedef struct cicu_gmodel cicu_gmodel;

/// Why a model file was rejected.
typedef enum {
  CICU_GMODEL_OK = 0,
  CICU_GMODEL_NOT_TKGM = 1,
  CICU_GMODEL_BAD_VERSION = 2,
  CICU_GMODEL_TRUNCATED = 3,
  CICU_GMODEL_BAD_BACKOFF = 4,
  CICU_GMODEL_BAD_ENTRY = 5,
  CICU_GMODEL_BAD_START = 6,
  CICU_GMODEL_BAD_GRAPHONE = 7,
  CICU_GMODEL_NO_MEMORY = 8,
} cicu_gmodel_error;

/// Parses a TKGM v1 file. `bytes` is only read during the call (the model keeps copies).
/// `per_unit` graphones are kept per first Hebrew unit and for the empty Latin side,
/// `per_latin` per Latin chunk (the most probable unigrams). Returns NULL and sets `*error`
/// when the bytes are not a valid model.
cicu_gmodel *cicu_gmodel_open(const uint8_t *bytes, int64_t len, int32_t per_unit,
                              int32_t per_latin, cicu_gmodel_error *error);
void cicu_gmodel_close(cicu_gmodel *m);

/// The n-gram order and the number of graphones.
int32_t cicu_gmodel_order(const cicu_gmodel *m);
int32_t cicu_gmodel_graphone_count(const cicu_gmodel *m);

/// Bytes `cicu_gmodel_decode` may write for `count` outputs of an input of `n` symbols.
int64_t cicu_gmodel_output_bound(const cicu_gmodel *m, int32_t n, bool to_latin, int32_t count);

/// Decodes one token. With `to_latin`, `input` holds Hebrew unit ids (1-44); otherwise Latin
/// letters a-z. Writes up to `count` outputs, best first: their bytes one after another in
/// `out` (Latin ASCII, or Hebrew unit ids), their lengths in `lengths` and their log posteriors
/// in `scores`; `*log_total` (if not NULL) receives the log of the summed joint probability
/// of the explored outputs (an estimate of the input's log-probability under the model, or
/// -infinity). Returns the number of outputs, or -1 if `out_capacity` is below
/// `cicu_gmodel_output_bound` and the outputs do not fit.
int32_t cicu_gmodel_decode(const cicu_gmodel *m, const uint8_t *input, int32_t n, bool to_latin,
                           int32_t beam, int32_t count, uint8_t *out, int64_t out_capacity,
                           int32_t *lengths, float *scores, float *log_total);

/// Log-probability of graphone `g` after `state` (following back-off) and the next state in
/// `*next` (for tests).
float cicu_gmodel_step(const cicu_gmodel *m, uint32_t state, uint32_t g, uint32_t *next);

#ifdef __cplusplus
}
#endif
#endif

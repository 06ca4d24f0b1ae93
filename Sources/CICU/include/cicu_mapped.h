#ifndef CICU_MAPPED_H
#define CICU_MAPPED_H

#include <stdbool.h>
#include <stdint.h>

#include "CICU.h"

#ifdef __cplusplus
extern "C" {
#endif

// Reading memory-mapped files safely. A mapped file that another process truncates while it is
// mapped raises SIGBUS on the first access past its new end, which would kill the process. These
// functions touch mapped bytes only under a per-thread guard that turns that SIGBUS into a
// `false` return (the caller reports "file changed while being read"); a SIGBUS anywhere else
// goes to the handler that was installed before (or the default action), as if we were not here.

/// `cicu_utf8_scan` over mapped bytes; false if the pages vanished during the scan.
bool cicu_mapped_utf8_scan(const uint8_t *src, int64_t len, bool allow_truncated_tail, bool track_nfc,
                           cicu_utf8_scan_result *result);
/// `memcpy` from mapped bytes; false if the pages vanished during the copy.
bool cicu_mapped_copy(uint8_t *dst, const uint8_t *src, int64_t len);

#ifdef __cplusplus
}
#endif

#endif

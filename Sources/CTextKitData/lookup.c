// Looks up embedded blobs by name; the table itself is generated into generated/.
#include "CTextKitData.h"
#include <string.h>

struct ctk_blob { const char *name; const uint8_t *bytes; size_t size; };
extern const struct ctk_blob ctk_blobs[];
extern const size_t ctk_blob_count;

const uint8_t *ctk_data_lookup(const char *name, size_t *size) {
  for (size_t i = 0; i < ctk_blob_count; i++) {
    if (strcmp(ctk_blobs[i].name, name) == 0) { *size = ctk_blobs[i].size; return ctk_blobs[i].bytes; }
  }
  *size = 0;
  return NULL;
}

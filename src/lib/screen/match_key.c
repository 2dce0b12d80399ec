/* TEMPORARY: replaced by the real per-name work (name forms). */
#include "screen/screen_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void bmis__doc_number_norm(const char *in, char out[40]) {
  size_t n = 0;
  for (; *in && n < 39; in++) {
    unsigned char c = (unsigned char)*in;
    if (isalnum(c) && c < 0x80)
      out[n++] = (char)toupper(c);
  }
  out[n] = 0;
}

bmis_status bmis__person_match_key(const bmis_wl_person *p, char **out,
                                   bmis_error *err) {
  (void)p;
  *out = calloc(1, 1);
  return *out ? BMIS_OK : bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
}

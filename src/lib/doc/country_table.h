/* Internal: the generated country table (see tools/gen_countries.c). */
#ifndef BMIS_DOC_COUNTRY_TABLE_H
#define BMIS_DOC_COUNTRY_TABLE_H

#include "bmis/country.h"

#include <stddef.h>
#include <stdint.h>

/* Index of an MRZ code: each of up to three characters as 0 (filler or
 * absent) or 1-26 (A-Z), base 27. */
#define BMIS__COUNTRY_CODE_SLOTS (27 * 27 * 27)

typedef struct bmis__country_name_entry {
  const char *key; /* bmis__country_name_key() of a name or variant */
  uint16_t row;
} bmis__country_name_entry;

extern const bmis_country bmis__countries[];
extern const size_t bmis__country_count;
/* Row number + 1 for each code slot; 0 where no code. */
extern const uint16_t bmis__country_code_index[BMIS__COUNTRY_CODE_SLOTS];
/* Sorted by key (strcmp). */
extern const bmis__country_name_entry bmis__country_names[];
extern const size_t bmis__country_name_count;

/* A code character as a base-27 digit: filler (or end) 0, A-Z 1-26; other
 * bytes 27, which no valid code has. */
static inline unsigned bmis__country_code_digit(unsigned char c) {
  if (c >= 'A' && c <= 'Z')
    return (unsigned)(c - 'A' + 1);
  return c == '<' || c == '\0' ? 0 : 27;
}

/* bmis_country_by_code, inline for the MRZ checks' hot path. */
static inline const bmis_country *bmis__country_by_code(const char *code,
                                                        size_t len) {
  if (len == 0)
    return NULL;
  unsigned d0 = bmis__country_code_digit((unsigned char)code[0]);
  unsigned d1 = len > 1 ? bmis__country_code_digit((unsigned char)code[1]) : 0;
  unsigned d2 =
      len > 2 && d1 ? bmis__country_code_digit((unsigned char)code[2]) : 0;
  /* No letters after a filler ("U<O"), nothing outside the code set. */
  if (d0 == 0 || d0 == 27 || d1 == 27 || d2 == 27 ||
      (len > 2 && !d1 && bmis__country_code_digit((unsigned char)code[2]) != 0))
    return NULL;
  uint16_t r = bmis__country_code_index[(d0 * 27 + d1) * 27 + d2];
  return r ? &bmis__countries[r - 1] : NULL;
}

#endif

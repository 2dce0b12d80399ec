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

#endif

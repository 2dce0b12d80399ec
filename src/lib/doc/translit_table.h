/* Internal: the generated ICAO transliteration table (tools/gen_translit.c). */
#ifndef BMIS_DOC_TRANSLIT_TABLE_H
#define BMIS_DOC_TRANSLIT_TABLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct bmis__translit_entry {
  uint32_t code_point;
  char mrz[5]; /* upper-case letters; "" when the character is dropped */
} bmis__translit_entry;

/* Sorted by code_point. */
extern const bmis__translit_entry bmis__translit_table[];
extern const size_t bmis__translit_count;

#endif

/* Internal interface of the screening module (src/lib/screen). */
#ifndef BMIS_SCREEN_INTERNAL_H
#define BMIS_SCREEN_INTERNAL_H

#include "bmis/screen.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BMIS__REMARKS_MAX 4000

/* A set of strings owned elsewhere (open addressing on a 64-bit hash). */
typedef struct bmis__ref_set {
  const char **slots;
  uint64_t *hashes;
  size_t cap, count;
} bmis__ref_set;
uint64_t bmis__hash64(const void *data, size_t len);
/* 1 when added, 0 when already there, -1 when out of memory. The set keeps
 * the pointer, not a copy. */
int bmis__ref_set_add(bmis__ref_set *s, const char *ref);
bool bmis__ref_set_has(const bmis__ref_set *s, const char *ref);
void bmis__ref_set_fini(bmis__ref_set *s);

/* ---- per-entry work done at import (name.c, match_key.c) ---- */

/* The matching key of a person entry: everything the index needs (each
 * name's quality and Latin forms, births, nationalities, sex, document
 * numbers), as one line of text. Made at import and stored with the entry
 * (wl_entry.match_key); read back by bmis_screen_index_load. *out is
 * malloc'd; the caller frees it. */
bmis_status bmis__person_match_key(const bmis_wl_person *p, char **out,
                                   bmis_error *err);

/* A document number as compared: upper-case letters and digits only (spaces,
 * '<', '-' and other marks dropped), cut at 39 characters. */
void bmis__doc_number_norm(const char *in, char out[40]);

#endif

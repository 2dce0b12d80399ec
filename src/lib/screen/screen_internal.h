/* Internal interface of the screening module (src/lib/screen). */
#ifndef BMIS_SCREEN_INTERNAL_H
#define BMIS_SCREEN_INTERNAL_H

#include "bmis/screen.h"
#include "wire/wire_internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* the content's limit is the one the JSON form is read with */
#define BMIS__REMARKS_MAX BMIS__WL_REMARKS_MAX

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

/* The code a country is compared by: the country table's code, with an
 * ICAO-only state code (D for Germany) or a British nationality variant
 * (GBD, GBN, ...) taken to its ISO alpha-3 state (DEU, GBR), so that a
 * passport's MRZ and a list's country name meet. "" when unknown. */
void bmis__country_canon(const char *in, char out[4]);

/* A document number as compared: upper-case letters and digits only (spaces,
 * '<', '-' and other marks dropped), cut at 39 characters. */
void bmis__doc_number_norm(const char *in, char out[40]);

/* Whether an entry can be screened at all: a person needs a name that
 * normalises to at least one token (bmis__name_forms), and every document
 * (a person's or a document entry) a number that normalises to at least one
 * letter or digit (bmis__doc_number_norm). An entry that fails could never
 * be matched, so the readers and bmis_wl_import refuse it:
 * BMIS_E_INVALID_ARG naming the entry and what it lacks. */
bmis_status bmis__wl_person_screenable(const bmis_wl_person *p,
                                       bmis_error *err);
bmis_status bmis__wl_document_screenable(const bmis_wl_document *d,
                                         bmis_error *err);
/* Whether a document number normalises to at least one letter or digit. */
bool bmis__wl_number_screenable(const char *number);

/* ---- reading list files (import_un.c, import_csv.c; bmis_wl_read in
 * read.c) ---- */

/* Largest list file bmis_wl_read accepts (BMIS_E_TOO_LARGE above). */
#define BMIS__WL_FILE_MAX ((size_t)256 * 1024 * 1024)
/* What the readers accept on one person (more is BMIS_E_PARSE): names, and
 * each of births, nationalities, countries and places of birth and
 * documents. The real UN list's largest are far below (QDi.135: 24 names). */
#define BMIS__WL_MAX_NAMES 500
#define BMIS__WL_MAX_ITEMS 100
/* The UN Security Council Consolidated List (XML; docs/SCREENING.md). */
bmis_status bmis__wl_read_un_xml(const char *data, size_t len,
                                 bmis_wl_content *out, bmis_error *err);
/* The national CSV layout (docs/SCREENING.md). */
bmis_status bmis__wl_read_csv(const char *data, size_t len,
                              bmis_wl_content *out, bmis_error *err);

/* ---- watchlists: entries as JSON, the store, dispositions
 * (entry_json.c, watchlist.c, disposition.c; store/repo_watchlist.c) ---- */

/* The canonical JSON of an entry, the text stored and hashed and its
 * decoding: bmis_wire_wl_person, bmis_wire_wl_document (bmis/wire.h),
 * bmis__wire_wl_entry_text and bmis__wire_wl_line_decode
 * (wire/wire_internal.h). */
/* Adds the entry whose JSON is text (len bytes) to c. Malformed JSON is
 * BMIS_E_PARSE; unknown members, wrong types, bad dates, codes and
 * countries are BMIS_E_INVALID_ARG naming the member ("names[1].quality:
 * ..."); a reference already in c is BMIS_E_CONFLICT. On error c may hold
 * part of the entry and must be freed unused. */
bmis_status bmis__wl_entry_add(const char *text, size_t len, bmis_wl_content *c,
                               bmis_error *err);
/* The entry hash: the first 32 hex digits (lower case) of the SHA-256 of
 * the canonical text. */
bmis_status bmis__wl_text_hash(const char *text, size_t len, char out[33]);
/* The JSON-lines list format: an optional first line
 * {"kind":"list","version":"..."}, then one entry per line; blank lines are
 * skipped. Errors are BMIS_E_PARSE (BMIS_E_NOMEM) with "line N: ...". */
#define BMIS__WL_JSONL_LINE_MAX (1024 * 1024)
bmis_status bmis__wl_read_jsonl(const char *data, size_t len,
                                bmis_wl_content *out, bmis_error *err);

/* A content holding the one entry (person or document) `ref` of the list,
 * with the list's version; BMIS_E_NOT_FOUND when the list or the entry is
 * not there. The caller frees *out. */
bmis_status bmis__wl_person_get(bmis_store *s, const char *list,
                                const char *ref, bmis_wl_content **out,
                                bmis_error *err);

/* The most recent disposition of the entry (list, ref) for any of the
 * traveller keys (NULL or empty keys are skipped). *found is false when
 * there is none. out->voided is set when the entry hash recorded with it
 * differs from current_entry_hash (or that is NULL: the entry is gone). */
bmis_status bmis__disposition_latest(bmis_store *s, const char *list,
                                     const char *ref,
                                     const char *const *traveller_keys,
                                     size_t nkeys,
                                     const char *current_entry_hash,
                                     bmis_hit_disposition *out, bool *found,
                                     bmis_error *err);

#endif

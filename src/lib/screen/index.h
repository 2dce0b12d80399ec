/* Internal: the in-memory screening index (index.c builds it, screen.c and
 * doc_lookup.c search it).
 *
 * Persons: every listed name's Latin forms, as token ids into one token
 * dictionary; for candidate generation, each dictionary token's postings
 * (the forms holding it) and three sorted look-up tables from a 64-bit hash
 * to token ids: the token itself (and two adjacent tokens joined), its
 * consonant skeleton, and its one-letter deletions (typos).
 * Documents: an open-addressing table on the normalised number. */
#ifndef BMIS_SCREEN_INDEX_H
#define BMIS_SCREEN_INDEX_H

#include "screen/name.h"
#include "screen/screen_internal.h"

#include <stdint.h>

typedef struct ix_entry {
  uint32_t list;
  uint32_t ref;  /* offset in the string pool */
  uint32_t hash; /* offset in the string pool (32 hex digits) */
  uint32_t first_name, name_count;
  uint32_t first_birth;
  uint16_t birth_count;
  uint8_t nationality_count;
  char sex;
  uint32_t first_nationality;
} ix_entry;

typedef struct ix_name {
  uint32_t entry;
  uint32_t text; /* offset in the string pool */
  uint32_t first_form;
  uint8_t form_count;
  uint8_t quality; /* bmis_name_quality */
} ix_name;

typedef struct ix_form {
  uint32_t name;
  uint32_t first_tok; /* into form_toks */
  uint8_t tok_count;
  uint8_t initials; /* single-letter tokens (may stand for any name) */
  float weight;     /* the tokens' total weight, particles, titles and
                     initials left out (see may_reach in screen.c) */
} ix_form;

typedef struct ix_key {
  uint64_t hash;
  uint32_t tok;
} ix_key;

typedef struct ix_keys {
  ix_key *v;
  size_t n, cap;
} ix_keys;

/* Postings: for token t, the forms form[start[t]] .. form[start[t+1]-1],
 * each with its form's bmis__facts_gate beside it, and bits of the
 * posting's own: the form holds the token twice, the form has initials,
 * the join is of three tokens. */
#define IX_GATE_TWICE (1u << 30)
#define IX_GATE_JOIN3 (1u << 31) /* join postings: three tokens joined */
#define IX_GATE_INITIALS (1u << 29)
/* bits 19-28: the form's weight (ix_form.weight) in 32nds, rounded down */
#define IX_GATE_WEIGHT(g) ((double)(((g) >> 19) & 1023u) / 32.0)
typedef struct ix_postings {
  uint32_t *start; /* tok_count + 1 offsets */
  uint32_t *form;
  uint32_t *gate;
} ix_postings;

#define IX_DOC_INLINE 16
typedef struct ix_doc {
  uint32_t list;
  uint32_t ref;  /* string pool */
  uint32_t hash; /* string pool */
  /* normalised (compared): here when shorter than IX_DOC_INLINE (a look-up
   * then reads one record, not a record and a string), else in the pool */
  char num[IX_DOC_INLINE];
  uint32_t number;        /* string pool, when num is empty */
  uint32_t number_listed; /* string pool: as listed; UINT32_MAX: as num */
  char state[4];
  uint8_t status; /* bmis_doc_status; 0 = a listed person's document */
} ix_doc;

struct bmis_screen_index {
  bmis_watchlist *lists;
  size_t list_count;

  ix_entry *entries;
  size_t entry_count, entry_cap;
  ix_name *names;
  size_t name_count, name_cap;
  ix_form *forms;
  size_t form_count, form_cap;
  uint32_t *form_toks;
  size_t form_tok_count, form_tok_cap;
  bmis_wl_birth *births;
  size_t birth_count, birth_cap;
  char (*nationalities)[4];
  size_t nationality_count, nationality_cap;

  char *pool;
  size_t pool_len, pool_cap;

  /* token dictionary */
  bmis__tok *toks;
  size_t tok_count, tok_cap;
  uint32_t *tok_table; /* open addressing, id + 1; 0 = empty */
  size_t tok_table_cap;
  ix_postings tokp;  /* the forms holding each token */
  ix_postings joinp; /* the forms holding it as two adjacent tokens joined */
  ix_keys exact, skel, dels;

  /* documents */
  ix_doc *docs;
  size_t doc_count, doc_cap;
  uint64_t *doc_table; /* hash high 32 bits << 32 | doc id + 1 */
  size_t doc_table_cap;

  bool failed;                        /* an allocation failed while building */
  struct bmis__scratch_pool *scratch; /* per-query work arrays */
};

/* Finds token ids whose key (exact text, skeleton or deletion) hashes to h;
 * returns the first index into keys->v and sets *n (0 when none). */
size_t bmis__ix_keys_find(const ix_keys *keys, uint64_t h, size_t *n);

/* Id of a token in the dictionary, or UINT32_MAX. */
uint32_t bmis__ix_tok_find(const bmis_screen_index *ix, const char *s,
                           size_t len);

static inline const char *bmis__ix_str(const bmis_screen_index *ix,
                                       uint32_t off) {
  return ix->pool + off;
}

/* A listed person's facts as facts.c reads them. */
static inline bmis__person_facts
bmis__ix_entry_facts(const bmis_screen_index *ix, const ix_entry *e) {
  bmis__person_facts f = {
      ix->births + e->first_birth, e->birth_count,
      (const char(*)[4])(ix->nationalities + e->first_nationality),
      e->nationality_count, e->sex};
  return f;
}

/* A listed document's number, normalised, and as listed. */
static inline const char *bmis__ix_doc_number(const bmis_screen_index *ix,
                                              const ix_doc *d) {
  return d->num[0] ? d->num : bmis__ix_str(ix, d->number);
}
static inline const char *bmis__ix_doc_listed(const bmis_screen_index *ix,
                                              const ix_doc *d) {
  return d->number_listed == UINT32_MAX ? bmis__ix_doc_number(ix, d)
                                        : bmis__ix_str(ix, d->number_listed);
}

/* Documents: look a normalised number up; calls fn for every listed
 * document whose number is the same up to scanner twins (0/O, 1/I, 5/S,
 * 8/B, 2/Z, 6/G): one probe finds the exact number and every misreading of
 * it; the caller counts the positions that differ. */
uint64_t bmis__doc_canon_hash(const char *norm);
typedef void (*bmis__ix_doc_fn)(void *ctx, const ix_doc *d);
void bmis__ix_doc_lookup(const bmis_screen_index *ix, const char *norm,
                         bmis__ix_doc_fn fn, void *ctx);

#endif

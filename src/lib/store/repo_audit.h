/* The audit log in the store (sql/queries/audit_*.sql). The chain's rules
 * (validation, hashing, verification) are in src/lib/audit/audit.c. */
#ifndef BMIS_STORE_REPO_AUDIT_H
#define BMIS_STORE_REPO_AUDIT_H

#include "bmis/audit.h"

#include <stdbool.h>
#include <stdint.h>

/* Takes the chain's write lock by advancing the head: *seq gets the new
 * entry's number and prev its predecessor's hash. E_STORE when the head
 * row is missing. Inside a transaction. */
bmis_status bmis__audit_head_advance(bmis_store *s, int64_t *seq, char prev[65],
                                     bmis_error *err);
/* The head takes entry seq's hash. */
bmis_status bmis__audit_head_set(bmis_store *s, int64_t seq, const char *hash,
                                 bmis_error *err);
/* *found false when the head row is missing. */
bmis_status bmis__audit_head_get(bmis_store *s, int64_t *seq, char hash[65],
                                 bool *found, bmis_error *err);

bmis_status bmis__audit_insert(bmis_store *s, const bmis_audit_entry *e,
                               bmis_error *err);

/* At most `limit` entries with seq > after (actor and record "" = any), in
 * seq order; *rows gets how many were passed to fn, which stops the page
 * by returning non-zero (*stopped true). */
typedef int (*bmis__audit_row_fn)(const bmis_audit_entry *e, void *ctx);
bmis_status bmis__audit_page(bmis_store *s, int64_t after, const char *actor,
                             const char *record, int64_t limit,
                             bmis__audit_row_fn fn, void *ctx, int64_t *rows,
                             bool *stopped, bmis_error *err);

/* The lowest seq of an entry whose hash (or, with prev, prev_hash) is
 * hash; 0 when none. */
bmis_status bmis__audit_seq_by_hash(bmis_store *s, const char *hash, bool prev,
                                    int64_t *seq, bmis_error *err);

#endif

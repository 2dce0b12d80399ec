/* Inside the audit log: the entry hash, shared with the tests (which forge
 * a rewritten entry with it, as someone who knows the format could). */
#ifndef BMIS_AUDIT_INTERNAL_H
#define BMIS_AUDIT_INTERNAL_H

#include "bmis/audit.h"

#include <stdint.h>

/* Hex SHA-256 over e->prev_hash and e's fields in the chain's encoding
 * (docs/AUDIT.md); e->hash is not read. E_INTERNAL when OpenSSL fails. */
bmis_status bmis__audit_hash(const bmis_audit_entry *e, char out[65],
                             bmis_error *err);

/* bmis_audit_verify's walk, without taking a snapshot of its own (the
 * caller holds one). *last_seq and last_hash (may be NULL) get the last
 * entry proven: the whole chain's when v->ok (seq 0 and 64 zeros when
 * empty). */
bmis_status bmis__audit_verify_in(bmis_store *s, bmis_audit_verdict *v,
                                  int64_t *last_seq, char last_hash[65],
                                  bmis_error *err);

/* The one way the library records an access: an entry for actor a at `at`
 * (Unix seconds, from the caller), its channel ("api" when a says none),
 * action, record, outcome ("ok" or the status name of a refusal) and
 * detail (NULL for none), each cut to its field on a whole character, then
 * bmis_audit_append. Called inside the access's transaction, so the entry
 * commits with it; for a read, before anything is handed out, so a read
 * whose entry cannot be written returns nothing. */
bmis_status bmis__audit_access(bmis_store *s, const bmis_actor *a, int64_t at,
                               const char *action, const char *record,
                               const char *outcome, const char *detail,
                               bmis_error *err);

/* After an access refused with st: when st is a refusal (E_FORBIDDEN,
 * E_SAFEGUARD, E_RULE), its entry with the status name as outcome, in a
 * transaction of its own (call it once the access's is rolled back). Other
 * statuses (not found, bad input, store failures) leave no entry. Returns
 * st: a refusal stays a refusal even when its entry cannot be written. */
bmis_status bmis__audit_refusal(bmis_store *s, const bmis_actor *a, int64_t at,
                                const char *action, const char *record,
                                bmis_status st);

#endif

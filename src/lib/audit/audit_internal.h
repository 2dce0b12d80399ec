/* Inside the audit log: the entry hash, shared with the tests (which forge
 * a rewritten entry with it, as someone who knows the format could). */
#ifndef BMIS_AUDIT_INTERNAL_H
#define BMIS_AUDIT_INTERNAL_H

#include "bmis/audit.h"

/* Hex SHA-256 over e->prev_hash and e's fields in the chain's encoding
 * (docs/AUDIT.md); e->hash is not read. E_INTERNAL when OpenSSL fails. */
bmis_status bmis__audit_hash(const bmis_audit_entry *e, char out[65],
                             bmis_error *err);

#endif

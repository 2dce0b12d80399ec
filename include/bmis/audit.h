/* The audit log: every read and write of personal data, through the server
 * and through the command line alike, appended to a hash chain.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's own fields in a fixed, length-prefixed encoding, so editing,
 * deleting or reordering any entry breaks the chain at that point, and
 * bmis_audit_verify says where. The last sequence number and hash are also
 * kept in a one-row head table, so a truncated tail is found too (someone
 * who can rewrite the whole store can rewrite the whole chain: an off-site
 * copy of the head, e.g. in a printed report, is what proves that). */
#ifndef BMIS_AUDIT_H
#define BMIS_AUDIT_H

#include "bmis/export.h"
#include "bmis/status.h"
#include "bmis/store.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct bmis_audit_entry {
  int64_t seq;      /* 1, 2, …: set by bmis_audit_append */
  int64_t at;       /* Unix seconds; 0 = now (bmis_audit_append fills it) */
  char actor[65];   /* account username, or the operating-system user */
  char role[17];    /* "officer", …; "os-user" for the command line */
  char channel[9];  /* "api" or "cli" */
  char action[49];  /* "inspection.create", "traveller.read", … */
  char record[97];  /* what was touched: "movement:ID", "traveller:ID",
                       "document:STATE:NUMBER", "list:NAME", … */
  char outcome[33]; /* "ok", or the status name of a refusal ("E_FORBIDDEN") */
  char bcp[17];     /* where the actor works, "" when none */
  char desk[33];
  char detail[257];   /* free text, no personal data beyond the record id */
  char prev_hash[65]; /* hex; set by bmis_audit_append */
  char hash[65];      /* hex; set by bmis_audit_append */
} bmis_audit_entry;

/* Appends e to the chain in its own transaction (a savepoint inside a
 * caller's batch, so the entry commits with the change it records).
 * Fills seq, at (when 0), prev_hash and hash. Fields too long or with
 * control characters: E_INVALID_ARG naming the field. */
BMIS_API bmis_status bmis_audit_append(bmis_store *s, bmis_audit_entry *e,
                                       bmis_error *err);

/* The operating-system user running this process ("uid:N" when it has
 * no name), for command-line entries. */
BMIS_API void bmis_audit_os_user(char out[65]);

typedef struct bmis_audit_verdict {
  bool ok;
  int64_t entries;   /* entries checked */
  int64_t bad_seq;   /* the first entry that breaks the chain (0 when ok) */
  char problem[256]; /* "entry 42: hash does not match its content (edited)",
                        "entry 42 missing (deleted)", "entries 41 and 42 out
                        of order", "head says 120 entries, chain ends at 118" */
} bmis_audit_verdict;

/* Walks the whole chain and reports the first break. The walk itself is
 * not a failure: *v says whether the chain holds. */
BMIS_API bmis_status bmis_audit_verify(bmis_store *s, bmis_audit_verdict *v,
                                       bmis_error *err);

typedef struct bmis_audit_filter {
  int64_t after_seq; /* entries with seq > this */
  char actor[65];    /* "" = any */
  char record[97];   /* "" = any */
  int64_t limit;     /* 0 = no limit */
} bmis_audit_filter;

typedef int (*bmis_audit_fn)(const bmis_audit_entry *e, void *ctx);
/* Entries in seq order; a non-zero return from fn stops the walk. */
BMIS_API bmis_status bmis_audit_list(bmis_store *s,
                                     const bmis_audit_filter *filter,
                                     bmis_audit_fn fn, void *ctx,
                                     bmis_error *err);

#endif

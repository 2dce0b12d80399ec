/* The audit log: every read and write of personal data, through the server
 * and through the command line alike, appended to a hash chain.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's own fields in a fixed, length-prefixed encoding, so editing,
 * deleting or reordering any entry breaks the chain at that point, and
 * bmis_audit_verify says where. The last sequence number and hash are also
 * kept in a one-row head table, so a truncated tail is found too. Someone
 * who can rewrite the whole store can rewrite the whole chain: anchors are
 * what prove that. An anchor is the chain's head (seq, hash) and a time,
 * signed with an Ed25519 key kept outside the store, one text line appended
 * to a file kept elsewhere; bmis_audit_anchors_verify proves that no
 * anchored entry was changed or removed since. */
#ifndef BMIS_AUDIT_H
#define BMIS_AUDIT_H

#include "bmis/export.h"
#include "bmis/status.h"
#include "bmis/store.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct bmis_audit_entry {
  int64_t seq;      /* 1, 2, …: set by bmis_audit_append */
  int64_t at;       /* Unix seconds, required: the caller reads the clock */
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

/* Who is working, and where (from the session; on the command line, the
 * operating-system user, see bmis_actor_os_user). Every library function
 * that reads or writes personal data takes one and appends its own audit
 * entry, in the transaction of the access (docs/AUDIT.md). */
typedef struct bmis_actor {
  char username[64];
  char role[17];
  char channel[9]; /* "api" or "cli": for the audit log */
  char bcp[17];
  char desk[33];
  bool all_bcps; /* the account may act at every crossing point ('*'); when
                    false, only records of `bcp` (E_FORBIDDEN otherwise) */
} bmis_actor;

/* The command line's actor: the operating-system user (bmis_audit_os_user),
 * role "os-user", channel "cli", no crossing point or desk, every crossing
 * point allowed. */
BMIS_API void bmis_actor_os_user(bmis_actor *out);

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

/* ---- anchors (anchor.c) ---- */

/* An Ed25519 key: private (signs anchors) or public (verifies them). */
typedef struct bmis_audit_key bmis_audit_key;

/* Makes a new Ed25519 key pair (OpenSSL): the private key in PEM (PKCS #8)
 * at path, created with mode 0600, and the public key in PEM at path.pub.
 * Never overwrites: E_CONFLICT naming the file when either exists (and
 * nothing is written); E_IO naming the file when it cannot be written. */
BMIS_API bmis_status bmis_audit_key_generate(const char *path, bmis_error *err);

/* Reads a key from a PEM file: the private key (private_key true; refused
 * with E_RULE when the file can be read by group or others) or the public
 * key. E_IO when unreadable, E_PARSE when it is not an Ed25519 key of
 * that kind. The caller frees *out with bmis_audit_key_free. */
BMIS_API bmis_status bmis_audit_key_load(const char *path, bool private_key,
                                         bmis_audit_key **out, bmis_error *err);
BMIS_API void bmis_audit_key_free(bmis_audit_key *k);

/* The key's fingerprint: hex SHA-256 of its raw 32-byte public key. */
BMIS_API void bmis_audit_key_fingerprint(const bmis_audit_key *k, char out[65]);

/* One anchor: a line of the anchors file,
 *   bmis-anchor-1 seq=N hash=HEX at=YYYY-MM-DDTHH:MM:SSZ key=FP pub=HEX
 *   sig=HEX
 * (one line), where sig is the Ed25519 signature of everything before
 * " sig=", key the fingerprint of pub. */
typedef struct bmis_audit_anchor {
  int64_t seq;   /* the chain's last entry when anchored */
  char hash[65]; /* its hash */
  int64_t at;    /* Unix seconds: when it was anchored */
  char key[65];  /* the signing key's fingerprint */
  char pub[65];  /* the signing key's raw public key, hex */
  char sig[129]; /* the signature, hex */
} bmis_audit_anchor;

#define BMIS_AUDIT_ANCHOR_LINE_MAX 512

/* Verifies the chain and signs its head, as of `at` (Unix seconds, given
 * by the caller): fills *out. The chain must hold (E_RULE naming where it
 * breaks: a broken chain is never anchored) and hold at least one entry
 * (E_RULE). key must be a private key. */
BMIS_API bmis_status bmis_audit_anchor_make(bmis_store *s,
                                            const bmis_audit_key *key,
                                            int64_t at, bmis_audit_anchor *out,
                                            bmis_error *err);

/* The anchor as its line (no newline) in line; E_BUFFER_SMALL when cap is
 * less than BMIS_AUDIT_ANCHOR_LINE_MAX. */
BMIS_API bmis_status bmis_audit_anchor_format(const bmis_audit_anchor *a,
                                              char *line, size_t cap,
                                              bmis_error *err);

/* Reads one line (without its newline) into *out: E_PARSE naming what is
 * wrong. The signature is not checked here. */
BMIS_API bmis_status bmis_audit_anchor_parse(const char *line,
                                             bmis_audit_anchor *out,
                                             bmis_error *err);

/* Appends the anchor's line and a newline to the file at path (created,
 * mode 0644, when missing), then fsyncs it (and its directory when it was
 * created): when this returns BMIS_OK the anchor is on disk. E_IO naming
 * the file otherwise. */
BMIS_API bmis_status bmis_audit_anchor_append(const char *path,
                                              const bmis_audit_anchor *a,
                                              bmis_error *err);

typedef struct bmis_audit_anchor_verdict {
  bool ok;                  /* every anchor holds, and so does the chain */
  int64_t anchors;          /* anchor lines that hold */
  int64_t bad_line;         /* the first line at fault (0: none) */
  int64_t last_seq;         /* the highest entry anchored */
  char key[65];             /* the key the anchors are signed with */
  bmis_audit_verdict chain; /* the chain as bmis_audit_verify sees it */
  char problem[320];        /* "line 3: entry 42 no longer has the anchored
                               hash: the log was rewritten since …" */
} bmis_audit_anchor_verdict;

/* Proves, against the anchors file at path, that no anchored entry was
 * changed or removed since it was anchored: each line parses, its
 * signature verifies, it is signed by `pub` (when not NULL; otherwise by
 * the key of the file's first line, whose fingerprint *v gives), seqs never
 * go down, the stored entry at its seq still has its hash, and the chain
 * verifies up to it. A file with no anchor proves nothing (not ok). Also
 * walks the whole chain (v->chain). The check itself is not a failure: *v
 * says whether everything holds. E_IO when the file cannot be read. */
BMIS_API bmis_status bmis_audit_anchors_verify(bmis_store *s, const char *path,
                                               const bmis_audit_key *pub,
                                               bmis_audit_anchor_verdict *v,
                                               bmis_error *err);

#endif

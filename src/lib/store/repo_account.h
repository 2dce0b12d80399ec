/* Accounts in the store (sql/queries/account_*.sql). */
#ifndef BMIS_STORE_REPO_ACCOUNT_H
#define BMIS_STORE_REPO_ACCOUNT_H

#include "bmis/account.h"

#include <stddef.h>

/* An account row with its password hash (PHC string). */
typedef struct bmis__account_row {
  bmis_account a;
  char hash[256];
} bmis__account_row;

bmis_status bmis__account_insert(bmis_store *s, const bmis_account *a,
                                 const char *hash, int64_t now,
                                 bmis_error *err);
/* E_NOT_FOUND when there is none. */
bmis_status bmis__account_get(bmis_store *s, const char *username,
                              bmis__account_row *out, bmis_error *err);
typedef int (*bmis__account_row_fn)(const bmis__account_row *r, void *ctx);
bmis_status bmis__account_list(bmis_store *s, bmis__account_row_fn fn,
                               void *ctx, bmis_error *err);
/* E_NOT_FOUND when no such account. */
bmis_status bmis__account_set_password(bmis_store *s, const char *username,
                                       const char *hash, int64_t now,
                                       bmis_error *err);
/* The enabled administrators other than `username`, counted under the
 * write lock of every administrator's row (in a transaction): a change that
 * could leave none is decided on what concurrent changes left. */
bmis_status bmis__account_admins_other(bmis_store *s, const char *username,
                                       int64_t *n, bmis_error *err);
bmis_status bmis__account_set_disabled(bmis_store *s, const char *username,
                                       bool disabled, int64_t now,
                                       bmis_error *err);
/* Writes display name, role, default_bcp and bcps of a. E_NOT_FOUND. */
bmis_status bmis__account_update(bmis_store *s, const bmis_account *a,
                                 int64_t now, bmis_error *err);

/* Sessions: by the token's hex SHA-256. */
typedef struct bmis__session_row {
  bmis_session s;
  bool revoked, disabled;
  char bcps[256]; /* the account's, now */
} bmis__session_row;
bmis_status bmis__session_insert(bmis_store *s, const char *token_hash,
                                 const bmis_session *ses, bmis_error *err);
/* E_NOT_FOUND when there is none. */
bmis_status bmis__session_get(bmis_store *s, const char *token_hash,
                              bmis__session_row *out, bmis_error *err);
/* E_NOT_FOUND when there is none. */
bmis_status bmis__session_revoke(bmis_store *s, const char *token_hash,
                                 bmis_error *err);
/* Ends every session of an account (none is not an error). */
bmis_status bmis__session_revoke_account(bmis_store *s, const char *username,
                                         bmis_error *err);
/* Records activity at `at` (only moves last_seen forward). */
bmis_status bmis__session_touch(bmis_store *s, const char *token_hash,
                                int64_t at, bmis_error *err);

/* Failed logins, by name tried and client address: record one (pruning
 * those at or before prune_before); count those after since for the pair,
 * the client and the name, and the latest of any of them; clear a pair's
 * (username and client), a name's (client NULL) or a client's (username
 * NULL); list the pairs, clients and names with at least so many. */
typedef struct bmis__login_counts {
  int64_t pair, client, name, latest;
} bmis__login_counts;
bmis_status bmis__login_failure_add(bmis_store *s, const char *username,
                                    const char *client, int64_t at,
                                    int64_t prune_before, bmis_error *err);
bmis_status bmis__login_failure_counts(bmis_store *s, const char *username,
                                       const char *client, int64_t since,
                                       bmis__login_counts *out,
                                       bmis_error *err);
bmis_status bmis__login_failure_clear(bmis_store *s, const char *username,
                                      const char *client, int64_t *cleared,
                                      bmis_error *err);
bmis_status bmis__lockout_list(bmis_store *s, int64_t since, int64_t pair_min,
                               int64_t client_min, int64_t name_min,
                               bmis_lockout_fn fn, void *ctx, bmis_error *err);

#endif

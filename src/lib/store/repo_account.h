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
bmis_status bmis__account_set_disabled(bmis_store *s, const char *username,
                                       bool disabled, int64_t now,
                                       bmis_error *err);

/* Sessions: by the token's hex SHA-256. */
typedef struct bmis__session_row {
  bmis_session s;
  bool revoked, disabled;
} bmis__session_row;
bmis_status bmis__session_insert(bmis_store *s, const char *token_hash,
                                 const bmis_session *ses, bmis_error *err);
/* E_NOT_FOUND when there is none. */
bmis_status bmis__session_get(bmis_store *s, const char *token_hash,
                              bmis__session_row *out, bmis_error *err);
/* E_NOT_FOUND when there is none. */
bmis_status bmis__session_revoke(bmis_store *s, const char *token_hash,
                                 bmis_error *err);

/* Failed logins: record one (pruning those at or before prune_before),
 * count those after since (and the oldest of them), clear a name's. */
bmis_status bmis__login_failure_add(bmis_store *s, const char *username,
                                    int64_t at, int64_t prune_before,
                                    bmis_error *err);
bmis_status bmis__login_failure_recent(bmis_store *s, const char *username,
                                       int64_t since, int64_t *count,
                                       int64_t *oldest, bmis_error *err);
bmis_status bmis__login_failure_clear(bmis_store *s, const char *username,
                                      bmis_error *err);

#endif
/* Accounts in the store (see repo_account.h). */
#include "store/repo_account.h"

#include "store/store_internal.h"

#include <string.h>

bmis_status bmis__account_insert(bmis_store *s, const bmis_account *a,
                                 const char *hash, int64_t now,
                                 bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_ACCOUNT_INSERT);
  bmis__bind_text(q, 1, a->username);
  bmis__bind_text(q, 2, a->display_name);
  bmis__bind_text(q, 3, bmis_role_name(a->role));
  bmis__bind_text(q, 4, hash);
  bmis__bind_text(q, 5, a->default_bcp);
  bmis__bind_int(q, 6, now);
  bmis__bind_text(q, 7, a->bcps);
  return bmis__run(q, err);
}

static void account_row(bmis__stmt *q, void *row) {
  bmis__account_row *r = row;
  memset(r, 0, sizeof *r);
  bmis__col_copy(q, 0, r->a.username, sizeof r->a.username);
  bmis__col_copy(q, 1, r->a.display_name, sizeof r->a.display_name);
  r->a.role = bmis_role_from_name(bmis__col_text(q, 2));
  bmis__col_copy(q, 3, r->hash, sizeof r->hash);
  r->a.disabled = bmis__col_int(q, 4) != 0;
  bmis__col_copy(q, 5, r->a.default_bcp, sizeof r->a.default_bcp);
  r->a.created_at = bmis__col_int(q, 6);
  r->a.updated_at = bmis__col_int(q, 7);
  bmis__col_copy(q, 8, r->a.bcps, sizeof r->a.bcps);
}

bmis_status bmis__account_get(bmis_store *s, const char *username,
                              bmis__account_row *out, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_ACCOUNT_GET);
  bmis__bind_text(q, 1, username);
  return bmis__row_one(q, account_row, out, err, "no account '%s'", username);
}

bmis_status bmis__account_list(bmis_store *s, bmis__account_row_fn fn,
                               void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_ACCOUNT_LIST);
  ROWS_RETURN(q, bmis__account_row, account_row, fn(&row, ctx));
}

static bmis_status changed_one(bmis__stmt *q, const char *username,
                               bmis_error *err) {
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no account '%s'", username);
  return st;
}

static bmis_status lock_admins(bmis_store *s, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_ACCOUNT_ADMINS_LOCK);
  return bmis__run(q, err);
}

bmis_status bmis__account_admins_other(bmis_store *s, const char *username,
                                       int64_t *n, bmis_error *err) {
  *n = 0;
  bmis_status st = lock_admins(s, err);
  if (st != BMIS_OK)
    return st;
  Q_OR_FAIL(q, BMIS__Q_ACCOUNT_ADMINS_OTHER);
  bmis__bind_text(q, 1, username);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW)
    *n = bmis__col_int(q, 0);
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__account_set_password(bmis_store *s, const char *username,
                                       const char *hash, int64_t now,
                                       bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_ACCOUNT_SET_PASSWORD);
  bmis__bind_text(q, 1, username);
  bmis__bind_text(q, 2, hash);
  bmis__bind_int(q, 3, now);
  return changed_one(q, username, err);
}

bmis_status bmis__account_set_disabled(bmis_store *s, const char *username,
                                       bool disabled, int64_t now,
                                       bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_ACCOUNT_SET_DISABLED);
  bmis__bind_text(q, 1, username);
  bmis__bind_int(q, 2, disabled ? 1 : 0);
  bmis__bind_int(q, 3, now);
  return changed_one(q, username, err);
}

bmis_status bmis__account_update(bmis_store *s, const bmis_account *a,
                                 int64_t now, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_ACCOUNT_UPDATE);
  bmis__bind_text(q, 1, a->username);
  bmis__bind_text(q, 2, a->display_name);
  bmis__bind_text(q, 3, bmis_role_name(a->role));
  bmis__bind_text(q, 4, a->default_bcp);
  bmis__bind_text(q, 5, a->bcps);
  bmis__bind_int(q, 6, now);
  return changed_one(q, a->username, err);
}

bmis_status bmis__session_insert(bmis_store *s, const char *token_hash,
                                 const bmis_session *ses, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_SESSION_INSERT);
  bmis__bind_text(q, 1, token_hash);
  bmis__bind_text(q, 2, ses->username);
  bmis__bind_text(q, 3, ses->bcp);
  bmis__bind_text(q, 4, ses->desk);
  bmis__bind_int(q, 5, ses->created_at);
  bmis__bind_int(q, 6, ses->expires_at);
  return bmis__run(q, err);
}

bmis_status bmis__session_get(bmis_store *s, const char *token_hash,
                              bmis__session_row *out, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_SESSION_GET);
  bmis__bind_text(q, 1, token_hash);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW) {
    memset(out, 0, sizeof *out);
    bmis__col_copy(q, 0, out->s.username, sizeof out->s.username);
    out->s.role = bmis_role_from_name(bmis__col_text(q, 1));
    bmis__col_copy(q, 2, out->s.bcp, sizeof out->s.bcp);
    bmis__col_copy(q, 3, out->s.desk, sizeof out->s.desk);
    out->s.created_at = bmis__col_int(q, 4);
    out->s.expires_at = bmis__col_int(q, 5);
    out->revoked = bmis__col_int(q, 6) != 0;
    out->disabled = bmis__col_int(q, 7) != 0;
    bmis__col_copy(q, 8, out->bcps, sizeof out->bcps);
    out->s.last_active_at = bmis__col_int(q, 9);
    out->s.all_bcps = strcmp(out->bcps, "*") == 0;
  }
  bmis__reset(q);
  if (rc < 0)
    return (bmis_status)-rc;
  return rc == BMIS__DONE
             ? bmis_error_set(err, BMIS_E_NOT_FOUND, "no such session")
             : BMIS_OK;
}

bmis_status bmis__session_revoke(bmis_store *s, const char *token_hash,
                                 bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_SESSION_REVOKE);
  bmis__bind_text(q, 1, token_hash);
  bmis_status st = bmis__run(q, err);
  if (st == BMIS_OK && bmis__changes(q) != 1)
    return bmis_error_set(err, BMIS_E_NOT_FOUND, "no such session");
  return st;
}

bmis_status bmis__session_revoke_account(bmis_store *s, const char *username,
                                         bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_SESSION_REVOKE_ACCOUNT);
  bmis__bind_text(q, 1, username);
  return bmis__run(q, err);
}

bmis_status bmis__session_touch(bmis_store *s, const char *token_hash,
                                int64_t at, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_SESSION_TOUCH);
  bmis__bind_text(q, 1, token_hash);
  bmis__bind_int(q, 2, at);
  return bmis__run(q, err);
}

bmis_status bmis__login_failure_add(bmis_store *s, const char *username,
                                    const char *client, int64_t at,
                                    int64_t prune_before, bmis_error *err) {
  bmis__stmt *p = bmis__query(s, BMIS__Q_LOGIN_FAILURE_PRUNE, err);
  if (!p)
    return err ? err->status : BMIS_E_STORE;
  bmis__bind_int(p, 1, prune_before);
  bmis_status st = bmis__run(p, err);
  if (st != BMIS_OK)
    return st;
  Q_OR_FAIL(q, BMIS__Q_LOGIN_FAILURE_INSERT);
  bmis__bind_text(q, 1, username);
  bmis__bind_text(q, 2, client);
  bmis__bind_int(q, 3, at);
  return bmis__run(q, err);
}

bmis_status bmis__login_failure_counts(bmis_store *s, const char *username,
                                       const char *client, int64_t since,
                                       bmis__login_counts *out,
                                       bmis_error *err) {
  memset(out, 0, sizeof *out);
  Q_OR_FAIL(q, BMIS__Q_LOGIN_FAILURE_COUNTS);
  bmis__bind_text(q, 1, username);
  bmis__bind_text(q, 2, client);
  bmis__bind_int(q, 3, since);
  int rc = bmis__step(q, err);
  if (rc == BMIS__ROW) {
    out->pair = bmis__col_int(q, 0);
    out->client = bmis__col_int(q, 1);
    out->name = bmis__col_int(q, 2);
    out->latest = bmis__col_int(q, 3);
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__login_failure_clear(bmis_store *s, const char *username,
                                      const char *client, int64_t *cleared,
                                      bmis_error *err) {
  bmis__stmt *q = bmis__query(s,
                              !client     ? BMIS__Q_LOGIN_FAILURE_CLEAR_NAME
                              : !username ? BMIS__Q_LOGIN_FAILURE_CLEAR_CLIENT
                                          : BMIS__Q_LOGIN_FAILURE_CLEAR,
                              err);
  if (!q)
    return err ? err->status : BMIS_E_STORE;
  bmis__bind_text(q, 1, username ? username : client);
  if (username && client)
    bmis__bind_text(q, 2, client);
  bmis_status st = bmis__run(q, err);
  if (cleared)
    *cleared = st == BMIS_OK ? bmis__changes(q) : 0;
  return st;
}

bmis_status bmis__lockout_list(bmis_store *s, int64_t since, int64_t pair_min,
                               int64_t client_min, int64_t name_min,
                               bmis_lockout_fn fn, void *ctx, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_LOGIN_LOCKOUT_LIST);
  bmis__bind_int(q, 1, since);
  bmis__bind_int(q, 2, pair_min);
  bmis__bind_int(q, 3, client_min);
  bmis__bind_int(q, 4, name_min);
  int rc;
  bmis_lockout l;
  while ((rc = bmis__step(q, err)) == BMIS__ROW) {
    memset(&l, 0, sizeof l);
    bmis__col_copy(q, 0, l.username, sizeof l.username);
    bmis__col_copy(q, 1, l.client, sizeof l.client);
    l.failures = bmis__col_int(q, 2);
    l.last_failure_at = bmis__col_int(q, 3);
    if (fn(&l, ctx))
      break;
  }
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

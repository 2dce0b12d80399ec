/* Lockouts in force and their clearing (see bmis/account.h): the failed
 * logins counted as bmis_session_login counts them. */
#include "bmis/account.h"

#include "audit/audit_internal.h"
#include "store/repo.h"
#include "store/repo_account.h"

#include <stdio.h>
#include <string.h>

bmis_status bmis_lockout_list(bmis_store *s, const bmis_actor *actor,
                              int64_t now, bmis_lockout_fn fn, void *ctx,
                              bmis_error *err) {
  if (now <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "now: the time the lockouts are in force at is "
                          "required");
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__audit_access(s, actor, now, "login.lockouts", "lockouts", "ok",
                          NULL, err);
  if (st == BMIS_OK)
    st = bmis__lockout_list(s, now - BMIS_LOGIN_WINDOW_S,
                            BMIS_LOGIN_FAILURES_MAX,
                            BMIS_LOGIN_CLIENT_FAILURES_MAX,
                            BMIS_LOGIN_NAME_FAILURES_MAX, fn, ctx, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_lockout_clear(bmis_store *s, const bmis_actor *actor,
                               int64_t at, const char *username,
                               const char *client, bmis_error *err) {
  const char *u = username && *username ? username : NULL;
  const char *c = client && *client ? client : NULL;
  if (!actor)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "no actor: an access is always someone's");
  if (!u && !c)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "a lockout is named by a username, a client "
                          "address, or both");
  char record[160];
  snprintf(record, sizeof record, "%s%.64s%s%s%.64s", u ? "account:" : "",
           u ? u : "", u && c ? " " : "", c ? "client:" : "", c ? c : "");
  int64_t cleared = 0;
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__login_failure_clear(s, u, c, &cleared, err);
  if (st == BMIS_OK && cleared == 0)
    st = bmis_error_set(err, BMIS_E_NOT_FOUND,
                        "no failed logins%s%s%s%s to clear", u ? " for '" : "",
                        u ? u : "", u ? "'" : "", c ? " from that client" : "");
  if (st == BMIS_OK)
    st = bmis__audit_access(s, actor, at, "login.unlock", record, "ok", NULL,
                            err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

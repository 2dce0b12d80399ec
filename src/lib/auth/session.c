/* Sessions (see bmis/account.h): random bearer tokens, of which the store
 * keeps only the SHA-256, bound to a crossing point and desk, with an
 * expiry and a revocation. */
#include "bmis/account.h"
#include "bmis/text.h"

#include "audit/audit_internal.h"
#include "bmis/register.h"
#include "store/repo_account.h"
#include "store/store_internal.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>

static void hex(const unsigned char *b, size_t n, char *out) {
  static const char digits[] = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) {
    out[2 * i] = digits[b[i] >> 4];
    out[2 * i + 1] = digits[b[i] & 15];
  }
  out[2 * n] = 0;
}

/* The token's hex SHA-256: what the store knows of it. */
static bool token_hash(const char *token, char out[65]) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!EVP_Digest(token, strlen(token), md, &n, EVP_sha256(), NULL) || n != 32)
    return false;
  hex(md, 32, out);
  return true;
}

static bool well_formed(const char *token) {
  if (!token || strlen(token) != BMIS_SESSION_TOKEN_SIZE - 1)
    return false;
  for (const char *p = token; *p; p++)
    if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
      return false;
  return true;
}

/* The minutes (rounded up) until a refusal whose latest failure was at
 * `latest` ends at the latest. */
static long long minutes_left(int64_t latest, int64_t t) {
  int64_t wait = latest + BMIS_LOGIN_WINDOW_S - t;
  return wait > 0 ? (long long)((wait + 59) / 60) : 1;
}

/* Refused before the password is looked at (the same answer whether it is
 * right or not): see BMIS_LOGIN_FAILURES_MAX. */
static bmis_status throttled(const char *name, const char *client,
                             const bmis__login_counts *c, int64_t t,
                             bmis_error *err) {
  const char *who = client[0] ? client : "an unknown address";
  if (c->client >= BMIS_LOGIN_CLIENT_FAILURES_MAX)
    return bmis_error_set(err, BMIS_E_THROTTLED,
                          "too many failed logins from %s: try again in at "
                          "most %lld minute(s)",
                          who, minutes_left(c->latest, t));
  if (c->pair >= BMIS_LOGIN_FAILURES_MAX ||
      (c->name >= BMIS_LOGIN_NAME_FAILURES_MAX && c->client > 0))
    return bmis_error_set(err, BMIS_E_THROTTLED,
                          "too many failed logins for '%s' from %s: try "
                          "again in at most %lld minute(s)",
                          name, who, minutes_left(c->latest, t));
  return BMIS_OK;
}

/* The crossing point the session works at: the one asked for, else the
 * account's default; one the account may work at. */
static bmis_status choose_bcp(const bmis_account *a, const char *bcp,
                              char out[16], bmis_error *err) {
  const char *code = bcp && *bcp ? bcp : a->default_bcp;
  snprintf(out, 16, "%s", code);
  if (!*code) {
    if (a->role == BMIS_ROLE_OFFICER || a->role == BMIS_ROLE_SUPERVISOR)
      return bmis_error_set(err, BMIS_E_FORBIDDEN,
                            "the account '%s' has no default crossing point: "
                            "choose one (bcp)",
                            a->username);
    return BMIS_OK; /* an analyst or administrator works at none */
  }
  if (!bmis_account_may_work_at(a, code))
    return bmis_error_set(err, BMIS_E_FORBIDDEN,
                          "the account '%s' may not work at '%s' (only at "
                          "%s)",
                          a->username, code, a->bcps[0] ? a->bcps : "none");
  return BMIS_OK;
}

static bmis_status login_do(bmis_store *s, const bmis_login *in,
                            char token[BMIS_SESSION_TOKEN_SIZE],
                            bmis_session *out, unsigned *locked,
                            bmis_error *err) {
  bmis_session ses;
  memset(&ses, 0, sizeof ses);
  if (locked)
    *locked = 0;
  if (!s || !in)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or login");
  if (in->ttl_s <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "a session must last a positive time");
  if (in->now <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "now: the time of the login is required");
  const char *bcp = in->bcp ? in->bcp : "";
  const char *client = in->client ? in->client : "";
  if (strlen(bcp) >= sizeof ses.bcp ||
      (in->desk && strlen(in->desk) >= sizeof ses.desk))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "crossing point or desk: at most 15 characters");
  if (strlen(client) >= sizeof((bmis_lockout *)0)->client)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "client address: at most 63 characters");
  /* the desk goes into movements and audit entries: one line of UTF-8 */
  bmis_status desk_ok = bmis_text_check(in->desk, sizeof ses.desk - 1,
                                        BMIS_TEXT_EMPTY_OK, "desk", err);
  if (desk_ok != BMIS_OK)
    return desk_ok;
  const char *name = in->username ? in->username : "";
  if (strlen(name) >= sizeof ses.username)
    return bmis_error_set(err, BMIS_E_AUTH, "wrong username or password");
  /* a code that is no crossing point is refused whoever asks: it tells
   * nothing of the account, and a typo is not a guess of the password */
  bmis_status st;
  if (*bcp) {
    bmis_bcp b;
    st = bmis_bcp_get(s, bcp, &b, err);
    if (st == BMIS_E_NOT_FOUND)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "bcp: '%s' is not a configured crossing point",
                            bcp);
    if (st != BMIS_OK)
      return st;
  }
  /* guessing is slowed, by name and by client (see bmis/account.h) */
  int64_t t = in->now;
  bmis__login_counts c;
  st = bmis__login_failure_counts(s, name, client, t - BMIS_LOGIN_WINDOW_S, &c,
                                  err);
  if (st != BMIS_OK || (st = throttled(name, client, &c, t, err)) != BMIS_OK)
    return st;
  bmis_account a;
  st = bmis_account_verify(s, name, in->password, &a, err);
  if (st == BMIS_E_AUTH) {
    bmis_error rec;
    if (bmis__login_failure_add(s, name, client, t, t - BMIS_LOGIN_WINDOW_S,
                                &rec) != BMIS_OK) {
      if (err)
        *err = rec;
      return rec.status;
    }
    if (locked)
      *locked =
          (c.pair + 1 == BMIS_LOGIN_FAILURES_MAX ? BMIS_LOCKED_NAME_CLIENT
                                                 : 0u) |
          (c.client + 1 == BMIS_LOGIN_CLIENT_FAILURES_MAX ? BMIS_LOCKED_CLIENT
                                                          : 0u) |
          (c.name + 1 == BMIS_LOGIN_NAME_FAILURES_MAX ? BMIS_LOCKED_NAME : 0u);
    return BMIS_E_AUTH;
  }
  if (st != BMIS_OK)
    return st;
  if ((st = bmis__login_failure_clear(s, name, client, NULL, err)) != BMIS_OK ||
      (st = choose_bcp(&a, bcp, ses.bcp, err)) != BMIS_OK)
    return st;
  unsigned char raw[32];
  char hash[65];
  if (RAND_bytes(raw, sizeof raw) != 1)
    return bmis_error_set(err, BMIS_E_INTERNAL, "no random bytes for a token");
  hex(raw, sizeof raw, token);
  if (!token_hash(token, hash))
    return bmis_error_set(err, BMIS_E_INTERNAL, "cannot hash the token");
  snprintf(ses.username, sizeof ses.username, "%s", a.username);
  ses.role = a.role;
  snprintf(ses.desk, sizeof ses.desk, "%s", in->desk ? in->desk : "");
  ses.all_bcps = strcmp(a.bcps, "*") == 0;
  ses.created_at = ses.last_active_at = t;
  ses.expires_at = ses.created_at + in->ttl_s;
  st = bmis__session_insert(s, hash, &ses, err);
  if (st != BMIS_OK) {
    memset(token, 0, BMIS_SESSION_TOKEN_SIZE);
    return st;
  }
  if (out)
    *out = ses;
  return BMIS_OK;
}

/* A lockout this login began, in the audit log ("login.locked"). */
static bmis_status audit_lockout(bmis_store *s, const bmis_actor *who,
                                 const bmis_login *in, unsigned what,
                                 bmis_error *err) {
  const char *user = in->username ? in->username : "";
  const char *client = in->client ? in->client : "";
  char record[160];
  if (what == BMIS_LOCKED_CLIENT)
    snprintf(record, sizeof record, "client:%.64s", client);
  else if (what == BMIS_LOCKED_NAME)
    snprintf(record, sizeof record, "account:%.80s", user);
  else
    snprintf(record, sizeof record, "account:%.64s client:%.64s", user, client);
  return bmis__audit_access(s, who, in->now, "login.locked", record,
                            "E_THROTTLED", NULL, err);
}

bmis_status bmis_session_login(bmis_store *s, const bmis_login *in,
                               char token[BMIS_SESSION_TOKEN_SIZE],
                               bmis_session *out, unsigned *locked,
                               bmis_error *err) {
  if (locked)
    *locked = 0;
  if (!s || !in)
    return login_do(s, in, token, NULL, NULL, err);
  /* The login (a session, or a failure counted) and its audit entries are
   * one transaction: when the log cannot be written, nothing of the login
   * is kept and no token is handed out. */
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  bmis_session ses;
  memset(&ses, 0, sizeof ses);
  unsigned began = 0;
  st = login_do(s, in, token, &ses, &began, err);
  /* Logins, failed or not, are in the audit log under the name tried (a
   * name the log cannot hold is cut, not the answer). */
  bmis_actor who;
  memset(&who, 0, sizeof who);
  snprintf(who.username, sizeof who.username, "%s",
           in->username ? in->username : "");
  if (st == BMIS_OK) {
    snprintf(who.role, sizeof who.role, "%s", bmis_role_name(ses.role));
    snprintf(who.bcp, sizeof who.bcp, "%s", ses.bcp);
    snprintf(who.desk, sizeof who.desk, "%s", ses.desk);
  }
  char record[97];
  snprintf(record, sizeof record, "account:%.80s",
           in->username ? in->username : "");
  bmis_error e;
  bmis_status logged =
      bmis__audit_access(s, &who, in->now, "session.login", record,
                         st == BMIS_OK ? "ok" : bmis_status_name(st), NULL, &e);
  for (unsigned bit = 1; logged == BMIS_OK && bit <= BMIS_LOCKED_NAME;
       bit <<= 1)
    if (began & bit)
      logged = audit_lockout(s, &who, in, bit, &e);
  if (logged == BMIS_OK)
    logged = bmis__tx_commit(s, &e);
  else
    bmis__tx_rollback(s);
  if (logged != BMIS_OK) {
    memset(token, 0, BMIS_SESSION_TOKEN_SIZE);
    /* a login the caller got wrong (no time, a desk that is not one line)
     * says so; anything else that could not be logged is not done */
    if (st == BMIS_E_INVALID_ARG)
      return st;
    if (err)
      *err = e;
    return logged;
  }
  if (locked)
    *locked = began;
  if (st == BMIS_OK && out)
    *out = ses;
  return st;
}

bmis_status bmis_session_open(bmis_store *s, const char *username,
                              const char *password, const char *bcp,
                              const char *desk, int64_t ttl_s, int64_t now,
                              char token[BMIS_SESSION_TOKEN_SIZE],
                              bmis_session *out, bmis_error *err) {
  bmis_login in = {username, password, bcp, desk, NULL, ttl_s, now};
  return bmis_session_login(s, &in, token, out, NULL, err);
}

bmis_status bmis_session_use(bmis_store *s, const char *token, int64_t now,
                             int64_t idle_s, bmis_session *out,
                             bmis_error *err) {
  char hash[65];
  if (now <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "now: the time of the request is required");
  if (!well_formed(token))
    return bmis_error_set(err, BMIS_E_AUTH,
                          "not a session token (64 hexadecimal digits)");
  if (!token_hash(token, hash))
    return bmis_error_set(err, BMIS_E_INTERNAL, "cannot hash the token");
  bmis__session_row r;
  bmis_status st = bmis__session_get(s, hash, &r, err);
  if (st == BMIS_E_NOT_FOUND)
    return bmis_error_set(err, BMIS_E_AUTH, "no such session: log in");
  if (st != BMIS_OK)
    return st;
  if (r.revoked)
    return bmis_error_set(err, BMIS_E_AUTH, "the session was ended: log in");
  if (now >= r.s.expires_at)
    return bmis_error_set(err, BMIS_E_AUTH, "the session expired: log in");
  if (r.disabled)
    return bmis_error_set(err, BMIS_E_AUTH, "the account is disabled");
  int64_t last = r.s.last_active_at ? r.s.last_active_at : r.s.created_at;
  if (idle_s > 0 && now - last > idle_s) {
    /* ended, so that no later check with a longer limit revives it */
    bmis_error ignored;
    (void)bmis__session_revoke(s, hash, &ignored);
    return bmis_error_set(err, BMIS_E_AUTH,
                          "the session timed out: log in again");
  }
  /* activity is written at most once a minute (sooner for short limits) */
  int64_t every = BMIS_SESSION_TOUCH_S;
  if (idle_s > 0 && idle_s / 4 < every)
    every = idle_s / 4 > 0 ? idle_s / 4 : 1;
  if (idle_s > 0 && now - last >= every) {
    bmis_error ignored; /* a busy store delays the record, not the request */
    if (bmis__session_touch(s, hash, now, &ignored) == BMIS_OK)
      r.s.last_active_at = now;
  }
  if (out)
    *out = r.s;
  return BMIS_OK;
}

bmis_status bmis_session_check(bmis_store *s, const char *token, int64_t now,
                               bmis_session *out, bmis_error *err) {
  return bmis_session_use(s, token, now, 0, out, err);
}

bmis_status bmis_session_revoke(bmis_store *s, const char *token,
                                bmis_error *err) {
  char hash[65];
  if (!well_formed(token) || !token_hash(token, hash))
    return bmis_error_set(err, BMIS_E_AUTH, "no such session");
  bmis_status st = bmis__session_revoke(s, hash, err);
  return st == BMIS_E_NOT_FOUND
             ? bmis_error_set(err, BMIS_E_AUTH, "no such session")
             : st;
}

bmis_status bmis_role_check(bmis_store *s, const bmis_actor *actor, int64_t at,
                            unsigned roles, const char *method,
                            const char *what, bmis_error *err) {
  if (!s || !actor || !method || !what)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "no store, actor, method or what");
  bmis_role role = bmis_role_from_name(actor->role);
  if (role != BMIS_ROLE_NONE && (roles & (1u << (role - 1))))
    return BMIS_OK;
  /* a refused attempt is accounted for too */
  return bmis__audit_refusal(s, actor, at, "access", what,
                             bmis_error_set(err, BMIS_E_FORBIDDEN,
                                            "%s %s is not open to the role %s",
                                            method, what, actor->role));
}

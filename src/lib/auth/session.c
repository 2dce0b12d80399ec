/* Sessions (see bmis/account.h): random bearer tokens, of which the store
 * keeps only the SHA-256, bound to a crossing point and desk, with an
 * expiry and a revocation. */
#include "bmis/account.h"
#include "bmis/text.h"

#include "store/repo_account.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

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

bmis_status bmis_session_open(bmis_store *s, const char *username,
                              const char *password, const char *bcp,
                              const char *desk, int64_t ttl_s, int64_t now,
                              char token[BMIS_SESSION_TOKEN_SIZE],
                              bmis_session *out, bmis_error *err) {
  bmis_session ses;
  memset(&ses, 0, sizeof ses);
  if (ttl_s <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "a session must last a positive time");
  if ((bcp && strlen(bcp) >= sizeof ses.bcp) ||
      (desk && strlen(desk) >= sizeof ses.desk))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "crossing point or desk: at most 15 characters");
  /* the desk goes into movements and audit entries: one line of UTF-8 */
  bmis_status desk_ok = bmis_text_check(desk, sizeof ses.desk - 1,
                                        BMIS_TEXT_EMPTY_OK, "desk", err);
  if (desk_ok != BMIS_OK)
    return desk_ok;
  /* guessing is slowed: so many failures for a name within the window,
   * and its logins wait (whether the name exists or not) */
  int64_t t = now ? now : (int64_t)time(NULL);
  const char *name = username ? username : "";
  if (strlen(name) >= sizeof ses.username)
    return bmis_error_set(err, BMIS_E_AUTH, "wrong username or password");
  int64_t failures, oldest;
  bmis_status st = bmis__login_failure_recent(s, name, t - BMIS_LOGIN_WINDOW_S,
                                              &failures, &oldest, err);
  if (st != BMIS_OK)
    return st;
  if (failures >= BMIS_LOGIN_FAILURES_MAX) {
    int64_t wait = oldest + BMIS_LOGIN_WINDOW_S - t;
    return bmis_error_set(err, BMIS_E_THROTTLED,
                          "too many failed logins for '%s': try again in %lld "
                          "minute(s)",
                          name, (long long)(wait / 60 + 1));
  }
  bmis_account a;
  st = bmis_account_verify(s, name, password, &a, err);
  if (st == BMIS_E_AUTH) {
    bmis_error rec;
    if (bmis__login_failure_add(s, name, t, t - BMIS_LOGIN_WINDOW_S, &rec) !=
            BMIS_OK &&
        err)
      *err = rec;
    return err && err->status != BMIS_E_AUTH ? err->status : BMIS_E_AUTH;
  }
  if (st != BMIS_OK)
    return st;
  if ((st = bmis__login_failure_clear(s, name, err)) != BMIS_OK)
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
  snprintf(ses.bcp, sizeof ses.bcp, "%s", bcp && *bcp ? bcp : a.default_bcp);
  snprintf(ses.desk, sizeof ses.desk, "%s", desk ? desk : "");
  ses.created_at = t;
  ses.expires_at = ses.created_at + ttl_s;
  st = bmis__session_insert(s, hash, &ses, err);
  if (st != BMIS_OK) {
    memset(token, 0, BMIS_SESSION_TOKEN_SIZE);
    return st;
  }
  if (out)
    *out = ses;
  return BMIS_OK;
}

bmis_status bmis_session_check(bmis_store *s, const char *token, int64_t now,
                               bmis_session *out, bmis_error *err) {
  char hash[65];
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
  if (!now)
    now = (int64_t)time(NULL);
  if (r.revoked)
    return bmis_error_set(err, BMIS_E_AUTH, "the session was ended: log in");
  if (now >= r.s.expires_at)
    return bmis_error_set(err, BMIS_E_AUTH, "the session expired: log in");
  if (r.disabled)
    return bmis_error_set(err, BMIS_E_AUTH, "the account is disabled");
  if (out)
    *out = r.s;
  return BMIS_OK;
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

/* Accounts and passwords (see bmis/account.h): validation, Argon2id
 * hashing with libargon2, and the constant-work check. */
#define _POSIX_C_SOURCE 200809L /* strnlen */
#include "auth_internal.h"
#include "bmis/text.h"

#include "store/repo.h"
#include "store/repo_account.h"

#include <argon2.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <string.h>

/* Argon2id parameters: OWASP's first recommended set (19 MiB, 2 passes, 1
 * lane): tens of milliseconds a check, which a login can afford and a
 * guesser cannot. They are stored in each hash, so they can be raised
 * later without invalidating the passwords already set. */
#define ARGON_T_COST 2
#define ARGON_M_COST (19 * 1024) /* KiB */
#define ARGON_LANES 1
#define ARGON_SALT 16
#define ARGON_HASH 32

static bmis_status check_username(const char *u, bmis_error *err) {
  size_t n = u ? strlen(u) : 0;
  if (n == 0 || n >= sizeof((bmis_account *)0)->username)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "username: 1 to 63 characters");
  if (!(u[0] >= 'a' && u[0] <= 'z'))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "username '%s': must start with a letter a-z", u);
  for (size_t i = 0; i < n; i++) {
    char c = u[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '_' || c == '-'))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "username '%s': only a-z, 0-9, '.', '_' and '-' "
                            "(character %zu is not)",
                            u, i + 1);
  }
  return BMIS_OK;
}

static bmis_status check_password(const char *p, bmis_error *err) {
  size_t n = p ? strlen(p) : 0;
  if (n < BMIS_PASSWORD_MIN)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "password: at least %d characters (a phrase of "
                          "several words is easiest to remember)",
                          BMIS_PASSWORD_MIN);
  if (n > BMIS_PASSWORD_MAX)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "password: at most %d bytes",
                          BMIS_PASSWORD_MAX);
  return BMIS_OK;
}

static bmis_status hash_password(const char *password, char *out, size_t cap,
                                 bmis_error *err) {
  unsigned char salt[ARGON_SALT];
  if (RAND_bytes(salt, sizeof salt) != 1)
    return bmis_error_set(err, BMIS_E_INTERNAL,
                          "no random bytes for a password salt");
  int rc = argon2id_hash_encoded(ARGON_T_COST, ARGON_M_COST, ARGON_LANES,
                                 password, strlen(password), salt, sizeof salt,
                                 ARGON_HASH, out, cap);
  if (rc != ARGON2_OK)
    return bmis_error_set(
        err,
        rc == ARGON2_MEMORY_ALLOCATION_ERROR ? BMIS_E_NOMEM : BMIS_E_INTERNAL,
        "password hashing failed: %s", argon2_error_message(rc));
  return BMIS_OK;
}

/* The library reads no clock: the caller gives the instant of a change. */
static bmis_status need_now(int64_t now, bmis_error *err) {
  return now > 0 ? BMIS_OK
                 : bmis_error_set(err, BMIS_E_INVALID_ARG,
                                  "now: the time of the change is required");
}

bmis_status bmis_account_add(bmis_store *s, const bmis_account *a,
                             const char *password, int64_t now,
                             bmis_error *err) {
  if (!s || !a)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or account");
  if (need_now(now, err) != BMIS_OK)
    return BMIS_E_INVALID_ARG;
  bmis_status st = check_username(a->username, err);
  if (st != BMIS_OK)
    return st;
  if (!bmis_role_name(a->role))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "role: officer, supervisor, analyst or "
                          "administrator");
  /* One line of UTF-8, 1 to 127 bytes: refused, never cut (issue 12). */
  if ((st = bmis_text_check_field(a->display_name, sizeof a->display_name,
                                  BMIS_TEXT_LINE, "display name", err)) !=
      BMIS_OK)
    return st;
  if ((st = check_password(password, err)) != BMIS_OK)
    return st;
  bmis_account settled = *a;
  if ((st = bmis__account_settle_bcps(s, &settled, err)) != BMIS_OK)
    return st;
  char hash[256];
  if ((st = hash_password(password, hash, sizeof hash, err)) != BMIS_OK)
    return st;
  st = bmis__account_insert(s, &settled, hash, now, err);
  if (st == BMIS_E_CONFLICT)
    return bmis_error_set(err, st, "the username '%s' is taken", a->username);
  return st;
}

bmis_status bmis_account_set_password(bmis_store *s, const char *username,
                                      const char *password, int64_t now,
                                      bmis_error *err) {
  bmis_status st = need_now(now, err);
  if (st != BMIS_OK)
    return st;
  st = check_password(password, err);
  if (st != BMIS_OK)
    return st;
  char hash[256];
  if ((st = hash_password(password, hash, sizeof hash, err)) != BMIS_OK)
    return st;
  /* whoever held a session under the old password is out, together */
  if ((st = bmis__tx_begin(s, err)) != BMIS_OK)
    return st;
  st = bmis__account_set_password(s, username, hash, now, err);
  if (st == BMIS_OK)
    st = bmis__session_revoke_account(s, username, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_account_set_disabled(bmis_store *s, const char *username,
                                      bool disabled, int64_t now,
                                      bmis_error *err) {
  if (!s || !username)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or username");
  if (need_now(now, err) != BMIS_OK)
    return BMIS_E_INVALID_ARG;
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  /* never the last administrator: nobody would be left to manage the
   * accounts (the check and the change in one transaction) */
  bmis__account_row r;
  if (disabled && (st = bmis__account_get(s, username, &r, err)) == BMIS_OK &&
      r.a.role == BMIS_ROLE_ADMINISTRATOR && !r.a.disabled)
    st = bmis__account_keep_an_administrator(s, username, "disabled", err);
  if (st == BMIS_OK)
    st = bmis__account_set_disabled(s, username, disabled, now, err);
  /* ended for good: enabling the account again revives none */
  if (st == BMIS_OK && disabled)
    st = bmis__session_revoke_account(s, username, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_account_get(bmis_store *s, const char *username,
                             bmis_account *out, bmis_error *err) {
  bmis__account_row r;
  bmis_status st = bmis__account_get(s, username, &r, err);
  if (st == BMIS_OK)
    *out = r.a;
  return st;
}

typedef struct list_ctx {
  bmis_account_fn fn;
  void *ctx;
} list_ctx;

static int list_row(const bmis__account_row *r, void *ctx) {
  list_ctx *c = ctx;
  return c->fn(&r->a, c->ctx);
}

bmis_status bmis_account_list(bmis_store *s, bmis_account_fn fn, void *ctx,
                              bmis_error *err) {
  list_ctx c = {fn, ctx};
  return bmis__account_list(s, list_row, &c, err);
}

/* A hash of a password nobody has, made once: an unknown username is
 * checked against it, so it costs what a known one does. */
static char decoy[256];
static pthread_once_t decoy_once = PTHREAD_ONCE_INIT;

static void make_decoy(void) {
  if (hash_password("no such account, no such password", decoy, sizeof decoy,
                    NULL) != BMIS_OK)
    decoy[0] = 0;
}

static const char *decoy_hash(void) {
  pthread_once(&decoy_once, make_decoy);
  return decoy[0] ? decoy : NULL;
}

bmis_status bmis_account_verify(bmis_store *s, const char *username,
                                const char *password, bmis_account *out,
                                bmis_error *err) {
  static const char refused[] = "wrong username or password";
  if (!password || strlen(password) > BMIS_PASSWORD_MAX)
    return bmis_error_set(err, BMIS_E_AUTH, refused);
  bmis__account_row r;
  bmis_error lookup;
  bmis_status st = username && check_username(username, NULL) == BMIS_OK
                       ? bmis__account_get(s, username, &r, &lookup)
                       : BMIS_E_NOT_FOUND;
  if (st != BMIS_OK && st != BMIS_E_NOT_FOUND) {
    if (err)
      *err = lookup;
    return st;
  }
  const char *hash = st == BMIS_OK ? r.hash : decoy_hash();
  bool match =
      hash && argon2id_verify(hash, password, strlen(password)) == ARGON2_OK;
  if (st != BMIS_OK || !match || r.a.disabled)
    return bmis_error_set(err, BMIS_E_AUTH, refused);
  if (out)
    *out = r.a;
  return BMIS_OK;
}

/* Accounts of the people who use the system, and their passwords.
 *
 * Four roles: an officer inspects at a desk; a supervisor also works the
 * secondary queue and corrects records; an analyst sees statistics and no
 * personal data; an administrator manages accounts. A password is stored
 * only as its Argon2id hash (libargon2; a fresh random salt each time).
 * Accounts are disabled, never deleted: the audit log names them. */
#ifndef BMIS_ACCOUNT_H
#define BMIS_ACCOUNT_H

#include "bmis/status.h"
#include "bmis/store.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum bmis_role {
  BMIS_ROLE_NONE = 0,
  BMIS_ROLE_OFFICER = 1,
  BMIS_ROLE_SUPERVISOR = 2,
  BMIS_ROLE_ANALYST = 3,
  BMIS_ROLE_ADMINISTRATOR = 4,
} bmis_role;

/* "officer", ... ; NULL for BMIS_ROLE_NONE or an unknown value. */
BMIS_API const char *bmis_role_name(bmis_role role);
/* The role named (case-sensitive, as above); BMIS_ROLE_NONE when none. */
BMIS_API bmis_role bmis_role_from_name(const char *name);

/* Passwords shorter than this, or longer than BMIS_PASSWORD_MAX bytes, are
 * refused (E_INVALID_ARG). */
#define BMIS_PASSWORD_MIN 12
#define BMIS_PASSWORD_MAX 1024

typedef struct bmis_account {
  char username[64];      /* 1-63 of a-z 0-9 . _ - ; starts with a letter */
  char display_name[128]; /* as shown to others ("Amina Diallo") */
  bmis_role role;
  bool disabled;
  char default_bcp[16]; /* the crossing point the account usually works at */
  char bcps[256];       /* where it may work: "AMA,UTP", or "*" for every
                           crossing point (administrators always) */
  int64_t created_at, updated_at; /* Unix seconds */
} bmis_account;

/* Adds an account with its password (hashed here). Errors: E_INVALID_ARG
 * (username, role, display name or password not acceptable: the message
 * says which), E_CONFLICT (the username is taken), E_STORE. */
BMIS_API bmis_status bmis_account_add(bmis_store *s, const bmis_account *a,
                                      const char *password, bmis_error *err);

/* Replaces the password. E_NOT_FOUND, E_INVALID_ARG (password), E_STORE. */
BMIS_API bmis_status bmis_account_set_password(bmis_store *s,
                                               const char *username,
                                               const char *password,
                                               bmis_error *err);

/* Disables (or enables again) an account. E_NOT_FOUND, E_STORE. */
BMIS_API bmis_status bmis_account_set_disabled(bmis_store *s,
                                               const char *username,
                                               bool disabled, bmis_error *err);

/* The account; E_NOT_FOUND when there is none. */
BMIS_API bmis_status bmis_account_get(bmis_store *s, const char *username,
                                      bmis_account *out, bmis_error *err);

/* Calls fn for every account, by username; a non-zero return stops. */
typedef int (*bmis_account_fn)(const bmis_account *a, void *ctx);
BMIS_API bmis_status bmis_account_list(bmis_store *s, bmis_account_fn fn,
                                       void *ctx, bmis_error *err);

/* Checks a username and password. E_AUTH for an unknown username, a wrong
 * password or a disabled account alike (the message does not say which:
 * that would tell an attacker which usernames exist); *out is filled on
 * success. The same work is done for an unknown username as for a known
 * one, so that the time taken does not tell either. */
BMIS_API bmis_status bmis_account_verify(bmis_store *s, const char *username,
                                         const char *password,
                                         bmis_account *out, bmis_error *err);

/* ---- sessions ---- */

/* A bearer token: 64 hexadecimal digits (256 random bits) and a NUL. */
#define BMIS_SESSION_TOKEN_SIZE 65

typedef struct bmis_session {
  char username[64];
  bmis_role role;
  char bcp[16];  /* the crossing point worked at (the account's default when
                    none was chosen) */
  char desk[16]; /* the desk, or "" */
  bool all_bcps; /* the account may work at every crossing point ('*') */
  int64_t created_at, expires_at; /* Unix seconds */
} bmis_session;

/* After this many failed logins for one username (known or not) within
 * BMIS_LOGIN_WINDOW_S seconds, its logins are refused (E_THROTTLED) until
 * the oldest failure leaves the window; a successful login clears them. */
#define BMIS_LOGIN_FAILURES_MAX 5
#define BMIS_LOGIN_WINDOW_S (15 * 60)

/* Logs in: checks the password as bmis_account_verify does and opens a
 * session of ttl_s seconds from now (0: the current time; tests give
 * another). The token goes to token (the caller gives it to the client and
 * keeps no copy: the store keeps only its SHA-256). Errors: E_AUTH,
 * E_THROTTLED (too many failures, above), E_INVALID_ARG (ttl_s not
 * positive, bcp or desk too long), E_STORE. */
BMIS_API bmis_status bmis_session_open(bmis_store *s, const char *username,
                                       const char *password, const char *bcp,
                                       const char *desk, int64_t ttl_s,
                                       int64_t now,
                                       char token[BMIS_SESSION_TOKEN_SIZE],
                                       bmis_session *out, bmis_error *err);

/* The session of a token at time now (0: the current time). E_AUTH when
 * the token is unknown, malformed, expired or revoked, or its account is
 * disabled (the message says which: the client holds the token already). */
BMIS_API bmis_status bmis_session_check(bmis_store *s, const char *token,
                                        int64_t now, bmis_session *out,
                                        bmis_error *err);

/* Ends a session (logout). E_AUTH when the token is unknown. */
BMIS_API bmis_status bmis_session_revoke(bmis_store *s, const char *token,
                                         bmis_error *err);

#endif

/* Accounts of the people who use the system, and their passwords.
 *
 * Four roles: an officer inspects at a desk; a supervisor also works the
 * secondary queue and corrects records; an analyst sees statistics and no
 * personal data; an administrator manages accounts. A password is stored
 * only as its Argon2id hash (libargon2; a fresh random salt each time).
 * Accounts are disabled, never deleted: the audit log names them. */
#ifndef BMIS_ACCOUNT_H
#define BMIS_ACCOUNT_H

#include "bmis/audit.h"
#include "bmis/status.h"
#include "bmis/store.h"

#include <stdbool.h>
#include <stdint.h>

/* X(NAME, "name"), append only; 0 (NONE) is no role. */
#define BMIS_ROLE_TABLE(X)                                                     \
  X(OFFICER, "officer")                                                        \
  X(SUPERVISOR, "supervisor")                                                  \
  X(ANALYST, "analyst")                                                        \
  X(ADMINISTRATOR, "administrator")

typedef enum bmis_role {
  BMIS_ROLE_NONE = 0,
#define X(n, c) BMIS_ROLE_##n,
  BMIS_ROLE_TABLE(X)
#undef X
} bmis_role;

/* "officer", ... ; NULL for BMIS_ROLE_NONE or an unknown value. */
BMIS_API const char *bmis_role_name(bmis_role role);
/* The role named (case-sensitive, as above); BMIS_ROLE_NONE when none. */
BMIS_API bmis_role bmis_role_from_name(const char *name);

/* Whether actor's role (actor->role, a role name) is one of `roles`, a set
 * of bits (1u << (role - 1)), for an access by method to what (a path, or
 * what the front end names): BMIS_OK, or E_FORBIDDEN "METHOD WHAT is not
 * open to the role ROLE", recorded in the audit log at `at` (Unix
 * seconds): action "access", record `what`, outcome "E_FORBIDDEN". A
 * refusal is recorded in an entry of its own and stays a refusal when the
 * entry cannot be written. */
BMIS_API bmis_status bmis_role_check(bmis_store *s, const bmis_actor *actor,
                                     int64_t at, unsigned roles,
                                     const char *method, const char *what,
                                     bmis_error *err);

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

/* Crossing points: bcps lists codes of configured crossing points
 * (bmis_bcp_get), separated by commas, each once, or is "*" alone (every
 * crossing point). An administrator's is always "*" ("" is taken as "*";
 * another list is refused). Another account's "" is taken as its
 * default_bcp; an officer or supervisor needs at least one crossing point,
 * an analyst may have none. default_bcp, when set, must be one of bcps (or
 * configured, with "*"); when not, an account of one crossing point gets
 * that one. */

/* Every function that changes an account takes the instant of the change,
 * now (Unix seconds): the library reads no clock. A now of 0 or less is
 * E_INVALID_ARG. */

/* Adds an account with its password (hashed here). Errors: E_INVALID_ARG
 * (username, role, display name, crossing points or password not
 * acceptable: the message says which), E_CONFLICT (the username is taken),
 * E_STORE. */
BMIS_API bmis_status bmis_account_add(bmis_store *s, const bmis_account *a,
                                      const char *password, int64_t now,
                                      bmis_error *err);

/* Replaces the password and ends every session of the account (a stolen
 * session dies with the old password). E_NOT_FOUND, E_INVALID_ARG
 * (password), E_STORE. */
BMIS_API bmis_status bmis_account_set_password(bmis_store *s,
                                               const char *username,
                                               const char *password,
                                               int64_t now, bmis_error *err);

/* Disables (or enables again) an account. Disabling ends every session of
 * the account for good: enabling it again revives none (its user logs in
 * again). The last enabled administrator is not disabled (E_RULE): nobody
 * would be left to manage the accounts. E_NOT_FOUND, E_STORE. */
BMIS_API bmis_status bmis_account_set_disabled(bmis_store *s,
                                               const char *username,
                                               bool disabled, int64_t now,
                                               bmis_error *err);

/* What bmis_account_update changes: a NULL member (BMIS_ROLE_NONE for
 * role) stays as it is. */
typedef struct bmis_account_change {
  bmis_role role;
  const char *bcps;         /* as for bmis_account_add */
  const char *default_bcp;  /* "" for none */
  const char *display_name; /* 1 to 127 bytes */
} bmis_account_change;

/* Changes an account's role, crossing points, default crossing point or
 * display name, checked as bmis_account_add checks them (a role changed to
 * administrator gets "*"; one changed from administrator without new bcps
 * gets its default crossing point). A change of role or of crossing points
 * ends every session of the account. *out (may be NULL) is the account
 * after. The last enabled administrator keeps its role (E_RULE): nobody
 * would be left to manage the accounts. E_NOT_FOUND, E_INVALID_ARG (the
 * message says which), E_STORE. */
BMIS_API bmis_status bmis_account_update(bmis_store *s, const char *username,
                                         const bmis_account_change *c,
                                         int64_t now, bmis_account *out,
                                         bmis_error *err);

/* Ends every session of the account. E_STORE. */
BMIS_API bmis_status bmis_account_end_sessions(bmis_store *s,
                                               const char *username,
                                               bmis_error *err);

/* Whether the account a may work at crossing point code (its bcps list
 * holds it, or is "*"). */
BMIS_API bool bmis_account_may_work_at(const bmis_account *a, const char *code);

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
  int64_t last_active_at; /* the last request seen (recorded at most every
                             BMIS_SESSION_TOUCH_S seconds) */
} bmis_session;

/* Failed logins are counted within BMIS_LOGIN_WINDOW_S seconds, by the
 * username tried (known or not) and the client address it came from:
 * - BMIS_LOGIN_FAILURES_MAX failures of one username from one client:
 *   that client's logins for that username are refused (E_THROTTLED); a
 *   correct password from a client that has not been failing goes through,
 *   so that a guesser cannot lock the owner out;
 * - BMIS_LOGIN_CLIENT_FAILURES_MAX failures from one client, whatever the
 *   usernames: every login from that client is refused;
 * - BMIS_LOGIN_NAME_FAILURES_MAX failures of one username from all clients
 *   (guessing spread over many addresses): logins for it are refused from
 *   every client that has failed within the window; a client that has not
 *   still goes through.
 * A refusal lasts until enough failures leave the window, or an
 * administrator clears it (bmis_lockout_clear). A successful login clears
 * the failures of its username from its client. */
#define BMIS_LOGIN_FAILURES_MAX 5
#define BMIS_LOGIN_CLIENT_FAILURES_MAX 20
#define BMIS_LOGIN_NAME_FAILURES_MAX 50
#define BMIS_LOGIN_WINDOW_S (15 * 60)

/* A session's last activity is written when it is at least this old (or
 * a quarter of the idle limit, when that is shorter): a request costs a
 * write at most once a minute per session. */
#define BMIS_SESSION_TOUCH_S 60

/* A login, as a front end received it. */
typedef struct bmis_login {
  const char *username, *password;
  const char *bcp;    /* NULL or "": the account's default crossing point */
  const char *desk;   /* NULL or "": none */
  const char *client; /* the client's address as the front end saw it
                         (NULL or "": unknown; all unknown clients count as
                         one) */
  int64_t ttl_s;      /* how long the session lasts; positive */
  int64_t now;        /* Unix seconds, required (E_INVALID_ARG when 0) */
} bmis_login;

/* Which lockouts a failed login began (bits of bmis_session_login's
 * *locked): the username from this client, the client, the username from
 * every failing client. Each is recorded in the audit log by
 * bmis_session_login ("login.locked", outcome E_THROTTLED). */
enum {
  BMIS_LOCKED_NAME_CLIENT = 1u << 0,
  BMIS_LOCKED_CLIENT = 1u << 1,
  BMIS_LOCKED_NAME = 1u << 2,
};

/* Logs in: refuses a bcp that is not a configured crossing point
 * (E_INVALID_ARG naming it, whatever the username: it says nothing of the
 * account, and costs no failed-login slot, as a typo of the code is not a
 * guess of the password); applies the throttling above (E_THROTTLED);
 * checks the password as bmis_account_verify does (E_AUTH; the failure is
 * counted); refuses a crossing point the account may not work at
 * (E_FORBIDDEN, said only to whoever gave the right password); then opens
 * a session of ttl_s seconds. The token goes to token (the caller gives it
 * to the client and keeps no copy: the store keeps only its SHA-256).
 * *locked (may be NULL) gets the BMIS_LOCKED_* bits this login began.
 * Other errors: E_INVALID_ARG (ttl_s not positive, bcp or desk too long),
 * E_STORE. Every login, whatever its outcome, leaves an audit entry
 * ("session.login", record "account:USERNAME", outcome "ok" or the status
 * name, under the name tried, at in->now, channel "api"), then one
 * "login.locked" entry per lockout it began; these are entries of their
 * own, written after the login's work, and a login is not undone when
 * they cannot be written. */
BMIS_API bmis_status bmis_session_login(bmis_store *s, const bmis_login *in,
                                        char token[BMIS_SESSION_TOKEN_SIZE],
                                        bmis_session *out, unsigned *locked,
                                        bmis_error *err);

/* bmis_session_login from an unknown client (above). */
BMIS_API bmis_status bmis_session_open(bmis_store *s, const char *username,
                                       const char *password, const char *bcp,
                                       const char *desk, int64_t ttl_s,
                                       int64_t now,
                                       char token[BMIS_SESSION_TOKEN_SIZE],
                                       bmis_session *out, bmis_error *err);

/* The session of a token at time now (Unix seconds, required: 0 is
 * E_INVALID_ARG; the library reads no clock). E_AUTH when
 * the token is unknown, malformed, expired or revoked, or its account is
 * disabled (the message says which: the client holds the token already). */
BMIS_API bmis_status bmis_session_check(bmis_store *s, const char *token,
                                        int64_t now, bmis_session *out,
                                        bmis_error *err);

/* bmis_session_check for a request made at now, by a session idle for at
 * most idle_s seconds (0: no idle limit): a session idle longer is ended,
 * E_AUTH "the session timed out: log in again". With a limit, its last
 * activity is recorded (see BMIS_SESSION_TOUCH_S); without, nothing is
 * written (as bmis_session_check). */
BMIS_API bmis_status bmis_session_use(bmis_store *s, const char *token,
                                      int64_t now, int64_t idle_s,
                                      bmis_session *out, bmis_error *err);

/* Ends a session (logout). E_AUTH when the token is unknown. */
BMIS_API bmis_status bmis_session_revoke(bmis_store *s, const char *token,
                                         bmis_error *err);

/* ---- lockouts ---- */

/* A refusal of logins in force (see BMIS_LOGIN_FAILURES_MAX): a username
 * from a client, a client whatever the username (username ""), or a
 * username from every failing client (client ""). */
typedef struct bmis_lockout {
  char username[64];
  char client[64];
  int64_t failures;        /* within the window */
  int64_t last_failure_at; /* Unix seconds; the refusal ends at the latest
                              BMIS_LOGIN_WINDOW_S after it */
} bmis_lockout;

/* Calls fn for every lockout in force at now (Unix seconds, required: 0 is
 * E_INVALID_ARG); a non-zero return stops. Audited for actor (required):
 * "login.lockouts", record "lockouts", in the read's transaction; what fn
 * got counts only when this returns BMIS_OK. E_STORE. */
typedef int (*bmis_lockout_fn)(const bmis_lockout *l, void *ctx);
BMIS_API bmis_status bmis_lockout_list(bmis_store *s, const bmis_actor *actor,
                                       int64_t now, bmis_lockout_fn fn,
                                       void *ctx, bmis_error *err);

/* Clears the failed logins behind a lockout: of username from client,
 * of username from everywhere (client NULL or ""), or of client whatever
 * the username (username NULL or ""). E_NOT_FOUND when there were none,
 * E_INVALID_ARG when both are missing, E_STORE. Audited for actor
 * (required) at `at` (Unix seconds) in the same transaction: "login.unlock",
 * record "account:USERNAME client:CLIENT" (either part alone when the
 * other is missing); nothing is recorded when nothing was cleared. */
BMIS_API bmis_status bmis_lockout_clear(bmis_store *s, const bmis_actor *actor,
                                        int64_t at, const char *username,
                                        const char *client, bmis_error *err);

#endif

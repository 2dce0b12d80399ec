/* Issue 12, the account side, on SQLite and on PostgreSQL: accounts bound
 * to the crossing points they may work at; logins that refuse unknown and
 * forbidden crossing points; sessions that end with a new password, a
 * disable (for good), a change of role or crossing points, and after an
 * idle time; failed logins counted by client as well as by name, so that
 * a guesser cannot lock the owner out and a client guessing many names is
 * stopped; lockouts listed and cleared. */
#include "store_fixture.h"

#include "bmis/account.h"
#include "bmis/register.h"

#include <sqlite3.h>

#include <time.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#define GOOD "correct horse battery staple"
#define T0 1800000000

/* the administrator who lists and clears lockouts */
static const bmis_actor ADMIN = {"root", "admin", "api", "", "", true};

static int setup(void **state) {
  bmis_store *s = NULL;
  bmis_error err;
  if (bmis_store_open(fx_fresh_url(), NULL, &s, &err) != BMIS_OK)
    fail_msg("open: %s", err.message);
  const char *codes[] = {"AMA", "UTP", "NBO"};
  for (size_t i = 0; i < 3; i++) {
    bmis_bcp b = {"", "A crossing point", BMIS_BCP_KIND_LAND, "Africa/Nairobi"};
    snprintf(b.code, sizeof b.code, "%s", codes[i]);
    if (bmis_bcp_put(s, &b, &err) != BMIS_OK)
      fail_msg("bcp: %s", err.message);
  }
  *state = s;
  return 0;
}

static int teardown(void **state) {
  bmis_store_close(*state);
  return 0;
}

static bmis_account account_of(const char *user, bmis_role role,
                               const char *bcps, const char *def) {
  bmis_account a;
  memset(&a, 0, sizeof a);
  snprintf(a.username, sizeof a.username, "%s", user);
  snprintf(a.display_name, sizeof a.display_name, "Name of %s", user);
  snprintf(a.bcps, sizeof a.bcps, "%s", bcps);
  snprintf(a.default_bcp, sizeof a.default_bcp, "%s", def);
  a.role = role;
  return a;
}

static bmis_status add(bmis_store *s, const char *user, bmis_role role,
                       const char *bcps, const char *def, bmis_error *err) {
  bmis_account a = account_of(user, role, bcps, def);
  return bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), err);
}

/* A login of user with password from client at t, at bcp. */
static bmis_status login(bmis_store *s, const char *user, const char *password,
                         const char *bcp, const char *client, int64_t t,
                         char tok[BMIS_SESSION_TOKEN_SIZE], bmis_session *ses,
                         unsigned *locked, bmis_error *err) {
  bmis_login in = {user, password, bcp, "D1", client, 12 * 3600, t};
  return bmis_session_login(s, &in, tok, ses, locked, err);
}

static void crossing_points_are_checked(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  struct {
    bmis_role role;
    const char *bcps, *def, *says; /* says NULL: accepted */
  } cases[] = {
      {BMIS_ROLE_OFFICER, "AMA,NOPE", "AMA",
       "'NOPE' is not a configured crossing point"},
      {BMIS_ROLE_OFFICER, "AMA,AMA", "", "'AMA' is given twice"},
      {BMIS_ROLE_OFFICER, "AMA,", "", "ends with a comma"},
      {BMIS_ROLE_OFFICER, ",AMA", "", "none empty"},
      {BMIS_ROLE_OFFICER, "AMA,*", "", "'*' alone"},
      {BMIS_ROLE_OFFICER, "ama", "", "'ama' is not a configured"},
      {BMIS_ROLE_OFFICER, "'; DROP TABLE account; --", "", "not a configured"},
      {BMIS_ROLE_OFFICER, "AMA", "UTP", "default_bcp 'UTP' is not among"},
      {BMIS_ROLE_OFFICER, "", "NOPE", "'NOPE' is not a configured"},
      {BMIS_ROLE_OFFICER, "", "", "one crossing point at least"},
      {BMIS_ROLE_SUPERVISOR, "", "", "one crossing point at least"},
      {BMIS_ROLE_ADMINISTRATOR, "AMA", "", "an administrator works at every"},
      {BMIS_ROLE_OFFICER, "AMA,UTP", "UTP", NULL},
      {BMIS_ROLE_OFFICER, "*", "NBO", NULL},
      {BMIS_ROLE_ANALYST, "", "", NULL},
      {BMIS_ROLE_ADMINISTRATOR, "", "", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char user[16];
    snprintf(user, sizeof user, "user%zu", i);
    bmis_status st =
        add(s, user, cases[i].role, cases[i].bcps, cases[i].def, &err);
    if (!cases[i].says) {
      if (st != BMIS_OK)
        fail_msg("case %zu refused: %s", i, err.message);
      continue;
    }
    if (st != BMIS_E_INVALID_ARG || !strstr(err.message, cases[i].says))
      fail_msg("case %zu: %s, '%s' does not say '%s'", i, bmis_status_name(st),
               err.message, cases[i].says);
  }
  bmis_account got;
  /* the default alone makes the list; an administrator's is every one */
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "", "AMA", &err),
                   BMIS_OK);
  assert_int_equal(bmis_account_get(s, "amina", &got, &err), BMIS_OK);
  assert_string_equal(got.bcps, "AMA");
  assert_true(bmis_account_may_work_at(&got, "AMA"));
  assert_false(bmis_account_may_work_at(&got, "UTP"));
  assert_false(bmis_account_may_work_at(&got, "AM"));
  assert_int_equal(bmis_account_get(s, "user15", &got, &err), BMIS_OK);
  assert_string_equal(got.bcps, "*");
  assert_true(bmis_account_may_work_at(&got, "UTP"));
  /* changes are checked alike */
  bmis_account_change c = {BMIS_ROLE_NONE, "AMA,NOPE", NULL, NULL};
  assert_int_equal(
      bmis_account_update(s, "amina", &c, (int64_t)time(NULL), &got, &err),
      BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "'NOPE'"));
  c.bcps = "UTP";
  assert_int_equal(
      bmis_account_update(s, "amina", &c, (int64_t)time(NULL), &got, &err),
      BMIS_E_INVALID_ARG); /* the default AMA is not among them */
  c.default_bcp = "UTP";
  assert_int_equal(
      bmis_account_update(s, "amina", &c, (int64_t)time(NULL), &got, &err),
      BMIS_OK);
  assert_string_equal(got.bcps, "UTP");
  assert_string_equal(got.default_bcp, "UTP");
  bmis_account_change promote = {BMIS_ROLE_ADMINISTRATOR, NULL, NULL, NULL};
  assert_int_equal(bmis_account_update(s, "amina", &promote,
                                       (int64_t)time(NULL), &got, &err),
                   BMIS_OK);
  assert_string_equal(got.bcps, "*");
  bmis_account_change demote = {BMIS_ROLE_OFFICER, NULL, NULL, "Amina D."};
  assert_int_equal(
      bmis_account_update(s, "amina", &demote, (int64_t)time(NULL), &got, &err),
      BMIS_OK);
  assert_string_equal(got.bcps, "UTP"); /* back to its default */
  assert_string_equal(got.display_name, "Amina D.");
  assert_int_equal(bmis_account_update(s, "nobody", &demote,
                                       (int64_t)time(NULL), &got, &err),
                   BMIS_E_NOT_FOUND);
}

static void logins_are_bound_to_crossing_points(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses, got;
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "AMA", "AMA", &err),
                   BMIS_OK);
  assert_int_equal(add(s, "root", BMIS_ROLE_ADMINISTRATOR, "*", "", &err),
                   BMIS_OK);
  /* a code that is no crossing point: refused for anyone, naming it, and
   * no failed login is counted (a typo is not a guess) */
  for (int i = 0; i < BMIS_LOGIN_FAILURES_MAX + 2; i++) {
    assert_int_equal(login(s, "amina", GOOD, "NOPE", "10.0.0.1", T0 + i, tok,
                           &ses, NULL, &err),
                     BMIS_E_INVALID_ARG);
    assert_non_null(strstr(err.message, "'NOPE' is not a configured"));
  }
  assert_int_equal(login(s, "nobody", "whatever it is", "NOPE", "10.0.0.1", T0,
                         tok, &ses, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "'NOPE' is not a configured"));
  assert_int_equal(login(s, "amina", GOOD, "<script>", "10.0.0.1", T0, tok,
                         &ses, NULL, &err),
                   BMIS_E_INVALID_ARG);
  /* a crossing point the account may not work at: said only to whoever
   * gave the right password */
  assert_int_equal(login(s, "amina", "not her password", "UTP", "10.0.0.1",
                         T0 + 10, tok, &ses, NULL, &err),
                   BMIS_E_AUTH);
  assert_int_equal(login(s, "amina", GOOD, "UTP", "10.0.0.1", T0 + 11, tok,
                         &ses, NULL, &err),
                   BMIS_E_FORBIDDEN);
  assert_non_null(strstr(err.message, "may not work at 'UTP' (only at AMA)"));
  /* without one, the default; the session knows the account's scope */
  assert_int_equal(
      login(s, "amina", GOOD, NULL, "10.0.0.1", T0 + 12, tok, &ses, NULL, &err),
      BMIS_OK);
  assert_string_equal(ses.bcp, "AMA");
  assert_false(ses.all_bcps);
  assert_int_equal(bmis_session_check(s, tok, T0 + 13, &got, &err), BMIS_OK);
  assert_false(got.all_bcps);
  assert_int_equal(
      login(s, "root", GOOD, "UTP", "10.0.0.1", T0 + 14, tok, &ses, NULL, &err),
      BMIS_OK);
  assert_string_equal(ses.bcp, "UTP");
  assert_true(ses.all_bcps);
  assert_int_equal(bmis_session_check(s, tok, T0 + 15, &got, &err), BMIS_OK);
  assert_true(got.all_bcps);
  /* an account left without crossing points by an old store: refused
   * with the reason, not logged in at none */
  assert_int_equal(add(s, "ana", BMIS_ROLE_ANALYST, "", "", &err), BMIS_OK);
  assert_int_equal(
      login(s, "ana", GOOD, NULL, "10.0.0.1", T0 + 16, tok, &ses, NULL, &err),
      BMIS_OK); /* an analyst works at no crossing point */
  assert_string_equal(ses.bcp, "");
}

static void sessions_end_when_they_should(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  char t1[BMIS_SESSION_TOKEN_SIZE], t2[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses, got;
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "AMA,UTP", "AMA", &err),
                   BMIS_OK);
  assert_int_equal(add(s, "sam", BMIS_ROLE_OFFICER, "AMA", "AMA", &err),
                   BMIS_OK);
  int64_t now = (int64_t)time(NULL); /* the tests read the clock */
  /* a new password */
  assert_int_equal(
      login(s, "amina", GOOD, NULL, "c", now, t1, &ses, NULL, &err), BMIS_OK);
  assert_int_equal(login(s, "sam", GOOD, NULL, "c", now, t2, &ses, NULL, &err),
                   BMIS_OK);
  assert_int_equal(bmis_account_set_password(s, "amina", "a new passphrase!",
                                             (int64_t)time(NULL), &err),
                   BMIS_OK);
  assert_int_equal(bmis_session_check(s, t1, now, &got, &err), BMIS_E_AUTH);
  assert_int_equal(bmis_session_check(s, t2, now, &got, &err), BMIS_OK);
  /* disabled, then enabled: the old session stays ended */
  assert_int_equal(login(s, "amina", "a new passphrase!", NULL, "c", now, t1,
                         &ses, NULL, &err),
                   BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "amina", true, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "amina", false, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(bmis_session_check(s, t1, now, &got, &err), BMIS_E_AUTH);
  assert_non_null(strstr(err.message, "ended"));
  /* a change of role, or of crossing points; a new name ends nothing */
  bmis_account_change changes[] = {
      {BMIS_ROLE_NONE, NULL, NULL, "Amina Diallo"},
      {BMIS_ROLE_SUPERVISOR, NULL, NULL, NULL},
      {BMIS_ROLE_NONE, "AMA,UTP", NULL, NULL},
      {BMIS_ROLE_NONE, NULL, "UTP", NULL}, /* the default: the same rights */
  };
  bool ends[] = {false, true, true, false};
  for (size_t i = 0; i < 4; i++) {
    assert_int_equal(login(s, "amina", "a new passphrase!", NULL, "c", now, t1,
                           &ses, NULL, &err),
                     BMIS_OK);
    assert_int_equal(bmis_account_update(s, "amina", &changes[i],
                                         (int64_t)time(NULL), NULL, &err),
                     BMIS_OK);
    bmis_status st = bmis_session_check(s, t1, now, &got, &err);
    if (st != (ends[i] ? BMIS_E_AUTH : BMIS_OK))
      fail_msg("change %zu: %s", i, bmis_status_name(st));
  }
  assert_int_equal(bmis_session_check(s, t2, now, &got, &err), BMIS_OK);
  assert_int_equal(bmis_account_end_sessions(s, "sam", &err), BMIS_OK);
  assert_int_equal(bmis_session_check(s, t2, now, &got, &err), BMIS_E_AUTH);
}

static void idle_sessions_time_out(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses, got;
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "AMA", "AMA", &err),
                   BMIS_OK);
  const int64_t idle = 15 * 60;
  assert_int_equal(
      login(s, "amina", GOOD, NULL, "c", T0, tok, &ses, NULL, &err), BMIS_OK);
  assert_int_equal(ses.last_active_at, T0);
  /* activity is written at most once a minute */
  assert_int_equal(bmis_session_use(s, tok, T0 + 30, idle, &got, &err),
                   BMIS_OK);
  assert_int_equal(got.last_active_at, T0);
  assert_int_equal(bmis_session_use(s, tok, T0 + 60, idle, &got, &err),
                   BMIS_OK);
  assert_int_equal(got.last_active_at, T0 + 60);
  /* a session in use lives on past the idle limit from its start */
  assert_int_equal(bmis_session_use(s, tok, T0 + 60 + idle, idle, &got, &err),
                   BMIS_OK);
  assert_int_equal(got.last_active_at, T0 + 60 + idle);
  /* idle longer than the limit: ended, whatever is asked later */
  assert_int_equal(
      bmis_session_use(s, tok, T0 + 61 + 2 * idle, idle, &got, &err),
      BMIS_E_AUTH);
  assert_string_equal(err.message, "the session timed out: log in again");
  assert_int_equal(bmis_session_check(s, tok, T0 + 62 + 2 * idle, &got, &err),
                   BMIS_E_AUTH);
  /* a short limit is checked to the second */
  assert_int_equal(
      login(s, "amina", GOOD, NULL, "c", T0, tok, &ses, NULL, &err), BMIS_OK);
  assert_int_equal(bmis_session_use(s, tok, T0 + 2, 4, &got, &err), BMIS_OK);
  assert_int_equal(got.last_active_at, T0 + 2);
  assert_int_equal(bmis_session_use(s, tok, T0 + 6, 4, &got, &err), BMIS_OK);
  assert_int_equal(bmis_session_use(s, tok, T0 + 11, 4, &got, &err),
                   BMIS_E_AUTH);
}

static bmis_lockout seen[8];
static int collect(const bmis_lockout *x, void *ctx) {
  size_t *n = ctx;
  if (*n < 8)
    seen[*n] = *x;
  (*n)++;
  return 0;
}

/* The auditor's attack: five wrong logins from one client lock the name
 * for that client only; the owner's right password from another goes
 * through. */
static void a_guesser_cannot_lock_the_owner_out(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  unsigned locked;
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "AMA", "AMA", &err),
                   BMIS_OK);
  for (int i = 0; i < BMIS_LOGIN_FAILURES_MAX; i++) {
    assert_int_equal(login(s, "amina", "a wrong guess", NULL, "198.51.100.7",
                           T0 + i, tok, &ses, &locked, &err),
                     BMIS_E_AUTH);
    assert_int_equal(locked, i == BMIS_LOGIN_FAILURES_MAX - 1
                                 ? BMIS_LOCKED_NAME_CLIENT
                                 : 0u);
  }
  assert_int_equal(login(s, "amina", GOOD, NULL, "198.51.100.7", T0 + 10, tok,
                         &ses, NULL, &err),
                   BMIS_E_THROTTLED);
  assert_non_null(strstr(err.message, "'amina' from 198.51.100.7"));
  assert_int_equal(login(s, "amina", GOOD, NULL, "203.0.113.5", T0 + 11, tok,
                         &ses, NULL, &err),
                   BMIS_OK);
  /* the lockout is listed, and an administrator can clear it */
  size_t n = 0;
  assert_int_equal(bmis_lockout_list(s, &ADMIN, T0 + 12, collect, &n, &err),
                   BMIS_OK);
  assert_int_equal(n, 1);
  assert_string_equal(seen[0].username, "amina");
  assert_string_equal(seen[0].client, "198.51.100.7");
  assert_int_equal(seen[0].failures, BMIS_LOGIN_FAILURES_MAX);
  assert_int_equal(seen[0].last_failure_at, T0 + BMIS_LOGIN_FAILURES_MAX - 1);
  assert_int_equal(
      bmis_lockout_clear(s, &ADMIN, T0 + 100, "amina", "198.51.100.7", &err),
      BMIS_OK);
  assert_int_equal(
      bmis_lockout_clear(s, &ADMIN, T0 + 100, "amina", "198.51.100.7", &err),
      BMIS_E_NOT_FOUND);
  assert_int_equal(bmis_lockout_clear(s, &ADMIN, T0 + 100, "", NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_int_equal(login(s, "amina", GOOD, NULL, "198.51.100.7", T0 + 13, tok,
                         &ses, NULL, &err),
                   BMIS_OK);
  /* and the window ends it by itself */
  for (int i = 0; i < BMIS_LOGIN_FAILURES_MAX; i++)
    assert_int_equal(login(s, "amina", "a wrong guess", NULL, "198.51.100.7",
                           T0 + 100 + i, tok, &ses, NULL, &err),
                     BMIS_E_AUTH);
  assert_int_equal(login(s, "amina", GOOD, NULL, "198.51.100.7",
                         T0 + 105 + BMIS_LOGIN_WINDOW_S, tok, &ses, NULL, &err),
                   BMIS_OK);
}

/* 80 guesses spread over 20 names from one client: stopped long before
 * the end, for every name, while other clients go on. */
static void a_client_guessing_many_names_is_stopped(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  unsigned locked = 0, locked_at = 0;
  int refused_from = -1;
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "AMA", "AMA", &err),
                   BMIS_OK);
  for (int i = 0; i < 80; i++) {
    char user[16];
    snprintf(user, sizeof user, "user%02d", i % 20);
    bmis_status st = login(s, user, "a wrong guess", NULL, "192.0.2.66", T0 + i,
                           tok, &ses, &locked, &err);
    if (locked & BMIS_LOCKED_CLIENT)
      locked_at = (unsigned)i + 1;
    if (st == BMIS_E_THROTTLED && refused_from < 0)
      refused_from = i;
    assert_true(st == BMIS_E_AUTH || st == BMIS_E_THROTTLED);
  }
  assert_int_equal(locked_at, BMIS_LOGIN_CLIENT_FAILURES_MAX);
  assert_int_equal(refused_from, BMIS_LOGIN_CLIENT_FAILURES_MAX);
  assert_non_null(strstr(err.message, "from 192.0.2.66"));
  /* even a right password waits from there */
  assert_int_equal(login(s, "amina", GOOD, NULL, "192.0.2.66", T0 + 90, tok,
                         &ses, NULL, &err),
                   BMIS_E_THROTTLED);
  assert_int_equal(login(s, "amina", GOOD, NULL, "192.0.2.67", T0 + 91, tok,
                         &ses, NULL, &err),
                   BMIS_OK);
  size_t n = 0;
  assert_int_equal(bmis_lockout_list(s, &ADMIN, T0 + 92, collect, &n, &err),
                   BMIS_OK);
  assert_int_equal(n, 1);
  assert_string_equal(seen[0].username, "");
  assert_string_equal(seen[0].client, "192.0.2.66");
  assert_int_equal(seen[0].failures, BMIS_LOGIN_CLIENT_FAILURES_MAX);
  assert_int_equal(
      bmis_lockout_clear(s, &ADMIN, T0 + 100, NULL, "192.0.2.66", &err),
      BMIS_OK);
  assert_int_equal(login(s, "amina", GOOD, NULL, "192.0.2.66", T0 + 93, tok,
                         &ses, NULL, &err),
                   BMIS_OK);
}

/* One name guessed from many clients: past BMIS_LOGIN_NAME_FAILURES_MAX,
 * every client that has failed is stopped for it; the owner, who has not
 * been failing, still goes through. */
static void a_name_guessed_from_everywhere(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  char tok[BMIS_SESSION_TOKEN_SIZE], client[32];
  bmis_session ses;
  unsigned locked = 0, any = 0;
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "AMA", "AMA", &err),
                   BMIS_OK);
  for (int i = 0; i < BMIS_LOGIN_NAME_FAILURES_MAX; i++) {
    snprintf(client, sizeof client, "10.1.0.%d", i);
    assert_int_equal(login(s, "amina", "a wrong guess", NULL, client, T0 + i,
                           tok, &ses, &locked, &err),
                     BMIS_E_AUTH);
    any |= locked;
  }
  assert_int_equal(any, BMIS_LOCKED_NAME);
  assert_int_equal(
      login(s, "amina", GOOD, NULL, "10.1.0.3", T0 + 60, tok, &ses, NULL, &err),
      BMIS_E_THROTTLED);
  assert_int_equal(
      login(s, "amina", GOOD, NULL, "10.9.9.9", T0 + 61, tok, &ses, NULL, &err),
      BMIS_OK);
  size_t n = 0;
  assert_int_equal(bmis_lockout_list(s, &ADMIN, T0 + 62, collect, &n, &err),
                   BMIS_OK);
  assert_int_equal(n, 1);
  assert_string_equal(seen[0].username, "amina");
  assert_string_equal(seen[0].client, "");
  assert_int_equal(bmis_lockout_clear(s, &ADMIN, T0 + 100, "amina", NULL, &err),
                   BMIS_OK);
  assert_int_equal(
      login(s, "amina", GOOD, NULL, "10.1.0.3", T0 + 63, tok, &ses, NULL, &err),
      BMIS_OK);
}

/* A store made before migration 9: its accounts work where they worked
 * (their default crossing point; administrators everywhere), and a
 * disabled account's sessions stay ended once it is enabled. SQLite: the
 * columns are taken away behind the library's back. */
static void older_stores_are_migrated(void **state) {
  if (fx_is_pg())
    skip();
  bmis_store *s = *state;
  bmis_error err;
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "AMA,UTP", "AMA", &err),
                   BMIS_OK);
  assert_int_equal(add(s, "root", BMIS_ROLE_ADMINISTRATOR, "", "", &err),
                   BMIS_OK);
  assert_int_equal(add(s, "sam", BMIS_ROLE_OFFICER, "NBO", "NBO", &err),
                   BMIS_OK);
  assert_int_equal(login(s, "sam", GOOD, NULL, "c", (int64_t)time(NULL), tok,
                         &ses, NULL, &err),
                   BMIS_OK);
  bmis_store_close(s);
  *state = NULL;
  sqlite3 *db;
  assert_int_equal(sqlite3_open(fx_path, &db), SQLITE_OK);
  const char *back =
      "DROP INDEX login_failure_by_client; DROP INDEX session_by_username;"
      "ALTER TABLE account DROP COLUMN bcps;"
      "ALTER TABLE session DROP COLUMN last_seen;"
      "ALTER TABLE login_failure DROP COLUMN client;"
      /* and what later migrations added */
      "DROP INDEX hit_disposition_bcp;"
      "ALTER TABLE hit_disposition DROP COLUMN bcp;"
      "UPDATE account SET disabled = 1 WHERE username = 'sam';"
      "UPDATE session SET revoked = 0;"
      "DELETE FROM schema_migration WHERE version >= 9;";
  char *msg = NULL;
  if (sqlite3_exec(db, back, NULL, NULL, &msg) != SQLITE_OK)
    fail_msg("%s", msg);
  sqlite3_close(db);
  assert_int_equal(bmis_store_open(fx_path, NULL, &s, &err), BMIS_OK);
  *state = s;
  bmis_account got;
  assert_int_equal(bmis_account_get(s, "amina", &got, &err), BMIS_OK);
  assert_string_equal(got.bcps, "AMA");
  assert_int_equal(bmis_account_get(s, "root", &got, &err), BMIS_OK);
  assert_string_equal(got.bcps, "*");
  assert_int_equal(
      bmis_account_set_disabled(s, "sam", false, (int64_t)time(NULL), &err),
      BMIS_OK);
  bmis_session got_ses;
  assert_int_equal(
      bmis_session_check(s, tok, (int64_t)time(NULL), &got_ses, &err),
      BMIS_E_AUTH);
}

/* The library reads no clock: the instant of a login, a session check or
 * a list of lockouts is the caller's, and without one the call is refused
 * naming it, with nothing written. */
static void the_time_is_the_callers(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  assert_int_equal(add(s, "amina", BMIS_ROLE_OFFICER, "AMA", "AMA", &err),
                   BMIS_OK);
  assert_int_equal(login(s, "amina", GOOD, NULL, "c", 0, tok, &ses, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "now: the time of the login is required");
  assert_int_equal(
      login(s, "amina", GOOD, NULL, "c", T0, tok, &ses, NULL, &err), BMIS_OK);
  assert_int_equal(bmis_session_check(s, tok, 0, &ses, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "now: the time of the request is required");
  assert_int_equal(bmis_session_use(s, tok, 0, 60, &ses, &err),
                   BMIS_E_INVALID_ARG);
  assert_int_equal(bmis_session_check(s, tok, T0 + 1, &ses, &err), BMIS_OK);
  /* an account's changes carry their time too */
  bmis_account a, got;
  memset(&a, 0, sizeof a);
  snprintf(a.username, sizeof a.username, "sam");
  snprintf(a.display_name, sizeof a.display_name, "Sam");
  a.role = BMIS_ROLE_ANALYST;
  assert_int_equal(bmis_account_add(s, &a, GOOD, 0, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "now: the time of the change is required");
  assert_int_equal(bmis_account_get(s, "sam", &got, &err), BMIS_E_NOT_FOUND);
  assert_int_equal(
      bmis_account_set_password(s, "amina", "another passphrase", 0, &err),
      BMIS_E_INVALID_ARG);
  assert_int_equal(bmis_account_set_disabled(s, "amina", true, 0, &err),
                   BMIS_E_INVALID_ARG);
  bmis_account_change c = {BMIS_ROLE_NONE, NULL, NULL, "Amina D."};
  assert_int_equal(bmis_account_update(s, "amina", &c, 0, &got, &err),
                   BMIS_E_INVALID_ARG);
  /* nothing was changed: the session lives on */
  assert_int_equal(bmis_session_check(s, tok, T0 + 2, &ses, &err), BMIS_OK);
  assert_int_equal(bmis_account_add(s, &a, GOOD, T0 + 3, &err), BMIS_OK);
  assert_int_equal(bmis_account_get(s, "sam", &got, &err), BMIS_OK);
  assert_int_equal(got.created_at, T0 + 3);
  size_t n = 0;
  assert_int_equal(bmis_lockout_list(s, &ADMIN, 0, collect, &n, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "now: "));
  assert_int_equal(n, 0);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
#define T_(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T_(crossing_points_are_checked),
      T_(logins_are_bound_to_crossing_points),
      T_(sessions_end_when_they_should),
      T_(idle_sessions_time_out),
      T_(a_guesser_cannot_lock_the_owner_out),
      T_(a_client_guessing_many_names_is_stopped),
      T_(a_name_guessed_from_everywhere),
      T_(older_stores_are_migrated),
      T_(the_time_is_the_callers),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  fx_cleanup();
  return rc;
}

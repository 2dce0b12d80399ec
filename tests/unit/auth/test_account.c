/* Accounts and passwords (bmis/account.h), on SQLite and on PostgreSQL:
 * validation, uniqueness, Argon2id hashes with their own salts, checks
 * that refuse alike whatever was wrong, disabling, new passwords. */
#include "store_fixture.h"

#include "bmis/account.h"
#include "bmis/register.h"

#include <sqlite3.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#define GOOD "correct horse battery staple"

static int setup(void **state) {
  bmis_store *s = NULL;
  bmis_error err;
  if (bmis_store_open(fx_fresh_url(), NULL, &s, &err) != BMIS_OK)
    fail_msg("open: %s", err.message);
  /* the crossing points accounts may be bound to */
  const char *codes[] = {"NBO", "MBA"};
  for (size_t i = 0; i < 2; i++) {
    bmis_bcp b = {"", "A crossing point", BMIS_BCP_KIND_AIR, "Africa/Nairobi"};
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

static bmis_account account_of(const char *user, bmis_role role) {
  bmis_account a;
  memset(&a, 0, sizeof a);
  snprintf(a.username, sizeof a.username, "%s", user);
  snprintf(a.display_name, sizeof a.display_name, "Name of %s", user);
  snprintf(a.default_bcp, sizeof a.default_bcp, "NBO");
  snprintf(a.bcps, sizeof a.bcps, "%s",
           role == BMIS_ROLE_ADMINISTRATOR ? "*" : "NBO,MBA");
  a.role = role;
  return a;
}

/* The stored hash, read behind the library's back. */
static void stored_hash(const char *user, char *out, size_t cap) {
  char sql[256];
  snprintf(sql, sizeof sql,
           "SELECT password_hash FROM account WHERE username = '%s'", user);
  out[0] = 0;
  if (fx_is_pg()) {
    PGconn *c = PQconnectdb(fx_pg_url);
    PGresult *r = PQexec(c, sql);
    if (PQntuples(r) == 1)
      snprintf(out, cap, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    PQfinish(c);
    return;
  }
  sqlite3 *db;
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_open(fx_path, &db), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW)
    snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
}

static void accounts_are_added_and_read_back(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  bmis_account a = account_of("amina.diallo", BMIS_ROLE_OFFICER);
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  bmis_account b = account_of("zed", BMIS_ROLE_ADMINISTRATOR);
  assert_int_equal(bmis_account_add(s, &b, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  bmis_account got;
  assert_int_equal(bmis_account_get(s, "amina.diallo", &got, &err), BMIS_OK);
  assert_string_equal(got.display_name, "Name of amina.diallo");
  assert_int_equal(got.role, BMIS_ROLE_OFFICER);
  assert_false(got.disabled);
  assert_string_equal(got.default_bcp, "NBO");
  assert_true(got.created_at > 1700000000);
  assert_int_equal(bmis_account_get(s, "nobody", &got, &err), BMIS_E_NOT_FOUND);
  /* the username is taken */
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_E_CONFLICT);
  assert_non_null(strstr(err.message, "'amina.diallo' is taken"));
}

static int count(const bmis_account *a, void *ctx) {
  (void)a;
  (*(int *)ctx)++;
  return 0;
}

static void bad_accounts_are_refused_with_the_reason(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  const char *bad_names[] = {"", "Amina", "9lives", "a b", "amina@x"};
  for (size_t i = 0; i < sizeof bad_names / sizeof *bad_names; i++) {
    bmis_account a = account_of(bad_names[i], BMIS_ROLE_OFFICER);
    assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                     BMIS_E_INVALID_ARG);
    assert_non_null(strstr(err.message, "username"));
  }
  bmis_account a = account_of("amina", BMIS_ROLE_NONE);
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "role"));
  a = account_of("amina", BMIS_ROLE_OFFICER);
  assert_int_equal(bmis_account_add(s, &a, "short", (int64_t)time(NULL), &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "at least 12 characters"));
  a.display_name[0] = 0;
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "display name"));
  /* Issue 12, defect 4: refused, never cut or stored unreadable. */
  snprintf(a.display_name, sizeof a.display_name, "Amina \xc3");
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "display name: not valid UTF-8 at byte 7");
  snprintf(a.display_name, sizeof a.display_name, "Amina\nDiallo");
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "display name: control character"));
  memset(a.display_name, 'x', sizeof a.display_name);
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "display name: longer than 127 bytes");
  int n = 0;
  assert_int_equal(bmis_account_list(s, count, &n, &err), BMIS_OK);
  assert_int_equal(n, 0); /* nothing half-added */
}

static void passwords_are_kept_as_salted_argon2id(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  bmis_account a = account_of("one", BMIS_ROLE_OFFICER),
               b = account_of("two", BMIS_ROLE_SUPERVISOR);
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  assert_int_equal(bmis_account_add(s, &b, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  char h1[256], h2[256];
  stored_hash("one", h1, sizeof h1);
  stored_hash("two", h2, sizeof h2);
  assert_true(strncmp(h1, "$argon2id$v=19$m=19456,t=2,p=1$", 31) == 0);
  assert_null(strstr(h1, "horse"));
  assert_string_not_equal(h1, h2); /* same password, own salts */
}

static void checks_refuse_alike_whatever_was_wrong(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  bmis_account a = account_of("amina", BMIS_ROLE_OFFICER), got;
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  assert_int_equal(bmis_account_verify(s, "amina", GOOD, &got, &err), BMIS_OK);
  assert_string_equal(got.username, "amina");
  assert_int_equal(got.role, BMIS_ROLE_OFFICER);
  char wrong[256], unknown[256];
  assert_int_equal(bmis_account_verify(s, "amina", GOOD "!", &got, &err),
                   BMIS_E_AUTH);
  snprintf(wrong, sizeof wrong, "%s", err.message);
  assert_int_equal(bmis_account_verify(s, "nobody", GOOD, &got, &err),
                   BMIS_E_AUTH);
  snprintf(unknown, sizeof unknown, "%s", err.message);
  assert_string_equal(wrong, unknown);
  assert_int_equal(bmis_account_verify(s, "Not A Name", GOOD, &got, &err),
                   BMIS_E_AUTH);
  assert_int_equal(bmis_account_verify(s, "amina", "", &got, &err),
                   BMIS_E_AUTH);
  /* disabled: refused the same way; enabled again: accepted */
  assert_int_equal(
      bmis_account_set_disabled(s, "amina", true, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(bmis_account_verify(s, "amina", GOOD, &got, &err),
                   BMIS_E_AUTH);
  assert_string_equal(err.message, wrong);
  assert_int_equal(bmis_account_get(s, "amina", &got, &err), BMIS_OK);
  assert_true(got.disabled);
  assert_int_equal(
      bmis_account_set_disabled(s, "amina", false, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(bmis_account_verify(s, "amina", GOOD, &got, &err), BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "nobody", true, (int64_t)time(NULL), &err),
      BMIS_E_NOT_FOUND);
}

static void a_new_password_replaces_the_old(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  bmis_account a = account_of("amina", BMIS_ROLE_OFFICER), got;
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  assert_int_equal(bmis_account_set_password(s, "amina", "a whole new phrase",
                                             (int64_t)time(NULL), &err),
                   BMIS_OK);
  assert_int_equal(bmis_account_verify(s, "amina", GOOD, &got, &err),
                   BMIS_E_AUTH);
  assert_int_equal(
      bmis_account_verify(s, "amina", "a whole new phrase", &got, &err),
      BMIS_OK);
  assert_int_equal(
      bmis_account_set_password(s, "amina", "short", (int64_t)time(NULL), &err),
      BMIS_E_INVALID_ARG);
  assert_int_equal(
      bmis_account_set_password(s, "nobody", GOOD, (int64_t)time(NULL), &err),
      BMIS_E_NOT_FOUND);
  assert_string_equal(bmis_role_name(BMIS_ROLE_ANALYST), "analyst");
  assert_int_equal(bmis_role_from_name("administrator"),
                   BMIS_ROLE_ADMINISTRATOR);
  assert_int_equal(bmis_role_from_name("Officer"), BMIS_ROLE_NONE);
  assert_null(bmis_role_name((bmis_role)9));
}

static void sessions_open_check_expire_and_end(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  bmis_account a = account_of("amina", BMIS_ROLE_OFFICER);
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  char tok[BMIS_SESSION_TOKEN_SIZE], tok2[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  assert_int_equal(bmis_session_open(s, "amina", "wrong password!", "", "",
                                     3600, (int64_t)time(NULL), tok, &ses,
                                     &err),
                   BMIS_E_AUTH);
  assert_int_equal(bmis_session_open(s, "amina", GOOD, "", "D3", 3600,
                                     (int64_t)time(NULL), tok, &ses, &err),
                   BMIS_OK);
  assert_int_equal(strlen(tok), 64);
  assert_string_equal(ses.bcp, "NBO"); /* the account's default */
  assert_string_equal(ses.desk, "D3");
  assert_int_equal(ses.expires_at - ses.created_at, 3600);
  assert_int_equal(bmis_session_open(s, "amina", GOOD, "MBA", "", 3600,
                                     (int64_t)time(NULL), tok2, &ses, &err),
                   BMIS_OK);
  assert_string_equal(ses.bcp, "MBA");
  assert_string_not_equal(tok, tok2);
  bmis_session got;
  assert_int_equal(bmis_session_check(s, tok, (int64_t)time(NULL), &got, &err),
                   BMIS_OK);
  assert_string_equal(got.username, "amina");
  assert_int_equal(got.role, BMIS_ROLE_OFFICER);
  /* the store keeps no token */
  char h[256];
  stored_hash("amina", h, sizeof h);
  assert_null(strstr(h, tok));
  /* forged, malformed, expired */
  char forged[BMIS_SESSION_TOKEN_SIZE];
  memcpy(forged, tok, sizeof forged);
  forged[0] = forged[0] == 'a' ? 'b' : 'a';
  assert_int_equal(
      bmis_session_check(s, forged, (int64_t)time(NULL), &got, &err),
      BMIS_E_AUTH);
  assert_int_equal(
      bmis_session_check(s, "xyz", (int64_t)time(NULL), &got, &err),
      BMIS_E_AUTH);
  assert_int_equal(bmis_session_check(s, NULL, (int64_t)time(NULL), &got, &err),
                   BMIS_E_AUTH);
  assert_int_equal(bmis_session_check(s, tok, ses.expires_at + 1, &got, &err),
                   BMIS_E_AUTH);
  assert_non_null(strstr(err.message, "expired"));
  /* ended */
  assert_int_equal(bmis_session_revoke(s, tok, &err), BMIS_OK);
  assert_int_equal(bmis_session_check(s, tok, (int64_t)time(NULL), &got, &err),
                   BMIS_E_AUTH);
  assert_non_null(strstr(err.message, "ended"));
  assert_int_equal(bmis_session_revoke(s, forged, &err), BMIS_E_AUTH);
  /* a disabled account's sessions stop at once */
  assert_int_equal(bmis_session_check(s, tok2, (int64_t)time(NULL), &got, &err),
                   BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "amina", true, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(bmis_session_check(s, tok2, (int64_t)time(NULL), &got, &err),
                   BMIS_E_AUTH);
  assert_int_equal(bmis_session_open(s, "amina", GOOD, "", "", 0,
                                     (int64_t)time(NULL), tok, &ses, &err),
                   BMIS_E_INVALID_ARG);
  /* the desk is one line of UTF-8 (issue 12, defect 4) */
  assert_int_equal(bmis_session_open(s, "amina", GOOD, "",
                                     "D\x1b"
                                     "3",
                                     3600, (int64_t)time(NULL), tok, &ses,
                                     &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "desk: control character U+001B"));
  assert_int_equal(bmis_session_open(s, "amina", GOOD, "", "D\xc3", 3600,
                                     (int64_t)time(NULL), tok, &ses, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "desk: not valid UTF-8 at byte 2");
}

static void repeated_failures_make_logins_wait(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  bmis_account a = account_of("amina", BMIS_ROLE_OFFICER);
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  int64_t t0 = 1800000000;
  /* a success clears what came before */
  assert_int_equal(bmis_session_open(s, "amina", "guess number one", "", "", 60,
                                     t0, tok, &ses, &err),
                   BMIS_E_AUTH);
  assert_int_equal(
      bmis_session_open(s, "amina", GOOD, "", "", 60, t0 + 1, tok, &ses, &err),
      BMIS_OK);
  for (int i = 0; i < BMIS_LOGIN_FAILURES_MAX; i++)
    assert_int_equal(bmis_session_open(s, "amina", "a wrong guess", "", "", 60,
                                       t0 + 10 + i, tok, &ses, &err),
                     BMIS_E_AUTH);
  /* now even the right password waits, and says for how long */
  assert_int_equal(
      bmis_session_open(s, "amina", GOOD, "", "", 60, t0 + 20, tok, &ses, &err),
      BMIS_E_THROTTLED);
  assert_non_null(strstr(err.message, "too many failed logins for 'amina'"));
  assert_non_null(strstr(err.message, "15 minute(s)"));
  /* another name is not held up */
  bmis_account b = account_of("sam", BMIS_ROLE_OFFICER);
  assert_int_equal(bmis_account_add(s, &b, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  assert_int_equal(
      bmis_session_open(s, "sam", GOOD, "", "", 60, t0 + 21, tok, &ses, &err),
      BMIS_OK);
  /* once the window has passed, the right password works again */
  assert_int_equal(bmis_session_open(s, "amina", GOOD, "", "", 60,
                                     t0 + 10 + BMIS_LOGIN_WINDOW_S, tok, &ses,
                                     &err),
                   BMIS_OK);
  /* an unknown name is throttled alike */
  for (int i = 0; i < BMIS_LOGIN_FAILURES_MAX; i++)
    assert_int_equal(bmis_session_open(s, "nobody", GOOD, "", "", 60,
                                       t0 + 2000 + i, tok, &ses, &err),
                     BMIS_E_AUTH);
  assert_int_equal(bmis_session_open(s, "nobody", GOOD, "", "", 60, t0 + 2010,
                                     tok, &ses, &err),
                   BMIS_E_THROTTLED);
}

/* Nobody left to manage the accounts: the last enabled administrator is
 * neither disabled nor given another role; with a second one, either can
 * be. A disabled administrator does not count. */
static void the_last_administrator_stays(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  bmis_account a = account_of("root", BMIS_ROLE_ADMINISTRATOR);
  assert_int_equal(bmis_account_add(s, &a, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  bmis_account o = account_of("amina", BMIS_ROLE_OFFICER);
  assert_int_equal(bmis_account_add(s, &o, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  /* others are disabled as before */
  assert_int_equal(
      bmis_account_set_disabled(s, "amina", true, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "root", true, (int64_t)time(NULL), &err),
      BMIS_E_RULE);
  assert_string_equal(err.message,
                      "root is the last enabled administrator: it cannot be "
                      "disabled (enable or add another administrator first)");
  bmis_account_change demote = {BMIS_ROLE_SUPERVISOR, NULL, NULL, NULL};
  assert_int_equal(
      bmis_account_update(s, "root", &demote, (int64_t)time(NULL), NULL, &err),
      BMIS_E_RULE);
  assert_non_null(strstr(err.message, "root is the last enabled "
                                      "administrator: it cannot be given "
                                      "another role"));
  /* what does not remove an administrator goes through */
  bmis_account_change rename = {BMIS_ROLE_ADMINISTRATOR, NULL, NULL,
                                "The Administrator"};
  assert_int_equal(
      bmis_account_update(s, "root", &rename, (int64_t)time(NULL), NULL, &err),
      BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "root", false, (int64_t)time(NULL), &err),
      BMIS_OK);
  bmis_account got;
  assert_int_equal(bmis_account_get(s, "root", &got, &err), BMIS_OK);
  assert_int_equal(got.role, BMIS_ROLE_ADMINISTRATOR);
  assert_false(got.disabled);
  /* a disabled administrator is not one left */
  bmis_account b = account_of("second", BMIS_ROLE_ADMINISTRATOR);
  assert_int_equal(bmis_account_add(s, &b, GOOD, (int64_t)time(NULL), &err),
                   BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "second", true, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "root", true, (int64_t)time(NULL), &err),
      BMIS_E_RULE);
  /* disabling one already disabled changes nothing and is not refused */
  assert_int_equal(
      bmis_account_set_disabled(s, "second", true, (int64_t)time(NULL), &err),
      BMIS_OK);
  /* with a second enabled administrator, either may go */
  assert_int_equal(
      bmis_account_set_disabled(s, "second", false, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(
      bmis_account_update(s, "root", &demote, (int64_t)time(NULL), NULL, &err),
      BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "second", true, (int64_t)time(NULL), &err),
      BMIS_E_RULE);
  /* an officer promoted makes one more */
  bmis_account_change promote = {BMIS_ROLE_ADMINISTRATOR, NULL, NULL, NULL};
  assert_int_equal(
      bmis_account_set_disabled(s, "amina", false, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(bmis_account_update(s, "amina", &promote,
                                       (int64_t)time(NULL), NULL, &err),
                   BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "second", true, (int64_t)time(NULL), &err),
      BMIS_OK);
  assert_int_equal(
      bmis_account_set_disabled(s, "amina", true, (int64_t)time(NULL), &err),
      BMIS_E_RULE);
  assert_int_equal(
      bmis_account_set_disabled(s, "nobody", true, (int64_t)time(NULL), &err),
      BMIS_E_NOT_FOUND);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
#define T_(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T_(accounts_are_added_and_read_back),
      T_(bad_accounts_are_refused_with_the_reason),
      T_(passwords_are_kept_as_salted_argon2id),
      T_(checks_refuse_alike_whatever_was_wrong),
      T_(a_new_password_replaces_the_old),
      T_(sessions_open_check_expire_and_end),
      T_(repeated_failures_make_logins_wait),
      T_(the_last_administrator_stays),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  fx_cleanup();
  return rc;
}

/* Audit anchors (bmis/audit.h, src/lib/audit/anchor.c), on SQLite and on
 * PostgreSQL: keys made and read back (never overwritten, a private key
 * others can read refused), anchors signed, written, parsed and checked;
 * and what they are for: a chain rewritten whole and consistently (every
 * hash recomputed, as someone with write access to the store and the
 * format would), or cut consistently, still verifies on its own but no
 * longer against its anchors; a forged anchor line is found. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include "store_fixture.h"

#include "audit/audit_internal.h"
#include "bmis/audit.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

typedef struct fx {
  bmis_store *s;
  char dir[64];
  char key[128], pub[128], anchors[128];
} fx;

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  bmis_error err;
  if (bmis_store_open(fx_fresh_url(), NULL, &f->s, &err) != BMIS_OK)
    fail_msg("open: %s", err.message);
  snprintf(f->dir, sizeof f->dir, "/tmp/bmis-anchorXXXXXX");
  if (!mkdtemp(f->dir))
    fail_msg("mkdtemp");
  snprintf(f->key, sizeof f->key, "%s/key", f->dir);
  snprintf(f->pub, sizeof f->pub, "%s/key.pub", f->dir);
  snprintf(f->anchors, sizeof f->anchors, "%s/anchors", f->dir);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  bmis_store_close(f->s);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
  if (system(cmd) != 0)
    fprintf(stderr, "could not remove %s\n", f->dir);
  free(f);
  return 0;
}

static void raw_sql(const char *sql) {
  if (fx_is_pg()) {
    PGconn *c = PQconnectdb(fx_pg_url);
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
      fail_msg("%s: %s", sql, PQerrorMessage(c));
    PQclear(r);
    PQfinish(c);
    return;
  }
  sqlite3 *db;
  char *msg = NULL;
  assert_int_equal(sqlite3_open(fx_path, &db), SQLITE_OK);
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
    fail_msg("%s: %s", sql, msg);
  sqlite3_close(db);
}

static void append_n(bmis_store *s, int n) {
  bmis_error err;
  for (int i = 1; i <= n; i++) {
    bmis_audit_entry e;
    memset(&e, 0, sizeof e);
    e.at = 1000 + i;
    snprintf(e.actor, sizeof e.actor, "amina");
    snprintf(e.role, sizeof e.role, "officer");
    snprintf(e.channel, sizeof e.channel, "api");
    snprintf(e.action, sizeof e.action, "traveller.read");
    snprintf(e.record, sizeof e.record, "traveller:%d", i);
    snprintf(e.outcome, sizeof e.outcome, "ok");
    if (bmis_audit_append(s, &e, &err) != BMIS_OK)
      fail_msg("append %d: %s", i, err.message);
  }
}

static bmis_audit_key *load(const char *path, bool private_key) {
  bmis_audit_key *k = NULL;
  bmis_error err;
  if (bmis_audit_key_load(path, private_key, &k, &err) != BMIS_OK)
    fail_msg("load %s: %s", path, err.message);
  return k;
}

/* Anchors the head now into f->anchors. */
static bmis_audit_anchor anchor(fx *f, bmis_audit_key *k, int64_t at) {
  bmis_audit_anchor a;
  bmis_error err;
  if (bmis_audit_anchor_make(f->s, k, at, &a, &err) != BMIS_OK ||
      bmis_audit_anchor_append(f->anchors, &a, &err) != BMIS_OK)
    fail_msg("anchor: %s", err.message);
  return a;
}

static bmis_audit_anchor_verdict check(fx *f, const char *path,
                                       const bmis_audit_key *pub) {
  bmis_audit_anchor_verdict v;
  bmis_error err;
  if (bmis_audit_anchors_verify(f->s, path, pub, &v, &err) != BMIS_OK)
    fail_msg("verify: %s", err.message);
  return v;
}

static int grab_all(const bmis_audit_entry *e, void *ctx) {
  bmis_audit_entry *all = ctx;
  all[e->seq - 1] = *e;
  return 0;
}

/* The attacker: entry `edit` gets another record, and every hash from it
 * on, and the head, are recomputed; entries after `keep` are dropped. */
static void rewrite_chain(bmis_store *s, int n, int edit, int keep) {
  bmis_audit_entry all[32];
  bmis_error err;
  assert_true(n <= 32);
  assert_int_equal(bmis_audit_list(s, NULL, grab_all, all, &err), BMIS_OK);
  char prev[65];
  memcpy(prev, all[0].prev_hash, sizeof prev);
  for (int i = 0; i < keep; i++) {
    bmis_audit_entry *e = &all[i];
    if (i + 1 == edit)
      snprintf(e->record, sizeof e->record, "traveller:999");
    memcpy(e->prev_hash, prev, sizeof prev);
    assert_int_equal(bmis__audit_hash(e, e->hash, &err), BMIS_OK);
    memcpy(prev, e->hash, sizeof prev);
    char sql[512];
    snprintf(sql, sizeof sql,
             "UPDATE audit_log SET record = '%s', prev_hash = '%s', hash = "
             "'%s' WHERE seq = %lld",
             e->record, e->prev_hash, e->hash, (long long)e->seq);
    raw_sql(sql);
  }
  char sql[256];
  snprintf(sql, sizeof sql, "DELETE FROM audit_log WHERE seq > %d", keep);
  raw_sql(sql);
  snprintf(sql, sizeof sql, "UPDATE audit_head SET seq = %d, hash = '%s'", keep,
           prev);
  raw_sql(sql);
  bmis_audit_verdict v;
  assert_int_equal(bmis_audit_verify(s, &v, &err), BMIS_OK);
  assert_true(v.ok); /* the chain alone cannot tell */
}

static void keys_are_made_once_and_kept_private(void **state) {
  fx *f = *state;
  bmis_error err;
  assert_int_equal(bmis_audit_key_generate(f->key, &err), BMIS_OK);
  struct stat sb;
  assert_int_equal(stat(f->key, &sb), 0);
  assert_int_equal(sb.st_mode & 0777, 0600);
  assert_int_equal(stat(f->pub, &sb), 0);
  /* never overwritten: neither file */
  assert_int_equal(bmis_audit_key_generate(f->key, &err), BMIS_E_CONFLICT);
  assert_non_null(strstr(err.message, "exists already"));
  char other[160];
  snprintf(other, sizeof other, "%s/other", f->dir);
  char other_pub[170];
  snprintf(other_pub, sizeof other_pub, "%s.pub", other);
  FILE *p = fopen(other_pub, "w");
  fputs("mine\n", p);
  fclose(p);
  assert_int_equal(bmis_audit_key_generate(other, &err), BMIS_E_CONFLICT);
  assert_int_not_equal(access(other, F_OK), 0); /* nothing written */
  /* private and public give the same fingerprint */
  bmis_audit_key *k = load(f->key, true), *pub = load(f->pub, false);
  char a[65], b[65];
  bmis_audit_key_fingerprint(k, a);
  bmis_audit_key_fingerprint(pub, b);
  assert_int_equal(strlen(a), 64);
  assert_string_equal(a, b);
  bmis_audit_key_free(k);
  bmis_audit_key_free(pub);
  /* the wrong kind, not a key, a private key others can read */
  bmis_audit_key *x = NULL;
  assert_int_equal(bmis_audit_key_load(f->pub, true, &x, &err),
                   BMIS_E_RULE); /* 0644 */
  assert_int_equal(bmis_audit_key_load(f->key, false, &x, &err), BMIS_E_PARSE);
  assert_int_equal(bmis_audit_key_load(other_pub, false, &x, &err),
                   BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "not an Ed25519 public key"));
  assert_int_equal(chmod(f->key, 0640), 0);
  assert_int_equal(bmis_audit_key_load(f->key, true, &x, &err), BMIS_E_RULE);
  assert_non_null(strstr(err.message, "chmod 600"));
  assert_null(x);
  assert_int_equal(bmis_audit_key_load("/nonexistent/key", true, &x, &err),
                   BMIS_E_IO);
}

static void anchors_are_signed_written_and_read_back(void **state) {
  fx *f = *state;
  bmis_error err;
  assert_int_equal(bmis_audit_key_generate(f->key, &err), BMIS_OK);
  bmis_audit_key *k = load(f->key, true), *pub = load(f->pub, false);
  bmis_audit_anchor a;
  /* nothing to anchor yet; a public key cannot sign; a time is needed */
  assert_int_equal(bmis_audit_anchor_make(f->s, k, 5000, &a, &err),
                   BMIS_E_RULE);
  assert_non_null(strstr(err.message, "empty"));
  append_n(f->s, 5);
  assert_int_equal(bmis_audit_anchor_make(f->s, pub, 5000, &a, &err),
                   BMIS_E_INVALID_ARG);
  assert_int_equal(bmis_audit_anchor_make(f->s, k, 0, &a, &err),
                   BMIS_E_INVALID_ARG);
  bmis_audit_anchor a1 = anchor(f, k, 5000);
  assert_int_equal(a1.seq, 5);
  append_n(f->s, 3);
  bmis_audit_anchor a2 = anchor(f, k, 6000);
  assert_int_equal(a2.seq, 8);
  /* the line round-trips */
  char line[BMIS_AUDIT_ANCHOR_LINE_MAX];
  assert_int_equal(bmis_audit_anchor_format(&a2, line, sizeof line, &err),
                   BMIS_OK);
  assert_non_null(strstr(line, "bmis-anchor-1 seq=8 hash="));
  assert_non_null(strstr(line, " at=1970-01-01T01:40:00Z key="));
  bmis_audit_anchor back;
  assert_int_equal(bmis_audit_anchor_parse(line, &back, &err), BMIS_OK);
  assert_int_equal(back.seq, 8);
  assert_int_equal(back.at, 6000);
  assert_string_equal(back.hash, a2.hash);
  assert_string_equal(back.sig, a2.sig);
  assert_int_equal(bmis_audit_anchor_format(&a2, line, 100, &err),
                   BMIS_E_BUFFER_SMALL);
  /* the file: two lines, both hold, by this key or the first line's */
  bmis_audit_anchor_verdict v = check(f, f->anchors, pub);
  assert_true(v.ok);
  assert_int_equal(v.anchors, 2);
  assert_int_equal(v.last_seq, 8);
  char fp[65];
  bmis_audit_key_fingerprint(pub, fp);
  assert_string_equal(v.key, fp);
  v = check(f, f->anchors, NULL);
  assert_true(v.ok);
  assert_string_equal(v.key, fp);
  /* another key's anchors are not these */
  char key2[160], pub2[170];
  snprintf(key2, sizeof key2, "%s/key2", f->dir);
  snprintf(pub2, sizeof pub2, "%s/key2.pub", f->dir);
  assert_int_equal(bmis_audit_key_generate(key2, &err), BMIS_OK);
  bmis_audit_key *other = load(pub2, false);
  v = check(f, f->anchors, other);
  assert_false(v.ok);
  assert_int_equal(v.bad_line, 1);
  assert_non_null(strstr(v.problem, "not with the key given"));
  bmis_audit_key_free(other);
  /* a missing file is an error; an empty one proves nothing */
  char empty[160];
  snprintf(empty, sizeof empty, "%s/empty", f->dir);
  bmis_audit_anchor_verdict w;
  assert_int_equal(bmis_audit_anchors_verify(f->s, empty, NULL, &w, &err),
                   BMIS_E_IO);
  fclose(fopen(empty, "w"));
  v = check(f, empty, NULL);
  assert_false(v.ok);
  assert_non_null(strstr(v.problem, "holds no anchor"));
  bmis_audit_key_free(k);
  bmis_audit_key_free(pub);
}

static void malformed_lines_say_what_is_wrong(void **state) {
  (void)state;
  static const struct {
    const char *line, *says;
  } cases[] = {
      {"", "does not begin with 'bmis-anchor-1'"},
      {"bmis-anchor-2 seq=1", "does not begin with 'bmis-anchor-1'"},
      {"bmis-anchor-1 seq=0 hash=", "seq: '0' is not a positive number"},
      {"bmis-anchor-1 seq=x1 hash=", "seq: 'x1' is not a positive number"},
      {"bmis-anchor-1 hash=00", "seq= expected"},
      {"bmis-anchor-1 seq=3 hash=00 at=", "hash= expected"},
  };
  bmis_audit_anchor a;
  bmis_error err;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    assert_int_equal(bmis_audit_anchor_parse(cases[i].line, &a, &err),
                     BMIS_E_PARSE);
    if (!strstr(err.message, cases[i].says))
      fail_msg("'%s': %s", cases[i].line, err.message);
  }
  char line[700];
  memset(line, 'a', sizeof line - 1);
  line[sizeof line - 1] = 0;
  memcpy(line, "bmis-anchor-1 ", 14);
  assert_int_equal(bmis_audit_anchor_parse(line, &a, &err), BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "longer than"));
}

/* A rewrite of the whole chain, consistent, passes bmis_audit_verify but
 * not the anchors; so does a consistent cut; a forged line is found. */
static void a_rewritten_chain_fails_its_anchors(void **state) {
  fx *f = *state;
  bmis_error err;
  assert_int_equal(bmis_audit_key_generate(f->key, &err), BMIS_OK);
  bmis_audit_key *k = load(f->key, true), *pub = load(f->pub, false);
  append_n(f->s, 6);
  anchor(f, k, 5000);
  append_n(f->s, 2);
  anchor(f, k, 6000);
  append_n(f->s, 2); /* 10 entries, 6 and 8 anchored */
  assert_true(check(f, f->anchors, pub).ok);

  /* entry 9, after the last anchor: the anchors cannot tell (a limit) */
  rewrite_chain(f->s, 10, 9, 10);
  assert_true(check(f, f->anchors, pub).ok);
  /* entry 7: line 2 (entry 8) no longer holds */
  rewrite_chain(f->s, 10, 7, 10);
  bmis_audit_anchor_verdict v = check(f, f->anchors, pub);
  assert_false(v.ok);
  assert_int_equal(v.bad_line, 2);
  assert_int_equal(v.anchors, 1);
  assert_true(v.chain.ok);
  assert_string_equal(v.problem,
                      "line 2: entry 8 no longer has the hash anchored at "
                      "1970-01-01T01:40:00Z: the log was rewritten since");
  /* entry 2: line 1 already */
  rewrite_chain(f->s, 10, 2, 10);
  v = check(f, f->anchors, pub);
  assert_int_equal(v.bad_line, 1);
  assert_non_null(strstr(v.problem, "entry 6 no longer has the hash"));
  bmis_audit_key_free(k);
  bmis_audit_key_free(pub);
}

static void a_cut_log_and_forged_lines_fail(void **state) {
  fx *f = *state;
  bmis_error err;
  assert_int_equal(bmis_audit_key_generate(f->key, &err), BMIS_OK);
  bmis_audit_key *k = load(f->key, true);
  append_n(f->s, 4);
  anchor(f, k, 5000);
  append_n(f->s, 4);
  anchor(f, k, 6000);
  /* a forged line: the seq changed, the signature kept */
  FILE *in = fopen(f->anchors, "r");
  char l1[600], l2[600];
  assert_non_null(fgets(l1, sizeof l1, in));
  assert_non_null(fgets(l2, sizeof l2, in));
  fclose(in);
  char forged[160];
  snprintf(forged, sizeof forged, "%s/forged", f->dir);
  FILE *out = fopen(forged, "w");
  char l2f[600];
  memcpy(l2f, l2, sizeof l2f);
  char *p = strstr(l2f, "seq=8 ");
  assert_non_null(p);
  p[4] = '7';
  fputs(l1, out);
  fputs(l2f, out);
  fclose(out);
  bmis_audit_anchor_verdict v = check(f, forged, NULL);
  assert_false(v.ok);
  assert_int_equal(v.bad_line, 2);
  assert_string_equal(v.problem, "line 2: the signature does not verify: the "
                                 "anchor was forged or altered");
  /* lines out of order: the log went back */
  out = fopen(forged, "w");
  fputs(l2, out);
  fputs(l1, out);
  fclose(out);
  v = check(f, forged, NULL);
  assert_int_equal(v.bad_line, 2);
  assert_non_null(strstr(v.problem, "the log went back"));
  /* garbage */
  out = fopen(forged, "w");
  fputs(l1, out);
  fputs("hello\n", out);
  fclose(out);
  v = check(f, forged, NULL);
  assert_int_equal(v.bad_line, 2);
  assert_non_null(strstr(v.problem, "line 2: not an anchor: does not begin"));

  /* an edit the chain shows (not recomputed) before an anchor */
  raw_sql("UPDATE audit_log SET record = 'traveller:0' WHERE seq = 2");
  v = check(f, f->anchors, NULL);
  assert_false(v.ok);
  assert_int_equal(v.bad_line, 1);
  assert_non_null(strstr(v.problem, "the chain before it breaks at entry 2"));
  bmis_audit_anchor a;
  assert_int_equal(bmis_audit_anchor_make(f->s, k, 7000, &a, &err),
                   BMIS_E_RULE);
  assert_non_null(strstr(err.message, "broken at entry 2"));
  raw_sql("UPDATE audit_log SET record = 'traveller:2' WHERE seq = 2");
  assert_true(check(f, f->anchors, NULL).ok);

  /* cut consistently after entry 5: entry 8 is gone */
  rewrite_chain(f->s, 8, 0, 5);
  v = check(f, f->anchors, NULL);
  assert_false(v.ok);
  assert_int_equal(v.bad_line, 2);
  assert_string_equal(v.problem,
                      "line 2: entry 8, anchored at 1970-01-01T01:40:00Z, is "
                      "gone: the log was cut or entries removed since");
  bmis_audit_key_free(k);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
#define T_(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T_(keys_are_made_once_and_kept_private),
      T_(anchors_are_signed_written_and_read_back),
      cmocka_unit_test(malformed_lines_say_what_is_wrong),
      T_(a_rewritten_chain_fails_its_anchors),
      T_(a_cut_log_and_forged_lines_fail),
  };
  int failed = cmocka_run_group_tests_name(fx_is_pg() ? "anchors on postgres"
                                                      : "anchors on sqlite",
                                           tests, NULL, NULL);
  fx_cleanup();
  return failed;
}

/* Out-of-memory paths: a test allocator, installed through the allocator
 * hook (bmis/alloc.h), fails the Nth allocation of a call; each public
 * function along a representative path of every domain runs with N = 1, 2,
 * ... until it succeeds. Every failing run must return BMIS_E_NOMEM (or a
 * status its header documents for the path), leak nothing (the allocator
 * counts live blocks: none after cleanup; ASan/LSan in the sanitize preset)
 * and write nothing half (the store's rows, table by table, are as before
 * the call).
 *
 * One store is prepared (schema, crossing point, two lists, an account, a
 * crossing) and copied for each N. SQLite only: the PostgreSQL driver's
 * allocations go through the same hook (its statements), and the paths
 * above it are the same code. */
#define _DEFAULT_SOURCE
#include "bmis/bmis.h"
#include "bmis/inspect.h"

#include <jansson.h>
#include <sqlite3.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* ---- the test allocator ---- */

typedef struct counter {
  long calls;   /* allocations (malloc, or realloc growing a block) */
  long fail_at; /* the allocation to fail, counted from arming; 0: none */
  bool sticky;  /* fail every allocation from fail_at on, not just it */
  long live;    /* blocks allocated and not freed */
  long failed;  /* allocations refused */
} counter;

static counter C;

static void *t_malloc(void *ctx, size_t size) {
  counter *c = ctx;
  if (c->fail_at &&
      (++c->calls == c->fail_at || (c->sticky && c->calls > c->fail_at))) {
    c->failed++;
    return NULL;
  }
  void *p = malloc(size);
  if (p)
    c->live++;
  return p;
}

static void *t_realloc(void *ctx, void *ptr, size_t size) {
  counter *c = ctx;
  if (c->fail_at &&
      (++c->calls == c->fail_at || (c->sticky && c->calls > c->fail_at))) {
    c->failed++;
    return NULL;
  }
  void *p = realloc(ptr, size);
  if (p && !ptr)
    c->live++;
  return p;
}

static void t_free(void *ctx, void *ptr) {
  counter *c = ctx;
  if (ptr)
    c->live--;
  free(ptr);
}

/* jansson's allocations (json_set_alloc_funcs) are counted as live blocks
 * too, so a json_t the library forgets to release is a leak here. With
 * BMIS_OOM_JSON set in the environment they also fail in the same sequence
 * (fail_json): the JSON a call builds or reads runs out of memory. Not run
 * by ctest: many such failures are still reported as E_PARSE, E_INTERNAL or
 * "not UTF-8" instead of E_NOMEM (see docs/SECURITY.md, limits). */
static bool fail_json;

static void *j_malloc(size_t size) {
  if (fail_json)
    return t_malloc(&C, size);
  void *p = malloc(size);
  if (p)
    C.live++;
  return p;
}

static void j_free(void *ptr) {
  t_free(&C, ptr);
}

static void arm(long n, bool sticky) {
  C.sticky = sticky;
  C.calls = 0;
  C.failed = 0;
  C.fail_at = n;
}

static void disarm(void) {
  C.fail_at = 0;
}

/* ---- the prepared store ---- */

static const int64_t AT = 1767258000; /* 2026-01-01T09:00:00Z */
static char template_path[256], work_path[256], fresh_path[256];
static char mrz_known[200], mrz_listed[200], mrz_new[200];
static char mv_id[BMIS_ID_SIZE], person_id[BMIS_ID_SIZE];

static const char csv_head[] =
    "kind,ref,name,aliases,weak_aliases,original_script_names,birth,"
    "nationality,sex,birth_place,birth_country,documents,doc_state,"
    "doc_number,doc_type,doc_status,reported,remarks\n";
static const char sanctions_rows[] =
    "person,WL-1,Ivan Petrovich SIDOROV,,,,1961-04-12,RUS,M,,,,,,,,,\n";
static const char protection_rows[] =
    "person,PA-1,Lina KARIMI,,,,2014-05-05,AFG,F,,,,,,,,,\n";
static const char extra_rows[] =
    "person,EX-1,Olga Ivanovna PETROVA,Olga PETROVA,,,1970-02-03,UKR,F,,,,,,,"
    ",,\n"
    "document,EX-2,,,,,,,,,,,UKR,FX123456,P,stolen,2025-01-01,\n";

static void remove_db(const char *path) {
  char side[300];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-journal", path);
  unlink(side);
}

static void copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  if (!in || !out)
    fail_msg("copy %s to %s", from, to);
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    if (fwrite(buf, 1, n, out) != n)
      fail_msg("copy: write");
  fclose(in);
  fclose(out);
}

static void make_mrz(char out[200], const char *surname, const char *given,
                     const char *number, const char *nat, const char *birth,
                     char sex) {
  bmis_doc_make_input in;
  memset(&in, 0, sizeof in);
  in.format = BMIS_DOC_TD3;
  in.surname = surname;
  in.given_names = given;
  in.number = number;
  in.nationality = nat;
  assert_int_equal(bmis_date_parse_iso(birth, &in.birth_date, NULL), BMIS_OK);
  in.sex = sex;
  in.expiry_date = (bmis_date){2032, 4, 15};
  bmis_error err;
  if (bmis_doc_make(&in, out, 200, &err) != BMIS_OK)
    fail_msg("make: %s", err.message);
}

static bmis_status import(bmis_store *s, const char *name, bmis_wl_category cat,
                          bmis_hit_action action, const char *rows,
                          bmis_error *err) {
  char csv[2048];
  snprintf(csv, sizeof csv, "%s%s", csv_head, rows);
  bmis_wl_content *c = bmis_wl_content_new();
  if (!c)
    return BMIS_E_NOMEM;
  bmis_status st = bmis_wl_read(BMIS_WL_FORMAT_CSV, csv, strlen(csv), c, err);
  if (st == BMIS_OK) {
    bmis_watchlist meta;
    memset(&meta, 0, sizeof meta);
    snprintf(meta.name, sizeof meta.name, "%s", name);
    snprintf(meta.source, sizeof meta.source, "test");
    meta.category = cat;
    meta.action = action;
    bmis_wl_report rep;
    memset(&rep, 0, sizeof rep);
    st = bmis_watchlist_import(s, &meta, c, &rep, err);
    bmis_wl_report_free(&rep);
  }
  bmis_wl_content_free(c);
  return st;
}

static void actor(bmis_actor *a, const char *user, const char *role) {
  memset(a, 0, sizeof *a);
  snprintf(a->username, sizeof a->username, "%s", user);
  snprintf(a->role, sizeof a->role, "%s", role);
  snprintf(a->channel, sizeof a->channel, "api");
  snprintf(a->bcp, sizeof a->bcp, "NBO");
  snprintf(a->desk, sizeof a->desk, "A1");
}

static bmis_crossing crossing(void) {
  bmis_crossing c;
  bmis_crossing_init(&c);
  snprintf(c.traveller.surname, sizeof c.traveller.surname, "OKAFOR");
  snprintf(c.traveller.given_names, sizeof c.traveller.given_names, "CHIDI");
  assert_int_equal(bmis_date_parse_iso("1985-06-01", &c.traveller.birth, NULL),
                   BMIS_OK);
  snprintf(c.traveller.nationality, 4, "NGA");
  c.traveller.sex = 'M';
  snprintf(c.document.issuing_state, 4, "NGA");
  snprintf(c.document.number, sizeof c.document.number, "A1234567");
  c.movement.decision = BMIS_DECISION_ADMITTED;
  c.movement.direction = BMIS_DIRECTION_ENTRY;
  c.movement.crossed_at = AT - 86400 * 10;
  c.permitted_days = 30;
  snprintf(c.movement.bcp, sizeof c.movement.bcp, "NBO");
  snprintf(c.movement.officer, sizeof c.movement.officer, "amina");
  c.recorded_at = AT - 86400 * 10;
  return c;
}

static int prepare_template(void **state) {
  (void)state;
  snprintf(template_path, sizeof template_path, "/tmp/bmis-oom-%d-t.db",
           (int)getpid());
  snprintf(work_path, sizeof work_path, "/tmp/bmis-oom-%d-w.db", (int)getpid());
  snprintf(fresh_path, sizeof fresh_path, "/tmp/bmis-oom-%d-f.db",
           (int)getpid());
  remove_db(template_path);
  bmis_store *s;
  bmis_error err;
  if (bmis_store_open(template_path, NULL, &s, &err) != BMIS_OK)
    fail_msg("open: %s", err.message);
  bmis_register_config cfg = {"KEN", 180, 90};
  assert_int_equal(bmis_register_config_set(s, &cfg, &err), BMIS_OK);
  bmis_bcp b = {"NBO", "Jomo Kenyatta", BMIS_BCP_KIND_AIR, "Africa/Nairobi"};
  assert_int_equal(bmis_bcp_put(s, &b, &err), BMIS_OK);
  assert_int_equal(import(s, "sanctions", BMIS_WL_SANCTIONS, BMIS_HIT_REFER,
                          sanctions_rows, &err),
                   BMIS_OK);
  assert_int_equal(import(s, "missing", BMIS_WL_PROTECTION_ALERT,
                          BMIS_HIT_PROTECT, protection_rows, &err),
                   BMIS_OK);
  bmis_account a;
  memset(&a, 0, sizeof a);
  snprintf(a.username, sizeof a.username, "amina");
  snprintf(a.display_name, sizeof a.display_name, "Amina");
  a.role = BMIS_ROLE_OFFICER;
  snprintf(a.bcps, sizeof a.bcps, "NBO");
  if (bmis_account_add(s, &a, "correct horse battery", AT, &err) != BMIS_OK)
    fail_msg("account: %s", err.message);
  bmis_crossing c = crossing();
  bmis_record_result r;
  if (bmis_movement_record(s, &c, &r, &err) != BMIS_OK)
    fail_msg("record: %s", err.message);
  snprintf(mv_id, sizeof mv_id, "%s", r.movement_id);
  snprintf(person_id, sizeof person_id, "%s", r.person_id);
  bmis_store_close(s);
  make_mrz(mrz_known, "OKAFOR", "CHIDI", "A1234567", "NGA", "1985-06-01", 'M');
  make_mrz(mrz_listed, "SIDOROV", "IVAN PETROVICH", "7200001", "RUS",
           "1961-04-12", 'M');
  make_mrz(mrz_new, "MWANGI", "GRACE", "B7654321", "TZA", "1990-09-09", 'F');
  assert_int_equal(C.live, 0);
  return 0;
}

static int remove_template(void **state) {
  (void)state;
  remove_db(template_path);
  remove_db(work_path);
  remove_db(fresh_path);
  return 0;
}

/* Every table's row count, "name=n;...", read past the library; the audit
 * log is left out: a read is audited before it is handed out, and an attempt
 * that then fails may stand in the log (the chain is checked whole after
 * each failed run instead). */
static void row_counts(const char *path, char *out, size_t cap) {
  sqlite3 *db;
  out[0] = 0;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    fail_msg("sqlite3_open %s", path);
  sqlite3_stmt *tables;
  assert_int_equal(sqlite3_prepare_v2(db,
                                      "SELECT name FROM sqlite_master WHERE "
                                      "type = 'table' ORDER BY name",
                                      -1, &tables, NULL),
                   SQLITE_OK);
  size_t len = 0;
  while (sqlite3_step(tables) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(tables, 0);
    if (strcmp(name, "audit_log") == 0 || strcmp(name, "audit_head") == 0)
      continue;
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"", name);
    sqlite3_stmt *n;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &n, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(n), SQLITE_ROW);
    int w = snprintf(out + len, cap - len, "%s=%lld;", name,
                     (long long)sqlite3_column_int64(n, 0));
    sqlite3_finalize(n);
    if (w < 0 || (size_t)w >= cap - len)
      fail_msg("row counts: buffer too small");
    len += (size_t)w;
  }
  sqlite3_finalize(tables);
  sqlite3_close(db);
}

/* ---- the world a call runs in ---- */

typedef struct world {
  bmis_store *s;
  bmis_screen_index *ix;
  bmis_actor officer, supervisor;
  char id[BMIS_ID_SIZE];  /* an inspection */
  char mv[BMIS_ID_SIZE];  /* a movement */
  char ref[BMIS_ID_SIZE]; /* a referral */
} world;

typedef struct op {
  const char *name;
  bool fresh;                /* the call opens its own store: no world store */
  bool needs_ix;             /* the world loads the screening index */
  void (*prepare)(world *w); /* unarmed */
  bmis_status (*run)(world *w, bmis_error *err); /* armed */
  bmis_status expect; /* when no allocation fails: BMIS_OK unless given */
} op;

static int64_t longest_n;

/* Runs o with its Nth allocation failed, N = 1, 2, ... until it succeeds:
 * the one allocation (sticky false: the code after it runs on, with memory
 * again), or every one from the Nth (sticky: the error paths themselves
 * find no memory). */
static void run_op_mode(const op *o, bool sticky) {
  for (long n = 1;; n++) {
    world w;
    memset(&w, 0, sizeof w);
    actor(&w.officer, "amina", "officer");
    actor(&w.supervisor, "joseph", "supervisor");
    char before[4096] = "", after[4096] = "";
    bmis_error err;
    if (!o->fresh) {
      remove_db(work_path);
      copy_file(template_path, work_path);
      if (bmis_store_open(work_path, NULL, &w.s, &err) != BMIS_OK)
        fail_msg("%s: open: %s", o->name, err.message);
      if (o->needs_ix && bmis_screen_index_load(w.s, &w.ix, &err) != BMIS_OK)
        fail_msg("%s: index: %s", o->name, err.message);
      if (o->prepare)
        o->prepare(&w);
      row_counts(work_path, before, sizeof before);
    } else {
      remove_db(fresh_path);
    }
    memset(&err, 0, sizeof err);
    arm(n, sticky);
    bmis_status st = o->run(&w, &err);
    long failed = C.failed;
    disarm();
    if (!o->fresh)
      row_counts(work_path, after, sizeof after);
    bmis_screen_index_free(w.ix);
    bmis_store_close(w.s);
    if (C.live != 0)
      fail_msg("%s, allocation %ld failed%s: %ld blocks leaked (status %s)",
               o->name, n, sticky ? " and after" : "", C.live,
               bmis_status_name(st));
    if (!failed) {
      /* every allocation succeeded: the call must too */
      if (st != o->expect)
        fail_msg("%s: %s without a failed allocation: %s", o->name,
                 bmis_status_name(st), err.message);
      if (!sticky)
        print_message("%-22s %4ld allocations, each failed\n", o->name, n - 1);
      if (n - 1 > longest_n)
        longest_n = n - 1;
      return;
    }
    if (st != BMIS_E_NOMEM)
      fail_msg("%s, allocation %ld failed%s: %s (%s), not E_NOMEM", o->name, n,
               sticky ? " and after" : "", bmis_status_name(st), err.message);
    if (!o->fresh && strcmp(before, after) != 0)
      fail_msg("%s, allocation %ld failed%s: rows changed\n before %s\n "
               "after  %s",
               o->name, n, sticky ? " and after" : "", before, after);
    if (!o->fresh) {
      /* whatever the log holds of the attempt is whole: the chain verifies */
      bmis_store *s;
      bmis_audit_verdict v;
      if (bmis_store_open(work_path, NULL, &s, &err) != BMIS_OK ||
          bmis_audit_verify(s, &v, &err) != BMIS_OK || !v.ok)
        fail_msg("%s, allocation %ld failed: the audit chain: %s %s", o->name,
                 n, err.message, v.problem);
      bmis_store_close(s);
    }
    if (o->fresh) {
      /* nothing half-migrated: the store opens and migrates as new */
      bmis_store *s;
      if (bmis_store_open(fresh_path, NULL, &s, &err) != BMIS_OK)
        fail_msg("%s, allocation %ld failed: reopening: %s", o->name, n,
                 err.message);
      bmis_store_close(s);
      assert_int_equal(C.live, 0);
    }
  }
}

/* ---- the paths ---- */

static bmis_status run_open(world *w, bmis_error *err) {
  bmis_status st = bmis_store_open(fresh_path, NULL, &w->s, err);
  if (st == BMIS_OK) {
    int applied = 0;
    st = bmis_store_migrate(w->s, &applied, err);
  }
  return st;
}

static bmis_status run_doc(world *w, bmis_error *err) {
  (void)w;
  (void)err;
  char m[200];
  bmis_doc_make_input in;
  memset(&in, 0, sizeof in);
  in.format = BMIS_DOC_TD3;
  in.surname = "OKAFOR";
  in.given_names = "CHIDI";
  in.number = "A1234567";
  in.nationality = "NGA";
  in.birth_date = (bmis_date){1985, 6, 1};
  in.sex = 'M';
  in.expiry_date = (bmis_date){2032, 4, 15};
  bmis_status st = bmis_doc_make(&in, m, sizeof m, err);
  if (st != BMIS_OK)
    return st;
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, (bmis_date){2026, 1, 1});
  bmis_doc doc;
  return bmis_doc_parse(m, strlen(m), &opts, &doc);
}

static bmis_status run_record(world *w, bmis_error *err) {
  bmis_crossing c = crossing();
  snprintf(c.traveller.surname, sizeof c.traveller.surname, "MWANGI");
  snprintf(c.traveller.given_names, sizeof c.traveller.given_names, "GRACE");
  snprintf(c.document.number, sizeof c.document.number, "B7654321");
  c.movement.crossed_at = AT;
  c.recorded_at = AT;
  bmis_record_result r;
  return bmis_movement_record(w->s, &c, &r, err);
}

static bmis_status run_movement_wire(world *w, bmis_error *err) {
  bmis_movement m;
  bmis_status st = bmis_movement_get(w->s, mv_id, &m, err);
  if (st != BMIS_OK)
    return st;
  char *text = bmis_movement_to_json(&m);
  if (!text)
    return BMIS_E_NOMEM;
  bmis_movement back = m;
  st = bmis_movement_from_json(text, strlen(text), &back, err);
  bmis_free(text);
  return st;
}

static bmis_change change(void) {
  bmis_change c;
  memset(&c, 0, sizeof c);
  snprintf(c.by, sizeof c.by, "amina");
  snprintf(c.reason, sizeof c.reason, "typed wrong");
  c.at = AT;
  return c;
}

static bmis_status run_decide(world *w, bmis_error *err) {
  bmis_movement m;
  bmis_status st = bmis_movement_get(w->s, mv_id, &m, err);
  if (st != BMIS_OK)
    return st;
  m.decision = BMIS_DECISION_REFERRED;
  memset(&m.permitted_until, 0, sizeof m.permitted_until);
  snprintf(m.decision_note, sizeof m.decision_note, "secondary");
  bmis_change ch = change();
  return bmis_movement_decide(w->s, &m, &ch, err);
}

static bmis_status run_correct(world *w, bmis_error *err) {
  bmis_movement m;
  bmis_status st = bmis_movement_get(w->s, mv_id, &m, err);
  if (st != BMIS_OK)
    return st;
  m.crossed_at -= 3600;
  bmis_change ch = change();
  return bmis_movement_correct(w->s, &m, &ch, err);
}

static bmis_status run_void(world *w, bmis_error *err) {
  bmis_change ch = change();
  return bmis_movement_void(w->s, mv_id, &ch, err);
}

static int count_mv(const bmis_movement *m, void *ctx) {
  (void)m;
  (*(int *)ctx)++;
  return 0;
}

static int count_version(const bmis_movement_version *v, void *ctx) {
  (void)v;
  (*(int *)ctx)++;
  return 0;
}

static bmis_status run_list(world *w, bmis_error *err) {
  bmis_movement_filter f;
  memset(&f, 0, sizeof f);
  int n = 0;
  bmis_status st = bmis_movement_list(w->s, &f, count_mv, &n, err);
  if (st == BMIS_OK)
    st = bmis_movement_history(w->s, mv_id, count_version, &n, err);
  return st;
}

static int count_traveller(const bmis_traveller *t, void *ctx) {
  (void)t;
  (*(int *)ctx)++;
  return 0;
}

static int count_document(const bmis_document *d, void *ctx) {
  (void)d;
  (*(int *)ctx)++;
  return 0;
}

static bmis_status run_identity(world *w, bmis_error *err) {
  bmis_traveller t;
  bmis_status st = bmis_traveller_by_document(w->s, "NGA", "A1234567", &t, err);
  int n = 0;
  if (st == BMIS_OK)
    st = bmis_person_travellers(w->s, person_id, count_traveller, &n, err);
  if (st == BMIS_OK)
    st = bmis_person_documents(w->s, person_id, count_document, &n, err);
  bmis_traveller_match m[4];
  size_t count;
  if (st == BMIS_OK)
    st = bmis_traveller_search(w->s, &w->officer, AT, "OKAFOR", "CHIDI",
                               (bmis_date){1985, 6, 1}, "NGA", 'M', m, 4,
                               &count, err);
  return st;
}

static int count_stay(const bmis_stay *s, void *ctx) {
  (void)s;
  (*(int *)ctx)++;
  return 0;
}

static bmis_status run_stay(world *w, bmis_error *err) {
  bmis_stay_status ss;
  bmis_status st =
      bmis_stay_status_get(w->s, person_id, (bmis_date){2026, 1, 1}, &ss, err);
  int n = 0;
  if (st == BMIS_OK)
    st = bmis_person_stays(w->s, person_id, count_stay, &n, err);
  if (st == BMIS_OK)
    st = bmis_overstay_list(w->s, (bmis_date){2026, 6, 1}, count_stay, &n, err);
  return st;
}

static bmis_status run_import(world *w, bmis_error *err) {
  return import(w->s, "extra", BMIS_WL_NATIONAL_ALERT, BMIS_HIT_REFER,
                extra_rows, err);
}

static bmis_status run_screen(world *w, bmis_error *err) {
  bmis_screen_index *ix = NULL;
  bmis_status st = bmis_screen_index_load(w->s, &ix, err);
  if (st != BMIS_OK)
    return st;
  bmis_screen_query q;
  memset(&q, 0, sizeof q);
  q.surname = "SIDOROV";
  q.given_names = "IVAN";
  q.birth = (bmis_date){1961, 4, 12};
  snprintf(q.nationality, sizeof q.nationality, "RUS");
  q.sex = 'M';
  bmis_screen_result r;
  memset(&r, 0, sizeof r);
  st = bmis_screen_person(ix, w->s, &q, NULL, &r, err);
  bmis_screen_result_free(&r);
  if (st == BMIS_OK) {
    memset(&r, 0, sizeof r);
    st = bmis_screen_document(ix, "RUS", "7200001", &r, err);
    bmis_screen_result_free(&r);
  }
  bmis_screen_index_free(ix);
  return st;
}

static bmis_status inspect_mrz(world *w, const char *mrz, bmis_error *err) {
  char json[512];
  snprintf(json, sizeof json,
           "{\"mrz\":\"%s\",\"direction\":\"entry\",\"card\":{\"purpose\":"
           "\"leisure\"}}",
           mrz);
  /* the JSON string needs the MRZ's line break escaped */
  char *nl = strchr(json, '\n');
  if (nl) {
    memmove(nl + 2, nl + 1, strlen(nl + 1) + 1);
    nl[0] = '\\';
    nl[1] = 'n';
  }
  bmis_inspection_request rq;
  bmis_status st =
      bmis_inspection_request_from_json(json, strlen(json), &rq, err);
  if (st != BMIS_OK)
    return st;
  char *out = NULL;
  st = bmis_inspect(w->s, w->ix, &rq, &w->officer, AT, w->id, &out, err);
  bmis_free(out);
  return st;
}

static bmis_status run_inspect(world *w, bmis_error *err) {
  return inspect_mrz(w, mrz_listed, err);
}

static void must(bmis_status st, const bmis_error *err, const char *what) {
  if (st != BMIS_OK)
    fail_msg("prepare %s: %s", what, err->message);
}

static void prep_inspect_listed(world *w) {
  bmis_error err;
  must(inspect_mrz(w, mrz_listed, &err), &err, "inspect");
}

static void prep_inspect_new(world *w) {
  bmis_error err;
  must(inspect_mrz(w, mrz_new, &err), &err, "inspect");
}

static bmis_status decide_json(world *w, const char *json,
                               bmis_decision_result *out, bmis_error *err) {
  bmis_inspection_decision d;
  bmis_status st =
      bmis_inspection_decision_from_json(json, strlen(json), &d, err);
  if (st != BMIS_OK)
    return st;
  return bmis_inspection_decide(w->s, w->id, &d, &w->officer, AT, out, err);
}

static const char refusal[] =
    "{\"decision\":\"refuse\",\"grounds\":\"C\",\"explanation\":\"no visa\"}";

static bmis_status run_inspection_decide(world *w, bmis_error *err) {
  bmis_decision_result out;
  return decide_json(w, refusal, &out, err);
}

static bmis_status run_dispose(world *w, bmis_error *err) {
  bmis_hit_disposition d;
  return bmis_inspection_dispose(w->s, w->id, 0, BMIS_HIT_DISMISSED,
                                 "different person: photo", &w->officer, AT, &d,
                                 err);
}

static bmis_status run_protect(world *w, bmis_error *err) {
  const char *json = "{\"asylum\":true}";
  bmis_protection p;
  bmis_status st = bmis_protection_from_json(json, strlen(json), &p, err);
  if (st != BMIS_OK)
    return st;
  char *out = NULL;
  st = bmis_inspection_protect(w->s, w->id, &p, &w->officer, AT, &out, err);
  bmis_free(out);
  return st;
}

static void prep_referred(world *w) {
  bmis_error err;
  prep_inspect_new(w);
  bmis_decision_result out;
  must(
      decide_json(w, "{\"decision\":\"refer\",\"note\":\"check\"}", &out, &err),
      &err, "refer");
  snprintf(w->ref, sizeof w->ref, "%s", out.referrals[0].id);
}

static bmis_status run_outcome(world *w, bmis_error *err) {
  const char *json = "{\"outcome\":\"admitted\",\"permitted_days\":10}";
  bmis_inspection_decision d;
  bmis_status st =
      bmis_inspection_decision_from_json(json, strlen(json), &d, err);
  if (st != BMIS_OK)
    return st;
  return bmis_referral_outcome_record(w->s, w->ref,
                                      (bmis_referral_outcome)d.outcome, &d,
                                      &w->supervisor, AT, err);
}

static void prep_refused(world *w) {
  bmis_error err;
  prep_inspect_new(w);
  bmis_decision_result out;
  must(decide_json(w, refusal, &out, &err), &err, "refuse");
  snprintf(w->mv, sizeof w->mv, "%s", out.movement_id);
}

static bmis_status run_notice(world *w, bmis_error *err) {
  char *html = NULL;
  bmis_status st =
      bmis_refusal_notice(w->s, &w->officer, AT, w->mv, "fr", &html, err);
  bmis_free(html);
  return st;
}

static bmis_status run_inspection_wire(world *w, bmis_error *err) {
  bmis_inspection in;
  bmis_status st = bmis_inspection_read(w->s, w->id, &w->officer, AT, &in, err);
  if (st != BMIS_OK)
    return st;
  char *text = bmis_inspection_to_json(&in, true);
  bmis_inspection_fini(&in);
  if (!text)
    return BMIS_E_NOMEM;
  bmis_inspection back;
  st = bmis_inspection_from_json(text, strlen(text), &back, err);
  bmis_free(text);
  bmis_inspection_fini(&back);
  char *json = NULL, mv[BMIS_ID_SIZE];
  if (st == BMIS_OK)
    st = bmis_inspection_get(w->s, w->id, &w->officer, &json, mv, err);
  bmis_free(json);
  return st;
}

static bmis_status run_account(world *w, bmis_error *err) {
  bmis_account a;
  memset(&a, 0, sizeof a);
  snprintf(a.username, sizeof a.username, "joseph");
  snprintf(a.display_name, sizeof a.display_name, "Joseph");
  a.role = BMIS_ROLE_SUPERVISOR;
  snprintf(a.bcps, sizeof a.bcps, "NBO");
  return bmis_account_add(w->s, &a, "another good password", AT, err);
}

static char token[BMIS_SESSION_TOKEN_SIZE];

static bmis_status run_session_open(world *w, bmis_error *err) {
  bmis_session ses;
  return bmis_session_open(w->s, "amina", "correct horse battery", "NBO", "A1",
                           3600, AT, token, &ses, err);
}

static void prep_session(world *w) {
  bmis_error err;
  must(run_session_open(w, &err), &err, "session");
}

static bmis_status run_session_check(world *w, bmis_error *err) {
  bmis_session ses;
  return bmis_session_check(w->s, token, AT + 1, &ses, err);
}

static bmis_status run_session_revoke(world *w, bmis_error *err) {
  return bmis_session_revoke(w->s, token, err);
}

static int count_entry(const bmis_audit_entry *e, void *ctx) {
  (void)e;
  (*(int *)ctx)++;
  return 0;
}

static bmis_status run_audit_append(world *w, bmis_error *err) {
  bmis_audit_entry e;
  memset(&e, 0, sizeof e);
  e.at = AT;
  snprintf(e.actor, sizeof e.actor, "amina");
  snprintf(e.role, sizeof e.role, "officer");
  snprintf(e.channel, sizeof e.channel, "api");
  snprintf(e.action, sizeof e.action, "traveller.read");
  snprintf(e.record, sizeof e.record, "movement:%s", mv_id);
  snprintf(e.outcome, sizeof e.outcome, "ok");
  return bmis_audit_append(w->s, &e, err);
}

static bmis_status run_audit_read(world *w, bmis_error *err) {
  bmis_audit_verdict v;
  bmis_status st = bmis_audit_verify(w->s, &v, err);
  if (st == BMIS_OK && !v.ok)
    fail_msg("audit chain broken: %s", v.problem);
  int n = 0;
  bmis_audit_filter f;
  memset(&f, 0, sizeof f);
  if (st == BMIS_OK)
    st = bmis_audit_list(w->s, &f, count_entry, &n, err);
  return st;
}

static void prep_audited(world *w) {
  bmis_error err;
  must(run_audit_append(w, &err), &err, "audit");
  must(run_audit_append(w, &err), &err, "audit");
}

/* ---- more paths: history, list formats, protection, reviews, accounts ---- */

static void prep_decided(world *w) {
  bmis_error err;
  must(run_decide(w, &err), &err, "decide");
}

static bmis_status run_history(world *w, bmis_error *err) {
  int n = 0;
  bmis_status st = bmis_movement_history(w->s, mv_id, count_version, &n, err);
  if (st == BMIS_OK && n != 1)
    fail_msg("history: %d versions, not 1", n);
  return st;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    fail_msg("cannot read %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  assert_non_null(buf);
  *len = fread(buf, 1, (size_t)n, f);
  buf[*len] = 0;
  fclose(f);
  return buf;
}

static bmis_status run_un_xml(world *w, bmis_error *err) {
  (void)w;
  size_t len;
  char *xml = slurp(BMIS_TEST_DATA "/watchlists/un_two.xml", &len);
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_status st =
      c ? bmis_wl_read(BMIS_WL_FORMAT_UN_XML, xml, len, c, err) : BMIS_E_NOMEM;
  free(xml);
  /* the index of the content, and the content as JSON lines read back */
  bmis_screen_index *ix = NULL;
  if (st == BMIS_OK) {
    bmis_watchlist meta;
    memset(&meta, 0, sizeof meta);
    snprintf(meta.name, sizeof meta.name, "un");
    meta.category = BMIS_WL_SANCTIONS;
    meta.action = BMIS_HIT_REFER;
    st = bmis_screen_index_from_content(&meta, c, &ix, err);
  }
  bmis_screen_index_free(ix);
  char *text = NULL;
  size_t tlen = 0;
  if (st == BMIS_OK) {
    FILE *f = open_memstream(&text, &tlen);
    st = bmis_wl_write_jsonl(c, f, err);
    fclose(f);
  }
  bmis_wl_content_free(c);
  if (st == BMIS_OK) {
    bmis_wl_content *back = bmis_wl_content_new();
    st = back ? bmis_wl_read(BMIS_WL_FORMAT_JSONL, text, tlen, back, err)
              : BMIS_E_NOMEM;
    bmis_wl_content_free(back);
  }
  free(text);
  return st;
}

static bmis_status run_movement_protect(world *w, bmis_error *err) {
  bmis_referral_kind kinds[] = {BMIS_REFERRAL_ASYLUM};
  bmis_change ch = change();
  int converted = 0;
  return bmis_movement_protect(w->s, mv_id, kinds, 1, &ch, &converted, err);
}

static void prep_dismissed(world *w) {
  bmis_error err;
  prep_inspect_listed(w);
  must(run_dispose(w, &err), &err, "dispose");
}

static int first_disposition(const bmis_hit_disposition *d, void *ctx) {
  snprintf(ctx, BMIS_ID_SIZE, "%s", d->id);
  return 1;
}

static bmis_status run_review(world *w, bmis_error *err) {
  char id[BMIS_ID_SIZE] = "";
  bmis_status st =
      bmis_disposition_queue(w->s, BMIS_REVIEW_PENDING, &w->supervisor, AT,
                             first_disposition, id, err);
  if (st == BMIS_OK && !id[0])
    fail_msg("review: nothing pending");
  if (st == BMIS_OK)
    st = bmis_disposition_review(w->s, id, BMIS_REVIEW_CONFIRMED,
                                 "same photo, other person", &w->supervisor, AT,
                                 NULL, err);
  return st;
}

static int count_referral(const bmis_referral *r, void *ctx) {
  (void)r;
  (*(int *)ctx)++;
  return 0;
}

static bmis_status run_referrals(world *w, bmis_error *err) {
  int n = 0;
  bmis_status st = bmis_referral_list(
      w->s, &w->supervisor, AT, BMIS_REFERRALS_OPEN, count_referral, &n, err);
  bmis_referral r;
  if (st == BMIS_OK)
    st = bmis_referral_get(w->s, w->ref, &w->supervisor, &r, err);
  return st;
}

static bmis_status run_account_change(world *w, bmis_error *err) {
  bmis_account_change c;
  memset(&c, 0, sizeof c);
  c.display_name = "Amina D.";
  bmis_account out;
  bmis_status st = bmis_account_update(w->s, "amina", &c, AT, &out, err);
  if (st == BMIS_OK)
    st = bmis_account_set_password(w->s, "amina", "a new long passphrase", AT,
                                   err);
  return st;
}

static bmis_status run_login_wrong(world *w, bmis_error *err) {
  bmis_login in;
  memset(&in, 0, sizeof in);
  in.username = "amina";
  in.password = "not the password at all";
  in.bcp = "NBO";
  in.client = "192.0.2.7";
  in.ttl_s = 3600;
  in.now = AT;
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  unsigned locked = 0;
  return bmis_session_login(w->s, &in, tok, &ses, &locked, err);
}

static int count_lockout(const bmis_lockout *l, void *ctx) {
  (void)l;
  (*(int *)ctx)++;
  return 0;
}

static bmis_status run_lockouts(world *w, bmis_error *err) {
  int n = 0;
  return bmis_lockout_list(w->s, &w->supervisor, AT, count_lockout, &n, err);
}

static void prep_failed_logins(world *w) {
  bmis_error err;
  for (int i = 0; i < 3; i++)
    if (run_login_wrong(w, &err) != BMIS_E_AUTH)
      fail_msg("prepare: login: %s", err.message);
}

static const op ops[] = {
    {"store open + migrate", true, false, NULL, run_open, BMIS_OK},
    {"doc make + parse", true, false, NULL, run_doc, BMIS_OK},
    {"movement record", false, false, NULL, run_record, BMIS_OK},
    {"movement wire", false, false, NULL, run_movement_wire, BMIS_OK},
    {"movement decide", false, false, NULL, run_decide, BMIS_OK},
    {"movement correct", false, false, NULL, run_correct, BMIS_OK},
    {"movement void", false, false, NULL, run_void, BMIS_OK},
    {"movement list", false, false, NULL, run_list, BMIS_OK},
    {"identity", false, false, NULL, run_identity, BMIS_OK},
    {"stay", false, false, NULL, run_stay, BMIS_OK},
    {"watchlist import", false, false, NULL, run_import, BMIS_OK},
    {"index + screen", false, false, NULL, run_screen, BMIS_OK},
    {"inspect", false, true, NULL, run_inspect, BMIS_OK},
    {"inspection dispose", false, true, prep_inspect_listed, run_dispose,
     BMIS_OK},
    {"inspection decide", false, true, prep_inspect_new, run_inspection_decide,
     BMIS_OK},
    {"inspection protect", false, true, prep_inspect_new, run_protect, BMIS_OK},
    {"inspection wire", false, true, prep_inspect_listed, run_inspection_wire,
     BMIS_OK},
    {"referral outcome", false, true, prep_referred, run_outcome, BMIS_OK},
    {"refusal notice", false, true, prep_refused, run_notice, BMIS_OK},
    {"account add", false, false, NULL, run_account, BMIS_OK},
    {"session open", false, false, NULL, run_session_open, BMIS_OK},
    {"session check", false, false, prep_session, run_session_check, BMIS_OK},
    {"session revoke", false, false, prep_session, run_session_revoke, BMIS_OK},
    {"audit append", false, false, NULL, run_audit_append, BMIS_OK},
    {"audit verify + list", false, false, prep_audited, run_audit_read,
     BMIS_OK},
    {"movement history", false, false, prep_decided, run_history, BMIS_OK},
    {"UN list, index, JSONL", true, false, NULL, run_un_xml, BMIS_OK},
    {"movement protect", false, false, NULL, run_movement_protect, BMIS_OK},
    {"disposition review", false, true, prep_dismissed, run_review, BMIS_OK},
    {"referral list + get", false, true, prep_referred, run_referrals, BMIS_OK},
    {"account update", false, false, NULL, run_account_change, BMIS_OK},
    {"login, wrong password", false, false, NULL, run_login_wrong, BMIS_E_AUTH},
    {"lockout list", false, false, prep_failed_logins, run_lockouts, BMIS_OK},
};

static void op_test(void **state) {
  run_op_mode(*state, false);
  run_op_mode(*state, true);
  if (getenv("BMIS_OOM_JSON")) {
    fail_json = true;
    run_op_mode(*state, false);
    run_op_mode(*state, true);
    fail_json = false;
  }
}

/* The hook itself: a missing function is refused, NULL restores libc. */
static void the_hook_is_checked(void **state) {
  (void)state;
  bmis_allocator half = {t_malloc, NULL, t_free, &C};
  assert_int_equal(bmis_allocator_set(&half), BMIS_E_INVALID_ARG);
  bmis_allocator now;
  bmis_allocator_get(&now);
  assert_ptr_equal(now.malloc, t_malloc); /* unchanged */
  assert_int_equal(bmis_allocator_set(NULL), BMIS_OK);
  bmis_allocator_get(&now);
  assert_ptr_not_equal(now.malloc, t_malloc);
  /* a text the library makes comes from the hook in use */
  bmis_allocator mine = {t_malloc, t_realloc, t_free, &C};
  assert_int_equal(bmis_allocator_set(&mine), BMIS_OK);
  bmis_movement m;
  memset(&m, 0, sizeof m);
  long live = C.live;
  char *text = bmis_movement_to_json(&m);
  assert_non_null(text);
  assert_int_equal(C.live, live + 1);
  bmis_free(text);
  assert_int_equal(C.live, live);
}

int main(void) {
  bmis_allocator mine = {t_malloc, t_realloc, t_free, &C};
  json_set_alloc_funcs(j_malloc, j_free);
  if (bmis_allocator_set(&mine) != BMIS_OK)
    return 1;
  enum { NOPS = sizeof ops / sizeof ops[0] };
  struct CMUnitTest tests[NOPS + 1];
  memset(tests, 0, sizeof tests);
  tests[0].name = "the_hook_is_checked";
  tests[0].test_func = the_hook_is_checked;
  for (size_t i = 0; i < NOPS; i++) {
    tests[i + 1].name = ops[i].name;
    tests[i + 1].test_func = op_test;
    tests[i + 1].initial_state = (void *)&ops[i];
  }
  return cmocka_run_group_tests(tests, prepare_template, remove_template);
}

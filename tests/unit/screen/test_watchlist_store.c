/* Watchlists in the store, on a real store: imports that create and replace
 * a list and report what changed, a failed import that leaves the previous
 * version in force, reading lists and content back, removal, thresholds,
 * the category/action rules, the index scan, hit dispositions; and the JSON
 * form of entries (canonical text and hash, JSON lines and their errors).
 * Runs on SQLite, and on PostgreSQL with --pg-url-file (see
 * store_fixture.h). */
#include "store_fixture.h"

#include "bmis/inspect.h"
#include "bmis/screen.h"
#include "bmis/wire.h"
#include "screen/screen_internal.h"
#include "store/repo.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>

static int setup(void **state) {
  bmis_store *s = NULL;
  bmis_error err;
  if (bmis_store_open(fx_fresh_url(), NULL, &s, &err) != BMIS_OK)
    fail_msg("open: %s", err.message);
  *state = s;
  return 0;
}

static int teardown(void **state) {
  bmis_store_close(*state);
  return 0;
}

/* ---- helpers ---- */

/* Runs SQL on the store behind the library's back. */
static void raw_sql(const char *sql) {
  if (fx_is_pg()) {
    PGconn *c = PQconnectdb(fx_pg_url);
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK &&
        PQresultStatus(r) != PGRES_TUPLES_OK)
      fail_msg("postgres: %s", PQerrorMessage(c));
    PQclear(r);
    PQfinish(c);
  } else {
    sqlite3 *db;
    if (sqlite3_open(fx_path, &db) != SQLITE_OK ||
        sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
      fail_msg("sqlite: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
  }
}

/* The first column of the first row of a query, as text ("" when none). */
static const char *raw_text(const char *sql) {
  static char out[256];
  out[0] = 0;
  if (fx_is_pg()) {
    PGconn *c = PQconnectdb(fx_pg_url);
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
      fail_msg("postgres: %s", PQerrorMessage(c));
    if (PQntuples(r) > 0)
      snprintf(out, sizeof out, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    PQfinish(c);
  } else {
    sqlite3 *db;
    sqlite3_stmt *st;
    if (sqlite3_open(fx_path, &db) != SQLITE_OK ||
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
      fail_msg("sqlite: %s", sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      snprintf(out, sizeof out, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
  }
  return out;
}

static bmis_watchlist meta(const char *name, bmis_wl_category category,
                           bmis_hit_action action, const char *version,
                           int64_t at) {
  bmis_watchlist m;
  memset(&m, 0, sizeof m);
  snprintf(m.name, sizeof m.name, "%s", name);
  m.category = category;
  m.action = action;
  snprintf(m.source, sizeof m.source, "test source");
  snprintf(m.version, sizeof m.version, "%s", version);
  m.loaded_at = at;
  return m;
}

static bmis_watchlist sanctions(const char *version, int64_t at) {
  return meta("un", BMIS_WL_SANCTIONS, BMIS_HIT_REFER, version, at);
}

static bmis_wl_person *person(bmis_wl_content *c, const char *ref,
                              const char *name, int year) {
  bmis_wl_person *p;
  bmis_error err;
  if (bmis_wl_content_add_person(c, ref, &p, &err) != BMIS_OK ||
      bmis_wl_person_add_name(c, p, name, BMIS_NAME_PRIMARY, false, &err) !=
          BMIS_OK)
    fail_msg("person %s: %s", ref, err.message);
  if (year) {
    bmis_wl_birth b;
    memset(&b, 0, sizeof b);
    b.date.year = (int16_t)year;
    if (bmis_wl_person_add_birth(c, p, b, &err) != BMIS_OK)
      fail_msg("birth: %s", err.message);
  }
  return p;
}

static void document(bmis_wl_content *c, const char *ref, const char *state,
                     const char *number, bmis_doc_status status) {
  bmis_wl_document d;
  memset(&d, 0, sizeof d);
  snprintf(d.ref, sizeof d.ref, "%s", ref);
  snprintf(d.state, sizeof d.state, "%s", state);
  snprintf(d.number, sizeof d.number, "%s", number);
  snprintf(d.type, sizeof d.type, "P");
  d.status = status;
  bmis_error err;
  if (bmis_wl_content_add_document(c, &d, &err) != BMIS_OK)
    fail_msg("document %s: %s", ref, err.message);
}

/* The content as JSON lines (malloc'd). */
static char *jsonl(const bmis_wl_content *c) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  bmis_error err;
  if (bmis_wl_write_jsonl(c, f, &err) != BMIS_OK)
    fail_msg("write: %s", err.message);
  fclose(f);
  return buf;
}

/* The stored content of a list as JSON lines (malloc'd). */
static char *stored(bmis_store *s, const char *name) {
  bmis_wl_content *c = NULL;
  bmis_error err;
  if (bmis_watchlist_content(s, name, &c, &err) != BMIS_OK)
    fail_msg("content %s: %s", name, err.message);
  char *text = jsonl(c);
  bmis_wl_content_free(c);
  return text;
}

static void import_ok(bmis_store *s, const bmis_watchlist *m,
                      const bmis_wl_content *c, bmis_wl_report *r) {
  bmis_error err;
  if (bmis_watchlist_import(s, m, c, r, &err) != BMIS_OK)
    fail_msg("import: %s", err.message);
}

/* Version 1 of the list "un": persons A, B, C and document D. */
static bmis_wl_content *version1(void) {
  bmis_wl_content *c = bmis_wl_content_new();
  person(c, "A", "JOHN DOE", 1965);
  person(c, "B", "ALI HASSAN", 1970);
  person(c, "C", "MARIA SILVA", 1980);
  document(c, "D", "KEN", "AK0123456", BMIS_DOC_STOLEN);
  bmis_wl_content_set_version(c, "v1", NULL);
  return c;
}

/* Version 2: A the same, B with an alias, C gone, D now revoked, E new. */
static bmis_wl_content *version2(void) {
  bmis_wl_content *c = bmis_wl_content_new();
  person(c, "A", "JOHN DOE", 1965);
  bmis_wl_person *b = person(c, "B", "ALI HASSAN", 1970);
  bmis_wl_person_add_name(c, b, "ALY HASAN", BMIS_NAME_STRONG, false, NULL);
  document(c, "D", "KEN", "AK0123456", BMIS_DOC_REVOKED);
  person(c, "E", "CHEN WEI", 1990);
  bmis_wl_content_set_version(c, "v2", NULL);
  return c;
}

/* ---- import ---- */

static void the_schema_has_the_watchlist_migration(void **state) {
  bmis_store_info info;
  assert_int_equal(bmis_store_info_get(*state, &info, NULL), BMIS_OK);
  assert_true(info.schema_version >= 2);
  assert_int_equal(info.schema_version, info.schema_latest);
}

/* An empty file (a truncated download) must not empty a list in force. */
static void an_empty_version_is_refused(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c = version1();
  bmis_watchlist m = sanctions("", 1700000000);
  import_ok(s, &m, c, NULL);
  bmis_wl_content *empty = bmis_wl_content_new();
  bmis_error err;
  assert_int_equal(bmis_watchlist_import(s, &m, empty, NULL, &err),
                   BMIS_E_RULE);
  assert_non_null(strstr(err.message, "has no entries; the current version "
                                      "stays in force"));
  bmis_watchlist got;
  assert_int_equal(bmis_watchlist_get(s, m.name, &got, NULL), BMIS_OK);
  assert_int_equal(got.person_count, 3);
  assert_int_equal(got.document_count, 1);
  bmis_wl_content_free(empty);
  bmis_wl_content_free(c);
}

static void an_import_creates_the_list(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c = version1();
  bmis_watchlist m = sanctions("", 1700000000);
  m.threshold = 0.85;
  bmis_wl_report r;
  import_ok(s, &m, c, &r);
  assert_int_equal(r.added, 4);
  assert_int_equal(r.changed, 0);
  assert_int_equal(r.removed, 0);
  assert_int_equal(r.unchanged, 0);
  assert_string_equal(r.added_refs[0], "A");
  assert_string_equal(r.added_refs[1], "B");
  assert_string_equal(r.added_refs[2], "C");
  assert_string_equal(r.added_refs[3], "D");
  bmis_wl_report_free(&r);
  assert_null(r.added_refs);

  bmis_watchlist got;
  bmis_error err;
  assert_int_equal(bmis_watchlist_get(s, "un", &got, &err), BMIS_OK);
  assert_string_equal(got.name, "un");
  assert_int_equal(got.category, BMIS_WL_SANCTIONS);
  assert_int_equal(got.action, BMIS_HIT_REFER);
  assert_string_equal(got.source, "test source");
  assert_string_equal(got.version, "v1"); /* the file's own version */
  assert_int_equal(got.loaded_at, 1700000000);
  assert_true(got.threshold == 0.85);
  assert_int_equal(got.person_count, 3);
  assert_int_equal(got.document_count, 1);
  /* The derived columns. */
  assert_string_equal(raw_text("SELECT doc_number_norm || '|' || doc_number "
                               "|| '|' || doc_status || '|' || doc_state "
                               "FROM wl_entry WHERE ref = 'D'"),
                      "AK0123456|AK0123456|stolen|KEN");
  assert_string_equal(
      raw_text("SELECT count(*) FROM wl_entry WHERE kind = 'person' AND "
               "doc_number_norm IS NULL AND doc_status IS NULL"),
      "3");
  assert_int_equal(bmis_watchlist_get(s, "other", &got, &err),
                   BMIS_E_NOT_FOUND);
  assert_string_equal(err.message, "no watchlist 'other'");
  bmis_wl_content_free(c);
}

static void a_reimport_reports_exactly_what_changed(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c1 = version1(), *c2 = version2();
  bmis_watchlist m1 = sanctions("", 1700000000);
  import_ok(s, &m1, c1, NULL);
  char id_a[64], id_b[64], hash_b[64];
  snprintf(id_a, sizeof id_a, "%s",
           raw_text("SELECT id FROM wl_entry WHERE ref = 'A'"));
  snprintf(id_b, sizeof id_b, "%s",
           raw_text("SELECT id FROM wl_entry WHERE ref = 'B'"));
  snprintf(hash_b, sizeof hash_b, "%s",
           raw_text("SELECT hash FROM wl_entry WHERE ref = 'B'"));

  bmis_watchlist m2 = sanctions("2026-11-01", 1700086400);
  bmis_wl_report r;
  import_ok(s, &m2, c2, &r);
  assert_int_equal(r.added, 1);
  assert_string_equal(r.added_refs[0], "E");
  assert_int_equal(r.removed, 1);
  assert_string_equal(r.removed_refs[0], "C");
  assert_int_equal(r.changed, 2);
  assert_string_equal(r.changed_refs[0], "B");
  assert_string_equal(r.changed_refs[1], "D");
  assert_int_equal(r.unchanged, 1);
  bmis_wl_report_free(&r);

  /* Unchanged and changed rows stay where they were; the hash moved. */
  assert_string_equal(raw_text("SELECT id FROM wl_entry WHERE ref = 'A'"),
                      id_a);
  assert_string_equal(raw_text("SELECT id FROM wl_entry WHERE ref = 'B'"),
                      id_b);
  assert_string_not_equal(raw_text("SELECT hash FROM wl_entry WHERE ref = 'B'"),
                          hash_b);
  assert_string_equal(raw_text("SELECT doc_status FROM wl_entry WHERE ref = "
                               "'D'"),
                      "revoked");

  bmis_watchlist got;
  assert_int_equal(bmis_watchlist_get(s, "un", &got, NULL), BMIS_OK);
  assert_string_equal(got.version, "2026-11-01"); /* given wins */
  assert_int_equal(got.loaded_at, 1700086400);
  assert_int_equal(got.person_count, 3);
  assert_int_equal(got.document_count, 1);
  char *want = jsonl(c2), *have = stored(s, "un");
  /* The stored version is the given one, the file's own is v2. */
  assert_non_null(
      strstr(have, "{\"kind\":\"list\",\"version\":\"2026-11-01\"}"));
  assert_string_equal(strchr(have, '\n'), strchr(want, '\n'));
  free(want);
  free(have);

  /* The same version again changes nothing. */
  import_ok(s, &m2, c2, &r);
  assert_int_equal(r.added + r.removed + r.changed, 0);
  assert_int_equal(r.unchanged, 4);
  bmis_wl_report_free(&r);

  /* References are reported sorted, whatever the order in the file. */
  bmis_wl_content *c3 = version2();
  person(c3, "Z9", "LAST ADDED", 1950);
  person(c3, "F1", "FIRST ADDED", 1951);
  import_ok(s, &m2, c3, &r);
  assert_int_equal(r.added, 2);
  assert_string_equal(r.added_refs[0], "F1");
  assert_string_equal(r.added_refs[1], "Z9");
  assert_int_equal(r.unchanged, 4);
  bmis_wl_report_free(&r);
  bmis_wl_content_free(c3);
  bmis_wl_content_free(c1);
  bmis_wl_content_free(c2);
}

/* A store-side failure in the middle of the import (an insert refused by a
 * trigger, after an update has been written): the previous version is
 * still the list, content and metadata alike. */
static void a_failed_import_leaves_the_previous_version(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c1 = version1();
  bmis_watchlist m1 = sanctions("", 1700000000);
  import_ok(s, &m1, c1, NULL);
  char *before = stored(s, "un");
  if (fx_is_pg())
    raw_sql("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE "
            "EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql;"
            "CREATE TRIGGER refuse BEFORE INSERT ON wl_entry FOR EACH ROW "
            "WHEN (NEW.ref = 'BAD') EXECUTE FUNCTION refuse();");
  else
    raw_sql("CREATE TRIGGER refuse BEFORE INSERT ON wl_entry "
            "WHEN NEW.ref = 'BAD' BEGIN SELECT RAISE(ABORT, 'refused by the "
            "test'); END;");

  bmis_wl_content *c2 = version2(); /* B changed, C removed, E added ... */
  person(c2, "BAD", "REFUSED PERSON", 1960); /* ... then this fails */
  bmis_watchlist m2 = sanctions("", 1700086400);
  m2.threshold = 0.9;
  bmis_wl_report r;
  bmis_error err;
  assert_int_equal(bmis_watchlist_import(s, &m2, c2, &r, &err), BMIS_E_STORE);
  assert_non_null(strstr(err.message, "refused by the test"));
  assert_int_equal(r.added + r.changed + r.removed + r.unchanged, 0);
  assert_null(r.added_refs);

  char *after = stored(s, "un");
  assert_string_equal(after, before);
  bmis_watchlist got;
  assert_int_equal(bmis_watchlist_get(s, "un", &got, NULL), BMIS_OK);
  assert_string_equal(got.version, "v1");
  assert_int_equal(got.loaded_at, 1700000000);
  assert_true(got.threshold == 0);
  assert_int_equal(got.person_count, 3);

  /* A first import that fails leaves no list at all. */
  bmis_watchlist m3 = meta("new", BMIS_WL_WANTED, BMIS_HIT_NOTIFY, "", 1);
  assert_int_equal(bmis_watchlist_import(s, &m3, c2, NULL, &err), BMIS_E_STORE);
  assert_int_equal(bmis_watchlist_get(s, "new", &got, &err), BMIS_E_NOT_FOUND);

  /* Inside a caller's batch, the failed import is undone alone. */
  assert_int_equal(bmis_store_begin(s, &err), BMIS_OK);
  bmis_watchlist m4 = meta("good", BMIS_WL_WANTED, BMIS_HIT_NOTIFY, "", 1);
  import_ok(s, &m4, c1, NULL);
  assert_int_equal(bmis_watchlist_import(s, &m2, c2, NULL, &err), BMIS_E_STORE);
  assert_int_equal(bmis_store_commit(s, &err), BMIS_OK);
  assert_int_equal(bmis_watchlist_get(s, "good", &got, NULL), BMIS_OK);
  assert_int_equal(got.person_count, 3);
  free(after);
  after = stored(s, "un");
  assert_string_equal(after, before);

  free(before);
  free(after);
  bmis_wl_content_free(c1);
  bmis_wl_content_free(c2);
}

static void lists_are_listed_by_name_with_counts(void **state) {
  bmis_store *s = *state;
  bmis_watchlist *all = NULL;
  size_t n = 99;
  bmis_error err;
  assert_int_equal(bmis_watchlist_list(s, &all, &n, &err), BMIS_OK);
  assert_int_equal(n, 0);
  bmis_free(all);

  bmis_wl_content *c1 = version1();
  bmis_wl_content *docs = bmis_wl_content_new();
  document(docs, "L1", "GBR", "123456789", BMIS_DOC_LOST);
  document(docs, "L2", "FRA", "12AB34567", BMIS_DOC_STOLEN);
  bmis_watchlist m1 = sanctions("", 10);
  bmis_watchlist m2 = meta("interpol.sltd", BMIS_WL_DOCUMENTS, BMIS_HIT_NOTIFY,
                           "2026-11-26", 20);
  import_ok(s, &m1, c1, NULL);
  import_ok(s, &m2, docs, NULL);
  assert_int_equal(bmis_watchlist_list(s, &all, &n, &err), BMIS_OK);
  assert_int_equal(n, 2);
  assert_string_equal(all[0].name, "interpol.sltd");
  assert_int_equal(all[0].category, BMIS_WL_DOCUMENTS);
  assert_int_equal(all[0].action, BMIS_HIT_NOTIFY);
  assert_int_equal(all[0].person_count, 0);
  assert_int_equal(all[0].document_count, 2);
  assert_string_equal(all[0].version, "2026-11-26");
  assert_int_equal(all[0].loaded_at, 20);
  assert_string_equal(all[1].name, "un");
  assert_int_equal(all[1].person_count, 3);
  assert_int_equal(all[1].document_count, 1);
  bmis_free(all);
  bmis_wl_content_free(c1);
  bmis_wl_content_free(docs);
}

/* A person with every member, and a document with every member. */
static bmis_wl_content *rich(void) {
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_error err;
  bmis_wl_person *p;
  assert_int_equal(bmis_wl_content_add_person(c, "QDi.335", &p, &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_add_name(c, p, "ABD AL-RAHMAN AL-MASRI",
                                           BMIS_NAME_PRIMARY, false, &err),
                   BMIS_OK);
  assert_int_equal(bmis_wl_person_add_name(c, p, "عبد الرحمن المصري",
                                           BMIS_NAME_PRIMARY, true, &err),
                   BMIS_OK);
  assert_int_equal(
      bmis_wl_person_add_name(c, p, "Abu Ahmad", BMIS_NAME_WEAK, false, &err),
      BMIS_OK);
  bmis_wl_birth b1 = {{1965, 3, 2}, 0, false};
  bmis_wl_birth b2 = {{1966, 0, 0}, 1968, true};
  bmis_wl_birth b3 = {{1970, 7, 0}, 0, false};
  assert_int_equal(bmis_wl_person_add_birth(c, p, b1, &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_add_birth(c, p, b2, &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_add_birth(c, p, b3, &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_add_nationality(c, p, "EGY", &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_add_nationality(c, p, "SDN", &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_add_birth_country(c, p, "EGY", &err),
                   BMIS_OK);
  assert_int_equal(bmis_wl_person_add_birth_place(c, p, "Cairo", &err),
                   BMIS_OK);
  p->sex = 'M';
  bmis_wl_person_doc d = {"passport", "EGY", "A1234567"};
  assert_int_equal(bmis_wl_person_add_document(c, p, &d, &err), BMIS_OK);
  bmis_wl_person_doc d2 = {"national_id", "", "29001011234567"};
  assert_int_equal(bmis_wl_person_add_document(c, p, &d2, &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_set_remarks(
                       c, p, "Listed on 2001-10-06. \"Quoted\"", &err),
                   BMIS_OK);
  person(c, "QDi.400", "SECOND PERSON", 0);
  bmis_wl_document doc;
  memset(&doc, 0, sizeof doc);
  snprintf(doc.ref, sizeof doc.ref, "SLTD-1");
  snprintf(doc.state, sizeof doc.state, "KEN");
  snprintf(doc.number, sizeof doc.number, "AK 012-3456");
  snprintf(doc.type, sizeof doc.type, "P");
  doc.status = BMIS_DOC_INVALIDATED;
  doc.reported = (bmis_date){2025, 1, 31};
  doc.remarks = "reported at Nairobi";
  assert_int_equal(bmis_wl_content_add_document(c, &doc, &err), BMIS_OK);
  assert_int_equal(bmis_wl_content_set_version(c, "2026-11-26T10:00", &err),
                   BMIS_OK);
  return c;
}

static const char rich_jsonl[] =
    "{\"kind\":\"list\",\"version\":\"2026-11-26T10:00\"}\n"
    "{\"kind\":\"person\",\"ref\":\"QDi.335\",\"names\":["
    "{\"text\":\"ABD AL-RAHMAN AL-MASRI\",\"quality\":\"primary\"},"
    "{\"text\":\"عبد الرحمن المصري\",\"quality\":\"primary\","
    "\"original_script\":true},"
    "{\"text\":\"Abu Ahmad\",\"quality\":\"weak\"}],"
    "\"births\":[{\"date\":\"1965-03-02\"},"
    "{\"date\":\"1966\",\"to_year\":1968,\"approximate\":true},"
    "{\"date\":\"1970-07\"}],"
    "\"nationalities\":[\"EGY\",\"SDN\"],\"birth_countries\":[\"EGY\"],"
    "\"birth_places\":[\"Cairo\"],\"sex\":\"M\","
    "\"documents\":[{\"type\":\"passport\",\"state\":\"EGY\","
    "\"number\":\"A1234567\"},"
    "{\"type\":\"national_id\",\"number\":\"29001011234567\"}],"
    "\"remarks\":\"Listed on 2001-10-06. \\\"Quoted\\\"\"}\n"
    "{\"kind\":\"person\",\"ref\":\"QDi.400\",\"names\":["
    "{\"text\":\"SECOND PERSON\",\"quality\":\"primary\"}]}\n"
    "{\"kind\":\"document\",\"ref\":\"SLTD-1\",\"state\":\"KEN\","
    "\"number\":\"AK 012-3456\",\"type\":\"P\",\"status\":\"invalidated\","
    "\"reported\":\"2025-01-31\",\"remarks\":\"reported at Nairobi\"}\n";

static void content_comes_back_as_imported(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c = rich();
  char *want = jsonl(c);
  assert_string_equal(want, rich_jsonl);
  bmis_watchlist m = sanctions("", 5);
  import_ok(s, &m, c, NULL);
  char *have = stored(s, "un");
  assert_string_equal(have, rich_jsonl);

  /* One entry, for `show`. */
  bmis_wl_content *one = NULL;
  bmis_error err;
  assert_int_equal(bmis__wl_person_get(s, "un", "QDi.335", &one, &err),
                   BMIS_OK);
  assert_int_equal(bmis_wl_person_count(one), 1);
  assert_int_equal(bmis_wl_document_count(one), 0);
  assert_string_equal(bmis_wl_content_version(one), "2026-11-26T10:00");
  const bmis_wl_person *p = bmis_wl_person_at(one, 0);
  assert_string_equal(p->ref, "QDi.335");
  assert_int_equal(p->name_count, 3);
  assert_true(p->names[1].original_script);
  assert_int_equal(p->births[1].to_year, 1968);
  assert_int_equal(p->document_count, 2);
  bmis_wl_content_free(one);
  assert_int_equal(bmis__wl_person_get(s, "un", "SLTD-1", &one, &err), BMIS_OK);
  assert_int_equal(bmis_wl_document_count(one), 1);
  assert_int_equal(bmis_wl_document_at(one, 0)->status, BMIS_DOC_INVALIDATED);
  bmis_wl_content_free(one);
  assert_int_equal(bmis__wl_person_get(s, "un", "QDi.999", &one, &err),
                   BMIS_E_NOT_FOUND);
  assert_null(one);
  assert_string_equal(err.message, "no entry 'QDi.999' in watchlist 'un'");
  assert_int_equal(bmis__wl_person_get(s, "nope", "QDi.335", &one, &err),
                   BMIS_E_NOT_FOUND);
  assert_int_equal(bmis_watchlist_content(s, "nope", &one, &err),
                   BMIS_E_NOT_FOUND);
  free(want);
  free(have);
  bmis_wl_content_free(c);
}

static void text_that_is_not_utf8_is_refused(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c = bmis_wl_content_new();
  person(c, "X1", "M\xfcLLER", 0); /* Latin-1, not UTF-8 */
  bmis_watchlist m = sanctions("", 1);
  bmis_error err;
  assert_int_equal(bmis_watchlist_import(s, &m, c, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message,
                      "entry 'X1': cannot be written as JSON (text that is "
                      "not UTF-8, or out of memory)");
  bmis_watchlist got;
  assert_int_equal(bmis_watchlist_get(s, "un", &got, NULL), BMIS_E_NOT_FOUND);
  bmis_wl_content_free(c);
}

/* Issue 12, defect 14: content built through the public adders (as a front
 * end may) with an entry that could never match is not put in force. */
static void an_entry_that_cannot_match_is_refused(void **state) {
  bmis_store *s = *state;
  bmis_watchlist m = sanctions("", 1);
  bmis_error err;
  bmis_wl_content *c = bmis_wl_content_new();
  person(c, "A", "JOHN DOE", 1965);
  bmis_wl_person *p;
  assert_int_equal(bmis_wl_content_add_person(c, "NONAME", &p, &err), BMIS_OK);
  assert_int_equal(bmis_watchlist_import(s, &m, c, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(
      err.message, "person 'NONAME' has no name; it could never be screened");
  bmis_wl_content_free(c);
  c = bmis_wl_content_new();
  person(c, "A", "JOHN DOE", 1965);
  document(c, "D", "KEN", "--", BMIS_DOC_STOLEN);
  assert_int_equal(bmis_watchlist_import(s, &m, c, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "document 'D': number '--' has no letter "
                                   "or digit; it could never be screened");
  /* Issue 12, defect 4: the list's source and version are one line of
   * UTF-8, refused otherwise. */
  bmis_wl_content_free(c);
  c = version1();
  m = sanctions("2026-\xc3", 1);
  assert_int_equal(bmis_watchlist_import(s, &m, c, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "version: not valid UTF-8 at byte 6");
  m = sanctions("v1", 1);
  snprintf(m.source, sizeof m.source, "UN\x1b[2J");
  assert_int_equal(bmis_watchlist_import(s, &m, c, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "source: control character U+001B"));
  bmis_watchlist got;
  assert_int_equal(bmis_watchlist_get(s, "un", &got, NULL), BMIS_E_NOT_FOUND);
  bmis_wl_content_free(c);
}

static void a_removed_list_is_gone(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c = version1();
  bmis_watchlist m = sanctions("", 1);
  import_ok(s, &m, c, NULL);
  bmis_error err;
  assert_int_equal(bmis_watchlist_remove(s, "un", &err), BMIS_OK);
  bmis_watchlist got;
  assert_int_equal(bmis_watchlist_get(s, "un", &got, &err), BMIS_E_NOT_FOUND);
  assert_string_equal(raw_text("SELECT count(*) FROM wl_entry"), "0");
  assert_int_equal(bmis_watchlist_remove(s, "un", &err), BMIS_E_NOT_FOUND);
  assert_string_equal(err.message, "no watchlist 'un'");
  /* Imported again, it starts afresh: everything is added. */
  bmis_wl_report r;
  import_ok(s, &m, c, &r);
  assert_int_equal(r.added, 4);
  bmis_wl_report_free(&r);
  bmis_wl_content_free(c);
}

static void the_threshold_is_checked(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c = version1();
  bmis_watchlist m = sanctions("", 1);
  import_ok(s, &m, c, NULL);
  bmis_error err;
  bmis_watchlist got;
  assert_int_equal(bmis_watchlist_set_threshold(s, "un", 0.72, &err), BMIS_OK);
  assert_int_equal(bmis_watchlist_get(s, "un", &got, NULL), BMIS_OK);
  assert_true(got.threshold == 0.72);
  assert_int_equal(bmis_watchlist_set_threshold(s, "un", 1.0, &err), BMIS_OK);
  assert_int_equal(bmis_watchlist_get(s, "un", &got, NULL), BMIS_OK);
  assert_true(got.threshold == 1.0);
  const double bad[] = {1.01, -0.1, NAN, INFINITY};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    assert_int_equal(bmis_watchlist_set_threshold(s, "un", bad[i], &err),
                     BMIS_E_INVALID_ARG);
    assert_non_null(strstr(err.message, "threshold: must be above 0 and at "
                                        "most 1"));
  }
  assert_int_equal(bmis_watchlist_get(s, "un", &got, NULL), BMIS_OK);
  assert_true(got.threshold == 1.0);
  assert_int_equal(bmis_watchlist_set_threshold(s, "un", 0, &err), BMIS_OK);
  assert_int_equal(bmis_watchlist_get(s, "un", &got, NULL), BMIS_OK);
  assert_true(got.threshold == 0);
  assert_int_equal(bmis_watchlist_set_threshold(s, "none", 0.5, &err),
                   BMIS_E_NOT_FOUND);
  m.threshold = 1.5;
  assert_int_equal(bmis_watchlist_import(s, &m, c, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "threshold"));
  bmis_wl_content_free(c);
}

static void category_action_and_name_rules(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c = version1();
  bmis_error err;
  struct {
    const char *name;
    bmis_wl_category category;
    bmis_hit_action action;
    const char *message;
  } bad[] = {
      {"p", BMIS_WL_PROTECTION_ALERT, BMIS_HIT_REFER,
       "action: a protection alert calls for 'protect' (a referral for "
       "protection), not 'refer'"},
      {"p", BMIS_WL_SANCTIONS, BMIS_HIT_PROTECT,
       "action: only a protection_alert list may call for 'protect' (this "
       "list is sanctions)"},
      {"p", BMIS_WL_CATEGORY_NONE, BMIS_HIT_REFER,
       "category: one of sanctions, wanted, national_alert, "
       "protection_alert, lost_stolen_documents is needed"},
      {"p", (bmis_wl_category)99, BMIS_HIT_REFER,
       "category: one of sanctions, wanted, national_alert, "
       "protection_alert, lost_stolen_documents is needed"},
      {"p", BMIS_WL_WANTED, BMIS_HIT_ACTION_NONE,
       "action: one of refer, notify, protect is needed"},
      {"Upper", BMIS_WL_WANTED, BMIS_HIT_REFER,
       "name: 'Upper' may hold only a-z, 0-9, '_', '.' and '-'"},
      {"a b", BMIS_WL_WANTED, BMIS_HIT_REFER,
       "name: 'a b' may hold only a-z, 0-9, '_', '.' and '-'"},
      {"", BMIS_WL_WANTED, BMIS_HIT_REFER,
       "name: a list name is 1-63 characters"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    bmis_watchlist m = meta(bad[i].name, bad[i].category, bad[i].action, "", 1);
    assert_int_equal(bmis_watchlist_import(s, &m, c, NULL, &err),
                     BMIS_E_INVALID_ARG);
    assert_string_equal(err.message, bad[i].message);
  }
  /* 64 characters do not fit. */
  bmis_watchlist m = meta("x", BMIS_WL_WANTED, BMIS_HIT_REFER, "", 1);
  memset(m.name, 'a', sizeof m.name);
  assert_int_equal(bmis_watchlist_import(s, &m, c, NULL, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "name: a list name is 1-63 characters");
  bmis_watchlist *all;
  size_t n;
  assert_int_equal(bmis_watchlist_list(s, &all, &n, NULL), BMIS_OK);
  assert_int_equal(n, 0);
  bmis_free(all);

  bmis_watchlist ok1 = meta("child-protection_2026.v1",
                            BMIS_WL_PROTECTION_ALERT, BMIS_HIT_PROTECT, "", 1);
  import_ok(s, &ok1, c, NULL);
  bmis_watchlist ok2 =
      meta("national", BMIS_WL_NATIONAL_ALERT, BMIS_HIT_NOTIFY, "", 1);
  import_ok(s, &ok2, c, NULL);
  bmis_watchlist got;
  assert_int_equal(
      bmis_watchlist_get(s, "child-protection_2026.v1", &got, NULL), BMIS_OK);
  assert_int_equal(got.category, BMIS_WL_PROTECTION_ALERT);
  assert_int_equal(got.action, BMIS_HIT_PROTECT);
  bmis_wl_content_free(c);
}

/* ---- the index scan ---- */

typedef struct scan_seen {
  size_t persons, documents;
  char last_person[64], person_list[64], person_hash[33], person_key[512];
  char doc_ref[64], doc_list[64], doc_state[4], doc_norm[40], doc_number[40];
  bmis_doc_status doc_status;
  size_t stop_after; /* 0: never */
} scan_seen;

static bmis_status on_person(void *ctx, const bmis_watchlist *list,
                             const char *ref, const char *hash,
                             const char *match_key, bmis_error *err) {
  scan_seen *x = ctx;
  x->persons++;
  if (x->stop_after && x->persons + x->documents >= x->stop_after)
    return bmis_error_set(err, BMIS_E_RULE, "stopped by the test");
  snprintf(x->last_person, sizeof x->last_person, "%s", ref);
  snprintf(x->person_list, sizeof x->person_list, "%s", list->name);
  snprintf(x->person_hash, sizeof x->person_hash, "%s", hash);
  snprintf(x->person_key, sizeof x->person_key, "%s", match_key);
  return BMIS_OK;
}

static bmis_status on_document(void *ctx, const bmis_watchlist *list,
                               const char *ref, const char *hash,
                               const char *state, const char *number_norm,
                               const char *number_as_listed,
                               bmis_doc_status status, bmis_error *err) {
  (void)hash;
  scan_seen *x = ctx;
  x->documents++;
  if (x->stop_after && x->persons + x->documents >= x->stop_after)
    return bmis_error_set(err, BMIS_E_RULE, "stopped by the test");
  snprintf(x->doc_ref, sizeof x->doc_ref, "%s", ref);
  snprintf(x->doc_list, sizeof x->doc_list, "%s", list->name);
  snprintf(x->doc_state, sizeof x->doc_state, "%s", state);
  snprintf(x->doc_norm, sizeof x->doc_norm, "%s", number_norm);
  snprintf(x->doc_number, sizeof x->doc_number, "%s", number_as_listed);
  x->doc_status = status;
  return BMIS_OK;
}

static void the_scan_streams_every_entry_of_every_list(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  scan_seen x;
  memset(&x, 0, sizeof x);
  assert_int_equal(bmis__wl_scan(s, on_person, on_document, &x, &err), BMIS_OK);
  assert_int_equal(x.persons + x.documents, 0);

  bmis_wl_content *c = rich();
  bmis_watchlist m = sanctions("", 1);
  import_ok(s, &m, c, NULL);
  /* More documents than one page of the scan. */
  enum { DOCS = 50001 };
  bmis_wl_content *docs = bmis_wl_content_new();
  for (int i = 0; i < DOCS; i++) {
    char ref[16], number[16];
    snprintf(ref, sizeof ref, "S%d", i);
    snprintf(number, sizeof number, "X-%07d", i);
    document(docs, ref, i % 2 ? "GBR" : "FRA", number, BMIS_DOC_LOST);
  }
  bmis_watchlist md = meta("sltd", BMIS_WL_DOCUMENTS, BMIS_HIT_NOTIFY, "", 2);
  import_ok(s, &md, docs, NULL);

  assert_int_equal(bmis__wl_scan(s, on_person, on_document, &x, &err), BMIS_OK);
  assert_int_equal(x.persons, 2);
  assert_int_equal(x.documents, DOCS + 1);
  assert_string_equal(x.last_person, "QDi.400");
  assert_string_equal(x.person_list, "un");
  assert_string_equal(x.doc_ref, "S50000");
  assert_string_equal(x.doc_list, "sltd");
  assert_string_equal(x.doc_state, "FRA");
  assert_string_equal(x.doc_norm, "X0050000");
  assert_string_equal(x.doc_number, "X-0050000");
  assert_int_equal(x.doc_status, BMIS_DOC_LOST);
  /* What is stored is the canonical text's hash and the person's key. */
  const bmis_wl_person *p = bmis_wl_person_at(c, 1);
  char *text = NULL, hash[33];
  assert_int_equal(bmis__wire_wl_entry_text(p, NULL, true, &text), BMIS_OK);
  assert_int_equal(bmis__wl_text_hash(text, strlen(text), hash), BMIS_OK);
  free(text);
  assert_string_equal(x.person_hash, hash);
  char *key = NULL;
  assert_int_equal(bmis__person_match_key(p, &key, &err), BMIS_OK);
  assert_string_equal(x.person_key, key);
  bmis_free(key);

  /* Either callback may be left out; a callback's error stops the scan. */
  memset(&x, 0, sizeof x);
  assert_int_equal(bmis__wl_scan(s, on_person, NULL, &x, &err), BMIS_OK);
  assert_int_equal(x.persons, 2);
  assert_int_equal(x.documents, 0);
  memset(&x, 0, sizeof x);
  x.stop_after = 10;
  assert_int_equal(bmis__wl_scan(s, on_person, on_document, &x, &err),
                   BMIS_E_RULE);
  assert_string_equal(err.message, "stopped by the test");
  assert_int_equal(x.persons + x.documents, 10);
  /* The store is usable afterwards (the snapshot was ended). */
  assert_int_equal(bmis_watchlist_remove(s, "sltd", &err), BMIS_OK);
  memset(&x, 0, sizeof x);
  assert_int_equal(bmis__wl_scan(s, on_person, on_document, &x, &err), BMIS_OK);
  assert_int_equal(x.documents, 1);
  bmis_wl_content_free(c);
  bmis_wl_content_free(docs);
}

/* ---- dispositions ---- */

static bmis_hit hit_on(const char *list, const char *ref, const char *hash) {
  bmis_hit h;
  memset(&h, 0, sizeof h);
  h.kind = BMIS_HIT_PERSON;
  snprintf(h.list, sizeof h.list, "%s", list);
  snprintf(h.ref, sizeof h.ref, "%s", ref);
  snprintf(h.entry_hash, sizeof h.entry_hash, "%s", hash);
  return h;
}

static bmis_hit_disposition decision(const char *key, bmis_hit_decision d,
                                     const char *reason, int64_t at) {
  bmis_hit_disposition x;
  memset(&x, 0, sizeof x);
  snprintf(x.traveller_key, sizeof x.traveller_key, "%s", key);
  x.decision = d;
  snprintf(x.reason, sizeof x.reason, "%s", reason);
  snprintf(x.by, sizeof x.by, "kariuki");
  snprintf(x.role, sizeof x.role, "officer");
  x.at = at;
  return x;
}

static void dispositions_are_found_and_voided(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c1 = version1();
  bmis_watchlist m = sanctions("", 1);
  import_ok(s, &m, c1, NULL);
  char hash_b[33];
  snprintf(hash_b, sizeof hash_b, "%s",
           raw_text("SELECT hash FROM wl_entry WHERE ref = 'B'"));
  assert_int_equal(strlen(hash_b), 32);
  bmis_hit h = hit_on("un", "B", hash_b);
  bmis_error err;

  bmis_hit_disposition d1 = decision("doc:KEN:AK999", BMIS_HIT_DISMISSED,
                                     "different date of birth", 1000);
  assert_int_equal(bmis_hit_dispose(s, &h, &d1, &err), BMIS_OK);
  assert_true(bmis_uuid_is_valid(d1.id));
  assert_string_equal(d1.entry_key, "un/B");
  bmis_hit_disposition d2 =
      decision("person-7", BMIS_HIT_CONFIRMED, "fingerprints match", 2000);
  snprintf(d2.role, sizeof d2.role, "supervisor");
  /* the caller's own id (made with its clock's milliseconds) is kept, and
   * one that is not a UUID refused */
  snprintf(d2.id, sizeof d2.id, "not-a-uuid");
  assert_int_equal(bmis_hit_dispose(s, &h, &d2, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "id: not a UUID");
  snprintf(d2.id, sizeof d2.id, "0190a6f0-7c1e-7b2a-9d3e-00000000d002");
  assert_int_equal(bmis_hit_dispose(s, &h, &d2, &err), BMIS_OK);
  assert_string_equal(d2.id, "0190a6f0-7c1e-7b2a-9d3e-00000000d002");

  /* The latest for any of the traveller's keys. */
  const char *keys[] = {"doc:KEN:AK999", NULL, "", "person-7"};
  bmis_hit_disposition out;
  bool found = false;
  assert_int_equal(bmis__disposition_latest(s, "un", "B", keys, 4, hash_b, &out,
                                            &found, &err),
                   BMIS_OK);
  assert_true(found);
  assert_string_equal(out.id, d2.id);
  assert_int_equal(out.decision, BMIS_HIT_CONFIRMED);
  assert_string_equal(out.reason, "fingerprints match");
  assert_string_equal(out.by, "kariuki");
  assert_string_equal(out.role, "supervisor");
  assert_string_equal(out.traveller_key, "person-7");
  assert_string_equal(out.entry_key, "un/B");
  assert_int_equal(out.at, 2000);
  assert_false(out.voided);
  /* By the document key alone, the earlier one. */
  assert_int_equal(bmis__disposition_latest(s, "un", "B", keys, 1, hash_b, &out,
                                            &found, &err),
                   BMIS_OK);
  assert_true(found);
  assert_string_equal(out.id, d1.id);
  assert_int_equal(out.decision, BMIS_HIT_DISMISSED);
  /* Not for another traveller, nor another entry. */
  const char *other[] = {"doc:KEN:OTHER", "person-8"};
  assert_int_equal(bmis__disposition_latest(s, "un", "B", other, 2, hash_b,
                                            &out, &found, &err),
                   BMIS_OK);
  assert_false(found);
  assert_int_equal(bmis__disposition_latest(s, "un", "A", keys, 4, hash_b, &out,
                                            &found, &err),
                   BMIS_OK);
  assert_false(found);

  /* B changes: the decision is kept but voided. */
  bmis_wl_content *c2 = version2();
  import_ok(s, &m, c2, NULL);
  char hash_b2[33];
  snprintf(hash_b2, sizeof hash_b2, "%s",
           raw_text("SELECT hash FROM wl_entry WHERE ref = 'B'"));
  assert_string_not_equal(hash_b2, hash_b);
  assert_int_equal(bmis__disposition_latest(s, "un", "B", keys, 4, hash_b2,
                                            &out, &found, &err),
                   BMIS_OK);
  assert_true(found);
  assert_string_equal(out.id, d2.id);
  assert_true(out.voided);

  /* Removing the list keeps them, as history. */
  assert_int_equal(bmis_watchlist_remove(s, "un", &err), BMIS_OK);
  assert_int_equal(
      bmis__disposition_latest(s, "un", "B", keys, 4, NULL, &out, &found, &err),
      BMIS_OK);
  assert_true(found);
  assert_true(out.voided);
  bmis_wl_content_free(c1);
  bmis_wl_content_free(c2);
}

static void a_disposition_needs_every_field(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  const char *hash = "0123456789abcdef0123456789abcdef";
  bmis_hit h = hit_on("un", "B", hash);
  bmis_hit_disposition d;

  d = decision("person-7", BMIS_HIT_DISMISSED, "", 10);
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: required");
  d = decision("person-7", BMIS_HIT_DISMISSED, "   ", 10);
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: required");
  d = decision("person-7", BMIS_HIT_DISMISSED, "x", 10);
  memset(d.reason, 'r', sizeof d.reason);
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: longer than 255 bytes");
  /* Issue 12, defect 4: cut inside a character, or a control character. */
  d = decision("person-7", BMIS_HIT_DISMISSED, "photo differs \xc3", 10);
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: not valid UTF-8 at byte 15");
  d = decision("person-7", BMIS_HIT_DISMISSED, "photo\x1b[2J", 10);
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "reason: control character U+001B"));
  d = decision("person-7", BMIS_HIT_DECISION_NONE, "why", 10);
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "decision: must be confirmed or dismissed");
  d = decision("", BMIS_HIT_DISMISSED, "why", 10);
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "traveller_key: required");
  d = decision("person-7", BMIS_HIT_DISMISSED, "why", 10);
  d.by[0] = 0;
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "by: required");
  d = decision("person-7", BMIS_HIT_DISMISSED, "why", 10);
  d.role[0] = 0;
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "role: required");
  d = decision("person-7", BMIS_HIT_DISMISSED, "why", 0);
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "at: the time of the decision is required");
  bmis_hit bad = hit_on("un", "B", "0123456789ABCDEF0123456789ABCDEF");
  d = decision("person-7", BMIS_HIT_DISMISSED, "why", 10);
  assert_int_equal(bmis_hit_dispose(s, &bad, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message,
                      "hit.entry_hash: must be 32 lower-case hex digits");
  bad = hit_on("", "B", hash);
  assert_int_equal(bmis_hit_dispose(s, &bad, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "hit.list: required");
  bad = hit_on("un", "", hash);
  assert_int_equal(bmis_hit_dispose(s, &bad, &d, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "hit.ref: required");
  assert_string_equal(raw_text("SELECT count(*) FROM hit_disposition"), "0");
  /* A reason of exactly 255 bytes is kept whole. */
  d = decision("person-7", BMIS_HIT_CONFIRMED, "", 10);
  memset(d.reason, 'r', 255);
  d.reason[255] = 0;
  assert_int_equal(bmis_hit_dispose(s, &h, &d, &err), BMIS_OK);
  assert_string_equal(raw_text("SELECT length(reason) FROM hit_disposition"),
                      "255");
}

static int collect_ids(const bmis_hit_disposition *d, void *ctx) {
  char(*ids)[37] = ctx;
  for (int i = 0; i < 8; i++)
    if (!ids[i][0]) {
      memcpy(ids[i], d->id, 37);
      break;
    }
  return 0;
}

/* Dismissals of sanctions and wanted-person hits at or above the list's
 * confirm_at wait for a second person: stored pending, listed, found as
 * the latest, reviewed once by another supervisor. */
static void dismissals_that_matter_wait_for_a_second_person(void **state) {
  bmis_store *s = *state;
  bmis_wl_content *c1 = version1();
  bmis_watchlist m = sanctions("", 1);
  import_ok(s, &m, c1, NULL);
  bmis_watchlist n =
      meta("national", BMIS_WL_NATIONAL_ALERT, BMIS_HIT_REFER, "", 1);
  import_ok(s, &n, c1, NULL);
  char hash_b[33];
  snprintf(hash_b, sizeof hash_b, "%s",
           raw_text("SELECT hash FROM wl_entry WHERE ref = 'B' AND "
                    "watchlist_id = (SELECT id FROM watchlist WHERE name = "
                    "'un')"));
  bmis_error err;
  bmis_watchlist w;
  assert_int_equal(bmis_watchlist_get(s, "un", &w, &err), BMIS_OK);
  assert_true(w.confirm_at == 0);

  /* 1.00 on a sanctions list, by an officer: pending */
  bmis_hit h = hit_on("un", "B", hash_b);
  h.score = 1.0;
  bmis_hit_disposition d1 =
      decision("doc:KEN:AK999", BMIS_HIT_DISMISSED, "not him", 1000);
  assert_int_equal(bmis_hit_dispose(s, &h, &d1, &err), BMIS_OK);
  assert_int_equal(d1.review, BMIS_REVIEW_PENDING);
  /* 0.89, under the default 0.90: at once */
  h.score = 0.89;
  bmis_hit_disposition d2 =
      decision("doc:KEN:AK888", BMIS_HIT_DISMISSED, "not him", 1001);
  assert_int_equal(bmis_hit_dispose(s, &h, &d2, &err), BMIS_OK);
  assert_int_equal(d2.review, BMIS_REVIEW_NONE);
  /* exactly 0.90: pending; a confirmation of the hit never waits */
  h.score = 0.90;
  bmis_hit_disposition d3 =
      decision("doc:KEN:AK777", BMIS_HIT_DISMISSED, "not him", 1002);
  assert_int_equal(bmis_hit_dispose(s, &h, &d3, &err), BMIS_OK);
  assert_int_equal(d3.review, BMIS_REVIEW_PENDING);
  bmis_hit_disposition d4 =
      decision("doc:KEN:AK666", BMIS_HIT_CONFIRMED, "it is him", 1003);
  assert_int_equal(bmis_hit_dispose(s, &h, &d4, &err), BMIS_OK);
  assert_int_equal(d4.review, BMIS_REVIEW_NONE);
  /* a national alert, whatever the score (and the hit's own category is
   * not believed over the list's): at once */
  bmis_hit hn = hit_on("national", "B", hash_b);
  hn.score = 1.0;
  hn.category = BMIS_WL_SANCTIONS;
  bmis_hit_disposition d5 =
      decision("doc:KEN:AK555", BMIS_HIT_DISMISSED, "not him", 1004);
  assert_int_equal(bmis_hit_dispose(s, &hn, &d5, &err), BMIS_OK);
  assert_int_equal(d5.review, BMIS_REVIEW_NONE);
  /* the list's own confirm_at */
  assert_int_equal(bmis_watchlist_set_confirm_at(s, "un", 0.95, &err), BMIS_OK);
  assert_int_equal(bmis_watchlist_get(s, "un", &w, &err), BMIS_OK);
  assert_true(w.confirm_at > 0.949 && w.confirm_at < 0.951);
  bmis_hit_disposition d6 =
      decision("doc:KEN:AK444", BMIS_HIT_DISMISSED, "not him", 1005);
  assert_int_equal(bmis_hit_dispose(s, &h, &d6, &err), BMIS_OK);
  assert_int_equal(d6.review, BMIS_REVIEW_NONE);
  /* a re-import keeps it */
  import_ok(s, &m, c1, NULL);
  assert_int_equal(bmis_watchlist_get(s, "un", &w, &err), BMIS_OK);
  assert_true(w.confirm_at > 0.949 && w.confirm_at < 0.951);
  /* a removed list: the hit's category and the default */
  bmis_hit hg = hit_on("gone", "B", hash_b);
  hg.score = 0.95;
  hg.category = BMIS_WL_WANTED;
  bmis_hit_disposition d7 =
      decision("doc:KEN:AK333", BMIS_HIT_DISMISSED, "not him", 1006);
  assert_int_equal(bmis_hit_dispose(s, &hg, &d7, &err), BMIS_OK);
  assert_int_equal(d7.review, BMIS_REVIEW_PENDING);
  /* an impossible score */
  hg.score = 1.5;
  assert_int_equal(bmis_hit_dispose(s, &hg, &d7, &err), BMIS_E_INVALID_ARG);

  /* the queue, oldest first */
  char ids[8][37];
  memset(ids, 0, sizeof ids);
  assert_int_equal(bmis_disposition_list(s, BMIS_REVIEW_PENDING, NULL,
                                         collect_ids, ids, &err),
                   BMIS_OK);
  assert_string_equal(ids[0], d1.id);
  assert_string_equal(ids[1], d3.id);
  assert_string_equal(ids[2], d7.id);
  assert_string_equal(ids[3], "");
  bmis_hit_disposition got;
  assert_int_equal(bmis_disposition_get(s, d1.id, &got, &err), BMIS_OK);
  assert_string_equal(got.list, "un");
  assert_string_equal(got.ref, "B");
  assert_string_equal(got.entry_key, "un/B");
  assert_true(got.score == 1.0);
  assert_int_equal(got.review, BMIS_REVIEW_PENDING);

  /* the latest for the traveller says pending until reviewed */
  const char *keys[] = {"doc:KEN:AK999"};
  bool found;
  assert_int_equal(bmis__disposition_latest(s, "un", "B", keys, 1, hash_b, &got,
                                            &found, &err),
                   BMIS_OK);
  assert_true(found);
  assert_int_equal(got.review, BMIS_REVIEW_PENDING);
  bmis_actor sup;
  memset(&sup, 0, sizeof sup);
  snprintf(sup.username, sizeof sup.username, "kariuki");
  snprintf(sup.role, sizeof sup.role, "supervisor");
  /* dispositions recorded with no crossing point: for an account with
   * every one */
  assert_int_equal(bmis_disposition_review(s, d1.id, BMIS_REVIEW_CONFIRMED,
                                           "fine", &sup, 2000, &got, &err),
                   BMIS_E_FORBIDDEN);
  memset(ids, 0, sizeof ids);
  assert_int_equal(bmis_disposition_list(s, BMIS_REVIEW_PENDING, "AMA",
                                         collect_ids, ids, &err),
                   BMIS_OK);
  assert_string_equal(ids[0], "");
  assert_int_equal(bmis_disposition_list(s, BMIS_REVIEW_PENDING, "*",
                                         collect_ids, ids, &err),
                   BMIS_E_INVALID_ARG);
  sup.all_bcps = true;
  /* the same person (kariuki dismissed it) */
  assert_int_equal(bmis_disposition_review(s, d1.id, BMIS_REVIEW_CONFIRMED,
                                           "fine", &sup, 2000, &got, &err),
                   BMIS_E_RULE);
  snprintf(sup.username, sizeof sup.username, "otieno");
  assert_int_equal(bmis_disposition_review(s, d1.id, BMIS_REVIEW_CONFIRMED,
                                           "photo differs", &sup, 2000, &got,
                                           &err),
                   BMIS_OK);
  assert_int_equal(bmis__disposition_latest(s, "un", "B", keys, 1, hash_b, &got,
                                            &found, &err),
                   BMIS_OK);
  assert_int_equal(got.review, BMIS_REVIEW_CONFIRMED);
  assert_string_equal(got.reviewed_by, "otieno");
  assert_string_equal(got.review_reason, "photo differs");
  assert_int_equal(got.reviewed_at, 2000);
  assert_int_equal(bmis_disposition_review(s, d1.id, BMIS_REVIEW_REJECTED, "no",
                                           &sup, 2001, &got, &err),
                   BMIS_E_CONFLICT);
  assert_int_equal(bmis_disposition_review(s, d2.id, BMIS_REVIEW_REJECTED, "no",
                                           &sup, 2001, &got, &err),
                   BMIS_E_CONFLICT);
  assert_int_equal(bmis_disposition_review(s, d3.id, BMIS_REVIEW_REJECTED,
                                           "same person", &sup, 2002, &got,
                                           &err),
                   BMIS_OK);
  memset(ids, 0, sizeof ids);
  assert_int_equal(bmis_disposition_list(s, BMIS_REVIEW_PENDING, NULL,
                                         collect_ids, ids, &err),
                   BMIS_OK);
  assert_string_equal(ids[0], d7.id);
  assert_string_equal(ids[1], "");
  /* each review is in the audit log, with its change; the refused ones
   * (another post, the same person) with their outcome */
  assert_string_equal(raw_text("SELECT count(*) FROM audit_log WHERE action = "
                               "'hit.review' AND outcome = 'ok'"),
                      "2");
  assert_string_equal(raw_text("SELECT count(*) FROM audit_log WHERE action = "
                               "'hit.review' AND outcome IN ('E_FORBIDDEN', "
                               "'E_RULE')"),
                      "2");
  /* a voided entry's disposition stays voided, reviewed or not */
  bmis_wl_content *c2 = version2();
  import_ok(s, &m, c2, NULL);
  char hash_b2[33];
  snprintf(hash_b2, sizeof hash_b2, "%s",
           raw_text("SELECT hash FROM wl_entry WHERE ref = 'B' AND "
                    "watchlist_id = (SELECT id FROM watchlist WHERE name = "
                    "'un')"));
  assert_int_equal(bmis__disposition_latest(s, "un", "B", keys, 1, hash_b2,
                                            &got, &found, &err),
                   BMIS_OK);
  assert_true(found);
  assert_true(got.voided);
  bmis_wl_content_free(c1);
  bmis_wl_content_free(c2);
}

/* ---- JSON: canonical text, hash, JSON lines ---- */

static void the_canonical_text_and_hash(void **state) {
  (void)state;
  bmis_wl_content *c = bmis_wl_content_new();
  person(c, "A-1", "  JOHN DOE ", 0);
  document(c, "D-1", "KEN", "AB 123-456", BMIS_DOC_STOLEN);
  /* Type "P" is dropped to match the hash computed for this text. */
  bmis_wl_document d = *bmis_wl_document_at(c, 0);
  d.type[0] = 0;
  char *pt = NULL, *dt = NULL;
  assert_int_equal(
      bmis__wire_wl_entry_text(bmis_wl_person_at(c, 0), NULL, true, &pt),
      BMIS_OK);
  assert_int_equal(bmis__wire_wl_entry_text(NULL, &d, true, &dt), BMIS_OK);
  assert_string_equal(pt, "{\"kind\":\"person\",\"names\":[{\"quality\":"
                          "\"primary\",\"text\":\"JOHN DOE\"}],\"ref\":"
                          "\"A-1\"}");
  assert_string_equal(dt, "{\"kind\":\"document\",\"number\":\"AB 123-456\","
                          "\"ref\":\"D-1\",\"state\":\"KEN\",\"status\":"
                          "\"stolen\"}");
  char hash[33];
  assert_int_equal(bmis__wl_text_hash(pt, strlen(pt), hash), BMIS_OK);
  assert_string_equal(hash, "e88c85ba1aff982391dd985e1bb6a87e");
  assert_int_equal(bmis__wl_text_hash(dt, strlen(dt), hash), BMIS_OK);
  assert_string_equal(hash, "880c04c103d2148422c1c2ed3459fb00");
  bmis_free(pt);
  bmis_free(dt);
  bmis_wl_content_free(c);
}

static bmis_status read_text(const char *text, bmis_wl_content **out,
                             bmis_error *err) {
  *out = bmis_wl_content_new();
  return bmis__wl_read_jsonl(text, strlen(text), *out, err);
}

static void jsonl_round_trips(void **state) {
  (void)state;
  bmis_wl_content *c = rich(), *back = NULL;
  char *text = jsonl(c);
  bmis_error err;
  assert_int_equal(read_text(text, &back, &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_count(back), 2);
  assert_int_equal(bmis_wl_document_count(back), 1);
  assert_string_equal(bmis_wl_content_version(back), "2026-11-26T10:00");
  const bmis_wl_person *p = bmis_wl_person_at(back, 0);
  assert_int_equal(p->births[0].date.year, 1965);
  assert_int_equal(p->births[0].date.month, 3);
  assert_int_equal(p->births[0].date.day, 2);
  assert_int_equal(p->births[1].to_year, 1968);
  assert_true(p->births[1].approximate);
  assert_int_equal(p->births[2].date.month, 7);
  assert_int_equal(p->births[2].date.day, 0);
  assert_string_equal(p->documents[1].type, "national_id");
  assert_string_equal(p->documents[1].state, "");
  const bmis_wl_document *d = bmis_wl_document_at(back, 0);
  assert_int_equal(d->reported.day, 31);
  assert_string_equal(d->remarks, "reported at Nairobi");
  char *again = jsonl(back);
  assert_string_equal(again, text);
  free(text);
  free(again);
  bmis_wl_content_free(back);
  bmis_wl_content_free(c);

  /* Written by hand: no list line, blank lines, CRLF, nulls, alpha-2 and
   * names of countries, a byte-order mark. */
  const char *hand =
      "\xEF\xBB\xBF\r\n"
      "{\"kind\":\"document\",\"ref\":\"1\",\"state\":\"GB\",\"number\":"
      "\"123\",\"status\":\"lost\",\"type\":null}\r\n"
      "   \n"
      "{\"ref\":\"2\",\"kind\":\"person\",\"names\":[{\"text\":\"A B\","
      "\"quality\":\"strong\",\"original_script\":false}],"
      "\"nationalities\":[\"Kenya\"],\"sex\":null}";
  assert_int_equal(read_text(hand, &back, &err), BMIS_OK);
  assert_string_equal(bmis_wl_content_version(back), "");
  assert_string_equal(bmis_wl_document_at(back, 0)->state, "GBR");
  assert_string_equal(bmis_wl_person_at(back, 0)->nationalities[0], "KEN");
  assert_int_equal(bmis_wl_person_at(back, 0)->names[0].quality,
                   BMIS_NAME_STRONG);
  bmis_wl_content_free(back);
  assert_int_equal(read_text("", &back, &err), BMIS_OK);
  assert_int_equal(bmis_wl_person_count(back), 0);
  bmis_wl_content_free(back);
}

static void jsonl_errors_name_the_line_and_member(void **state) {
  (void)state;
#define P1                                                                     \
  "{\"kind\":\"person\",\"ref\":\"A\",\"names\":[{\"text\":\"X\","             \
  "\"quality\":\"primary\"}]}\n"
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"nickname\":\"x\"}\n",
       "line 2: unknown member 'nickname'"},
      {P1 "\n{\"kind\":\"person\",\"ref\":\"B\",\"births\":[{\"date\":"
          "\"1965-13\"}]}\n",
       "line 3: births[0].date: '1965-13' is not a date (YYYY-MM-DD, "
       "YYYY-MM or YYYY)"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"births\":[{\"date\":"
          "\"1965-02-30\"}]}\n",
       "line 2: births[0].date: '1965-02-30' is not a date (YYYY-MM-DD, "
       "YYYY-MM or YYYY)"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"births\":[{\"date\":"
          "\"65\"}]}\n",
       "line 2: births[0].date: '65' is not a date (YYYY-MM-DD, YYYY-MM or "
       "YYYY)"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"names\":[{\"text\":\"Y\"},"
          "{\"text\":\"Z\",\"quality\":\"best\"}]}\n",
       "line 2: names[0].quality: missing"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"names\":[{\"text\":\"Z\","
          "\"quality\":\"best\"}]}\n",
       "line 2: names[0].quality: 'best' is not one of primary, strong, "
       "weak"},
      {P1 "{\"kind\":\"person\",\"ref\":\"A\"}\n",
       "line 2: ref: reference 'A' appears twice in the list"},
      {P1 "{\"kind\":\"document\",\"ref\":\"A\",\"state\":\"KEN\","
          "\"number\":\"1\",\"status\":\"lost\"}\n",
       "line 2: ref: reference 'A' appears twice in the list"},
      {P1 "{\"kind\":\"list\",\"version\":\"1\"}\n",
       "line 2: kind: a \"list\" line must come first"},
      {"{\"kind\":\"list\",\"version\":\"1\",\"date\":\"x\"}\n",
       "line 1: unknown member 'date'"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"names\":\"X\"}\n",
       "line 2: names: must be a list"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"sex\":\"male\"}\n",
       "line 2: sex: must be F, M or X"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"nationalities\":[\"ZZZ\"]}\n",
       "line 2: nationalities[0]: 'ZZZ' is not a country"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"documents\":[{\"number\":"
          "\"1\",\"serial\":2}]}\n",
       "line 2: documents[0]: unknown member 'serial'"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"births\":[{\"date\":\"1965\","
          "\"approximate\":\"yes\"}]}\n",
       "line 2: births[0].approximate: must be true or false"},
      {P1 "{\"kind\":\"document\",\"ref\":\"D\",\"state\":\"KEN\","
          "\"number\":\"1\",\"status\":\"missing\"}\n",
       "line 2: status: 'missing' is not one of lost, stolen, revoked, "
       "invalidated"},
      {P1 "{\"kind\":\"document\",\"ref\":\"D\",\"state\":\"KEN\","
          "\"number\":\"1\",\"status\":\"lost\",\"reported\":\"2025\"}\n",
       "line 2: reported: '2025' is not a date (YYYY-MM-DD)"},
      {P1 "{\"kind\":\"document\",\"ref\":\"D\",\"number\":\"1\","
          "\"status\":\"lost\"}\n",
       "line 2: state: missing"},
      {P1 "{\"kind\":\"watch\",\"ref\":\"D\"}\n",
       "line 2: kind: 'watch' is not person or document"},
      {P1 "{\"ref\":\"D\"}\n", "line 2: kind: missing"},
      {P1 "[1, 2]\n", "line 2: must be an object"},
      {P1 "{\"kind\":\"person\",\"ref\":\"B\",\"names\":[{\"text\":"
          "\"0123456789012345678901234567890123456789012345678901234567890123"
          "4567890123456789012345678901234567890123456789012345678901234567"
          "8901234567890123456789012345678901234567890123456789012345678901"
          "23456789012345678901234567890123456789012345678901234567890123456"
          "\",\"quality\":\"weak\"}]}\n",
       "line 2: names[0].text: longer than 255 bytes"},
  };
#undef P1
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bmis_wl_content *c;
    bmis_error err;
    assert_int_equal(read_text(cases[i].text, &c, &err), BMIS_E_PARSE);
    assert_int_equal(err.status, BMIS_E_PARSE);
    if (strcmp(err.message, cases[i].message) != 0)
      fail_msg("case %zu: '%s', expected '%s'", i, err.message,
               cases[i].message);
    bmis_wl_content_free(c);
  }
  /* Malformed JSON: the line and column, with the parser's words. */
  bmis_wl_content *c;
  bmis_error err;
  assert_int_equal(read_text("\n\n{\"kind\":\"person\",\"ref\":}\n", &c, &err),
                   BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "line 3: malformed JSON at column"));
  bmis_wl_content_free(c);
  assert_int_equal(read_text("{\"kind\":\"person\",\"ref\":\"A\",\"ref\":"
                             "\"B\"}",
                             &c, &err),
                   BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "line 1: malformed JSON"));
  assert_non_null(strstr(err.message, "duplicate"));
  bmis_wl_content_free(c);
  /* A line over 1 MiB. */
  size_t big = BMIS__WL_JSONL_LINE_MAX + 10;
  char *text = malloc(big + 128);
  snprintf(text, 128,
           "{\"kind\":\"person\",\"ref\":\"A\",\"names\":[{\"text\":"
           "\"A\",\"quality\":\"primary\"}]}\n{\"remarks\":\"");
  size_t used = strlen(text);
  memset(text + used, 'x', big);
  snprintf(text + used + big, 8, "\"}");
  assert_int_equal(read_text(text, &c, &err), BMIS_E_PARSE);
  assert_string_equal(err.message, "line 2: longer than 1048576 bytes");
  bmis_wl_content_free(c);
  free(text);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
#define T_(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T_(the_schema_has_the_watchlist_migration),
      T_(an_import_creates_the_list),
      T_(an_empty_version_is_refused),
      T_(a_reimport_reports_exactly_what_changed),
      T_(a_failed_import_leaves_the_previous_version),
      T_(lists_are_listed_by_name_with_counts),
      T_(content_comes_back_as_imported),
      T_(text_that_is_not_utf8_is_refused),
      T_(an_entry_that_cannot_match_is_refused),
      T_(a_removed_list_is_gone),
      T_(the_threshold_is_checked),
      T_(category_action_and_name_rules),
      T_(the_scan_streams_every_entry_of_every_list),
      T_(dispositions_are_found_and_voided),
      T_(a_disposition_needs_every_field),
      T_(dismissals_that_matter_wait_for_a_second_person),
      cmocka_unit_test(the_canonical_text_and_hash),
      cmocka_unit_test(jsonl_round_trips),
      cmocka_unit_test(jsonl_errors_name_the_line_and_member),
  };
  int failed = cmocka_run_group_tests_name(
      fx_is_pg() ? "watchlist store on postgres" : "watchlist store on sqlite",
      tests, NULL, NULL);
  fx_cleanup();
  return failed;
}

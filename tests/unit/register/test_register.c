/* The register through its public API, on a real store: recording and
 * rejection, idempotent ids, identity linking and review, decisions,
 * corrections and voids, stays and overstays, batches, backup and restore.
 * Runs on SQLite, and on PostgreSQL with --pg-url-file (see
 * store_fixture.h). */
#include "store_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* who searches the register (the search is audited) */
static const bmis_actor DESK = {"amina", "officer", "api", "NBO", "A1", false};
#include <pthread.h>
#include <sqlite3.h>
#include <time.h>

static bmis_store *open_store(void) {
  bmis_store *s = NULL;
  bmis_error err;
  bmis_status st = bmis_store_open(fx_fresh_url(), NULL, &s, &err);
  if (st != BMIS_OK)
    fail_msg("open: %s", err.message);
  bmis_register_config cfg = {"KEN", 180, 90};
  assert_int_equal(bmis_register_config_set(s, &cfg, &err), BMIS_OK);
  bmis_bcp b = {"NBO", "Jomo Kenyatta International Airport", BMIS_BCP_KIND_AIR,
                "Africa/Nairobi"};
  assert_int_equal(bmis_bcp_put(s, &b, &err), BMIS_OK);
  bmis_bcp lax = {"LAX", "Los Angeles (a partner's post)", BMIS_BCP_KIND_AIR,
                  "America/Los_Angeles"};
  assert_int_equal(bmis_bcp_put(s, &lax, &err), BMIS_OK);
  return s;
}

static int setup(void **state) {
  *state = open_store();
  return 0;
}

static int teardown(void **state) {
  bmis_store_close(*state);
  return 0;
}

static bmis_date P(const char *text) {
  bmis_date d;
  if (bmis_date_parse_partial(text, &d, NULL) != BMIS_OK)
    fail_msg("bad date %s", text);
  return d;
}

static int64_t T(const char *iso) {
  int64_t t;
  if (bmis_time_parse(iso, &t, NULL) != BMIS_OK)
    fail_msg("bad time %s", iso);
  return t;
}

static bmis_date D(const char *iso) {
  bmis_date d;
  if (bmis_date_parse_iso(iso, &d, NULL) != BMIS_OK)
    fail_msg("bad date %s", iso);
  return d;
}

/* A crossing of a person with a passport. */
static bmis_crossing person(const char *surname, const char *given,
                            const char *birth, const char *nat, char sex,
                            const char *number) {
  bmis_crossing c;
  bmis_crossing_init(&c);
  snprintf(c.traveller.surname, sizeof c.traveller.surname, "%s", surname);
  snprintf(c.traveller.given_names, sizeof c.traveller.given_names, "%s",
           given);
  c.traveller.birth = D(birth);
  snprintf(c.traveller.nationality, 4, "%s", nat);
  c.traveller.sex = sex;
  snprintf(c.document.issuing_state, 4, "%s", nat);
  snprintf(c.document.number, sizeof c.document.number, "%s", number);
  c.movement.decision = BMIS_DECISION_ADMITTED;
  snprintf(c.movement.bcp, sizeof c.movement.bcp, "NBO");
  snprintf(c.movement.officer, sizeof c.movement.officer, "officer1");
  return c;
}

static void at(bmis_crossing *c, bmis_direction dir, const char *when) {
  c->movement.direction = dir;
  c->movement.crossed_at = T(when);
  c->movement.id[0] = 0;
  c->permitted_days = 0;
  memset(&c->movement.permitted_until, 0, sizeof(bmis_date));
}

static bmis_record_result record(bmis_store *s, const bmis_crossing *c) {
  bmis_record_result r;
  bmis_error err;
  bmis_crossing w = *c;
  w.recorded_at = (int64_t)time(NULL); /* the test reads the clock */
  bmis_status st = bmis_movement_record(s, &w, &r, &err);
  if (st != BMIS_OK)
    fail_msg("record: %s", err.message);
  return r;
}

static int64_t movements(bmis_store *s) {
  bmis_store_info info;
  assert_int_equal(bmis_store_info_get(s, &info, NULL), BMIS_OK);
  return info.movements;
}

static int64_t travellers(bmis_store *s) {
  bmis_store_info info;
  assert_int_equal(bmis_store_info_get(s, &info, NULL), BMIS_OK);
  return info.travellers;
}

static int count_doc(const bmis_document *d, void *ctx) {
  (void)d;
  (*(int *)ctx)++;
  return 0;
}

static int count_movement(const bmis_movement *m, void *ctx) {
  (void)m;
  (*(int *)ctx)++;
  return 0;
}

static void schema_is_migrated_and_recorded(void **state) {
  bmis_store *s = *state;
  bmis_store_info info;
  assert_int_equal(bmis_store_info_get(s, &info, NULL), BMIS_OK);
  assert_int_equal(info.schema_version, info.schema_latest);
  assert_true(info.schema_version >= 1);
  int applied = -1;
  assert_int_equal(bmis_store_migrate(s, &applied, NULL), BMIS_OK);
  assert_int_equal(applied, 0);
  assert_string_equal(info.backend, fx_is_pg() ? "postgres" : "sqlite");
  assert_int_equal(info.bcps, 2);
}

/* Runs one SQL statement on the store behind the library's back. */
static void raw_sql(const char *sql) {
  if (fx_is_pg()) {
    PGconn *c = PQconnectdb(fx_pg_url);
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
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

/* A store migrated by a newer program is refused, not damaged. */
static void a_newer_schema_is_refused(void **state) {
  bmis_store *s = *state;
  bmis_store_close(s);
  *state = NULL;
  raw_sql("INSERT INTO schema_migration (version, title, applied_at) "
          "VALUES (999, 'from the future', 0)");
  const char *url = fx_is_pg() ? fx_pg_url : fx_path;
  bmis_error err;
  assert_int_equal(bmis_store_open(url, NULL, &s, &err), BMIS_E_SCHEMA);
  assert_non_null(strstr(err.message, "999"));
  /* Opened as is, it can still be described. */
  bmis_store_options o;
  bmis_store_options_init(&o);
  o.no_migrate = true;
  assert_int_equal(bmis_store_open(url, &o, &s, &err), BMIS_OK);
  bmis_store_info info;
  assert_int_equal(bmis_store_info_get(s, &info, &err), BMIS_OK);
  assert_int_equal(info.schema_version, 999);
  *state = s;
}

static void a_crossing_is_recorded_on_the_local_date(void **state) {
  bmis_store *s = *state;
  bmis_crossing c =
      person("Eriksson", "Anna Maria", "1974-08-12", "GBR", 'F', "L898902C3");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-10-01T21:30:00Z");
  c.permitted_days = 30;
  bmis_record_result r = record(s, &c);
  assert_int_equal(r.method, BMIS_LINK_NEW);
  assert_false(r.duplicate);
  bmis_movement m;
  assert_int_equal(bmis_movement_get(s, r.movement_id, &m, NULL), BMIS_OK);
  /* 21:30 UTC is the next day in Nairobi, and the 30 days count from it. */
  assert_int_equal(m.local_date.day, 2);
  assert_int_equal(bmis_date_compare(m.permitted_until, D("2026-10-31")), 0);
  assert_string_equal(m.nationality, "GBR");
  assert_int_equal(m.version, 1);
  /* At a post on the other side of the world, the same instant is the 1st. */
  at(&c, BMIS_DIRECTION_EXIT, "2026-10-20T03:00:00Z");
  snprintf(c.movement.bcp, sizeof c.movement.bcp, "LAX");
  r = record(s, &c);
  assert_int_equal(bmis_movement_get(s, r.movement_id, &m, NULL), BMIS_OK);
  assert_int_equal(m.local_date.day, 19);
  bmis_traveller t;
  assert_int_equal(bmis_traveller_by_document(s, "GBR", "L898902C3", &t, NULL),
                   BMIS_OK);
  assert_string_equal(t.surname, "Eriksson");
  assert_string_equal(t.person_id, t.id);
  bmis_stay_status ss;
  assert_int_equal(
      bmis_stay_status_get(s, t.person_id, D("2026-11-26"), &ss, NULL),
      BMIS_OK);
  assert_false(ss.present);
  assert_int_equal(ss.days_in_window, 18); /* 2 to 19 October */
}

static void the_same_id_twice_is_one_movement(void **state) {
  bmis_store *s = *state;
  bmis_crossing c =
      person("Okafor", "Chidi", "1990-01-02", "NGA", 'M', "A01234567");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-05-01T10:00:00Z");
  assert_int_equal(bmis_uuid_v7(c.movement.id, NULL), BMIS_OK);
  bmis_record_result a = record(s, &c);
  bmis_record_result b = record(s, &c);
  assert_false(a.duplicate);
  assert_true(b.duplicate);
  assert_string_equal(a.movement_id, b.movement_id);
  assert_string_equal(a.traveller_id, b.traveller_id);
  assert_int_equal(movements(s), 1);
  /* The same id for another crossing is a conflict, and writes nothing. */
  bmis_crossing other = c;
  snprintf(other.movement.bcp, sizeof other.movement.bcp, "LAX");
  bmis_error err;
  other.recorded_at = (int64_t)time(NULL);
  assert_int_equal(bmis_movement_record(s, &other, NULL, &err),
                   BMIS_E_CONFLICT);
  assert_non_null(strstr(err.message, "id"));
  assert_int_equal(movements(s), 1);
  /* Upper-case text of the same id is the same id. */
  for (char *p = c.movement.id; *p; p++)
    if (*p >= 'a' && *p <= 'f')
      *p = (char)(*p - 32);
  assert_true(record(s, &c).duplicate);
}

static void expect_rejected(bmis_store *s, const bmis_crossing *c,
                            bmis_status want, const char *field) {
  bmis_error err = {0};
  int64_t before = movements(s), people = travellers(s);
  bmis_crossing w = *c;
  if (!w.recorded_at)
    w.recorded_at = (int64_t)time(NULL);
  bmis_status st = bmis_movement_record(s, &w, NULL, &err);
  if (st != want || !strstr(err.message, field))
    fail_msg("want %s naming '%s', got %s: %s", bmis_status_name(want), field,
             bmis_status_name(st), err.message);
  assert_int_equal(movements(s), before);
  assert_int_equal(travellers(s), people);
}

static void bad_crossings_are_refused_and_write_nothing(void **state) {
  bmis_store *s = *state;
  bmis_crossing ok =
      person("Silva", "Ana", "1985-03-04", "BRA", 'F', "FB123456");
  at(&ok, BMIS_DIRECTION_ENTRY, "2026-05-01T10:00:00Z");
  bmis_crossing c = ok;
  snprintf(c.movement.bcp, sizeof c.movement.bcp, "XXX");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "bcp");
  /* the library reads no clock: the instant of recording is the caller's */
  c = ok;
  c.recorded_at = -5;
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "recorded_at");
  bmis_error e0;
  c = ok;
  assert_int_equal(bmis_movement_record(s, &c, NULL, &e0), BMIS_E_INVALID_ARG);
  assert_string_equal(e0.message,
                      "recorded_at: the time the crossing is recorded is "
                      "required");
  c = ok;
  snprintf(c.traveller.nationality, 4, "QQQ");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "traveller.nationality");
  c = ok;
  snprintf(c.document.issuing_state, 4, "ZZ");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "document.issuing_state");
  c = ok;
  snprintf(c.movement.route_country, 4, "ABC");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "route_country");
  c = ok;
  c.traveller.surname[0] = 0;
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "traveller.surname");
  c = ok;
  c.document.number[0] = 0;
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "document.number");
  c = ok;
  c.movement.direction = BMIS_DIRECTION_NONE;
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "direction");
  c = ok;
  c.movement.crossed_at = 0;
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "crossed_at");
  c = ok;
  c.movement.decision = BMIS_DECISION_REFUSED;
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "grounds");
  snprintf(c.movement.grounds, sizeof c.movement.grounds, "CZ");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "grounds");
  snprintf(c.movement.grounds, sizeof c.movement.grounds, "CC");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "grounds");
  c = ok;
  snprintf(c.movement.grounds, sizeof c.movement.grounds, "A");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "grounds");
  c = ok;
  c.movement.permitted_until = D("2026-04-01");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "permitted_until");
  c = ok;
  c.movement.direction = BMIS_DIRECTION_EXIT;
  c.permitted_days = 10;
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "permitted_until");
  c = ok;
  c.traveller.sex = 'Q';
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "traveller.sex");
  c = ok;
  snprintf(c.movement.id, sizeof c.movement.id, "not-a-uuid");
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "id");
  /* A national of the operating State is never refused entry. */
  c = person("Kamau", "John", "1980-01-01", "KEN", 'M', "AK1234567");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-05-01T10:00:00Z");
  c.movement.decision = BMIS_DECISION_REFUSED;
  snprintf(c.movement.grounds, sizeof c.movement.grounds, "A");
  expect_rejected(s, &c, BMIS_E_RULE, "national");
  /* … and has no permitted stay. */
  c.movement.decision = BMIS_DECISION_ADMITTED;
  c.movement.grounds[0] = 0;
  c.permitted_days = 30;
  expect_rejected(s, &c, BMIS_E_INVALID_ARG, "permitted_until");
  /* The valid one goes through. */
  record(s, &ok);
  assert_int_equal(movements(s), 1);
}

static void a_renewed_passport_joins_the_known_person(void **state) {
  bmis_store *s = *state;
  bmis_crossing c =
      person("Müller", "Jürgen Karl", "1970-06-15", "D", 'M', "C01X00T47");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-01-10T08:00:00Z");
  c.permitted_days = 90;
  bmis_record_result first = record(s, &c);
  at(&c, BMIS_DIRECTION_EXIT, "2026-01-20T08:00:00Z");
  record(s, &c);
  /* A new passport, the name as the MRZ spells it. */
  bmis_crossing n =
      person("MUELLER", "JUERGEN KARL", "1970-06-15", "D", 'M', "C02Y11U58");
  at(&n, BMIS_DIRECTION_ENTRY, "2026-06-10T08:00:00Z");
  bmis_record_result second = record(s, &n);
  assert_int_equal(second.method, BMIS_LINK_BIOGRAPHIC);
  assert_true(second.confidence >= 0.95);
  assert_string_equal(second.person_id, first.person_id);
  assert_string_equal(second.traveller_id, first.traveller_id);
  assert_string_equal(second.review_link_id, "");
  /* The person has both documents and three movements. */
  int docs = 0, moves = 0;
  assert_int_equal(
      bmis_person_documents(s, first.person_id, count_doc, &docs, NULL),
      BMIS_OK);
  assert_int_equal(docs, 2);
  bmis_movement_filter f;
  memset(&f, 0, sizeof f);
  snprintf(f.person_id, sizeof f.person_id, "%s", first.person_id);
  assert_int_equal(bmis_movement_list(s, &f, count_movement, &moves, NULL),
                   BMIS_OK);
  assert_int_equal(moves, 3);
  assert_int_equal(travellers(s), 1);
}

static int count_stay(const bmis_stay *st, void *ctx) {
  (void)st;
  (*(int *)ctx)++;
  return 0;
}

static int grab_link(const bmis_identity_link *l, void *ctx) {
  *(bmis_identity_link *)ctx = *l;
  return 0;
}

static void a_weak_match_is_flagged_never_merged(void **state) {
  bmis_store *s = *state;
  /* Twins: same surname, birth, nationality; different given names. */
  bmis_crossing a =
      person("Otieno", "Brian", "1999-09-09", "UGA", 'M', "B1111111");
  at(&a, BMIS_DIRECTION_ENTRY, "2026-03-01T08:00:00Z");
  a.permitted_days = 90;
  bmis_record_result ra = record(s, &a);
  bmis_crossing b =
      person("Otieno", "Kevin", "1999-09-09", "UGA", 'M', "B2222222");
  at(&b, BMIS_DIRECTION_ENTRY, "2026-03-01T08:05:00Z");
  b.permitted_days = 90;
  bmis_record_result rb = record(s, &b);
  assert_int_equal(rb.method, BMIS_LINK_NEW);
  assert_string_not_equal(rb.person_id, ra.person_id);
  assert_string_not_equal(rb.review_link_id, "");
  assert_true(rb.confidence >= 0.6 && rb.confidence < 0.95);
  bmis_identity_link l;
  memset(&l, 0, sizeof l);
  assert_int_equal(
      bmis_link_list(s, &DESK, 1, BMIS_LINK_PENDING, grab_link, &l, NULL),
      BMIS_OK);
  assert_string_equal(l.id, rb.review_link_id);
  assert_string_equal(l.traveller_id, rb.traveller_id);
  assert_string_equal(l.candidate_id, ra.traveller_id);
  assert_non_null(strstr(l.reasons, "given names differ"));
  /* Someone unrelated with the same birth date is not even flagged. */
  bmis_crossing c =
      person("Wanjiru", "Grace", "1999-09-09", "TZA", 'F', "T3333333");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-03-02T08:00:00Z");
  assert_string_equal(record(s, &c).review_link_id, "");

  /* A supervisor confirms: one person, stays merged (two stays now). */
  bmis_change ch = {"supervisor1", "same person: photo and fingerprints", 1};
  bmis_error err;
  assert_int_equal(
      bmis_link_decide(s, &DESK, 1, l.id, BMIS_LINK_CONFIRMED, &ch, &err),
      BMIS_OK);
  bmis_traveller ta, tb;
  assert_int_equal(bmis_traveller_get(s, ra.traveller_id, &ta, NULL), BMIS_OK);
  assert_int_equal(bmis_traveller_get(s, rb.traveller_id, &tb, NULL), BMIS_OK);
  assert_string_equal(ta.person_id, tb.person_id);
  assert_string_equal(ta.person_id, ra.traveller_id); /* the older id */
  int n = 0;
  assert_int_equal(bmis_person_stays(s, ta.person_id, count_stay, &n, NULL),
                   BMIS_OK);
  assert_int_equal(n, 2);
  n = 0;
  assert_int_equal(bmis_person_documents(s, ta.person_id, count_doc, &n, NULL),
                   BMIS_OK);
  assert_int_equal(n, 2);
  /* Entry while present: the second entry of the merged person. */
  bmis_stay_status ss;
  assert_int_equal(
      bmis_stay_status_get(s, ta.person_id, D("2026-03-05"), &ss, NULL),
      BMIS_OK);
  assert_true(ss.present);
  assert_true(ss.current.flags & BMIS_FLAG_ENTRY_WHILE_PRESENT);
  /* It was a mistake: rejecting splits them again, reversibly. */
  ch.at = 2;
  assert_int_equal(
      bmis_link_decide(s, &DESK, 1, l.id, BMIS_LINK_REJECTED, &ch, &err),
      BMIS_OK);
  assert_int_equal(bmis_traveller_get(s, rb.traveller_id, &tb, NULL), BMIS_OK);
  assert_string_equal(tb.person_id, rb.traveller_id);
  n = 0;
  assert_int_equal(bmis_person_stays(s, ra.traveller_id, count_stay, &n, NULL),
                   BMIS_OK);
  assert_int_equal(n, 1);
  n = 0;
  assert_int_equal(bmis_person_stays(s, rb.traveller_id, count_stay, &n, NULL),
                   BMIS_OK);
  assert_int_equal(n, 1);
  assert_int_equal(bmis_link_get(s, l.id, &l, NULL), BMIS_OK);
  assert_int_equal(l.status, BMIS_LINK_REJECTED);
  assert_string_equal(l.decided_by, "supervisor1");
  /* Deciding needs a name. */
  bmis_change anon = {"", "", 3};
  assert_int_equal(
      bmis_link_decide(s, &DESK, 1, l.id, BMIS_LINK_CONFIRMED, &anon, &err),
      BMIS_E_INVALID_ARG);
}

/* Cases where a strong resemblance must still go to a person: two valid
 * passports of one State, a placeholder birth date, a partial one, and a
 * changed surname (marriage) that should be noticed at all. */
static void doubtful_matches_go_to_review(void **state) {
  bmis_store *s = *state;
  bmis_crossing a = person("Mwangi", "Peter", "1985-06-30", "KEN", 'M', "K1");
  a.document.expiry = D("2030-01-01");
  at(&a, BMIS_DIRECTION_EXIT, "2026-02-01T08:00:00Z");
  bmis_record_result ra = record(s, &a);
  /* Another Peter Mwangi, same birth date, another passport that is
   * valid while the first one is and expires earlier: not a renewal. */
  bmis_crossing b = person("Mwangi", "Peter", "1985-06-30", "KEN", 'M', "K2");
  b.document.expiry = D("2029-01-01");
  at(&b, BMIS_DIRECTION_EXIT, "2026-02-02T08:00:00Z");
  bmis_record_result rb = record(s, &b);
  assert_int_equal(rb.method, BMIS_LINK_NEW);
  assert_string_not_equal(rb.person_id, ra.person_id);
  assert_string_not_equal(rb.review_link_id, "");
  bmis_identity_link l;
  assert_int_equal(bmis_link_get(s, rb.review_link_id, &l, NULL), BMIS_OK);
  assert_non_null(strstr(l.reasons, "another valid document"));
  /* A renewal (it expires later than the passport it replaces) joins its
   * holder, and so does one shown after the old one expired. */
  bmis_crossing c = person("Mwangi", "Peter", "1985-06-30", "KEN", 'M', "K3");
  c.document.expiry = D("2036-02-01");
  at(&c, BMIS_DIRECTION_EXIT, "2026-03-01T08:00:00Z");
  bmis_record_result rc = record(s, &c);
  assert_int_equal(rc.method, BMIS_LINK_BIOGRAPHIC);
  assert_string_equal(rc.person_id, ra.person_id);
  /* 1 January: often what is written when the date is not known. */
  bmis_crossing d = person("Hussein", "Ahmed", "1990-01-01", "SOM", 'M', "S1");
  at(&d, BMIS_DIRECTION_ENTRY, "2026-02-01T08:00:00Z");
  bmis_record_result rd = record(s, &d);
  bmis_crossing e = person("Hussein", "Ahmed", "1990-01-01", "SOM", 'M', "S2");
  at(&e, BMIS_DIRECTION_ENTRY, "2026-02-03T08:00:00Z");
  bmis_record_result re = record(s, &e);
  assert_int_equal(re.method, BMIS_LINK_NEW);
  assert_string_not_equal(re.person_id, rd.person_id);
  assert_int_equal(bmis_link_get(s, re.review_link_id, &l, NULL), BMIS_OK);
  assert_non_null(strstr(l.reasons, "placeholder"));
  /* A record with only a birth year is a candidate for a full date. */
  bmis_crossing f = person("Tesfaye", "Abebe", "1970-01-01", "ETH", 'M', "E1");
  f.traveller.birth.month = 0;
  f.traveller.birth.day = 0;
  at(&f, BMIS_DIRECTION_ENTRY, "2026-02-01T08:00:00Z");
  bmis_record_result rf = record(s, &f);
  bmis_crossing g = person("Tesfaye", "Abebe", "1970-07-14", "ETH", 'M', "E2");
  at(&g, BMIS_DIRECTION_ENTRY, "2026-02-05T08:00:00Z");
  bmis_record_result rg = record(s, &g);
  assert_int_equal(rg.method, BMIS_LINK_NEW);
  assert_int_equal(bmis_link_get(s, rg.review_link_id, &l, NULL), BMIS_OK);
  assert_string_equal(l.candidate_id, rf.traveller_id);
  assert_non_null(strstr(l.reasons, "partial"));
  /* A new surname, everything else the same: flagged, not merged. */
  bmis_crossing h =
      person("Achieng", "Mary Akinyi", "1992-03-03", "KEN", 'F', "M1");
  at(&h, BMIS_DIRECTION_EXIT, "2026-02-01T08:00:00Z");
  bmis_record_result rh = record(s, &h);
  bmis_crossing i =
      person("Odhiambo", "Mary Akinyi", "1992-03-03", "KEN", 'F', "M2");
  at(&i, BMIS_DIRECTION_EXIT, "2026-03-01T08:00:00Z");
  bmis_record_result ri = record(s, &i);
  assert_int_equal(ri.method, BMIS_LINK_NEW);
  assert_int_equal(bmis_link_get(s, ri.review_link_id, &l, NULL), BMIS_OK);
  assert_string_equal(l.candidate_id, rh.traveller_id);
  assert_true(l.confidence >= 0.6 - 1e-9 && l.confidence < 0.61);
}

static int collect_over(const bmis_stay *st, void *ctx) {
  char *out = ctx;
  strcat(out, st->entry_id[0] ? "E" : "?");
  strcat(out, st->exit_id[0] ? "x;" : "-;");
  return 0;
}

/* Records from an offline post arrive after later ones: the stays come out
 * as if they had been recorded in time order. */
static void records_arriving_out_of_order_give_the_same_stays(void **state) {
  bmis_store *s = *state;
  bmis_crossing c = person("Late", "Lara", "1980-02-02", "GBR", 'F', "L1");
  at(&c, BMIS_DIRECTION_EXIT, "2026-01-20T08:00:00Z");
  bmis_record_result x = record(s, &c);
  assert_true(x.flags & BMIS_FLAG_EXIT_WITHOUT_ENTRY);
  at(&c, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  c.permitted_days = 10;
  bmis_record_result e = record(s, &c);
  assert_int_equal(e.flags & BMIS_FLAG_EXIT_WITHOUT_ENTRY, 0);
  int n = 0;
  assert_int_equal(bmis_person_stays(s, x.person_id, count_stay, &n, NULL),
                   BMIS_OK);
  assert_int_equal(n, 1);
  char got[64] = "";
  assert_int_equal(
      bmis_overstay_list(s, D("2026-02-01"), collect_over, got, NULL), BMIS_OK);
  assert_string_equal(got, "Ex;"); /* 10 days over, then left */
}

static int grab_version(const bmis_movement_version *v, void *ctx) {
  bmis_movement_version *out = ctx;
  out[out[0].version ? 1 : 0] = *v;
  return 0;
}

static int grab_referral(const bmis_referral *r, void *ctx) {
  *(bmis_referral *)ctx = *r;
  return 0;
}

static void a_referral_decided_later_updates_the_same_movement(void **state) {
  bmis_store *s = *state;
  bmis_crossing c =
      person("Haddad", "Omar", "1988-02-02", "SYR", 'M', "N0123456");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-07-01T08:00:00Z");
  c.movement.decision = BMIS_DECISION_REFERRED;
  bmis_record_result r = record(s, &c);
  bmis_referral ref;
  memset(&ref, 0, sizeof ref);
  assert_int_equal(
      bmis_movement_referrals(s, r.movement_id, grab_referral, &ref, NULL),
      BMIS_OK);
  assert_int_equal(ref.kind, BMIS_REFERRAL_SECONDARY);
  assert_true(ref.open);
  /* Referred is not admitted: no stay yet. */
  bmis_stay_status ss;
  assert_int_equal(
      bmis_stay_status_get(s, r.person_id, D("2026-07-02"), &ss, NULL),
      BMIS_OK);
  assert_false(ss.present);
  /* Secondary inspection admits for 30 days. */
  bmis_movement m;
  assert_int_equal(bmis_movement_get(s, r.movement_id, &m, NULL), BMIS_OK);
  m.decision = BMIS_DECISION_ADMITTED;
  m.permitted_until = D("2026-07-30");
  bmis_change ch = {"supervisor1", "", T("2026-07-01T10:00:00Z")};
  bmis_error err;
  assert_int_equal(bmis_movement_decide(s, &m, &ch, &err), BMIS_OK);
  assert_int_equal(movements(s), 1);
  assert_int_equal(bmis_movement_get(s, r.movement_id, &m, NULL), BMIS_OK);
  assert_int_equal(m.version, 2);
  assert_int_equal(m.decision, BMIS_DECISION_ADMITTED);
  bmis_movement_version v[2];
  memset(v, 0, sizeof v);
  assert_int_equal(
      bmis_movement_history(s, r.movement_id, grab_version, v, NULL), BMIS_OK);
  assert_int_equal(v[0].version, 1);
  assert_string_equal(v[0].kind, "decision");
  assert_int_equal(v[0].before.decision, BMIS_DECISION_REFERRED);
  assert_string_equal(v[0].before.id, r.movement_id);
  assert_int_equal(
      bmis_movement_referrals(s, r.movement_id, grab_referral, &ref, NULL),
      BMIS_OK);
  assert_false(ref.open);
  assert_int_equal(
      bmis_stay_status_get(s, r.person_id, D("2026-08-05"), &ss, NULL),
      BMIS_OK);
  assert_true(ss.present);
  assert_int_equal(ss.days_over, 6);
}

static void corrections_and_voids_keep_history(void **state) {
  bmis_store *s = *state;
  bmis_crossing c =
      person("Nguyen", "Thi Lan", "1992-12-12", "VNM", 'F', "C7654321");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-04-01T08:00:00Z");
  c.permitted_days = 30;
  bmis_record_result r = record(s, &c);
  at(&c, BMIS_DIRECTION_EXIT, "2026-06-01T08:00:00Z");
  bmis_record_result x = record(s, &c);
  assert_true(x.flags & BMIS_FLAG_OVERSTAY);
  /* The exit was keyed with the wrong date: a supervisor corrects it. */
  bmis_movement m;
  assert_int_equal(bmis_movement_get(s, x.movement_id, &m, NULL), BMIS_OK);
  m.crossed_at = T("2026-04-25T08:00:00Z");
  bmis_change ch = {"supervisor1", "", 100};
  bmis_error err;
  assert_int_equal(bmis_movement_correct(s, &m, &ch, &err),
                   BMIS_E_INVALID_ARG); /* a reason is required */
  snprintf(ch.reason, sizeof ch.reason, "date keyed wrongly");
  assert_int_equal(bmis_movement_correct(s, &m, &ch, &err), BMIS_OK);
  int over = 0;
  assert_int_equal(
      bmis_overstay_list(s, D("2026-12-31"), count_stay, &over, NULL), BMIS_OK);
  assert_int_equal(over, 0);
  /* Who decided, and at which desk, is not corrected: the correction's
   * author is in the history. */
  bmis_movement keep = m;
  snprintf(m.officer, sizeof m.officer, "someone-else");
  assert_int_equal(bmis_movement_correct(s, &m, &ch, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message,
                      "officer: who decided is not corrected; the correction "
                      "itself is recorded with its author");
  m = keep;
  snprintf(m.desk, sizeof m.desk, "Z9");
  assert_int_equal(bmis_movement_correct(s, &m, &ch, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "desk: "));
  m = keep;
  bmis_movement now;
  assert_int_equal(bmis_movement_get(s, x.movement_id, &now, NULL), BMIS_OK);
  assert_string_equal(now.officer, keep.officer);
  assert_int_equal(now.version, 2);
  /* A correction is validated like a recording. */
  snprintf(m.bcp, sizeof m.bcp, "NOPE");
  assert_int_equal(bmis_movement_correct(s, &m, &ch, &err), BMIS_E_INVALID_ARG);
  /* Voiding the exit: the person is present again, the count drops. */
  assert_int_equal(bmis_movement_void(s, x.movement_id, &ch, &err), BMIS_OK);
  assert_int_equal(bmis_movement_void(s, x.movement_id, &ch, &err),
                   BMIS_E_RULE);
  bmis_stay_status ss;
  assert_int_equal(
      bmis_stay_status_get(s, r.person_id, D("2026-05-10"), &ss, NULL),
      BMIS_OK);
  assert_true(ss.present);
  assert_int_equal(ss.days_over, 10); /* 1 to 10 May */
  bmis_movement_filter f;
  memset(&f, 0, sizeof f);
  int n = 0;
  assert_int_equal(bmis_movement_list(s, &f, count_movement, &n, NULL),
                   BMIS_OK);
  assert_int_equal(n, 1);
  f.include_voided = true;
  n = 0;
  assert_int_equal(bmis_movement_list(s, &f, count_movement, &n, NULL),
                   BMIS_OK);
  assert_int_equal(n, 2);
  bmis_movement_version v[2];
  memset(v, 0, sizeof v);
  assert_int_equal(
      bmis_movement_history(s, x.movement_id, grab_version, v, NULL), BMIS_OK);
  assert_string_equal(v[0].kind, "correction");
  assert_string_equal(v[1].kind, "void");
  assert_string_equal(v[1].reason, "date keyed wrongly");
  assert_int_equal(bmis_movement_get(s, x.movement_id, &m, NULL), BMIS_OK);
  assert_true(m.voided);
  assert_int_equal(m.version, 3);
  /* A void movement cannot be corrected. */
  assert_int_equal(bmis_movement_correct(s, &m, &ch, &err), BMIS_E_RULE);
}

/* Issue 12, defect 4: text is refused, never cut, by the library itself
 * (a front end may not check), and a history an older version wrote with a
 * reason cut inside a character still reads back. */
static void bad_text_is_refused_and_old_history_reads_back(void **state) {
  bmis_store *s = *state;
  bmis_crossing c =
      person("Okafor", "Chidi", "1985-02-02", "NGA", 'M', "A7000001");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-04-01T08:00:00Z");
  bmis_record_result r = record(s, &c);
  bmis_movement m;
  assert_int_equal(bmis_movement_get(s, r.movement_id, &m, NULL), BMIS_OK);
  bmis_change ch = {"supervisor1", "", 100};
  bmis_error err;
  /* 513 bytes that do not end within the field. */
  memset(ch.reason, 'a', sizeof ch.reason);
  assert_int_equal(bmis_movement_void(s, r.movement_id, &ch, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: longer than 512 bytes");
  /* 511 ASCII and the first byte of "é", as the old server cut it. */
  memset(ch.reason, 'a', 511);
  ch.reason[511] = '\xc3';
  ch.reason[512] = 0;
  assert_int_equal(bmis_movement_void(s, r.movement_id, &ch, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: not valid UTF-8 at byte 512");
  snprintf(ch.reason, sizeof ch.reason, "keyed \x1b[2Jwrongly");
  assert_int_equal(bmis_movement_correct(s, &m, &ch, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "reason: control character U+001B"));
  snprintf(ch.reason, sizeof ch.reason, "keyed wrongly");
  snprintf(ch.by, sizeof ch.by, "super\nvisor");
  assert_int_equal(bmis_movement_correct(s, &m, &ch, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "by: control character U+000A"));
  snprintf(ch.by, sizeof ch.by, "supervisor1");
  /* A movement's own text: a note cut inside a character, a carrier with a
   * control character. */
  bmis_movement bad = m;
  snprintf(bad.decision_note, sizeof bad.decision_note, "caf\xc3");
  assert_int_equal(bmis_movement_correct(s, &bad, &ch, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "decision_note: not valid UTF-8 at byte 4");
  bad = m;
  snprintf(bad.carrier, sizeof bad.carrier, "KQ\x7f");
  assert_int_equal(bmis_movement_correct(s, &bad, &ch, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "carrier: control character U+007F"));
  bad = m;
  snprintf(bad.decision_note, sizeof bad.decision_note, "seen\aby");
  assert_int_equal(bmis_movement_decide(s, &bad, &ch, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(
      strstr(err.message, "decision_note: control character U+0007"));
  bmis_crossing cc = c;
  snprintf(cc.traveller.surname, sizeof cc.traveller.surname, "Oka\xff");
  cc.movement.id[0] = 0;
  bmis_record_result rr;
  cc.recorded_at = (int64_t)time(NULL);
  assert_int_equal(bmis_movement_record(s, &cc, &rr, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message,
                      "traveller.surname: not valid UTF-8 at byte 4");
  /* An identity decision's reason (checked before the link is looked up). */
  snprintf(ch.reason, sizeof ch.reason, "same person \xff");
  assert_int_equal(bmis_link_decide(s, &DESK, 1,
                                    "01a21000-0000-7000-8000-00000000dead",
                                    BMIS_LINK_CONFIRMED, &ch, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: not valid UTF-8 at byte 13");
  /* A crossing point's name. */
  bmis_bcp b = {"XYZ", "Lake \xc3", BMIS_BCP_KIND_LAND, "Africa/Nairobi"};
  assert_int_equal(bmis_bcp_put(s, &b, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "name: not valid UTF-8 at byte 6");
  /* Exactly at the limit: 510 ASCII and "é" are 512 bytes; it reads back. */
  memset(ch.reason, 'a', 510);
  memcpy(ch.reason + 510, "\xc3\xa9", 3);
  assert_int_equal(bmis_movement_void(s, r.movement_id, &ch, &err), BMIS_OK);
  bmis_movement_version v[2];
  memset(v, 0, sizeof v);
  assert_int_equal(
      bmis_movement_history(s, r.movement_id, grab_version, v, NULL), BMIS_OK);
  assert_string_equal(v[0].kind, "void");
  assert_string_equal(v[0].reason, ch.reason);
  if (fx_is_pg())
    return; /* PostgreSQL never stores text that is not UTF-8 */
  /* The row as the old code wrote it: cut inside "é". */
  raw_sql("UPDATE movement_version SET reason = CAST(X'636166C3' AS TEXT) "
          "WHERE kind = 'void'");
  memset(v, 0, sizeof v);
  assert_int_equal(
      bmis_movement_history(s, r.movement_id, grab_version, v, NULL), BMIS_OK);
  assert_string_equal(v[0].kind, "void");
  assert_string_equal(v[0].reason, "caf\xef\xbf\xbd"); /* U+FFFD */
  assert_int_equal(v[0].before.version, 1);
}

static void overstayers_as_of_a_date(void **state) {
  bmis_store *s = *state;
  /* 1: still present beyond the permitted stay. */
  bmis_crossing a = person("Ali", "Hassan", "1980-01-01", "SOM", 'M', "P1");
  at(&a, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  a.permitted_days = 30;
  record(s, &a);
  /* 2: left after overstaying. */
  bmis_crossing b = person("Bello", "Musa", "1981-01-01", "NGA", 'M', "P2");
  at(&b, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  b.permitted_days = 30;
  record(s, &b);
  at(&b, BMIS_DIRECTION_EXIT, "2026-02-10T08:00:00Z");
  record(s, &b);
  /* 3: left in time. */
  bmis_crossing c = person("Chen", "Wei", "1982-01-01", "CHN", 'M', "P3");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  c.permitted_days = 30;
  record(s, &c);
  at(&c, BMIS_DIRECTION_EXIT, "2026-01-30T08:00:00Z");
  record(s, &c);
  /* 4: a national, present for months. */
  bmis_crossing d = person("Kamau", "Jane", "1983-01-01", "KEN", 'F', "P4");
  at(&d, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  record(s, &d);
  char got[64] = "";
  assert_int_equal(
      bmis_overstay_list(s, D("2026-03-01"), collect_over, got, NULL), BMIS_OK);
  assert_string_equal(got, "E-;Ex;");
  /* On the last permitted day nobody is over yet. */
  got[0] = 0;
  assert_int_equal(
      bmis_overstay_list(s, D("2026-01-30"), collect_over, got, NULL), BMIS_OK);
  assert_string_equal(got, "");
  /* The day after, the two still present are over (b left on 10 Feb). */
  got[0] = 0;
  assert_int_equal(
      bmis_overstay_list(s, D("2026-01-31"), collect_over, got, NULL), BMIS_OK);
  assert_string_equal(got, "E-;Ex;");
  bmis_traveller t;
  assert_int_equal(bmis_traveller_by_document(s, "KEN", "P4", &t, NULL),
                   BMIS_OK);
  bmis_stay_status ss;
  assert_int_equal(
      bmis_stay_status_get(s, t.person_id, D("2026-12-31"), &ss, NULL),
      BMIS_OK);
  assert_true(ss.national);
  assert_true(ss.present);
  assert_false(ss.window_exceeded);
}

static void the_rolling_window_is_checked_on_any_date(void **state) {
  bmis_store *s = *state;
  bmis_crossing c =
      person("Dubois", "Marie", "1975-05-05", "FRA", 'F', "15AB12345");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  record(s, &c);
  at(&c, BMIS_DIRECTION_EXIT, "2026-03-01T08:00:00Z");
  record(s, &c);
  at(&c, BMIS_DIRECTION_ENTRY, "2026-05-01T08:00:00Z");
  record(s, &c);
  at(&c, BMIS_DIRECTION_EXIT, "2026-05-31T08:00:00Z");
  bmis_record_result r = record(s, &c);
  bmis_stay_status ss;
  assert_int_equal(
      bmis_stay_status_get(s, r.person_id, D("2026-05-31"), &ss, NULL),
      BMIS_OK);
  assert_int_equal(ss.days_in_window, 91);
  assert_true(ss.window_exceeded);
  assert_int_equal(
      bmis_stay_status_get(s, r.person_id, D("2026-06-30"), &ss, NULL),
      BMIS_OK);
  assert_int_equal(ss.days_in_window, 90);
  assert_false(ss.window_exceeded);
  /* A resident (permitted for longer than the limit) is not held to the
   * short-stay rule. */
  bmis_crossing res =
      person("Resident", "Rita", "1975-05-05", "FRA", 'F', "15AB99999");
  at(&res, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  res.movement.permitted_until = D("2028-12-31");
  bmis_record_result rr = record(s, &res);
  bmis_stay_status rs;
  assert_int_equal(
      bmis_stay_status_get(s, rr.person_id, D("2026-06-30"), &rs, NULL),
      BMIS_OK);
  assert_int_equal(rs.days_in_window, 180);
  assert_false(rs.window_exceeded);
  /* As of a date in the past, later movements do not count. */
  assert_int_equal(
      bmis_stay_status_get(s, r.person_id, D("2026-02-01"), &ss, NULL),
      BMIS_OK);
  assert_true(ss.present);
  assert_int_equal(ss.days_in_window, 32);
}

static void a_batch_keeps_accepted_crossings_only(void **state) {
  bmis_store *s = *state;
  bmis_error err;
  assert_int_equal(bmis_store_begin(s, &err), BMIS_OK);
  bmis_crossing a = person("One", "A", "1990-01-01", "GHA", 'F', "G1");
  at(&a, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  bmis_record_result ra = record(s, &a);
  bmis_crossing bad = person("Two", "B", "1990-01-01", "GHA", 'F', "G2");
  at(&bad, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  snprintf(bad.movement.bcp, sizeof bad.movement.bcp, "NOPE");
  bad.recorded_at = (int64_t)time(NULL);
  assert_int_equal(bmis_movement_record(s, &bad, NULL, &err),
                   BMIS_E_INVALID_ARG);
  /* A failure after writing began (a conflicting id) rolls back only its
   * own savepoint. */
  bmis_crossing dup = person("Three", "C", "1990-01-01", "GHA", 'F', "G3");
  at(&dup, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  snprintf(dup.movement.id, sizeof dup.movement.id, "%s", ra.movement_id);
  dup.recorded_at = (int64_t)time(NULL);
  assert_int_equal(bmis_movement_record(s, &dup, NULL, &err), BMIS_E_CONFLICT);
  bmis_crossing c = person("Four", "D", "1990-01-01", "GHA", 'F', "G4");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  record(s, &c);
  assert_int_equal(bmis_store_commit(s, &err), BMIS_OK);
  assert_int_equal(movements(s), 2);
  assert_int_equal(travellers(s), 2);
  /* A rolled-back batch leaves nothing. */
  assert_int_equal(bmis_store_begin(s, &err), BMIS_OK);
  bmis_crossing e = person("Five", "E", "1990-01-01", "GHA", 'F', "G5");
  at(&e, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  record(s, &e);
  bmis_store_rollback(s);
  assert_int_equal(movements(s), 2);
}

static void movements_are_listed_by_filter(void **state) {
  bmis_store *s = *state;
  bmis_crossing a = person("Lee", "Min", "1990-01-01", "KOR", 'F', "M1");
  at(&a, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  record(s, &a);
  at(&a, BMIS_DIRECTION_EXIT, "2026-01-05T08:00:00Z");
  snprintf(a.movement.bcp, sizeof a.movement.bcp, "LAX");
  record(s, &a);
  bmis_crossing b = person("Park", "Jun", "1991-01-01", "JPN", 'M', "M2");
  at(&b, BMIS_DIRECTION_ENTRY, "2026-01-03T22:00:00Z"); /* 4 Jan locally */
  b.movement.decision = BMIS_DECISION_REFUSED;
  snprintf(b.movement.grounds, sizeof b.movement.grounds, "C");
  record(s, &b);
  bmis_movement_filter f;
  int n;
#define COUNT_WITH(setup, want)                                                \
  memset(&f, 0, sizeof f);                                                     \
  setup;                                                                       \
  n = 0;                                                                       \
  assert_int_equal(bmis_movement_list(s, &f, count_movement, &n, NULL),        \
                   BMIS_OK);                                                   \
  assert_int_equal(n, want)
  COUNT_WITH((void)0, 3);
  COUNT_WITH(snprintf(f.bcp, sizeof f.bcp, "NBO"), 2);
  COUNT_WITH(snprintf(f.nationality, 4, "KOR"), 2);
  COUNT_WITH(f.direction = BMIS_DIRECTION_EXIT, 1);
  COUNT_WITH(f.decision = BMIS_DECISION_REFUSED, 1);
  COUNT_WITH(f.from = D("2026-01-04"), 2);
  COUNT_WITH((f.from = D("2026-01-04"), f.to = D("2026-01-04")), 1);
  COUNT_WITH(f.to = D("2026-01-03"), 1);
  COUNT_WITH(f.limit = 2, 2);
  bmis_traveller lee;
  assert_int_equal(bmis_traveller_by_document(s, "KOR", "M1", &lee, NULL),
                   BMIS_OK);
  COUNT_WITH(snprintf(f.person_id, sizeof f.person_id, "%s", lee.person_id), 2);
  COUNT_WITH((snprintf(f.person_id, sizeof f.person_id, "%s", lee.person_id),
              f.direction = BMIS_DIRECTION_EXIT),
             1);
  COUNT_WITH((snprintf(f.person_id, sizeof f.person_id, "%s", lee.person_id),
              f.limit = 1),
             1);
#undef COUNT_WITH
}

static void backup_and_restore(void **state) {
  bmis_store *s = *state;
  bmis_crossing a = person("Backup", "Bea", "1990-01-01", "ZAF", 'F', "Z1");
  at(&a, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  record(s, &a);
  char path[128];
  snprintf(path, sizeof path, "/tmp/bmis-test-backup-%d", (int)getpid());
  bmis_error err;
  assert_int_equal(bmis_store_backup(s, path, &err), BMIS_OK);
  /* Changes after the backup disappear on restore. */
  bmis_crossing b = person("Later", "Lou", "1990-01-01", "ZAF", 'F', "Z2");
  at(&b, BMIS_DIRECTION_ENTRY, "2026-01-02T08:00:00Z");
  record(s, &b);
  assert_int_equal(movements(s), 2);
  assert_int_equal(bmis_store_restore(s, path, &err), BMIS_OK);
  assert_int_equal(movements(s), 1);
  bmis_traveller t;
  assert_int_equal(bmis_traveller_by_document(s, "ZAF", "Z1", &t, NULL),
                   BMIS_OK);
  assert_int_equal(bmis_traveller_by_document(s, "ZAF", "Z2", &t, &err),
                   BMIS_E_NOT_FOUND);
  /* The store works on after a restore. */
  record(s, &b);
  assert_int_equal(movements(s), 2);
  /* Not a backup: refused, and the store is unchanged. */
  FILE *f = fopen(path, "w");
  fputs("not a backup\n", f);
  fclose(f);
  assert_int_not_equal(bmis_store_restore(s, path, &err), BMIS_OK);
  assert_int_equal(movements(s), 2);
  unlink(path);
  assert_int_not_equal(bmis_store_restore(s, path, &err), BMIS_OK);
}

typedef struct late_commit {
  bmis_store *s;
  int status;
} late_commit;

static void *commit_later(void *arg) {
  late_commit *lc = arg;
  struct timespec ts = {0, 300 * 1000 * 1000};
  nanosleep(&ts, NULL);
  lc->status = bmis_store_commit(lc->s, NULL);
  return NULL;
}

/* A client retries while its first attempt is still being committed by
 * another connection: the retry waits, then answers "duplicate"; a new
 * document written by both at once is linked, not refused. */
static void a_retry_racing_the_first_attempt_is_a_duplicate(void **state) {
  bmis_store *s = *state;
  const char *url = fx_is_pg() ? fx_pg_url : fx_path;
  bmis_store *other;
  bmis_error err;
  assert_int_equal(bmis_store_open(url, NULL, &other, &err), BMIS_OK);
  bmis_crossing c = person("Racer", "Rae", "1990-01-01", "GBR", 'F', "R1");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  assert_int_equal(bmis_uuid_v7(c.movement.id, NULL), BMIS_OK);
  assert_int_equal(bmis_store_begin(other, &err), BMIS_OK);
  bmis_record_result first;
  c.recorded_at = (int64_t)time(NULL);
  assert_int_equal(bmis_movement_record(other, &c, &first, &err), BMIS_OK);
  late_commit lc = {other, -1};
  pthread_t th;
  assert_int_equal(pthread_create(&th, NULL, commit_later, &lc), 0);
  bmis_record_result again;
  c.recorded_at = (int64_t)time(NULL);
  bmis_status st = bmis_movement_record(s, &c, &again, &err);
  pthread_join(th, NULL);
  if (st != BMIS_OK)
    fail_msg("retry: %s", err.message);
  assert_int_equal(lc.status, BMIS_OK);
  assert_true(again.duplicate);
  assert_string_equal(again.traveller_id, first.traveller_id);
  /* Same new document, two crossings at once. */
  bmis_crossing d = person("Twice", "Tom", "1990-01-01", "GBR", 'M', "R2");
  at(&d, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  assert_int_equal(bmis_store_begin(other, &err), BMIS_OK);
  d.recorded_at = (int64_t)time(NULL);
  assert_int_equal(bmis_movement_record(other, &d, &first, &err), BMIS_OK);
  assert_int_equal(pthread_create(&th, NULL, commit_later, &lc), 0);
  at(&d, BMIS_DIRECTION_EXIT, "2026-01-02T08:00:00Z");
  d.recorded_at = (int64_t)time(NULL);
  st = bmis_movement_record(s, &d, &again, &err);
  pthread_join(th, NULL);
  if (st != BMIS_OK)
    fail_msg("second crossing: %s", err.message);
  assert_int_equal(again.method, BMIS_LINK_DOCUMENT);
  assert_string_equal(again.traveller_id, first.traveller_id);
  assert_int_equal(movements(s), 3);
  bmis_store_close(other);
}

/* Search by name and birth: scored as identities are linked, best first,
 * capped; the birth is required. */
static void travellers_are_found_by_name_and_birth(void **state) {
  bmis_store *s = *state;
  bmis_crossing a =
      person("MÜLLER", "Anna Lena", "1980-05-12", "DEU", 'F', "C01X00T47");
  at(&a, BMIS_DIRECTION_ENTRY, "2026-01-10T08:00:00Z");
  record(s, &a);
  bmis_crossing b =
      person("MUELLER", "Anna", "1980-05-12", "DEU", 'F', "C01X00T48");
  at(&b, BMIS_DIRECTION_ENTRY, "2026-02-10T08:00:00Z");
  record(s, &b);
  bmis_crossing c =
      person("OKAFOR", "Chidi", "1980-05-12", "NGA", 'M', "A12345678");
  at(&c, BMIS_DIRECTION_ENTRY, "2026-03-10T08:00:00Z");
  record(s, &c);
  bmis_traveller_match found[5];
  size_t n;
  bmis_error err;
  assert_int_equal(bmis_traveller_search(s, &DESK, 1800000000, "Mueller",
                                         "Anna Lena", D("1980-05-12"), "DEU",
                                         'F', found, 5, &n, &err),
                   BMIS_OK);
  assert_true(n >= 1);
  for (size_t i = 0; i < n; i++) {
    assert_true(strstr(found[i].traveller.surname, "M") != NULL);
    assert_true(found[i].score >= 0.595);
    if (i)
      assert_true(found[i - 1].score >= found[i].score);
  }
  assert_true(found[0].score > 0.9);
  assert_true(strlen(found[0].reasons) > 0);
  /* capped */
  assert_int_equal(bmis_traveller_search(s, &DESK, 1800000000, "Mueller",
                                         "Anna", D("1980-05-12"), NULL, 0,
                                         found, 1, &n, &err),
                   BMIS_OK);
  assert_int_equal(n, 1);
  /* no namesake of another birth */
  assert_int_equal(bmis_traveller_search(s, &DESK, 1800000000, "Mueller",
                                         "Anna", D("1990-05-12"), NULL, 0,
                                         found, 5, &n, &err),
                   BMIS_OK);
  assert_int_equal(n, 0);
  bmis_date none = {0, 0, 0};
  assert_int_equal(bmis_traveller_search(s, &DESK, 1800000000, "Mueller",
                                         "Anna", none, NULL, 0, found, 5, &n,
                                         &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "birth"));
  assert_int_equal(bmis_traveller_search(s, &DESK, 1800000000, "Mueller",
                                         "Anna", P("1980"), NULL, 0, found, 5,
                                         &n, &err),
                   BMIS_E_INVALID_ARG);
  assert_int_equal(bmis_traveller_search(s, &DESK, 1800000000, "", "Anna",
                                         P("1980"), NULL, 0, found, 5, &n,
                                         &err),
                   BMIS_E_INVALID_ARG);
}

static void reopening_keeps_everything(void **state) {
  bmis_store *s = *state;
  bmis_crossing a = person("Durable", "Dan", "1990-01-01", "ZMB", 'M', "D1");
  at(&a, BMIS_DIRECTION_ENTRY, "2026-01-01T08:00:00Z");
  bmis_record_result r = record(s, &a);
  bmis_store_close(s);
  const char *url = fx_is_pg() ? fx_pg_url : fx_path;
  bmis_error err;
  assert_int_equal(bmis_store_open(url, NULL, &s, &err), BMIS_OK);
  *state = s;
  bmis_movement m;
  assert_int_equal(bmis_movement_get(s, r.movement_id, &m, NULL), BMIS_OK);
  bmis_register_config cfg;
  assert_int_equal(bmis_register_config_get(s, &cfg, NULL), BMIS_OK);
  assert_string_equal(cfg.state, "KEN");
  assert_int_equal(cfg.window_limit, 90);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
#define T_(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T_(schema_is_migrated_and_recorded),
      T_(travellers_are_found_by_name_and_birth),
      T_(a_newer_schema_is_refused),
      T_(a_crossing_is_recorded_on_the_local_date),
      T_(the_same_id_twice_is_one_movement),
      T_(bad_crossings_are_refused_and_write_nothing),
      T_(a_renewed_passport_joins_the_known_person),
      T_(a_weak_match_is_flagged_never_merged),
      T_(doubtful_matches_go_to_review),
      T_(records_arriving_out_of_order_give_the_same_stays),
      T_(a_referral_decided_later_updates_the_same_movement),
      T_(corrections_and_voids_keep_history),
      T_(overstayers_as_of_a_date),
      T_(the_rolling_window_is_checked_on_any_date),
      T_(a_batch_keeps_accepted_crossings_only),
      T_(movements_are_listed_by_filter),
      T_(backup_and_restore),
      T_(a_retry_racing_the_first_attempt_is_a_duplicate),
      T_(reopening_keeps_everything),
      T_(bad_text_is_refused_and_old_history_reads_back),
  };
  int failed = cmocka_run_group_tests_name(fx_is_pg() ? "register on postgres"
                                                      : "register on sqlite",
                                           tests, NULL, NULL);
  fx_cleanup();
  return failed;
}

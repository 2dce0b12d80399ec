/* Audit is the library's job (docs/AUDIT.md), on SQLite and on PostgreSQL:
 * one row per public function that takes the actor, each called on a
 * prepared store, must leave exactly the entries its row names (action and
 * outcome, in order) and no other; a refused call leaves its one entry
 * with the refusal's status as outcome. The table is compared with the
 * public headers: every BMIS_API function declared in the headers of
 * include/bmis with a `const bmis_actor *` parameter has a row, so a new
 * function without one fails here. */
#include "store_fixture.h"

#include "bmis/account.h"
#include "bmis/audit.h"
#include "bmis/inspect.h"

#include <ctype.h>
#include <dirent.h>
#include <jansson.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#define AT 1800000000

/* What every row starts from: a crossing point, a sanctions list, and
 * inspections in each state a function needs. */
typedef struct fx {
  bmis_store *s;
  bmis_screen_index *ix;
  bmis_actor officer, supervisor, away, admin;
  char admitted[BMIS_ID_SIZE];    /* decided: admitted (a movement) */
  char refused[BMIS_ID_SIZE];     /* decided: refused (a notice) */
  char hit[BMIS_ID_SIZE];         /* open, with one sanctions hit */
  char open[BMIS_ID_SIZE];        /* open, no hit */
  char referral[BMIS_ID_SIZE];    /* open secondary referral */
  char disposition[BMIS_ID_SIZE]; /* a dismissal awaiting review */
  char link[BMIS_ID_SIZE];        /* a pending identity link (asylum) */
} fx;

static const char sanctions_csv[] =
    "kind,ref,name,aliases,weak_aliases,original_script_names,birth,"
    "nationality,sex,birth_place,birth_country,documents,doc_state,"
    "doc_number,doc_type,doc_status,reported,remarks\n"
    "person,WL-1,Ivan Petrovich SIDOROV,,,,1961-04-12,RUS,M,,,,,,,,,\n";

static void actor(bmis_actor *a, const char *user, const char *role,
                  const char *bcp) {
  memset(a, 0, sizeof *a);
  snprintf(a->username, sizeof a->username, "%s", user);
  snprintf(a->role, sizeof a->role, "%s", role);
  snprintf(a->channel, sizeof a->channel, "api");
  snprintf(a->bcp, sizeof a->bcp, "%s", bcp);
  snprintf(a->desk, sizeof a->desk, "A1");
}

static bmis_status inspect_st(fx *f, const char *surname, const char *given,
                              const char *number, const char *nat,
                              const char *birth, char sex, int64_t at,
                              char id[BMIS_ID_SIZE], bmis_error *err) {
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
  char m[200];
  if (bmis_doc_make(&in, m, sizeof m, err) != BMIS_OK)
    fail_msg("make: %s", err->message);
  json_t *body = json_pack("{s:s, s:s, s:{s:s}}", "mrz", m, "direction",
                           "entry", "card", "purpose", "leisure");
  char *text = json_dumps(body, 0);
  json_decref(body);
  bmis_inspection_request rq;
  bmis_status st =
      bmis_inspection_request_from_json(text, strlen(text), &rq, err);
  free(text);
  char *out = NULL;
  if (st == BMIS_OK)
    st = bmis_inspect(f->s, f->ix, &rq, &f->officer, at, id, &out, err);
  free(out);
  return st;
}

static void inspect(fx *f, const char *surname, const char *given,
                    const char *number, const char *nat, const char *birth,
                    char sex, char id[BMIS_ID_SIZE]) {
  bmis_error err;
  if (inspect_st(f, surname, given, number, nat, birth, sex, AT, id, &err) !=
      BMIS_OK)
    fail_msg("inspect: %s", err.message);
}

static void decide(fx *f, const char *id, const char *json,
                   bmis_decision_result *out) {
  bmis_inspection_decision d;
  bmis_error err;
  if (bmis_inspection_decision_from_json(json, strlen(json), &d, &err) !=
          BMIS_OK ||
      bmis_inspection_decide(f->s, id, &d, &f->officer, AT, out, &err) !=
          BMIS_OK)
    fail_msg("decide: %s", err.message);
}

static int first_link(const bmis_identity_link *l, void *ctx) {
  memcpy(ctx, l->id, BMIS_ID_SIZE);
  return 1;
}

/* Two records of one man, the first with an open asylum referral: a link
 * to review, which once confirmed cannot be rejected (E_SAFEGUARD). */
static void make_link(fx *f) {
  static const char *const lines[] = {
      "{\"direction\":\"entry\",\"bcp\":\"NBO\",\"crossed_at\":"
      "\"2026-11-02T10:00:00Z\",\"decision\":\"referred\",\"referrals\":"
      "[\"asylum\"],\"traveller\":{\"surname\":\"MUELLER\",\"given_names\":"
      "\"HANS\",\"birth\":\"1980-05-05\",\"sex\":\"M\",\"nationality\":"
      "\"DEU\"},\"document\":{\"issuing_state\":\"DEU\",\"number\":"
      "\"C01X00T47\"}}",
      "{\"direction\":\"entry\",\"bcp\":\"NBO\",\"crossed_at\":"
      "\"2026-11-03T10:00:00Z\",\"decision\":\"referred\",\"traveller\":"
      "{\"surname\":\"MULLER\",\"given_names\":\"HANS PETER\",\"birth\":"
      "\"1980-05-05\",\"sex\":\"M\",\"nationality\":\"DEU\"},\"document\":"
      "{\"issuing_state\":\"DEU\",\"number\":\"C02X00T48\"}}"};
  bmis_error err;
  for (int i = 0; i < 2; i++) {
    bmis_crossing c;
    bmis_record_result rr;
    assert_int_equal(
        bmis_crossing_from_json(lines[i], strlen(lines[i]), &c, &err), BMIS_OK);
    c.recorded_at = AT;
    if (bmis_movement_record(f->s, &c, &rr, &err) != BMIS_OK)
      fail_msg("record: %s", err.message);
  }
  assert_int_equal(bmis_link_list(f->s, &f->supervisor, AT, BMIS_LINK_PENDING,
                                  first_link, f->link, &err),
                   BMIS_OK);
  assert_true(f->link[0]);
}

static fx *prepare(void) {
  fx *f = calloc(1, sizeof *f);
  assert_non_null(f);
  bmis_error err;
  if (bmis_store_open(fx_fresh_url(), NULL, &f->s, &err) != BMIS_OK)
    fail_msg("open: %s", err.message);
  bmis_register_config cfg = {"KEN", 180, 90};
  assert_int_equal(bmis_register_config_set(f->s, &cfg, &err), BMIS_OK);
  bmis_bcp b = {"NBO", "Jomo Kenyatta", BMIS_BCP_KIND_AIR, "Africa/Nairobi"};
  assert_int_equal(bmis_bcp_put(f->s, &b, &err), BMIS_OK);
  bmis_wl_content *c = bmis_wl_content_new();
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_CSV, sanctions_csv,
                                strlen(sanctions_csv), c, &err),
                   BMIS_OK);
  bmis_watchlist meta;
  memset(&meta, 0, sizeof meta);
  snprintf(meta.name, sizeof meta.name, "sanctions");
  snprintf(meta.source, sizeof meta.source, "test");
  meta.category = BMIS_WL_SANCTIONS;
  meta.action = BMIS_HIT_REFER;
  bmis_wl_report rep;
  if (bmis_watchlist_import(f->s, &meta, c, &rep, &err) != BMIS_OK)
    fail_msg("import: %s", err.message);
  bmis_wl_report_free(&rep);
  bmis_wl_content_free(c);
  assert_int_equal(bmis_screen_index_load(f->s, &f->ix, &err), BMIS_OK);
  actor(&f->officer, "amina", "officer", "NBO");
  actor(&f->supervisor, "joseph", "supervisor", "NBO");
  actor(&f->away, "wanjiru", "supervisor", "MBA");
  actor(&f->admin, "root", "admin", "");
  f->admin.all_bcps = true;

  bmis_decision_result out;
  inspect(f, "ERIKSSON", "ANNA MARIA", "L898902C3", "GBR", "1974-08-12", 'F',
          f->admitted);
  decide(f, f->admitted,
         "{\"decision\":\"admit\",\"entry_type\":\"visa-free\","
         "\"permitted_days\":30}",
         &out);
  inspect(f, "MARTIN", "PAUL", "X12345678", "FRA", "1980-01-02", 'M',
          f->refused);
  decide(f, f->refused,
         "{\"decision\":\"refuse\",\"grounds\":\"C\",\"explanation\":\"no "
         "visa\"}",
         &out);
  char referred[BMIS_ID_SIZE];
  inspect(f, "NOVAK", "JANA", "C01234567", "CZE", "1990-05-06", 'F', referred);
  decide(f, referred, "{\"decision\":\"refer\",\"note\":\"ticket\"}", &out);
  assert_int_equal(out.referral_count, 1);
  memcpy(f->referral, out.referrals[0].id, BMIS_ID_SIZE);
  inspect(f, "SIDOROV", "IVAN PETROVICH", "751234567", "RUS", "1961-04-12", 'M',
          f->hit);
  bmis_hit_disposition d;
  assert_int_equal(bmis_inspection_dispose(f->s, f->hit, 0, BMIS_HIT_DISMISSED,
                                           "different person: photo",
                                           &f->officer, AT, &d, &err),
                   BMIS_OK);
  memcpy(f->disposition, d.id, BMIS_ID_SIZE);
  inspect(f, "OKAFOR", "CHIDI", "A00011122", "NGA", "1985-03-04", 'M', f->open);
  make_link(f);
  bmis_account acc;
  memset(&acc, 0, sizeof acc);
  snprintf(acc.username, sizeof acc.username, "amina");
  snprintf(acc.display_name, sizeof acc.display_name, "Amina");
  snprintf(acc.bcps, sizeof acc.bcps, "NBO");
  snprintf(acc.default_bcp, sizeof acc.default_bcp, "NBO");
  acc.role = BMIS_ROLE_OFFICER;
  if (bmis_account_add(f->s, &acc, "correct horse battery", AT, &err) !=
      BMIS_OK)
    fail_msg("account: %s", err.message);
  /* one failed login to clear */
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  bmis_login in = {"ghost", "a guess", NULL, "D1", "198.51.100.7", 3600, AT};
  assert_int_equal(bmis_session_login(f->s, &in, tok, &ses, NULL, &err),
                   BMIS_E_AUTH);
  return f;
}

static void release(fx *f) {
  bmis_screen_index_free(f->ix);
  bmis_store_close(f->s);
  free(f);
}

/* ---- the rows ---- */

static int ignore_lockout(const bmis_lockout *l, void *ctx) {
  (void)l;
  (void)ctx;
  return 0;
}

static int ignore_disposition(const bmis_hit_disposition *d, void *ctx) {
  (void)d;
  (void)ctx;
  return 0;
}

static int ignore_referral(const bmis_referral *r, void *ctx) {
  (void)r;
  (void)ctx;
  return 0;
}

static bmis_status call_lockout_list(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  return bmis_lockout_list(f->s, &f->admin, AT, ignore_lockout, NULL, err);
}

static bmis_status call_lockout_clear(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  return bmis_lockout_clear(f->s, &f->admin, AT, "ghost", NULL, err);
}

static bmis_status call_inspect(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  char id[BMIS_ID_SIZE];
  /* the person admitted in prepare(), back again */
  return inspect_st(f, "ERIKSSON", "ANNA MARIA", "L898902C3", "GBR",
                    "1974-08-12", 'F', AT + 5, id, err);
}

static bmis_status call_inspection_get(fx *f, bool refuse, bmis_error *err) {
  char *json = NULL, mv[BMIS_ID_SIZE];
  bmis_status st = bmis_inspection_get(
      f->s, f->admitted, refuse ? &f->away : &f->officer, &json, mv, err);
  free(json);
  return st;
}

static bmis_status call_inspection_read(fx *f, bool refuse, bmis_error *err) {
  bmis_inspection in;
  bmis_status st = bmis_inspection_read(
      f->s, f->admitted, refuse ? &f->away : &f->officer, AT, &in, err);
  bmis_inspection_fini(&in);
  return st;
}

static bmis_status call_inspection_protect(fx *f, bool refuse,
                                           bmis_error *err) {
  (void)refuse;
  bmis_protection p;
  memset(&p, 0, sizeof p);
  p.asylum = true;
  char *json = NULL;
  bmis_status st =
      bmis_inspection_protect(f->s, f->open, &p, &f->officer, AT, &json, err);
  free(json);
  return st;
}

static bmis_status call_inspection_dispose(fx *f, bool refuse,
                                           bmis_error *err) {
  (void)refuse;
  bmis_hit_disposition d;
  /* the dismissal was made in prepare(); a confirmation of the hit now */
  return bmis_inspection_dispose(f->s, f->hit, 0, BMIS_HIT_CONFIRMED,
                                 "same person: checked", &f->officer, AT, &d,
                                 err);
}

static bmis_status call_disposition_review(fx *f, bool refuse,
                                           bmis_error *err) {
  bmis_hit_disposition d;
  return bmis_disposition_review(
      f->s, f->disposition, BMIS_REVIEW_CONFIRMED, "checked twice",
      refuse ? &f->officer : &f->supervisor, AT, &d, err);
}

static bmis_status call_disposition_queue(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  return bmis_disposition_queue(f->s, BMIS_REVIEW_PENDING, &f->supervisor, AT,
                                ignore_disposition, NULL, err);
}

static bmis_status call_inspection_decide(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  const char *json = "{\"decision\":\"admit\",\"entry_type\":\"visa-free\","
                     "\"permitted_days\":30}";
  bmis_inspection_decision d;
  bmis_decision_result out;
  bmis_status st =
      bmis_inspection_decision_from_json(json, strlen(json), &d, err);
  return st == BMIS_OK ? bmis_inspection_decide(f->s, f->open, &d, &f->officer,
                                                AT, &out, err)
                       : st;
}

static bmis_status call_referral_list(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  return bmis_referral_list(f->s, &f->supervisor, AT, BMIS_REFERRALS_OPEN,
                            ignore_referral, NULL, err);
}

static bmis_status call_referral_get(fx *f, bool refuse, bmis_error *err) {
  bmis_referral r;
  return bmis_referral_get(f->s, f->referral,
                           refuse ? &f->away : &f->supervisor, &r, err);
}

static bmis_status call_referral_outcome(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  const char *json = "{\"outcome\":\"admitted\",\"permitted_days\":10}";
  bmis_inspection_decision d;
  bmis_status st =
      bmis_inspection_decision_from_json(json, strlen(json), &d, err);
  return st == BMIS_OK
             ? bmis_referral_outcome_record(f->s, f->referral,
                                            (bmis_referral_outcome)d.outcome,
                                            &d, &f->supervisor, AT, err)
             : st;
}

/* refused: a correction moving the movement to another post's books */
static bmis_status call_inspection_correct(fx *f, bool refuse,
                                           bmis_error *err) {
  bmis_movement m;
  bmis_status st = bmis_movement_get(f->s, f->admitted, &m, err);
  bmis_change ch = {"joseph", "typo", AT};
  snprintf(m.carrier, sizeof m.carrier, "KQ");
  if (refuse)
    snprintf(m.bcp, sizeof m.bcp, "MBA");
  return st == BMIS_OK ? bmis_inspection_correct(f->s, &f->supervisor, AT, &m,
                                                 &ch, &m, err)
                       : st;
}

static bmis_status call_movement_get(fx *f, bool refuse, bmis_error *err) {
  bmis_movement m;
  return bmis_inspection_movement_get(f->s, refuse ? &f->away : &f->supervisor,
                                      AT, f->admitted, &m, err);
}

static bmis_status call_movement_void(fx *f, bool refuse, bmis_error *err) {
  bmis_change ch = {"joseph", "entered twice", AT};
  bmis_movement m;
  return bmis_inspection_movement_void(f->s, refuse ? &f->away : &f->supervisor,
                                       AT, f->admitted, &ch, &m, err);
}

static bmis_status call_refusal_notice(fx *f, bool refuse, bmis_error *err) {
  char *html = NULL;
  /* refused: an admitted movement has no notice (E_RULE) */
  bmis_status st =
      bmis_refusal_notice(f->s, &f->officer, AT,
                          refuse ? f->admitted : f->refused, NULL, &html, err);
  free(html);
  return st;
}

static int ignore_link(const bmis_identity_link *l, void *ctx) {
  (void)l;
  (void)ctx;
  return 0;
}

static bmis_status call_link_list(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  return bmis_link_list(f->s, &f->supervisor, AT, 0, ignore_link, NULL, err);
}

/* refused: the link confirmed (its entry), then rejected while the person
 * has an open asylum referral */
static bmis_status call_link_decide(fx *f, bool refuse, bmis_error *err) {
  bmis_change ch = {"joseph", "same man: photo", AT};
  bmis_status st = bmis_link_decide(f->s, &f->supervisor, AT, f->link,
                                    BMIS_LINK_CONFIRMED, &ch, err);
  if (st == BMIS_OK && refuse)
    st = bmis_link_decide(f->s, &f->supervisor, AT, f->link, BMIS_LINK_REJECTED,
                          &ch, err);
  return st;
}

/* not an actor's function (the login makes the actor), audited all the
 * same: refused, a wrong password */
static bmis_status call_session_login(fx *f, bool refuse, bmis_error *err) {
  char tok[BMIS_SESSION_TOKEN_SIZE];
  bmis_session ses;
  bmis_login in = {"amina",     refuse ? "wrong" : "correct horse battery",
                   NULL,        "D1",
                   "192.0.2.1", 3600,
                   AT};
  return bmis_session_login(f->s, &in, tok, &ses, NULL, err);
}

/* a route open to supervisors, asked by an officer when refused; a check
 * that passes is no access of its own: no entry */
static bmis_status call_role_check(fx *f, bool refuse, bmis_error *err) {
  return bmis_role_check(f->s, refuse ? &f->officer : &f->supervisor, AT,
                         1u << (BMIS_ROLE_SUPERVISOR - 1), "GET",
                         "/api/referrals", err);
}

static bmis_status call_traveller_search(fx *f, bool refuse, bmis_error *err) {
  (void)refuse;
  bmis_traveller_match m[4];
  size_t n = 0;
  bmis_date birth = {1974, 8, 12};
  return bmis_traveller_search(f->s, &f->officer, AT, "ERIKSSON", "ANNA", birth,
                               NULL, 0, m, 4, &n, err);
}

/* refused: nobody holds the document, the search is recorded all the
 * same */
static bmis_status call_traveller_search_document(fx *f, bool refuse,
                                                  bmis_error *err) {
  bmis_traveller t;
  return bmis_traveller_search_document(f->s, &f->officer, AT, "GBR",
                                        refuse ? "NOBODY999" : "L898902C3", &t,
                                        err);
}

typedef struct row {
  const char *function;
  bmis_status (*call)(fx *f, bool refuse, bmis_error *err);
  /* the entries a call leaves, "action:outcome" in order, space separated;
   * NULL: the function does not write its own entry yet (a front end
   * still does, see `pending`) */
  const char *entries;
  /* a refused call: its status and the entries it leaves (NULL: no
   * refused case in this row) */
  bmis_status refused;
  const char *refused_entries;
  const char *pending; /* why entries is NULL: the gap left, named */
} row;

static const row rows[] = {
    {"bmis_lockout_list", call_lockout_list, "login.lockouts:ok", 0, NULL,
     NULL},
    {"bmis_lockout_clear", call_lockout_clear, "login.unlock:ok", 0, NULL,
     NULL},
    /* a known person's history is read too: two entries, as before */
    {"bmis_inspect", call_inspect, "inspection.create:ok traveller.read:ok", 0,
     NULL, NULL},
    {"bmis_inspection_read", call_inspection_read, "inspection.read:ok",
     BMIS_E_FORBIDDEN, "inspection.read:E_FORBIDDEN", NULL},
    {"bmis_inspection_protect", call_inspection_protect,
     "inspection.protect:ok", 0, NULL, NULL},
    {"bmis_inspection_dispose", call_inspection_dispose, "hit.dispose:ok", 0,
     NULL, NULL},
    {"bmis_disposition_review", call_disposition_review, "hit.review:ok",
     BMIS_E_FORBIDDEN, "hit.review:E_FORBIDDEN", NULL},
    {"bmis_disposition_queue", call_disposition_queue, "disposition.list:ok", 0,
     NULL, NULL},
    {"bmis_inspection_decide", call_inspection_decide, "movement.record:ok", 0,
     NULL, NULL},
    {"bmis_referral_outcome_record", call_referral_outcome,
     "referral.outcome:ok", 0, NULL, NULL},
    {"bmis_referral_list", call_referral_list, "referral.list:ok", 0, NULL,
     NULL},
    {"bmis_refusal_notice", call_refusal_notice, "notice.read:ok", BMIS_E_RULE,
     "notice.read:E_RULE", NULL},
    {"bmis_role_check", call_role_check, "", BMIS_E_FORBIDDEN,
     "access:E_FORBIDDEN", NULL},
    {"bmis_traveller_search", call_traveller_search, "traveller.search:ok", 0,
     NULL, NULL},
    {"bmis_traveller_search_document", call_traveller_search_document,
     "traveller.search:ok", BMIS_E_NOT_FOUND, "traveller.search:ok", NULL},
    {"bmis_inspection_correct", call_inspection_correct, "movement.correct:ok",
     BMIS_E_FORBIDDEN, "movement.correct:E_FORBIDDEN", NULL},
    {"bmis_inspection_movement_get", call_movement_get, "movement.read:ok",
     BMIS_E_FORBIDDEN, "movement.read:E_FORBIDDEN", NULL},
    {"bmis_inspection_movement_void", call_movement_void, "movement.void:ok",
     BMIS_E_FORBIDDEN, "movement.void:E_FORBIDDEN", NULL},
    {"bmis_link_list", call_link_list, "identity.list:ok", 0, NULL, NULL},
    {"bmis_link_decide", call_link_decide, "identity.decide:ok",
     BMIS_E_SAFEGUARD, "identity.decide:ok identity.decide:E_SAFEGUARD", NULL},
    {"bmis_session_login", call_session_login, "session.login:ok", BMIS_E_AUTH,
     "session.login:E_AUTH", NULL},
    /* not yet the library's: the server writes these entries */
    {"bmis_inspection_get", call_inspection_get, NULL, 0, NULL,
     "the server's referral queue reads each referral's findings with it "
     "under one referral.list entry"},
    {"bmis_referral_get", call_referral_get, NULL, 0, NULL,
     "read inside the server's outcome handler, under its entry"},
};
#define NROWS (sizeof rows / sizeof rows[0])

/* ---- counting entries ---- */

typedef struct seen {
  char text[1024];
  int64_t last;
} seen;

static int add_entry(const bmis_audit_entry *e, void *ctx) {
  seen *w = ctx;
  size_t n = strlen(w->text);
  snprintf(w->text + n, sizeof w->text - n, "%s%s:%s", n ? " " : "", e->action,
           e->outcome);
  w->last = e->seq;
  return 0;
}

static int64_t last_seq(bmis_store *s) {
  bmis_audit_verdict v;
  bmis_error err;
  assert_int_equal(bmis_audit_verify(s, &v, &err), BMIS_OK);
  assert_true(v.ok);
  return v.entries;
}

/* The entries appended since seq `after`. */
static void entries_since(bmis_store *s, int64_t after, seen *w) {
  memset(w, 0, sizeof *w);
  bmis_audit_filter flt;
  memset(&flt, 0, sizeof flt);
  flt.after_seq = after;
  bmis_error err;
  assert_int_equal(bmis_audit_list(s, &flt, add_entry, w, &err), BMIS_OK);
}

static void run(const row *r, bool refuse) {
  fx *f = prepare();
  int64_t before = last_seq(f->s);
  bmis_error err;
  memset(&err, 0, sizeof err);
  bmis_status st = r->call(f, refuse, &err);
  bmis_status want = refuse ? r->refused : BMIS_OK;
  if (st != want)
    fail_msg("%s%s: %s, expected %s (%s)", r->function,
             refuse ? " (refused)" : "", bmis_status_name(st),
             bmis_status_name(want), err.message);
  seen w;
  entries_since(f->s, before, &w);
  const char *expect = refuse ? r->refused_entries : r->entries;
  if (strcmp(w.text, expect) != 0)
    fail_msg("%s%s left entries [%s], expected [%s]", r->function,
             refuse ? " (refused)" : "", w.text, expect);
  release(f);
}

static void each_function_leaves_its_entries(void **state) {
  (void)state;
  for (size_t i = 0; i < NROWS; i++)
    if (rows[i].entries)
      run(&rows[i], false);
}

static void each_refusal_leaves_its_entry(void **state) {
  (void)state;
  for (size_t i = 0; i < NROWS; i++)
    if (rows[i].refused_entries)
      run(&rows[i], true);
}

/* The gaps are named, and each still reads without a library entry: when
 * one gets its own, move it up to the audited rows. */
static void pending_rows_are_still_pending(void **state) {
  (void)state;
  for (size_t i = 0; i < NROWS; i++) {
    if (rows[i].entries)
      continue;
    assert_non_null(rows[i].pending);
    fx *f = prepare();
    int64_t before = last_seq(f->s);
    bmis_error err;
    if (rows[i].call(f, false, &err) != BMIS_OK)
      fail_msg("%s: %s", rows[i].function, err.message);
    seen w;
    entries_since(f->s, before, &w);
    if (w.text[0])
      fail_msg("%s now writes [%s]: give its row those entries",
               rows[i].function, w.text);
    release(f);
  }
}

/* ---- the table against the headers ---- */

static bool in_table(const char *name) {
  for (size_t i = 0; i < NROWS; i++)
    if (strcmp(rows[i].function, name) == 0)
      return true;
  return false;
}

/* Every declaration "BMIS_API … name(… const bmis_actor * …);" in text. */
static int check_header(const char *path, const char *text) {
  int missing = 0;
  for (const char *p = strstr(text, "BMIS_API"); p;
       p = strstr(p + 1, "BMIS_API")) {
    const char *end = strchr(p, ';');
    const char *paren = strchr(p, '(');
    if (!end || !paren || paren > end)
      continue;
    size_t len = (size_t)(end - p);
    char decl[2048];
    if (len >= sizeof decl)
      len = sizeof decl - 1;
    memcpy(decl, p, len);
    decl[len] = 0;
    if (!strstr(decl, "const bmis_actor *"))
      continue;
    const char *name_end = paren;
    while (name_end > p && name_end[-1] == ' ')
      name_end--;
    const char *name = name_end;
    while (name > p && (isalnum((unsigned char)name[-1]) || name[-1] == '_'))
      name--;
    char fn[128];
    snprintf(fn, sizeof fn, "%.*s", (int)(name_end - name), name);
    if (!in_table(fn)) {
      print_error("%s: %s takes the actor but has no row in "
                  "test_audit_coverage.c\n",
                  path, fn);
      missing++;
    }
  }
  return missing;
}

static void every_function_taking_the_actor_has_a_row(void **state) {
  (void)state;
  DIR *d = opendir(BMIS_INCLUDE_DIR);
  assert_non_null(d);
  int missing = 0, headers = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (n < 3 || strcmp(e->d_name + n - 2, ".h") != 0)
      continue;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", BMIS_INCLUDE_DIR, e->d_name);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char text[1 << 20];
    size_t got = fread(text, 1, sizeof text - 1, fp);
    fclose(fp);
    text[got] = 0;
    missing += check_header(path, text);
    headers++;
  }
  closedir(d);
  assert_true(headers > 5);
  assert_int_equal(missing, 0);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_function_taking_the_actor_has_a_row),
      cmocka_unit_test(each_function_leaves_its_entries),
      cmocka_unit_test(each_refusal_leaves_its_entry),
      cmocka_unit_test(pending_rows_are_still_pending),
  };
  int r = cmocka_run_group_tests(tests, NULL, NULL);
  fx_cleanup();
  return r;
}

/* Primary and secondary inspection (bmis/inspect.h), on SQLite and on
 * PostgreSQL: the result a desk sees, the decision as a movement, the
 * safeguards (each refused with E_SAFEGUARD and the reason), hit
 * dispositions, the secondary outcome on the same movement, the refusal
 * notice in two languages, and the audit entries every step leaves. */
#include "store_fixture.h"

#include "bmis/audit.h"
#include "bmis/inspect.h"

#include <jansson.h>
#include <time.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

typedef struct fx {
  bmis_store *s;
  bmis_screen_index *ix;
  bmis_actor officer, supervisor;
} fx;

static const char sanctions_csv[] =
    "kind,ref,name,aliases,weak_aliases,original_script_names,birth,"
    "nationality,sex,birth_place,birth_country,documents,doc_state,"
    "doc_number,doc_type,doc_status,reported,remarks\n"
    "person,WL-1,Ivan Petrovich SIDOROV,,,,1961-04-12,RUS,M,,,,,,,,,\n";
static const char protection_csv[] =
    "kind,ref,name,aliases,weak_aliases,original_script_names,birth,"
    "nationality,sex,birth_place,birth_country,documents,doc_state,"
    "doc_number,doc_type,doc_status,reported,remarks\n"
    "person,PA-1,Lina KARIMI,,,,2014-05-05,AFG,F,,,,,,,,,\n";

static void import(bmis_store *s, const char *name, bmis_wl_category cat,
                   bmis_hit_action action, const char *csv) {
  bmis_error err;
  bmis_wl_content *c = bmis_wl_content_new();
  assert_int_equal(bmis_wl_read(BMIS_WL_FORMAT_CSV, csv, strlen(csv), c, &err),
                   BMIS_OK);
  bmis_watchlist meta;
  memset(&meta, 0, sizeof meta);
  snprintf(meta.name, sizeof meta.name, "%s", name);
  snprintf(meta.source, sizeof meta.source, "test");
  meta.category = cat;
  meta.action = action;
  bmis_wl_report rep;
  if (bmis_watchlist_import(s, &meta, c, &rep, &err) != BMIS_OK)
    fail_msg("import: %s", err.message);
  bmis_wl_report_free(&rep);
  bmis_wl_content_free(c);
}

static void actor(bmis_actor *a, const char *user, const char *role) {
  memset(a, 0, sizeof *a);
  snprintf(a->username, sizeof a->username, "%s", user);
  snprintf(a->role, sizeof a->role, "%s", role);
  snprintf(a->channel, sizeof a->channel, "api");
  snprintf(a->bcp, sizeof a->bcp, "NBO");
  snprintf(a->desk, sizeof a->desk, "A1");
}

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  bmis_error err;
  if (bmis_store_open(fx_fresh_url(), NULL, &f->s, &err) != BMIS_OK)
    fail_msg("open: %s", err.message);
  bmis_register_config cfg = {"KEN", 180, 90};
  assert_int_equal(bmis_register_config_set(f->s, &cfg, &err), BMIS_OK);
  bmis_bcp b = {"NBO", "Jomo Kenyatta", BMIS_BCP_KIND_AIR, "Africa/Nairobi"};
  assert_int_equal(bmis_bcp_put(f->s, &b, &err), BMIS_OK);
  import(f->s, "sanctions", BMIS_WL_SANCTIONS, BMIS_HIT_REFER, sanctions_csv);
  import(f->s, "missing", BMIS_WL_PROTECTION_ALERT, BMIS_HIT_PROTECT,
         protection_csv);
  assert_int_equal(bmis_screen_index_load(f->s, &f->ix, &err), BMIS_OK);
  actor(&f->officer, "amina", "officer");
  actor(&f->supervisor, "joseph", "supervisor");
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  bmis_screen_index_free(f->ix);
  bmis_store_close(f->s);
  free(f);
  return 0;
}

/* An MRZ (TD3) made for the test. */
static void mrz(char out[200], const char *surname, const char *given,
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

/* Inspects a request given as JSON; returns the result parsed, its id. */
static json_t *inspect(fx *f, const char *json, char id[BMIS_ID_SIZE]) {
  bmis_inspection_request rq;
  bmis_error err;
  char *out = NULL;
  if (bmis_inspection_request_from_json(json, strlen(json), &rq, &err) !=
      BMIS_OK)
    fail_msg("request: %s", err.message);
  if (bmis_inspect(f->s, f->ix, &rq, &f->officer, 0, id, &out, &err) != BMIS_OK)
    fail_msg("inspect: %s", err.message);
  json_t *r = json_loads(out, 0, NULL);
  free(out);
  assert_non_null(r);
  return r;
}

static json_t *inspect_mrz(fx *f, const char *m, const char *protection,
                           char id[BMIS_ID_SIZE]) {
  json_t *body = json_pack("{s:s, s:s, s:{s:s}}", "mrz", m, "direction",
                           "entry", "card", "purpose", "leisure");
  if (protection)
    json_object_set_new(body, "protection", json_loads(protection, 0, NULL));
  char *text = json_dumps(body, 0);
  json_decref(body);
  json_t *r = inspect(f, text, id);
  free(text);
  return r;
}

static bmis_status decide(fx *f, const char *id, const char *json,
                          bmis_decision_result *out, bmis_error *err) {
  bmis_inspection_decision d;
  bmis_status st =
      bmis_inspection_decision_from_json(json, strlen(json), &d, err);
  if (st != BMIS_OK)
    return st;
  return bmis_inspection_decide(f->s, id, &d, &f->officer, 0, out, err);
}

static const char *action_of(json_t *r) {
  return json_string_value(
      json_object_get(json_object_get(r, "recommendation"), "action"));
}

static bool allowed(json_t *r, const char *what) {
  return json_is_true(json_object_get(
      json_object_get(json_object_get(r, "decisions"), what), "allowed"));
}

typedef struct audit_find {
  const char *action, *record;
  int found;
} audit_find;

static int find_audit(const bmis_audit_entry *e, void *ctx) {
  audit_find *a = ctx;
  if (strcmp(e->action, a->action) == 0 && strstr(e->record, a->record))
    a->found++;
  return 0;
}

static int audited(fx *f, const char *action, const char *record) {
  audit_find a = {action, record, 0};
  bmis_audit_filter flt;
  memset(&flt, 0, sizeof flt);
  bmis_error err;
  assert_int_equal(bmis_audit_list(f->s, &flt, find_audit, &a, &err), BMIS_OK);
  return a.found;
}

static void a_valid_passport_is_admitted_as_one_movement(void **state) {
  fx *f = *state;
  char m[200], id[BMIS_ID_SIZE];
  mrz(m, "ERIKSSON", "ANNA MARIA", "L898902C3", "GBR", "1974-08-12", 'F');
  json_t *r = inspect_mrz(f, m, NULL, id);
  assert_string_equal(action_of(r), "admit");
  assert_true(
      json_is_true(json_object_get(json_object_get(r, "document"), "valid")));
  assert_int_equal(json_array_size(json_object_get(r, "hits")), 0);
  assert_true(allowed(r, "admit") && allowed(r, "refuse"));
  json_decref(r);
  bmis_decision_result out;
  bmis_error err;
  assert_int_equal(decide(f, id,
                          "{\"decision\":\"admit\",\"entry_type\":"
                          "\"visa-free\",\"permitted_days\":30}",
                          &out, &err),
                   BMIS_OK);
  assert_string_equal(out.movement_id, id);
  bmis_movement mv;
  assert_int_equal(bmis_movement_get(f->s, id, &mv, &err), BMIS_OK);
  assert_int_equal(mv.decision, BMIS_DECISION_ADMITTED);
  assert_string_equal(mv.bcp, "NBO");
  assert_string_equal(mv.desk, "A1");
  assert_string_equal(mv.officer, "amina");
  assert_true(mv.permitted_until.year > 0);
  /* decided once */
  assert_int_equal(decide(f, id, "{\"decision\":\"admit\"}", &out, &err),
                   BMIS_E_CONFLICT);
  /* the second crossing shows the first in the history */
  r = inspect_mrz(f, m, NULL, id);
  json_t *hist = json_object_get(json_object_get(r, "history"), "movements");
  assert_int_equal(json_array_size(hist), 1);
  assert_string_equal(
      json_string_value(json_object_get(json_array_get(hist, 0), "decision")),
      "admitted");
  assert_string_equal(action_of(r), "refer"); /* still in the country */
  json_decref(r);
  assert_true(audited(f, "inspection.create", "inspection:") >= 2);
  assert_int_equal(audited(f, "movement.record", out.movement_id), 1);
  assert_true(audited(f, "traveller.read", "person:") >= 1);
  bmis_audit_verdict v;
  assert_int_equal(bmis_audit_verify(f->s, &v, &err), BMIS_OK);
  assert_true(v.ok);
}

static void asylum_is_referred_never_refused(void **state) {
  fx *f = *state;
  char m[200], id[BMIS_ID_SIZE];
  mrz(m, "HADDAD", "OMAR", "N0012345", "SYR", "1990-01-01", 'M');
  json_t *r = inspect_mrz(f, m, "{\"asylum\": true}", id);
  assert_string_equal(action_of(r), "refer");
  assert_false(allowed(r, "refuse"));
  assert_false(allowed(r, "admit"));
  assert_true(allowed(r, "refer"));
  json_decref(r);
  bmis_decision_result out;
  bmis_error err;
  assert_int_equal(decide(f, id,
                          "{\"decision\":\"refuse\",\"grounds\":\"C\","
                          "\"explanation\":\"no visa\"}",
                          &out, &err),
                   BMIS_E_SAFEGUARD);
  assert_non_null(strstr(err.message, "asylum"));
  assert_int_equal(decide(f, id, "{\"decision\":\"admit\"}", &out, &err),
                   BMIS_E_SAFEGUARD);
  assert_int_equal(
      decide(f, id, "{\"decision\":\"refer\",\"note\":\"x\"}", &out, &err),
      BMIS_OK);
  assert_int_equal(out.referral_count, 1);
  assert_int_equal(out.referrals[0].kind, BMIS_REFERRAL_ASYLUM);
  /* nor at secondary inspection */
  bmis_inspection_decision d;
  memset(&d, 0, sizeof d);
  snprintf(d.grounds, sizeof d.grounds, "C");
  snprintf(d.explanation, sizeof d.explanation, "no visa");
  assert_int_equal(bmis_referral_outcome_record(f->s, out.referrals[0].id,
                                                BMIS_OUTCOME_REFUSED, &d,
                                                &f->supervisor, 0, &err),
                   BMIS_E_SAFEGUARD);
  bmis_referral ref;
  assert_int_equal(bmis_referral_get(f->s, out.referrals[0].id, &ref, &err),
                   BMIS_OK);
  assert_true(ref.open); /* nothing was written */
  /* nor through a correction of the record */
  bmis_movement mv;
  assert_int_equal(bmis_movement_get(f->s, id, &mv, &err), BMIS_OK);
  mv.decision = BMIS_DECISION_REFUSED;
  snprintf(mv.grounds, sizeof mv.grounds, "C");
  bmis_change ch = {"joseph", "typo", 0};
  assert_int_equal(bmis_inspection_correct(f->s, &mv, &ch, &err),
                   BMIS_E_SAFEGUARD);
  mv.decision = BMIS_DECISION_REFERRED;
  mv.grounds[0] = 0;
  snprintf(mv.carrier, sizeof mv.carrier, "KQ");
  assert_int_equal(bmis_inspection_correct(f->s, &mv, &ch, &err), BMIS_OK);
}

static void an_unaccompanied_minor_gets_child_protection(void **state) {
  fx *f = *state;
  char m[200], id[BMIS_ID_SIZE];
  mrz(m, "SMALL", "TIM", "C7654321", "FRA", "2015-03-03", 'M');
  json_t *r = inspect_mrz(f, m, NULL, id);
  /* a minor alone: the desk is prompted to say so */
  assert_true(
      json_is_true(json_object_get(json_object_get(r, "traveller"), "minor")));
  assert_true(json_array_size(json_object_get(json_object_get(r, "protection"),
                                              "prompts")) > 0);
  json_decref(r);
  r = inspect_mrz(f, m, "{\"unaccompanied\": true}", id);
  assert_string_equal(action_of(r), "refer");
  json_decref(r);
  bmis_decision_result out;
  bmis_error err;
  const char *held = "{\"decision\":\"refuse\",\"grounds\":\"C\","
                     "\"explanation\":\"no visa\",\"held_pending_return\":"
                     "true,\"minor_alternative\":\"family\"}";
  assert_int_equal(decide(f, id, held, &out, &err), BMIS_E_SAFEGUARD);
  assert_non_null(strstr(err.message, "never held"));
  assert_int_equal(decide(f, id,
                          "{\"decision\":\"refuse\",\"grounds\":\"C\","
                          "\"explanation\":\"no visa\"}",
                          &out, &err),
                   BMIS_E_SAFEGUARD);
  assert_non_null(strstr(err.message, "alternative"));
  assert_int_equal(decide(f, id,
                          "{\"decision\":\"refuse\",\"grounds\":\"C\","
                          "\"explanation\":\"no visa\",\"minor_alternative\":"
                          "\"child_protection_services\",\"language\":\"fr\"}",
                          &out, &err),
                   BMIS_OK);
  assert_int_equal(out.referral_count, 1);
  assert_int_equal(out.referrals[0].kind, BMIS_REFERRAL_CHILD_PROTECTION);
  /* the notice, in the language chosen, and in English when asked */
  char *html = NULL;
  assert_int_equal(bmis_refusal_notice(f->s, id, NULL, &html, &err), BMIS_OK);
  assert_non_null(strstr(html, "lang=\"fr\""));
  assert_non_null(strstr(html, "[X]</span><b>(C)</b> Vous n&#39;"));
  assert_non_null(strstr(html, "protection de l&#39;enfance"));
  assert_non_null(strstr(html, "no visa"));
  free(html);
  assert_int_equal(bmis_refusal_notice(f->s, id, "en", &html, &err), BMIS_OK);
  assert_non_null(strstr(html, "right to appeal"));
  assert_null(strstr(html, "[X]</span><b>(A)"));
  free(html);
  assert_int_equal(bmis_refusal_notice(f->s, id, "xx", &html, &err),
                   BMIS_E_INVALID_ARG);
}

static void trafficking_indicators_make_a_referral(void **state) {
  fx *f = *state;
  char m[200], id[BMIS_ID_SIZE];
  mrz(m, "DOE", "JANE", "P1112223", "NGA", "1999-02-02", 'F');
  json_t *r = inspect_mrz(
      f, m, "{\"trafficking_indicators\": [\"documents_held_by_other\"]}", id);
  assert_false(allowed(r, "refuse"));
  assert_true(allowed(r, "admit"));
  json_decref(r);
  bmis_decision_result out;
  bmis_error err;
  assert_int_equal(decide(f, id, "{\"decision\":\"admit\"}", &out, &err),
                   BMIS_OK);
  assert_int_equal(out.referral_count, 1);
  assert_int_equal(out.referrals[0].kind, BMIS_REFERRAL_TRAFFICKING);
}

static void hits_are_shown_disposed_and_remembered(void **state) {
  fx *f = *state;
  char m[200], id[BMIS_ID_SIZE];
  mrz(m, "SIDOROV", "IVAN PETROVICH", "7200001", "RUS", "1961-04-12", 'M');
  json_t *r = inspect_mrz(f, m, NULL, id);
  assert_string_equal(action_of(r), "refer");
  json_t *hits = json_object_get(r, "hits");
  assert_int_equal(json_array_size(hits), 1);
  json_t *h = json_array_get(hits, 0);
  assert_string_equal(json_string_value(json_object_get(h, "entry")), "WL-1");
  assert_non_null(
      strstr(json_string_value(json_object_get(h, "explanation")), "SIDOROV"));
  assert_true(json_is_null(json_object_get(h, "disposition")));
  json_decref(r);
  bmis_hit_disposition d;
  bmis_error err;
  assert_int_equal(bmis_inspection_dispose(f->s, id, 1, BMIS_HIT_DISMISSED, "x",
                                           &f->officer, 0, &d, &err),
                   BMIS_E_NOT_FOUND);
  assert_int_equal(bmis_inspection_dispose(f->s, id, 0, BMIS_HIT_DISMISSED, "",
                                           &f->officer, 0, &d, &err),
                   BMIS_E_INVALID_ARG);
  assert_int_equal(bmis_inspection_dispose(f->s, id, 0, BMIS_HIT_DISMISSED,
                                           "different person: photo",
                                           &f->officer, 0, &d, &err),
                   BMIS_OK);
  /* the next inspection shows it cleared, and recommends admission */
  r = inspect_mrz(f, m, NULL, id);
  h = json_array_get(json_object_get(r, "hits"), 0);
  assert_string_equal(json_string_value(json_object_get(
                          json_object_get(h, "disposition"), "decision")),
                      "dismissed");
  assert_string_equal(action_of(r), "admit");
  json_decref(r);
  assert_int_equal(audited(f, "hit.dispose", "inspection:"), 1);
}

static void a_protection_alert_is_a_referral(void **state) {
  fx *f = *state;
  char m[200], id[BMIS_ID_SIZE];
  mrz(m, "KARIMI", "LINA", "A0099887", "AFG", "2014-05-05", 'F');
  json_t *r = inspect_mrz(f, m, NULL, id);
  json_t *p = json_object_get(r, "protection");
  assert_int_equal(json_integer_value(json_object_get(p, "protection_hits")),
                   1);
  assert_string_equal(
      json_string_value(json_array_get(json_object_get(p, "referrals"), 0)),
      "child_protection");
  json_decref(r);
  bmis_decision_result out;
  bmis_error err;
  assert_int_equal(
      decide(f, id, "{\"decision\":\"refer\",\"note\":\"x\"}", &out, &err),
      BMIS_OK);
  bool child = false;
  for (int i = 0; i < out.referral_count; i++)
    child |= out.referrals[i].kind == BMIS_REFERRAL_CHILD_PROTECTION;
  assert_true(child);
}

static void secondary_closes_the_referral_on_the_same_movement(void **state) {
  fx *f = *state;
  char m[200], id[BMIS_ID_SIZE];
  mrz(m, "ERIKSSON", "ANNA MARIA", "L898902C3", "GBR", "1974-08-12", 'F');
  json_decref(inspect_mrz(f, m, NULL, id));
  bmis_decision_result out;
  bmis_error err;
  assert_int_equal(decide(f, id,
                          "{\"decision\":\"refer\",\"note\":\"check the "
                          "return ticket\"}",
                          &out, &err),
                   BMIS_OK);
  assert_int_equal(out.referral_count, 1);
  assert_int_equal(out.referrals[0].kind, BMIS_REFERRAL_SECONDARY);
  bmis_inspection_decision d;
  const char *outcome = "{\"outcome\":\"admitted\",\"permitted_days\":10}";
  assert_int_equal(
      bmis_inspection_decision_from_json(outcome, strlen(outcome), &d, &err),
      BMIS_OK);
  assert_int_equal(
      bmis_referral_outcome_record(f->s, out.referrals[0].id,
                                   (bmis_referral_outcome)d.outcome, &d,
                                   &f->supervisor, 0, &err),
      BMIS_OK);
  bmis_referral ref;
  assert_int_equal(bmis_referral_get(f->s, out.referrals[0].id, &ref, &err),
                   BMIS_OK);
  assert_false(ref.open);
  bmis_movement mv;
  assert_int_equal(bmis_movement_get(f->s, id, &mv, &err), BMIS_OK);
  assert_int_equal(mv.decision, BMIS_DECISION_ADMITTED);
  assert_int_equal(mv.version, 2); /* one crossing, its history kept */
  assert_string_equal(mv.officer, "joseph");
  assert_int_equal(bmis_referral_outcome_record(f->s, out.referrals[0].id,
                                                BMIS_OUTCOME_ADMITTED, &d,
                                                &f->supervisor, 0, &err),
                   BMIS_E_CONFLICT);
}

/* Issue 12, defect 4: the desk's text is refused, never cut, by the library
 * itself: a hit's reason, a decision's note and explanation, a secondary
 * outcome's note, whether or not the front end read them from JSON. */
static void bad_text_on_the_desk_is_refused(void **state) {
  fx *f = *state;
  char m[200], id[BMIS_ID_SIZE];
  mrz(m, "SIDOROV", "IVAN PETROVICH", "7200001", "RUS", "1961-04-12", 'M');
  json_decref(inspect_mrz(f, m, NULL, id));
  bmis_hit_disposition d;
  bmis_error err;
  char reason[300];
  memset(reason, 'a', 254);
  memcpy(reason + 254, "\xc3\xa9", 3); /* 256 bytes: one over */
  assert_int_equal(bmis_inspection_dispose(f->s, id, 0, BMIS_HIT_DISMISSED,
                                           reason, &f->officer, 0, &d, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: longer than 255 bytes");
  assert_int_equal(bmis_inspection_dispose(f->s, id, 0, BMIS_HIT_DISMISSED,
                                           "photo \xe9", &f->officer, 0, &d,
                                           &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "reason: not valid UTF-8 at byte 7");
  /* A decision built in C, not read from JSON. */
  bmis_inspection_decision dec;
  memset(&dec, 0, sizeof dec);
  dec.decision = BMIS_DECISION_REFERRED;
  memset(dec.note, 'n', sizeof dec.note); /* does not end in its field */
  bmis_decision_result out;
  assert_int_equal(
      bmis_inspection_decide(f->s, id, &dec, &f->officer, 0, &out, &err),
      BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "note: longer than 512 bytes");
  snprintf(dec.note, sizeof dec.note, "see \x1b[31mred");
  assert_int_equal(
      bmis_inspection_decide(f->s, id, &dec, &f->officer, 0, &out, &err),
      BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "note: control character U+001B"));
  /* From JSON: the member named, invalid text refused. */
  assert_int_equal(decide(f, id,
                          "{\"decision\":\"refer\",\"note\":\"a\\u0007b\"}",
                          &out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "note: control character U+0007"));
  /* A line break is fine in a note. */
  assert_int_equal(decide(f, id,
                          "{\"decision\":\"refer\",\"note\":\"line one\\nline "
                          "two\"}",
                          &out, &err),
                   BMIS_OK);
  /* The secondary outcome's note. */
  bmis_inspection_decision o;
  memset(&o, 0, sizeof o);
  snprintf(o.note, sizeof o.note, "cut \xc3");
  assert_int_equal(bmis_referral_outcome_record(f->s, out.referrals[0].id,
                                                BMIS_OUTCOME_REFERRED_ONWARD,
                                                &o, &f->supervisor, 0, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "note: not valid UTF-8 at byte 5");
}

/* Decided inspections lose what the desk was shown; open cases and the
 * decision's own facts stay. */
static void old_inspections_are_emptied(void **state) {
  fx *f = *state;
  char m[200], admitted[BMIS_ID_SIZE], referred[BMIS_ID_SIZE],
      refused[BMIS_ID_SIZE], mv[BMIS_ID_SIZE];
  bmis_decision_result out;
  bmis_error err;
  mrz(m, "ERIKSSON", "ANNA MARIA", "L898902C3", "GBR", "1974-08-12", 'F');
  json_decref(inspect_mrz(f, m, NULL, admitted));
  assert_int_equal(decide(f, admitted, "{\"decision\":\"admit\"}", &out, &err),
                   BMIS_OK);
  mrz(m, "DOE", "JOHN", "X1234567", "USA", "1980-01-01", 'M');
  json_decref(inspect_mrz(f, m, NULL, referred));
  assert_int_equal(decide(f, referred,
                          "{\"decision\":\"refer\",\"note\":\"x\"}", &out,
                          &err),
                   BMIS_OK);
  mrz(m, "SMALL", "TIM", "C7654321", "FRA", "2015-03-03", 'M');
  json_decref(inspect_mrz(f, m, NULL, refused));
  assert_int_equal(decide(f, refused,
                          "{\"decision\":\"refuse\",\"grounds\":\"C\","
                          "\"explanation\":\"no visa\",\"minor_alternative\":"
                          "\"family\",\"language\":\"fr\"}",
                          &out, &err),
                   BMIS_OK);
  int64_t n = -1;
  assert_int_equal(bmis_inspection_purge(f->s, 0, &n, &err),
                   BMIS_E_INVALID_ARG);
  /* nothing is old enough yet */
  assert_int_equal(bmis_inspection_purge(f->s, 1, &n, &err), BMIS_OK);
  assert_int_equal(n, 0);
  assert_int_equal(
      bmis_inspection_purge(f->s, (int64_t)time(NULL) + 10, &n, &err), BMIS_OK);
  assert_int_equal(n, 2); /* the referral is still open */
  char *json = NULL;
  assert_int_equal(bmis_inspection_get(f->s, admitted, &json, mv, &err),
                   BMIS_OK);
  assert_string_equal(json, "{}");
  assert_string_equal(mv, admitted);
  free(json);
  assert_int_equal(bmis_inspection_get(f->s, referred, &json, mv, &err),
                   BMIS_OK);
  assert_non_null(strstr(json, "DOE"));
  free(json);
  /* the movement and the notice (language, alternative) stay */
  bmis_movement m1;
  assert_int_equal(bmis_movement_get(f->s, admitted, &m1, &err), BMIS_OK);
  char *html = NULL;
  assert_int_equal(bmis_refusal_notice(f->s, refused, NULL, &html, &err),
                   BMIS_OK);
  assert_non_null(strstr(html, "lang=\"fr\""));
  assert_non_null(strstr(html, "des membres de sa famille"));
  free(html);
  /* a second purge finds nothing new */
  assert_int_equal(
      bmis_inspection_purge(f->s, (int64_t)time(NULL) + 10, &n, &err), BMIS_OK);
  assert_int_equal(n, 0);
}

static void bad_requests_name_the_member(void **state) {
  (void)state;
  bmis_inspection_request rq;
  bmis_error err;
  struct {
    const char *json, *want;
  } cases[] = {
      {"{", "line 1"},
      {"[]", "object"},
      {"{\"direction\":\"entry\"}", "mrz: missing"},
      {"{\"mrz\":\"x\"}", "direction"},
      {"{\"mrz\":\"x\",\"direction\":\"in\"}", "direction: \"in\""},
      {"{\"mrz\":1,\"direction\":\"entry\"}", "mrz: must be a string"},
      {"{\"mrz\":\"x\",\"direction\":\"entry\",\"colour\":1}", "colour"},
      {"{\"mrz\":\"x\",\"direction\":\"entry\",\"card\":{\"purpose\":"
       "\"tourism\"}}",
       "card.purpose"},
      {"{\"mrz\":\"x\",\"direction\":\"entry\",\"card\":{\"route_country\":"
       "\"XXZ\"}}",
       "card.route_country"},
      {"{\"mrz\":\"x\",\"direction\":\"entry\",\"card\":{\"intended_days\":"
       "-1}}",
       "card.intended_days"},
      {"{\"mrz\":\"x\",\"direction\":\"entry\",\"protection\":{\"asylum\":"
       "\"yes\"}}",
       "protection.asylum"},
      {"{\"mrz\":\"x\",\"direction\":\"entry\",\"protection\":{"
       "\"trafficking_indicators\":[\"nope\"]}}",
       "trafficking_indicators[0]"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    if (bmis_inspection_request_from_json(cases[i].json, strlen(cases[i].json),
                                          &rq, &err) == BMIS_OK ||
        !strstr(err.message, cases[i].want))
      fail_msg("%s: got \"%s\", wanted \"%s\"", cases[i].json, err.message,
               cases[i].want);
  }
  bmis_inspection_decision d;
  const char *bad[] = {"{}", "{\"decision\":\"maybe\"}",
                       "{\"decision\":\"refuse\",\"language\":\"de\"}",
                       "{\"decision\":\"refuse\",\"minor_alternative\":\"x\"}",
                       "{\"outcome\":\"admitted\",\"decision\":\"admit\"}"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    assert_int_equal(
        bmis_inspection_decision_from_json(bad[i], strlen(bad[i]), &d, &err),
        BMIS_E_INVALID_ARG);
}

int main(int argc, char **argv) {
  fx_setup(argc, argv);
#define T_(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T_(a_valid_passport_is_admitted_as_one_movement),
      T_(asylum_is_referred_never_refused),
      T_(an_unaccompanied_minor_gets_child_protection),
      T_(trafficking_indicators_make_a_referral),
      T_(hits_are_shown_disposed_and_remembered),
      T_(a_protection_alert_is_a_referral),
      T_(secondary_closes_the_referral_on_the_same_movement),
      T_(old_inspections_are_emptied),
      T_(bad_requests_name_the_member),
      T_(bad_text_on_the_desk_is_refused),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  fx_cleanup();
  return rc;
}

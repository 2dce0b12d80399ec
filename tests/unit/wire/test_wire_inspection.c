/* An inspection's result through its JSON form (src/lib/wire/
 * wire_inspection.c): encoded, decoded and encoded again it is the same;
 * a snapshot stored before the codes were kept reads back to the same
 * codes and parameters; a snapshot that does not read names the member.
 * What the inspection keeps beside the snapshot (its request, its hits)
 * is written in the bytes earlier versions stored, and reads back. */
#include "bmis/inspect.h"
#include "wire/wire_internal.h"

#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void reason(bmis_reason *r, bmis_reason_code c, int n0, int n1, int n2,
                   const char *t0, const char *t1) {
  memset(r, 0, sizeof *r);
  r->code = c;
  r->number[0] = n0;
  r->number[1] = n1;
  r->number[2] = n2;
  snprintf(r->text[0], sizeof r->text[0], "%s", t0);
  snprintf(r->text[1], sizeof r->text[1], "%s", t1);
}

/* A result with every part filled. */
static void sample(bmis_inspection *in) {
  memset(in, 0, sizeof *in);
  snprintf(in->id, sizeof in->id, "0190a1b2-0000-7000-8000-000000000001");
  in->at = 1767225600;
  snprintf(in->bcp, sizeof in->bcp, "LHR");
  snprintf(in->desk, sizeof in->desk, "T5-12");
  in->direction = BMIS_DIRECTION_EXIT;
  in->action = BMIS_RECOMMEND_REFER;
  reason(&in->reasons[0], BMIS_REASON_PROTECTION_ALERT, 0, 0, 0, "missing",
         "PA-1");
  reason(&in->reasons[1], BMIS_REASON_OPEN_HITS, 2, 0, 0, "", "");
  reason(&in->reasons[2], BMIS_REASON_DOCUMENT_EXPIRED, 0, 0, 0, "", "");
  reason(&in->reasons[3], BMIS_REASON_WINDOW_EXCEEDED, 95, 180, 90, "", "");
  reason(&in->reasons[4], BMIS_REASON_OVERSTAYED, 1, 0, 0, "", "");
  in->reason_count = 5;
  in->doc_valid = false;
  in->doc_format = BMIS_DOC_TD3;
  in->fields[0] = (bmis_inspection_field){BMIS_FIELD_DOCUMENT_CODE,
                                          BMIS_VERDICT_OK, false, "P"};
  in->fields[1] = (bmis_inspection_field){
      BMIS_FIELD_DOCUMENT_NUMBER, BMIS_VERDICT_WARNING, true, "L898902C3"};
  in->fields[2] = (bmis_inspection_field){
      BMIS_FIELD_EXPIRY_DATE, BMIS_VERDICT_ERROR, false, "2025-01-01"};
  in->field_count = 3;
  in->findings[0] = (bmis_inspection_finding){
      BMIS_FINDING_EXPIRED, BMIS_SEVERITY_ERROR, BMIS_FIELD_EXPIRY_DATE,
      "the document expired 151 days ago"};
  in->finding_count = 1;
  snprintf(in->traveller.surname, sizeof in->traveller.surname, "ERIKSSON");
  snprintf(in->traveller.given_names, sizeof in->traveller.given_names,
           "ANNA MARIA");
  in->traveller.birth = (bmis_date){2012, 0, 0};
  in->traveller.sex = 'F';
  snprintf(in->traveller.nationality, sizeof in->traveller.nationality, "GBR");
  snprintf(in->document.type, sizeof in->document.type, "P");
  snprintf(in->document.issuing_state, sizeof in->document.issuing_state,
           "GBR");
  snprintf(in->document.number, sizeof in->document.number, "L898902C3");
  in->document.expiry = (bmis_date){2025, 1, 1};
  in->minor = true;
  in->age = 13;
  in->hits = calloc(2, sizeof *in->hits);
  assert_non_null(in->hits);
  in->hit_count = 2;
  bmis_inspection_hit *h = &in->hits[0];
  h->kind = BMIS_HIT_PERSON;
  snprintf(h->list, sizeof h->list, "missing");
  h->category = BMIS_WL_PROTECTION_ALERT;
  h->action = BMIS_HIT_PROTECT;
  snprintf(h->ref, sizeof h->ref, "PA-1");
  h->score = 0.9375;
  snprintf(h->listed_name, sizeof h->listed_name, "Anna ERIKSON");
  snprintf(h->explanation, sizeof h->explanation,
           "name 0.94: ERIKSON ~ ERIKSSON\nbirth +0.02");
  h = &in->hits[1];
  h->kind = BMIS_HIT_DOCUMENT;
  snprintf(h->list, sizeof h->list, "sltd");
  h->category = BMIS_WL_DOCUMENTS;
  h->action = BMIS_HIT_REFER;
  snprintf(h->ref, sizeof h->ref, "D-9");
  h->score = 1;
  snprintf(h->listed_name, sizeof h->listed_name, "L898902C3");
  snprintf(h->explanation, sizeof h->explanation, "document: exact");
  h->disposed = true;
  h->previous.decision = BMIS_HIT_DISMISSED;
  snprintf(h->previous.reason, sizeof h->previous.reason, "not this one");
  snprintf(h->previous.by, sizeof h->previous.by, "olga");
  snprintf(h->previous.role, sizeof h->previous.role, "officer");
  h->previous.at = 1767225000;
  h->previous.review = BMIS_REVIEW_REJECTED;
  snprintf(h->previous.reviewed_by, sizeof h->previous.reviewed_by, "sam");
  snprintf(h->previous.review_reason, sizeof h->previous.review_reason,
           "photo differs");
  h->previous.reviewed_at = 1767225300;
  snprintf(in->person_id, sizeof in->person_id,
           "0190a1b2-0000-7000-8000-0000000000aa");
  bmis_movement *m = &in->history[0];
  snprintf(m->id, sizeof m->id, "0190a1b2-0000-7000-8000-0000000000bb");
  m->direction = BMIS_DIRECTION_ENTRY;
  snprintf(m->bcp, sizeof m->bcp, "LHR");
  m->crossed_at = 1760000000;
  m->decision = BMIS_DECISION_ADMITTED;
  m->permitted_until = (bmis_date){2026, 1, 8};
  m = &in->history[1];
  snprintf(m->id, sizeof m->id, "0190a1b2-0000-7000-8000-0000000000cc");
  m->direction = BMIS_DIRECTION_EXIT;
  snprintf(m->bcp, sizeof m->bcp, "DVR");
  m->crossed_at = 1750000000;
  m->decision = BMIS_DECISION_REFERRED;
  m->voided = true;
  in->history_count = 2;
  in->history_total = 14;
  in->has_stay = true;
  in->stay = (bmis_stay_status){.present = true,
                                .days_over = 1,
                                .window_days = 180,
                                .window_limit = 90,
                                .days_in_window = 95,
                                .window_exceeded = true,
                                .stays = 6};
  in->asylum = false;
  in->unaccompanied = true;
  in->trafficking = 1u | 8u;
  in->protection_hits = 1;
  in->referrals[0] = BMIS_REFERRAL_CHILD_PROTECTION;
  in->referrals[1] = BMIS_REFERRAL_TRAFFICKING;
  in->referral_count = 2;
  in->open_child = true;
  reason(&in->prompts[0], BMIS_REASON_PROMPT_UNACCOMPANIED, 0, 0, 0, "", "");
  reason(&in->prompts[1], BMIS_REASON_PROMPT_TRAFFICKING, 0, 0, 0, "", "");
  in->prompt_count = 2;
  in->admit =
      (bmis_inspection_allowed){false, BMIS_REASON_BAR_ADMIT_PROTECTION_ALERT};
  in->refuse =
      (bmis_inspection_allowed){false, BMIS_REASON_BAR_REFUSE_OPEN_CHILD};
  in->refer = (bmis_inspection_allowed){true, BMIS_REASON_NONE};
  snprintf(in->movement_id, sizeof in->movement_id, "%s", in->id);
}

static void same_reasons(const bmis_reason *a, const bmis_reason *b, int n) {
  for (int i = 0; i < n; i++) {
    assert_int_equal(a[i].code, b[i].code);
    assert_memory_equal(a[i].number, b[i].number, sizeof a[i].number);
    assert_string_equal(a[i].text[0], b[i].text[0]);
    assert_string_equal(a[i].text[1], b[i].text[1]);
  }
}

/* What the JSON carries is what comes back. */
static void same(const bmis_inspection *a, const bmis_inspection *b) {
  assert_string_equal(a->id, b->id);
  assert_int_equal(a->at, b->at);
  assert_string_equal(a->bcp, b->bcp);
  assert_string_equal(a->desk, b->desk);
  assert_int_equal(a->direction, b->direction);
  assert_int_equal(a->action, b->action);
  assert_int_equal(a->reason_count, b->reason_count);
  same_reasons(a->reasons, b->reasons, a->reason_count);
  assert_int_equal(a->doc_valid, b->doc_valid);
  assert_int_equal(a->doc_format, b->doc_format);
  assert_int_equal(a->field_count, b->field_count);
  for (int i = 0; i < a->field_count; i++) {
    assert_int_equal(a->fields[i].id, b->fields[i].id);
    assert_int_equal(a->fields[i].repaired, b->fields[i].repaired);
    assert_string_equal(a->fields[i].value, b->fields[i].value);
  }
  assert_int_equal(a->finding_count, b->finding_count);
  for (int i = 0; i < a->finding_count; i++) {
    assert_int_equal(a->findings[i].code, b->findings[i].code);
    assert_int_equal(a->findings[i].severity, b->findings[i].severity);
    assert_int_equal(a->findings[i].field, b->findings[i].field);
    assert_string_equal(a->findings[i].message, b->findings[i].message);
  }
  assert_string_equal(a->traveller.surname, b->traveller.surname);
  assert_int_equal(a->traveller.birth.year, b->traveller.birth.year);
  assert_int_equal(a->traveller.birth.month, b->traveller.birth.month);
  assert_int_equal(a->traveller.sex, b->traveller.sex);
  assert_string_equal(a->document.number, b->document.number);
  assert_int_equal(a->document.expiry.day, b->document.expiry.day);
  assert_int_equal(a->minor, b->minor);
  assert_int_equal(a->age, b->age);
  assert_int_equal(a->hit_count, b->hit_count);
  for (size_t i = 0; i < a->hit_count; i++) {
    const bmis_inspection_hit *x = &a->hits[i], *y = &b->hits[i];
    assert_int_equal(x->kind, y->kind);
    assert_string_equal(x->list, y->list);
    assert_int_equal(x->category, y->category);
    assert_int_equal(x->action, y->action);
    assert_string_equal(x->ref, y->ref);
    assert_true(x->score == y->score);
    assert_string_equal(x->listed_name, y->listed_name);
    assert_string_equal(x->explanation, y->explanation);
    assert_int_equal(x->disposed, y->disposed);
    assert_int_equal(x->previous.review, y->previous.review);
    assert_int_equal(x->previous.reviewed_at, y->previous.reviewed_at);
    assert_string_equal(x->previous.review_reason, y->previous.review_reason);
    assert_int_equal(x->cleared, y->cleared);
  }
  assert_string_equal(a->person_id, b->person_id);
  assert_int_equal(a->history_count, b->history_count);
  for (int i = 0; i < a->history_count; i++) {
    assert_string_equal(a->history[i].id, b->history[i].id);
    assert_int_equal(a->history[i].crossed_at, b->history[i].crossed_at);
    assert_int_equal(a->history[i].decision, b->history[i].decision);
    assert_int_equal(a->history[i].voided, b->history[i].voided);
    assert_int_equal(a->history[i].permitted_until.year,
                     b->history[i].permitted_until.year);
  }
  assert_int_equal(a->history_total, b->history_total);
  assert_int_equal(a->has_stay, b->has_stay);
  assert_memory_equal(&a->stay.present, &b->stay.present, sizeof(bool));
  assert_int_equal(a->stay.days_in_window, b->stay.days_in_window);
  assert_int_equal(a->unaccompanied, b->unaccompanied);
  assert_int_equal(a->trafficking, b->trafficking);
  assert_int_equal(a->protection_hits, b->protection_hits);
  assert_int_equal(a->referral_count, b->referral_count);
  assert_int_equal(a->open_child, b->open_child);
  assert_int_equal(a->prompt_count, b->prompt_count);
  same_reasons(a->prompts, b->prompts, a->prompt_count);
  assert_int_equal(a->admit.why, b->admit.why);
  assert_int_equal(a->refuse.why, b->refuse.why);
  assert_int_equal(a->refer.allowed, b->refer.allowed);
  assert_string_equal(a->movement_id, b->movement_id);
}

static void test_round_trip(void **state) {
  (void)state;
  bmis_inspection a, b;
  bmis_error err;
  sample(&a);
  char *text = bmis_inspection_to_json(&a, true);
  assert_non_null(text);
  assert_int_equal(bmis_inspection_from_json(text, strlen(text), &b, &err),
                   BMIS_OK);
  same(&a, &b);
  char *again = bmis_inspection_to_json(&b, true);
  assert_string_equal(text, again);
  /* the words and the codes side by side */
  json_t *o = json_loads(text, 0, NULL);
  json_t *rec = json_object_get(o, "recommendation");
  assert_string_equal(
      json_string_value(json_array_get(json_object_get(rec, "reasons"), 1)),
      "2 watchlist hits to examine");
  assert_string_equal(
      json_string_value(json_array_get(json_object_get(rec, "codes"), 1)),
      "open_hits");
  json_t *admit = json_object_get(json_object_get(o, "decisions"), "admit");
  assert_string_equal(json_string_value(json_object_get(admit, "code")),
                      "admit_protection_alert");
  json_decref(o);
  bmis_free(text);
  bmis_free(again);
  bmis_inspection_fini(&a);
  bmis_inspection_fini(&b);
}

/* A snapshot stored before the codes were kept: its words alone give the
 * codes and parameters back. */
static void test_snapshot_without_codes(void **state) {
  (void)state;
  bmis_inspection a, b;
  bmis_error err;
  sample(&a);
  char *text = bmis_inspection_to_json(&a, false);
  json_t *o = json_loads(text, 0, NULL);
  json_object_del(json_object_get(o, "recommendation"), "codes");
  json_object_del(json_object_get(o, "protection"), "prompt_codes");
  json_t *dec = json_object_get(o, "decisions");
  json_object_del(json_object_get(dec, "admit"), "code");
  json_object_del(json_object_get(dec, "refuse"), "code");
  char *old = json_dumps(o, JSON_COMPACT);
  json_decref(o);
  assert_int_equal(bmis_inspection_from_json(old, strlen(old), &b, &err),
                   BMIS_OK);
  a.movement_id[0] = 0;
  same(&a, &b);
  char *again = bmis_inspection_to_json(&b, false);
  assert_string_equal(text, again);
  bmis_free(text);
  free(old);
  bmis_free(again);
  bmis_inspection_fini(&a);
  bmis_inspection_fini(&b);
}

/* What does not read is E_PARSE naming the member, and nothing is held. */
static void test_bad_snapshots(void **state) {
  (void)state;
  bmis_inspection a, b;
  bmis_error err;
  assert_int_equal(bmis_inspection_from_json("[1", 2, &b, &err), BMIS_E_PARSE);
  assert_null(b.hits);
  sample(&a);
  char *text = bmis_inspection_to_json(&a, false);
  static const struct {
    const char *path[2];
    const char *value; /* JSON; NULL: the member removed */
    const char *named;
  } cases[] = {
      {{"at", NULL}, "\"yesterday\"", "at"},
      {{"direction", NULL}, "\"sideways\"", "direction"},
      {{"recommendation", "reasons"},
       "[\"because\"]",
       "recommendation.reasons"},
      {{"stay", "days_over"}, "\"3\"", "days_over"},
      {{"hits", NULL}, "{}", "hits"},
      {{"traveller", "surname"}, NULL, "surname"},
      {{"document", "format"}, "\"TD9\"", "document.format"},
      /* more than the result holds: refused, not written past its end */
      {{"history", "movements"},
       "[{},{},{},{},{},{},{},{},{},{},{}]",
       "history.movements"},
      {{"document", "findings"},
       "[{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{"
       "},{},{},{},{},{},{},{},{},{}]",
       "document.findings"},
      {{"traveller", "birth"}, "\"20\"", "birth"},
      {{"traveller", "birth"}, "\"2026-13-01\"", "birth"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    json_t *o = json_loads(text, 0, NULL);
    json_t *parent =
        cases[i].path[1] ? json_object_get(o, cases[i].path[0]) : o;
    const char *key = cases[i].path[1] ? cases[i].path[1] : cases[i].path[0];
    if (cases[i].value)
      json_object_set_new(parent, key,
                          json_loads(cases[i].value, JSON_DECODE_ANY, NULL));
    else
      json_object_del(parent, key);
    char *bad = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (bmis_inspection_from_json(bad, strlen(bad), &b, &err) != BMIS_E_PARSE)
      fail_msg("case %zu: read", i);
    if (!strstr(err.message, cases[i].named))
      fail_msg("case %zu: '%s' does not name %s", i, err.message,
               cases[i].named);
    assert_null(b.hits);
    free(bad);
  }
  bmis_free(text);
  bmis_inspection_fini(&a);
}

/* The request as inspections have always stored it: the card's empty
 * members left out, indicators in table order. */
static void test_kept_request(void **state) {
  (void)state;
  bmis_inspection_request rq;
  memset(&rq, 0, sizeof rq);
  snprintf(rq.mrz, sizeof rq.mrz, "P<UTOERIKSSON<<ANNA<MARIA\nL898902C36UTO");
  rq.card.direction = BMIS_DIRECTION_ENTRY;
  rq.card.transport = BMIS_TRANSPORT_AIR;
  rq.card.purpose = BMIS_PURPOSE_BUSINESS;
  snprintf(rq.card.carrier, sizeof rq.card.carrier, "XX");
  snprintf(rq.card.transport_number, sizeof rq.card.transport_number, "XX12");
  snprintf(rq.card.route_country, sizeof rq.card.route_country, "FRA");
  snprintf(rq.card.residence_country, sizeof rq.card.residence_country, "SWE");
  rq.card.intended_days = 14;
  snprintf(rq.card.local_address, sizeof rq.card.local_address, "1 Rue\nX");
  rq.asylum = true;
  rq.trafficking = 1u | 4u;
  char *text = bmis__wire_inspection_request_text(&rq);
  assert_non_null(text);
  assert_string_equal(
      text,
      "{\"mrz\":\"P<UTOERIKSSON<<ANNA<MARIA\\nL898902C36UTO\",\"direction\":"
      "\"entry\",\"card\":{\"transport\":\"air\",\"purpose\":\"business\","
      "\"carrier\":\"XX\",\"transport_number\":\"XX12\",\"route_country\":"
      "\"FRA\",\"residence_country\":\"SWE\",\"intended_days\":14,"
      "\"local_address\":\"1 Rue\\nX\"},\"protection\":{\"asylum\":true,"
      "\"unaccompanied\":false,\"trafficking_indicators\":["
      "\"documents_held_by_other\",\"unaware_of_destination\"]}}");
  bmis_inspection_request back;
  bmis_error err;
  assert_int_equal(
      bmis_inspection_request_from_json(text, strlen(text), &back, &err),
      BMIS_OK);
  assert_memory_equal(&back.card, &rq.card, sizeof rq.card);
  assert_string_equal(back.mrz, rq.mrz);
  assert_true(back.asylum && !back.unaccompanied);
  assert_int_equal(back.trafficking, rq.trafficking);
  char *again = bmis__wire_inspection_request_text(&back);
  assert_string_equal(again, text);
  free(again);
  free(text);
  /* nothing on the card: an empty object, no indicators */
  memset(&rq, 0, sizeof rq);
  snprintf(rq.mrz, sizeof rq.mrz, "X");
  rq.card.direction = BMIS_DIRECTION_EXIT;
  text = bmis__wire_inspection_request_text(&rq);
  assert_string_equal(text, "{\"mrz\":\"X\",\"direction\":\"exit\",\"card\":"
                            "{},\"protection\":{\"asylum\":false,"
                            "\"unaccompanied\":false,"
                            "\"trafficking_indicators\":[]}}");
  free(text);
}

static void test_kept_hits(void **state) {
  (void)state;
  bmis_inspection_hit h[2];
  memset(h, 0, sizeof h);
  snprintf(h[0].list, sizeof h[0].list, "un");
  snprintf(h[0].ref, sizeof h[0].ref, "QDi.335");
  snprintf(h[0].entry_hash, sizeof h[0].entry_hash,
           "0123456789abcdef0123456789abcdef");
  h[0].category = BMIS_WL_SANCTIONS;
  h[0].score = 0.875;
  snprintf(h[1].list, sizeof h[1].list, "lost");
  snprintf(h[1].ref, sizeof h[1].ref, "D1");
  h[1].category = BMIS_WL_DOCUMENTS;
  h[1].score = 1;
  snprintf(h[1].explanation, sizeof h[1].explanation, "not kept");
  char *text = bmis__wire_inspection_hits_text(h, 2);
  assert_non_null(text);
  char want[512];
  snprintf(want, sizeof want,
           "[{\"list\":\"un\",\"ref\":\"QDi.335\",\"hash\":"
           "\"0123456789abcdef0123456789abcdef\",\"category\":\"sanctions\","
           "\"score\":0.875},{\"list\":\"lost\",\"ref\":\"D1\",\"hash\":"
           "\"\",\"category\":\"%s\",\"score\":1.0}]",
           bmis_wl_category_code(BMIS_WL_DOCUMENTS));
  assert_string_equal(text, want);
  bmis_inspection_hit *back = NULL;
  size_t n = 0;
  bmis_error err;
  assert_int_equal(bmis__wire_inspection_hits_read(text, &back, &n, &err),
                   BMIS_OK);
  assert_int_equal(n, 2);
  memset(h[1].explanation, 0, sizeof h[1].explanation); /* not kept here */
  assert_memory_equal(back, h, sizeof h);
  char *again = bmis__wire_inspection_hits_text(back, n);
  assert_string_equal(again, text);
  free(again);
  free(back);
  free(text);
  /* none; a row stored before the score was kept reads 1 (the highest) */
  text = bmis__wire_inspection_hits_text(NULL, 0);
  assert_string_equal(text, "[]");
  assert_int_equal(bmis__wire_inspection_hits_read(text, &back, &n, &err),
                   BMIS_OK);
  assert_int_equal(n, 0);
  assert_null(back);
  free(text);
  const char *old = "[{\"list\":\"un\",\"ref\":\"R\",\"category\":"
                    "\"wanted\"}]";
  assert_int_equal(bmis__wire_inspection_hits_read(old, &back, &n, &err),
                   BMIS_OK);
  assert_int_equal(n, 1);
  assert_true(back[0].score == 1.0);
  assert_int_equal(back[0].category, BMIS_WL_WANTED);
  assert_string_equal(back[0].entry_hash, "");
  free(back);
  /* not an array: an error, never "no hits" */
  assert_int_equal(bmis__wire_inspection_hits_read("{}", &back, &n, &err),
                   BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "inspection hits"));
  assert_int_equal(bmis__wire_inspection_hits_read("[", &back, &n, &err),
                   BMIS_E_PARSE);
  assert_int_equal(bmis__wire_inspection_hits_read(NULL, &back, &n, &err),
                   BMIS_E_PARSE);
}

static void test_protection_raised(void **state) {
  (void)state;
  bmis_referral_kind k[2] = {BMIS_REFERRAL_ASYLUM,
                             BMIS_REFERRAL_CHILD_PROTECTION};
  char *text = bmis__wire_protection_raised_text("m1", BMIS_DECISION_REFERRED,
                                                 1, k, 2, false);
  assert_string_equal(text,
                      "{\"id\":\"m1\",\"movement_id\":\"m1\",\"decision\":"
                      "\"referred\",\"refusals_turned\":1,\"referrals\":["
                      "\"asylum\",\"child_protection\"],\"held\":false}");
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_snapshot_without_codes),
      cmocka_unit_test(test_bad_snapshots),
      cmocka_unit_test(test_kept_request),
      cmocka_unit_test(test_kept_hits),
      cmocka_unit_test(test_protection_raised),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

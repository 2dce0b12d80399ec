/* The wire layer (include/bmis/wire.h): every public type with an encoder
 * goes out and back with every field set, compared byte for byte, so a
 * field written and not read (or read and not written) fails here; and the
 * decoders' errors name the member at fault by its path. */
#include "test_util.h"

#include "bmis/account.h"
#include "bmis/audit.h"
#include "bmis/inspect.h"
#include "bmis/wire.h"
#include "screen/screen_internal.h"
#include "wire/wire_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* When one of these fails, a field was added to the struct: add it to its
 * encoder and decoder in src/lib/wire/ (wire_register.c: the member
 * tables; wire_hit.c) and set it in the fill below, then update the size
 * here. */
static void struct_sizes_are_known(void **state) {
  (void)state;
#if defined(__x86_64__) || defined(__aarch64__) /* LP64 layouts */
  assert_int_equal(sizeof(bmis_movement), 1152);
  assert_int_equal(sizeof(bmis_traveller), 282);
  assert_int_equal(sizeof(bmis_document), 226);
  assert_int_equal(sizeof(bmis_hit), 4576);
  assert_int_equal(sizeof(bmis_hit_token), 108);
  assert_int_equal(sizeof(bmis_hit_factor), 148);
  assert_int_equal(sizeof(bmis_wl_person), 176);
  assert_int_equal(sizeof(bmis_wl_document), 128);
  assert_int_equal(sizeof(bmis_account), 488);
  assert_int_equal(sizeof(bmis_identity_link), 984);
  assert_int_equal(sizeof(bmis_audit_entry), 728);
  assert_int_equal(sizeof(bmis_audit_verdict), 280);
#endif
}

static void fill_movement(bmis_movement *m) {
  memset(m, 0, sizeof *m);
  strcpy(m->id, "0190a6f0-7c1e-7b2a-9d3e-1234567890ab");
  strcpy(m->traveller_id, "0190a6f0-7c1e-7b2a-9d3e-1234567890ac");
  strcpy(m->document_id, "0190a6f0-7c1e-7b2a-9d3e-1234567890ad");
  m->direction = BMIS_DIRECTION_EXIT;
  strcpy(m->bcp, "NBO-JKIA");
  m->crossed_at = 1764145500; /* 2025-11-26T08:25:00Z */
  m->local_date = (bmis_date){2025, 11, 26};
  m->transport = (bmis_transport)bmis_code_value(BMIS_LIST_TRANSPORT, "sea");
  strcpy(m->carrier, "Kenya Airways");
  strcpy(m->transport_number, "KQ100");
  strcpy(m->route_country, "GBR");
  strcpy(m->residence_country, "FRA");
  m->purpose = (bmis_purpose)bmis_code_value(BMIS_LIST_PURPOSE, "business");
  m->intended_days = 12;
  strcpy(m->local_address, "Hotel X\nNairobi");
  strcpy(m->entry_type, "C");
  m->permitted_until = (bmis_date){2026, 2, 23};
  m->decision = BMIS_DECISION_REFUSED;
  strcpy(m->grounds, "CE");
  strcpy(m->decision_note, "note\tone");
  strcpy(m->officer, "officer1");
  strcpy(m->desk, "D7");
  strcpy(m->nationality, "UTO");
  m->voided = true;
  m->version = 3;
}

static void fill_traveller(bmis_traveller *t) {
  memset(t, 0, sizeof *t);
  strcpy(t->id, "0190a6f0-7c1e-7b2a-9d3e-1234567890ae");
  strcpy(t->person_id, "0190a6f0-7c1e-7b2a-9d3e-1234567890af");
  strcpy(t->surname, "ERIKSSON");
  strcpy(t->given_names, "ANNA MARIA");
  t->birth = (bmis_date){1974, 8, 0}; /* partial: "1974-08" */
  t->sex = 'F';
  strcpy(t->nationality, "UTO");
  strcpy(t->birth_country, "SWE");
}

static void fill_document(bmis_document *d) {
  memset(d, 0, sizeof *d);
  strcpy(d->id, "0190a6f0-7c1e-7b2a-9d3e-1234567890b0");
  strcpy(d->traveller_id, "0190a6f0-7c1e-7b2a-9d3e-1234567890ae");
  strcpy(d->type, "PP");
  strcpy(d->issuing_state, "UTO");
  strcpy(d->number, "L898902C3");
  d->expiry = (bmis_date){2030, 4, 15};
}

static void movement_round_trip(void **state) {
  (void)state;
  bmis_movement m, back;
  fill_movement(&m);
  json_t *j = bmis_wire_movement(&m);
  assert_non_null(j);
  memset(&back, 0, sizeof back);
  bmis_error err = {0};
  if (bmis_wire_movement_decode(j, &back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  json_decref(j);
  assert_memory_equal(&m, &back, sizeof m);
  /* The text form the CLI and the history use reads back alike. */
  char *text = bmis_movement_to_json(&m);
  assert_non_null(text);
  memset(&back, 0, sizeof back);
  assert_int_equal(bmis_movement_from_json(text, strlen(text), &back, &err),
                   BMIS_OK);
  bmis_free(text);
  assert_memory_equal(&m, &back, sizeof m);
}

/* A movement's past version in both of its forms: "at" as text (the CLI)
 * and as Unix seconds (the API); each reads back to the same struct. */
static void movement_version_round_trip(void **state) {
  (void)state;
  bmis_movement_version v, back;
  memset(&v, 0, sizeof v);
  v.version = 3;
  strcpy(v.kind, "correction");
  strcpy(v.by, "supervisor1");
  strcpy(v.reason, "wrong flight\nnumber");
  v.at = 1764149100; /* 2025-11-26T09:25:00Z */
  fill_movement(&v.before);
  bmis_error err = {0};
  for (int form = 0; form < 2; form++) {
    json_t *j = bmis_wire_movement_version(&v, form ? BMIS_WIRE_TIME_UNIX
                                                    : BMIS_WIRE_TIME_ISO);
    assert_non_null(j);
    json_t *at = json_object_get(j, "at");
    if (form)
      assert_int_equal(json_integer_value(at), 1764149100);
    else
      assert_string_equal(json_string_value(at), "2025-11-26T09:25:00Z");
    json_t *before = bmis_wire_movement(&v.before);
    assert_true(json_equal(json_object_get(j, "before"), before));
    json_decref(before);
    if (bmis_wire_movement_version_decode(j, &back, &err) != BMIS_OK)
      fail_msg("%s", err.message);
    json_t *again = bmis_wire_movement_version(
        &back, form ? BMIS_WIRE_TIME_UNIX : BMIS_WIRE_TIME_ISO);
    char *a = json_dumps(j, JSON_COMPACT), *b = json_dumps(again, JSON_COMPACT);
    assert_string_equal(a, b);
    free(a);
    free(b);
    json_decref(again);
    assert_int_equal(back.version, v.version);
    assert_string_equal(back.kind, v.kind);
    assert_string_equal(back.by, v.by);
    assert_string_equal(back.reason, v.reason);
    assert_true(back.at == v.at);
    /* errors name the member */
    json_object_set_new(j, "at", json_string("yesterday"));
    assert_int_equal(bmis_wire_movement_version_decode(j, &back, &err),
                     BMIS_E_INVALID_ARG);
    assert_non_null(strstr(err.message, "version.at"));
    json_object_set_new(json_object_get(j, "before"), "crossed_at",
                        json_string("x"));
    json_object_set_new(j, "at", json_integer(1));
    assert_int_equal(bmis_wire_movement_version_decode(j, &back, &err),
                     BMIS_E_INVALID_ARG);
    assert_non_null(strstr(err.message, "version.before.crossed_at"));
    json_decref(j);
  }
}

static void traveller_round_trip(void **state) {
  (void)state;
  bmis_traveller t, back;
  fill_traveller(&t);
  json_t *j = bmis_wire_traveller(&t);
  assert_non_null(j);
  /* The form the CLI has always printed. */
  char *text = json_dumps(j, JSON_COMPACT);
  assert_string_equal(text, "{\"id\":\"0190a6f0-7c1e-7b2a-9d3e-1234567890ae\","
                            "\"person_id\":\"0190a6f0-7c1e-7b2a-9d3e-"
                            "1234567890af\",\"surname\":\"ERIKSSON\","
                            "\"given_names\":\"ANNA MARIA\",\"birth\":"
                            "\"1974-08\",\"sex\":\"F\",\"nationality\":"
                            "\"UTO\",\"birth_country\":\"SWE\"}");
  free(text);
  memset(&back, 0, sizeof back);
  bmis_error err = {0};
  if (bmis_wire_traveller_decode(j, &back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  json_decref(j);
  assert_memory_equal(&t, &back, sizeof t);
}

static void document_round_trip(void **state) {
  (void)state;
  bmis_document d, back;
  fill_document(&d);
  json_t *j = bmis_wire_document(&d);
  assert_non_null(j);
  assert_null(json_object_get(j, "mrz")); /* read, never written */
  memset(&back, 0, sizeof back);
  bmis_error err = {0};
  if (bmis_wire_document_decode(j, &back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  json_decref(j);
  assert_memory_equal(&d, &back, sizeof d);
}

/* An account: every member set, out and back. */
static void account_round_trip(void **state) {
  (void)state;
  bmis_account a, back;
  memset(&a, 0, sizeof a);
  strcpy(a.username, "amina.d");
  strcpy(a.display_name, "Amina \"D\" Diallo\xc3\xa9");
  a.role = BMIS_ROLE_SUPERVISOR;
  a.disabled = true;
  strcpy(a.default_bcp, "NBO");
  strcpy(a.bcps, "NBO,MBA");
  a.created_at = 1764149100;
  a.updated_at = 1764149200;
  json_t *j = bmis_wire_account(&a);
  assert_non_null(j);
  /* The form `bmis user list --json` and GET /api/accounts have written. */
  char *text = json_dumps(j, JSON_COMPACT);
  assert_string_equal(
      text, "{\"username\":\"amina.d\",\"name\":\"Amina \\\"D\\\" "
            "Diallo\xc3\xa9\",\"role\":\"supervisor\",\"disabled\":true,"
            "\"default_bcp\":\"NBO\",\"bcps\":\"NBO,MBA\",\"created_at\":"
            "1764149100,\"updated_at\":1764149200}");
  free(text);
  memset(&back, 0, sizeof back);
  bmis_error err = {0};
  if (bmis_wire_account_decode(j, &back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  assert_memory_equal(&a, &back, sizeof a);
  json_object_set_new(j, "role", json_string("king"));
  assert_int_equal(bmis_wire_account_decode(j, &back, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "account.role: unknown role 'king'");
  json_object_set_new(j, "role", json_string("officer"));
  json_object_set_new(j, "disabled", json_string("no"));
  assert_int_equal(bmis_wire_account_decode(j, &back, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "account.disabled"));
  json_decref(j);
}

/* An identity link in both forms: ids (the CLI) and traveller objects (the
 * API); each reads back to the same link. */
static void identity_link_round_trip(void **state) {
  (void)state;
  bmis_identity_link l, back;
  memset(&l, 0, sizeof l);
  strcpy(l.id, "0190a6f0-7c1e-7b2a-9d3e-1234567890b0");
  bmis_traveller t, c;
  fill_traveller(&t);
  fill_traveller(&c);
  strcpy(c.id, "0190a6f0-7c1e-7b2a-9d3e-1234567890b1");
  strcpy(l.traveller_id, t.id);
  strcpy(l.candidate_id, c.id);
  l.confidence = 0.7;
  strcpy(l.reasons, "surname equal; given names differ");
  l.status = BMIS_LINK_REJECTED;
  strcpy(l.decided_by, "sup");
  strcpy(l.decision_reason, "twins\nafter all");
  bmis_error err = {0};
  for (int form = 0; form < 2; form++) {
    json_t *j = bmis_wire_identity_link(
        &l, form ? BMIS_WIRE_LINK_TRAVELLERS : BMIS_WIRE_LINK_IDS, &t, &c);
    assert_non_null(j);
    if (form) {
      assert_null(json_object_get(j, "traveller_id"));
      json_t *tj = bmis_wire_traveller(&c);
      assert_true(json_equal(json_object_get(j, "candidate"), tj));
      json_decref(tj);
    } else {
      assert_null(json_object_get(j, "traveller"));
      char *text = json_dumps(j, JSON_COMPACT);
      assert_string_equal(
          text, "{\"id\":\"0190a6f0-7c1e-7b2a-9d3e-1234567890b0\","
                "\"traveller_id\":\"0190a6f0-7c1e-7b2a-9d3e-1234567890ae\","
                "\"candidate_id\":\"0190a6f0-7c1e-7b2a-9d3e-1234567890b1\","
                "\"confidence\":0.69999999999999996,\"reasons\":\"surname "
                "equal; given names differ\",\"status\":\"rejected\","
                "\"decided_by\":\"sup\",\"decision_reason\":\"twins\\nafter "
                "all\"}");
      free(text);
    }
    memset(&back, 0, sizeof back);
    if (bmis_wire_identity_link_decode(j, &back, &err) != BMIS_OK)
      fail_msg("%s", err.message);
    assert_memory_equal(&l, &back, sizeof l);
    json_object_set_new(j, "status", json_string("maybe"));
    assert_int_equal(bmis_wire_identity_link_decode(j, &back, &err),
                     BMIS_E_INVALID_ARG);
    assert_string_equal(err.message, "link.status: unknown status 'maybe'");
    json_decref(j);
  }
  /* a traveller the API did not find is null */
  json_t *j = bmis_wire_identity_link(&l, BMIS_WIRE_LINK_TRAVELLERS, NULL, &c);
  assert_true(json_is_null(json_object_get(j, "traveller")));
  json_object_set_new(j, "candidate", json_pack("{s:i}", "id", 7));
  assert_int_equal(bmis_wire_identity_link_decode(j, &back, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "link.candidate.id"));
  json_decref(j);
}

/* An audit entry and the chain's verdict: every member set, out and
 * back. */
static void audit_round_trip(void **state) {
  (void)state;
  bmis_audit_entry e, back;
  memset(&e, 0, sizeof e);
  e.seq = 42;
  e.at = 1764149100; /* 2025-11-26T09:25:00Z */
  strcpy(e.actor, "amina");
  strcpy(e.role, "officer");
  strcpy(e.channel, "api");
  strcpy(e.action, "traveller.read");
  strcpy(e.record, "traveller:0190a6f0-7c1e-7b2a-9d3e-1234567890ae");
  strcpy(e.outcome, "E_FORBIDDEN");
  strcpy(e.bcp, "NBO");
  strcpy(e.desk, "desk 4");
  strcpy(e.detail, "by \"name\"");
  memset(e.prev_hash, 'a', 64);
  memset(e.hash, 'b', 64);
  json_t *j = bmis_wire_audit_entry(&e);
  assert_non_null(j);
  assert_string_equal(json_string_value(json_object_get(j, "at")),
                      "2025-11-26T09:25:00Z");
  memset(&back, 0, sizeof back);
  bmis_error err = {0};
  if (bmis_wire_audit_entry_decode(j, &back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  assert_memory_equal(&e, &back, sizeof e);
  json_object_set_new(j, "at", json_string("yesterday"));
  assert_int_equal(bmis_wire_audit_entry_decode(j, &back, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "entry.at"));
  json_object_set_new(j, "at", json_integer(1));
  char long_hash[66] = {0};
  memset(long_hash, 'c', 65);
  json_object_set_new(j, "hash", json_string(long_hash));
  assert_int_equal(bmis_wire_audit_entry_decode(j, &back, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "entry.hash: longer than 64 bytes"));
  json_decref(j);

  bmis_audit_verdict v, vback;
  memset(&v, 0, sizeof v);
  v.ok = true; /* not so with bad_seq set; the form does not care */
  v.entries = 41;
  v.bad_seq = 42;
  strcpy(v.problem, "entry 42: hash does not match its content (edited)");
  j = bmis_wire_audit_verdict(&v);
  char *text = json_dumps(j, JSON_COMPACT);
  assert_string_equal(text, "{\"ok\":true,\"entries\":41,\"bad_seq\":42,"
                            "\"problem\":\"entry 42: hash does not match its "
                            "content (edited)\"}");
  free(text);
  memset(&vback, 0, sizeof vback);
  if (bmis_wire_audit_verdict_decode(j, &vback, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  assert_memory_equal(&v, &vback, sizeof v);
  json_object_set_new(j, "entries", json_string("many"));
  assert_int_equal(bmis_wire_audit_verdict_decode(j, &vback, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "verdict.entries: must be a whole number");
  json_decref(j);
}

/* A crossing point in both forms: with its time zone (the CLI) and
 * without (GET /api/reference). */
static void bcp_round_trip(void **state) {
  (void)state;
  bmis_bcp b, back;
  memset(&b, 0, sizeof b);
  strcpy(b.code, "NBO-JKIA");
  strcpy(b.name, "Jomo Kenyatta International Airport");
  b.kind = BMIS_BCP_KIND_SEA;
  strcpy(b.time_zone, "Africa/Nairobi");
  json_t *j = bmis_wire_bcp(&b, true);
  char *text = json_dumps(j, JSON_COMPACT);
  assert_string_equal(text, "{\"code\":\"NBO-JKIA\",\"name\":\"Jomo Kenyatta "
                            "International Airport\",\"kind\":\"sea\","
                            "\"time_zone\":\"Africa/Nairobi\"}");
  free(text);
  memset(&back, 0, sizeof back);
  bmis_error err = {0};
  if (bmis_wire_bcp_decode(j, &back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  assert_memory_equal(&b, &back, sizeof b);
  json_object_set_new(j, "kind", json_string("space"));
  assert_int_equal(bmis_wire_bcp_decode(j, &back, &err), BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "bcp.kind: unknown kind 'space'");
  json_decref(j);
  j = bmis_wire_bcp(&b, false);
  assert_null(json_object_get(j, "time_zone"));
  memset(&back, 0, sizeof back);
  assert_int_equal(bmis_wire_bcp_decode(j, &back, &err), BMIS_OK);
  strcpy(back.time_zone, b.time_zone); /* the brief form has none */
  assert_memory_equal(&b, &back, sizeof b);
  json_decref(j);
}

/* A disposition as GET /api/dispositions lists it: every member it writes
 * set (voided and review_role are never written), out and back. */
static void disposition_round_trip(void **state) {
  (void)state;
  bmis_hit_disposition d, back;
  memset(&d, 0, sizeof d);
  strcpy(d.id, "0190a6f0-7c1e-7b2a-9d3e-1234567890c0");
  strcpy(d.entry_key, "UN/KPi.033");
  strcpy(d.traveller_key, "doc:UTO:L898902C3");
  d.decision = BMIS_HIT_DISMISSED;
  strcpy(d.reason, "another \"birth\" date");
  strcpy(d.by, "amina");
  strcpy(d.role, "officer");
  d.at = 1764149100;
  strcpy(d.list, "UN");
  strcpy(d.ref, "KPi.033");
  d.score = 0.912;
  d.review = BMIS_REVIEW_REJECTED;
  strcpy(d.reviewed_by, "sam");
  strcpy(d.review_reason, "same person\nafter all");
  d.reviewed_at = 1764149200;
  strcpy(d.bcp, "NBO");
  json_t *j = bmis_wire_disposition(&d);
  assert_non_null(j);
  char *text = json_dumps(j, JSON_COMPACT);
  assert_string_equal(
      text, "{\"id\":\"0190a6f0-7c1e-7b2a-9d3e-1234567890c0\",\"list\":\"UN\","
            "\"ref\":\"KPi.033\",\"entry\":\"UN/KPi.033\",\"traveller_key\":"
            "\"doc:UTO:L898902C3\",\"score\":0.91200000000000003,\"decision\":"
            "\"dismissed\",\"reason\":\"another \\\"birth\\\" date\",\"by\":"
            "\"amina\",\"role\":\"officer\",\"at\":\"2025-11-26T09:25:00Z\","
            "\"pending\":false,\"review\":\"rejected\",\"bcp\":\"NBO\","
            "\"reviewed_by\":\"sam\",\"review_reason\":\"same person\\nafter "
            "all\",\"reviewed_at\":\"2025-11-26T09:26:40Z\"}");
  free(text);
  memset(&back, 0, sizeof back);
  bmis_error err = {0};
  if (bmis_wire_disposition_decode(j, &back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  assert_memory_equal(&d, &back, sizeof d);
  json_object_set_new(j, "pending", json_true());
  assert_int_equal(bmis_wire_disposition_decode(j, &back, &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message,
                      "disposition.pending: does not agree with review");
  json_object_set_new(j, "pending", json_false());
  json_object_set_new(j, "decision", json_string("maybe"));
  assert_int_equal(bmis_wire_disposition_decode(j, &back, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "disposition.decision"));
  json_decref(j);
  /* not yet reviewed: no reviewed_* members, review null */
  d.review = BMIS_REVIEW_NONE;
  memset(d.reviewed_by, 0, sizeof d.reviewed_by);
  memset(d.review_reason, 0, sizeof d.review_reason);
  d.reviewed_at = 0;
  j = bmis_wire_disposition(&d);
  assert_null(json_object_get(j, "reviewed_at"));
  assert_true(json_is_null(json_object_get(j, "review")));
  memset(&back, 0, sizeof back);
  assert_int_equal(bmis_wire_disposition_decode(j, &back, &err), BMIS_OK);
  assert_memory_equal(&d, &back, sizeof d);
  json_decref(j);
}

static void crossing_round_trip(void **state) {
  (void)state;
  bmis_crossing c, back;
  memset(&c, 0, sizeof c);
  fill_movement(&c.movement);
  /* What a crossing does not carry (the register sets it). */
  memset(c.movement.traveller_id, 0, sizeof c.movement.traveller_id);
  memset(c.movement.document_id, 0, sizeof c.movement.document_id);
  memset(c.movement.nationality, 0, sizeof c.movement.nationality);
  c.movement.local_date = (bmis_date){0, 0, 0};
  c.movement.voided = false;
  c.movement.version = 0;
  fill_traveller(&c.traveller);
  memset(c.traveller.id, 0, sizeof c.traveller.id);
  memset(c.traveller.person_id, 0, sizeof c.traveller.person_id);
  fill_document(&c.document);
  memset(c.document.id, 0, sizeof c.document.id);
  memset(c.document.traveller_id, 0, sizeof c.document.traveller_id);
  strcpy(c.document.mrz, "P<UTOERIKSSON<<ANNA<MARIA");
  c.permitted_days = 30;
  c.referrals[0] = BMIS_REFERRAL_ASYLUM;
  c.referrals[1] = BMIS_REFERRAL_MEDICAL;
  c.referral_count = 2;
  json_t *j = bmis_wire_crossing(&c);
  assert_non_null(j);
  bmis_error err = {0};
  memset(&back, 0xA5, sizeof back); /* the decoder clears it */
  if (bmis_wire_crossing_decode(j, &back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  json_decref(j);
  assert_memory_equal(&c, &back, sizeof c);
}

/* A person hit with every person member set, and its earlier disposition
 * with every member the hit's form carries (the disposition's own keys,
 * review details and crossing point are the dispositions' listing's, not
 * the hit's). Scores are multiples of 1/8, so 3 decimals keep them. */
static void fill_person_hit(bmis_hit *h) {
  memset(h, 0, sizeof *h);
  h->kind = BMIS_HIT_PERSON;
  h->score = 0.875;
  strcpy(h->list, "un");
  h->category = bmis_wl_category_parse("wanted");
  h->action = bmis_hit_action_parse("notify");
  strcpy(h->ref, "QDi.123");
  strcpy(h->entry_hash, "0123456789abcdef0123456789abcdef");
  h->threshold = 0.75;
  strcpy(h->listed_name, "Анна Эрикссон");
  h->listed_quality = bmis_name_quality_parse("weak");
  strcpy(h->listed_form, "ANNA ERIKSSON");
  strcpy(h->presented_form, "ANNA ERIKSON");
  h->name_score = 0.625;
  strcpy(h->tokens[0].listed, "ERIKSSON");
  strcpy(h->tokens[0].presented, "ERIKSON");
  h->tokens[0].how = BMIS_TOKEN_TYPO;
  h->tokens[0].similarity = 0.5f;
  h->tokens[0].weight = 0.25f;
  h->tokens[1].how = BMIS_TOKEN_EXACT;
  strcpy(h->tokens[1].listed, "ANNA");
  h->token_count = 2;
  strcpy(h->factors[0].what, "birth");
  h->factors[0].delta = -0.125f;
  strcpy(h->factors[0].detail, "listed 1965, presented 1974-08-12");
  h->factor_count = 1;
  h->previously_disposed = true;
  strcpy(h->previous.id, "0190a6f0-7c1e-7b2a-9d3e-1234567890b1");
  h->previous.decision = bmis_hit_decision_parse("dismissed");
  strcpy(h->previous.reason, "another person");
  strcpy(h->previous.by, "officer1");
  strcpy(h->previous.role, "officer");
  h->previous.at = 1764145500;
  h->previous.voided = true;
  h->previous.review = bmis_review_parse("rejected");
}

static void hit_round_trip(const bmis_hit *h) {
  json_t *j = bmis_wire_hit(h);
  assert_non_null(j);
  bmis_hit *back = calloc(1, sizeof *back);
  assert_non_null(back);
  bmis_error err = {0};
  if (bmis_wire_hit_decode(j, back, &err) != BMIS_OK)
    fail_msg("%s", err.message);
  json_decref(j);
  assert_memory_equal(h, back, sizeof *h);
  free(back);
}

static void hits_round_trip(void **state) {
  (void)state;
  bmis_hit *h = malloc(sizeof *h);
  assert_non_null(h);
  fill_person_hit(h);
  hit_round_trip(h);
  /* A document hit: its own members instead of the person's. */
  memset(h, 0, sizeof *h);
  h->kind = BMIS_HIT_DOCUMENT;
  h->score = 0.5;
  strcpy(h->list, "sltd");
  h->category = bmis_wl_category_parse("lost_stolen_documents");
  h->action = bmis_hit_action_parse("refer");
  strcpy(h->ref, "D-1");
  h->threshold = 0.25;
  strcpy(h->doc_state, "UTO");
  strcpy(h->doc_number, "L898902C3");
  h->doc_status = bmis_doc_status_parse("stolen");
  strcpy(h->doc_detail, "8 read as B");
  hit_round_trip(h);
  free(h);
}

static void hit_errors_name_the_path(void **state) {
  (void)state;
  static const char *const cases[][2] = {
      {"{\"tokens\": [{\"how\": \"telepathy\"}]}",
       "hit.tokens[0].how: unknown code 'telepathy'"},
      {"{\"category\": 3}", "hit.category: must be a string"},
      {"{\"colour\": \"red\"}", "hit: unknown member 'colour'"},
      {"{\"previous\": {\"at\": \"yesterday\"}}", "hit.previous.at: "},
      {"{\"ref\": \"0123456789012345678901234567890123456789012345678901234567"
       "890123456789\"}",
       "hit.ref: longer than 63 bytes"},
  };
  bmis_hit *h = calloc(1, sizeof *h);
  assert_non_null(h);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bmis_error err = {0};
    json_t *j = bmis_wire_load(cases[i][0], strlen(cases[i][0]), &err);
    assert_non_null(j);
    bmis_status st = bmis_wire_hit_decode(j, h, &err);
    json_decref(j);
    if (st != BMIS_E_INVALID_ARG ||
        strstr(err.message, cases[i][1]) != err.message)
      fail_msg("%s: expected \"%s...\", got %s \"%s\"", cases[i][0],
               cases[i][1], bmis_status_name(st), err.message);
  }
  free(h);
}

/* call (which reports into err) succeeds. */
#define OK(call)                                                               \
  do {                                                                         \
    if ((call) != BMIS_OK)                                                     \
      fail_msg("%s: %s", #call, err.message);                                  \
  } while (0)

/* Watchlist entries: written by wire, read back by the JSON-lines reader
 * (screen's, with the content's checks), every member set; then written
 * again to the same text, which is what the store hashes. */
static void watchlist_entries_round_trip(void **state) {
  (void)state;
  bmis_error err = {0};
  bmis_wl_content *c = bmis_wl_content_new();
  assert_non_null(c);
  bmis_wl_person *p = NULL;
  OK(bmis_wl_content_add_person(c, "QDi.335", &p, &err));
  OK(bmis_wl_person_add_name(c, p, "Anna Eriksson",
                             bmis_name_quality_parse("primary"), false, &err));
  OK(bmis_wl_person_add_name(c, p, "Анна Эрикссон",
                             bmis_name_quality_parse("strong"), true, &err));
  OK(bmis_wl_person_add_birth(c, p, (bmis_wl_birth){{1965, 0, 0}, 1967, true},
                              &err));
  OK(bmis_wl_person_add_nationality(c, p, "SWE", &err));
  OK(bmis_wl_person_add_birth_country(c, p, "FIN", &err));
  OK(bmis_wl_person_add_birth_place(c, p, "Turku", &err));
  p->sex = 'F';
  bmis_wl_person_doc pd = {"passport", "SWE", "99887766"};
  OK(bmis_wl_person_add_document(c, p, &pd, &err));
  OK(bmis_wl_person_set_remarks(c, p, "asset freeze", &err));
  bmis_wl_document d = {.ref = "L-1",
                        .state = "KEN",
                        .number = "AK0123456",
                        .type = "P",
                        .status = bmis_doc_status_parse("stolen"),
                        .reported = {2025, 1, 31},
                        .remarks = "reported at Nairobi"};
  OK(bmis_wl_content_add_document(c, &d, &err));

  json_t *pj = bmis_wire_wl_person(bmis_wl_person_at(c, 0));
  json_t *dj = bmis_wire_wl_document(bmis_wl_document_at(c, 0));
  assert_non_null(pj);
  assert_non_null(dj);
  char *pt = NULL, *dt = NULL;
  OK(bmis__wire_wl_entry_text(bmis_wl_person_at(c, 0), NULL, true, &pt));
  OK(bmis__wire_wl_entry_text(NULL, bmis_wl_document_at(c, 0), true, &dt));
  /* wire's decoder alone: the public structs, nothing checked above it */
  bmis__wl_line l;
  OK(bmis__wire_wl_line_decode(pt, strlen(pt), BMIS__WL_READ_ENTRY, &l, &err));
  assert_int_equal(l.kind, BMIS__WL_LINE_PERSON);
  assert_string_equal(l.ref, "QDi.335");
  snprintf(l.person.ref, sizeof l.person.ref, "%s", l.ref);
  json_t *lj = bmis_wire_wl_person(&l.person);
  assert_true(json_equal(lj, pj));
  json_decref(lj);
  bmis__wire_wl_line_fini(&l);
  OK(bmis__wire_wl_line_decode(dt, strlen(dt), BMIS__WL_READ_LINE, &l, &err));
  assert_int_equal(l.kind, BMIS__WL_LINE_DOCUMENT);
  lj = bmis_wire_wl_document(&l.document);
  assert_true(json_equal(lj, dj));
  json_decref(lj);
  bmis__wire_wl_line_fini(&l);
  /* and through the content's checks */
  bmis_wl_content *back = bmis_wl_content_new();
  assert_non_null(back);
  OK(bmis__wl_entry_add(pt, strlen(pt), back, &err));
  OK(bmis__wl_entry_add(dt, strlen(dt), back, &err));
  free(pt);
  free(dt);
  const bmis_wl_person *q = bmis_wl_person_at(back, 0);
  const bmis_wl_person *o = bmis_wl_person_at(c, 0);
  assert_string_equal(q->ref, o->ref);
  assert_int_equal(q->name_count, 2);
  for (size_t i = 0; i < 2; i++) {
    assert_string_equal(q->names[i].text, o->names[i].text);
    assert_int_equal(q->names[i].quality, o->names[i].quality);
    assert_int_equal(q->names[i].original_script, o->names[i].original_script);
  }
  assert_int_equal(q->birth_count, 1);
  assert_memory_equal(&q->births[0], &o->births[0], sizeof q->births[0]);
  assert_int_equal(q->nationality_count, 1);
  assert_string_equal(q->nationalities[0], "SWE");
  assert_int_equal(q->birth_country_count, 1);
  assert_string_equal(q->birth_countries[0], "FIN");
  assert_int_equal(q->birth_place_count, 1);
  assert_string_equal(q->birth_places[0], "Turku");
  assert_int_equal(q->sex, 'F');
  assert_int_equal(q->document_count, 1);
  assert_memory_equal(&q->documents[0], &o->documents[0],
                      sizeof q->documents[0]);
  assert_string_equal(q->remarks, "asset freeze");
  const bmis_wl_document *e = bmis_wl_document_at(back, 0);
  assert_string_equal(e->ref, d.ref);
  assert_string_equal(e->state, d.state);
  assert_string_equal(e->number, d.number);
  assert_string_equal(e->type, d.type);
  assert_int_equal(e->status, d.status);
  assert_memory_equal(&e->reported, &d.reported, sizeof d.reported);
  assert_string_equal(e->remarks, d.remarks);
  /* One content, one text. */
  json_t *pj2 = bmis_wire_wl_person(q), *dj2 = bmis_wire_wl_document(e);
  char *t1 = NULL, *t2 = NULL;
  OK(bmis__wire_wl_entry_text(o, NULL, true, &t1));
  OK(bmis__wire_wl_entry_text(q, NULL, true, &t2));
  assert_string_equal(t1, t2);
  bmis_free(t1);
  bmis_free(t2);
  assert_true(json_equal(dj, dj2));
  json_decref(pj);
  json_decref(dj);
  json_decref(pj2);
  json_decref(dj2);
  bmis_wl_content_free(back);
  bmis_wl_content_free(c);
}

/* A watchlist line that does not decode: the error names the member, the
 * way the JSON-lines reader has always reported it; the list line is read
 * only where it may stand. */
static void watchlist_line_errors_name_the_member(void **state) {
  (void)state;
  static const struct {
    const char *text;
    bmis__wl_read_as as;
    bmis_status status;
    const char *message;
  } cases[] = {
      {"{", BMIS__WL_READ_LINE, BMIS_E_PARSE, "malformed JSON at column"},
      {"{", BMIS__WL_READ_ENTRY, BMIS_E_PARSE, "malformed JSON: "},
      {"[]", BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG, "must be an object"},
      {"[]", BMIS__WL_READ_ENTRY, BMIS_E_INVALID_ARG,
       "an entry must be an object"},
      {"{\"ref\":\"a\"}", BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG,
       "kind: missing"},
      {"{\"kind\":\"x\"}", BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG,
       "kind: 'x' is not person or document"},
      {"{\"kind\":\"list\"}", BMIS__WL_READ_ENTRY, BMIS_E_INVALID_ARG,
       "kind: 'list' is not person or document"},
      {"{\"kind\":\"list\"}", BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG,
       "kind: a \"list\" line must come first"},
      {"{\"kind\":\"list\",\"v\":1}", BMIS__WL_READ_FIRST_LINE,
       BMIS_E_INVALID_ARG, "unknown member 'v'"},
      {"{\"kind\":\"person\",\"ref\":\"a\",\"names\":[{\"text\":\"A\","
       "\"quality\":\"best\"}]}",
       BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG,
       "names[0].quality: 'best' is not one of primary, strong, weak"},
      {"{\"kind\":\"person\",\"ref\":\"a\",\"births\":[{\"date\":"
       "\"1965-13\"}]}",
       BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG,
       "births[0].date: '1965-13' is not a date"},
      {"{\"kind\":\"person\",\"ref\":\"a\",\"nationalities\":[\"QQQ\"]}",
       BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG,
       "nationalities[0]: 'QQQ' is not a country"},
      {"{\"kind\":\"person\",\"ref\":\"a\",\"documents\":[{\"type\":"
       "\"passport\"}]}",
       BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG, "documents[0].number: missing"},
      {"{\"kind\":\"person\",\"ref\":\"a\",\"sex\":\"Q\"}", BMIS__WL_READ_LINE,
       BMIS_E_INVALID_ARG, "sex: must be F, M or X"},
      {"{\"kind\":\"document\",\"ref\":\"d\",\"state\":\"KEN\","
       "\"number\":\"1\",\"status\":\"gone\"}",
       BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG,
       "status: 'gone' is not one of lost, stolen"},
      {"{\"kind\":\"document\",\"ref\":\"d\",\"state\":\"KEN\","
       "\"number\":\"1\",\"status\":\"lost\",\"type\":\"PPP\"}",
       BMIS__WL_READ_LINE, BMIS_E_INVALID_ARG, "type: longer than 2 bytes"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    bmis_error err = {0};
    bmis__wl_line l;
    bmis_status st = bmis__wire_wl_line_decode(
        cases[i].text, strlen(cases[i].text), cases[i].as, &l, &err);
    bmis__wire_wl_line_fini(&l);
    if (st != cases[i].status || !strstr(err.message, cases[i].message))
      fail_msg("case %zu: %s (%d), wanted %s", i, err.message, (int)st,
               cases[i].message);
  }
  /* the list line where it may stand; null members are "not given" */
  bmis_error err = {0};
  bmis__wl_line l;
  const char *first = "{\"kind\":\"list\",\"version\":\"2025-01-31\"}";
  OK(bmis__wire_wl_line_decode(first, strlen(first), BMIS__WL_READ_FIRST_LINE,
                               &l, &err));
  assert_int_equal(l.kind, BMIS__WL_LINE_LIST);
  assert_string_equal(l.version, "2025-01-31");
  bmis__wire_wl_line_fini(&l);
  const char *nulls = "{\"kind\":\"person\",\"ref\":\"a\",\"names\":null,"
                      "\"sex\":null,\"remarks\":null}";
  OK(bmis__wire_wl_line_decode(nulls, strlen(nulls), BMIS__WL_READ_LINE, &l,
                               &err));
  assert_int_equal(l.person.name_count, 0);
  assert_null(l.person.names);
  assert_int_equal(l.person.sex, 0);
  assert_null(l.person.remarks);
  bmis__wire_wl_line_fini(&l);
  bmis__wire_wl_line_fini(NULL);
}

/* The store's batch of rows: empty and NULL cells are null; a cell that is
 * not UTF-8 fails the whole batch (never a row cut short). */
static void text_rows(void **state) {
  (void)state;
  const char *cells[] = {"a", "", NULL, "b\"c", "d", "e"};
  char *t = bmis__wire_text_rows(cells, 2, 3);
  assert_non_null(t);
  assert_string_equal(t, "[[\"a\",null,null],[\"b\\\"c\",\"d\",\"e\"]]");
  bmis_free(t);
  t = bmis__wire_text_rows(cells, 0, 3);
  assert_string_equal(t, "[]");
  bmis_free(t);
  const char *bad[] = {"ok", "\xff"};
  assert_null(bmis__wire_text_rows(bad, 1, 2));
}

/* A crossing in JSON text is refused with err naming the member's path. */
static void crossing_refused(const char *text, bmis_status want_st,
                             const char *want) {
  bmis_crossing c;
  bmis_error err = {0};
  bmis_status st = bmis_crossing_from_json(text, strlen(text), &c, &err);
  if (st != want_st || strstr(err.message, want) != err.message)
    fail_msg("%s: expected %s \"%s...\", got %s \"%s\"", text,
             bmis_status_name(want_st), want, bmis_status_name(st),
             err.message);
}

static void crossing_errors_name_the_member(void **state) {
  (void)state;
  crossing_refused("{\"traveller\": {\"surname\": 7}}", BMIS_E_INVALID_ARG,
                   "traveller.surname: must be a string");
  crossing_refused("{\"traveller\": {\"shoe_size\": \"42\"}}",
                   BMIS_E_INVALID_ARG, "traveller: unknown member 'shoe_size'");
  crossing_refused("{\"purpose\": \"XYZ\"}", BMIS_E_INVALID_ARG,
                   "purpose: 'XYZ' is not one of");
  crossing_refused("{\"intended_days\": \"3\"}", BMIS_E_INVALID_ARG,
                   "intended_days: must be a whole number");
  crossing_refused("{\"traveller\": {}, \"document\": {\"expiry\": "
                   "\"2030-13-01\"}}",
                   BMIS_E_INVALID_ARG, "document.expiry: '2030-13-01'");
  /* Output-only members are not a crossing's. */
  crossing_refused("{\"version\": 2}", BMIS_E_INVALID_ARG,
                   "unknown member 'version'");
  crossing_refused("{\"traveller\": ", BMIS_E_PARSE, "JSON at line 1");
  char text[400];
  snprintf(text, sizeof text, "{\"traveller\": {\"surname\": \"%0200d\"}}", 0);
  crossing_refused(text, BMIS_E_INVALID_ARG, "traveller.surname: ");
}

static void request_refused(const char *text, const char *want) {
  bmis_inspection_request rq;
  bmis_error err = {0};
  bmis_status st =
      bmis_inspection_request_from_json(text, strlen(text), &rq, &err);
  if (st != BMIS_E_INVALID_ARG || strstr(err.message, want) != err.message)
    fail_msg("%s: expected \"%s...\", got %s \"%s\"", text, want,
             bmis_status_name(st), err.message);
}

static void request_errors_name_the_member(void **state) {
  (void)state;
  request_refused("{\"mrz\": \"x\", \"direction\": \"entry\", \"card\": "
                  "{\"purpose\": \"XYZ\"}}",
                  "card.purpose: ");
  request_refused("{\"mrz\": \"x\", \"direction\": \"entry\", \"card\": "
                  "{\"colour\": \"red\"}}",
                  "card.colour: unknown member");
  request_refused("{\"mrz\": 5}", "mrz: must be a string");
  request_refused("{\"mrz\": \"x\", \"direction\": \"entry\", \"protection\": "
                  "{\"asylum\": \"yes\"}}",
                  "protection.asylum: ");
  bmis_inspection_decision d;
  bmis_error err = {0};
  const char *bad = "{\"decision\": \"maybe\"}";
  assert_int_equal(
      bmis_inspection_decision_from_json(bad, strlen(bad), &d, &err),
      BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "decision"));
  bmis_protection p;
  const char *tr = "{\"trafficking_indicators\": [\"nope\"]}";
  assert_int_equal(bmis_protection_from_json(tr, strlen(tr), &p, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "trafficking_indicators"));
}

/* err may be NULL (status.h); JSON that does not parse once crashed the
 * request decoders then (found by fuzz_request). */
static void bad_json_without_err(void **state) {
  (void)state;
  const char *t = "[1, 2";
  bmis_inspection_request rq;
  bmis_inspection_decision d;
  bmis_protection p;
  assert_int_equal(bmis_inspection_request_from_json(t, 5, &rq, NULL),
                   BMIS_E_PARSE);
  assert_int_equal(bmis_inspection_decision_from_json(t, 5, &d, NULL),
                   BMIS_E_PARSE);
  assert_int_equal(bmis_protection_from_json(t, 5, &p, NULL), BMIS_E_PARSE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(struct_sizes_are_known),
      cmocka_unit_test(movement_round_trip),
      cmocka_unit_test(movement_version_round_trip),
      cmocka_unit_test(traveller_round_trip),
      cmocka_unit_test(document_round_trip),
      cmocka_unit_test(crossing_round_trip),
      cmocka_unit_test(hits_round_trip),
      cmocka_unit_test(watchlist_entries_round_trip),
      cmocka_unit_test(watchlist_line_errors_name_the_member),
      cmocka_unit_test(text_rows),
      cmocka_unit_test(hit_errors_name_the_path),
      cmocka_unit_test(account_round_trip),
      cmocka_unit_test(identity_link_round_trip),
      cmocka_unit_test(audit_round_trip),
      cmocka_unit_test(bcp_round_trip),
      cmocka_unit_test(disposition_round_trip),
      cmocka_unit_test(crossing_errors_name_the_member),
      cmocka_unit_test(request_errors_name_the_member),
      cmocka_unit_test(bad_json_without_err),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

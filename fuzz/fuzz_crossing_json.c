/* Fuzz target for the register's JSON readers (include/bmis/register.h):
 * bmis_crossing_from_json (what `bmis movement record` reads, "mrz" member
 * included) and bmis_movement_from_json (the text of `bmis movement correct
 * --set`), and the writer bmis_movement_to_json through a round trip. No
 * store is opened: these functions never need one. The readers get exactly
 * `size` bytes with nothing after them, so ASan sees any read past the end.
 *
 * Besides memory errors, the target aborts when a result breaks a promise:
 * the status is OK, E_PARSE, E_INVALID_ARG or E_NOMEM and agrees with the
 * error, whose message is terminated and, on failure, not empty; on success
 * every text field is terminated within its array and is well-formed UTF-8
 * without control characters but line breaks and tabs (issue 12, defect 4:
 * text is refused, never cut), every code is one of its
 * list (or 0), dates are 0 or real dates (partial ones only where the header
 * allows them: a traveller's birth), whole numbers stay within the ranges
 * the readers check, at most 5 referrals; and a movement written by
 * bmis_movement_to_json reads back, into a fresh struct, as the same
 * movement, whose JSON is then the same text. */
#include "fuzz_target.h"

#include "bmis/register.h"
#include "bmis/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void require(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_crossing_json: broken invariant: %s\n", what);
    abort();
  }
}

#define TERMINATED(field)                                                      \
  require(memchr((field), '\0', sizeof(field)) != NULL,                        \
          #field " not terminated")

/* Terminated, and text as the library accepts it (issue 12, defect 4):
 * well-formed UTF-8, no control character but line breaks and tabs. */
#define TEXT_FIELD(field)                                                      \
  do {                                                                         \
    TERMINATED(field);                                                         \
    require(bmis_text_check_field((field), sizeof(field),                      \
                                  BMIS_TEXT_LINES | BMIS_TEXT_EMPTY_OK,        \
                                  #field, NULL) == BMIS_OK,                    \
            #field " is not UTF-8 or holds a control character");              \
  } while (0)

static void check_status(bmis_status st, const bmis_error *err) {
  require(st == BMIS_OK || st == BMIS_E_PARSE || st == BMIS_E_INVALID_ARG ||
              st == BMIS_E_NOMEM,
          "status outside OK, E_PARSE, E_INVALID_ARG, E_NOMEM");
  if (st == BMIS_OK)
    return;
  require(err->status == st, "error status differs from the return");
  TERMINATED(err->message);
  require(err->message[0] != '\0', "empty error message");
}

static void check_code(bmis_code_list list, int value, const char *what) {
  require(value == 0 || bmis_code_name(list, value)[0] != '\0', what);
}

/* Zero (not given) or a real calendar date. */
static void check_date(bmis_date d, const char *what) {
  require((d.year == 0 && d.month == 0 && d.day == 0) || bmis_date_is_valid(d),
          what);
}

/* Zero, a real date, or a year ("1980") or year and month ("1980-05"). */
static void check_partial_date(bmis_date d, const char *what) {
  if (d.day == 0 && d.month == 0 && d.year == 0)
    return;
  if (d.day == 0)
    require(d.year >= 1 && d.year <= 9999 && d.month >= 0 && d.month <= 12,
            what);
  else
    require(bmis_date_is_valid(d), what);
}

static void check_id(const char *id, const char *what) {
  require(id[0] == '\0' || bmis_uuid_is_valid(id), what);
}

static void check_movement(const bmis_movement *m) {
  TEXT_FIELD(m->id);
  TEXT_FIELD(m->traveller_id);
  TEXT_FIELD(m->document_id);
  TEXT_FIELD(m->bcp);
  TEXT_FIELD(m->carrier);
  TEXT_FIELD(m->transport_number);
  TEXT_FIELD(m->route_country);
  TEXT_FIELD(m->residence_country);
  TEXT_FIELD(m->local_address);
  TEXT_FIELD(m->entry_type);
  TEXT_FIELD(m->grounds);
  TEXT_FIELD(m->decision_note);
  TEXT_FIELD(m->officer);
  TEXT_FIELD(m->desk);
  TEXT_FIELD(m->nationality);
  check_id(m->id, "movement id neither empty nor a UUID");
  check_id(m->traveller_id, "traveller_id neither empty nor a UUID");
  check_id(m->document_id, "document_id neither empty nor a UUID");
  check_code(BMIS_LIST_DIRECTION, (int)m->direction, "direction off its list");
  check_code(BMIS_LIST_TRANSPORT, (int)m->transport, "transport off its list");
  check_code(BMIS_LIST_PURPOSE, (int)m->purpose, "purpose off its list");
  check_code(BMIS_LIST_DECISION, (int)m->decision, "decision off its list");
  check_date(m->local_date, "local_date neither zero nor a date");
  check_date(m->permitted_until, "permitted_until neither zero nor a date");
  require(m->intended_days >= 0 && m->intended_days <= 1000000,
          "intended_days outside 0..1000000");
  require(m->version >= 0 && m->version <= 1000000,
          "version outside 0..1000000");
}

static void check_crossing(const bmis_crossing *c) {
  const bmis_traveller *t = &c->traveller;
  const bmis_document *d = &c->document;
  TEXT_FIELD(t->id);
  TEXT_FIELD(t->person_id);
  TEXT_FIELD(t->surname);
  TEXT_FIELD(t->given_names);
  TEXT_FIELD(t->nationality);
  TEXT_FIELD(t->birth_country);
  check_partial_date(t->birth, "traveller.birth neither zero nor a date");
  require(t->sex == 0 || t->sex == 'F' || t->sex == 'M' || t->sex == 'X',
          "traveller.sex not F, M, X or 0");
  TEXT_FIELD(d->id);
  TEXT_FIELD(d->traveller_id);
  TEXT_FIELD(d->type);
  TEXT_FIELD(d->issuing_state);
  TEXT_FIELD(d->number);
  TEXT_FIELD(d->mrz);
  check_date(d->expiry, "document.expiry neither zero nor a date");
  check_movement(&c->movement);
  require(c->permitted_days >= 0 && c->permitted_days <= 3660,
          "permitted_days outside 0..3660");
  require(c->referral_count >= 0 && c->referral_count <= 5,
          "referral_count outside 0..5");
  for (int i = 0; i < c->referral_count; i++)
    require(bmis_code_name(BMIS_LIST_REFERRAL_KIND, (int)c->referrals[i])[0],
            "referral kind off its list");
}

static int same_date(bmis_date a, bmis_date b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

#define SAME_TEXT(f) require(strcmp(a->f, b->f) == 0, "round trip changed " #f)
#define SAME(f) require(a->f == b->f, "round trip changed " #f)
#define SAME_DATE(f) require(same_date(a->f, b->f), "round trip changed " #f)

static void compare_movements(const bmis_movement *a, const bmis_movement *b) {
  SAME_TEXT(id);
  SAME_TEXT(traveller_id);
  SAME_TEXT(document_id);
  SAME(direction);
  SAME_TEXT(bcp);
  SAME(crossed_at);
  SAME_DATE(local_date);
  SAME(transport);
  SAME_TEXT(carrier);
  SAME_TEXT(transport_number);
  SAME_TEXT(route_country);
  SAME_TEXT(residence_country);
  SAME(purpose);
  SAME(intended_days);
  SAME_TEXT(local_address);
  SAME_TEXT(entry_type);
  SAME_DATE(permitted_until);
  SAME(decision);
  SAME_TEXT(grounds);
  SAME_TEXT(decision_note);
  SAME_TEXT(officer);
  SAME_TEXT(desk);
  SAME_TEXT(nationality);
  SAME(voided);
  SAME(version);
}

/* Writes m as JSON, reads it back into a fresh movement and compares; the
 * copy must then write the same text. */
static void round_trip(const bmis_movement *m) {
  char *text = bmis_movement_to_json(m);
  require(text != NULL, "bmis_movement_to_json returned NULL");
  bmis_movement *back = malloc(sizeof *back);
  require(back != NULL, "out of memory");
  memset(back, 0, sizeof *back);
  bmis_error err;
  bmis_status st = bmis_movement_from_json(text, strlen(text), back, &err);
  if (st != BMIS_OK)
    fprintf(stderr, "written: %s\nread back: %s\n", text, err.message);
  require(st == BMIS_OK, "a written movement does not read back");
  check_movement(back);
  compare_movements(m, back);
  char *again = bmis_movement_to_json(back);
  require(again != NULL, "bmis_movement_to_json returned NULL");
  if (strcmp(text, again) != 0)
    fprintf(stderr, "written: %s\nrewritten: %s\n", text, again);
  require(strcmp(text, again) == 0, "a movement read back writes other JSON");
  bmis_free(again);
  free(back);
  bmis_free(text);
}

/* A recorded movement, every member set, for bmis_movement_from_json to
 * overlay as `bmis movement correct` does. */
static void stored_movement(bmis_movement *m) {
  memset(m, 0, sizeof *m);
  strcpy(m->id, "01a21000-0000-7000-8000-000000000001");
  strcpy(m->traveller_id, "01a21000-0000-7000-8000-000000000002");
  strcpy(m->document_id, "01a21000-0000-7000-8000-000000000003");
  m->direction = BMIS_DIRECTION_ENTRY;
  strcpy(m->bcp, "NBO");
  m->crossed_at = 1795680900; /* 2026-11-26T08:15:00Z */
  m->local_date = (bmis_date){2026, 11, 26};
  m->transport = BMIS_TRANSPORT_AIR;
  strcpy(m->carrier, "KQ");
  strcpy(m->transport_number, "KQ101");
  strcpy(m->route_country, "GBR");
  strcpy(m->residence_country, "GBR");
  m->purpose = BMIS_PURPOSE_LEISURE;
  m->intended_days = 14;
  strcpy(m->local_address, "Hotel Example, Nairobi");
  strcpy(m->entry_type, "visa-free");
  m->permitted_until = (bmis_date){2027, 2, 23};
  m->decision = BMIS_DECISION_ADMITTED;
  strcpy(m->officer, "kariuki");
  strcpy(m->desk, "A3");
  strcpy(m->nationality, "GBR");
  m->version = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  bmis_crossing *c = malloc(sizeof *c);
  bmis_movement *m = malloc(sizeof *m);
  require(c && m, "out of memory");
  bmis_error err;

  memset(&err, 0, sizeof err);
  bmis_status st = bmis_crossing_from_json(text, size, c, &err);
  check_status(st, &err);
  if (st == BMIS_OK) {
    check_crossing(c);
    round_trip(&c->movement);
  }
  /* Without an error struct, the same answer. */
  require(bmis_crossing_from_json(text, size, c, NULL) == st,
          "status depends on whether an error is wanted");

  stored_movement(m);
  memset(&err, 0, sizeof err);
  st = bmis_movement_from_json(text, size, m, &err);
  check_status(st, &err);
  if (st == BMIS_OK) {
    check_movement(m);
    round_trip(m);
  }

  free(m);
  free(c);
  return 0;
}

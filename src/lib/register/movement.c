/* Recording crossings, and the later decisions, corrections and voids that
 * change a movement while keeping its history. */
#define _DEFAULT_SOURCE /* getrandom, strdup, posix_spawn */
#include "base/alloc.h"
#include "base/text.h"
#include "bmis/country.h"
#include "bmis/text.h"
#include "register/register_internal.h"
#include "store/repo.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_country(const char *code) {
  return bmis_country_by_code(code, strlen(code)) != NULL;
}

static bmis_status need_country(const char *field, const char *code,
                                bool required, bmis_error *err) {
  if (!code[0])
    return required
               ? bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: missing", field)
               : BMIS_OK;
  if (!is_country(code))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s: '%s' is not a country code", field, code);
  return BMIS_OK;
}

static void upper(char *s) {
  for (; *s; s++)
    *s = (char)toupper((unsigned char)*s);
}

static bool partial_date_ok(bmis_date d) {
  if (d.year == 0)
    return d.month == 0 && d.day == 0;
  if (d.month == 0)
    return d.day == 0;
  if (d.month < 1 || d.month > 12)
    return false;
  return d.day == 0 || bmis_date_is_valid(d);
}

/* A struct's text fields, each as the library accepts text from outside
 * (bmis_text_check_field): a front end may not have checked. */
typedef struct text_field {
  const char *name;
  const char *field;
  size_t size;
  unsigned flags;
} text_field;
#define FIELD(n, f, fl)                                                        \
  { n, f, sizeof f, BMIS_TEXT_EMPTY_OK | (fl) }

static bmis_status check_texts(const text_field *t, size_t n, bmis_error *err) {
  for (size_t i = 0; i < n; i++) {
    bmis_status st = bmis_text_check_field(t[i].field, t[i].size, t[i].flags,
                                           t[i].name, err);
    if (st != BMIS_OK)
      return st;
  }
  return BMIS_OK;
}

static bmis_status movement_texts(const bmis_movement *m, bmis_error *err) {
  const text_field t[] = {
      FIELD("bcp", m->bcp, 0),
      FIELD("carrier", m->carrier, 0),
      FIELD("transport_number", m->transport_number, 0),
      FIELD("local_address", m->local_address, BMIS_TEXT_LINES),
      FIELD("entry_type", m->entry_type, 0),
      FIELD("grounds", m->grounds, 0),
      FIELD("decision_note", m->decision_note, BMIS_TEXT_LINES),
      FIELD("officer", m->officer, 0),
      FIELD("desk", m->desk, 0),
  };
  return check_texts(t, sizeof t / sizeof t[0], err);
}

/* Checks a movement's own fields (not who it belongs to), and sets its local
 * date from the crossing point's time zone. permitted_days, when > 0,
 * becomes permitted_until. `national`: the document is the operating
 * State's. */
static bmis_status validate_movement(bmis_store *s, bmis_movement *m,
                                     int permitted_days, bool national,
                                     const bmis_register_config *cfg,
                                     bmis_error *err) {
  bmis_status texts = movement_texts(m, err);
  if (texts != BMIS_OK)
    return texts;
  upper(m->bcp);
  upper(m->route_country);
  upper(m->residence_country);
  upper(m->grounds);
  if (m->id[0] && !bmis_uuid_is_valid(m->id))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "id: '%s' is not a UUID",
                          m->id);
  for (char *p = m->id; *p; p++)
    *p = (char)tolower((unsigned char)*p);
  if (!bmis_code_name(BMIS_LIST_DIRECTION, m->direction)[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "direction: must be entry or exit");
  if (!m->bcp[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "bcp: missing");
  if (m->crossed_at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "crossed_at: missing");
  bmis_error e;
  bmis_status st =
      bmis__bcp_local_date(s, m->bcp, m->crossed_at, &m->local_date, &e);
  if (st == BMIS_E_NOT_FOUND)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "bcp: '%s' is not a configured crossing point",
                          m->bcp);
  if (st != BMIS_OK)
    return bmis_error_set(err, st, "%s", e.message);
  st = need_country("route_country", m->route_country, false, err);
  if (st == BMIS_OK)
    st = need_country("residence_country", m->residence_country, false, err);
  if (st != BMIS_OK)
    return st;
  if (m->transport && !bmis_code_name(BMIS_LIST_TRANSPORT, m->transport)[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "transport: unknown");
  if (m->purpose && !bmis_code_name(BMIS_LIST_PURPOSE, m->purpose)[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "purpose: unknown");
  if (m->intended_days < 0 || m->intended_days > 3660)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "intended_days: %d is not in 0..3660",
                          m->intended_days);
  if (!bmis_code_name(BMIS_LIST_DECISION, m->decision)[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "decision: must be admitted, refused or referred");
  if (m->decision == BMIS_DECISION_REFUSED) {
    if (!m->grounds[0])
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "grounds: a refusal needs at least one ground "
                            "A-I");
    for (const char *g = m->grounds; *g; g++)
      if (!bmis_refusal_ground_text(*g) || strchr(g + 1, *g))
        return bmis_error_set(err, BMIS_E_INVALID_ARG,
                              "grounds: '%s' must be distinct letters A-I",
                              m->grounds);
    if (national && m->direction == BMIS_DIRECTION_ENTRY)
      return bmis_error_set(err, BMIS_E_RULE,
                            "decision: a national of %s cannot be refused "
                            "entry",
                            cfg->state);
  } else if (m->grounds[0]) {
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "grounds: only a refusal has grounds");
  }
  if (permitted_days < 0 || permitted_days > 3660)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "permitted_days: %d is not in 1..3660",
                          permitted_days);
  if (permitted_days > 0) {
    if (m->permitted_until.year)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "permitted_days: give it or permitted_until, "
                            "not both");
    m->permitted_until = bmis_date_from_days(bmis_date_to_days(m->local_date) +
                                             permitted_days - 1);
  }
  if (m->permitted_until.year) {
    if (!bmis_date_is_valid(m->permitted_until))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "permitted_until: not a date");
    if (m->direction != BMIS_DIRECTION_ENTRY ||
        m->decision != BMIS_DECISION_ADMITTED)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "permitted_until: only an admitted entry has a "
                            "permitted stay");
    if (national)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "permitted_until: nationals of %s are not given "
                            "a permitted stay",
                            cfg->state);
    if (bmis_date_compare(m->permitted_until, m->local_date) < 0)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "permitted_until: before the day of entry");
  }
  return BMIS_OK;
}

static bmis_status validate_person(bmis_crossing *c, bmis_error *err) {
  bmis_traveller *t = &c->traveller;
  bmis_document *d = &c->document;
  const text_field texts[] = {
      FIELD("traveller.surname", t->surname, 0),
      FIELD("traveller.given_names", t->given_names, 0),
      FIELD("traveller.nationality", t->nationality, 0),
      FIELD("traveller.birth_country", t->birth_country, 0),
      FIELD("document.type", d->type, 0),
      FIELD("document.issuing_state", d->issuing_state, 0),
      FIELD("document.number", d->number, 0),
      FIELD("document.mrz", d->mrz, BMIS_TEXT_LINES),
  };
  bmis_status checked = check_texts(texts, sizeof texts / sizeof texts[0], err);
  if (checked != BMIS_OK)
    return checked;
  upper(t->nationality);
  upper(t->birth_country);
  upper(d->issuing_state);
  upper(d->number);
  upper(d->type);
  if (!t->surname[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "traveller.surname: missing");
  if (t->sex && t->sex != 'F' && t->sex != 'M' && t->sex != 'X')
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "traveller.sex: must be F, M or X");
  if (!partial_date_ok(t->birth))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "traveller.birth: not a date");
  bmis_status st =
      need_country("traveller.nationality", t->nationality, true, err);
  if (st == BMIS_OK)
    st = need_country("traveller.birth_country", t->birth_country, false, err);
  if (st == BMIS_OK)
    st = need_country("document.issuing_state", d->issuing_state, true, err);
  if (st != BMIS_OK)
    return st;
  if (!d->number[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "document.number: missing");
  for (const char *p = d->number; *p; p++)
    if (!isalnum((unsigned char)*p))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "document.number: '%s' may hold only letters "
                            "and digits",
                            d->number);
  if (!d->type[0])
    snprintf(d->type, sizeof d->type, "P");
  for (const char *p = d->type; *p; p++)
    if (!isupper((unsigned char)*p))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "document.type: '%s' is not a document code",
                            d->type);
  if (d->expiry.year && !bmis_date_is_valid(d->expiry))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document.expiry: not a date");
  for (int i = 0; i < c->referral_count; i++)
    if (!bmis_code_name(BMIS_LIST_REFERRAL_KIND, c->referrals[i])[0])
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "referrals[%d]: unknown kind", i);
  if (c->referral_count < 0 ||
      c->referral_count > (int)(sizeof c->referrals / sizeof c->referrals[0]))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "referrals: too many");
  return BMIS_OK;
}

/* ---- linking a crossing to a traveller ---- */

typedef struct best_match {
  const bmis_traveller *t;
  const char *key;
  bmis_traveller best;
  double score;
  char reasons[257];
} best_match;

static int consider(const bmis_traveller *cand, const char *key, void *ctx) {
  best_match *b = ctx;
  char reasons[257];
  double score =
      bmis__identity_score(b->t, b->key, cand, key, reasons, sizeof reasons);
  /* Ties go to the oldest record (candidates come in id order). */
  if (score > b->score) {
    b->score = score;
    b->best = *cand;
    snprintf(b->reasons, sizeof b->reasons, "%s", reasons);
  }
  return 0;
}

typedef struct valid_doc {
  const bmis_document *new_doc;
  bmis_date on;
  bool found;
} valid_doc;

static int other_valid_document(const bmis_document *d, void *ctx) {
  valid_doc *v = ctx;
  /* A renewal replaces a document with one that expires later; another
   * valid one that the new one does not outlast belongs to someone else
   * (or is a second passport: a person decides). */
  const bmis_document *n = v->new_doc;
  if (strcmp(d->issuing_state, n->issuing_state) == 0 &&
      d->type[0] == n->type[0] && strcmp(d->number, n->number) != 0 &&
      d->expiry.year && bmis_date_compare(d->expiry, v->on) >= 0 &&
      (!n->expiry.year || bmis_date_compare(n->expiry, d->expiry) <= 0))
    v->found = true;
  return v->found;
}

/* Reasons not to merge a strong biographic match without a person looking:
 * a birth date that is partial or a common placeholder, or a known person
 * who still holds a valid document of the same kind from the same State
 * that the new one does not outlast (a renewal expires later than what it
 * replaces). *doubt is NULL when there is none. */
static bmis_status strong_doubt(bmis_store *s, const bmis_crossing *c,
                                const bmis_traveller *known, bmis_date on,
                                const char **doubt, bmis_error *err) {
  *doubt = NULL;
  bmis_date b = c->traveller.birth;
  if (!bmis_date_is_valid(b) || !bmis_date_is_valid(known->birth)) {
    *doubt = "a birth date is partial";
    return BMIS_OK;
  }
  if (b.month == 1 && b.day == 1) {
    *doubt = "1 January is often a placeholder birth date";
    return BMIS_OK;
  }
  valid_doc v = {&c->document, on, false};
  bmis_status st = bmis__document_by_person(s, known->person_id,
                                            other_valid_document, &v, err);
  if (st == BMIS_OK && v.found)
    *doubt = "the known person holds another valid document of the same "
             "kind and State";
  return st;
}

/* Finds or creates the traveller and document of a crossing. Fills
 * m->traveller_id, m->document_id and the result's link fields. */
static bmis_status link_traveller(bmis_store *s, bmis_crossing *c,
                                  bmis_movement *m, bmis_record_result *res,
                                  int64_t now, int64_t *last_at,
                                  bmis_error *err) {
  *last_at = 0; /* a new traveller has never crossed */
  bmis_document doc;
  bmis_error e;
  char person[BMIS_ID_SIZE], born_in[4];
  bmis_status st =
      bmis__document_holder(s, c->document.issuing_state, c->document.number,
                            &doc, person, born_in, last_at, &e);
  if (st == BMIS_OK) {
    /* Country of birth is captured from the card when first seen. */
    if (!born_in[0] && c->traveller.birth_country[0])
      st = bmis__traveller_set_birth_country(s, doc.traveller_id,
                                             c->traveller.birth_country, err);
    if (st != BMIS_OK)
      return st;
    memcpy(m->traveller_id, doc.traveller_id, BMIS_ID_SIZE);
    memcpy(m->document_id, doc.id, BMIS_ID_SIZE);
    memcpy(res->traveller_id, doc.traveller_id, BMIS_ID_SIZE);
    memcpy(res->person_id, person, BMIS_ID_SIZE);
    res->method = BMIS_LINK_DOCUMENT;
    res->confidence = 1.0;
    return BMIS_OK;
  }
  if (st != BMIS_E_NOT_FOUND)
    return bmis_error_set(err, st, "%s", e.message);

  /* A new document: is it a known person's? */
  char key[200];
  bmis__name_key(c->traveller.surname, c->traveller.given_names, key,
                 sizeof key);
  best_match b = {.t = &c->traveller, .key = key};
  if (c->traveller.birth.year) {
    st = bmis__traveller_candidates(s, c->traveller.birth, consider, &b, err);
    if (st != BMIS_OK)
      return st;
  }
  bmis_traveller t = c->traveller;
  /* A strong match still goes to review when something casts doubt on it:
   * the two are then kept apart until a supervisor decides. */
  if (b.score >= BMIS__LINK_STRONG) {
    const char *doubt = NULL;
    st = strong_doubt(s, c, &b.best, m->local_date, &doubt, err);
    if (st != BMIS_OK)
      return st;
    if (doubt) {
      size_t used = strlen(b.reasons);
      snprintf(b.reasons + used, sizeof b.reasons - used, "; %s", doubt);
      b.score = BMIS__LINK_STRONG - 0.005; /* reviewed, not merged */
    }
  }
  if (b.score >= BMIS__LINK_STRONG) {
    t = b.best;
    if (!t.birth_country[0] && c->traveller.birth_country[0])
      st = bmis__traveller_set_birth_country(s, t.id,
                                             c->traveller.birth_country, err);
    res->method = BMIS_LINK_BIOGRAPHIC;
    res->confidence = b.score;
    if (st == BMIS_OK)
      st = bmis__person_last_crossing(s, t.person_id, last_at, err);
  } else {
    st = bmis_uuid_v7_at(now * 1000, t.id, err);
    memcpy(t.person_id, t.id, BMIS_ID_SIZE);
    if (st == BMIS_OK)
      st = bmis__traveller_insert(s, &t, key, now, err);
    res->method = BMIS_LINK_NEW;
    res->confidence = 1.0;
    if (st == BMIS_OK && b.score >= BMIS__LINK_WEAK) {
      bmis_identity_link l;
      memset(&l, 0, sizeof l);
      st = bmis_uuid_v7_at(now * 1000, l.id, err);
      memcpy(l.traveller_id, t.id, BMIS_ID_SIZE);
      memcpy(l.candidate_id, b.best.id, BMIS_ID_SIZE);
      l.confidence = b.score;
      snprintf(l.reasons, sizeof l.reasons, "%s", b.reasons);
      l.status = BMIS_LINK_PENDING;
      l.created_at = now;
      if (st == BMIS_OK)
        st = bmis__link_insert(s, &l, err);
      memcpy(res->review_link_id, l.id, BMIS_ID_SIZE);
      res->confidence = b.score;
    }
  }
  if (st != BMIS_OK)
    return st;
  bmis_document d = c->document;
  st = bmis_uuid_v7_at(now * 1000, d.id, err);
  memcpy(d.traveller_id, t.id, BMIS_ID_SIZE);
  if (st == BMIS_OK)
    st = bmis__document_insert(s, &d, now, err);
  if (st != BMIS_OK)
    return st;
  memcpy(m->traveller_id, t.id, BMIS_ID_SIZE);
  memcpy(m->document_id, d.id, BMIS_ID_SIZE);
  memcpy(res->traveller_id, t.id, BMIS_ID_SIZE);
  memcpy(res->person_id, t.person_id, BMIS_ID_SIZE);
  return BMIS_OK;
}

/* The same id recorded again: the same crossing (document, direction,
 * place, time) is a duplicate; anything else is a conflict. */
static bmis_status replay(bmis_store *s, const bmis_crossing *c,
                          const bmis_movement *m, const bmis_movement *old,
                          bmis_record_result *res, bmis_error *err) {
  bmis_document doc;
  bmis_error e;
  bmis_status st = bmis__document_find(s, c->document.issuing_state,
                                       c->document.number, &doc, &e);
  if (st != BMIS_OK && st != BMIS_E_NOT_FOUND)
    return bmis_error_set(err, st, "%s", e.message);
  if (st != BMIS_OK || strcmp(doc.id, old->document_id) != 0 ||
      old->direction != m->direction || strcmp(old->bcp, m->bcp) != 0 ||
      old->crossed_at != m->crossed_at)
    return bmis_error_set(err, BMIS_E_CONFLICT,
                          "id: movement %s was recorded with another "
                          "document, direction, crossing point or time",
                          m->id);
  bmis_traveller t;
  st = bmis__traveller_get(s, old->traveller_id, &t, err);
  if (st != BMIS_OK)
    return st;
  memcpy(res->movement_id, old->id, BMIS_ID_SIZE);
  memcpy(res->traveller_id, t.id, BMIS_ID_SIZE);
  memcpy(res->person_id, t.person_id, BMIS_ID_SIZE);
  res->method = BMIS_LINK_DOCUMENT;
  res->confidence = 1.0;
  res->duplicate = true;
  return BMIS_OK;
}

void bmis_crossing_init(bmis_crossing *c) {
  memset(c, 0, sizeof *c);
}

/* One attempt at writing a validated crossing, in one transaction (or
 * savepoint). *collided is set when an insert met a unique key that
 * another transaction wrote meanwhile. */
static bmis_status record_once(bmis_store *s, bmis_crossing *c,
                               bmis_record_result *res, bool *collided,
                               bmis_error *err) {
  bmis_movement *m = &c->movement;
  int64_t now = c->recorded_at;
  bmis_status st = bmis__tx_begin(s, err);
  if (st == BMIS_OK && m->id[0]) {
    bmis_movement old;
    bmis_error e;
    bmis_status got = bmis__movement_get(s, m->id, &old, &e);
    if (got == BMIS_OK) {
      st = replay(s, c, m, &old, res, err);
      if (st == BMIS_OK)
        st = bmis__tx_commit(s, err);
      else
        bmis__tx_rollback(s);
      return st;
    }
    if (got != BMIS_E_NOT_FOUND)
      st = bmis_error_set(err, got, "%s", e.message);
  } else if (st == BMIS_OK) {
    st = bmis_uuid_v7_at(now * 1000, m->id, err);
  }
  int64_t last_at = 0; /* the person's last crossing before this one */
  if (st == BMIS_OK)
    st = link_traveller(s, c, m, res, now, &last_at, err);
  /* protection follows the person: a refusal that opens a protective
   * referral, or of a person who has one open, is not a decision to make */
  bool protective = false, bars = false;
  for (int i = 0; i < c->referral_count; i++) {
    protective |= bmis_referral_kind_protective(c->referrals[i]);
    /* a refused child goes back with the alternative the desk records */
    bars |= c->referrals[i] == BMIS_REFERRAL_ASYLUM ||
            c->referrals[i] == BMIS_REFERRAL_TRAFFICKING;
  }
  if (st == BMIS_OK && m->decision == BMIS_DECISION_REFUSED && bars)
    st = bmis_error_set(err, BMIS_E_SAFEGUARD,
                        "decision: a crossing that opens an asylum or "
                        "trafficking referral cannot be a refusal; refer "
                        "instead");
  if (st == BMIS_OK && m->decision == BMIS_DECISION_REFUSED)
    st = bmis__person_refusal_allowed(s, res->person_id, err);
  if (st == BMIS_OK)
    st = bmis__movement_insert(s, m, now, err);
  /* Only the inserts above can meet a key another transaction wrote. */
  *collided = st == BMIS_E_CONFLICT;
  /* A referral decision always has something to refer to. */
  if (st == BMIS_OK && m->decision == BMIS_DECISION_REFERRED &&
      c->referral_count == 0)
    c->referrals[c->referral_count++] = BMIS_REFERRAL_SECONDARY;
  for (int i = 0; st == BMIS_OK && i < c->referral_count; i++) {
    bmis_referral r;
    memset(&r, 0, sizeof r);
    st = bmis_uuid_v7_at(now * 1000, r.id, err);
    memcpy(r.movement_id, m->id, BMIS_ID_SIZE);
    r.kind = c->referrals[i];
    r.open = true;
    r.opened_at = m->crossed_at;
    if (st == BMIS_OK)
      st = bmis__referral_insert(s, &r, err);
  }
  /* a need for protection expressed now reaches back to a refusal of the
   * person that has not been carried out */
  if (st == BMIS_OK && protective) {
    bmis_change ch;
    memset(&ch, 0, sizeof ch);
    snprintf(ch.by, sizeof ch.by, "%s", m->officer[0] ? m->officer : "system");
    snprintf(ch.reason, sizeof ch.reason,
             "a protection need was expressed at a later crossing (movement "
             "%s): referred",
             m->id);
    ch.at = m->crossed_at;
    st = bmis__person_refusals_to_referrals(s, res->person_id, m->id, &ch, NULL,
                                            err);
  }
  if (st == BMIS_OK)
    st = bmis__person_restay_after(s, res->person_id, m, last_at, &res->flags,
                                   err);
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  if (st == BMIS_OK)
    memcpy(res->movement_id, m->id, BMIS_ID_SIZE);
  return st;
}

bmis_status bmis_movement_record(bmis_store *s, const bmis_crossing *in,
                                 bmis_record_result *res, bmis_error *err) {
  bmis_record_result ignored;
  if (!res)
    res = &ignored;
  memset(res, 0, sizeof *res);
  if (!s || !in)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or crossing");
  if (in->recorded_at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "recorded_at: the time the crossing is recorded is "
                          "required");
  bmis_register_config cfg;
  bmis_status st = bmis__config(s, &cfg, err);
  if (st != BMIS_OK)
    return st;
  bmis_crossing *c = bmis__malloc(sizeof *c);
  if (!c)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  *c = *in;
  bmis_movement *m = &c->movement;
  st = validate_person(c, err);
  bool national =
      cfg.state[0] && strcmp(c->traveller.nationality, cfg.state) == 0;
  if (st == BMIS_OK)
    st = validate_movement(s, m, c->permitted_days, national, &cfg, err);
  if (st != BMIS_OK) {
    bmis__free(c);
    return st;
  }
  memcpy(m->nationality, c->traveller.nationality, sizeof m->nationality);
  m->version = 1;
  m->voided = false;
  /* Another recorder may be writing the same crossing (a client retrying
   * while its first attempt is still committing) or the same new document:
   * its row is invisible until it commits, and our insert then fails on the
   * unique key. Once it has committed, a second attempt sees the row and
   * answers as a replay would: a duplicate, or the known document. */
  bmis_crossing *work = bmis__malloc(sizeof *work);
  if (!work) {
    bmis__free(c);
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  for (int attempt = 0; attempt < 2; attempt++) {
    *work = *c;
    memset(res, 0, sizeof *res);
    bool collided = false;
    st = record_once(s, work, res, &collided, err);
    if (st != BMIS_E_CONFLICT || !collided)
      break;
  }
  bmis__free(work);
  bmis__free(c);
  return st;
}

bmis_status bmis_movement_get(bmis_store *s, const char *id, bmis_movement *out,
                              bmis_error *err) {
  return bmis__movement_get(s, id, out, err);
}

/* ---- changing a recorded movement ---- */

static bmis_status need_change(const bmis_change *c, bool reason,
                               bmis_error *err) {
  if (!c || !c->by[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "by: who makes the change must be given");
  bmis_status st =
      bmis_text_check_field(c->by, sizeof c->by, BMIS_TEXT_LINE, "by", err);
  if (st == BMIS_OK)
    st = bmis_text_check_field(c->reason, sizeof c->reason,
                               reason ? BMIS_TEXT_LINES
                                      : BMIS_TEXT_LINES | BMIS_TEXT_EMPTY_OK,
                               "reason", err);
  return st;
}

/* Whether m's traveller is a national of the operating State, into
 * *national; a failure to read the configuration is the call's failure
 * (not "not a national"). */
static bmis_status is_national(bmis_store *s, const bmis_movement *m,
                               bmis_register_config *cfg, bool *national,
                               bmis_error *err) {
  bmis_status st = bmis__config(s, cfg, err);
  *national =
      st == BMIS_OK && cfg->state[0] && strcmp(m->nationality, cfg->state) == 0;
  return st;
}

/* After a change to one of the person's movements (see
 * bmis__person_protection_reaches_back). */
static bmis_status reaches_back(bmis_store *s, const bmis_movement *m,
                                const bmis_change *change, bmis_error *err) {
  bmis_traveller t;
  bmis_status st = bmis__traveller_get(s, m->traveller_id, &t, err);
  return st == BMIS_OK
             ? bmis__person_protection_reaches_back(s, t.person_id, change, err)
             : st;
}

/* Shared by decide and correct: loads the current version, builds the next
 * with `apply`, validates and saves it. */
static bmis_status change_movement(bmis_store *s, const bmis_movement *given,
                                   const char *kind, const bmis_change *change,
                                   bmis_error *err) {
  bmis_status st = need_change(change, strcmp(kind, "decision") != 0, err);
  if (st != BMIS_OK)
    return st;
  bmis_movement old, next;
  st = bmis__tx_begin(s, err);
  if (st == BMIS_OK)
    st = bmis__movement_get(s, given->id, &old, err);
  if (st == BMIS_OK && old.voided)
    st = bmis_error_set(err, BMIS_E_RULE, "movement %s is void", old.id);
  if (st == BMIS_OK) {
    if (strcmp(kind, "decision") == 0) {
      next = old;
      next.decision = given->decision;
      memcpy(next.grounds, given->grounds, sizeof next.grounds);
      memcpy(next.decision_note, given->decision_note,
             sizeof next.decision_note);
      next.permitted_until = given->permitted_until;
      if (given->officer[0])
        memcpy(next.officer, given->officer, sizeof next.officer);
    } else if (strncmp(given->officer, old.officer, sizeof old.officer) != 0) {
      /* Who decided, and at which desk, is the decision's author: a
       * correction changes what was decided, and its own author is kept
       * in the history (bmis_change.by). */
      st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "officer: who decided is not corrected; the "
                          "correction itself is recorded with its author");
    } else if (strncmp(given->desk, old.desk, sizeof old.desk) != 0) {
      st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "desk: where the decision was taken is not "
                          "corrected; the correction itself is recorded with "
                          "its author");
    } else {
      next = *given;
      memcpy(next.traveller_id, old.traveller_id, BMIS_ID_SIZE);
      memcpy(next.document_id, old.document_id, BMIS_ID_SIZE);
      memcpy(next.nationality, old.nationality, sizeof next.nationality);
      next.voided = false;
    }
    if (st == BMIS_OK) {
      bmis_register_config cfg;
      bool national = false;
      st = is_national(s, &old, &cfg, &national, err);
      if (st == BMIS_OK)
        st = validate_movement(s, &next, 0, national, &cfg, err);
    }
  }
  /* a person with an open protective referral is not refused, by a later
   * decision or a correction either */
  if (st == BMIS_OK && next.decision == BMIS_DECISION_REFUSED &&
      old.decision != BMIS_DECISION_REFUSED) {
    bmis_traveller t;
    st = bmis__traveller_get(s, old.traveller_id, &t, err);
    if (st == BMIS_OK)
      st = bmis__person_refusal_allowed(s, t.person_id, err);
  }
  if (st == BMIS_OK)
    st = bmis__movement_save_version(s, &old, &next, kind, change, err);
  if (st == BMIS_OK)
    st = reaches_back(s, &old, change, err);
  /* A referral decided in secondary inspection closes the examination. */
  if (st == BMIS_OK && strcmp(kind, "decision") == 0 &&
      next.decision != BMIS_DECISION_REFERRED)
    st = bmis__referral_close(s, old.id, BMIS_REFERRAL_SECONDARY, change->at,
                              err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_movement_decide(bmis_store *s, const bmis_movement *decided,
                                 const bmis_change *change, bmis_error *err) {
  return change_movement(s, decided, "decision", change, err);
}

bmis_status bmis_movement_correct(bmis_store *s, const bmis_movement *corrected,
                                  const bmis_change *change, bmis_error *err) {
  return change_movement(s, corrected, "correction", change, err);
}

bmis_status bmis_movement_void(bmis_store *s, const char *id,
                               const bmis_change *change, bmis_error *err) {
  bmis_status st = need_change(change, true, err);
  if (st != BMIS_OK)
    return st;
  bmis_movement old, next;
  st = bmis__tx_begin(s, err);
  if (st == BMIS_OK)
    st = bmis__movement_get(s, id, &old, err);
  if (st == BMIS_OK && old.voided)
    st = bmis_error_set(err, BMIS_E_RULE, "movement %s is already void", id);
  if (st == BMIS_OK) {
    next = old;
    next.voided = true;
    st = bmis__movement_save_version(s, &old, &next, "void", change, err);
  }
  if (st == BMIS_OK)
    st = reaches_back(s, &old, change, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

/* ---- reading ---- */

typedef struct version_ctx {
  bmis_movement_version_fn fn;
  void *ctx;
} version_ctx;

static int call_version(int version, const char *kind, const char *by,
                        const char *reason, int64_t at, const char *before,
                        void *ctx) {
  version_ctx *v = ctx;
  bmis_movement_version mv;
  memset(&mv, 0, sizeof mv);
  mv.version = version;
  /* Rows an older version wrote (a reason cut inside a character) still
   * read back: repaired, never dropped. */
  bmis__text_repair(mv.kind, sizeof mv.kind, kind);
  bmis__text_repair(mv.by, sizeof mv.by, by);
  bmis__text_repair(mv.reason, sizeof mv.reason, reason);
  mv.at = at;
  bmis_movement_from_json(before, strlen(before), &mv.before, NULL);
  return v->fn(&mv, v->ctx);
}

bmis_status bmis_movement_history(bmis_store *s, const char *id,
                                  bmis_movement_version_fn fn, void *ctx,
                                  bmis_error *err) {
  version_ctx v = {fn, ctx};
  return bmis__movement_version_list(s, id, call_version, &v, err);
}

/* A person's movements with the filter's other conditions applied here
 * (a person has few). */
typedef struct person_filter {
  const bmis_movement_filter *f;
  bmis_movement_fn fn;
  void *ctx;
  int64_t passed;
} person_filter;

static int filter_person(const bmis_movement *m, void *ctx) {
  person_filter *p = ctx;
  const bmis_movement_filter *f = p->f;
  if ((f->bcp[0] && strcmp(m->bcp, f->bcp) != 0) ||
      (f->nationality[0] && strcmp(m->nationality, f->nationality) != 0) ||
      (f->direction && m->direction != f->direction) ||
      (f->decision && m->decision != f->decision) ||
      (f->from.year && bmis_date_compare(m->local_date, f->from) < 0) ||
      (f->to.year && bmis_date_compare(m->local_date, f->to) > 0))
    return 0;
  if (p->fn(m, p->ctx))
    return 1;
  return f->limit > 0 && ++p->passed >= f->limit;
}

bmis_status bmis_movement_list(bmis_store *s, const bmis_movement_filter *f,
                               bmis_movement_fn fn, void *ctx,
                               bmis_error *err) {
  if (f->person_id[0]) {
    person_filter p = {f, fn, ctx, 0};
    return bmis__movement_by_person(s, f->person_id, f->include_voided,
                                    filter_person, &p, err);
  }
  /* Local dates are within a day of UTC (offsets are at most ±14 h). */
  int64_t lo = INT64_MIN / 2, hi = INT64_MAX / 2;
  if (f->from.year) {
    if (!bmis_date_is_valid(f->from))
      return bmis_error_set(err, BMIS_E_INVALID_ARG, "from: not a date");
    lo = ((int64_t)bmis_date_to_days(f->from) - 1) * 86400;
  }
  if (f->to.year) {
    if (!bmis_date_is_valid(f->to))
      return bmis_error_set(err, BMIS_E_INVALID_ARG, "to: not a date");
    hi = ((int64_t)bmis_date_to_days(f->to) + 2) * 86400;
  }
  return bmis__movement_list(s, f, lo, hi, fn, ctx, err);
}

bmis_status bmis_movement_referrals(bmis_store *s, const char *movement_id,
                                    bmis_referral_fn fn, void *ctx,
                                    bmis_error *err) {
  return bmis__referral_by_movement(s, movement_id, fn, ctx, err);
}

/* The request bodies of the desk from their JSON forms (docs/API.md): an
 * inspection request, a decision, the protection answers. Every error
 * names the member at fault by its path ("card.purpose: ..."). The code
 * lists are read through their public names (bmis_trafficking_parse,
 * bmis_minor_alternative_parse: base/codes.c). Whether a refusal notice
 * exists in the language asked for is the decision's rule
 * (inspect/decide.c), not the form's. The inspection keeps its request
 * in the same form (bmis__wire_inspection_request_text), read back at the
 * decision and when a protection need is raised. */
#include "wire/json_text.h"
#include "wire/wire_internal.h"
#include "wire/wire_json.h"

#include "bmis/country.h"
#include "bmis/inspect.h"
#include "bmis/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *load_object(const char *text, size_t len, bmis_error *err) {
  json_error_t je;
  json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  if (!root) {
    bmis_error_set(err, BMIS_E_PARSE, "JSON at line %d column %d: %s", je.line,
                   je.column, je.text);
    return NULL;
  }
  if (!json_is_object(root)) {
    json_decref(root);
    bmis_error_set(err, BMIS_E_PARSE, "the body must be a JSON object");
    return NULL;
  }
  return root;
}

const char *bmis__wire_unknown_member(json_t *o, const char *const *names) {
  const char *key;
  json_t *v;
  json_object_foreach(o, key, v) {
    bool known = false;
    for (size_t i = 0; names[i] && !known; i++)
      known = strcmp(names[i], key) == 0;
    if (!known)
      return key;
  }
  return NULL;
}

/* Every member of o is among names; else the first unknown one. */
static bmis_status only(json_t *o, const char *where, const char *const *names,
                        bmis_error *err) {
  const char *key = bmis__wire_unknown_member(o, names);
  if (!key)
    return BMIS_OK;
  return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s%s%.64s: unknown member",
                        where, *where ? "." : "", key);
}

/* A string member copied into out (cap bytes); absent leaves out alone. */
static bmis_status text(json_t *o, const char *where, const char *name,
                        char *out, size_t cap, bool required, bmis_error *err) {
  json_t *v = json_object_get(o, name);
  if (!v || json_is_null(v)) {
    if (required)
      return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s%s%s: missing", where,
                            *where ? "." : "", name);
    return BMIS_OK;
  }
  if (!json_is_string(v))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s%s%s: must be a string",
                          where, *where ? "." : "", name);
  size_t n = json_string_length(v);
  if (memchr(json_string_value(v), 0, n))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s%s%s: holds a NUL character", where,
                          *where ? "." : "", name);
  /* Refused, never cut; line breaks only where text runs over lines. */
  static const char *const multiline[] = {"mrz", "local_address", "explanation",
                                          "note"};
  unsigned flags = BMIS_TEXT_EMPTY_OK;
  for (size_t i = 0; i < sizeof multiline / sizeof *multiline; i++)
    if (strcmp(name, multiline[i]) == 0)
      flags |= BMIS_TEXT_LINES;
  char what[96];
  snprintf(what, sizeof what, "%s%s%s", where, *where ? "." : "", name);
  return bmis_text_copy(out, cap, json_string_value(v), flags, what, err);
}

static bmis_status flag(json_t *o, const char *where, const char *name,
                        bool *out, bmis_error *err) {
  json_t *v = json_object_get(o, name);
  if (!v || json_is_null(v))
    return BMIS_OK;
  if (!json_is_boolean(v))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s.%s: must be true or false", where, name);
  *out = json_is_true(v);
  return BMIS_OK;
}

static bmis_status number(json_t *o, const char *where, const char *name,
                          int lo, int hi, int *out, bmis_error *err) {
  json_t *v = json_object_get(o, name);
  if (!v || json_is_null(v))
    return BMIS_OK;
  if (!json_is_integer(v) || json_integer_value(v) < lo ||
      json_integer_value(v) > hi)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s%s%s: must be a whole number %d..%d", where,
                          *where ? "." : "", name, lo, hi);
  *out = (int)json_integer_value(v);
  return BMIS_OK;
}

static bmis_status code(json_t *o, const char *where, const char *name,
                        bmis_code_list list, int *out, bmis_error *err) {
  char buf[40] = "";
  bmis_status st = text(o, where, name, buf, sizeof buf, false, err);
  if (st != BMIS_OK || !buf[0])
    return st;
  *out = bmis_code_value(list, buf);
  if (*out)
    return BMIS_OK;
  char all[256];
  size_t n = 0;
  all[0] = 0;
  for (int i = 1; i <= bmis_code_count(list) && n < sizeof all; i++)
    n += (size_t)snprintf(all + n, sizeof all - n, "%s%s", i > 1 ? ", " : "",
                          bmis_code_name(list, i));
  return bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "%s%s%s: \"%.32s\" is not one of %s", where,
                        *where ? "." : "", name, buf, all);
}

static bmis_status country(json_t *o, const char *where, const char *name,
                           char out[4], bmis_error *err) {
  char buf[8] = "";
  bmis_status st = text(o, where, name, buf, sizeof buf, false, err);
  if (st != BMIS_OK || !buf[0])
    return st;
  for (char *p = buf; *p; p++)
    if (*p >= 'a' && *p <= 'z')
      *p = (char)(*p - 'a' + 'A');
  const bmis_country *c = bmis_country_lookup(buf);
  if (!c || strlen(buf) > 3)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s.%s: \"%s\" is not a country code", where, name,
                          buf);
  snprintf(out, 4, "%.3s", buf);
  return BMIS_OK;
}

static bmis_status read_card(json_t *card, bmis_movement *m, bmis_error *err) {
  static const char *const names[] = {
      "transport",     "carrier",           "transport_number",
      "route_country", "residence_country", "purpose",
      "intended_days", "local_address",     NULL};
  if (!json_is_object(card))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "card: must be an object");
  int v = 0;
  bmis_status st = only(card, "card", names, err);
  if (st == BMIS_OK)
    st = code(card, "card", "transport", BMIS_LIST_TRANSPORT, &v, err);
  m->transport = (bmis_transport)v;
  v = 0;
  if (st == BMIS_OK)
    st = code(card, "card", "purpose", BMIS_LIST_PURPOSE, &v, err);
  m->purpose = (bmis_purpose)v;
  if (st == BMIS_OK)
    st = text(card, "card", "carrier", m->carrier, sizeof m->carrier, false,
              err);
  if (st == BMIS_OK)
    st = text(card, "card", "transport_number", m->transport_number,
              sizeof m->transport_number, false, err);
  if (st == BMIS_OK)
    st = text(card, "card", "local_address", m->local_address,
              sizeof m->local_address, false, err);
  if (st == BMIS_OK)
    st = country(card, "card", "route_country", m->route_country, err);
  if (st == BMIS_OK)
    st = country(card, "card", "residence_country", m->residence_country, err);
  if (st == BMIS_OK)
    st = number(card, "card", "intended_days", 1, 3660, &m->intended_days, err);
  return st;
}

static bmis_status read_protection(json_t *p, bmis_protection *rq,
                                   bmis_error *err) {
  static const char *const names[] = {"asylum", "unaccompanied",
                                      "trafficking_indicators", NULL};
  if (!json_is_object(p))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "protection: must be an object");
  bmis_status st = only(p, "protection", names, err);
  if (st == BMIS_OK)
    st = flag(p, "protection", "asylum", &rq->asylum, err);
  if (st == BMIS_OK)
    st = flag(p, "protection", "unaccompanied", &rq->unaccompanied, err);
  json_t *ti = json_object_get(p, "trafficking_indicators");
  if (st != BMIS_OK || !ti || json_is_null(ti))
    return st;
  if (!json_is_array(ti))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "protection.trafficking_indicators: must be a list "
                          "of indicator codes");
  size_t i;
  json_t *c;
  json_array_foreach(ti, i, c) {
    bmis_trafficking_indicator ind =
        json_is_string(c) ? bmis_trafficking_parse(json_string_value(c))
                          : BMIS_TRAFFICKING_NONE;
    if (!ind)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "protection.trafficking_indicators[%zu]: not an "
                            "indicator code (see GET /api/reference)",
                            i);
    rq->trafficking |= 1u << (ind - 1);
  }
  return BMIS_OK;
}

bmis_status bmis_inspection_request_from_json(const char *t, size_t len,
                                              bmis_inspection_request *out,
                                              bmis_error *err) {
  static const char *const names[] = {"mrz", "direction", "card", "protection",
                                      NULL};
  memset(out, 0, sizeof *out);
  json_t *root = load_object(t, len, err);
  if (!root)
    return BMIS_E_PARSE;
  int dir = 0;
  bmis_status st = only(root, "", names, err);
  if (st == BMIS_OK)
    st = text(root, "", "mrz", out->mrz, sizeof out->mrz, true, err);
  if (st == BMIS_OK)
    st = code(root, "", "direction", BMIS_LIST_DIRECTION, &dir, err);
  if (st == BMIS_OK && !dir)
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "direction: missing (entry or exit)");
  out->card.direction = (bmis_direction)dir;
  json_t *card = json_object_get(root, "card");
  if (st == BMIS_OK && card && !json_is_null(card))
    st = read_card(card, &out->card, err);
  json_t *prot = json_object_get(root, "protection");
  bmis_protection p = {false, false, 0};
  if (st == BMIS_OK && prot && !json_is_null(prot))
    st = read_protection(prot, &p, err);
  out->asylum = p.asylum;
  out->unaccompanied = p.unaccompanied;
  out->trafficking = p.trafficking;
  json_decref(root);
  return st;
}

bmis_status bmis_protection_from_json(const char *t, size_t len,
                                      bmis_protection *out, bmis_error *err) {
  memset(out, 0, sizeof *out);
  json_t *root = load_object(t, len, err);
  if (!root)
    return BMIS_E_PARSE;
  bmis_status st = read_protection(root, out, err);
  json_decref(root);
  return st;
}

bmis_status bmis_inspection_decision_from_json(const char *t, size_t len,
                                               bmis_inspection_decision *out,
                                               bmis_error *err) {
  static const char *const names[] = {
      "decision",    "entry_type", "permitted_days",      "grounds",
      "explanation", "language",   "held_pending_return", "minor_alternative",
      "note",        "outcome",    "protection",          "authority_outcome",
      NULL};
  memset(out, 0, sizeof *out);
  json_t *root = load_object(t, len, err);
  if (!root)
    return BMIS_E_PARSE;
  char word[16] = "", alt[40] = "";
  bmis_status st = only(root, "", names, err);
  char outcome[24] = "";
  if (st == BMIS_OK)
    st = text(root, "", "outcome", outcome, sizeof outcome, false, err);
  if (st == BMIS_OK && outcome[0]) {
    if (!strcmp(outcome, "admitted"))
      out->outcome = BMIS_OUTCOME_ADMITTED;
    else if (!strcmp(outcome, "refused"))
      out->outcome = BMIS_OUTCOME_REFUSED;
    else if (!strcmp(outcome, "referred_onward"))
      out->outcome = BMIS_OUTCOME_REFERRED_ONWARD;
    else
      st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "outcome: \"%s\" is not admitted, refused or "
                          "referred_onward",
                          outcome);
    if (st == BMIS_OK && json_object_get(root, "decision"))
      st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "decision: give the outcome or the decision, not "
                          "both");
    snprintf(word, sizeof word, "%s",
             out->outcome == BMIS_OUTCOME_ADMITTED  ? "admit"
             : out->outcome == BMIS_OUTCOME_REFUSED ? "refuse"
                                                    : "refer");
  } else if (st == BMIS_OK) {
    st = text(root, "", "decision", word, sizeof word, true, err);
  }
  if (st == BMIS_OK) {
    if (!strcmp(word, "admit") || !strcmp(word, "admitted"))
      out->decision = BMIS_DECISION_ADMITTED;
    else if (!strcmp(word, "refuse") || !strcmp(word, "refused"))
      out->decision = BMIS_DECISION_REFUSED;
    else if (!strcmp(word, "refer") || !strcmp(word, "referred"))
      out->decision = BMIS_DECISION_REFERRED;
    else
      st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "decision: \"%s\" is not admit, refuse or refer",
                          word);
  }
  if (st == BMIS_OK)
    st = text(root, "", "entry_type", out->entry_type, sizeof out->entry_type,
              false, err);
  if (st == BMIS_OK)
    st = number(root, "", "permitted_days", 1, 3660, &out->permitted_days, err);
  if (st == BMIS_OK)
    st = text(root, "", "grounds", out->grounds, sizeof out->grounds, false,
              err);
  if (st == BMIS_OK)
    st = text(root, "", "explanation", out->explanation,
              sizeof out->explanation, false, err);
  if (st == BMIS_OK)
    st = text(root, "", "language", out->language, sizeof out->language, false,
              err);
  if (st == BMIS_OK) {
    json_t *h = json_object_get(root, "held_pending_return");
    if (h && !json_is_null(h) && !json_is_boolean(h))
      st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "held_pending_return: must be true or false");
    out->held_pending_return = h && json_is_true(h);
  }
  if (st == BMIS_OK)
    st = text(root, "", "minor_alternative", alt, sizeof alt, false, err);
  if (st == BMIS_OK && alt[0] &&
      !(out->minor_alternative = bmis_minor_alternative_parse(alt)))
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "minor_alternative: \"%s\" is not family, "
                        "child_protection_services or other",
                        alt);
  if (st == BMIS_OK)
    st = text(root, "", "note", out->note, sizeof out->note, false, err);
  if (st == BMIS_OK)
    st = text(root, "", "authority_outcome", out->authority_outcome,
              sizeof out->authority_outcome, false, err);
  json_t *prot = json_object_get(root, "protection");
  if (st == BMIS_OK && prot && !json_is_null(prot))
    st = read_protection(prot, &out->protection, err);
  json_decref(root);
  return st;
}

/* ---- the request as the inspection keeps it ---- */

static bool put_text(json_t *o, const char *name, const char *v) {
  return !v[0] || json_object_set_new(o, name, json_string(v)) == 0;
}

char *bmis__wire_inspection_request_text(const bmis_inspection_request *rq) {
  const bmis_movement *m = &rq->card;
  json_t *ti = json_array(), *card = json_object();
  bool ok = ti && card;
  for (int i = 1; ok && i < BMIS_TRAFFICKING_COUNT; i++)
    if (rq->trafficking & (1u << (i - 1)))
      ok = json_array_append_new(ti, json_string(bmis_trafficking_code(
                                         (bmis_trafficking_indicator)i))) == 0;
  ok = ok &&
       put_text(card, "transport",
                bmis_code_name(BMIS_LIST_TRANSPORT, m->transport)) &&
       put_text(card, "purpose",
                bmis_code_name(BMIS_LIST_PURPOSE, m->purpose)) &&
       put_text(card, "carrier", m->carrier) &&
       put_text(card, "transport_number", m->transport_number) &&
       put_text(card, "route_country", m->route_country) &&
       put_text(card, "residence_country", m->residence_country) &&
       (!m->intended_days ||
        json_object_set_new(card, "intended_days",
                            json_integer(m->intended_days)) == 0) &&
       put_text(card, "local_address", m->local_address);
  if (!ok) {
    json_decref(ti);
    json_decref(card);
    return NULL;
  }
  /* json_pack takes the references of "o" members, also when it fails */
  json_t *o = json_pack(
      "{s:s, s:s, s:o, s:{s:b, s:b, s:o}}", "mrz", rq->mrz, "direction",
      bmis_code_name(BMIS_LIST_DIRECTION, m->direction), "card", card,
      "protection", "asylum", rq->asylum, "unaccompanied", rq->unaccompanied,
      "trafficking_indicators", ti);
  char *text = o ? bmis__json_dumps(o, JSON_COMPACT) : NULL;
  json_decref(o);
  return text;
}

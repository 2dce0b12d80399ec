/* The register's types as JSON: movements (the form the history keeps),
 * travellers, documents and crossings (the form `bmis movement record`
 * reads), and crossings from an MRZ. Members are described by tables, which
 * both the encoders and the decoders walk, so a member is added once; an
 * unknown member, a wrong type or an over-long value is an error naming the
 * member. Only doc/ and base/ are called (wire sits below the domains). */
#include "base/alloc.h"
#include "bmis/doc.h"
#include "bmis/text.h"
#include "bmis/wire.h"
#include "wire/json_text.h"
#include "wire/wire_internal.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum kind {
  K_TEXT,  /* char[size], one line */
  K_LINES, /* char[size], line breaks and tabs allowed */
  K_ID,    /* char[BMIS_ID_SIZE], a UUID */
  K_DATE,  /* bmis_date, full */
  K_PDATE, /* bmis_date, may be partial: "1980", "1980-05" */
  K_TIME,  /* int64_t Unix seconds, ISO text */
  K_INT,   /* int */
  K_CODE,  /* enum from a code list */
  K_SEX,   /* char */
  K_BOOL   /* bool */
} kind;

/* Which way a member travels. */
enum { BOTH = 0, OUT_ONLY = 1, IN_ONLY = 2 };

typedef struct member {
  const char *name;
  kind kind;
  size_t off, size;
  bmis_code_list list;
  int way; /* BOTH; OUT_ONLY: written, never read from a crossing; IN_ONLY:
             read from a crossing, never written */
} member;

#define TEXT(s, f)                                                             \
  { #f, K_TEXT, offsetof(s, f), sizeof(((s *)0)->f), 0, 0 }
#define LINES(s, f)                                                            \
  { #f, K_LINES, offsetof(s, f), sizeof(((s *)0)->f), 0, 0 }
#define OF(s, f, k)                                                            \
  { #f, k, offsetof(s, f), sizeof(((s *)0)->f), 0, 0 }
#define CODE(s, f, l)                                                          \
  { #f, K_CODE, offsetof(s, f), 0, l, 0 }
#define OUT(s, f, k)                                                           \
  { #f, k, offsetof(s, f), sizeof(((s *)0)->f), 0, OUT_ONLY }
#define IN(s, f, k)                                                            \
  { #f, k, offsetof(s, f), sizeof(((s *)0)->f), 0, IN_ONLY }

static const member movement_members[] = {
    OF(bmis_movement, id, K_ID),
    OUT(bmis_movement, traveller_id, K_ID),
    OUT(bmis_movement, document_id, K_ID),
    CODE(bmis_movement, direction, BMIS_LIST_DIRECTION),
    TEXT(bmis_movement, bcp),
    OF(bmis_movement, crossed_at, K_TIME),
    OUT(bmis_movement, local_date, K_DATE),
    CODE(bmis_movement, transport, BMIS_LIST_TRANSPORT),
    TEXT(bmis_movement, carrier),
    TEXT(bmis_movement, transport_number),
    TEXT(bmis_movement, route_country),
    TEXT(bmis_movement, residence_country),
    CODE(bmis_movement, purpose, BMIS_LIST_PURPOSE),
    OF(bmis_movement, intended_days, K_INT),
    LINES(bmis_movement, local_address),
    TEXT(bmis_movement, entry_type),
    OF(bmis_movement, permitted_until, K_DATE),
    CODE(bmis_movement, decision, BMIS_LIST_DECISION),
    TEXT(bmis_movement, grounds),
    LINES(bmis_movement, decision_note),
    TEXT(bmis_movement, officer),
    TEXT(bmis_movement, desk),
    OUT(bmis_movement, nationality, K_TEXT),
    OUT(bmis_movement, voided, K_BOOL),
    OUT(bmis_movement, version, K_INT),
};

/* In the order the CLI has always written them. */
static const member traveller_members[] = {
    OUT(bmis_traveller, id, K_ID),      OUT(bmis_traveller, person_id, K_ID),
    TEXT(bmis_traveller, surname),      TEXT(bmis_traveller, given_names),
    OF(bmis_traveller, birth, K_PDATE), OF(bmis_traveller, sex, K_SEX),
    TEXT(bmis_traveller, nationality),  TEXT(bmis_traveller, birth_country),
};

static const member document_members[] = {
    OUT(bmis_document, id, K_ID),    OUT(bmis_document, traveller_id, K_ID),
    TEXT(bmis_document, type),       TEXT(bmis_document, issuing_state),
    TEXT(bmis_document, number),     OF(bmis_document, expiry, K_DATE),
    IN(bmis_document, mrz, K_LINES),
};

#define COUNT(a) (sizeof a / sizeof a[0])

static const member *find(const member *t, size_t n, const char *name) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(t[i].name, name) == 0)
      return &t[i];
  return NULL;
}

static bmis_status type_error(const char *where, const char *name,
                              const char *want, bmis_error *err) {
  return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s%s%s: must be %s", where,
                        *where ? "." : "", name, want);
}

static bmis_status parse_date(const char *where, const char *name,
                              const char *text, bool partial, bmis_date *out,
                              bmis_error *err) {
  size_t n = strlen(text);
  bmis_error e;
  if (n == 0) {
    memset(out, 0, sizeof *out);
    return BMIS_OK;
  }
  if (n == 10 && bmis_date_parse_iso(text, out, &e) == BMIS_OK)
    return BMIS_OK;
  if (partial && bmis_date_parse_partial(text, out, &e) == BMIS_OK)
    return BMIS_OK;
  return bmis_error_set(
      err, BMIS_E_INVALID_ARG, "%s%s%s: '%.20s' is not a date (YYYY-MM-DD%s)",
      where, *where ? "." : "", name, text, partial ? ", YYYY-MM or YYYY" : "");
}

/* Reads one member's value into the struct at base. */
static bmis_status read_member(const member *m, json_t *v, void *base,
                               const char *where, bmis_error *err) {
  char *p = (char *)base + m->off;
  if (m->kind == K_INT) {
    if (!json_is_integer(v) || json_integer_value(v) < 0 ||
        json_integer_value(v) > 1000000)
      return type_error(where, m->name, "a whole number from 0", err);
    int i = (int)json_integer_value(v);
    memcpy(p, &i, sizeof i);
    return BMIS_OK;
  }
  if (m->kind == K_BOOL) {
    if (!json_is_boolean(v))
      return type_error(where, m->name, "true or false", err);
    *(bool *)(void *)p = json_is_true(v);
    return BMIS_OK;
  }
  if (!json_is_string(v))
    return type_error(where, m->name, "a string", err);
  const char *text = json_string_value(v);
  size_t len = json_string_length(v);
  if (strlen(text) != len)
    return type_error(where, m->name, "text without NUL characters", err);
  switch (m->kind) {
  case K_TEXT:
  case K_LINES:
  case K_ID: {
    /* Refused, never cut (issue 12, defect 4); the member as named. */
    char what[96];
    snprintf(what, sizeof what, "%s%s%s", where, *where ? "." : "", m->name);
    if (m->kind == K_ID && len && len < m->size && !bmis_uuid_is_valid(text))
      return type_error(where, m->name, "a UUID", err);
    return bmis_text_copy(p, m->size, text,
                          BMIS_TEXT_EMPTY_OK |
                              (m->kind == K_LINES ? BMIS_TEXT_LINES : 0),
                          what, err);
  }
  case K_DATE:
  case K_PDATE:
    return parse_date(where, m->name, text, m->kind == K_PDATE,
                      (bmis_date *)(void *)p, err);
  case K_TIME: {
    int64_t t;
    bmis_error e;
    if (bmis_time_parse(text, &t, &e) != BMIS_OK)
      return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s%s%s: %s", where,
                            *where ? "." : "", m->name, e.message);
    memcpy(p, &t, sizeof t);
    return BMIS_OK;
  }
  case K_CODE: {
    int value = len ? bmis_code_value(m->list, text) : 0;
    if (len && !value) {
      char codes[400] = "";
      for (int i = 1; i <= bmis_code_count(m->list); i++) {
        size_t used = strlen(codes);
        snprintf(codes + used, sizeof codes - used, "%s%s", i > 1 ? ", " : "",
                 bmis_code_name(m->list, i));
      }
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "%s%s%s: '%.32s' is not one of %s", where,
                            *where ? "." : "", m->name, text, codes);
    }
    memcpy(p, &value, sizeof value);
    return BMIS_OK;
  }
  case K_SEX:
    if (len > 1 || (len == 1 && !strchr("FMX<", toupper((unsigned char)*text))))
      return type_error(where, m->name, "F, M, X or empty", err);
    *p = len && *text != '<' ? (char)toupper((unsigned char)*text) : 0;
    return BMIS_OK;
  default: return bmis_error_set(err, BMIS_E_INTERNAL, "member kind");
  }
}

/* Reads every member of object o listed in t; other members are errors
 * unless `others` lists them (they are the caller's). */
static bmis_status read_object(const json_t *o, const member *t, size_t n,
                               void *base, const char *where,
                               const char *const *others, bool allow_output,
                               bmis_error *err) {
  if (!json_is_object(o))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: must be an object",
                          *where ? where : "crossing");
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)o, key, v) {
    const member *m = find(t, n, key);
    if (m && (m->way != OUT_ONLY || allow_output)) {
      if (json_is_null(v))
        continue;
      bmis_status st = read_member(m, v, base, where, err);
      if (st != BMIS_OK)
        return st;
      continue;
    }
    bool theirs = false;
    for (const char *const *x = others; x && *x; x++)
      if (strcmp(*x, key) == 0)
        theirs = true;
    if (!theirs)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "%s%sunknown member '%.40s'", where,
                            *where ? ": " : "", key);
  }
  return BMIS_OK;
}

/* A member's value, NULL when absent or null (null means "not given"). */
static json_t *present(const json_t *o, const char *name) {
  json_t *v = json_object_get(o, name);
  return json_is_null(v) ? NULL : v;
}

static bmis_status crossing_from(const json_t *root, bmis_crossing *c,
                                 bmis_error *err) {
  static const char *const crossing_members[] = {
      "traveller", "document", "mrz", "permitted_days", "referrals", NULL};
  bmis_status st = read_object(root, movement_members, COUNT(movement_members),
                               &c->movement, "", crossing_members, false, err);
  if (st != BMIS_OK)
    return st;
  json_t *mrz = present(root, "mrz");
  if (mrz) {
    if (!json_is_string(mrz))
      return type_error("", "mrz", "a string", err);
    bmis_date on = {0, 0, 0};
    if (c->movement.crossed_at > 0)
      on = bmis_date_from_days((int32_t)(c->movement.crossed_at / 86400));
    else
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "crossed_at: a time after 1970 is needed to "
                            "read the mrz (it resolves two-digit years)");
    st = bmis_crossing_from_mrz(json_string_value(mrz), json_string_length(mrz),
                                on, c, err);
    if (st != BMIS_OK)
      return st;
  }
  json_t *t = present(root, "traveller");
  if (t) {
    st = read_object(t, traveller_members, COUNT(traveller_members),
                     &c->traveller, "traveller", NULL, false, err);
    if (st != BMIS_OK)
      return st;
  } else if (!mrz) {
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "traveller: missing (or give the mrz)");
  }
  json_t *d = present(root, "document");
  if (d) {
    st = read_object(d, document_members, COUNT(document_members), &c->document,
                     "document", NULL, false, err);
    if (st != BMIS_OK)
      return st;
  } else if (!mrz) {
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document: missing (or give the mrz)");
  }
  json_t *pd = present(root, "permitted_days");
  if (pd) {
    if (!json_is_integer(pd) || json_integer_value(pd) < 1 ||
        json_integer_value(pd) > 3660)
      return type_error("", "permitted_days", "a number of days 1..3660", err);
    c->permitted_days = (int)json_integer_value(pd);
  }
  json_t *refs = present(root, "referrals");
  if (refs) {
    size_t cap = sizeof c->referrals / sizeof c->referrals[0];
    if (!json_is_array(refs) || json_array_size(refs) > cap)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "referrals: must be a list of at most %zu kinds",
                            cap);
    size_t i;
    json_t *r;
    json_array_foreach(refs, i, r) {
      int rk = json_is_string(r) ? bmis_code_value(BMIS_LIST_REFERRAL_KIND,
                                                   json_string_value(r))
                                 : 0;
      if (!rk)
        return bmis_error_set(err, BMIS_E_INVALID_ARG,
                              "referrals[%zu]: must be one of asylum, "
                              "child_protection, trafficking, medical, "
                              "secondary",
                              i);
      c->referrals[c->referral_count++] = (bmis_referral_kind)rk;
    }
  }
  return BMIS_OK;
}

json_t *bmis_wire_load(const char *text, size_t len, bmis_error *err) {
  json_error_t je;
  json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  if (!root)
    bmis_error_set(err, BMIS_E_PARSE, "JSON at line %d column %d: %s", je.line,
                   je.column, je.text);
  return root;
}

bmis_status bmis_wire_crossing_decode(const json_t *j, bmis_crossing *out,
                                      bmis_error *err) {
  memset(out, 0, sizeof *out);
  return crossing_from(j, out, err);
}

bmis_status bmis_crossing_from_json(const char *text, size_t len,
                                    bmis_crossing *out, bmis_error *err) {
  memset(out, 0, sizeof *out);
  json_t *root = bmis_wire_load(text, len, err);
  if (!root)
    return BMIS_E_PARSE;
  bmis_status st = bmis_wire_crossing_decode(root, out, err);
  json_decref(root);
  return st;
}

bmis_status bmis_wire_movement_decode(const json_t *j, bmis_movement *out,
                                      bmis_error *err) {
  return read_object(j, movement_members, COUNT(movement_members), out, "",
                     NULL, true, err);
}

bmis_status bmis_wire_traveller_decode(const json_t *j, bmis_traveller *out,
                                       bmis_error *err) {
  return read_object(j, traveller_members, COUNT(traveller_members), out,
                     "traveller", NULL, true, err);
}

bmis_status bmis_wire_document_decode(const json_t *j, bmis_document *out,
                                      bmis_error *err) {
  return read_object(j, document_members, COUNT(document_members), out,
                     "document", NULL, true, err);
}

bmis_status bmis_movement_from_json(const char *text, size_t len,
                                    bmis_movement *out, bmis_error *err) {
  json_t *root = bmis_wire_load(text, len, err);
  if (!root)
    return BMIS_E_PARSE;
  bmis_status st = bmis_wire_movement_decode(root, out, err);
  json_decref(root);
  return st;
}

/* ---- writing ---- */

static json_t *member_json(const member *m, const void *base) {
  const char *p = (const char *)base + m->off;
  char buf[32];
  switch (m->kind) {
  case K_TEXT:
  case K_LINES:
  case K_ID: return json_string(p);
  case K_DATE:
  case K_PDATE: {
    bmis_date d;
    memcpy(&d, p, sizeof d);
    if (!d.year)
      return json_string("");
    bmis_date_format_iso(d, buf);
    if (m->kind == K_PDATE && !d.month)
      buf[4] = 0;
    else if (m->kind == K_PDATE && !d.day)
      buf[7] = 0;
    return json_string(buf);
  }
  case K_TIME: {
    int64_t t;
    memcpy(&t, p, sizeof t);
    return json_string(bmis_time_format(t, buf));
  }
  case K_INT: {
    int i;
    memcpy(&i, p, sizeof i);
    return json_integer(i);
  }
  case K_CODE: {
    int v;
    memcpy(&v, p, sizeof v);
    return json_string(bmis_code_name(m->list, v));
  }
  case K_SEX:
    buf[0] = *p;
    buf[1] = 0;
    return json_string(buf);
  case K_BOOL: return json_boolean(*(const bool *)(const void *)p);
  }
  return json_null();
}

/* The members of t that are written, in table order. */
static json_t *write_object(const member *t, size_t n, const void *base) {
  json_t *o = json_object();
  for (size_t i = 0; o && i < n; i++) {
    if (t[i].way == IN_ONLY)
      continue;
    json_t *v = member_json(&t[i], base);
    if (!v || json_object_set_new(o, t[i].name, v) != 0) {
      json_decref(o);
      return NULL;
    }
  }
  return o;
}

json_t *bmis_wire_movement(const bmis_movement *m) {
  return write_object(movement_members, COUNT(movement_members), m);
}

json_t *bmis_wire_traveller(const bmis_traveller *t) {
  return write_object(traveller_members, COUNT(traveller_members), t);
}

json_t *bmis_wire_document(const bmis_document *d) {
  return write_object(document_members, COUNT(document_members), d);
}

/* Sets o[name] to v (a new reference); false, with o released, when either
 * is missing. */
static bool put(json_t *o, const char *name, json_t *v) {
  if (v && json_object_set_new(o, name, v) == 0)
    return true;
  return false;
}

json_t *bmis_wire_crossing(const bmis_crossing *c) {
  json_t *o = json_object(), *refs = json_array();
  bool ok = o && refs;
  for (size_t i = 0; ok && i < COUNT(movement_members); i++)
    if (movement_members[i].way == BOTH)
      ok = put(o, movement_members[i].name,
               member_json(&movement_members[i], &c->movement));
  json_t *t = NULL, *d = NULL;
  if (ok) {
    t = json_object();
    d = json_object();
    for (size_t i = 0; t && i < COUNT(traveller_members); i++)
      if (traveller_members[i].way == BOTH &&
          !put(t, traveller_members[i].name,
               member_json(&traveller_members[i], &c->traveller)))
        ok = false;
    for (size_t i = 0; d && i < COUNT(document_members); i++)
      if (document_members[i].way != OUT_ONLY &&
          !put(d, document_members[i].name,
               member_json(&document_members[i], &c->document)))
        ok = false;
    ok = ok && t && d && put(o, "traveller", t);
    t = NULL;
    ok = ok && put(o, "document", d);
    d = NULL;
  }
  for (int i = 0; ok && i < c->referral_count; i++)
    ok = json_array_append_new(
             refs, json_string(bmis_code_name(BMIS_LIST_REFERRAL_KIND,
                                              (int)c->referrals[i]))) == 0;
  if (ok && c->permitted_days)
    ok = put(o, "permitted_days", json_integer(c->permitted_days));
  if (ok && c->referral_count) {
    ok = put(o, "referrals", refs);
    refs = NULL;
  }
  json_decref(t);
  json_decref(d);
  json_decref(refs);
  if (!ok) {
    json_decref(o);
    return NULL;
  }
  return o;
}

char *bmis__wire_movement_snapshot(const bmis_movement *m) {
  json_t *o = bmis_wire_movement(m);
  char *text = o ? bmis__json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
  json_decref(o);
  return text;
}

char *bmis_movement_to_json(const bmis_movement *m) {
  json_t *o = bmis_wire_movement(m);
  char *text =
      o ? bmis__json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
  json_decref(o);
  return text;
}

/* ---- from an MRZ ---- */

bmis_status bmis_crossing_from_mrz(const char *text, size_t len, bmis_date on,
                                   bmis_crossing *c, bmis_error *err) {
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, on);
  bmis_doc *doc = bmis__malloc(sizeof *doc);
  if (!doc)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis_doc_parse(text, len, &opts, doc);
  for (int i = 0; i < doc->nfindings; i++) {
    const bmis_finding *f = &doc->findings[i];
    if (f->severity != BMIS_SEVERITY_ERROR || f->code == BMIS_FINDING_EXPIRED)
      continue;
    char msg[200];
    bmis_finding_message(f, msg, sizeof msg);
    const char *code = bmis_finding_code_name(f->code);
    bmis__free(doc);
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "mrz: %s (%s)", msg, code);
  }
  bmis__crossing_from_doc(doc, c);
  bmis__free(doc);
  return BMIS_OK;
}

void bmis__crossing_from_doc(const bmis_doc *doc, bmis_crossing *c) {
  bmis_traveller *t = &c->traveller;
  bmis_document *d = &c->document;
  char v[BMIS_DOC_VALUE_MAX];
  bmis_doc_field_value(doc, BMIS_FIELD_PRIMARY_IDENTIFIER, t->surname,
                       sizeof t->surname);
  bmis_doc_field_value(doc, BMIS_FIELD_SECONDARY_IDENTIFIER, t->given_names,
                       sizeof t->given_names);
  t->birth = doc->birth_date;
  bmis_doc_field_value(doc, BMIS_FIELD_SEX, v, sizeof v);
  t->sex = (v[0] == 'F' || v[0] == 'M' || v[0] == 'X') ? v[0] : 0;
  bmis_doc_field_value(doc, BMIS_FIELD_NATIONALITY, t->nationality,
                       sizeof t->nationality);
  bmis_doc_field_value(doc, BMIS_FIELD_DOCUMENT_CODE, d->type, sizeof d->type);
  bmis_doc_field_value(doc, BMIS_FIELD_ISSUING_STATE, d->issuing_state,
                       sizeof d->issuing_state);
  bmis_doc_field_value(doc, BMIS_FIELD_DOCUMENT_NUMBER, d->number,
                       sizeof d->number);
  d->expiry = doc->has_expiry ? doc->expiry_date : (bmis_date){0, 0, 0};
  size_t used = 0;
  for (int i = 0; i < doc->nlines; i++)
    used += (size_t)snprintf(d->mrz + used, sizeof d->mrz - used, "%s%s",
                             i ? "\n" : "", doc->lines[i]);
}

/* The JSON form of an inspection's result (docs/API.md): the encoder the
 * desk's answer and the stored snapshot are made with, the decoder that
 * reads a snapshot back, and the words of the reason codes
 * (BMIS_REASON_TABLE), made here at the edge. Calls only the public types'
 * code tables, dates and the doc module. Also the hits an inspection keeps
 * beside its snapshot for the rules at the decision
 * (bmis__wire_inspection_hits_text / _read). */
#include "base/alloc.h"
#include "wire/wire_internal.h"

#include "bmis/inspect.h"
#include "wire/json_text.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reason codes and their words ---- */

static const struct {
  const char *name;
  bmis_severity severity;
  const char *text;
} reasons[] = {{NULL, BMIS_SEVERITY_INFO, NULL},
#define X(n, code, sev, text) {code, BMIS_SEVERITY_##sev, text},
               BMIS_REASON_TABLE(X)
#undef X
};

const char *bmis_reason_code_name(bmis_reason_code code) {
  return code > 0 && code < BMIS_REASON_CODE_COUNT ? reasons[code].name : NULL;
}

bmis_severity bmis_reason_severity(bmis_reason_code code) {
  return code > 0 && code < BMIS_REASON_CODE_COUNT ? reasons[code].severity
                                                   : BMIS_SEVERITY_INFO;
}

const char *bmis_reason_template(bmis_reason_code code) {
  return code > 0 && code < BMIS_REASON_CODE_COUNT ? reasons[code].text : NULL;
}

bmis_reason_code bmis_reason_parse(const char *name) {
  for (int i = 1; name && i < BMIS_REASON_CODE_COUNT; i++)
    if (strcmp(reasons[i].name, name) == 0)
      return (bmis_reason_code)i;
  return BMIS_REASON_NONE;
}

/* A placeholder at p ("{t1}", "{n2}", "{s1}"): its kind and index, or 0. */
static char placeholder(const char *p, int *index) {
  if (p[0] != '{' || !strchr("tns", p[1]) || p[2] < '1' || p[2] > '3' ||
      p[3] != '}')
    return 0;
  *index = p[2] - '1';
  if (p[1] == 't' && *index > 1)
    return 0;
  return p[1];
}

size_t bmis_reason_message(const bmis_reason *r, char *buf, size_t cap) {
  const char *t = bmis_reason_template(r->code);
  size_t n = 0;
  if (cap)
    buf[0] = 0;
  if (!t)
    return 0;
#define PUT(s, len)                                                            \
  do {                                                                         \
    for (size_t k_ = 0; k_ < (len); k_++, n++)                                 \
      if (n + 1 < cap)                                                         \
        buf[n] = (s)[k_];                                                      \
  } while (0)
  for (const char *p = t; *p;) {
    int i;
    char kind = placeholder(p, &i);
    if (kind == 't') {
      PUT(r->text[i], strlen(r->text[i]));
    } else if (kind == 'n') {
      char num[16];
      int len = snprintf(num, sizeof num, "%d", r->number[i]);
      PUT(num, (size_t)len);
    } else if (kind == 's') {
      if (r->number[i] != 1)
        PUT("s", 1);
    } else {
      PUT(p, 1);
      p++;
      continue;
    }
    p += 4;
  }
#undef PUT
  if (cap)
    buf[n < cap ? n : cap - 1] = 0;
  return n;
}

/* Whether text is the words of template t, and its parameters (the way a
 * snapshot made before the codes were stored is read back). */
static bool reason_match(const char *t, const char *text, bmis_reason *r) {
  while (*t) {
    int i;
    char kind = placeholder(t, &i);
    if (!kind) {
      if (*t++ != *text++)
        return false;
      continue;
    }
    t += 4;
    if (kind == 's') {
      if (*text == 's' && *t != 's')
        text++;
    } else if (kind == 'n') {
      char *end;
      if (*text != '-' && (*text < '0' || *text > '9'))
        return false;
      long v = strtol(text, &end, 10);
      if (end == text || v < INT_MIN || v > INT_MAX)
        return false;
      r->number[i] = (int)v;
      text = end;
    } else { /* up to the literal that follows */
      size_t lit = strcspn(t, "{");
      const char *end = lit ? NULL : text + strlen(text);
      for (const char *q = text; lit && *q && !end; q++)
        if (strncmp(q, t, lit) == 0)
          end = q;
      if (!end || (size_t)(end - text) >= sizeof r->text[i])
        return false; /* not cut: a cut could split a character */
      snprintf(r->text[i], sizeof r->text[i], "%.*s", (int)(end - text), text);
      text = end;
    }
  }
  return *text == 0;
}

/* The reason whose words are text (code, when known, tried first). */
static bool reason_from_text(const char *text, bmis_reason_code code,
                             bmis_reason *r) {
  for (int i = code ? (int)code : 1; i < BMIS_REASON_CODE_COUNT; i++) {
    memset(r, 0, sizeof *r);
    if (reason_match(reasons[i].text, text, r)) {
      r->code = (bmis_reason_code)i;
      return true;
    }
    if (code)
      i = 0, code = BMIS_REASON_NONE; /* then every template */
  }
  memset(r, 0, sizeof *r);
  return false;
}

/* The trafficking checklist's codes, from its table (wire/ lies below
 * inspect/ and expands the public tables itself). */
static const char *const trafficking_codes[] = {NULL,
#define X(n, c, t) c,
                                                BMIS_TRAFFICKING_TABLE(X)
#undef X
};

static bmis_trafficking_indicator trafficking_parse(const char *code) {
  for (int i = 1; code && i < BMIS_TRAFFICKING_COUNT; i++)
    if (strcmp(trafficking_codes[i], code) == 0)
      return (bmis_trafficking_indicator)i;
  return BMIS_TRAFFICKING_NONE;
}

/* ---- encoding ---- */

static json_t *reason_text(const bmis_reason *r) {
  char buf[512];
  bmis_reason_message(r, buf, sizeof buf);
  return json_string(buf);
}

static const char *verdict_word(const bmis_inspection_field *f) {
  if (f->repaired && f->verdict != BMIS_VERDICT_ERROR)
    return "repaired";
  switch (f->verdict) {
  case BMIS_VERDICT_OK:
  case BMIS_VERDICT_INFO: return "ok";
  case BMIS_VERDICT_WARNING: return "warning";
  case BMIS_VERDICT_ERROR: return "error";
  default: return "absent";
  }
}

static json_t *date_or_null(bmis_date d) {
  char b[11];
  return d.year ? json_string(bmis_date_format_iso(d, b)) : json_null();
}

static json_t *document_json(const bmis_inspection *in) {
  json_t *fields = json_array(), *findings = json_array();
  for (int i = 0; i < in->field_count; i++) {
    const bmis_inspection_field *f = &in->fields[i];
    json_array_append_new(
        fields, json_pack("{s:s, s:s, s:s}", "name", bmis_doc_field_name(f->id),
                          "value", f->value, "verdict", verdict_word(f)));
  }
  for (int i = 0; i < in->finding_count; i++) {
    const bmis_inspection_finding *f = &in->findings[i];
    json_array_append_new(findings,
                          json_pack("{s:s, s:s, s:s, s:s}", "code",
                                    bmis_finding_code_name(f->code), "severity",
                                    bmis_severity_name(f->severity), "field",
                                    bmis_doc_field_name(f->field), "message",
                                    f->message));
  }
  return json_pack("{s:b, s:s, s:o, s:o}", "valid", in->doc_valid, "format",
                   bmis_doc_format_name(in->doc_format), "fields", fields,
                   "findings", findings);
}

static json_t *traveller_json(const bmis_inspection *in) {
  const bmis_traveller *t = &in->traveller;
  const bmis_document *d = &in->document;
  char b[11];
  json_t *doc_of = json_pack("{s:s, s:s, s:s, s:o}", "type", d->type,
                             "issuing_state", d->issuing_state, "number",
                             d->number, "expiry", date_or_null(d->expiry));
  json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:o}", "surname",
                        t->surname, "given_names", t->given_names, "birth",
                        bmis_date_format_iso(t->birth, b), "sex",
                        t->sex ? (char[2]){t->sex, 0} : "", "nationality",
                        t->nationality, "minor", in->minor, "document", doc_of);
  json_object_set_new(o, "age",
                      in->age >= 0 ? json_integer(in->age) : json_null());
  return o;
}

static json_t *disposition_json(const bmis_hit_disposition *p) {
  char t[21];
  bool pending = p->review == BMIS_REVIEW_PENDING;
  json_t *d = json_pack(
      "{s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:o}", "decision",
      bmis_hit_decision_code(p->decision), "reason", p->reason, "by", p->by,
      "role", p->role, "at", bmis_time_format(p->at, t), "earlier", 1,
      "pending", pending, "review",
      p->review ? json_string(bmis_review_code(p->review)) : json_null());
  if (pending)
    json_object_set_new(
        d, "status",
        json_string(strcmp(p->role, "officer") == 0
                        ? "dismissed by an officer, awaiting confirmation"
                        : "dismissed, awaiting a second supervisor's "
                          "confirmation"));
  if (p->review == BMIS_REVIEW_CONFIRMED || p->review == BMIS_REVIEW_REJECTED) {
    json_object_set_new(d, "reviewed_by", json_string(p->reviewed_by));
    json_object_set_new(d, "review_reason", json_string(p->review_reason));
    json_object_set_new(d, "reviewed_at",
                        json_string(bmis_time_format(p->reviewed_at, t)));
  }
  return d;
}

static json_t *hit_json(const bmis_inspection_hit *h, int index) {
  json_t *o =
      json_pack("{s:i, s:s, s:s, s:s, s:s, s:s, s:f, s:s}", "index", index,
                "kind", h->kind == BMIS_HIT_PERSON ? "person" : "document",
                "list", h->list, "category", bmis_wl_category_code(h->category),
                "action", bmis_hit_action_code(h->action), "entry", h->ref,
                "score", h->score, "explanation", h->explanation);
  json_object_set_new(o, "listed_name", json_string(h->listed_name));
  json_object_set_new(o, "disposition",
                      h->disposed ? disposition_json(&h->previous)
                                  : json_null());
  json_object_set_new(o, "cleared", json_boolean(h->cleared));
  return o;
}

static json_t *history_json(const bmis_inspection *in) {
  json_t *list = json_array();
  char t[21];
  for (int i = 0; i < in->history_count; i++) {
    const bmis_movement *m = &in->history[i];
    json_t *o = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:b}", "id", m->id, "direction",
        bmis_code_name(BMIS_LIST_DIRECTION, (int)m->direction), "bcp", m->bcp,
        "crossed_at", bmis_time_format(m->crossed_at, t), "decision",
        bmis_code_name(BMIS_LIST_DECISION, (int)m->decision), "voided",
        m->voided);
    json_object_set_new(o, "permitted_until", date_or_null(m->permitted_until));
    json_array_append_new(list, o);
  }
  return json_pack("{s:o, s:o, s:I}", "person_id",
                   in->person_id[0] ? json_string(in->person_id) : json_null(),
                   "movements", list, "total", (json_int_t)in->history_total);
}

static json_t *stay_json(const bmis_inspection *in) {
  const bmis_stay_status *s = &in->stay;
  if (!in->has_stay)
    return json_null();
  return json_pack("{s:b, s:i, s:i, s:i, s:i, s:b, s:i, s:b}", "present",
                   s->present, "days_over", s->days_over, "days_in_window",
                   s->days_in_window, "window_days", s->window_days,
                   "window_limit", s->window_limit, "window_exceeded",
                   s->window_exceeded, "stays", s->stays, "national",
                   s->national);
}

static json_t *protection_json(const bmis_inspection *in) {
  json_t *ti = json_array(), *refs = json_array(), *open = json_array(),
         *prompts = json_array(), *codes = json_array();
  for (int i = 1; i < BMIS_TRAFFICKING_COUNT; i++)
    if (in->trafficking & (1u << (i - 1)))
      json_array_append_new(ti, json_string(trafficking_codes[i]));
  for (int i = 0; i < in->referral_count; i++)
    json_array_append_new(refs,
                          json_string(bmis_code_name(BMIS_LIST_REFERRAL_KIND,
                                                     (int)in->referrals[i])));
  if (in->open_asylum)
    json_array_append_new(open, json_string("asylum"));
  if (in->open_child)
    json_array_append_new(open, json_string("child_protection"));
  if (in->open_trafficking)
    json_array_append_new(open, json_string("trafficking"));
  for (int i = 0; i < in->prompt_count; i++) {
    json_array_append_new(prompts, reason_text(&in->prompts[i]));
    json_array_append_new(
        codes, json_string(bmis_reason_code_name(in->prompts[i].code)));
  }
  return json_pack("{s:b, s:b, s:b, s:o, s:i, s:o, s:o, s:o, s:o}", "minor",
                   in->minor, "asylum", in->asylum, "unaccompanied",
                   in->unaccompanied, "trafficking_indicators", ti,
                   "protection_hits", in->protection_hits, "referrals", refs,
                   "open_referrals", open, "prompts", prompts, "prompt_codes",
                   codes);
}

static json_t *allowed_json(const bmis_inspection_allowed *a) {
  bmis_reason r = {.code = a->allowed ? BMIS_REASON_NONE : a->why};
  json_t *o = json_pack("{s:b, s:o}", "allowed", a->allowed, "why",
                        a->allowed ? json_string("") : reason_text(&r));
  if (!a->allowed)
    json_object_set_new(o, "code", json_string(bmis_reason_code_name(a->why)));
  return o;
}

char *bmis_inspection_to_json(const bmis_inspection *in, bool with_movement) {
  json_t *hits = json_array(), *why = json_array(), *codes = json_array();
  for (size_t i = 0; i < in->hit_count; i++)
    json_array_append_new(hits, hit_json(&in->hits[i], (int)i));
  for (int i = 0; i < in->reason_count; i++) {
    json_array_append_new(why, reason_text(&in->reasons[i]));
    json_array_append_new(
        codes, json_string(bmis_reason_code_name(in->reasons[i].code)));
  }
  char when[21];
  json_t *o = json_pack(
      "{s:s, s:s, s:s, s:s, s:s, s:{s:s, s:o, s:o}, s:o, s:o, s:o, s:o, s:o, "
      "s:o, s:{s:o, s:o, s:o}}",
      "id", in->id, "at", bmis_time_format(in->at, when), "bcp", in->bcp,
      "desk", in->desk, "direction",
      bmis_code_name(BMIS_LIST_DIRECTION, (int)in->direction), "recommendation",
      "action", in->action == BMIS_RECOMMEND_REFER ? "refer" : "admit",
      "reasons", why, "codes", codes, "document", document_json(in),
      "traveller", traveller_json(in), "hits", hits, "history",
      history_json(in), "stay", stay_json(in), "protection",
      protection_json(in), "decisions", "admit", allowed_json(&in->admit),
      "refuse", allowed_json(&in->refuse), "refer", allowed_json(&in->refer));
  if (o && with_movement)
    json_object_set_new(o, "movement_id",
                        in->movement_id[0] ? json_string(in->movement_id)
                                           : json_null());
  char *text = o ? bmis__json_dumps(o, JSON_COMPACT) : NULL;
  json_decref(o);
  return text;
}

/* ---- decoding ---- */

typedef struct rd {
  bool bad;
  char what[64]; /* the first member that did not read */
} rd;

static void fail(rd *r, const char *what) {
  if (!r->bad)
    snprintf(r->what, sizeof r->what, "%s", what);
  r->bad = true;
}

static const char *str(json_t *o, const char *k, rd *r) {
  const char *s = json_string_value(json_object_get(o, k));
  if (!s)
    fail(r, k);
  return s ? s : "";
}

static void cpy(char *dst, size_t cap, json_t *o, const char *k, rd *r) {
  const char *s = str(o, k, r);
  if (strlen(s) >= cap)
    fail(r, k);
  snprintf(dst, cap, "%s", s);
}
#define CPY(dst, o, k, r) cpy(dst, sizeof(dst), o, k, r)

static bool boolean(json_t *o, const char *k, rd *r) {
  json_t *v = json_object_get(o, k);
  if (!json_is_boolean(v))
    fail(r, k);
  return json_is_true(v);
}

static int integer(json_t *o, const char *k, rd *r) {
  json_t *v = json_object_get(o, k);
  json_int_t n = json_integer_value(v);
  if (!json_is_integer(v) || n < INT_MIN || n > INT_MAX) {
    fail(r, k);
    return 0;
  }
  return (int)n;
}

static int64_t instant(json_t *o, const char *k, rd *r) {
  int64_t t = 0;
  bmis_error e;
  if (bmis_time_parse(str(o, k, r), &t, &e) != BMIS_OK)
    fail(r, k);
  return t;
}

/* "YYYY-MM-DD" with XX for unknown parts; null or absent: all 0. */
static bmis_date date_of(json_t *o, const char *k, rd *r) {
  bmis_date d = {0, 0, 0};
  json_t *v = json_object_get(o, k);
  const char *s = json_string_value(v);
  if (!s) {
    if (v && !json_is_null(v))
      fail(r, k);
    return d;
  }
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
    fail(r, k);
    return d;
  }
  static const int at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  int part[3] = {0, 0, 0};
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < len[i]; j++) {
      char c = s[at[i] + j];
      if (c >= '0' && c <= '9')
        part[i] = part[i] * 10 + (c - '0');
      else if (c != 'X') {
        fail(r, k);
        return d;
      }
    }
  if (part[1] > 12 || part[2] > 31) {
    fail(r, k);
    return d;
  }
  d.year = (int16_t)part[0];
  d.month = (int8_t)part[1];
  d.day = (int8_t)part[2];
  return d;
}

static int code_of(bmis_code_list list, json_t *o, const char *k, rd *r) {
  int v = bmis_code_value(list, str(o, k, r));
  if (!v)
    fail(r, k);
  return v;
}

static bmis_doc_field_id field_of(const char *name, rd *r) {
  for (int f = 0; f < BMIS_FIELD_COUNT; f++)
    if (strcmp(bmis_doc_field_name((bmis_doc_field_id)f), name) == 0)
      return (bmis_doc_field_id)f;
  fail(r, "document.field");
  return BMIS_FIELD_NONE;
}

static void document_from(json_t *o, bmis_inspection *in, rd *r) {
  in->doc_valid = boolean(o, "valid", r);
  const char *fmt = str(o, "format", r);
  bool known = false;
  for (int f = BMIS_DOC_UNKNOWN; f <= BMIS_DOC_UNSUPPORTED; f++)
    if (strcmp(bmis_doc_format_name((bmis_doc_format)f), fmt) == 0)
      in->doc_format = (bmis_doc_format)f, known = true;
  if (!known)
    fail(r, "document.format");
  size_t i;
  json_t *v;
  json_t *fields = json_object_get(o, "fields");
  if (!json_is_array(fields) || json_array_size(fields) > BMIS_FIELD_COUNT) {
    fail(r, "document.fields");
    return;
  }
  json_array_foreach(fields, i, v) {
    bmis_inspection_field *f = &in->fields[in->field_count++];
    f->id = field_of(str(v, "name", r), r);
    CPY(f->value, v, "value", r);
    const char *w = str(v, "verdict", r);
    f->verdict = strcmp(w, "ok") == 0        ? BMIS_VERDICT_OK
                 : strcmp(w, "warning") == 0 ? BMIS_VERDICT_WARNING
                 : strcmp(w, "error") == 0   ? BMIS_VERDICT_ERROR
                 : strcmp(w, "repaired") == 0
                     ? BMIS_VERDICT_WARNING /* repaired: passes, noted */
                     : BMIS_VERDICT_ABSENT;
    f->repaired = strcmp(w, "repaired") == 0;
    if (f->verdict == BMIS_VERDICT_ABSENT)
      fail(r, "document.fields.verdict");
  }
  json_t *findings = json_object_get(o, "findings");
  if (!json_is_array(findings) ||
      json_array_size(findings) > BMIS_DOC_MAX_FINDINGS) {
    fail(r, "document.findings");
    return;
  }
  json_array_foreach(findings, i, v) {
    bmis_inspection_finding *f = &in->findings[in->finding_count++];
    const char *code = str(v, "code", r), *sev = str(v, "severity", r);
    bool found = false;
    for (int c = 0; c < BMIS_FINDING_CODE_COUNT; c++)
      if (strcmp(bmis_finding_code_name((bmis_finding_code)c), code) == 0)
        f->code = (bmis_finding_code)c, found = true;
    for (int s = BMIS_SEVERITY_INFO; s <= BMIS_SEVERITY_ERROR; s++)
      if (strcmp(bmis_severity_name((bmis_severity)s), sev) == 0)
        f->severity = (bmis_severity)s;
    if (!found)
      fail(r, "document.findings.code");
    f->field = field_of(str(v, "field", r), r);
    CPY(f->message, v, "message", r);
  }
}

static void traveller_from(json_t *o, bmis_inspection *in, rd *r) {
  bmis_traveller *t = &in->traveller;
  bmis_document *d = &in->document;
  CPY(t->surname, o, "surname", r);
  CPY(t->given_names, o, "given_names", r);
  t->birth = date_of(o, "birth", r);
  const char *sex = str(o, "sex", r);
  t->sex = sex[0];
  CPY(t->nationality, o, "nationality", r);
  in->minor = boolean(o, "minor", r);
  json_t *age = json_object_get(o, "age");
  in->age = json_is_null(age) || !age ? -1 : integer(o, "age", r);
  json_t *doc = json_object_get(o, "document");
  CPY(d->type, doc, "type", r);
  CPY(d->issuing_state, doc, "issuing_state", r);
  CPY(d->number, doc, "number", r);
  d->expiry = date_of(doc, "expiry", r);
}

static void disposition_from(json_t *o, bmis_hit_disposition *p, rd *r) {
  p->decision = bmis_hit_decision_parse(str(o, "decision", r));
  if (!p->decision)
    fail(r, "hits.disposition.decision");
  CPY(p->reason, o, "reason", r);
  CPY(p->by, o, "by", r);
  CPY(p->role, o, "role", r);
  p->at = instant(o, "at", r);
  const char *review = json_string_value(json_object_get(o, "review"));
  p->review = review ? bmis_review_parse(review) : BMIS_REVIEW_NONE;
  if (review && !p->review)
    fail(r, "hits.disposition.review");
  if (p->review == BMIS_REVIEW_CONFIRMED || p->review == BMIS_REVIEW_REJECTED) {
    CPY(p->reviewed_by, o, "reviewed_by", r);
    CPY(p->review_reason, o, "review_reason", r);
    p->reviewed_at = instant(o, "reviewed_at", r);
  }
}

static bmis_status hits_from(json_t *list, bmis_inspection *in, rd *r,
                             bmis_error *err) {
  if (!json_is_array(list)) {
    fail(r, "hits");
    return BMIS_OK;
  }
  size_t n = json_array_size(list);
  if (n && !(in->hits = bmis__calloc(n, sizeof *in->hits)))
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  in->hit_count = n;
  size_t i;
  json_t *v;
  json_array_foreach(list, i, v) {
    bmis_inspection_hit *h = &in->hits[i];
    const char *kind = str(v, "kind", r);
    h->kind = strcmp(kind, "person") == 0 ? BMIS_HIT_PERSON : BMIS_HIT_DOCUMENT;
    if (strcmp(kind, "person") != 0 && strcmp(kind, "document") != 0)
      fail(r, "hits.kind");
    CPY(h->list, v, "list", r);
    h->category = bmis_wl_category_parse(str(v, "category", r));
    h->action = bmis_hit_action_parse(str(v, "action", r));
    if (!h->category || !h->action)
      fail(r, "hits.category");
    CPY(h->ref, v, "entry", r);
    json_t *score = json_object_get(v, "score");
    if (!json_is_number(score))
      fail(r, "hits.score");
    h->score = json_number_value(score);
    CPY(h->explanation, v, "explanation", r);
    CPY(h->listed_name, v, "listed_name", r);
    json_t *d = json_object_get(v, "disposition");
    h->disposed = json_is_object(d);
    if (h->disposed)
      disposition_from(d, &h->previous, r);
    h->cleared = boolean(v, "cleared", r);
  }
  return BMIS_OK;
}

static void history_from(json_t *o, bmis_inspection *in, rd *r) {
  const char *person = json_string_value(json_object_get(o, "person_id"));
  snprintf(in->person_id, sizeof in->person_id, "%s", person ? person : "");
  json_t *list = json_object_get(o, "movements");
  size_t i;
  json_t *v;
  if (!json_is_array(list) ||
      json_array_size(list) > BMIS_INSPECTION_HISTORY_MAX)
    fail(r, "history.movements");
  else
    json_array_foreach(list, i, v) {
      bmis_movement *m = &in->history[in->history_count++];
      CPY(m->id, v, "id", r);
      m->direction =
          (bmis_direction)code_of(BMIS_LIST_DIRECTION, v, "direction", r);
      CPY(m->bcp, v, "bcp", r);
      m->crossed_at = instant(v, "crossed_at", r);
      m->decision =
          (bmis_decision)code_of(BMIS_LIST_DECISION, v, "decision", r);
      m->voided = boolean(v, "voided", r);
      m->permitted_until = date_of(v, "permitted_until", r);
    }
  json_t *total = json_object_get(o, "total");
  if (!json_is_integer(total))
    fail(r, "history.total");
  in->history_total = json_integer_value(total);
}

static void stay_from(json_t *o, bmis_inspection *in, rd *r) {
  in->has_stay = json_is_object(o);
  if (!in->has_stay)
    return;
  bmis_stay_status *s = &in->stay;
  s->present = boolean(o, "present", r);
  s->days_over = integer(o, "days_over", r);
  s->days_in_window = integer(o, "days_in_window", r);
  s->window_days = integer(o, "window_days", r);
  s->window_limit = integer(o, "window_limit", r);
  s->window_exceeded = boolean(o, "window_exceeded", r);
  s->stays = integer(o, "stays", r);
  s->national = boolean(o, "national", r);
}

/* A list of words with, when the snapshot has them, their codes. */
static int reasons_from(json_t *texts, json_t *codes, bmis_reason *out, int max,
                        const char *what, rd *r) {
  if (!json_is_array(texts) || json_array_size(texts) > (size_t)max) {
    fail(r, what);
    return 0;
  }
  size_t i;
  json_t *v;
  json_array_foreach(texts, i, v) {
    bmis_reason_code code =
        bmis_reason_parse(json_string_value(json_array_get(codes, i)));
    if (!json_is_string(v) ||
        !reason_from_text(json_string_value(v), code, &out[i]))
      fail(r, what);
  }
  return (int)json_array_size(texts);
}

static void protection_from(json_t *o, bmis_inspection *in, rd *r) {
  in->asylum = boolean(o, "asylum", r);
  in->unaccompanied = boolean(o, "unaccompanied", r);
  in->protection_hits = integer(o, "protection_hits", r);
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(o, "trafficking_indicators"), i, v) {
    bmis_trafficking_indicator ind = trafficking_parse(json_string_value(v));
    if (!ind)
      fail(r, "protection.trafficking_indicators");
    else
      in->trafficking |= 1u << (ind - 1);
  }
  json_t *refs = json_object_get(o, "referrals");
  if (json_array_size(refs) > 5)
    fail(r, "protection.referrals");
  json_array_foreach(refs, i, v) {
    if (i >= 5)
      break;
    int k = bmis_code_value(BMIS_LIST_REFERRAL_KIND, json_string_value(v));
    if (!k)
      fail(r, "protection.referrals");
    in->referrals[in->referral_count++] = (bmis_referral_kind)k;
  }
  json_array_foreach(json_object_get(o, "open_referrals"), i, v) {
    const char *k = json_string_value(v);
    if (k && strcmp(k, "asylum") == 0)
      in->open_asylum = true;
    else if (k && strcmp(k, "child_protection") == 0)
      in->open_child = true;
    else if (k && strcmp(k, "trafficking") == 0)
      in->open_trafficking = true;
    else
      fail(r, "protection.open_referrals");
  }
  in->prompt_count = reasons_from(
      json_object_get(o, "prompts"), json_object_get(o, "prompt_codes"),
      in->prompts, BMIS_INSPECTION_PROMPTS_MAX, "protection.prompts", r);
}

static void allowed_from(json_t *o, bmis_inspection_allowed *a, rd *r) {
  a->allowed = boolean(o, "allowed", r);
  a->why = BMIS_REASON_NONE;
  if (a->allowed)
    return;
  bmis_reason why;
  bmis_reason_code code =
      bmis_reason_parse(json_string_value(json_object_get(o, "code")));
  if (!reason_from_text(str(o, "why", r), code, &why))
    fail(r, "decisions.why");
  a->why = why.code;
}

bmis_status bmis_inspection_from_json(const char *text, size_t len,
                                      bmis_inspection *in, bmis_error *err) {
  memset(in, 0, sizeof *in);
  json_error_t je;
  json_t *o = json_loadb(text, len, 0, &je);
  if (!json_is_object(o)) {
    json_decref(o);
    return bmis_error_set(err, BMIS_E_PARSE,
                          "inspection result: not a JSON object (line %d: %s)",
                          je.line, je.text);
  }
  rd r = {false, ""};
  bmis_status st = BMIS_OK;
  CPY(in->id, o, "id", &r);
  in->at = instant(o, "at", &r);
  CPY(in->bcp, o, "bcp", &r);
  CPY(in->desk, o, "desk", &r);
  in->direction =
      (bmis_direction)code_of(BMIS_LIST_DIRECTION, o, "direction", &r);
  json_t *rec = json_object_get(o, "recommendation");
  const char *action = str(rec, "action", &r);
  in->action = strcmp(action, "refer") == 0 ? BMIS_RECOMMEND_REFER
                                            : BMIS_RECOMMEND_ADMIT;
  in->reason_count = reasons_from(
      json_object_get(rec, "reasons"), json_object_get(rec, "codes"),
      in->reasons, BMIS_INSPECTION_REASONS_MAX, "recommendation.reasons", &r);
  document_from(json_object_get(o, "document"), in, &r);
  traveller_from(json_object_get(o, "traveller"), in, &r);
  st = hits_from(json_object_get(o, "hits"), in, &r, err);
  history_from(json_object_get(o, "history"), in, &r);
  stay_from(json_object_get(o, "stay"), in, &r);
  protection_from(json_object_get(o, "protection"), in, &r);
  json_t *dec = json_object_get(o, "decisions");
  allowed_from(json_object_get(dec, "admit"), &in->admit, &r);
  allowed_from(json_object_get(dec, "refuse"), &in->refuse, &r);
  allowed_from(json_object_get(dec, "refer"), &in->refer, &r);
  const char *mv = json_string_value(json_object_get(o, "movement_id"));
  snprintf(in->movement_id, sizeof in->movement_id, "%s", mv ? mv : "");
  json_decref(o);
  if (st == BMIS_OK && r.bad)
    st = bmis_error_set(err, BMIS_E_PARSE,
                        "inspection result: %s: missing "
                        "or not valid",
                        r.what);
  if (st != BMIS_OK)
    bmis_inspection_fini(in);
  return st;
}

void bmis_inspection_fini(bmis_inspection *in) {
  if (!in)
    return;
  bmis__free(in->hits);
  in->hits = NULL;
  in->hit_count = 0;
}

/* ---- the hits as the inspection keeps them ---- */

char *bmis__wire_inspection_hits_text(const bmis_inspection_hit *hits,
                                      size_t count) {
  json_t *list = json_array();
  bool ok = list != NULL;
  for (size_t i = 0; ok && i < count; i++) {
    const bmis_inspection_hit *h = &hits[i];
    ok = json_array_append_new(
             list, json_pack("{s:s, s:s, s:s, s:s, s:f}", "list", h->list,
                             "ref", h->ref, "hash", h->entry_hash, "category",
                             bmis_wl_category_code(h->category), "score",
                             h->score)) == 0;
  }
  char *text = ok ? bmis__json_dumps(list, JSON_COMPACT) : NULL;
  json_decref(list);
  return text;
}

static void kept_text(char *dst, size_t cap, json_t *h, const char *name) {
  const char *s = json_string_value(json_object_get(h, name));
  snprintf(dst, cap, "%s", s ? s : "");
}

bmis_status bmis__wire_inspection_hits_read(const char *text,
                                            bmis_inspection_hit **out,
                                            size_t *count, bmis_error *err) {
  *out = NULL;
  *count = 0;
  json_error_t je;
  json_t *list = text ? json_loads(text, 0, &je) : NULL;
  if (!json_is_array(list)) {
    json_decref(list);
    return bmis_error_set(err, BMIS_E_PARSE,
                          "inspection hits: not a JSON array");
  }
  size_t n = json_array_size(list);
  bmis_inspection_hit *hits = n ? bmis__calloc(n, sizeof *hits) : NULL;
  if (n && !hits) {
    json_decref(list);
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  size_t i;
  json_t *h;
  json_array_foreach(list, i, h) {
    bmis_inspection_hit *x = &hits[i];
    kept_text(x->list, sizeof x->list, h, "list");
    kept_text(x->ref, sizeof x->ref, h, "ref");
    kept_text(x->entry_hash, sizeof x->entry_hash, h, "hash");
    x->category = bmis_wl_category_parse(
        json_string_value(json_object_get(h, "category")));
    json_t *score = json_object_get(h, "score");
    x->score = json_is_number(score) ? json_number_value(score) : 1;
  }
  json_decref(list);
  *out = hits;
  *count = n;
  return BMIS_OK;
}

/* ---- a protection need raised after the decision ---- */

char *bmis__wire_protection_raised_text(const char *id, bmis_decision decision,
                                        int refusals_turned,
                                        const bmis_referral_kind *referrals,
                                        int referral_count, bool held) {
  json_t *open = json_array();
  bool ok = open != NULL;
  for (int i = 0; ok && i < referral_count; i++)
    ok = json_array_append_new(
             open, json_string(bmis_code_name(BMIS_LIST_REFERRAL_KIND,
                                              (int)referrals[i]))) == 0;
  if (!ok) {
    json_decref(open);
    return NULL;
  }
  json_t *o = json_pack(
      "{s:s, s:s, s:s, s:i, s:o, s:b}", "id", id, "movement_id", id, "decision",
      bmis_code_name(BMIS_LIST_DECISION, (int)decision), "refusals_turned",
      refusals_turned, "referrals", open, "held", held);
  char *text = o ? bmis__json_dumps(o, JSON_COMPACT) : NULL;
  json_decref(o);
  return text;
}

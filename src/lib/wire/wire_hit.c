/* Screening hits as JSON (docs/SCREENING.md, "Screening from the command
 * line"): the encoder `bmis screen --json` prints, and its decoder. Person
 * members only for person hits, document members only for document hits;
 * scores to 3 decimals. Codes are written by their names from screen's code
 * tables (bmis_wl_category_code and its kin, which the layering work moves
 * below wire). */
#include "base/alloc.h"
#include "bmis/screen.h"
#include "bmis/wire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scores to 3 decimals (no libm needed); never -0. */
static json_t *score(double x) {
  double scaled = x * 1000.0;
  long long r = (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
  return json_real(r == 0 ? 0.0 : (double)r / 1000.0);
}

json_t *bmis_wire_text(const char *s) {
  json_t *j = json_string(s ? s : "");
  if (j || !s)
    return j;
  /* Not UTF-8: bytes outside ASCII become '?'. */
  size_t n = strlen(s);
  char *copy = bmis__malloc(n + 1);
  if (!copy)
    return NULL;
  for (size_t i = 0; i <= n; i++)
    copy[i] = (unsigned char)s[i] < 0x80 ? s[i] : '?';
  j = json_string(copy);
  bmis__free(copy);
  return j;
}

/* Builds objects member by member; the first failure (out of memory) is
 * remembered and the whole object dropped at the end. */
typedef struct builder {
  json_t *o;
  bool failed;
} builder;

static builder start(void) {
  builder b = {json_object(), false};
  b.failed = b.o == NULL;
  return b;
}

static void set(builder *b, const char *name, json_t *v) {
  if (b->failed || !v || json_object_set_new(b->o, name, v) != 0) {
    if (!b->failed)
      json_decref(v);
    b->failed = true;
  }
}

static json_t *finish(builder *b) {
  if (b->failed) {
    json_decref(b->o);
    return NULL;
  }
  return b->o;
}

static json_t *text(const char *s) {
  return bmis_wire_text(s);
}

static json_t *token_json(const bmis_hit_token *t) {
  builder b = start();
  set(&b, "listed", text(t->listed));
  set(&b, "presented", text(t->presented));
  set(&b, "how", text(bmis_token_match_code(t->how)));
  set(&b, "similarity", score(t->similarity));
  set(&b, "weight", score(t->weight));
  return finish(&b);
}

static json_t *factor_json(const bmis_hit_factor *f) {
  builder b = start();
  set(&b, "what", text(f->what));
  set(&b, "delta", score(f->delta));
  set(&b, "detail", text(f->detail));
  return finish(&b);
}

static json_t *previous_json(const bmis_hit_disposition *d) {
  char at[21];
  builder b = start();
  set(&b, "id", text(d->id));
  set(&b, "decision", text(bmis_hit_decision_code(d->decision)));
  set(&b, "reason", text(d->reason));
  set(&b, "by", text(d->by));
  set(&b, "role", text(d->role));
  set(&b, "at", text(bmis_time_format(d->at, at)));
  set(&b, "voided", json_boolean(d->voided));
  set(&b, "review",
      d->review ? text(bmis_review_code(d->review)) : json_null());
  return finish(&b);
}

static json_t *array_of(size_t n, const void *items, size_t size,
                        json_t *(*one)(const void *)) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++)
    if (json_array_append_new(a, one((const char *)items + i * size)) != 0) {
      json_decref(a);
      return NULL;
    }
  return a;
}

static json_t *token_any(const void *p) {
  return token_json(p);
}

static json_t *factor_any(const void *p) {
  return factor_json(p);
}

json_t *bmis_wire_hit(const bmis_hit *h) {
  builder b = start();
  bool doc = h->kind == BMIS_HIT_DOCUMENT;
  set(&b, "kind", text(doc ? "document" : "person"));
  set(&b, "score", score(h->score));
  set(&b, "list", text(h->list));
  set(&b, "category", text(bmis_wl_category_code(h->category)));
  set(&b, "action", text(bmis_hit_action_code(h->action)));
  set(&b, "ref", text(h->ref));
  set(&b, "entry_hash", text(h->entry_hash));
  set(&b, "threshold", score(h->threshold));
  if (doc) {
    set(&b, "doc_state", text(h->doc_state));
    set(&b, "doc_number", text(h->doc_number));
    set(&b, "doc_status", text(bmis_doc_status_code(h->doc_status)));
    set(&b, "doc_detail", text(h->doc_detail));
  } else {
    size_t nt = h->token_count < BMIS_HIT_MAX_TOKENS ? h->token_count
                                                     : BMIS_HIT_MAX_TOKENS;
    size_t nf = h->factor_count < BMIS_HIT_MAX_FACTORS ? h->factor_count
                                                       : BMIS_HIT_MAX_FACTORS;
    set(&b, "listed_name", text(h->listed_name));
    set(&b, "listed_quality", text(bmis_name_quality_code(h->listed_quality)));
    set(&b, "listed_form", text(h->listed_form));
    set(&b, "presented_form", text(h->presented_form));
    set(&b, "name_score", score(h->name_score));
    set(&b, "tokens", array_of(nt, h->tokens, sizeof h->tokens[0], token_any));
    set(&b, "factors",
        array_of(nf, h->factors, sizeof h->factors[0], factor_any));
  }
  set(&b, "previously_disposed", json_boolean(h->previously_disposed));
  if (h->previously_disposed)
    set(&b, "previous", previous_json(&h->previous));
  return finish(&b);
}

json_t *bmis_wire_screen_result(const bmis_screen_result *r) {
  builder b = start();
  set(&b, "hits", bmis_wire_hits(r));
  set(&b, "candidates", json_integer((json_int_t)r->candidates));
  return finish(&b);
}

json_t *bmis_wire_hits(const bmis_screen_result *r) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < r->count; i++)
    if (json_array_append_new(a, bmis_wire_hit(&r->hits[i])) != 0) {
      json_decref(a);
      return NULL;
    }
  return a;
}

/* ---- reading ---- */

/* The decoder's place in the object, for messages: "hit.tokens[2]". */
typedef struct reader {
  const json_t *o;
  const char *where;
  bmis_error *err;
  bmis_status st;
} reader;

static bool ok(const reader *r) {
  return r->st == BMIS_OK;
}

static void fail(reader *r, const char *name, const char *what) {
  if (ok(r))
    r->st = bmis_error_set(r->err, BMIS_E_INVALID_ARG, "%s.%s: %s", r->where,
                           name, what);
}

/* Every member of r->o is among names; else the first unknown one. */
static void only(reader *r, const char *const *names) {
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)r->o, key, v) {
    bool known = false;
    for (size_t i = 0; names[i] && !known; i++)
      known = strcmp(names[i], key) == 0;
    if (!known && ok(r))
      r->st = bmis_error_set(r->err, BMIS_E_INVALID_ARG,
                             "%s: unknown member '%.40s'", r->where, key);
  }
}

static const char *get_text(reader *r, const char *name) {
  const json_t *v = json_object_get(r->o, name);
  if (!v || json_is_null(v))
    return NULL;
  if (!json_is_string(v)) {
    fail(r, name, "must be a string");
    return NULL;
  }
  if (strlen(json_string_value(v)) != json_string_length(v)) {
    fail(r, name, "holds a NUL character");
    return NULL;
  }
  return json_string_value(v);
}

static void read_text(reader *r, const char *name, char *out, size_t cap) {
  const char *s = get_text(r, name);
  if (!s)
    return;
  if (strlen(s) >= cap) {
    char what[48];
    snprintf(what, sizeof what, "longer than %zu bytes", cap - 1);
    fail(r, name, what);
    return;
  }
  memcpy(out, s, strlen(s) + 1);
}

static void read_number(reader *r, const char *name, double *out) {
  const json_t *v = json_object_get(r->o, name);
  if (!v || json_is_null(v))
    return;
  if (!json_is_number(v)) {
    fail(r, name, "must be a number");
    return;
  }
  *out = json_number_value(v);
}

static void read_float(reader *r, const char *name, float *out) {
  double d = *out;
  read_number(r, name, &d);
  *out = (float)d;
}

static void read_bool(reader *r, const char *name, bool *out) {
  const json_t *v = json_object_get(r->o, name);
  if (!v || json_is_null(v))
    return;
  if (!json_is_boolean(v))
    fail(r, name, "must be true or false");
  else
    *out = json_is_true(v);
}

/* A code through its table's parser; 0 from the parser is unknown. */
static int read_code(reader *r, const char *name, int (*parse)(const char *),
                     int keep) {
  const char *s = get_text(r, name);
  if (!s)
    return keep;
  int v = parse(s);
  if (!v) {
    char what[80];
    snprintf(what, sizeof what, "unknown code '%.32s'", s);
    fail(r, name, what);
  }
  return v;
}

static int category_parse(const char *s) {
  return (int)bmis_wl_category_parse(s);
}
static int action_parse(const char *s) {
  return (int)bmis_hit_action_parse(s);
}
static int quality_parse(const char *s) {
  return (int)bmis_name_quality_parse(s);
}
static int doc_status_parse(const char *s) {
  return (int)bmis_doc_status_parse(s);
}
static int decision_parse(const char *s) {
  return (int)bmis_hit_decision_parse(s);
}
static int review_parse(const char *s) {
  return (int)bmis_review_parse(s);
}
/* Token matches start at 0 (exact): the value plus one, 0 when unknown. */
static int token_match_parse(const char *s) {
  for (int i = 0; bmis_token_match_code((bmis_token_match)i); i++)
    if (strcmp(bmis_token_match_code((bmis_token_match)i), s) == 0)
      return i + 1;
  return 0;
}

static void read_token(reader *r, bmis_hit_token *t) {
  static const char *const names[] = {"listed",     "presented", "how",
                                      "similarity", "weight",    NULL};
  only(r, names);
  read_text(r, "listed", t->listed, sizeof t->listed);
  read_text(r, "presented", t->presented, sizeof t->presented);
  int how = read_code(r, "how", token_match_parse, (int)t->how + 1);
  t->how = (bmis_token_match)(how ? how - 1 : 0);
  read_float(r, "similarity", &t->similarity);
  read_float(r, "weight", &t->weight);
}

static void read_factor(reader *r, bmis_hit_factor *f) {
  static const char *const names[] = {"what", "delta", "detail", NULL};
  only(r, names);
  read_text(r, "what", f->what, sizeof f->what);
  read_float(r, "delta", &f->delta);
  read_text(r, "detail", f->detail, sizeof f->detail);
}

static void read_previous(reader *r, bmis_hit_disposition *d) {
  static const char *const names[] = {"id", "decision", "reason", "by", "role",
                                      "at", "voided",   "review", NULL};
  only(r, names);
  read_text(r, "id", d->id, sizeof d->id);
  d->decision = (bmis_hit_decision)read_code(r, "decision", decision_parse,
                                             (int)d->decision);
  read_text(r, "reason", d->reason, sizeof d->reason);
  read_text(r, "by", d->by, sizeof d->by);
  read_text(r, "role", d->role, sizeof d->role);
  const char *at = get_text(r, "at");
  bmis_error e;
  if (at && bmis_time_parse(at, &d->at, &e) != BMIS_OK)
    fail(r, "at", e.message);
  read_bool(r, "voided", &d->voided);
  d->review = (bmis_review)read_code(r, "review", review_parse, (int)d->review);
}

/* Each element of the array member `name` (at most cap) through one(). */
static size_t read_array(reader *r, const char *name, size_t cap, void *items,
                         size_t size, void (*one)(reader *, void *)) {
  const json_t *a = json_object_get(r->o, name);
  if (!a || json_is_null(a))
    return 0;
  if (!json_is_array(a) || json_array_size(a) > cap) {
    char what[64];
    snprintf(what, sizeof what, "must be a list of at most %zu", cap);
    fail(r, name, what);
    return 0;
  }
  size_t i;
  json_t *v;
  json_array_foreach(a, i, v) {
    char where[96];
    snprintf(where, sizeof where, "%s.%s[%zu]", r->where, name, i);
    reader sub = {v, where, r->err, BMIS_OK};
    if (!json_is_object(v))
      sub.st = bmis_error_set(r->err, BMIS_E_INVALID_ARG,
                              "%s: must be an object", where);
    else
      one(&sub, (char *)items + i * size);
    if (!ok(&sub)) {
      if (ok(r))
        r->st = sub.st;
      return i;
    }
  }
  return json_array_size(a);
}

static void token_one(reader *r, void *p) {
  read_token(r, p);
}

static void factor_one(reader *r, void *p) {
  read_factor(r, p);
}

bmis_status bmis_wire_hit_decode(const json_t *j, bmis_hit *out,
                                 bmis_error *err) {
  static const char *const names[] = {"kind",        "score",
                                      "list",        "category",
                                      "action",      "ref",
                                      "entry_hash",  "threshold",
                                      "doc_state",   "doc_number",
                                      "doc_status",  "doc_detail",
                                      "listed_name", "listed_quality",
                                      "listed_form", "presented_form",
                                      "name_score",  "tokens",
                                      "factors",     "previously_disposed",
                                      "previous",    NULL};
  reader r = {j, "hit", err, BMIS_OK};
  if (!json_is_object(j))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "hit: must be an object");
  only(&r, names);
  const char *kind = get_text(&r, "kind");
  if (kind && strcmp(kind, "document") == 0)
    out->kind = BMIS_HIT_DOCUMENT;
  else if (kind && strcmp(kind, "person") == 0)
    out->kind = BMIS_HIT_PERSON;
  else if (kind)
    fail(&r, "kind", "must be person or document");
  read_number(&r, "score", &out->score);
  read_text(&r, "list", out->list, sizeof out->list);
  out->category = (bmis_wl_category)read_code(&r, "category", category_parse,
                                              (int)out->category);
  out->action =
      (bmis_hit_action)read_code(&r, "action", action_parse, (int)out->action);
  read_text(&r, "ref", out->ref, sizeof out->ref);
  read_text(&r, "entry_hash", out->entry_hash, sizeof out->entry_hash);
  read_number(&r, "threshold", &out->threshold);
  read_text(&r, "doc_state", out->doc_state, sizeof out->doc_state);
  read_text(&r, "doc_number", out->doc_number, sizeof out->doc_number);
  out->doc_status = (bmis_doc_status)read_code(
      &r, "doc_status", doc_status_parse, (int)out->doc_status);
  read_text(&r, "doc_detail", out->doc_detail, sizeof out->doc_detail);
  read_text(&r, "listed_name", out->listed_name, sizeof out->listed_name);
  out->listed_quality = (bmis_name_quality)read_code(
      &r, "listed_quality", quality_parse, (int)out->listed_quality);
  read_text(&r, "listed_form", out->listed_form, sizeof out->listed_form);
  read_text(&r, "presented_form", out->presented_form,
            sizeof out->presented_form);
  read_number(&r, "name_score", &out->name_score);
  if (ok(&r) && json_object_get(j, "tokens"))
    out->token_count =
        read_array(&r, "tokens", BMIS_HIT_MAX_TOKENS, out->tokens,
                   sizeof out->tokens[0], token_one);
  if (ok(&r) && json_object_get(j, "factors"))
    out->factor_count =
        read_array(&r, "factors", BMIS_HIT_MAX_FACTORS, out->factors,
                   sizeof out->factors[0], factor_one);
  read_bool(&r, "previously_disposed", &out->previously_disposed);
  const json_t *prev = json_object_get(j, "previous");
  if (ok(&r) && prev && !json_is_null(prev)) {
    reader sub = {prev, "hit.previous", err, BMIS_OK};
    if (!json_is_object(prev))
      fail(&r, "previous", "must be an object");
    else
      read_previous(&sub, &out->previous);
    if (!ok(&sub))
      r.st = sub.st;
  }
  return r.st;
}

/* ---- dispositions (GET /api/dispositions) ---- */

json_t *bmis_wire_disposition(const bmis_hit_disposition *d) {
  char t[21], rt[21];
  const char *review = bmis_review_code(d->review);
  json_t *o = json_pack(
      "{s:s, s:s, s:s, s:s, s:s, s:f, s:s, s:s, s:s, s:s, s:s, s:b, s:o}", "id",
      d->id, "list", d->list, "ref", d->ref, "entry", d->entry_key,
      "traveller_key", d->traveller_key, "score", d->score, "decision",
      bmis_hit_decision_code(d->decision), "reason", d->reason, "by", d->by,
      "role", d->role, "at", bmis_time_format(d->at, t), "pending",
      d->review == BMIS_REVIEW_PENDING, "review",
      review ? json_string(review) : json_null());
  if (!o)
    return NULL;
  builder b = {o, false};
  set(&b, "bcp", json_string(d->bcp));
  if (d->reviewed_at) {
    set(&b, "reviewed_by", json_string(d->reviewed_by));
    set(&b, "review_reason", json_string(d->review_reason));
    set(&b, "reviewed_at", json_string(bmis_time_format(d->reviewed_at, rt)));
  }
  return finish(&b);
}

static void read_instant(reader *r, const char *name, int64_t *out) {
  const char *at = get_text(r, name);
  bmis_error e;
  if (at && bmis_time_parse(at, out, &e) != BMIS_OK)
    fail(r, name, e.message);
}

bmis_status bmis_wire_disposition_decode(const json_t *j,
                                         bmis_hit_disposition *out,
                                         bmis_error *err) {
  if (!json_is_object(j))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "disposition: must be an object");
  static const char *const names[] = {"id",
                                      "list",
                                      "ref",
                                      "entry",
                                      "traveller_key",
                                      "score",
                                      "decision",
                                      "reason",
                                      "by",
                                      "role",
                                      "at",
                                      "pending",
                                      "review",
                                      "bcp",
                                      "reviewed_by",
                                      "review_reason",
                                      "reviewed_at",
                                      NULL};
  reader r = {j, "disposition", err, BMIS_OK};
  only(&r, names);
  read_text(&r, "id", out->id, sizeof out->id);
  read_text(&r, "list", out->list, sizeof out->list);
  read_text(&r, "ref", out->ref, sizeof out->ref);
  read_text(&r, "entry", out->entry_key, sizeof out->entry_key);
  read_text(&r, "traveller_key", out->traveller_key, sizeof out->traveller_key);
  read_number(&r, "score", &out->score);
  out->decision = (bmis_hit_decision)read_code(&r, "decision", decision_parse,
                                               (int)out->decision);
  read_text(&r, "reason", out->reason, sizeof out->reason);
  read_text(&r, "by", out->by, sizeof out->by);
  read_text(&r, "role", out->role, sizeof out->role);
  read_instant(&r, "at", &out->at);
  out->review =
      (bmis_review)read_code(&r, "review", review_parse, (int)out->review);
  bool pending = false;
  read_bool(&r, "pending", &pending);
  if (ok(&r) && pending != (out->review == BMIS_REVIEW_PENDING))
    fail(&r, "pending", "does not agree with review");
  read_text(&r, "bcp", out->bcp, sizeof out->bcp);
  read_text(&r, "reviewed_by", out->reviewed_by, sizeof out->reviewed_by);
  read_text(&r, "review_reason", out->review_reason, sizeof out->review_reason);
  read_instant(&r, "reviewed_at", &out->reviewed_at);
  return r.st;
}

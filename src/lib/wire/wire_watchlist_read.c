/* Watchlist entries read from their JSON form (wire_watchlist.c writes
 * it; docs/SCREENING.md): a line of the JSON-lines list format, or an
 * entry the store keeps, decoded into the public entry structs. Whether
 * the content takes them (trimmed names, a reference unique in the list,
 * an entry that could be matched) is the content's rule, checked by the
 * reader above (screen/entry_json.c), not here.
 *
 * Absent and null members are "not given"; anything else unknown or of the
 * wrong type is an error naming the member ("names[1].quality: ..."). */
#include "base/alloc.h"
#include "wire/wire_internal.h"
#include "wire/wire_json.h"

#include "bmis/country.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bmis_status bad(bmis_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static bmis_status bad(bmis_error *err, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s", msg);
}

static bmis_status nomem(bmis_error *err) {
  return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
}

/* where + "." + member into at (cut to fit: it only names a place in an
 * error message). */
static void member_path(char *at, size_t cap, const char *where,
                        const char *member) {
  int n = snprintf(at, cap, "%s.%s", where, member);
  if (n < 0)
    at[0] = 0;
}

/* A member's value, NULL when absent or null (null means "not given"). */
static json_t *present(json_t *o, const char *name) {
  json_t *v = json_object_get(o, name);
  return json_is_null(v) ? NULL : v;
}

/* Every member of o must be one of names (NULL-ended). */
static bmis_status only(json_t *o, const char *where, const char *const *names,
                        bmis_error *err) {
  const char *key = bmis__wire_unknown_member(o, names);
  return key ? bad(err, "%s%sunknown member '%.40s'", where, *where ? ": " : "",
                   key)
             : BMIS_OK;
}

/* v is an object whose members are all among names. */
static bmis_status object_of(json_t *v, const char *where,
                             const char *const *names, bmis_error *err) {
  if (!json_is_object(v))
    return bad(err, "%s: must be an object", where);
  return only(v, where, names, err);
}

/* The member `name` of v, given, in *x; at gets its path. */
static bmis_status need_member(json_t *v, const char *where, const char *name,
                               char at[128], json_t **x, bmis_error *err) {
  member_path(at, 128, where, name);
  *x = present(v, name);
  return *x ? BMIS_OK : bad(err, "%s: missing", at);
}

/* The text of a string value of at most max bytes (no NUL inside); it
 * lives as long as the decoded JSON. */
static bmis_status text_of(json_t *v, const char *where, size_t max, char **out,
                           bmis_error *err) {
  if (!json_is_string(v))
    return bad(err, "%s: must be a string", where);
  const char *t = json_string_value(v);
  size_t n = json_string_length(v);
  if (strlen(t) != n)
    return bad(err, "%s: must be text without NUL characters", where);
  if (n > max)
    return bad(err, "%s: longer than %zu bytes", where, max);
  *out = (char *)t; /* borrowed: the line keeps its JSON until _fini */
  return BMIS_OK;
}

/* A required string member. */
static bmis_status need_text(json_t *o, const char *name, size_t max,
                             char **out, bmis_error *err) {
  json_t *v = present(o, name);
  if (!v)
    return bad(err, "%s: missing", name);
  return text_of(v, name, max, out, err);
}

/* An optional string member: *out is NULL when not given. */
static bmis_status opt_text(json_t *o, const char *name, size_t max, char **out,
                            bmis_error *err) {
  json_t *v = present(o, name);
  *out = NULL;
  return v ? text_of(v, name, max, out, err) : BMIS_OK;
}

/* A string member copied into a fixed field (cap - 1 bytes at most). */
static bmis_status copy_text(json_t *v, const char *where, char *dst,
                             size_t cap, bmis_error *err) {
  char *t = NULL;
  bmis_status st = text_of(v, where, cap - 1, &t, err);
  if (st == BMIS_OK)
    snprintf(dst, cap, "%s", t);
  return st;
}

static bool digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i]))
      return false;
  return true;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (only the last when !partial). */
static bmis_status date_of(const char *t, const char *where, bool partial,
                           bmis_date *out, bmis_error *err) {
  size_t n = strlen(t);
  memset(out, 0, sizeof *out);
  bool shape =
      digits(t, 4) &&
      (n == 4 || (t[4] == '-' && digits(t + 5, 2) &&
                  (n == 7 || (t[7] == '-' && digits(t + 8, 2) && n == 10))));
  if (shape && (partial || n == 10)) {
    out->year = (int16_t)atoi(t);
    if (n >= 7)
      out->month = (int8_t)atoi(t + 5);
    if (n == 10)
      out->day = (int8_t)atoi(t + 8);
    if (out->year > 0 && out->month >= (n >= 7 ? 1 : 0) && out->month <= 12 &&
        (n < 10 || bmis_date_is_valid(*out)))
      return BMIS_OK;
  }
  return bad(err, "%s: '%.20s' is not a date (%s)", where, t,
             partial ? "YYYY-MM-DD, YYYY-MM or YYYY" : "YYYY-MM-DD");
}

/* Reads one item of a list (v, named where) into out. */
typedef bmis_status item_fn(json_t *v, const char *where, void *out,
                            bmis_error *err);

/* The list member `name` of o, each item read by fn into a new zeroed
 * array of `size`-byte elements (*items NULL and *count 0 when absent,
 * null or empty); the items are named "name[i]". */
static bmis_status list_of(json_t *o, const char *name, size_t size,
                           item_fn *fn, void **items, size_t *count,
                           bmis_error *err) {
  json_t *list = present(o, name);
  *items = NULL;
  *count = 0;
  if (list && !json_is_array(list))
    return bad(err, "%s: must be a list", name);
  size_t n = json_array_size(list);
  if (n && !(*items = bmis__calloc(n, size)))
    return nomem(err);
  *count = n;
  char at[128];
  size_t i;
  json_t *v;
  json_array_foreach(list, i, v) {
    snprintf(at, sizeof at, "%s[%zu]", name, i);
    bmis_status st = fn(v, at, (char *)*items + i * size, err);
    if (st != BMIS_OK)
      return st;
  }
  return BMIS_OK;
}

/* A country as the country table knows it (alpha-3, alpha-2 or name). */
static bmis_status country_of(json_t *v, const char *where, char out[4],
                              bmis_error *err) {
  char *t = NULL;
  bmis_status st = text_of(v, where, 255, &t, err);
  if (st != BMIS_OK)
    return st;
  const bmis_country *k = bmis_country_lookup(t);
  if (!k)
    return bad(err, "%s: '%.40s' is not a country", where, t);
  snprintf(out, 4, "%.3s", k->code);
  return BMIS_OK;
}

static bmis_status country_item(json_t *v, const char *where, void *out,
                                bmis_error *err) {
  return country_of(v, where, out, err);
}

static bmis_status place_item(json_t *v, const char *where, void *out,
                              bmis_error *err) {
  return text_of(v, where, BMIS_WL_TEXT_SIZE - 1, out, err);
}

static bmis_status name_from(json_t *v, const char *where, void *item,
                             bmis_error *err) {
  bmis_wl_name *out = item;
  static const char *const members[] = {"text", "quality", "original_script",
                                        NULL};
  bmis_status st = object_of(v, where, members, err);
  if (st != BMIS_OK)
    return st;
  char at[128];
  char *quality = NULL;
  json_t *x, *os = present(v, "original_script");
  if ((st = need_member(v, where, "text", at, &x, err)) != BMIS_OK ||
      (st = text_of(x, at, BMIS_WL_TEXT_SIZE - 1, &out->text, err)) != BMIS_OK)
    return st;
  if ((st = need_member(v, where, "quality", at, &x, err)) != BMIS_OK ||
      (st = text_of(x, at, 32, &quality, err)) != BMIS_OK)
    return st;
  if (!(out->quality = bmis_name_quality_parse(quality)))
    return bad(err, "%s: '%s' is not one of primary, strong, weak", at,
               quality);
  if (os && !json_is_boolean(os))
    return bad(err, "%s.original_script: must be true or false", where);
  out->original_script = os && json_is_true(os);
  return BMIS_OK;
}

static bmis_status birth_from(json_t *v, const char *where, void *item,
                              bmis_error *err) {
  bmis_wl_birth *b = item;
  static const char *const members[] = {"date", "to_year", "approximate", NULL};
  bmis_status st = object_of(v, where, members, err);
  if (st != BMIS_OK)
    return st;
  char at[128];
  json_t *d, *to = present(v, "to_year"), *ap = present(v, "approximate");
  char *text = NULL;
  if ((st = need_member(v, where, "date", at, &d, err)) != BMIS_OK ||
      (st = text_of(d, at, 10, &text, err)) != BMIS_OK ||
      (st = date_of(text, at, true, &b->date, err)) != BMIS_OK)
    return st;
  if (to) {
    if (!json_is_integer(to) || json_integer_value(to) < 1 ||
        json_integer_value(to) > 9999)
      return bad(err, "%s.to_year: must be a year", where);
    b->to_year = (int16_t)json_integer_value(to);
  }
  if (ap && !json_is_boolean(ap))
    return bad(err, "%s.approximate: must be true or false", where);
  b->approximate = ap && json_is_true(ap);
  return BMIS_OK;
}

static bmis_status person_doc_from(json_t *v, const char *where, void *item,
                                   bmis_error *err) {
  bmis_wl_person_doc *d = item;
  static const char *const members[] = {"type", "state", "number", NULL};
  bmis_status st = object_of(v, where, members, err);
  if (st != BMIS_OK)
    return st;
  char at[128];
  json_t *x;
  if ((x = present(v, "type"))) {
    member_path(at, sizeof at, where, "type");
    if ((st = copy_text(x, at, d->type, sizeof d->type, err)) != BMIS_OK)
      return st;
  }
  if ((x = present(v, "state"))) {
    member_path(at, sizeof at, where, "state");
    if ((st = country_of(x, at, d->state, err)) != BMIS_OK)
      return st;
  }
  if ((st = need_member(v, where, "number", at, &x, err)) != BMIS_OK)
    return st;
  return copy_text(x, at, d->number, sizeof d->number, err);
}

static bmis_status person_from(json_t *o, bmis__wl_line *l, bmis_error *err) {
  static const char *const members[] = {"kind",
                                        "ref",
                                        "names",
                                        "births",
                                        "nationalities",
                                        "birth_countries",
                                        "birth_places",
                                        "sex",
                                        "documents",
                                        "remarks",
                                        NULL};
  bmis_wl_person *p = &l->person;
  bmis_status st = only(o, "", members, err);
  if (st != BMIS_OK || (st = need_text(o, "ref", 255, &l->ref, err)) != BMIS_OK)
    return st;
  /* each array is the line's as soon as it is made, read or not */
  void *names = NULL, *births = NULL, *nats = NULL, *bcs = NULL, *places = NULL;
  if (st == BMIS_OK)
    st = list_of(o, "names", sizeof *p->names, name_from, &names,
                 &p->name_count, err);
  if (st == BMIS_OK)
    st = list_of(o, "births", sizeof *p->births, birth_from, &births,
                 &p->birth_count, err);
  if (st == BMIS_OK)
    st = list_of(o, "nationalities", sizeof *p->nationalities, country_item,
                 &nats, &p->nationality_count, err);
  if (st == BMIS_OK)
    st = list_of(o, "birth_countries", sizeof *p->birth_countries, country_item,
                 &bcs, &p->birth_country_count, err);
  if (st == BMIS_OK)
    st = list_of(o, "birth_places", sizeof *p->birth_places, place_item,
                 &places, &p->birth_place_count, err);
  p->names = names;
  p->births = births;
  p->nationalities = nats;
  p->birth_countries = bcs;
  p->birth_places = places;
  if (st != BMIS_OK)
    return st;
  char *sex;
  if ((st = opt_text(o, "sex", 8, &sex, err)) != BMIS_OK)
    return st;
  if (sex) {
    if (strlen(sex) != 1 || !strchr("FMX", *sex))
      return bad(err, "sex: must be F, M or X");
    p->sex = *sex;
  }
  void *docs = NULL;
  st = list_of(o, "documents", sizeof *p->documents, person_doc_from, &docs,
               &p->document_count, err);
  p->documents = docs;
  if (st != BMIS_OK)
    return st;
  return opt_text(o, "remarks", BMIS__WL_REMARKS_MAX, &p->remarks, err);
}

static bmis_status document_from(json_t *o, bmis__wl_line *l, bmis_error *err) {
  static const char *const members[] = {"kind",     "ref",     "state",
                                        "number",   "type",    "status",
                                        "reported", "remarks", NULL};
  bmis_wl_document *d = &l->document;
  char *text = NULL;
  json_t *x;
  bmis_status st = only(o, "", members, err);
  if (st != BMIS_OK ||
      (st = need_text(o, "ref", sizeof d->ref - 1, &l->ref, err)) != BMIS_OK)
    return st;
  snprintf(d->ref, sizeof d->ref, "%s", l->ref);
  if (!(x = present(o, "state")))
    return bad(err, "state: missing");
  if ((st = country_of(x, "state", d->state, err)) != BMIS_OK)
    return st;
  if ((st = need_text(o, "number", sizeof d->number - 1, &text, err)) !=
      BMIS_OK)
    return st;
  if (!*text)
    return bad(err, "number: empty");
  snprintf(d->number, sizeof d->number, "%s", text);
  if ((x = present(o, "type")) &&
      (st = copy_text(x, "type", d->type, sizeof d->type, err)) != BMIS_OK)
    return st;
  if ((st = need_text(o, "status", 32, &text, err)) != BMIS_OK)
    return st;
  if (!(d->status = bmis_doc_status_parse(text)))
    return bad(err,
               "status: '%s' is not one of lost, stolen, revoked, "
               "invalidated",
               text);
  if ((st = opt_text(o, "reported", 10, &text, err)) != BMIS_OK)
    return st;
  if (text &&
      (st = date_of(text, "reported", false, &d->reported, err)) != BMIS_OK)
    return st;
  return opt_text(o, "remarks", BMIS__WL_REMARKS_MAX, &d->remarks, err);
}

/* The list line: {"kind":"list","version":"..."}. */
static bmis_status list_from(json_t *o, bmis__wl_line *l, bmis_error *err) {
  static const char *const members[] = {"kind", "version", NULL};
  bmis_status st = only(o, "", members, err);
  return st != BMIS_OK
             ? st
             : opt_text(o, "version", BMIS_WL_TEXT_SIZE - 1, &l->version, err);
}

static bool is_list_line(json_t *o) {
  json_t *k = json_object_get(o, "kind");
  return json_is_string(k) && strcmp(json_string_value(k), "list") == 0;
}

static bmis_status entry_from(json_t *o, bmis__wl_line *l, bmis_error *err) {
  char *kind = NULL;
  bmis_status st = need_text(o, "kind", 32, &kind, err);
  if (st != BMIS_OK)
    return st;
  if (strcmp(kind, "person") == 0) {
    l->kind = BMIS__WL_LINE_PERSON;
    return person_from(o, l, err);
  }
  if (strcmp(kind, "document") == 0) {
    l->kind = BMIS__WL_LINE_DOCUMENT;
    return document_from(o, l, err);
  }
  return bad(err, "kind: '%.32s' is not person or document", kind);
}

bmis_status bmis__wire_wl_line_decode(const char *text, size_t len,
                                      bmis__wl_read_as as, bmis__wl_line *out,
                                      bmis_error *err) {
  memset(out, 0, sizeof *out);
  json_error_t je;
  json_t *o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  if (!o)
    return as == BMIS__WL_READ_ENTRY
               ? bmis_error_set(err, BMIS_E_PARSE, "malformed JSON: %s",
                                je.text)
               : bmis_error_set(err, BMIS_E_PARSE,
                                "malformed JSON at column %d: %s", je.column,
                                je.text);
  out->json = o;
  if (!json_is_object(o))
    return bad(err, as == BMIS__WL_READ_ENTRY ? "an entry must be an object"
                                              : "must be an object");
  if (as == BMIS__WL_READ_ENTRY || !is_list_line(o))
    return entry_from(o, out, err);
  out->kind = BMIS__WL_LINE_LIST;
  if (as != BMIS__WL_READ_FIRST_LINE)
    return bad(err, "kind: a \"list\" line must come first");
  return list_from(o, out, err);
}

void bmis__wire_wl_line_fini(bmis__wl_line *l) {
  if (!l)
    return;
  bmis_wl_person *p = &l->person;
  bmis__free(p->names);
  bmis__free(p->births);
  bmis__free(p->nationalities);
  bmis__free(p->birth_countries);
  bmis__free(p->birth_places);
  bmis__free(p->documents);
  json_decref(l->json);
  memset(l, 0, sizeof *l);
}

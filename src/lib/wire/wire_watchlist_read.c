/* Watchlist entries read from their JSON form (wire_watchlist.c writes
 * it; docs/SCREENING.md): a line of the JSON-lines list format, or an
 * entry the store keeps, decoded into the public entry structs. Whether
 * the content takes them (trimmed names, a reference unique in the list,
 * an entry that could be matched) is the content's rule, checked by the
 * reader above (screen/entry_json.c), not here.
 *
 * Absent and null members are "not given"; anything else unknown or of the
 * wrong type is an error naming the member ("names[1].quality: ..."). */
#include "wire/wire_internal.h"

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
  const char *key;
  json_t *v;
  json_object_foreach(o, key, v) {
    bool known = false;
    for (const char *const *n = names; *n && !known; n++)
      known = strcmp(*n, key) == 0;
    if (!known)
      return bad(err, "%s%sunknown member '%.40s'", where, *where ? ": " : "",
                 key);
  }
  return BMIS_OK;
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

/* The array member `name` of o, its items in a new zeroed array of
 * `size`-byte elements (*items NULL and *count 0 when absent, null or
 * empty). */
static bmis_status array_of(json_t *o, const char *name, size_t size,
                            json_t **list, void **items, size_t *count,
                            bmis_error *err) {
  *list = present(o, name);
  *items = NULL;
  *count = 0;
  if (*list && !json_is_array(*list))
    return bad(err, "%s: must be a list", name);
  size_t n = json_array_size(*list);
  if (n && !(*items = calloc(n, size)))
    return nomem(err);
  *count = n;
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

static bmis_status name_from(json_t *v, const char *where, bmis_wl_name *out,
                             bmis_error *err) {
  static const char *const members[] = {"text", "quality", "original_script",
                                        NULL};
  if (!json_is_object(v))
    return bad(err, "%s: must be an object", where);
  bmis_status st = only(v, where, members, err);
  if (st != BMIS_OK)
    return st;
  char at[128];
  char *quality = NULL;
  json_t *t = present(v, "text"), *q = present(v, "quality");
  json_t *os = present(v, "original_script");
  member_path(at, sizeof at, where, "text");
  if (!t)
    return bad(err, "%s: missing", at);
  if ((st = text_of(t, at, BMIS_WL_TEXT_SIZE - 1, &out->text, err)) != BMIS_OK)
    return st;
  member_path(at, sizeof at, where, "quality");
  if (!q)
    return bad(err, "%s: missing", at);
  if ((st = text_of(q, at, 32, &quality, err)) != BMIS_OK)
    return st;
  if (!(out->quality = bmis_name_quality_parse(quality)))
    return bad(err, "%s: '%s' is not one of primary, strong, weak", at,
               quality);
  if (os && !json_is_boolean(os))
    return bad(err, "%s.original_script: must be true or false", where);
  out->original_script = os && json_is_true(os);
  return BMIS_OK;
}

static bmis_status birth_from(json_t *v, const char *where, bmis_wl_birth *b,
                              bmis_error *err) {
  static const char *const members[] = {"date", "to_year", "approximate", NULL};
  if (!json_is_object(v))
    return bad(err, "%s: must be an object", where);
  bmis_status st = only(v, where, members, err);
  if (st != BMIS_OK)
    return st;
  char at[128];
  json_t *d = present(v, "date"), *to = present(v, "to_year");
  json_t *ap = present(v, "approximate");
  char *text = NULL;
  member_path(at, sizeof at, where, "date");
  if (!d)
    return bad(err, "%s: missing", at);
  if ((st = text_of(d, at, 10, &text, err)) != BMIS_OK ||
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

static bmis_status person_doc_from(json_t *v, const char *where,
                                   bmis_wl_person_doc *d, bmis_error *err) {
  static const char *const members[] = {"type", "state", "number", NULL};
  if (!json_is_object(v))
    return bad(err, "%s: must be an object", where);
  bmis_status st = only(v, where, members, err);
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
  member_path(at, sizeof at, where, "number");
  if (!(x = present(v, "number")))
    return bad(err, "%s: missing", at);
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
  char at[128];
  json_t *a, *v;
  size_t i;
  void *items;
  if ((st = array_of(o, "names", sizeof *p->names, &a, &items, &p->name_count,
                     err)) != BMIS_OK)
    return st;
  p->names = items;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "names[%zu]", i);
    if ((st = name_from(v, at, &p->names[i], err)) != BMIS_OK)
      return st;
  }
  if ((st = array_of(o, "births", sizeof *p->births, &a, &items,
                     &p->birth_count, err)) != BMIS_OK)
    return st;
  p->births = items;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "births[%zu]", i);
    if ((st = birth_from(v, at, &p->births[i], err)) != BMIS_OK)
      return st;
  }
  if ((st = array_of(o, "nationalities", sizeof *p->nationalities, &a, &items,
                     &p->nationality_count, err)) != BMIS_OK)
    return st;
  p->nationalities = items;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "nationalities[%zu]", i);
    if ((st = country_of(v, at, p->nationalities[i], err)) != BMIS_OK)
      return st;
  }
  if ((st = array_of(o, "birth_countries", sizeof *p->birth_countries, &a,
                     &items, &p->birth_country_count, err)) != BMIS_OK)
    return st;
  p->birth_countries = items;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "birth_countries[%zu]", i);
    if ((st = country_of(v, at, p->birth_countries[i], err)) != BMIS_OK)
      return st;
  }
  if ((st = array_of(o, "birth_places", sizeof *p->birth_places, &a, &items,
                     &p->birth_place_count, err)) != BMIS_OK)
    return st;
  p->birth_places = items;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "birth_places[%zu]", i);
    if ((st = text_of(v, at, BMIS_WL_TEXT_SIZE - 1, &p->birth_places[i],
                      err)) != BMIS_OK)
      return st;
  }
  char *sex;
  if ((st = opt_text(o, "sex", 8, &sex, err)) != BMIS_OK)
    return st;
  if (sex) {
    if (strlen(sex) != 1 || !strchr("FMX", *sex))
      return bad(err, "sex: must be F, M or X");
    p->sex = *sex;
  }
  if ((st = array_of(o, "documents", sizeof *p->documents, &a, &items,
                     &p->document_count, err)) != BMIS_OK)
    return st;
  p->documents = items;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "documents[%zu]", i);
    if ((st = person_doc_from(v, at, &p->documents[i], err)) != BMIS_OK)
      return st;
  }
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
  free(p->names);
  free(p->births);
  free(p->nationalities);
  free(p->birth_countries);
  free(p->birth_places);
  free(p->documents);
  json_decref(l->json);
  memset(l, 0, sizeof *l);
}

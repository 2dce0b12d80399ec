/* Watchlist entries as JSON: the canonical form the store keeps (and hashes)
 * and the JSON-lines list format (docs/SCREENING.md).
 *
 *   {"kind":"person","ref":"QDi.335",
 *    "names":[{"text":"...","quality":"primary","original_script":true}],
 *    "births":[{"date":"1965-03","to_year":1967,"approximate":true}],
 *    "nationalities":["AFG"],"birth_countries":["AFG"],
 *    "birth_places":["Kandahar"],"sex":"M",
 *    "documents":[{"type":"passport","state":"AFG","number":"OR801168"}],
 *    "remarks":"..."}
 *   {"kind":"document","ref":"L-1","state":"KEN","number":"AK0123456",
 *    "type":"P","status":"stolen","reported":"2025-01-31","remarks":"..."}
 *
 * Written: empty lists, false flags and absent values are left out, so one
 * content has one text. Read: those may be given or null; anything else
 * unknown or of the wrong type is an error naming the member. */
#include "base/alloc.h"
#include "base/text.h"
#include "bmis/country.h"
#include "bmis/wire.h"
#include "screen/screen_internal.h"
#include "wire/json_text.h"

#include <ctype.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The entries themselves are written by src/lib/wire/wire_watchlist.c. */

/* Sets o[key] = v (stealing v); false when v is NULL (a string that was not
 * UTF-8, or out of memory) or the set failed. */
static bool put(json_t *o, const char *key, json_t *v) {
  return v && json_object_set_new(o, key, v) == 0;
}

/* where + "." + member into at (cut to fit: it only names a place in an
 * error message). */
static void member_path(char *at, size_t cap, const char *where,
                        const char *member) {
  int n = snprintf(at, cap, "%s.%s", where, member);
  if (n < 0)
    at[0] = 0;
}

char *bmis__wl_entry_text(json_t *entry) {
  return bmis__json_dumps(entry, JSON_COMPACT | JSON_SORT_KEYS);
}

bmis_status bmis__wl_text_hash(const char *text, size_t len, char out[33]) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!EVP_Digest(text, len, md, &n, EVP_sha256(), NULL) || n < 16) {
    out[0] = 0;
    return BMIS_E_INTERNAL;
  }
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < 16; i++) {
    out[2 * i] = hex[md[i] >> 4];
    out[2 * i + 1] = hex[md[i] & 15];
  }
  out[32] = 0;
  return BMIS_OK;
}

bmis_status bmis__wl_entry_hash(json_t *entry, char out[33]) {
  char *text = bmis__wl_entry_text(entry);
  if (!text) {
    out[0] = 0;
    return BMIS_E_NOMEM;
  }
  bmis_status st = bmis__wl_text_hash(text, strlen(text), out);
  bmis__free(text);
  return st;
}

/* ---- reading ---- */

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

/* Puts "where: " before the message in err (keeping its status). */
static bmis_status prefixed(bmis_status st, bmis_error *err,
                            const char *where) {
  if (err && st != BMIS_OK) {
    char msg[sizeof err->message];
    snprintf(msg, sizeof msg, "%s", err->message);
    bmis_error_set(err, st, "%s: %s", where, msg);
  }
  return st;
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

/* The text of a string value of at most max bytes (no NUL inside). */
static bmis_status text_of(json_t *v, const char *where, size_t max,
                           const char **out, bmis_error *err) {
  if (!json_is_string(v))
    return bad(err, "%s: must be a string", where);
  const char *t = json_string_value(v);
  size_t n = json_string_length(v);
  if (strlen(t) != n)
    return bad(err, "%s: must be text without NUL characters", where);
  if (n > max)
    return bad(err, "%s: longer than %zu bytes", where, max);
  *out = t;
  return BMIS_OK;
}

/* A required string member. */
static bmis_status need_text(json_t *o, const char *name, size_t max,
                             const char **out, bmis_error *err) {
  json_t *v = present(o, name);
  if (!v)
    return bad(err, "%s: missing", name);
  return text_of(v, name, max, out, err);
}

/* An optional string member: *out is NULL when not given. */
static bmis_status opt_text(json_t *o, const char *name, size_t max,
                            const char **out, bmis_error *err) {
  json_t *v = present(o, name);
  *out = NULL;
  return v ? text_of(v, name, max, out, err) : BMIS_OK;
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

/* The array member `name` of o (NULL when absent or null). */
static bmis_status array_of(json_t *o, const char *name, json_t **out,
                            bmis_error *err) {
  *out = present(o, name);
  if (*out && !json_is_array(*out))
    return bad(err, "%s: must be a list", name);
  return BMIS_OK;
}

/* A country as the country table knows it (alpha-3, alpha-2 or name). */
static bmis_status country_of(json_t *v, const char *where, char out[4],
                              bmis_error *err) {
  const char *t = NULL;
  bmis_status st = text_of(v, where, 255, &t, err);
  if (st != BMIS_OK)
    return st;
  const bmis_country *k = bmis_country_lookup(t);
  if (!k)
    return bad(err, "%s: '%.40s' is not a country", where, t);
  bmis__copy(out, 4, k->code);
  return BMIS_OK;
}

static bmis_status name_from(json_t *v, const char *where, bmis_wl_content *c,
                             bmis_wl_person *p, bmis_error *err) {
  static const char *const members[] = {"text", "quality", "original_script",
                                        NULL};
  if (!json_is_object(v))
    return bad(err, "%s: must be an object", where);
  bmis_status st = only(v, where, members, err);
  if (st != BMIS_OK)
    return st;
  char at[128];
  const char *text = NULL, *quality = NULL;
  json_t *t = present(v, "text"), *q = present(v, "quality");
  json_t *os = present(v, "original_script");
  member_path(at, sizeof at, where, "text");
  if (!t)
    return bad(err, "%s: missing", at);
  if ((st = text_of(t, at, BMIS_WL_TEXT_SIZE - 1, &text, err)) != BMIS_OK)
    return st;
  member_path(at, sizeof at, where, "quality");
  if (!q)
    return bad(err, "%s: missing", at);
  if ((st = text_of(q, at, 32, &quality, err)) != BMIS_OK)
    return st;
  bmis_name_quality nq = bmis_name_quality_parse(quality);
  if (!nq)
    return bad(err, "%s: '%s' is not one of primary, strong, weak", at,
               quality);
  if (os && !json_is_boolean(os))
    return bad(err, "%s.original_script: must be true or false", where);
  return prefixed(
      bmis_wl_person_add_name(c, p, text, nq, os && json_is_true(os), err), err,
      where);
}

static bmis_status birth_from(json_t *v, const char *where, bmis_wl_content *c,
                              bmis_wl_person *p, bmis_error *err) {
  static const char *const members[] = {"date", "to_year", "approximate", NULL};
  if (!json_is_object(v))
    return bad(err, "%s: must be an object", where);
  bmis_status st = only(v, where, members, err);
  if (st != BMIS_OK)
    return st;
  char at[128];
  bmis_wl_birth b;
  memset(&b, 0, sizeof b);
  json_t *d = present(v, "date"), *to = present(v, "to_year");
  json_t *ap = present(v, "approximate");
  const char *text = NULL;
  member_path(at, sizeof at, where, "date");
  if (!d)
    return bad(err, "%s: missing", at);
  if ((st = text_of(d, at, 10, &text, err)) != BMIS_OK ||
      (st = date_of(text, at, true, &b.date, err)) != BMIS_OK)
    return st;
  if (to) {
    if (!json_is_integer(to) || json_integer_value(to) < 1 ||
        json_integer_value(to) > 9999)
      return bad(err, "%s.to_year: must be a year", where);
    b.to_year = (int16_t)json_integer_value(to);
  }
  if (ap && !json_is_boolean(ap))
    return bad(err, "%s.approximate: must be true or false", where);
  b.approximate = ap && json_is_true(ap);
  return prefixed(bmis_wl_person_add_birth(c, p, b, err), err, where);
}

static bmis_status person_doc_from(json_t *v, const char *where,
                                   bmis_wl_content *c, bmis_wl_person *p,
                                   bmis_error *err) {
  static const char *const members[] = {"type", "state", "number", NULL};
  if (!json_is_object(v))
    return bad(err, "%s: must be an object", where);
  bmis_status st = only(v, where, members, err);
  if (st != BMIS_OK)
    return st;
  bmis_wl_person_doc d;
  memset(&d, 0, sizeof d);
  char at[128];
  const char *text = NULL;
  json_t *x;
  if ((x = present(v, "type"))) {
    member_path(at, sizeof at, where, "type");
    if ((st = text_of(x, at, sizeof d.type - 1, &text, err)) != BMIS_OK)
      return st;
    bmis__copy(d.type, sizeof d.type, text);
  }
  if ((x = present(v, "state"))) {
    member_path(at, sizeof at, where, "state");
    if ((st = country_of(x, at, d.state, err)) != BMIS_OK)
      return st;
  }
  member_path(at, sizeof at, where, "number");
  if (!(x = present(v, "number")))
    return bad(err, "%s: missing", at);
  if ((st = text_of(x, at, sizeof d.number - 1, &text, err)) != BMIS_OK)
    return st;
  bmis__copy(d.number, sizeof d.number, text);
  return prefixed(bmis_wl_person_add_document(c, p, &d, err), err, where);
}

static bmis_status person_from(json_t *o, bmis_wl_content *c, bmis_error *err) {
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
  bmis_status st = only(o, "", members, err);
  const char *ref = NULL;
  if (st != BMIS_OK || (st = need_text(o, "ref", 255, &ref, err)) != BMIS_OK)
    return st;
  bmis_wl_person *p;
  if ((st = bmis_wl_content_add_person(c, ref, &p, err)) != BMIS_OK)
    return prefixed(st, err, "ref");
  char at[128];
  json_t *a, *v;
  size_t i;
  if ((st = array_of(o, "names", &a, err)) != BMIS_OK)
    return st;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "names[%zu]", i);
    if ((st = name_from(v, at, c, p, err)) != BMIS_OK)
      return st;
  }
  if ((st = array_of(o, "births", &a, err)) != BMIS_OK)
    return st;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "births[%zu]", i);
    if ((st = birth_from(v, at, c, p, err)) != BMIS_OK)
      return st;
  }
  static const char *const country_lists[] = {"nationalities",
                                              "birth_countries"};
  for (int k = 0; k < 2; k++) {
    if ((st = array_of(o, country_lists[k], &a, err)) != BMIS_OK)
      return st;
    json_array_foreach(a, i, v) {
      char code[4];
      snprintf(at, sizeof at, "%s[%zu]", country_lists[k], i);
      if ((st = country_of(v, at, code, err)) != BMIS_OK)
        return st;
      st = k == 0 ? bmis_wl_person_add_nationality(c, p, code, err)
                  : bmis_wl_person_add_birth_country(c, p, code, err);
      if (st != BMIS_OK)
        return prefixed(st, err, at);
    }
  }
  if ((st = array_of(o, "birth_places", &a, err)) != BMIS_OK)
    return st;
  json_array_foreach(a, i, v) {
    const char *place = NULL;
    snprintf(at, sizeof at, "birth_places[%zu]", i);
    if ((st = text_of(v, at, BMIS_WL_TEXT_SIZE - 1, &place, err)) != BMIS_OK)
      return st;
    if ((st = bmis_wl_person_add_birth_place(c, p, place, err)) != BMIS_OK)
      return prefixed(st, err, at);
  }
  const char *sex;
  if ((st = opt_text(o, "sex", 8, &sex, err)) != BMIS_OK)
    return st;
  if (sex) {
    if (strlen(sex) != 1 || !strchr("FMX", *sex))
      return bad(err, "sex: must be F, M or X");
    p->sex = *sex;
  }
  if ((st = array_of(o, "documents", &a, err)) != BMIS_OK)
    return st;
  json_array_foreach(a, i, v) {
    snprintf(at, sizeof at, "documents[%zu]", i);
    if ((st = person_doc_from(v, at, c, p, err)) != BMIS_OK)
      return st;
  }
  const char *remarks;
  if ((st = opt_text(o, "remarks", BMIS__REMARKS_MAX, &remarks, err)) !=
      BMIS_OK)
    return st;
  if (remarks && *remarks)
    return prefixed(bmis_wl_person_set_remarks(c, p, remarks, err), err,
                    "remarks");
  return BMIS_OK;
}

static bmis_status document_from(json_t *o, bmis_wl_content *c,
                                 bmis_error *err) {
  static const char *const members[] = {"kind",     "ref",     "state",
                                        "number",   "type",    "status",
                                        "reported", "remarks", NULL};
  bmis_wl_document d;
  memset(&d, 0, sizeof d);
  const char *text = NULL;
  json_t *x;
  bmis_status st = only(o, "", members, err);
  if (st != BMIS_OK ||
      (st = need_text(o, "ref", sizeof d.ref - 1, &text, err)) != BMIS_OK)
    return st;
  bmis__copy(d.ref, sizeof d.ref, text);
  if (!(x = present(o, "state")))
    return bad(err, "state: missing");
  if ((st = country_of(x, "state", d.state, err)) != BMIS_OK)
    return st;
  if ((st = need_text(o, "number", sizeof d.number - 1, &text, err)) != BMIS_OK)
    return st;
  if (!*text)
    return bad(err, "number: empty");
  bmis__copy(d.number, sizeof d.number, text);
  if ((st = opt_text(o, "type", sizeof d.type - 1, &text, err)) != BMIS_OK)
    return st;
  if (text)
    bmis__copy(d.type, sizeof d.type, text);
  if ((st = need_text(o, "status", 32, &text, err)) != BMIS_OK)
    return st;
  if (!(d.status = bmis_doc_status_parse(text)))
    return bad(err,
               "status: '%s' is not one of lost, stolen, revoked, "
               "invalidated",
               text);
  if ((st = opt_text(o, "reported", 10, &text, err)) != BMIS_OK)
    return st;
  if (text &&
      (st = date_of(text, "reported", false, &d.reported, err)) != BMIS_OK)
    return st;
  if ((st = opt_text(o, "remarks", BMIS__REMARKS_MAX, &text, err)) != BMIS_OK)
    return st;
  d.remarks = (char *)text; /* copied by the content */
  /* Everything else was checked above: what is left is the reference. */
  return prefixed(bmis_wl_content_add_document(c, &d, err), err, "ref");
}

bmis_status bmis__wl_entry_from_json(json_t *o, bmis_wl_content *c,
                                     bmis_error *err) {
  if (!json_is_object(o))
    return bad(err, "an entry must be an object");
  const char *kind = NULL;
  bmis_status st = need_text(o, "kind", 32, &kind, err);
  if (st != BMIS_OK)
    return st;
  if (strcmp(kind, "person") == 0)
    return person_from(o, c, err);
  if (strcmp(kind, "document") == 0)
    return document_from(o, c, err);
  return bad(err, "kind: '%.32s' is not person or document", kind);
}

/* ---- JSON lines ---- */

/* The list line: {"kind":"list","version":"..."}. */
static bmis_status list_line(json_t *o, bmis_wl_content *c, bmis_error *err) {
  static const char *const members[] = {"kind", "version", NULL};
  bmis_status st = only(o, "", members, err);
  const char *version;
  if (st != BMIS_OK || (st = opt_text(o, "version", BMIS_WL_TEXT_SIZE - 1,
                                      &version, err)) != BMIS_OK)
    return st;
  return version ? bmis_wl_content_set_version(c, version, err) : BMIS_OK;
}

static bool is_list_line(json_t *o) {
  json_t *k = json_object_get(o, "kind");
  return json_is_string(k) && strcmp(json_string_value(k), "list") == 0;
}

/* An entry of a list file, refused when it could never be matched (the
 * store's own entries are read with bmis__wl_entry_from_json alone, so that
 * what an older version stored still reads back). */
static bmis_status entry_screenable(json_t *o, bmis_wl_content *c,
                                    bmis_error *err) {
  size_t persons = bmis_wl_person_count(c), docs = bmis_wl_document_count(c);
  bmis_status st = bmis__wl_entry_from_json(o, c, err);
  if (st == BMIS_OK && bmis_wl_person_count(c) > persons)
    st = bmis__wl_person_screenable(bmis_wl_person_at(c, persons), err);
  else if (st == BMIS_OK && bmis_wl_document_count(c) > docs)
    st = bmis__wl_document_screenable(bmis_wl_document_at(c, docs), err);
  return st;
}

bmis_status bmis__wl_read_jsonl(const char *data, size_t len,
                                bmis_wl_content *out, bmis_error *err) {
  if (!out || (!data && len))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no list text");
  size_t pos = 0, line = 0;
  bool first = true;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3; /* a byte-order mark */
  while (pos < len) {
    line++;
    const char *start = data + pos;
    const char *nl = memchr(start, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - start) : len - pos;
    pos += n + (nl ? 1 : 0);
    if (n > BMIS__WL_JSONL_LINE_MAX)
      return bmis_error_set(err, BMIS_E_PARSE, "line %zu: longer than %d bytes",
                            line, BMIS__WL_JSONL_LINE_MAX);
    size_t blank = 0;
    while (blank < n && isspace((unsigned char)start[blank]))
      blank++;
    if (blank == n)
      continue;
    json_error_t je;
    json_t *o = json_loadb(start, n, JSON_REJECT_DUPLICATES, &je);
    if (!o)
      return bmis_error_set(err, BMIS_E_PARSE,
                            "line %zu: malformed JSON at column %d: %s", line,
                            je.column, je.text);
    bmis_status st;
    if (!json_is_object(o))
      st = bad(err, "must be an object");
    else if (!is_list_line(o))
      st = entry_screenable(o, out, err);
    else if (first)
      st = list_line(o, out, err);
    else
      st = bad(err, "kind: a \"list\" line must come first");
    json_decref(o);
    first = false;
    if (st != BMIS_OK) {
      char where[32];
      snprintf(where, sizeof where, "line %zu", line);
      prefixed(st, err, where);
      if (st == BMIS_E_NOMEM)
        return st;
      if (err)
        err->status = BMIS_E_PARSE;
      return BMIS_E_PARSE;
    }
  }
  return BMIS_OK;
}

static bool write_line(json_t *o, FILE *out) {
  return o && json_dumpf(o, out, JSON_COMPACT) == 0 && fputc('\n', out) != EOF;
}

bmis_status bmis_wl_write_jsonl(const bmis_wl_content *c, FILE *out,
                                bmis_error *err) {
  if (!c || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no content or file");
  json_t *o = json_object();
  bool ok = o && put(o, "kind", json_string("list")) &&
            put(o, "version", json_string(bmis_wl_content_version(c)));
  ok = ok && write_line(o, out);
  json_decref(o);
  const char *ref = "";
  for (size_t i = 0; ok && i < bmis_wl_person_count(c); i++) {
    const bmis_wl_person *p = bmis_wl_person_at(c, i);
    ref = p->ref;
    o = bmis_wire_wl_person(p);
    ok = write_line(o, out);
    json_decref(o);
  }
  for (size_t i = 0; ok && i < bmis_wl_document_count(c); i++) {
    const bmis_wl_document *d = bmis_wl_document_at(c, i);
    ref = d->ref;
    o = bmis_wire_wl_document(d);
    ok = write_line(o, out);
    json_decref(o);
  }
  if (ok && fflush(out) == 0 && !ferror(out))
    return BMIS_OK;
  if (ferror(out))
    return bmis_error_set(err, BMIS_E_IO, "writing the list failed");
  return bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "entry '%s' cannot be written as JSON (text that is "
                        "not UTF-8, or out of memory)",
                        ref);
}

/* Watchlist entries as JSON: the canonical form the store keeps (and
 * hashes) and the JSON-lines list format writes (docs/SCREENING.md; the
 * form is described at the top of screen/entry_json.c, which reads it into
 * a list's content, with the content's checks). Empty lists, false flags
 * and absent values are left out, so one content has one text: these
 * encoders must not change what they write for an unchanged entry, or
 * every stored entry hash would change. */
#include "wire/json_text.h"
#include "wire/wire_internal.h"

#include "bmis/screen.h"
#include "bmis/wire.h"

#include <stdio.h>

/* Sets o[key] = v (stealing v); false when v is NULL (a string that was not
 * UTF-8, or out of memory) or the set failed. */
static bool put(json_t *o, const char *key, json_t *v) {
  return v && json_object_set_new(o, key, v) == 0;
}

static bool append(json_t *a, json_t *v) {
  return v && json_array_append_new(a, v) == 0;
}

/* "1965", "1965-03" or "1965-03-02". */
static void date_text(bmis_date d, char out[11]) {
  unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u,
           dd = (unsigned)d.day % 100u;
  if (m == 0)
    snprintf(out, 11, "%04u", y);
  else if (dd == 0)
    snprintf(out, 11, "%04u-%02u", y, m);
  else
    snprintf(out, 11, "%04u-%02u-%02u", y, m, dd);
}

static json_t *countries(char (*codes)[4], size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++)
    if (!append(a, json_string(codes[i]))) {
      json_decref(a);
      return NULL;
    }
  return a;
}

static json_t *name_json(const bmis_wl_name *n) {
  json_t *o = json_object();
  if (o && put(o, "text", json_string(n->text)) &&
      put(o, "quality", json_string(bmis_name_quality_code(n->quality))) &&
      (!n->original_script || put(o, "original_script", json_true())))
    return o;
  json_decref(o);
  return NULL;
}

static json_t *birth_json(const bmis_wl_birth *b) {
  char date[11];
  date_text(b->date, date);
  json_t *o = json_object();
  if (o && put(o, "date", json_string(date)) &&
      (!b->to_year || put(o, "to_year", json_integer(b->to_year))) &&
      (!b->approximate || put(o, "approximate", json_true())))
    return o;
  json_decref(o);
  return NULL;
}

static json_t *person_doc_json(const bmis_wl_person_doc *d) {
  json_t *o = json_object();
  if (o && (!d->type[0] || put(o, "type", json_string(d->type))) &&
      (!d->state[0] || put(o, "state", json_string(d->state))) &&
      put(o, "number", json_string(d->number)))
    return o;
  json_decref(o);
  return NULL;
}

json_t *bmis_wire_wl_person(const bmis_wl_person *p) {
  json_t *o = json_object();
  json_t *a = NULL;
  bool ok = o && put(o, "kind", json_string("person")) &&
            put(o, "ref", json_string(p->ref));
  ok = ok && (a = json_array()) != NULL && put(o, "names", a);
  for (size_t i = 0; ok && i < p->name_count; i++)
    ok = append(a, name_json(&p->names[i]));
  if (ok && p->birth_count) {
    ok = (a = json_array()) != NULL && put(o, "births", a);
    for (size_t i = 0; ok && i < p->birth_count; i++)
      ok = append(a, birth_json(&p->births[i]));
  }
  if (ok && p->nationality_count)
    ok = put(o, "nationalities",
             countries(p->nationalities, p->nationality_count));
  if (ok && p->birth_country_count)
    ok = put(o, "birth_countries",
             countries(p->birth_countries, p->birth_country_count));
  if (ok && p->birth_place_count) {
    ok = (a = json_array()) != NULL && put(o, "birth_places", a);
    for (size_t i = 0; ok && i < p->birth_place_count; i++)
      ok = append(a, json_string(p->birth_places[i]));
  }
  if (ok && p->sex) {
    char sex[2] = {p->sex, 0};
    ok = put(o, "sex", json_string(sex));
  }
  if (ok && p->document_count) {
    ok = (a = json_array()) != NULL && put(o, "documents", a);
    for (size_t i = 0; ok && i < p->document_count; i++)
      ok = append(a, person_doc_json(&p->documents[i]));
  }
  if (ok && p->remarks && *p->remarks)
    ok = put(o, "remarks", json_string(p->remarks));
  if (ok)
    return o;
  json_decref(o);
  return NULL;
}

json_t *bmis_wire_wl_document(const bmis_wl_document *d) {
  json_t *o = json_object();
  bool ok = o && put(o, "kind", json_string("document")) &&
            put(o, "ref", json_string(d->ref)) &&
            put(o, "state", json_string(d->state)) &&
            put(o, "number", json_string(d->number)) &&
            (!d->type[0] || put(o, "type", json_string(d->type))) &&
            put(o, "status", json_string(bmis_doc_status_code(d->status)));
  if (ok && d->reported.year) {
    char date[11];
    date_text(d->reported, date);
    ok = put(o, "reported", json_string(date));
  }
  if (ok && d->remarks && *d->remarks)
    ok = put(o, "remarks", json_string(d->remarks));
  if (ok)
    return o;
  json_decref(o);
  return NULL;
}

bmis_status bmis__wire_wl_entry_text(const bmis_wl_person *p,
                                     const bmis_wl_document *d, bool canonical,
                                     char **out) {
  json_t *j = p ? bmis_wire_wl_person(p) : bmis_wire_wl_document(d);
  bool made = j != NULL;
  *out =
      made
          ? bmis__json_dumps(j, JSON_COMPACT | (canonical ? JSON_SORT_KEYS : 0))
          : NULL;
  json_decref(j);
  return *out ? BMIS_OK : made ? BMIS_E_NOMEM : BMIS_E_INVALID_ARG;
}

char *bmis__wire_wl_list_line(const char *version) {
  json_t *o = json_object();
  char *text = o && put(o, "kind", json_string("list")) &&
                       put(o, "version", json_string(version))
                   ? bmis__json_dumps(o, JSON_COMPACT)
                   : NULL;
  json_decref(o);
  return text;
}

/* List content: the persons and documents of one version of a watchlist, as
 * the importers read them and the store keeps them. The content owns every
 * string and array; entries are allocated one by one so that pointers to
 * them stay valid while more are added. */
#include "base/alloc.h"
#include "base/array.h"
#include "base/text.h"
#include "bmis/country.h"
#include "screen/screen_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Entries are carved from blocks of SLAB_N (a list of ten million lost
 * documents would otherwise be ten million mallocs); a block never moves,
 * so neither does an entry. */
#define SLAB_N 1024

typedef struct slab {
  char **blocks;
  size_t nblocks, cap, used; /* used: entries of the last block */
  size_t elem;
} slab;

static void *slab_alloc(slab *s) {
  if (!s->nblocks || s->used == SLAB_N) {
    if (s->nblocks == s->cap) {
      char **nb = bmis__grow_to(s->blocks, &s->cap, s->nblocks + 1, sizeof *nb);
      if (!nb)
        return NULL;
      s->blocks = nb;
    }
    char *b = bmis__calloc(SLAB_N, s->elem);
    if (!b)
      return NULL;
    s->blocks[s->nblocks++] = b;
    s->used = 0;
  }
  return s->blocks[s->nblocks - 1] + s->elem * s->used++;
}

/* Gives back the entry slab_alloc returned last (zeroed again). */
static void slab_unalloc(slab *s, void *last) {
  memset(last, 0, s->elem);
  s->used--;
}

static void slab_fini(slab *s) {
  for (size_t i = 0; i < s->nblocks; i++)
    bmis__free(s->blocks[i]);
  bmis__free(s->blocks);
}

struct bmis_wl_content {
  char version[BMIS_WL_TEXT_SIZE];
  bmis_wl_person **persons;
  size_t person_count, person_cap;
  bmis_wl_document **documents;
  size_t document_count, document_cap;
  bmis__ref_set refs; /* every reference, persons and documents */
  slab person_slab, document_slab;
};

/* Grows *arr (of elem-sized items, *cap of them) to hold one more. */
static bool grow(void **arr, size_t *cap, size_t count, size_t elem) {
  return bmis__grow(arr, cap, count + 1, elem) == BMIS_OK;
}

/* Arrays of a person are sized exactly (count grows one by one, realloc
 * doubles underneath through malloc's own slack): simple and small. */
static bool push(void **arr, size_t *count, size_t elem, const void *item) {
  void *n = bmis__realloc(*arr, (*count + 1) * elem);
  if (!n)
    return false;
  memcpy((char *)n + *count * elem, item, elem);
  *arr = n;
  (*count)++;
  return true;
}

static char *dup_trimmed(const char *s) {
  while (*s && isspace((unsigned char)*s))
    s++;
  size_t n = strlen(s);
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  char *d = bmis__malloc(n + 1);
  if (d) {
    memcpy(d, s, n);
    d[n] = 0;
  }
  return d;
}

bmis_wl_content *bmis_wl_content_new(void) {
  bmis_wl_content *c = bmis__calloc(1, sizeof(bmis_wl_content));
  if (c) {
    c->person_slab.elem = sizeof(bmis_wl_person);
    c->document_slab.elem = sizeof(bmis_wl_document);
  }
  return c;
}

static void person_free(bmis_wl_person *p) {
  if (!p)
    return;
  for (size_t i = 0; i < p->name_count; i++)
    bmis__free(p->names[i].text);
  bmis__free(p->names);
  bmis__free(p->births);
  bmis__free(p->nationalities);
  bmis__free(p->birth_countries);
  for (size_t i = 0; i < p->birth_place_count; i++)
    bmis__free(p->birth_places[i]);
  bmis__free(p->birth_places);
  bmis__free(p->documents);
  bmis__free(p->remarks);
}

void bmis_wl_content_free(bmis_wl_content *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->person_count; i++)
    person_free(c->persons[i]);
  bmis__free(c->persons);
  for (size_t i = 0; i < c->document_count; i++)
    bmis__free(c->documents[i]->remarks);
  slab_fini(&c->person_slab);
  slab_fini(&c->document_slab);
  bmis__free(c->documents);
  bmis__ref_set_fini(&c->refs);
  bmis__free(c);
}

const char *bmis_wl_content_version(const bmis_wl_content *c) {
  return c ? c->version : "";
}

bmis_status bmis_wl_content_set_version(bmis_wl_content *c, const char *version,
                                        bmis_error *err) {
  if (!c || !version)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no content or version");
  if (!bmis__copy(c->version, sizeof c->version, version))
    return bmis_error_set(err, BMIS_E_TOO_LARGE,
                          "list version is longer than %zu bytes",
                          sizeof c->version - 1);
  return BMIS_OK;
}

size_t bmis_wl_person_count(const bmis_wl_content *c) {
  return c ? c->person_count : 0;
}
const bmis_wl_person *bmis_wl_person_at(const bmis_wl_content *c, size_t i) {
  return c && i < c->person_count ? c->persons[i] : NULL;
}
size_t bmis_wl_document_count(const bmis_wl_content *c) {
  return c ? c->document_count : 0;
}
const bmis_wl_document *bmis_wl_document_at(const bmis_wl_content *c,
                                            size_t i) {
  return c && i < c->document_count ? c->documents[i] : NULL;
}

/* Checks ref and adds `stored` (the entry's own copy of it) to the set. */
static bmis_status check_ref(bmis_wl_content *c, const char *ref,
                             const char *stored, bmis_error *err) {
  size_t n = ref ? strlen(ref) : 0;
  if (n == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "entry has no reference");
  if (n >= 64)
    return bmis_error_set(err, BMIS_E_TOO_LARGE,
                          "reference '%.20s...' is longer than 63 bytes", ref);
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)ref[i] < 0x20)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "reference '%s' has a control character", ref);
  int added = bmis__ref_set_add(&c->refs, stored);
  if (added < 0)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (added == 0)
    return bmis_error_set(err, BMIS_E_CONFLICT,
                          "reference '%s' appears twice in the list", ref);
  return BMIS_OK;
}

bmis_status bmis_wl_content_add_person(bmis_wl_content *c, const char *ref,
                                       bmis_wl_person **out, bmis_error *err) {
  if (!c || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no content");
  if (!grow((void **)&c->persons, &c->person_cap, c->person_count,
            sizeof *c->persons))
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis_wl_person *p = slab_alloc(&c->person_slab);
  if (!p)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis__copy(p->ref, sizeof p->ref, ref ? ref : "");
  bmis_status st = check_ref(c, ref, p->ref, err);
  if (st != BMIS_OK) {
    slab_unalloc(&c->person_slab, p);
    return st;
  }
  c->persons[c->person_count++] = p;
  *out = p;
  return BMIS_OK;
}

static bmis_status nomem(bmis_error *err) {
  return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
}

bmis_status bmis_wl_person_add_name(bmis_wl_content *c, bmis_wl_person *p,
                                    const char *text, bmis_name_quality quality,
                                    bool original_script, bmis_error *err) {
  if (!c || !p || !text)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no name");
  if (quality <= BMIS_NAME_QUALITY_NONE || quality > BMIS_NAME_WEAK)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "name quality must be primary, strong or weak");
  if (strlen(text) >= BMIS_WL_TEXT_SIZE)
    return bmis_error_set(err, BMIS_E_TOO_LARGE,
                          "name '%.40s...' is longer than %d bytes", text,
                          BMIS_WL_TEXT_SIZE - 1);
  char *t = dup_trimmed(text);
  if (!t)
    return nomem(err);
  if (!*t) {
    bmis__free(t);
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "empty name for '%s'",
                          p->ref);
  }
  for (size_t i = 0; i < p->name_count; i++)
    if (strcmp(p->names[i].text, t) == 0) {
      if (quality < p->names[i].quality)
        p->names[i].quality = quality;
      bmis__free(t);
      return BMIS_OK;
    }
  bmis_wl_name n = {t, quality, original_script};
  if (!push((void **)&p->names, &p->name_count, sizeof n, &n)) {
    bmis__free(t);
    return nomem(err);
  }
  return BMIS_OK;
}

bmis_status bmis_wl_person_add_birth(bmis_wl_content *c, bmis_wl_person *p,
                                     bmis_wl_birth b, bmis_error *err) {
  if (!c || !p)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no person");
  bmis_date d = b.date;
  if (d.year < 1800 || d.year > 2200)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "year of birth %d is out of range", d.year);
  if (d.month < 0 || d.month > 12 || (d.month == 0 && d.day != 0) ||
      (d.day != 0 && !bmis_date_is_valid(d)))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%04d-%02d-%02d is not a date", d.year, d.month,
                          d.day);
  if (b.to_year && (b.to_year < d.year || b.to_year > 2200 || d.month))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "birth years %d-%d are not a range", d.year,
                          b.to_year);
  for (size_t i = 0; i < p->birth_count; i++)
    if (memcmp(&p->births[i], &b, sizeof b) == 0)
      return BMIS_OK;
  if (!push((void **)&p->births, &p->birth_count, sizeof b, &b))
    return nomem(err);
  return BMIS_OK;
}

static bmis_status add_country(char (**arr)[4], size_t *count,
                               const char *country, const char *what,
                               bmis_error *err) {
  const bmis_country *k = bmis_country_lookup(country);
  if (!k)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s '%s' is not a country",
                          what, country ? country : "");
  char code[4] = {0};
  bmis__copy(code, sizeof code, k->code);
  for (size_t i = 0; i < *count; i++)
    if (strcmp((*arr)[i], code) == 0)
      return BMIS_OK;
  if (!push((void **)arr, count, sizeof code, code))
    return nomem(err);
  return BMIS_OK;
}

bmis_status bmis_wl_person_add_nationality(bmis_wl_content *c,
                                           bmis_wl_person *p,
                                           const char *country,
                                           bmis_error *err) {
  if (!c || !p)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no person");
  return add_country(&p->nationalities, &p->nationality_count, country,
                     "nationality", err);
}

bmis_status bmis_wl_person_add_birth_country(bmis_wl_content *c,
                                             bmis_wl_person *p,
                                             const char *country,
                                             bmis_error *err) {
  if (!c || !p)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no person");
  return add_country(&p->birth_countries, &p->birth_country_count, country,
                     "country of birth", err);
}

bmis_status bmis_wl_person_add_birth_place(bmis_wl_content *c,
                                           bmis_wl_person *p, const char *place,
                                           bmis_error *err) {
  if (!c || !p || !place)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no place");
  if (strlen(place) >= BMIS_WL_TEXT_SIZE)
    return bmis_error_set(err, BMIS_E_TOO_LARGE,
                          "place of birth is longer than %d bytes",
                          BMIS_WL_TEXT_SIZE - 1);
  char *t = dup_trimmed(place);
  if (!t)
    return nomem(err);
  if (!*t) {
    bmis__free(t);
    return BMIS_OK;
  }
  if (!push((void **)&p->birth_places, &p->birth_place_count, sizeof t, &t)) {
    bmis__free(t);
    return nomem(err);
  }
  return BMIS_OK;
}

bmis_status bmis_wl_person_add_document(bmis_wl_content *c, bmis_wl_person *p,
                                        const bmis_wl_person_doc *d,
                                        bmis_error *err) {
  if (!c || !p || !d)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no document");
  if (!d->number[0] || !memchr(d->number, 0, sizeof d->number))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document of '%s' has no number", p->ref);
  bmis_wl_person_doc copy = *d;
  if (d->state[0]) {
    const bmis_country *k = bmis_country_lookup(d->state);
    if (!k)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "document state '%s' is not a country", d->state);
    bmis__copy(copy.state, sizeof copy.state, k->code);
  }
  if (!push((void **)&p->documents, &p->document_count, sizeof copy, &copy))
    return nomem(err);
  return BMIS_OK;
}

bmis_status bmis_wl_person_set_remarks(bmis_wl_content *c, bmis_wl_person *p,
                                       const char *remarks, bmis_error *err) {
  if (!c || !p || !remarks)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no remarks");
  if (strlen(remarks) > BMIS__REMARKS_MAX)
    return bmis_error_set(err, BMIS_E_TOO_LARGE,
                          "remarks of '%s' are longer than %d bytes", p->ref,
                          BMIS__REMARKS_MAX);
  char *t = dup_trimmed(remarks);
  if (!t)
    return nomem(err);
  bmis__free(p->remarks);
  p->remarks = *t ? t : NULL;
  if (!*t)
    bmis__free(t);
  return BMIS_OK;
}

bmis_status bmis_wl_content_add_document(bmis_wl_content *c,
                                         const bmis_wl_document *d,
                                         bmis_error *err) {
  if (!c || !d)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no document");
  if (!memchr(d->number, 0, sizeof d->number) || !d->number[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document '%s' has no number", d->ref);
  if (d->status <= BMIS_DOC_STATUS_NONE || d->status > BMIS_DOC_INVALIDATED)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document '%s' has no status (lost, stolen, "
                          "revoked, invalidated)",
                          d->ref);
  const bmis_country *k = bmis_country_lookup(d->state);
  if (!k)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document '%s': issuing state '%s' is not a country",
                          d->ref, d->state);
  if (d->reported.year && !bmis_date_is_valid(d->reported))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document '%s': date reported is not a date", d->ref);
  if (d->remarks && strlen(d->remarks) > BMIS__REMARKS_MAX)
    return bmis_error_set(err, BMIS_E_TOO_LARGE,
                          "remarks of '%s' are longer than %d bytes", d->ref,
                          BMIS__REMARKS_MAX);
  if (!grow((void **)&c->documents, &c->document_cap, c->document_count,
            sizeof *c->documents))
    return nomem(err);
  bmis_wl_document *n = slab_alloc(&c->document_slab);
  if (!n)
    return nomem(err);
  *n = *d;
  n->remarks = NULL;
  n->ref[sizeof n->ref - 1] = 0;
  bmis_status st = check_ref(c, d->ref, n->ref, err);
  if (st != BMIS_OK) {
    slab_unalloc(&c->document_slab, n);
    return st;
  }
  n->type[sizeof n->type - 1] = 0;
  bmis__copy(n->state, sizeof n->state, k->code);
  n->remarks = d->remarks && *d->remarks ? dup_trimmed(d->remarks) : NULL;
  if (d->remarks && *d->remarks && !n->remarks)
    return nomem(err); /* the content is unusable now (header) */
  c->documents[c->document_count++] = n;
  return BMIS_OK;
}

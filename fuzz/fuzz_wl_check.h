/* What the list-file fuzz targets (fuzz_wl_un.c, fuzz_wl_csv.c) require of
 * bmis_wl_read, whatever the input: a status among OK, E_PARSE, E_NOMEM and
 * E_TOO_LARGE that agrees with a terminated, non-empty message naming the
 * line at fault; and on success, content that keeps every promise of
 * include/bmis/screen.h (references 1-63 bytes and unique, names non-empty
 * UTF-8 under 256 bytes with a quality, births within range, countries from
 * the table, remarks within 4000 bytes) and that every entry can be
 * screened (issue 12, defect 14): a person has at least one usable name,
 * one the scorer makes tokens of (bmis_screen_compare_names accepts it),
 * and every document, a person's or a document
 * entry, has a number with an ASCII letter or digit; which
 * bmis_wl_write_jsonl writes and bmis_wl_read reads back as the same
 * entries. */
#ifndef BMIS_FUZZ_WL_CHECK_H
#define BMIS_FUZZ_WL_CHECK_H

/* The includer defines _POSIX_C_SOURCE 200809L first (open_memstream). */
#include "bmis/country.h"
#include "bmis/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void wl_require(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_wl: broken invariant: %s\n", what);
    abort();
  }
}

/* Well-formed UTF-8 without NUL or C0 controls other than TAB, CR, LF. */
static int wl_utf8(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned char b = *p;
    size_t more = b < 0x80                 ? 0
                  : b >= 0xC2 && b <= 0xDF ? 1
                  : b >= 0xE0 && b <= 0xEF ? 2
                  : b >= 0xF0 && b <= 0xF4 ? 3
                                           : 9;
    if (more == 9)
      return 0;
    for (size_t k = 1; k <= more; k++)
      if ((p[k] & 0xC0) != 0x80)
        return 0;
    p += more + 1;
  }
  return 1;
}

static void wl_check_country(const char code[4], const char *what) {
  wl_require(memchr(code, 0, 4) != NULL, what);
  wl_require(bmis_country_by_code(code, strlen(code)) != NULL, what);
}

static void wl_check_ref(const char *ref) {
  wl_require(memchr(ref, 0, 64) != NULL, "reference not terminated");
  wl_require(ref[0] != 0, "empty reference");
  for (const char *c = ref; *c; c++)
    wl_require((unsigned char)*c >= 0x20, "control character in reference");
}

/* A number the screening compares by (letters and digits, others dropped)
 * is not empty. */
static int wl_number_usable(const char *number) {
  for (const char *c = number; *c; c++)
    if ((*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') ||
        (*c >= 'a' && *c <= 'z'))
      return 1;
  return 0;
}

/* A name that screening can match: the scorer makes tokens of it (it
 * refuses a name with no letter or digit with E_PARSE). */
static int wl_name_usable(const char *name) {
  double score = 0;
  return bmis_screen_compare_names(name, name, &score, NULL, NULL) == BMIS_OK;
}

static void wl_check_person(const bmis_wl_person *p) {
  wl_check_ref(p->ref);
  wl_require(p->name_count > 0, "person without a name");
  int usable = 0;
  for (size_t i = 0; i < p->name_count && !usable; i++)
    usable = wl_name_usable(p->names[i].text);
  wl_require(usable, "person without a usable name");
  for (size_t i = 0; i < p->name_count; i++) {
    const bmis_wl_name *n = &p->names[i];
    wl_require(n->text && n->text[0], "empty name");
    wl_require(strlen(n->text) < BMIS_WL_TEXT_SIZE, "name too long");
    wl_require(wl_utf8(n->text), "name not UTF-8");
    wl_require(n->quality >= BMIS_NAME_PRIMARY && n->quality <= BMIS_NAME_WEAK,
               "name quality");
    for (size_t k = 0; k < i; k++)
      wl_require(strcmp(p->names[k].text, n->text) != 0, "name twice");
  }
  for (size_t i = 0; i < p->birth_count; i++) {
    const bmis_wl_birth *b = &p->births[i];
    wl_require(b->date.year >= 1800 && b->date.year <= 2200, "birth year");
    wl_require(b->date.month >= 0 && b->date.month <= 12, "birth month");
    wl_require(b->date.day == 0 || bmis_date_is_valid(b->date), "birth day");
    wl_require(b->date.month || !b->date.day, "day without month");
    wl_require(!b->to_year || (b->to_year > b->date.year && !b->date.month &&
                               b->to_year <= 2200),
               "birth range");
  }
  for (size_t i = 0; i < p->nationality_count; i++)
    wl_check_country(p->nationalities[i], "nationality");
  for (size_t i = 0; i < p->birth_country_count; i++)
    wl_check_country(p->birth_countries[i], "country of birth");
  for (size_t i = 0; i < p->birth_place_count; i++)
    wl_require(p->birth_places[i][0] && wl_utf8(p->birth_places[i]) &&
                   strlen(p->birth_places[i]) < BMIS_WL_TEXT_SIZE,
               "place of birth");
  wl_require(!p->sex || p->sex == 'F' || p->sex == 'M' || p->sex == 'X', "sex");
  for (size_t i = 0; i < p->document_count; i++) {
    const bmis_wl_person_doc *d = &p->documents[i];
    wl_require(memchr(d->type, 0, sizeof d->type) && wl_utf8(d->type),
               "document type");
    wl_require(memchr(d->number, 0, sizeof d->number) && d->number[0] &&
                   wl_utf8(d->number) && wl_number_usable(d->number),
               "document number");
    if (d->state[0])
      wl_check_country(d->state, "document state");
  }
  wl_require(!p->remarks || (strlen(p->remarks) <= 4000 &&
                             wl_utf8(p->remarks) && p->remarks[0]),
             "remarks");
}

static void wl_check_document(const bmis_wl_document *d) {
  wl_check_ref(d->ref);
  wl_check_country(d->state, "document state");
  wl_require(memchr(d->number, 0, sizeof d->number) && d->number[0] &&
                 wl_number_usable(d->number),
             "document number");
  wl_require(memchr(d->type, 0, sizeof d->type) != NULL, "document type");
  wl_require(d->status >= BMIS_DOC_LOST && d->status <= BMIS_DOC_INVALIDATED,
             "document status");
  wl_require(!d->reported.year || bmis_date_is_valid(d->reported),
             "date reported");
  wl_require(!d->remarks || strlen(d->remarks) <= 4000, "remarks");
}

static void wl_check_error(bmis_status st, const bmis_error *err) {
  wl_require(st == BMIS_OK || st == BMIS_E_PARSE || st == BMIS_E_NOMEM ||
                 st == BMIS_E_TOO_LARGE,
             "status outside OK, E_PARSE, E_NOMEM, E_TOO_LARGE");
  if (st == BMIS_OK)
    return;
  wl_require(err->status == st, "error status differs from the return");
  wl_require(memchr(err->message, 0, sizeof err->message) != NULL,
             "message not terminated");
  wl_require(err->message[0] != 0, "empty message");
  if (st == BMIS_E_PARSE)
    wl_require(strncmp(err->message, "line ", 5) == 0 ||
                   strcmp(err->message, "no header row") == 0 ||
                   strcmp(err->message, "the list file is empty") == 0 ||
                   strcmp(err->message, "malformed XML") == 0 ||
                   strcmp(err->message, "no CONSOLIDATED_LIST element") == 0,
               "a parse error names no line");
}

/* The same entries, in the same order. */
static void wl_check_same(const bmis_wl_content *a, const bmis_wl_content *b) {
  wl_require(bmis_wl_person_count(a) == bmis_wl_person_count(b),
             "round trip: persons");
  wl_require(bmis_wl_document_count(a) == bmis_wl_document_count(b),
             "round trip: documents");
  wl_require(strcmp(bmis_wl_content_version(a), bmis_wl_content_version(b)) ==
                 0,
             "round trip: version");
  for (size_t i = 0; i < bmis_wl_person_count(a); i++) {
    const bmis_wl_person *p = bmis_wl_person_at(a, i);
    const bmis_wl_person *q = bmis_wl_person_at(b, i);
    wl_require(strcmp(p->ref, q->ref) == 0, "round trip: ref");
    wl_require(p->name_count == q->name_count, "round trip: names");
    for (size_t k = 0; k < p->name_count; k++)
      wl_require(strcmp(p->names[k].text, q->names[k].text) == 0 &&
                     p->names[k].quality == q->names[k].quality &&
                     p->names[k].original_script == q->names[k].original_script,
                 "round trip: name");
    wl_require(p->birth_count == q->birth_count &&
                   (!p->birth_count ||
                    memcmp(p->births, q->births,
                           p->birth_count * sizeof *p->births) == 0),
               "round trip: births");
    wl_require(p->nationality_count == q->nationality_count &&
                   p->birth_country_count == q->birth_country_count &&
                   p->birth_place_count == q->birth_place_count &&
                   p->document_count == q->document_count && p->sex == q->sex,
               "round trip: countries, places, documents, sex");
    wl_require(
        (!p->remarks && !q->remarks) ||
            (p->remarks && q->remarks && strcmp(p->remarks, q->remarks) == 0),
        "round trip: remarks");
  }
  for (size_t i = 0; i < bmis_wl_document_count(a); i++) {
    const bmis_wl_document *d = bmis_wl_document_at(a, i);
    const bmis_wl_document *e = bmis_wl_document_at(b, i);
    wl_require(strcmp(d->ref, e->ref) == 0 &&
                   strcmp(d->number, e->number) == 0 &&
                   strcmp(d->state, e->state) == 0 && d->status == e->status,
               "round trip: document");
  }
}

/* Reads the input as `format` and checks everything above. */
static void wl_fuzz_one(bmis_wl_format format, const uint8_t *data,
                        size_t size) {
  bmis_wl_content *c = bmis_wl_content_new();
  if (!c)
    abort();
  bmis_error err;
  memset(&err, 0, sizeof err);
  bmis_status st = bmis_wl_read(format, (const char *)data, size, c, &err);
  wl_check_error(st, &err);
  if (st == BMIS_OK) {
    for (size_t i = 0; i < bmis_wl_person_count(c); i++)
      wl_check_person(bmis_wl_person_at(c, i));
    for (size_t i = 0; i < bmis_wl_document_count(c); i++)
      wl_check_document(bmis_wl_document_at(c, i));
    /* Written as JSON lines, it reads back the same. */
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
      abort();
    st = bmis_wl_write_jsonl(c, f, &err);
    fclose(f);
    wl_require(st == BMIS_OK, "the content cannot be written as JSON lines");
    if (len) {
      bmis_wl_content *back = bmis_wl_content_new();
      st = bmis_wl_read(BMIS_WL_FORMAT_JSONL, text, len, back, &err);
      if (st != BMIS_OK)
        fprintf(stderr, "fuzz_wl: %s\n", err.message);
      wl_require(st == BMIS_OK, "its JSON lines do not read back");
      wl_check_same(c, back);
      bmis_wl_content_free(back);
    }
    free(text);
  }
  bmis_wl_content_free(c);
}

#endif

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
 * The JSON itself is made and read in wire/ (wire_watchlist.c writes an
 * entry, wire_watchlist_read.c decodes one into the public structs); here
 * a decoded entry goes into a content through the content's checks, each
 * refusal named by the member it came from ("names[1]: ..."), and the
 * JSON-lines file is split into lines and written. */
#include "base/alloc.h"
#include "screen/screen_internal.h"
#include "wire/wire_internal.h"

#include <ctype.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- a decoded entry through the content's checks ---- */

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

static bmis_status person_add(const bmis__wl_line *l, bmis_wl_content *c,
                              bmis_error *err) {
  const bmis_wl_person *in = &l->person;
  bmis_wl_person *p;
  bmis_status st = bmis_wl_content_add_person(c, l->ref, &p, err);
  if (st != BMIS_OK)
    return prefixed(st, err, "ref");
  char at[64];
  for (size_t i = 0; i < in->name_count; i++) {
    const bmis_wl_name *n = &in->names[i];
    snprintf(at, sizeof at, "names[%zu]", i);
    if ((st = bmis_wl_person_add_name(c, p, n->text, n->quality,
                                      n->original_script, err)) != BMIS_OK)
      return prefixed(st, err, at);
  }
  for (size_t i = 0; i < in->birth_count; i++) {
    snprintf(at, sizeof at, "births[%zu]", i);
    if ((st = bmis_wl_person_add_birth(c, p, in->births[i], err)) != BMIS_OK)
      return prefixed(st, err, at);
  }
  for (size_t i = 0; i < in->nationality_count; i++) {
    snprintf(at, sizeof at, "nationalities[%zu]", i);
    if ((st = bmis_wl_person_add_nationality(c, p, in->nationalities[i],
                                             err)) != BMIS_OK)
      return prefixed(st, err, at);
  }
  for (size_t i = 0; i < in->birth_country_count; i++) {
    snprintf(at, sizeof at, "birth_countries[%zu]", i);
    if ((st = bmis_wl_person_add_birth_country(c, p, in->birth_countries[i],
                                               err)) != BMIS_OK)
      return prefixed(st, err, at);
  }
  for (size_t i = 0; i < in->birth_place_count; i++) {
    snprintf(at, sizeof at, "birth_places[%zu]", i);
    if ((st = bmis_wl_person_add_birth_place(c, p, in->birth_places[i], err)) !=
        BMIS_OK)
      return prefixed(st, err, at);
  }
  p->sex = in->sex;
  for (size_t i = 0; i < in->document_count; i++) {
    snprintf(at, sizeof at, "documents[%zu]", i);
    if ((st = bmis_wl_person_add_document(c, p, &in->documents[i], err)) !=
        BMIS_OK)
      return prefixed(st, err, at);
  }
  if (in->remarks && *in->remarks)
    return prefixed(bmis_wl_person_set_remarks(c, p, in->remarks, err), err,
                    "remarks");
  return BMIS_OK;
}

/* The decoded entry added to c (a list line is not an entry). */
static bmis_status line_add(const bmis__wl_line *l, bmis_wl_content *c,
                            bmis_error *err) {
  if (l->kind == BMIS__WL_LINE_PERSON)
    return person_add(l, c, err);
  /* Everything else was checked by the decoder: what is left is the
   * reference. */
  return prefixed(bmis_wl_content_add_document(c, &l->document, err), err,
                  "ref");
}

bmis_status bmis__wl_entry_add(const char *text, size_t len, bmis_wl_content *c,
                               bmis_error *err) {
  bmis__wl_line l;
  bmis_status st =
      bmis__wire_wl_line_decode(text, len, BMIS__WL_READ_ENTRY, &l, err);
  if (st == BMIS_OK)
    st = line_add(&l, c, err);
  bmis__wire_wl_line_fini(&l);
  return st;
}

/* ---- JSON lines ---- */

/* A line of a list file: the list line sets the version; an entry is
 * refused when it could never be matched (the store's own entries are read
 * with bmis__wl_entry_add alone, so that what an older version stored
 * still reads back). */
static bmis_status line_read(const char *text, size_t len, bool first,
                             bmis_wl_content *c, bmis_error *err) {
  bmis__wl_line l;
  bmis_status st = bmis__wire_wl_line_decode(
      text, len, first ? BMIS__WL_READ_FIRST_LINE : BMIS__WL_READ_LINE, &l,
      err);
  size_t persons = bmis_wl_person_count(c), docs = bmis_wl_document_count(c);
  if (st == BMIS_OK && l.kind == BMIS__WL_LINE_LIST)
    st = l.version ? bmis_wl_content_set_version(c, l.version, err) : BMIS_OK;
  else if (st == BMIS_OK)
    st = line_add(&l, c, err);
  if (st == BMIS_OK && bmis_wl_person_count(c) > persons)
    st = bmis__wl_person_screenable(bmis_wl_person_at(c, persons), err);
  else if (st == BMIS_OK && bmis_wl_document_count(c) > docs)
    st = bmis__wl_document_screenable(bmis_wl_document_at(c, docs), err);
  bmis__wire_wl_line_fini(&l);
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
    bmis_status st = line_read(start, n, first, out, err);
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

/* Writes text and a line break; false when text is NULL or writing
 * failed. Frees text. */
/* Writes text and a line break, and frees it: E_NOMEM when text is NULL
 * (the encoder ran out of memory), E_IO when the file refuses it. */
static bmis_status write_line(char *text, FILE *out) {
  bmis_status st = !text                     ? BMIS_E_NOMEM
                   : fputs(text, out) == EOF ? BMIS_E_IO
                   : fputc('\n', out) == EOF ? BMIS_E_IO
                                             : BMIS_OK;
  bmis__free(text);
  return st;
}

bmis_status bmis_wl_write_jsonl(const bmis_wl_content *c, FILE *out,
                                bmis_error *err) {
  if (!c || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no content or file");
  bmis_status st =
      write_line(bmis__wire_wl_list_line(bmis_wl_content_version(c)), out);
  const char *ref = "";
  char *text = NULL;
  for (size_t i = 0; st == BMIS_OK && i < bmis_wl_person_count(c); i++) {
    const bmis_wl_person *p = bmis_wl_person_at(c, i);
    ref = p->ref;
    st = bmis__wire_wl_entry_text(p, NULL, false, &text);
    if (st == BMIS_OK)
      st = write_line(text, out);
  }
  for (size_t i = 0; st == BMIS_OK && i < bmis_wl_document_count(c); i++) {
    const bmis_wl_document *d = bmis_wl_document_at(c, i);
    ref = d->ref;
    st = bmis__wire_wl_entry_text(NULL, d, false, &text);
    if (st == BMIS_OK)
      st = write_line(text, out);
  }
  if (st == BMIS_OK && (fflush(out) != 0 || ferror(out)))
    st = BMIS_E_IO;
  switch (st) {
  case BMIS_OK: return BMIS_OK;
  case BMIS_E_IO:
    return bmis_error_set(err, BMIS_E_IO, "writing the list failed");
  case BMIS_E_NOMEM:
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory writing entry '%s'",
                          ref);
  default:
    return bmis_error_set(err, st,
                          "entry '%s' cannot be written as JSON (text that "
                          "is not UTF-8)",
                          ref);
  }
}

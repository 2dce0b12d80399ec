/* Field text on demand: the characters as read, and the decoded value
 * (fillers removed, names spaced, dates in ISO form). Parsing only records
 * where each field is; these functions turn that into text when a front end
 * asks, so that checking a document writes no strings. */
#include "bmis/country.h"
#include "doc/mrz_internal.h"

#include <stdint.h>
#include <string.h>

size_t bmis__mrz_decode_name(char *dst, const char *src, size_t n) {
  size_t o = 0, i = 0;
  while (i < n) {
    const char *f = memchr(src + i, '<', n - i);
    size_t run = f ? (size_t)(f - (src + i)) : n - i;
    if (run) {
      if (o)
        dst[o++] = ' ';
      memcpy(dst + o, src + i, run);
      o += run;
      i += run;
    }
    while (i < n && src[i] == '<')
      i++;
  }
  dst[o] = '\0';
  return o;
}

/* Copies len bytes and a NUL into buf, truncated to cap; returns len. */
static size_t put(char *buf, size_t cap, const char *src, size_t len) {
  if (cap) {
    size_t n = len < cap ? len : cap - 1;
    memcpy(buf, src, n);
    buf[n] = '\0';
  }
  return len;
}

static const char *start(const bmis_doc *doc, const bmis_doc_field *f) {
  return doc->lines[f->line - 1] + (f->col - 1);
}

size_t bmis_doc_field_raw(const bmis_doc *doc, bmis_doc_field_id field,
                          char *buf, size_t cap) {
  if (!doc || (unsigned)field >= BMIS_FIELD_COUNT)
    return put(buf, cap, "", 0);
  const bmis_doc_field *f = &doc->fields[field];
  if (f->verdict == BMIS_VERDICT_ABSENT || f->len == 0)
    return put(buf, cap, "", 0);
  return put(buf, cap, start(doc, f), f->len);
}

static size_t date_value(bmis_date d, char *buf, size_t cap) {
  char iso[11];
  if (d.year == 0)
    return put(buf, cap, "", 0);
  return put(buf, cap, bmis_date_format_iso(d, iso), 10);
}

/* A name part decoded, into buf (which may be too small: decode into a
 * field-sized buffer first). */
static size_t name_value(const bmis_doc *doc, bmis_doc_field_id field,
                         char *buf, size_t cap) {
  const bmis_doc_field *f = &doc->fields[field];
  char tmp[BMIS_MRZ_LINE_LEN + 1];
  if (f->verdict == BMIS_VERDICT_ABSENT || f->len == 0)
    return put(buf, cap, "", 0);
  /* Fields are at most a line long; the clamps tell the compiler so. */
  size_t len = f->len < sizeof tmp ? f->len : sizeof tmp - 1;
  size_t n = bmis__mrz_decode_name(tmp, start(doc, f), len);
  if (n >= sizeof tmp)
    n = sizeof tmp - 1;
  return put(buf, cap, tmp, n);
}

size_t bmis_doc_field_value(const bmis_doc *doc, bmis_doc_field_id field,
                            char *buf, size_t cap) {
  if (!doc || (unsigned)field >= BMIS_FIELD_COUNT)
    return put(buf, cap, "", 0);
  const bmis_doc_field *f = &doc->fields[field];
  if (f->verdict == BMIS_VERDICT_ABSENT)
    return put(buf, cap, "", 0);
  const char *p = f->len ? start(doc, f) : "";
  switch (field) {
  case BMIS_FIELD_NAME: {
    /* "PRIMARY, SECONDARY": both come from one field, so it fits. */
    char whole[2 * BMIS_DOC_VALUE_MAX];
    size_t n = name_value(doc, BMIS_FIELD_PRIMARY_IDENTIFIER, whole,
                          BMIS_DOC_VALUE_MAX);
    char given[BMIS_DOC_VALUE_MAX];
    size_t g =
        name_value(doc, BMIS_FIELD_SECONDARY_IDENTIFIER, given, sizeof given);
    if (g) {
      memcpy(whole + n, ", ", 2);
      memcpy(whole + n + 2, given, g + 1);
      n += 2 + g;
    }
    return put(buf, cap, whole, n);
  }
  case BMIS_FIELD_PRIMARY_IDENTIFIER:
  case BMIS_FIELD_SECONDARY_IDENTIFIER: return name_value(doc, field, buf, cap);
  case BMIS_FIELD_BIRTH_DATE: return date_value(doc->birth_date, buf, cap);
  case BMIS_FIELD_EXPIRY_DATE:
    return date_value(doc->has_expiry ? doc->expiry_date : (bmis_date){0, 0, 0},
                      buf, cap);
  case BMIS_FIELD_ISSUE_DATE: {
    char iso[11];
    if (doc->issue_date.year == 0)
      return put(buf, cap, "", 0);
    return put(buf, cap, bmis_date_format_iso(doc->issue_date, iso), 7);
  }
  case BMIS_FIELD_NATIONALITY:
    if (f->len == 0) /* implied by the French card */
      return put(buf, cap, "FRA", 3);
    return put(buf, cap, p, bmis__mrz_trimmed_length(p, f->len));
  case BMIS_FIELD_SEX:
    return *p == '<' ? put(buf, cap, "", 0) : put(buf, cap, p, 1);
  case BMIS_FIELD_DOCUMENT_NUMBER:
    if (doc->long_number != BMIS_LONG_NUMBER_NONE) {
      /* The first nine, then the optional data up to the check digit. */
      const bmis_doc_field *cd = &doc->fields[BMIS_FIELD_DOCUMENT_NUMBER_CHECK];
      const bmis_doc_field *od = &doc->fields[BMIS_FIELD_OPTIONAL_DATA];
      char whole[BMIS_DOC_VALUE_MAX];
      size_t extra = (size_t)(cd->col - od->col);
      memcpy(whole, p, f->len);
      memcpy(whole + f->len, start(doc, od), extra);
      return put(buf, cap, whole, f->len + extra);
    }
    return put(buf, cap, p, bmis__mrz_trimmed_length(p, f->len));
  case BMIS_FIELD_OPTIONAL_DATA: {
    size_t skip = doc->optional_offset < f->len ? doc->optional_offset : f->len;
    return put(buf, cap, p + skip,
               bmis__mrz_trimmed_length(p + skip, f->len - skip));
  }
  default: /* codes, check digits, optional data 2, issuing office */
    return put(buf, cap, p, bmis__mrz_trimmed_length(p, f->len));
  }
}

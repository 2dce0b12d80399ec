/* The matching key of a listed person (see screen_internal.h): the per-name
 * work done once at import and stored, so that building the index is a
 * read, not a re-transliteration of every name.
 *
 * One item per line:
 *   n <quality><script> <name as listed>TAB<form>|<form>...
 *   b <YYYY[-MM[-DD]]> | b ~YYYY | b YYYY..YYYY
 *   c <nationality>
 *   d <issuing state or -> <normalised number>
 *   x <sex>
 * quality is p/s/w (primary, strong, weak), script o (original) or l. */
#include "screen/match_key.h"
#include "base/strbuf.h"

#include "screen/name.h"

#include "bmis/country.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bmis__country_canon(const char *in, char out[4]) {
  out[0] = 0;
  const bmis_country *k = in && *in ? bmis_country_lookup(in) : NULL;
  if (k &&
      (k->kind == BMIS_COUNTRY_ICAO_STATE || k->kind == BMIS_COUNTRY_ICAO_GB) &&
      k->alpha2[0]) {
    const bmis_country *iso = bmis_country_by_alpha2(k->alpha2);
    if (iso)
      k = iso;
  }
  if (k)
    snprintf(out, 4, "%s", k->code);
}

void bmis__doc_number_norm(const char *in, char out[40]) {
  size_t n = 0;
  for (; *in && n < 39; in++) {
    unsigned char c = (unsigned char)*in;
    if (isalnum(c) && c < 0x80)
      out[n++] = (char)toupper(c);
  }
  out[n] = 0;
}

bool bmis__wl_number_screenable(const char *number) {
  char norm[40];
  bmis__doc_number_norm(number, norm);
  return norm[0] != 0;
}

bmis_status bmis__wl_person_screenable(const bmis_wl_person *p,
                                       bmis_error *err) {
  bool named = false;
  for (size_t i = 0; i < p->name_count && !named; i++) {
    bmis__forms f;
    bmis_error e2;
    bmis_status st = bmis__name_forms(p->names[i].text, &f, &e2);
    if (st == BMIS_E_NOMEM || st == BMIS_E_INTERNAL)
      return bmis_error_set(err, st, "person '%s': %s", p->ref, e2.message);
    named = st == BMIS_OK && f.count > 0;
  }
  if (!named)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          p->name_count
                              ? "person '%s' has no name that can be screened "
                                "(no name has a letter or digit)"
                              : "person '%s' has no name; it could never be "
                                "screened",
                          p->ref);
  for (size_t i = 0; i < p->document_count; i++)
    if (!bmis__wl_number_screenable(p->documents[i].number))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "person '%s': document number '%s' has no letter "
                            "or digit; it could never be screened",
                            p->ref, p->documents[i].number);
  return BMIS_OK;
}

bmis_status bmis__wl_document_screenable(const bmis_wl_document *d,
                                         bmis_error *err) {
  if (!bmis__wl_number_screenable(d->number))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document '%s': number '%s' has no letter or digit; "
                          "it could never be screened",
                          d->ref, d->number);
  return BMIS_OK;
}

/* A key longer than this is refused, never cut (an entry of a 1 MiB JSON
 * line makes one of well under it). */
#define MATCH_KEY_MAX (16u << 20)

/* The listed text with control characters (and so the key's separators)
 * turned into spaces. */
static void put_clean(bmis__strbuf *b, const char *s) {
  while (*s) {
    size_t run = 0; /* the bytes up to the next control character */
    while (s[run] && (unsigned char)s[run] >= 0x20)
      run++;
    bmis__strbuf_append_n(b, s, run);
    s += run;
    if (*s) {
      bmis__strbuf_append_n(b, " ", 1);
      s++;
    }
  }
}

bmis_status bmis__person_match_key(const bmis_wl_person *p, char **out,
                                   bmis_error *err) {
  bmis__strbuf b;
  bmis__strbuf_init(&b, MATCH_KEY_MAX);
  for (size_t i = 0; i < p->name_count; i++) {
    const bmis_wl_name *nm = &p->names[i];
    bmis__forms f;
    bmis_error e2;
    if (bmis__name_forms(nm->text, &f, &e2) != BMIS_OK) {
      if (e2.status == BMIS_E_PARSE)
        continue; /* a name with no letters cannot match; keep the rest */
      bmis__strbuf_fini(&b);
      return bmis_error_set(err, e2.status, "entry '%s', name '%s': %s", p->ref,
                            nm->text, e2.message);
    }
    const char head[5] = {'n', ' ',
                          nm->quality == BMIS_NAME_PRIMARY  ? 'p'
                          : nm->quality == BMIS_NAME_STRONG ? 's'
                                                            : 'w',
                          nm->original_script ? 'o' : 'l', ' '};
    bmis__strbuf_append_n(&b, head, sizeof head);
    put_clean(&b, nm->text);
    for (size_t k = 0; k < f.count; k++) {
      bmis__strbuf_append_n(&b, k ? "|" : "\t", 1);
      bmis__strbuf_append(&b, f.form[k]);
    }
    bmis__strbuf_append_n(&b, "\n", 1);
  }
  for (size_t i = 0; i < p->birth_count; i++) {
    const bmis_wl_birth *bi = &p->births[i];
    if (bi->to_year)
      bmis__strbuf_printf(&b, "b %d..%d\n", bi->date.year, bi->to_year);
    else if (bi->date.month == 0)
      bmis__strbuf_printf(&b, "b %s%d\n", bi->approximate ? "~" : "",
                          bi->date.year);
    else if (bi->date.day == 0)
      bmis__strbuf_printf(&b, "b %04d-%02d\n", bi->date.year, bi->date.month);
    else
      bmis__strbuf_printf(&b, "b %04d-%02d-%02d\n", bi->date.year,
                          bi->date.month, bi->date.day);
  }
  for (size_t i = 0; i < p->nationality_count; i++) {
    char canon[4];
    bmis__country_canon(p->nationalities[i], canon);
    if (!canon[0])
      continue;
    bmis__strbuf_printf(&b, "c %s\n", canon);
  }
  for (size_t i = 0; i < p->document_count; i++) {
    char norm[40];
    bmis__doc_number_norm(p->documents[i].number, norm);
    if (!norm[0])
      continue;
    char canon[4];
    bmis__country_canon(p->documents[i].state, canon);
    bmis__strbuf_printf(&b, "d %s %s\n", canon[0] ? canon : "-", norm);
  }
  if (p->sex)
    bmis__strbuf_printf(&b, "x %c\n", p->sex);
  bmis_status st = bmis__strbuf_status(&b);
  char *key = bmis__strbuf_take(&b);
  if (st == BMIS_E_TOO_LARGE)
    return bmis_error_set(err, st,
                          "entry '%s': its matching key is longer than %u "
                          "bytes",
                          p->ref, MATCH_KEY_MAX);
  if (!key)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  *out = key;
  return BMIS_OK;
}

static bool parse_int(const char *s, size_t n, int *out) {
  if (n == 0 || n > 4)
    return false;
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (!isdigit((unsigned char)s[i]))
      return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

static bool parse_birth(const char *s, bmis_wl_birth *b) {
  memset(b, 0, sizeof *b);
  if (*s == '~') {
    b->approximate = true;
    s++;
  }
  int y = 0, m = 0, d = 0, to = 0;
  size_t n = strlen(s);
  const char *dots = strstr(s, "..");
  if (dots) {
    if (!parse_int(s, (size_t)(dots - s), &y) ||
        !parse_int(dots + 2, strlen(dots + 2), &to))
      return false;
  } else if (n == 4) {
    if (!parse_int(s, 4, &y))
      return false;
  } else if (n == 7 || n == 10) {
    if (!parse_int(s, 4, &y) || s[4] != '-' || !parse_int(s + 5, 2, &m) ||
        (n == 10 && (s[7] != '-' || !parse_int(s + 8, 2, &d))))
      return false;
  } else {
    return false;
  }
  b->date = (bmis_date){(int16_t)y, (int8_t)m, (int8_t)d};
  b->to_year = (int16_t)to;
  return true;
}

bmis_status bmis__match_key_parse(char *key, bmis__key *out, bmis_error *err) {
  memset(out, 0, sizeof *out);
  char *line = key;
  while (line && *line) {
    char *nl = strchr(line, '\n');
    if (nl)
      *nl = 0;
    if (strlen(line) < 3 || line[1] != ' ')
      return bmis_error_set(err, BMIS_E_PARSE, "matching key: bad line '%.40s'",
                            line);
    char kind = line[0];
    char *v = line + 2;
    if (kind == 'n' && out->name_count < BMIS__KEY_NAMES_MAX) {
      bmis__key_name *n = &out->names[out->name_count];
      if (strlen(v) < 4 || v[2] != ' ')
        return bmis_error_set(err, BMIS_E_PARSE, "matching key: bad name");
      n->quality = v[0] == 'p'   ? BMIS_NAME_PRIMARY
                   : v[0] == 's' ? BMIS_NAME_STRONG
                                 : BMIS_NAME_WEAK;
      n->original_script = v[1] == 'o';
      n->text = v + 3;
      char *tab = strchr(n->text, '\t');
      if (!tab)
        return bmis_error_set(err, BMIS_E_PARSE, "matching key: no forms");
      *tab = 0;
      char *f = tab + 1;
      while (f && n->form_count < BMIS__FORMS_MAX) {
        char *bar = strchr(f, '|');
        if (bar)
          *bar = 0;
        n->forms[n->form_count++] = f;
        f = bar ? bar + 1 : NULL;
      }
      out->name_count++;
    } else if (kind == 'b' && out->birth_count < BMIS__KEY_BIRTHS_MAX) {
      if (!parse_birth(v, &out->births[out->birth_count]))
        return bmis_error_set(err, BMIS_E_PARSE, "matching key: bad birth");
      out->birth_count++;
    } else if (kind == 'c' && out->nationality_count < BMIS__KEY_NATS_MAX) {
      snprintf(out->nationalities[out->nationality_count++], 4, "%.3s", v);
    } else if (kind == 'd' && out->document_count < BMIS__KEY_DOCS_MAX) {
      char *sp = strchr(v, ' ');
      if (!sp || strlen(sp + 1) >= 40 || sp - v > 3)
        return bmis_error_set(err, BMIS_E_PARSE, "matching key: bad document");
      *sp = 0;
      bmis__key_doc *d = &out->documents[out->document_count++];
      snprintf(d->state, sizeof d->state, "%s", strcmp(v, "-") ? v : "");
      d->number = sp + 1;
    } else if (kind == 'x') {
      out->sex = v[0];
    }
    line = nl ? nl + 1 : NULL;
  }
  return BMIS_OK;
}

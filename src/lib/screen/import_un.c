/* The UN Security Council Consolidated List (XML) read into list content.
 *
 * The file (about 2 MB) is read with libxml2's streaming reader: each
 * INDIVIDUAL is expanded into a small tree, turned into a person and
 * dropped; ENTITIES are skipped. No network, no DTD, no external or custom
 * entities: a document with a DOCTYPE is refused before libxml2 sees it.
 * docs/SCREENING.md ("List formats") describes the mapping. */
#define _POSIX_C_SOURCE 200809L
#include "base/alloc.h"
#include "base/text.h"
#include "base/utf8.h"
#include "bmis/country.h"
#include "screen/screen_internal.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

typedef struct un_reader {
  bmis_wl_content *c;
  bmis_error *err;
  const char *data; /* the document, len bytes */
  size_t len;
  bool xml_failed; /* libxml2 reported an error (first one kept) */
  int xml_code, xml_line, xml_column;
  char xml_message[160];
} un_reader;

/* ---- small text helpers ---- */

static bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
         ch == '\v';
}

/* Makes runs of white space in s one space and trims the ends, in place
 * (the text only shrinks). */
static void squeeze_in_place(char *s) {
  size_t k = 0;
  bool gap = false;
  for (size_t i = 0; s[i]; i++) {
    if (is_space(s[i])) {
      gap = k > 0;
      continue;
    }
    if (gap)
      s[k++] = ' ';
    gap = false;
    s[k++] = s[i];
  }
  s[k] = 0;
}

/* A copy of s squeezed as above; NULL when out of memory. */
static char *squeeze(const char *s) {
  char *out = bmis__strdup(s);
  if (out)
    squeeze_in_place(out);
  return out;
}

static bool has_digit(const char *s) {
  for (; *s; s++)
    if (*s >= '0' && *s <= '9')
      return true;
  return false;
}

static bool starts_with_ci(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++) {
    char a = *s, b = *prefix;
    if (a >= 'A' && a <= 'Z')
      a = (char)(a - 'A' + 'a');
    if (a != b)
      return false;
  }
  return true;
}

static bool equals_ci(const char *s, const char *lower) {
  return starts_with_ci(s, lower) && s[strlen(lower)] == 0;
}

/* Whether the text has a letter of a script other than Latin (Arabic,
 * Cyrillic, Ethiopic, Han...): a name in the person's own script. */
static bool non_latin(const char *s) {
  size_t i = 0, n = strlen(s);
  while (i < n) {
    UChar32 cp = bmis__utf8_next(s, n, &i);
    if (cp < 0 || !u_isalpha(cp))
      continue;
    UErrorCode ec = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(cp, &ec);
    if (U_SUCCESS(ec) && sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
        sc != USCRIPT_INHERITED)
      return true;
  }
  return false;
}

/* ---- the tree of one INDIVIDUAL ---- */

static bool is_element(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE &&
         strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *first_child(const xmlNode *n, const char *name) {
  for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
    if (is_element(k, name))
      return k;
  return NULL;
}

static const xmlNode *next_sibling(const xmlNode *n, const char *name) {
  for (const xmlNode *k = n->next; k; k = k->next)
    if (is_element(k, name))
      return k;
  return NULL;
}

/* The element's text, white space squeezed; "" for a missing element.
 * malloc'd; NULL when out of memory. */
static char *text_of(const xmlNode *n) {
  if (!n)
    return bmis__calloc(1, 1);
  xmlChar *raw = xmlNodeGetContent(n);
  if (!raw)
    return bmis__calloc(1, 1);
  char *t = squeeze((const char *)raw);
  xmlFree(raw);
  return t;
}

static long line_of(const xmlNode *n) {
  return n ? xmlGetLineNo(n) : 0;
}

static bmis_status nomem(bmis_error *err) {
  return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
}

/* A library refusal (name too long, year out of range...) as a parse error
 * naming the element and its line. */
static bmis_status element_error(un_reader *r, const xmlNode *n, bmis_status st,
                                 const bmis_error *why) {
  if (st == BMIS_E_NOMEM)
    return nomem(r->err);
  return bmis_error_set(r->err, BMIS_E_PARSE, "line %ld: %s: %s", line_of(n),
                        n ? (const char *)n->name : "?", why->message);
}

/* ---- countries as the UN list writes them ---- */

/* A country named the way the list names it: a name or variant of the
 * country table (never a code: "na" is "not available", not Namibia). */
static const bmis_country *by_name(const char *text) {
  return *text ? bmis_country_by_name(text) : NULL;
}

/* Resolves a country value into up to 4 rows: a name; "X passport";
 * alternatives "Sudan/South Sudan" or "Iran / unknown"; "X (note)".
 * *qualified is set when the value said more than a country name (the
 * caller keeps it as listed). Returns the number of rows (0: none). */
static size_t un_countries(const char *text, const bmis_country *out[4],
                           bool *qualified) {
  *qualified = false;
  const bmis_country *k = by_name(text);
  if (k) {
    out[0] = k;
    return 1;
  }
  size_t n = strlen(text);
  char buf[BMIS_WL_TEXT_SIZE];
  if (n >= sizeof buf)
    return 0;
  memcpy(buf, text, n + 1);
  static const char passport[] = " passport";
  size_t pl = sizeof passport - 1;
  if (n > pl && equals_ci(buf + n - pl, passport)) {
    buf[n - pl] = 0;
    out[0] = by_name(buf);
    return out[0] ? 1 : 0;
  }
  *qualified = true;
  if (strchr(buf, '/')) {
    size_t count = 0;
    char *save = NULL;
    for (char *part = strtok_r(buf, "/", &save); part && count < 4;
         part = strtok_r(NULL, "/", &save)) {
      while (*part == ' ')
        part++;
      size_t m = strlen(part);
      while (m && part[m - 1] == ' ')
        part[--m] = 0;
      if (starts_with_ci(part, "or "))
        part += 3;
      if (equals_ci(part, "unknown"))
        continue;
      const bmis_country *row = by_name(part);
      if (!row)
        return 0;
      out[count++] = row;
    }
    return count;
  }
  char *paren = strstr(buf, " (");
  if (paren && buf[n - 1] == ')') {
    *paren = 0;
    out[0] = by_name(buf);
    return out[0] ? 1 : 0;
  }
  return 0;
}

/* ---- remarks: a compact text, at most BMIS__REMARKS_MAX bytes ---- */

typedef struct remarks {
  char text[BMIS__REMARKS_MAX + 1];
  size_t len;
} remarks;

/* Appends prefix + s + suffix (s empty: nothing), cut cleanly at a UTF-8
 * boundary when full. */
static void remarks_add(remarks *rm, const char *prefix, const char *s,
                        const char *suffix) {
  if (!*s)
    return;
  size_t sl = strlen(s);
  if (*suffix && sl && s[sl - 1] == *suffix)
    suffix = ""; /* "Dr." + "." */
  const char *parts[4] = {rm->len ? " " : "", prefix, s, suffix};
  for (int i = 0; i < 4; i++) {
    size_t room = BMIS__REMARKS_MAX - rm->len;
    size_t n = strlen(parts[i]);
    size_t k = bmis__utf8_prefix(parts[i], n, room);
    memcpy(rm->text + rm->len, parts[i], k);
    rm->len += k;
    rm->text[rm->len] = 0;
    if (k < n)
      return;
  }
}

/* Every VALUE under the element (DESIGNATION, TITLE), joined with "; ". */
static bmis_status values_joined(const xmlNode *n, char *out, size_t cap) {
  out[0] = 0;
  size_t len = 0;
  for (const xmlNode *v = first_child(n, "VALUE"); v;
       v = next_sibling(v, "VALUE")) {
    char *t = text_of(v);
    if (!t)
      return BMIS_E_NOMEM;
    if (*t) {
      const char *sep = len ? "; " : "";
      size_t need = strlen(sep) + strlen(t);
      if (len + need < cap) {
        memcpy(out + len, sep, strlen(sep));
        memcpy(out + len + strlen(sep), t, strlen(t) + 1);
        len += need;
      }
    }
    bmis__free(t);
  }
  return BMIS_OK;
}

/* ---- names ---- */

/* Adds one name piece (trimmed; a piece with digits is cut at its first
 * comma, and skipped if it still has digits: "X, born 1 Jan. 1953"). */
static bmis_status add_piece(un_reader *r, bmis_wl_person *p, const xmlNode *at,
                             char *piece, bmis_name_quality q) {
  if (has_digit(piece)) {
    char *comma = strchr(piece, ',');
    if (comma)
      *comma = 0;
    if (has_digit(piece))
      return BMIS_OK;
  }
  char *t = squeeze(piece);
  if (!t)
    return nomem(r->err);
  bmis_status st = BMIS_OK;
  size_t n = strlen(t);
  while (n && (t[n - 1] == ',' || t[n - 1] == ' '))
    t[--n] = 0;
  if (*t && p->name_count >= BMIS__WL_MAX_NAMES) {
    st = bmis_error_set(r->err, BMIS_E_PARSE,
                        "line %ld: INDIVIDUAL '%s' has more than %d names",
                        line_of(at), p->ref, BMIS__WL_MAX_NAMES);
  } else if (*t) {
    bmis_error why;
    st = bmis_wl_person_add_name(r->c, p, t, q, non_latin(t), &why);
    if (st != BMIS_OK)
      st = element_error(r, at, st, &why);
  }
  bmis__free(t);
  return st;
}

/* Splits s at ';' and at enumerations " b) " and adds each piece. */
static bmis_status add_list(un_reader *r, bmis_wl_person *p, const xmlNode *at,
                            char *s, bmis_name_quality q) {
  if (s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && (s[2] == ' ' || !s[2]))
    s += 2;
  char *start = s;
  for (char *c = s;; c++) {
    bool end = *c == 0;
    bool enumeration = *c == ' ' && c[1] >= 'a' && c[1] <= 'z' && c[2] == ')' &&
                       (c[3] == ' ' || c[3] == 0);
    if (end || *c == ';' || enumeration) {
      char saved = *c;
      *c = 0;
      bmis_status st = add_piece(r, p, at, start, q);
      *c = saved;
      if (st != BMIS_OK)
        return st;
      if (end)
        return BMIS_OK;
      if (enumeration)
        c += 2;
      start = c + 1;
    }
  }
}

/* Adds the names one value holds. Parenthesised groups are taken out:
 * with `groups_are_names`, a group without digits is a list of further
 * names ("حسن غول (Hassan Ghul; Hassan Gul)"); other groups are notes and
 * dropped ("(false identity related to ... number 6910275240086 ...)",
 * "(Tigrinya)"). What is left is split at ';' and enumerations. */
static bmis_status add_names(un_reader *r, bmis_wl_person *p, const xmlNode *at,
                             const char *value, bmis_name_quality q,
                             bool groups_are_names) {
  size_t n = strlen(value);
  char *outside = bmis__malloc(n + 1), *group = bmis__malloc(n + 1);
  bmis_status st = BMIS_OK;
  if (!outside || !group) {
    st = nomem(r->err);
    goto out;
  }
  size_t ko = 0;
  for (size_t i = 0; i < n && st == BMIS_OK;) {
    if (value[i] != '(') {
      outside[ko++] = value[i++];
      continue;
    }
    size_t kg = 0;
    int depth = 0;
    for (; i < n; i++) {
      if (value[i] == '(' && depth++ == 0)
        continue;
      if (value[i] == ')' && --depth == 0) {
        i++;
        break;
      }
      group[kg++] = value[i];
    }
    group[kg] = 0;
    if (groups_are_names && !has_digit(group))
      st = add_list(r, p, at, group, q);
  }
  outside[ko] = 0;
  if (st == BMIS_OK)
    st = add_list(r, p, at, outside, q);
out:
  bmis__free(outside);
  bmis__free(group);
  return st;
}

/* ---- dates of birth ---- */

static bool parse_digits(const char *s, int count, int *out) {
  int v = 0;
  for (int i = 0; i < count; i++) {
    if (s[i] < '0' || s[i] > '9')
      return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

static bool parse_year(const char *s, int *year) {
  return strlen(s) == 4 && parse_digits(s, 4, year);
}

/* "YYYY-MM-DD", possibly with an xs:date zone ("Z", "-05:00"), which is
 * dropped: a date of birth is a calendar date. */
static bool parse_date(const char *s, bmis_date *d) {
  int y, m, day;
  if (strlen(s) < 10 || !parse_digits(s, 4, &y) || s[4] != '-' ||
      !parse_digits(s + 5, 2, &m) || s[7] != '-' ||
      !parse_digits(s + 8, 2, &day))
    return false;
  const char *zone = s + 10;
  int hh, mm;
  bool zone_ok = !*zone || strcmp(zone, "Z") == 0 ||
                 ((zone[0] == '+' || zone[0] == '-') && strlen(zone) == 6 &&
                  parse_digits(zone + 1, 2, &hh) && zone[3] == ':' &&
                  parse_digits(zone + 4, 2, &mm) && hh <= 14 && mm < 60);
  if (!zone_ok)
    return false;
  d->year = (int16_t)y;
  d->month = (int8_t)m;
  d->day = (int8_t)day;
  return bmis_date_is_valid(*d);
}

/* Refuses one more item when the person has BMIS__WL_MAX_ITEMS of them. */
static bmis_status room(un_reader *r, const bmis_wl_person *p,
                        const xmlNode *at, size_t count, const char *what) {
  if (count < BMIS__WL_MAX_ITEMS)
    return BMIS_OK;
  return bmis_error_set(r->err, BMIS_E_PARSE,
                        "line %ld: INDIVIDUAL '%s' has more than %d %s",
                        line_of(at), p->ref, BMIS__WL_MAX_ITEMS, what);
}

static bmis_status add_birth(un_reader *r, bmis_wl_person *p, const xmlNode *at,
                             bmis_wl_birth b) {
  bmis_status room_st = room(r, p, at, p->birth_count, "dates of birth");
  if (room_st != BMIS_OK)
    return room_st;
  bmis_error why;
  bmis_status st = bmis_wl_person_add_birth(r->c, p, b, &why);
  return st == BMIS_OK ? st : element_error(r, at, st, &why);
}

/* One INDIVIDUAL_DATE_OF_BIRTH. A bad DATE or year is an error naming the
 * element; an element with only a NOTE adds nothing. */
static bmis_status date_of_birth(un_reader *r, bmis_wl_person *p,
                                 const xmlNode *dob) {
  static const char *const tags[] = {"TYPE_OF_DATE", "DATE", "YEAR",
                                     "FROM_YEAR", "TO_YEAR"};
  char *v[5] = {0};
  bmis_status st = BMIS_OK;
  for (int i = 0; i < 5; i++)
    if (!(v[i] = text_of(first_child(dob, tags[i])))) {
      st = nomem(r->err);
      goto out;
    }
  const char *type = v[0], *date = v[1], *from = v[3], *to = v[4];
  bool approximate = equals_ci(type, "approximately");
  if (*type && !approximate && !equals_ci(type, "exact") &&
      !equals_ci(type, "between")) {
    st = bmis_error_set(r->err, BMIS_E_PARSE,
                        "line %ld: TYPE_OF_DATE '%.40s' is not EXACT, "
                        "APPROXIMATELY or BETWEEN",
                        line_of(first_child(dob, "TYPE_OF_DATE")), type);
    goto out;
  }
  bmis_wl_birth b;
  memset(&b, 0, sizeof b);
  b.approximate = approximate;
  if (*date) {
    const xmlNode *at = first_child(dob, "DATE");
    if (!parse_date(date, &b.date)) {
      st = bmis_error_set(r->err, BMIS_E_PARSE,
                          "line %ld: DATE '%.40s' is not a date (YYYY-MM-DD)",
                          line_of(at), date);
      goto out;
    }
    if ((st = add_birth(r, p, at, b)) != BMIS_OK)
      goto out;
  }
  const char *names[3] = {"YEAR", "FROM_YEAR", "TO_YEAR"};
  int years[3] = {0, 0, 0};
  for (int i = 0; i < 3; i++) {
    const char *t = v[2 + i];
    if (*t && !parse_year(t, &years[i])) {
      st = bmis_error_set(r->err, BMIS_E_PARSE,
                          "line %ld: %s '%.40s' is not a year (YYYY)",
                          line_of(first_child(dob, names[i])), names[i], t);
      goto out;
    }
  }
  if (years[0]) {
    memset(&b.date, 0, sizeof b.date);
    b.date.year = (int16_t)years[0];
    if ((st = add_birth(r, p, first_child(dob, "YEAR"), b)) != BMIS_OK)
      goto out;
  }
  if (*from || *to) {
    /* One end alone is that year. */
    memset(&b.date, 0, sizeof b.date);
    b.date.year = (int16_t)(years[1] ? years[1] : years[2]);
    b.to_year = (int16_t)(years[1] && years[2] ? years[2] : 0);
    if (b.to_year == b.date.year)
      b.to_year = 0;
    const xmlNode *at = first_child(dob, *from ? "FROM_YEAR" : "TO_YEAR");
    if ((st = add_birth(r, p, at, b)) != BMIS_OK)
      goto out;
  }
out:
  for (int i = 0; i < 5; i++)
    bmis__free(v[i]);
  return st;
}

/* ---- places, nationalities ---- */

/* Adds the countries a value resolves to with `add`; when the value does
 * not resolve or says more than a country, it is kept "as listed" in the
 * remarks under `label` (when label is not NULL). */
static bmis_status
add_countries(un_reader *r, bmis_wl_person *p, const xmlNode *at,
              const char *value,
              bmis_status (*add)(bmis_wl_content *, bmis_wl_person *,
                                 const char *, bmis_error *),
              remarks *rm, const char *label, bool *resolved) {
  const bmis_country *rows[4];
  bool qualified;
  size_t n = *value ? un_countries(value, rows, &qualified) : 0;
  for (size_t i = 0; i < n; i++) {
    bmis_status st = room(r, p, at,
                          p->nationality_count > p->birth_country_count
                              ? p->nationality_count
                              : p->birth_country_count,
                          "countries");
    if (st != BMIS_OK)
      return st;
    bmis_error why;
    st = add(r->c, p, rows[i]->code, &why);
    if (st != BMIS_OK)
      return element_error(r, at, st, &why);
  }
  if (resolved)
    *resolved = n > 0;
  if (label && *value && (n == 0 || qualified))
    remarks_add(rm, label, value, ".");
  return BMIS_OK;
}

/* Joins the non-empty texts with ", " into out (cut to fit). */
static void join_place(char *out, size_t cap, char *const *parts, int n) {
  out[0] = 0;
  size_t len = 0;
  for (int i = 0; i < n; i++) {
    if (!parts[i] || !*parts[i])
      continue;
    int w = snprintf(out + len, cap - len, "%s%s", len ? ", " : "", parts[i]);
    if (w < 0 || (size_t)w >= cap - len) {
      out[bmis__utf8_prefix(out, strlen(out), cap - 1)] = 0;
      return;
    }
    len += (size_t)w;
  }
}

static bmis_status add_place(un_reader *r, bmis_wl_person *p, const xmlNode *at,
                             const char *place) {
  if (!*place)
    return BMIS_OK;
  bmis_status st = room(r, p, at, p->birth_place_count, "places of birth");
  if (st != BMIS_OK)
    return st;
  bmis_error why;
  st = bmis_wl_person_add_birth_place(r->c, p, place, &why);
  return st == BMIS_OK ? st : element_error(r, at, st, &why);
}

/* One INDIVIDUAL_PLACE_OF_BIRTH: STREET, CITY, STATE_PROVINCE as the place
 * text; COUNTRY as the country of birth, or in the text when it does not
 * resolve. */
static bmis_status place_of_birth(un_reader *r, bmis_wl_person *p,
                                  const xmlNode *pob) {
  static const char *const tags[] = {"STREET", "CITY", "STATE_PROVINCE",
                                     "COUNTRY"};
  char *v[4] = {0};
  bmis_status st = BMIS_OK;
  for (int i = 0; i < 4; i++)
    if (!(v[i] = text_of(first_child(pob, tags[i])))) {
      st = nomem(r->err);
      goto out;
    }
  bool resolved = false;
  st = add_countries(r, p, first_child(pob, "COUNTRY"), v[3],
                     bmis_wl_person_add_birth_country, NULL, NULL, &resolved);
  if (st != BMIS_OK)
    goto out;
  char place[BMIS_WL_TEXT_SIZE];
  join_place(place, sizeof place, v, resolved ? 3 : 4);
  st = add_place(r, p, pob, place);
out:
  for (int i = 0; i < 4; i++)
    bmis__free(v[i]);
  return st;
}

/* ---- documents ---- */

/* Whether a word introduces a number: "number", "no.", "No.:", "N°"... */
static size_t number_marker(const char *w, size_t n) {
  static const char *const markers[] = {
      "number:", "number", "no.:", "no.", "no:", "no", "nº", "n°", "#", ":"};
  for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
    size_t m = strlen(markers[i]);
    if (m <= n && starts_with_ci(w, markers[i]))
      return m;
  }
  return 0;
}

/* The document number in a NUMBER value, which is often a phrase
 * ("Qatari passport number 00868774", "381110042 (Expired 25 Jan. 2016)",
 * "R00005943, South Sudan", "Diplomatic Passport D014433"): notes in
 * parentheses and after ", " are dropped (the latter goes to *after), the
 * words before the first number marker too (they go to *before); without a
 * marker, the trailing run of code-like words (with a digit, or up to 3
 * letters with no lower case) is kept. False when nothing with a digit
 * fits in 39 bytes. */
static bool doc_number(const char *value, char number[40], char *before,
                       char *after, size_t cap) {
  char buf[BMIS_WL_TEXT_SIZE];
  size_t k = 0;
  int depth = 0;
  before[0] = after[0] = 0;
  if (strlen(value) >= sizeof buf)
    return false; /* prose, not a number */
  for (const char *s = value; *s && k < sizeof buf - 1; s++) {
    if (*s == '(')
      depth++;
    else if (*s == ')' && depth > 0)
      depth--;
    else if (depth == 0)
      buf[k++] = *s;
  }
  buf[k] = 0;
  char *comma = strstr(buf, ", ");
  if (comma) {
    snprintf(after, cap, "%s", comma + 2);
    *comma = 0;
  }
  /* in place: a failed allocation here read as "not a number" and dropped
   * the listed document */
  squeeze_in_place(buf);
  /* Words, in place. */
  char *words[64];
  int nw = 0;
  for (char *save = NULL, *w = strtok_r(buf, " ", &save); w && nw < 64;
       w = strtok_r(NULL, " ", &save))
    words[nw++] = w;
  int first = -1;
  char out[BMIS_WL_TEXT_SIZE] = "";
  for (int i = 0; i < nw; i++) {
    size_t m = number_marker(words[i], strlen(words[i]));
    bool whole = m == strlen(words[i]);
    bool glued = m && !whole &&
                 (starts_with_ci(words[i], "n\xc2\xb0") ||
                  starts_with_ci(words[i], "n\xc2\xba"));
    if (m && (whole || glued)) {
      if (first < 0)
        first = i;
      if (glued)
        words[i] += m;
      else
        words[i] = NULL;
      continue;
    }
    /* "Passport:" — a word ending in ':' introduces what follows. */
    size_t len = strlen(words[i]);
    if (first < 0 && len > 1 && words[i][len - 1] == ':') {
      first = i;
      words[i] = NULL;
    }
  }
  int from = first;
  if (from < 0) {
    from = nw;
    while (from > 0) {
      const char *w = words[from - 1];
      bool code = has_digit(w);
      if (!code && strlen(w) <= 3) {
        code = true;
        for (const char *c = w; *c; c++)
          if ((*c >= 'a' && *c <= 'z') || (unsigned char)*c >= 0x80)
            code = false;
      }
      if (!code)
        break;
      from--;
    }
  }
  size_t len = 0;
  for (int i = 0; i < nw; i++) {
    if (!words[i])
      continue;
    if (i < from) {
      size_t bl = strlen(before);
      snprintf(before + bl, cap - bl, "%s%s", bl ? " " : "", words[i]);
      continue;
    }
    if (!*words[i])
      continue;
    int w =
        snprintf(out + len, sizeof out - len, "%s%s", len ? " " : "", words[i]);
    if (w > 0 && (size_t)w < sizeof out - len)
      len += (size_t)w;
  }
  if (!has_digit(out) || len >= 40)
    return false;
  memcpy(number, out, len + 1);
  return true;
}

/* A document type: "passport", "national_id", or as listed, lower case. */
static void doc_type(const char *listed, char type[32]) {
  char low[BMIS_WL_TEXT_SIZE];
  size_t n = strlen(listed);
  if (n >= sizeof low)
    n = sizeof low - 1;
  for (size_t i = 0; i < n; i++)
    low[i] = listed[i] >= 'A' && listed[i] <= 'Z'
                 ? (char)(listed[i] - 'A' + 'a')
                 : listed[i];
  low[n] = 0;
  if (strcmp(low, "passport") == 0 ||
      strcmp(low, "num\xc3\xa9ro de passeport") == 0 ||
      strcmp(low, "n\xc3\xbamero de pasaporte") == 0) {
    strcpy(type, "passport");
    return;
  }
  if (starts_with_ci(low, "national identification")) {
    strcpy(type, "national_id");
    return;
  }
  size_t k = bmis__utf8_prefix(low, n, 31);
  memcpy(type, low, k);
  type[k] = 0;
}

/* The state a value names, if it resolves to exactly one country. */
static const char *state_of(const char *value) {
  const bmis_country *rows[4];
  bool qualified;
  return *value && un_countries(value, rows, &qualified) == 1 ? rows[0]->code
                                                              : NULL;
}

/* The state named by the first 1-3 words of a phrase ("Indonesia travel
 * document", "Central African Republic"), if any. */
static const char *state_in_words(const char *phrase) {
  char buf[BMIS_WL_TEXT_SIZE];
  snprintf(buf, sizeof buf, "%s", phrase);
  const char *found = NULL;
  char *c = buf;
  for (int words = 1; words <= 3 && *c; words++) {
    char *sp = strchr(c, ' ');
    char saved = sp ? *sp : 0;
    if (sp)
      *sp = 0;
    const bmis_country *k = by_name(buf);
    if (k)
      found = k->code;
    if (!sp)
      break;
    *sp = saved;
    c = sp + 1;
  }
  return found;
}

static bmis_status document(un_reader *r, bmis_wl_person *p, const xmlNode *d,
                            remarks *rm) {
  static const char *const tags[] = {"TYPE_OF_DOCUMENT", "TYPE_OF_DOCUMENT2",
                                     "NUMBER", "ISSUING_COUNTRY",
                                     "COUNTRY_OF_ISSUE"};
  char *v[5] = {0};
  bmis_status st = BMIS_OK;
  for (int i = 0; i < 5; i++)
    if (!(v[i] = text_of(first_child(d, tags[i])))) {
      st = nomem(r->err);
      goto out;
    }
  if (!*v[2])
    goto out; /* no number: nothing to screen a document against */
  bmis_wl_person_doc doc;
  memset(&doc, 0, sizeof doc);
  char before[BMIS_WL_TEXT_SIZE], after[BMIS_WL_TEXT_SIZE];
  if (!doc_number(v[2], doc.number, before, after, sizeof before)) {
    remarks_add(rm, "Document as listed: ", v[2], ".");
    goto out;
  }
  doc_type(*v[0] ? v[0] : v[1], doc.type);
  const char *state = state_of(v[3]);
  if (!state)
    state = state_of(v[4]);
  if (!state)
    state = state_of(after);
  if (!state)
    state = state_in_words(before);
  if (state)
    bmis__copy(doc.state, sizeof doc.state, state);
  /* The list repeats a document in each language ("Passport", "Numéro de
   * passeport"), with or without its state: keep one. */
  for (size_t i = 0; i < p->document_count; i++) {
    bmis_wl_person_doc *old = &p->documents[i];
    if (strcmp(old->number, doc.number) != 0 ||
        strcmp(old->type, doc.type) != 0 ||
        (old->state[0] && doc.state[0] && strcmp(old->state, doc.state) != 0))
      continue;
    if (!old->state[0])
      memcpy(old->state, doc.state, sizeof old->state);
    goto out;
  }
  if ((st = room(r, p, d, p->document_count, "documents")) != BMIS_OK)
    goto out;
  bmis_error why;
  st = bmis_wl_person_add_document(r->c, p, &doc, &why);
  if (st != BMIS_OK)
    st = element_error(r, first_child(d, "NUMBER"), st, &why);
out:
  for (int i = 0; i < 5; i++)
    bmis__free(v[i]);
  return st;
}

/* ---- one INDIVIDUAL ---- */

static bmis_status alias(un_reader *r, bmis_wl_person *p, const xmlNode *a) {
  char *quality = text_of(first_child(a, "QUALITY"));
  char *name = text_of(first_child(a, "ALIAS_NAME"));
  char *dob = text_of(first_child(a, "DATE_OF_BIRTH"));
  char *city = text_of(first_child(a, "CITY_OF_BIRTH"));
  char *country = text_of(first_child(a, "COUNTRY_OF_BIRTH"));
  bmis_status st = BMIS_OK;
  if (!quality || !name || !dob || !city || !country) {
    st = nomem(r->err);
    goto out;
  }
  bmis_name_quality q =
      equals_ci(quality, "low") ? BMIS_NAME_WEAK : BMIS_NAME_STRONG;
  const xmlNode *at = first_child(a, "ALIAS_NAME");
  if (*name && (st = add_names(r, p, at, name, q, true)) != BMIS_OK)
    goto out;
  /* The alias's own date and place of birth, when simple. */
  bmis_wl_birth b;
  memset(&b, 0, sizeof b);
  int year;
  if (parse_date(dob, &b.date) ||
      (parse_year(dob, &year) && (b.date.year = (int16_t)year))) {
    if ((st = add_birth(r, p, first_child(a, "DATE_OF_BIRTH"), b)) != BMIS_OK)
      goto out;
  }
  bool resolved = false;
  st = add_countries(r, p, first_child(a, "COUNTRY_OF_BIRTH"), country,
                     bmis_wl_person_add_birth_country, NULL, NULL, &resolved);
  if (st != BMIS_OK)
    goto out;
  char place[BMIS_WL_TEXT_SIZE];
  char *parts[2] = {city, resolved ? NULL : country};
  join_place(place, sizeof place, parts, 2);
  st = add_place(r, p, a, place);
out:
  bmis__free(quality);
  bmis__free(name);
  bmis__free(dob);
  bmis__free(city);
  bmis__free(country);
  return st;
}

static bmis_status individual(un_reader *r, const xmlNode *ind) {
  bmis_status st = BMIS_OK;
  char *ref = text_of(first_child(ind, "REFERENCE_NUMBER"));
  char *parts[4] = {0};
  char *misc[5] = {0};
  remarks *rm = bmis__calloc(1, sizeof *rm);
  if (!ref || !rm) {
    st = nomem(r->err);
    goto out;
  }
  if (!*ref) {
    st = bmis_error_set(r->err, BMIS_E_PARSE,
                        "line %ld: INDIVIDUAL has no REFERENCE_NUMBER",
                        line_of(ind));
    goto out;
  }
  bmis_wl_person *p;
  bmis_error why;
  st = bmis_wl_content_add_person(r->c, ref, &p, &why);
  if (st == BMIS_E_CONFLICT) {
    st = bmis_error_set(r->err, BMIS_E_PARSE,
                        "line %ld: REFERENCE_NUMBER '%s' appears twice",
                        line_of(first_child(ind, "REFERENCE_NUMBER")), ref);
    goto out;
  }
  if (st != BMIS_OK) {
    st = element_error(r, first_child(ind, "REFERENCE_NUMBER"), st, &why);
    goto out;
  }

  /* The primary name: FIRST_NAME .. FOURTH_NAME. */
  static const char *const name_tags[] = {"FIRST_NAME", "SECOND_NAME",
                                          "THIRD_NAME", "FOURTH_NAME"};
  size_t total = 0;
  for (int i = 0; i < 4; i++) {
    if (!(parts[i] = text_of(first_child(ind, name_tags[i])))) {
      st = nomem(r->err);
      goto out;
    }
    if (strcmp(parts[i], "na") == 0)
      parts[i][0] = 0; /* "not available", as the list writes it */
    total += strlen(parts[i]) + 1;
  }
  char *primary = bmis__malloc(total + 1);
  if (!primary) {
    st = nomem(r->err);
    goto out;
  }
  primary[0] = 0;
  for (int i = 0; i < 4; i++)
    if (*parts[i]) {
      if (*primary)
        strcat(primary, " ");
      strcat(primary, parts[i]);
    }
  if (*primary) {
    st = bmis_wl_person_add_name(r->c, p, primary, BMIS_NAME_PRIMARY,
                                 non_latin(primary), &why);
    if (st != BMIS_OK)
      st = element_error(r, first_child(ind, "FIRST_NAME"), st, &why);
  }
  bmis__free(primary);
  if (st != BMIS_OK)
    goto out;

  /* The name in the original script (a note in parentheses dropped). */
  const xmlNode *nos = first_child(ind, "NAME_ORIGINAL_SCRIPT");
  if (!(misc[0] = text_of(nos))) {
    st = nomem(r->err);
    goto out;
  }
  if (*misc[0] &&
      (st = add_names(r, p, nos, misc[0], BMIS_NAME_STRONG, false)) != BMIS_OK)
    goto out;

  for (const xmlNode *a = first_child(ind, "INDIVIDUAL_ALIAS"); a;
       a = next_sibling(a, "INDIVIDUAL_ALIAS"))
    if ((st = alias(r, p, a)) != BMIS_OK)
      goto out;
  if (p->name_count == 0) {
    st = bmis_error_set(r->err, BMIS_E_PARSE,
                        "line %ld: INDIVIDUAL '%s' has no name", line_of(ind),
                        ref);
    goto out;
  }

  for (const xmlNode *d = first_child(ind, "INDIVIDUAL_DATE_OF_BIRTH"); d;
       d = next_sibling(d, "INDIVIDUAL_DATE_OF_BIRTH"))
    if ((st = date_of_birth(r, p, d)) != BMIS_OK)
      goto out;

  /* Remarks start with the list and what the list says of nationality,
   * which must not be cut off by a long comment. */
  static const char *const misc_tags[] = {"UN_LIST_TYPE", "LISTED_ON", "GENDER",
                                          "COMMENTS1"};
  for (int i = 0; i < 4; i++)
    if (!(misc[1 + i] = text_of(first_child(ind, misc_tags[i])))) {
      st = nomem(r->err);
      goto out;
    }
  /* LISTED_ON is a date, in the 2020 layout with a zone: keep the date. */
  bmis_date listed;
  if (parse_date(misc[2], &listed))
    misc[2][10] = 0;
  char head[BMIS_WL_TEXT_SIZE];
  snprintf(head, sizeof head, "%s%s%s%s", misc[1], *misc[1] ? " list" : "",
           *misc[2] ? ", listed on " : "", misc[2]);
  remarks_add(rm, "UN ", head, ".");

  const xmlNode *nat = first_child(ind, "NATIONALITY");
  for (const xmlNode *v = first_child(nat, "VALUE"); v;
       v = next_sibling(v, "VALUE")) {
    char *value = text_of(v);
    if (!value) {
      st = nomem(r->err);
      goto out;
    }
    st = add_countries(r, p, v, value, bmis_wl_person_add_nationality, rm,
                       "Nationality as listed: ", NULL);
    bmis__free(value);
    if (st != BMIS_OK)
      goto out;
  }

  for (const xmlNode *b = first_child(ind, "INDIVIDUAL_PLACE_OF_BIRTH"); b;
       b = next_sibling(b, "INDIVIDUAL_PLACE_OF_BIRTH"))
    if ((st = place_of_birth(r, p, b)) != BMIS_OK)
      goto out;

  const char *gender = misc[3];
  if (equals_ci(gender, "male"))
    p->sex = 'M';
  else if (equals_ci(gender, "female"))
    p->sex = 'F';

  for (const xmlNode *d = first_child(ind, "INDIVIDUAL_DOCUMENT"); d;
       d = next_sibling(d, "INDIVIDUAL_DOCUMENT"))
    if ((st = document(r, p, d, rm)) != BMIS_OK)
      goto out;
  if ((st = bmis__wl_person_screenable(p, &why)) != BMIS_OK) {
    st = st == BMIS_E_NOMEM
             ? nomem(r->err)
             : bmis_error_set(r->err, BMIS_E_PARSE, "line %ld: INDIVIDUAL %s",
                              line_of(ind), why.message);
    goto out;
  }

  char values[2048];
  if (values_joined(first_child(ind, "TITLE"), values, sizeof values) !=
      BMIS_OK) {
    st = nomem(r->err);
    goto out;
  }
  remarks_add(rm, "Title: ", values, ".");
  if (values_joined(first_child(ind, "DESIGNATION"), values, sizeof values) !=
      BMIS_OK) {
    st = nomem(r->err);
    goto out;
  }
  remarks_add(rm, "Designation: ", values, ".");
  remarks_add(rm, "", misc[4], "");
  if (rm->len) {
    st = bmis_wl_person_set_remarks(r->c, p, rm->text, &why);
    if (st != BMIS_OK)
      st = element_error(r, first_child(ind, "COMMENTS1"), st, &why);
  }
out:
  bmis__free(ref);
  for (int i = 0; i < 4; i++)
    bmis__free(parts[i]);
  for (int i = 0; i < 5; i++)
    bmis__free(misc[i]);
  bmis__free(rm);
  return st;
}

/* ---- the document ---- */

static void on_xml_error(void *arg, xmlErrorPtr e) {
  un_reader *r = arg;
  if (!e || e->level < XML_ERR_ERROR || r->xml_failed)
    return;
  r->xml_failed = true;
  r->xml_code = e->code;
  r->xml_line = e->line;
  r->xml_column = e->int2;
  /* One line: libxml2 puts the bytes at fault on a second one. */
  char *m = squeeze(e->message ? e->message : "malformed XML");
  snprintf(r->xml_message, sizeof r->xml_message, "%s",
           m ? m : "malformed XML");
  bmis__free(m);
}

/* Whether nothing but text follows the error position. */
static bool ends_at(const un_reader *r) {
  const char *p = r->data, *end = r->data + r->len;
  for (int line = 1; line < r->xml_line && p < end; p++)
    line += *p == '\n';
  if (r->xml_column > 1)
    p += r->xml_column - 1 < end - p ? r->xml_column - 1 : end - p;
  return !memchr(p, '<', (size_t)(end - p));
}

/* libxml2's unstructured messages ("xmlParseChunk: encoder error"): the
 * structured handler has the same error. */
static void ignore_generic(void *ctx, const char *fmt, ...) {
  (void)ctx;
  (void)fmt;
}

static bmis_status xml_error(un_reader *r) {
  if (!r->xml_failed)
    return bmis_error_set(r->err, BMIS_E_PARSE, "malformed XML");
  /* The streaming reader words a document cut short as extra content at
   * its end: tell them apart by what follows the position (the end of the
   * input, or at least no further markup). */
  if (r->xml_code == XML_ERR_DOCUMENT_END && ends_at(r))
    return bmis_error_set(r->err, BMIS_E_PARSE,
                          "line %d, column %d: Premature end of data (the "
                          "document is cut short)",
                          r->xml_line, r->xml_column);
  if (r->xml_line <= 0) /* raised outside the parser: no position */
    return bmis_error_set(r->err, BMIS_E_PARSE, "line 1: %s", r->xml_message);
  return bmis_error_set(r->err, BMIS_E_PARSE, "line %d, column %d: %s",
                        r->xml_line, r->xml_column, r->xml_message);
}

/* Refuses what is not UTF-8 (libxml2 lets some ill-formed sequences
 * through in CDATA sections), NUL bytes (UTF-16 or binary), and a DOCTYPE
 * (and so every DTD and entity declaration) in the prolog, before libxml2
 * reads it. */
static bmis_status check_prolog(const char *data, size_t len, bmis_error *err) {
  long line = 1;
  for (size_t i = 0; i < len;) {
    int32_t cp = bmis__utf8_next(data, len, &i);
    if (cp <= 0)
      return bmis_error_set(err, BMIS_E_PARSE,
                            "line %ld: %s (the list must be UTF-8 XML)", line,
                            cp ? "not UTF-8 text" : "a NUL byte");
    line += cp == '\n';
  }
  size_t i = 0;
  line = 1;
  if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < len) {
    if (is_space(data[i])) {
      line += data[i++] == '\n';
      continue;
    }
    const char *close = NULL;
    if (len - i >= 4 && memcmp(data + i, "<!--", 4) == 0)
      close = "-->";
    else if (len - i >= 2 && memcmp(data + i, "<?", 2) == 0)
      close = "?>";
    else if (len - i >= 9 && memcmp(data + i, "<!DOCTYPE", 9) == 0)
      return bmis_error_set(err, BMIS_E_PARSE,
                            "line %ld: DOCTYPE is not allowed (a UN list has "
                            "no DTD; entities are not read)",
                            line);
    else
      return BMIS_OK; /* the root element, or text libxml2 will refuse */
    size_t cl = strlen(close);
    size_t j = i + 2;
    while (j + cl <= len && memcmp(data + j, close, cl) != 0)
      line += data[j++] == '\n';
    i = j + cl;
  }
  return BMIS_OK;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) {
  xmlInitParser();
}

bmis_status bmis__wl_read_un_xml(const char *data, size_t len,
                                 bmis_wl_content *out, bmis_error *err) {
  if (len > INT_MAX)
    return bmis_error_set(err, BMIS_E_TOO_LARGE, "the list is too large");
  bmis_status st = check_prolog(data, len, err);
  if (st != BMIS_OK)
    return st;
  pthread_once(&xml_once, xml_init);
  un_reader r;
  memset(&r, 0, sizeof r);
  r.c = out;
  r.err = err;
  r.data = data;
  r.len = len;
  /* Read as UTF-8 whatever the declaration says: the list is UTF-8, and
   * no encoding conversion runs on hostile input. */
  xmlTextReaderPtr x = xmlReaderForMemory(
      data, (int)len, NULL, "UTF-8",
      XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC);
  if (!x)
    return nomem(err);
  xmlTextReaderSetStructuredErrorHandler(x, on_xml_error, &r);
  /* Errors raised outside the parser (encoding conversion) go to this
   * thread's handler, which would print them: take them here too. */
  xmlStructuredErrorFunc saved = xmlStructuredError;
  void *saved_ctx = xmlStructuredErrorContext;
  xmlGenericErrorFunc saved_generic = xmlGenericError;
  void *saved_generic_ctx = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc(&r, on_xml_error);
  xmlSetGenericErrorFunc(NULL, ignore_generic);
  bool root = false, in_individuals = false;
  int ret = xmlTextReaderRead(x);
  while (ret == 1 && !r.xml_failed) {
    int type = xmlTextReaderNodeType(x);
    int depth = xmlTextReaderDepth(x);
    const char *name = (const char *)xmlTextReaderConstName(x);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      st = bmis_error_set(err, BMIS_E_PARSE, "line %d: DOCTYPE is not allowed",
                          xmlTextReaderGetParserLineNumber(x));
      goto out;
    }
    if (type == XML_READER_TYPE_END_ELEMENT && depth == 1)
      in_individuals = false;
    if (type != XML_READER_TYPE_ELEMENT || !name) {
      ret = xmlTextReaderRead(x);
      continue;
    }
    if (depth == 0) {
      if (strcmp(name, "CONSOLIDATED_LIST") != 0) {
        st = bmis_error_set(err, BMIS_E_PARSE,
                            "line %d: the root element is %.40s, not "
                            "CONSOLIDATED_LIST",
                            xmlTextReaderGetParserLineNumber(x), name);
        goto out;
      }
      root = true;
      xmlChar *v = xmlTextReaderGetAttribute(x, BAD_CAST "dateGenerated");
      if (v) {
        char *t = squeeze((const char *)v);
        xmlFree(v);
        bmis_error why;
        st = t ? bmis_wl_content_set_version(out, t, &why) : BMIS_E_NOMEM;
        bmis__free(t);
        if (st == BMIS_E_NOMEM) {
          st = nomem(err);
          goto out;
        }
        if (st != BMIS_OK) {
          st = bmis_error_set(err, BMIS_E_PARSE,
                              "line %d: CONSOLIDATED_LIST dateGenerated: %s",
                              xmlTextReaderGetParserLineNumber(x), why.message);
          goto out;
        }
      }
      ret = xmlTextReaderRead(x);
      continue;
    }
    if (depth == 1 && strcmp(name, "INDIVIDUALS") == 0 &&
        !xmlTextReaderIsEmptyElement(x)) {
      in_individuals = true;
      ret = xmlTextReaderRead(x);
      continue;
    }
    if (depth == 2 && in_individuals && strcmp(name, "INDIVIDUAL") == 0) {
      xmlNodePtr n = xmlTextReaderExpand(x);
      if (!n)
        break;
      if ((st = individual(&r, n)) != BMIS_OK)
        goto out;
    }
    /* Anything else (ENTITIES, unknown elements) is skipped whole. */
    ret = xmlTextReaderNext(x);
  }
  if (ret != 0 || r.xml_failed) {
    st = xml_error(&r);
    goto out;
  }
  if (!root)
    st = bmis_error_set(err, BMIS_E_PARSE, "no CONSOLIDATED_LIST element");
out:
  xmlFreeTextReader(x);
  xmlSetStructuredErrorFunc(saved_ctx, saved);
  xmlSetGenericErrorFunc(saved_generic_ctx, saved_generic);
  return st;
}

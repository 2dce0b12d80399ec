/* The national CSV layout read into list content (docs/SCREENING.md, "List
 * formats"): RFC 4180 records (quoted fields, doubled quotes, CRLF or LF),
 * UTF-8 with an optional BOM, a header row naming the columns in any order,
 * then one row per person or document. Errors name the physical line where
 * the record starts and the column. */
#include "base/alloc.h"
#include "base/array.h"
#include "base/text.h"
#include "base/utf8.h"
#include "bmis/country.h"
#include "screen/screen_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CSV_FIELD_MAX (64 * 1024)
#define CSV_COLUMNS_MAX 32

/* The columns of the layout. */
enum {
  C_KIND,
  C_REF,
  C_NAME,
  C_ALIASES,
  C_WEAK_ALIASES,
  C_ORIGINAL,
  C_BIRTH,
  C_NATIONALITY,
  C_SEX,
  C_BIRTH_PLACE,
  C_BIRTH_COUNTRY,
  C_DOCUMENTS,
  C_REMARKS,
  C_DOC_STATE,
  C_DOC_NUMBER,
  C_DOC_TYPE,
  C_DOC_STATUS,
  C_REPORTED,
  C_COUNT
};

/* Which rows a column is for: P person, D document, B both. */
static const struct {
  const char *name;
  char rows;
} columns[C_COUNT] = {
    {"kind", 'B'},          {"ref", 'B'},
    {"name", 'P'},          {"aliases", 'P'},
    {"weak_aliases", 'P'},  {"original_script_names", 'P'},
    {"birth", 'P'},         {"nationality", 'P'},
    {"sex", 'P'},           {"birth_place", 'P'},
    {"birth_country", 'P'}, {"documents", 'P'},
    {"remarks", 'B'},       {"doc_state", 'D'},
    {"doc_number", 'D'},    {"doc_type", 'D'},
    {"doc_status", 'D'},    {"reported", 'D'},
};

typedef struct csv {
  const char *p, *end;
  long line;        /* physical line of the next byte */
  long record_line; /* line where the current record starts */
  char *buf;        /* the record's fields, each NUL-terminated */
  size_t len, cap;
  size_t *offsets; /* where each field starts in buf */
  size_t nfields, max_fields;
  bool blank; /* the record was an empty line */
  /* header: the layout column of each file column, and back */
  int col_of[CSV_COLUMNS_MAX];
  int field_of[C_COUNT]; /* -1 when the file has no such column */
  size_t ncols;
  bmis_error *err;
} csv;

static bmis_status nomem(bmis_error *err) {
  return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
}

/* The name of file column i for messages. */
static const char *col_name(const csv *in, size_t i, char tmp[24]) {
  if (in->ncols && i < in->ncols)
    return columns[in->col_of[i]].name;
  snprintf(tmp, 24, "%zu", i + 1);
  return tmp;
}

static bool put(csv *in, char ch) {
  if (in->len == in->cap) {
    char *n = bmis__grow_to(in->buf, &in->cap, in->len + 1, 1);
    if (!n)
      return false;
    in->buf = n;
  }
  in->buf[in->len++] = ch;
  return true;
}

/* Ends the current field; false when out of memory or too many fields. */
static bmis_status end_field(csv *in, size_t start) {
  char tmp[24];
  if (!put(in, 0))
    return nomem(in->err);
  if (in->len - 1 - start > CSV_FIELD_MAX)
    return bmis_error_set(in->err, BMIS_E_PARSE,
                          "line %ld, column %s: a field is longer than %d "
                          "bytes",
                          in->record_line, col_name(in, in->nfields, tmp),
                          CSV_FIELD_MAX);
  if (in->nfields == in->max_fields)
    return in->ncols ? bmis_error_set(in->err, BMIS_E_PARSE,
                                      "line %ld: more fields than the "
                                      "header's %zu",
                                      in->record_line, in->ncols)
                     : bmis_error_set(in->err, BMIS_E_PARSE,
                                      "line %ld: more than %zu columns",
                                      in->record_line, in->max_fields);
  in->offsets[in->nfields++] = start;
  return BMIS_OK;
}

/* Consumes a line break at in->p if there is one (CRLF, LF or CR). */
static bool line_break(csv *in) {
  if (in->p < in->end && *in->p == '\r') {
    in->p++;
    if (in->p < in->end && *in->p == '\n')
      in->p++;
    in->line++;
    return true;
  }
  if (in->p < in->end && *in->p == '\n') {
    in->p++;
    in->line++;
    return true;
  }
  return false;
}

/* Reads one record into in->buf/offsets. Returns BMIS_OK with nfields > 0,
 * or nfields == 0 at the end of the input. */
static bmis_status next_record(csv *in) {
  in->len = 0;
  in->nfields = 0;
  in->record_line = in->line;
  in->blank = false;
  if (in->p >= in->end)
    return BMIS_OK;
  char tmp[24];
  bool any_quote = false;
  for (;;) {
    size_t start = in->len;
    if (in->p < in->end && *in->p == '"') {
      any_quote = true;
      in->p++;
      for (;;) {
        if (in->p >= in->end)
          return bmis_error_set(in->err, BMIS_E_PARSE,
                                "line %ld, column %s: unterminated quoted "
                                "field",
                                in->record_line,
                                col_name(in, in->nfields, tmp));
        char ch = *in->p++;
        if (ch == '"') {
          if (in->p < in->end && *in->p == '"') {
            in->p++;
          } else {
            break;
          }
        } else if (ch == '\n' ||
                   (ch == '\r' && (in->p >= in->end || *in->p != '\n'))) {
          in->line++;
        }
        if (!put(in, ch))
          return nomem(in->err);
        if (in->len - start > CSV_FIELD_MAX + 1)
          return bmis_error_set(in->err, BMIS_E_PARSE,
                                "line %ld, column %s: a field is longer "
                                "than %d bytes",
                                in->record_line, col_name(in, in->nfields, tmp),
                                CSV_FIELD_MAX);
      }
      if (in->p < in->end && *in->p != ',' && *in->p != '\n' && *in->p != '\r')
        return bmis_error_set(in->err, BMIS_E_PARSE,
                              "line %ld, column %s: text after the closing "
                              "quote (a quote inside a field is written "
                              "twice, \"\")",
                              in->record_line, col_name(in, in->nfields, tmp));
    } else {
      while (in->p < in->end && *in->p != ',' && *in->p != '\n' &&
             *in->p != '\r') {
        if (*in->p == '"')
          return bmis_error_set(in->err, BMIS_E_PARSE,
                                "line %ld, column %s: a quote inside an "
                                "unquoted field (quote the whole field and "
                                "write the quote twice)",
                                in->record_line,
                                col_name(in, in->nfields, tmp));
        if (!put(in, *in->p++))
          return nomem(in->err);
        if (in->len - start > CSV_FIELD_MAX + 1)
          return bmis_error_set(in->err, BMIS_E_PARSE,
                                "line %ld, column %s: a field is longer "
                                "than %d bytes",
                                in->record_line, col_name(in, in->nfields, tmp),
                                CSV_FIELD_MAX);
      }
    }
    bmis_status st = end_field(in, start);
    if (st != BMIS_OK)
      return st;
    if (in->p < in->end && *in->p == ',') {
      in->p++;
      continue;
    }
    line_break(in);
    in->blank = in->nfields == 1 && !any_quote && in->buf[0] == 0;
    return BMIS_OK;
  }
}

/* ---- values ---- */

static bool is_blank(char ch) {
  return ch == ' ' || ch == '\t';
}

/* Field i of the layout, trimmed in place; "" when the file has no such
 * column. */
static char *field(csv *in, int column) {
  int f = in->field_of[column];
  if (f < 0)
    return (char *)"";
  char *s = in->buf + in->offsets[f];
  while (is_blank(*s))
    s++;
  size_t n = strlen(s);
  while (n && is_blank(s[n - 1]))
    s[--n] = 0;
  return s;
}

static bmis_status cell_error(csv *in, int column, bmis_status st,
                              const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bmis_status cell_error(csv *in, int column, bmis_status st,
                              const char *fmt, ...) {
  if (st == BMIS_E_NOMEM)
    return nomem(in->err);
  char msg[200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return bmis_error_set(in->err, BMIS_E_PARSE, "line %ld, column %s: %s",
                        in->record_line, columns[column].name, msg);
}

/* Calls each(piece) for every ';'-separated piece of s (trimmed, empty
 * pieces skipped). s is changed in place. */
typedef bmis_status (*piece_fn)(csv *in, bmis_wl_content *c, bmis_wl_person *p,
                                int column, char *piece);
static bmis_status piece_name(csv *in, bmis_wl_content *c, bmis_wl_person *p,
                              int column, char *piece);
static bmis_status each_piece(csv *in, bmis_wl_content *c, bmis_wl_person *p,
                              int column, piece_fn fn) {
  char *s = field(in, column);
  int count = 0;
  while (*s) {
    char *semi = strchr(s, ';');
    if (semi)
      *semi = 0;
    while (is_blank(*s))
      s++;
    size_t n = strlen(s);
    while (n && is_blank(s[n - 1]))
      s[--n] = 0;
    if (*s) {
      if (fn != piece_name && ++count > BMIS__WL_MAX_ITEMS)
        return cell_error(in, column, BMIS_E_PARSE, "more than %d values",
                          BMIS__WL_MAX_ITEMS);
      bmis_status st = fn(in, c, p, column, s);
      if (st != BMIS_OK)
        return st;
    }
    if (!semi)
      break;
    s = semi + 1;
  }
  return BMIS_OK;
}

static bmis_status piece_name(csv *in, bmis_wl_content *c, bmis_wl_person *p,
                              int column, char *piece) {
  if (p->name_count >= BMIS__WL_MAX_NAMES)
    return cell_error(in, column, BMIS_E_PARSE, "more than %d names",
                      BMIS__WL_MAX_NAMES);
  bmis_name_quality q =
      column == C_WEAK_ALIASES ? BMIS_NAME_WEAK : BMIS_NAME_STRONG;
  bmis_error why;
  bmis_status st =
      bmis_wl_person_add_name(c, p, piece, q, column == C_ORIGINAL, &why);
  return st == BMIS_OK ? st : cell_error(in, column, st, "%s", why.message);
}

static bool digits(const char *s, int n, int *out) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

/* "1965", "1965-03", "1965-03-02", "1960..1962", each with an optional '~'
 * (approximate). */
static bool parse_birth(const char *s, bmis_wl_birth *b) {
  memset(b, 0, sizeof *b);
  if (*s == '~') {
    b->approximate = true;
    s++;
  }
  size_t n = strlen(s);
  int y, m, d, to;
  if (n < 4 || !digits(s, 4, &y))
    return false;
  b->date.year = (int16_t)y;
  if (n == 4)
    return true;
  if (n == 10 && s[4] == '.' && s[5] == '.' && digits(s + 6, 4, &to)) {
    b->to_year = (int16_t)(to == y ? 0 : to); /* 1965..1965 is 1965 */
    return true;
  }
  if (s[4] != '-' || (n != 7 && n != 10) || !digits(s + 5, 2, &m) || m < 1 ||
      m > 12)
    return false;
  b->date.month = (int8_t)m;
  if (n == 7)
    return true;
  if (s[7] != '-' || !digits(s + 8, 2, &d))
    return false;
  b->date.day = (int8_t)d;
  return bmis_date_is_valid(b->date);
}

static bmis_status piece_birth(csv *in, bmis_wl_content *c, bmis_wl_person *p,
                               int column, char *piece) {
  bmis_wl_birth b;
  if (!parse_birth(piece, &b))
    return cell_error(in, column, BMIS_E_PARSE,
                      "'%.40s' is not a date of birth (YYYY, YYYY-MM, "
                      "YYYY-MM-DD or YYYY..YYYY, '~' before when "
                      "approximate)",
                      piece);
  bmis_error why;
  bmis_status st = bmis_wl_person_add_birth(c, p, b, &why);
  return st == BMIS_OK ? st : cell_error(in, column, st, "%s", why.message);
}

static bmis_status piece_country(csv *in, bmis_wl_content *c, bmis_wl_person *p,
                                 int column, char *piece) {
  bmis_error why;
  bmis_status st = column == C_NATIONALITY
                       ? bmis_wl_person_add_nationality(c, p, piece, &why)
                       : bmis_wl_person_add_birth_country(c, p, piece, &why);
  if (st == BMIS_E_INVALID_ARG)
    return cell_error(in, column, st, "'%.60s' is not a country", piece);
  return st == BMIS_OK ? st : cell_error(in, column, st, "%s", why.message);
}

static bmis_status piece_place(csv *in, bmis_wl_content *c, bmis_wl_person *p,
                               int column, char *piece) {
  bmis_error why;
  bmis_status st = bmis_wl_person_add_birth_place(c, p, piece, &why);
  return st == BMIS_OK ? st : cell_error(in, column, st, "%s", why.message);
}

/* TYPE:STATE:NUMBER (TYPE and STATE may be empty; NUMBER is the rest). */
static bmis_status piece_document(csv *in, bmis_wl_content *c,
                                  bmis_wl_person *p, int column, char *piece) {
  char *c1 = strchr(piece, ':');
  char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
  if (!c2)
    return cell_error(in, column, BMIS_E_PARSE,
                      "'%.40s' is not TYPE:STATE:NUMBER", piece);
  *c1 = *c2 = 0;
  char *type = piece, *state = c1 + 1, *number = c2 + 1;
  char *parts[3] = {type, state, number};
  for (int i = 0; i < 3; i++) {
    while (is_blank(*parts[i]))
      parts[i]++;
    size_t n = strlen(parts[i]);
    while (n && is_blank(parts[i][n - 1]))
      parts[i][--n] = 0;
  }
  type = parts[0];
  state = parts[1];
  number = parts[2];
  bmis_wl_person_doc d;
  memset(&d, 0, sizeof d);
  if (strlen(type) >= sizeof d.type)
    return cell_error(in, column, BMIS_E_PARSE,
                      "document type '%.40s' is longer than 31 bytes", type);
  if (!*number || strlen(number) >= sizeof d.number)
    return cell_error(in, column, BMIS_E_PARSE,
                      "document number '%.40s' is not 1-39 bytes", number);
  if (!bmis__wl_number_screenable(number))
    return cell_error(in, column, BMIS_E_PARSE,
                      "document number '%.40s' has no letter or digit; it "
                      "could never be screened",
                      number);
  const bmis_country *k = *state ? bmis_country_lookup(state) : NULL;
  if (*state && !k)
    return cell_error(in, column, BMIS_E_PARSE,
                      "document state '%.40s' is not a country", state);
  memcpy(d.type, type, strlen(type) + 1);
  memcpy(d.number, number, strlen(number) + 1);
  if (k)
    bmis__copy(d.state, sizeof d.state, k->code);
  bmis_error why;
  bmis_status st = bmis_wl_person_add_document(c, p, &d, &why);
  return st == BMIS_OK ? st : cell_error(in, column, st, "%s", why.message);
}

/* ---- rows ---- */

/* A column for the other kind of row must be empty. */
static bmis_status only_own_columns(csv *in, char kind) {
  for (int col = 0; col < C_COUNT; col++)
    if (columns[col].rows != 'B' && columns[col].rows != kind &&
        *field(in, col))
      return bmis_error_set(in->err, BMIS_E_PARSE,
                            "line %ld, column %s: only for %s rows",
                            in->record_line, columns[col].name,
                            columns[col].rows == 'P' ? "person" : "document");
  return BMIS_OK;
}

static bmis_status person_row(csv *in, bmis_wl_content *c, const char *ref) {
  bmis_wl_person *p;
  bmis_error why;
  bmis_status st = bmis_wl_content_add_person(c, ref, &p, &why);
  if (st != BMIS_OK)
    return cell_error(in, C_REF, st, "%s", why.message);
  const char *name = field(in, C_NAME);
  if (!*name)
    return bmis_error_set(in->err, BMIS_E_PARSE,
                          "line %ld, column name: a person needs a name",
                          in->record_line);
  st = bmis_wl_person_add_name(c, p, name, BMIS_NAME_PRIMARY, false, &why);
  if (st != BMIS_OK)
    return cell_error(in, C_NAME, st, "%s", why.message);
  static const struct {
    int column;
    piece_fn fn;
  } lists[] = {
      {C_ALIASES, piece_name},          {C_WEAK_ALIASES, piece_name},
      {C_ORIGINAL, piece_name},         {C_BIRTH, piece_birth},
      {C_NATIONALITY, piece_country},   {C_BIRTH_PLACE, piece_place},
      {C_BIRTH_COUNTRY, piece_country}, {C_DOCUMENTS, piece_document},
  };
  for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
    if ((st = each_piece(in, c, p, lists[i].column, lists[i].fn)) != BMIS_OK)
      return st;
  const char *sex = field(in, C_SEX);
  if (*sex) {
    char s =
        sex[0] >= 'a' && sex[0] <= 'z' ? (char)(sex[0] - 'a' + 'A') : sex[0];
    if (sex[1] || (s != 'F' && s != 'M' && s != 'X'))
      return cell_error(in, C_SEX, BMIS_E_PARSE, "'%.20s' is not F, M or X",
                        sex);
    p->sex = s;
  }
  const char *remarks = field(in, C_REMARKS);
  if (*remarks &&
      (st = bmis_wl_person_set_remarks(c, p, remarks, &why)) != BMIS_OK)
    return cell_error(in, C_REMARKS, st, "%s", why.message);
  if ((st = bmis__wl_person_screenable(p, &why)) != BMIS_OK)
    return cell_error(in, C_NAME, st, "%s", why.message);
  return BMIS_OK;
}

static bmis_status document_row(csv *in, bmis_wl_content *c, const char *ref) {
  bmis_wl_document d;
  memset(&d, 0, sizeof d);
  bmis__copy(d.ref, sizeof d.ref, ref);
  const char *state = field(in, C_DOC_STATE), *number = field(in, C_DOC_NUMBER);
  const char *type = field(in, C_DOC_TYPE), *status = field(in, C_DOC_STATUS);
  const char *reported = field(in, C_REPORTED);
  if (!*state)
    return cell_error(in, C_DOC_STATE, BMIS_E_PARSE,
                      "a document needs its issuing state");
  const bmis_country *k = bmis_country_lookup(state);
  if (!k)
    return cell_error(in, C_DOC_STATE, BMIS_E_PARSE, "'%.60s' is not a country",
                      state);
  bmis__copy(d.state, sizeof d.state, k->code);
  if (!*number || strlen(number) >= sizeof d.number)
    return cell_error(in, C_DOC_NUMBER, BMIS_E_PARSE,
                      "a document number has 1-39 bytes");
  if (!bmis__wl_number_screenable(number))
    return cell_error(in, C_DOC_NUMBER, BMIS_E_PARSE,
                      "'%.40s' has no letter or digit; it could never be "
                      "screened",
                      number);
  memcpy(d.number, number, strlen(number) + 1);
  size_t tl = strlen(type);
  if (tl > 2 || (tl >= 1 && (type[0] < 'A' || type[0] > 'Z')) ||
      (tl == 2 && (type[1] < 'A' || type[1] > 'Z')))
    return cell_error(in, C_DOC_TYPE, BMIS_E_PARSE,
                      "'%.20s' is not an ICAO document code (1-2 capital "
                      "letters: P, I, ID...)",
                      type);
  memcpy(d.type, type, tl + 1);
  d.status = bmis_doc_status_parse(status);
  if (!d.status)
    return cell_error(in, C_DOC_STATUS, BMIS_E_PARSE,
                      "'%.40s' is not lost, stolen, revoked or "
                      "invalidated",
                      status);
  if (*reported) {
    bmis_error why;
    if (bmis_date_parse_iso(reported, &d.reported, &why) != BMIS_OK)
      return cell_error(in, C_REPORTED, BMIS_E_PARSE,
                        "'%.40s' is not a date (YYYY-MM-DD)", reported);
  }
  const char *remarks = field(in, C_REMARKS);
  d.remarks = *remarks ? (char *)remarks : NULL;
  bmis_error why;
  bmis_status st = bmis_wl_content_add_document(c, &d, &why);
  if (st == BMIS_OK)
    return st;
  int column = st == BMIS_E_CONFLICT || !ref[0] ? C_REF : C_REMARKS;
  return cell_error(in, column, st, "%s", why.message);
}

static bmis_status row(csv *in, bmis_wl_content *c) {
  const char *kind = field(in, C_KIND);
  char k = strcmp(kind, "person") == 0     ? 'P'
           : strcmp(kind, "document") == 0 ? 'D'
                                           : 0;
  if (!k)
    return cell_error(in, C_KIND, BMIS_E_PARSE,
                      "'%.40s' is not person or document", kind);
  const char *ref = field(in, C_REF);
  if (!*ref)
    return bmis_error_set(in->err, BMIS_E_PARSE,
                          "line %ld, column ref: a reference is required",
                          in->record_line);
  if (strlen(ref) >= 64)
    return cell_error(in, C_REF, BMIS_E_PARSE,
                      "reference '%.20s...' is longer than 63 bytes", ref);
  bmis_status st = only_own_columns(in, k);
  if (st != BMIS_OK)
    return st;
  return k == 'P' ? person_row(in, c, ref) : document_row(in, c, ref);
}

/* ---- the header ---- */

static bmis_status header(csv *in) {
  for (int col = 0; col < C_COUNT; col++)
    in->field_of[col] = -1;
  char tmp[24];
  for (size_t i = 0; i < in->nfields; i++) {
    char *name = in->buf + in->offsets[i];
    while (is_blank(*name))
      name++;
    size_t n = strlen(name);
    while (n && is_blank(name[n - 1]))
      name[--n] = 0;
    int found = -1;
    for (int col = 0; col < C_COUNT; col++)
      if (strcmp(name, columns[col].name) == 0)
        found = col;
    snprintf(tmp, sizeof tmp, "%zu", i + 1);
    if (found < 0)
      return bmis_error_set(in->err, BMIS_E_PARSE,
                            "line %ld, column %s: unknown column '%.40s' "
                            "(docs/SCREENING.md lists the columns)",
                            in->record_line, tmp, name);
    if (in->field_of[found] >= 0)
      return bmis_error_set(in->err, BMIS_E_PARSE,
                            "line %ld, column %s: column '%s' appears twice",
                            in->record_line, tmp, name);
    in->field_of[found] = (int)i;
    in->col_of[i] = found;
  }
  for (int col = C_KIND; col <= C_REF; col++)
    if (in->field_of[col] < 0)
      return bmis_error_set(in->err, BMIS_E_PARSE,
                            "line %ld: the header has no '%s' column",
                            in->record_line, columns[col].name);
  in->ncols = in->nfields;
  return BMIS_OK;
}

/* The first byte that is not well-formed UTF-8 (or a NUL), or -1; *line is
 * its line. */
static long bad_utf8(const char *s, size_t len, long *line) {
  size_t i = 0;
  *line = 1;
  while (i < len) {
    size_t at = i;
    int32_t cp = bmis__utf8_next(s, len, &i);
    if (cp <= 0)
      return (long)at;
    *line += cp == '\n' || (cp == '\r' && (i >= len || s[i] != '\n'));
  }
  return -1;
}

bmis_status bmis__wl_read_csv(const char *data, size_t len,
                              bmis_wl_content *out, bmis_error *err) {
  if (len > (size_t)INT32_MAX)
    return bmis_error_set(err, BMIS_E_TOO_LARGE, "the list is too large");
  long bad_line;
  if (bad_utf8(data, len, &bad_line) >= 0)
    return bmis_error_set(err, BMIS_E_PARSE,
                          "line %ld: not UTF-8 text (or a NUL byte)", bad_line);
  csv in;
  memset(&in, 0, sizeof in);
  in.p = data;
  in.end = data + len;
  in.line = 1;
  in.err = err;
  in.max_fields = CSV_COLUMNS_MAX;
  if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
    in.p += 3;
  in.offsets = bmis__malloc(CSV_COLUMNS_MAX * sizeof *in.offsets);
  if (!in.offsets)
    return nomem(err);
  bmis_status st;
  do {
    st = next_record(&in);
  } while (st == BMIS_OK && in.nfields && in.blank);
  if (st != BMIS_OK)
    goto out;
  if (!in.nfields) {
    st = bmis_error_set(err, BMIS_E_PARSE, "no header row");
    goto out;
  }
  if ((st = header(&in)) != BMIS_OK)
    goto out;
  in.max_fields = in.ncols;
  for (;;) {
    if ((st = next_record(&in)) != BMIS_OK)
      goto out;
    if (!in.nfields)
      break;
    if (in.blank && in.ncols > 1)
      continue;
    if (in.nfields != in.ncols) {
      st = bmis_error_set(err, BMIS_E_PARSE,
                          "line %ld: %zu fields, the header has %zu",
                          in.record_line, in.nfields, in.ncols);
      goto out;
    }
    if ((st = row(&in, out)) != BMIS_OK)
      goto out;
  }
out:
  bmis__free(in.buf);
  bmis__free(in.offsets);
  return st;
}

/* Field checks for every MRZ format, driven by the layout tables in
 * mrz_layouts.h. Each check records where its field is and any findings;
 * the cross-field rules (expiry, age, issuer vs nationality) come last.
 * Turning fields into text is mrz_values.c's job, on demand. */
#include "bmis/country.h"
#include "doc/country_table.h"
#include "doc/mrz_layouts.h"

#include <stdint.h>
#include <string.h>

typedef struct ctx {
  bmis_doc *doc;
  const bmis__mrz_layout *lay;
  const bmis_doc_options *opts;
  const bmis_country *issuer, *nationality;
  bool birth_known;      /* year known (month/day may not be) */
  bmis_date birth_early; /* earliest and latest possible birth dates */
  bmis_date birth_late;
} ctx;

static const char *at(const ctx *c, bmis__mrz_span s) {
  return c->doc->lines[s.line] + s.col;
}

static bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}
static bool is_upper(char ch) {
  return ch >= 'A' && ch <= 'Z';
}

static void finding(ctx *c, bmis_finding_code code, bmis_doc_field_id field,
                    bmis__mrz_span s, char found, char expected, int32_t n) {
  bmis__doc_finding(c->doc, code, field, s.line, s.col, s.len, found, expected,
                    n);
}

/* Finding at one column of a span. */
static void finding_at(ctx *c, bmis_finding_code code, bmis_doc_field_id field,
                       bmis__mrz_span s, int offset, char found,
                       char expected) {
  bmis__doc_finding(c->doc, code, field, s.line, s.col + offset, 1, found,
                    expected, 0);
}

/* Marks a field present at span s. */
static void set_field(ctx *c, bmis_doc_field_id id, bmis__mrz_span s) {
  bmis_doc_field *f = &c->doc->fields[id];
  f->verdict = BMIS_VERDICT_OK;
  f->line = (uint8_t)(s.line + 1);
  f->col = (uint8_t)(s.col + 1);
  f->len = s.len;
}

static int check_value(const char *chars, size_t n) {
  return (int)(bmis__mrz_weighted_sum(chars, n, 0) % 10);
}

/* Verifies the check digit in field `id` against `computed`. A filler is
 * accepted when `filler_ok` (an empty field). */
static void verify_digit(ctx *c, bmis_doc_field_id id, bmis__mrz_span s,
                         int computed, bool filler_ok) {
  char got = *at(c, s);
  set_field(c, id, s);
  char want = (char)('0' + computed);
  if (got == '<' && filler_ok)
    return;
  if (!is_digit(got))
    finding(c, BMIS_FINDING_CHECK_DIGIT_INVALID, id, s, got, want, 0);
  else if (got != want)
    finding(c, BMIS_FINDING_CHECK_DIGIT_MISMATCH, id, s, got, want, 0);
}

static bool all_fillers(const char *p, size_t n) {
  return bmis__mrz_trimmed_length(p, n) == 0;
}

static void check_document_code(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_DOCUMENT_CODE];
  set_field(c, BMIS_FIELD_DOCUMENT_CODE, s);
  char c0 = at(c, s)[0], c1 = at(c, s)[1];
  if (c0 != 'A' && c0 != 'C' && c0 != 'I' && c0 != 'P' && c0 != 'V')
    finding_at(c, BMIS_FINDING_DOCUMENT_CODE_INVALID, BMIS_FIELD_DOCUMENT_CODE,
               s, 0, c0, 0);
  else if (!strchr(c->lay->codes, c0))
    finding_at(c, BMIS_FINDING_DOCUMENT_CODE_UNEXPECTED,
               BMIS_FIELD_DOCUMENT_CODE, s, 0, c0, 0);
  if (!is_upper(c1) && c1 != '<')
    finding_at(c, BMIS_FINDING_DOCUMENT_CODE_INVALID, BMIS_FIELD_DOCUMENT_CODE,
               s, 1, c1, 0);
}

static const bmis_country *check_country(ctx *c, bmis_doc_field_id id) {
  bmis__mrz_span s = c->lay->field[id];
  set_field(c, id, s);
  const bmis_country *country = bmis__country_by_code(at(c, s), s.len);
  if (!country) {
    finding(c, BMIS_FINDING_COUNTRY_CODE_UNKNOWN, id, s, 0, 0, 0);
    return NULL;
  }
  if (country->kind == BMIS_COUNTRY_SPECIMEN)
    finding(c, BMIS_FINDING_SPECIMEN_CODE, id, s, 0, 0, 0);
  else if (country->kind == BMIS_COUNTRY_HISTORIC)
    finding(c, BMIS_FINDING_COUNTRY_CODE_HISTORIC, id, s, 0, 0, 0);
  return country;
}

/* Digits are the one kind of non-name MRZ character worth naming here:
 * anything outside the MRZ set was already reported line by line. */
static void check_name_digits(ctx *c, bmis_doc_field_id id, bmis__mrz_span s,
                              int len) {
  const char *p = at(c, s);
  /* Among MRZ characters only digits are below ':' ('<' and 'A'-'Z' are
   * above), so a word with no byte below ':' has no digit: skip it whole. */
  int i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    if (((w - 0x3A3A3A3A3A3A3A3Au) & ~w & 0x8080808080808080u) != 0)
      break;
  }
  for (; i < len; i++)
    if (is_digit(p[i])) {
      finding_at(c, BMIS_FINDING_NAME_INVALID, id, s, i, p[i], 0);
      return;
    }
}

static void check_icao_name(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_NAME];
  set_field(c, BMIS_FIELD_NAME, s);
  const char *p = at(c, s);
  int n = s.len, end = (int)bmis__mrz_trimmed_length(p, s.len);
  if (end == 0) {
    finding(c, BMIS_FINDING_FIELD_MISSING, BMIS_FIELD_NAME, s, 0, 0, 0);
    return;
  }
  check_name_digits(c, BMIS_FIELD_NAME, s, end);
  /* Primary and secondary identifiers part at the first "<<". */
  const char *two = end > 1 ? memchr(p, '<', (size_t)end) : NULL;
  while (two && two + 1 < p + end && two[1] != '<')
    two = memchr(two + 2, '<', (size_t)(p + end - two - 2));
  int sep = two && two + 1 < p + end ? (int)(two - p) : -1;
  int plen = sep < 0 ? end : sep;
  bmis__mrz_span ps = {s.line, s.col, (uint8_t)plen};
  set_field(c, BMIS_FIELD_PRIMARY_IDENTIFIER, ps);
  if (sep >= 0) {
    int start = sep + 2;
    bmis__mrz_span ss = {s.line, (uint8_t)(s.col + start),
                         (uint8_t)(end - start)};
    set_field(c, BMIS_FIELD_SECONDARY_IDENTIFIER, ss);
  }
  if (all_fillers(p, (size_t)plen))
    finding(c, BMIS_FINDING_PRIMARY_IDENTIFIER_EMPTY,
            BMIS_FIELD_PRIMARY_IDENTIFIER, s, 0, 0, 0);
  if (p[n - 1] != '<')
    finding(c, BMIS_FINDING_NAME_TRUNCATED, BMIS_FIELD_NAME, s, 0, 0, 0);
}

/* French ID: surname field on line 1, given names on line 2. */
static void check_fra_names(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_NAME];
  bmis__mrz_span g = c->lay->field[BMIS_FIELD_SECONDARY_IDENTIFIER];
  set_field(c, BMIS_FIELD_NAME, s);
  set_field(c, BMIS_FIELD_PRIMARY_IDENTIFIER, s);
  set_field(c, BMIS_FIELD_SECONDARY_IDENTIFIER, g);
  check_name_digits(c, BMIS_FIELD_NAME, s, s.len);
  check_name_digits(c, BMIS_FIELD_SECONDARY_IDENTIFIER, g, g.len);
  if (all_fillers(at(c, s), s.len))
    finding(c, BMIS_FINDING_FIELD_MISSING, BMIS_FIELD_PRIMARY_IDENTIFIER, s, 0,
            0, 0);
  if (at(c, s)[s.len - 1] != '<')
    finding(c, BMIS_FINDING_NAME_TRUNCATED, BMIS_FIELD_PRIMARY_IDENTIFIER, s, 0,
            0, 0);
  if (at(c, g)[g.len - 1] != '<')
    finding(c, BMIS_FINDING_NAME_TRUNCATED, BMIS_FIELD_SECONDARY_IDENTIFIER, g,
            0, 0, 0);
}

/* TD1/TD2 numbers longer than 9 characters: the field holds the first 9,
 * its check-digit position a filler, and the optional data starts with the
 * rest followed by the check digit and a filler. Returns how many optional
 * data characters the number used. */
static int check_long_number(ctx *c) {
  bmis__mrz_span ns = c->lay->field[BMIS_FIELD_DOCUMENT_NUMBER];
  bmis__mrz_span os = c->lay->field[BMIS_FIELD_OPTIONAL_DATA];
  const char *field = at(c, ns), *opt = at(c, os);
  int k = 0;
  while (k < os.len && opt[k] != '<')
    k++;
  int extra = k - 1; /* characters of the number beyond the first 9 */
  char with[32], without[32];
  memcpy(with, field, ns.len);
  with[ns.len] = '<';
  memcpy(with + ns.len + 1, opt, (size_t)extra);
  memcpy(without, field, ns.len);
  memcpy(without + ns.len, opt, (size_t)extra);
  size_t nlen = (size_t)(ns.len + extra);
  int w = check_value(with, nlen + 1), wo = check_value(without, nlen);
  bmis__mrz_span cs = {os.line, (uint8_t)(os.col + extra), 1};
  set_field(c, BMIS_FIELD_DOCUMENT_NUMBER_CHECK, cs);
  char cd = opt[extra];
  finding(c, BMIS_FINDING_DOCUMENT_NUMBER_LONG, BMIS_FIELD_DOCUMENT_NUMBER, ns,
          0, 0, (int32_t)nlen);
  if (!is_digit(cd)) {
    finding(c, BMIS_FINDING_CHECK_DIGIT_INVALID,
            BMIS_FIELD_DOCUMENT_NUMBER_CHECK, cs, cd, (char)('0' + w), 0);
    c->doc->long_number = BMIS_LONG_NUMBER_NEITHER;
  } else if (cd - '0' == w) {
    c->doc->long_number =
        w == wo ? BMIS_LONG_NUMBER_BOTH : BMIS_LONG_NUMBER_WITH_FILLER;
  } else if (cd - '0' == wo) {
    c->doc->long_number = BMIS_LONG_NUMBER_WITHOUT_FILLER;
    finding(c, BMIS_FINDING_DOCUMENT_NUMBER_CHECK_VARIANT,
            BMIS_FIELD_DOCUMENT_NUMBER_CHECK, cs, cd, (char)('0' + w), 0);
  } else {
    c->doc->long_number = BMIS_LONG_NUMBER_NEITHER;
    finding(c, BMIS_FINDING_CHECK_DIGIT_MISMATCH,
            BMIS_FIELD_DOCUMENT_NUMBER_CHECK, cs, cd, (char)('0' + w), 0);
  }
  return k < os.len ? k + 1 : k;
}

static int check_number(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_DOCUMENT_NUMBER];
  bmis__mrz_span cs = c->lay->field[BMIS_FIELD_DOCUMENT_NUMBER_CHECK];
  bmis__mrz_span os = c->lay->field[BMIS_FIELD_OPTIONAL_DATA];
  set_field(c, BMIS_FIELD_DOCUMENT_NUMBER, s);
  bool overflow_layout =
      c->lay->format == BMIS_DOC_TD1 || c->lay->format == BMIS_DOC_TD2;
  if (overflow_layout && *at(c, cs) == '<' && *at(c, os) != '<')
    return check_long_number(c);
  if (all_fillers(at(c, s), s.len))
    finding(c, BMIS_FINDING_FIELD_MISSING, BMIS_FIELD_DOCUMENT_NUMBER, s, 0, 0,
            0);
  verify_digit(c, BMIS_FIELD_DOCUMENT_NUMBER_CHECK, cs,
               check_value(at(c, s), s.len), false);
  return 0;
}

enum { UNKNOWN_DAY = 1, UNKNOWN_MONTH = 2, UNKNOWN_YEAR = 4 };

/* Reads YYMMDD; pairs of fillers mark unknown parts. Returns the offset of
 * the first character that is neither, or -1. */
static int read_yymmdd(const char *p, int part[3], int *unknown) {
  *unknown = 0;
  for (int i = 0; i < 3; i++) {
    char a = p[2 * i], b = p[2 * i + 1];
    if (is_digit(a) && is_digit(b)) {
      part[i] = (a - '0') * 10 + (b - '0');
    } else if (a == '<' && b == '<') {
      part[i] = 0;
      *unknown |= i == 0 ? UNKNOWN_YEAR : i == 1 ? UNKNOWN_MONTH : UNKNOWN_DAY;
    } else {
      return 2 * i + (is_digit(a) || a == '<' ? 1 : 0);
    }
  }
  return -1;
}

/* Marks a date field present and verifies its check digit (a filler digit
 * is allowed over an all-filler date). Sets *empty; returns the date's
 * characters. */
static const char *date_field(ctx *c, bmis_doc_field_id id,
                              bmis_doc_field_id check, bool *empty) {
  bmis__mrz_span s = c->lay->field[id];
  set_field(c, id, s);
  const char *p = at(c, s);
  *empty = all_fillers(p, s.len);
  verify_digit(c, check, c->lay->field[check], check_value(p, s.len), *empty);
  return p;
}

static void check_birth(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_BIRTH_DATE];
  bool empty;
  const char *p =
      date_field(c, BMIS_FIELD_BIRTH_DATE, BMIS_FIELD_BIRTH_DATE_CHECK, &empty);
  int part[3], unknown;
  int bad = read_yymmdd(p, part, &unknown);
  if (bad >= 0) {
    finding_at(c, BMIS_FINDING_FIELD_INVALID, BMIS_FIELD_BIRTH_DATE, s, bad,
               p[bad], 0);
    return;
  }
  if (empty) {
    finding(c, BMIS_FINDING_DATE_PARTIAL, BMIS_FIELD_BIRTH_DATE, s, 0, 0, 0);
    return;
  }
  if (unknown & UNKNOWN_YEAR) {
    finding_at(c, BMIS_FINDING_FIELD_INVALID, BMIS_FIELD_BIRTH_DATE, s, 0, '<',
               0);
    return;
  }
  /* Century: the year is in the past or this year. */
  int year = 2000 + part[0];
  if (year > c->opts->as_of.year)
    year -= 100;
  int month = part[1], day = part[2];
  if ((!(unknown & UNKNOWN_MONTH) && (month < 1 || month > 12)) ||
      (!(unknown & UNKNOWN_DAY) &&
       (day < 1 || day > (unknown & UNKNOWN_MONTH
                              ? 31
                              : bmis_date_days_in_month(year, month))))) {
    finding(c, BMIS_FINDING_DATE_INVALID, BMIS_FIELD_BIRTH_DATE, s, 0, 0, 0);
    return;
  }
  bmis_date d = {(int16_t)year, (int8_t)month, (int8_t)day};
  c->doc->birth_date = d;
  c->birth_known = true;
  c->birth_early = d;
  c->birth_late = d;
  if (unknown) {
    finding(c, BMIS_FINDING_DATE_PARTIAL, BMIS_FIELD_BIRTH_DATE, s, 0, 0, 0);
    if (unknown & UNKNOWN_MONTH) {
      c->birth_early.month = 1;
      c->birth_late.month = 12;
    }
    if (unknown & UNKNOWN_DAY) {
      c->birth_early.day = 1;
      c->birth_late.day =
          (int8_t)bmis_date_days_in_month(year, c->birth_late.month);
    }
  }
  if (bmis_date_compare(c->birth_early, c->opts->as_of) > 0)
    finding(c, BMIS_FINDING_BIRTH_DATE_FUTURE, BMIS_FIELD_BIRTH_DATE, s, 0, 0,
            0);
}

static void check_sex(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_SEX];
  set_field(c, BMIS_FIELD_SEX, s);
  char ch = *at(c, s);
  if (ch == 'X')
    finding(c, BMIS_FINDING_SEX_X, BMIS_FIELD_SEX, s, ch, 0, 0);
  else if (ch != 'M' && ch != 'F' && ch != '<')
    finding(c, BMIS_FINDING_SEX_INVALID, BMIS_FIELD_SEX, s, ch, 0, 0);
}

/* Identity cards may have no expiry date; passports and visas must. */
static bool may_lack_expiry(const ctx *c) {
  char code = c->doc->lines[0][0];
  return code == 'I' || code == 'A' || code == 'C';
}

static void check_expiry(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_EXPIRY_DATE];
  bool empty;
  const char *p = date_field(c, BMIS_FIELD_EXPIRY_DATE,
                             BMIS_FIELD_EXPIRY_DATE_CHECK, &empty);
  if (empty) {
    if (may_lack_expiry(c))
      finding(c, BMIS_FINDING_NO_EXPIRY, BMIS_FIELD_EXPIRY_DATE, s, 0, 0, 0);
    else
      finding(c, BMIS_FINDING_FIELD_MISSING, BMIS_FIELD_EXPIRY_DATE, s, 0, 0,
              0);
    return;
  }
  int part[3], unknown;
  int bad = read_yymmdd(p, part, &unknown);
  if (bad < 0 && unknown)
    bad = (unknown & UNKNOWN_YEAR) ? 0 : (unknown & UNKNOWN_MONTH) ? 2 : 4;
  if (bad >= 0) {
    finding_at(c, BMIS_FINDING_FIELD_INVALID, BMIS_FIELD_EXPIRY_DATE, s, bad,
               p[bad], 0);
    return;
  }
  /* Century: documents run at most a few decades ahead. */
  int year = 2000 + part[0];
  if (year > c->opts->as_of.year + 50)
    year -= 100;
  bmis_date d = {(int16_t)year, (int8_t)part[1], (int8_t)part[2]};
  if (!bmis_date_is_valid(d)) {
    finding(c, BMIS_FINDING_DATE_INVALID, BMIS_FIELD_EXPIRY_DATE, s, 0, 0, 0);
    return;
  }
  c->doc->expiry_date = d;
  c->doc->has_expiry = true;
}

/* French ID: the number starts with the issue year and month; the card's
 * validity (10 years, or 15 for adults from 2004) gives the expiry. */
static void check_fra_issue(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_ISSUE_DATE];
  set_field(c, BMIS_FIELD_ISSUE_DATE, s);
  set_field(c, BMIS_FIELD_ISSUING_OFFICE,
            c->lay->field[BMIS_FIELD_ISSUING_OFFICE]);
  const char *p = at(c, s);
  for (int i = 0; i < 4; i++)
    if (!is_digit(p[i])) {
      finding_at(c, BMIS_FINDING_FIELD_INVALID, BMIS_FIELD_ISSUE_DATE, s, i,
                 p[i], 0);
      return;
    }
  int year = 2000 + (p[0] - '0') * 10 + (p[1] - '0');
  int month = (p[2] - '0') * 10 + (p[3] - '0');
  if (year > c->opts->as_of.year)
    year -= 100;
  if (month < 1 || month > 12) {
    finding(c, BMIS_FINDING_DATE_INVALID, BMIS_FIELD_ISSUE_DATE, s, 0, 0, 0);
    return;
  }
  c->doc->issue_date = (bmis_date){(int16_t)year, (int8_t)month, 0};
  /* The latest day the card can have been issued: never call a card
   * expired before it is. */
  bmis_date issued = {(int16_t)year, (int8_t)month,
                      (int8_t)bmis_date_days_in_month(year, month)};
  bool adult =
      c->birth_known && bmis_date_years_between(c->birth_late, issued) >= 18;
  int years = adult && year >= 2004 ? 15 : 10;
  bmis_date exp = {(int16_t)(year + years), (int8_t)month,
                   (int8_t)bmis_date_days_in_month(year + years, month)};
  c->doc->expiry_date = exp;
  c->doc->has_expiry = true;
  c->doc->expiry_derived = true;
  c->doc->fields[BMIS_FIELD_EXPIRY_DATE].verdict =
      BMIS_VERDICT_OK; /* implied */
  bmis__doc_finding(c->doc, BMIS_FINDING_EXPIRY_DERIVED, BMIS_FIELD_EXPIRY_DATE,
                    s.line, s.col, s.len, 0, 0, years);
}

static void check_optional(ctx *c, int used_by_number) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_OPTIONAL_DATA];
  if (s.len) {
    set_field(c, BMIS_FIELD_OPTIONAL_DATA, s);
    c->doc->optional_offset = (uint8_t)used_by_number;
    bmis__mrz_span cs = c->lay->field[BMIS_FIELD_OPTIONAL_DATA_CHECK];
    if (cs.len)
      verify_digit(c, BMIS_FIELD_OPTIONAL_DATA_CHECK, cs,
                   check_value(at(c, s), s.len), all_fillers(at(c, s), s.len));
  }
  bmis__mrz_span s2 = c->lay->field[BMIS_FIELD_OPTIONAL_DATA_2];
  if (s2.len)
    set_field(c, BMIS_FIELD_OPTIONAL_DATA_2, s2);
}

static void check_composite(ctx *c) {
  bmis__mrz_span s = c->lay->field[BMIS_FIELD_COMPOSITE_CHECK];
  if (!s.len)
    return;
  /* The digit over the spans joined, without joining them: each span is
   * weighed from the phase (offset modulo 3) at which it would start. */
  unsigned sum = 0, offset = 0;
  for (int i = 0; i < c->lay->ncomposite; i++) {
    bmis__mrz_span r = c->lay->composite[i];
    sum += bmis__mrz_weighted_sum(at(c, r), r.len, offset % 3);
    offset += r.len;
  }
  verify_digit(c, BMIS_FIELD_COMPOSITE_CHECK, s, (int)(sum % 10), false);
}

static bool same_country(const bmis_country *a, const bmis_country *b) {
  if (a == b)
    return true;
  return a->alpha2[0] && strcmp(a->alpha2, b->alpha2) == 0;
}

/* Kinds for which issuer and nationality differ by nature. */
static bool mismatch_expected(const bmis_country *x) {
  return x->kind == BMIS_COUNTRY_ORGANISATION ||
         x->kind == BMIS_COUNTRY_STATELESS;
}

static void check_cross_fields(ctx *c) {
  bmis_doc *doc = c->doc;
  const bmis_date as_of = c->opts->as_of;
  bool visa = doc->format == BMIS_DOC_MRVA || doc->format == BMIS_DOC_MRVB;
  if (c->issuer && c->nationality && !visa &&
      !same_country(c->issuer, c->nationality) &&
      !mismatch_expected(c->issuer) && !mismatch_expected(c->nationality))
    finding(c, BMIS_FINDING_ISSUER_NATIONALITY_MISMATCH, BMIS_FIELD_NATIONALITY,
            c->lay->field[BMIS_FIELD_NATIONALITY], 0, 0, 0);
  if (doc->has_expiry) {
    bmis__mrz_span es = c->lay->field[BMIS_FIELD_EXPIRY_DATE];
    if (!es.len)
      es = c->lay->field[BMIS_FIELD_ISSUE_DATE];
    /* Day counts only when they matter: expired, or near enough to warn
     * (a year of slack over the warning window keeps the shortcut exact). */
    int32_t left = INT32_MAX;
    if (doc->expiry_date.year <=
        as_of.year + 1 + c->opts->expiry_warning_days / 365)
      left = bmis_date_to_days(doc->expiry_date) - bmis_date_to_days(as_of);
    if (left < 0)
      finding(c, BMIS_FINDING_EXPIRED, BMIS_FIELD_EXPIRY_DATE, es, 0, 0, -left);
    else if (left <= c->opts->expiry_warning_days)
      finding(c, BMIS_FINDING_EXPIRES_SOON, BMIS_FIELD_EXPIRY_DATE, es, 0, 0,
              left);
    if (c->birth_known &&
        bmis_date_compare(c->birth_early, doc->expiry_date) > 0)
      finding(c, BMIS_FINDING_BIRTH_DATE_IMPLAUSIBLE, BMIS_FIELD_BIRTH_DATE,
              c->lay->field[BMIS_FIELD_BIRTH_DATE], 0, 0, 0);
  }
  if (c->birth_known && bmis_date_compare(c->birth_early, as_of) <= 0) {
    doc->age_min = (int16_t)bmis_date_years_between(c->birth_late, as_of);
    doc->age_max = (int16_t)bmis_date_years_between(c->birth_early, as_of);
    if (doc->age_min < 0)
      doc->age_min = 0;
    doc->minor = doc->age_min < 18;
    bmis__doc_finding(doc, BMIS_FINDING_HOLDER_AGE, BMIS_FIELD_NONE, -1, 0, 0,
                      0, 0, doc->age_min);
    if (doc->minor)
      bmis__doc_finding(doc, BMIS_FINDING_HOLDER_MINOR, BMIS_FIELD_NONE, -1, 0,
                        0, 0, 0, doc->age_min);
  }
}

/* All the checks of one document, for one layout. */
static inline void check_fields(bmis_doc *doc, const bmis__mrz_layout *lay,
                                const bmis_doc_options *opts) {
  ctx c = {doc, lay, opts, NULL, NULL, false, {0, 0, 0}, {0, 0, 0}};
  check_document_code(&c);
  c.issuer = check_country(&c, BMIS_FIELD_ISSUING_STATE);
  if (lay->format == BMIS_DOC_FRA_ID) {
    check_fra_names(&c);
    check_number(&c);
    /* Implied: the card is for French nationals (bmis_doc_field_value). */
    doc->fields[BMIS_FIELD_NATIONALITY].verdict = BMIS_VERDICT_OK;
    check_birth(&c);
    check_sex(&c);
    check_fra_issue(&c);
    check_composite(&c);
  } else {
    check_icao_name(&c);
    int used = check_number(&c);
    c.nationality = check_country(&c, BMIS_FIELD_NATIONALITY);
    check_birth(&c);
    check_sex(&c);
    check_expiry(&c);
    check_optional(&c, used);
    check_composite(&c);
  }
  check_cross_fields(&c);
}

/* One copy of the checks per format, with every call inlined ("flatten"),
 * so that the compiler sees each layout as constants: the field positions
 * fold into the code and the per-field loops get fixed lengths. This is
 * the parser's hot path (docs/BENCHMARKS.md). */
#if defined(__GNUC__)
#define BMIS__SPECIALISE __attribute__((flatten))
#else
#define BMIS__SPECIALISE
#endif
#define FORMAT_CHECKER(name)                                                   \
  BMIS__SPECIALISE static void check_##name(bmis_doc *doc,                     \
                                            const bmis_doc_options *opts) {    \
    check_fields(doc, &bmis__layout_##name, opts);                             \
  }
FORMAT_CHECKER(td1)
FORMAT_CHECKER(td2)
FORMAT_CHECKER(td3)
FORMAT_CHECKER(mrva)
FORMAT_CHECKER(mrvb)
FORMAT_CHECKER(fra_id)
#undef FORMAT_CHECKER

void bmis__mrz_check_fields(bmis_doc *doc, const bmis_doc_options *opts) {
  switch (doc->format) {
  case BMIS_DOC_TD1: check_td1(doc, opts); break;
  case BMIS_DOC_TD2: check_td2(doc, opts); break;
  case BMIS_DOC_TD3: check_td3(doc, opts); break;
  case BMIS_DOC_MRVA: check_mrva(doc, opts); break;
  case BMIS_DOC_MRVB: check_mrvb(doc, opts); break;
  case BMIS_DOC_FRA_ID: check_fra_id(doc, opts); break;
  case BMIS_DOC_UNKNOWN:
  case BMIS_DOC_UNSUPPORTED: break;
  }
}

/* MRZ generation (visa-issuing posts, and the tests' round trips): fields in,
 * lines out, with check digits, transliterated and truncated names, and the
 * TD1/TD2 long document number overflow. */
#include "bmis/country.h"
#include "doc/mrz_internal.h"

#include <string.h>

typedef struct line_set {
  char line[BMIS_MRZ_LINES][BMIS_MRZ_LINE_LEN + 1];
} line_set;

static void put(line_set *ls, bmis__mrz_span s, const char *text, size_t n) {
  memcpy(ls->line[s.line] + s.col, text, n < s.len ? n : s.len);
}

static char *span_ptr(line_set *ls, bmis__mrz_span s) {
  return ls->line[s.line] + s.col;
}

/* Upper-cases an ASCII field value into dst; fails on non-MRZ characters. */
static bmis_status mrz_text(const char *what, const char *src, char *dst,
                            size_t max, bmis_error *err) {
  size_t n = 0;
  for (; src && src[n]; n++) {
    char ch = src[n];
    if (ch >= 'a' && ch <= 'z')
      ch = (char)(ch - 32);
    if (ch == ' ')
      ch = '<';
    if (!bmis__mrz_is_char((unsigned char)ch))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "%s: character %zu ('%c') is not A-Z, 0-9 or '<'",
                            what, n + 1, src[n]);
    if (n >= max)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "%s: longer than the %zu characters it may have",
                            what, max);
    dst[n] = ch;
  }
  dst[n] = '\0';
  return BMIS_OK;
}

static bmis_status country(const char *what, const char *code, char out[4],
                           bmis_error *err) {
  bmis_status st = mrz_text(what, code, out, 3, err);
  if (st != BMIS_OK)
    return st;
  if (!out[0] || !bmis_country_by_code(out, strlen(out)))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s: '%s' is not a known country or authority code",
                          what, code ? code : "");
  return BMIS_OK;
}

static void two_digits(char *dst, int v) {
  dst[0] = (char)('0' + v / 10 % 10);
  dst[1] = (char)('0' + v % 10);
}

static bmis_status date_field(const char *what, bmis_date d, bool birth,
                              char out[6], bmis_error *err) {
  if (d.year <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: no year", what);
  if (!birth && (d.month == 0 || d.day == 0))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s: day and month are required", what);
  if (d.month < 0 || d.month > 12 ||
      (d.day &&
       d.day > (d.month ? bmis_date_days_in_month(d.year, d.month) : 31)) ||
      d.day < 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s: %d-%02d-%02d is not a calendar date", what,
                          d.year, d.month, d.day);
  two_digits(out, d.year % 100);
  if (d.month)
    two_digits(out + 2, d.month);
  else
    out[2] = out[3] = '<';
  if (d.day)
    two_digits(out + 4, d.day);
  else
    out[4] = out[5] = '<';
  return BMIS_OK;
}

/* primary<<secondary in `len` characters. When too long, the secondary
 * identifiers are cut first, keeping at least one of their letters; then the
 * primary identifier. */
static bmis_status name_field(const bmis_doc_make_input *in, char *out,
                              size_t len, bmis_error *err) {
  char primary[256], secondary[256];
  bmis_error e;
  if (!in->surname || bmis_mrz_transliterate(in->surname, primary,
                                             sizeof primary, &e) != BMIS_OK)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "--surname: %s",
                          in->surname ? e.message : "required");
  secondary[0] = '\0';
  if (in->given_names &&
      bmis_mrz_transliterate(in->given_names, secondary, sizeof secondary,
                             &e) != BMIS_OK)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "--given: %s", e.message);
  size_t pl = strlen(primary), sl = strlen(secondary);
  if (pl == 0 && sl == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--surname: a name is required");
  memset(out, '<', len);
  if (pl > len)
    pl = len;
  memcpy(out, primary, pl);
  if (sl && pl + 3 <= len) {
    size_t room = len - pl - 2;
    if (sl > room) {
      sl = room;
      while (sl > 1 && secondary[sl - 1] == '<')
        sl--; /* never end on a filler: the cut must stay visible */
    }
    memcpy(out + pl + 2, secondary, sl);
  }
  return BMIS_OK;
}

static const char *default_code(bmis_doc_format f) {
  switch (f) {
  case BMIS_DOC_TD3: return "P";
  case BMIS_DOC_MRVA:
  case BMIS_DOC_MRVB: return "V";
  default: return "I";
  }
}

static void put_check(line_set *ls, const bmis__mrz_layout *lay,
                      bmis_doc_field_id field, bmis_doc_field_id check) {
  bmis__mrz_span fs = lay->field[field], cs = lay->field[check];
  ls->line[cs.line][cs.col] =
      (char)('0' + bmis__mrz_check_digit_lenient(span_ptr(ls, fs), fs.len));
}

bmis_status bmis_doc_make(const bmis_doc_make_input *in, char *out, size_t cap,
                          bmis_error *err) {
  if (!in || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no input or output");
  if (in->format == BMIS_DOC_FRA_ID)
    return bmis_error_set(err, BMIS_E_UNSUPPORTED,
                          "--type: the French identity card layout is read, "
                          "not made (France issues TD1 cards since 2021)");
  const bmis__mrz_layout *lay = bmis__mrz_layout_of(in->format);
  if (!lay)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--type: must be TD1, TD2, TD3, MRVA or MRVB");
  if (cap < (size_t)(lay->nlines * (lay->line_len + 1)))
    return bmis_error_set(err, BMIS_E_BUFFER_SMALL, "output buffer too small");
  line_set ls;
  for (int i = 0; i < lay->nlines; i++) {
    memset(ls.line[i], '<', lay->line_len);
    ls.line[i][lay->line_len] = '\0';
  }
  bmis_status st;
  char code[3], issuer[4], nat[4], buf[64];
  if ((st = mrz_text("--code",
                     in->document_code ? in->document_code
                                       : default_code(in->format),
                     code, 2, err)) != BMIS_OK)
    return st;
  if (!strchr("ACIPV", code[0]) || code[0] == '\0')
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--code: must start with P, I, A, C or V");
  if ((in->format == BMIS_DOC_MRVA || in->format == BMIS_DOC_MRVB) !=
      (code[0] == 'V'))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--code: visas (MRVA, MRVB) and only visas start "
                          "with V");
  put(&ls, lay->field[BMIS_FIELD_DOCUMENT_CODE], code, strlen(code));
  if ((st = country("--nationality", in->nationality, nat, err)) != BMIS_OK)
    return st;
  if ((st = country("--issuer",
                    in->issuing_state ? in->issuing_state : in->nationality,
                    issuer, err)) != BMIS_OK)
    return st;
  put(&ls, lay->field[BMIS_FIELD_ISSUING_STATE], issuer, strlen(issuer));
  put(&ls, lay->field[BMIS_FIELD_NATIONALITY], nat, strlen(nat));

  bmis__mrz_span ns = lay->field[BMIS_FIELD_NAME];
  if ((st = name_field(in, span_ptr(&ls, ns), ns.len, err)) != BMIS_OK)
    return st;

  char number[32], optional[32], optional2[32];
  if ((st = mrz_text("--number", in->number, number, 24, err)) != BMIS_OK)
    return st;
  if ((st = mrz_text("--optional", in->optional_data, optional, 31, err)) !=
      BMIS_OK)
    return st;
  if ((st = mrz_text("--optional2", in->optional_data_2, optional2, 31, err)) !=
      BMIS_OK)
    return st;
  size_t numlen = strlen(number);
  if (numlen == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "--number: required");
  bmis__mrz_span nums = lay->field[BMIS_FIELD_DOCUMENT_NUMBER];
  bmis__mrz_span opts = lay->field[BMIS_FIELD_OPTIONAL_DATA];
  size_t optlen = strlen(optional);
  if (numlen > nums.len) {
    if (in->format != BMIS_DOC_TD1 && in->format != BMIS_DOC_TD2)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "--number: at most 9 characters in %s (only TD1 "
                            "and TD2 continue long numbers)",
                            bmis_doc_format_name(in->format));
    /* Overflow: rest of the number, its check digit (computed over the
     * filler too, as Doc 9303 does), a filler, then the optional data. */
    size_t extra = numlen - nums.len;
    if (extra + 2 + optlen > opts.len)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "--number and --optional together are too long "
                            "for %s",
                            bmis_doc_format_name(in->format));
    put(&ls, nums, number, nums.len);
    memcpy(buf, number, nums.len);
    buf[nums.len] = '<';
    memcpy(buf + nums.len + 1, number + nums.len, extra);
    char *o = span_ptr(&ls, opts);
    memcpy(o, number + nums.len, extra);
    o[extra] = (char)('0' + bmis__mrz_check_digit_lenient(buf, numlen + 1));
    memcpy(o + extra + 2, optional, optlen);
  } else {
    if (optlen > opts.len)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "--optional: at most %d characters in %s", opts.len,
                            bmis_doc_format_name(in->format));
    put(&ls, nums, number, numlen);
    put_check(&ls, lay, BMIS_FIELD_DOCUMENT_NUMBER,
              BMIS_FIELD_DOCUMENT_NUMBER_CHECK);
    put(&ls, opts, optional, optlen);
  }
  bmis__mrz_span o2 = lay->field[BMIS_FIELD_OPTIONAL_DATA_2];
  size_t o2len = strlen(optional2);
  if (o2len && !o2.len)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--optional2: only TD1 has a second optional field");
  if (o2len > o2.len)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--optional2: at most %d characters", o2.len);
  put(&ls, o2, optional2, o2len);
  if (lay->field[BMIS_FIELD_OPTIONAL_DATA_CHECK].len && optlen)
    put_check(&ls, lay, BMIS_FIELD_OPTIONAL_DATA,
              BMIS_FIELD_OPTIONAL_DATA_CHECK);

  char date[6];
  if ((st = date_field("--birth", in->birth_date, true, date, err)) != BMIS_OK)
    return st;
  put(&ls, lay->field[BMIS_FIELD_BIRTH_DATE], date, 6);
  put_check(&ls, lay, BMIS_FIELD_BIRTH_DATE, BMIS_FIELD_BIRTH_DATE_CHECK);
  bmis_date e = in->expiry_date;
  if (e.year == 0 && e.month == 0 && e.day == 0) {
    if (!strchr("ACI", code[0]))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "--expiry: required (only identity cards may "
                            "have none)");
    put(&ls, lay->field[BMIS_FIELD_EXPIRY_DATE], "<<<<<<", 6);
  } else {
    if ((st = date_field("--expiry", e, false, date, err)) != BMIS_OK)
      return st;
    put(&ls, lay->field[BMIS_FIELD_EXPIRY_DATE], date, 6);
    /* A two-digit year carries no century: a birth after the expiry, or a
     * century or more before it, would read back as another date. */
    if (bmis_date_compare(in->birth_date, e) > 0)
      return bmis_error_set(err, BMIS_E_INVALID_ARG, "--birth: after --expiry");
    if (e.year - in->birth_date.year >= 100)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "--birth: a century or more before --expiry; the "
                            "MRZ's two-digit year cannot tell it apart");
  }
  put_check(&ls, lay, BMIS_FIELD_EXPIRY_DATE, BMIS_FIELD_EXPIRY_DATE_CHECK);
  if (!strchr("MFX<", in->sex) || in->sex == '\0')
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--sex: must be M, F, X or '<'");
  ls.line[lay->field[BMIS_FIELD_SEX].line][lay->field[BMIS_FIELD_SEX].col] =
      in->sex;

  bmis__mrz_span cs = lay->field[BMIS_FIELD_COMPOSITE_CHECK];
  if (cs.len) {
    size_t n = 0;
    for (int i = 0; i < lay->ncomposite; i++) {
      memcpy(buf + n, span_ptr(&ls, lay->composite[i]), lay->composite[i].len);
      n += lay->composite[i].len;
    }
    ls.line[cs.line][cs.col] =
        (char)('0' + bmis__mrz_check_digit_lenient(buf, n));
  }
  size_t o = 0;
  for (int i = 0; i < lay->nlines; i++) {
    memcpy(out + o, ls.line[i], lay->line_len);
    o += lay->line_len;
    out[o++] = i + 1 < lay->nlines ? '\n' : '\0';
  }
  return BMIS_OK;
}

/* bmis_doc_parse: splits the scanner's text into lines, recognises the
 * format, and runs the checks (and, in OCR mode, the repairs). */
#include "doc/mrz_internal.h"

#include <string.h>

#define MAX_INPUT_LINES 8

typedef struct line_ref {
  const char *p;
  size_t len;
} line_ref;

void bmis_doc_options_init(bmis_doc_options *opts, bmis_date as_of) {
  if (!opts)
    return;
  opts->mode = BMIS_DOC_STRICT;
  opts->as_of = as_of;
  opts->expiry_warning_days = 180;
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* Splits on LF, CR or CRLF, trims blanks, drops empty lines. Returns the
 * number of non-empty lines (may exceed max; only max are stored). */
static int split_lines(const char *text, size_t len, line_ref *out, int max) {
  int n = 0;
  const char *p = text, *end = text + len;
  while (p < end) {
    /* The line ends at the first LF or CR (memchr is the fast scan). */
    const char *lf = memchr(p, '\n', (size_t)(end - p));
    const char *stop = lf ? lf : end;
    const char *cr = memchr(p, '\r', (size_t)(stop - p));
    if (cr)
      stop = cr;
    const char *next = stop + 1;
    if (cr && next < end && *next == '\n')
      next++; /* CRLF */
    const char *a = p, *b = stop;
    while (a < b && is_space(*a))
      a++;
    while (b > a && is_space(b[-1]))
      b--;
    p = next;
    if (a == b)
      continue;
    if (n < max)
      out[n] = (line_ref){a, (size_t)(b - a)};
    n++;
  }
  return n;
}

static bool near(size_t len, size_t want) {
  return len + 4 >= want && len <= want + 4;
}

static bmis_doc_format detect(const line_ref *l, int n) {
  if (n == 3) {
    /* Swiss driving licence: a 9-character first line over two of 30. */
    if (l[0].len == 9 && near(l[1].len, 30))
      return BMIS_DOC_UNSUPPORTED;
    if (near(l[0].len, 30) && near(l[1].len, 30) && near(l[2].len, 30))
      return BMIS_DOC_TD1;
    return BMIS_DOC_UNKNOWN;
  }
  if (n == 2) {
    bool visa = l[0].p[0] == 'V';
    if (l[0].len == 36 && l[1].len == 36 && memcmp(l[0].p, "IDFRA", 5) == 0 &&
        memcmp(l[1].p + 10, "FRA", 3) != 0)
      return BMIS_DOC_FRA_ID;
    bool n36 = near(l[0].len, 36) && near(l[1].len, 36);
    bool n44 = near(l[0].len, 44) && near(l[1].len, 44);
    if (n36 && n44) { /* 40 characters: pick the nearer */
      size_t sum = l[0].len + l[1].len;
      n36 = sum < 80;
      n44 = !n36;
    }
    if (n36)
      return visa ? BMIS_DOC_MRVB : BMIS_DOC_TD2;
    if (n44)
      return visa ? BMIS_DOC_MRVA : BMIS_DOC_TD3;
    return BMIS_DOC_UNKNOWN;
  }
  /* EU driving licence (ISO/IEC 18013): one line of 30 starting with D. */
  if (n == 1 && l[0].len == 30 && l[0].p[0] == 'D')
    return BMIS_DOC_UNSUPPORTED;
  return BMIS_DOC_UNKNOWN;
}

/* Reports lower-case and stray characters, once per line. */
static void check_charset(bmis_doc *doc) {
  for (int li = 0; li < doc->nlines; li++) {
    const unsigned char *p = (const unsigned char *)doc->lines[li];
    int i = 0, n = doc->line_length[li];
    if (bmis__mrz_all_chars(doc->lines[li], (size_t)n))
      continue; /* the usual case: a clean line */
    int lower = -1, bad = -1, nlower = 0, nbad = 0;
    for (; i < n; i++) {
      uint8_t t = bmis__mrz_chars[p[i]];
      if (t & BMIS__CH_MRZ)
        continue;
      if (t & BMIS__CH_LOWER) {
        if (lower < 0)
          lower = i;
        nlower++;
      } else {
        if (bad < 0)
          bad = i;
        nbad++;
      }
    }
    if (lower >= 0)
      bmis__doc_finding(doc, BMIS_FINDING_LOWERCASE_CHARACTER, BMIS_FIELD_NONE,
                        li, lower, 1, (char)p[lower], 0, nlower);
    if (bad >= 0)
      bmis__doc_finding(doc, BMIS_FINDING_INVALID_CHARACTER, BMIS_FIELD_NONE,
                        li, bad, 1, (char)p[bad], 0, nbad);
  }
}

/* Runs every check on doc->lines: line lengths (from the lengths as read),
 * character set, then the fields. */
static void examine(bmis_doc *doc, const size_t *read_len,
                    const bmis_doc_options *opts) {
  bmis__doc_reset_results(doc);
  const bmis__mrz_layout *lay = bmis__mrz_layout_of(doc->format);
  if (lay)
    for (int i = 0; i < doc->nlines; i++)
      if (read_len[i] != lay->line_len)
        bmis__doc_finding(doc, BMIS_FINDING_LINE_LENGTH, BMIS_FIELD_NONE, i, 0,
                          lay->line_len, 0, 0, (int32_t)read_len[i]);
  check_charset(doc);
  bmis__mrz_check_fields(doc, opts);
}

bmis_status bmis_doc_parse(const char *text, size_t len,
                           const bmis_doc_options *opts, bmis_doc *out) {
  if ((!text && len) || !opts || !out)
    return BMIS_E_INVALID_ARG;
  out->format = BMIS_DOC_UNKNOWN;
  out->nlines = 0;
  if (len > BMIS_MRZ_INPUT_MAX) {
    bmis__doc_reset_results(out);
    bmis__doc_finding(out, BMIS_FINDING_INPUT_TOO_LONG, BMIS_FIELD_NONE, -1, 0,
                      0, 0, 0, (int32_t)(len > INT32_MAX ? INT32_MAX : len));
    return BMIS_OK;
  }
  line_ref l[MAX_INPUT_LINES];
  int n = split_lines(text, len, l, MAX_INPUT_LINES);
  if (n == 0) {
    bmis__doc_reset_results(out);
    bmis__doc_finding(out, BMIS_FINDING_EMPTY_INPUT, BMIS_FIELD_NONE, -1, 0, 0,
                      0, 0, 0);
    return BMIS_OK;
  }
  out->format = detect(l, n);
  const bmis__mrz_layout *lay = bmis__mrz_layout_of(out->format);
  size_t read_len[BMIS_MRZ_LINES] = {0};
  out->nlines = (uint8_t)(n < BMIS_MRZ_LINES ? n : BMIS_MRZ_LINES);
  for (int i = 0; i < out->nlines; i++) {
    /* Keep what fits; pad short lines of a known layout with fillers so
     * every field can still be read (the length is reported). */
    size_t keep = lay ? lay->line_len : BMIS_MRZ_LINE_LEN;
    size_t copy = l[i].len < keep ? l[i].len : keep;
    memcpy(out->lines[i], l[i].p, copy);
    if (lay)
      memset(out->lines[i] + copy, '<', keep - copy);
    out->lines[i][lay ? keep : copy] = '\0';
    out->line_length[i] = (uint8_t)(lay ? keep : copy);
    read_len[i] = l[i].len;
  }
  if (!lay)
    bmis__doc_reset_results(out); /* examine() resets the others */
  if (out->format == BMIS_DOC_UNSUPPORTED) {
    bmis__doc_finding(out, BMIS_FINDING_UNSUPPORTED_FORMAT, BMIS_FIELD_NONE, -1,
                      0, 0, 0, 0, n);
    return BMIS_OK;
  }
  if (!lay) {
    bmis__doc_finding(out, BMIS_FINDING_FORMAT_UNRECOGNIZED, BMIS_FIELD_NONE,
                      -1, 0, 0, 0, 0, n);
    check_charset(out);
    return BMIS_OK;
  }
  examine(out, read_len, opts);
  if (opts->mode == BMIS_DOC_OCR && !out->valid) {
    bmis__ocr_result fixes;
    if (bmis__mrz_ocr_repair(out, &fixes)) {
      examine(out, read_len, opts);
      bmis__mrz_ocr_report(out, &fixes);
    }
  }
  return BMIS_OK;
}

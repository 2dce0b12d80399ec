/* OCR mode: repairs the character confusions document scanners are known to
 * make (O/0, I/1, B/8, S/5, Z/2, G/6), only where a check fails:
 *   1. lower case becomes upper case;
 *   2. in digit-only fields (dates, check digits) a confusable letter becomes
 *      its digit; in letter-only fields (codes, sex, names) the reverse;
 *   3. in a field guarded by a failing check digit, a single swap of a
 *      confusable character is applied when it is the only swap that makes
 *      the digit right; then the same for the composite digit over the
 *      characters no other digit guards.
 * A valid MRZ is never touched (the caller runs this only on failure). */
#include "doc/mrz_internal.h"

#include <string.h>

static char partner(char ch) {
  switch (ch) {
  case 'O': return '0';
  case '0': return 'O';
  case 'I': return '1';
  case '1': return 'I';
  case 'B': return '8';
  case '8': return 'B';
  case 'S': return '5';
  case '5': return 'S';
  case 'Z': return '2';
  case '2': return 'Z';
  case 'G': return '6';
  case '6': return 'G';
  default: return 0;
  }
}

static bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}

static void apply(bmis_doc *doc, bmis__ocr_result *res, int line, int col,
                  char to) {
  if (res->nfix < BMIS_DOC_MAX_FINDINGS)
    res->fix[res->nfix++] =
        (bmis__ocr_fix){(uint8_t)line, (uint8_t)col, doc->lines[line][col], to};
  doc->lines[line][col] = to;
}

static void fix_class(bmis_doc *doc, bmis__ocr_result *res, bmis__mrz_span s,
                      bool digits) {
  for (int i = 0; i < s.len; i++) {
    char ch = doc->lines[s.line][s.col + i];
    char p = partner(ch);
    if (p && is_digit(p) == digits && is_digit(ch) != digits)
      apply(doc, res, s.line, s.col + i, p);
  }
}

typedef struct relation {
  bmis_doc_field_id field, check;
} relation;

static const relation relations[] = {
    {BMIS_FIELD_DOCUMENT_NUMBER, BMIS_FIELD_DOCUMENT_NUMBER_CHECK},
    {BMIS_FIELD_BIRTH_DATE, BMIS_FIELD_BIRTH_DATE_CHECK},
    {BMIS_FIELD_EXPIRY_DATE, BMIS_FIELD_EXPIRY_DATE_CHECK},
    {BMIS_FIELD_OPTIONAL_DATA, BMIS_FIELD_OPTIONAL_DATA_CHECK},
};

/* The characters a check digit covers, concatenated into buf. */
static size_t gather(const bmis_doc *doc, const bmis__mrz_span *spans, int n,
                     char *buf) {
  size_t len = 0;
  for (int i = 0; i < n; i++) {
    memcpy(buf + len, doc->lines[spans[i].line] + spans[i].col, spans[i].len);
    len += spans[i].len;
  }
  return len;
}

/* -1: the digit cannot be judged (not a digit); 0: wrong; 1: right. */
static int digit_ok(const bmis_doc *doc, const bmis__mrz_span *spans, int n,
                    bmis__mrz_span cs) {
  char buf[80], cd = doc->lines[cs.line][cs.col];
  if (!is_digit(cd))
    return -1;
  size_t len = gather(doc, spans, n, buf);
  return bmis__mrz_check_digit_lenient(buf, len) == cd - '0';
}

static bool covered(const bmis__mrz_span *s, int line, int col) {
  return s->len && s->line == line && col >= s->col && col < s->col + s->len;
}

typedef struct candidate {
  int line, col;
  char to;
} candidate;

/* Tries every single swap of a confusable character in spans[] and applies
 * it when exactly one makes the check digit right. (When several do, the
 * composite digit cannot choose: it weighs the guarded field's characters
 * exactly as the field's own digit does.) With `composite_pass` set, the
 * spans are the composite's own and characters another digit guards are
 * skipped. */
static void swap_search(bmis_doc *doc, bmis__ocr_result *res,
                        const bmis__mrz_layout *lay,
                        const bmis__mrz_span *spans, int n, bmis__mrz_span cs,
                        bmis_doc_field_id check_field, bool composite_pass) {
  candidate cand[64];
  int found = 0;
  for (int si = 0; si < n; si++)
    for (int i = 0; i < spans[si].len; i++) {
      int line = spans[si].line, col = spans[si].col + i;
      bool guarded = false;
      for (size_t r = 0;
           composite_pass && r < sizeof relations / sizeof relations[0]; r++)
        guarded =
            guarded || (lay->field[relations[r].check].len &&
                        (covered(&lay->field[relations[r].field], line, col) ||
                         covered(&lay->field[relations[r].check], line, col)));
      char ch = doc->lines[line][col], p = partner(ch);
      if (guarded || !p)
        continue;
      doc->lines[line][col] = p;
      if (digit_ok(doc, spans, n, cs) == 1 && found < 64)
        cand[found++] = (candidate){line, col, p};
      doc->lines[line][col] = ch;
    }
  if (found == 1) {
    apply(doc, res, cand[0].line, cand[0].col, cand[0].to);
  } else if (found > 1 && res->nambiguous < 4) {
    res->ambiguous[res->nambiguous++] =
        (bmis__ocr_ambiguity){check_field, found};
  }
}

bool bmis__mrz_ocr_repair(bmis_doc *doc, bmis__ocr_result *res) {
  const bmis__mrz_layout *lay = bmis__mrz_layout_of(doc->format);
  memset(res, 0, sizeof *res);
  if (!lay)
    return false;
  for (int li = 0; li < doc->nlines; li++)
    for (int i = 0; i < doc->line_length[li]; i++) {
      char ch = doc->lines[li][i];
      if (ch >= 'a' && ch <= 'z') {
        if (res->uppercased[li]++ == 0)
          res->first_lower[li] = i;
        doc->lines[li][i] = (char)(ch - 'a' + 'A');
      }
    }
  static const bmis_doc_field_id numeric[] = {
      BMIS_FIELD_BIRTH_DATE,          BMIS_FIELD_EXPIRY_DATE,
      BMIS_FIELD_ISSUE_DATE,          BMIS_FIELD_DOCUMENT_NUMBER_CHECK,
      BMIS_FIELD_BIRTH_DATE_CHECK,    BMIS_FIELD_EXPIRY_DATE_CHECK,
      BMIS_FIELD_OPTIONAL_DATA_CHECK, BMIS_FIELD_COMPOSITE_CHECK};
  static const bmis_doc_field_id alpha[] = {
      BMIS_FIELD_DOCUMENT_CODE, BMIS_FIELD_ISSUING_STATE,
      BMIS_FIELD_NATIONALITY,   BMIS_FIELD_SEX,
      BMIS_FIELD_NAME,          BMIS_FIELD_SECONDARY_IDENTIFIER};
  for (size_t i = 0; i < sizeof numeric / sizeof numeric[0]; i++)
    fix_class(doc, res, lay->field[numeric[i]], true);
  for (size_t i = 0; i < sizeof alpha / sizeof alpha[0]; i++)
    fix_class(doc, res, lay->field[alpha[i]], false);

  bool all_ok = true;
  for (size_t r = 0; r < sizeof relations / sizeof relations[0]; r++) {
    bmis__mrz_span fs = lay->field[relations[r].field];
    bmis__mrz_span cs = lay->field[relations[r].check];
    if (!fs.len || !cs.len)
      continue;
    int ok = digit_ok(doc, &fs, 1, cs);
    if (ok == 0)
      swap_search(doc, res, lay, &fs, 1, cs, relations[r].check, false);
    all_ok = all_ok && digit_ok(doc, &fs, 1, cs) != 0;
  }
  bmis__mrz_span comp = lay->field[BMIS_FIELD_COMPOSITE_CHECK];
  if (all_ok && comp.len &&
      digit_ok(doc, lay->composite, lay->ncomposite, comp) == 0)
    swap_search(doc, res, lay, lay->composite, lay->ncomposite, comp,
                BMIS_FIELD_COMPOSITE_CHECK, true);
  bool raised = false;
  for (int li = 0; li < BMIS_MRZ_LINES; li++)
    raised = raised || res->uppercased[li] > 0;
  return raised || res->nfix > 0 || res->nambiguous > 0;
}

static bmis_doc_field_id field_at(const bmis__mrz_layout *lay, int line,
                                  int col) {
  for (int f = 1; f < BMIS_FIELD_COUNT; f++)
    if (covered(&lay->field[f], line, col))
      return (bmis_doc_field_id)f;
  return BMIS_FIELD_NONE;
}

void bmis__mrz_ocr_report(bmis_doc *doc, const bmis__ocr_result *res) {
  const bmis__mrz_layout *lay = bmis__mrz_layout_of(doc->format);
  int total = res->nfix;
  for (int li = 0; li < BMIS_MRZ_LINES; li++)
    if (res->uppercased[li]) {
      bmis__doc_finding(doc, BMIS_FINDING_OCR_UPPERCASED, BMIS_FIELD_NONE, li,
                        res->first_lower[li], 1, 0, 0, res->uppercased[li]);
      total += res->uppercased[li];
    }
  for (int i = 0; i < res->nfix; i++) {
    const bmis__ocr_fix *f = &res->fix[i];
    bmis__doc_finding(doc, BMIS_FINDING_OCR_CORRECTED,
                      field_at(lay, f->line, f->col), f->line, f->col, 1,
                      f->from, f->to, 0);
  }
  for (int i = 0; i < res->nambiguous; i++) {
    bmis__mrz_span s = lay->field[res->ambiguous[i].field];
    bmis__doc_finding(doc, BMIS_FINDING_OCR_AMBIGUOUS, res->ambiguous[i].field,
                      s.line, s.col, s.len, 0, 0, res->ambiguous[i].count);
  }
  doc->ncorrections = (uint8_t)(total > 255 ? 255 : total);
}

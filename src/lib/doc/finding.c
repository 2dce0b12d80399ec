/* Findings: recording them on a document, and their messages (their names
 * are in base/codes.c). */
#include "doc/mrz_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct finding_row {
  const char *name;
  bmis_severity severity;
} finding_row;

static const finding_row finding_rows[BMIS_FINDING_CODE_COUNT] = {
#define ROW(name, str, sev) [BMIS_FINDING_##name] = {str, BMIS_SEVERITY_##sev},
    BMIS_FINDING_TABLE(ROW)
#undef ROW
};

void bmis__doc_reset_results(bmis_doc *doc) {
  for (int i = doc->nlines; i < BMIS_MRZ_LINES; i++) {
    doc->lines[i][0] = '\0';
    doc->line_length[i] = 0;
  }
  doc->valid = true;
  doc->nfindings = 0;
  doc->ncorrections = 0;
  doc->has_expiry = false;
  doc->expiry_derived = false;
  doc->age_min = doc->age_max = -1;
  doc->minor = false;
  doc->long_number = BMIS_LONG_NUMBER_NONE;
  memset(&doc->birth_date, 0, sizeof doc->birth_date);
  memset(&doc->expiry_date, 0, sizeof doc->expiry_date);
  memset(&doc->issue_date, 0, sizeof doc->issue_date);
  memset(doc->fields, 0, sizeof doc->fields); /* BMIS_VERDICT_ABSENT is 0 */
  doc->optional_offset = 0;
}

void bmis__doc_finding(bmis_doc *doc, bmis_finding_code code,
                       bmis_doc_field_id field, int line, int col, int len,
                       char found, char expected, int32_t number) {
  bmis_severity sev = finding_rows[code].severity;
  if (doc->nfindings >= BMIS_DOC_MAX_FINDINGS) {
    doc->valid = doc->valid && sev != BMIS_SEVERITY_ERROR;
    return;
  }
  if (doc->nfindings == BMIS_DOC_MAX_FINDINGS - 1) {
    doc->valid = doc->valid && sev != BMIS_SEVERITY_ERROR;
    /* Keep the last slot to say that findings were dropped. */
    code = BMIS_FINDING_TOO_MANY_FINDINGS;
    field = BMIS_FIELD_NONE;
    line = -1;
    col = len = 0;
    found = expected = 0;
    number = 0;
    sev = BMIS_SEVERITY_WARNING; /* validity still counts what was dropped */
  }
  bmis_finding *f = &doc->findings[doc->nfindings++];
  f->code = code;
  f->severity = sev;
  f->field = field;
  f->line = (uint8_t)(line + 1);
  f->col = (uint8_t)(line >= 0 ? col + 1 : 0);
  f->len = (uint8_t)(line >= 0 ? len : 0);
  f->found = found;
  f->expected = expected;
  f->number = number;
  if (sev == BMIS_SEVERITY_ERROR)
    doc->valid = false;
  if (field != BMIS_FIELD_NONE) {
    bmis_verdict v = sev == BMIS_SEVERITY_ERROR     ? BMIS_VERDICT_ERROR
                     : sev == BMIS_SEVERITY_WARNING ? BMIS_VERDICT_WARNING
                                                    : BMIS_VERDICT_INFO;
    if (doc->fields[field].verdict < v)
      doc->fields[field].verdict = v;
  }
}

/* A character for a message: printable ASCII as itself, else a code. */
static const char *show(char c, char buf[8]) {
  unsigned char u = (unsigned char)c;
  if (u >= 0x21 && u < 0x7f)
    snprintf(buf, 8, "'%c'", c);
  else
    snprintf(buf, 8, "0x%02X", u);
  return buf;
}

size_t bmis_finding_message(const bmis_finding *f, char *buf, size_t cap) {
  char a[8], b[8];
  int n = 0;
  if (!f)
    return 0;
  const char *field = bmis_doc_field_name(f->field);
  switch (f->code) {
  case BMIS_FINDING_EMPTY_INPUT: n = snprintf(buf, cap, "no MRZ text"); break;
  case BMIS_FINDING_INPUT_TOO_LONG:
    n = snprintf(buf, cap, "%d bytes is too long for an MRZ (at most %d)",
                 (int)f->number, BMIS_MRZ_INPUT_MAX);
    break;
  case BMIS_FINDING_FORMAT_UNRECOGNIZED:
    n = snprintf(buf, cap,
                 "%d line(s) of these lengths match no MRZ format (TD1 3x30, "
                 "TD2/MRV-B 2x36, TD3/MRV-A 2x44)",
                 (int)f->number);
    break;
  case BMIS_FINDING_UNSUPPORTED_FORMAT:
    n = snprintf(buf, cap,
                 "not an ICAO travel document (looks like a driving licence "
                 "or other national layout); not verified");
    break;
  case BMIS_FINDING_LINE_LENGTH:
    n = snprintf(buf, cap, "line %d has %d characters, expected %d", f->line,
                 (int)f->number, f->len);
    break;
  case BMIS_FINDING_LOWERCASE_CHARACTER:
    n = snprintf(buf, cap,
                 "lower-case %s at line %d column %d (%d on the line)",
                 show(f->found, a), f->line, f->col, (int)f->number);
    break;
  case BMIS_FINDING_INVALID_CHARACTER:
    n = snprintf(buf, cap,
                 "%s at line %d column %d is not an MRZ character (%d on the "
                 "line)",
                 show(f->found, a), f->line, f->col, (int)f->number);
    break;
  case BMIS_FINDING_DOCUMENT_CODE_INVALID:
    n = snprintf(buf, cap,
                 "document code starts with %s; expected P, I, A, C or V",
                 show(f->found, a));
    break;
  case BMIS_FINDING_DOCUMENT_CODE_UNEXPECTED:
    n = snprintf(buf, cap, "document code %s is unusual for this format",
                 show(f->found, a));
    break;
  case BMIS_FINDING_COUNTRY_CODE_UNKNOWN:
    n = snprintf(buf, cap, "%s is not a known country or authority code",
                 field);
    break;
  case BMIS_FINDING_COUNTRY_CODE_HISTORIC:
    n = snprintf(buf, cap, "%s is a withdrawn code of a former state", field);
    break;
  case BMIS_FINDING_SPECIMEN_CODE:
    n = snprintf(buf, cap, "%s is a code reserved for specimens", field);
    break;
  case BMIS_FINDING_ISSUER_NATIONALITY_MISMATCH:
    n = snprintf(buf, cap,
                 "issuing state differs from the holder's nationality");
    break;
  case BMIS_FINDING_NAME_INVALID:
    n = snprintf(buf, cap,
                 "name contains %s at column %d; names hold letters "
                 "and fillers only",
                 show(f->found, a), f->col);
    break;
  case BMIS_FINDING_NAME_TRUNCATED:
    n = snprintf(buf, cap, "%s fills its field and may be truncated", field);
    break;
  case BMIS_FINDING_PRIMARY_IDENTIFIER_EMPTY:
    n = snprintf(buf, cap, "no primary identifier (surname)");
    break;
  case BMIS_FINDING_FIELD_INVALID:
    n = snprintf(buf, cap, "%s: %s at column %d is not allowed here", field,
                 show(f->found, a), f->col);
    break;
  case BMIS_FINDING_FIELD_MISSING:
    n = snprintf(buf, cap, "%s is empty", field);
    break;
  case BMIS_FINDING_CHECK_DIGIT_MISMATCH:
    n = snprintf(buf, cap, "%s is %s but the characters it covers give %s",
                 field, show(f->found, a), show(f->expected, b));
    break;
  case BMIS_FINDING_CHECK_DIGIT_INVALID:
    n = snprintf(buf, cap, "%s is %s, not a digit (expected %s)", field,
                 show(f->found, a), show(f->expected, b));
    break;
  case BMIS_FINDING_DOCUMENT_NUMBER_LONG:
    n = snprintf(buf, cap,
                 "document number has %d characters; the rest and its check "
                 "digit continue in the optional data",
                 (int)f->number);
    break;
  case BMIS_FINDING_DOCUMENT_NUMBER_CHECK_VARIANT:
    n = snprintf(buf, cap,
                 "long document number's check digit matches only when "
                 "computed without the '<' (Doc 9303 includes it)");
    break;
  case BMIS_FINDING_DATE_INVALID:
    n = snprintf(buf, cap, "%s is not a calendar date", field);
    break;
  case BMIS_FINDING_DATE_PARTIAL:
    n = snprintf(buf, cap, "%s is only partly known (unknown parts are '<')",
                 field);
    break;
  case BMIS_FINDING_BIRTH_DATE_FUTURE:
    n = snprintf(buf, cap, "date of birth is in the future");
    break;
  case BMIS_FINDING_BIRTH_DATE_IMPLAUSIBLE:
    n = snprintf(buf, cap, "date of birth is after the date of expiry");
    break;
  case BMIS_FINDING_NO_EXPIRY:
    n = snprintf(buf, cap, "document has no date of expiry");
    break;
  case BMIS_FINDING_EXPIRED:
    n = snprintf(buf, cap, "document expired %d day(s) ago", (int)f->number);
    break;
  case BMIS_FINDING_EXPIRES_SOON:
    n = snprintf(buf, cap, "document expires in %d day(s)", (int)f->number);
    break;
  case BMIS_FINDING_EXPIRY_DERIVED:
    n = snprintf(buf, cap,
                 "date of expiry is not in the MRZ; derived from the issue "
                 "month and a validity of %d years",
                 (int)f->number);
    break;
  case BMIS_FINDING_SEX_INVALID:
    n = snprintf(buf, cap, "sex is %s; expected M, F, X or '<'",
                 show(f->found, a));
    break;
  case BMIS_FINDING_SEX_X:
    n = snprintf(buf, cap, "sex is X (unspecified)");
    break;
  case BMIS_FINDING_HOLDER_AGE:
    n = snprintf(buf, cap, "holder is %d years old", (int)f->number);
    break;
  case BMIS_FINDING_HOLDER_MINOR:
    n = snprintf(buf, cap, "holder is (or may be) a minor, under 18");
    break;
  case BMIS_FINDING_OCR_CORRECTED:
    n = snprintf(buf, cap, "read %s at line %d column %d as %s",
                 show(f->found, a), f->line, f->col, show(f->expected, b));
    break;
  case BMIS_FINDING_OCR_AMBIGUOUS:
    n = snprintf(buf, cap,
                 "%d different corrections would satisfy the %s; none applied",
                 (int)f->number, field);
    break;
  case BMIS_FINDING_TOO_MANY_FINDINGS:
    n = snprintf(buf, cap, "too many findings; the rest were dropped");
    break;
  case BMIS_FINDING_OCR_UPPERCASED:
    n = snprintf(buf, cap,
                 "read %d lower-case letter(s) on line %d as upper "
                 "case, from column %d",
                 (int)f->number, f->line, f->col);
    break;
  case BMIS_FINDING_CODE_COUNT: break;
  }
  return n < 0 ? 0 : (size_t)n;
}

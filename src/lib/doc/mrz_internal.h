/* Internal interfaces of the MRZ parser, shared between src/lib/doc/ files.
 *
 * Flow: mrz_parse.c splits the input into lines and detects the format;
 * mrz_charset.c checks the character set; mrz_fields.c checks each field
 * against the format's layout (mrz_layouts.h) and records where it is;
 * mrz_ocr.c, in OCR mode only, repairs scanner confusions and the checks
 * run again; finding.c records findings and words them; mrz_values.c turns
 * fields into text when asked. */
#ifndef BMIS_DOC_MRZ_INTERNAL_H
#define BMIS_DOC_MRZ_INTERNAL_H

#include "bmis/doc.h"

#include <stdint.h>
#include <string.h>

/* A run of characters on one line; 0-based, len 0 when absent. */
typedef struct bmis__mrz_span {
  uint8_t line, col, len;
} bmis__mrz_span;

typedef struct bmis__mrz_layout {
  bmis_doc_format format;
  uint8_t nlines, line_len;
  bmis__mrz_span field[BMIS_FIELD_COUNT];
  uint8_t ncomposite; /* spans the composite check digit covers */
  bmis__mrz_span composite[4];
  const char *codes; /* document code letters expected in position 1 */
} bmis__mrz_layout;

/* Layout of a format; NULL for UNKNOWN and UNSUPPORTED. */
const bmis__mrz_layout *bmis__mrz_layout_of(bmis_doc_format format);

/* Check-digit value of one character (lower case counts as upper case);
 * -1 outside the MRZ set. */
int bmis__mrz_char_value(unsigned char c);

/* Check-digit value of each byte times 7, 3 and 1 (0 outside the set). */
extern const uint8_t bmis__mrz_times7[256], bmis__mrz_times3[256],
    bmis__mrz_times1[256];

/* Weighted sum (7-3-1) of len characters whose first has weight index
 * `phase` (0: 7, 1: 3, 2: 1; nothing else); characters outside the MRZ set
 * count 0 (they are reported on their own), lower case as upper case (so
 * one lower-case letter is reported once, not as a cascade of check-digit
 * failures). Inline: the field checks call it with constant spans. */
static inline unsigned bmis__mrz_weighted_sum(const char *chars, size_t len,
                                              unsigned phase) {
  const unsigned char *p = (const unsigned char *)chars;
  unsigned sum = 0;
  size_t i = 0;
  if (phase == 1 && len >= 2) { /* start on a 3, then a 1 */
    sum = (unsigned)bmis__mrz_times3[p[0]] + bmis__mrz_times1[p[1]];
    i = 2;
  } else if (phase == 1 && len == 1) {
    return bmis__mrz_times3[p[0]];
  } else if (phase == 2 && len >= 1) { /* start on a 1 */
    sum = bmis__mrz_times1[p[0]];
    i = 1;
  }
  for (; i + 3 <= len; i += 3)
    sum += (unsigned)bmis__mrz_times7[p[i]] + bmis__mrz_times3[p[i + 1]] +
           bmis__mrz_times1[p[i + 2]];
  if (i < len)
    sum += bmis__mrz_times7[p[i]];
  if (i + 1 < len)
    sum += bmis__mrz_times3[p[i + 1]];
  return sum;
}

/* Check digit over len characters, counting characters outside the MRZ set
 * as 0 (they are reported separately as invalid characters). */
int bmis__mrz_check_digit_lenient(const char *chars, size_t len);

/* Length of p[0..n) without its trailing fillers, eight at a time
 * (optional data and names are mostly fillers). Inline, as above. */
static inline size_t bmis__mrz_trimmed_length(const char *p, size_t n) {
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, p + n - 8, 8);
    if (w != 0x3C3C3C3C3C3C3C3Cu) /* "<<<<<<<<" */
      break;
    n -= 8;
  }
  while (n > 0 && p[n - 1] == '<')
    n--;
  return n;
}

/* Decodes a name part: runs of fillers become one space, leading and
 * trailing fillers go. Writes at most n bytes and a NUL to dst; returns the
 * decoded length. */
size_t bmis__mrz_decode_name(char *dst, const char *src, size_t n);

/* Records a finding with the code's default severity. Positions are 0-based
 * here (converted to the public 1-based form); line -1 = whole document. */
void bmis__doc_finding(bmis_doc *doc, bmis_finding_code code,
                       bmis_doc_field_id field, int line, int col, int len,
                       char found, char expected, int32_t number);

/* Decodes every field of doc->lines for doc->format and records findings.
 * doc->lines, nlines and format must be set; findings are appended. */
void bmis__mrz_check_fields(bmis_doc *doc, const bmis_doc_options *opts);

/* One OCR repair: the character at (line, col), 0-based, read as `from`,
 * taken as `to`. */
typedef struct bmis__ocr_fix {
  uint8_t line, col;
  char from, to;
} bmis__ocr_fix;

typedef struct bmis__ocr_ambiguity {
  bmis_doc_field_id field; /* the check digit that several repairs satisfy */
  int count;
} bmis__ocr_ambiguity;

typedef struct bmis__ocr_result {
  int uppercased[BMIS_MRZ_LINES];  /* lower-case letters raised */
  int first_lower[BMIS_MRZ_LINES]; /* column of the first, 0-based */
  int nfix;
  bmis__ocr_fix fix[BMIS_DOC_MAX_FINDINGS];
  int nambiguous;
  bmis__ocr_ambiguity ambiguous[4];
} bmis__ocr_result;

/* OCR mode: repairs known scanner confusions in doc->lines where a check
 * fails (letters in digit-only fields and the reverse; single swaps that
 * make a failing check digit right when exactly one does). Returns true when
 * it changed a character or found an ambiguity: the caller then re-examines
 * doc and calls bmis__mrz_ocr_report. */
bool bmis__mrz_ocr_repair(bmis_doc *doc, bmis__ocr_result *res);

/* Records an ocr_uppercased finding per line raised to upper case, an
 * ocr_corrected finding per other repair and ocr_ambiguous per ambiguity. */
void bmis__mrz_ocr_report(bmis_doc *doc, const bmis__ocr_result *res);

/* Resets doc for a fresh check of its current lines/format (keeps lines). */
void bmis__doc_reset_results(bmis_doc *doc);

/* Per byte: its check-digit value (0-35) in the low bits, and whether it is
 * an MRZ character (A-Z, 0-9, '<') or a lower-case letter. 0: neither. */
enum { BMIS__CH_VALUE = 0x3f, BMIS__CH_MRZ = 0x40, BMIS__CH_LOWER = 0x80 };
extern const uint8_t bmis__mrz_chars[256];

/* True when all n bytes are MRZ characters (vectorised where the CPU
 * allows; mrz_charset.c). */
bool bmis__mrz_all_chars(const char *p, size_t n);

/* True when c is an MRZ character: A-Z, 0-9 or '<'. */
static inline int bmis__mrz_is_char(unsigned char c) {
  return bmis__mrz_chars[c] & BMIS__CH_MRZ;
}

#endif

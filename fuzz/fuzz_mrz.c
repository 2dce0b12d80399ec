/* Fuzz target for the MRZ parser (include/bmis/doc.h).
 *
 * Every input goes through bmis_doc_parse in strict mode (as of a fixed date
 * and, when it has a date of expiry, as of the day before) and in OCR mode;
 * every finding is worded with bmis_finding_message (into a roomy buffer, a
 * tiny one and none at all); a NUL-terminated copy of the input is fed to
 * bmis_mrz_transliterate. The parser gets exactly `size` bytes with nothing
 * after them, so ASan sees any read past the end.
 *
 * Besides memory errors, the target aborts when a result breaks a promise of
 * the header: a document is valid exactly when no finding is an error, the
 * counts stay within their arrays, strings are terminated, messages are as
 * long as reported, a document strict mode accepts holds nothing but MRZ
 * characters and line breaks, and OCR mode never touches a document strict
 * mode accepts. */
#include "fuzz_target.h"

#include "bmis/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void require(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_mrz: broken invariant: %s\n", what);
    abort();
  }
}

static int terminated(const char *s, size_t cap) {
  return memchr(s, '\0', cap) != NULL;
}

static void check_message(const bmis_finding *f) {
  char big[512], tiny[8];
  size_t need = bmis_finding_message(f, big, sizeof big);
  require(need > 0, "finding message is empty");
  require(need < sizeof big, "finding message longer than 511 bytes");
  require(strlen(big) == need, "message length differs from the return");
  size_t need_tiny = bmis_finding_message(f, tiny, sizeof tiny);
  require(need_tiny == need, "message length depends on the buffer");
  require(strlen(tiny) == (need < sizeof tiny ? need : sizeof tiny - 1),
          "truncated message not cut at the buffer");
  require(memcmp(tiny, big, strlen(tiny)) == 0, "truncated message differs");
  require(bmis_finding_message(f, NULL, 0) == need,
          "message length without a buffer differs");
}

/* Bytes a document strict mode accepts may hold: MRZ characters, and blanks
 * and line ends around and between lines. Anything else (a NUL, a control
 * character, a lower-case letter, UTF-8) must make the document invalid. */
static int strict_char(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<' ||
         c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' ||
         c == '\n';
}

static void check_strict_valid(const bmis_doc *doc, const uint8_t *data,
                               size_t size) {
  if (!doc->valid)
    return;
  require(doc->format != BMIS_DOC_UNKNOWN &&
              doc->format != BMIS_DOC_UNSUPPORTED,
          "valid document of no known format");
  for (size_t i = 0; i < size; i++)
    require(strict_char(data[i]),
            "valid document whose input holds a byte outside the MRZ set");
}

static void check_doc(const bmis_doc *doc) {
  require(doc->nlines <= BMIS_MRZ_LINES, "nlines beyond BMIS_MRZ_LINES");
  require(doc->nfindings <= BMIS_DOC_MAX_FINDINGS,
          "nfindings beyond the array");
  for (int i = 0; i < doc->nlines; i++)
    require(terminated(doc->lines[i], sizeof doc->lines[i]),
            "MRZ line not terminated");
  for (int i = 0; i < BMIS_FIELD_COUNT; i++) {
    const bmis_doc_field *fld = &doc->fields[i];
    if (fld->len)
      require(fld->line >= 1 && fld->line <= doc->nlines && fld->col >= 1 &&
                  fld->col - 1 + fld->len <= BMIS_MRZ_LINE_LEN,
              "field outside the lines");
    char text[BMIS_DOC_VALUE_MAX], tiny[4];
    size_t n =
        bmis_doc_field_value(doc, (bmis_doc_field_id)i, text, sizeof text);
    require(n < sizeof text && strlen(text) <= n,
            "field value longer than BMIS_DOC_VALUE_MAX");
    require(bmis_doc_field_value(doc, (bmis_doc_field_id)i, tiny,
                                 sizeof tiny) == n &&
                strlen(tiny) < sizeof tiny,
            "field value not truncated to its buffer");
    n = bmis_doc_field_raw(doc, (bmis_doc_field_id)i, text, sizeof text);
    require(n == fld->len && n < sizeof text, "field raw length");
    (void)bmis_verdict_name(fld->verdict);
    (void)bmis_doc_field_name((bmis_doc_field_id)i);
  }
  (void)bmis_doc_format_name(doc->format);
  int errors = 0;
  for (int i = 0; i < doc->nfindings; i++) {
    const bmis_finding *f = &doc->findings[i];
    require((unsigned)f->code < BMIS_FINDING_CODE_COUNT,
            "unknown finding code");
    require((unsigned)f->field < BMIS_FIELD_COUNT, "unknown finding field");
    require(f->line <= BMIS_MRZ_LINES, "finding on a line that cannot exist");
    errors += f->severity == BMIS_SEVERITY_ERROR;
    (void)bmis_finding_code_name(f->code);
    (void)bmis_severity_name(f->severity);
    check_message(f);
  }
  /* Findings past the array still count towards validity, so a full array
   * may hide an error; otherwise validity is exactly "no error finding". */
  if (doc->nfindings < BMIS_DOC_MAX_FINDINGS)
    require(doc->valid == (errors == 0), "valid disagrees with the findings");
  else
    require(!doc->valid || errors == 0, "valid despite an error finding");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  /* A fixed reference date keeps every run reproducible. */
  const bmis_date as_of = {2024, 6, 15};
  bmis_doc_options opts;
  bmis_doc *strict = malloc(sizeof *strict), *ocr = malloc(sizeof *ocr);
  require(strict && ocr, "out of memory");

  bmis_doc_options_init(&opts, as_of);
  require(bmis_doc_parse(text, size, &opts, strict) == BMIS_OK,
          "strict parse did not return BMIS_OK");
  check_doc(strict);
  check_strict_valid(strict, data, size);
  require(strict->ncorrections == 0, "strict mode corrected a character");
  if (strict->has_expiry && bmis_date_is_valid(strict->expiry_date) &&
      strict->expiry_date.year > 1900) {
    /* Most stored documents have expired by the fixed date; judged the day
     * before expiry, many more reach "valid", which the check above needs. */
    bmis_doc *unexpired = malloc(sizeof *unexpired);
    require(unexpired != NULL, "out of memory");
    bmis_doc_options_init(
        &opts, bmis_date_from_days(bmis_date_to_days(strict->expiry_date) - 1));
    require(bmis_doc_parse(text, size, &opts, unexpired) == BMIS_OK,
            "strict parse did not return BMIS_OK");
    check_doc(unexpired);
    check_strict_valid(unexpired, data, size);
    free(unexpired);
    bmis_doc_options_init(&opts, as_of);
  }

  opts.mode = BMIS_DOC_OCR;
  require(bmis_doc_parse(text, size, &opts, ocr) == BMIS_OK,
          "OCR parse did not return BMIS_OK");
  check_doc(ocr);
  if (strict->valid)
    require(ocr->valid && ocr->ncorrections == 0,
            "OCR mode changed a document strict mode accepts");

  (void)bmis_mrz_check_digit(text, size);

  char *copy = malloc(size + 1);
  require(copy != NULL, "out of memory");
  memcpy(copy, data, size);
  copy[size] = '\0';
  char out[256];
  bmis_error err;
  bmis_status st = bmis_mrz_transliterate(copy, out, sizeof out, &err);
  if (st == BMIS_OK)
    require(terminated(out, sizeof out), "transliteration not terminated");
  else
    require(terminated(err.message, sizeof err.message),
            "transliteration error message not terminated");

  free(copy);
  free(ocr);
  free(strict);
  return 0;
}

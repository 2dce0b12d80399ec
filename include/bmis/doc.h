/* Machine readable travel documents (ICAO Doc 9303): parse, validate and
 * generate the machine readable zone (MRZ).
 *
 * Formats: TD1 (3x30), TD2 (2x36), TD3 (2x44), MRV-A (2x44), MRV-B (2x36)
 * and the French national identity card issued until 2021 (2x36, "IDFRA").
 *
 * Validation never fails on a bad document: what is wrong is reported as
 * findings (data) inside the result, each with a stable code, a severity, the
 * field and the position it concerns. A document is valid when no finding has
 * error severity. Parsing allocates nothing: the caller owns the bmis_doc
 * (usually on the stack) and may reuse it. */
#ifndef BMIS_DOC_H
#define BMIS_DOC_H

#include "bmis/date.h"
#include "bmis/export.h"
#include "bmis/status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest MRZ line of any format, and the most lines. */
#define BMIS_MRZ_LINE_LEN 44
#define BMIS_MRZ_LINES 3
/* Input longer than this is not an MRZ; it is reported as input_too_long. */
#define BMIS_MRZ_INPUT_MAX 1024
/* A buffer of this size holds any field's decoded value or raw text (a TD3
 * name field is 39 characters), with its NUL. */
#define BMIS_DOC_VALUE_MAX 48
#define BMIS_DOC_MAX_FINDINGS 32

/* X(NAME, "name"), append only; the value is the row's place from 0. */
#define BMIS_DOC_FORMAT_TABLE(X)                                               \
  X(UNKNOWN, "UNKNOWN")                                                        \
  X(TD1, "TD1")                                                                \
  X(TD2, "TD2")                                                                \
  X(TD3, "TD3")                                                                \
  X(MRVA, "MRVA")                                                              \
  X(MRVB, "MRVB")                                                              \
  /* French national identity card, 1988-2021 layout */                        \
  X(FRA_ID, "FRA_ID")                                                          \
  /* recognised, but not a format we verify */                                 \
  X(UNSUPPORTED, "UNSUPPORTED")

typedef enum bmis_doc_format {
#define X(n, c) BMIS_DOC_##n,
  BMIS_DOC_FORMAT_TABLE(X)
#undef X
} bmis_doc_format;

#define BMIS_SEVERITY_TABLE(X)                                                 \
  X(INFO, "info") X(WARNING, "warning") X(ERROR, "error")

typedef enum bmis_severity {
#define X(n, c) BMIS_SEVERITY_##n,
  BMIS_SEVERITY_TABLE(X)
#undef X
} bmis_severity;

/* Fields, in a stable order (append only). */
#define BMIS_DOC_FIELD_TABLE(X)                                                \
  X(NONE, "none")                                                              \
  X(DOCUMENT_CODE, "document_code")                                            \
  X(ISSUING_STATE, "issuing_state")                                            \
  X(NAME, "name")                                                              \
  X(PRIMARY_IDENTIFIER, "primary_identifier")                                  \
  X(SECONDARY_IDENTIFIER, "secondary_identifier")                              \
  X(DOCUMENT_NUMBER, "document_number")                                        \
  X(DOCUMENT_NUMBER_CHECK, "document_number_check")                            \
  X(NATIONALITY, "nationality")                                                \
  X(BIRTH_DATE, "birth_date")                                                  \
  X(BIRTH_DATE_CHECK, "birth_date_check")                                      \
  X(SEX, "sex")                                                                \
  X(EXPIRY_DATE, "expiry_date")                                                \
  X(EXPIRY_DATE_CHECK, "expiry_date_check")                                    \
  X(OPTIONAL_DATA, "optional_data")                                            \
  X(OPTIONAL_DATA_CHECK, "optional_data_check")                                \
  X(OPTIONAL_DATA_2, "optional_data_2")                                        \
  X(COMPOSITE_CHECK, "composite_check")                                        \
  X(ISSUE_DATE, "issue_date")                                                  \
  X(ISSUING_OFFICE, "issuing_office")

typedef enum bmis_doc_field_id {
#define BMIS__FIELD_ENUM(name, str) BMIS_FIELD_##name,
  BMIS_DOC_FIELD_TABLE(BMIS__FIELD_ENUM)
#undef BMIS__FIELD_ENUM
      BMIS_FIELD_COUNT
} bmis_doc_field_id;

/* Finding codes: X(NAME, "stable_code", severity). Append only. */
#define BMIS_FINDING_TABLE(X)                                                  \
  X(EMPTY_INPUT, "empty_input", ERROR)                                         \
  X(INPUT_TOO_LONG, "input_too_long", ERROR)                                   \
  X(FORMAT_UNRECOGNIZED, "format_unrecognized", ERROR)                         \
  X(UNSUPPORTED_FORMAT, "unsupported_format", ERROR)                           \
  X(LINE_LENGTH, "line_length", ERROR)                                         \
  X(LOWERCASE_CHARACTER, "lowercase_character", ERROR)                         \
  X(INVALID_CHARACTER, "invalid_character", ERROR)                             \
  X(DOCUMENT_CODE_INVALID, "document_code_invalid", ERROR)                     \
  X(DOCUMENT_CODE_UNEXPECTED, "document_code_unexpected", WARNING)             \
  X(COUNTRY_CODE_UNKNOWN, "country_code_unknown", ERROR)                       \
  X(COUNTRY_CODE_HISTORIC, "country_code_historic", WARNING)                   \
  X(SPECIMEN_CODE, "specimen_code", WARNING)                                   \
  X(ISSUER_NATIONALITY_MISMATCH, "issuer_nationality_mismatch", WARNING)       \
  X(NAME_INVALID, "name_invalid", ERROR)                                       \
  X(NAME_TRUNCATED, "name_truncated", INFO)                                    \
  X(PRIMARY_IDENTIFIER_EMPTY, "primary_identifier_empty", WARNING)             \
  X(FIELD_INVALID, "field_invalid", ERROR)                                     \
  X(FIELD_MISSING, "field_missing", ERROR)                                     \
  X(CHECK_DIGIT_MISMATCH, "check_digit_mismatch", ERROR)                       \
  X(CHECK_DIGIT_INVALID, "check_digit_invalid", ERROR)                         \
  X(DOCUMENT_NUMBER_LONG, "document_number_long", INFO)                        \
  X(DOCUMENT_NUMBER_CHECK_VARIANT, "document_number_check_variant", WARNING)   \
  X(DATE_INVALID, "date_invalid", ERROR)                                       \
  X(DATE_PARTIAL, "date_partial", INFO)                                        \
  X(BIRTH_DATE_FUTURE, "birth_date_future", ERROR)                             \
  X(BIRTH_DATE_IMPLAUSIBLE, "birth_date_implausible", WARNING)                 \
  X(NO_EXPIRY, "no_expiry", INFO)                                              \
  X(EXPIRED, "expired", ERROR)                                                 \
  X(EXPIRES_SOON, "expires_soon", WARNING)                                     \
  X(EXPIRY_DERIVED, "expiry_derived", INFO)                                    \
  X(SEX_INVALID, "sex_invalid", ERROR)                                         \
  X(SEX_X, "sex_x", WARNING)                                                   \
  X(HOLDER_AGE, "holder_age", INFO)                                            \
  X(HOLDER_MINOR, "holder_minor", INFO)                                        \
  X(OCR_CORRECTED, "ocr_corrected", WARNING)                                   \
  X(OCR_AMBIGUOUS, "ocr_ambiguous", INFO)                                      \
  X(TOO_MANY_FINDINGS, "too_many_findings", WARNING)                           \
  X(OCR_UPPERCASED, "ocr_uppercased", WARNING)

typedef enum bmis_finding_code {
#define BMIS__FINDING_ENUM(name, str, sev) BMIS_FINDING_##name,
  BMIS_FINDING_TABLE(BMIS__FINDING_ENUM)
#undef BMIS__FINDING_ENUM
      BMIS_FINDING_CODE_COUNT
} bmis_finding_code;

/* One thing the validator noticed. Positions are 1-based; line 0 means the
 * finding concerns the document as a whole. `found`/`expected` hold the
 * characters involved (a check digit read and computed, a character before
 * and after an OCR correction), `number` a count (days, years, length). */
typedef struct bmis_finding {
  bmis_finding_code code;
  bmis_severity severity;
  bmis_doc_field_id field;
  uint8_t line, col, len;
  char found, expected;
  int32_t number;
} bmis_finding;

/* ABSENT: the format has no such field. */
#define BMIS_VERDICT_TABLE(X)                                                  \
  X(ABSENT, "absent")                                                          \
  X(OK, "ok")                                                                  \
  X(INFO, "info")                                                              \
  X(WARNING, "warning")                                                        \
  X(ERROR, "error")

typedef enum bmis_verdict {
#define X(n, c) BMIS_VERDICT_##n,
  BMIS_VERDICT_TABLE(X)
#undef X
} bmis_verdict;

/* One field of the MRZ: where it is and its verdict (the worst finding that
 * concerns it). Its text is read on demand with bmis_doc_field_raw and
 * bmis_doc_field_value, so that parsing writes no strings. A field can be
 * present with len 0 when its value is implied rather than read (the
 * French card's nationality and derived expiry). */
typedef struct bmis_doc_field {
  bmis_verdict verdict;
  uint8_t line, col, len; /* 1-based; len 0 when absent or implied */
} bmis_doc_field;

typedef enum bmis_doc_mode {
  BMIS_DOC_STRICT = 0, /* never changes a character */
  BMIS_DOC_OCR = 1 /* repairs known scanner confusions where a check fails */
} bmis_doc_mode;

typedef struct bmis_doc_options {
  bmis_doc_mode mode;
  bmis_date as_of;             /* reference date for expiry and age */
  int32_t expiry_warning_days; /* warn when expiring within this many days */
} bmis_doc_options;

/* Which check-digit computation a long (TD1/TD2 overflow) document number
 * matched. */
typedef enum bmis_long_number_check {
  BMIS_LONG_NUMBER_NONE = 0,       /* not a long number */
  BMIS_LONG_NUMBER_BOTH,           /* digit is right either way */
  BMIS_LONG_NUMBER_WITH_FILLER,    /* computed over the '<' too (Doc 9303) */
  BMIS_LONG_NUMBER_WITHOUT_FILLER, /* computed over the bare number */
  BMIS_LONG_NUMBER_NEITHER
} bmis_long_number_check;

typedef struct bmis_doc {
  bmis_doc_format format;
  bool valid; /* no error-severity finding */
  uint8_t nlines;
  /* The MRZ as examined: trimmed lines, after OCR corrections in OCR mode,
   * NUL-terminated; line_length counts the bytes, which matters only when
   * the input held NUL bytes. */
  char lines[BMIS_MRZ_LINES][BMIS_MRZ_LINE_LEN + 1];
  uint8_t line_length[BMIS_MRZ_LINES];
  bmis_doc_field fields[BMIS_FIELD_COUNT];
  bmis_date birth_date;  /* month/day 0 when unknown; all 0 when unread */
  bmis_date expiry_date; /* all 0 when the document has none */
  bmis_date issue_date;  /* French card: year and month; else all 0 */
  bool has_expiry;
  bool expiry_derived;      /* computed, not read (French ID) */
  int16_t age_min, age_max; /* -1 when unknown */
  bool minor;               /* possibly under 18 on as_of */
  bmis_long_number_check long_number;
  uint8_t optional_offset; /* optional data used by a long number */
  uint8_t nfindings;
  uint8_t ncorrections; /* OCR corrections applied */
  bmis_finding findings[BMIS_DOC_MAX_FINDINGS];
} bmis_doc;

/* Default options: strict, as of `as_of`, warn 180 days before expiry. */
BMIS_API void bmis_doc_options_init(bmis_doc_options *opts, bmis_date as_of);

/* Parses and validates one MRZ of `len` bytes (lines separated by LF, CR or
 * CRLF; surrounding whitespace ignored) into *out, which the caller owns.
 * Returns BMIS_OK whenever a result was produced, including for garbage
 * (reported as findings); BMIS_E_INVALID_ARG only when text, opts or out is
 * NULL. Thread-safe; allocates nothing. */
BMIS_API bmis_status bmis_doc_parse(const char *text, size_t len,
                                    const bmis_doc_options *opts,
                                    bmis_doc *out);

/* Writes the decoded value of a field into buf (NUL-terminated, truncated
 * to cap; BMIS_DOC_VALUE_MAX always suffices): fillers removed, names with
 * spaces ("ERIKSSON, ANNA MARIA" for the whole name), dates in ISO form with
 * XX for unknown parts, a long document number whole, a country code as
 * read. "" for an absent field or one that could not be decoded (an
 * impossible date). Returns the value's length, like snprintf. */
BMIS_API size_t bmis_doc_field_value(const bmis_doc *doc,
                                     bmis_doc_field_id field, char *buf,
                                     size_t cap);

/* Writes a field's characters exactly as read (line, col, len) into buf,
 * NUL-terminated and truncated to cap. Returns len. Bytes outside printable
 * ASCII are copied as they are. */
BMIS_API size_t bmis_doc_field_raw(const bmis_doc *doc, bmis_doc_field_id field,
                                   char *buf, size_t cap);

/* Human message for a finding, written into buf (NUL-terminated, truncated
 * to cap). Returns the length the full message needs, like snprintf. */
BMIS_API size_t bmis_finding_message(const bmis_finding *f, char *buf,
                                     size_t cap);

/* Stable lower-case code of a finding ("check_digit_mismatch"). */
BMIS_API const char *bmis_finding_code_name(bmis_finding_code code);

/* "info", "warning" or "error". */
BMIS_API const char *bmis_severity_name(bmis_severity severity);

/* Stable field name ("document_number"). */
BMIS_API const char *bmis_doc_field_name(bmis_doc_field_id field);

/* "TD1", "TD2", "TD3", "MRVA", "MRVB", "FRA_ID", "UNSUPPORTED", "UNKNOWN". */
BMIS_API const char *bmis_doc_format_name(bmis_doc_format format);

/* "absent", "ok", "info", "warning", "error". */
BMIS_API const char *bmis_verdict_name(bmis_verdict verdict);

/* ICAO 9303 check digit (weights 7-3-1) over `len` MRZ characters: digits
 * count their value, A-Z 10-35, '<' 0. Returns -1 when a character is outside
 * the MRZ set. */
BMIS_API int bmis_mrz_check_digit(const char *chars, size_t len);

/* ---- Generation ------------------------------------------------------- */

/* Fields for bmis_doc_make. Strings are UTF-8 and NUL-terminated; names are
 * transliterated (ICAO Doc 9303 Part 3), other fields must already be MRZ
 * characters (upper-case letters, digits; optional fields may be NULL). */
typedef struct bmis_doc_make_input {
  bmis_doc_format format;    /* TD1, TD2, TD3, MRVA or MRVB */
  const char *document_code; /* 1-2 chars, e.g. "P", "PO", "ID", "V"; NULL
                                for the format's usual code */
  const char *issuing_state; /* code, e.g. "UTO", "D"; NULL: nationality */
  const char *surname;       /* primary identifier */
  const char *given_names;   /* secondary identifiers; may be NULL/empty */
  const char *number;        /* document number; TD1/TD2 allow > 9 chars */
  const char *nationality;
  bmis_date birth_date;        /* month/day may be 0 (unknown) */
  char sex;                    /* 'M', 'F', 'X' or '<' */
  bmis_date expiry_date;       /* all zero: no expiry (identity cards only) */
  const char *optional_data;   /* TD3 personal number / optional data */
  const char *optional_data_2; /* TD1 line 2 optional data */
} bmis_doc_make_input;

/* Writes the MRZ for `in` into out (lines joined by '\n', NUL-terminated)
 * with correct check digits, transliterated and if needed truncated names.
 * `cap` must be at least 3*31 bytes. Returns BMIS_OK, BMIS_E_INVALID_ARG with
 * a message naming the field in err, or BMIS_E_BUFFER_SMALL. */
BMIS_API bmis_status bmis_doc_make(const bmis_doc_make_input *in, char *out,
                                   size_t cap, bmis_error *err);

/* Transliterates a UTF-8 name (or name part) to MRZ characters per ICAO Doc
 * 9303 Part 3: Latin letters with diacritics and Cyrillic per its tables,
 * apostrophes dropped, spaces, hyphens and other separators to '<', upper
 * case. Writes a NUL-terminated result into out. Returns BMIS_E_PARSE with
 * the offending character's byte offset in err for invalid UTF-8 or a
 * character without a transliteration, BMIS_E_BUFFER_SMALL when out is too
 * small. */
BMIS_API bmis_status bmis_mrz_transliterate(const char *utf8, char *out,
                                            size_t cap, bmis_error *err);

#endif

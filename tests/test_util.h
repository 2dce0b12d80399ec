/* Helpers shared by the unit tests (header-only; each test is one file). */
#ifndef BMIS_TEST_UTIL_H
#define BMIS_TEST_UTIL_H

#include "bmis/bmis.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

static inline bmis_date test_date(int y, int m, int d) {
  bmis_date r = {(int16_t)y, (int8_t)m, (int8_t)d};
  return r;
}

/* Parses `text` as of the given date in the given mode. */
static inline void test_parse_mode(const char *text, bmis_date as_of,
                                   bmis_doc_mode mode, bmis_doc *doc) {
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, as_of);
  opts.mode = mode;
  assert_int_equal(bmis_doc_parse(text, strlen(text), &opts, doc), BMIS_OK);
}

static inline void test_parse(const char *text, bmis_date as_of,
                              bmis_doc *doc) {
  test_parse_mode(text, as_of, BMIS_DOC_STRICT, doc);
}

/* The finding with this code (and field, unless BMIS_FIELD_COUNT), or NULL. */
static inline const bmis_finding *test_find(const bmis_doc *doc,
                                            bmis_finding_code code,
                                            bmis_doc_field_id field) {
  for (int i = 0; i < doc->nfindings; i++)
    if (doc->findings[i].code == code &&
        (field == BMIS_FIELD_COUNT || doc->findings[i].field == field))
      return &doc->findings[i];
  return NULL;
}

static inline int test_count_severity(const bmis_doc *doc, bmis_severity s) {
  int n = 0;
  for (int i = 0; i < doc->nfindings; i++)
    n += doc->findings[i].severity == s;
  return n;
}

/* A field's decoded value / raw text, in one of four rotating static
 * buffers (so that an assertion may hold two). */
static inline const char *test_text(const bmis_doc *doc, bmis_doc_field_id id,
                                    int raw) {
  static char ring[4][BMIS_DOC_VALUE_MAX];
  static int next;
  char *buf = ring[next++ % 4];
  if (raw)
    bmis_doc_field_raw(doc, id, buf, BMIS_DOC_VALUE_MAX);
  else
    bmis_doc_field_value(doc, id, buf, BMIS_DOC_VALUE_MAX);
  return buf;
}
#define test_value(doc, id) test_text((doc), (id), 0)
#define test_raw(doc, id) test_text((doc), (id), 1)

/* Recomputes every check digit of a TD3 MRZ (two lines joined by '\n'), so
 * a test can build a document that is wrong only in the way it intends. */
static inline void test_fix_td3(char *mrz) {
  char *l2 = strchr(mrz, '\n') + 1;
  l2[9] = (char)('0' + bmis_mrz_check_digit(l2, 9));
  l2[19] = (char)('0' + bmis_mrz_check_digit(l2 + 13, 6));
  l2[27] = (char)('0' + bmis_mrz_check_digit(l2 + 21, 6));
  l2[42] = (char)('0' + bmis_mrz_check_digit(l2 + 28, 14));
  char buf[64];
  memcpy(buf, l2, 10);
  memcpy(buf + 10, l2 + 13, 7);
  memcpy(buf + 17, l2 + 21, 22);
  l2[43] = (char)('0' + bmis_mrz_check_digit(buf, 39));
}

/* The ICAO Doc 9303 Part 4 TD3 specimen. */
#define TEST_TD3                                                               \
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"                             \
  "L898902C36UTO7408122F1204159ZE184226B<<<<<10"

#endif

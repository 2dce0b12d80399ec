/* ICAO Doc 9303 Part 3 transliteration of names. Expectations come from
 * tests/data/translit/icao_names.tsv (sources in data/SOURCES.md). */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

static void table_of_names(void **state) {
  (void)state;
  FILE *f = fopen(BMIS_TEST_DATA "/translit/icao_names.tsv", "r");
  assert_non_null(f);
  char line[1024];
  int rows = 0, failures = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n')
      continue;
    line[strcspn(line, "\n")] = '\0';
    char *tab = strchr(line, '\t');
    assert_non_null(tab);
    *tab = '\0';
    char out[256];
    bmis_error err;
    bmis_status st = bmis_mrz_transliterate(line, out, sizeof out, &err);
    if (st != BMIS_OK || strcmp(out, tab + 1) != 0) {
      fprintf(stderr, "'%s': got '%s' (%s), expected '%s'\n", line,
              st == BMIS_OK ? out : "", st == BMIS_OK ? "" : err.message,
              tab + 1);
      failures++;
    }
    rows++;
  }
  fclose(f);
  assert_true(rows >= 40);
  assert_int_equal(failures, 0);
}

static void special_cases(void **state) {
  (void)state;
  char out[64];
  bmis_error err;
  static const char *const cases[][2] = {
      {"Ärger", "AERGER"},
      {"Øyvind", "OEYVIND"},
      {"Straße", "STRASSE"},
      {"Þór", "THOR"},
      {"O’Brien", "OBRIEN"},
      {"van der Berg", "VAN<DER<BERG"},
      {"Жуков", "ZHUKOV"},
      {"Щукин", "SHCHUKIN"},
      {"  Anna  ", "ANNA"},
      {"Jean--Luc", "JEAN<LUC"},
      /* A combining diaeresis is the same letter as a precomposed one. */
      {"A\xCC\x88rger", "AERGER"},
      /* A Latin letter outside the table falls back to its base letter. */
      {"\xC8\x98tefan", "STEFAN"}, /* S with comma below */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    assert_int_equal(bmis_mrz_transliterate(cases[i][0], out, sizeof out, &err),
                     BMIS_OK);
    assert_string_equal(out, cases[i][1]);
  }
}

static void refusals(void **state) {
  (void)state;
  char out[8];
  bmis_error err;
  assert_int_equal(bmis_mrz_transliterate("\xff\xfe", out, sizeof out, &err),
                   BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "UTF-8"));
  assert_int_equal(bmis_mrz_transliterate("Li 李", out, sizeof out, &err),
                   BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "U+674E"));
  assert_int_equal(
      bmis_mrz_transliterate("Wolfeschlegelsteinhausen", out, sizeof out, &err),
      BMIS_E_BUFFER_SMALL);
  assert_int_equal(bmis_mrz_transliterate(NULL, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(table_of_names),
      cmocka_unit_test(special_cases),
      cmocka_unit_test(refusals),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

/* OCR mode: known scanner confusions repaired only where a check fails. */
#include "test_util.h"

static const bmis_date AS_OF = {2010, 1, 1};

static void valid_mrz_is_never_touched(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse_mode(TEST_TD3, AS_OF, BMIS_DOC_OCR, &doc);
  assert_true(doc.valid);
  assert_int_equal(doc.ncorrections, 0);
  assert_null(test_find(&doc, BMIS_FINDING_OCR_CORRECTED, BMIS_FIELD_COUNT));
  /* A valid MRZ full of confusable characters stays as it is: 'O' in the
   * name, '0' and 'B' in the number. */
  const char *mrz = "P<UTOBOB<<OSCAR<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                    "B0B80O5S<5UTO7408122M1204159<<<<<<<<<<<<<<06";
  char fixed[sizeof "P<UTOBOB<<OSCAR<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                    "B0B80O5S<5UTO7408122M1204159<<<<<<<<<<<<<<06"];
  memcpy(fixed, mrz, sizeof fixed);
  test_fix_td3(fixed);
  test_parse_mode(fixed, AS_OF, BMIS_DOC_OCR, &doc);
  assert_true(doc.valid);
  assert_int_equal(doc.ncorrections, 0);
  assert_string_equal(doc.lines[1], strchr(fixed, '\n') + 1);
}

static void letters_in_dates_and_digits_in_codes(void **state) {
  (void)state;
  const char *mrz = "P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                    "L898902C36UTO74O8I22F12O4I59ZE184226B<<<<<1O";
  bmis_doc doc;
  test_parse(mrz, AS_OF, &doc);
  assert_false(doc.valid);
  test_parse_mode(mrz, AS_OF, BMIS_DOC_OCR, &doc);
  assert_true(doc.valid);
  assert_string_equal(doc.lines[0],
                      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
  assert_string_equal(doc.lines[1],
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  assert_int_equal(doc.ncorrections, 7);
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_OCR_CORRECTED, BMIS_FIELD_ISSUING_STATE);
  assert_non_null(f);
  assert_int_equal(f->line, 1);
  assert_int_equal(f->col, 5);
  assert_int_equal(f->found, '0');
  assert_int_equal(f->expected, 'O');
  assert_int_equal(f->severity, BMIS_SEVERITY_WARNING);
  f = test_find(&doc, BMIS_FINDING_OCR_CORRECTED, BMIS_FIELD_BIRTH_DATE);
  assert_non_null(f);
  assert_int_equal(f->col, 16);
  assert_int_equal(f->found, 'O');
  assert_int_equal(f->expected, '0');
  assert_non_null(
      test_find(&doc, BMIS_FINDING_OCR_CORRECTED, BMIS_FIELD_COMPOSITE_CHECK));
}

static void check_digit_guides_a_swap(void **state) {
  (void)state;
  /* The document number L898902C3 read with 0 as O: only one swap of a
   * confusable character makes its check digit right again. */
  const char *mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                    "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10";
  bmis_doc doc;
  test_parse(mrz, AS_OF, &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_CHECK_DIGIT_MISMATCH,
                            BMIS_FIELD_DOCUMENT_NUMBER_CHECK));
  test_parse_mode(mrz, AS_OF, BMIS_DOC_OCR, &doc);
  assert_true(doc.valid);
  assert_string_equal(test_value(&doc, BMIS_FIELD_DOCUMENT_NUMBER),
                      "L898902C3");
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_OCR_CORRECTED, BMIS_FIELD_DOCUMENT_NUMBER);
  assert_non_null(f);
  assert_int_equal(f->col, 6);
  assert_int_equal(doc.ncorrections, 1);
}

static void lower_case_is_raised(void **state) {
  (void)state;
  const char *mrz = "p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\n"
                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  /* p, uto, eriksson, anna, maria: 1 + 3 + 8 + 4 + 5 = 21 letters */
  bmis_doc doc;
  test_parse_mode(mrz, AS_OF, BMIS_DOC_OCR, &doc);
  assert_true(doc.valid);
  assert_string_equal(test_value(&doc, BMIS_FIELD_PRIMARY_IDENTIFIER),
                      "ERIKSSON");
  assert_int_equal(doc.ncorrections, 21);
  /* One finding per line, not one per letter. */
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_OCR_UPPERCASED, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->line, 1);
  assert_int_equal(f->col, 1);
  assert_int_equal(f->number, 21);
  assert_null(test_find(&doc, BMIS_FINDING_OCR_CORRECTED, BMIS_FIELD_COUNT));
}

static void ambiguity_is_reported_not_guessed(void **state) {
  (void)state;
  /* Search wrong check digits over a number full of confusable characters
   * until several single swaps would each satisfy it. */
  int seen = 0;
  for (char cd = '0'; cd <= '9'; cd++) {
    char mrz[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                 "S0I2B6G5Z0UTO7408122F1204159ZE184226B<<<<<10";
    test_fix_td3(mrz);
    char *l2 = strchr(mrz, '\n') + 1;
    if (l2[9] == cd)
      continue;
    l2[9] = cd;
    bmis_doc doc;
    test_parse_mode(mrz, AS_OF, BMIS_DOC_OCR, &doc);
    const bmis_finding *f = test_find(&doc, BMIS_FINDING_OCR_AMBIGUOUS,
                                      BMIS_FIELD_DOCUMENT_NUMBER_CHECK);
    if (!f)
      continue;
    seen++;
    assert_true(f->number >= 2);
    assert_false(doc.valid);
    assert_memory_equal(doc.lines[1], "S0I2B6G5Z", 9); /* unchanged */
  }
  assert_true(seen > 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(valid_mrz_is_never_touched),
      cmocka_unit_test(letters_in_dates_and_digits_in_codes),
      cmocka_unit_test(check_digit_guides_a_swap),
      cmocka_unit_test(lower_case_is_raised),
      cmocka_unit_test(ambiguity_is_reported_not_guessed),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

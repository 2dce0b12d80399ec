/* MRZ parsing and validation: formats, fields, positions and findings. */
#include "doc/mrz_internal.h"
#include "test_util.h"

#include <stdio.h>

static const bmis_date AS_OF_2010 = {2010, 1, 1};
static const bmis_date TODAY = {2026, 11, 26};

static void td3_specimen_fields(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse(TEST_TD3, AS_OF_2010, &doc);
  assert_int_equal(doc.format, BMIS_DOC_TD3);
  assert_true(doc.valid);
  const bmis_doc_field *f = &doc.fields[BMIS_FIELD_DOCUMENT_NUMBER];
  assert_string_equal(test_raw(&doc, BMIS_FIELD_DOCUMENT_NUMBER), "L898902C3");
  assert_string_equal(test_value(&doc, BMIS_FIELD_DOCUMENT_NUMBER),
                      "L898902C3");
  assert_int_equal(f->line, 2);
  assert_int_equal(f->col, 1);
  assert_int_equal(f->len, 9);
  assert_int_equal(f->verdict, BMIS_VERDICT_OK);
  assert_string_equal(test_value(&doc, BMIS_FIELD_PRIMARY_IDENTIFIER),
                      "ERIKSSON");
  assert_string_equal(test_value(&doc, BMIS_FIELD_SECONDARY_IDENTIFIER),
                      "ANNA MARIA");
  assert_int_equal(doc.fields[BMIS_FIELD_SECONDARY_IDENTIFIER].col, 16);
  assert_string_equal(test_value(&doc, BMIS_FIELD_BIRTH_DATE), "1974-08-12");
  assert_string_equal(test_value(&doc, BMIS_FIELD_EXPIRY_DATE), "2012-04-15");
  assert_string_equal(test_value(&doc, BMIS_FIELD_OPTIONAL_DATA), "ZE184226B");
  assert_string_equal(test_value(&doc, BMIS_FIELD_SEX), "F");
  assert_int_equal(doc.fields[BMIS_FIELD_OPTIONAL_DATA_2].verdict,
                   BMIS_VERDICT_ABSENT);
  /* UTO is a specimen code: a warning on both country fields. */
  assert_non_null(
      test_find(&doc, BMIS_FINDING_SPECIMEN_CODE, BMIS_FIELD_ISSUING_STATE));
  assert_int_equal(doc.fields[BMIS_FIELD_NATIONALITY].verdict,
                   BMIS_VERDICT_WARNING);
  assert_int_equal(doc.age_min, 35);
  assert_false(doc.minor);
}

static void tolerates_line_endings_and_whitespace(void **state) {
  (void)state;
  const char *variants[] = {
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n",
      "  P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<  \n\n"
      "\tL898902C36UTO7408122F1204159ZE184226B<<<<<10\n\n",
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10\r",
  };
  for (size_t i = 0; i < 3; i++) {
    bmis_doc doc;
    test_parse(variants[i], AS_OF_2010, &doc);
    assert_int_equal(doc.format, BMIS_DOC_TD3);
    assert_true(doc.valid);
    assert_string_equal(doc.lines[1],
                        "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  }
}

static void lower_case_and_stray_characters(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse("P<UTOEriksson<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
             "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
             AS_OF_2010, &doc);
  assert_false(doc.valid);
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_LOWERCASE_CHARACTER, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->line, 1);
  assert_int_equal(f->col, 7);
  assert_int_equal(f->number, 7);
  assert_int_equal(f->found, 'r');
  /* Lower case is reported once, not as check-digit failures too. */
  assert_null(
      test_find(&doc, BMIS_FINDING_CHECK_DIGIT_MISMATCH, BMIS_FIELD_COUNT));
  /* Strict mode never changes a character. */
  assert_memory_equal(doc.lines[0], "P<UTOEriksson", 13);

  test_parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
             "L898902C36UTO7408122F1204159ZE18 226B<<<<<10",
             AS_OF_2010, &doc);
  f = test_find(&doc, BMIS_FINDING_INVALID_CHARACTER, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->line, 2);
  assert_int_equal(f->col, 33);
  assert_false(doc.valid);
  /* A NUL byte is a stray character like any other, not an end of line. */
  char nul[] = TEST_TD3;
  nul[45 + 26] = '\0';
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, AS_OF_2010);
  bmis_doc_parse(nul, sizeof nul - 1, &opts, &doc);
  f = test_find(&doc, BMIS_FINDING_INVALID_CHARACTER, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->line, 2);
  assert_int_equal(f->col, 27);
  assert_int_equal(f->found, '\0');
  assert_int_equal(doc.line_length[1], 44);
}

static void wrong_lengths(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n"
             "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
             AS_OF_2010, &doc);
  assert_int_equal(doc.format, BMIS_DOC_TD3);
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_LINE_LENGTH, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->line, 1);
  assert_int_equal(f->number, 43);
  assert_int_equal(f->len, 44);
  assert_false(doc.valid);
  /* The fields were still read. */
  assert_string_equal(test_value(&doc, BMIS_FIELD_DOCUMENT_NUMBER),
                      "L898902C3");
}

static void unrecognised_and_unsupported(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse("", TODAY, &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_EMPTY_INPUT, BMIS_FIELD_COUNT));
  assert_false(doc.valid);
  test_parse(" \n\r\n\t", TODAY, &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_EMPTY_INPUT, BMIS_FIELD_COUNT));
  test_parse("HELLO\nWORLD", TODAY, &doc);
  assert_int_equal(doc.format, BMIS_DOC_UNKNOWN);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_FORMAT_UNRECOGNIZED, BMIS_FIELD_COUNT));
  /* Swiss driving licence (3 lines, the first of 9 characters). */
  test_parse("AAA000D<<\nFACHE000123456789003<<790101<<\n"
             "SAMPLE<<ANGELA<<<<<<<<<<<<<<<<",
             TODAY, &doc);
  assert_int_equal(doc.format, BMIS_DOC_UNSUPPORTED);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_UNSUPPORTED_FORMAT, BMIS_FIELD_COUNT));
  assert_false(doc.valid);
  char big[BMIS_MRZ_INPUT_MAX + 10];
  memset(big, 'A', sizeof big);
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, TODAY);
  assert_int_equal(bmis_doc_parse(big, sizeof big, &opts, &doc), BMIS_OK);
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_INPUT_TOO_LONG, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->number, (int)sizeof big);
  assert_int_equal(bmis_doc_parse(NULL, 3, &opts, &doc), BMIS_E_INVALID_ARG);
  assert_int_equal(bmis_doc_parse("x", 1, NULL, &doc), BMIS_E_INVALID_ARG);
  /* Bytes that are not text at all, NUL included. */
  const char bin[] = "P<UTO\0\xff\x01\n\x80\x81";
  test_parse_mode(bin, TODAY, BMIS_DOC_OCR, &doc);
  assert_int_equal(bmis_doc_parse(bin, sizeof bin - 1, &opts, &doc), BMIS_OK);
  assert_false(doc.valid);
}

static void check_digits_name_the_field(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
             "L898902C37UTO7408122F1204159ZE184226B<<<<<10",
             AS_OF_2010, &doc);
  const bmis_finding *f = test_find(&doc, BMIS_FINDING_CHECK_DIGIT_MISMATCH,
                                    BMIS_FIELD_DOCUMENT_NUMBER_CHECK);
  assert_non_null(f);
  assert_int_equal(f->line, 2);
  assert_int_equal(f->col, 10);
  assert_int_equal(f->found, '7');
  assert_int_equal(f->expected, '6');
  assert_int_equal(doc.fields[BMIS_FIELD_DOCUMENT_NUMBER_CHECK].verdict,
                   BMIS_VERDICT_ERROR);
  /* The composite covers the number's check digit too. */
  assert_non_null(test_find(&doc, BMIS_FINDING_CHECK_DIGIT_MISMATCH,
                            BMIS_FIELD_COMPOSITE_CHECK));
  char msg[256];
  bmis_finding_message(f, msg, sizeof msg);
  assert_string_equal(msg, "document_number_check is '7' but the characters "
                           "it covers give '6'");
  assert_string_equal(bmis_finding_code_name(f->code), "check_digit_mismatch");
}

static void impossible_and_future_dates(void **state) {
  (void)state;
  char mrz[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
               "L898902C36UTO9002312F3204159ZE184226B<<<<<10";
  test_fix_td3(mrz);
  bmis_doc doc;
  test_parse(mrz, TODAY, &doc);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_DATE_INVALID, BMIS_FIELD_BIRTH_DATE));
  assert_null(
      test_find(&doc, BMIS_FINDING_CHECK_DIGIT_MISMATCH, BMIS_FIELD_COUNT));
  assert_false(doc.valid);
  assert_int_equal(doc.age_min, -1);

  char future[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                  "L898902C36UTO2612152F3204159ZE184226B<<<<<10";
  test_fix_td3(future);
  test_parse(future, TODAY, &doc);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_BIRTH_DATE_FUTURE, BMIS_FIELD_BIRTH_DATE));
  assert_false(doc.valid);

  char leap[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                "L898902C36UTO0002292F3202299ZE184226B<<<<<10";
  test_fix_td3(leap);
  test_parse(leap, TODAY, &doc);
  assert_string_equal(test_value(&doc, BMIS_FIELD_BIRTH_DATE), "2000-02-29");
  assert_string_equal(test_value(&doc, BMIS_FIELD_EXPIRY_DATE), "2032-02-29");
  assert_null(test_find(&doc, BMIS_FINDING_DATE_INVALID, BMIS_FIELD_COUNT));

  char letters[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                   "L898902C36UTO74A8122F3204159ZE184226B<<<<<10";
  test_fix_td3(letters);
  test_parse(letters, TODAY, &doc);
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_FIELD_INVALID, BMIS_FIELD_BIRTH_DATE);
  assert_non_null(f);
  assert_int_equal(f->col, 16);
  assert_int_equal(f->found, 'A');
}

static void expiry_verdicts(void **state) {
  (void)state;
  bmis_doc doc;
  /* Expires 2012-04-15. */
  test_parse(TEST_TD3, test_date(2012, 4, 15), &doc);
  assert_null(test_find(&doc, BMIS_FINDING_EXPIRED, BMIS_FIELD_COUNT));
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_EXPIRES_SOON, BMIS_FIELD_EXPIRY_DATE);
  assert_non_null(f);
  assert_int_equal(f->number, 0);
  assert_true(doc.valid);
  test_parse(TEST_TD3, test_date(2012, 4, 16), &doc);
  f = test_find(&doc, BMIS_FINDING_EXPIRED, BMIS_FIELD_EXPIRY_DATE);
  assert_non_null(f);
  assert_int_equal(f->number, 1);
  assert_false(doc.valid);
  /* The warning window is an option. */
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, test_date(2012, 1, 1));
  opts.expiry_warning_days = 30;
  bmis_doc_parse(TEST_TD3, strlen(TEST_TD3), &opts, &doc);
  assert_null(test_find(&doc, BMIS_FINDING_EXPIRES_SOON, BMIS_FIELD_COUNT));
  opts.expiry_warning_days = 105;
  bmis_doc_parse(TEST_TD3, strlen(TEST_TD3), &opts, &doc);
  f = test_find(&doc, BMIS_FINDING_EXPIRES_SOON, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->number, 105);
  /* Windows longer than a year work too (2010-01-01 to 2012-04-15). */
  opts.as_of = test_date(2010, 1, 1);
  opts.expiry_warning_days = 835;
  bmis_doc_parse(TEST_TD3, strlen(TEST_TD3), &opts, &doc);
  f = test_find(&doc, BMIS_FINDING_EXPIRES_SOON, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->number, 835);
  opts.expiry_warning_days = 834;
  bmis_doc_parse(TEST_TD3, strlen(TEST_TD3), &opts, &doc);
  assert_null(test_find(&doc, BMIS_FINDING_EXPIRES_SOON, BMIS_FIELD_COUNT));
}

static void sex_values(void **state) {
  (void)state;
  char mrz[] = TEST_TD3;
  char *sex = strchr(mrz, '\n') + 21;
  bmis_doc doc;
  *sex = 'X';
  test_fix_td3(mrz);
  test_parse(mrz, AS_OF_2010, &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_SEX_X, BMIS_FIELD_SEX));
  assert_true(doc.valid);
  *sex = '<';
  test_fix_td3(mrz);
  test_parse(mrz, AS_OF_2010, &doc);
  assert_int_equal(test_count_severity(&doc, BMIS_SEVERITY_ERROR), 0);
  assert_string_equal(test_value(&doc, BMIS_FIELD_SEX), "");
  *sex = 'Q';
  test_fix_td3(mrz);
  test_parse(mrz, AS_OF_2010, &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_SEX_INVALID, BMIS_FIELD_SEX));
  assert_false(doc.valid);
}

static void countries(void **state) {
  (void)state;
  bmis_doc doc;
  char mrz[] = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\n"
               "C01X0006H1D<<6408125F2710319<<<<<<<<<<<<<<<0";
  test_fix_td3(mrz);
  test_parse(mrz, TODAY, &doc);
  assert_true(doc.valid);
  assert_string_equal(test_value(&doc, BMIS_FIELD_ISSUING_STATE), "D");
  assert_null(test_find(&doc, BMIS_FINDING_ISSUER_NATIONALITY_MISMATCH,
                        BMIS_FIELD_COUNT));
  /* Issuer D with nationality DEU: the same State, no warning. */
  memcpy(strchr(mrz, '\n') + 11, "DEU", 3);
  test_fix_td3(mrz);
  test_parse(mrz, TODAY, &doc);
  assert_null(test_find(&doc, BMIS_FINDING_ISSUER_NATIONALITY_MISMATCH,
                        BMIS_FIELD_COUNT));
  /* Issuer D with nationality FRA: valid, but worth a warning. */
  memcpy(strchr(mrz, '\n') + 11, "FRA", 3);
  test_fix_td3(mrz);
  test_parse(mrz, TODAY, &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_ISSUER_NATIONALITY_MISMATCH,
                            BMIS_FIELD_NATIONALITY));
  assert_true(doc.valid);
  /* A refugee travel document: nationality XXB differs by nature. */
  memcpy(strchr(mrz, '\n') + 11, "XXB", 3);
  test_fix_td3(mrz);
  test_parse(mrz, TODAY, &doc);
  assert_null(test_find(&doc, BMIS_FINDING_ISSUER_NATIONALITY_MISMATCH,
                        BMIS_FIELD_COUNT));
  /* Unknown code. */
  memcpy(strchr(mrz, '\n') + 11, "BOS", 3);
  test_fix_td3(mrz);
  test_parse(mrz, TODAY, &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_COUNTRY_CODE_UNKNOWN,
                            BMIS_FIELD_NATIONALITY));
  assert_false(doc.valid);
}

static void minors_and_partial_dates(void **state) {
  (void)state;
  char mrz[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
               "L898902C36UTO1509302F3204159ZE184226B<<<<<10";
  test_fix_td3(mrz);
  bmis_doc doc;
  test_parse(mrz, TODAY, &doc);
  assert_true(doc.minor);
  assert_int_equal(doc.age_min, 11);
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_HOLDER_MINOR, BMIS_FIELD_COUNT);
  assert_non_null(f);
  assert_int_equal(f->severity, BMIS_SEVERITY_INFO);
  /* Year known, month and day not: 18 or 17 on 2026-11-26 - possibly a
   * minor, so flagged. */
  memcpy(strchr(mrz, '\n') + 14, "08<<<<", 6);
  test_fix_td3(mrz);
  test_parse(mrz, TODAY, &doc);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_DATE_PARTIAL, BMIS_FIELD_BIRTH_DATE));
  assert_string_equal(test_value(&doc, BMIS_FIELD_BIRTH_DATE), "2008-XX-XX");
  assert_int_equal(doc.age_min, 17);
  assert_int_equal(doc.age_max, 18);
  assert_true(doc.minor);
  assert_true(doc.valid);
}

static void identity_cards_without_expiry(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse("I<UTOD231458907<<<<<<<<<<<<<<<\n"
             "7408122F<<<<<<0UTO<<<<<<<<<<<6\n"
             "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
             TODAY, &doc);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_NO_EXPIRY, BMIS_FIELD_EXPIRY_DATE));
  assert_false(doc.has_expiry);
  assert_true(doc.valid);
  /* A passport must have one. */
  char mrz[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
               "L898902C36UTO7408122F<<<<<<9ZE184226B<<<<<10";
  test_fix_td3(mrz);
  test_parse(mrz, TODAY, &doc);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_FIELD_MISSING, BMIS_FIELD_EXPIRY_DATE));
  assert_false(doc.valid);
}

static void personal_number_check_digit(void **state) {
  (void)state;
  bmis_doc doc;
  /* Empty personal number: '<' and '0' both stand for its check digit. */
  const char *filler = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                       "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8";
  test_parse(filler, AS_OF_2010, &doc);
  assert_int_equal(test_count_severity(&doc, BMIS_SEVERITY_ERROR), 0);
  char zero[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<00";
  test_fix_td3(zero);
  test_parse(zero, AS_OF_2010, &doc);
  assert_int_equal(test_count_severity(&doc, BMIS_SEVERITY_ERROR), 0);
  /* A filler over a personal number that is not empty is wrong. */
  test_parse("P<NLDMEULENDIJK<<LOES<ALBERTINE<<<<<<<<<<<<<\n"
             "XX00000000NLD7110195F1108280123456782<<<<<<2",
             AS_OF_2010, &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_CHECK_DIGIT_INVALID,
                            BMIS_FIELD_OPTIONAL_DATA_CHECK));
}

static void long_document_numbers(void **state) {
  (void)state;
  bmis_doc doc;
  /* ICAO Part 11: digit right either way. */
  test_parse("I<UTOD23145890<7349<<<<<<<<<<<\n"
             "3407127M9507122UTO<<<<<<<<<<<2\n"
             "STEVENSON<<PETER<JOHN<<<<<<<<<",
             test_date(1994, 1, 1), &doc);
  assert_true(doc.valid);
  assert_int_equal(doc.long_number, BMIS_LONG_NUMBER_BOTH);
  assert_string_equal(test_value(&doc, BMIS_FIELD_DOCUMENT_NUMBER),
                      "D23145890734");
  assert_int_equal(doc.fields[BMIS_FIELD_DOCUMENT_NUMBER_CHECK].col, 19);
  assert_string_equal(test_value(&doc, BMIS_FIELD_OPTIONAL_DATA), "");
  assert_non_null(test_find(&doc, BMIS_FINDING_DOCUMENT_NUMBER_LONG,
                            BMIS_FIELD_DOCUMENT_NUMBER));
  /* Belgian card (PRADO BEL-BO-03003): right only with the filler. */
  test_parse("IDBEL000590240<6013<<<<<<<<<<<\n"
             "8512017F1311048BEL851201002007\n"
             "REINARTZ<<ULRIKE<KATIA<E<<<<<<",
             test_date(2012, 1, 1), &doc);
  assert_int_equal(doc.long_number, BMIS_LONG_NUMBER_WITH_FILLER);
  assert_null(test_find(&doc, BMIS_FINDING_DOCUMENT_NUMBER_CHECK_VARIANT,
                        BMIS_FIELD_COUNT));
  assert_true(doc.valid);
  /* Belgian card (BEL-BO-11005): right only without it - a warning. */
  test_parse("IDBEL600001795<0152<<<<<<<<<<<\n"
             "1301014F2311207BEL130101987398\n"
             "SPECIMEN<<SPECIMEN<<<<<<<<<<<<",
             test_date(2020, 1, 1), &doc);
  assert_int_equal(doc.long_number, BMIS_LONG_NUMBER_WITHOUT_FILLER);
  assert_non_null(test_find(&doc, BMIS_FINDING_DOCUMENT_NUMBER_CHECK_VARIANT,
                            BMIS_FIELD_DOCUMENT_NUMBER_CHECK));
  assert_true(doc.valid);
  assert_string_equal(test_value(&doc, BMIS_FIELD_DOCUMENT_NUMBER),
                      "600001795015");
  /* Right neither way. */
  test_parse("IDBEL000590240<6016<<<<<<<<<<<\n"
             "8512017F1311048BEL851201002007\n"
             "REINARTZ<<ULRIKE<KATIA<E<<<<<<",
             test_date(2012, 1, 1), &doc);
  assert_int_equal(doc.long_number, BMIS_LONG_NUMBER_NEITHER);
  assert_non_null(test_find(&doc, BMIS_FINDING_CHECK_DIGIT_MISMATCH,
                            BMIS_FIELD_DOCUMENT_NUMBER_CHECK));
}

static void names(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse("I<PRT007666667<ZZ00<<<<<<<<<<<\n"
             "8303143M3405293PRT<<<<<<<<<<<4\n"
             "CACADOR<DE<ARAUJO<<ANDRE<ESTEV",
             TODAY, &doc);
  assert_string_equal(test_value(&doc, BMIS_FIELD_PRIMARY_IDENTIFIER),
                      "CACADOR DE ARAUJO");
  assert_string_equal(test_value(&doc, BMIS_FIELD_SECONDARY_IDENTIFIER),
                      "ANDRE ESTEV");
  assert_non_null(
      test_find(&doc, BMIS_FINDING_NAME_TRUNCATED, BMIS_FIELD_NAME));
  test_parse("P<IND<<AHMADI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
             "K2578285<7IND5601240F2202288<<<<<<<<<<<<<<<4",
             test_date(2020, 1, 1), &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_PRIMARY_IDENTIFIER_EMPTY,
                            BMIS_FIELD_PRIMARY_IDENTIFIER));
  assert_string_equal(test_value(&doc, BMIS_FIELD_SECONDARY_IDENTIFIER),
                      "AHMADI");
  assert_true(doc.valid);
  char mrz[] = "P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
               "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  test_parse(mrz, AS_OF_2010, &doc);
  const bmis_finding *f =
      test_find(&doc, BMIS_FINDING_NAME_INVALID, BMIS_FIELD_NAME);
  assert_non_null(f);
  assert_int_equal(f->col, 12);
  assert_false(doc.valid);
}

static void french_identity_card(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse("IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<\n"
             "9409923102854CORINNE<<<<<<<6512068F4",
             test_date(2000, 1, 1), &doc);
  assert_int_equal(doc.format, BMIS_DOC_FRA_ID);
  assert_true(doc.valid);
  assert_string_equal(test_value(&doc, BMIS_FIELD_PRIMARY_IDENTIFIER),
                      "BERTHIER");
  assert_string_equal(test_value(&doc, BMIS_FIELD_SECONDARY_IDENTIFIER),
                      "CORINNE");
  assert_string_equal(test_value(&doc, BMIS_FIELD_DOCUMENT_NUMBER),
                      "940992310285");
  assert_string_equal(test_value(&doc, BMIS_FIELD_ISSUE_DATE), "1994-09");
  assert_string_equal(test_value(&doc, BMIS_FIELD_NATIONALITY), "FRA");
  /* Issued 1994: ten years' validity, to the end of the month. */
  assert_true(doc.expiry_derived);
  assert_string_equal(test_value(&doc, BMIS_FIELD_EXPIRY_DATE), "2004-09-30");
  test_parse("IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<\n"
             "9409923102854CORINNE<<<<<<<6512068F4",
             test_date(2004, 10, 1), &doc);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_EXPIRED, BMIS_FIELD_EXPIRY_DATE));
  /* Issued 2011 to an adult: fifteen years. */
  test_parse("IDFRAVALLERE<<<<<<<<<<<<<<<<<<942030\n"
             "1106942034318DAVID<<<<<<<<<7002210M6",
             TODAY, &doc);
  assert_string_equal(test_value(&doc, BMIS_FIELD_EXPIRY_DATE), "2026-06-30");
  assert_string_equal(test_value(&doc, BMIS_FIELD_ISSUING_OFFICE), "942030");
  assert_non_null(
      test_find(&doc, BMIS_FINDING_EXPIRED, BMIS_FIELD_EXPIRY_DATE));
  /* A wrong composite digit is caught. */
  test_parse("IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<\n"
             "9409923102854CORINNE<<<<<<<6512068F5",
             test_date(2000, 1, 1), &doc);
  assert_non_null(test_find(&doc, BMIS_FINDING_CHECK_DIGIT_MISMATCH,
                            BMIS_FIELD_COMPOSITE_CHECK));
  /* An ICAO TD2 card of France is read as TD2, not this layout. */
  test_parse("I<FRAERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
             "D231458907FRA7408122F1204159<<<<<<<6",
             AS_OF_2010, &doc);
  assert_int_equal(doc.format, BMIS_DOC_TD2);
}

static void visas(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
             "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
             test_date(1995, 1, 1), &doc);
  assert_int_equal(doc.format, BMIS_DOC_MRVA);
  assert_true(doc.valid);
  assert_int_equal(doc.fields[BMIS_FIELD_COMPOSITE_CHECK].verdict,
                   BMIS_VERDICT_ABSENT);
  assert_string_equal(test_value(&doc, BMIS_FIELD_OPTIONAL_DATA), "6ZE184226B");
  test_parse("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
             "L8988901C4XXX4009078F9612109<<<<<<<<",
             test_date(1995, 1, 1), &doc);
  assert_int_equal(doc.format, BMIS_DOC_MRVB);
  assert_true(doc.valid);
  /* Visa issued by one State to another's national: no mismatch warning. */
  test_parse("VDGBRMUNIR<<FAISAL<<<<<<<<<<<<<<<<<<\n"
             "AD07259817PAK7608151M0611165<<<<<<<<",
             test_date(2005, 1, 1), &doc);
  assert_null(test_find(&doc, BMIS_FINDING_ISSUER_NATIONALITY_MISMATCH,
                        BMIS_FIELD_COUNT));
}

static void field_text_on_demand(void **state) {
  (void)state;
  bmis_doc doc;
  test_parse(TEST_TD3, AS_OF_2010, &doc);
  char buf[BMIS_DOC_VALUE_MAX], tiny[5];
  assert_int_equal(bmis_doc_field_value(&doc, BMIS_FIELD_NAME, buf, sizeof buf),
                   20);
  assert_string_equal(buf, "ERIKSSON, ANNA MARIA");
  /* Truncated to the buffer, but the full length is returned. */
  assert_int_equal(
      bmis_doc_field_value(&doc, BMIS_FIELD_NAME, tiny, sizeof tiny), 20);
  assert_string_equal(tiny, "ERIK");
  assert_int_equal(bmis_doc_field_raw(&doc, BMIS_FIELD_NAME, buf, sizeof buf),
                   39);
  assert_string_equal(buf, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
  assert_int_equal(
      bmis_doc_field_raw(&doc, BMIS_FIELD_OPTIONAL_DATA_CHECK, buf, sizeof buf),
      1);
  assert_string_equal(buf, "1");
  /* Absent fields and bad arguments give "". */
  assert_int_equal(
      bmis_doc_field_value(&doc, BMIS_FIELD_OPTIONAL_DATA_2, buf, sizeof buf),
      0);
  assert_string_equal(buf, "");
  assert_int_equal(bmis_doc_field_value(NULL, BMIS_FIELD_NAME, buf, sizeof buf),
                   0);
  assert_int_equal(
      bmis_doc_field_value(&doc, (bmis_doc_field_id)99, buf, sizeof buf), 0);
  assert_int_equal(bmis_doc_field_raw(&doc, BMIS_FIELD_COUNT, buf, sizeof buf),
                   0);
  assert_int_equal(bmis_doc_field_value(&doc, BMIS_FIELD_NAME, NULL, 0), 20);
  /* Dates that could not be read have no value. */
  char mrz[] = TEST_TD3;
  memcpy(strchr(mrz, '\n') + 14, "741312", 6);
  test_fix_td3(mrz);
  test_parse(mrz, AS_OF_2010, &doc);
  assert_string_equal(test_value(&doc, BMIS_FIELD_BIRTH_DATE), "");
  assert_string_equal(test_raw(&doc, BMIS_FIELD_BIRTH_DATE), "741312");
}

static void every_finding_has_a_message(void **state) {
  (void)state;
  for (int c = 0; c < BMIS_FINDING_CODE_COUNT; c++) {
    bmis_finding f = {(bmis_finding_code)c,
                      BMIS_SEVERITY_ERROR,
                      BMIS_FIELD_BIRTH_DATE,
                      1,
                      2,
                      3,
                      'A',
                      '1',
                      4};
    char msg[256];
    size_t n = bmis_finding_message(&f, msg, sizeof msg);
    assert_true(n > 5);
    assert_int_equal(strlen(msg), n);
    assert_string_not_equal(bmis_finding_code_name((bmis_finding_code)c),
                            "unknown");
  }
  char tiny[8];
  bmis_finding f = {BMIS_FINDING_EXPIRED,
                    BMIS_SEVERITY_ERROR,
                    BMIS_FIELD_EXPIRY_DATE,
                    0,
                    0,
                    0,
                    0,
                    0,
                    12};
  size_t n = bmis_finding_message(&f, tiny, sizeof tiny);
  assert_true(n > sizeof tiny);
  assert_int_equal(strlen(tiny), sizeof tiny - 1);
}

static void findings_are_capped(void **state) {
  (void)state;
  bmis_doc doc;
  memset(&doc, 0, sizeof doc);
  bmis__doc_reset_results(&doc);
  for (int i = 0; i < 100; i++)
    bmis__doc_finding(&doc, BMIS_FINDING_SEX_X, BMIS_FIELD_SEX, 1, 20, 1, 'X',
                      0, 0);
  assert_int_equal(doc.nfindings, BMIS_DOC_MAX_FINDINGS);
  assert_int_equal(doc.findings[BMIS_DOC_MAX_FINDINGS - 1].code,
                   BMIS_FINDING_TOO_MANY_FINDINGS);
  assert_int_equal(doc.findings[BMIS_DOC_MAX_FINDINGS - 1].severity,
                   BMIS_SEVERITY_WARNING);
  assert_true(doc.valid); /* only warnings so far */
  /* An error that no longer fits still makes the document invalid. */
  bmis__doc_finding(&doc, BMIS_FINDING_SEX_INVALID, BMIS_FIELD_SEX, 1, 20, 1,
                    'Q', 0, 0);
  assert_int_equal(doc.nfindings, BMIS_DOC_MAX_FINDINGS);
  assert_false(doc.valid);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(td3_specimen_fields),
      cmocka_unit_test(tolerates_line_endings_and_whitespace),
      cmocka_unit_test(lower_case_and_stray_characters),
      cmocka_unit_test(wrong_lengths),
      cmocka_unit_test(unrecognised_and_unsupported),
      cmocka_unit_test(check_digits_name_the_field),
      cmocka_unit_test(impossible_and_future_dates),
      cmocka_unit_test(expiry_verdicts),
      cmocka_unit_test(sex_values),
      cmocka_unit_test(countries),
      cmocka_unit_test(minors_and_partial_dates),
      cmocka_unit_test(identity_cards_without_expiry),
      cmocka_unit_test(personal_number_check_digit),
      cmocka_unit_test(long_document_numbers),
      cmocka_unit_test(names),
      cmocka_unit_test(french_identity_card),
      cmocka_unit_test(visas),
      cmocka_unit_test(field_text_on_demand),
      cmocka_unit_test(every_finding_has_a_message),
      cmocka_unit_test(findings_are_capped),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

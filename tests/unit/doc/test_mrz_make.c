/* MRZ generation: the ICAO specimens reproduced from their fields, names
 * transliterated and truncated, long numbers, and refusals. */
#include "test_util.h"

static bmis_doc_make_input specimen(bmis_doc_format format) {
  bmis_doc_make_input in;
  memset(&in, 0, sizeof in);
  in.format = format;
  in.issuing_state = "UTO";
  in.surname = "Eriksson";
  in.given_names = "Anna Maria";
  in.number = "L898902C3";
  in.nationality = "UTO";
  in.birth_date = test_date(1974, 8, 12);
  in.sex = 'F';
  in.expiry_date = test_date(2012, 4, 15);
  return in;
}

static void icao_specimens(void **state) {
  (void)state;
  char out[160];
  bmis_error err;
  bmis_doc_make_input in = specimen(BMIS_DOC_TD3);
  in.optional_data = "ZE184226B";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_string_equal(out, TEST_TD3);

  in = specimen(BMIS_DOC_TD1);
  in.number = "D23145890";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_string_equal(out, "I<UTOD231458907<<<<<<<<<<<<<<<\n"
                           "7408122F1204159UTO<<<<<<<<<<<6\n"
                           "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  in.format = BMIS_DOC_TD2;
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_string_equal(out, "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                           "D231458907UTO7408122F1204159<<<<<<<6");

  in = specimen(BMIS_DOC_MRVA);
  in.number = "L8988901C";
  in.nationality = "XXX";
  in.birth_date = test_date(1940, 9, 7);
  in.expiry_date = test_date(1996, 12, 10);
  in.optional_data = "6ZE184226B";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_string_equal(out, "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                           "L8988901C4XXX4009078F96121096ZE184226B<<<<<<");
  in.format = BMIS_DOC_MRVB;
  in.optional_data = NULL;
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_string_equal(out, "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                           "L8988901C4XXX4009078F9612109<<<<<<<<");
}

static void long_number_overflows(void **state) {
  (void)state;
  char out[160];
  bmis_error err;
  bmis_doc_make_input in = specimen(BMIS_DOC_TD1);
  in.surname = "Stevenson";
  in.given_names = "Peter John";
  in.number = "D23145890734";
  in.birth_date = test_date(1934, 7, 12);
  in.sex = 'M';
  in.expiry_date = test_date(1995, 7, 12);
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_string_equal(out, "I<UTOD23145890<7349<<<<<<<<<<<\n"
                           "3407127M9507122UTO<<<<<<<<<<<2\n"
                           "STEVENSON<<PETER<JOHN<<<<<<<<<");
  in.format = BMIS_DOC_TD3;
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--number"));
}

static void names_transliterated_and_truncated(void **state) {
  (void)state;
  char out[160];
  bmis_error err;
  bmis_doc_make_input in = specimen(BMIS_DOC_TD3);
  in.surname = "Müller-Lüdenscheidt";
  in.given_names = "Jürgen Þór";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_memory_equal(out, "P<UTOMUELLER<LUEDENSCHEIDT<<JUERGEN<THOR<<<<\n",
                      45);
  in.surname = "Wolfeschlegelsteinhausenbergerdorff";
  in.given_names = "Hubert Blaine";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_memory_equal(out, "P<UTOWOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HU\n",
                      45);
  bmis_doc doc;
  test_parse(out, test_date(2010, 1, 1), &doc);
  assert_non_null(
      test_find(&doc, BMIS_FINDING_NAME_TRUNCATED, BMIS_FIELD_NAME));
  in.surname = "Жуков";
  in.given_names = "Георгий";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_memory_equal(out, "P<UTOZHUKOV<<GEORGII<", 21);
}

static void refusals_name_the_option(void **state) {
  (void)state;
  char out[160];
  bmis_error err;
  bmis_doc_make_input in = specimen(BMIS_DOC_TD3);
  in.sex = 'Q';
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--sex"));
  in = specimen(BMIS_DOC_TD3);
  in.nationality = "ZZZ";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--nationality"));
  in = specimen(BMIS_DOC_TD3);
  in.birth_date = test_date(1990, 2, 31);
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--birth"));
  in = specimen(BMIS_DOC_TD3);
  in.expiry_date = test_date(0, 0, 0);
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--expiry"));
  in = specimen(BMIS_DOC_TD3);
  in.birth_date = test_date(2090, 1, 1); /* would read back as 1990 */
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--birth"));
  in.birth_date = test_date(1900, 1, 1); /* would read back as 2000 */
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--birth"));
  in = specimen(BMIS_DOC_TD3);
  in.number = "L89-902";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--number"));
  in = specimen(BMIS_DOC_TD3);
  in.document_code = "V";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  in = specimen(BMIS_DOC_TD3);
  in.surname = "李";
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "--surname"));
  in = specimen(BMIS_DOC_FRA_ID);
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err),
                   BMIS_E_UNSUPPORTED);
  in = specimen(BMIS_DOC_TD3);
  assert_int_equal(bmis_doc_make(&in, out, 20, &err), BMIS_E_BUFFER_SMALL);
}

static void identity_card_without_expiry(void **state) {
  (void)state;
  char out[160];
  bmis_error err;
  bmis_doc_make_input in = specimen(BMIS_DOC_TD1);
  in.number = "D23145890";
  in.expiry_date = test_date(0, 0, 0);
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  assert_string_equal(out, "I<UTOD231458907<<<<<<<<<<<<<<<\n"
                           "7408122F<<<<<<0UTO<<<<<<<<<<<6\n"
                           "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  in.birth_date = test_date(1974, 0, 0);
  assert_int_equal(bmis_doc_make(&in, out, sizeof out, &err), BMIS_OK);
  bmis_doc doc;
  test_parse(out, test_date(2026, 11, 26), &doc);
  assert_true(doc.valid);
  assert_string_equal(test_value(&doc, BMIS_FIELD_BIRTH_DATE), "1974-XX-XX");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(icao_specimens),
      cmocka_unit_test(long_number_overflows),
      cmocka_unit_test(names_transliterated_and_truncated),
      cmocka_unit_test(refusals_name_the_option),
      cmocka_unit_test(identity_card_without_expiry),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Status codes: names, messages, and the one mapping to exit/HTTP codes. */
#include "test_util.h"

static void names_and_mappings(void **state) {
  (void)state;
  assert_string_equal(bmis_status_name(BMIS_OK), "OK");
  assert_string_equal(bmis_status_name(BMIS_E_INVALID_ARG), "E_INVALID_ARG");
  assert_string_equal(bmis_status_message(BMIS_E_PARSE), "malformed input");
  assert_int_equal(bmis_status_exit_code(BMIS_OK), 0);
  assert_int_equal(bmis_status_exit_code(BMIS_E_INVALID_ARG), 2);
  assert_int_equal(bmis_status_http(BMIS_E_NOT_FOUND), 404);
  assert_int_equal(bmis_status_http(BMIS_E_TOO_LARGE), 413);
  assert_string_equal(bmis_status_name((bmis_status)999), "UNKNOWN");
  /* Codes are append-only: these numbers are part of the API. */
  assert_int_equal(BMIS_E_INVALID_ARG, 1);
  assert_int_equal(BMIS_E_BUFFER_SMALL, 9);
  /* the server's own refusals, answered through the same table */
  assert_string_equal(bmis_status_name(BMIS_E_FRAMING), "E_FRAMING");
  assert_int_equal(bmis_status_http(BMIS_E_FRAMING), 400);
  assert_string_equal(bmis_status_name(BMIS_E_METHOD), "E_METHOD");
  assert_int_equal(bmis_status_http(BMIS_E_METHOD), 405);
  assert_string_equal(bmis_status_name(BMIS_E_UNAVAILABLE), "E_UNAVAILABLE");
  assert_int_equal(bmis_status_http(BMIS_E_UNAVAILABLE), 503);
  assert_string_equal(bmis_status_name(BMIS_E_TIMEOUT), "E_TIMEOUT");
  assert_int_equal(bmis_status_http(BMIS_E_TIMEOUT), 408);
  assert_int_equal(BMIS_E_TIMEOUT, 21);
}

static void error_set(void **state) {
  (void)state;
  bmis_error err;
  assert_int_equal(bmis_error_set(&err, BMIS_E_PARSE, "field %s at %d", "x", 3),
                   BMIS_E_PARSE);
  assert_int_equal(err.status, BMIS_E_PARSE);
  assert_string_equal(err.message, "field x at 3");
  assert_int_equal(bmis_error_set(NULL, BMIS_E_IO, "ignored"), BMIS_E_IO);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(names_and_mappings),
      cmocka_unit_test(error_set),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

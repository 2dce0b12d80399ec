/* ICAO 7-3-1 check digits. */
#include "doc/mrz_internal.h"
#include "test_util.h"

static void known_values(void **state) {
  (void)state;
  /* Values printed in the Doc 9303 specimens. */
  assert_int_equal(bmis_mrz_check_digit("L898902C3", 9), 6);
  assert_int_equal(bmis_mrz_check_digit("740812", 6), 2);
  assert_int_equal(bmis_mrz_check_digit("120415", 6), 9);
  assert_int_equal(bmis_mrz_check_digit("ZE184226B<<<<<", 14), 1);
  assert_int_equal(bmis_mrz_check_digit("D23145890", 9), 7);
  assert_int_equal(bmis_mrz_check_digit("<<<<<<", 6), 0);
  assert_int_equal(bmis_mrz_check_digit("", 0), 0);
}

static void outside_the_alphabet(void **state) {
  (void)state;
  assert_int_equal(bmis_mrz_check_digit("l898902C3", 9), -1);
  assert_int_equal(bmis_mrz_check_digit("L89 902C3", 9), -1);
  assert_int_equal(bmis_mrz_check_digit(NULL, 3), -1);
  /* The lenient form used inside the parser counts lower case as upper
   * case, so one lower-case letter is reported once, not as a cascade. */
  assert_int_equal(bmis__mrz_check_digit_lenient("l898902c3", 9), 6);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(known_values),
      cmocka_unit_test(outside_the_alphabet),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

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

/* The (possibly vectorised) line check agrees with the character table on
 * every length and on bytes of every kind. */
static void line_character_check(void **state) {
  (void)state;
  uint32_t seed = 12345;
  char line[BMIS_MRZ_LINE_LEN + 1];
  for (int round = 0; round < 20000; round++) {
    size_t n = (size_t)(round % (BMIS_MRZ_LINE_LEN + 1));
    static const char mrz[] = "ABCXYZ0189<";
    for (size_t i = 0; i < n; i++)
      line[i] = mrz[(i * 7 + (size_t)round) % (sizeof mrz - 1)];
    bool want = true;
    if (round % 3 && n) { /* one byte of any value somewhere */
      seed = seed * 1103515245u + 12345u;
      size_t at = (seed >> 8) % n;
      line[at] = (char)(seed >> 16);
      want = bmis__mrz_is_char((unsigned char)line[at]);
    }
    assert_int_equal(bmis__mrz_all_chars(line, n), want);
  }
  assert_false(
      bmis__mrz_all_chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<a", 44));
  assert_false(
      bmis__mrz_all_chars("aBCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<", 44));
  assert_true(
      bmis__mrz_all_chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<", 44));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(known_values),
      cmocka_unit_test(outside_the_alphabet),
      cmocka_unit_test(line_character_check),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

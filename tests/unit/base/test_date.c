/* Calendar arithmetic: validity, day counts, ages, parsing, formatting. */
#include "test_util.h"

static void leap_years_and_month_lengths(void **state) {
  (void)state;
  assert_int_equal(bmis_date_days_in_month(2024, 2), 29);
  assert_int_equal(bmis_date_days_in_month(2023, 2), 28);
  assert_int_equal(bmis_date_days_in_month(1900, 2), 28);
  assert_int_equal(bmis_date_days_in_month(2000, 2), 29);
  assert_int_equal(bmis_date_days_in_month(2023, 4), 30);
  assert_int_equal(bmis_date_days_in_month(2023, 13), 0);
  assert_true(bmis_date_is_valid(test_date(2024, 2, 29)));
  assert_false(bmis_date_is_valid(test_date(2023, 2, 29)));
  assert_false(bmis_date_is_valid(test_date(2023, 2, 31)));
  assert_false(bmis_date_is_valid(test_date(2023, 0, 1)));
  assert_false(bmis_date_is_valid(test_date(2023, 1, 0)));
}

static void day_counts_round_trip(void **state) {
  (void)state;
  assert_int_equal(bmis_date_to_days(test_date(1970, 1, 1)), 0);
  assert_int_equal(bmis_date_to_days(test_date(2000, 3, 1)), 11017);
  for (int32_t d = -40000; d < 60000; d += 7) {
    bmis_date x = bmis_date_from_days(d);
    assert_true(bmis_date_is_valid(x));
    assert_int_equal(bmis_date_to_days(x), d);
    bmis_date next = bmis_date_from_days(d + 1);
    assert_true(bmis_date_compare(x, next) < 0);
  }
}

static void ages(void **state) {
  (void)state;
  bmis_date birth = test_date(2008, 11, 27);
  assert_int_equal(bmis_date_years_between(birth, test_date(2026, 11, 26)), 17);
  assert_int_equal(bmis_date_years_between(birth, test_date(2026, 11, 27)), 18);
  assert_int_equal(
      bmis_date_years_between(test_date(2000, 2, 29), test_date(2001, 2, 28)),
      0);
}

static void parse_and_format(void **state) {
  (void)state;
  bmis_date d;
  bmis_error err;
  assert_int_equal(bmis_date_parse_iso("2026-11-26", &d, &err), BMIS_OK);
  assert_int_equal(d.year, 2026);
  assert_int_equal(d.month, 11);
  assert_int_equal(d.day, 26);
  assert_int_equal(bmis_date_parse_iso("2026-02-30", &d, &err), BMIS_E_PARSE);
  assert_non_null(strstr(err.message, "not a calendar date"));
  assert_int_equal(bmis_date_parse_iso("26-11-2026", &d, &err), BMIS_E_PARSE);
  assert_int_equal(bmis_date_parse_iso("2026-11-26x", &d, &err), BMIS_E_PARSE);
  assert_int_equal(bmis_date_parse_iso("", &d, &err), BMIS_E_PARSE);
  char buf[11];
  assert_string_equal(bmis_date_format_iso(test_date(1974, 8, 12), buf),
                      "1974-08-12");
  assert_string_equal(bmis_date_format_iso(test_date(1974, 0, 0), buf),
                      "1974-XX-XX");
  /* partial dates, as birth dates are often known */
  assert_int_equal(bmis_date_parse_partial("1980", &d, &err), BMIS_OK);
  assert_true(d.year == 1980 && d.month == 0 && d.day == 0);
  assert_int_equal(bmis_date_parse_partial("1980-05", &d, &err), BMIS_OK);
  assert_true(d.year == 1980 && d.month == 5 && d.day == 0);
  assert_int_equal(bmis_date_parse_partial("1980-05-12", &d, &err), BMIS_OK);
  assert_true(d.day == 12);
  assert_int_equal(bmis_date_parse_partial("1980-13", &d, &err), BMIS_E_PARSE);
  assert_int_equal(bmis_date_parse_partial("80", &d, &err), BMIS_E_PARSE);
  assert_int_equal(bmis_date_parse_partial("", &d, &err), BMIS_E_PARSE);
}

static void today_is_plausible(void **state) {
  (void)state;
  bmis_date t = bmis_date_today_utc();
  assert_true(bmis_date_is_valid(t));
  assert_true(t.year >= 2024);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(leap_years_and_month_lengths),
      cmocka_unit_test(day_counts_round_trip),
      cmocka_unit_test(ages),
      cmocka_unit_test(parse_and_format),
      cmocka_unit_test(today_is_plausible),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

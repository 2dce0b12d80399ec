/* The country table compiled from data/countries.tsv and its look-ups. */
#include "test_util.h"

static void table_is_complete(void **state) {
  (void)state;
  size_t iso = 0;
  for (size_t i = 0; i < bmis_country_count(); i++) {
    const bmis_country *c = bmis_country_at(i);
    if (c->kind == BMIS_COUNTRY_ISO) {
      iso++;
      assert_int_equal(strlen(c->alpha2), 2);
      assert_int_equal(strlen(c->numeric), 3);
    }
    /* Every code finds its own row, and rows are sorted by code. */
    assert_ptr_equal(bmis_country_by_code(c->code, strlen(c->code)), c);
    if (i > 0)
      assert_true(strcmp(bmis_country_at(i - 1)->code, c->code) < 0);
    /* Every name finds its row. */
    assert_ptr_equal(bmis_country_by_name(c->name), c);
  }
  assert_int_equal(iso, 249);
  assert_null(bmis_country_at(bmis_country_count()));
}

static void icao_codes(void **state) {
  (void)state;
  const bmis_country *d = bmis_country_by_code("D<<", 3);
  assert_non_null(d);
  assert_string_equal(d->code, "D");
  assert_string_equal(d->alpha2, "DE");
  assert_int_equal(d->kind, BMIS_COUNTRY_ICAO_STATE);
  assert_int_equal(bmis_country_by_code("UTO", 3)->kind, BMIS_COUNTRY_SPECIMEN);
  assert_int_equal(bmis_country_by_code("XXA", 3)->kind,
                   BMIS_COUNTRY_STATELESS);
  assert_int_equal(bmis_country_by_code("XXB", 3)->kind,
                   BMIS_COUNTRY_STATELESS);
  assert_int_equal(bmis_country_by_code("UNO", 3)->kind,
                   BMIS_COUNTRY_ORGANISATION);
  assert_int_equal(bmis_country_by_code("EUE", 3)->kind,
                   BMIS_COUNTRY_ORGANISATION);
  assert_int_equal(bmis_country_by_code("GBD", 3)->kind, BMIS_COUNTRY_ICAO_GB);
  assert_string_equal(bmis_country_by_code("GBN", 3)->alpha2, "GB");
  assert_int_equal(bmis_country_by_code("SCG", 3)->kind, BMIS_COUNTRY_HISTORIC);
  assert_null(bmis_country_by_code("ZZZ", 3));
  assert_null(bmis_country_by_code("BOS", 3));
  assert_null(bmis_country_by_code("uto", 3)); /* MRZ codes are upper case */
  assert_null(bmis_country_by_code("U<O", 3)); /* letters after a filler */
  assert_null(bmis_country_by_code("<<<", 3));
  assert_null(bmis_country_by_code("", 0));
}

static void alpha2_numeric_and_eurostat(void **state) {
  (void)state;
  assert_string_equal(bmis_country_by_alpha2("DE")->code, "DEU");
  assert_string_equal(bmis_country_by_alpha2("af")->code, "AFG");
  assert_string_equal(bmis_country_by_alpha2("EL")->code, "GRC");
  assert_string_equal(bmis_country_by_alpha2("UK")->code, "GBR");
  assert_string_equal(bmis_country_by_code("GRC", 3)->sdmx, "EL");
  assert_string_equal(bmis_country_by_numeric(276)->code, "DEU");
  assert_string_equal(bmis_country_by_numeric(4)->code, "AFG");
  assert_null(bmis_country_by_numeric(0));
  assert_null(bmis_country_by_alpha2("QQ"));
  assert_null(bmis_country_by_alpha2("DEU"));
}

static void names_as_watchlists_write_them(void **state) {
  (void)state;
  assert_string_equal(bmis_country_by_name("Iraq")->code, "IRQ");
  assert_string_equal(bmis_country_by_name("IRAN")->code, "IRN");
  assert_string_equal(bmis_country_by_name("Iran (Islamic Republic of)")->code,
                      "IRN");
  assert_string_equal(bmis_country_by_name("Korea, North")->code, "PRK");
  assert_string_equal(bmis_country_by_name("Democratic People's Republic of "
                                           "Korea")
                          ->code,
                      "PRK");
  assert_string_equal(bmis_country_by_name("Côte d'Ivoire")->code, "CIV");
  assert_string_equal(bmis_country_by_name("COTE D IVOIRE")->code, "CIV");
  assert_string_equal(bmis_country_by_name("Russia")->code, "RUS");
  assert_string_equal(bmis_country_by_name("Burma")->code, "MMR");
  assert_string_equal(bmis_country_by_name("Türkiye")->code, "TUR");
  assert_string_equal(bmis_country_by_name("Germany")->code, "DEU");
  assert_null(bmis_country_by_name("Atlantis"));
  assert_null(bmis_country_by_name(""));
  assert_string_equal(bmis_country_lookup("af")->code, "AFG");
  assert_string_equal(bmis_country_lookup("Iraq")->code, "IRQ");
  assert_string_equal(bmis_country_lookup("276")->code, "DEU");
  assert_string_equal(bmis_country_lookup("deu")->code, "DEU");
  assert_string_equal(bmis_country_lookup("D")->code, "D");
  assert_null(bmis_country_lookup(NULL));
  assert_string_equal(bmis_country_kind_name(BMIS_COUNTRY_SPECIMEN),
                      "specimen");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(table_is_complete),
      cmocka_unit_test(icao_codes),
      cmocka_unit_test(alpha2_numeric_and_eurostat),
      cmocka_unit_test(names_as_watchlists_write_them),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

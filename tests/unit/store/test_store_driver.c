/* The store's driver registry: a postgres:// URL in a program that has not
 * enabled libbmis_pg is refused naming the missing part; a driver from
 * another build is refused; once enabled, the PostgreSQL driver is the one
 * that answers (here: a connection refused on a closed port). */
#include "bmis/store.h"
#include "bmis_pg/postgres.h"
#include "store/store_internal.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static const char *const closed_port = "postgres://127.0.0.1:1/none";

/* Runs first: nothing is registered yet. */
static void postgres_without_driver_is_refused(void **state) {
  (void)state;
  const char *urls[] = {closed_port, "postgresql://localhost/x"};
  for (size_t i = 0; i < 2; i++) {
    bmis_store *s = (bmis_store *)&s;
    bmis_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(bmis_store_open(urls[i], NULL, &s, &err),
                     BMIS_E_UNSUPPORTED);
    assert_null(s);
    assert_non_null(strstr(err.message, "libbmis_pg"));
    assert_non_null(strstr(err.message, "bmis_store_postgres_enable"));
  }
}

static void driver_from_another_build_is_refused(void **state) {
  (void)state;
  static const char *const schemes[] = {"other://", NULL};
  bmis__driver other = {.abi = BMIS__DRIVER_ABI + 1,
                        .size = sizeof(bmis__driver),
                        .name = "other",
                        .schemes = schemes};
  bmis_error err;
  assert_int_equal(bmis_store_driver_register(&other, &err),
                   BMIS_E_UNSUPPORTED);
  assert_non_null(strstr(err.message, "other"));
  other.abi = BMIS__DRIVER_ABI;
  other.size = sizeof(bmis__driver) - 1;
  assert_int_equal(bmis_store_driver_register(&other, &err),
                   BMIS_E_UNSUPPORTED);
  other.size = sizeof(bmis__driver);
  other.schemes = NULL;
  assert_int_equal(bmis_store_driver_register(&other, &err),
                   BMIS_E_INVALID_ARG);
  assert_int_equal(bmis_store_driver_register(NULL, &err), BMIS_E_INVALID_ARG);
  /* nothing was registered: other:// is still an unknown scheme */
  bmis_store *s;
  assert_int_equal(bmis_store_open("other://x", NULL, &s, &err),
                   BMIS_E_INVALID_ARG);
}

static void enabled_driver_answers(void **state) {
  (void)state;
  assert_int_equal(bmis_store_postgres_enable(NULL), BMIS_OK);
  assert_int_equal(bmis_store_postgres_enable(NULL), BMIS_OK); /* again */
  bmis_store *s;
  bmis_error err;
  assert_int_equal(bmis_store_open(closed_port, NULL, &s, &err), BMIS_E_STORE);
  assert_null(s);
  assert_non_null(strstr(err.message, "postgres: cannot connect"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(postgres_without_driver_is_refused),
      cmocka_unit_test(driver_from_another_build_is_refused),
      cmocka_unit_test(enabled_driver_answers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

/* base/: the capped string builder, the growable array and UTF-8 over ICU. */
#include "test_util.h"

#include "base/alloc.h"
#include "base/array.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "bmis/id.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void builder_appends_up_to_its_cap(void **state) {
  (void)state;
  bmis__strbuf b;
  bmis__strbuf_init(&b, 10);
  assert_string_equal(bmis__strbuf_text(&b), "");
  assert_int_equal(bmis__strbuf_append(&b, "abc"), BMIS_OK);
  assert_int_equal(bmis__strbuf_append_n(&b, "defXYZ", 3), BMIS_OK);
  assert_int_equal(bmis__strbuf_printf(&b, "%d%s", 42, "!"), BMIS_OK);
  assert_string_equal(bmis__strbuf_text(&b), "abcdef42!");
  assert_int_equal(b.len, 9);
  /* exactly the cap fits */
  assert_int_equal(bmis__strbuf_append(&b, "x"), BMIS_OK);
  assert_int_equal(b.len, 10);
  char *t = bmis__strbuf_take(&b);
  assert_string_equal(t, "abcdef42!x");
  bmis__free(t);
  /* an empty builder hands over "" */
  t = bmis__strbuf_take(&b);
  assert_non_null(t);
  assert_string_equal(t, "");
  bmis__free(t);
  bmis__strbuf_fini(&b);
}

static void builder_over_its_cap_fails_and_stays_failed(void **state) {
  (void)state;
  bmis__strbuf b;
  bmis__strbuf_init(&b, 8);
  assert_int_equal(bmis__strbuf_append(&b, "12345"), BMIS_OK);
  /* never a silent cut: nothing of the piece is kept */
  assert_int_equal(bmis__strbuf_append(&b, "6789"), BMIS_E_TOO_LARGE);
  assert_string_equal(bmis__strbuf_text(&b), "12345");
  /* later calls, even ones that would fit, report the first failure */
  assert_int_equal(bmis__strbuf_append(&b, "6"), BMIS_E_TOO_LARGE);
  assert_int_equal(bmis__strbuf_printf(&b, "%s", ""), BMIS_E_TOO_LARGE);
  assert_int_equal(bmis__strbuf_status(&b), BMIS_E_TOO_LARGE);
  assert_null(bmis__strbuf_take(&b));
  /* taken: empty again, status cleared, same cap */
  assert_int_equal(bmis__strbuf_status(&b), BMIS_OK);
  assert_int_equal(bmis__strbuf_printf(&b, "%08d", 1), BMIS_OK);
  assert_int_equal(bmis__strbuf_printf(&b, "%d", 1), BMIS_E_TOO_LARGE);
  bmis__strbuf_fini(&b);
  /* a cap of 0 holds only "" */
  bmis__strbuf_init(&b, 0);
  assert_int_equal(bmis__strbuf_append(&b, ""), BMIS_OK);
  assert_int_equal(bmis__strbuf_append(&b, "a"), BMIS_E_TOO_LARGE);
  bmis__strbuf_fini(&b);
}

static void builder_grows_past_its_first_block(void **state) {
  (void)state;
  bmis__strbuf b;
  bmis__strbuf_init(&b, 100000);
  for (int i = 0; i < 10000; i++)
    assert_int_equal(bmis__strbuf_printf(&b, "%d,", i % 10), BMIS_OK);
  assert_int_equal(b.len, 20000);
  assert_memory_equal(bmis__strbuf_text(&b) + 19996, "8,9,", 5);
  bmis__strbuf_fini(&b);
}

static void array_pushes_zeroed_slots(void **state) {
  (void)state;
  typedef struct {
    int a;
    char s[13];
  } row;
  bmis__array a;
  bmis__array_init(&a, sizeof(row));
  for (int i = 0; i < 1000; i++) {
    row *r = bmis__array_push(&a);
    assert_non_null(r);
    assert_int_equal(r->a, 0);
    assert_int_equal(r->s[12], 0);
    r->a = i;
  }
  assert_int_equal(a.count, 1000);
  assert_true(a.cap >= 1000);
  assert_int_equal(((row *)a.items)[999].a, 999);
  size_t n;
  row *rows = bmis__array_take(&a, &n);
  assert_int_equal(n, 1000);
  assert_int_equal(rows[500].a, 500);
  bmis__free(rows);
  assert_int_equal(a.count, 0);
  assert_null(a.items);
  bmis__array_free(&a);
}

static void growth_is_overflow_checked(void **state) {
  (void)state;
  void *p = NULL;
  size_t cap = 0;
  assert_int_equal(bmis__grow(&p, &cap, 3, sizeof(int)), BMIS_OK);
  assert_int_equal(cap, 8);
  assert_int_equal(bmis__grow(&p, &cap, 9, sizeof(int)), BMIS_OK);
  assert_int_equal(cap, 16);
  void *before = p;
  /* need * size past SIZE_MAX: refused, nothing changed */
  assert_int_equal(bmis__grow(&p, &cap, SIZE_MAX / 2, 16), BMIS_E_NOMEM);
  assert_int_equal(bmis__grow(&p, &cap, SIZE_MAX, 1), BMIS_E_NOMEM);
  assert_ptr_equal(p, before);
  assert_int_equal(cap, 16);
  bmis__free(p);
  bmis__array a;
  bmis__array_init(&a, 64);
  a.count = SIZE_MAX - 1; /* as if that many were there */
  assert_int_equal(bmis__array_reserve(&a, 2), BMIS_E_NOMEM);
  assert_int_equal(bmis__array_reserve(&a, 1), BMIS_E_NOMEM);
  a.count = 0;
  bmis__array_free(&a);
}

static void utf8_decodes_through_icu(void **state) {
  (void)state;
  const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
  size_t i = 0, n = strlen(s);
  assert_int_equal(bmis__utf8_next(s, n, &i), 'a');
  assert_int_equal(bmis__utf8_next(s, n, &i), 0xE9);
  assert_int_equal(bmis__utf8_next(s, n, &i), 0x20AC);
  assert_int_equal(bmis__utf8_next(s, n, &i), 0x1F600);
  assert_int_equal(i, n);
  /* a NUL byte is 0; ill-formed sequences are negative */
  i = 0;
  assert_int_equal(bmis__utf8_next("\0x", 2, &i), 0);
  assert_int_equal(i, 1);
  static const char *const bad[] = {"\xc0\xaf",     /* overlong '/' */
                                    "\xe0\x80\xaf", /* overlong */
                                    "\xed\xa0\x80", /* a surrogate, U+D800 */
                                    "\xf4\x90\x80\x80", /* past U+10FFFF */
                                    "\x80",             /* a lone trail byte */
                                    "\xe2\x82",         /* cut short */
                                    "\xff"};
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    i = 0;
    assert_true(bmis__utf8_next(bad[k], strlen(bad[k]), &i) < 0);
    assert_true(i >= 1);
  }
  /* a cut sequence at the end of the given length, not of the string */
  i = 0;
  assert_true(bmis__utf8_next("\xe2\x82\xac", 2, &i) < 0);
}

static void utf8_encodes_through_icu(void **state) {
  (void)state;
  char buf[8];
  size_t i = 0;
  assert_true(bmis__utf8_append(buf, sizeof buf, &i, 0x20AC));
  assert_true(bmis__utf8_append(buf, sizeof buf, &i, 'x'));
  assert_int_equal(i, 4);
  assert_memory_equal(buf, "\xe2\x82\xacx", 4);
  /* does not fit: nothing written */
  i = 6;
  assert_false(bmis__utf8_append(buf, sizeof buf, &i, 0x1F600));
  assert_int_equal(i, 6);
  assert_true(bmis__utf8_append(buf, sizeof buf, &i, 0xE9));
  assert_int_equal(i, 8);
  /* not scalar values */
  i = 0;
  assert_false(bmis__utf8_append(buf, sizeof buf, &i, 0xD800));
  assert_false(bmis__utf8_append(buf, sizeof buf, &i, 0x110000));
  assert_false(bmis__utf8_append(buf, sizeof buf, &i, -1));
  assert_int_equal(i, 0);
}

static void prefixes_end_on_a_character(void **state) {
  (void)state;
  const char *s = "ab\xe2\x82\xac\xf0\x9f\x98\x80"; /* a b € 😀 */
  size_t n = strlen(s);
  assert_int_equal(bmis__utf8_prefix(s, n, 100), n);
  assert_int_equal(bmis__utf8_prefix(s, n, 2), 2);
  assert_int_equal(bmis__utf8_prefix(s, n, 3), 2);
  assert_int_equal(bmis__utf8_prefix(s, n, 4), 2);
  assert_int_equal(bmis__utf8_prefix(s, n, 5), 5);
  assert_int_equal(bmis__utf8_prefix(s, n, 8), 5);
  assert_int_equal(bmis__utf8_prefix(s, n, 0), 0);
  assert_int_equal(bmis_text_fit(s, 7), 5);
  assert_int_equal(bmis_text_fit(s, 9), 9);
  assert_int_equal(bmis_text_fit("abc", 2), 2);
  assert_int_equal(bmis_text_fit("", 2), 0);
}

/* Ids take the instant they are given (the library reads no clock): its
 * milliseconds are their first 48 bits, and within the process they still
 * strictly increase when the instant does not. */
static void ids_take_the_instant_given(void **state) {
  (void)state;
  char a[BMIS_ID_SIZE], b[BMIS_ID_SIZE], c[BMIS_ID_SIZE];
  int64_t ms = (int64_t)4102444800 * 1000 + 123; /* 2100-01-01 */
  assert_int_equal(bmis_uuid_v7_at(ms, a, NULL), BMIS_OK);
  assert_true(bmis_uuid_is_valid(a));
  char hex[13];
  snprintf(hex, sizeof hex, "%012llx", (unsigned long long)ms);
  assert_memory_equal(a, hex, 8);
  assert_memory_equal(a + 9, hex + 8, 4);
  assert_int_equal(a[14], '7'); /* version 7 */
  /* the same instant, then an earlier one: still increasing */
  assert_int_equal(bmis_uuid_v7_at(ms, b, NULL), BMIS_OK);
  assert_int_equal(bmis_uuid_v7_at(ms - 5000, c, NULL), BMIS_OK);
  assert_true(strcmp(a, b) < 0);
  assert_true(strcmp(b, c) < 0);
  bmis_error err;
  assert_int_equal(bmis_uuid_v7_at(-1, a, &err), BMIS_E_INVALID_ARG);
  assert_non_null(strstr(err.message, "id instant"));
  assert_int_equal(bmis_uuid_v7_at((int64_t)1 << 48, a, &err),
                   BMIS_E_INVALID_ARG);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(builder_appends_up_to_its_cap),
      cmocka_unit_test(builder_over_its_cap_fails_and_stays_failed),
      cmocka_unit_test(builder_grows_past_its_first_block),
      cmocka_unit_test(array_pushes_zeroed_slots),
      cmocka_unit_test(growth_is_overflow_checked),
      cmocka_unit_test(utf8_decodes_through_icu),
      cmocka_unit_test(utf8_encodes_through_icu),
      cmocka_unit_test(prefixes_end_on_a_character),
      cmocka_unit_test(ids_take_the_instant_given)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}

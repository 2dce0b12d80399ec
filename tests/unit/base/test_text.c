/* Text from outside (include/bmis/text.h): refused, never cut, when it is
 * too long, not UTF-8 or holds control characters (issue 12, defect 4). */
#include "test_util.h"

#include "bmis/text.h"

#include <stdio.h>
#include <string.h>

static void refused(const char *text, size_t max, unsigned flags,
                    const char *want) {
  bmis_error err = {0};
  bmis_status st = bmis_text_check(text, max, flags, "reason", &err);
  if (st != BMIS_E_INVALID_ARG || strcmp(err.message, want) != 0)
    fail_msg("expected E_INVALID_ARG \"%s\", got %s \"%s\"", want,
             bmis_status_name(st), err.message);
}

static void accepted(const char *text, size_t max, unsigned flags) {
  bmis_error err = {0};
  if (bmis_text_check(text, max, flags, "reason", &err) != BMIS_OK)
    fail_msg("refused: %s", err.message);
}

static void length_is_refused_not_cut(void **state) {
  (void)state;
  char text[600];
  /* 511 ASCII characters and "é": 513 bytes, refused as a whole. */
  memset(text, 'a', 511);
  memcpy(text + 511, "\xc3\xa9", 3);
  refused(text, 512, 0, "reason: longer than 512 bytes");
  char dst[513] = "old";
  bmis_error err;
  assert_int_equal(bmis_text_copy(dst, sizeof dst, text, 0, "reason", &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(dst, ""); /* never a part of it */
  /* Exactly at the limit: 510 ASCII and "é" is 512 bytes. */
  memcpy(text + 510, "\xc3\xa9", 3);
  accepted(text, 512, 0);
  assert_int_equal(bmis_text_copy(dst, sizeof dst, text, 0, "reason", &err),
                   BMIS_OK);
  assert_string_equal(dst, text);
  /* The field form: a struct member that does not end within its size. */
  char field[4] = {'a', 'b', 'c', 'd'};
  assert_int_equal(bmis_text_check_field(field, sizeof field, 0, "note", &err),
                   BMIS_E_INVALID_ARG);
  assert_string_equal(err.message, "note: longer than 3 bytes");
  field[3] = 0;
  assert_int_equal(bmis_text_check_field(field, sizeof field, 0, "note", &err),
                   BMIS_OK);
}

static void utf8_must_be_well_formed(void **state) {
  (void)state;
  accepted("Müller \xe5\x8c\x97\xe4\xba\xac \xf0\x9f\x98\x80", 100, 0);
  refused("ab\xc3", 100, 0, "reason: not valid UTF-8 at byte 3");
  refused("\xff", 100, 0, "reason: not valid UTF-8 at byte 1");
  refused("a\xc0\xaf", 100, 0,
          "reason: not valid UTF-8 at byte 2"); /* overlong */
  refused("\xed\xa0\x80", 100, 0,
          "reason: not valid UTF-8 at byte 1"); /* surrogate */
  refused("\xf4\x90\x80\x80", 100, 0, "reason: not valid UTF-8 at byte 1");
  refused("\xe2\x82", 100, 0, "reason: not valid UTF-8 at byte 1");
}

static void control_characters(void **state) {
  (void)state;
  refused("a\nb", 100, 0,
          "reason: control character U+000A at byte 2 (one line of text is "
          "expected)");
  refused("a\x1b[2J", 100, 0,
          "reason: control character U+001B at byte 2 (one line of text is "
          "expected)");
  refused("a\x7f", 100, 0,
          "reason: control character U+007F at byte 2 (one line of text is "
          "expected)");
  refused("a\xc2\x85", 100, 0,
          "reason: control character U+0085 at byte 2 (one line of text is "
          "expected)");
  accepted("line one\r\n\tline two", 100, BMIS_TEXT_LINES);
  refused("bell\a", 100, BMIS_TEXT_LINES,
          "reason: control character U+0007 at byte 5");
}

/* "Trojan Source": the explicit bidirectional formatting characters are
 * refused in every text, one line or not; the implicit marks are not. */
static void bidirectional_controls(void **state) {
  (void)state;
  refused("AMA-\xe2\x80\xae"
          "1 kseD",
          100, 0,
          "reason: bidirectional control character U+202E at byte 5 (it "
          "would display the text in another order than it is stored)");
  static const char *const refused_ones[] = {
      "\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac",
      "\xe2\x80\xad", "\xe2\x80\xae", "\xe2\x81\xa6",
      "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"};
  for (size_t i = 0; i < sizeof refused_ones / sizeof *refused_ones; i++) {
    char text[16];
    snprintf(text, sizeof text, "ab%s", refused_ones[i]);
    bmis_error err = {0};
    assert_int_equal(bmis_text_check(text, 100, BMIS_TEXT_LINES, "note", &err),
                     BMIS_E_INVALID_ARG);
    assert_non_null(strstr(err.message, "note: bidirectional control "
                                        "character U+20"));
    assert_non_null(strstr(err.message, "at byte 3"));
  }
  /* Neighbours and the implicit marks (LRM, RLM, ALM) are text. */
  accepted("a\xe2\x80\x8e b\xe2\x80\x8f c\xd8\x9c d", 100, 0);
  accepted("\xe2\x80\xaf\xe2\x81\xa5", 100, 0); /* U+202F, U+2065 */
  accepted("\xd8\xb9\xd9\x84\xd9\x8a 12", 100, 0);
}

static void empty_and_missing(void **state) {
  (void)state;
  refused("", 10, 0, "reason: missing");
  refused(NULL, 10, 0, "reason: missing");
  accepted("", 10, BMIS_TEXT_EMPTY_OK);
  accepted(NULL, 10, BMIS_TEXT_EMPTY_OK);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(length_is_refused_not_cut),
      cmocka_unit_test(utf8_must_be_well_formed),
      cmocka_unit_test(control_characters),
      cmocka_unit_test(bidirectional_controls),
      cmocka_unit_test(empty_and_missing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

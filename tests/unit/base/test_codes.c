/* base/codes.c: every coded list's codes round-trip value -> code -> value,
 * each row of each public X-macro table is reached, and a text that is no
 * code is refused (0 / NONE, or NULL / "" / "unknown" for a bad value). */
#include "test_util.h"

#include "base/codes.h"
#include "bmis/account.h"
#include "bmis/inspect.h"

/* A list with value 0 = none: code(v) == text for each row, parse(text) ==
 * v, and out of range / unknown refused. */
#define ROUND_TRIP(TABLE, type, code_fn, parse_fn)                             \
  do {                                                                         \
    int v = 0;                                                                 \
    typedef type code_type;                                                    \
    const char *(*code)(type) = code_fn;                                       \
    type (*parse)(const char *) = parse_fn;                                    \
    TABLE(ROW)                                                                 \
    assert_null(code((type)0));                                                \
    assert_null(code((type)(v + 1)));                                          \
    assert_int_equal(parse("no such code"), 0);                                \
    assert_int_equal(parse(""), 0);                                            \
    assert_int_equal(parse(NULL), 0);                                          \
  } while (0)
#define ROW(n, c)                                                              \
  v++;                                                                         \
  assert_string_equal(code((code_type)v), c);                                  \
  assert_int_equal(parse(c), v);

static void screen_lists(void **state) {
  (void)state;
  ROUND_TRIP(BMIS_WL_CATEGORY_TABLE, bmis_wl_category, bmis_wl_category_code,
             bmis_wl_category_parse);
  ROUND_TRIP(BMIS_HIT_ACTION_TABLE, bmis_hit_action, bmis_hit_action_code,
             bmis_hit_action_parse);
  ROUND_TRIP(BMIS_NAME_QUALITY_TABLE, bmis_name_quality, bmis_name_quality_code,
             bmis_name_quality_parse);
  ROUND_TRIP(BMIS_DOC_STATUS_TABLE, bmis_doc_status, bmis_doc_status_code,
             bmis_doc_status_parse);
  ROUND_TRIP(BMIS_HIT_DECISION_TABLE, bmis_hit_decision, bmis_hit_decision_code,
             bmis_hit_decision_parse);
  ROUND_TRIP(BMIS_REVIEW_TABLE, bmis_review, bmis_review_code,
             bmis_review_parse);
  ROUND_TRIP(BMIS_WL_FORMAT_TABLE, bmis_wl_format, bmis_wl_format_code,
             bmis_wl_format_parse);
  assert_string_equal(bmis_wl_format_code(BMIS_WL_FORMAT_UN_XML), "un-xml");
  /* Case matters: codes are exact. */
  assert_int_equal(bmis_wl_category_parse("Sanctions"), 0);
}

static void role_and_inspect_lists(void **state) {
  (void)state;
  ROUND_TRIP(BMIS_ROLE_TABLE, bmis_role, bmis_role_name, bmis_role_from_name);
  ROUND_TRIP(BMIS_MINOR_ALTERNATIVE_TABLE, bmis_minor_alternative,
             bmis_minor_alternative_code, bmis_minor_alternative_parse);
#undef ROW
#define ROW(n, c, t)                                                           \
  v++;                                                                         \
  assert_string_equal(code((code_type)v), c);                                  \
  assert_string_equal(bmis_trafficking_text((code_type)v), t);                 \
  assert_int_equal(parse(c), v);
  ROUND_TRIP(BMIS_TRAFFICKING_TABLE, bmis_trafficking_indicator,
             bmis_trafficking_code, bmis_trafficking_parse);
  assert_null(bmis_trafficking_text(BMIS_TRAFFICKING_NONE));
#undef ROW
}

static void register_lists(void **state) {
  (void)state;
  static const bmis_code_list lists[] = {
      BMIS_LIST_DIRECTION, BMIS_LIST_BCP_KIND, BMIS_LIST_TRANSPORT,
      BMIS_LIST_PURPOSE,   BMIS_LIST_DECISION, BMIS_LIST_REFERRAL_KIND};
  for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
    int n = bmis_code_count(lists[l]);
    assert_true(n >= 2);
    for (int v = 1; v <= n; v++) {
      const char *c = bmis_code_name(lists[l], v);
      assert_true(c[0] != '\0');
      assert_int_equal(bmis_code_value(lists[l], c), v);
    }
    assert_string_equal(bmis_code_name(lists[l], 0), "");
    assert_string_equal(bmis_code_name(lists[l], n + 1), "");
    assert_string_equal(bmis_code_name(lists[l], -1), "");
    assert_int_equal(bmis_code_value(lists[l], "no such code"), 0);
    assert_int_equal(bmis_code_value(lists[l], ""), 0);
    assert_int_equal(bmis_code_value(lists[l], NULL), 0);
  }
  assert_string_equal(bmis_code_name(BMIS_LIST_PURPOSE, BMIS_PURPOSE_RETURNING),
                      "returning_resident");
  assert_int_equal(bmis_code_value(BMIS_LIST_DECISION, "refused"),
                   BMIS_DECISION_REFUSED);
  assert_int_equal(bmis_code_count((bmis_code_list)99), 0);
  assert_string_equal(bmis_code_name((bmis_code_list)99, 1), "");
  assert_string_equal(bmis_refusal_ground_text('B'),
                      "has a false, counterfeit or forged travel document");
  assert_null(bmis_refusal_ground_text('J'));
}

/* Lists whose rows start at 0 and answer "unknown" out of range. */
static void lists_from_zero(void **state) {
  (void)state;
  int v = -1;
#define ROW0(prefix, fn, n, c)                                                 \
  v++;                                                                         \
  assert_int_equal(prefix##n, v);                                              \
  assert_string_equal(fn(prefix##n), c);
#define SEV(n, c) ROW0(BMIS_SEVERITY_, bmis_severity_name, n, c)
  BMIS_SEVERITY_TABLE(SEV)
  assert_string_equal(bmis_severity_name((bmis_severity)(v + 1)), "unknown");
  v = -1;
#define VER(n, c) ROW0(BMIS_VERDICT_, bmis_verdict_name, n, c)
  BMIS_VERDICT_TABLE(VER)
  assert_string_equal(bmis_verdict_name((bmis_verdict)(v + 1)), "unknown");
  v = -1;
#define FMT(n, c) ROW0(BMIS_DOC_, bmis_doc_format_name, n, c)
  BMIS_DOC_FORMAT_TABLE(FMT)
  assert_string_equal(bmis_doc_format_name((bmis_doc_format)(v + 1)),
                      "UNKNOWN");
  v = -1;
#define FLD(n, c) ROW0(BMIS_FIELD_, bmis_doc_field_name, n, c)
  BMIS_DOC_FIELD_TABLE(FLD)
  assert_string_equal(bmis_doc_field_name(BMIS_FIELD_COUNT), "unknown");
  v = -1;
#define FND(n, c, sev) ROW0(BMIS_FINDING_, bmis_finding_code_name, n, c)
  BMIS_FINDING_TABLE(FND)
  assert_string_equal(bmis_finding_code_name(BMIS_FINDING_CODE_COUNT),
                      "unknown");
  v = -1;
#define CK(n, c) ROW0(BMIS_COUNTRY_, bmis_country_kind_name, n, c)
  BMIS_COUNTRY_KIND_TABLE(CK)
  assert_string_equal(bmis_country_kind_name((bmis_country_kind)(v + 1)),
                      "unknown");
  v = -1;
#define TOK(n, c) ROW0(BMIS_TOKEN_, bmis_token_match_code, n, c)
  BMIS_TOKEN_MATCH_TABLE(TOK)
  assert_null(bmis_token_match_code((bmis_token_match)(v + 1)));
}

static void helpers(void **state) {
  (void)state;
  static const char *const t[] = {"", "a", "b"};
  assert_string_equal(bmis__code_text(t, 3, 1, 2), "b");
  assert_null(bmis__code_text(t, 3, 1, 0));
  assert_null(bmis__code_text(t, 3, 1, 3));
  assert_int_equal(bmis__code_find(t, 3, 1, "a"), 1);
  assert_int_equal(bmis__code_find(t, 3, 1, ""), -1);
  assert_int_equal(bmis__code_find(t, 3, 0, ""), 0);
  assert_int_equal(bmis__code_find(t, 3, 1, NULL), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(screen_lists), cmocka_unit_test(role_and_inspect_lists),
      cmocka_unit_test(register_lists), cmocka_unit_test(lists_from_zero),
      cmocka_unit_test(helpers)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}

/* bmis_screen_query_from_doc: the one mapping of a parsed document to a
 * screening query, for every front end. */
#include "test_util.h"

#include "bmis/doc.h"
#include "bmis/screen.h"

#include <string.h>

/* Parses an MRZ made by bmis_doc_make from in. */
static void parse_made(const bmis_doc_make_input *in, bmis_doc *doc) {
  char mrz[128];
  bmis_error err;
  assert_int_equal(bmis_doc_make(in, mrz, sizeof mrz, &err), BMIS_OK);
  bmis_doc_options o;
  bmis_doc_options_init(&o, (bmis_date){2024, 1, 1});
  bmis_doc_parse(mrz, strlen(mrz), &o, doc);
}

static void a_passport_gives_every_field(void **state) {
  (void)state;
  bmis_doc_make_input in = {0};
  in.format = BMIS_DOC_TD3;
  in.issuing_state = "UTO";
  in.surname = "Eriksson";
  in.given_names = "Anna Maria";
  in.number = "L898902C3";
  in.nationality = "KEN";
  in.birth_date = (bmis_date){1974, 8, 12};
  in.sex = 'F';
  in.expiry_date = (bmis_date){2032, 4, 15};
  bmis_doc doc;
  parse_made(&in, &doc);
  bmis_screen_doc_names names;
  bmis_screen_query q;
  memset(&q, 0x5a, sizeof q); /* cleared, whatever it held */
  bmis_screen_query_from_doc(&doc, &names, &q);
  assert_string_equal(q.surname, "ERIKSSON");
  assert_string_equal(q.given_names, "ANNA MARIA");
  assert_ptr_equal(q.surname, names.surname);
  assert_ptr_equal(q.given_names, names.given_names);
  assert_null(q.name);
  assert_null(q.traveller_id);
  assert_int_equal(q.birth.year, 1974);
  assert_int_equal(q.birth.month, 8);
  assert_int_equal(q.birth.day, 12);
  assert_int_equal(q.sex, 'F');
  assert_string_equal(q.nationality, "KEN");
  assert_string_equal(q.doc_state, "UTO");
  assert_string_equal(q.doc_number, "L898902C3");
}

static void unknown_parts_stay_unknown(void **state) {
  (void)state;
  bmis_doc_make_input in = {0};
  in.format = BMIS_DOC_TD1;
  in.document_code = "ID";
  in.surname = "Okafor";
  in.number = "D23145890734"; /* a long TD1 number, whole */
  in.nationality = "D";
  in.birth_date = (bmis_date){1980, 0, 0}; /* the year only */
  in.sex = '<';
  bmis_doc doc;
  parse_made(&in, &doc);
  bmis_screen_doc_names names;
  bmis_screen_query q;
  bmis_screen_query_from_doc(&doc, &names, &q);
  assert_string_equal(q.surname, "OKAFOR");
  assert_string_equal(q.given_names, "");
  assert_int_equal(q.birth.year, 1980);
  assert_int_equal(q.birth.month, 0);
  assert_int_equal(q.birth.day, 0);
  assert_int_equal(q.sex, 0);
  assert_string_equal(q.nationality, "D");
  assert_string_equal(q.doc_state, "D"); /* the nationality's */
  assert_string_equal(q.doc_number, "D23145890734");
}

static void nothing_readable_gives_an_empty_query(void **state) {
  (void)state;
  bmis_doc doc;
  bmis_doc_options o;
  bmis_doc_options_init(&o, (bmis_date){2024, 1, 1});
  bmis_doc_parse("not an MRZ", 10, &o, &doc);
  bmis_screen_doc_names names;
  bmis_screen_query q;
  bmis_screen_query_from_doc(&doc, &names, &q);
  assert_string_equal(q.surname, "");
  assert_string_equal(q.given_names, "");
  assert_int_equal(q.sex, 0);
  assert_string_equal(q.nationality, "");
  assert_string_equal(q.doc_state, "");
  assert_string_equal(q.doc_number, "");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_passport_gives_every_field),
      cmocka_unit_test(unknown_parts_stay_unknown),
      cmocka_unit_test(nothing_readable_gives_an_empty_query),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

/* A screening query from a parsed document (bmis/screen.h): the one
 * mapping of a document's fields to what is screened. */
#include "bmis/screen.h"

#include <string.h>

/* v into dst[cap] when it fits whole; "" otherwise (a cut code or number
 * would screen someone else's). */
static void copy_whole(char *dst, size_t cap, const char *v) {
  size_t n = strlen(v);
  if (n < cap)
    memcpy(dst, v, n + 1);
  else
    dst[0] = 0;
}

void bmis_screen_query_from_doc(const bmis_doc *doc,
                                bmis_screen_doc_names *names,
                                bmis_screen_query *q) {
  memset(q, 0, sizeof *q);
  char v[BMIS_DOC_VALUE_MAX];
  bmis_doc_field_value(doc, BMIS_FIELD_PRIMARY_IDENTIFIER, names->surname,
                       sizeof names->surname);
  bmis_doc_field_value(doc, BMIS_FIELD_SECONDARY_IDENTIFIER, names->given_names,
                       sizeof names->given_names);
  q->surname = names->surname;
  q->given_names = names->given_names;
  q->birth = doc->birth_date;
  bmis_doc_field_value(doc, BMIS_FIELD_SEX, v, sizeof v);
  q->sex = v[0] == 'F' || v[0] == 'M' || v[0] == 'X' ? v[0] : 0;
  bmis_doc_field_value(doc, BMIS_FIELD_NATIONALITY, v, sizeof v);
  copy_whole(q->nationality, sizeof q->nationality, v);
  bmis_doc_field_value(doc, BMIS_FIELD_ISSUING_STATE, v, sizeof v);
  copy_whole(q->doc_state, sizeof q->doc_state, v);
  bmis_doc_field_value(doc, BMIS_FIELD_DOCUMENT_NUMBER, v, sizeof v);
  copy_whole(q->doc_number, sizeof q->doc_number, v);
}

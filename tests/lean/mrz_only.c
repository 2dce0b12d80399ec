/* A program that only reads passports: linked to the shared libbmis and
 * nothing else of ours. tests/check_lean.sh checks that it loads no libpq
 * (the PostgreSQL driver is libbmis_pg, which it does not link), that it
 * parses an MRZ, and that a postgres:// store is refused with a message
 * naming the missing part rather than crashing. */
#include "bmis/doc.h"
#include "bmis/status.h"
#include "bmis/store.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  static const char mrz[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, (bmis_date){2010, 1, 1});
  bmis_doc doc;
  if (bmis_doc_parse(mrz, strlen(mrz), &opts, &doc) != BMIS_OK || !doc.valid) {
    fprintf(stderr, "the ICAO specimen did not parse as valid\n");
    return 1;
  }
  printf("mrz: valid\n");
  bmis_store *s = NULL;
  bmis_error err;
  bmis_status st =
      bmis_store_open("postgres://127.0.0.1:1/none", NULL, &s, &err);
  if (st == BMIS_OK) {
    bmis_store_close(s);
    fprintf(stderr, "a postgres:// store opened without libbmis_pg\n");
    return 1;
  }
  printf("postgres: %s: %s\n", bmis_status_name(st), err.message);
  return 0;
}

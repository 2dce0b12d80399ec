/* A program on the shared libraries that uses PostgreSQL: libbmis.so plus
 * libbmis_pg.so, enabled with bmis_store_postgres_enable. Opens the store
 * whose URL the pg_server fixture wrote to argv[1] and checks that the
 * PostgreSQL driver answers (the shared counterpart of what the CLI and the
 * store tests do with the static libraries). */
#include "bmis/status.h"
#include "bmis/store.h"
#include "bmis_pg/postgres.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  char url[512];
  FILE *f = argc == 2 ? fopen(argv[1], "r") : NULL;
  if (!f || !fgets(url, sizeof url, f)) {
    fprintf(stderr, "usage: pg_shared URL_FILE\n");
    return 2;
  }
  fclose(f);
  url[strcspn(url, "\r\n")] = 0;
  bmis_error err;
  if (bmis_store_postgres_enable(&err) != BMIS_OK) {
    fprintf(stderr, "enable: %s\n", err.message);
    return 1;
  }
  bmis_store_options opts;
  bmis_store_options_init(&opts);
  opts.no_migrate = true;
  bmis_store *s;
  if (bmis_store_open(url, &opts, &s, &err) != BMIS_OK) {
    fprintf(stderr, "open: %s\n", err.message);
    return 1;
  }
  bmis_store_info info;
  bmis_status st = bmis_store_info_get(s, &info, &err);
  bmis_store_close(s);
  if (st != BMIS_OK || strcmp(info.backend, "postgres") != 0) {
    fprintf(stderr, "info: %s (%s)\n", st != BMIS_OK ? err.message : "",
            info.backend);
    return 1;
  }
  printf("backend %s at %s, schema %d\n", info.backend, info.location,
         info.schema_version);
  return 0;
}

/* Printing screening results: the hits as JSON (docs/SCREENING.md,
 * "Screening from the command line"; encoded by the wire layer) and as
 * text, through the library's explanation. */
#include "screen_output.h"

#include "bmis/register.h"
#include "bmis/wire.h"

#include <stdlib.h>
#include <string.h>

json_t *screen_json_text(const char *s) {
  return bmis_wire_text(s);
}

json_t *screen_hits_json(const bmis_screen_result *r) {
  return bmis_wire_hits(r);
}

json_t *screen_result_json(const bmis_screen_result *r) {
  return bmis_wire_screen_result(r);
}

void screen_print_text(FILE *f, const bmis_screen_result *r) {
  if (r->count == 0) {
    fputs("no hits\n", f);
    return;
  }
  char buf[16384];
  for (size_t i = 0; i < r->count; i++) {
    bmis_error err;
    bmis_status st = bmis_hit_explain(&r->hits[i], buf, sizeof buf, &err);
    /* A cut explanation is still printed, and says so. */
    fputs(buf, f);
    if (st != BMIS_OK)
      fprintf(f, "  (%s)\n", err.message);
  }
}

void screen_json_line(json_t *o) {
  if (o)
    json_dumpf(o, stdout,
               JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  putchar('\n');
  json_decref(o);
}

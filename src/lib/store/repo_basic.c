/* Store access shared by the register: per-handle state, stored date text,
 * settings and border crossing points. */
#include "store/repo.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *bmis__store_ext(bmis_store *s) {
  return s->ext;
}

void bmis__store_set_ext(bmis_store *s, void *ext, void (*ext_free)(void *)) {
  if (s->ext_free)
    s->ext_free(s->ext);
  s->ext = ext;
  s->ext_free = ext_free;
}

void bmis__date_to_text(bmis_date d, char out[11]) {
  char tmp[32];
  int y = d.year % 10000, m = (d.month + 100) % 100, dd = (d.day + 100) % 100;
  if (d.year <= 0)
    tmp[0] = 0;
  else if (d.month == 0)
    snprintf(tmp, sizeof tmp, "%04d", y);
  else if (d.day == 0)
    snprintf(tmp, sizeof tmp, "%04d-%02d", y, m);
  else
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, dd);
  memcpy(out, tmp, 10);
  out[10] = 0;
}

bmis_date bmis__date_from_text(const char *t) {
  bmis_date d = {0, 0, 0};
  size_t n = strlen(t);
  if (n >= 4)
    d.year = (int16_t)atoi(t);
  if (n >= 7)
    d.month = (int8_t)atoi(t + 5);
  if (n >= 10)
    d.day = (int8_t)atoi(t + 8);
  return d;
}

bmis_status bmis__setting_get(bmis_store *s, const char *key, char *out,
                              size_t cap, bool *found, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_SETTING_GET);
  bmis__bind_text(q, 1, key);
  int rc = bmis__step(q, err);
  *found = rc == BMIS__ROW;
  out[0] = 0;
  if (*found)
    bmis__col_copy(q, 0, out, cap);
  bmis__reset(q);
  return rc < 0 ? (bmis_status)-rc : BMIS_OK;
}

bmis_status bmis__setting_put(bmis_store *s, const char *key, const char *value,
                              bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_SETTING_PUT);
  bmis__bind_text(q, 1, key);
  bmis__bind_text(q, 2, value);
  return bmis__run(q, err);
}

bmis_status bmis__bcp_put(bmis_store *s, const bmis_bcp *b, bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_BCP_PUT);
  bmis__bind_text(q, 1, b->code);
  bmis__bind_text(q, 2, b->name);
  bmis__bind_text(q, 3, bmis_code_name(BMIS_LIST_BCP_KIND, b->kind));
  bmis__bind_text(q, 4, b->time_zone);
  return bmis__run(q, err);
}

static void bcp_row(bmis__stmt *q, void *row) {
  bmis_bcp *b = row;
  bmis__col_copy(q, 0, b->code, sizeof b->code);
  bmis__col_copy(q, 1, b->name, sizeof b->name);
  b->kind =
      (bmis_bcp_kind)bmis_code_value(BMIS_LIST_BCP_KIND, bmis__col_text(q, 2));
  bmis__col_copy(q, 3, b->time_zone, sizeof b->time_zone);
}

bmis_status bmis__bcp_get(bmis_store *s, const char *code, bmis_bcp *out,
                          bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_BCP_GET);
  bmis__bind_text(q, 1, code);
  return bmis__row_one(q, bcp_row, out, err, "no border crossing point '%s'",
                       code);
}

bmis_status bmis__bcp_list(bmis_store *s, bmis_bcp_fn fn, void *ctx,
                           bmis_error *err) {
  Q_OR_FAIL(q, BMIS__Q_BCP_LIST);
  ROWS_RETURN(q, bmis_bcp, bcp_row, fn(&row, ctx));
}

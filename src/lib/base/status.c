/* Status codes: names, messages and the one mapping to exit and HTTP codes,
 * all generated from BMIS_STATUS_TABLE in bmis/status.h. */
#include "bmis/status.h"

#include <stdarg.h>
#include <stdio.h>

typedef struct status_row {
  bmis_status status;
  const char *name;
  int exit_code;
  int http;
  const char *message;
} status_row;

static const status_row rows[] = {
#define ROW(name, num, exit_code, http, msg)                                   \
  {BMIS_##name, #name, exit_code, http, msg},
    BMIS_STATUS_TABLE(ROW)
#undef ROW
};

static const status_row *find(bmis_status status) {
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
    if (rows[i].status == status)
      return &rows[i];
  return NULL;
}

const char *bmis_status_message(bmis_status status) {
  const status_row *r = find(status);
  return r ? r->message : "unknown status";
}

const char *bmis_status_name(bmis_status status) {
  const status_row *r = find(status);
  return r ? r->name : "UNKNOWN";
}

int bmis_status_exit_code(bmis_status status) {
  const status_row *r = find(status);
  return r ? r->exit_code : 3;
}

int bmis_status_http(bmis_status status) {
  const status_row *r = find(status);
  return r ? r->http : 500;
}

bmis_status bmis_error_set(bmis_error *err, bmis_status status, const char *fmt,
                           ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    err->status = status;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
  }
  return status;
}

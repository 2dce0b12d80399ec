/* Result codes shared by every OpenBMIS function.
 *
 * Codes are generated from the single table below. They are append-only:
 * never renumber or reuse a code. The table also carries the one mapping from
 * a status to a CLI exit status and an HTTP status. */
#ifndef BMIS_STATUS_H
#define BMIS_STATUS_H

#include "bmis/export.h"

#include <stddef.h>

/* X(NAME, number, cli_exit, http, "message") */
#define BMIS_STATUS_TABLE(X)                                                   \
  X(OK, 0, 0, 200, "success")                                                  \
  X(E_INVALID_ARG, 1, 2, 400, "invalid argument")                              \
  X(E_NOMEM, 2, 3, 503, "out of memory")                                       \
  X(E_TOO_LARGE, 3, 2, 413, "input exceeds its size limit")                    \
  X(E_IO, 4, 2, 500, "input/output error")                                     \
  X(E_PARSE, 5, 2, 400, "malformed input")                                     \
  X(E_NOT_FOUND, 6, 1, 404, "not found")                                       \
  X(E_UNSUPPORTED, 7, 2, 422, "not supported")                                 \
  X(E_INTERNAL, 8, 3, 500, "internal error")                                   \
  X(E_BUFFER_SMALL, 9, 3, 500, "output buffer too small")                      \
  X(E_CONFLICT, 10, 1, 409, "conflicts with a stored record")                  \
  X(E_STORE, 11, 3, 503, "storage error")                                      \
  X(E_RULE, 12, 1, 422, "not allowed by a rule")                               \
  X(E_SCHEMA, 13, 3, 500, "store schema newer than this program")              \
  X(E_AUTH, 14, 1, 401, "wrong credentials, or no valid session")              \
  X(E_FORBIDDEN, 15, 1, 403, "not allowed to this account's role")             \
  X(E_THROTTLED, 16, 1, 429, "too many attempts: wait before trying again")    \
  X(E_SAFEGUARD, 17, 1, 422, "not allowed: a protection safeguard applies")    \
  X(E_FRAMING, 18, 2, 400, "a request framed in a way not accepted")           \
  X(E_METHOD, 19, 2, 405, "method not allowed on this resource")               \
  X(E_UNAVAILABLE, 20, 3, 503, "unavailable now: try again shortly")           \
  X(E_TIMEOUT, 21, 3, 408, "the request took too long to arrive")

typedef enum bmis_status {
#define BMIS__STATUS_ENUM(name, num, exit_code, http, msg) BMIS_##name = num,
  BMIS_STATUS_TABLE(BMIS__STATUS_ENUM)
#undef BMIS__STATUS_ENUM
} bmis_status;

/* A status with a human message, filled by functions that can fail for a
 * reason worth explaining ("--birth: month 13 is not a month"). Callers own
 * the struct (usually on the stack); pass NULL when the message is not
 * wanted. */
typedef struct bmis_error {
  bmis_status status;
  char message[256];
} bmis_error;

/* Static English description of a status ("invalid argument"). Never NULL. */
BMIS_API const char *bmis_status_message(bmis_status status);

/* Stable name of a status ("E_INVALID_ARG"). Never NULL. */
BMIS_API const char *bmis_status_name(bmis_status status);

/* Process exit status the `bmis` command uses for a status. */
BMIS_API int bmis_status_exit_code(bmis_status status);

/* HTTP status the server answers with for a status. */
BMIS_API int bmis_status_http(bmis_status status);

/* Sets err->status and formats err->message (printf-style). Accepts a NULL
 * err and does nothing then. Returns status, so a caller can write
 * `return bmis_error_set(err, BMIS_E_INVALID_ARG, "…");`. */
BMIS_API bmis_status bmis_error_set(bmis_error *err, bmis_status status,
                                    const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif

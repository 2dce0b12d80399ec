/* Internal to src/server: what a handler receives and returns. */
#ifndef BMIS_SERVER_HTTP_H
#define BMIS_SERVER_HTTP_H

#include "server.h"

#include <jansson.h>
#include <stddef.h>

typedef struct srv_request {
  const srv *server;
  const char *method;
  const char *path; /* without the query string */
  const char *body; /* NUL-terminated; "" when none */
  size_t body_len;
} srv_request;

typedef struct srv_reply {
  unsigned status; /* HTTP status */
  json_t *json;    /* the body; the server frees it */
} srv_reply;

/* A JSON error body: {"error": {"code": CODE, "message": MESSAGE}}. */
void srv_reply_error(srv_reply *rp, unsigned status, const char *code,
                     const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The same from a library status (its HTTP code and stable name). */
void srv_reply_status(srv_reply *rp, const bmis_error *err);

typedef void (*srv_handler)(const srv_request *rq, srv_reply *rp);

#endif

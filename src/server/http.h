/* Internal to src/server: what a handler receives and returns. */
#ifndef BMIS_SERVER_HTTP_H
#define BMIS_SERVER_HTTP_H

#include "server.h"

#include "bmis/account.h"
#include "bmis/audit.h"
#include "bmis/inspect.h"
#include "bmis/register.h"
#include "bmis/screen.h"
#include "bmis/store.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct srv_request {
  const srv *server;
  const char *method;
  const char *path; /* without the query string */
  const char *body; /* NUL-terminated; "" when none */
  size_t body_len;
  bmis_store *store;           /* this worker thread's handle */
  const bmis_session *session; /* NULL on public routes */
  const char *token;           /* the session token presented, or NULL */
  const char *client;          /* the client's address (client_addr.c) */
  const char *params[2];       /* the path's {parameters}, in order */
  bmis_actor actor;            /* who, as the audit log names them */
  void *conn;                  /* for srv_query */
} srv_request;

typedef struct srv_reply {
  unsigned status;  /* HTTP status */
  json_t *json;     /* the body; the server frees it */
  char cookie[256]; /* a Set-Cookie value, or "" */
  char *raw;        /* instead of json: JSON text made by the library
                       (the server frees it with bmis_free) */
  char *html;       /* instead of json: an HTML document made by the
                       library (the server frees it with bmis_free) */
} srv_reply;

/* A query-string argument of the request, or NULL. */
const char *srv_query(const srv_request *rq, const char *name);

/* The screening index in use, held until srv_index_release (a reload
 * waits for the requests holding the old one). */
const bmis_screen_index *srv_index_acquire(const srv *s);
void srv_index_release(const srv *s);

/* A traveller and a movement in their one JSON form (bmis/wire.h: the CLI
 * writes the same; null when out of memory); the change an actor makes
 * now, with its reason. */
json_t *srv_traveller_json(const bmis_traveller *t);
json_t *srv_movement_json(const bmis_movement *m);
/* srv_change fills *out; a reason that is too long (over 512 bytes), not
 * UTF-8 or holds control characters other than line breaks is refused with
 * 400 in rp, never cut (issue 12, defect 4): false then. */
bool srv_change(const srv_request *rq, const char *reason, bmis_change *out,
                srv_reply *rp);

/* An audit entry of the API channel: actor a did action on record, with
 * this outcome ("ok" or a status name). */
void srv_audit_entry(const bmis_actor *a, const char *action,
                     const char *record, const char *outcome,
                     bmis_audit_entry *e);

/* Appends an audit entry for the request's actor: action on record, with
 * the outcome "ok". false with a 503 reply when the log cannot be written
 * (then the data must not be given out). */
bool srv_audit(const srv_request *rq, srv_reply *rp, const char *action,
               const char *record);

/* The console's session cookie (HttpOnly, SameSite=Strict), and the value
 * a cookie-authenticated write must carry in X-CSRF-Token: derived from
 * the session's token (hex SHA-256 of "csrf:" TOKEN), given to the console
 * at login, never stored. A bearer client needs none (a browser does not
 * add an Authorization header by itself). */
#define SRV_SESSION_COOKIE "bmis_session"
void srv_csrf_token(const char *session_token, char out[65]);

/* The length of the longest prefix of s[0..len) that is well-formed
 * UTF-8 (len when all of it is): a cut at a whole character. */
size_t srv_utf8_valid_prefix(const char *s, size_t len);

/* Cuts NUL-terminated s before its first ill-formed UTF-8 sequence (a
 * character that a capped copy cut in two). */
void srv_utf8_trim(char *s);

/* Every error is answered here: a JSON body {"error": {"code": CODE,
 * "message": MESSAGE}} with the HTTP status and CODE of status in the
 * status table (bmis/status.h: add a status there, append-only, rather
 * than write an HTTP code by hand). The message may quote client text:
 * bytes that are not UTF-8 become '?', so an answer is always made. */
void srv_fail(srv_reply *rp, bmis_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The same from a library error (its status and message). */
void srv_reply_status(srv_reply *rp, const bmis_error *err);

typedef void (*srv_handler)(const srv_request *rq, srv_reply *rp);

/* A request's JSON body as an object whose members are all among allowed
 * (NULL-terminated); false with a 400 reply naming what is wrong (where
 * the JSON breaks, a member that is not known). The caller decrefs *out. */
bool srv_json_object(const srv_request *rq, srv_reply *rp,
                     const char *const *allowed, json_t **out);

/* Member name of o as a string: *out is NULL when absent; false with a 400
 * reply when present but not a string, or required and absent. */
bool srv_json_string(json_t *o, const char *name, bool required, srv_reply *rp,
                     const char **out);

/* The body of a deciding route, {"decision": string, "reason": string},
 * both required and nothing else; false with a 400 reply naming what is
 * wrong. The caller decrefs *in when true. */
bool srv_json_decision(const srv_request *rq, srv_reply *rp, json_t **in,
                       const char **decision, const char **reason);

#endif

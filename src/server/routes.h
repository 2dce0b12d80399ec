/* Internal to src/server: the routing table. Every route, the roles
 * allowed on it, its handler and its documentation are declared once, in
 * routes.def; the handlers' prototypes (below), the table (routes.c) and
 * the OpenAPI document (api_openapi.c) are made from it, and a test calls
 * every route in it. */
#ifndef BMIS_SERVER_ROUTES_H
#define BMIS_SERVER_ROUTES_H

#include "http.h"

#include <stdbool.h>
#include <stddef.h>

/* Who may call a route. SRV_PUBLIC: anyone, without a session. */
enum {
  SRV_PUBLIC = 0,
  SRV_OFFICER = 1u << 0,
  SRV_SUPERVISOR = 1u << 1,
  SRV_ANALYST = 1u << 2,
  SRV_ADMINISTRATOR = 1u << 3,
};
#define SRV_ANY_ROLE                                                           \
  (SRV_OFFICER | SRV_SUPERVISOR | SRV_ANALYST | SRV_ADMINISTRATOR)
/* Those who work with travellers' personal data. */
#define SRV_DESK (SRV_OFFICER | SRV_SUPERVISOR)

/* The handlers, one prototype each (defined in the api_*.c files). */
#define ROUTE(method, path, roles, handler, summary, response)                 \
  void handler(const srv_request *rq, srv_reply *rp);
#include "routes.def"
#undef ROUTE

typedef struct srv_route {
  const char *method; /* "GET", "POST", ... */
  const char *path;   /* e.g. "/api/health"; a segment "{name}" matches
                         any one segment and is passed to the handler */
  unsigned roles;     /* SRV_PUBLIC, or the roles allowed */
  srv_handler handler;
  const char *summary;  /* one line, for the OpenAPI document */
  const char *response; /* what a 200 answer holds, in a sentence */
} srv_route;

extern const srv_route srv_routes[];
extern const size_t srv_route_count;

/* The route for method and path; NULL when none, and then *path_known says
 * whether another method has the path (405 rather than 404). */
const srv_route *srv_route_find(const char *method, const char *path,
                                bool *path_known, const char *params[2],
                                char storage[2][128]);

/* The methods a path allows, comma-separated ("GET, POST"), for Allow. */
void srv_route_allow(const char *path, char *out, size_t cap);

#endif

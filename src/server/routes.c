/* The routing table (see routes.h). Handlers live one file per resource
 * (api_*.c). */
#include "routes.h"

#include <stdio.h>
#include <string.h>

void api_health(const srv_request *rq, srv_reply *rp);
void api_openapi(const srv_request *rq, srv_reply *rp);
void api_login(const srv_request *rq, srv_reply *rp);
void api_logout(const srv_request *rq, srv_reply *rp);
void api_session(const srv_request *rq, srv_reply *rp);
void api_accounts(const srv_request *rq, srv_reply *rp);

#define SRV_ANY_ROLE                                                           \
  (SRV_OFFICER | SRV_SUPERVISOR | SRV_ANALYST | SRV_ADMINISTRATOR)

const srv_route srv_routes[] = {
    {"GET", "/api/health", SRV_PUBLIC, api_health,
     "Whether the server is up, and the kind of store it serves",
     "{\"status\": \"ok\", \"version\": string, \"store\": string}"},
    {"GET", "/api/openapi.json", SRV_PUBLIC, api_openapi,
     "This API described as OpenAPI 3.0", "the OpenAPI document"},
    {"POST", "/api/login", SRV_PUBLIC, api_login,
     "Log in: {username, password, bcp?, desk?} gives a bearer token",
     "{\"token\", \"expires_at\", \"username\", \"role\", \"bcp\", "
     "\"desk\"}"},
    {"POST", "/api/logout", SRV_ANY_ROLE, api_logout,
     "End the session of the token presented", "{\"status\": \"ended\"}"},
    {"GET", "/api/session", SRV_ANY_ROLE, api_session,
     "The session of the token presented: who, role, where",
     "{\"username\", \"role\", \"bcp\", \"desk\", \"expires_at\"}"},
    {"GET", "/api/accounts", SRV_ADMINISTRATOR, api_accounts,
     "Every account: username, name, role, disabled, default crossing point",
     "{\"accounts\": [{\"username\", \"name\", \"role\", \"disabled\", "
     "\"default_bcp\", \"created_at\", \"updated_at\"}]}"},
};
const size_t srv_route_count = sizeof srv_routes / sizeof srv_routes[0];

const srv_route *srv_route_find(const char *method, const char *path,
                                bool *path_known) {
  *path_known = false;
  for (size_t i = 0; i < srv_route_count; i++) {
    if (strcmp(srv_routes[i].path, path) != 0)
      continue;
    *path_known = true;
    if (strcmp(srv_routes[i].method, method) == 0)
      return &srv_routes[i];
  }
  return NULL;
}

void srv_route_allow(const char *path, char *out, size_t cap) {
  size_t n = 0;
  out[0] = 0;
  for (size_t i = 0; i < srv_route_count; i++) {
    if (strcmp(srv_routes[i].path, path) != 0)
      continue;
    int w =
        snprintf(out + n, cap - n, "%s%s", n ? ", " : "", srv_routes[i].method);
    if (w < 0 || (size_t)w >= cap - n)
      return;
    n += (size_t)w;
  }
}

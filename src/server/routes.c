/* The routing table, made from routes.def (see routes.h). Handlers live
 * one file per resource (api_*.c). */
#include "routes.h"

#include <stdio.h>
#include <string.h>

const srv_route srv_routes[] = {
#define ROUTE(method, path, roles, handler, summary, response)                 \
  {method, path, roles, handler, summary, response},
#include "routes.def"
#undef ROUTE
};
const size_t srv_route_count = sizeof srv_routes / sizeof srv_routes[0];

/* Whether path matches pattern; the {parameters} go to storage. */
static bool match(const char *pattern, const char *path, const char *params[2],
                  char storage[2][128]) {
  int n = 0;
  while (*pattern && *path) {
    if (*pattern == '{') {
      const char *pe = strchr(pattern, '}');
      size_t len = strcspn(path, "/");
      if (!pe || len == 0 || len >= 128 || n >= 2)
        return false;
      memcpy(storage[n], path, len);
      storage[n][len] = 0;
      params[n] = storage[n];
      n++;
      pattern = pe + 1;
      path += len;
      continue;
    }
    if (*pattern++ != *path++)
      return false;
  }
  return !*pattern && !*path;
}

const srv_route *srv_route_find(const char *method, const char *path,
                                bool *path_known, const char *params[2],
                                char storage[2][128]) {
  *path_known = false;
  params[0] = params[1] = NULL;
  for (size_t i = 0; i < srv_route_count; i++) {
    if (!match(srv_routes[i].path, path, params, storage))
      continue;
    *path_known = true;
    if (strcmp(srv_routes[i].method, method) == 0)
      return &srv_routes[i];
  }
  return NULL;
}

void srv_route_allow(const char *path, char *out, size_t cap) {
  size_t n = 0;
  const char *params[2];
  char storage[2][128];
  out[0] = 0;
  for (size_t i = 0; i < srv_route_count; i++) {
    if (!match(srv_routes[i].path, path, params, storage))
      continue;
    int w =
        snprintf(out + n, cap - n, "%s%s", n ? ", " : "", srv_routes[i].method);
    if (w < 0 || (size_t)w >= cap - n)
      return;
    n += (size_t)w;
  }
}

/* Fuzz target for the router (src/server/routes.c, its table made from
 * routes.def).
 *
 * An input is a method, a newline, then a path: the bytes up to the first
 * newline are the method (all of them when there is none, the path then
 * empty), the rest the path, cut at a NUL as libmicrohttpd hands it over.
 * The path goes to the router twice: as it is, and percent-decoded in place
 * by libmicrohttpd's own MHD_http_unescape, as the server receives it.
 *
 * Besides memory errors, the target aborts when an answer breaks a promise
 * of routes.h: a route found is one of the table's, of the method asked,
 * and its pattern with the {parameters} found put back is the path, each
 * parameter one whole, non-empty segment of under 128 bytes; a path no
 * route has is neither "known" (405) nor given an Allow; a known path's
 * Allow names the methods of the table that match it, and the Allow list
 * stays within any buffer, however small, and is terminated. */
#include "fuzz_target.h"

#include "routes.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void require(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_route: broken invariant: %s\n", what);
    abort();
  }
}

/* The path made of route's pattern with params put back. */
static void rebuild(const char *pattern, const char *const params[2], char *out,
                    size_t cap) {
  size_t n = 0;
  int i = 0;
  for (const char *p = pattern; *p && n + 1 < cap;) {
    if (*p == '{') {
      require(i < 2 && params[i] != NULL, "a {parameter} was not found");
      int w = snprintf(out + n, cap - n, "%s", params[i++]);
      n += (size_t)w < cap - n ? (size_t)w : cap - n - 1;
      p = strchr(p, '}');
      require(p != NULL, "a pattern has an unclosed {");
      p++;
      continue;
    }
    out[n++] = *p++;
  }
  out[n] = 0;
  require(i == 2 || params[i] == NULL, "more parameters than the pattern has");
}

static void route_one(const char *method, const char *path) {
  bool known = true;
  const char *params[2] = {"x", "y"};
  char storage[2][128];
  memset(storage, 'Z', sizeof storage);
  const srv_route *r = srv_route_find(method, path, &known, params, storage);
  char allow[64];
  srv_route_allow(path, allow, sizeof allow);
  require(memchr(allow, 0, sizeof allow) != NULL, "Allow not terminated");
  if (!r && !known) {
    require(allow[0] == 0, "an Allow for a path no route has");
    return;
  }
  require(known, "a route found for a path said to be unknown");
  require(allow[0] != 0, "no Allow for a known path");
  if (!r)
    return;
  require(r >= srv_routes && r < srv_routes + srv_route_count,
          "a route not in the table");
  require(strcmp(r->method, method) == 0, "a route of another method");
  require(strstr(allow, r->method) != NULL, "Allow leaves out the route's");
  for (int i = 0; i < 2 && params[i]; i++) {
    size_t len = strlen(params[i]);
    require(len > 0 && len < 128, "a parameter empty or too long");
    require(strchr(params[i], '/') == NULL, "a parameter holds a '/'");
  }
  char back[1024];
  rebuild(r->path, params, back, sizeof back);
  require(strlen(path) >= sizeof back - 1 || strcmp(back, path) == 0,
          "the pattern with its parameters is not the path");
  /* the Allow list cut to any size stays terminated within it */
  for (size_t cap = 1; cap < 16; cap++) {
    char small[16];
    memset(small, 'Z', sizeof small);
    srv_route_allow(path, small, cap);
    require(memchr(small, 0, cap) != NULL, "a cut Allow not terminated");
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *nl = memchr(data, '\n', size);
  size_t mlen = nl ? (size_t)(nl - data) : size;
  size_t plen = nl ? size - mlen - 1 : 0;
  char *method = malloc(mlen + 1);
  char *path = malloc(plen + 1);
  if (!method || !path) {
    free(method);
    free(path);
    return 0;
  }
  memcpy(method, data, mlen);
  method[mlen] = 0;
  if (plen)
    memcpy(path, nl + 1, plen);
  path[plen] = 0;
  route_one(method, path);
  MHD_http_unescape(path); /* as the server receives it */
  route_one(method, path);
  free(method);
  free(path);
  return 0;
}

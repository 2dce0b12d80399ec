/* GET /api/openapi.json: the API as OpenAPI 3.0, made from the routing
 * table, so that what is documented is what exists. */
#include "routes.h"

#include "bmis/version.h"

#include <stdio.h>
#include <string.h>

static json_t *error_response(const char *what) {
  return json_pack("{s:s, s:{s:{s:{s:s}}}}", "description", what, "content",
                   "application/json", "schema", "$ref",
                   "#/components/schemas/Error");
}

void api_openapi(const srv_request *rq, srv_reply *rp) {
  (void)rq;
  json_t *paths = json_object();
  for (size_t i = 0; i < srv_route_count; i++) {
    const srv_route *r = &srv_routes[i];
    json_t *item = json_object_get(paths, r->path);
    if (!item) {
      item = json_object();
      json_object_set_new(paths, r->path, item);
    }
    char method[8];
    size_t n = 0;
    for (; r->method[n] && n + 1 < sizeof method; n++)
      method[n] = (char)(r->method[n] | 0x20); /* OpenAPI: lower case */
    method[n] = 0;
    json_t *roles = json_array();
    static const char *names[] = {"officer", "supervisor", "analyst",
                                  "administrator"};
    for (unsigned b = 0; b < 4; b++)
      if (r->roles & (1u << b))
        json_array_append_new(roles, json_string(names[b]));
    char id[160];
    snprintf(id, sizeof id, "%s %s", method, r->path);
    json_t *op = json_pack("{s:s, s:s, s:o, s:{s:{s:s}, s:o, s:o}}", "summary",
                           r->summary, "operationId", id, "x-roles", roles,
                           "responses", "200", "description", r->response,
                           "400", error_response("malformed request"), "500",
                           error_response("the server could not answer"));
    /* each {name} segment is a required path parameter */
    json_t *params = json_array();
    for (const char *p = strchr(r->path, '{'); p; p = strchr(p + 1, '{')) {
      const char *e = strchr(p, '}');
      if (!e)
        break;
      json_array_append_new(
          params, json_pack("{s:s#, s:s, s:b, s:{s:s}}", "name", p + 1,
                            (size_t)(e - p - 1), "in", "path", "required", 1,
                            "schema", "type", "string"));
    }
    if (json_array_size(params))
      json_object_set_new(op, "parameters", params);
    else
      json_decref(params);
    json_object_set_new(item, method, op);
  }
  json_t *error =
      json_pack("{s:s, s:[s], s:{s:{s:s, s:[s,s], s:{s:{s:s}, s:{s:s}}}}}",
                "type", "object", "required", "error", "properties", "error",
                "type", "object", "required", "code", "message", "properties",
                "code", "type", "string", "message", "type", "string");
  rp->status = 200;
  rp->json =
      json_pack("{s:s, s:{s:s, s:s}, s:o, s:{s:{s:o}}}", "openapi", "3.0.3",
                "info", "title", "OpenBMIS", "version", bmis_version(), "paths",
                paths, "components", "schemas", "Error", error);
}

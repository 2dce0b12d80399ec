/* A past version of a movement (bmis_movement_history) as the front ends
 * show it: one encoder for the CLI and the API, whose forms differ only in
 * how "at" is written (RFC 3339 text in `bmis movement show --json`, Unix
 * seconds in GET /api/movements/{id}: docs/API.md), and its decoder, which
 * reads either. */
#include "bmis/time.h"
#include "bmis/wire.h"

#include <stdio.h>
#include <string.h>

json_t *bmis_wire_movement_version(const bmis_movement_version *v,
                                   bmis_wire_time at) {
  char text[21];
  json_t *when = at == BMIS_WIRE_TIME_UNIX
                     ? json_integer((json_int_t)v->at)
                     : json_string(bmis_time_format(v->at, text));
  return json_pack("{s:i, s:s, s:s, s:s, s:o, s:o}", "version", v->version,
                   "kind", v->kind, "by", v->by, "reason", v->reason, "at",
                   when, "before", bmis_wire_movement(&v->before));
}

static bmis_status text(const json_t *j, const char *name, char *out,
                        size_t cap, bmis_error *err) {
  const json_t *v = json_object_get(j, name);
  if (!json_is_string(v))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "version.%s: must be a string", name);
  if (json_string_length(v) >= cap ||
      strlen(json_string_value(v)) != json_string_length(v))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "version.%s: longer than %zu bytes or holds a NUL",
                          name, cap - 1);
  snprintf(out, cap, "%s", json_string_value(v));
  return BMIS_OK;
}

bmis_status bmis_wire_movement_version_decode(const json_t *j,
                                              bmis_movement_version *out,
                                              bmis_error *err) {
  memset(out, 0, sizeof *out);
  if (!json_is_object(j))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "version: must be an object");
  const json_t *n = json_object_get(j, "version");
  if (!json_is_integer(n) || json_integer_value(n) < 1 ||
      json_integer_value(n) > 1000000)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "version.version: must be a whole number from 1");
  out->version = (int)json_integer_value(n);
  bmis_status st = text(j, "kind", out->kind, sizeof out->kind, err);
  if (st == BMIS_OK)
    st = text(j, "by", out->by, sizeof out->by, err);
  if (st == BMIS_OK)
    st = text(j, "reason", out->reason, sizeof out->reason, err);
  if (st != BMIS_OK)
    return st;
  const json_t *at = json_object_get(j, "at");
  bmis_error e;
  if (json_is_integer(at))
    out->at = (int64_t)json_integer_value(at);
  else if (!json_is_string(at) ||
           bmis_time_parse(json_string_value(at), &out->at, &e) != BMIS_OK)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "version.at: not an instant (RFC 3339 text or Unix "
                          "seconds)");
  const json_t *before = json_object_get(j, "before");
  if (!json_is_object(before))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "version.before: must be a movement object");
  st = bmis_wire_movement_decode(before, &out->before, err);
  if (st != BMIS_OK && err) {
    char msg[sizeof err->message];
    snprintf(msg, sizeof msg, "%s", err->message);
    bmis_error_set(err, st, "version.before.%s", msg);
  }
  return st;
}

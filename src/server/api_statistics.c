/* GET /api/statistics/movements: counts only, never a person (the route
 * analysts use). */
#include "routes.h"

#include <stdio.h>
#include <string.h>

typedef struct tally {
  json_int_t total;
  json_t *by_direction, *by_decision, *by_nationality;
} tally;

static void bump(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key[0] ? key : "unknown");
  json_object_set_new(o, key[0] ? key : "unknown",
                      json_integer(v ? json_integer_value(v) + 1 : 1));
}

static int count(const bmis_movement *m, void *ctx) {
  tally *t = ctx;
  t->total++;
  bump(t->by_direction, bmis_code_name(BMIS_LIST_DIRECTION, m->direction));
  bump(t->by_decision, bmis_code_name(BMIS_LIST_DECISION, m->decision));
  bump(t->by_nationality, m->nationality);
  return 0;
}

void api_statistics(const srv_request *rq, srv_reply *rp) {
  bmis_movement_filter f;
  memset(&f, 0, sizeof f);
  bmis_error err;
  const char *from = srv_query(rq, "from"), *to = srv_query(rq, "to");
  if (!from || !to || bmis_date_parse_iso(from, &f.from, &err) != BMIS_OK ||
      bmis_date_parse_iso(to, &f.to, &err) != BMIS_OK ||
      !bmis_date_is_valid(f.from) || !bmis_date_is_valid(f.to)) {
    srv_fail(rp, BMIS_E_INVALID_ARG,
             "from, to: give ?from=YYYY-MM-DD&to=YYYY-MM-DD");
    return;
  }
  tally t = {0, json_object(), json_object(), json_object()};
  if (bmis_movement_list(rq->store, &f, count, &t, &err) != BMIS_OK) {
    json_decref(t.by_direction);
    json_decref(t.by_decision);
    json_decref(t.by_nationality);
    srv_reply_status(rp, &err);
    return;
  }
  rp->status = 200;
  rp->json =
      json_pack("{s:s, s:s, s:I, s:o, s:o, s:o}", "from", from, "to", to,
                "total", t.total, "by_direction", t.by_direction, "by_decision",
                t.by_decision, "by_nationality", t.by_nationality);
}

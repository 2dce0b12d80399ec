/* What supervisors correct in the register: GET /api/movements/{id} (with
 * its history), POST /api/movements/{id}/correct and /void, and the
 * identity-review list (GET /api/identity-links, POST
 * /api/identity-links/{id}). */
#include "routes.h"

#include "bmis/wire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int add_version(const bmis_movement_version *v, void *ctx) {
  json_array_append_new(ctx,
                        bmis_wire_movement_version(v, BMIS_WIRE_TIME_UNIX));
  return 0;
}

/* The movement the library handed out (its access audited there), with
 * its history. */
static void reply_movement(const srv_request *rq, srv_reply *rp,
                           const bmis_movement *m) {
  bmis_error err;
  json_t *history = json_array();
  if (bmis_movement_history(rq->store, m->id, add_version, history, &err) !=
      BMIS_OK) {
    json_decref(history);
    srv_reply_status(rp, &err);
    return;
  }
  rp->json = json_pack("{s:o, s:o}", "movement", srv_movement_json(m),
                       "history", history);
  rp->status = 200;
}

void api_movement_get(const srv_request *rq, srv_reply *rp) {
  bmis_movement m;
  bmis_error err;
  if (bmis_inspection_movement_get(rq->store, &rq->actor, (int64_t)time(NULL),
                                   rq->params[0], &m, &err) != BMIS_OK)
    srv_reply_status(rp, &err);
  else
    reply_movement(rq, rp, &m);
}

/* {"reason": "…", "movement": {members to change}} */
void api_movement_correct(const srv_request *rq, srv_reply *rp) {
  static const char *const allowed[] = {"reason", "movement", NULL};
  json_t *in;
  const char *reason;
  if (!srv_json_object(rq, rp, allowed, &in))
    return;
  json_t *changes = json_object_get(in, "movement");
  if (srv_json_string(in, "reason", true, rp, &reason)) {
    bmis_movement m;
    bmis_change ch;
    bmis_error err;
    bool fine = srv_change(rq, reason, &ch, rp);
    char *text = json_is_object(changes) ? json_dumps(changes, 0) : NULL;
    if (!fine) {
      /* answered */
    } else if (!text) {
      srv_fail(rp, BMIS_E_INVALID_ARG,
               "movement: the members to change, as an object");
    } else if (bmis_movement_get(rq->store, rq->params[0], &m, &err) !=
                   BMIS_OK ||
               bmis_movement_from_json(text, strlen(text), &m, &err) !=
                   BMIS_OK ||
               strcmp(m.id, rq->params[0]) != 0) {
      if (m.id[0] && strcmp(m.id, rq->params[0]) != 0)
        srv_fail(rp, BMIS_E_INVALID_ARG,
                 "movement.id: a correction cannot change the id");
      else
        srv_reply_status(rp, &err);
    } else if (bmis_inspection_correct(rq->store, &rq->actor,
                                       (int64_t)time(NULL), &m, &ch, &m,
                                       &err) != BMIS_OK) {
      srv_reply_status(rp, &err);
    } else {
      reply_movement(rq, rp, &m);
    }
    free(text);
  }
  json_decref(in);
}

void api_movement_void(const srv_request *rq, srv_reply *rp) {
  static const char *const allowed[] = {"reason", NULL};
  json_t *in;
  const char *reason;
  if (!srv_json_object(rq, rp, allowed, &in))
    return;
  if (srv_json_string(in, "reason", true, rp, &reason)) {
    bmis_change ch;
    bmis_error err;
    bmis_movement m;
    if (!srv_change(rq, reason, &ch, rp))
      ; /* answered */
    else if (bmis_inspection_movement_void(rq->store, &rq->actor,
                                           (int64_t)time(NULL), rq->params[0],
                                           &ch, &m, &err) != BMIS_OK)
      srv_reply_status(rp, &err);
    else
      reply_movement(rq, rp, &m);
  }
  json_decref(in);
}

typedef struct links {
  bmis_store *store;
  json_t *list;
} links;

static int add_link(const bmis_identity_link *l, void *ctx) {
  links *k = ctx;
  bmis_traveller t, c;
  bmis_error err;
  bool has_t =
           bmis_traveller_get(k->store, l->traveller_id, &t, &err) == BMIS_OK,
       has_c =
           bmis_traveller_get(k->store, l->candidate_id, &c, &err) == BMIS_OK;
  json_array_append_new(
      k->list, bmis_wire_identity_link(l, BMIS_WIRE_LINK_TRAVELLERS,
                                       has_t ? &t : NULL, has_c ? &c : NULL));
  return 0;
}

void api_identity_links(const srv_request *rq, srv_reply *rp) {
  const char *st = srv_query(rq, "status");
  bmis_link_status status = BMIS_LINK_PENDING;
  if (st && strcmp(st, "all") == 0)
    status = 0;
  else if (st && strcmp(st, "pending") != 0) {
    srv_fail(rp, BMIS_E_INVALID_ARG, "status: pending or all");
    return;
  }
  links k = {rq->store, json_array()};
  bmis_error err;
  if (bmis_link_list(rq->store, &rq->actor, (int64_t)time(NULL), status,
                     add_link, &k, &err) != BMIS_OK) {
    json_decref(k.list);
    srv_reply_status(rp, &err);
    return;
  }
  rp->json = json_pack("{s:o}", "links", k.list);
  rp->status = 200;
}

void api_identity_decide(const srv_request *rq, srv_reply *rp) {
  json_t *in;
  const char *decision, *reason;
  if (!srv_json_decision(rq, rp, &in, &decision, &reason))
    return;
  bmis_link_status status =
      strcmp(decision, "confirm") == 0  ? BMIS_LINK_CONFIRMED
      : strcmp(decision, "reject") == 0 ? BMIS_LINK_REJECTED
                                        : 0;
  bmis_change ch;
  bmis_error err;
  bmis_identity_link l;
  bool fine = srv_change(rq, reason, &ch, rp);
  if (!fine)
    ; /* answered */
  else if (!status)
    srv_fail(rp, BMIS_E_INVALID_ARG, "decision: must be confirm or reject");
  else if (bmis_link_decide(rq->store, &rq->actor, (int64_t)time(NULL),
                            rq->params[0], status, &ch, &err) != BMIS_OK ||
           bmis_link_get(rq->store, rq->params[0], &l, &err) != BMIS_OK)
    srv_reply_status(rp, &err);
  else {
    links k = {rq->store, json_array()};
    add_link(&l, &k);
    rp->json = json_incref(json_array_get(k.list, 0));
    json_decref(k.list);
    rp->status = 200;
  }
  json_decref(in);
}

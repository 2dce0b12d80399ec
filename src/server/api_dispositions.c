/* The second person's queue: GET /api/dispositions?status=pending (the
 * dismissals awaiting a supervisor) and POST /api/dispositions/{id}/review
 * ({decision: confirm|reject, reason}). Decode, one library call
 * (bmis_disposition_queue, bmis_disposition_review: the rules and the audit
 * entry of the review live there), encode. */
#include "routes.h"

#include "bmis/wire.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int add_disposition(const bmis_hit_disposition *d, void *ctx) {
  json_array_append_new(ctx, bmis_wire_disposition(d));
  return 0;
}

void api_dispositions(const srv_request *rq, srv_reply *rp) {
  const char *st = srv_query(rq, "status");
  bmis_review review = st ? bmis_review_parse(st) : BMIS_REVIEW_PENDING;
  if (!review) {
    srv_fail(rp, BMIS_E_INVALID_ARG, "status: pending, confirmed or rejected");
    return;
  }
  json_t *list = json_array();
  bmis_error err;
  if (bmis_disposition_queue(rq->store, review, &rq->actor, (int64_t)time(NULL),
                             add_disposition, list, &err) != BMIS_OK) {
    json_decref(list);
    srv_reply_status(rp, &err);
    return;
  }
  rp->json = json_pack("{s:o}", "dispositions", list);
  rp->status = 200;
}

void api_disposition_review(const srv_request *rq, srv_reply *rp) {
  json_t *in;
  const char *decision, *reason;
  if (!srv_json_decision(rq, rp, &in, &decision, &reason))
    return;
  bmis_review review = strcmp(decision, "confirm") == 0  ? BMIS_REVIEW_CONFIRMED
                       : strcmp(decision, "reject") == 0 ? BMIS_REVIEW_REJECTED
                                                         : BMIS_REVIEW_NONE;
  bmis_hit_disposition d;
  bmis_error err;
  if (!review)
    srv_fail(rp, BMIS_E_INVALID_ARG, "decision: must be confirm or reject");
  else if (bmis_disposition_review(rq->store, rq->params[0], review, reason,
                                   &rq->actor, (int64_t)time(NULL), &d,
                                   &err) != BMIS_OK)
    srv_reply_status(rp, &err);
  else {
    rp->status = 200;
    rp->json = bmis_wire_disposition(&d);
  }
  json_decref(in);
}

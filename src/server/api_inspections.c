/* Primary inspection: POST /api/inspections, GET /api/inspections/{id},
 * POST /api/inspections/{id}/hits/{index}, POST
 * /api/inspections/{id}/protection, POST /api/inspections/{id}/decision,
 * and the refusal notice. Decode, read the clock, one library call
 * (bmis/inspect.h, where the safeguards live), encode. */
#include "routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void api_inspection_create(const srv_request *rq, srv_reply *rp) {
  bmis_inspection_request in;
  bmis_error err;
  char id[BMIS_ID_SIZE];
  char *json = NULL;
  if (bmis_inspection_request_from_json(rq->body, rq->body_len, &in, &err) !=
      BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  const bmis_screen_index *ix = srv_index_acquire(rq->server);
  bmis_status st = bmis_inspect(rq->store, ix, &in, &rq->actor,
                                (int64_t)time(NULL), id, &json, &err);
  srv_index_release(rq->server);
  if (st != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  rp->status = 201;
  rp->raw = json;
}

void api_inspection_get(const srv_request *rq, srv_reply *rp) {
  bmis_error err;
  bmis_inspection in;
  if (bmis_inspection_read(rq->store, rq->params[0], &rq->actor,
                           (int64_t)time(NULL), &in, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  char *json = bmis_inspection_to_json(&in, true);
  bmis_inspection_fini(&in);
  if (!json) {
    srv_fail(rp, BMIS_E_NOMEM, "out of memory");
    return;
  }
  rp->status = 200;
  rp->raw = json;
}

void api_inspection_hit(const srv_request *rq, srv_reply *rp) {
  json_t *in;
  const char *decision, *reason;
  if (!srv_json_decision(rq, rp, &in, &decision, &reason))
    return;
  char *end;
  long index = strtol(rq->params[1], &end, 10);
  bmis_hit_decision d = bmis_hit_decision_parse(decision);
  bmis_hit_disposition out;
  bmis_error err;
  if (*end || index < 0 || index > 10000)
    srv_fail(rp, BMIS_E_NOT_FOUND, "no hit '%.20s'", rq->params[1]);
  else if (!d)
    srv_fail(rp, BMIS_E_INVALID_ARG,
             "decision: must be confirmed or dismissed");
  else if (bmis_inspection_dispose(rq->store, rq->params[0], (int)index, d,
                                   reason, &rq->actor, (int64_t)time(NULL),
                                   &out, &err) != BMIS_OK)
    srv_reply_status(rp, &err);
  else {
    rp->status = 201;
    rp->json = json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:b}", "id", out.id,
                         "entry", out.entry_key, "decision",
                         bmis_hit_decision_code(out.decision), "reason",
                         out.reason, "by", out.by, "at", (json_int_t)out.at,
                         "pending", out.review == BMIS_REVIEW_PENDING);
  }
  json_decref(in);
}

void api_inspection_decide(const srv_request *rq, srv_reply *rp) {
  bmis_inspection_decision d;
  bmis_decision_result out;
  bmis_error err;
  if (bmis_inspection_decision_from_json(rq->body, rq->body_len, &d, &err) !=
          BMIS_OK ||
      bmis_inspection_decide(rq->store, rq->params[0], &d, &rq->actor,
                             (int64_t)time(NULL), &out, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  json_t *refs = json_array();
  for (int i = 0; i < out.referral_count; i++)
    json_array_append_new(
        refs, json_pack("{s:s, s:s}", "id", out.referrals[i].id, "kind",
                        bmis_code_name(BMIS_LIST_REFERRAL_KIND,
                                       out.referrals[i].kind)));
  json_t *notice = json_null();
  if (out.decision == BMIS_DECISION_REFUSED) {
    char url[128];
    snprintf(url, sizeof url, "/api/movements/%s/notice?lang=%s",
             out.movement_id, d.language[0] ? d.language : "en");
    notice = json_string(url);
  }
  rp->status = 201;
  rp->json =
      json_pack("{s:s, s:s, s:o, s:o}", "movement_id", out.movement_id,
                "decision", bmis_code_name(BMIS_LIST_DECISION, out.decision),
                "referrals", refs, "notice", notice);
}

/* {"asylum": true, "unaccompanied": …, "trafficking_indicators": […]}
 * raised on an open or decided inspection: the safeguards follow. */
void api_inspection_protect(const srv_request *rq, srv_reply *rp) {
  bmis_protection p;
  bmis_error err;
  char *json = NULL;
  if (bmis_protection_from_json(rq->body, rq->body_len, &p, &err) != BMIS_OK ||
      bmis_inspection_protect(rq->store, rq->params[0], &p, &rq->actor,
                              (int64_t)time(NULL), &json, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  rp->status = 200;
  rp->raw = json;
}

void api_movement_notice(const srv_request *rq, srv_reply *rp) {
  char *html = NULL;
  bmis_error err;
  if (bmis_refusal_notice(rq->store, &rq->actor, (int64_t)time(NULL),
                          rq->params[0], srv_query(rq, "lang"), &html,
                          &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  rp->status = 200;
  rp->html = html;
}

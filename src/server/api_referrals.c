/* Secondary inspection: GET /api/referrals (the queue, with the primary
 * findings) and POST /api/referrals/{id}/outcome. */
#include "routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct queue {
  const srv_request *rq;
  json_t *list;
  bmis_status st;
  bmis_error err;
} queue;

static int add_referral(const bmis_referral *r, void *ctx) {
  queue *q = ctx;
  bmis_movement m;
  bmis_traveller t;
  if ((q->st = bmis_movement_get(q->rq->store, r->movement_id, &m, &q->err)) !=
          BMIS_OK ||
      (q->st = bmis_traveller_get(q->rq->store, m.traveller_id, &t, &q->err)) !=
          BMIS_OK)
    return 1;
  char *findings = NULL, movement[BMIS_ID_SIZE];
  bmis_error e;
  json_t *f = json_null();
  if (bmis_inspection_get(q->rq->store, m.id, &q->rq->actor, &findings,
                          movement, &e) == BMIS_OK) {
    json_t *parsed = json_loads(findings, 0, NULL);
    if (parsed)
      f = parsed;
  }
  bmis_free(findings);
  json_array_append_new(
      q->list,
      json_pack("{s:s, s:s, s:s, s:I, s:I, s:s, s:o, s:o, s:o}", "id", r->id,
                "kind", bmis_code_name(BMIS_LIST_REFERRAL_KIND, r->kind),
                "status", r->open ? "open" : "closed", "opened_at",
                (json_int_t)r->opened_at, "closed_at", (json_int_t)r->closed_at,
                "note", r->note, "movement", srv_movement_json(&m), "traveller",
                srv_traveller_json(&t), "findings", f));
  return 0;
}

void api_referrals(const srv_request *rq, srv_reply *rp) {
  const char *status = srv_query(rq, "status");
  if (!status)
    status = "open";
  if (strcmp(status, "open") != 0 && strcmp(status, "closed") != 0 &&
      strcmp(status, "all") != 0) {
    srv_fail(rp, BMIS_E_INVALID_ARG, "status: must be open, closed or all");
    return;
  }
  queue q = {rq, json_array(), BMIS_OK, {0}};
  bmis_error err;
  bmis_status st =
      bmis_referral_list(rq->store, &rq->actor, (int64_t)time(NULL),
                         strcmp(status, "open") == 0     ? BMIS_REFERRALS_OPEN
                         : strcmp(status, "closed") == 0 ? BMIS_REFERRALS_CLOSED
                                                         : BMIS_REFERRALS_ALL,
                         add_referral, &q, &err);
  if (st == BMIS_OK && q.st != BMIS_OK) {
    st = q.st;
    err = q.err;
  }
  if (st != BMIS_OK) {
    json_decref(q.list);
    srv_reply_status(rp, &err);
    return;
  }
  rp->json = json_pack("{s:o}", "referrals", q.list);
  rp->status = 200;
}

void api_referral_outcome(const srv_request *rq, srv_reply *rp) {
  bmis_inspection_decision d;
  bmis_error err;
  bmis_referral r;
  bmis_movement m;
  if (bmis_inspection_decision_from_json(rq->body, rq->body_len, &d, &err) !=
      BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  if (!d.outcome) {
    srv_fail(rp, BMIS_E_INVALID_ARG,
             "outcome: missing (admitted, refused or referred_onward)");
    return;
  }
  if (bmis_referral_outcome_record(
          rq->store, rq->params[0], (bmis_referral_outcome)d.outcome, &d,
          &rq->actor, (int64_t)time(NULL), &err) != BMIS_OK ||
      bmis_referral_get(rq->store, rq->params[0], &rq->actor, &r, &err) !=
          BMIS_OK ||
      bmis_movement_get(rq->store, r.movement_id, &m, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  json_t *notice = json_null();
  if (m.decision == BMIS_DECISION_REFUSED) {
    char url[128];
    snprintf(url, sizeof url, "/api/movements/%s/notice?lang=%s", m.id,
             d.language[0] ? d.language : "en");
    notice = json_string(url);
  }
  rp->status = 200;
  rp->json = json_pack("{s:s, s:s, s:o, s:o}", "referral_id", r.id, "status",
                       r.open ? "open" : "closed", "movement",
                       srv_movement_json(&m), "notice", notice);
}

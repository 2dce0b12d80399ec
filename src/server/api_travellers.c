/* Traveller search and history: GET /api/travellers?document=STATE:NUMBER
 * and GET /api/travellers/{id}. */
#include "routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* By document (?document=STATE:NUMBER), or by name and date of birth
 * (?surname=&given_names=&birth=YYYY[-MM[-DD]]). */
void api_travellers(const srv_request *rq, srv_reply *rp) {
  const char *doc = srv_query(rq, "document");
  const char *surname = srv_query(rq, "surname");
  bmis_error err;
  json_t *list = json_array();
  if (!doc && surname) {
    bmis_date birth = {0, 0, 0};
    const char *b = srv_query(rq, "birth");
    bmis_traveller_match found[20];
    size_t n = 0;
    if (!b || bmis_date_parse_iso(b, &birth, &err) != BMIS_OK) {
      json_decref(list);
      srv_fail(rp, BMIS_E_INVALID_ARG,
               "birth: give the date of birth (YYYY-MM-DD) with the "
               "surname");
      return;
    }
    const char *sex = srv_query(rq, "sex");
    if (bmis_traveller_search(rq->store, &rq->actor, (int64_t)time(NULL),
                              surname, srv_query(rq, "given_names"), birth,
                              srv_query(rq, "nationality"), sex ? sex[0] : 0,
                              found, 20, &n, &err) != BMIS_OK) {
      json_decref(list);
      srv_reply_status(rp, &err);
      return;
    }
    for (size_t i = 0; i < n; i++) {
      json_t *t = srv_traveller_json(&found[i].traveller);
      json_object_set_new(t, "score", json_real(found[i].score));
      json_object_set_new(t, "reasons", json_string(found[i].reasons));
      json_array_append_new(list, t);
    }
    rp->json = json_pack("{s:o}", "travellers", list);
    rp->status = 200;
    return;
  }
  const char *colon = doc ? strchr(doc, ':') : NULL;
  if (!colon || colon == doc || !colon[1] || colon - doc > 3 ||
      strlen(colon + 1) > 40) {
    json_decref(list);
    srv_fail(rp, BMIS_E_INVALID_ARG,
             "give ?document=STATE:NUMBER (e.g. GBR:123456789), or "
             "?surname=…&given_names=…&birth=YYYY-MM-DD");
    return;
  }
  char state[4];
  memcpy(state, doc, (size_t)(colon - doc));
  state[colon - doc] = 0;
  bmis_traveller t;
  bmis_status st = bmis_traveller_search_document(
      rq->store, &rq->actor, (int64_t)time(NULL), state, colon + 1, &t, &err);
  if (st == BMIS_OK)
    json_array_append_new(list, srv_traveller_json(&t));
  else if (st != BMIS_E_NOT_FOUND) {
    json_decref(list);
    srv_reply_status(rp, &err);
    return;
  }
  rp->json = json_pack("{s:o}", "travellers", list);
  rp->status = 200;
}

/* A date, or null when there is none (a stay not ended, no limit). */
static json_t *date_or_null(bmis_date d) {
  char b[11];
  return d.year ? json_string(bmis_date_format_iso(d, b)) : json_null();
}

static int add_document(const bmis_document *d, void *ctx) {
  json_array_append_new(ctx, json_pack("{s:s, s:s, s:s, s:s, s:o}", "id", d->id,
                                       "type", d->type, "issuing_state",
                                       d->issuing_state, "number", d->number,
                                       "expiry", date_or_null(d->expiry)));
  return 0;
}

static int add_movement(const bmis_movement *m, void *ctx) {
  json_array_append_new(ctx, srv_movement_json(m));
  return 0;
}

static int add_stay(const bmis_stay *s, void *ctx) {
  json_array_append_new(
      ctx, json_pack("{s:s, s:s, s:o, s:o, s:o, s:i}", "entry_id", s->entry_id,
                     "exit_id", s->exit_id, "entry_date",
                     date_or_null(s->entry_date), "exit_date",
                     date_or_null(s->exit_date), "permitted_until",
                     date_or_null(s->permitted_until), "flags", (int)s->flags));
  return 0;
}

void api_traveller(const srv_request *rq, srv_reply *rp) {
  bmis_traveller t;
  bmis_stay_status ss;
  bmis_error err;
  json_t *docs = json_array(), *moves = json_array(), *stays = json_array();
  bmis_movement_filter f;
  memset(&f, 0, sizeof f);
  bmis_status st = bmis_traveller_get(rq->store, rq->params[0], &t, &err);
  if (st == BMIS_OK) {
    memcpy(f.person_id, t.person_id, sizeof f.person_id);
    f.include_voided = true;
    st =
        bmis_person_documents(rq->store, t.person_id, add_document, docs, &err);
  }
  if (st == BMIS_OK)
    st = bmis_movement_list(rq->store, &f, add_movement, moves, &err);
  if (st == BMIS_OK)
    st = bmis_person_stays(rq->store, t.person_id, add_stay, stays, &err);
  if (st == BMIS_OK)
    st = bmis_stay_status_get(rq->store, t.person_id, bmis_date_today_utc(),
                              &ss, &err);
  if (st != BMIS_OK) {
    json_decref(docs);
    json_decref(moves);
    json_decref(stays);
    srv_reply_status(rp, &err);
    return;
  }
  char record[97];
  snprintf(record, sizeof record, "person:%s", t.person_id);
  rp->json = json_pack(
      "{s:o, s:o, s:o, s:o, s:{s:b, s:b, s:i, s:i, s:i, s:i, s:b, s:i}}",
      "traveller", srv_traveller_json(&t), "documents", docs, "movements",
      moves, "stays", stays, "status", "present", ss.present, "national",
      ss.national, "days_over", ss.days_over, "days_in_window",
      ss.days_in_window, "window_days", ss.window_days, "window_limit",
      ss.window_limit, "window_exceeded", ss.window_exceeded, "stays",
      ss.stays);
  if (srv_audit(rq, rp, "traveller.read", record))
    rp->status = 200;
}

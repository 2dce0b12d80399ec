/* Traveller search and history: GET /api/travellers?document=STATE:NUMBER
 * and GET /api/travellers/{id}. */
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void api_travellers(const srv_request *rq, srv_reply *rp);
void api_traveller(const srv_request *rq, srv_reply *rp);

static json_t *traveller_json(const bmis_traveller *t) {
  char b[11];
  return json_pack(
      "{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", t->id, "person_id",
      t->person_id, "surname", t->surname, "given_names", t->given_names,
      "birth", bmis_date_format_iso(t->birth, b), "sex",
      t->sex ? (char[2]){t->sex, 0} : "", "nationality", t->nationality);
}

void api_travellers(const srv_request *rq, srv_reply *rp) {
  const char *doc = srv_query(rq, "document");
  const char *colon = doc ? strchr(doc, ':') : NULL;
  if (!colon || colon == doc || !colon[1] || colon - doc > 3 ||
      strlen(colon + 1) > 40) {
    srv_reply_error(rp, 400, "E_INVALID_ARG",
                    "document: give ?document=STATE:NUMBER (e.g. "
                    "GBR:123456789)");
    return;
  }
  char state[4], record[97];
  memcpy(state, doc, (size_t)(colon - doc));
  state[colon - doc] = 0;
  bmis_traveller t;
  bmis_error err;
  json_t *list = json_array();
  bmis_status st =
      bmis_traveller_by_document(rq->store, state, colon + 1, &t, &err);
  if (st == BMIS_OK)
    json_array_append_new(list, traveller_json(&t));
  else if (st != BMIS_E_NOT_FOUND) {
    json_decref(list);
    srv_reply_status(rp, &err);
    return;
  }
  snprintf(record, sizeof record, "document:%s:%.40s", state, colon + 1);
  rp->json = json_pack("{s:o}", "travellers", list);
  if (srv_audit(rq, rp, "traveller.search", record))
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
  char *j = bmis_movement_to_json(m);
  json_t *o = j ? json_loads(j, 0, NULL) : NULL;
  free(j);
  if (o)
    json_array_append_new(ctx, o);
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
      "traveller", traveller_json(&t), "documents", docs, "movements", moves,
      "stays", stays, "status", "present", ss.present, "national", ss.national,
      "days_over", ss.days_over, "days_in_window", ss.days_in_window,
      "window_days", ss.window_days, "window_limit", ss.window_limit,
      "window_exceeded", ss.window_exceeded, "stays", ss.stays);
  if (srv_audit(rq, rp, "traveller.read", record))
    rp->status = 200;
}

/* Lockouts (administrators only): GET /api/lockouts lists the refusals of
 * logins in force, POST /api/lockouts/clear lifts one (bmis_lockout_*).
 * Both are in the audit log. */
#include "routes.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static int add_lockout(const bmis_lockout *l, void *ctx) {
  json_t *o = json_pack("{s:s?, s:s?, s:I, s:I, s:I}", "username",
                        l->username[0] ? l->username : NULL, "client",
                        l->client[0] ? l->client : NULL, "failures",
                        (json_int_t)l->failures, "last_failure_at",
                        (json_int_t)l->last_failure_at, "until",
                        (json_int_t)(l->last_failure_at + BMIS_LOGIN_WINDOW_S));
  json_array_append_new(ctx, o);
  return 0;
}

void api_lockouts(const srv_request *rq, srv_reply *rp) {
  json_t *list = json_array();
  bmis_error err;
  if (bmis_lockout_list(rq->store, &rq->actor, (int64_t)time(NULL), add_lockout,
                        list, &err) != BMIS_OK) {
    json_decref(list);
    srv_reply_status(rp, &err);
    return;
  }
  rp->json = json_pack("{s:o}", "lockouts", list);
  rp->status = 200;
}

void api_lockout_clear(const srv_request *rq, srv_reply *rp) {
  static const char *const allowed[] = {"username", "client", NULL};
  json_t *in;
  const char *user, *client;
  if (!srv_json_object(rq, rp, allowed, &in))
    return;
  if (srv_json_string(in, "username", false, rp, &user) &&
      srv_json_string(in, "client", false, rp, &client)) {
    bmis_error err;
    if (bmis_lockout_clear(rq->store, &rq->actor, (int64_t)time(NULL), user,
                           client, &err) != BMIS_OK) {
      srv_reply_status(rp, &err);
    } else {
      rp->status = 200;
      rp->json = json_pack("{s:s, s:s?, s:s?}", "status", "cleared", "username",
                           user && *user ? user : NULL, "client",
                           client && *client ? client : NULL);
    }
  }
  json_decref(in);
}

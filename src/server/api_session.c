/* POST /api/login, POST /api/logout, GET /api/session: sessions with
 * bearer tokens (bmis_session_*). */
#include "routes.h"
#include "server_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The session, with the crossing points its account may work at (bcps:
 * as the account has them now) and the idle limit the console warns of. */
static json_t *session_json(const srv_request *rq, const bmis_session *s,
                            const char *bcps) {
  return json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:I, s:I}", "username",
                   s->username, "role", bmis_role_name(s->role), "bcp", s->bcp,
                   "desk", s->desk, "bcps", bcps, "all_bcps", s->all_bcps,
                   "expires_at", (json_int_t)s->expires_at, "idle_timeout_s",
                   (json_int_t)srv_idle_timeout(rq->server));
}

void api_login(const srv_request *rq, srv_reply *rp) {
  static const char *const allowed[] = {"username", "password", "bcp", "desk",
                                        NULL};
  json_t *in;
  const char *user, *password, *bcp, *desk;
  if (!srv_json_object(rq, rp, allowed, &in))
    return;
  if (srv_json_string(in, "username", true, rp, &user) &&
      srv_json_string(in, "password", true, rp, &password) &&
      srv_json_string(in, "bcp", false, rp, &bcp) &&
      srv_json_string(in, "desk", false, rp, &desk)) {
    char token[BMIS_SESSION_TOKEN_SIZE];
    bmis_session s;
    bmis_error err;
    bmis_login li = {user,
                     password,
                     bcp,
                     desk,
                     rq->client,
                     (int64_t)srv_session_ttl(rq->server),
                     (int64_t)time(NULL)};
    /* the login and any lockout it began are audited by the library */
    bmis_status st = bmis_session_login(rq->store, &li, token, &s, NULL, &err);
    bmis_account a;
    if (st == BMIS_OK &&
        bmis_account_get(rq->store, s.username, &a, &err) != BMIS_OK)
      st = err.status;
    if (st != BMIS_OK)
      srv_reply_status(rp, &err);
    else {
      char csrf[65];
      srv_csrf_token(token, csrf);
      rp->status = 200;
      rp->json = session_json(rq, &s, a.bcps);
      json_object_set_new(rp->json, "token", json_string(token));
      json_object_set_new(rp->json, "csrf", json_string(csrf));
      snprintf(rp->cookie, sizeof rp->cookie,
               SRV_SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; "
                                  "Max-Age=%u",
               token, srv_session_ttl(rq->server));
    }
  }
  json_decref(in);
}

void api_logout(const srv_request *rq, srv_reply *rp) {
  bmis_error err;
  if (bmis_session_revoke(rq->store, rq->token, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  rp->status = 200;
  rp->json = json_pack("{s:s}", "status", "ended");
  snprintf(rp->cookie, sizeof rp->cookie,
           SRV_SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; "
                              "Max-Age=0");
}

/* With the CSRF value, so that a console reloaded with its cookie can
 * write again: another site cannot read this answer. */
void api_session(const srv_request *rq, srv_reply *rp) {
  char csrf[65];
  bmis_account a;
  bmis_error err;
  if (bmis_account_get(rq->store, rq->session->username, &a, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  srv_csrf_token(rq->token, csrf);
  rp->status = 200;
  rp->json = session_json(rq, rq->session, a.bcps);
  json_object_set_new(rp->json, "csrf", json_string(csrf));
}

/* POST /api/login, POST /api/logout, GET /api/session: sessions with
 * bearer tokens (bmis_session_*). */
#include "http.h"
#include "server_internal.h"

#include <stdio.h>
#include <string.h>

void api_login(const srv_request *rq, srv_reply *rp);
void api_logout(const srv_request *rq, srv_reply *rp);
void api_session(const srv_request *rq, srv_reply *rp);

static json_t *session_json(const bmis_session *s) {
  return json_pack("{s:s, s:s, s:s, s:s, s:I}", "username", s->username, "role",
                   bmis_role_name(s->role), "bcp", s->bcp, "desk", s->desk,
                   "expires_at", (json_int_t)s->expires_at);
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
    bmis_status st =
        bmis_session_open(rq->store, user, password, bcp, desk,
                          srv_session_ttl(rq->server), 0, token, &s, &err);
    /* logins, failed or not, are in the audit log under the name tried
     * (a name the log cannot hold is left out, not the answer) */
    bmis_actor who;
    memset(&who, 0, sizeof who);
    snprintf(who.username, sizeof who.username, "%s", user);
    if (st == BMIS_OK) {
      snprintf(who.role, sizeof who.role, "%s", bmis_role_name(s.role));
      snprintf(who.bcp, sizeof who.bcp, "%s", s.bcp);
      snprintf(who.desk, sizeof who.desk, "%s", s.desk);
    }
    char record[97];
    snprintf(record, sizeof record, "account:%.80s", user);
    bmis_audit_entry e;
    srv_audit_entry(&who, "session.login", record,
                    st == BMIS_OK ? "ok" : bmis_status_name(st), &e);
    bmis_error ignored;
    (void)bmis_audit_append(rq->store, &e, &ignored);
    if (st != BMIS_OK)
      srv_reply_status(rp, &err);
    else {
      char csrf[65];
      srv_csrf_token(token, csrf);
      rp->status = 200;
      rp->json = session_json(&s);
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
  srv_csrf_token(rq->token, csrf);
  rp->status = 200;
  rp->json = session_json(rq->session);
  json_object_set_new(rp->json, "csrf", json_string(csrf));
}

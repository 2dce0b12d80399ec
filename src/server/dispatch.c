/* A whole request routed and answered: its path matched against the
 * routing table (routes.def), its path parameters and query checked, the
 * session found and its role and CSRF token checked, then the handler
 * called. */
#define _POSIX_C_SOURCE 200809L /* pthread_rwlock_t */
#include "server_state.h"

#include "routes.h"
#include "static.h"

#include "bmis/alloc.h"
#include "bmis/audit.h"
#include "bmis/text.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void srv_csrf_token(const char *session_token, char out[65]) {
  static const char digits[] = "0123456789abcdef";
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) &&
            EVP_DigestUpdate(ctx, "csrf:", 5) &&
            EVP_DigestUpdate(ctx, session_token, strlen(session_token)) &&
            EVP_DigestFinal_ex(ctx, md, &n) && n == 32;
  EVP_MD_CTX_free(ctx);
  out[0] = 0;
  for (unsigned i = 0; ok && i < 32; i++) {
    out[2 * i] = digits[md[i] >> 4];
    out[2 * i + 1] = digits[md[i] & 15];
    out[2 * i + 2] = 0;
  }
}

enum MHD_Result srv_send(srv *s, struct MHD_Connection *c, srv_reply *rp,
                         const char *allow, bool close_after) {
  const char *type = "application/json; charset=utf-8";
  char *text = NULL;
  /* text the library made is freed by the library's allocator */
  void (*release)(void *) = free;
  if (rp->html) {
    text = rp->html;
    type = "text/html; charset=utf-8";
    release = bmis_free;
  } else if (rp->raw) {
    text = rp->raw;
    release = bmis_free;
  } else if (rp->json) {
    text = json_dumps(rp->json, JSON_COMPACT);
  }
  rp->html = rp->raw = NULL;
  json_decref(rp->json);
  rp->json = NULL;
  if (!text) { /* out of memory: still an answer */
    static const char oom[] =
        "{\"error\":{\"code\":\"E_NOMEM\",\"message\":\"out of memory\"}}";
    rp->status = (unsigned)bmis_status_http(BMIS_E_NOMEM);
    text = strdup(oom);
    release = free;
    if (!text)
      return MHD_NO;
  }
  struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback(
      strlen(text), text, release);
  if (!r) {
    release(text);
    return MHD_NO;
  }
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  if (strncmp(type, "text/html", 9) == 0)
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  if (s->tls)
    MHD_add_response_header(r, "Strict-Transport-Security", SRV_HSTS);
  if (allow)
    MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
  if (rp->status == 401)
    MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
  if (rp->cookie[0]) {
    /* over HTTPS, the browser never sends the session over plain HTTP */
    if (s->tls) {
      size_t n = strlen(rp->cookie);
      snprintf(rp->cookie + n, sizeof rp->cookie - n, "; Secure");
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, rp->cookie);
  }
  /* after srv_stop, the last answer on every connection */
  if (close_after || atomic_load(&s->stopping))
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
  enum MHD_Result ok = MHD_queue_response(c, rp->status, r);
  MHD_destroy_response(r);
  return ok;
}

/* The first argument whose name or value is not UTF-8, or NULL. */
typedef struct bad_arg {
  const char *name;
} bad_arg;

/* What a request names in its path or query is one line of UTF-8: it is
 * quoted back, handed to the library and written in audit records, whose
 * fields refuse control characters. */
static bool one_line(const char *text) {
  bmis_error e;
  return bmis_text_check(text, strlen(text),
                         BMIS_TEXT_LINE | BMIS_TEXT_EMPTY_OK, "argument",
                         &e) == BMIS_OK;
}

static enum MHD_Result find_bad_arg(void *cls, enum MHD_ValueKind kind,
                                    const char *key, const char *value) {
  (void)kind;
  bad_arg *b = cls;
  if (!one_line(key) || (value && !one_line(value))) {
    b->name = key;
    return MHD_NO;
  }
  return MHD_YES;
}

/* The name of pattern's n-th {parameter} into out. */
static void param_name(const char *pattern, int n, char *out, size_t cap) {
  const char *p = pattern;
  for (int i = 0; p && (p = strchr(p, '{')) && i < n; i++)
    p++;
  size_t len = p ? strcspn(p + 1, "}") : 0;
  snprintf(out, cap, "%.*s", (int)len, p ? p + 1 : "");
}

/* The route of method and path, its {parameters} in params (storage) and
 * the query checked: NULL with the answer in rp (405: allow holds the
 * methods the path allows, for the Allow header). */
static const srv_route *route_of(struct MHD_Connection *c, const char *method,
                                 const char *path, const char *params[2],
                                 char storage[2][128], srv_reply *rp,
                                 char allow[64]) {
  bool known = false;
  const srv_route *route =
      srv_route_find(method, path, &known, params, storage);
  if (!route && known) {
    srv_route_allow(path, allow, 64);
    srv_fail(rp, BMIS_E_METHOD, "%s is not allowed on %s (allowed: %s)", method,
             path, allow);
    return NULL;
  }
  if (!route) {
    srv_fail(rp, BMIS_E_NOT_FOUND, "no such resource: %s", path);
    return NULL;
  }
  /* what handlers quote back and hand to the library is UTF-8 */
  for (int i = 0; i < 2 && params[i]; i++) {
    if (one_line(params[i]))
      continue;
    char name[32];
    param_name(route->path, i, name, sizeof name);
    srv_fail(rp, BMIS_E_INVALID_ARG,
             "the path's {%s} is not one line of valid UTF-8", name);
    return NULL;
  }
  bad_arg bad = {NULL};
  MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, find_bad_arg, &bad);
  if (bad.name) {
    srv_fail(rp, BMIS_E_INVALID_ARG,
             "the query argument '%s' is not one line of valid UTF-8",
             bad.name);
    return NULL;
  }
  return route;
}

/* Who sends rq (a bearer token, else the console's cookie) and whether
 * they may call route: its roles, and for a write with the cookie the
 * CSRF token. rq->actor and rq->session (session) are filled; false with
 * the answer in rp (401, 403: a refusal by role is audited too). */
static bool authorize(const srv *s, struct MHD_Connection *c,
                      const srv_route *route, srv_request *rq,
                      bmis_session *session, srv_reply *rp) {
  const char *auth =
      MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
  bool by_cookie = false;
  if (auth && strncmp(auth, "Bearer ", 7) == 0)
    rq->token = auth + 7;
  else if ((rq->token = MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
                                                    SRV_SESSION_COOKIE)))
    by_cookie = true;
  if (route->roles == SRV_PUBLIC)
    return true;
  /* who, then whether their role may */
  if (!rq->token) {
    srv_fail(rp, BMIS_E_AUTH,
             "log in first (POST /api/login), then send "
             "'Authorization: Bearer TOKEN'");
    return false;
  }
  bmis_error err;
  if (bmis_session_use(rq->store, rq->token, (int64_t)time(NULL),
                       s->opt.idle_timeout_s, session, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return false;
  }
  snprintf(rq->actor.username, sizeof rq->actor.username, "%s",
           session->username);
  snprintf(rq->actor.role, sizeof rq->actor.role, "%s",
           bmis_role_name(session->role));
  snprintf(rq->actor.channel, sizeof rq->actor.channel, "api");
  snprintf(rq->actor.bcp, sizeof rq->actor.bcp, "%s", session->bcp);
  snprintf(rq->actor.desk, sizeof rq->actor.desk, "%s", session->desk);
  rq->actor.all_bcps = session->all_bcps;
  if (bmis_role_check(rq->store, &rq->actor, (int64_t)time(NULL), route->roles,
                      rq->method, rq->path, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return false;
  }
  /* a browser sends the cookie by itself, even for another site's
   * form: a write must also prove it comes from the console */
  if (by_cookie && strcmp(rq->method, "GET") != 0 &&
      strcmp(rq->method, "HEAD") != 0) {
    char want[65];
    srv_csrf_token(rq->token, want);
    const char *got =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
    if (!got || !want[0] || strcmp(got, want) != 0) {
      srv_fail(rp, BMIS_E_FORBIDDEN,
               "a write with the session cookie needs the "
               "X-CSRF-Token given at login");
      return false;
    }
  }
  rq->session = session;
  return true;
}

enum MHD_Result srv_dispatch(srv *s, struct MHD_Connection *c,
                             const conn_state *st, const char *url,
                             const char *method) {
  srv_reply rp = {500, NULL, "", NULL, NULL};
  bool close_after = false;
  if (srv_body_refused(s, c, st, &rp, &close_after))
    return srv_send(s, c, &rp, NULL, close_after);
  char path[512];
  size_t n = strcspn(url, "?");
  if (n >= sizeof path) {
    srv_fail(&rp, BMIS_E_TOO_LARGE, "the path is too long");
    rp.status = 414; /* the table's 413 made precise: RFC 9110 15.5.15 */
    return srv_send(s, c, &rp, NULL, false);
  }
  memcpy(path, url, n);
  path[n] = 0;
  /* the officer console (static.c); an unknown file is the JSON 404 */
  const srv_static_file *file =
      srv_static_wanted(method, path) ? srv_static_find(path) : NULL;
  if (file)
    return srv_static_send(c, file, s->tls ? SRV_HSTS : NULL);
  const char *params[2];
  char param_storage[2][128], allow[64] = "";
  const srv_route *route =
      route_of(c, method, path, params, param_storage, &rp, allow);
  if (!route)
    return srv_send(s, c, &rp, allow[0] ? allow : NULL, false);
  srv_request rq;
  memset(&rq, 0, sizeof rq);
  rq.server = s;
  rq.method = method;
  rq.path = path;
  rq.body = st->body ? st->body : "";
  rq.body_len = st->len;
  rq.params[0] = params[0];
  rq.params[1] = params[1];
  rq.conn = c;
  char client[64] = "";
  srv_connection_client(s, c, client, sizeof client);
  rq.client = client;
  bmis_error err;
  rq.store = srv_thread_store(s, &err);
  if (!rq.store) {
    srv_reply_status(&rp, &err);
    return srv_send(s, c, &rp, NULL, false);
  }
  bmis_session session;
  if (!authorize(s, c, route, &rq, &session, &rp))
    return srv_send(s, c, &rp, NULL, false);
  route->handler(&rq, &rp);
  if (!rp.json && !rp.raw && !rp.html)
    srv_fail(&rp, BMIS_E_INTERNAL, "the handler gave no answer");
  return srv_send(s, c, &rp, NULL, false);
}

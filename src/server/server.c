/* The HTTP server: libmicrohttpd with a thread pool; each request's body
 * is read up to a cap, routed through the table in routes.c, and answered
 * with JSON. Errors are JSON too, never a bare status (http.h). */
#define _POSIX_C_SOURCE 200809L /* strdup, nanosleep */
#include "server_internal.h"

#include "anchor_timer.h"
#include "routes.h"
#include "static.h"

#include "bmis/audit.h"
#include "bmis/store.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct srv {
  struct MHD_Daemon *daemon;
  srv_options opt;
  char store_url[1024];
  char trusted_proxy[64];
  char store_kind[16];
  unsigned port;
  pthread_key_t store_key;     /* each worker thread's store handle */
  bmis_screen_index *index;    /* every watchlist: loaded at start, swapped
                                  by srv_reload_lists */
  pthread_rwlock_t index_lock; /* readers: requests screening with it */
  pthread_mutex_t reload_lock; /* one reload at a time */
  srv_anchorer *anchorer;      /* NULL unless anchoring (anchor_timer.c) */
};

/* One request's state across libmicrohttpd's calls. */
typedef struct conn_state {
  char *body;
  size_t len, cap;
  bool too_large;
} conn_state;

void srv_options_init(srv_options *o) {
  memset(o, 0, sizeof *o);
  o->host = "127.0.0.1";
  o->port = 8080;
  o->body_max = (size_t)1 << 20;
  o->timeout_s = 15;
  o->session_ttl_s = 12 * 3600;
  o->idle_timeout_s = 15 * 60;
  o->durability = BMIS_DURABLE_PROCESS;
  o->anchor_every_min = 60;
}

unsigned srv_session_ttl(const srv *s) {
  return s->opt.session_ttl_s;
}

unsigned srv_idle_timeout(const srv *s) {
  return s->opt.idle_timeout_s;
}

static void close_store(void *store) {
  bmis_store_close(store);
}

/* This worker thread's store handle, opened on its first request (store
 * handles are not shared between threads) and closed when it ends. */
static bmis_store *thread_store(srv *s, bmis_error *err) {
  bmis_store *st = pthread_getspecific(s->store_key);
  if (st)
    return st;
  bmis_store_options so;
  bmis_store_options_init(&so);
  so.no_migrate = true; /* srv_start migrated it */
  so.durability = s->opt.durability;
  if (bmis_store_open(s->store_url, &so, &st, err) != BMIS_OK)
    return NULL;
  pthread_setspecific(s->store_key, st);
  return st;
}

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

bool srv_json_object(const srv_request *rq, srv_reply *rp,
                     const char *const *allowed, json_t **out) {
  json_error_t je;
  *out = NULL;
  json_t *root =
      json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &je);
  if (!root) {
    srv_reply_error(rp, 400, "E_PARSE",
                    "the body is not JSON: %s (line %d, column %d)", je.text,
                    je.line, je.column);
    return false;
  }
  if (!json_is_object(root)) {
    json_decref(root);
    srv_reply_error(rp, 400, "E_PARSE", "the body must be a JSON object");
    return false;
  }
  const char *key;
  json_t *v;
  json_object_foreach(root, key, v) {
    bool known = false;
    for (size_t i = 0; allowed[i] && !known; i++)
      known = strcmp(allowed[i], key) == 0;
    if (!known) {
      srv_reply_error(rp, 400, "E_INVALID_ARG", "unknown member '%.64s'", key);
      json_decref(root);
      return false;
    }
  }
  *out = root;
  return true;
}

bool srv_json_string(json_t *o, const char *name, bool required, srv_reply *rp,
                     const char **out) {
  json_t *v = json_object_get(o, name);
  *out = NULL;
  if (!v) {
    if (required)
      srv_reply_error(rp, 400, "E_INVALID_ARG", "'%s' is required", name);
    return !required;
  }
  if (!json_is_string(v)) {
    srv_reply_error(rp, 400, "E_INVALID_ARG", "'%s' must be a string", name);
    return false;
  }
  *out = json_string_value(v);
  return true;
}

const char *srv_store_kind(const srv *s) {
  return s->store_kind;
}

unsigned srv_port(const srv *s) {
  return s->port;
}

void srv_reply_error(srv_reply *rp, unsigned status, const char *code,
                     const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  json_decref(rp->json);
  rp->status = status;
  rp->json = json_pack("{s:{s:s, s:s}}", "error", "code", code, "message", msg);
}

void srv_reply_status(srv_reply *rp, const bmis_error *err) {
  int http = bmis_status_http(err->status);
  srv_reply_error(rp, http >= 400 && http < 600 ? (unsigned)http : 500,
                  bmis_status_name(err->status), "%s", err->message);
}

const char *srv_query(const srv_request *rq, const char *name) {
  return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

const bmis_screen_index *srv_index_acquire(const srv *s) {
  pthread_rwlock_rdlock(&((srv *)s)->index_lock);
  return s->index;
}

void srv_index_release(const srv *s) {
  pthread_rwlock_unlock(&((srv *)s)->index_lock);
}

bmis_status srv_reload_lists(srv *s, size_t *entries, bmis_error *err) {
  pthread_mutex_lock(&s->reload_lock);
  bmis_store *store = NULL;
  bmis_screen_index *fresh = NULL;
  bmis_store_options so;
  bmis_store_options_init(&so);
  so.no_migrate = true;
  /* built beside the one in use: requests go on screening meanwhile */
  bmis_status st = bmis_store_open(s->store_url, &so, &store, err);
  if (st == BMIS_OK)
    st = bmis_screen_index_load(store, &fresh, err);
  bmis_store_close(store);
  if (st == BMIS_OK) {
    pthread_rwlock_wrlock(&s->index_lock);
    bmis_screen_index *old = s->index;
    s->index = fresh;
    pthread_rwlock_unlock(&s->index_lock);
    bmis_screen_index_free(old); /* no request holds it any more */
    if (entries)
      *entries = bmis_screen_index_entries(fresh);
  }
  pthread_mutex_unlock(&s->reload_lock);
  return st;
}

void srv_audit_entry(const bmis_actor *a, const char *action,
                     const char *record, const char *outcome,
                     bmis_audit_entry *e) {
  memset(e, 0, sizeof *e);
  snprintf(e->actor, sizeof e->actor, "%s", a->username);
  snprintf(e->role, sizeof e->role, "%s", a->role);
  snprintf(e->channel, sizeof e->channel, "api");
  snprintf(e->action, sizeof e->action, "%s", action);
  snprintf(e->record, sizeof e->record, "%s", record);
  snprintf(e->outcome, sizeof e->outcome, "%s", outcome);
  snprintf(e->bcp, sizeof e->bcp, "%s", a->bcp);
  snprintf(e->desk, sizeof e->desk, "%s", a->desk);
}

bool srv_audit(const srv_request *rq, srv_reply *rp, const char *action,
               const char *record) {
  bmis_audit_entry e;
  bmis_error err;
  srv_audit_entry(&rq->actor, action, record, "ok", &e);
  if (bmis_audit_append(rq->store, &e, &err) == BMIS_OK)
    return true;
  json_decref(rp->json);
  rp->json = NULL;
  srv_reply_error(rp, 503, "E_STORE",
                  "the audit log cannot be written, so nothing is shown: %s",
                  err.message);
  return false;
}

static enum MHD_Result send_reply(struct MHD_Connection *c, srv_reply *rp,
                                  const char *allow) {
  const char *type = "application/json; charset=utf-8";
  char *text = NULL;
  if (rp->html) {
    text = rp->html;
    type = "text/html; charset=utf-8";
  } else if (rp->raw) {
    text = rp->raw;
  } else if (rp->json) {
    text = json_dumps(rp->json, JSON_COMPACT);
  }
  rp->html = rp->raw = NULL;
  json_decref(rp->json);
  rp->json = NULL;
  if (!text) { /* out of memory: still an answer */
    static const char oom[] =
        "{\"error\":{\"code\":\"E_NOMEM\",\"message\":\"out of memory\"}}";
    rp->status = 500;
    text = strdup(oom);
    if (!text)
      return MHD_NO;
  }
  struct MHD_Response *r = MHD_create_response_from_buffer(
      strlen(text), text, MHD_RESPMEM_MUST_FREE);
  if (!r) {
    free(text);
    return MHD_NO;
  }
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  if (strncmp(type, "text/html", 9) == 0)
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  if (allow)
    MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
  if (rp->status == 401)
    MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
  if (rp->cookie[0])
    MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, rp->cookie);
  enum MHD_Result ok = MHD_queue_response(c, rp->status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls) {
  (void)version;
  srv *s = cls;
  conn_state *st = *con_cls;
  if (!st) { /* the headers: refuse an announced oversized body at once */
    st = calloc(1, sizeof *st);
    if (!st)
      return MHD_NO;
    *con_cls = st;
    const char *cl =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    if (cl && strtoull(cl, NULL, 10) > s->opt.body_max) {
      /* answered now: the body is never read, the connection then closed */
      st->too_large = true;
      srv_reply rp = {500, NULL, "", NULL, NULL};
      srv_reply_error(&rp, 413, "E_TOO_LARGE",
                      "the request body is larger than %zu bytes",
                      s->opt.body_max);
      return send_reply(c, &rp, NULL);
    }
    return MHD_YES;
  }
  if (st->too_large && *upload_size) { /* already answered */
    *upload_size = 0;
    return MHD_YES;
  }
  if (*upload_size) { /* a piece of the body */
    if (!st->too_large && st->len + *upload_size > s->opt.body_max)
      st->too_large = true;
    if (!st->too_large) {
      if (st->len + *upload_size + 1 > st->cap) {
        size_t ncap = st->cap ? st->cap : 4096;
        while (ncap < st->len + *upload_size + 1)
          ncap *= 2;
        char *nb = realloc(st->body, ncap);
        if (!nb)
          return MHD_NO;
        st->body = nb;
        st->cap = ncap;
      }
      memcpy(st->body + st->len, upload, *upload_size);
      st->len += *upload_size;
      st->body[st->len] = 0;
    }
    *upload_size = 0;
    return MHD_YES;
  }
  /* the whole request is in */
  srv_reply rp = {500, NULL, "", NULL, NULL};
  char path[512];
  size_t n = strcspn(url, "?");
  if (st->too_large) {
    srv_reply_error(&rp, 413, "E_TOO_LARGE",
                    "the request body is larger than %zu bytes",
                    s->opt.body_max);
    return send_reply(c, &rp, NULL);
  }
  if (n >= sizeof path) {
    srv_reply_error(&rp, 414, "E_TOO_LARGE", "the path is too long");
    return send_reply(c, &rp, NULL);
  }
  memcpy(path, url, n);
  path[n] = 0;
  /* the officer console (static.c); an unknown file is the JSON 404 below */
  const srv_static_file *file =
      srv_static_wanted(method, path) ? srv_static_find(path) : NULL;
  if (file)
    return srv_static_send(c, file);
  bool known = false;
  const char *params[2];
  char param_storage[2][128];
  const srv_route *route =
      srv_route_find(method, path, &known, params, param_storage);
  if (!route && known) {
    char allow[64];
    srv_route_allow(path, allow, sizeof allow);
    srv_reply_error(&rp, 405, "E_METHOD",
                    "%s is not allowed on %s (allowed: %s)", method, path,
                    allow);
    return send_reply(c, &rp, allow);
  }
  if (!route) {
    srv_reply_error(&rp, 404, "E_NOT_FOUND", "no such resource: %s", path);
    return send_reply(c, &rp, NULL);
  }
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
  char client[64] = "", peer[64] = "";
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  const struct sockaddr *sa = ci ? ci->client_addr : NULL;
  if (sa && sa->sa_family == AF_INET)
    inet_ntop(AF_INET,
              &((const struct sockaddr_in *)(const void *)sa)->sin_addr, peer,
              sizeof peer);
  else if (sa && sa->sa_family == AF_INET6)
    inet_ntop(AF_INET6,
              &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, peer,
              sizeof peer);
  srv_client_address(
      peer, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For"),
      s->opt.trusted_proxy, client, sizeof client);
  rq.client = client;
  bmis_error err;
  rq.store = thread_store(s, &err);
  if (!rq.store) {
    srv_reply_status(&rp, &err);
    return send_reply(c, &rp, NULL);
  }
  const char *auth =
      MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
  bool by_cookie = false;
  if (auth && strncmp(auth, "Bearer ", 7) == 0)
    rq.token = auth + 7;
  else if ((rq.token = MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
                                                   SRV_SESSION_COOKIE)))
    by_cookie = true;
  bmis_session session;
  if (route->roles != SRV_PUBLIC) { /* who, then whether their role may */
    if (!rq.token) {
      srv_reply_error(&rp, 401, "E_AUTH",
                      "log in first (POST /api/login), then send "
                      "'Authorization: Bearer TOKEN'");
      return send_reply(c, &rp, NULL);
    }
    if (bmis_session_use(rq.store, rq.token, 0, s->opt.idle_timeout_s, &session,
                         &err) != BMIS_OK) {
      srv_reply_status(&rp, &err);
      return send_reply(c, &rp, NULL);
    }
    snprintf(rq.actor.username, sizeof rq.actor.username, "%s",
             session.username);
    snprintf(rq.actor.role, sizeof rq.actor.role, "%s",
             bmis_role_name(session.role));
    snprintf(rq.actor.channel, sizeof rq.actor.channel, "api");
    snprintf(rq.actor.bcp, sizeof rq.actor.bcp, "%s", session.bcp);
    snprintf(rq.actor.desk, sizeof rq.actor.desk, "%s", session.desk);
    rq.actor.all_bcps = session.all_bcps;
    if (!(route->roles & (1u << (session.role - 1)))) {
      /* a refused attempt is accounted for too */
      bmis_audit_entry e;
      srv_audit_entry(&rq.actor, "access", path, "E_FORBIDDEN", &e);
      (void)bmis_audit_append(rq.store, &e, &err);
      srv_reply_error(&rp, 403, "E_FORBIDDEN",
                      "%s %s is not open to the role %s", method, path,
                      bmis_role_name(session.role));
      return send_reply(c, &rp, NULL);
    }
    /* a browser sends the cookie by itself, even for another site's
     * form: a write must also prove it comes from the console */
    if (by_cookie && strcmp(method, "GET") != 0 &&
        strcmp(method, "HEAD") != 0) {
      char want[65];
      srv_csrf_token(rq.token, want);
      const char *got =
          MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
      if (!got || !want[0] || strcmp(got, want) != 0) {
        srv_reply_error(&rp, 403, "E_FORBIDDEN",
                        "a write with the session cookie needs the "
                        "X-CSRF-Token given at login");
        return send_reply(c, &rp, NULL);
      }
    }
    rq.session = &session;
  }
  route->handler(&rq, &rp);
  if (!rp.json && !rp.raw && !rp.html)
    srv_reply_error(&rp, 500, "E_INTERNAL", "the handler gave no answer");
  return send_reply(c, &rp, NULL);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode why) {
  (void)cls;
  (void)c;
  (void)why;
  conn_state *st = *con_cls;
  if (st) {
    free(st->body);
    free(st);
  }
  *con_cls = NULL;
}

bmis_status srv_start(const srv_options *o, srv **out, bmis_error *err) {
  *out = NULL;
  srv *s = calloc(1, sizeof *s);
  if (!s)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  s->opt = *o;
  snprintf(s->store_url, sizeof s->store_url, "%s",
           o->store_url ? o->store_url : "");
  s->opt.store_url = s->store_url;
  snprintf(s->trusted_proxy, sizeof s->trusted_proxy, "%s",
           o->trusted_proxy ? o->trusted_proxy : "");
  s->opt.trusted_proxy = s->trusted_proxy[0] ? s->trusted_proxy : NULL;
  unsigned char probe[sizeof(struct in6_addr)];
  if (s->opt.trusted_proxy &&
      inet_pton(AF_INET, s->trusted_proxy, probe) != 1 &&
      inet_pton(AF_INET6, s->trusted_proxy, probe) != 1) {
    free(s);
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "trusted proxy '%s': not an IPv4 or IPv6 address",
                          o->trusted_proxy);
  }
  if (pthread_key_create(&s->store_key, close_store) != 0) {
    free(s);
    return bmis_error_set(err, BMIS_E_INTERNAL, "no thread key");
  }
  pthread_rwlock_init(&s->index_lock, NULL);
  pthread_mutex_init(&s->reload_lock, NULL);
  /* the store must open (and be migrated) before anyone is told to come */
  bmis_store *store = NULL;
  bmis_status st = bmis_store_open(s->store_url, NULL, &store, err);
  if (st != BMIS_OK) {
    pthread_key_delete(s->store_key);
    free(s);
    return st;
  }
  snprintf(s->store_kind, sizeof s->store_kind, "%s",
           bmis_store_backend(store));
  /* every watchlist, once: read-only afterwards, shared by the workers
   * (lists imported later are screened after a restart) */
  st = bmis_screen_index_load(store, &s->index, err);
  bmis_store_close(store);
  if (st == BMIS_OK && o->anchor_key)
    st = srv_anchorer_start(s->store_url, o->anchor_key, o->anchors,
                            o->anchor_every_s ? o->anchor_every_s
                                              : o->anchor_every_min * 60,
                            &s->anchorer, err);
  if (st != BMIS_OK) {
    pthread_key_delete(s->store_key);
    bmis_screen_index_free(s->index);
    free(s);
    return st;
  }

  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)o->port);
  if (o->port > 65535 || inet_pton(AF_INET, o->host, &addr.sin_addr) != 1) {
    srv_anchorer_stop(s->anchorer);
    pthread_key_delete(s->store_key);
    bmis_screen_index_free(s->index);
    free(s);
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "cannot listen on '%s:%u': not an IPv4 address "
                          "and port",
                          o->host, o->port);
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  unsigned threads = o->threads ? o->threads : cores > 2 ? (unsigned)cores : 2;
  s->daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC, 0, NULL,
      NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
      MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT,
      o->timeout_s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024, MHD_OPTION_END);
  if (!s->daemon) {
    srv_anchorer_stop(s->anchorer);
    pthread_key_delete(s->store_key);
    bmis_screen_index_free(s->index);
    free(s);
    return bmis_error_set(err, BMIS_E_IO,
                          "cannot listen on %s:%u (in use, or not allowed)",
                          o->host, o->port);
  }
  const union MHD_DaemonInfo *info =
      MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
  s->port = info ? info->port : o->port;
  *out = s;
  return BMIS_OK;
}

void srv_stop(srv *s, unsigned grace_s) {
  if (!s)
    return;
  /* no new connections; those open may finish their request */
  MHD_socket listen = MHD_quiesce_daemon(s->daemon);
  struct timespec tick = {0, 20 * 1000 * 1000};
  for (unsigned waited = 0; waited < grace_s * 50; waited++) {
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
    if (!info || info->num_connections == 0)
      break;
    nanosleep(&tick, NULL);
  }
  MHD_stop_daemon(s->daemon);
  if (listen != MHD_INVALID_SOCKET) /* quiesce hands the socket over */
    close(listen);
  srv_anchorer_stop(s->anchorer);   /* after the last request's entry */
  pthread_key_delete(s->store_key); /* the workers closed theirs on exit */
  bmis_screen_index_free(s->index);
  pthread_rwlock_destroy(&s->index_lock);
  pthread_mutex_destroy(&s->reload_lock);
  free(s);
}

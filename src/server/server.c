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
#include "bmis/text.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unicode/utf8.h>
#include <unistd.h>

/* GnuTLS priorities: its defaults without TLS 1.0 and 1.1 */
#define SRV_TLS_PRIORITIES "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"

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
  bool tls;
  char *tls_cert, *tls_key; /* PEM text, kept while the daemon runs */
  atomic_bool stopping;     /* srv_stop called: new requests get 503 */
  atomic_uint inflight;     /* requests begun and not yet completed */
  /* the connections, for the per-request time limit (see watchdog) */
  pthread_mutex_t watch_lock;
  pthread_cond_t watch_wake;
  struct conn_watch *watched;
  bool watch_stop, watch_running;
  pthread_t watch_thread;
};

/* A connection's clock (libmicrohttpd's socket context): libmicrohttpd's
 * own timeout counts idle time only, so a client sending a byte every few
 * seconds would hold a connection for ever; the watchdog cuts a request
 * not received whole within request_max_s. Under watch_lock. */
typedef struct conn_watch {
  struct conn_watch *prev, *next;
  MHD_socket fd;
  int64_t since_ms; /* the connection opened, or the last answer ended */
  bool answering;   /* the request is whole (or answered early): the
                       handler and the answer are not limited by it */
  bool cut;
} conn_watch;

/* One request's state across libmicrohttpd's calls. */
typedef struct conn_state {
  char *body;
  size_t len, cap;
  bool too_large;
  bool answered; /* refused on its headers: the rest is not read */
  bool counted;  /* in srv.inflight */
} conn_state;

void srv_options_init(srv_options *o) {
  memset(o, 0, sizeof *o);
  o->host = "127.0.0.1";
  o->port = 8080;
  o->body_max = (size_t)1 << 20;
  o->timeout_s = 15;
  o->request_max_s = 30;
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
      /* quoted up to 64 bytes, cut at a whole character */
      int shown = (int)srv_utf8_valid_prefix(key, strnlen(key, 64));
      srv_reply_error(rp, 400, "E_INVALID_ARG", "unknown member '%.*s'", shown,
                      key);
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

bool srv_tls(const srv *s) {
  return s->tls;
}

size_t srv_utf8_valid_prefix(const char *s, size_t len) {
  const uint8_t *u = (const uint8_t *)s;
  int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(u, i, n, c);
    if (c < 0)
      return (size_t)at;
  }
  return (size_t)n;
}

void srv_utf8_trim(char *s) {
  s[srv_utf8_valid_prefix(s, strlen(s))] = 0;
}

/* text made valid UTF-8 in place: each ill-formed sequence becomes '?'
 * (a message quotes what the client sent, which may be any bytes, and
 * jansson refuses to encode a string that is not UTF-8) */
static void utf8_repair(char *s) {
  size_t len = strlen(s), at = 0;
  while (at < len) {
    at += srv_utf8_valid_prefix(s + at, len - at);
    if (at < len) {
      /* one byte at a time: the next may start a well-formed sequence */
      s[at++] = '?';
    }
  }
}

void srv_reply_error(srv_reply *rp, unsigned status, const char *code,
                     const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  utf8_repair(msg);
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
  e->at = (int64_t)time(NULL); /* the front end reads the clock */
  snprintf(e->actor, sizeof e->actor, "%s", a->username);
  snprintf(e->role, sizeof e->role, "%s", a->role);
  snprintf(e->channel, sizeof e->channel, "api");
  snprintf(e->action, sizeof e->action, "%s", action);
  snprintf(e->record, sizeof e->record, "%s", record);
  snprintf(e->outcome, sizeof e->outcome, "%s", outcome);
  snprintf(e->bcp, sizeof e->bcp, "%s", a->bcp);
  snprintf(e->desk, sizeof e->desk, "%s", a->desk);
  /* a field cut to its size ends on a whole character: the log is read
   * back as JSON */
  srv_utf8_trim(e->actor);
  srv_utf8_trim(e->record);
  srv_utf8_trim(e->bcp);
  srv_utf8_trim(e->desk);
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

static int64_t now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static conn_watch *watch_of(struct MHD_Connection *c) {
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  return ci ? ci->socket_context : NULL;
}

/* The request on c is whole (or answered early): its clock stops. */
static void watch_answering(srv *s, struct MHD_Connection *c) {
  conn_watch *w = watch_of(c);
  if (!w)
    return;
  pthread_mutex_lock(&s->watch_lock);
  w->answering = true;
  pthread_mutex_unlock(&s->watch_lock);
}

static void on_connection(void *cls, struct MHD_Connection *c,
                          void **socket_context,
                          enum MHD_ConnectionNotificationCode toe) {
  srv *s = cls;
  if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
    conn_watch *w = calloc(1, sizeof *w);
    if (!w)
      return; /* not watched: libmicrohttpd's idle timeout still holds */
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    w->fd = ci ? ci->connect_fd : MHD_INVALID_SOCKET;
    w->since_ms = now_ms();
    pthread_mutex_lock(&s->watch_lock);
    w->next = s->watched;
    if (s->watched)
      s->watched->prev = w;
    s->watched = w;
    pthread_mutex_unlock(&s->watch_lock);
    *socket_context = w;
    return;
  }
  /* closed: libmicrohttpd tells before it closes the socket, so the
   * watchdog never touches a descriptor that was reused */
  conn_watch *w = *socket_context;
  if (!w)
    return;
  pthread_mutex_lock(&s->watch_lock);
  if (w->prev)
    w->prev->next = w->next;
  else
    s->watched = w->next;
  if (w->next)
    w->next->prev = w->prev;
  pthread_mutex_unlock(&s->watch_lock);
  free(w);
  *socket_context = NULL;
}

/* Cuts every request that has taken longer than request_max_s to arrive:
 * a plain-HTTP client is told so (408, JSON) before the connection is shut
 * down; libmicrohttpd then sees it closed and cleans up. Checks five times
 * a second. */
static void *watchdog(void *arg) {
  static const char timeout[] =
      "HTTP/1.1 408 Request Timeout\r\n"
      "Content-Type: application/json; charset=utf-8\r\n"
      "Connection: close\r\nContent-Length: 93\r\n\r\n"
      "{\"error\":{\"code\":\"E_TIMEOUT\",\"message\":\"the request took too "
      "long to arrive: closed\"}}\n";
  srv *s = arg;
  int64_t limit = (int64_t)s->opt.request_max_s * 1000;
  pthread_mutex_lock(&s->watch_lock);
  while (!s->watch_stop) {
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_nsec += 200 * 1000 * 1000;
    if (until.tv_nsec >= 1000000000) {
      until.tv_sec++;
      until.tv_nsec -= 1000000000;
    }
    pthread_cond_timedwait(&s->watch_wake, &s->watch_lock, &until);
    int64_t now = now_ms();
    for (conn_watch *w = s->watched; w; w = w->next) {
      if (w->answering || w->cut || now - w->since_ms < limit ||
          w->fd == MHD_INVALID_SOCKET)
        continue;
      if (!s->tls) /* (the socket is non-blocking; the few bytes fit) */
        (void)!send(w->fd, timeout, sizeof timeout - 1,
                    MSG_NOSIGNAL | MSG_DONTWAIT);
      shutdown(w->fd, SHUT_RDWR);
      w->cut = true;
    }
  }
  pthread_mutex_unlock(&s->watch_lock);
  return NULL;
}

static enum MHD_Result send_reply(srv *s, struct MHD_Connection *c,
                                  srv_reply *rp, const char *allow,
                                  bool close_after) {
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

/* An answer given before the body is read: the connection is closed after
 * it (what remains of the request cannot be told from a next one). */
static enum MHD_Result refuse_early(srv *s, struct MHD_Connection *c,
                                    conn_state *st, unsigned status,
                                    const char *code, const char *message) {
  srv_reply rp = {500, NULL, "", NULL, NULL};
  st->answered = true;
  srv_reply_error(&rp, status, code, "%s", message);
  watch_answering(s, c);
  return send_reply(s, c, &rp, NULL, true);
}

/* A field line libmicrohttpd passed on that no other HTTP parser would
 * read the same way: a name that is not a token (RFC 9110 section 5.6.2),
 * such as "Transfer-Encoding : chunked" (whitespace before the colon, RFC
 * 9112 section 5.1), or a line continued on the next (obs-fold, RFC 9112
 * section 5.2), or a value with a control character other than HTAB (RFC
 * 9110 section 5.5: "Host: x\rContent-Length: 2" is one field here, two
 * for a parser that ends a line at a lone CR). Each can hide from us a
 * framing header that a proxy in front reads, so each is refused like the
 * framing faults below. */
typedef struct field_fault {
  char message[192]; /* empty: none */
} field_fault;

static bool is_tchar(unsigned char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
         (ch >= 'a' && ch <= 'z') || (ch && strchr("!#$%&'*+-.^_`|~", ch));
}

/* libmicrohttpd 0.9.75 keeps none of the raw lines, but it parses a line
 * "name: value" in place: the name ends where the colon was (now a NUL)
 * and the value starts after it and any spaces or tabs. A continuation
 * line (obs-fold) it glues to the end of the *name*, which it first moves
 * to a new block of its memory pool, past the line: so a name that does
 * not sit just before its value was folded (say "Transfer-Encoding:",
 * " chunked", seen as a field "Transfer-Encodingchunked" with an empty
 * value). The addresses are compared as integers; the bytes between are
 * read only when the value lies after the name, in the same line. */
static bool from_one_line(const char *key, const char *value) {
  uintptr_t k = (uintptr_t)key, v = (uintptr_t)value;
  size_t len = strlen(key);
  if (v <= k || v - k < len + 1)
    return false;
  for (size_t i = len + 1; i < v - k; i++)
    if (key[i] != ' ' && key[i] != '\t')
      return false;
  return true;
}

static enum MHD_Result find_field_fault(void *cls, enum MHD_ValueKind kind,
                                        const char *key, const char *value) {
  (void)kind;
  field_fault *f = cls;
  size_t good = 0;
  while (is_tchar((unsigned char)key[good]))
    good++;
  if (!key[0])
    snprintf(f->message, sizeof f->message, "a header field name is empty");
  else if (key[good])
    snprintf(f->message, sizeof f->message,
             "the header field name '%.*s' is followed by byte 0x%02x: a "
             "name is a token (RFC 9110 section 5.6.2), with no whitespace "
             "before its colon (RFC 9112 section 5.1)",
             (int)(good > 40 ? 40 : good), good > 40 ? key + good - 40 : key,
             (unsigned char)key[good]);
  else if (!value || !from_one_line(key, value))
    snprintf(f->message, sizeof f->message,
             "a header field is continued on the next line (obs-fold, RFC "
             "9112 section 5.2): send it on one line");
  else {
    size_t i = 0; /* RFC 9110 section 5.5: no control character but HTAB */
    while (value[i] && (value[i] == '\t' ||
                        ((unsigned char)value[i] >= 0x20 && value[i] != 0x7f)))
      i++;
    if (value[i])
      snprintf(f->message, sizeof f->message,
               "the value of header field '%.40s' has byte 0x%02x: a value "
               "has no control characters but tabs (RFC 9110 section 5.5; a "
               "lone CR ends a line for some parsers)",
               key, (unsigned char)value[i]);
  }
  return f->message[0] ? MHD_NO : MHD_YES;
}

/* How the request says its body is framed (RFC 9112 section 6). */
typedef struct framing {
  unsigned lengths, encodings;
  const char *length;
  bool lengths_differ;
  bool chunked; /* the one Transfer-Encoding is exactly "chunked" */
} framing;

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind,
                                     const char *key, const char *value) {
  (void)kind;
  framing *f = cls;
  if (!value)
    value = "";
  if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
    if (f->lengths && strcmp(f->length, value) != 0)
      f->lengths_differ = true;
    f->length = value;
    f->lengths++;
  } else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
    f->encodings++;
    f->chunked = strcasecmp(value, "chunked") == 0;
  }
  return MHD_YES;
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

/* The request's headers are in: refuse what must not be read on (a field
 * line no other parser would read the same, a body framed two ways, an
 * unknown transfer coding, an announced body over the cap, a request that
 * came after srv_stop). */
static enum MHD_Result on_headers(srv *s, struct MHD_Connection *c,
                                  conn_state *st) {
  if (atomic_load(&s->stopping))
    return refuse_early(s, c, st, 503, "E_UNAVAILABLE",
                        "the server is shutting down: try again shortly");
  atomic_fetch_add(&s->inflight, 1);
  st->counted = true;
  field_fault bad = {""};
  MHD_get_connection_values(c, MHD_HEADER_KIND, find_field_fault, &bad);
  if (bad.message[0])
    return refuse_early(s, c, st, 400, "E_FRAMING", bad.message);
  framing f = {0, 0, NULL, false, false};
  MHD_get_connection_values(c, MHD_HEADER_KIND, count_framing, &f);
  if (f.lengths && f.encodings)
    return refuse_early(s, c, st, 400, "E_FRAMING",
                        "the request has both Content-Length and "
                        "Transfer-Encoding (RFC 9112 section 6.3)");
  if (f.lengths_differ)
    return refuse_early(s, c, st, 400, "E_FRAMING",
                        "the request has Content-Length headers that differ "
                        "(RFC 9112 section 6.3)");
  if (f.encodings && (f.encodings > 1 || !f.chunked))
    return refuse_early(s, c, st, 400, "E_FRAMING",
                        "Transfer-Encoding: only 'chunked' is accepted");
  if (f.length && strtoull(f.length, NULL, 10) > s->opt.body_max) {
    /* answered now: the body is never read, the connection then closed */
    char msg[96];
    snprintf(msg, sizeof msg, "the request body is larger than %zu bytes",
             s->opt.body_max);
    return refuse_early(s, c, st, 413, "E_TOO_LARGE", msg);
  }
  return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls) {
  (void)version;
  srv *s = cls;
  conn_state *st = *con_cls;
  if (!st) {
    st = calloc(1, sizeof *st);
    if (!st)
      return MHD_NO;
    *con_cls = st;
    return on_headers(s, c, st);
  }
  if (st->answered) { /* whatever comes is dropped */
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
  watch_answering(s, c);
  srv_reply rp = {500, NULL, "", NULL, NULL};
  /* a chunked body's trailer fields, held to the same rules */
  field_fault bad_trailer = {""};
  MHD_get_connection_values(c, MHD_FOOTER_KIND, find_field_fault, &bad_trailer);
  if (bad_trailer.message[0]) {
    srv_reply_error(&rp, 400, "E_FRAMING", "%s", bad_trailer.message);
    return send_reply(s, c, &rp, NULL, true);
  }
  char path[512];
  size_t n = strcspn(url, "?");
  if (st->too_large) {
    srv_reply_error(&rp, 413, "E_TOO_LARGE",
                    "the request body is larger than %zu bytes",
                    s->opt.body_max);
    return send_reply(s, c, &rp, NULL, false);
  }
  if (n >= sizeof path) {
    srv_reply_error(&rp, 414, "E_TOO_LARGE", "the path is too long");
    return send_reply(s, c, &rp, NULL, false);
  }
  memcpy(path, url, n);
  path[n] = 0;
  /* the officer console (static.c); an unknown file is the JSON 404 below */
  const srv_static_file *file =
      srv_static_wanted(method, path) ? srv_static_find(path) : NULL;
  if (file)
    return srv_static_send(c, file, s->tls ? SRV_HSTS : NULL);
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
    return send_reply(s, c, &rp, allow, false);
  }
  if (!route) {
    srv_reply_error(&rp, 404, "E_NOT_FOUND", "no such resource: %s", path);
    return send_reply(s, c, &rp, NULL, false);
  }
  /* what handlers quote back and hand to the library is UTF-8 */
  for (int i = 0; i < 2 && params[i]; i++) {
    if (one_line(params[i]))
      continue;
    char name[32];
    param_name(route->path, i, name, sizeof name);
    srv_reply_error(&rp, 400, "E_INVALID_ARG",
                    "the path's {%s} is not one line of valid UTF-8", name);
    return send_reply(s, c, &rp, NULL, false);
  }
  bad_arg bad = {NULL};
  MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, find_bad_arg, &bad);
  if (bad.name) {
    srv_reply_error(&rp, 400, "E_INVALID_ARG",
                    "the query argument '%s' is not one line of valid UTF-8",
                    bad.name);
    return send_reply(s, c, &rp, NULL, false);
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
    return send_reply(s, c, &rp, NULL, false);
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
      return send_reply(s, c, &rp, NULL, false);
    }
    if (bmis_session_use(rq.store, rq.token, (int64_t)time(NULL),
                         s->opt.idle_timeout_s, &session, &err) != BMIS_OK) {
      srv_reply_status(&rp, &err);
      return send_reply(s, c, &rp, NULL, false);
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
      return send_reply(s, c, &rp, NULL, false);
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
        return send_reply(s, c, &rp, NULL, false);
      }
    }
    rq.session = &session;
  }
  route->handler(&rq, &rp);
  if (!rp.json && !rp.raw && !rp.html)
    srv_reply_error(&rp, 500, "E_INTERNAL", "the handler gave no answer");
  return send_reply(s, c, &rp, NULL, false);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode why) {
  (void)why;
  srv *s = cls;
  conn_state *st = *con_cls;
  if (st) {
    if (st->counted)
      atomic_fetch_sub(&s->inflight, 1);
    free(st->body);
    free(st);
  }
  *con_cls = NULL;
  /* the next request on this connection starts its clock now */
  conn_watch *w = watch_of(c);
  if (w) {
    pthread_mutex_lock(&s->watch_lock);
    w->answering = false;
    w->since_ms = now_ms();
    pthread_mutex_unlock(&s->watch_lock);
  }
}

/* Reads a PEM file whole (NUL-terminated, malloc'd) into *out. */
static bmis_status read_pem(const char *what, const char *file, char **out,
                            bmis_error *err) {
  *out = NULL;
  FILE *f = fopen(file, "rb");
  if (!f)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "--tls-%s: cannot read '%s'",
                          what, file);
  size_t cap = 1 << 16, n = 0;
  char *text = malloc(cap + 1);
  if (text)
    n = fread(text, 1, cap + 1, f);
  bool bad = ferror(f);
  fclose(f);
  if (!text)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (bad || n > cap) {
    free(text);
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--tls-%s: '%s' cannot be read, or is larger than "
                          "64 KiB",
                          what, file);
  }
  text[n] = 0;
  *out = text;
  return BMIS_OK;
}

static int no_passphrase(char *buf, int size, int rwflag, void *u) {
  (void)buf;
  (void)size;
  (void)rwflag;
  (void)u;
  return -1; /* a key that needs one is refused, never prompted for */
}

/* The certificate and key read and checked with OpenSSL before
 * libmicrohttpd (GnuTLS) is given them: its failure says nothing of
 * which file is wrong. */
static bmis_status load_tls(srv *s, bmis_error *err) {
  if (!s->opt.tls_cert || !s->opt.tls_key)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "--tls-cert and --tls-key go together");
  if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "this libmicrohttpd was built without TLS: serve "
                          "plain HTTP behind a reverse proxy that does TLS");
  bmis_status st = read_pem("cert", s->opt.tls_cert, &s->tls_cert, err);
  if (st == BMIS_OK)
    st = read_pem("key", s->opt.tls_key, &s->tls_key, err);
  if (st != BMIS_OK)
    return st;
  BIO *b = BIO_new_mem_buf(s->tls_cert, -1);
  X509 *x = b ? PEM_read_bio_X509(b, NULL, no_passphrase, NULL) : NULL;
  BIO_free(b);
  b = BIO_new_mem_buf(s->tls_key, -1);
  EVP_PKEY *k =
      b ? PEM_read_bio_PrivateKey(b, NULL, no_passphrase, NULL) : NULL;
  BIO_free(b);
  if (!x)
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "--tls-cert: '%s' is not a PEM certificate",
                        s->opt.tls_cert);
  else if (!k)
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "--tls-key: '%s' is not a PEM private key (or it is "
                        "encrypted: give it without a passphrase)",
                        s->opt.tls_key);
  else if (X509_check_private_key(x, k) != 1)
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "--tls-key: '%s' is not the key of the certificate "
                        "'%s'",
                        s->opt.tls_key, s->opt.tls_cert);
  X509_free(x);
  EVP_PKEY_free(k);
  return st;
}

/* Frees what srv_start made of s (the daemon is stopped or never ran). */
static void srv_free(srv *s) {
  if (s->watch_running) {
    pthread_mutex_lock(&s->watch_lock);
    s->watch_stop = true;
    pthread_cond_signal(&s->watch_wake);
    pthread_mutex_unlock(&s->watch_lock);
    pthread_join(s->watch_thread, NULL);
  }
  srv_anchorer_stop(s->anchorer);   /* after the last request's entry */
  pthread_key_delete(s->store_key); /* the workers closed theirs on exit */
  bmis_screen_index_free(s->index);
  pthread_rwlock_destroy(&s->index_lock);
  pthread_mutex_destroy(&s->reload_lock);
  pthread_mutex_destroy(&s->watch_lock);
  pthread_cond_destroy(&s->watch_wake);
  if (s->tls_key) /* the private key does not linger in freed memory */
    OPENSSL_cleanse(s->tls_key, strlen(s->tls_key));
  free(s->tls_key);
  free(s->tls_cert);
  free(s);
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
  pthread_mutex_init(&s->watch_lock, NULL);
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_cond_init(&s->watch_wake, &ca);
  pthread_condattr_destroy(&ca);
  atomic_init(&s->stopping, false);
  atomic_init(&s->inflight, 0);
  bmis_status st = BMIS_OK;
  /* TLS first: a wrong file is said before anything else is done */
  s->tls = o->tls_cert || o->tls_key;
  if (s->tls && (st = load_tls(s, err)) != BMIS_OK) {
    srv_free(s);
    return st;
  }
  /* the store must open (and be migrated) before anyone is told to come */
  bmis_store *store = NULL;
  st = bmis_store_open(s->store_url, NULL, &store, err);
  if (st != BMIS_OK) {
    srv_free(s);
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
    srv_free(s);
    return st;
  }

  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)o->port);
  if (!o->external && (o->port > 65535 || !o->host ||
                       inet_pton(AF_INET, o->host, &addr.sin_addr) != 1)) {
    srv_free(s);
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "cannot listen on '%s:%u': not an IPv4 address "
                          "and port",
                          o->host ? o->host : "", o->port);
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  unsigned threads = o->threads ? o->threads : cores > 2 ? (unsigned)cores : 2;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
                   MHD_USE_ITC | (s->tls ? MHD_USE_TLS : 0);
  if (o->external) /* the caller's loop (srv_run), its connections */
    flags = MHD_USE_NO_LISTEN_SOCKET | (s->tls ? MHD_USE_TLS : 0);
  /* the options that differ between modes, then the common ones */
  struct MHD_OptionItem mode[6];
  unsigned m = 0;
  if (!o->external) {
    mode[m++] = (struct MHD_OptionItem){MHD_OPTION_SOCK_ADDR, 0, &addr};
    mode[m++] = (struct MHD_OptionItem){MHD_OPTION_THREAD_POOL_SIZE,
                                        (intptr_t)threads, NULL};
  }
  if (s->tls) {
    mode[m++] =
        (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_CERT, 0, s->tls_cert};
    mode[m++] =
        (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_KEY, 0, s->tls_key};
    /* TLS 1.2 and 1.3 only, GnuTLS's default ciphers otherwise */
    mode[m++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_PRIORITIES, 0,
                                        (void *)SRV_TLS_PRIORITIES};
  }
  mode[m] = (struct MHD_OptionItem){MHD_OPTION_END, 0, NULL};
  s->daemon = MHD_start_daemon(
      flags, 0, NULL, NULL, on_request, s, MHD_OPTION_ARRAY, mode,
      MHD_OPTION_CONNECTION_TIMEOUT, o->timeout_s, MHD_OPTION_NOTIFY_COMPLETED,
      on_completed, s, MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024, MHD_OPTION_END);
  if (!s->daemon) {
    bool tls = s->tls;
    srv_free(s);
    if (o->external || tls)
      return bmis_error_set(err, BMIS_E_IO, "cannot start the server%s",
                            tls ? " (GnuTLS refused the certificate or key)"
                                : "");
    return bmis_error_set(err, BMIS_E_IO,
                          "cannot listen on %s:%u (in use, or not allowed)",
                          o->host, o->port);
  }
  if (o->request_max_s &&
      pthread_create(&s->watch_thread, NULL, watchdog, s) == 0)
    s->watch_running = true;
  const union MHD_DaemonInfo *info =
      o->external ? NULL
                  : MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
  s->port = info ? info->port : o->port;
  *out = s;
  return BMIS_OK;
}

bmis_status srv_add_connection(srv *s, int fd, bmis_error *err) {
  struct sockaddr_in peer;
  memset(&peer, 0, sizeof peer);
  peer.sin_family = AF_INET;
  peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (MHD_add_connection(s->daemon, fd, (struct sockaddr *)&peer,
                         sizeof peer) != MHD_YES)
    return bmis_error_set(err, BMIS_E_IO, "the connection was not taken");
  return BMIS_OK;
}

void srv_run(srv *s) {
  MHD_run(s->daemon);
}

void srv_stop(srv *s, unsigned grace_s) {
  if (!s)
    return;
  /* from now on every request, kept-alive connections' too, is a 503 */
  atomic_store(&s->stopping, true);
  /* no new connections */
  MHD_socket listen =
      s->opt.external ? MHD_INVALID_SOCKET : MHD_quiesce_daemon(s->daemon);
  /* the requests in flight may finish; idle connections do not count */
  struct timespec tick = {0, 20 * 1000 * 1000};
  int64_t until = now_ms() + (int64_t)grace_s * 1000;
  while (atomic_load(&s->inflight) > 0 && now_ms() < until)
    nanosleep(&tick, NULL);
  MHD_stop_daemon(s->daemon);
  if (listen != MHD_INVALID_SOCKET) /* quiesce hands the socket over */
    close(listen);
  srv_free(s);
}

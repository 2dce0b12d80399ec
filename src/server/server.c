/* The HTTP server's connections: libmicrohttpd with a thread pool, TLS,
 * the time a request may take to arrive, the client's address. A request
 * goes to bodies.c as it arrives (headers, body) and, whole, to dispatch.c
 * (route, session, roles), which answers with JSON; errors are JSON too,
 * never a bare status (srv_fail, http.h). */
#define _POSIX_C_SOURCE 200809L /* strdup, nanosleep */
#include "server_state.h"

#include "anchor_timer.h"

#include "bmis/store.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* GnuTLS priorities: its defaults without TLS 1.0 and 1.1 */
#define SRV_TLS_PRIORITIES "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"

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
bmis_store *srv_thread_store(srv *s, bmis_error *err) {
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

const char *srv_store_kind(const srv *s) {
  return s->store_kind;
}

unsigned srv_port(const srv *s) {
  return s->port;
}

bool srv_tls(const srv *s) {
  return s->tls;
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

void srv_watch_answering(srv *s, struct MHD_Connection *c) {
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
  /* written on the socket, past libmicrohttpd: the status table's
   * E_TIMEOUT (408) made into an answer once */
  char body[128], timeout[320];
  int body_len = snprintf(body, sizeof body,
                          "{\"error\":{\"code\":\"%s\",\"message\":\"%s: "
                          "closed\"}}\n",
                          bmis_status_name(BMIS_E_TIMEOUT),
                          bmis_status_message(BMIS_E_TIMEOUT));
  int timeout_len =
      snprintf(timeout, sizeof timeout,
               "HTTP/1.1 %d Request Timeout\r\n"
               "Content-Type: application/json; charset=utf-8\r\n"
               "Connection: close\r\nContent-Length: %d\r\n\r\n%s",
               bmis_status_http(BMIS_E_TIMEOUT), body_len, body);
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
        (void)!send(w->fd, timeout, (size_t)timeout_len,
                    MSG_NOSIGNAL | MSG_DONTWAIT);
      shutdown(w->fd, SHUT_RDWR);
      w->cut = true;
    }
  }
  pthread_mutex_unlock(&s->watch_lock);
  return NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls) {
  (void)version;
  srv *s = cls;
  conn_state *st = *con_cls;
  if (!st) { /* the headers are in */
    st = calloc(1, sizeof *st);
    if (!st)
      return MHD_NO;
    *con_cls = st;
    return srv_body_headers(s, c, st);
  }
  if (st->answered) { /* whatever comes is dropped */
    *upload_size = 0;
    return MHD_YES;
  }
  if (*upload_size) /* a piece of the body */
    return srv_body_add(s, st, upload, upload_size);
  /* the whole request is in */
  srv_watch_answering(s, c);
  return srv_dispatch(s, c, st, url, method);
}

void srv_connection_client(const srv *s, struct MHD_Connection *c, char *out,
                           size_t cap) {
  char peer[64] = "";
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
      s->opt.trusted_proxy, out, cap);
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

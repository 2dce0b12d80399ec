/* Internal to the server's own files (not the handlers): the server's
 * state, and how its parts call each other. server.c: the connections
 * (the daemon, TLS, the time limit, the client's address); bodies.c: what
 * the headers announce and the body as it arrives (framing, caps);
 * dispatch.c: a whole request routed (the route, the session, the roles,
 * CSRF) and answered; request.c: what handlers use (http.h). */
#ifndef BMIS_SERVER_STATE_H
#define BMIS_SERVER_STATE_H

#include "server_internal.h"

#include "anchor_timer.h"
#include "http.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* ---- server.c: connections ---- */

/* The request on c is whole (or answered early): its clock stops. */
void srv_watch_answering(srv *s, struct MHD_Connection *c);

/* This worker thread's store handle (opened on its first request). */
bmis_store *srv_thread_store(srv *s, bmis_error *err);

/* The client's address of connection c (client_addr.c's rules: the peer,
 * or what a trusted proxy forwarded) into out. */
void srv_connection_client(const srv *s, struct MHD_Connection *c, char *out,
                           size_t cap);

/* ---- bodies.c: headers and bodies ---- */

/* The request's headers are in: MHD_YES to read on, or the request
 * refused at once (st->answered) and the connection closed after. */
enum MHD_Result srv_body_headers(srv *s, struct MHD_Connection *c,
                                 conn_state *st);

/* A piece of the body: kept up to the cap, past it only counted. */
enum MHD_Result srv_body_add(const srv *s, conn_state *st, const char *upload,
                             size_t *upload_size);

/* Whether the whole request must be refused for its body (over the cap) or
 * its trailer fields: then rp holds the answer, and *close_after whether
 * the connection must be closed after it. */
bool srv_body_refused(const srv *s, struct MHD_Connection *c,
                      const conn_state *st, srv_reply *rp, bool *close_after);

/* ---- dispatch.c: a whole request ---- */

/* Routes and answers the request that is whole on c. */
enum MHD_Result srv_dispatch(srv *s, struct MHD_Connection *c,
                             const conn_state *st, const char *url,
                             const char *method);

/* Queues rp (then freed) on c: allow for an Allow header (NULL: none);
 * close_after: the connection is closed after it. */
enum MHD_Result srv_send(srv *s, struct MHD_Connection *c, srv_reply *rp,
                         const char *allow, bool close_after);

#endif

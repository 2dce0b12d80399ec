/* `bmis serve`: the HTTP front end (libmicrohttpd, thread pool, JSON through
 * jansson). Like the CLI it holds no business rules: a request is decoded,
 * one library call is made, the answer is encoded (routes.c lists them). */
#ifndef BMIS_SERVER_H
#define BMIS_SERVER_H

#include "bmis/status.h"
#include "bmis/store.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct srv srv;

typedef struct srv_options {
  const char *store_url;  /* the store every request works on */
  const char *host;       /* an IPv4 address to listen on ("127.0.0.1") */
  unsigned port;          /* 0: any free port (see srv_port) */
  unsigned threads;       /* worker threads; 0: one per core, at least 2 */
  size_t body_max;        /* largest request body accepted (413 above) */
  unsigned timeout_s;     /* an idle or slow connection is closed after this */
  unsigned request_max_s; /* a request not received whole within this
                             (from its connection's opening or the end of
                             the previous answer) is cut off; 0: no limit */
  const char *tls_cert;   /* PEM files: serve HTTPS (both, or neither) */
  const char *tls_key;
  bool external;              /* no listening socket, no threads: connections
                                 come from srv_add_connection and are served by
                                 srv_run (the fuzz target) */
  unsigned session_ttl_s;     /* how long a login lasts */
  unsigned idle_timeout_s;    /* a session idle longer ends (0: never) */
  const char *trusted_proxy;  /* the reverse proxy's address, whose
                                 X-Forwarded-For names the client; NULL:
                                 the peer is the client */
  bmis_durability durability; /* what a committed write survives (SQLite) */
  /* audit anchors (anchor_timer.h): with a private key and a file, the
   * chain's head is signed and appended to the file at start, every
   * anchor_every_min minutes and at stop */
  const char *anchor_key;    /* NULL: no anchoring */
  const char *anchors;       /* the anchors file */
  unsigned anchor_every_min; /* default 60 */
  unsigned anchor_every_s;   /* tests: overrides the minutes when not 0 */
} srv_options;

/* Defaults: 127.0.0.1:8080, a thread per core, 1 MiB bodies, 15 s idle,
 * 30 s per request, sessions of 12 hours (a shift and its overlap) that
 * end after 15 minutes idle, no trusted proxy, PROCESS durability, plain
 * HTTP. */
void srv_options_init(srv_options *o);

/* Opens the store once (a store that cannot be opened is an error here,
 * not on the first request) and starts listening. With tls_cert and
 * tls_key, serves HTTPS: a file that cannot be read, is not PEM, or a key
 * that is not the certificate's is BMIS_E_INVALID_ARG naming the file,
 * and nothing is served. *out is freed by srv_stop. */
bmis_status srv_start(const srv_options *o, srv **out, bmis_error *err);

/* Rebuilds the screening index from the store's watchlists (after an
 * import) and puts it in use; requests go on with the old one until it
 * is ready. *entries (may be NULL) is the count of entries indexed. On an
 * error the index in use stays. */
bmis_status srv_reload_lists(srv *s, size_t *entries, bmis_error *err);

/* The port listened on (the one chosen when options asked for 0). */
unsigned srv_port(const srv *s);

/* Whether s serves HTTPS. */
bool srv_tls(const srv *s);

/* Stops: every request that comes after this call, on any connection
 * (kept-alive ones too), is answered 503 with "Connection: close"; no new
 * connection is accepted; the requests in flight get up to grace_s
 * seconds to finish; then every connection is closed and s freed. NULL
 * is accepted. */
void srv_stop(srv *s, unsigned grace_s);

/* With options.external only: serve the connected socket fd (s owns it
 * from now on, and closes it), and make one pass over the connections
 * (reads, answers, writes what can be written, never waits). */
bmis_status srv_add_connection(srv *s, int fd, bmis_error *err);
void srv_run(srv *s);

#endif

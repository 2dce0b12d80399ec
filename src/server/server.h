/* `bmis serve`: the HTTP front end (libmicrohttpd, thread pool, JSON through
 * jansson). Like the CLI it holds no business rules: a request is decoded,
 * one library call is made, the answer is encoded (routes.c lists them). */
#ifndef BMIS_SERVER_H
#define BMIS_SERVER_H

#include "bmis/status.h"
#include "bmis/store.h"

#include <stddef.h>

typedef struct srv srv;

typedef struct srv_options {
  const char *store_url;   /* the store every request works on */
  const char *host;        /* an IPv4 address to listen on ("127.0.0.1") */
  unsigned port;           /* 0: any free port (see srv_port) */
  unsigned threads;        /* worker threads; 0: one per core, at least 2 */
  size_t body_max;         /* largest request body accepted (413 above) */
  unsigned timeout_s;      /* an idle or slow connection is closed after this */
  unsigned session_ttl_s;  /* how long a login lasts */
  unsigned idle_timeout_s; /* a session idle longer ends (0: never) */
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

/* Defaults: 127.0.0.1:8080, a thread per core, 1 MiB bodies, 15 s,
 * sessions of 12 hours (a shift and its overlap) that end after 15
 * minutes idle, no trusted proxy, PROCESS durability. */
void srv_options_init(srv_options *o);

/* Opens the store once (a store that cannot be opened is an error here,
 * not on the first request) and starts listening. *out is freed by
 * srv_stop. */
bmis_status srv_start(const srv_options *o, srv **out, bmis_error *err);

/* Rebuilds the screening index from the store's watchlists (after an
 * import) and puts it in use; requests go on with the old one until it
 * is ready. *entries (may be NULL) is the count of entries indexed. On an
 * error the index in use stays. */
bmis_status srv_reload_lists(srv *s, size_t *entries, bmis_error *err);

/* The port listened on (the one chosen when options asked for 0). */
unsigned srv_port(const srv *s);

/* Stops accepting connections, lets the requests in flight finish (up to
 * grace_s seconds), then stops and frees s. NULL is accepted. */
void srv_stop(srv *s, unsigned grace_s);

#endif

/* Internal to src/server: the server's own state, for handlers. */
#ifndef BMIS_SERVER_INTERNAL_H
#define BMIS_SERVER_INTERNAL_H

#include "server.h"

/* "sqlite" or "postgres": the store the server works on. */
const char *srv_store_kind(const srv *s);

/* How long a session opened now lasts, in seconds. */
unsigned srv_session_ttl(const srv *s);

/* The longest idle time a session may have, in seconds (0: no limit). */
unsigned srv_idle_timeout(const srv *s);

/* The client's address (canonical text) into out: the peer's, unless the
 * peer is trusted_proxy (NULL: none), whose last X-Forwarded-For member
 * (forwarded, may be NULL) is taken when it is an address. */
void srv_client_address(const char *peer, const char *forwarded,
                        const char *trusted_proxy, char *out, size_t cap);

#endif

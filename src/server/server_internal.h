/* Internal to src/server: the server's own state, for handlers. */
#ifndef BMIS_SERVER_INTERNAL_H
#define BMIS_SERVER_INTERNAL_H

#include "server.h"

/* "sqlite" or "postgres": the store the server works on. */
const char *srv_store_kind(const srv *s);

/* How long a session opened now lasts, in seconds. */
unsigned srv_session_ttl(const srv *s);

#endif

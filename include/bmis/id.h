/* Record ids: time-ordered UUIDs, made by whoever records, so that posts
 * working offline merge without collisions. (Declared here, below the
 * register, so that every layer may make and check them.) */
#ifndef BMIS_ID_H
#define BMIS_ID_H

#include "bmis/export.h"
#include "bmis/status.h"

#include <stdbool.h>

/* A time-ordered UUID (RFC 9562 version 7) in its 36-character text form. */
#define BMIS_ID_SIZE 37

/* Writes a new version 7 UUID (48-bit Unix milliseconds, then randomness,
 * strictly increasing within the process) and a NUL into out. */
BMIS_API bmis_status bmis_uuid_v7(char out[BMIS_ID_SIZE], bmis_error *err);

/* True when text is a UUID in canonical lower- or upper-case text form. */
BMIS_API bool bmis_uuid_is_valid(const char *text);

#endif

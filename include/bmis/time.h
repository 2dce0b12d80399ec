/* Instants: Unix seconds in UTC, written as RFC 3339 text, and the local
 * calendar date of an instant at a time zone. (Declared here, below the
 * register, so that every layer may use them.) */
#ifndef BMIS_TIME_H
#define BMIS_TIME_H

#include "bmis/date.h"
#include "bmis/export.h"
#include "bmis/status.h"

#include <stdint.h>

/* Parses "2026-11-26T08:15:00Z" (or with +hh:mm offset, or "…T08:15Z")
 * into Unix seconds. */
BMIS_API bmis_status bmis_time_parse(const char *text, int64_t *out,
                                     bmis_error *err);
/* Writes "2026-11-26T08:15:00Z" and a NUL into buf (21 bytes). */
BMIS_API char *bmis_time_format(int64_t t, char buf[21]);

/* The local calendar date at an IANA time zone of a UTC instant.
 * E_INVALID_ARG when the zone is unknown. */
BMIS_API bmis_status bmis_local_date(const char *time_zone, int64_t utc,
                                     bmis_date *out, bmis_error *err);

#endif

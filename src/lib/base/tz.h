/* Time zones inside the library: an opened ICU calendar per zone, for
 * callers that convert many instants (the register caches one per crossing
 * point). */
#ifndef BMIS_BASE_TZ_H
#define BMIS_BASE_TZ_H

#include "bmis/date.h"
#include "bmis/status.h"

#include <stdint.h>

typedef struct bmis__tz bmis__tz;

/* Opens the calendar of an IANA zone; E_INVALID_ARG (message names the
 * zone) when ICU does not know it. Free with bmis__tz_close. */
bmis_status bmis__tz_open(const char *zone, bmis__tz **out, bmis_error *err);
void bmis__tz_close(bmis__tz *tz);
/* The local calendar date of a UTC instant (Unix seconds). */
bmis_status bmis__tz_local_date(bmis__tz *tz, int64_t utc, bmis_date *out,
                                bmis_error *err);

#endif

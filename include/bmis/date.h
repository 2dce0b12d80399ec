/* Calendar dates (proleptic Gregorian), possibly partial.
 *
 * MRZ dates may leave the day or month unknown, so a bmis_date carries 0 in
 * month or day for "unknown". Days are counted from 1970-01-01. */
#ifndef BMIS_DATE_H
#define BMIS_DATE_H

#include "bmis/export.h"
#include "bmis/status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef struct bmis_date {
  int16_t year; /* 0 when unknown */
  int8_t month; /* 1-12, 0 when unknown */
  int8_t day;   /* 1-31, 0 when unknown */
} bmis_date;

/* True when year, month and day are all known and form a real calendar date
 * (so 31 February is false). */
BMIS_API bool bmis_date_is_valid(bmis_date d);

/* Number of days in a month of a year (28-31); 0 for a month outside 1-12. */
BMIS_API int bmis_date_days_in_month(int year, int month);

/* Days since 1970-01-01 of a complete date. The date must be valid. */
BMIS_API int32_t bmis_date_to_days(bmis_date d);

/* The date `days` days after 1970-01-01. */
BMIS_API bmis_date bmis_date_from_days(int32_t days);

/* Compares two complete dates: negative, 0 or positive like strcmp. */
BMIS_API int bmis_date_compare(bmis_date a, bmis_date b);

/* Whole years from `birth` to `on` (the age reached on that date); birth must
 * be complete. */
BMIS_API int bmis_date_years_between(bmis_date birth, bmis_date on);

/* Parses "YYYY-MM-DD" (exactly) into *out. Returns BMIS_E_PARSE, with a
 * message in err, when the text is not a valid calendar date. */
BMIS_API bmis_status bmis_date_parse_iso(const char *text, bmis_date *out,
                                         bmis_error *err);

/* Parses a date that may be partial: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
 * (unknown parts 0). BMIS_E_PARSE when it is none of them. */
BMIS_API bmis_status bmis_date_parse_partial(const char *text, bmis_date *out,
                                             bmis_error *err);

/* Writes "YYYY-MM-DD" (unknown parts as "XX") and a NUL into buf, which must
 * hold at least 11 bytes. Returns buf. */
BMIS_API char *bmis_date_format_iso(bmis_date d, char buf[11]);

/* Today's date in UTC, from the system clock: for front ends. Inline, so
 * that the clock is read in the front end's code: the library never reads
 * it (its rules take an "as of" date). */
static inline bmis_date bmis_date_today_utc(void) {
  return bmis_date_from_days((int32_t)(time(NULL) / 86400));
}

#endif

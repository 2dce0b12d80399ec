/* Instants (Unix seconds, UTC) as text, and the calendar date they fall on
 * at a place (IANA time zone, through ICU's calendar). */
#include "bmis/time.h"
#include "base/alloc.h"
#include "base/text.h"
#include "base/tz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
#define BMIS__TIME_MIN (-62135596800LL)
#define BMIS__TIME_MAX (253402300799LL)

bmis_status bmis_time_parse(const char *text, int64_t *out, bmis_error *err) {
  size_t n = text ? strlen(text) : 0;
  if (n < 17 || n > 40 || text[10] != 'T')
    return bmis_error_set(err, BMIS_E_PARSE,
                          "'%.40s' is not a time like 2026-11-26T08:15:00Z",
                          text ? text : "");
  char day[11];
  memcpy(day, text, 10);
  day[10] = 0;
  bmis_date d;
  if (bmis_date_parse_iso(day, &d, NULL) != BMIS_OK)
    return bmis_error_set(err, BMIS_E_PARSE, "'%.40s': bad date", text);
  const char *p = text + 11;
  int hh = bmis__text_digits(p, 2),
      mm = p[2] == ':' ? bmis__text_digits(p + 3, 2) : -1, ss = 0;
  p += 5;
  if (*p == ':') {
    ss = bmis__text_digits(p + 1, 2);
    p += 3;
    if (*p == '.') /* fractions of a second are dropped */
      for (p++; *p >= '0' && *p <= '9'; p++)
        ;
  }
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60)
    return bmis_error_set(err, BMIS_E_PARSE, "'%.40s': bad time of day", text);
  int offset = 0;
  if (*p == 'Z' && p[1] == 0) {
    offset = 0;
  } else if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':') {
    int oh = bmis__text_digits(p + 1, 2), om = bmis__text_digits(p + 4, 2);
    if (oh < 0 || oh > 14 || om < 0 || om > 59)
      return bmis_error_set(err, BMIS_E_PARSE, "'%.40s': bad UTC offset", text);
    offset = (oh * 60 + om) * 60 * (*p == '-' ? -1 : 1);
  } else {
    return bmis_error_set(err, BMIS_E_PARSE,
                          "'%.40s': needs a zone, Z or +hh:mm", text);
  }
  int64_t t =
      (int64_t)bmis_date_to_days(d) * 86400 + hh * 3600 + mm * 60 + ss - offset;
  /* The offset may carry a time past the years that can be written back. */
  if (t < BMIS__TIME_MIN || t > BMIS__TIME_MAX)
    return bmis_error_set(err, BMIS_E_PARSE,
                          "'%.40s' is outside years 0001 to 9999 in UTC", text);
  *out = t;
  return BMIS_OK;
}

char *bmis_time_format(int64_t t, char buf[21]) {
  int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  int64_t secs = t - days * 86400;
  bmis_date d = bmis_date_from_days((int32_t)days);
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02dZ",
           (d.year % 10000 + 10000) % 10000, d.month, d.day, (int)(secs / 3600),
           (int)(secs / 60 % 60), (int)(secs % 60));
  memcpy(buf, tmp, 20);
  buf[20] = 0;
  return buf;
}

struct bmis__tz {
  UCalendar *cal;
};

bmis_status bmis__tz_open(const char *zone, bmis__tz **out, bmis_error *err) {
  *out = NULL;
  UChar uzone[80];
  UErrorCode ec = U_ZERO_ERROR;
  int32_t len = 0;
  u_strFromUTF8(uzone, 80, &len, zone, -1, &ec);
  if (U_FAILURE(ec) || len == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "time zone '%.64s'", zone);
  /* ICU answers an unknown zone with GMT: check the name is canonical. */
  UChar canonical[80];
  UBool system = 0;
  ucal_getCanonicalTimeZoneID(uzone, len, canonical, 80, &system, &ec);
  if (U_FAILURE(ec) || !system)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "'%.64s' is not an IANA time zone", zone);
  bmis__tz *tz = bmis__malloc(sizeof *tz);
  if (!tz)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  tz->cal =
      ucal_open(uzone, len, "en_US@calendar=gregorian", UCAL_GREGORIAN, &ec);
  if (U_FAILURE(ec)) {
    bmis__free(tz);
    return bmis_error_set(err, BMIS_E_INTERNAL, "ICU calendar: %s",
                          u_errorName(ec));
  }
  *out = tz;
  return BMIS_OK;
}

void bmis__tz_close(bmis__tz *tz) {
  if (!tz)
    return;
  ucal_close(tz->cal);
  bmis__free(tz);
}

bmis_status bmis__tz_local_date(bmis__tz *tz, int64_t utc, bmis_date *out,
                                bmis_error *err) {
  UErrorCode ec = U_ZERO_ERROR;
  ucal_setMillis(tz->cal, (UDate)utc * 1000.0, &ec);
  int y = ucal_get(tz->cal, UCAL_EXTENDED_YEAR, &ec);
  int m = ucal_get(tz->cal, UCAL_MONTH, &ec) + 1;
  int d = ucal_get(tz->cal, UCAL_DATE, &ec);
  if (U_FAILURE(ec))
    return bmis_error_set(err, BMIS_E_INTERNAL, "ICU calendar: %s",
                          u_errorName(ec));
  out->year = (int16_t)y;
  out->month = (int8_t)m;
  out->day = (int8_t)d;
  return BMIS_OK;
}

bmis_status bmis_local_date(const char *zone, int64_t utc, bmis_date *out,
                            bmis_error *err) {
  bmis__tz *tz;
  bmis_status st = bmis__tz_open(zone, &tz, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__tz_local_date(tz, utc, out, err);
  bmis__tz_close(tz);
  return st;
}

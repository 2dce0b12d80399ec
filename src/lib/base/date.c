/* Civil-date arithmetic (proleptic Gregorian calendar). The day-count
 * conversions follow Howard Hinnant's public-domain "days_from_civil"
 * algorithm, which is exact for every date in int16_t's year range. */
#include "bmis/date.h"
#include "base/text.h"

#include <stdio.h>
#include <string.h>

static bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int bmis_date_days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12)
    return 0;
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool bmis_date_is_valid(bmis_date d) {
  return d.year > 0 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= bmis_date_days_in_month(d.year, d.month);
}

int32_t bmis_date_to_days(bmis_date d) {
  int y = d.year - (d.month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int mp = (d.month + 9) % 12;
  int doy = (153 * mp + 2) / 5 + d.day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bmis_date bmis_date_from_days(int32_t days) {
  int32_t z = days + 719468;
  int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  int32_t doe = z - era * 146097;
  int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int32_t y = yoe + era * 400;
  int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int32_t mp = (5 * doy + 2) / 153;
  int32_t day = doy - (153 * mp + 2) / 5 + 1;
  int32_t month = mp < 10 ? mp + 3 : mp - 9;
  bmis_date d = {(int16_t)(y + (month <= 2)), (int8_t)month, (int8_t)day};
  return d;
}

int bmis_date_compare(bmis_date a, bmis_date b) {
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  if (a.day != b.day)
    return a.day < b.day ? -1 : 1;
  return 0;
}

int bmis_date_years_between(bmis_date birth, bmis_date on) {
  int years = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
    years--;
  return years;
}

bmis_status bmis_date_parse_iso(const char *text, bmis_date *out,
                                bmis_error *err) {
  if (!text || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no date given");
  size_t n = 0;
  while (n < 11 && text[n])
    n++;
  int y = -1, m = -1, d = -1;
  if (n == 10 && text[4] == '-' && text[7] == '-') {
    y = bmis__text_digits(text, 4);
    m = bmis__text_digits(text + 5, 2);
    d = bmis__text_digits(text + 8, 2);
  }
  if (y < 0 || m < 0 || d < 0)
    return bmis_error_set(err, BMIS_E_PARSE,
                          "'%.32s' is not a date in the form YYYY-MM-DD", text);
  bmis_date date = {(int16_t)y, (int8_t)m, (int8_t)d};
  if (!bmis_date_is_valid(date))
    return bmis_error_set(err, BMIS_E_PARSE, "'%.32s' is not a calendar date",
                          text);
  *out = date;
  return BMIS_OK;
}

char *bmis_date_format_iso(bmis_date d, char buf[11]) {
  static const char digit[] = "0123456789";
  int y = d.year > 0 && d.year <= 9999 ? d.year : 0;
  if (d.year > 0) {
    buf[0] = digit[y / 1000];
    buf[1] = digit[y / 100 % 10];
    buf[2] = digit[y / 10 % 10];
    buf[3] = digit[y % 10];
  } else {
    buf[0] = buf[1] = buf[2] = buf[3] = 'X';
  }
  buf[4] = '-';
  if (d.month > 0) {
    buf[5] = digit[d.month / 10];
    buf[6] = digit[d.month % 10];
  } else {
    buf[5] = buf[6] = 'X';
  }
  buf[7] = '-';
  if (d.day > 0) {
    buf[8] = digit[d.day / 10];
    buf[9] = digit[d.day % 10];
  } else {
    buf[8] = buf[9] = 'X';
  }
  buf[10] = '\0';
  return buf;
}

bmis_status bmis_date_parse_partial(const char *text, bmis_date *out,
                                    bmis_error *err) {
  size_t n = text ? strlen(text) : 0;
  if (n == 10)
    return bmis_date_parse_iso(text, out, err);
  if (n == 4 || n == 7) {
    char full[11];
    snprintf(full, sizeof full, "%s%s", text, n == 4 ? "-01-01" : "-01");
    if (bmis_date_parse_iso(full, out, NULL) == BMIS_OK) {
      out->day = 0;
      if (n == 4)
        out->month = 0;
      return BMIS_OK;
    }
  }
  return bmis_error_set(err, BMIS_E_PARSE,
                        "'%.20s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
                        text ? text : "");
}

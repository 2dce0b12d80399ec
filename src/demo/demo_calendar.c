/* Numbers and time for the synthetic data: exp and log written out (plain
 * IEEE arithmetic gives the same bits on every machine, where libm's may
 * differ in the last place between C libraries, and the data must be the
 * same for a seed everywhere), the period's local days (from the crossing
 * points' zone), and the seasonal, weekly and daily rhythms of a border.
 *
 * Trip positions go through a seasonal warp. Weekly and daily rhythms are
 * monotone warps of each local week and day: they keep each traveller's
 * crossings in order and move a crossing by less than half a day, which
 * the stay rules' margins allow for (see demo__trip_of). */
#include "demo_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- numbers ---- */

double demo__exp(double x) {
  if (x < -700)
    return 0;
  if (x > 700)
    x = 700;
  double kf = x * 1.4426950408889634;
  int64_t k = (int64_t)(kf < 0 ? kf - 0.5 : kf + 0.5);
  double r = x - (double)k * 0.6931471805599453;
  double term = 1, sum = 1;
  for (int i = 1; i < 18; i++) {
    term *= r / i;
    sum += term;
  }
  uint64_t bits = (uint64_t)(k + 1023) << 52;
  double scale;
  memcpy(&scale, &bits, sizeof scale);
  return sum * scale;
}

double demo__log(double x) {
  if (!(x > 0))
    return -745;
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  int e = (int)((bits >> 52) & 0x7ff) - 1023;
  bits = (bits & 0x000fffffffffffffu) | 0x3ff0000000000000u;
  double m;
  memcpy(&m, &bits, sizeof m);
  if (m > 1.4142135623730951) {
    m *= 0.5;
    e++;
  }
  double s = (m - 1) / (m + 1), s2 = s * s, term = s, sum = 0;
  for (int i = 1; i < 40; i += 2) {
    sum += term / i;
    term *= s2;
  }
  return 2 * sum + e * 0.6931471805599453;
}

/* ---- the calendar: local days, seasons, weeks, hours ---- */

static bmis_status local_day(const char *tz, int64_t t, int32_t *out,
                             bmis_error *err) {
  bmis_date d;
  bmis_status st = bmis_local_date(tz, t, &d, err);
  if (st == BMIS_OK)
    *out = bmis_date_to_days(d);
  return st;
}

/* The first instant in [lo, hi] whose local day is `day` or later. */
static bmis_status first_instant(const char *tz, int32_t day, int64_t lo,
                                 int64_t hi, int64_t *out, bmis_error *err) {
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    int32_t d;
    bmis_status st = local_day(tz, mid, &d, err);
    if (st != BMIS_OK)
      return st;
    if (d >= day)
      hi = mid;
    else
      lo = mid + 1;
  }
  *out = lo;
  return BMIS_OK;
}

/* Seasons: summer and year-end peaks, a spring festival and the national
 * day (the book's Utopia was published in December 1516; its day here is
 * 12 September). */
static double season_weight(bmis_date d) {
  static const double month[12] = {1.05, 0.9,  0.95, 1.0,  0.9,  0.95,
                                   1.2,  1.25, 1.0,  0.95, 0.95, 1.15};
  double w = month[d.month - 1];
  if ((d.month == 12 && d.day >= 18) || (d.month == 1 && d.day <= 3))
    w *= 1.35;
  if (d.month == 4 && d.day >= 10 && d.day <= 17)
    w *= 1.2;
  if (d.month == 9 && d.day >= 10 && d.day <= 14)
    w *= 1.3;
  return w;
}

/* Weekdays, Monday first: Friday and Sunday peaks, quiet Tuesdays. Kept
 * within 0.85-1.2 so that the weekly warp moves nothing by more than a
 * third of a day. */
static const double week_w_raw[7] = {1.0, 0.88, 0.9, 0.98, 1.18, 1.06, 1.12};

/* Hours of the day at each kind of crossing point (local time): flight
 * banks; land borders open 06:00-22:00; ferries morning and evening;
 * three trains a day each way. */
static const double hour_w_raw[4][24] = {
    {3, 2, 1, 1, 2, 4, 8, 10, 9, 7, 6, 6, 7, 8, 7, 6, 6, 7, 8, 9, 10, 9, 7, 5},
    {0, 0, 0, 0, 0, 0, 4, 8, 10, 10, 9, 8, 7, 7, 8, 9, 10, 9, 7, 5, 3, 2, 0, 0},
    {0, 0, 0, 0, 0, 1, 4, 10, 12, 8, 5, 4, 4, 4, 5, 6, 8, 10, 9, 5, 2, 1, 0, 0},
    {0, 0, 0, 0, 0, 0, 2, 12, 6, 2, 1, 2, 10, 4, 1, 1, 2, 4, 12, 6, 2, 0, 0, 0},
};
static void rhythm_init(demo__plan *p) {
  double *week_w = p->week_w, *week_cum = p->week_cum;
  double s = 0;
  for (int i = 0; i < 7; i++)
    s += week_w_raw[i];
  week_cum[0] = 0;
  for (int i = 0; i < 7; i++) {
    week_w[i] = week_w_raw[i] * 7 / s;
    week_cum[i + 1] = week_cum[i] + week_w[i];
  }
  for (int k = 0; k < 4; k++) {
    double t = 0;
    for (int h = 0; h < 24; h++)
      t += hour_w_raw[k][h];
    p->hour_cum[k][0] = 0;
    for (int h = 0; h < 24; h++) {
      p->hour_w[k][h] = hour_w_raw[k][h] / t;
      p->hour_cum[k][h + 1] = p->hour_cum[k][h] + p->hour_w[k][h];
    }
  }
}

bmis_status demo__calendar_init(demo__plan *p, const bmis_demo_options *o,
                                bmis_error *err) {
  rhythm_init(p);
  p->days = o->days;
  p->first_day = bmis_date_to_days(o->until) - o->days + 1;
  p->midnight = calloc((size_t)p->days + 1, sizeof *p->midnight);
  p->season = calloc((size_t)p->days + 1, sizeof *p->season);
  if (!p->midnight || !p->season)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  const char *tz = o->time_zone;
  int64_t utc = (int64_t)p->first_day * 86400;
  bmis_status st = first_instant(tz, p->first_day, utc - 15 * 3600,
                                 utc + 15 * 3600, &p->midnight[0], err);
  for (int i = 1; st == BMIS_OK && i <= p->days; i++) {
    int64_t guess = p->midnight[i - 1] + 86400;
    int32_t at, before;
    st = local_day(tz, guess, &at, err);
    if (st == BMIS_OK)
      st = local_day(tz, guess - 1, &before, err);
    if (st == BMIS_OK && at == p->first_day + i &&
        before == p->first_day + i - 1)
      p->midnight[i] = guess;
    else if (st == BMIS_OK) /* a day of 23 or 25 hours */
      st = first_instant(tz, p->first_day + i, p->midnight[i - 1] + 20 * 3600,
                         p->midnight[i - 1] + 28 * 3600, &p->midnight[i], err);
  }
  if (st != BMIS_OK)
    return st;
  p->t0 = p->midnight[0];
  p->t_end = p->midnight[p->days];
  p->season[0] = 0;
  for (int i = 0; i < p->days; i++)
    p->season[i + 1] =
        p->season[i] + season_weight(bmis_date_from_days(p->first_day + i));
  return BMIS_OK;
}

int demo__day_of(const demo__plan *p, int64_t t) {
  int i = (int)((t - p->t0) / 86400);
  if (i < 0)
    i = 0;
  if (i > p->days - 1)
    i = p->days - 1;
  while (i + 1 < p->days && p->midnight[i + 1] <= t)
    i++;
  while (i > 0 && p->midnight[i] > t)
    i--;
  return i;
}

/* Position x in [0, 1] of the free time -> fraction of the period, with
 * more trips in the busy seasons. */
double demo__season_of(const demo__plan *p, double x) {
  double target = x * p->season[p->days];
  int lo = 0, hi = p->days - 1;
  while (lo < hi) {
    int mid = (lo + hi + 1) / 2;
    if (p->season[mid] <= target)
      lo = mid;
    else
      hi = mid - 1;
  }
  double f = (target - p->season[lo]) / (p->season[lo + 1] - p->season[lo]);
  if (f > 1)
    f = 1;
  return (lo + f) / p->days;
}

static double day_length(const demo__plan *p, int d) {
  return (double)(p->midnight[d + 1] - p->midnight[d]);
}

/* Moves an instant within its local week so that days follow the weekly
 * pattern (weeks cut by the period's ends are left alone). */
static double week_warp(const demo__plan *p, double t) {
  int d = demo__day_of(p, (int64_t)t);
  double phi = (t - (double)p->midnight[d]) / day_length(p, d);
  int wd = (int)((((int64_t)p->first_day + d + 3) % 7 + 7) % 7);
  int ws = d - wd;
  if (ws < 0 || ws + 7 > p->days)
    return t;
  double q = wd + phi;
  int k = 0;
  while (k < 6 && p->week_cum[k + 1] <= q)
    k++;
  double qq = k + (q - p->week_cum[k]) / p->week_w[k];
  if (qq >= 7)
    qq = 6.999999;
  int nd = ws + (int)qq;
  double f = qq - (int)qq;
  return (double)p->midnight[nd] + f * day_length(p, nd);
}

/* Moves an instant within its local day to the hours of a kind of post. */
static int64_t day_warp(const demo__plan *p, double t, int kind) {
  int d = demo__day_of(p, (int64_t)t);
  double len = day_length(p, d);
  double phi = (t - (double)p->midnight[d]) / len;
  if (phi < 0)
    phi = 0;
  const double *cum = p->hour_cum[kind], *w = p->hour_w[kind];
  int h = 0;
  while (h < 23 && (cum[h + 1] <= phi || w[h] == 0))
    h++;
  double f = w[h] > 0 ? (phi - cum[h]) / w[h] : 1;
  while (w[h] == 0) /* rounding ran past the last open hour */
    h--;
  if (f < 0)
    f = 0;
  if (f > 0.9999)
    f = 0.9999;
  return p->midnight[d] + (int64_t)((h + f) / 24 * len);
}

int64_t demo__warp(const demo__plan *p, double raw, uint8_t bcp) {
  int kind = (int)demo__bcps[bcp].kind - 1;
  return day_warp(p, week_warp(p, raw), kind);
}

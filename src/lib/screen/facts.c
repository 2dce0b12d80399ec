/* Birth, nationality and sex: what they add to or take from a person hit.
 *
 * Lists record dates of birth loosely (year only, "approximately", ranges,
 * several candidates), and people are listed with several nationalities, so
 * a conflict lowers the score without excluding the hit; agreement raises
 * it a little. The best of the listed dates counts. Values are deliberately
 * few and round: an officer reads them in the explanation. */
#include "screen/name.h"

#include <stdio.h>
#include <string.h>

#define BIRTH_SAME_DATE 0.08
#define BIRTH_SAME_YEAR 0.04 /* year-only on either side, same year */
#define BIRTH_IN_RANGE 0.03  /* listed range, or approximate year +-1 */
#define BIRTH_SWAPPED 0.03   /* day and month swapped */
#define BIRTH_SAME_YEAR_DIFF -0.05
#define BIRTH_OFF_1 -0.10
#define BIRTH_OFF_4 -0.16
#define BIRTH_FAR -0.25
#define NAT_SAME 0.03
#define NAT_CONFLICT -0.08
#define SEX_CONFLICT -0.15

static void add_factor(bmis_hit *hit, const char *what, double delta,
                       const char *detail) {
  if (!hit || hit->factor_count >= BMIS_HIT_MAX_FACTORS)
    return;
  bmis_hit_factor *f = &hit->factors[hit->factor_count++];
  snprintf(f->what, sizeof f->what, "%s", what);
  f->delta = (float)delta;
  snprintf(f->detail, sizeof f->detail, "%s", detail);
}

static double years_off(int diff) {
  diff = diff < 0 ? -diff : diff;
  return diff == 0   ? BIRTH_SAME_YEAR_DIFF
         : diff == 1 ? BIRTH_OFF_1
         : diff <= 4 ? BIRTH_OFF_4
                     : BIRTH_FAR;
}

/* One listed birth against the presented date; *what says why. */
static double birth_delta(const bmis_wl_birth *b, bmis_date p,
                          const char **what) {
  if (b->to_year) { /* a range of years */
    if (p.year >= b->date.year && p.year <= b->to_year) {
      *what = "within the listed range";
      return BIRTH_IN_RANGE;
    }
    *what = "outside the listed range";
    int off =
        p.year < b->date.year ? b->date.year - p.year : p.year - b->to_year;
    return off == 1 ? BIRTH_OFF_1 : years_off(off);
  }
  int diff = p.year - b->date.year;
  if (b->date.month == 0 || p.month == 0) { /* a year on one side */
    if (diff == 0) {
      *what = "same year";
      return BIRTH_SAME_YEAR;
    }
    if (b->approximate && (diff == 1 || diff == -1)) {
      *what = "within a year of an approximate year";
      return BIRTH_IN_RANGE;
    }
    *what = "different year";
    return years_off(diff);
  }
  if (diff == 0 && b->date.month == p.month &&
      (b->date.day == p.day || b->date.day == 0 || p.day == 0)) {
    *what = b->date.day == p.day ? "same date" : "same month";
    return b->date.day == p.day ? BIRTH_SAME_DATE : BIRTH_SAME_YEAR;
  }
  if (diff == 0 && b->date.month == p.day && b->date.day == p.month) {
    *what = "day and month swapped";
    return BIRTH_SWAPPED;
  }
  *what = diff == 0 ? "same year, different day" : "different date";
  return diff == 0 ? BIRTH_SAME_YEAR_DIFF : years_off(diff);
}

static void fmt_birth(const bmis_wl_birth *b, char *out, size_t cap) {
  char d[11];
  bmis_date_format_iso(b->date, d);
  if (b->to_year)
    snprintf(out, cap, "%d-%d", b->date.year, b->to_year);
  else if (b->date.month == 0)
    snprintf(out, cap, "%s%d", b->approximate ? "about " : "", b->date.year);
  else if (b->date.day == 0)
    snprintf(out, cap, "%.7s", d);
  else
    snprintf(out, cap, "%s", d);
}

static bool known_country(const char *c) {
  return c[0] && strncmp(c, "XX", 2) != 0; /* stateless, unspecified */
}

double bmis__facts_delta(const bmis__person_facts *l,
                         const bmis_screen_query *q, bmis_hit *hit) {
  double total = 0;
  char detail[128];
  if (q->birth.year && l->birth_count) {
    double best = -1;
    const char *why = "";
    size_t at = 0;
    for (size_t i = 0; i < l->birth_count; i++) {
      const char *w;
      double d = birth_delta(&l->births[i], q->birth, &w);
      if (d > best) {
        best = d;
        why = w;
        at = i;
      }
    }
    total += best;
    if (!hit)
      goto nationality; /* the value only: no words (candidate pruning) */
    char listed[32], pres[11];
    fmt_birth(&l->births[at], listed, sizeof listed);
    bmis_date_format_iso(q->birth, pres);
    const char *shown = pres;
    if (q->birth.month == 0)
      pres[4] = 0; /* a year */
    else if (q->birth.day == 0)
      pres[7] = 0; /* a year and month */
    snprintf(detail, sizeof detail, "listed %s%s, presented %s: %s", listed,
             l->birth_count > 1 ? " (best of several)" : "", shown, why);
    add_factor(hit, "birth", best, detail);
  }
nationality:
  if (known_country(q->nationality) && l->nationality_count) {
    bool same = false;
    if (!hit) {
      for (size_t i = 0; i < l->nationality_count && !same; i++)
        same = strcmp(l->nationalities[i], q->nationality) == 0;
      total += same ? NAT_SAME : NAT_CONFLICT;
      goto sex;
    }
    char listed[64] = "";
    size_t n = 0;
    for (size_t i = 0; i < l->nationality_count; i++) {
      same = same || strcmp(l->nationalities[i], q->nationality) == 0;
      int w = snprintf(listed + n, sizeof listed - n, "%s%s", i ? " " : "",
                       l->nationalities[i]);
      if (w > 0 && (size_t)w < sizeof listed - n)
        n += (size_t)w;
    }
    snprintf(detail, sizeof detail, "listed %s, presented %s", listed,
             q->nationality);
    add_factor(hit, "nationality", same ? NAT_SAME : NAT_CONFLICT, detail);
    total += same ? NAT_SAME : NAT_CONFLICT;
  }
sex:
  if ((q->sex == 'F' || q->sex == 'M') && (l->sex == 'F' || l->sex == 'M') &&
      q->sex != l->sex) {
    total += SEX_CONFLICT;
    if (hit) {
      snprintf(detail, sizeof detail, "listed %c, presented %c", l->sex,
               q->sex);
      add_factor(hit, "sex", SEX_CONFLICT, detail);
    }
  }
  return total;
}

/* ---- the gate (see name.h) ---- */

/* A year as one byte: 1800 is 1, 2054 and later 255; 0 is no year. */
static unsigned year_byte(int y) {
  int b = y - 1799;
  return b < 1 ? 1u : b > 255 ? 255u : (unsigned)b;
}

static unsigned sex_bits(char s) {
  return s == 'M' ? 1u : s == 'F' ? 2u : 0u;
}

uint32_t bmis__facts_gate(const bmis__person_facts *l, bool weak_alias) {
  int lo = 0, hi = 0;
  bool unknown = l->birth_count == 0;
  for (size_t i = 0; i < l->birth_count && !unknown; i++) {
    const bmis_wl_birth *b = &l->births[i];
    if (b->date.year <= 0) {
      unknown = true; /* be generous with what cannot be read */
      break;
    }
    int a = b->date.year, z = b->to_year ? b->to_year : b->date.year;
    if (z < a) {
      int t = a;
      a = z;
      z = t;
    }
    if (b->approximate) {
      a--;
      z++;
    }
    lo = i == 0 || a < lo ? a : lo;
    hi = i == 0 || z > hi ? z : hi;
  }
  uint32_t g = sex_bits(l->sex) << 16 | (weak_alias ? 1u : 0u) << 18;
  if (!unknown)
    g |= year_byte(lo) | year_byte(hi) << 8;
  return g;
}

void bmis__gate_prepare(bmis__gate_query *g, const bmis_screen_query *q,
                        double lowest_hit) {
  memset(g, 0, sizeof *g);
  g->lowest = lowest_hit;
  g->year = q->birth.year > 1799 ? q->birth.year - 1799 : 0;
  g->sex = sex_bits(q->sex);
  for (int d = 0; d < 6; d++)
    g->birth[d] = d == 0 ? BIRTH_SAME_DATE : years_off(d);
  double nat = known_country(q->nationality) ? NAT_SAME : 0;
  bool open = true;
  for (int c = 0; c < 2; c++)
    for (int w = 0; w < 2; w++) {
      /* a perfect name, the best nationality, and this sex and alias */
      g->base[c][w] =
          nat + (c ? SEX_CONFLICT : 0) + (w ? BMIS__WEAK_ALIAS_DELTA : 0);
      /* the worst birth leaves it within reach: nothing is excluded */
      open =
          open && 1 + g->base[c][w] + (g->year ? g->birth[5] : 0) >= lowest_hit;
    }
  g->open = open;
}

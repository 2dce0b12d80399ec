/* The points of a group's timeline: what kind each is (a trip, a
 * refusal, a request for asylum, an unrecorded crossing) and its details
 * (crossing points, purpose, how the visitor is admitted and for how long,
 * overstays, referrals, refusal grounds), drawn again identically each
 * time they are asked for. */
#include "demo_internal.h"

#include <string.h>

#define DAY 86400.0

/* ---- kinds of point ---- */

static double refusal_rate(int tier) {
  static const double rate[4] = {0.004, 0.008, 0.014, 0.022};
  return rate[tier];
}

/* Whether a point before j of group g opened an asylum, child-protection or
 * trafficking referral. The register keeps such a person from being refused
 * while it is open, and the demo never closes one (the service keeps it), so
 * a refusal drawn for them later becomes an ordinary trip. Only asked for a
 * point drawn as a refusal (about 1 in 100 of visitors' points). */
static bool protected_before(const demo__plan *p, uint32_t g, uint32_t j) {
  for (uint32_t k = 0; k < j; k++) {
    demo__trip t;
    demo__trip_of(p, g, k, &t);
    if (t.kind == DEMO_PT_ASYLUM ||
        (t.kind == DEMO_PT_PAIR &&
         (t.referral == BMIS_REFERRAL_CHILD_PROTECTION ||
          t.referral == BMIS_REFERRAL_TRAFFICKING)))
      return true;
  }
  return false;
}

/* The kind of point j of group g (the same each time it is asked). */
uint8_t demo__point_kind(const demo__plan *p, uint32_t g, uint32_t j) {
  const demo__group *gr = &p->groups[g];
  if (j == gr->forced_point)
    return gr->forced_kind;
  bool home = gr->kind != DEMO_K_VISITOR;
  if (home && j == 0)
    return DEMO_PT_RETURN;
  demo_rng r = demo_stream(p->seed, DEMO_TAG_KIND, g, j);
  double u = demo_unit(&r);
  if (home)
    return u < 0.0002 ? DEMO_PT_MISSING_EXIT : DEMO_PT_PAIR;
  const demo__nation *n = &p->nations[p->persons[gr->first].nation];
  if ((u -= 0.0002) < 0)
    return DEMO_PT_MISSING_ENTRY;
  if (gr->profile == DEMO_P_MINOR)
    return DEMO_PT_PAIR;
  if ((n->flags & DEMO_NAT_ASYLUM) && (u -= 0.004) < 0)
    return DEMO_PT_ASYLUM;
  double refuse =
      refusal_rate(n->tier) * (gr->profile == DEMO_P_OCCASIONAL ? 1.0 : 0.4);
  if ((u -= refuse) < 0)
    return protected_before(p, g, j) ? DEMO_PT_PAIR : DEMO_PT_REFUSED;
  if ((u -= refuse * 0.25) < 0)
    return protected_before(p, g, j) ? DEMO_PT_PAIR : DEMO_PT_REFER_REFUSED;
  return DEMO_PT_PAIR;
}

/* ---- trips ---- */

/* Purposes (bmis_purpose - 1) by profile, for visitors and for nationals
 * and residents going abroad. */
static const uint16_t visit_purpose[DEMO_PROFILES][11] = {
    {40, 14, 25, 2, 3, 2, 2, 7, 0, 0, 5}, {0, 70, 10, 0, 15, 0, 0, 0, 0, 0, 5},
    {0, 45, 10, 0, 45, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0},
    {10, 0, 55, 35, 0, 0, 0, 0, 0, 0, 0},
};
static const uint16_t abroad_purpose[DEMO_PROFILES][11] = {
    {35, 18, 30, 3, 5, 4, 3, 0, 0, 0, 2}, {0, 75, 5, 0, 15, 0, 0, 0, 0, 0, 5},
    {0, 40, 10, 0, 50, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0},
    {35, 18, 30, 3, 5, 4, 3, 0, 0, 0, 2},
};
/* Median days and spread of a stay (visitors) or a trip abroad. */
static const double visit_days[11][2] = {
    {9, .55}, {4, .6},  {14, .7}, {120, .5}, {60, .7}, {10, .6},
    {7, .5},  {.3, .6}, {0, 0},   {0, 0},    {7, .8}};
static const double abroad_days[11][2] = {
    {8, .6},  {4, .6}, {12, .7}, {100, .6}, {40, .8}, {10, .5},
    {12, .4}, {4, .5}, {0, 0},   {0, 0},    {7, .8}};

static const uint16_t ground_w[9] = {6, 4, 32, 3, 22, 3, 10, 8, 4};

static void draw_grounds(demo_rng *r, char out[3]) {
  int a = demo_pick(r, ground_w, 9);
  out[0] = (char)('A' + a);
  out[1] = 0;
  if (demo_chance(r, 0.15)) {
    int b = demo_pick(r, ground_w, 9);
    if (b != a) {
      out[0] = (char)('A' + (a < b ? a : b));
      out[1] = (char)('A' + (a < b ? b : a));
    }
  }
  out[2] = 0;
}

static uint8_t other_bcp(demo_rng *r, int except) {
  uint16_t share[DEMO_BCPS];
  for (int b = 0; b < DEMO_BCPS; b++)
    share[b] = b == except ? 0 : demo__bcps[b].share;
  return (uint8_t)demo_pick(r, share, DEMO_BCPS);
}

static int round_days(double d) {
  int n = (int)(d + 0.5);
  return n < 1 ? 1 : n;
}

void demo__trip_of(const demo__plan *p, uint32_t g, uint32_t j, demo__trip *t) {
  const demo__group *gr = &p->groups[g];
  const demo__person *lead = &p->persons[gr->first];
  const demo__nation *nat = &p->nations[lead->nation];
  demo_rng r = demo_stream(p->seed, DEMO_TAG_TRIP, g, j);
  bool home = gr->kind != DEMO_K_VISITOR;
  bool open_point = gr->open && j + 1 == gr->points;
  memset(t, 0, sizeof *t);
  t->kind = demo__point_kind(p, g, j);
  t->abroad = -1;
  t->entry_type = "";

  /* Crossing points: usually the group's own; crew sometimes change
   * over at the airport. */
  t->bcp_out = t->bcp_back = gr->bcp;
  if (gr->profile == DEMO_P_CREW) {
    if (demo_chance(&r, 0.25)) {
      if (demo_chance(&r, 0.5))
        t->bcp_out = 0;
      else
        t->bcp_back = 0;
    }
  } else if (gr->profile != DEMO_P_COMMUTER && gr->profile != DEMO_P_MINOR) {
    if (demo_chance(&r, 0.12))
      t->bcp_out = other_bcp(&r, gr->bcp);
    t->bcp_back = t->bcp_out;
    if (demo_chance(&r, 0.15))
      t->bcp_back = demo_chance(&r, 0.6) ? gr->bcp : other_bcp(&r, gr->bcp);
  }
  bool by_air = demo__bcps[t->bcp_out].kind == BMIS_BCP_KIND_AIR;

  if (t->kind == DEMO_PT_RETURN) {
    t->purpose = BMIS_PURPOSE_RETURNING;
    return;
  }
  if (t->kind == DEMO_PT_REFUSED || t->kind == DEMO_PT_REFER_REFUSED) {
    draw_grounds(&r, t->grounds);
    t->referral =
        t->kind == DEMO_PT_REFER_REFUSED ? BMIS_REFERRAL_SECONDARY : 0;
  }
  if (t->kind == DEMO_PT_ASYLUM) {
    t->purpose = BMIS_PURPOSE_ASYLUM;
    t->referral = BMIS_REFERRAL_ASYLUM;
    t->entry_type = "asylum-seeker";
    return;
  }

  const uint16_t *pw =
      home ? abroad_purpose[gr->profile] : visit_purpose[gr->profile];
  int purpose = 1 + demo_pick(&r, pw, 11);
  if (purpose == BMIS_PURPOSE_TRANSIT && !by_air)
    purpose = BMIS_PURPOSE_LEISURE;
  t->purpose = (uint8_t)purpose;
  const double *md = home ? abroad_days[purpose - 1] : visit_days[purpose - 1];
  double median = md[0], sigma = md[1];
  if (gr->profile == DEMO_P_COMMUTER) {
    median = 0.4;
    sigma = 0.5;
  } else if (gr->profile == DEMO_P_FREQUENT &&
             purpose == BMIS_PURPOSE_BUSINESS) {
    median = 3;
    sigma = 0.5;
  } else if (gr->profile == DEMO_P_CREW) {
    median = home ? 60 : 1.5;
  }
  double intended = demo_lognormal(&r, median, sigma);
  double days = intended * demo_lognormal(&r, 1.0, 0.2);
  if (days < 0.05)
    days = 0.05;

  if (home) {
    /* Going abroad: where to. */
    bmis_bcp_kind k = demo__bcps[t->bcp_out].kind;
    int nb = demo__bcps[t->bcp_out].neighbour;
    if (k == BMIS_BCP_KIND_AIR)
      t->abroad =
          (int16_t)p->dest_nation[demo_pick(&r, p->dest_weight, p->dest_count)];
    else if (nb)
      t->abroad = (int16_t)p->neighbours[nb - 1];
    t->intended_days = round_days(intended);
    t->duration = days * DAY;
    if (t->kind == DEMO_PT_PAIR && demo_chance(&r, 0.003))
      t->referral = demo_chance(&r, 0.7) ? BMIS_REFERRAL_SECONDARY
                                         : BMIS_REFERRAL_MEDICAL;
    return;
  }

  /* Visitors: how they are admitted, and for how long. */
  int permitted;
  if (gr->profile == DEMO_P_CREW) {
    t->entry_type = "crew";
    permitted = 7;
  } else if (gr->profile == DEMO_P_COMMUTER) {
    t->entry_type = "border-pass";
    permitted = 7;
  } else if (purpose == BMIS_PURPOSE_TRANSIT) {
    t->entry_type = "transit";
    permitted = 3;
  } else if (purpose == BMIS_PURPOSE_STUDY) {
    t->entry_type = "visa-student";
    permitted = 365;
  } else if (purpose == BMIS_PURPOSE_WORK) {
    t->entry_type = "visa-work";
    permitted = 365;
  } else if (nat->tier == DEMO_TIER_FREE90) {
    t->entry_type = "visa-free";
    permitted = 90;
  } else if (nat->tier == DEMO_TIER_FREE30) {
    t->entry_type = "visa-free";
    permitted = 30;
  } else if (nat->tier == DEMO_TIER_EVISA) {
    t->entry_type = "e-visa";
    permitted = demo_chance(&r, 0.65) ? 30 : 90;
  } else {
    t->entry_type = "visa";
    permitted = purpose == BMIS_PURPOSE_BUSINESS ? 30 : 90;
  }
  t->permitted_days = permitted;
  t->intended_days = round_days(intended);
  if (t->intended_days > permitted)
    t->intended_days = permitted;
  /* Compliant stays end two days before the permitted stay does, and
   * overstays run at least two days past it: room for the weekly and
   * daily warps (under half a day) and the day a stay starts on. */
  double max_days = permitted - 2 > 1 ? permitted - 2 : 1;
  if (days > max_days)
    days = max_days;
  t->duration = days * DAY;
  if (t->kind != DEMO_PT_PAIR)
    return;
  static const double overstay[4] = {0.016, 0.03, 0.05, 0.06};
  double po = overstay[nat->tier];
  if (gr->profile == DEMO_P_CREW || gr->profile == DEMO_P_COMMUTER ||
      purpose == BMIS_PURPOSE_TRANSIT)
    po *= 0.3;
  if (gr->profile == DEMO_P_MINOR || permitted > 90)
    po = 0;
  if (open_point) /* the people present on a day are the long stayers */
    po *= 6;
  double room = 0.45 * p->days - permitted - 2;
  if (room >= 1 && demo_chance(&r, po)) {
    double over = demo_lognormal(&r, 12, 0.9);
    if (over < 1)
      over = 1;
    if (over > room)
      over = room;
    t->overstay = 1;
    t->duration = (permitted + 2 + over) * DAY;
  }
  if (gr->profile == DEMO_P_MINOR)
    t->referral = BMIS_REFERRAL_CHILD_PROTECTION;
  else if (demo_chance(&r, 0.01)) {
    static const uint16_t kind_w[3] = {80, 12, 8};
    static const uint8_t kinds[3] = {BMIS_REFERRAL_SECONDARY,
                                     BMIS_REFERRAL_MEDICAL,
                                     BMIS_REFERRAL_TRAFFICKING};
    t->referral = kinds[demo_pick(&r, kind_w, 3)];
  }
}

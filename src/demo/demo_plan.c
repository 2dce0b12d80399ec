/* The plan of the synthetic data: who travels (groups of people with their
 * identities), how often (movements per person, adding up to the total
 * asked for), and when (each group's timeline, walked in time order with
 * a heap).
 *
 * A group's timeline is a list of points: mostly trips (out and back), a
 * few single crossings (refusals, a request for asylum, the first return
 * home of a national) and a few trips with one crossing unrecorded.
 * Trip lengths are drawn first (demo_trip.c); the time left over is
 * split between the gaps by sorted uniform points, so trips spread evenly
 * over the period without overlapping, and the positions go through the
 * seasonal, weekly and daily warps of demo_calendar.c. */
#include "demo_internal.h"

#include <stdlib.h>
#include <string.h>

#define DAY 86400.0

/* ---- the world, resolved for an operating State ---- */

static int nation_find(const demo__plan *p, const char *code) {
  for (size_t i = 0; i < p->nation_count; i++)
    if (strcmp(p->nations[i].code, code) == 0)
      return (int)i;
  return -1;
}

/* A mix's code as a nation index (-1 when unknown). */
static int resolve(const demo__plan *p, const char *code, int neighbour) {
  if (code[0] != '@')
    return nation_find(p, code);
  if (code[1] == 'S')
    return p->state;
  if (code[1] == 'N')
    return neighbour ? p->neighbours[neighbour - 1] : -1;
  return p->neighbours[code[1] - '1'];
}

static bool resolve_mix(const demo__plan *p, const demo__share *mix, size_t n,
                        int neighbour, uint16_t **nations, uint16_t **weights,
                        int *count) {
  *nations = calloc(n, sizeof **nations);
  *weights = calloc(n, sizeof **weights);
  if (!*nations || !*weights)
    return false;
  int c = 0;
  for (size_t i = 0; i < n; i++) {
    int nat = resolve(p, mix[i].code, neighbour);
    if (nat < 0)
      continue;
    (*nations)[c] = (uint16_t)nat;
    (*weights)[c] = mix[i].weight;
    c++;
  }
  *count = c;
  return c > 0;
}

static bool world_init(demo__plan *p, const char *state) {
  p->nations = calloc(demo__nation_count + 1, sizeof *p->nations);
  if (!p->nations)
    return false;
  memcpy(p->nations, demo__nations, demo__nation_count * sizeof *p->nations);
  p->nation_count = demo__nation_count;
  p->state = nation_find(p, state);
  if (p->state < 0) {
    /* A State outside the table: Utopian names, admitted visa-free. */
    demo__nation *n = &p->nations[p->nation_count];
    memcpy(n->code, state, 3);
    n->code[3] = 0;
    n->region = DEMO_R_UTOPIA;
    p->state = (int)p->nation_count++;
  }
  int k = 0;
  for (size_t i = 0; i < demo__neighbour_count && k < DEMO_NEIGHBOURS; i++) {
    int n = nation_find(p, demo__neighbours[i]);
    if (n >= 0 && n != p->state)
      p->neighbours[k++] = n;
  }
  for (int b = 0; b < DEMO_BCPS; b++)
    if (!resolve_mix(p, demo__bcps[b].mix, demo__bcps[b].mix_count,
                     demo__bcps[b].neighbour, &p->mix_nation[b],
                     &p->mix_weight[b], &p->mix_count[b]))
      return false;
  return resolve_mix(p, demo__destinations, demo__destination_count, 0,
                     &p->dest_nation, &p->dest_weight, &p->dest_count);
}

/* ---- who travels ---- */

static const uint16_t age_w[7] = {10, 22, 24, 20, 14, 7, 3};
static const int age_lo[8] = {18, 25, 35, 45, 55, 65, 75, 86};

static int adult_age(demo_rng *r) {
  int band = demo_pick(r, age_w, 7);
  return age_lo[band] +
         (int)demo_below(r, (uint32_t)(age_lo[band + 1] - age_lo[band]));
}

static int32_t birth_for_age(demo_rng *r, int32_t ref, int age) {
  return ref - (int32_t)(age * 365.25) - (int32_t)demo_below(r, 365);
}

static char draw_sex(demo_rng *r, int profile) {
  double u = demo_unit(r);
  if (u < 0.002)
    return 'X';
  double male = profile == DEMO_P_CREW       ? 0.85
                : profile == DEMO_P_COMMUTER ? 0.6
                                             : 0.53;
  return u < 0.002 + male ? 'M' : 'F';
}

typedef struct maker {
  demo__plan *p;
  const bmis_demo_options *o;
  int32_t ref;    /* the last day, in days */
  double *weight; /* per group: movements weight of each member */
  bool namesake_made;
} maker;

/* A person of nation `nat`; `age` < 0 draws an adult age. */
static void person_init(maker *mk, demo__person *pe, demo_rng *r, int nat,
                        int kind, int profile, int age) {
  demo__plan *p = mk->p;
  memset(pe, 0, sizeof *pe);
  pe->surname_seed = demo_next(r);
  pe->given_seed = demo_next(r);
  pe->sex = draw_sex(r, profile);
  if (age < 0)
    age = adult_age(r);
  pe->birth = birth_for_age(r, mk->ref, age);
  pe->nation = (uint16_t)nat;
  pe->residence = (uint16_t)nat;
  if (kind != DEMO_K_VISITOR) {
    pe->residence = (uint16_t)p->state;
  } else if (profile != DEMO_P_COMMUTER && demo_chance(r, 0.1)) {
    static const char *const abroad[] = {"GBR", "USA", "ARE", "SAU",
                                         "ZAF", "DEU", "CAN", "@1"};
    int res = resolve(p, abroad[demo_below(r, 8)], 0);
    if (res >= 0 && res != p->state)
      pe->residence = (uint16_t)res;
  }
  pe->born_in = (uint16_t)nat;
  if (demo_chance(r, 0.06))
    pe->born_in =
        kind == DEMO_K_VISITOR ? pe->residence : (uint16_t)p->neighbours[0];
  pe->partial_birth = age >= 18 &&
                      (p->nations[nat].flags & DEMO_NAT_PARTIAL_BIRTH) &&
                      demo_chance(r, 0.08);
  /* Passports are valid 10 years (5 for children) and were issued before
   * the period began; a renewed one is issued during it. */
  int valid = age < 16 ? 1825 : 3650;
  int span = valid - p->days - 30;
  pe->expiry =
      mk->ref + 30 + (span > 0 ? (int32_t)demo_below(r, (uint32_t)span) : 0);
  pe->renewed_expiry =
      mk->ref + valid - (int32_t)demo_below(r, (uint32_t)p->days);
  pe->permit_until = mk->ref + 60 + (int32_t)demo_below(r, 900);
  pe->renew_point = DEMO_NO_POINT;
}

/* Twins get different given names; returns false if none could be found. */
static void differ_given(maker *mk, demo__person *twin,
                         const demo__person *other, demo_rng *r) {
  int region = mk->p->nations[twin->nation].region;
  char s1[97], g1[97], s2[97], g2[97];
  demo__names(region, other->surname_seed, other->given_seed, other->sex, s1,
              sizeof s1, g1, sizeof g1);
  for (int i = 0; i < 8; i++) {
    demo__names(region, twin->surname_seed, twin->given_seed, twin->sex, s2,
                sizeof s2, g2, sizeof g2);
    if (strcmp(g1, g2) != 0)
      return;
    twin->given_seed = demo_next(r);
  }
}

/* Someone with the same names and birth date as an earlier traveller but
 * another nationality of the same naming region (the register flags the
 * pair for review). */
static bool make_namesake(maker *mk, demo__person *pe, demo_rng *r,
                          size_t before) {
  demo__plan *p = mk->p;
  if (before == 0)
    return false;
  for (int tries = 0; tries < 20; tries++) {
    size_t span = before < 5000 ? before : 5000;
    const demo__person *o =
        &p->persons[before - 1 - demo_below(r, (uint32_t)span)];
    int region = p->nations[o->nation].region;
    if (region == DEMO_R_UTOPIA || o->birth > mk->ref - 18 * 365)
      continue;
    size_t start = demo_below(r, (uint32_t)p->nation_count);
    for (size_t i = 0; i < p->nation_count; i++) {
      size_t n = (start + i) % p->nation_count;
      if (p->nations[n].region != region || (int)n == o->nation ||
          (int)n == p->state)
        continue;
      pe->surname_seed = o->surname_seed;
      pe->given_seed = o->given_seed;
      pe->sex = o->sex;
      pe->birth = o->birth;
      pe->partial_birth = o->partial_birth;
      pe->nation = pe->residence = pe->born_in = (uint16_t)n;
      return true;
    }
  }
  return false;
}

static const double profile_weight[DEMO_PROFILES] = {1.0, 5.0, 14.0, 4.0, 0.8};
static const double profile_sigma[DEMO_PROFILES] = {0.75, 0.5, 0.5, 0.5, 0.5};

static bool is_neighbour(const demo__plan *p, int nat) {
  for (int i = 0; i < DEMO_NEIGHBOURS; i++)
    if (p->neighbours[i] == nat)
      return true;
  return false;
}

static void make_group(maker *mk, size_t g, size_t *next_person) {
  demo__plan *p = mk->p;
  demo__group *gr = &p->groups[g];
  demo_rng r = demo_stream(p->seed, DEMO_TAG_GROUP, g, 0);
  uint16_t share[DEMO_BCPS];
  for (int b = 0; b < DEMO_BCPS; b++)
    share[b] = demo__bcps[b].share;
  int bcp = demo_pick(&r, share, DEMO_BCPS);
  const demo__bcp_def *def = &demo__bcps[bcp];
  int nat =
      p->mix_nation[bcp][demo_pick(&r, p->mix_weight[bcp], p->mix_count[bcp])];
  static const double resident[5] = {0, 0.05, 0.06, 0.03, 0.06};
  int kind = nat == p->state                        ? DEMO_K_NATIONAL
             : demo_chance(&r, resident[def->kind]) ? DEMO_K_RESIDENT
                                                    : DEMO_K_VISITOR;
  int profile = demo_pick(&r, def->profiles, DEMO_PROFILES);
  if (profile == DEMO_P_COMMUTER && kind == DEMO_K_VISITOR &&
      !is_neighbour(p, nat))
    profile = DEMO_P_OCCASIONAL;
  if (profile == DEMO_P_MINOR && kind != DEMO_K_VISITOR)
    profile = DEMO_P_OCCASIONAL;
  size_t left = (size_t)mk->o->travellers - *next_person;
  size_t size = 1;
  int spouse = 0, children = 0;
  if (profile == DEMO_P_OCCASIONAL && demo_chance(&r, 0.22)) {
    static const uint16_t kids_w[4] = {25, 35, 28, 12};
    spouse = demo_chance(&r, 0.75);
    children = demo_pick(&r, kids_w, 4);
    if (spouse + children == 0)
      children = 1;
    size = 1 + (size_t)spouse + (size_t)children;
  }
  if (size > left)
    size = left;
  double w = profile_weight[profile] *
             demo_lognormal(&r, 1.0, profile_sigma[profile]) *
             (size > 1 ? 0.7 : 1.0);
  mk->weight[g] = w;

  memset(gr, 0, sizeof *gr);
  gr->first = (uint32_t)*next_person;
  gr->size = (uint8_t)size;
  gr->bcp = (uint8_t)bcp;
  gr->profile = (uint8_t)profile;
  gr->kind = (uint8_t)kind;
  gr->forced_point = DEMO_NO_POINT;

  demo__person *lead = &p->persons[gr->first];
  demo_rng pr = demo_stream(p->seed, DEMO_TAG_PERSON, gr->first, 0);
  int lead_age = profile == DEMO_P_MINOR ? 12 + (int)demo_below(&pr, 6) : -1;
  if (lead_age < 0)
    lead_age = adult_age(&pr);
  if (size > 1 && lead_age < 25)
    lead_age = 25 + (int)demo_below(&pr, 30);
  person_init(mk, lead, &pr, nat, kind, profile, lead_age);
  if (size == 1 && kind == DEMO_K_VISITOR && profile == DEMO_P_OCCASIONAL &&
      (demo_chance(&pr, 0.002) || (!mk->namesake_made && g >= 30)))
    mk->namesake_made |= make_namesake(mk, lead, &pr, gr->first);
  for (size_t m = 1; m < size; m++) {
    demo__person *pe = &p->persons[gr->first + m];
    demo_rng mr = demo_stream(p->seed, DEMO_TAG_PERSON, gr->first + m, 0);
    if (m == 1 && spouse) {
      int age = lead_age + (int)(demo_normal(&mr) * 4);
      person_init(mk, pe, &mr, nat, kind, profile,
                  age < 18   ? 18
                  : age > 85 ? 85
                             : age);
      if (lead->sex != 'X' && demo_chance(&mr, 0.95))
        pe->sex = lead->sex == 'F' ? 'M' : 'F';
      if (demo_chance(&mr, 0.75))
        pe->surname_seed = lead->surname_seed;
      continue;
    }
    int max_age = lead_age - 18 < 17 ? lead_age - 18 : 17;
    int age = (int)demo_below(&mr, (uint32_t)(max_age + 1));
    person_init(mk, pe, &mr, nat, kind, profile, age);
    pe->surname_seed = lead->surname_seed;
    const demo__person *prev = pe - 1;
    size_t first_child = spouse ? 2 : 1;
    if (m > first_child && demo_chance(&mr, 0.04)) {
      /* Twins: same birth date, usually the same sex. */
      pe->birth = prev->birth;
      pe->expiry = prev->expiry;
      if (demo_chance(&mr, 0.6))
        pe->sex = prev->sex;
      differ_given(mk, pe, prev, &mr);
    }
  }
  *next_person += size;
}

/* ---- how often ---- */

/* Lays out group g's points so that each member makes `need` crossings
 * (or one fewer or more, said by the return value: the caller carries the
 * difference to the next group). The last trip stays open (under way at
 * the end) when want_open, or when that is the only way to be exact. */
static uint32_t plan_points(demo__plan *p, uint32_t g, uint32_t need,
                            bool want_open, bool last) {
  demo__group *gr = &p->groups[g];
  uint32_t L = 0, m = 0;
  bool open = false;
  uint8_t last_kind = DEMO_PT_RETURN;
  if (gr->kind != DEMO_K_VISITOR) {
    L = 1;
    m = 1;
  }
  while (m < need) {
    uint8_t kind = demo__point_kind(p, g, L);
    if (kind == DEMO_PT_PAIR && need - m == 1) {
      if (want_open || last) {
        open = true;
        L++;
        m++;
        last_kind = kind;
      } else if (m == 0) {
        L++;
        m += 2;
        last_kind = kind;
      }
      break;
    }
    L++;
    m += kind == DEMO_PT_PAIR ? 2 : 1;
    last_kind = kind;
    if (kind == DEMO_PT_ASYLUM)
      break;
  }
  if (want_open && !open && m == need && m >= 2 && last_kind == DEMO_PT_PAIR) {
    open = true;
    m--;
  }
  gr->points = L;
  gr->open = open;
  gr->k = m;
  return m;
}

/* ---- each group's timeline ---- */

static void schedule(demo__plan *p, uint32_t g) {
  demo__group *gr = &p->groups[g];
  double span = (double)(p->t_end - p->t0);
  uint32_t L = gr->points;
  double gap = 2 * 3600.0;
  if (L * gap > 0.2 * span)
    gap = 0.2 * span / L;
  double scalable = 0, fixed = 0, partial = 0;
  for (uint32_t j = 0; j < L; j++) {
    demo__trip t;
    demo__trip_of(p, g, j, &t);
    if (!demo_has_second(t.kind))
      continue;
    if (gr->open && j + 1 == L) {
      /* Under way at the end: how long so far (an overstayer still
       * present is already past the permitted stay). */
      demo_rng r = demo_stream(p->seed, DEMO_TAG_PLAN, g, 2);
      double pd = t.permitted_days * DAY;
      partial = t.overstay
                    ? pd + 2 * DAY + demo_unit(&r) * (t.duration - pd - 2 * DAY)
                    : demo_unit(&r) * t.duration;
    } else if (t.overstay) {
      fixed += t.duration;
    } else {
      scalable += t.duration;
    }
  }
  fixed += partial;
  double avail = 0.8 * span - L * gap;
  gr->scale_fixed = fixed > 0.9 * avail ? 0.9 * avail / fixed : 1;
  fixed *= gr->scale_fixed;
  gr->scale = scalable > avail - fixed ? (avail - fixed) / scalable : 1;
  gr->gap = gap;
  gr->partial = partial * gr->scale_fixed;
  gr->range = span - L * gap - fixed - scalable * gr->scale;
  gr->x = 0;
  gr->before = 0;
  gr->j = 0;
  gr->phase = 0;
  gr->free_left = L - (gr->open ? 1 : 0);
  gr->last_at = INT64_MIN / 2;
}

/* Sets the group's next crossing; false when its timeline is done.
 * Phases: 0 start point j; 1 its first crossing is next; 2 after it;
 * 3 its second crossing is next; 4 after it. */
static bool advance(demo__plan *p, uint32_t g) {
  demo__group *gr = &p->groups[g];
  for (;;) {
    bool open_point = gr->open && gr->j + 1 == gr->points;
    switch (gr->phase) {
    case 0: {
      if (gr->j >= gr->points)
        return false;
      demo__trip t;
      demo__trip_of(p, g, gr->j, &t);
      gr->cur_kind = t.kind;
      gr->cur_bcp_out = t.bcp_out;
      gr->cur_bcp_back = t.bcp_back;
      gr->cur_d = demo_has_second(t.kind)
                      ? t.duration * (t.overstay ? gr->scale_fixed : gr->scale)
                      : 0;
      if (open_point) {
        gr->cur_start = (double)p->t_end - gr->gap - gr->partial;
      } else {
        demo_rng r = demo_stream(p->seed, DEMO_TAG_GAP, g, gr->j);
        double u = 1 - demo_unit(&r);
        gr->x = 1 - (1 - gr->x) * demo__exp(demo__log(u) / gr->free_left);
        gr->free_left--;
        gr->cur_start = (double)p->t0 + demo__season_of(p, gr->x) * gr->range +
                        gr->j * gr->gap + gr->before;
      }
      if (demo_has_first(t.kind)) {
        gr->phase = 1;
        gr->next_at = demo__warp(p, gr->cur_start, gr->cur_bcp_out);
        break;
      }
      gr->phase = 2;
      continue;
    }
    case 1: gr->phase = 2; continue;
    case 2:
      if (demo_has_second(gr->cur_kind) && !open_point) {
        gr->phase = 3;
        gr->next_at =
            demo__warp(p, gr->cur_start + gr->cur_d, gr->cur_bcp_back);
        break;
      }
      gr->phase = 4;
      continue;
    case 3: gr->phase = 4; continue;
    default:
      gr->before += gr->cur_d;
      gr->j++;
      gr->phase = 0;
      continue;
    }
    /* A crossing is due: after the group's last one, inside the period. */
    if (gr->next_at < gr->last_at + 60)
      gr->next_at = gr->last_at + 60;
    if (gr->next_at >= p->t_end)
      gr->next_at = p->t_end - 1;
    return true;
  }
}

/* ---- the heap of groups by next crossing ---- */

static bool before(const demo__plan *p, uint32_t a, uint32_t b) {
  int64_t ta = p->groups[a].next_at, tb = p->groups[b].next_at;
  return ta < tb || (ta == tb && a < b);
}

static void sift_down(demo__plan *p, size_t i) {
  uint32_t *h = p->heap;
  size_t n = p->heap_count;
  uint32_t v = h[i];
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= n)
      break;
    if (c + 1 < n && before(p, h[c + 1], h[c]))
      c++;
    if (!before(p, h[c], v))
      break;
    h[i] = h[c];
    i = c;
  }
  h[i] = v;
}

bool demo__plan_next(demo__plan *p, demo__event *ev) {
  if (!p->heap_count)
    return false;
  uint32_t g = p->heap[0];
  demo__group *gr = &p->groups[g];
  ev->group = g;
  ev->point = gr->j;
  ev->second = gr->phase == 3;
  ev->at = gr->next_at;
  ev->final = ev->second || !demo_has_second(gr->cur_kind) ||
              (gr->open && gr->j + 1 == gr->points);
  gr->last_at = gr->next_at + 10 * (gr->size - 1);
  if (!advance(p, g))
    p->heap[0] = p->heap[--p->heap_count];
  if (p->heap_count)
    sift_down(p, 0);
  return true;
}

/* ---- the whole plan ---- */

static void fix_total(demo__plan *p, int64_t want) {
  int64_t total = 0;
  for (size_t g = 0; g < p->group_count; g++)
    total += (int64_t)p->groups[g].size * p->groups[g].k;
  int64_t r = want - total;
  for (size_t g = p->group_count; g-- > 0 && r != 0;) {
    demo__group *gr = &p->groups[g];
    if (gr->size != 1)
      continue;
    if (r > 0 && gr->open) {
      gr->open = 0;
      gr->k++;
      r--;
    } else if (r < 0 && !gr->open && gr->k >= 2 &&
               demo__point_kind(p, (uint32_t)g, gr->points - 1) ==
                   DEMO_PT_PAIR) {
      gr->open = 1;
      gr->k--;
      r++;
    }
  }
  p->planned = want - r;
}

/* Small runs get one refusal at least: the first visitor travelling
 * alone who has none is refused on a first trip. */
static void force_refusal(demo__plan *p) {
  for (size_t g = 0; g < p->group_count; g++) {
    const demo__group *gr = &p->groups[g];
    if (gr->kind != DEMO_K_VISITOR)
      continue;
    for (uint32_t j = 0; j < gr->points; j++) {
      uint8_t kind = demo__point_kind(p, (uint32_t)g, j);
      if (kind == DEMO_PT_REFUSED || kind == DEMO_PT_REFER_REFUSED)
        return;
    }
  }
  for (size_t g = 20; g < p->group_count; g++) {
    demo__group *gr = &p->groups[g];
    if (gr->kind != DEMO_K_VISITOR || gr->size != 1 ||
        gr->profile != DEMO_P_OCCASIONAL || gr->points < 2 ||
        gr->forced_point != DEMO_NO_POINT)
      continue;
    gr->forced_point = 0;
    gr->forced_kind = DEMO_PT_REFUSED;
    plan_points(p, (uint32_t)g, gr->k, gr->open, false);
    return;
  }
}

static bmis_status plan_all(demo__plan *p, const bmis_demo_options *o,
                            double *weight, bmis_error *err) {
  (void)err;
  double total_w = 0;
  for (size_t g = 0; g < p->group_count; g++)
    total_w += weight[g] * p->groups[g].size;
  double extra = (double)(o->movements - o->travellers);
  uint32_t cap = 2 * (uint32_t)o->days;
  double carry = 0;
  bool forced_entry = false, forced_exit = false;
  for (size_t g = 0; g < p->group_count; g++) {
    demo__group *gr = &p->groups[g];
    double target = gr->size * (1 + extra * weight[g] / total_w) + carry;
    double per = target / gr->size + 0.5;
    uint32_t need = per < 1 ? 1 : per > cap ? cap : (uint32_t)per;
    /* One recording anomaly of each kind at least. */
    if (gr->size == 1 && gr->profile == DEMO_P_OCCASIONAL && need >= 4 &&
        g >= 10) {
      if (!forced_entry && gr->kind == DEMO_K_VISITOR) {
        gr->forced_point = 1;
        gr->forced_kind = DEMO_PT_MISSING_ENTRY;
        forced_entry = true;
      } else if (!forced_exit && gr->kind == DEMO_K_NATIONAL) {
        gr->forced_point = 1;
        gr->forced_kind = DEMO_PT_MISSING_EXIT;
        forced_exit = true;
      }
    }
    demo_rng r = demo_stream(p->seed, DEMO_TAG_PLAN, g, 1);
    bool want_open = demo_chance(&r, gr->kind == DEMO_K_VISITOR ? 0.07 : 0.05);
    uint32_t m =
        plan_points(p, (uint32_t)g, need, want_open, g + 1 == p->group_count);
    carry = target - (double)gr->size * m;
  }
  force_refusal(p);
  fix_total(p, o->movements);
  /* Renewed passports: from some point on, a member shows a new one. */
  bool renewed = false;
  for (size_t g = 0; g < p->group_count; g++) {
    demo__group *gr = &p->groups[g];
    if (gr->points < 2)
      continue;
    for (uint32_t m = 0; m < gr->size; m++) {
      demo_rng r = demo_stream(p->seed, DEMO_TAG_PLAN, g, 10 + m);
      if (demo_chance(&r, 0.03) || (!renewed && g >= 5 && gr->points >= 3)) {
        p->persons[gr->first + m].renew_point =
            1 + demo_below(&r, gr->points - 1);
        renewed = true;
      }
    }
  }
  return BMIS_OK;
}

bmis_status demo__plan_init(demo__plan *p, const bmis_demo_options *o,
                            const char *state, bmis_error *err) {
  memset(p, 0, sizeof *p);
  p->seed = o->seed;
  if (!world_init(p, state))
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis_status st = demo__calendar_init(p, o, err);
  if (st != BMIS_OK)
    return st;
  size_t n = (size_t)o->travellers;
  p->persons = calloc(n, sizeof *p->persons);
  p->groups = calloc(n, sizeof *p->groups);
  double *weight = calloc(n, sizeof *weight);
  if (!p->persons || !p->groups || !weight) {
    free(weight);
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory for %zu travellers",
                          n);
  }
  p->person_count = n;
  maker mk = {p, o, bmis_date_to_days(o->until), weight, false};
  size_t next = 0;
  while (next < n)
    make_group(&mk, p->group_count++, &next);
  /* Fewer groups than people: give the rest back. */
  demo__group *fit = realloc(p->groups, p->group_count * sizeof *fit);
  if (fit)
    p->groups = fit;
  st = plan_all(p, o, weight, err);
  free(weight);
  if (st != BMIS_OK)
    return st;
  p->heap = calloc(p->group_count, sizeof *p->heap);
  if (!p->heap)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  for (size_t g = 0; g < p->group_count; g++) {
    schedule(p, (uint32_t)g);
    if (advance(p, (uint32_t)g))
      p->heap[p->heap_count++] = (uint32_t)g;
  }
  for (size_t i = p->heap_count / 2; i-- > 0;)
    sift_down(p, i);
  return BMIS_OK;
}

void demo__plan_fini(demo__plan *p) {
  for (int b = 0; b < DEMO_BCPS; b++) {
    free(p->mix_nation[b]);
    free(p->mix_weight[b]);
  }
  free(p->dest_nation);
  free(p->dest_weight);
  free(p->nations);
  free(p->midnight);
  free(p->season);
  free(p->persons);
  free(p->groups);
  free(p->heap);
  memset(p, 0, sizeof *p);
}

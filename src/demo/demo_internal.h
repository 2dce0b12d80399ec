/* Shared inside src/demo: seeded randomness, the world the synthetic
 * data lives in (nations, crossing points, carriers, names; demo_world.c
 * and demo_names.c), and the plan of who crosses when (demo_plan.c). */
#ifndef BMIS_DEMO_INTERNAL_H
#define BMIS_DEMO_INTERNAL_H

#include "bmis_demo/demo.h"

#include <stddef.h>
#include <stdint.h>

/* ---- randomness ----
 * splitmix64 streams. A stream is keyed by (seed, tag, a, b), so any part
 * of the data (traveller 17's identity, group 4's trip 9) can be drawn
 * again on demand, in any order, with the same result. */

typedef struct demo_rng {
  uint64_t s;
} demo_rng;

static inline uint64_t demo_fmix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static inline uint64_t demo_next(demo_rng *r) {
  r->s += 0x9e3779b97f4a7c15u;
  return demo_fmix(r->s);
}

static inline demo_rng demo_stream(uint64_t seed, uint64_t tag, uint64_t a,
                                   uint64_t b) {
  uint64_t h = demo_fmix(seed + 0x9e3779b97f4a7c15u * (tag + 1));
  h = demo_fmix(h ^ (a + 0x632be59bd9b4e019u));
  h = demo_fmix(h ^ (b + 0x8cb92ba72f3d8dd7u));
  demo_rng r = {h};
  return r;
}

/* Uniform in [0, 1). */
static inline double demo_unit(demo_rng *r) {
  return (double)(demo_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n) for n >= 1. */
static inline uint32_t demo_below(demo_rng *r, uint32_t n) {
  return (uint32_t)(((demo_next(r) >> 32) * (uint64_t)n) >> 32);
}

static inline bool demo_chance(demo_rng *r, double p) {
  return demo_unit(r) < p;
}

/* exp and natural log without libm (the library does not link it, and
 * these give the same bits everywhere). Relative error below 1e-15. */
double demo__exp(double x);
double demo__log(double x);

/* Standard normal, approximately (Irwin-Hall of 12 uniforms). */
static inline double demo_normal(demo_rng *r) {
  double s = 0;
  for (int i = 0; i < 12; i++)
    s += demo_unit(r);
  return s - 6.0;
}

static inline double demo_lognormal(demo_rng *r, double median, double sigma) {
  return median * demo__exp(sigma * demo_normal(r));
}

/* Index drawn with the given weights (n >= 1, total > 0). */
static inline int demo_pick(demo_rng *r, const uint16_t *w, int n) {
  uint32_t total = 0;
  for (int i = 0; i < n; i++)
    total += w[i];
  uint32_t x = demo_below(r, total);
  for (int i = 0; i < n; i++) {
    if (x < w[i])
      return i;
    x -= w[i];
  }
  return n - 1;
}

/* ---- the world (demo_world.c) ---- */

/* Broad naming regions: which name pools a nationality draws from. */
enum {
  DEMO_R_UTOPIA,
  DEMO_R_ANGLO,
  DEMO_R_GERMANIC,
  DEMO_R_NORDIC,
  DEMO_R_ROMANCE,
  DEMO_R_IBERIAN,
  DEMO_R_SLAVIC,
  DEMO_R_EAST_AFRICA,
  DEMO_R_HORN,
  DEMO_R_WEST_AFRICA,
  DEMO_R_SOUTHERN_AFRICA,
  DEMO_R_ARABIC,
  DEMO_R_TURKIC,
  DEMO_R_SOUTH_ASIA,
  DEMO_R_CHINESE,
  DEMO_R_JAPANESE,
  DEMO_R_KOREAN,
  DEMO_R_SE_ASIA,
  DEMO_REGIONS
};

/* How the operating State admits a nationality. */
enum {
  DEMO_TIER_FREE90, /* visa-free, 90 days */
  DEMO_TIER_FREE30, /* visa-free, 30 days */
  DEMO_TIER_EVISA,  /* e-visa */
  DEMO_TIER_VISA    /* visa from a consulate */
};

enum {
  DEMO_NAT_PARTIAL_BIRTH = 1, /* some passports give only the birth year */
  DEMO_NAT_ASYLUM = 2         /* some travellers ask for asylum */
};

typedef struct demo__nation {
  char code[4];
  uint8_t region;
  uint8_t tier;
  uint8_t flags;       /* DEMO_NAT_* */
  uint8_t number_kind; /* passport number: 0 AA1234567, 1 A12345678, 2 digits */
} demo__nation;

extern const demo__nation demo__nations[];
extern const size_t demo__nation_count;

/* A share of a mix: code is a country code, "@S" the operating State,
 * "@N" the crossing point's neighbour, "@1".."@4" a neighbour. */
typedef struct demo__share {
  const char *code;
  uint16_t weight;
} demo__share;

/* Traveller profiles. */
enum {
  DEMO_P_OCCASIONAL, /* holidays, visits, business now and then */
  DEMO_P_FREQUENT,   /* business travellers */
  DEMO_P_COMMUTER,   /* cross-border workers and traders */
  DEMO_P_CREW,       /* seafarers and aircrew */
  DEMO_P_MINOR,      /* children travelling alone */
  DEMO_PROFILES
};

#define DEMO_BCPS 8
#define DEMO_NEIGHBOURS 4

typedef struct demo__bcp_def {
  const char *code;
  const char *name;
  bmis_bcp_kind kind;
  int neighbour;  /* 1..4 for land and rail crossings, else 0 */
  uint16_t share; /* of groups for whom it is the usual crossing */
  const demo__share *mix;
  size_t mix_count;
  uint16_t profiles[DEMO_PROFILES];
  uint8_t desks;
  uint8_t officers;
} demo__bcp_def;

extern const demo__bcp_def demo__bcps[DEMO_BCPS];

/* Default neighbours and the substitutes used when the operating State is
 * one of them. */
extern const char *const demo__neighbours[];
extern const size_t demo__neighbour_count;

/* Where nationals and residents travel to (air). */
extern const demo__share demo__destinations[];
extern const size_t demo__destination_count;

/* Airlines: designator and home country ("@S": the State's own airline). */
typedef struct demo__airline {
  const char *code;
  const char *home;
  uint16_t hub_weight; /* as a connecting hub for other origins; 0 none */
} demo__airline;

extern const demo__airline demo__airlines[];
extern const size_t demo__airline_count;

/* Bus companies, shipping lines with their vessels, the railway. */
extern const char *const demo__bus_lines[];
extern const size_t demo__bus_line_count;
typedef struct demo__ship {
  const char *line;
  const char *imo; /* "IMO 9xxxxxx" */
  bool cargo;      /* crew only */
} demo__ship;
extern const demo__ship demo__ships[];
extern const size_t demo__ship_count;
extern const char *const demo__sea_routes[];
extern const size_t demo__sea_route_count;

/* ---- names (demo_names.c) ---- */

/* A traveller's names, drawn from the pools of a region: surname_seed
 * picks the family name (shared by a family; gendered where the language
 * inflects it), given_seed the given names. */
void demo__names(int region, uint64_t surname_seed, uint64_t given_seed,
                 char sex, char *surname, size_t surname_cap, char *given,
                 size_t given_cap);

/* A synthetic local address ("14 Mint Street, Amaurot") or hotel. */
void demo__address(uint64_t h, bool hotel, char *out, size_t cap);

/* ---- the plan (demo_plan.c) ---- */

/* Stream tags: each kind of draw has its own streams. */
enum {
  DEMO_TAG_GROUP = 1,
  DEMO_TAG_PERSON,
  DEMO_TAG_KIND,
  DEMO_TAG_TRIP,
  DEMO_TAG_GAP,
  DEMO_TAG_PLAN,
  DEMO_TAG_MOVE,
  DEMO_TAG_ID,
  DEMO_TAG_NUMBER,
  DEMO_TAG_VEHICLE
};

/* Who a group is to the operating State. */
enum { DEMO_K_NATIONAL, DEMO_K_RESIDENT, DEMO_K_VISITOR };

/* A point of a group's timeline: usually a trip (out and back); the
 * others are single crossings or trips of which one crossing was not
 * recorded. Nationals and residents go out and come back; visitors come
 * in and leave. */
enum {
  DEMO_PT_PAIR,          /* a trip */
  DEMO_PT_RETURN,        /* nationals', residents' first crossing: home */
  DEMO_PT_REFUSED,       /* entry refused at the desk */
  DEMO_PT_REFER_REFUSED, /* referred to secondary inspection, refused */
  DEMO_PT_ASYLUM,        /* asks for asylum: referred, admitted to the
                            procedure, stays (the group's last point) */
  DEMO_PT_MISSING_ENTRY, /* a visitor's trip whose entry went unrecorded */
  DEMO_PT_MISSING_EXIT   /* a resident's trip whose exit went unrecorded */
};

#define DEMO_NO_POINT UINT32_MAX

typedef struct demo__person {
  uint64_t surname_seed;
  uint64_t given_seed;
  int32_t birth;          /* days since 1970-01-01 */
  int32_t expiry;         /* of the passport (days) */
  int32_t renewed_expiry; /* of the renewed passport */
  int32_t permit_until;   /* residents: last day of the residence permit */
  uint32_t renew_point;   /* points from here use the renewed passport */
  uint16_t nation, residence, born_in; /* indices into the plan's nations */
  char sex;
  uint8_t partial_birth; /* only the year of birth is known */
} demo__person;

/* People who travel together (a family, or one person), with the walk
 * through their timeline. */
typedef struct demo__group {
  uint32_t first;  /* first person */
  uint32_t points; /* points of the timeline */
  uint32_t k;      /* movements of each member */
  uint32_t forced_point;
  uint8_t size, bcp, profile, kind;
  uint8_t open;        /* the last trip is still under way at the end */
  uint8_t forced_kind; /* DEMO_PT_* at forced_point */
  /* timeline: trip start = t0 + season(x) * range + j * gap + before */
  uint8_t phase, cur_kind, cur_bcp_out, cur_bcp_back;
  double range, gap, scale, scale_fixed, partial;
  double x, before, cur_start, cur_d;
  uint32_t j, free_left;
  int64_t next_at, last_at;
} demo__group;

/* One point's details (the same each time it is drawn). */
typedef struct demo__trip {
  uint8_t kind;
  uint8_t bcp_out, bcp_back; /* crossing points of the two crossings */
  uint8_t purpose;           /* bmis_purpose of the journey */
  uint8_t referral;          /* bmis_referral_kind at the entry, 0 none */
  uint8_t overstay;          /* a visitor who stays past permitted_days */
  int16_t abroad;            /* nationals: the country visited (nation) */
  const char *entry_type;
  int intended_days;
  int permitted_days; /* visitors' admitted entries */
  double duration;    /* seconds between the crossings, before scaling */
  char grounds[3];
} demo__trip;

/* The next crossing of a group. */
typedef struct demo__event {
  uint32_t group;
  uint32_t point;
  bool second; /* the way back rather than the way out */
  bool final;  /* nothing follows it in the group's timeline */
  int64_t at;
} demo__event;

typedef struct demo__plan {
  uint64_t seed;
  /* the nations (the table, plus the operating State when it is not in it) */
  demo__nation *nations;
  size_t nation_count;
  int state;                       /* nation index of the operating State */
  int neighbours[DEMO_NEIGHBOURS]; /* nation indices */
  /* resolved mixes: nation indices and weights per crossing point */
  uint16_t *mix_nation[DEMO_BCPS];
  uint16_t *mix_weight[DEMO_BCPS];
  int mix_count[DEMO_BCPS];
  uint16_t *dest_nation, *dest_weight;
  int dest_count;
  /* the period: local midnights of each day and the one after */
  int days;
  int32_t first_day; /* days since 1970 of the first local day */
  int64_t t0, t_end;
  int64_t *midnight;                     /* days + 1 */
  double *season;                        /* cumulative weights, days + 1 */
  double week_w[7], week_cum[8];         /* weekday weights, Monday first */
  double hour_w[4][24], hour_cum[4][25]; /* hours, by kind of post */
  /* the people */
  demo__person *persons;
  size_t person_count;
  demo__group *groups;
  size_t group_count;
  int64_t planned; /* movements in all */
  uint32_t *heap;  /* groups by next crossing */
  size_t heap_count;
} demo__plan;

/* Plans opts->movements crossings of opts->travellers people for the
 * operating State `state` (a country code). E_NOMEM, or E_INVALID_ARG for
 * an unknown time zone. */
bmis_status demo__plan_init(demo__plan *p, const bmis_demo_options *opts,
                            const char *state, bmis_error *err);
void demo__plan_fini(demo__plan *p);

/* The next crossing in time order; false when there are no more. */
bool demo__plan_next(demo__plan *p, demo__event *ev);

/* The kind and details of point j of group g. */
void demo__trip_of(const demo__plan *p, uint32_t g, uint32_t j, demo__trip *t);

/* ---- the calendar (demo_calendar.c) ---- */

/* Fills the plan's period (local midnights from opts->until, days and
 * time_zone), seasons and rhythms. E_INVALID_ARG for an unknown zone. */
bmis_status demo__calendar_init(demo__plan *p, const bmis_demo_options *opts,
                                bmis_error *err);

/* The local day (index from the first) of an instant in the period. */
int demo__day_of(const demo__plan *p, int64_t t);

/* Position x in [0, 1] of a timeline's free time -> fraction of the
 * period, busier in the busy seasons. */
double demo__season_of(const demo__plan *p, double x);

/* An instant of a timeline moved to the weekly pattern and the hours of
 * crossing point `bcp` (within its local week and day). */
int64_t demo__warp(const demo__plan *p, double raw, uint8_t bcp);

/* ---- points of a timeline (demo_trip.c) ---- */

/* The kind (DEMO_PT_*) of point j of group g. */
uint8_t demo__point_kind(const demo__plan *p, uint32_t g, uint32_t j);

/* Whether a kind of point has a recorded first crossing (out), and a
 * second one (back). */
static inline bool demo_has_first(uint8_t kind) {
  return kind != DEMO_PT_MISSING_ENTRY && kind != DEMO_PT_MISSING_EXIT;
}

static inline bool demo_has_second(uint8_t kind) {
  return kind == DEMO_PT_PAIR || kind == DEMO_PT_MISSING_ENTRY ||
         kind == DEMO_PT_MISSING_EXIT;
}

#endif

/* bmis_demo_generate: realistic synthetic register data.
 *
 * What "realistic" means here (the numbers are choices, not measurements;
 * what a run actually gives is at the end of this comment):
 *
 * - The State. The store's operating State, or ICAO's specimen State
 *   Utopia ("UTO", default 90 days in any 180) when none is set. Its
 *   neighbours are Kenya, Uganda, Tanzania and Ethiopia (the next of
 *   Rwanda, South Sudan, Burundi, Zambia when the State is one of them),
 *   and its crossing points keep one IANA zone (Africa/Nairobi unless
 *   told otherwise).
 * - Eight crossing points (demo_world.c), created when absent: the
 *   capital's hub airport (AMA, a third of all groups), a regional airport,
 *   four road crossings, one per neighbour, a port and a railway station.
 *   Each has its own nationality mix (the hub: the world; land: nationals
 *   and the neighbour's; the port: seafarers from the crewing nations and
 *   cruise passengers), profiles, carriers, desks and officers.
 * - Travellers come in groups: a person alone, or a family (a spouse,
 *   children; now and then twins), who cross together. About 40% of the
 *   people are nationals, 3-5% foreign residents (a residence permit), the
 *   rest visitors. Profiles: occasional travellers (most), business
 *   travellers (about 5 times as many trips), cross-border commuters and
 *   traders (about 14 times, trips of hours), seafarers and aircrew, and a
 *   few children travelling alone (each entry opens a child-protection
 *   referral). Sex about half F/M (seafarers 85% M), 0.2% X. Adults' ages
 *   18-85, most 25-55; children 0-17.
 * - Identities (demo_names.c): names from pools that fit the nationality's
 *   region, some with diacritics, Utopian ones made of syllables; a birth
 *   date (year only for 8% of adults from a few States whose passports
 *   print "XX"); country of birth the nationality's in 94% of cases; a
 *   passport (type P, issued by the nationality, a 9-character number
 *   unique per State, valid 10 years or 5 for children, never expired on
 *   a trip); 3% of the people renew their passport part way (same
 *   biographic data: the register links them biographically); 0.2% of
 *   visitors travelling alone share names and birth date with someone of
 *   another nationality of the same naming region, and twins share
 *   surname and birth date (the register flags both for review).
 * - Movements per person: one, plus a share of the rest in proportion to a
 *   lognormal weight per profile, so frequent travellers make many trips;
 *   the shares are rounded so that the total is exactly what was asked
 *   (when the counts allow it at all).
 * - Trips. Nationals and residents go out and come back (their first
 *   crossing is a return from a trip begun before the period, so nobody
 *   starts with an exit the register would flag); visitors come in and
 *   leave. Stay lengths are lognormal by purpose (leisure ~9 days,
 *   business ~4, visiting ~14, study and work months, transit hours,
 *   commuters hours); 5-7% of people are still away or still present at
 *   the end. Visitors are admitted visa-free, with an e-visa or a visa
 *   (30 or 90 days by nationality), as students or workers (365), in
 *   transit (3), as crew (7) or on a border pass (7), with the purpose,
 *   intended days and a local address; residents carry their permit's
 *   expiry as permitted_until; nationals have no permitted stay and are
 *   never refused.
 * - Exceptions. Overstays: 1.6-6% of occasional visitors' trips by visa
 *   regime (a third of that for commuters, crew and transit, none on
 *   student and work visas, six times more among those present at the
 *   end), 1 to 200 days past the permitted stay; some still present on
 *   the last day. Refusals: 0.4-2.2% of occasional visitors' entries by
 *   visa regime (40% of that for other profiles; never children alone),
 *   grounds A-I weighted like Eurostat's refused-entry statistics (C and
 *   E most), sometimes two; a refused person has no exit, and one refusal
 *   is forced in runs too small to have one. Referrals: 1% of visitors'
 *   entries (secondary inspection mostly, medical, trafficking), 0.3% of
 *   nationals', requests for asylum (0.4% of entries from a few States),
 *   children alone; each is recorded as "referred" and decided through
 *   bmis_movement_decide minutes to hours later (cleared, sometimes
 *   refused, asylum seekers admitted to the procedure), except those of
 *   the last six hours, which stay in the queue. Recording anomalies: a
 *   visitor's entry and a national's exit now and then go unrecorded (one
 *   of each at least), so the register's "exit without entry" and "entry
 *   while present" flags appear.
 * - Time. A period of `days` days ending on `until` (default 365 days to
 *   2026-11-26; the clock is never read). Trips spread over the period
 *   with seasonal peaks (July-August, the year's end, a spring festival,
 *   the national day), more crossings on Fridays and Sundays, and each
 *   kind of post's hours (flight banks; land borders open 06:00-22:00;
 *   ferries; three trains a day). Crossings are recorded in time order.
 * - Determinism. Every draw comes from a splitmix64 stream keyed by the
 *   seed and what it is for (demo_internal.h), and movement ids are
 *   version 7 UUIDs made of the crossing time in milliseconds and seeded
 *   random bits, so the same options give the same data, id for id, on
 *   either backend. exp and log are computed here rather than taken from
 *   libm, so the numbers do not depend on the platform's maths library.
 *
 * What 100,000 crossings of 10,000 people (seed 1) give: entries 52.3%
 * (every first crossing is an entry), exits 47.7%; nationals 40.4% of
 * movements, then Kenya 17%, Uganda 8%, Tanzania 7%, Ethiopia 4%, the UK,
 * India, the US and China about 2% each; refusals 0.71% of foreign
 * entries (grounds C 33%, E 22%, G 8%, H 6%, two grounds 11%); referrals
 * 0.38% of movements (secondary 69%, child protection 16%, medical 11%,
 * trafficking 4%, asylum 2 cases), one still pending; overstays 1.5% of
 * 28,154 visitor stays, 449 overstayers of whom 56 still present; 6
 * entries while present and 10 exits without entry flagged; 254 renewed
 * passports linked biographically and 25 possible matches for review
 * (twins, namesakes and chance). Movements per person: median 5, 90th
 * percentile 19, 99th 87, most 320. Busiest days Friday and Sunday, 35%
 * more than Tuesday; 18% of the people are children.
 */
#include "bmis/country.h"
#include "demo_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bmis_demo_options_init(bmis_demo_options *o) {
  memset(o, 0, sizeof *o);
  o->until.year = 2026;
  o->until.month = 11;
  o->until.day = 26;
  o->days = 365;
  o->batch = 10000;
  snprintf(o->time_zone, sizeof o->time_zone, "Africa/Nairobi");
}

typedef struct gen {
  bmis_store *s;
  const bmis_demo_options *o;
  bmis_demo_stats *st;
  demo__plan plan;
  char state[4];
  bmis_crossing c;
  int64_t in_batch;
} gen;

/* ---- setting up the store ---- */

/* The operating State: the store's, or Utopia. Set in the store only once
 * the plan is made (the options are sound). */
static bmis_status choose_state(gen *G, bool *set, bmis_error *err) {
  bmis_register_config cfg;
  bmis_status st = bmis_register_config_get(G->s, &cfg, err);
  if (st != BMIS_OK)
    return st;
  *set = !cfg.state[0];
  memcpy(G->state, *set ? "UTO" : cfg.state, sizeof G->state);
  return BMIS_OK;
}

static bmis_status set_state(gen *G, bmis_error *err) {
  bmis_register_config cfg;
  bmis_status st = bmis_register_config_get(G->s, &cfg, err);
  if (st != BMIS_OK)
    return st;
  memcpy(cfg.state, G->state, sizeof cfg.state);
  return bmis_register_config_set(G->s, &cfg, err);
}

static bmis_status add_bcps(gen *G, bmis_error *err) {
  for (int b = 0; b < DEMO_BCPS; b++) {
    const demo__bcp_def *d = &demo__bcps[b];
    bmis_bcp bcp;
    bmis_error e;
    bmis_status st = bmis_bcp_get(G->s, d->code, &bcp, &e);
    if (st == BMIS_OK)
      continue;
    if (st != BMIS_E_NOT_FOUND)
      return bmis_error_set(err, st, "%s", e.message);
    memset(&bcp, 0, sizeof bcp);
    snprintf(bcp.code, sizeof bcp.code, "%s", d->code);
    const bmis_country *to =
        d->neighbour
            ? bmis_country_by_code(
                  G->plan.nations[G->plan.neighbours[d->neighbour - 1]].code, 3)
            : NULL;
    if (to)
      snprintf(bcp.name, sizeof bcp.name, "%s (to %s)", d->name, to->name);
    else
      snprintf(bcp.name, sizeof bcp.name, "%s", d->name);
    bcp.kind = d->kind;
    snprintf(bcp.time_zone, sizeof bcp.time_zone, "%s", G->o->time_zone);
    st = bmis_bcp_put(G->s, &bcp, err);
    if (st != BMIS_OK)
      return st;
  }
  return BMIS_OK;
}

/* ---- one crossing's fields ---- */

/* A passport number unique per (State, number): a keyed permutation
 * (4-round Feistel on 34 bits, cycle-walked into the format's range) of
 * the person and passport. */
static void passport_number(uint64_t seed, const demo__nation *n,
                            uint32_t person, bool renewed, char *out,
                            size_t cap) {
  static const uint64_t space[3] = {676ull * 10000000u, 26ull * 100000000u,
                                    1000000000ull};
  const uint64_t mask = (1u << 17) - 1;
  uint64_t key =
      demo_fmix(seed ^ ((uint64_t)n->code[0] << 16 | (uint64_t)n->code[1] << 8 |
                        (uint64_t)n->code[2]));
  uint64_t v = (uint64_t)person * 2 + renewed;
  do {
    uint64_t l = v >> 17, r = v & mask;
    for (int i = 0; i < 4; i++) {
      uint64_t f = demo_fmix(r ^ (key + (uint64_t)i * 0x9e3779b97f4a7c15u));
      uint64_t t = r;
      r = l ^ (f & mask);
      l = t;
    }
    v = l << 17 | r;
  } while (v >= space[n->number_kind]);
  unsigned long long x = v;
  if (n->number_kind == 0)
    snprintf(out, cap, "%c%c%07llu", 'A' + (int)(x / 10000000 / 26),
             'A' + (int)(x / 10000000 % 26), x % 10000000);
  else if (n->number_kind == 1)
    snprintf(out, cap, "%c%08llu", 'A' + (int)(x / 100000000), x % 100000000);
  else
    snprintf(out, cap, "%09llu", x);
}

static void fill_person(gen *G, uint32_t pi, uint32_t point, bmis_crossing *c) {
  const demo__plan *p = &G->plan;
  const demo__person *pe = &p->persons[pi];
  const demo__nation *n = &p->nations[pe->nation];
  bmis_traveller *t = &c->traveller;
  demo__names(n->region, pe->surname_seed, pe->given_seed, pe->sex, t->surname,
              sizeof t->surname, t->given_names, sizeof t->given_names);
  t->birth = bmis_date_from_days(pe->birth);
  if (pe->partial_birth)
    t->birth.month = t->birth.day = 0;
  t->sex = pe->sex;
  memcpy(t->nationality, n->code, 4);
  memcpy(t->birth_country, p->nations[pe->born_in].code, 4);
  bmis_document *d = &c->document;
  bool renewed = point >= pe->renew_point;
  d->type[0] = 'P';
  memcpy(d->issuing_state, n->code, 4);
  passport_number(p->seed, n, pi, renewed, d->number, sizeof d->number);
  d->expiry = bmis_date_from_days(renewed ? pe->renewed_expiry : pe->expiry);
}

/* A version 7 UUID: the crossing time in milliseconds, then seeded bits. */
static void movement_id(demo_rng *r, int64_t at, char out[BMIS_ID_SIZE]) {
  static const char hex[] = "0123456789abcdef";
  uint64_t ms = (uint64_t)at * 1000 + demo_below(r, 1000);
  uint64_t a = demo_next(r), b = demo_next(r);
  unsigned char u[16];
  for (int i = 0; i < 6; i++)
    u[i] = (unsigned char)(ms >> (40 - 8 * i));
  u[6] = (unsigned char)(0x70 | (a & 0x0f));
  u[7] = (unsigned char)(a >> 8);
  u[8] = (unsigned char)(0x80 | ((a >> 16) & 0x3f));
  for (int i = 9; i < 16; i++)
    u[i] = (unsigned char)(b >> (8 * (i - 9)));
  char *o = out;
  for (int i = 0; i < 16; i++) {
    if (i == 4 || i == 6 || i == 8 || i == 10)
      *o++ = '-';
    *o++ = hex[u[i] >> 4];
    *o++ = hex[u[i] & 15];
  }
  *o = 0;
}

static const char *code_of(const gen *G, int nation) {
  return G->plan.nations[nation].code;
}

/* Carrier, flight or vehicle, and where from or to. */
static void fill_transport(gen *G, const demo__event *ev, const demo__trip *t,
                           uint8_t bcp, bool entry, bmis_movement *m) {
  const demo__plan *p = &G->plan;
  const demo__group *gr = &p->groups[ev->group];
  const demo__person *lead = &p->persons[gr->first];
  const demo__bcp_def *def = &demo__bcps[bcp];
  demo_rng r = demo_stream(p->seed, DEMO_TAG_MOVE, ev->group,
                           (uint64_t)ev->point * 2 + ev->second);
  demo_rng vr = demo_stream(p->seed, DEMO_TAG_VEHICLE, ev->group, 0);
  int neighbour = def->neighbour ? p->neighbours[def->neighbour - 1] : -1;
  switch (def->kind) {
  case BMIS_BCP_KIND_AIR: {
    m->transport = BMIS_TRANSPORT_AIR;
    int country = gr->kind == DEMO_K_VISITOR ? lead->residence : t->abroad;
    if (country < 0 || country == p->state)
      country = p->dest_nation[demo_pick(&r, p->dest_weight, p->dest_count)];
    const char *cc = code_of(G, country);
    int direct = -1;
    for (size_t a = 1; a < demo__airline_count && direct < 0; a++)
      if (strcmp(demo__airlines[a].home, cc) == 0)
        direct = (int)a;
    bool ours = false; /* the State's airline flies there */
    for (int i = 0; i < p->dest_count && !ours; i++)
      ours = p->dest_nation[i] == country;
    int airline;
    if (direct >= 0 && (!ours || demo_chance(&r, 0.6))) {
      airline = direct;
    } else if (ours) {
      airline = 0;
    } else {
      uint16_t w[32] = {0};
      size_t n = demo__airline_count < 32 ? demo__airline_count : 32;
      for (size_t a = 0; a < n; a++)
        w[a] = demo__airlines[a].hub_weight;
      airline = demo_pick(&r, w, (int)n);
      cc = demo__airlines[airline].home;
    }
    const demo__airline *al = &demo__airlines[airline];
    snprintf(m->route_country, sizeof m->route_country, "%s",
             cc[0] == '@' ? code_of(G, country) : cc);
    uint64_t route = demo_fmix((uint64_t)airline << 32 ^ (uint64_t)country);
    unsigned number = 100 + (unsigned)(route % 400) * 2 + (entry ? 1 : 0) +
                      (demo_chance(&r, 0.3) ? 1000 : 0);
    snprintf(m->carrier, sizeof m->carrier, "%s", al->code);
    snprintf(m->transport_number, sizeof m->transport_number, "%s%u", al->code,
             number);
    return;
  }
  case BMIS_BCP_KIND_SEA: {
    m->transport = BMIS_TRANSPORT_SEA;
    bool crew = gr->profile == DEMO_P_CREW;
    demo_rng *sr = crew ? &vr : &r;
    const demo__ship *ship;
    do
      ship = &demo__ships[demo_below(sr, (uint32_t)demo__ship_count)];
    while (ship->cargo != crew);
    snprintf(m->carrier, sizeof m->carrier, "%s", ship->line);
    snprintf(m->transport_number, sizeof m->transport_number, "%s", ship->imo);
    const char *route;
    do
      route = demo__sea_routes[demo_below(&r, (uint32_t)demo__sea_route_count)];
    while (strcmp(route, G->state) == 0);
    snprintf(m->route_country, sizeof m->route_country, "%s", route);
    return;
  }
  case BMIS_BCP_KIND_RAIL:
    m->transport = BMIS_TRANSPORT_RAIL;
    snprintf(m->carrier, sizeof m->carrier, "Anyder Valley Railway");
    snprintf(m->transport_number, sizeof m->transport_number, "AVR %u",
             11 + 2 * demo_below(&r, 3) + (entry ? 0 : 1));
    break;
  default: {
    double u = demo_unit(&r);
    if (u < 0.15) {
      m->transport = BMIS_TRANSPORT_FOOT;
    } else if (u < 0.45 && gr->profile != DEMO_P_COMMUTER) {
      m->transport = BMIS_TRANSPORT_ROAD;
      snprintf(
          m->carrier, sizeof m->carrier, "%s",
          demo__bus_lines[(bcp + demo_below(&r, 2)) % demo__bus_line_count]);
      snprintf(m->transport_number, sizeof m->transport_number, "Coach %u",
               10 + demo_below(&r, 40));
    } else {
      /* The group's own car or truck: the same plate every time. */
      m->transport = BMIS_TRANSPORT_ROAD;
      snprintf(m->transport_number, sizeof m->transport_number, "%c%c%c %03u%c",
               'A' + demo_below(&vr, 26), 'A' + demo_below(&vr, 26),
               'A' + demo_below(&vr, 26), demo_below(&vr, 1000),
               'A' + demo_below(&vr, 26));
    }
  }
  }
  if (neighbour >= 0)
    snprintf(m->route_country, sizeof m->route_country, "%s",
             code_of(G, neighbour));
}

static const char *referral_note(int kind) {
  switch (kind) {
  case BMIS_REFERRAL_ASYLUM: return "asked for asylum at the desk";
  case BMIS_REFERRAL_CHILD_PROTECTION:
    return "child travelling alone: child protection services called";
  case BMIS_REFERRAL_TRAFFICKING:
    return "indicators of trafficking: protection unit called";
  case BMIS_REFERRAL_MEDICAL:
    return "unwell on arrival: port health officer called";
  default: return "document and purpose of stay to be examined";
  }
}

/* What the desk decides on one crossing. */
typedef struct desk_call {
  bool entry;
  bmis_decision decision;   /* at the desk */
  bmis_decision later;      /* after a referral: admitted or refused */
  bmis_referral_kind refer; /* referral opened, 0 none */
} desk_call;

static desk_call call_of(const demo__group *gr, const demo__trip *t,
                         bool second, uint32_t member) {
  desk_call d = {false, BMIS_DECISION_ADMITTED, BMIS_DECISION_ADMITTED, 0};
  bool home = gr->kind != DEMO_K_VISITOR;
  switch (t->kind) {
  case DEMO_PT_MISSING_ENTRY: d.entry = false; break;
  case DEMO_PT_MISSING_EXIT: d.entry = true; break;
  case DEMO_PT_PAIR: d.entry = home ? second : !second; break;
  default: d.entry = true;
  }
  if (!d.entry)
    return d;
  if (t->kind == DEMO_PT_REFUSED) {
    d.decision = d.later = BMIS_DECISION_REFUSED;
  } else if (t->kind == DEMO_PT_REFER_REFUSED) {
    d.decision = BMIS_DECISION_REFERRED;
    d.later = BMIS_DECISION_REFUSED;
    d.refer = BMIS_REFERRAL_SECONDARY;
  } else if (t->kind == DEMO_PT_ASYLUM) {
    d.decision = BMIS_DECISION_REFERRED;
    d.refer = BMIS_REFERRAL_ASYLUM;
  } else if (t->kind == DEMO_PT_PAIR && t->referral &&
             (member == 0 || t->referral == BMIS_REFERRAL_CHILD_PROTECTION)) {
    d.decision = BMIS_DECISION_REFERRED;
    d.refer = (bmis_referral_kind)t->referral;
  }
  return d;
}

static void fill_crossing(gen *G, const demo__event *ev, const demo__trip *t,
                          uint32_t member, const desk_call *d) {
  const demo__plan *p = &G->plan;
  const demo__group *gr = &p->groups[ev->group];
  uint32_t pi = gr->first + member;
  const demo__person *pe = &p->persons[pi];
  bmis_crossing *c = &G->c;
  bmis_crossing_init(c);
  fill_person(G, pi, ev->point, c);
  bmis_movement *m = &c->movement;
  demo_rng r =
      demo_stream(p->seed, DEMO_TAG_ID, ev->group,
                  ((uint64_t)ev->point * 2 + ev->second) << 8 | member);
  int64_t at = ev->at + 10 * (int64_t)member;
  movement_id(&r, at, m->id);
  uint8_t bcp = ev->second ? t->bcp_back : t->bcp_out;
  const demo__bcp_def *def = &demo__bcps[bcp];
  m->direction = d->entry ? BMIS_DIRECTION_ENTRY : BMIS_DIRECTION_EXIT;
  snprintf(m->bcp, sizeof m->bcp, "%s", def->code);
  m->crossed_at = at;
  fill_transport(G, ev, t, bcp, d->entry, m);
  snprintf(m->residence_country, sizeof m->residence_country, "%s",
           code_of(G, pe->residence));
  bool home = gr->kind != DEMO_K_VISITOR;
  if (d->entry && home) {
    m->purpose = BMIS_PURPOSE_RETURNING;
    snprintf(m->entry_type, sizeof m->entry_type, "%s",
             gr->kind == DEMO_K_RESIDENT ? "resident-permit" : "national");
    if (gr->kind == DEMO_K_RESIDENT) {
      demo__address(demo_fmix(p->seed ^ pi), false, m->local_address,
                    sizeof m->local_address);
      if (d->decision == BMIS_DECISION_ADMITTED)
        m->permitted_until = bmis_date_from_days(pe->permit_until);
    }
  } else if (d->entry) {
    m->purpose = (bmis_purpose)t->purpose;
    m->intended_days = t->intended_days;
    snprintf(m->entry_type, sizeof m->entry_type, "%s", t->entry_type);
    bool hotel = t->purpose != BMIS_PURPOSE_VISITING &&
                 t->purpose != BMIS_PURPOSE_STUDY &&
                 t->purpose != BMIS_PURPOSE_WORK;
    if (t->purpose != BMIS_PURPOSE_TRANSIT)
      demo__address(
          demo_fmix(p->seed ^ ((uint64_t)ev->group << 20) ^ ev->point), hotel,
          m->local_address, sizeof m->local_address);
    if (d->decision == BMIS_DECISION_ADMITTED)
      c->permitted_days = t->permitted_days;
  } else if (home) {
    m->purpose = (bmis_purpose)t->purpose;
    m->intended_days = t->intended_days;
  }
  m->decision = d->decision;
  if (d->decision == BMIS_DECISION_REFUSED) {
    snprintf(m->grounds, sizeof m->grounds, "%s", t->grounds);
    snprintf(m->decision_note, sizeof m->decision_note, "%s",
             bmis_refusal_ground_text(t->grounds[0]));
  } else if (d->decision == BMIS_DECISION_REFERRED) {
    snprintf(m->decision_note, sizeof m->decision_note, "%s",
             referral_note(d->refer));
    c->referrals[0] = d->refer;
    c->referral_count = 1;
  }
  demo_rng dr =
      demo_stream(p->seed, DEMO_TAG_MOVE, ev->group,
                  ((uint64_t)ev->point * 2 + ev->second) | 1ull << 40);
  snprintf(m->officer, sizeof m->officer, "%s-O%03u", def->code,
           1 + demo_below(&dr, def->officers));
  snprintf(m->desk, sizeof m->desk, "%s-%02u", def->code,
           1 + demo_below(&dr, def->desks));
}

/* The decision on a referral, minutes to hours after it was made. */
static bmis_status decide(gen *G, const demo__event *ev, const demo__trip *t,
                          const desk_call *d, uint32_t member,
                          bmis_error *err) {
  const demo__plan *p = &G->plan;
  const demo__group *gr = &p->groups[ev->group];
  const demo__person *pe = &p->persons[gr->first + member];
  bmis_movement m;
  bmis_status st = bmis_movement_get(G->s, G->c.movement.id, &m, err);
  if (st != BMIS_OK)
    return st;
  demo_rng r = demo_stream(p->seed, DEMO_TAG_MOVE, ev->group,
                           ((uint64_t)ev->point * 2 + 1) | 2ull << 40);
  m.decision = d->later;
  if (d->later == BMIS_DECISION_REFUSED) {
    snprintf(m.grounds, sizeof m.grounds, "%s", t->grounds);
    snprintf(m.decision_note, sizeof m.decision_note,
             "refused after secondary inspection: %s",
             bmis_refusal_ground_text(t->grounds[0]));
  } else if (d->refer == BMIS_REFERRAL_ASYLUM) {
    snprintf(m.decision_note, sizeof m.decision_note,
             "admitted to the asylum procedure");
  } else {
    snprintf(m.decision_note, sizeof m.decision_note, "%s",
             d->refer == BMIS_REFERRAL_SECONDARY
                 ? "cleared in secondary inspection"
                 : "admitted; the referral stays open with the service");
    if (gr->kind == DEMO_K_VISITOR)
      m.permitted_until = bmis_date_from_days(bmis_date_to_days(m.local_date) +
                                              t->permitted_days - 1);
    else if (gr->kind == DEMO_K_RESIDENT)
      m.permitted_until = bmis_date_from_days(pe->permit_until);
  }
  bmis_change ch;
  memset(&ch, 0, sizeof ch);
  snprintf(ch.by, sizeof ch.by, "%s-S%02u", m.bcp, 1 + demo_below(&r, 6));
  snprintf(m.officer, sizeof m.officer, "%s", ch.by);
  ch.at = m.crossed_at + 600 + demo_below(&r, 3 * 3600);
  return bmis_movement_decide(G->s, &m, &ch, err);
}

static void count(gen *G, const desk_call *d, const bmis_record_result *res,
                  bool national, bool decided) {
  bmis_demo_stats *s = G->st;
  s->movements++;
  s->duplicates += res->duplicate;
  if (d->entry)
    s->entries++;
  else
    s->exits++;
  if (national)
    s->nationals++;
  else if (d->entry)
    s->foreign_entries++;
  if (d->decision == BMIS_DECISION_REFERRED) {
    s->referrals++;
    if (!decided)
      s->pending++;
  }
  if (d->decision == BMIS_DECISION_REFUSED ||
      (decided && d->later == BMIS_DECISION_REFUSED))
    s->refusals++;
  if (res->flags & BMIS_FLAG_ENTRY_WHILE_PRESENT)
    s->entry_while_present++;
  if (res->flags & BMIS_FLAG_EXIT_WITHOUT_ENTRY)
    s->exit_without_entry++;
  if (!d->entry && (res->flags & BMIS_FLAG_OVERSTAY))
    s->overstay_exits++;
  if (res->method == BMIS_LINK_BIOGRAPHIC)
    s->biographic_links++;
  if (res->review_link_id[0])
    s->review_links++;
}

static bmis_status emit(gen *G, const demo__event *ev, bmis_error *err) {
  const demo__plan *p = &G->plan;
  const demo__group *gr = &p->groups[ev->group];
  demo__trip t;
  demo__trip_of(p, ev->group, ev->point, &t);
  for (uint32_t member = 0; member < gr->size; member++) {
    desk_call d = call_of(gr, &t, ev->second, member);
    fill_crossing(G, ev, &t, member, &d);
    bmis_record_result res;
    bmis_error e;
    /* recorded at the desk when it happens, in the simulated time */
    G->c.recorded_at = G->c.movement.crossed_at;
    bmis_status st = bmis_movement_record(G->s, &G->c, &res, &e);
    if (st != BMIS_OK) {
      char when[21];
      return bmis_error_set(
          err, st, "crossing %lld (%s %s %s, %s %s): %s",
          (long long)G->st->movements + 1, G->c.movement.bcp,
          bmis_code_name(BMIS_LIST_DIRECTION, G->c.movement.direction),
          bmis_time_format(G->c.movement.crossed_at, when),
          G->c.document.issuing_state, G->c.document.number, e.message);
    }
    /* Referrals are decided, except the queue of the last six hours. */
    bool decided = d.decision == BMIS_DECISION_REFERRED &&
                   !(ev->final && ev->at >= p->t_end - 6 * 3600);
    if (decided && !res.duplicate) {
      st = decide(G, ev, &t, &d, member, &e);
      if (st != BMIS_OK)
        return bmis_error_set(err, st, "deciding movement %s: %s",
                              G->c.movement.id, e.message);
    }
    count(G, &d, &res, p->persons[gr->first + member].nation == p->state,
          decided);
    G->in_batch++;
  }
  return BMIS_OK;
}

/* ---- overstayers at the end ---- */

typedef struct id_hashes {
  uint64_t *v;
  size_t n, cap;
  bool failed;
} id_hashes;

static void add_hash(id_hashes *h, const char *id) {
  if (h->n == h->cap) {
    size_t cap = h->cap ? h->cap * 2 : 256;
    uint64_t *grown = realloc(h->v, cap * sizeof *grown);
    if (!grown) {
      h->failed = true;
      return;
    }
    h->v = grown;
    h->cap = cap;
  }
  uint64_t x = 1469598103934665603u;
  for (const char *c = id; *c; c++)
    x = (x ^ (unsigned char)*c) * 1099511628211u;
  h->v[h->n++] = x;
}

typedef struct overstay_ctx {
  id_hashes all, present;
} overstay_ctx;

static int on_overstay(const bmis_stay *s, void *ctx) {
  overstay_ctx *o = ctx;
  add_hash(&o->all, s->person_id);
  if (!s->exit_id[0])
    add_hash(&o->present, s->person_id);
  return o->all.failed || o->present.failed;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static int64_t distinct(id_hashes *h) {
  if (!h->n)
    return 0;
  qsort(h->v, h->n, sizeof *h->v, cmp_u64);
  int64_t n = 1;
  for (size_t i = 1; i < h->n; i++)
    n += h->v[i] != h->v[i - 1];
  return n;
}

static bmis_status count_overstayers(gen *G, bmis_error *err) {
  overstay_ctx o = {{0}, {0}};
  bmis_status st = bmis_overstay_list(G->s, G->o->until, on_overstay, &o, err);
  if (st == BMIS_OK && (o.all.failed || o.present.failed))
    st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (st == BMIS_OK) {
    G->st->overstayers = distinct(&o.all);
    G->st->overstayers_present = distinct(&o.present);
  }
  free(o.all.v);
  free(o.present.v);
  return st;
}

/* ---- the whole run ---- */

static bmis_status check_options(const bmis_demo_options *o, bmis_error *err) {
  if (o->travellers < 1 || o->travellers > 20000000)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "travellers: %lld is not in 1..20000000",
                          (long long)o->travellers);
  if (o->days < 7 || o->days > 3660)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "days: %d is not in 7..3660",
                          o->days);
  if (o->movements < o->travellers ||
      o->movements > o->travellers * (int64_t)o->days ||
      o->movements > 2000000000)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "movements: %lld must be at least the travellers "
                          "(%lld) and at most one a day each (%lld)",
                          (long long)o->movements, (long long)o->travellers,
                          (long long)(o->travellers * (int64_t)o->days));
  if (o->batch < 1 || o->batch > 1000000)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "batch: %d is not in 1..1000000", o->batch);
  if (!bmis_date_is_valid(o->until) || o->until.year < 1980 ||
      o->until.year > 9000)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "until: not a date from 1980 to 9000");
  if (!o->time_zone[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "time_zone: missing");
  return BMIS_OK;
}

static bmis_status run(gen *G, bmis_error *err) {
  bool set = false;
  bmis_status st = choose_state(G, &set, err);
  if (st == BMIS_OK)
    st = demo__plan_init(&G->plan, G->o, G->state, err);
  if (st == BMIS_OK && set)
    st = set_state(G, err);
  if (st == BMIS_OK)
    st = add_bcps(G, err);
  if (st != BMIS_OK)
    return st;
  G->st->planned = G->plan.planned;
  bool open = false;
  demo__event ev;
  while (st == BMIS_OK && demo__plan_next(&G->plan, &ev)) {
    if (!open) {
      st = bmis_store_begin(G->s, err);
      if (st != BMIS_OK)
        break;
      open = true;
      G->in_batch = 0;
    }
    st = emit(G, &ev, err);
    if (st == BMIS_OK && G->in_batch >= G->o->batch) {
      open = false;
      st = bmis_store_commit(G->s, err);
      if (st == BMIS_OK)
        G->st->batches++;
      if (st == BMIS_OK && G->o->progress &&
          G->o->progress(G->st, G->o->progress_ctx)) {
        G->st->stopped = true;
        break;
      }
    }
  }
  if (open && st == BMIS_OK) {
    open = false;
    st = bmis_store_commit(G->s, err);
    if (st == BMIS_OK) {
      G->st->batches++;
      if (G->o->progress)
        G->o->progress(G->st, G->o->progress_ctx);
    }
  }
  if (open)
    bmis_store_rollback(G->s);
  if (st == BMIS_OK)
    st = count_overstayers(G, err);
  return st;
}

bmis_status bmis_demo_generate(bmis_store *store, const bmis_demo_options *opts,
                               bmis_demo_stats *stats, bmis_error *err) {
  bmis_demo_stats ignored;
  if (!stats)
    stats = &ignored;
  memset(stats, 0, sizeof *stats);
  bmis_status st = check_options(opts, err);
  if (st != BMIS_OK)
    return st;
  stats->travellers = opts->travellers;
  gen *G = calloc(1, sizeof *G);
  if (!G)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  G->s = store;
  G->o = opts;
  G->st = stats;
  st = run(G, err);
  demo__plan_fini(&G->plan);
  free(G);
  return st;
}

/* Synthetic watchlists (include/bmis/demo.h): persons, protection alerts
 * and lost or stolen documents, made from a seed through the list
 * content's public adders.
 *
 * Persons and protection alerts: entry i is drawn from its own random
 * stream (seed, kind, i), so a list is the same whatever is generated
 * around it. A person gets a naming culture (shares in demo_wl_person.c)
 * and a nationality of it, a name built by the culture (demo_wl_*.c), the
 * original-script form where the culture has one, aliases, births and the
 * rest as described in demo.h.
 *
 * Documents: the issuing State is drawn by its share, the type (passport,
 * or an identity card where the State issues cards that travel) and the
 * status (lost 68%, stolen 22%, revoked 7%, invalidated 3%: an assumed mix,
 * lost documents well ahead as in real lists); the k-th document of a
 * State and type gets
 * the number of index permute(k) in the State's formats, so numbers are
 * unique per State without being remembered. */
#include "demo_wl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TAG_WL_ENTRY = 101, TAG_WL_DOCKEY };

static const char *const kind_codes[] = {NULL, "persons", "protection",
                                         "documents"};

const char *bmis_demo_wl_kind_code(bmis_demo_wl_kind kind) {
  return kind > BMIS_DEMO_WL_NONE && kind <= BMIS_DEMO_WL_DOCUMENTS
             ? kind_codes[kind]
             : NULL;
}

bmis_demo_wl_kind bmis_demo_wl_kind_parse(const char *text) {
  for (int k = BMIS_DEMO_WL_PERSONS; text && k <= BMIS_DEMO_WL_DOCUMENTS; k++)
    if (strcmp(text, kind_codes[k]) == 0)
      return (bmis_demo_wl_kind)k;
  return BMIS_DEMO_WL_NONE;
}

void bmis_demo_wl_options_init(bmis_demo_wl_options *opts) {
  memset(opts, 0, sizeof *opts);
  opts->as_of = (bmis_date){2026, 11, 26};
}

/* ---- dates ---- */

static bmis_date day_of(int32_t days) {
  return bmis_date_from_days(days);
}

/* A full date of birth of someone aged `age` on as_of. */
static bmis_date born_aged(int32_t as_of, int age, demo_rng *r) {
  int32_t d = as_of - (int32_t)(age * 365.2425) - (int32_t)demo_below(r, 365);
  return day_of(d);
}

/* ---- persons ---- */

static const char *const offences[] = {
    "fraud",
    "drug trafficking",
    "armed robbery",
    "money laundering",
    "migrant smuggling",
    "terrorist financing",
    "homicide",
    "arms trafficking",
    "cybercrime",
    "kidnapping",
    "corruption",
    "trafficking in human beings",
    "extortion",
    "membership of a criminal organisation",
    "war crimes",
    "document forgery",
};
static const char *const roles[] = {
    "financier",
    "commander",
    "procurement agent",
    "facilitator",
    "front company director",
    "senior official",
    "recruiter",
    "courier",
    "weapons supplier",
    "propagandist",
    "logistics chief",
    "smuggling network leader",
};
static const char *const notes[] = {
    "Believed to travel on forged documents.",
    "May be armed.",
    "Holds several passports.",
    "Uses several dates of birth.",
    "Known to cross borders by land.",
};

/* A second nationality: of the same culture, or of a country of the
 * diaspora. */
static const char *second_nationality(int culture, const char *first,
                                      demo_rng *r) {
  static const char *const diaspora[] = {"GBR", "FRA", "DEU", "SWE", "NLD",
                                         "BEL", "USA", "CAN", "AUS", "TUR",
                                         "RUS", "ARE", "ITA", "ESP", "NOR"};
  const char *n = demo_chance(r, 0.5) ? demo__wl_nationality(culture, r)
                                      : diaspora[demo_below(r, 15)];
  return strcmp(n, first) == 0 ? NULL : n;
}

static bmis_status person_docs(bmis_wl_content *c, bmis_wl_person *p,
                               const char *nat, double pass, double card,
                               demo_rng *r, bmis_error *err) {
  const wl_doc_state *s = demo__wl_doc_state(nat);
  if (!s)
    return BMIS_OK;
  for (int i = 0; i < 2; i++) {
    const char *formats = i ? s->card : s->pass;
    if (!formats || !demo_chance(r, i ? card : pass))
      continue;
    bmis_wl_person_doc d;
    memset(&d, 0, sizeof d);
    snprintf(d.type, sizeof d.type, "%s", i ? "national_id" : "passport");
    snprintf(d.state, sizeof d.state, "%s", s->code);
    uint64_t space = demo__wl_format_space(formats);
    demo__wl_format_number(formats, demo_next(r) % space, d.number,
                           sizeof d.number);
    bmis_status st = bmis_wl_person_add_document(c, p, &d, err);
    if (st != BMIS_OK)
      return st;
  }
  return BMIS_OK;
}

/* Names: the primary, the original-script form, aliases (n of them). */
static bmis_status names(bmis_wl_content *c, bmis_wl_person *p,
                         const wl_name *nm, double orig_share, int aliases,
                         double strong_share, demo_rng *r, bmis_error *err) {
  char text[BMIS_WL_TEXT_SIZE];
  demo__wl_latin(nm, text, sizeof text);
  bmis_status st =
      bmis_wl_person_add_name(c, p, text, BMIS_NAME_PRIMARY, false, err);
  if (st == BMIS_OK && demo_chance(r, orig_share) &&
      demo__wl_original(nm, text, sizeof text))
    st = bmis_wl_person_add_name(c, p, text, BMIS_NAME_STRONG, true, err);
  for (int k = 0; st == BMIS_OK && k < aliases; k++) {
    bool strong = demo_chance(r, strong_share);
    bool made = strong ? demo__wl_strong_alias(nm, r, text, sizeof text)
                       : demo__wl_weak_alias(nm, r, text, sizeof text);
    if (!made) {
      strong = !strong;
      made = strong ? demo__wl_strong_alias(nm, r, text, sizeof text)
                    : demo__wl_weak_alias(nm, r, text, sizeof text);
    }
    if (made)
      st = bmis_wl_person_add_name(
          c, p, text, strong ? BMIS_NAME_STRONG : BMIS_NAME_WEAK, false, err);
  }
  return st;
}

static char draw_sex(demo_rng *r, double female) {
  return demo_chance(r, female) ? 'F' : 'M';
}

static bmis_status make_person(bmis_wl_content *c, const char *ref,
                               int32_t as_of, demo_rng *r, bmis_error *err) {
  int culture = demo__wl_culture(BMIS_DEMO_WL_PERSONS, r);
  const char *nat = demo__wl_nationality(culture, r);
  double u = demo_unit(r);
  char sex = u < 0.15 ? 'F' : 'M';
  wl_name nm;
  demo__wl_make_name(culture, nat, sex, false, r, &nm);
  bmis_wl_person *p;
  bmis_status st = bmis_wl_content_add_person(c, ref, &p, err);
  if (st != BMIS_OK)
    return st;
  p->sex = u < 0.97 ? sex : 0;
  int aliases = 0;
  if (demo_chance(r, 0.40)) {
    uint32_t a = demo_below(r, 100);
    aliases = a < 55 ? 1 : a < 85 ? 2 : 3;
  }
  st = names(c, p, &nm, demo__wl_cultures[culture].orig_pct / 100.0, aliases,
             0.65, r, err);
  if (st != BMIS_OK)
    return st;

  /* Dates of birth: full 75%, year only 20%, a range 3%, none 2%. */
  int age = (int)(44 + 11 * demo_normal(r));
  age = age < 19 ? 19 + (int)demo_below(r, 10) : age > 88 ? 88 : age;
  bmis_date full = born_aged(as_of, age, r);
  uint32_t b = demo_below(r, 100);
  bmis_wl_birth birth = {{0, 0, 0}, 0, false};
  if (b < 75) {
    birth.date = full;
  } else if (b < 95) {
    birth.date = (bmis_date){full.year, 0, 0};
    birth.approximate = demo_chance(r, 0.25);
  } else if (b < 98) {
    int span = 1 + (int)demo_below(r, 5);
    birth.date =
        (bmis_date){(int16_t)(full.year - (int)demo_below(r, 3)), 0, 0};
    birth.to_year = (int16_t)(birth.date.year + span);
  }
  if (birth.date.year) {
    st = bmis_wl_person_add_birth(c, p, birth, err);
    if (st == BMIS_OK && demo_chance(r, 0.08)) { /* another listed date */
      bmis_wl_birth other = {
          {(int16_t)(full.year + 1 + (int)demo_below(r, 3)), 0, 0}, 0, false};
      if (demo_chance(r, 0.5))
        other.date = born_aged(as_of, age + (int)demo_below(r, 5) - 2, r);
      st = bmis_wl_person_add_birth(c, p, other, err);
    }
    if (st != BMIS_OK)
      return st;
  }

  /* Nationalities: none 8%, one 77%, two 15%. */
  uint32_t n = demo_below(r, 100);
  if (n >= 8)
    st = bmis_wl_person_add_nationality(c, p, nat, err);
  if (st == BMIS_OK && n >= 85) {
    const char *second = second_nationality(culture, nat, r);
    if (second)
      st = bmis_wl_person_add_nationality(c, p, second, err);
  }
  char place[64];
  if (st == BMIS_OK && demo_chance(r, 0.35) &&
      demo__wl_city(nat, r, place, sizeof place))
    st = bmis_wl_person_add_birth_place(c, p, place, err);
  if (st == BMIS_OK && demo_chance(r, 0.30))
    st = bmis_wl_person_add_birth_country(c, p, nat, err);
  if (st == BMIS_OK)
    st = person_docs(c, p, nat, 0.22, 0.08, r, err);
  if (st != BMIS_OK)
    return st;

  char remarks[256];
  if (demo_chance(r, 0.55)) {
    int year = day_of(as_of).year - (int)demo_below(r, 15);
    snprintf(remarks, sizeof remarks, "Arrest warrant (%s, %d) for %s.", nat,
             year, offences[wl_index(r, WL_N(offences), 2)]);
  } else {
    bmis_date listed = day_of(as_of - (int32_t)demo_below(r, 20 * 365));
    char d[11];
    snprintf(
        remarks, sizeof remarks, "Listed %s (asset freeze, travel ban); %s.",
        bmis_date_format_iso(listed, d), roles[demo_below(r, WL_N(roles))]);
  }
  if (demo_chance(r, 0.2)) {
    size_t len = strlen(remarks);
    snprintf(remarks + len, sizeof remarks - len, " %s",
             notes[demo_below(r, WL_N(notes))]);
  }
  return bmis_wl_person_set_remarks(c, p, remarks, err);
}

/* ---- protection alerts ---- */

static const char *const child_cases[] = {
    "parental abduction suspected",
    "runaway",
    "abducted by an unknown person",
    "believed taken abroad by a relative",
    "missing from care",
    "unaccompanied minor, missing after arrival",
    "possible victim of trafficking",
};
static const uint16_t child_case_w[] = {30, 25, 5, 15, 10, 10, 5};
static const char *const adult_cases[] = {
    "possible victim of trafficking for sexual exploitation",
    "possible victim of trafficking for forced labour",
    "forced marriage suspected",
    "possible victim of domestic servitude",
};

static bmis_status make_alert(bmis_wl_content *c, const char *ref,
                              int32_t as_of, demo_rng *r, bmis_error *err) {
  int culture = demo__wl_culture(BMIS_DEMO_WL_PROTECTION, r);
  const char *nat = demo__wl_nationality(culture, r);
  bool adult = demo_chance(r, 0.2);
  char sex = draw_sex(r, adult ? 0.8 : 0.52);
  wl_name nm;
  demo__wl_make_name(culture, nat, sex, !adult, r, &nm);
  bmis_wl_person *p;
  bmis_status st = bmis_wl_content_add_person(c, ref, &p, err);
  if (st != BMIS_OK)
    return st;
  p->sex = sex;
  st = names(c, p, &nm, demo__wl_cultures[culture].orig_pct / 125.0,
             demo_chance(r, 0.1) ? 1 : 0, 0.6, r, err);
  if (st != BMIS_OK)
    return st;

  int age;
  if (adult) {
    age = 18 + (int)demo_below(r, 18);
  } else {
    uint32_t a = demo_below(r, 100);
    age = a < 20   ? (int)demo_below(r, 6)
          : a < 45 ? 6 + (int)demo_below(r, 7)
                   : 13 + (int)demo_below(r, 5);
  }
  bmis_date born = born_aged(as_of, age, r);
  bmis_wl_birth birth = {born, 0, false};
  if (demo_chance(r, 0.04))
    birth.date = (bmis_date){born.year, 0, 0};
  st = bmis_wl_person_add_birth(c, p, birth, err);
  if (st == BMIS_OK)
    st = bmis_wl_person_add_nationality(c, p, nat, err);
  char city[64];
  const char *from = demo__wl_city(nat, r, city, sizeof city);
  if (st == BMIS_OK && from && demo_chance(r, 0.2))
    st = bmis_wl_person_add_birth_place(c, p, from, err);
  if (st == BMIS_OK)
    st = person_docs(c, p, nat, 0.25, 0.05, r, err);
  if (st != BMIS_OK)
    return st;

  /* Missing for up to five years, mostly recently, never before birth. */
  int32_t span = 5 * 365, lived = as_of - bmis_date_to_days(born);
  if (span > lived)
    span = lived;
  double x = demo_unit(r);
  x *= demo_chance(r, 0.6) ? x : 1; /* recent ones more often */
  bmis_date since = day_of(as_of - (int32_t)(x * span));
  char d[11], remarks[256];
  const char *why =
      adult
          ? adult_cases[demo_below(r, WL_N(adult_cases))]
          : child_cases[demo__wl_weighted(r, child_case_w, WL_N(child_case_w))];
  snprintf(remarks, sizeof remarks, "Missing since %s from %s (%s); %s.",
           bmis_date_format_iso(since, d), from ? from : nat, nat, why);
  return bmis_wl_person_set_remarks(c, p, remarks, err);
}

/* ---- documents ---- */

typedef struct doc_gen {
  uint32_t *cum;        /* cumulative State weights */
  uint64_t (*next)[2];  /* per State: next passport, card index */
  uint64_t (*space)[2]; /* per State: passport, card spaces */
  uint64_t (*key)[2];
  uint32_t total;
} doc_gen;

static const char *const doc_remarks[][3] = {
    {"Reported lost abroad.", "Lost in transit.", "Reported lost by a parent."},
    {"Stolen with other belongings.",
     "Blank booklet stolen from an issuing "
     "office.",
     "Stolen in a burglary."},
    {"Revoked: holder deceased.", "Revoked by the issuing authority.",
     "Revoked: obtained by fraud."},
    {"Invalidated after renewal.", "Invalidated: damaged.",
     "Invalidated: replaced."},
};

static bmis_status make_document(bmis_wl_content *c, const char *ref,
                                 int32_t as_of, doc_gen *g, demo_rng *r,
                                 bmis_error *err) {
  uint32_t x = demo_below(r, g->total);
  size_t lo = 0, hi = demo__wl_doc_state_count - 1;
  while (lo < hi) { /* first State whose cumulative weight exceeds x */
    size_t mid = (lo + hi) / 2;
    if (g->cum[mid] > x)
      hi = mid;
    else
      lo = mid + 1;
  }
  const wl_doc_state *s = &demo__wl_doc_states[lo];
  int card = s->card && demo_chance(r, 0.15);
  uint64_t k = g->next[lo][card]++;
  if (k >= g->space[lo][card])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "count: more documents of %s than its number "
                          "format allows",
                          s->code);
  bmis_wl_document d;
  memset(&d, 0, sizeof d);
  wl_copy(d.ref, sizeof d.ref, ref);
  wl_copy(d.state, sizeof d.state, s->code);
  d.type[0] = card ? 'I' : 'P';
  demo__wl_format_number(
      card ? s->card : s->pass,
      demo__wl_permute(k, g->space[lo][card], g->key[lo][card]), d.number,
      sizeof d.number);
  static const uint16_t status_w[] = {68, 22, 7, 3};
  uint32_t st = demo__wl_weighted(r, status_w, 4);
  d.status = (bmis_doc_status)(BMIS_DOC_LOST + (int)st);
  double u = demo_unit(r);
  if (demo_chance(r, 0.4)) /* more reports in recent years */
    u *= demo_unit(r);
  d.reported = day_of(as_of - (int32_t)(u * 3652));
  char remarks[64];
  if (demo_chance(r, 0.06)) {
    snprintf(remarks, sizeof remarks, "%s", doc_remarks[st][demo_below(r, 3)]);
    d.remarks = remarks;
  }
  return bmis_wl_content_add_document(c, &d, err);
}

static void doc_gen_fini(doc_gen *g) {
  free(g->cum);
  free(g->next);
  free(g->space);
  free(g->key);
}

static bmis_status doc_gen_init(doc_gen *g, uint64_t seed, bmis_error *err) {
  size_t n = demo__wl_doc_state_count;
  memset(g, 0, sizeof *g);
  g->cum = malloc(n * sizeof *g->cum);
  g->next = calloc(n, sizeof *g->next);
  g->space = calloc(n, sizeof *g->space);
  g->key = calloc(n, sizeof *g->key);
  if (!g->cum || !g->next || !g->space || !g->key) {
    doc_gen_fini(g);
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < n; i++) {
    const wl_doc_state *s = &demo__wl_doc_states[i];
    g->total += s->weight;
    g->cum[i] = g->total;
    g->space[i][0] = demo__wl_format_space(s->pass);
    g->space[i][1] = s->card ? demo__wl_format_space(s->card) : 0;
    for (int t = 0; t < 2; t++) {
      demo_rng kr = demo_stream(seed, TAG_WL_DOCKEY, i, (uint64_t)t);
      g->key[i][t] = demo_next(&kr);
    }
  }
  return BMIS_OK;
}

/* ---- the list ---- */

/* "DW-0000001": the prefix, a hyphen, the number in at least 7 digits. */
static void make_ref(const char *prefix, size_t number, char ref[32]) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = (char)('0' + number % 10);
    number /= 10;
  } while (number);
  while (n < 7)
    digits[n++] = '0';
  size_t k = wl_copy(ref, 32, prefix);
  ref[k++] = '-';
  while (n)
    ref[k++] = digits[--n];
  ref[k] = 0;
}

bmis_status bmis_demo_watchlist(const bmis_demo_wl_options *opts,
                                bmis_wl_content *out, bmis_error *err) {
  if (!opts || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no options or content");
  const char *code = bmis_demo_wl_kind_code(opts->kind);
  if (!code)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "kind: must be persons, protection or documents");
  if (opts->count < 1 || opts->count > BMIS_DEMO_WL_MAX)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "count: %zu is not from 1 to %d", opts->count,
                          BMIS_DEMO_WL_MAX);
  if (!bmis_date_is_valid(opts->as_of) || opts->as_of.year < 1950 ||
      opts->as_of.year > 2200)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "as_of: not a date from 1950 to 2200");
  if (bmis_wl_person_count(out) || bmis_wl_document_count(out))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "the content to fill is not empty");
  char version[BMIS_WL_TEXT_SIZE], day[11];
  snprintf(version, sizeof version, "demo %s seed %llu count %zu as of %s",
           code, (unsigned long long)opts->seed, opts->count,
           bmis_date_format_iso(opts->as_of, day));
  bmis_status st = bmis_wl_content_set_version(out, version, err);
  if (st != BMIS_OK)
    return st;
  int32_t as_of = bmis_date_to_days(opts->as_of);
  const char *prefix = opts->kind == BMIS_DEMO_WL_PERSONS      ? "DW"
                       : opts->kind == BMIS_DEMO_WL_PROTECTION ? "DP"
                                                               : "DD";
  doc_gen g;
  if (opts->kind == BMIS_DEMO_WL_DOCUMENTS) {
    st = doc_gen_init(&g, opts->seed, err);
    if (st != BMIS_OK)
      return st;
  }
  char ref[32];
  for (size_t i = 0; i < opts->count && st == BMIS_OK; i++) {
    make_ref(prefix, i + 1, ref);
    demo_rng r = demo_stream(opts->seed, TAG_WL_ENTRY, (uint64_t)opts->kind, i);
    switch (opts->kind) {
    case BMIS_DEMO_WL_PERSONS:
      st = make_person(out, ref, as_of, &r, err);
      break;
    case BMIS_DEMO_WL_PROTECTION:
      st = make_alert(out, ref, as_of, &r, err);
      break;
    default: st = make_document(out, ref, as_of, &g, &r, err);
    }
  }
  if (opts->kind == BMIS_DEMO_WL_DOCUMENTS)
    doc_gen_fini(&g);
  return st;
}

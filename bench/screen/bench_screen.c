/* Screening speed on large synthetic lists, one thread (bench/screen/run.sh).
 *
 *   bench_screen import    --work DIR [--persons N] [--travellers N] [--seed S]
 *   bench_screen screen    --work DIR [--flights N] [--flight-size N]
 *                          [--exh-seconds S] [--exh-max N] [--limit N]
 *                          [--no-cold] [--only I --repeat K]
 *   bench_screen documents [--work DIR] [--documents N] [--lookups N]
 *                          [--import] [--seed S]
 *
 * import: generates --persons listed persons (bmis_demo_watchlist, kind
 *   persons, --seed), writes --travellers presented travellers to
 *   DIR/travellers.tsv (about half listed persons with realistic variations,
 *   half persons of a list made with another seed: on no list), and imports
 *   the persons into a fresh store DIR/persons.db (category sanctions),
 *   timed.
 * screen: opens DIR/persons.db (a new process: the store is closed and
 *   reopened), builds the index with bmis_screen_index_load (time, resident
 *   memory added, peak), screens every traveller one by one (latency
 *   percentiles, candidates scored, hits), flights of --flight-size
 *   travellers in a row, and then, for as many travellers as fit in
 *   --exh-seconds, the index beside the exhaustive mode (recall of the
 *   exhaustive mode's hits, hits only the index returns, time of each;
 *   every hit one mode returns and the other does not is written to
 *   DIR/exh_differences.tsv). --limit screens the first N travellers only,
 *   --no-cold skips the cold pass; --only I --repeat K screens traveller I
 *   (0-based, in travellers.tsv's order) K times and stops: a reproducer for
 *   one slow query, to run under perf. The five slowest travellers are
 *   listed; with BENCH_DUMP=1 in the environment every hit of the measured
 *   pass goes to standard error ("traveller ref score"), to compare two
 *   builds' hits.
 * documents: generates --documents lost/stolen documents, optionally imports
 *   them into DIR/documents.db (timed), builds an index straight from the
 *   content (time, memory) and makes --lookups bmis_screen_document calls:
 *   half listed numbers, a quarter listed numbers with one OCR-confusable
 *   character read as its twin, a quarter numbers of another seed's list
 *   (absent, unless by chance); checks every answer and reports the rate.
 *
 * Figures are printed one per line, "name value [unit] [detail]"; lines
 * starting with '#' are comments. Everything runs in the calling thread. */
#define _GNU_SOURCE
#include "bmis/bmis.h"
#include "bmis_demo/demo.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define LIST_NAME "bench-persons"
#define DOC_LIST_NAME "bench-documents"
/* Fixed import time (2026-11-26 00:00 UTC): the library never reads the
 * clock; nor does this bench, but for durations. */
#define LOADED_AT 1795651200

/* ---- small helpers ---- */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const bmis_error *err) {
  fprintf(stderr, "bench_screen: %s%s%s\n", what, err ? ": " : "",
          err ? err->message : "");
  exit(1);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    die("out of memory", NULL);
  return p;
}

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p)
    die("out of memory", NULL);
  return p;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = xmalloc(n);
  memcpy(p, s, n);
  return p;
}

/* splitmix64: the bench's own random stream, seeded, so runs repeat. */
static uint64_t rng_state;
static uint64_t rnd(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}
static uint64_t below(uint64_t n) {
  return n ? rnd() % n : 0;
}
static bool chance(double p) {
  return (double)(rnd() >> 11) * 0x1.0p-53 < p;
}

/* Resident memory, from /proc/self/status (kB). */
static long proc_kb(const char *field) {
  FILE *f = fopen("/proc/self/status", "r");
  if (!f)
    return -1;
  char line[256];
  long v = -1;
  size_t n = strlen(field);
  while (fgets(line, sizeof line, f))
    if (strncmp(line, field, n) == 0 && line[n] == ':') {
      v = atol(line + n + 1);
      break;
    }
  fclose(f);
  return v;
}
static long rss_kb(void) {
  return proc_kb("VmRSS");
}
static long hwm_kb(void) {
  return proc_kb("VmHWM");
}
/* Resets VmHWM to the current resident size (Linux 4.0+); false if not. */
static bool hwm_reset(void) {
  FILE *f = fopen("/proc/self/clear_refs", "w");
  if (!f)
    return false;
  bool ok = fputs("5", f) >= 0;
  return fclose(f) == 0 && ok;
}
static double mib(long kb) {
  return (double)kb / 1024.0;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The q-quantile of sorted v (nearest rank). */
static double quantile(const double *v, size_t n, double q) {
  if (!n)
    return 0;
  size_t k = (size_t)ceil(q * (double)n);
  return v[k ? k - 1 : 0];
}

static bmis_store *open_store(const char *path, bool must_exist) {
  bmis_store_options so;
  bmis_store_options_init(&so);
  so.must_exist = must_exist;
  bmis_store *s;
  bmis_error err;
  if (bmis_store_open(path, &so, &s, &err) != BMIS_OK)
    die(path, &err);
  return s;
}

static void remove_store(const char *path) {
  static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
  for (size_t i = 0; i < 4; i++) {
    char p[1100];
    snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
    if (remove(p) != 0 && errno != ENOENT)
      die(p, NULL);
  }
}

static void gen_list(bmis_demo_wl_kind kind, uint64_t seed, size_t count,
                     bmis_wl_content **out) {
  bmis_demo_wl_options o;
  bmis_demo_wl_options_init(&o);
  o.kind = kind;
  o.seed = seed;
  o.count = count;
  bmis_error err;
  *out = bmis_wl_content_new();
  if (!*out)
    die("out of memory", NULL);
  if (bmis_demo_watchlist(&o, *out, &err) != BMIS_OK)
    die("bmis_demo_watchlist", &err);
}

/* ---- names: variations a traveller's name shows against the list ---- */

#define TOKS_MAX 24

typedef struct toks {
  char *v[TOKS_MAX];
  size_t n;
  char buf[512];
} toks;

static void split(const char *s, toks *t) {
  snprintf(t->buf, sizeof t->buf, "%s", s);
  t->n = 0;
  for (char *p = strtok(t->buf, " "); p && t->n < TOKS_MAX;
       p = strtok(NULL, " "))
    t->v[t->n++] = p;
}

static void join(const toks *t, char *out, size_t cap) {
  size_t n = 0;
  out[0] = 0;
  for (size_t i = 0; i < t->n && n + 1 < cap; i++) {
    int w = snprintf(out + n, cap - n, "%s%s", i ? " " : "", t->v[i]);
    if (w < 0)
      break;
    n += (size_t)w;
  }
}

static bool all_letters(const char *s) {
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
      return false;
  return true;
}

/* One keyboard or hearing slip in one token of at least 4 ASCII letters:
 * a letter replaced, dropped, doubled or two letters swapped. */
static bool typo(const char *name, char *out, size_t cap) {
  toks t;
  split(name, &t);
  size_t cand[TOKS_MAX], nc = 0;
  for (size_t i = 0; i < t.n; i++)
    if (strlen(t.v[i]) >= 4 && all_letters(t.v[i]))
      cand[nc++] = i;
  if (!nc)
    return false;
  size_t k = cand[below(nc)];
  char tok[128];
  snprintf(tok, sizeof tok, "%s", t.v[k]);
  size_t len = strlen(tok), at = 1 + below(len - 1); /* keep the initial */
  bool upper = tok[at] >= 'A' && tok[at] <= 'Z';
  static const char vowels[] = "aeiou", cons[] = "bcdfghklmnprstvyz";
  switch (below(4)) {
  case 0: { /* replaced: a vowel by a vowel, a consonant by a consonant */
    char c = (char)(tok[at] | 0x20);
    bool vowel = strchr(vowels, c) != NULL;
    char r;
    do
      r = vowel ? vowels[below(5)] : cons[below(sizeof cons - 1)];
    while (r == c);
    tok[at] = upper ? (char)(r & ~0x20) : r;
    break;
  }
  case 1: /* dropped */ memmove(tok + at, tok + at + 1, len - at); break;
  case 2: /* doubled */
    if (len + 1 < sizeof tok) {
      memmove(tok + at + 1, tok + at, len - at + 1);
      break;
    }
    /* fall through */
  default: /* swapped with the next (or previous) letter */
    if (at + 1 >= len)
      at--;
    if (at == 0)
      at = 1;
    char c = tok[at];
    tok[at] = tok[at + 1];
    tok[at + 1] = c;
  }
  t.v[k] = tok;
  join(&t, out, cap);
  return true;
}

/* A given name dropped: one of the middle tokens of a name of three or
 * more (the first and the last are the likeliest surname). */
static bool drop_name(const char *name, char *out, size_t cap) {
  toks t;
  split(name, &t);
  if (t.n < 3)
    return false;
  size_t k = 1 + below(t.n - 2);
  memmove(&t.v[k], &t.v[k + 1], (t.n - k - 1) * sizeof t.v[0]);
  t.n--;
  join(&t, out, cap);
  return true;
}

/* A given name added, as a passport has names a list leaves out. */
static void add_name(const char *name, char *out, size_t cap) {
  static const char *const given[] = {
      "Ali",     "Maria",  "Ahmed",  "John",   "Fatima", "Jose",    "Anna",
      "Ibrahim", "Elena",  "Hassan", "Omar",   "Grace",  "Michael", "Nur",
      "Abdul",   "Sergei", "Yusuf",  "Joseph", "Mei",    "Kwame",   "Rashid",
      "Aisha",   "Ivan",   "Karim",  "David",  "Olga",   "Musa",    "Emmanuel"};
  toks t;
  split(name, &t);
  if (t.n >= TOKS_MAX - 1) {
    snprintf(out, cap, "%s", name);
    return;
  }
  size_t k = t.n >= 2 ? 1 + below(t.n - 1) : below(2);
  memmove(&t.v[k + 1], &t.v[k], (t.n - k) * sizeof t.v[0]);
  t.v[k] = (char *)given[below(sizeof given / sizeof given[0])];
  t.n++;
  join(&t, out, cap);
}

/* Tokens reordered: the last moved to the front (SURNAME Given, as an MRZ
 * or a form lists them) or the first moved to the end. */
static bool reorder(const char *name, char *out, size_t cap) {
  toks t;
  split(name, &t);
  if (t.n < 2)
    return false;
  char *x;
  if (chance(0.5)) {
    x = t.v[t.n - 1];
    memmove(&t.v[1], &t.v[0], (t.n - 1) * sizeof t.v[0]);
    t.v[0] = x;
  } else {
    x = t.v[0];
    memmove(&t.v[0], &t.v[1], (t.n - 1) * sizeof t.v[0]);
    t.v[t.n - 1] = x;
  }
  join(&t, out, cap);
  return true;
}

/* The name as a passport's MRZ spells it (ICAO Doc 9303 transliteration),
 * read back with spaces for '<'. */
static bool icao(const char *name, char *out, size_t cap) {
  char mrz[512];
  if (bmis_mrz_transliterate(name, mrz, sizeof mrz, NULL) != BMIS_OK)
    return false;
  size_t n = 0;
  bool space = true;
  for (const char *p = mrz; *p && n + 1 < cap; p++) {
    char c = *p == '<' ? ' ' : *p;
    if (c == ' ' && space)
      continue;
    space = c == ' ';
    out[n++] = c;
  }
  while (n && out[n - 1] == ' ')
    n--;
  out[n] = 0;
  return n > 0;
}

/* ---- travellers ---- */

typedef struct traveller {
  bool listed; /* presents as a listed person */
  char *ref;   /* the listed entry it was made from ("" when not listed) */
  char *how;   /* the variations applied */
  char *name;  /* as presented */
  bmis_date birth;
  char nat[4];
  char sex;
} traveller;

static bmis_date random_day_in(int year) {
  int m = 1 + (int)below(12);
  int d = 1 + (int)below((uint64_t)bmis_date_days_in_month(year, m));
  return (bmis_date){(int16_t)year, (int8_t)m, (int8_t)d};
}

/* A passport's full date of birth for someone listed with b. */
static bmis_date full_birth(const bmis_wl_birth *b) {
  if (!b)
    return random_day_in(1950 + (int)below(55));
  if (b->date.day)
    return b->date;
  int span = b->to_year > b->date.year ? b->to_year - b->date.year + 1 : 1;
  return random_day_in(b->date.year + (int)below((uint64_t)span));
}

static void fmt_birth(bmis_date d, char *out) {
  if (!d.year)
    out[0] = 0;
  else if (!d.month)
    snprintf(out, 11, "%04d", d.year);
  else
    bmis_date_format_iso(d, out);
}

static const char *const var_names[] = {"exact",     "typo",    "drop-given",
                                        "add-given", "reorder", "icao"};
static const unsigned var_weight[] = {10, 25, 15, 10, 15, 25};

static int pick_variation(void) {
  unsigned total = 0;
  for (size_t i = 0; i < 6; i++)
    total += var_weight[i];
  unsigned x = (unsigned)below(total);
  for (int i = 0; i < 6; i++) {
    if (x < var_weight[i])
      return i;
    x -= var_weight[i];
  }
  return 0;
}

/* Applies variation v to name (into out); false when it does not apply. */
static bool vary(int v, const char *name, char *out, size_t cap) {
  switch (v) {
  case 1: return typo(name, out, cap);
  case 2: return drop_name(name, out, cap);
  case 3: add_name(name, out, cap); return true;
  case 4: return reorder(name, out, cap);
  case 5: return icao(name, out, cap);
  default: snprintf(out, cap, "%s", name); return true;
  }
}

static void make_listed(const bmis_wl_person *p, traveller *t) {
  const char *primary = p->names[0].text;
  for (size_t i = 0; i < p->name_count; i++)
    if (p->names[i].quality == BMIS_NAME_PRIMARY) {
      primary = p->names[i].text;
      break;
    }
  /* the primary name, or now and then an alias (any script) */
  const char *base = primary;
  bool script = false;
  if (p->name_count > 1 && chance(0.35)) {
    const bmis_wl_name *a = &p->names[1 + below(p->name_count - 1)];
    base = a->text;
    script = a->original_script;
  }
  char how[64] = "", name[512], tmp[512];
  int v = pick_variation();
  /* a name in its own script is presented as listed or reordered; the
   * other variations are made on the Latin primary */
  if (script && v != 0 && v != 4)
    base = primary;
  if (!vary(v, base, name, sizeof name)) {
    /* does not apply (too few tokens, no Latin letters): try the primary,
     * then a typo, then the name as listed */
    if (vary(v, primary, name, sizeof name))
      base = primary;
    else if ((v = 1, typo(primary, name, sizeof name)))
      base = primary;
    else
      v = 0, snprintf(name, sizeof name, "%s", base);
  }
  snprintf(how, sizeof how, "%s%s", var_names[v],
           base == primary ? "" : "@alias");
  /* now and then a second variation on top */
  if (chance(0.25) && !(script && base != primary)) {
    int w = pick_variation();
    if (w != v && w != 0 && vary(w, name, tmp, sizeof tmp)) {
      snprintf(name, sizeof name, "%s", tmp);
      size_t n = strlen(how);
      snprintf(how + n, sizeof how - n, "+%s", var_names[w]);
    }
  }
  const bmis_wl_birth *b = p->birth_count ? &p->births[0] : NULL;
  double u = (double)(rnd() >> 11) * 0x1.0p-53;
  size_t n = strlen(how);
  if (u <
      0.50) { /* the listed date (a passport's full date in a listed year) */
    t->birth = full_birth(b);
    snprintf(how + n, sizeof how - n, ",%s", b ? "birth-same" : "birth-any");
  } else if (u < 0.75) { /* the year only */
    t->birth = (bmis_date){full_birth(b).year, 0, 0};
    snprintf(how + n, sizeof how - n, ",birth-year");
  } else { /* a different date */
    bmis_date d = full_birth(b);
    int shift = (1 + (int)below(12)) * (chance(0.5) ? 1 : -1);
    t->birth = random_day_in(d.year + shift);
    snprintf(how + n, sizeof how - n, ",birth-other");
  }
  if (p->nationality_count && chance(0.5)) {
    memcpy(t->nat, p->nationalities[0], 4);
    n = strlen(how);
    snprintf(how + n, sizeof how - n, ",nat");
  }
  t->sex = chance(0.5) ? p->sex : 0;
  t->listed = true;
  t->ref = xstrdup(p->ref);
  t->how = xstrdup(how);
  t->name = xstrdup(name);
}

/* Someone on no list (a person of another seed's list): the name as
 * written or as the passport spells it, the full date of birth, mostly the
 * nationality, the sex. */
static void make_unlisted(const bmis_wl_person *p, traveller *t) {
  const char *primary = p->names[0].text;
  char name[512];
  bool spelled = chance(0.5) && icao(primary, name, sizeof name);
  if (!spelled)
    snprintf(name, sizeof name, "%s", primary);
  t->birth = full_birth(p->birth_count ? &p->births[0] : NULL);
  if (p->nationality_count && chance(0.8))
    memcpy(t->nat, p->nationalities[0], 4);
  t->sex = p->sex;
  t->listed = false;
  char ref[80];
  snprintf(ref, sizeof ref, "other:%s", p->ref);
  t->ref = xstrdup(ref);
  t->how = xstrdup(spelled ? "unlisted,icao" : "unlisted");
  t->name = xstrdup(name);
}

static void write_travellers(const char *path, const traveller *v, size_t n) {
  FILE *f = fopen(path, "w");
  if (!f)
    die(path, NULL);
  fprintf(f, "listed\tref\thow\tname\tbirth\tnationality\tsex\n");
  for (size_t i = 0; i < n; i++) {
    char b[11];
    fmt_birth(v[i].birth, b);
    fprintf(f, "%d\t%s\t%s\t%s\t%s\t%s\t%c\n", v[i].listed, v[i].ref, v[i].how,
            v[i].name, b, v[i].nat, v[i].sex ? v[i].sex : '-');
  }
  if (fclose(f) != 0)
    die(path, NULL);
}

static size_t read_travellers(const char *path, traveller **out) {
  FILE *f = fopen(path, "r");
  if (!f)
    die(path, NULL);
  size_t n = 0, cap = 1024;
  traveller *v = xmalloc(cap * sizeof *v);
  char line[2048];
  if (!fgets(line, sizeof line, f))
    die("empty travellers file", NULL);
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    char *field[7];
    size_t k = 0;
    for (char *p = line; k < 7; k++) {
      field[k] = p;
      char *tab = strchr(p, '\t');
      if (!tab) {
        k++;
        break;
      }
      *tab = 0;
      p = tab + 1;
    }
    if (k != 7)
      die("travellers file: bad line", NULL);
    if (n == cap)
      v = realloc(v, (cap *= 2) * sizeof *v);
    if (!v)
      die("out of memory", NULL);
    traveller *t = &v[n++];
    memset(t, 0, sizeof *t);
    t->listed = field[0][0] == '1';
    t->ref = xstrdup(field[1]);
    t->how = xstrdup(field[2]);
    t->name = xstrdup(field[3]);
    int y = 0, m = 0, d = 0;
    if (field[4][0] && sscanf(field[4], "%d-%d-%d", &y, &m, &d) >= 1)
      t->birth = (bmis_date){(int16_t)y, (int8_t)m, (int8_t)d};
    snprintf(t->nat, sizeof t->nat, "%s", field[5]);
    t->sex = field[6][0] == '-' ? 0 : field[6][0];
  }
  fclose(f);
  *out = v;
  return n;
}

/* ---- import ---- */

static int cmd_import(const char *work, size_t persons, size_t travellers,
                      uint64_t seed) {
  char store_path[1024], trav_path[1024];
  snprintf(store_path, sizeof store_path, "%s/persons.db", work);
  snprintf(trav_path, sizeof trav_path, "%s/travellers.tsv", work);
  printf("# import: %zu persons (seed %llu) into %s\n", persons,
         (unsigned long long)seed, store_path);

  double t0 = now(), c0 = cpu_now();
  bmis_wl_content *c;
  gen_list(BMIS_DEMO_WL_PERSONS, seed, persons, &c);
  double gen_s = now() - t0;
  size_t names = 0;
  for (size_t i = 0; i < bmis_wl_person_count(c); i++)
    names += bmis_wl_person_at(c, i)->name_count;
  printf("generate_persons %.1f s (cpu %.1f s; %zu persons, %zu names, "
         "RSS %.0f MiB)\n",
         gen_s, cpu_now() - c0, bmis_wl_person_count(c), names, mib(rss_kb()));

  /* travellers: listed ones from this list, others from another seed's */
  rng_state = seed * 0x2545f4914f6cdd1du + 17;
  size_t others_n = travellers;
  bmis_wl_content *others;
  gen_list(BMIS_DEMO_WL_PERSONS, seed + 1000003, others_n, &others);
  traveller *tv = xcalloc(travellers, sizeof *tv);
  size_t nlisted = 0, next_other = 0;
  for (size_t i = 0; i < travellers; i++) {
    if (chance(0.5)) {
      make_listed(bmis_wl_person_at(c, below(bmis_wl_person_count(c))), &tv[i]);
      nlisted++;
    } else {
      make_unlisted(bmis_wl_person_at(others, next_other++), &tv[i]);
    }
  }
  write_travellers(trav_path, tv, travellers);
  bmis_wl_content_free(others);
  printf("travellers %zu (%zu listed with variations, %zu on no list) -> %s\n",
         travellers, nlisted, travellers - nlisted, trav_path);
  for (size_t i = 0; i < travellers; i++) {
    free(tv[i].ref);
    free(tv[i].how);
    free(tv[i].name);
  }
  free(tv);

  remove_store(store_path);
  bmis_store *s = open_store(store_path, false);
  bmis_watchlist meta;
  memset(&meta, 0, sizeof meta);
  snprintf(meta.name, sizeof meta.name, "%s", LIST_NAME);
  meta.category = BMIS_WL_SANCTIONS;
  meta.action = BMIS_HIT_REFER;
  snprintf(meta.source, sizeof meta.source, "bmis_demo_watchlist");
  snprintf(meta.version, sizeof meta.version, "%s", bmis_wl_content_version(c));
  meta.loaded_at = LOADED_AT;
  bmis_wl_report rep;
  memset(&rep, 0, sizeof rep);
  bmis_error err;
  t0 = now();
  c0 = cpu_now();
  if (bmis_watchlist_import(s, &meta, c, &rep, &err) != BMIS_OK)
    die("bmis_watchlist_import", &err);
  double imp = now() - t0, imp_cpu = cpu_now() - c0;
  printf("import_persons %.1f s (cpu %.1f s; %.0f persons/s; added %zu, "
         "RSS %.0f MiB, peak %.0f MiB)\n",
         imp, imp_cpu, (double)persons / imp, rep.added, mib(rss_kb()),
         mib(hwm_kb()));
  bmis_wl_report_free(&rep);
  bmis_store_close(s);
  struct stat sb;
  if (stat(store_path, &sb) == 0)
    printf("store_size %.0f MiB\n", (double)sb.st_size / 1048576.0);
  bmis_wl_content_free(c);
  return 0;
}

/* ---- screening ---- */

static void query_of(const traveller *t, bmis_screen_query *q) {
  memset(q, 0, sizeof *q);
  q->name = t->name;
  q->birth = t->birth;
  memcpy(q->nationality, t->nat, 4);
  q->sex = t->sex;
}

static bool has_ref(const bmis_screen_result *r, const char *ref) {
  for (size_t i = 0; i < r->count; i++)
    if (strcmp(r->hits[i].ref, ref) == 0)
      return true;
  return false;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The person hits of r as sorted "list/ref" keys (malloc'd array of
 * malloc'd strings). */
static size_t hit_keys(const bmis_screen_result *r, char ***out) {
  char **k = xmalloc((r->count ? r->count : 1) * sizeof *k);
  size_t n = 0;
  for (size_t i = 0; i < r->count; i++) {
    if (r->hits[i].kind != BMIS_HIT_PERSON)
      continue;
    char buf[160];
    snprintf(buf, sizeof buf, "%s/%s", r->hits[i].list, r->hits[i].ref);
    k[n++] = xstrdup(buf);
  }
  qsort(k, n, sizeof *k, cmp_str);
  *out = k;
  return n;
}

static void free_keys(char **k, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(k[i]);
  free(k);
}

static const bmis_hit *find_hit(const bmis_screen_result *r, const char *key) {
  for (size_t i = 0; i < r->count; i++) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s/%s", r->hits[i].list, r->hits[i].ref);
    if (strcmp(buf, key) == 0)
      return &r->hits[i];
  }
  return NULL;
}

typedef struct screen_opts {
  size_t flights, flight_size, exh_max, limit, repeat;
  double exh_seconds;
  long only; /* -1: every traveller */
  bool cold;
} screen_opts;

/* Screens traveller i k times, prints what it costs. */
static void screen_one(const bmis_screen_index *ix, const traveller *t,
                       size_t i, size_t k) {
  bmis_screen_options opt;
  memset(&opt, 0, sizeof opt);
  bmis_screen_query q;
  bmis_screen_result r;
  bmis_error err;
  query_of(t, &q);
  double *lat = xmalloc(k * sizeof *lat), first = 0;
  size_t cand = 0, hits = 0;
  for (size_t j = 0; j < k; j++) {
    double a = now();
    if (bmis_screen_person(ix, NULL, &q, &opt, &r, &err) != BMIS_OK)
      die("bmis_screen_person", &err);
    lat[j] = now() - a;
    if (j == 0)
      first = lat[0];
    cand = r.candidates;
    hits = r.count;
    bmis_screen_result_free(&r);
  }
  qsort(lat, k, sizeof *lat, cmp_double);
  char b[11];
  fmt_birth(t->birth, b);
  printf("only traveller %zu \"%s\" (%s; born %s, nationality %s): %zu "
         "times, p50 %.3f ms, first %.3f ms; %zu candidates scored, %zu "
         "hits\n",
         i, t->name, t->how, b[0] ? b : "-", t->nat[0] ? t->nat : "-", k,
         quantile(lat, k, 0.5) * 1e3, first * 1e3, cand, hits);
  free(lat);
}

static int cmd_screen(const char *work, const screen_opts *so) {
  size_t flights = so->flights, flight_size = so->flight_size,
         exh_max = so->exh_max;
  double exh_seconds = so->exh_seconds;
  char store_path[1024], trav_path[1024], diff_path[1024];
  snprintf(diff_path, sizeof diff_path, "%s/exh_differences.tsv", work);
  snprintf(store_path, sizeof store_path, "%s/persons.db", work);
  snprintf(trav_path, sizeof trav_path, "%s/travellers.tsv", work);
  bmis_error err;

  /* the index, built from the reopened store */
  bmis_store *s = open_store(store_path, true);
  long rss0 = rss_kb();
  bool reset = hwm_reset();
  long hwm0 = hwm_kb();
  double t0 = now(), c0 = cpu_now();
  bmis_screen_index *ix;
  if (bmis_screen_index_load(s, &ix, &err) != BMIS_OK)
    die("bmis_screen_index_load", &err);
  double load_s = now() - t0, load_cpu = cpu_now() - c0;
  long rss1 = rss_kb(), hwm1 = hwm_kb();
  bmis_store_close(s);
  long rss2 = rss_kb();
  printf("index_load %.2f s (cpu %.2f s; %zu entries, %zu names)\n", load_s,
         load_cpu, bmis_screen_index_entries(ix), bmis_screen_index_names(ix));
  printf("index_rss_added %.0f MiB (RSS %.0f -> %.0f MiB; %.0f MiB once the "
         "store is closed)\n",
         mib(rss1 - rss0), mib(rss0), mib(rss1), mib(rss2));
  printf("index_load_peak %.0f MiB (VmHWM %s%.0f MiB; %.0f MiB above the "
         "start)\n",
         mib(hwm1), reset ? "reset before the load, now " : "of the process ",
         mib(hwm1), mib(hwm1 - (reset ? hwm0 : 0)));

  traveller *tv;
  size_t n = read_travellers(trav_path, &tv);
  if (so->only >= 0) {
    if ((size_t)so->only >= n)
      die("--only: no such traveller", NULL);
    screen_one(ix, &tv[so->only], (size_t)so->only,
               so->repeat ? so->repeat : 1);
    bmis_screen_index_free(ix);
    return 0;
  }
  size_t n_all = n;
  if (so->limit && so->limit < n)
    n = so->limit;
  size_t nlisted = 0;
  for (size_t i = 0; i < n; i++)
    nlisted += tv[i].listed;
  printf("# travellers: %zu (%zu listed with variations, %zu on no list)\n", n,
         nlisted, n - nlisted);

  bmis_screen_options opt;
  memset(&opt, 0, sizeof opt); /* indexed, the list's threshold, 20 hits */
  bmis_screen_query q;
  bmis_screen_result r;

  /* A cold pass: every traveller once, as a freshly started service meets
   * them. The first query allocates the per-query work arrays, and the first
   * name of each script makes ICU load that script's transliteration. */
  double *lat = xmalloc(n * sizeof *lat), *lat_l = xmalloc(n * sizeof *lat),
         *lat_u = xmalloc(n * sizeof *lat);
  size_t cold_worst = 0;
  double t_cold = now();
  for (size_t i = 0; i < (so->cold ? n : 1); i++) {
    query_of(&tv[i], &q);
    double a = now();
    if (bmis_screen_person(ix, NULL, &q, &opt, &r, &err) != BMIS_OK)
      die("bmis_screen_person", &err);
    lat[i] = now() - a;
    if (lat[i] > lat[cold_worst])
      cold_worst = i;
    bmis_screen_result_free(&r);
    if (i == 0)
      printf("first_query %.3f ms (RSS now %.0f MiB)\n", lat[0] * 1e3,
             mib(rss_kb()));
  }
  t_cold = now() - t_cold;
  if (so->cold) {
    double cold_max = lat[cold_worst];
    qsort(lat, n, sizeof *lat, cmp_double);
    printf("cold_pass %.2f s: p50 %.3f p99 %.3f max %.1f ms (traveller %zu: "
           "%s; RSS now %.0f MiB)\n",
           t_cold, quantile(lat, n, 0.5) * 1e3, quantile(lat, n, 0.99) * 1e3,
           cold_max * 1e3, cold_worst, tv[cold_worst].name, mib(rss_kb()));
  }

  /* every traveller, one by one: the measured pass */
  size_t nl = 0, nu = 0;
  double cand_sum = 0, hits_sum = 0, cand_l = 0, cand_u = 0, exam_sum = 0;
  size_t exam_max = 0;
  size_t cand_max = 0, capped = 0, planted = 0, listed_any = 0,
         unlisted_any = 0, hits_l = 0, hits_u = 0;
  size_t worst = 0;
  double t_all = now();
  for (size_t i = 0; i < n; i++) {
    query_of(&tv[i], &q);
    double a = now();
    bmis_status st = bmis_screen_person(ix, NULL, &q, &opt, &r, &err);
    double b = now();
    if (st != BMIS_OK) {
      fprintf(stderr, "traveller %zu (%s): ", i, tv[i].name);
      die("bmis_screen_person", &err);
    }
    lat[i] = b - a;
    if (lat[i] > lat[worst])
      worst = i;
    if (getenv("BENCH_DUMP"))
      for (size_t h = 0; h < r.count; h++)
        fprintf(stderr, "%zu %s %.3f\n", i, r.hits[h].ref, r.hits[h].score);
    cand_sum += (double)r.candidates;
    exam_sum += (double)r.examined;
    exam_max = r.examined > exam_max ? r.examined : exam_max;
    hits_sum += (double)r.count;
    cand_max = r.candidates > cand_max ? r.candidates : cand_max;
    capped += r.count >= 20;
    if (tv[i].listed) {
      lat_l[nl++] = lat[i];
      cand_l += (double)r.candidates;
      hits_l += r.count;
      planted += has_ref(&r, tv[i].ref);
      listed_any += r.count > 0;
    } else {
      lat_u[nu++] = lat[i];
      cand_u += (double)r.candidates;
      hits_u += r.count;
      unlisted_any += r.count > 0;
    }
    bmis_screen_result_free(&r);
  }
  double total = now() - t_all;
  double worst_s = lat[worst];
  /* the slowest few, to look into (--only I) */
  size_t *slow = xmalloc(n * sizeof *slow);
  for (size_t i = 0; i < n; i++)
    slow[i] = i;
  for (size_t k = 0; k < 5 && k < n; k++) {
    for (size_t j = k + 1; j < n; j++)
      if (lat[slow[j]] > lat[slow[k]]) {
        size_t t = slow[k];
        slow[k] = slow[j];
        slow[j] = t;
      }
    printf("# slow: traveller %zu \"%s\" %.3f ms\n", slow[k], tv[slow[k]].name,
           lat[slow[k]] * 1e3);
  }
  free(slow);
  qsort(lat, n, sizeof *lat, cmp_double);
  qsort(lat_l, nl, sizeof *lat_l, cmp_double);
  qsort(lat_u, nu, sizeof *lat_u, cmp_double);
  printf("screen_travellers %zu in %.2f s (%.0f travellers/s)\n", n, total,
         (double)n / total);
  printf("screen_p50 %.3f ms\n", quantile(lat, n, 0.50) * 1e3);
  printf("screen_p90 %.3f ms\n", quantile(lat, n, 0.90) * 1e3);
  printf("screen_p99 %.3f ms\n", quantile(lat, n, 0.99) * 1e3);
  printf("screen_max %.3f ms (traveller %zu: %s)\n", worst_s * 1e3, worst,
         tv[worst].name);
  printf("screen_mean %.3f ms\n", total / (double)n * 1e3);
  printf("screen_listed_p50_p99 %.3f %.3f ms\n", quantile(lat_l, nl, 0.5) * 1e3,
         quantile(lat_l, nl, 0.99) * 1e3);
  printf("screen_unlisted_p50_p99 %.3f %.3f ms\n",
         quantile(lat_u, nu, 0.5) * 1e3, quantile(lat_u, nu, 0.99) * 1e3);
  printf("examined_mean %.1f (listed names the index looked at; max %zu)\n",
         exam_sum / (double)n, exam_max);
  printf("candidates_mean %.1f (listed %.1f, unlisted %.1f; max %zu)\n",
         cand_sum / (double)n, nl ? cand_l / (double)nl : 0,
         nu ? cand_u / (double)nu : 0, cand_max);
  printf("hits_mean %.2f (listed %.2f, unlisted %.2f; %zu travellers at the "
         "20-hit cap)\n",
         hits_sum / (double)n, nl ? (double)hits_l / (double)nl : 0,
         nu ? (double)hits_u / (double)nu : 0, capped);
  printf("listed_planted_found %.1f %% (%zu of %zu: the entry the traveller "
         "was made from is among the hits)\n",
         nl ? 100.0 * (double)planted / (double)nl : 0, planted, nl);
  printf("listed_any_hit %.1f %% (%zu of %zu)\n",
         nl ? 100.0 * (double)listed_any / (double)nl : 0, listed_any, nl);
  printf("unlisted_any_hit %.1f %% (%zu of %zu)\n",
         nu ? 100.0 * (double)unlisted_any / (double)nu : 0, unlisted_any, nu);

  /* flights: flight_size travellers in a row */
  if (flights && flight_size) {
    double *ft = xmalloc(flights * sizeof *ft);
    for (size_t f = 0; f < flights; f++) {
      double a = now();
      for (size_t k = 0; k < flight_size; k++) {
        query_of(&tv[(f * flight_size + k) % n], &q);
        if (bmis_screen_person(ix, NULL, &q, &opt, &r, &err) != BMIS_OK)
          die("bmis_screen_person", &err);
        bmis_screen_result_free(&r);
      }
      ft[f] = now() - a;
    }
    double sum = 0;
    for (size_t f = 0; f < flights; f++)
      sum += ft[f];
    qsort(ft, flights, sizeof *ft, cmp_double);
    printf("flight_median %.1f ms (%zu flights of %zu)\n",
           quantile(ft, flights, 0.5) * 1e3, flights, flight_size);
    printf("flight_worst %.1f ms\n", ft[flights - 1] * 1e3);
    printf("flight_best %.1f ms\n", ft[0] * 1e3);
    printf("flight_mean %.1f ms\n", sum / (double)flights * 1e3);
    free(ft);
  }

  /* the index beside the exhaustive mode, same scorer, every hit kept */
  if (exh_seconds > 0) {
    bmis_screen_options oi, oe;
    memset(&oi, 0, sizeof oi);
    oi.max_hits = (size_t)1 << 30;
    oe = oi;
    oe.mode = BMIS_SCREEN_EXHAUSTIVE;
    size_t done = 0, exh_hits = 0, both = 0, idx_only = 0, score_diff = 0,
           sample_listed = 0, shown = 0;
    double t_idx = 0, t_exh = 0, exh_cand = 0, idx_cand = 0;
    double *el = xmalloc(n * sizeof *el);
    size_t miss_travellers = 0;
    FILE *diff = fopen(diff_path, "w");
    if (!diff)
      die(diff_path, NULL);
    fprintf(diff, "traveller\tpresented\thow\twhich\thit\tlisted_name\t"
                  "score\tname_score\n");
    double start = now();
    printf("# index against exhaustive: up to %.0f s, default threshold, all "
           "hits kept\n",
           exh_seconds);
    for (size_t i = 0;
         i < n && (!exh_max || done < exh_max) && now() - start < exh_seconds;
         i++) {
      bmis_screen_result ri, re;
      query_of(&tv[i], &q);
      double a = now();
      if (bmis_screen_person(ix, NULL, &q, &oi, &ri, &err) != BMIS_OK)
        die("bmis_screen_person (index)", &err);
      double b = now();
      if (bmis_screen_person(ix, NULL, &q, &oe, &re, &err) != BMIS_OK)
        die("bmis_screen_person (exhaustive)", &err);
      double c = now();
      t_idx += b - a;
      t_exh += c - b;
      el[done] = c - b;
      idx_cand += (double)ri.candidates;
      exh_cand += (double)re.candidates;
      char **ki, **ke;
      size_t ni = hit_keys(&ri, &ki), ne = hit_keys(&re, &ke);
      exh_hits += ne;
      size_t missed_here = 0;
      for (size_t x = 0, y = 0; x < ni || y < ne;) {
        int cmp = x == ni ? 1 : y == ne ? -1 : strcmp(ki[x], ke[y]);
        if (cmp == 0) {
          both++;
          const bmis_hit *hi = find_hit(&ri, ki[x]), *he = find_hit(&re, ke[y]);
          if (hi && he && fabs(hi->score - he->score) > 1e-6)
            score_diff++;
          x++, y++;
        } else if (cmp < 0) {
          idx_only++;
          const bmis_hit *hi = find_hit(&ri, ki[x]);
          if (shown++ < 10)
            printf("# index only: traveller %zu \"%s\" -> %s\n", i, tv[i].name,
                   ki[x]);
          fprintf(diff, "%zu\t%s\t%s\tindex only\t%s\t%s\t%.3f\t%.3f\n", i,
                  tv[i].name, tv[i].how, ki[x], hi ? hi->listed_name : "?",
                  hi ? hi->score : 0, hi ? hi->name_score : 0);
          x++;
        } else {
          const bmis_hit *he = find_hit(&re, ke[y]);
          missed_here++;
          fprintf(diff,
                  "%zu\t%s\t%s\tmissed by the index\t%s\t%s\t%.3f\t%.3f\n", i,
                  tv[i].name, tv[i].how, ke[y], he ? he->listed_name : "?",
                  he ? he->score : 0, he ? he->name_score : 0);
          if (shown++ < 10)
            printf("# missed by the index: traveller %zu \"%s\" (%s) -> %s "
                   "\"%s\" score %.3f name %.3f\n",
                   i, tv[i].name, tv[i].how, ke[y], he ? he->listed_name : "?",
                   he ? he->score : 0, he ? he->name_score : 0);
          y++;
        }
      }
      miss_travellers += missed_here > 0;
      free_keys(ki, ni);
      free_keys(ke, ne);
      bmis_screen_result_free(&ri);
      bmis_screen_result_free(&re);
      sample_listed += tv[i].listed;
      done++;
    }
    qsort(el, done, sizeof *el, cmp_double);
    printf("exh_sample %zu travellers (%zu listed) in %.0f s\n", done,
           sample_listed, now() - start);
    printf("exh_hits %zu (list+ref pairs at the default threshold)\n",
           exh_hits);
    printf("exh_recall %.2f %% (%zu of %zu found by the index too; the %zu "
           "missed are of %zu travellers)\n",
           exh_hits ? 100.0 * (double)both / (double)exh_hits : 100.0, both,
           exh_hits, exh_hits - both, miss_travellers);
    printf("# every difference: %s\n", diff_path);
    fclose(diff);
    printf("exh_index_only %zu (hits the index returns and exhaustive does "
           "not)\n",
           idx_only);
    printf("exh_score_differs %zu (same entry, other score)\n", score_diff);
    printf("exh_time_mean %.1f ms (p50 %.1f, max %.1f; %.0f names scored "
           "each)\n",
           done ? t_exh / (double)done * 1e3 : 0, quantile(el, done, 0.5) * 1e3,
           done ? el[done - 1] * 1e3 : 0, done ? exh_cand / (double)done : 0);
    printf("exh_index_time_mean %.3f ms (%.0f names scored each; ratio "
           "%.0fx)\n",
           done ? t_idx / (double)done * 1e3 : 0,
           done ? idx_cand / (double)done : 0, t_idx > 0 ? t_exh / t_idx : 0);
    free(el);
  }

  for (size_t i = 0; i < n_all; i++) {
    free(tv[i].ref);
    free(tv[i].how);
    free(tv[i].name);
  }
  free(tv);
  free(lat);
  free(lat_l);
  free(lat_u);
  bmis_screen_index_free(ix);
  return 0;
}

/* ---- documents ---- */

static char ocr_twin(char c) {
  static const char pairs[] = "0O1I5S8B2Z6G";
  for (size_t i = 0; i + 1 < sizeof pairs; i += 2) {
    if (pairs[i] == c)
      return pairs[i + 1];
    if (pairs[i + 1] == c)
      return pairs[i];
  }
  return 0;
}

enum { DQ_LISTED, DQ_SWAPPED, DQ_ABSENT };

typedef struct dquery {
  char state[4];
  char number[40];
  uint8_t kind;
  uint32_t src; /* the listed document (LISTED, SWAPPED) */
} dquery;

static int cmd_documents(const char *work, size_t count, size_t lookups,
                         bool import, uint64_t seed) {
  printf("# documents: %zu lost/stolen documents (seed %llu), %zu look-ups\n",
         count, (unsigned long long)seed, lookups);
  double t0 = now(), c0 = cpu_now();
  bmis_wl_content *c;
  gen_list(BMIS_DEMO_WL_DOCUMENTS, seed, count, &c);
  printf("generate_documents %.1f s (cpu %.1f s; RSS %.0f MiB)\n", now() - t0,
         cpu_now() - c0, mib(rss_kb()));
  bmis_error err;
  bmis_watchlist meta;
  memset(&meta, 0, sizeof meta);
  snprintf(meta.name, sizeof meta.name, "%s", DOC_LIST_NAME);
  meta.category = BMIS_WL_DOCUMENTS;
  meta.action = BMIS_HIT_REFER;
  snprintf(meta.source, sizeof meta.source, "bmis_demo_watchlist");
  snprintf(meta.version, sizeof meta.version, "%s", bmis_wl_content_version(c));
  meta.loaded_at = LOADED_AT;

  if (import) {
    char path[1024];
    snprintf(path, sizeof path, "%s/documents.db", work);
    remove_store(path);
    bmis_store *s = open_store(path, false);
    t0 = now();
    c0 = cpu_now();
    if (bmis_watchlist_import(s, &meta, c, NULL, &err) != BMIS_OK)
      die("bmis_watchlist_import (documents)", &err);
    double imp = now() - t0;
    printf("import_documents %.1f s (cpu %.1f s; %.0f documents/s)\n", imp,
           cpu_now() - c0, (double)count / imp);
    bmis_store_close(s);
    s = open_store(path, true);
    long r0 = rss_kb();
    t0 = now();
    bmis_screen_index *lx;
    if (bmis_screen_index_load(s, &lx, &err) != BMIS_OK)
      die("bmis_screen_index_load (documents)", &err);
    printf("doc_index_load %.1f s (from the store; RSS added %.0f MiB)\n",
           now() - t0, mib(rss_kb() - r0));
    bmis_screen_index_free(lx);
    bmis_store_close(s);
    struct stat sb;
    if (stat(path, &sb) == 0)
      printf("doc_store_size %.0f MiB\n", (double)sb.st_size / 1048576.0);
  }

  long rss0 = rss_kb();
  bool reset = hwm_reset();
  long hwm0 = hwm_kb();
  t0 = now();
  c0 = cpu_now();
  bmis_screen_index *ix;
  if (bmis_screen_index_from_content(&meta, c, &ix, &err) != BMIS_OK)
    die("bmis_screen_index_from_content", &err);
  double build = now() - t0, build_cpu = cpu_now() - c0;
  long rss1 = rss_kb(), hwm1 = hwm_kb();
  printf("doc_index_build %.1f s (cpu %.1f s; %zu entries)\n", build, build_cpu,
         bmis_screen_index_entries(ix));
  printf("doc_index_rss %.0f MiB (%.1f bytes per document)\n", mib(rss1 - rss0),
         (double)(rss1 - rss0) * 1024.0 / (double)count);
  if (reset)
    printf("doc_index_build_peak %.0f MiB above the start\n", mib(hwm1 - hwm0));

  /* the look-ups, made before timing */
  rng_state = seed * 0x2545f4914f6cdd1du + 29;
  /* the share of numbers on no list: DOC_ABSENT (default 0.25; at a desk
   * nearly every document is on none) */
  double absent = getenv("DOC_ABSENT") ? atof(getenv("DOC_ABSENT")) : 0.25;
  if (!(absent >= 0 && absent <= 1))
    absent = 0.25;
  size_t nabs = (size_t)((double)lookups * absent) + 16;
  bmis_wl_content *other;
  gen_list(BMIS_DEMO_WL_DOCUMENTS, seed + 1000003, nabs, &other);
  dquery *dq = xmalloc(lookups * sizeof *dq);
  size_t kinds[3] = {0, 0, 0}, next_abs = 0;
  for (size_t i = 0; i < lookups; i++) {
    dquery *x = &dq[i];
    memset(x, 0, sizeof *x);
    double u = (double)(rnd() >> 11) * 0x1.0p-53;
    x->kind = u < (1 - absent) * 2 / 3 ? DQ_LISTED
              : u < 1 - absent         ? DQ_SWAPPED
                                       : DQ_ABSENT;
    if (x->kind == DQ_ABSENT && next_abs >= nabs)
      x->kind = DQ_LISTED;
    if (x->kind == DQ_ABSENT) {
      const bmis_wl_document *d = bmis_wl_document_at(other, next_abs++);
      memcpy(x->state, d->state, 4);
      snprintf(x->number, sizeof x->number, "%s", d->number);
    } else {
      for (;;) {
        x->src = (uint32_t)below(count);
        const bmis_wl_document *d = bmis_wl_document_at(c, x->src);
        memcpy(x->state, d->state, 4);
        snprintf(x->number, sizeof x->number, "%s", d->number);
        if (x->kind == DQ_LISTED)
          break;
        size_t pos[40], np = 0;
        for (size_t k = 0; x->number[k]; k++)
          if (ocr_twin(x->number[k]))
            pos[np++] = k;
        if (!np)
          continue; /* no confusable character: another document */
        size_t k = pos[below(np)];
        x->number[k] = ocr_twin(x->number[k]);
        break;
      }
    }
    kinds[x->kind]++;
  }
  bmis_wl_content_free(other);

  /* checking pass (untimed) */
  size_t ok[3] = {0, 0, 0}, wrong[3] = {0, 0, 0}, chance_exact[3] = {0, 0, 0},
         chance_variant[3] = {0, 0, 0}, hits_total = 0;
  for (size_t i = 0; i < lookups; i++) {
    const dquery *x = &dq[i];
    bmis_screen_result r;
    if (bmis_screen_document(ix, x->state, x->number, &r, &err) != BMIS_OK)
      die("bmis_screen_document", &err);
    hits_total += r.count;
    const char *want =
        x->kind == DQ_ABSENT ? NULL : bmis_wl_document_at(c, x->src)->ref;
    double want_score = x->kind == DQ_LISTED ? 1.0 : 0.9;
    bool found = false;
    for (size_t h = 0; h < r.count; h++) {
      const bmis_hit *hh = &r.hits[h];
      if (want && strcmp(hh->ref, want) == 0 &&
          fabs(hh->score - want_score) < 1e-9) {
        found = true;
        continue;
      }
      if (hh->score >= 1.0 - 1e-9)
        chance_exact[x->kind]++;
      else
        chance_variant[x->kind]++;
    }
    if (x->kind == DQ_ABSENT)
      ok[x->kind] += r.count == 0;
    else if (found)
      ok[x->kind]++;
    else
      wrong[x->kind]++;
    bmis_screen_result_free(&r);
  }
  static const char *const kname[] = {"listed", "swapped", "absent"};
  wrong[DQ_ABSENT] = kinds[DQ_ABSENT] - ok[DQ_ABSENT]; /* hit by chance */
  for (int k = 0; k < 3; k++)
    printf("doc_%s %zu look-ups: %zu %s, %zu %s; other hits: %zu exact, %zu "
           "OCR variant\n",
           kname[k], kinds[k], ok[k],
           k == DQ_LISTED    ? "hit with score 1"
           : k == DQ_SWAPPED ? "hit with score 0.9"
                             : "without any hit",
           wrong[k], k == DQ_ABSENT ? "with a hit by chance" : "wrong",
           chance_exact[k], chance_variant[k]);

  /* timed passes */
  double rates[3];
  size_t sink = 0;
  for (int pass = 0; pass < 3; pass++) {
    double a = now();
    for (size_t i = 0; i < lookups; i++) {
      bmis_screen_result r;
      if (bmis_screen_document(ix, dq[i].state, dq[i].number, &r, &err) !=
          BMIS_OK)
        die("bmis_screen_document", &err);
      sink += r.count;
      bmis_screen_result_free(&r);
    }
    rates[pass] = (double)lookups / (now() - a);
    printf("doc_lookups_pass%d %.0f /s (%.0f ns each)\n", pass + 1, rates[pass],
           1e9 / rates[pass]);
  }
  qsort(rates, 3, sizeof *rates, cmp_double);
  printf("doc_lookups %.0f /s (median of 3 passes of %zu; %zu hits per pass, "
         "check %zu)\n",
         rates[1], lookups, hits_total, sink / 3);

  /* each kind apart (one pass each): what a look-up costs that hits, that
   * hits through a misreading, that finds nothing */
  dquery *kq = xmalloc(lookups * sizeof *kq);
  for (int k = 0; k < 3; k++) {
    size_t nk = 0;
    for (size_t i = 0; i < lookups; i++)
      if (dq[i].kind == k)
        kq[nk++] = dq[i];
    if (!nk)
      continue;
    double a = now();
    for (size_t i = 0; i < nk; i++) {
      bmis_screen_result r;
      if (bmis_screen_document(ix, kq[i].state, kq[i].number, &r, &err) !=
          BMIS_OK)
        die("bmis_screen_document", &err);
      sink += r.count;
      bmis_screen_result_free(&r);
    }
    double t = now() - a;
    printf("doc_lookups_%s %.0f /s (%.0f ns each, %zu look-ups)\n", kname[k],
           (double)nk / t, t / (double)nk * 1e9, nk);
  }
  free(kq);
  free(dq);
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
  return 0;
}

/* ---- main ---- */

static void usage(void) {
  fprintf(stderr,
          "usage: bench_screen import --work DIR [--persons N] "
          "[--travellers N] [--seed S]\n"
          "       bench_screen screen --work DIR [--flights N] "
          "[--flight-size N] [--exh-seconds S] [--exh-max N] [--limit N] "
          "[--no-cold] [--only I --repeat K]\n"
          "       bench_screen documents [--work DIR] [--documents N] "
          "[--lookups N] [--import] [--seed S]\n");
  exit(2);
}

int main(int argc, char **argv) {
  if (argc < 2)
    usage();
  const char *cmd = argv[1], *work = ".";
  size_t persons = 1000000, travellers = 10000, documents = 10000000,
         lookups = 1000000;
  screen_opts so = {.flights = 20,
                    .flight_size = 500,
                    .exh_seconds = 300,
                    .only = -1,
                    .cold = true};
  unsigned long long seed = 1;
  bool import = false;
  for (int i = 2; i < argc; i++) {
    const char *o = argv[i];
    if (!strcmp(o, "--import")) {
      import = true;
      continue;
    }
    if (!strcmp(o, "--no-cold")) {
      so.cold = false;
      continue;
    }
    if (i + 1 >= argc)
      usage();
    const char *v = argv[++i];
    if (!strcmp(o, "--work"))
      work = v;
    else if (!strcmp(o, "--persons"))
      persons = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--travellers"))
      travellers = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--seed"))
      seed = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--flights"))
      so.flights = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--flight-size"))
      so.flight_size = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--exh-seconds"))
      so.exh_seconds = atof(v);
    else if (!strcmp(o, "--exh-max"))
      so.exh_max = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--limit"))
      so.limit = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--only"))
      so.only = atol(v);
    else if (!strcmp(o, "--repeat"))
      so.repeat = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--documents"))
      documents = strtoull(v, NULL, 10);
    else if (!strcmp(o, "--lookups"))
      lookups = strtoull(v, NULL, 10);
    else
      usage();
  }
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (!strcmp(cmd, "import") && persons && travellers)
    return cmd_import(work, persons, travellers, seed);
  if (!strcmp(cmd, "screen"))
    return cmd_screen(work, &so);
  if (!strcmp(cmd, "documents") && documents && lookups)
    return cmd_documents(work, documents, lookups, import, seed);
  usage();
  return 2;
}

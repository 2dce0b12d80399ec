/* The traveller mix for bench/server/run.sh: one line per primary
 * inspection, two JSON bodies separated by a tab,
 *
 *   {"mrz": ..., "direction": ..., "card": {...}}<TAB>{"decision": "admit",
 * ...}
 *
 * the first for POST /api/inspections, the second for the decision that
 * follows it (inspect.lua sends a referral instead when the inspection
 * result forbids admitting).
 *
 *   bench_server_gen_inspections --store FILE --count N [--known PCT]
 *                                [--seed S] [--as-of YYYY-MM-DD] --out FILE
 *
 * PCT percent (default 75) are travellers who ARE in the register: their
 * latest crossing is read from the store (bmis_movement_list), they present
 * the passport they last crossed with, unexpired on --as-of, going the
 * other way (a traveller present leaves, one abroad comes back), so the
 * inspection reads their history and stay status. Each such document
 * appears once. The rest are new travellers (made-up names of several
 * cultures, document numbers the register never issued), arriving. The
 * MRZ is written by bmis_doc_make. Nobody is made to resemble a listed
 * person: watchlist hits are the ones the names give by themselves. Lines
 * are shuffled; the same arguments and store give the same file.
 *
 *   bench_server_gen_inspections --store FILE --import-persons N [--seed S]
 *
 * imports N synthetic listed persons (bmis_demo_watchlist, kind persons)
 * into FILE as the list "persons" (category wanted, action refer): what
 * `bmis demo watchlist --kind persons` piped to `bmis watchlist import`
 * does, through the library, because the command reads files of up to
 * 256 MiB and a million persons make 311 MiB. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "bmis/doc.h"
#include "bmis/register.h"
#include "bmis/screen.h"
#include "bmis/store.h"
#include "bmis_demo/demo.h"
#include "bmis_pg/postgres.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

/* splitmix64 */
static uint64_t rng_next(void) {
  uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

static int rng_below(int n) {
  return (int)(rng_next() % (uint64_t)n);
}

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const surnames[] = {
    "OTIENO",    "WANJIKU",   "MWANGI",   "KAMAU",    "OCHIENG", "HASSAN",
    "ABDI",      "MOHAMED",   "NAKAMURA", "TANAKA",   "SMITH",   "JOHNSON",
    "MUELLER",   "SCHMIDT",   "ROSSI",    "BIANCHI",  "GARCIA",  "MARTINEZ",
    "SILVA",     "SANTOS",    "PATEL",    "SHARMA",   "NGUYEN",  "TRAN",
    "KIM",       "PARK",      "WANG",     "LI",       "IVANOV",  "PETROVA",
    "OKAFOR",    "ADEYEMI",   "MENSAH",   "BANDA",    "MBEKI",   "DUBOIS",
    "LEFEBVRE",  "JANSSEN",   "DE VRIES", "KOWALSKI", "NOWAK",   "ANDERSSON",
    "JOHANSSON", "OLSEN",     "MURPHY",   "O BRIEN",  "YILMAZ",  "KAYA",
    "TESFAYE",   "HAILU",     "MUSOKE",   "NAMUKASA", "MUTASA",  "CHAVEZ",
    "FERNANDEZ", "RODRIGUEZ", "COHEN",    "LEVI",     "HUSSEIN", "ALI"};

static const char *const given[] = {
    "JAMES",  "MARY",    "JOHN",   "GRACE", "PETER",  "FAITH",  "DAVID",
    "ESTHER", "SAMUEL",  "MERCY",  "AMINA", "FATUMA", "YUKI",   "HARUTO",
    "OLIVER", "EMMA",    "LUKAS",  "SOFIA", "MARCO",  "GIULIA", "CARLOS",
    "LUCIA",  "JOAO",    "ANA",    "ARJUN", "PRIYA",  "MINH",   "LINH",
    "JIWOO",  "SEOYEON", "WEI",    "FANG",  "DMITRI", "OLGA",   "CHINEDU",
    "NGOZI",  "KWAME",   "AKOSUA", "THABO", "LERATO", "PIERRE", "CAMILLE",
    "SANNE",  "DAAN",    "PIOTR",  "ZOFIA", "ERIK",   "INGRID", "SEAN",
    "AOIFE",  "EMRE",    "ELIF",   "DAWIT", "MEKDES", "JOSEPH", "ANNE",
    "MIGUEL", "ISABEL",  "NOAH",   "LEAH"};

static const char *const nationalities[] = {
    "KEN", "UGA", "TZA", "ETH", "RWA", "GBR", "USA", "DEU", "ITA", "FRA",
    "IND", "CHN", "JPN", "KOR", "NLD", "ZAF", "NGA", "SWE", "BRA", "ESP"};

/* One crossing of the register, the fields the mix needs. */
typedef struct seen {
  char document_id[BMIS_ID_SIZE];
  char traveller_id[BMIS_ID_SIZE];
  int64_t crossed_at;
  bmis_direction direction;
} seen;

typedef struct seen_list {
  seen *v;
  size_t n, cap;
} seen_list;

static int collect(const bmis_movement *m, void *ctx) {
  seen_list *l = ctx;
  if (l->n == l->cap) {
    size_t ncap = l->cap ? l->cap * 2 : 1 << 16;
    seen *nv = realloc(l->v, ncap * sizeof *nv);
    if (!nv)
      return 1;
    l->v = nv;
    l->cap = ncap;
  }
  seen *s = &l->v[l->n++];
  memcpy(s->document_id, m->document_id, BMIS_ID_SIZE);
  memcpy(s->traveller_id, m->traveller_id, BMIS_ID_SIZE);
  s->crossed_at = m->crossed_at;
  s->direction = m->direction;
  return 0;
}

/* By document, then time: each document's latest crossing comes last. */
static int by_document_time(const void *a, const void *b) {
  const seen *x = a, *y = b;
  int c = strcmp(x->document_id, y->document_id);
  if (c)
    return c;
  return (x->crossed_at > y->crossed_at) - (x->crossed_at < y->crossed_at);
}

typedef struct doc_find {
  const char *id;
  bmis_document doc;
  bool found;
} doc_find;

static int find_document(const bmis_document *d, void *ctx) {
  doc_find *f = ctx;
  if (strcmp(d->id, f->id) == 0) {
    f->doc = *d;
    f->found = true;
    return 1;
  }
  return 0;
}

/* Writes s as a JSON string (MRZ characters, names: only '\n' to escape). */
static void json_text(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '\n')
      fputs("\\n", f);
    else if (*s == '"' || *s == '\\')
      fprintf(f, "\\%c", *s);
    else
      fputc(*s, f);
  }
  fputc('"', f);
}

/* One line of the mix. */
static void write_line(FILE *f, const char *mrz, bmis_direction dir,
                       const char *nationality, const char *state) {
  bool entry = dir == BMIS_DIRECTION_ENTRY;
  bool national = strcmp(nationality, state) == 0;
  fputs("{\"mrz\":", f);
  json_text(f, mrz);
  fprintf(f,
          ",\"direction\":\"%s\",\"card\":{\"transport\":\"air\","
          "\"carrier\":\"KQ\",\"transport_number\":\"KQ%d\","
          "\"route_country\":\"GBR\",\"residence_country\":\"%s\","
          "\"purpose\":\"leisure\"%s}}\t",
          entry ? "entry" : "exit", 100 + rng_below(900),
          national ? state : nationality,
          entry && !national ? ",\"intended_days\":14" : "");
  if (entry && !national)
    fputs("{\"decision\":\"admit\",\"entry_type\":\"visa-free\","
          "\"permitted_days\":30}\n",
          f);
  else
    fputs("{\"decision\":\"admit\"}\n", f);
}

static int import_persons(const char *store_url, long count, uint64_t seed) {
  bmis_error err;
  bmis_demo_wl_options o;
  bmis_demo_wl_options_init(&o);
  o.kind = BMIS_DEMO_WL_PERSONS;
  o.seed = seed;
  o.count = (size_t)count;
  bmis_wl_content *c = bmis_wl_content_new();
  bmis_store *s = NULL;
  bmis_store_options so;
  bmis_store_options_init(&so);
  so.must_exist = true;
  bmis_watchlist meta;
  memset(&meta, 0, sizeof meta);
  snprintf(meta.name, sizeof meta.name, "persons");
  meta.category = BMIS_WL_WANTED;
  meta.action = BMIS_HIT_REFER;
  snprintf(meta.source, sizeof meta.source, "synthetic (bmis demo watchlist)");
  if (!c || bmis_demo_watchlist(&o, c, &err) != BMIS_OK ||
      bmis_store_open(store_url, &so, &s, &err) != BMIS_OK) {
    fprintf(stderr, "gen_inspections: %s\n", c ? err.message : "no memory");
    return 1;
  }
  snprintf(meta.version, sizeof meta.version, "%s", bmis_wl_content_version(c));
  bmis_wl_report rep;
  memset(&rep, 0, sizeof rep);
  if (bmis_watchlist_import(s, &meta, c, &rep, &err) != BMIS_OK) {
    fprintf(stderr, "gen_inspections: %s\n", err.message);
    return 1;
  }
  printf("imported %zu listed persons into the list \"persons\"\n", rep.added);
  bmis_wl_report_free(&rep);
  bmis_wl_content_free(c);
  bmis_store_close(s);
  return 0;
}

static int usage(void) {
  fputs("usage: bench_server_gen_inspections --store FILE --count N "
        "[--known PCT] [--seed S] [--as-of YYYY-MM-DD] [--state CODE] "
        "--out FILE\n"
        "       bench_server_gen_inspections --store FILE --import-persons N "
        "[--seed S]\n",
        stderr);
  return 2;
}

int main(int argc, char **argv) {
  bmis_store_postgres_enable(NULL);
  const char *store_url = NULL, *out_path = NULL, *as_of = "2026-11-27",
             *state = "UTO";
  long count = 0, known_pct = 75, persons = 0;
  unsigned long long seed = 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!v)
      return usage();
    if (strcmp(a, "--store") == 0)
      store_url = v;
    else if (strcmp(a, "--out") == 0)
      out_path = v;
    else if (strcmp(a, "--count") == 0)
      count = strtol(v, NULL, 10);
    else if (strcmp(a, "--import-persons") == 0)
      persons = strtol(v, NULL, 10);
    else if (strcmp(a, "--known") == 0)
      known_pct = strtol(v, NULL, 10);
    else if (strcmp(a, "--seed") == 0)
      seed = strtoull(v, NULL, 10);
    else if (strcmp(a, "--as-of") == 0)
      as_of = v;
    else if (strcmp(a, "--state") == 0)
      state = v;
    else
      return usage();
    i++;
  }
  if (store_url && persons > 0)
    return import_persons(store_url, persons, seed);
  bmis_date today;
  if (!store_url || !out_path || count <= 0 || known_pct < 0 ||
      known_pct > 100 ||
      sscanf(as_of, "%hd-%hhd-%hhd", &today.year, &today.month, &today.day) !=
          3)
    return usage();
  rng_state = seed;

  bmis_error err;
  bmis_store *s = NULL;
  bmis_store_options so;
  bmis_store_options_init(&so);
  so.no_migrate = true;
  so.must_exist = true;
  if (bmis_store_open(store_url, &so, &s, &err) != BMIS_OK) {
    fprintf(stderr, "gen_inspections: %s\n", err.message);
    return 1;
  }
  /* every crossing, then each document's latest */
  seen_list all = {0};
  bmis_movement_filter filter;
  memset(&filter, 0, sizeof filter);
  if (bmis_movement_list(s, &filter, collect, &all, &err) != BMIS_OK) {
    fprintf(stderr, "gen_inspections: %s\n", err.message);
    return 1;
  }
  qsort(all.v, all.n, sizeof *all.v, by_document_time);
  size_t ndocs = 0;
  for (size_t i = 0; i < all.n; i++)
    if (i + 1 == all.n ||
        strcmp(all.v[i].document_id, all.v[i + 1].document_id) != 0)
      all.v[ndocs++] = all.v[i];
  /* shuffled: the known travellers are drawn from the whole register */
  for (size_t i = ndocs; i > 1; i--) {
    size_t j = (size_t)(rng_next() % i);
    seen t = all.v[i - 1];
    all.v[i - 1] = all.v[j];
    all.v[j] = t;
  }

  size_t nlines = (size_t)count, nknown = nlines * (size_t)known_pct / 100;
  char **lines = calloc(nlines, sizeof *lines);
  if (!lines)
    return 1;
  size_t made = 0, known = 0, skipped = 0;
  char mrz[128], number[32];
  for (size_t i = 0; i < ndocs && known < nknown; i++) {
    bmis_traveller t;
    if (bmis_traveller_get(s, all.v[i].traveller_id, &t, &err) != BMIS_OK) {
      fprintf(stderr, "gen_inspections: %s\n", err.message);
      return 1;
    }
    doc_find f;
    memset(&f, 0, sizeof f);
    f.id = all.v[i].document_id;
    if (bmis_person_documents(s, t.person_id, find_document, &f, &err) !=
        BMIS_OK) {
      fprintf(stderr, "gen_inspections: %s\n", err.message);
      return 1;
    }
    /* a passport expired since is not what the traveller presents now */
    if (!f.found || bmis_date_compare(f.doc.expiry, today) <= 0 ||
        strcmp(f.doc.type, "P") != 0) {
      skipped++;
      continue;
    }
    bmis_doc_make_input in;
    memset(&in, 0, sizeof in);
    in.format = BMIS_DOC_TD3;
    in.document_code = f.doc.type;
    in.issuing_state = f.doc.issuing_state;
    in.surname = t.surname;
    in.given_names = t.given_names;
    in.number = f.doc.number;
    in.nationality = t.nationality;
    in.birth_date = t.birth;
    in.sex = t.sex ? t.sex : '<';
    in.expiry_date = f.doc.expiry;
    if (bmis_doc_make(&in, mrz, sizeof mrz, &err) != BMIS_OK) {
      skipped++;
      continue;
    }
    bmis_direction dir = all.v[i].direction == BMIS_DIRECTION_ENTRY
                             ? BMIS_DIRECTION_EXIT
                             : BMIS_DIRECTION_ENTRY;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    write_line(m, mrz, dir, t.nationality, state);
    fclose(m);
    lines[made++] = buf;
    known++;
  }
  size_t fresh = 0;
  while (made < nlines) {
    const char *nat = nationalities[rng_below(COUNT(nationalities))];
    char given_names[64];
    snprintf(given_names, sizeof given_names, "%s",
             given[rng_below(COUNT(given))]);
    if (rng_below(3) == 0) { /* a second given name for a third of them */
      size_t n = strlen(given_names);
      snprintf(given_names + n, sizeof given_names - n, " %s",
               given[rng_below(COUNT(given))]);
    }
    /* "BZ" and seven digits: a series the demo register never issues */
    snprintf(number, sizeof number, "BZ%07zu", fresh % 10000000);
    bmis_doc_make_input in;
    memset(&in, 0, sizeof in);
    in.format = BMIS_DOC_TD3;
    in.document_code = "P";
    in.issuing_state = nat;
    in.surname = surnames[rng_below(COUNT(surnames))];
    in.given_names = given_names;
    in.number = number;
    in.nationality = nat;
    in.birth_date =
        (bmis_date){(int16_t)(1950 + rng_below(56)),
                    (int8_t)(1 + rng_below(12)), (int8_t)(1 + rng_below(28))};
    in.sex = rng_below(2) ? 'F' : 'M';
    in.expiry_date =
        (bmis_date){(int16_t)(2027 + rng_below(9)), (int8_t)(1 + rng_below(12)),
                    (int8_t)(1 + rng_below(28))};
    if (bmis_doc_make(&in, mrz, sizeof mrz, &err) != BMIS_OK) {
      fprintf(stderr, "gen_inspections: %s\n", err.message);
      return 1;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    write_line(m, mrz, BMIS_DIRECTION_ENTRY, nat, state);
    fclose(m);
    lines[made++] = buf;
    fresh++;
  }
  bmis_store_close(s);
  for (size_t i = nlines; i > 1; i--) {
    size_t j = (size_t)(rng_next() % i);
    char *t = lines[i - 1];
    lines[i - 1] = lines[j];
    lines[j] = t;
  }
  FILE *out = fopen(out_path, "w");
  if (!out) {
    perror(out_path);
    return 1;
  }
  for (size_t i = 0; i < nlines; i++) {
    fputs(lines[i], out);
    free(lines[i]);
  }
  if (fclose(out) != 0) {
    perror(out_path);
    return 1;
  }
  printf("mix %zu inspections: %zu travellers in the register (of %zu "
         "documents with a crossing; %zu skipped: expired or not a "
         "passport), %zu new\n",
         nlines, known, ndocs, skipped, fresh);
  free(lines);
  free(all.v);
  return 0;
}

/* List screening accuracy: the real UN Security Council list against UN
 * listed persons as travellers would present them (clean and "treated":
 * typos, reordering, dropped names) and against 50,000 synthetic persons on
 * no list. For each presented person the best score over the list is kept,
 * so that one run gives the whole recall / false-hit curve; the default
 * threshold's figures are printed apart, for the index and for the
 * exhaustive mode side by side.
 *
 *   eval_lists UN.xml UNTREATED.csv TREATED.csv NEGATIVES.csv [--misses]
 */
#define _POSIX_C_SOURCE 200809L
#include "bmis/bmis.h"
#include "csv.h"

#include <stdbool.h>
#include <time.h>

#define CURVE_FROM 0.5

typedef struct person {
  char name[256];
  bmis_date birth;
  char nat[4];
  char sex;
} person;

typedef struct set {
  const char *label;
  person *v;
  size_t n;
  double *best_idx, *best_exh; /* best score, with a low threshold */
  bool *hit_idx, *hit_exh;     /* a hit at the default threshold */
} set;

static bmis_date parse_birth(const char *s) {
  bmis_date d = {0};
  int y = 0, m = 0, dd = 0;
  if (sscanf(s, "%d-%d-%d", &y, &m, &dd) >= 1) {
    d.year = (int16_t)y;
    d.month = (int8_t)m;
    d.day = (int8_t)dd;
  }
  if (d.day && !bmis_date_is_valid(d))
    d.day = 0, d.month = 0;
  return d;
}

static void load(set *s, const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    exit(1);
  }
  static csv_row h, r;
  csv_read(f, &h);
  int cn = csv_col(&h, "full_name"), cb = csv_col(&h, "date_of_birth"),
      cnat = csv_col(&h, "nationality"), cg = csv_col(&h, "gender");
  size_t cap = 1024;
  s->v = malloc(cap * sizeof *s->v);
  while (csv_read(f, &r)) {
    if (r.n <= cn || !r.f[cn][0])
      continue;
    if (s->n == cap)
      s->v = realloc(s->v, (cap *= 2) * sizeof *s->v);
    person *p = &s->v[s->n++];
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "%s", r.f[cn]);
    if (cb >= 0 && cb < r.n)
      p->birth = parse_birth(r.f[cb]);
    if (cnat >= 0 && cnat < r.n && r.f[cnat][0]) {
      const bmis_country *c = bmis_country_lookup(r.f[cnat]);
      if (c)
        snprintf(p->nat, sizeof p->nat, "%s", c->code);
    }
    if (cg >= 0 && cg < r.n)
      p->sex = strcmp(r.f[cg], "male") == 0     ? 'M'
               : strcmp(r.f[cg], "female") == 0 ? 'F'
                                                : 0;
  }
  fclose(f);
  s->best_idx = calloc(s->n, sizeof(double));
  s->best_exh = calloc(s->n, sizeof(double));
  s->hit_idx = calloc(s->n, 1);
  s->hit_exh = calloc(s->n, 1);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void run(const bmis_screen_index *ix, set *s, bmis_screen_mode mode,
                double *secs) {
  double t0 = now();
  for (size_t i = 0; i < s->n; i++) {
    bmis_screen_query q = {0};
    q.name = s->v[i].name;
    q.birth = s->v[i].birth;
    memcpy(q.nationality, s->v[i].nat, 4);
    q.sex = s->v[i].sex;
    /* One pass at a low threshold gives the best score; a hit at the
     * default threshold is a best score at or above it (the score is the
     * name score plus the factors, so a low threshold hides nothing). */
    bmis_screen_options o = {mode, CURVE_FROM, 1};
    bmis_screen_result r;
    bmis_error err;
    if (bmis_screen_person(ix, NULL, &q, &o, &r, &err) != BMIS_OK) {
      fprintf(stderr, "%s '%s': %s\n", s->label, q.name, err.message);
      continue;
    }
    double best = r.count ? r.hits[0].score : 0;
    (mode == BMIS_SCREEN_INDEXED ? s->best_idx : s->best_exh)[i] = best;
    (mode == BMIS_SCREEN_INDEXED ? s->hit_idx : s->hit_exh)[i] =
        best >= BMIS_SCREEN_DEFAULT_THRESHOLD - 1e-9;
    bmis_screen_result_free(&r);
  }
  *secs = now() - t0;
}

static size_t count_at(const set *s, double t, bool exh) {
  size_t n = 0;
  for (size_t i = 0; i < s->n; i++)
    n += (exh ? s->best_exh : s->best_idx)[i] >= t - 1e-9;
  return n;
}

static size_t count_hits(const set *s, bool exh) {
  size_t n = 0;
  for (size_t i = 0; i < s->n; i++)
    n += (exh ? s->hit_exh : s->hit_idx)[i];
  return n;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: eval_lists UN.xml UNTREATED.csv TREATED.csv "
                    "NEGATIVES.csv [--misses]\n");
    return 2;
  }
  bool misses = argc > 5 && strcmp(argv[5], "--misses") == 0;
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *xml = malloc((size_t)len);
  if (fread(xml, 1, (size_t)len, f) != (size_t)len)
    return 1;
  fclose(f);
  bmis_error err;
  bmis_wl_content *c = bmis_wl_content_new();
  if (bmis_wl_read(BMIS_WL_FORMAT_UN_XML, xml, (size_t)len, c, &err) !=
      BMIS_OK) {
    fprintf(stderr, "%s: %s\n", argv[1], err.message);
    return 1;
  }
  free(xml);
  bmis_watchlist meta = {
      .name = "un", .category = BMIS_WL_SANCTIONS, .action = BMIS_HIT_REFER};
  bmis_screen_index *ix;
  if (bmis_screen_index_from_content(&meta, c, &ix, &err) != BMIS_OK) {
    fprintf(stderr, "index: %s\n", err.message);
    return 1;
  }
  printf("UN list version %s: %zu persons, %zu names indexed\n",
         bmis_wl_content_version(c), bmis_wl_person_count(c),
         bmis_screen_index_names(ix));
  set sets[3] = {{.label = "positives, untreated"},
                 {.label = "positives, treated"},
                 {.label = "negatives (global)"}};
  for (int i = 0; i < 3; i++) {
    load(&sets[i], argv[2 + i]);
    double ti, te;
    run(ix, &sets[i], BMIS_SCREEN_INDEXED, &ti);
    te = 0;
    if (!getenv("EVAL_INDEXED_ONLY"))
      run(ix, &sets[i], BMIS_SCREEN_EXHAUSTIVE, &te);
    printf("%-22s %6zu persons; indexed %.1f us/person, exhaustive %.1f "
           "us/person\n",
           sets[i].label, sets[i].n, ti * 1e6 / (double)sets[i].n,
           te * 1e6 / (double)sets[i].n);
  }
  printf("\nAt the default threshold (%.2f):\n", BMIS_SCREEN_DEFAULT_THRESHOLD);
  for (int i = 0; i < 3; i++) {
    size_t hi = count_hits(&sets[i], false), he = count_hits(&sets[i], true);
    printf("  %-22s indexed %5zu / %zu = %.4f   exhaustive %5zu = %.4f\n",
           sets[i].label, hi, sets[i].n, (double)hi / (double)sets[i].n, he,
           (double)he / (double)sets[i].n);
  }
  size_t both = 0, exh = 0;
  for (int i = 0; i < 3; i++)
    for (size_t k = 0; k < sets[i].n; k++) {
      exh += sets[i].hit_exh[k];
      both += sets[i].hit_exh[k] && sets[i].hit_idx[k];
    }
  printf("  index finds %zu of the exhaustive mode's %zu hit persons (%.4f)\n",
         both, exh, exh ? (double)both / (double)exh : 1.0);
  printf("\nCurve (indexed): threshold, recall untreated, recall treated, "
         "false hits per 1,000 negatives\n");
  for (int k = 50; k <= 100; k += 5) {
    double t = k / 100.0;
    printf("  %.2f  %.4f  %.4f  %7.2f\n", t,
           (double)count_at(&sets[0], t, false) / (double)sets[0].n,
           (double)count_at(&sets[1], t, false) / (double)sets[1].n,
           1000.0 * (double)count_at(&sets[2], t, false) / (double)sets[2].n);
  }
  if (misses) {
    for (int i = 0; i < 2; i++)
      for (size_t k = 0; k < sets[i].n; k++)
        if (!sets[i].hit_idx[k])
          printf("MISS %s %.3f | %s | %d | %s\n", i ? "treated" : "untreated",
                 sets[i].best_idx[k], sets[i].v[k].name,
                 sets[i].v[k].birth.year, sets[i].v[k].nat);
    for (int i = 0; i < 3; i++)
      for (size_t k = 0; k < sets[i].n; k++)
        if (sets[i].hit_exh[k] && !sets[i].hit_idx[k])
          printf("INDEX-MISS %s idx %.3f exh %.3f | %s\n", sets[i].label,
                 sets[i].best_idx[k], sets[i].best_exh[k], sets[i].v[k].name);
    for (size_t k = 0; k < sets[2].n; k++)
      if (sets[2].hit_idx[k])
        printf("FALSE %.3f | %s | %d | %s\n", sets[2].best_idx[k],
               sets[2].v[k].name, sets[2].v[k].birth.year, sets[2].v[k].nat);
  }
  bmis_screen_index_free(ix);
  bmis_wl_content_free(c);
  return 0;
}

/* Name-pair accuracy: scores the labelled pairs of
 * tests/data/screening/name_pairs_cases.csv with bmis_screen_compare_names
 * and prints, per schema group, precision/recall/F1 over thresholds, beside
 * OpenSanctions' matcher's scores on the same pairs.
 *
 *   eval_names CASES.csv OPENSANCTIONS_SCORES.csv [--threshold T] [--errors]
 */
#include "bmis/bmis.h"
#include "csv.h"

#include <stdbool.h>

#define PAIRS_MAX 2000

typedef struct pairrec {
  char schema[32];
  char n1[256], n2[256];
  bool match;
  double ours, theirs;
  bool has_theirs;
} pairrec;

static pairrec pairs[PAIRS_MAX];
static int npairs;

static void metrics(const char *label, bool persons_only, bool theirs, double t,
                    double *f1_out, bool print) {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  for (int i = 0; i < npairs; i++) {
    const pairrec *p = &pairs[i];
    if (persons_only && strcmp(p->schema, "Person") != 0)
      continue;
    if (theirs && !p->has_theirs)
      continue;
    double s = theirs ? p->theirs : p->ours;
    bool pred = s >= t;
    tp += pred && p->match;
    fp += pred && !p->match;
    fn += !pred && p->match;
    tn += !pred && !p->match;
  }
  double prec = tp + fp ? (double)tp / (tp + fp) : 1;
  double rec = tp + fn ? (double)tp / (tp + fn) : 1;
  double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
  if (f1_out)
    *f1_out = f1;
  if (print)
    printf("%-28s t=%.2f  precision %.3f  recall %.3f  F1 %.3f  "
           "(tp %d fp %d fn %d tn %d)\n",
           label, t, prec, rec, f1, tp, fp, fn, tn);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: eval_names CASES.csv SCORES.csv [--threshold T] "
                    "[--errors]\n");
    return 2;
  }
  double threshold = BMIS_SCREEN_DEFAULT_THRESHOLD;
  bool errors = false;
  for (int i = 3; i < argc; i++) {
    if (strcmp(argv[i], "--threshold") == 0 && i + 1 < argc)
      threshold = atof(argv[++i]);
    else if (strcmp(argv[i], "--errors") == 0)
      errors = true;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  static csv_row row, hdr;
  csv_read(f, &hdr);
  int c_schema = csv_col(&hdr, "schema"), c1 = csv_col(&hdr, "name1"),
      c2 = csv_col(&hdr, "name2"), cm = csv_col(&hdr, "is_match");
  while (csv_read(f, &row) && npairs < PAIRS_MAX) {
    if (row.n <= cm)
      continue;
    pairrec *p = &pairs[npairs++];
    snprintf(p->schema, sizeof p->schema, "%s", row.f[c_schema]);
    snprintf(p->n1, sizeof p->n1, "%s", row.f[c1]);
    snprintf(p->n2, sizeof p->n2, "%s", row.f[c2]);
    p->match = strcmp(row.f[cm], "true") == 0;
    bmis_error err;
    /* name2 is the listed name in the source benchmark */
    if (bmis_screen_compare_names(p->n2, p->n1, &p->ours, NULL, &err) !=
        BMIS_OK) {
      fprintf(stderr, "pair %d: %s\n", npairs, err.message);
      p->ours = 0;
    }
  }
  fclose(f);
  f = fopen(argv[2], "r");
  if (f) {
    csv_read(f, &hdr);
    int s1 = csv_col(&hdr, "name1"), s2 = csv_col(&hdr, "name2"),
        ss = csv_col(&hdr, "score");
    while (csv_read(f, &row)) {
      if (row.n <= ss)
        continue;
      for (int i = 0; i < npairs; i++)
        if (!pairs[i].has_theirs && strcmp(pairs[i].n1, row.f[s1]) == 0 &&
            strcmp(pairs[i].n2, row.f[s2]) == 0) {
          pairs[i].theirs = atof(row.f[ss]);
          pairs[i].has_theirs = true;
          break;
        }
    }
    fclose(f);
  }
  printf("%d pairs\n\nPrecision/recall curve (ours | OpenSanctions "
         "logic-v2, on the pairs it scored):\n",
         npairs);
  printf("  t     persons P/R/F1        all P/R/F1      | OS persons F1  OS "
         "all F1\n");
  for (int k = 50; k <= 100; k += 5) {
    double t = k / 100.0;
    int tp[2] = {0}, fp[2] = {0}, fn[2] = {0};
    for (int i = 0; i < npairs; i++)
      for (int g = 0; g < 2; g++) {
        if (g == 0 && strcmp(pairs[i].schema, "Person") != 0)
          continue;
        bool pred = pairs[i].ours >= t - 1e-9;
        tp[g] += pred && pairs[i].match;
        fp[g] += pred && !pairs[i].match;
        fn[g] += !pred && pairs[i].match;
      }
    double osp, osa;
    metrics("", true, true, t, &osp, false);
    metrics("", false, true, t, &osa, false);
    printf("  %.2f ", t);
    for (int g = 0; g < 2; g++) {
      double pr = tp[g] + fp[g] ? (double)tp[g] / (tp[g] + fp[g]) : 1;
      double rc = tp[g] + fn[g] ? (double)tp[g] / (tp[g] + fn[g]) : 1;
      printf(" %.3f/%.3f/%.3f  ", pr, rc,
             pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0);
    }
    printf("|     %.3f      %.3f\n", osp, osa);
  }
  printf("\nAt the default threshold:\n");
  metrics("ours, persons", true, false, threshold, NULL, true);
  metrics("ours, all schemas", false, false, threshold, NULL, true);
  metrics("OpenSanctions, persons", true, true, 0.70, NULL, true);
  metrics("OpenSanctions, all", false, true, 0.70, NULL, true);
  const char *schemas[] = {"Company", "Organization", "LegalEntity", "Vessel"};
  for (size_t s = 0; s < 4; s++) {
    int tp = 0, fp = 0, fn = 0;
    for (int i = 0; i < npairs; i++) {
      if (strcmp(pairs[i].schema, schemas[s]) != 0)
        continue;
      bool pred = pairs[i].ours >= threshold;
      tp += pred && pairs[i].match;
      fp += pred && !pairs[i].match;
      fn += !pred && pairs[i].match;
    }
    printf("  %-14s tp %3d fp %3d fn %3d\n", schemas[s], tp, fp, fn);
  }
  if (errors)
    for (int i = 0; i < npairs; i++) {
      bool pred = pairs[i].ours >= threshold;
      if (pred != pairs[i].match && strcmp(pairs[i].schema, "Person") == 0)
        printf("%s %.3f (OS %.3f) | %s | %s\n", pred ? "FP" : "FN",
               pairs[i].ours, pairs[i].theirs, pairs[i].n1, pairs[i].n2);
    }
  return 0;
}

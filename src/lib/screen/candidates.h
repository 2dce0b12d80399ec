/* Internal: candidate generation for screen.c (candidates.c): the forms of
 * a presented name, and the listed forms that could become hits, found
 * through the index (by upper bounds only) or by scoring every form. */
#ifndef BMIS_SCREEN_CANDIDATES_H
#define BMIS_SCREEN_CANDIDATES_H

#include "screen/index.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most the factors can add to a name score (facts.c): a name score
 * further below a threshold than what the query's birth date and
 * nationality could add cannot become a hit. */
#define BMIS__BIRTH_LIFT_MAX 0.08       /* BIRTH_SAME_DATE in facts.c */
#define BMIS__NATIONALITY_LIFT_MAX 0.03 /* NAT_SAME in facts.c */
#define BMIS__FACTOR_LIFT_MAX                                                  \
  (BMIS__BIRTH_LIFT_MAX + BMIS__NATIONALITY_LIFT_MAX)
#define BMIS__CANDIDATE_MARGIN 0.01 /* for float sums in the bounds */

/* One Latin form of the presented name, as tokens. */
typedef struct bmis__qform {
  bmis__tok toks[BMIS__TOKENS_MAX];
  const bmis__tok *ptr[BMIS__TOKENS_MAX];
  size_t n;
  float w, w_free; /* total weight; weight of particles/titles/initials */
  char text[BMIS__FORM_SIZE];
} bmis__qform;

#define BMIS__QFORMS_MAX (2 * BMIS__FORMS_MAX)

/* A listed form scored in full, and its name score against qform. */
typedef struct bmis__cand {
  uint32_t entry, form;
  uint8_t qform;
  float name_score;
} bmis__cand;

typedef struct bmis__cands {
  bmis__cand *v;
  size_t n, cap;
} bmis__cands;

/* The best hits so far, when the result keeps only the best k: a form whose
 * bound is below the k-th best score need not be scored. k 0: every hit is
 * kept (exhaustive mode, or k above BMIS__TOPK_MAX). */
#define BMIS__TOPK_MAX 64
typedef struct bmis__topk {
  size_t k, n;
  uint32_t entry[BMIS__TOPK_MAX];
  double score[BMIS__TOPK_MAX];
} bmis__topk;

/* The threshold a list's hits are held to (opt's, the list's, or the
 * default), and the lowest of every list's. */
double bmis__list_threshold(const bmis_screen_index *ix, uint32_t list,
                            const bmis_screen_options *opt);
double bmis__min_threshold(const bmis_screen_index *ix,
                           const bmis_screen_options *opt);

/* The name score of listed form f against q (hit: its explanation). */
double bmis__form_score(const bmis_screen_index *ix, uint32_t f,
                        const bmis__qform *q, bmis_hit *hit);

/* Adds to out every listed form that may score at least floor against
 * q (qform number qi) and become a hit with its entry's facts: through the
 * index (gate: what the query lets through, best: the best hits so far),
 * or by scoring every form. scored counts the forms scored in full,
 * examined the forms looked at. */
bmis_status bmis__candidates_indexed(
    const bmis_screen_index *ix, const bmis__qform *q, int qi,
    const bmis_screen_query *qq, const bmis_screen_options *opt, double floor,
    const bmis__gate_query *gate, bmis__topk *best, bmis__cands *out,
    size_t *scored, size_t *examined, bmis_error *err);
bmis_status bmis__candidates_exhaustive(const bmis_screen_index *ix,
                                        const bmis__qform *q, int qi,
                                        double floor, bmis__cands *out,
                                        size_t *scored, size_t *examined,
                                        bmis_error *err);

#endif

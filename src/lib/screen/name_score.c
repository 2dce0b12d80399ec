/* How alike two names are (see name.h).
 *
 * Tokens are compared letter by letter (restricted Damerau-Levenshtein: a
 * typo, a doubled letter, two letters swapped), by consonant skeleton (other
 * romanisations of the same name: MOHAMED/MUHAMMAD, YUSUF/JUSSOUF) and as
 * initials. Tokens are paired greedily, best pair first, order free; a
 * token may also pair with two or three adjacent tokens of the other name
 * joined (ABDULRAHMAN / ABDUL RAHMAN, XI JINPING / XI JIN PING).
 *
 * The score weighs what matched against what did not: a listed token with
 * no partner and a presented token with no partner together are a conflict
 * (a different given name: full penalty); a token missing on one side only
 * is a missing or extra given name, which a passport often has (small
 * penalty). */
#include "screen/name.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JOIN_MAX 3
#define CONFLICT_COST 2.0
#define ONE_SIDED_COST 0.2
#define THIN_EXTRA_COST 0.4

/* Restricted Damerau-Levenshtein distance, giving up (returning limit + 1)
 * once it must exceed limit. */
static int distance(const char *a, int n, const char *b, int m, int limit) {
  if (n - m > limit || m - n > limit)
    return limit + 1;
  int rows[3][BMIS__TOKEN_SIZE * JOIN_MAX + 1];
  int *pp = rows[0], *prev = rows[1], *cur = rows[2];
  for (int j = 0; j <= m; j++)
    prev[j] = j;
  for (int i = 1; i <= n; i++) {
    cur[0] = i;
    int best = cur[0];
    for (int j = 1; j <= m; j++) {
      int cost = a[i - 1] != b[j - 1];
      int v = prev[j - 1] + cost;
      if (prev[j] + 1 < v)
        v = prev[j] + 1;
      if (cur[j - 1] + 1 < v)
        v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          pp[j - 2] + 1 < v)
        v = pp[j - 2] + 1;
      cur[j] = v;
      if (v < best)
        best = v;
    }
    if (best > limit)
      return limit + 1;
    int *t = pp;
    pp = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/* Typos a token of this length may carry and still be the same name. */
static int typo_limit(int len) {
  return len <= 4 ? 0 : len <= 7 ? 1 : len <= 11 ? 2 : 3;
}

float bmis__tok_sim(const bmis__tok *a, const bmis__tok *b,
                    bmis_token_match *how) {
  bmis_token_match h = BMIS_TOKEN_EXACT;
  float best = 0;
  if (a->len == b->len && memcmp(a->s, b->s, a->len) == 0) {
    best = 1.0f;
    goto out;
  }
  if (a->len == 1 || b->len == 1) {
    if (a->s[0] == b->s[0] && a->len != b->len) {
      best = 0.75f;
      h = BMIS_TOKEN_INITIAL;
    }
    goto out;
  }
  int maxlen = a->len > b->len ? a->len : b->len;
  int limit = typo_limit(a->len < b->len ? a->len : b->len);
  int d = distance(a->s, a->len, b->s, b->len, limit);
  if (d <= limit) {
    best = 1.0f - (float)d / (float)maxlen;
    h = BMIS_TOKEN_TYPO;
  }
  if (a->skel_len == b->skel_len && a->skel_len > 0 &&
      memcmp(a->skel, b->skel, a->skel_len) == 0 && best < 0.9f &&
      (a->skel_len >= 3 ||
       distance(a->s, a->len, b->s, b->len, 1) <= 1)) {
    best = 0.9f;
    h = BMIS_TOKEN_SPELLING;
  }
out:
  if (how)
    *how = h;
  return best;
}

/* A unit: one token, or 2-3 adjacent tokens joined. */
typedef struct unit {
  bmis__tok t;
  uint8_t start, len;
} unit;

static size_t make_units(const bmis__tok *const *toks, size_t n, unit *out,
                         size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap; i++) {
    out[k].t = *toks[i];
    out[k].start = (uint8_t)i;
    out[k].len = 1;
    k++;
    char joined[BMIS__TOKEN_SIZE];
    size_t jl = 0;
    for (size_t l = 0; l < JOIN_MAX && i + l < n; l++) {
      size_t tl = toks[i + l]->len;
      if (jl + tl >= sizeof joined)
        break;
      memcpy(joined + jl, toks[i + l]->s, tl);
      jl += tl;
      if (l == 0 || k >= cap)
        continue;
      bmis__tok_init(&out[k].t, joined, jl);
      out[k].start = (uint8_t)i;
      out[k].len = (uint8_t)(l + 1);
      k++;
    }
  }
  return k;
}

/* Marks the tokens that name a father (the first name part after BIN,
 * BEN, IBN, BINT or OULD: SALMAN BIN MUHAMMAD is Salman, son of Muhammad).
 * Returns whether the name has such a particle. */
static bool lineage_roles(const bmis__tok *const *t, size_t n, bool *father) {
  bool any = false, after = false;
  for (size_t i = 0; i < n; i++) {
    father[i] = false;
    const char *s = t[i]->s;
    if (strcmp(s, "BIN") == 0 || strcmp(s, "BEN") == 0 ||
        strcmp(s, "IBN") == 0 || strcmp(s, "BINT") == 0 ||
        strcmp(s, "OULD") == 0) {
      any = after = true;
      continue;
    }
    if (after && t[i]->kind != BMIS__TOK_PARTICLE) {
      father[i] = true;
      after = false;
    }
  }
  return any;
}

typedef struct pair {
  float sim;
  uint8_t a, b; /* unit indexes */
  uint8_t how;
} pair;

#define UNITS_CAP (BMIS__TOKENS_MAX * JOIN_MAX)

/* Best first; on equal similarity, single tokens before joined ones, then
 * in name order (so the result does not depend on qsort's order). */
static int cmp_pair(const void *x, const void *y) {
  const pair *p = x, *q = y;
  if (p->sim != q->sim)
    return p->sim > q->sim ? -1 : 1;
  bool pj = p->how == BMIS_TOKEN_JOINED, qj = q->how == BMIS_TOKEN_JOINED;
  if (pj != qj)
    return pj ? 1 : -1;
  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}

static float unit_weight(const unit *u, const bmis__tok *const *toks) {
  if (u->len == 1)
    return u->t.w;
  float w = 0;
  for (int i = 0; i < u->len; i++)
    w += toks[u->start + i]->w;
  return w > 1.0f ? 1.0f : w;
}

static void unit_text(const unit *u, const bmis__tok *const *toks, char *out,
                      size_t cap) {
  size_t n = 0;
  out[0] = 0;
  for (int i = 0; i < u->len; i++) {
    int w = snprintf(out + n, cap - n, "%s%s", i ? " " : "",
                     toks[u->start + i]->s);
    if (w < 0 || (size_t)w >= cap - n)
      break;
    n += (size_t)w;
  }
}

static void explain(bmis_hit *hit, const char *listed, const char *presented,
                    bmis_token_match how, float sim, float w) {
  if (hit->token_count >= BMIS_HIT_MAX_TOKENS)
    return;
  bmis_hit_token *t = &hit->tokens[hit->token_count++];
  snprintf(t->listed, sizeof t->listed, "%s", listed);
  snprintf(t->presented, sizeof t->presented, "%s", presented);
  t->how = how;
  t->similarity = sim;
  t->weight = w;
}

double bmis__name_score(const bmis__tok *const *listed, size_t nl,
                        const bmis__tok *const *presented, size_t np,
                        bmis_hit *hit) {
  if (hit)
    hit->token_count = 0;
  if (nl == 0 || np == 0)
    return 0;
  if (nl > BMIS__TOKENS_MAX)
    nl = BMIS__TOKENS_MAX;
  if (np > BMIS__TOKENS_MAX)
    np = BMIS__TOKENS_MAX;
  unit ua[UNITS_CAP], ub[UNITS_CAP];
  size_t na = make_units(listed, nl, ua, UNITS_CAP);
  size_t nb = make_units(presented, np, ub, UNITS_CAP);
  bool father_a[BMIS__TOKENS_MAX], father_b[BMIS__TOKENS_MAX];
  bool lineage = lineage_roles(listed, nl, father_a) &
                 lineage_roles(presented, np, father_b);
  pair pairs[UNITS_CAP * UNITS_CAP];
  size_t npairs = 0;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++) {
      if (ua[i].len > 1 && ub[j].len > 1)
        continue;
      /* the father's name in one is not the person's own in the other */
      if (lineage && father_a[ua[i].start] != father_b[ub[j].start])
        continue;
      bmis_token_match how;
      float s = bmis__tok_sim(&ua[i].t, &ub[j].t, &how);
      if (s < BMIS__TOK_MATCH_MIN)
        continue;
      if (ua[i].len > 1 || ub[j].len > 1) {
        if (s < 0.85f)
          continue; /* joining must be nearly exact to count */
        how = BMIS_TOKEN_JOINED;
      }
      pairs[npairs++] = (pair){s, (uint8_t)i, (uint8_t)j, (uint8_t)how};
    }
  qsort(pairs, npairs, sizeof *pairs, cmp_pair);
  bool used_a[BMIS__TOKENS_MAX] = {0}, used_b[BMIS__TOKENS_MAX] = {0};
  double good = 0, bad = 0;
  for (size_t p = 0; p < npairs; p++) {
    const unit *a = &ua[pairs[p].a], *b = &ub[pairs[p].b];
    bool free_ok = true;
    for (int i = 0; i < a->len; i++)
      free_ok = free_ok && !used_a[a->start + i];
    for (int i = 0; i < b->len; i++)
      free_ok = free_ok && !used_b[b->start + i];
    if (!free_ok)
      continue;
    for (int i = 0; i < a->len; i++)
      used_a[a->start + i] = true;
    for (int i = 0; i < b->len; i++)
      used_b[b->start + i] = true;
    float wa = unit_weight(a, listed), wb = unit_weight(b, presented);
    float w = (wa + wb) / 2;
    /* an initial weighs what an initial weighs, on either side */
    if (pairs[p].how == BMIS_TOKEN_INITIAL)
      w = wa < wb ? wa : wb;
    good += pairs[p].sim * w;
    bad += (1.0f - pairs[p].sim) * w;
    if (hit) {
      char ta[BMIS__TOKEN_SIZE * JOIN_MAX], tb[BMIS__TOKEN_SIZE * JOIN_MAX];
      unit_text(a, listed, ta, sizeof ta);
      unit_text(b, presented, tb, sizeof tb);
      explain(hit, ta, tb, (bmis_token_match)pairs[p].how, pairs[p].sim, w);
    }
  }
  double miss_a = 0, miss_b = 0;
  for (size_t i = 0; i < nl; i++)
    if (!used_a[i]) {
      miss_a += listed[i]->w;
      if (hit)
        explain(hit, listed[i]->s, "", BMIS_TOKEN_MISSING, 0, listed[i]->w);
    }
  for (size_t j = 0; j < np; j++)
    if (!used_b[j]) {
      miss_b += presented[j]->w;
      if (hit)
        explain(hit, "", presented[j]->s, BMIS_TOKEN_EXTRA, 0,
                presented[j]->w);
    }
  if (good <= 0)
    return 0;
  double conflict = miss_a < miss_b ? miss_a : miss_b;
  double one_sided = miss_a < miss_b ? miss_b - miss_a : miss_a - miss_b;
  /* A missing given name is tolerated when what did match says enough (two
   * full name parts); when only common parts matched (MUHAMMAD ALI), what is
   * missing weighs more. */
  double thin = (2.0 - good) / 1.0;
  thin = thin < 0 ? 0 : thin > 1 ? 1 : thin;
  double one_sided_cost = ONE_SIDED_COST + THIN_EXTRA_COST * thin;
  return good /
         (good + bad + CONFLICT_COST * conflict + one_sided_cost * one_sided);
}

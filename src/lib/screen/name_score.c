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
  return len <= 4 ? 0 : len <= 11 ? 1 : 2;
}

/* How many letters another spelling of a name may change. */
static int spelling_limit(int maxlen) {
  return maxlen / 2 > 2 ? maxlen / 2 : 2;
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
  /* the longer token sets the tolerance (MERZ / MERTZ), but a token of
   * three letters or fewer must be exact (ALI / ALIM) */
  int minlen = a->len < b->len ? a->len : b->len;
  int limit = minlen <= 3 ? 0 : typo_limit(maxlen);
  /* each edit adds or removes at most two letters from the set present */
  if (limit > 0 && __builtin_popcount(a->letters ^ b->letters) <= 2 * limit) {
    int d = distance(a->s, a->len, b->s, b->len, limit);
    if (d <= limit) {
      best = 1.0f - (float)d / (float)maxlen;
      h = BMIS_TOKEN_TYPO;
    }
  }
  /* the same skeleton, and not too many letters apart (half of them at
   * most: MOHAMED / MUHAMMAD yes, ZHENKE / JINGUI no), unless one side has
   * no vowels to differ in (an abjad's romanisation) */
  if (a->skel_len == b->skel_len && a->skel_len > 0 &&
      memcmp(a->skel, b->skel, a->skel_len) == 0 && best < 0.9f &&
      (a->vowelless || b->vowelless ||
       ((a->skel_len >= 3 ||
         (a->len >= 5 && b->len >= 5 && a->s[0] == b->s[0])) &&
        distance(a->s, a->len, b->s, b->len, spelling_limit(maxlen)) <=
            spelling_limit(maxlen)) ||
       distance(a->s, a->len, b->s, b->len, 1) <= 1)) {
    best = 0.9f;
    h = BMIS_TOKEN_SPELLING;
  }
out:
  if (how)
    *how = h;
  return best;
}

/* A pair of units: one token each, or 2-3 adjacent tokens joined on one
 * side against one token on the other. */
typedef struct pair {
  float sim;
  uint8_t a, alen, b, blen; /* first token and token count on each side */
  uint8_t how;
} pair;

#define PAIRS_CAP (BMIS__TOKENS_MAX * BMIS__TOKENS_MAX * JOIN_MAX)

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

static float span_weight(const bmis__tok *const *toks, int start, int len) {
  if (len == 1)
    return toks[start]->w;
  float w = 0;
  for (int i = 0; i < len; i++)
    w += toks[start + i]->w;
  return w > 1.0f ? 1.0f : w;
}

static void span_text(const bmis__tok *const *toks, int start, int len,
                      char *out, size_t cap) {
  size_t n = 0;
  out[0] = 0;
  for (int i = 0; i < len; i++) {
    int w =
        snprintf(out + n, cap - n, "%s%s", i ? " " : "", toks[start + i]->s);
    if (w < 0 || (size_t)w >= cap - n)
      break;
    n += (size_t)w;
  }
}

/* Pairs of 2-3 adjacent tokens of `joined` (side A when a_side) against
 * single tokens of `other` that spell the same when joined (nearly: a
 * typo the token's length allows, similarity 0.85 or more). */
static void join_pairs(const bmis__tok *const *joined, size_t nj,
                       const bmis__tok *const *other, size_t no, bool a_side,
                       pair *pairs, size_t *npairs) {
  for (size_t i = 0; i + 1 < nj; i++) {
    char cat[BMIS__TOKEN_SIZE * JOIN_MAX], sk[BMIS__TOKEN_SIZE * JOIN_MAX];
    size_t cl = joined[i]->len;
    memcpy(cat, joined[i]->s, cl);
    for (size_t l = 1; l < JOIN_MAX && i + l < nj; l++) {
      memcpy(cat + cl, joined[i + l]->s, joined[i + l]->len);
      cl += joined[i + l]->len;
      size_t sl = 0; /* the skeleton, made when first needed */
      /* the joined skeleton is about the tokens' skeletons end to end */
      int skel_sum = 0;
      for (size_t k = 0; k <= l; k++)
        skel_sum += joined[i + k]->skel_len;
      char skel_first = joined[i]->skel_len ? joined[i]->skel[0] : 0;
      uint32_t bits = 0;
      for (size_t k = 0; k <= l; k++)
        bits |= joined[i + k]->letters;
      for (size_t j = 0; j < no; j++) {
        int ol = other[j]->len;
        int limit = typo_limit((int)cl < ol ? (int)cl : ol);
        float sim = 0;
        if ((int)cl - ol <= limit && ol - (int)cl <= limit &&
            __builtin_popcount(bits ^ other[j]->letters) <= 2 * limit) {
          int d = distance(cat, (int)cl, other[j]->s, ol, limit);
          int maxlen = (int)cl > ol ? (int)cl : ol;
          if (d <= limit)
            sim = 1.0f - (float)d / (float)maxlen;
        }
        if (sim < 0.85f) {
          /* or another spelling of the joined name (ABDELRAHMAN / ABD AL
           * RAHMAN): the same consonant skeleton */
          int osl = other[j]->skel_len;
          if (osl < 3 || osl > skel_sum + 1 || osl < skel_sum - 3 ||
              (skel_first && other[j]->skel[0] != skel_first))
            continue;
          if (!sl)
            sl = bmis__skeleton(cat, cl, sk);
          if (sl != other[j]->skel_len || memcmp(sk, other[j]->skel, sl) != 0)
            continue;
          int ml = (int)cl > ol ? (int)cl : ol;
          if (distance(cat, (int)cl, other[j]->s, ol, spelling_limit(ml)) >
              spelling_limit(ml))
            continue; /* ZHANG is not JIE JING */
          sim = 0.9f;
        }
        if (*npairs >= PAIRS_CAP)
          continue;
        pair p = {sim, 0, 0, 0, 0, BMIS_TOKEN_JOINED};
        if (a_side)
          p.a = (uint8_t)i, p.alen = (uint8_t)(l + 1), p.b = (uint8_t)j,
          p.blen = 1;
        else
          p.b = (uint8_t)i, p.blen = (uint8_t)(l + 1), p.a = (uint8_t)j,
          p.alen = 1;
        pairs[(*npairs)++] = p;
      }
    }
  }
}

/* Marks the tokens that name a father (the first name part after BIN,
 * BEN, IBN, BINT or OULD: SALMAN BIN MUHAMMAD is Salman, son of Muhammad).
 * Returns whether the name has such a particle. */
static bool lineage_roles(const bmis__tok *const *t, size_t n, bool *father) {
  bool any = false, after = false, named = false;
  for (size_t i = 0; i < n; i++) {
    father[i] = false;
    if (t[i]->lineage) {
      any = after = true;
      continue;
    }
    if (after && t[i]->kind != BMIS__TOK_PARTICLE) {
      father[i] = true;
      after = false;
      named = true;
    }
  }
  return any && named; /* a particle with no name after it says nothing */
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
  bool father_a[BMIS__TOKENS_MAX], father_b[BMIS__TOKENS_MAX];
  bool lineage = lineage_roles(listed, nl, father_a) &
                 lineage_roles(presented, np, father_b);
  pair pairs[PAIRS_CAP];
  size_t npairs = 0;
  for (size_t i = 0; i < nl; i++)
    for (size_t j = 0; j < np; j++) {
      /* the father's name in one is not the person's own in the other */
      if (lineage && father_a[i] != father_b[j])
        continue;
      bmis_token_match how;
      float sim = bmis__tok_sim(listed[i], presented[j], &how);
      if (sim >= BMIS__TOK_MATCH_MIN)
        pairs[npairs++] =
            (pair){sim, (uint8_t)i, 1, (uint8_t)j, 1, (uint8_t)how};
    }
  join_pairs(listed, nl, presented, np, true, pairs, &npairs);
  join_pairs(presented, np, listed, nl, false, pairs, &npairs);
  qsort(pairs, npairs, sizeof *pairs, cmp_pair);
  bool used_a[BMIS__TOKENS_MAX] = {0}, used_b[BMIS__TOKENS_MAX] = {0};
  double good = 0, bad = 0;
  for (size_t p = 0; p < npairs; p++) {
    const pair *q = &pairs[p];
    bool free_ok = true;
    for (int i = 0; i < q->alen; i++)
      free_ok = free_ok && !used_a[q->a + i];
    for (int i = 0; i < q->blen; i++)
      free_ok = free_ok && !used_b[q->b + i];
    if (!free_ok)
      continue;
    for (int i = 0; i < q->alen; i++)
      used_a[q->a + i] = true;
    for (int i = 0; i < q->blen; i++)
      used_b[q->b + i] = true;
    float wa = span_weight(listed, q->a, q->alen);
    float wb = span_weight(presented, q->b, q->blen);
    float w = (wa + wb) / 2;
    /* an initial weighs what an initial weighs, on either side */
    if (q->how == BMIS_TOKEN_INITIAL)
      w = wa < wb ? wa : wb;
    good += q->sim * w;
    bad += (1.0f - q->sim) * w;
    if (hit) {
      char ta[BMIS__TOKEN_SIZE * JOIN_MAX], tb[BMIS__TOKEN_SIZE * JOIN_MAX];
      span_text(listed, q->a, q->alen, ta, sizeof ta);
      span_text(presented, q->b, q->blen, tb, sizeof tb);
      explain(hit, ta, tb, (bmis_token_match)q->how, q->sim, w);
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
        explain(hit, "", presented[j]->s, BMIS_TOKEN_EXTRA, 0, presented[j]->w);
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

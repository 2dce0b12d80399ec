/* Candidate generation: the listed forms that could become hits.
 *
 * Indexed mode finds candidate forms through the token look-ups (exact,
 * skeleton, one-letter deletions, joined tokens). It reads the postings of
 * the rarest presented names only, when the common ones could not make a
 * hit on their own, and each posting carries its form's facts (birth years,
 * sex, alias quality) and weight, so a form that could not become a hit,
 * whatever else it shares, is passed over without being read: a namesake
 * born decades apart, or a form holding one common name when a hit needs
 * two (mark_forms). The forms left are then read, what they share with the
 * presented name is added up, and a form goes on to full scoring only if
 * that could still reach the lowest name score that can become a hit,
 * under name_score.c's rules (what is unshared on either side costs at
 * least k * its weight); when the result keeps the best N hits, best bound
 * first and no further than the N-th best. Every step is an upper bound,
 * never a guess. Exhaustive mode scores every form with the same scorer:
 * it is the reference for the index's recall. */
#include "screen/candidates.h"
#include "base/alloc.h"
#include "base/array.h"

#include "screen/screen_scratch.h"

#include <stdlib.h>
#include <string.h>

#define CANDIDATE_MARGIN BMIS__CANDIDATE_MARGIN
#define CANDIDATE_FLOOR_MIN 0.30 /* thresholds below 0.41 widen no further */
/* A miss per form touched against an ordered read per posting */
#define WALK_COST 8
/* Forms read ahead of the one at hand, so that their misses overlap */
#define PREFETCH_AHEAD 8
#define TOPK_MAX BMIS__TOPK_MAX

typedef bmis__qform qform;
typedef bmis__cands cands;
typedef bmis__topk topk;

static bool cand_add(cands *c, uint32_t entry, uint32_t form, int qf,
                     double s) {
  if (c->n == c->cap) {
    bmis__cand *nv = bmis__grow_to(c->v, &c->cap, c->n + 1, sizeof *nv);
    if (!nv)
      return false;
    c->v = nv;
  }
  c->v[c->n++] = (bmis__cand){entry, form, (uint8_t)qf, (float)s};
  return true;
}

double bmis__list_threshold(const bmis_screen_index *ix, uint32_t list,
                            const bmis_screen_options *opt) {
  if (opt && opt->threshold > 0)
    return opt->threshold;
  double t = ix->lists[list].threshold;
  return t > 0 ? t : BMIS_SCREEN_DEFAULT_THRESHOLD;
}

double bmis__min_threshold(const bmis_screen_index *ix,
                           const bmis_screen_options *opt) {
  double m = 1;
  for (size_t i = 0; i < ix->list_count; i++) {
    double t = bmis__list_threshold(ix, (uint32_t)i, opt);
    m = t < m ? t : m;
  }
  return m;
}

double bmis__form_score(const bmis_screen_index *ix, uint32_t f, const qform *q,
                        bmis_hit *hit) {
  const ix_form *fm = &ix->forms[f];
  const bmis__tok *lt[BMIS__TOKENS_MAX];
  for (size_t i = 0; i < fm->tok_count; i++)
    lt[i] = &ix->toks[ix->form_toks[fm->first_tok + i]];
  return bmis__name_score(lt, fm->tok_count, q->ptr, q->n, hit);
}

static void touch(bmis__scratch *sc, uint32_t f, float add, float add_l) {
  bmis__form_acc *a = &sc->acc[f];
  if (a->stamp != sc->gen) {
    a->stamp = sc->gen;
    a->q = a->l = 0;
    sc->touched[sc->ntouched++] = f;
  }
  a->q += add;
  a->l += add_l;
}

/* One presented token, or two adjacent ones joined, and every dictionary
 * token like it (verified with the scorer's own similarity: a short
 * Chinese syllable pair may have hundreds). */
typedef struct qunit {
  float w; /* presented weight, particles, titles and initials left out */
  uint32_t *tok;
  float *sim;
  size_t n;
  uint64_t mass;  /* token postings to walk */
  uint64_t jmass; /* join postings (listed tokens joined) */
  bool joins;     /* two presented tokens joined */
  unsigned said;  /* times presented, less one (MOHAMED MOHAMED: 1) */
  bool free;      /* a particle or title: checked on forms, never walked */
  char text[BMIS__TOKEN_SIZE];
} qunit;

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Finds the dictionary tokens like t (the same, the same skeleton, or one
 * letter apart) into u; false when out of memory. */
static bool similar(const bmis_screen_index *ix, const bmis__tok *t, qunit *u) {
  const ix_keys *tables[3] = {&ix->exact, &ix->skel, &ix->dels};
  char del[BMIS__TOKEN_SIZE];
  uint32_t *ids = NULL;
  size_t nids = 0, cap = 0;
  for (int k = 0; k < 3; k++) {
    size_t nvariants = k == 2 && t->len >= 4 ? (size_t)t->len + 1 : 1;
    for (size_t v = 0; v < nvariants; v++) {
      uint64_t h;
      if (k == 0)
        h = bmis__hash64(t->s, t->len);
      else if (k == 1)
        h = t->skel_len ? bmis__hash64(t->skel, t->skel_len) : 0;
      else if (v == 0)
        h = bmis__hash64(t->s, t->len);
      else {
        memcpy(del, t->s, v - 1);
        memcpy(del + v - 1, t->s + v, t->len - v);
        h = bmis__hash64(del, t->len - 1u);
      }
      if (!h)
        continue;
      size_t n, at = bmis__ix_keys_find(tables[k], h, &n);
      if (nids + n > cap) {
        uint32_t *nv = bmis__grow_to(ids, &cap, nids + n, sizeof *nv);
        if (!nv) {
          bmis__free(ids);
          return false;
        }
        ids = nv;
      }
      for (size_t i = 0; i < n; i++)
        ids[nids++] = tables[k]->v[at + i].tok;
    }
  }
  if (nids > 1)
    qsort(ids, nids, sizeof *ids, cmp_u32);
  u->tok = bmis__malloc((nids ? nids : 1) * sizeof *u->tok);
  u->sim = bmis__malloc((nids ? nids : 1) * sizeof *u->sim);
  if (!u->tok || !u->sim) {
    bmis__free(ids);
    return false;
  }
  for (size_t i = 0; i < nids; i++) {
    uint32_t id = ids[i];
    if (i > 0 && id == ids[i - 1])
      continue; /* found through two tables */
    float sim = bmis__tok_sim(&ix->toks[id], t, NULL);
    if (sim < BMIS__TOK_MATCH_MIN)
      continue;
    u->tok[u->n] = id;
    u->sim[u->n++] = sim;
    u->mass += ix->tokp.start[id + 1] - ix->tokp.start[id];
    u->jmass += ix->joinp.start[id + 1] - ix->joinp.start[id];
  }
  bmis__free(ids);
  return true;
}

static void unit_clear(qunit *u) {
  bmis__free(u->tok);
  bmis__free(u->sim);
  memset(u, 0, sizeof *u);
}

static bool is_free(const bmis__tok *t) {
  return t->kind == BMIS__TOK_PARTICLE || t->kind == BMIS__TOK_TITLE ||
         t->kind == BMIS__TOK_INITIAL;
}

/* k: what a one-sided unmatched weight costs at least, given what matched
 * (name_score.c: 0.2, up to 0.6 when little matched). */
static double one_sided_k(double shared) {
  return 0.2 + 0.4 * (shared >= 2 ? 0 : shared <= 1 ? 1 : 2 - shared);
}

/* Whether a form sharing (at most) weight shared_q of the presented name
 * and shared_l of its own could reach a name score of floor. The sums are
 * of token weights, not similarities, and may count a token twice: they
 * are upper bounds of what matched, so uq and ul below are lower bounds of
 * what did not. name_score.c's score is then at most
 *   S / (S + 2 min(uq, ul) + k(S) |uq - ul|),  S = max(shared_q, shared_l)
 * (the matched part is at most S; an unmatched name on both sides is a
 * conflict at twice its weight, on one side only k times; the cost grows
 * with uq and ul, and k falls as S grows). Weights leave out particles,
 * titles and initials, which only add to the true cost. */
static double score_bound_good(double shared_q, double shared_l, double good,
                               double wq, double wl, unsigned q_initials,
                               unsigned l_initials) {
  /* an initial may pair with any one name part of the other side (a
   * weight of at most 1 each) */
  shared_q += l_initials;
  shared_l += q_initials;
  good += q_initials + l_initials;
  double S = shared_q > shared_l ? shared_q : shared_l;
  good = good < S ? good : S;
  if (good <= 0)
    return 0;
  double uq = wq - shared_q, ul = wl - shared_l;
  uq = uq < 0 ? 0 : uq;
  ul = ul < 0 ? 0 : ul;
  double lo = uq < ul ? uq : ul, hi = uq < ul ? ul : uq;
  double cost = 2 * lo + one_sided_k(good) * (hi - lo);
  return good / (good + cost);
}

static double score_bound(double shared_q, double shared_l, double wq,
                          double wl, unsigned q_initials, unsigned l_initials) {
  return score_bound_good(shared_q, shared_l,
                          shared_q > shared_l ? shared_q : shared_l, wq, wl,
                          q_initials, l_initials);
}

static bool may_reach(double shared_q, double shared_l, double wq, double wl,
                      double floor, unsigned q_initials, unsigned l_initials) {
  return score_bound(shared_q, shared_l, wq, wl, q_initials, l_initials) >=
         floor - 1e-6;
}

/* The same with only the presented side known (the listed form may share
 * all of its own weight). */
static bool may_reach_q(double shared_q, double wq, double floor,
                        unsigned q_initials) {
  return may_reach(shared_q, 0, wq, 0, floor, q_initials, 0);
}

/* Credits every form holding two or three adjacent tokens that, joined,
 * are like u (ABDUL RAHMAN for ABDULRAHMAN): u's weight on the presented
 * side, up to 2 (or 3) on the listed side. Those matches are not among a
 * form's own tokens, so every unit's join postings are read. */
static void credit_joins(const bmis_screen_index *ix, bmis__scratch *sc,
                         const qunit *u, const bmis__gate_query *g) {
  const ix_postings *ps = &ix->joinp;
  for (size_t m = 0; m < u->n; m++) {
    uint32_t tok = u->tok[m];
    for (uint32_t p = ps->start[tok], end = ps->start[tok + 1]; p < end; p++)
      if (bmis__gate_pass(g, ps->gate[p]))
        touch(sc, ps->form[p], u->w, ps->gate[p] & IX_GATE_JOIN3 ? 3.0f : 2.0f);
  }
}

/* The units not walked, by listed token: which of them each token is like.
 * Open addressing on the token id; at most 32 units (a form's 16 tokens
 * and the joins of adjacent ones). */
typedef struct like_table {
  size_t slots;    /* a power of two, at least twice the tokens */
  uint32_t *tok;   /* id + 1; 0 = empty */
  uint32_t *units; /* a bit per unit (order[] index) */
  float *w;        /* the listed token's weight */
  float *sim;      /* its best similarity to any of the units */
} like_table;

static bool like_init(like_table *t, size_t tokens) {
  t->slots = 1024;
  while (t->slots < 2 * tokens)
    t->slots *= 2;
  t->tok = bmis__calloc(t->slots, sizeof *t->tok);
  t->units = bmis__calloc(t->slots, sizeof *t->units);
  t->w = bmis__calloc(t->slots, sizeof *t->w);
  t->sim = bmis__calloc(t->slots, sizeof *t->sim);
  return t->tok && t->units && t->w && t->sim;
}

static void like_free(like_table *t) {
  bmis__free(t->tok);
  bmis__free(t->units);
  bmis__free(t->w);
  bmis__free(t->sim);
}

static void like_add(like_table *t, const bmis_screen_index *ix, uint32_t tok,
                     unsigned unit, float sim) {
  size_t i = (tok * 2654435761u) & (t->slots - 1);
  while (t->tok[i] && t->tok[i] != tok + 1)
    i = (i + 1) & (t->slots - 1);
  t->tok[i] = tok + 1;
  t->units[i] |= 1u << unit;
  t->w[i] = ix->toks[tok].w;
  t->sim[i] = sim > t->sim[i] ? sim : t->sim[i];
}

static uint32_t like_find(const like_table *t, uint32_t tok, float *w,
                          float *sim) {
  size_t i = (tok * 2654435761u) & (t->slots - 1);
  while (t->tok[i]) {
    if (t->tok[i] == tok + 1) {
      *w = t->w[i];
      *sim = t->sim[i];
      return t->units[i];
    }
    i = (i + 1) & (t->slots - 1);
  }
  return 0;
}

/* What a form shares with the presented name, from its own tokens: per
 * unit, the heaviest of the form's tokens like it (all of them, for a unit
 * presented more than once), as weights (q, l) and as weights times the
 * best similarity (gq, gl: name_score.c counts a match at its
 * similarity). */
typedef struct share {
  double q, l, gq, gl;
} share;

static share credit_form(const bmis_screen_index *ix, uint32_t f,
                         qunit *const *order, size_t nu,
                         const like_table *like) {
  const ix_form *fm = &ix->forms[f];
  float best_l[2 * BMIS__TOKENS_MAX], best_sim[2 * BMIS__TOKENS_MAX];
  unsigned held[2 * BMIS__TOKENS_MAX];
  uint32_t found = 0;
  for (size_t i = 0; i < fm->tok_count; i++) {
    uint32_t id = ix->form_toks[fm->first_tok + i];
    float w = 0, sim = 0;
    uint32_t units = like_find(like, id, &w, &sim);
    while (units) {
      unsigned k = (unsigned)__builtin_ctz(units);
      units &= units - 1;
      if (!(found & 1u << k)) {
        best_l[k] = w;
        best_sim[k] = sim;
        held[k] = 1;
        found |= 1u << k;
        continue;
      }
      best_sim[k] = sim > best_sim[k] ? sim : best_sim[k];
      if (order[k]->said) {
        best_l[k] += w;
        held[k]++;
      } else if (w > best_l[k])
        best_l[k] = w;
    }
  }
  share sh = {0, 0, 0, 0};
  for (size_t k = 0; k < nu; k++)
    if (found & 1u << k) {
      /* a name said n times pairs at most as often as the form holds it */
      unsigned said = order[k]->said + 1,
               pairs = held[k] < said ? held[k] : said;
      double q = order[k]->w * (double)pairs / (double)said;
      sh.q += q;
      sh.l += best_l[k];
      sh.gq += q * best_sim[k];
      sh.gl += best_l[k] * best_sim[k];
    }
  return sh;
}

/* Touches the forms worth a look (what they share is then counted from
 * their own tokens, credit_form):
 *  - a form holding a token like a presented join;
 *  - a form holding a token like a walked unit, when its facts (gate) leave
 *    it within reach of a hit with that unit alone;
 *  - a form holding two tokens like units walked or not (two listed
 *    tokens, one held twice, or initials that may stand for a name), when
 *    its facts leave it within reach with a perfect name.
 * The units not walked are read only when that can find something: when a
 * form was left waiting for a second token, or when no unit alone could
 * make a hit (two). Postings are read in order; only the forms touched cost
 * a miss. Units: order[0, nj) presented joins, [nj, walked) walked,
 * [walked, end) not walked, [end, nu) particles and titles. */
static bool mark_forms(const bmis_screen_index *ix, bmis__scratch *sc,
                       qunit *const *order, size_t nj, size_t walked,
                       size_t end, size_t nu, bool two, const like_table *like,
                       const bmis__gate_query *g, double wq,
                       unsigned q_initials) {
  const ix_postings *ps = &ix->tokp;
  for (size_t k = 0; k < nj; k++)
    for (size_t m = 0; m < order[k]->n; m++) {
      uint32_t tok = order[k]->tok[m];
      for (uint32_t p = ps->start[tok]; p < ps->start[tok + 1]; p++)
        if (bmis__gate_pass(g, ps->gate[p]))
          touch(sc, ps->form[p], 0, 0);
    }
  /* what one occurrence of a walked unit weighs; what particles and
   * titles (free units, order[end, nu)) could add on the listed side if
   * the form held them all */
  double once[2 * BMIS__TOKENS_MAX], free_l = 0;
  for (size_t k = end; k < nu; k++) {
    double most = 0;
    for (size_t m = 0; m < order[k]->n; m++)
      most = ix->toks[order[k]->tok[m]].w > most ? ix->toks[order[k]->tok[m]].w
                                                 : most;
    free_l += most;
  }
  uint32_t wmask = 0, rmask = 0;
  for (size_t k = nj; k < walked; k++) {
    once[k] = order[k]->w / (double)(order[k]->said + 1);
    wmask |= 1u << k;
  }
  for (size_t k = walked; k < end; k++)
    rmask |= 1u << k;
  if (!(wmask | rmask))
    return true;
  if (!bmis__scratch_seen_ready(ix, sc))
    return false;
  bool ok = true;
  for (size_t s = 0; s < like->slots && ok; s++) {
    uint32_t units = like->units[s] & wmask;
    if (!like->tok[s] || !units)
      continue;
    double wu = 0; /* the heaviest unit this token is like */
    for (uint32_t u = units; u; u &= u - 1) {
      unsigned k = (unsigned)__builtin_ctz(u);
      wu = once[k] > wu ? once[k] : wu;
    }
    uint32_t tok = like->tok[s] - 1;
    double tw = like->w[s] + free_l;
    double gq = wu * like->sim[s], gl = like->w[s] * like->sim[s] + free_l;
    double good = gq > gl ? gq : gl;
    for (uint32_t p = ps->start[tok], stop = ps->start[tok + 1]; p < stop && ok;
         p++) {
      uint32_t gate = ps->gate[p], f = ps->form[p];
      if (!bmis__gate_pass(g, gate))
        continue;
      /* the most the form could score if this were its only token like
       * any unit, with the most its facts could add */
      if ((gate & (IX_GATE_TWICE | IX_GATE_INITIALS)) ||
          bmis__scratch_seen(sc, f) ||
          score_bound_good(wu, tw, good, wq, IX_GATE_WEIGHT(gate), q_initials,
                           0) +
                  bmis__gate_lift(g, gate) >=
              g->lowest - 1e-6)
        touch(sc, f, 0, 0);
      else
        ok = bmis__scratch_mark(sc, f); /* waits for a second token */
    }
  }
  /* few forms waiting: look at each rather than read what is not walked */
  size_t nwait = sc->nmarked;
  uint64_t rest_mass = 0;
  for (size_t k = walked; k < end; k++)
    rest_mass += order[k]->mass;
  if (ok && !two && nwait * WALK_COST < rest_mass) {
    for (size_t i = 0; i < nwait; i++)
      touch(sc, sc->marked[i], 0, 0);
    nwait = 0;
  }
  for (size_t s = 0; s < like->slots && ok && (two || nwait); s++) {
    uint32_t units = like->units[s];
    if (!like->tok[s] || (units & wmask) || !(units & rmask))
      continue;
    uint32_t tok = like->tok[s] - 1;
    for (uint32_t p = ps->start[tok], stop = ps->start[tok + 1]; p < stop && ok;
         p++) {
      uint32_t gate = ps->gate[p], f = ps->form[p];
      if (!bmis__gate_pass(g, gate))
        continue;
      if (bmis__scratch_seen(sc, f) ||
          (two && (gate & (IX_GATE_TWICE | IX_GATE_INITIALS))))
        touch(sc, f, 0, 0);
      else if (two)
        ok = bmis__scratch_mark(sc, f);
    }
  }
  bmis__scratch_unmark(sc);
  return ok;
}

/* The best hits so far, when the result keeps only the best max_hits: a
 * form whose bound is below the max_hits-th best score need not be scored.
 * Scores kept are lower bounds of what person_hits will report (the weak
 * alias delta taken whatever the name), so pruning stays exact. */
static double topk_floor(const topk *t) {
  if (!t->k || t->n < t->k)
    return -1;
  double m = 2;
  for (size_t i = 0; i < t->n; i++)
    m = t->score[i] < m ? t->score[i] : m;
  return m;
}

static void topk_add(topk *t, uint32_t entry, double score) {
  if (!t->k)
    return;
  size_t low = 0;
  for (size_t i = 0; i < t->n; i++) {
    if (t->entry[i] == entry) {
      t->score[i] = score > t->score[i] ? score : t->score[i];
      return;
    }
    low = t->score[i] < t->score[low] ? i : low;
  }
  if (t->n < t->k) {
    t->entry[t->n] = entry;
    t->score[t->n++] = score;
  } else if (score > t->score[low]) {
    t->entry[low] = entry;
    t->score[low] = score;
  }
}

/* A form that passed the bounds, waiting to be scored best bound first. */
typedef struct pending {
  double lifted; /* upper bound of its final score */
  double delta;  /* its entry's facts and alias */
  uint32_t form;
} pending;

static int cmp_pending(const void *a, const void *b) {
  const pending *x = a, *y = b;
  return x->lifted > y->lifted ? -1 : x->lifted < y->lifted;
}

static int cmp_mass(const void *a, const void *b) {
  const qunit *x = *(const qunit *const *)a, *y = *(const qunit *const *)b;
  return x->mass < y->mass ? -1 : x->mass > y->mass;
}

bmis_status bmis__candidates_indexed(const bmis_screen_index *ix,
                                     const qform *q, int qi,
                                     const bmis_screen_query *qq,
                                     const bmis_screen_options *opt,
                                     double floor, const bmis__gate_query *gate,
                                     topk *best, cands *out, size_t *scored,
                                     size_t *examined, bmis_error *err) {
  qunit units[2 * BMIS__TOKENS_MAX];
  qunit *order[2 * BMIS__TOKENS_MAX];
  like_table likes = {0}, *like = &likes;
  memset(units, 0, sizeof units);
  bmis__scratch *sc = bmis__scratch_take(ix);
  if (!sc)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bool ok = true;
  double wq = q->w - q->w_free;
  unsigned q_initials = 0;
  for (size_t i = 0; i < q->n; i++)
    q_initials += q->toks[i].kind == BMIS__TOK_INITIAL;
  double cand_floor = floor - CANDIDATE_MARGIN;
  if (cand_floor < CANDIDATE_FLOOR_MIN)
    cand_floor = CANDIDATE_FLOOR_MIN;
  size_t nu = 0;
  for (size_t i = 0; i < q->n; i++) {
    const bmis__tok *t = &q->toks[i];
    /* a token said twice (MOHAMED MOHAMED) is one unit weighing both */
    bool again = false;
    for (size_t k = 0; k < i && !again; k++)
      again =
          q->toks[k].len == t->len && memcmp(q->toks[k].s, t->s, t->len) == 0;
    if (again) {
      for (size_t k = 0; k < nu; k++)
        if (!units[k].joins && units[k].n && strcmp(units[k].text, t->s) == 0) {
          units[k].w += t->w;
          units[k].said++;
        }
    } else if (t->kind != BMIS__TOK_INITIAL) {
      /* a particle or title (AL, HAJI) weighs nothing on the presented
       * side but may pair with a full listed name part (AL / ALY) */
      units[nu].free = is_free(t);
      units[nu].w = units[nu].free ? 0 : t->w;
      memcpy(units[nu].text, t->s, t->len + 1u);
      ok = ok && similar(ix, t, &units[nu]);
      if (units[nu].n)
        nu++;
      else
        unit_clear(&units[nu]);
    }
    /* two adjacent tokens joined (AL HUTHI / ALHWTHY, ABDUL RAHMAN /
     * ABDULRAHMAN), found like any token; weighing what the two weigh
     * outside particles, titles and initials */
    const bmis__tok *u = i + 1 < q->n ? &q->toks[i + 1] : NULL;
    if (u && t->len + u->len < BMIS__TOKEN_SIZE &&
        !(is_free(t) && is_free(u))) {
      char j[BMIS__TOKEN_SIZE];
      memcpy(j, t->s, t->len);
      memcpy(j + t->len, u->s, u->len);
      bmis__tok joined;
      bmis__tok_init(&joined, j, t->len + u->len);
      units[nu].w = (float)((is_free(t) ? 0 : t->w) + (is_free(u) ? 0 : u->w));
      units[nu].joins = true;
      ok = ok && similar(ix, &joined, &units[nu]);
      if (units[nu].n)
        nu++;
      else
        unit_clear(&units[nu]);
    }
  }
  /* Walk the token postings of the rarest units only, as long as the
   * others together could not make a form reach the floor on their own:
   * every candidate then holds one of the walked units. The others are
   * checked on the forms found. Presented joins, and every unit's join
   * postings (listed tokens joined), are always walked: those matches are
   * not among a form's own tokens. */
  size_t nj = 0, no = 0, nf = 0;
  qunit *frees[2 * BMIS__TOKENS_MAX];
  for (size_t i = 0; i < nu; i++)
    if (units[i].joins)
      order[nj++] = &units[i];
  for (size_t i = 0; i < nu; i++)
    if (!units[i].joins && !units[i].free)
      order[nj + no++] = &units[i];
    else if (units[i].free && !units[i].joins)
      frees[nf++] = &units[i];
  qsort(order + nj, no, sizeof *order, cmp_mass);
  for (size_t i = 0; i < nf; i++)
    order[nj + no + i] = frees[i];
  double rest = 0;
  for (size_t i = nj; i < nj + no; i++)
    rest += order[i]->w;
  /* Once no unit left could make a hit alone, the forms holding two of
   * them are found in one ordered read of their postings (mark_forms,
   * two) instead of a miss per form, when that reads less than WALK_COST
   * times what walking the next unit would touch. */
  size_t walked = nj, end = nj + no;
  bool two = false;
  while (walked < end &&
         may_reach_q(rest < wq ? rest : wq, wq, cand_floor, q_initials)) {
    double heaviest = 0;
    uint64_t mass = 0;
    for (size_t i = walked; i < end; i++) {
      heaviest = order[i]->w > heaviest ? order[i]->w : heaviest;
      mass += order[i]->mass;
    }
    if (walked + 1 < end &&
        !may_reach_q(heaviest, wq, cand_floor, q_initials) &&
        order[walked]->mass * WALK_COST > mass) {
      two = true;
      break;
    }
    rest -= order[walked++]->w;
  }
  size_t variants = 0;
  for (size_t k = 0; k < nu; k++)
    variants += order[k]->n;
  ok = ok && like_init(like, variants);
  for (size_t k = 0; ok && k < nu; k++)
    for (size_t m = 0; m < order[k]->n; m++)
      like_add(like, ix, order[k]->tok[m], (unsigned)k,
               order[k]->joins ? 1.0f : order[k]->sim[m]);
  ok = ok && mark_forms(ix, sc, order, nj, walked, end, nu, two, like, gate, wq,
                        q_initials);
  if (!ok) {
    bmis__scratch_give(ix, sc);
    for (size_t k = 0; k < 2 * BMIS__TOKENS_MAX; k++)
      unit_clear(&units[k]);
    like_free(like);
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < nu; i++)
    if (!units[i].joins && units[i].jmass)
      credit_joins(ix, sc, &units[i], gate);
  *examined += sc->ntouched;
  bmis_status st = BMIS_OK;
  pending *pend = NULL;
  size_t npend = 0, pend_cap = 0;
  for (size_t i = 0; i < sc->ntouched && st == BMIS_OK; i++) {
    uint32_t f = sc->touched[i];
    if (i + PREFETCH_AHEAD < sc->ntouched) { /* misses in parallel */
      const ix_form *ahead = &ix->forms[sc->touched[i + PREFETCH_AHEAD]];
      __builtin_prefetch(ahead);
      __builtin_prefetch(&sc->acc[sc->touched[i + PREFETCH_AHEAD]]);
      if (i + 2 * PREFETCH_AHEAD < sc->ntouched)
        __builtin_prefetch(&ix->forms[sc->touched[i + 2 * PREFETCH_AHEAD]]);
      __builtin_prefetch(&ix->form_toks[ahead->first_tok]);
    }
    /* listed joins (acc) at their full weight, the rest at similarity */
    share sh = credit_form(ix, f, order, nu, like);
    double gq = sc->acc[f].q + sh.gq, gl = sc->acc[f].l + sh.gl;
    double bound = score_bound_good(sc->acc[f].q + sh.q, sc->acc[f].l + sh.l,
                                    gq > gl ? gq : gl, wq, ix->forms[f].weight,
                                    q_initials, ix->forms[f].initials);
    if (bound < cand_floor - 1e-6)
      continue;
    /* the entry's birth, nationality, sex and alias quality are exact and
     * cheap: a namesake born twenty years apart stops here */
    const ix_name *nm = &ix->names[ix->forms[f].name];
    const ix_entry *e = &ix->entries[nm->entry];
    bmis__person_facts facts = bmis__ix_entry_facts(ix, e);
    double delta = bmis__facts_delta(&facts, qq, NULL) +
                   (nm->quality == BMIS_NAME_WEAK ? BMIS__WEAK_ALIAS_DELTA : 0);
    double lifted = bound + delta;
    if (lifted + CANDIDATE_MARGIN < bmis__list_threshold(ix, e->list, opt))
      continue;
    if (npend == pend_cap) {
      pending *np = bmis__grow_to(pend, &pend_cap, npend + 1, sizeof *np);
      if (!np) {
        st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
        break;
      }
      pend = np;
    }
    pend[npend++] = (pending){lifted, delta, f};
  }
  /* scored best bound first, while a form could still be among the best */
  if (best->k && npend > best->k)
    qsort(pend, npend, sizeof *pend, cmp_pending);
  for (size_t i = 0; i < npend && st == BMIS_OK; i++) {
    if (pend[i].lifted + CANDIDATE_MARGIN < topk_floor(best))
      break;
    uint32_t f = pend[i].form, entry = ix->names[ix->forms[f].name].entry;
    double s = bmis__form_score(ix, f, q, NULL);
    (*scored)++;
    if (s < floor)
      continue;
    if (!cand_add(out, entry, f, qi, s))
      st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
    /* what person_hits will report at least: any name's alias delta */
    double d = pend[i].delta;
    if (ix->names[ix->forms[f].name].quality != BMIS_NAME_WEAK)
      d += BMIS__WEAK_ALIAS_DELTA;
    double least = s + d > 1 ? 1 : s + d;
    if (least >= bmis__list_threshold(ix, ix->entries[entry].list, opt) + 1e-9)
      topk_add(best, entry, least);
  }
  bmis__free(pend);
  bmis__scratch_give(ix, sc);
  for (size_t k = 0; k < nu; k++)
    unit_clear(&units[k]);
  like_free(like);
  return st;
}

bmis_status bmis__candidates_exhaustive(const bmis_screen_index *ix,
                                        const qform *q, int qi, double floor,
                                        cands *out, size_t *scored,
                                        size_t *examined, bmis_error *err) {
  *scored += ix->form_count;
  *examined += ix->form_count;
  for (uint32_t f = 0; f < ix->form_count; f++) {
    double s = bmis__form_score(ix, f, q, NULL);
    if (s >= floor &&
        !cand_add(out, ix->names[ix->forms[f].name].entry, f, qi, s))
      return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  return BMIS_OK;
}

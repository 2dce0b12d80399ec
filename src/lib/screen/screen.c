/* Screening a person against the index: the query's forms, candidates
 * (candidates.c), hits with their explanations, documents with OCR twins,
 * and earlier dispositions. */
#include "base/alloc.h"
#include "base/array.h"
#include "screen/candidates.h"

#include "base/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BIRTH_LIFT_MAX BMIS__BIRTH_LIFT_MAX
#define NATIONALITY_LIFT_MAX BMIS__NATIONALITY_LIFT_MAX
#define FACTOR_LIFT_MAX BMIS__FACTOR_LIFT_MAX
#define CANDIDATE_MARGIN BMIS__CANDIDATE_MARGIN
#define OCR_VARIANT_SCORE 0.90
#define QFORMS_MAX BMIS__QFORMS_MAX

typedef bmis__qform qform;
typedef bmis__cand cand;
typedef bmis__cands cands;

/* ---- the query ---- */

static bmis_status add_qforms(const char *name, qform *q, size_t *nq,
                              bmis_error *err) {
  bmis__forms f;
  bmis_status st = bmis__name_forms(name, &f, err);
  if (st != BMIS_OK)
    return st;
  for (size_t i = 0; i < f.count && *nq < QFORMS_MAX; i++) {
    bool dup = false;
    for (size_t k = 0; k < *nq && !dup; k++)
      dup = strcmp(q[k].text, f.form[i]) == 0;
    if (dup)
      continue;
    qform *x = &q[(*nq)++];
    bmis__copy(x->text, sizeof x->text, f.form[i]);
    x->n = bmis__form_tokens(f.form[i], x->toks, BMIS__TOKENS_MAX);
    x->w = x->w_free = 0;
    for (size_t k = 0; k < x->n; k++) {
      x->ptr[k] = &x->toks[k];
      x->w += x->toks[k].w;
      if (x->toks[k].kind == BMIS__TOK_PARTICLE ||
          x->toks[k].kind == BMIS__TOK_TITLE ||
          x->toks[k].kind == BMIS__TOK_INITIAL)
        x->w_free += x->toks[k].w;
    }
  }
  return BMIS_OK;
}

static bmis_status query_forms(const bmis_screen_query *qq, qform *q,
                               size_t *nq, bmis_error *err) {
  *nq = 0;
  bmis_status st = BMIS_OK;
  if (qq->name && *qq->name)
    st = add_qforms(qq->name, q, nq, err);
  if (st == BMIS_OK && ((qq->surname && *qq->surname) ||
                        (qq->given_names && *qq->given_names))) {
    char full[2 * BMIS_WL_TEXT_SIZE];
    snprintf(full, sizeof full, "%s %s", qq->given_names ? qq->given_names : "",
             qq->surname ? qq->surname : "");
    st = add_qforms(full, q, nq, err);
  }
  return st;
}

static int cmp_cand(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->entry != y->entry)
    return x->entry < y->entry ? -1 : 1;
  if (x->name_score != y->name_score)
    return x->name_score > y->name_score ? -1 : 1;
  return x->form < y->form ? -1 : x->form > y->form;
}

static int cmp_hit(const void *a, const void *b) {
  const bmis_hit *x = a, *y = b;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  int c = strcmp(x->list, y->list);
  return c ? c : strcmp(x->ref, y->ref);
}

static bool hit_push(bmis_screen_result *r, size_t *cap, const bmis_hit *h) {
  if (r->count == *cap) {
    bmis_hit *n = bmis__grow_to(r->hits, cap, r->count + 1, sizeof *n);
    if (!n)
      return false;
    r->hits = n;
  }
  r->hits[r->count++] = *h;
  return true;
}

static void form_text(const bmis_screen_index *ix, uint32_t f, char *out,
                      size_t cap) {
  const ix_form *fm = &ix->forms[f];
  size_t n = 0;
  out[0] = 0;
  for (size_t i = 0; i < fm->tok_count; i++) {
    int w = snprintf(out + n, cap - n, "%s%s", i ? " " : "",
                     ix->toks[ix->form_toks[fm->first_tok + i]].s);
    if (w < 0 || (size_t)w >= cap - n)
      break;
    n += (size_t)w;
  }
}

static void list_into_hit(const bmis_screen_index *ix, uint32_t list,
                          bmis_hit *h) {
  const bmis_watchlist *l = &ix->lists[list];
  bmis__copy(h->list, sizeof h->list, l->name);
  h->category = l->category;
  h->action = l->action;
}

/* The best candidate of each entry becomes a hit when its score, with the
 * entry's facts, reaches the list's threshold. */
static bmis_status person_hits(const bmis_screen_index *ix,
                               const bmis_screen_query *qq, const qform *q,
                               cands *c, const bmis_screen_options *opt,
                               bmis_screen_result *r, size_t *cap,
                               bmis_error *err) {
  if (c->n > 1)
    qsort(c->v, c->n, sizeof *c->v, cmp_cand);
  for (size_t i = 0; i < c->n; i++) {
    if (i > 0 && c->v[i].entry == c->v[i - 1].entry)
      continue; /* not this entry's best */
    const cand *k = &c->v[i];
    const ix_entry *e = &ix->entries[k->entry];
    const ix_name *nm = &ix->names[ix->forms[k->form].name];
    bmis_hit h;
    memset(&h, 0, sizeof h);
    h.kind = BMIS_HIT_PERSON;
    list_into_hit(ix, e->list, &h);
    h.threshold = bmis__list_threshold(ix, e->list, opt);
    bmis__copy(h.ref, sizeof h.ref, bmis__ix_str(ix, e->ref));
    bmis__copy(h.entry_hash, sizeof h.entry_hash, bmis__ix_str(ix, e->hash));
    h.name_score = bmis__form_score(ix, k->form, &q[k->qform], &h);
    bmis__copy(h.listed_name, sizeof h.listed_name, bmis__ix_str(ix, nm->text));
    h.listed_quality = (bmis_name_quality)nm->quality;
    form_text(ix, k->form, h.listed_form, sizeof h.listed_form);
    bmis__copy(h.presented_form, sizeof h.presented_form, q[k->qform].text);
    double delta = 0;
    if (nm->quality == BMIS_NAME_WEAK &&
        h.factor_count < BMIS_HIT_MAX_FACTORS) {
      bmis_hit_factor *f = &h.factors[h.factor_count++];
      bmis__copy(f->what, sizeof f->what, "alias");
      f->delta = (float)BMIS__WEAK_ALIAS_DELTA;
      bmis__copy(f->detail, sizeof f->detail,
                 "matched a weak (low-quality) alias");
      delta += BMIS__WEAK_ALIAS_DELTA;
    }
    bmis__person_facts facts = bmis__ix_entry_facts(ix, e);
    delta += bmis__facts_delta(&facts, qq, &h);
    double s = h.name_score + delta;
    h.score = s < 0 ? 0 : s > 1 ? 1 : s;
    if (h.score + 1e-9 < h.threshold ||
        h.name_score + FACTOR_LIFT_MAX + 1e-9 < h.threshold)
      continue;
    if (!hit_push(r, cap, &h))
      return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  return BMIS_OK;
}

/* ---- documents ---- */

typedef struct doc_ctx {
  const bmis_screen_index *ix;
  const char *state;
  const char *norm; /* the number as presented, normalised */
  bmis_screen_result *r;
  size_t *cap;
  bool failed;
} doc_ctx;

/* A listed document with the presented number, or with one character
 * its scanner twin, becomes a hit, written straight into the result (a hit
 * is large: no copy, and the explanation is worded only for what matched).
 * Numbers that differ in two or more twins are not the same document. */
static void on_doc(void *ctx, const ix_doc *d) {
  doc_ctx *c = ctx;
  if (d->state[0] && c->state[0] && strcmp(d->state, c->state) != 0)
    return;
  /* the strings a hit copies: their misses taken together */
  __builtin_prefetch(bmis__ix_str(c->ix, d->ref));
  __builtin_prefetch(bmis__ix_str(c->ix, d->hash));
  const char *num = bmis__ix_doc_number(c->ix, d);
  size_t pos = 0, differ = 0;
  for (size_t i = 0; num[i]; i++)
    if (num[i] != c->norm[i]) {
      differ++;
      pos = i + 1;
    }
  if (differ > 1)
    return;
  const char *ref = bmis__ix_str(c->ix, d->ref);
  const char *list = c->ix->lists[d->list].name;
  bmis_screen_result *r = c->r;
  for (size_t i = 0; i < r->count; i++) /* one hit per entry */
    if (r->hits[i].kind == BMIS_HIT_DOCUMENT &&
        strcmp(r->hits[i].ref, ref) == 0 && strcmp(r->hits[i].list, list) == 0)
      return;
  if (r->count == *c->cap) {
    bmis_hit *n = bmis__grow_to(r->hits, c->cap, r->count + 1, sizeof *n);
    if (!n) {
      c->failed = true;
      return;
    }
    r->hits = n;
  }
  bmis_hit *h = &r->hits[r->count++];
  memset(h, 0, sizeof *h);
  h->kind = BMIS_HIT_DOCUMENT;
  list_into_hit(c->ix, d->list, h);
  h->score = differ ? OCR_VARIANT_SCORE : 1.0;
  h->threshold = OCR_VARIANT_SCORE;
  bmis__copy(h->ref, sizeof h->ref, ref);
  bmis__copy(h->entry_hash, sizeof h->entry_hash, bmis__ix_str(c->ix, d->hash));
  bmis__copy(h->doc_state, sizeof h->doc_state, d->state);
  bmis__copy(h->doc_number, sizeof h->doc_number,
             bmis__ix_doc_listed(c->ix, d));
  h->doc_status = (bmis_doc_status)d->status;
  if (differ) { /* "same number if 'O' at position 3 was misread for '0'"
                 * (pos < 40: composed by hand, snprintf is the slow part) */
    char *o = h->doc_detail;
    static const char a[] = "same number if '", b[] = "' at position ",
                      e[] = " was misread for '";
    memcpy(o, a, sizeof a - 1);
    o += sizeof a - 1;
    *o++ = c->norm[pos - 1];
    memcpy(o, b, sizeof b - 1);
    o += sizeof b - 1;
    if (pos >= 10)
      *o++ = (char)('0' + pos / 10 % 10);
    *o++ = (char)('0' + pos % 10);
    memcpy(o, e, sizeof e - 1);
    o += sizeof e - 1;
    *o++ = num[pos - 1];
    *o++ = '\'';
    *o = 0;
  } else
    memcpy(h->doc_detail, "same number", sizeof "same number");
}

static bmis_status document_hits(const bmis_screen_index *ix, const char *state,
                                 const char *number, bmis_screen_result *r,
                                 size_t *cap, bmis_error *err) {
  char norm[40];
  bmis__doc_number_norm(number, norm);
  if (!norm[0])
    return BMIS_OK;
  doc_ctx c = {ix, state, norm, r, cap, false};
  bmis__ix_doc_lookup(ix, norm, on_doc, &c);
  return c.failed ? bmis_error_set(err, BMIS_E_NOMEM, "out of memory")
                  : BMIS_OK;
}

/* ---- dispositions ---- */

bmis_status bmis_screen_traveller_key(const char *traveller_id,
                                      const char *doc_state,
                                      const char *doc_number, char out[64],
                                      bmis_error *err) {
  out[0] = 0;
  if (traveller_id && *traveller_id) {
    if (strlen(traveller_id) > 50)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "traveller id is longer than 50 bytes");
    snprintf(out, 64, "traveller:%s", traveller_id);
    return BMIS_OK;
  }
  char norm[40], state[4] = "";
  bmis__doc_number_norm(doc_number ? doc_number : "", norm);
  if (!norm[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "a traveller id or a document number is needed");
  if (doc_state && *doc_state) {
    bmis__country_canon(doc_state, state);
    if (!state[0])
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "document state '%s' is not a country", doc_state);
  }
  snprintf(out, 64, "doc:%s:%s", state, norm);
  return BMIS_OK;
}

static bmis_status mark_dispositions(bmis_store *s, const bmis_screen_query *q,
                                     bmis_screen_result *r, bmis_error *err) {
  char dockey[64] = "", travkey[64] = "";
  if (q->doc_number[0])
    bmis_screen_traveller_key(NULL, q->doc_state, q->doc_number, dockey, NULL);
  if (q->traveller_id && *q->traveller_id)
    bmis_screen_traveller_key(q->traveller_id, NULL, NULL, travkey, NULL);
  const char *keys[2] = {dockey, travkey};
  for (size_t i = 0; i < r->count; i++) {
    bmis_hit *h = &r->hits[i];
    bool found = false;
    bmis_status st = bmis__disposition_latest(
        s, h->list, h->ref, keys, 2, h->entry_hash, &h->previous, &found, err);
    if (st != BMIS_OK)
      return st;
    h->previously_disposed = found;
  }
  return BMIS_OK;
}

bmis_status bmis_screen_person(const bmis_screen_index *ix, bmis_store *s,
                               const bmis_screen_query *qin,
                               const bmis_screen_options *opt,
                               bmis_screen_result *out, bmis_error *err) {
  if (!ix || !qin || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no index or query");
  memset(out, 0, sizeof *out);
  /* countries compared by their canonical codes (D and DEU are one) */
  bmis_screen_query qc = *qin;
  const bmis_screen_query *q = &qc;
  bmis__country_canon(qin->nationality, qc.nationality);
  bmis__country_canon(qin->doc_state, qc.doc_state);
  if (qin->doc_state[0] && !qc.doc_state[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document state '%.3s' is not a country",
                          qin->doc_state);
  qform *qf = bmis__malloc(QFORMS_MAX * sizeof *qf);
  if (!qf)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  size_t nq = 0, cap = 0;
  cands c = {0};
  bmis_status st = query_forms(q, qf, &nq, err);
  if (st == BMIS_OK && nq == 0 && !q->doc_number[0])
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "nothing to screen: give a name or a document");
  /* the lowest name score that can still become a hit: the factors lift a
   * score only with a birth date or nationality to compare */
  double lift = (q->birth.year ? BIRTH_LIFT_MAX : 0) +
                (q->nationality[0] ? NATIONALITY_LIFT_MAX : 0);
  double floor = bmis__min_threshold(ix, opt) - lift;
  bool exh = opt && opt->mode == BMIS_SCREEN_EXHAUSTIVE;
  bmis__gate_query gate;
  bmis__gate_prepare(&gate, q, bmis__min_threshold(ix, opt) - CANDIDATE_MARGIN);
  size_t max = opt && opt->max_hits ? opt->max_hits : 20;
  bmis__topk best = {.k = !exh && max <= BMIS__TOPK_MAX ? max : 0};
  for (size_t i = 0; st == BMIS_OK && i < nq; i++)
    st =
        exh ? bmis__candidates_exhaustive(ix, &qf[i], (int)i, floor, &c,
                                          &out->candidates, &out->examined, err)
            : bmis__candidates_indexed(ix, &qf[i], (int)i, q, opt, floor, &gate,
                                       &best, &c, &out->candidates,
                                       &out->examined, err);
  if (st == BMIS_OK)
    st = person_hits(ix, q, qf, &c, opt, out, &cap, err);
  if (st == BMIS_OK)
    st = document_hits(ix, q->doc_state, q->doc_number, out, &cap, err);
  if (st == BMIS_OK && out->count)
    qsort(out->hits, out->count, sizeof *out->hits, cmp_hit);
  if (out->count > max)
    out->count = max;
  if (st == BMIS_OK && s && out->count)
    st = mark_dispositions(s, q, out, err);
  bmis__free(c.v);
  bmis__free(qf);
  if (st != BMIS_OK)
    bmis_screen_result_free(out);
  return st;
}

bmis_status bmis_screen_document(const bmis_screen_index *ix, const char *state,
                                 const char *number, bmis_screen_result *out,
                                 bmis_error *err) {
  if (!ix || !number || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no index or number");
  memset(out, 0, sizeof *out);
  size_t cap = 0;
  char canon[4];
  bmis__country_canon(state, canon);
  if (state && *state && !canon[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "document state '%s' is not a country", state);
  bmis_status st = document_hits(ix, canon, number, out, &cap, err);
  if (st != BMIS_OK)
    bmis_screen_result_free(out);
  else if (out->count > 1)
    qsort(out->hits, out->count, sizeof *out->hits, cmp_hit);
  return st;
}

void bmis_screen_result_free(bmis_screen_result *r) {
  if (!r)
    return;
  bmis__free(r->hits);
  r->hits = NULL;
  r->count = 0;
}

/* Building the screening index (see index.h) from the store, or straight
 * from list content. Entries arrive one by one with their matching keys;
 * the dictionary, postings and look-up tables are finished at the end
 * (counting sort for postings, sorted arrays for the look-ups). */
#include "screen/index.h"
#include "base/alloc.h"

#include "base/array.h"
#include "base/text.h"
#include "screen/match_key.h"
#include "screen/screen_scratch.h"
#include "store/repo.h"

#include <stdlib.h>
#include <string.h>

#define GROW(ix, arr, count, cap)                                              \
  grow_array((void **)&(ix)->arr, &(ix)->cap, (ix)->count + 1,                 \
             sizeof *(ix)->arr, &(ix)->failed)

static bool grow_array(void **arr, size_t *cap, size_t need, size_t elem,
                       bool *failed) {
  if (bmis__grow(arr, cap, need, elem) == BMIS_OK)
    return true;
  *failed = true;
  return false;
}

static uint32_t pool_add(bmis_screen_index *ix, const char *s, size_t n) {
  if (ix->pool_len + n + 1 > UINT32_MAX) { /* offsets are 32-bit */
    ix->failed = true;
    return 0;
  }
  if (!grow_array((void **)&ix->pool, &ix->pool_cap, ix->pool_len + n + 1, 1,
                  &ix->failed))
    return 0;
  uint32_t off = (uint32_t)ix->pool_len;
  memcpy(ix->pool + off, s, n);
  ix->pool[off + n] = 0;
  ix->pool_len += n + 1;
  return off;
}

static void keys_add(bmis_screen_index *ix, ix_keys *k, uint64_t h,
                     uint32_t tok) {
  if (!grow_array((void **)&k->v, &k->cap, k->n + 1, sizeof *k->v, &ix->failed))
    return;
  k->v[k->n++] = (ix_key){h, tok};
}

static int cmp_key(const void *a, const void *b) {
  const ix_key *x = a, *y = b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->tok < y->tok ? -1 : x->tok > y->tok;
}

/* Sorts and removes duplicate (hash, token) pairs. */
static void keys_finish(ix_keys *k) {
  if (!k->n)
    return;
  qsort(k->v, k->n, sizeof *k->v, cmp_key);
  size_t w = 1;
  for (size_t i = 1; i < k->n; i++)
    if (k->v[i].hash != k->v[w - 1].hash || k->v[i].tok != k->v[w - 1].tok)
      k->v[w++] = k->v[i];
  k->n = w;
}

size_t bmis__ix_keys_find(const ix_keys *keys, uint64_t h, size_t *n) {
  size_t lo = 0, hi = keys->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (keys->v[mid].hash < h)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t end = lo;
  while (end < keys->n && keys->v[end].hash == h)
    end++;
  *n = end - lo;
  return lo;
}

/* ---- token dictionary ---- */

static bool tok_table_grow(bmis_screen_index *ix) {
  size_t ncap = ix->tok_table_cap ? ix->tok_table_cap * 2 : 1024;
  uint32_t *t = bmis__calloc(ncap, sizeof *t);
  if (!t) {
    ix->failed = true;
    return false;
  }
  for (size_t i = 0; i < ix->tok_table_cap; i++) {
    uint32_t id = ix->tok_table[i];
    if (!id)
      continue;
    const bmis__tok *k = &ix->toks[id - 1];
    size_t j = (size_t)bmis__hash64(k->s, k->len) & (ncap - 1);
    while (t[j])
      j = (j + 1) & (ncap - 1);
    t[j] = id;
  }
  bmis__free(ix->tok_table);
  ix->tok_table = t;
  ix->tok_table_cap = ncap;
  return true;
}

uint32_t bmis__ix_tok_find(const bmis_screen_index *ix, const char *s,
                           size_t len) {
  if (!ix->tok_table_cap)
    return UINT32_MAX;
  size_t j = (size_t)bmis__hash64(s, len) & (ix->tok_table_cap - 1);
  for (uint32_t id; (id = ix->tok_table[j]) != 0;
       j = (j + 1) & (ix->tok_table_cap - 1)) {
    const bmis__tok *k = &ix->toks[id - 1];
    if (k->len == len && memcmp(k->s, s, len) == 0)
      return id - 1;
  }
  return UINT32_MAX;
}

/* The id of token s, added (with its look-up keys) when new. */
static uint32_t tok_intern(bmis_screen_index *ix, const char *s, size_t len) {
  uint32_t id = bmis__ix_tok_find(ix, s, len);
  if (id != UINT32_MAX)
    return id;
  if ((ix->tok_count + 1) * 2 > ix->tok_table_cap && !tok_table_grow(ix))
    return UINT32_MAX;
  if (!GROW(ix, toks, tok_count, tok_cap))
    return UINT32_MAX;
  id = (uint32_t)ix->tok_count++;
  bmis__tok *t = &ix->toks[id];
  bmis__tok_init(t, s, len);
  size_t j = (size_t)bmis__hash64(t->s, t->len) & (ix->tok_table_cap - 1);
  while (ix->tok_table[j])
    j = (j + 1) & (ix->tok_table_cap - 1);
  ix->tok_table[j] = id + 1;
  keys_add(ix, &ix->exact, bmis__hash64(t->s, t->len), id);
  if (t->skel_len)
    keys_add(ix, &ix->skel, bmis__hash64(t->skel, t->skel_len), id);
  if (t->len >= 4) { /* shorter tokens allow no typo (name_score.c) */
    keys_add(ix, &ix->dels, bmis__hash64(t->s, t->len), id);
    char d[BMIS__TOKEN_SIZE];
    for (size_t i = 0; i < t->len; i++) {
      if (i > 0 && t->s[i] == t->s[i - 1])
        continue; /* same deletion as the previous letter's */
      memcpy(d, t->s, i);
      memcpy(d + i, t->s + i + 1, t->len - i - 1);
      keys_add(ix, &ix->dels, bmis__hash64(d, t->len - 1), id);
    }
  }
  return id;
}

/* ---- entries ---- */

/* A posting is collected as (token, form) and sorted into place at the end;
 * the pairs live in two parallel arrays until then. A join (two or three
 * adjacent listed tokens as one) has the top bit of its form set, and a
 * join of three the next one too: joins get postings of their own. */
#define JOIN_BIT 0x80000000u
#define JOIN3_BIT 0x40000000u
#define JOIN3_MIDDLE_MAX 3 /* letters */
typedef struct build {
  uint32_t *ptok, *pform;
  size_t n, cap;
} build;

static void posting(bmis_screen_index *ix, build *b, uint32_t tok,
                    uint32_t form) {
  if (tok == UINT32_MAX)
    return;
  if (b->n == b->cap) {
    /* two arrays of one capacity: the second grows to the first's */
    size_t tcap = b->cap, fcap = b->cap;
    uint32_t *t = bmis__grow_to(b->ptok, &tcap, b->n + 1, sizeof *t);
    if (t)
      b->ptok = t;
    uint32_t *f = t ? bmis__grow_to(b->pform, &fcap, tcap, sizeof *f) : NULL;
    if (f)
      b->pform = f;
    if (!t || !f) {
      ix->failed = true;
      return;
    }
    b->cap = tcap;
  }
  b->ptok[b->n] = tok;
  b->pform[b->n] = form;
  b->n++;
}

static void add_form(bmis_screen_index *ix, build *b, uint32_t name,
                     const char *form) {
  bmis__tok toks[BMIS__TOKENS_MAX];
  size_t n = bmis__form_tokens(form, toks, BMIS__TOKENS_MAX);
  if (!n || ix->form_count >= JOIN3_BIT) {
    ix->failed = ix->failed || n; /* more forms than a posting can name */
    return;
  }
  if (!GROW(ix, forms, form_count, form_cap))
    return;
  uint32_t fid = (uint32_t)ix->form_count;
  ix_form *f = &ix->forms[ix->form_count++];
  f->name = name;
  f->first_tok = (uint32_t)ix->form_tok_count;
  f->tok_count = (uint8_t)n;
  f->initials = 0;
  f->weight = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t id = tok_intern(ix, toks[i].s, toks[i].len);
    if (id == UINT32_MAX || !GROW(ix, form_toks, form_tok_count, form_tok_cap))
      return;
    ix->form_toks[ix->form_tok_count++] = id;
    if (ix->toks[id].kind == BMIS__TOK_INITIAL)
      ix->forms[fid].initials++;
    else if (ix->toks[id].kind != BMIS__TOK_PARTICLE &&
             ix->toks[id].kind != BMIS__TOK_TITLE)
      ix->forms[fid].weight += ix->toks[id].w;
    posting(ix, b, id, fid);
    /* two or three adjacent tokens joined, so ABDULRAHMAN finds ABDUL
     * RAHMAN and ABDELGHANI finds ABD EL GHANI (name_score.c joins up to
     * three); three only around a short middle (EL, BIN, JIN), as names are
     * written together: every join is a dictionary token with its keys */
    char j[BMIS__TOKEN_SIZE];
    size_t jl = toks[i].len;
    memcpy(j, toks[i].s, jl);
    for (size_t k = i + 1; k < n && k <= i + 2; k++) {
      if (jl + toks[k].len >= BMIS__TOKEN_SIZE ||
          (k == i + 2 && toks[i + 1].len > JOIN3_MIDDLE_MAX))
        break;
      memcpy(j + jl, toks[k].s, toks[k].len);
      jl += toks[k].len;
      uint32_t jid = tok_intern(ix, j, jl);
      posting(ix, b, jid, fid | JOIN_BIT | (k == i + 2 ? JOIN3_BIT : 0));
    }
  }
}

static void add_doc(bmis_screen_index *ix, uint32_t list, const char *ref,
                    const char *hash, const char *state, const char *norm,
                    const char *as_listed, bmis_doc_status status) {
  if (!norm[0] || !GROW(ix, docs, doc_count, doc_cap))
    return;
  ix_doc *d = &ix->docs[ix->doc_count++];
  d->list = list;
  d->ref = pool_add(ix, ref, strlen(ref));
  d->hash = pool_add(ix, hash, strlen(hash));
  size_t len = strlen(norm);
  memset(d->num, 0, sizeof d->num);
  if (len < sizeof d->num) {
    memcpy(d->num, norm, len);
    d->number = 0;
  } else
    d->number = pool_add(ix, norm, len);
  d->number_listed = as_listed && strcmp(as_listed, norm) != 0
                         ? pool_add(ix, as_listed, strlen(as_listed))
                         : UINT32_MAX;
  bmis__country_canon(state, d->state);
  d->status = (uint8_t)status;
}

static bmis_status add_person(bmis_screen_index *ix, build *b, uint32_t list,
                              const char *ref, const char *hash, char *key,
                              bmis_error *err) {
  static _Thread_local bmis__key k;
  bmis_status st = bmis__match_key_parse(key, &k, err);
  if (st != BMIS_OK)
    return st;
  if (!GROW(ix, entries, entry_count, entry_cap))
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  uint32_t eid = (uint32_t)ix->entry_count++;
  ix_entry *e = &ix->entries[eid];
  memset(e, 0, sizeof *e);
  e->list = list;
  e->ref = pool_add(ix, ref, strlen(ref));
  e->hash = pool_add(ix, hash, strlen(hash));
  e->sex = k.sex;
  e->first_name = (uint32_t)ix->name_count;
  e->first_birth = (uint32_t)ix->birth_count;
  e->first_nationality = (uint32_t)ix->nationality_count;
  for (size_t i = 0; i < k.birth_count; i++)
    if (GROW(ix, births, birth_count, birth_cap))
      ix->births[ix->birth_count++] = k.births[i];
  for (size_t i = 0; i < k.nationality_count; i++)
    if (GROW(ix, nationalities, nationality_count, nationality_cap))
      memcpy(ix->nationalities[ix->nationality_count++], k.nationalities[i], 4);
  ix->entries[eid].birth_count =
      (uint16_t)(ix->birth_count - ix->entries[eid].first_birth);
  ix->entries[eid].nationality_count =
      (uint8_t)(ix->nationality_count - ix->entries[eid].first_nationality);
  for (size_t i = 0; i < k.name_count; i++) {
    if (!GROW(ix, names, name_count, name_cap))
      break;
    uint32_t nid = (uint32_t)ix->name_count++;
    ix_name *n = &ix->names[nid];
    n->entry = eid;
    n->text = pool_add(ix, k.names[i].text, strlen(k.names[i].text));
    n->quality = (uint8_t)k.names[i].quality;
    n->first_form = (uint32_t)ix->form_count;
    for (size_t f = 0; f < k.names[i].form_count; f++)
      add_form(ix, b, nid, k.names[i].forms[f]);
    ix->names[nid].form_count =
        (uint8_t)(ix->form_count - ix->names[nid].first_form);
  }
  ix->entries[eid].name_count =
      (uint32_t)(ix->name_count - ix->entries[eid].first_name);
  for (size_t i = 0; i < k.document_count; i++)
    add_doc(ix, list, ref, hash, k.documents[i].state, k.documents[i].number,
            k.documents[i].number, BMIS_DOC_STATUS_NONE);
  return ix->failed ? bmis_error_set(err, BMIS_E_NOMEM, "out of memory")
                    : BMIS_OK;
}

/* One set of postings (tokens, or joins): a counting sort by token, each
 * form once per token, with the forms' gates beside them. */
static bool postings_sort(bmis_screen_index *ix, const build *b,
                          const uint32_t *gate, bool joins, ix_postings *out) {
  uint32_t want = joins ? JOIN_BIT : 0;
  out->start = bmis__calloc(ix->tok_count + 1, sizeof *out->start);
  uint32_t *fill = bmis__malloc((ix->tok_count + 1) * sizeof *fill);
  size_t n = 0;
  for (size_t i = 0; i < b->n; i++)
    n += (b->pform[i] & JOIN_BIT) == want;
  out->form = bmis__malloc((n ? n : 1) * sizeof *out->form);
  out->gate = bmis__malloc((n ? n : 1) * sizeof *out->gate);
  if (!out->start || !fill || !out->form || !out->gate) {
    bmis__free(fill);
    return false;
  }
  for (size_t i = 0; i < b->n; i++)
    if ((b->pform[i] & JOIN_BIT) == want)
      out->start[b->ptok[i] + 1]++;
  for (size_t t = 0; t < ix->tok_count; t++)
    out->start[t + 1] += out->start[t];
  memcpy(fill, out->start, (ix->tok_count + 1) * sizeof *fill);
  for (size_t i = 0; i < b->n; i++) {
    if ((b->pform[i] & JOIN_BIT) != want)
      continue;
    uint32_t t = b->ptok[i], f = b->pform[i] & ~(JOIN_BIT | JOIN3_BIT);
    uint32_t three = b->pform[i] & JOIN3_BIT ? IX_GATE_JOIN3 : 0;
    /* a form may hold a token (or a join) twice: one posting, marked */
    if (fill[t] > out->start[t] && out->form[fill[t] - 1] == f) {
      out->gate[fill[t] - 1] |= IX_GATE_TWICE | three;
      continue;
    }
    out->gate[fill[t]] =
        gate[f] | (ix->forms[f].initials ? IX_GATE_INITIALS : 0) | three;
    out->form[fill[t]++] = f;
  }
  /* close the gaps left by skipped duplicates */
  size_t w = 0;
  for (size_t t = 0; t < ix->tok_count; t++) {
    uint32_t s = out->start[t], e = fill[t];
    out->start[t] = (uint32_t)w;
    memmove(out->form + w, out->form + s, (e - s) * sizeof *out->form);
    memmove(out->gate + w, out->gate + s, (e - s) * sizeof *out->gate);
    w += e - s;
  }
  out->start[ix->tok_count] = (uint32_t)w;
  bmis__free(fill);
  return true;
}

static void postings_free(ix_postings *p) {
  bmis__free(p->start);
  bmis__free(p->form);
  bmis__free(p->gate);
}

static bmis_status finish(bmis_screen_index *ix, build *b, bmis_error *err) {
  if (ix->failed)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  /* each posting carries its form's gate: the facts, read beside the id */
  uint32_t *gate =
      bmis__malloc((ix->form_count ? ix->form_count : 1) * sizeof *gate);
  if (!gate)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  for (size_t f = 0; f < ix->form_count; f++) {
    const ix_name *nm = &ix->names[ix->forms[f].name];
    const ix_entry *e = &ix->entries[nm->entry];
    bmis__person_facts facts = bmis__ix_entry_facts(ix, e);
    gate[f] = bmis__facts_gate(&facts, nm->quality == BMIS_NAME_WEAK);
    double w32 = ix->forms[f].weight * 32.0;
    gate[f] |= (w32 >= 1023 ? 1023u : (uint32_t)w32) << 19;
  }
  bool ok = postings_sort(ix, b, gate, false, &ix->tokp) &&
            postings_sort(ix, b, gate, true, &ix->joinp);
  bmis__free(gate);
  if (!ok)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  ix->scratch = bmis__scratch_pool_new(ix->form_count);
  if (!ix->scratch)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  keys_finish(&ix->exact);
  keys_finish(&ix->skel);
  keys_finish(&ix->dels);
  /* documents */
  size_t cap = 1024;
  while (cap < ix->doc_count * 2)
    cap *= 2;
  ix->doc_table = bmis__calloc(cap, sizeof *ix->doc_table);
  if (!ix->doc_table)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  ix->doc_table_cap = cap;
  for (size_t i = 0; i < ix->doc_count; i++) {
    uint64_t h = bmis__doc_canon_hash(bmis__ix_doc_number(ix, &ix->docs[i]));
    size_t j = (size_t)h & (cap - 1);
    while (ix->doc_table[j])
      j = (j + 1) & (cap - 1);
    ix->doc_table[j] = (h & 0xFFFFFFFF00000000ULL) | (uint64_t)(i + 1);
  }
  return BMIS_OK;
}

/* The class a scanner cannot tell a character from its twin in: 0/O, 1/I,
 * 5/S, 8/B, 2/Z, 6/G each become the digit. */
static char doc_canon(char c) {
  switch (c) {
  case 'O': return '0';
  case 'I': return '1';
  case 'S': return '5';
  case 'B': return '8';
  case 'Z': return '2';
  case 'G': return '6';
  default: return c;
  }
}

uint64_t bmis__doc_canon_hash(const char *norm) {
  char c[40];
  size_t n = 0;
  for (; norm[n] && n < sizeof c - 1; n++)
    c[n] = doc_canon(norm[n]);
  return bmis__hash64(c, n);
}

void bmis__ix_doc_lookup(const bmis_screen_index *ix, const char *norm,
                         bmis__ix_doc_fn fn, void *ctx) {
  if (!ix->doc_table_cap || !norm[0])
    return;
  uint64_t h = bmis__doc_canon_hash(norm);
  size_t j = (size_t)h & (ix->doc_table_cap - 1);
  for (uint64_t v; (v = ix->doc_table[j]) != 0;
       j = (j + 1) & (ix->doc_table_cap - 1)) {
    if ((v >> 32) != (h >> 32))
      continue;
    const ix_doc *d = &ix->docs[(v & 0xFFFFFFFFu) - 1];
    const char *num = bmis__ix_doc_number(ix, d);
    size_t k = 0;
    while (norm[k] && num[k] && doc_canon(norm[k]) == doc_canon(num[k]))
      k++;
    if (!norm[k] && !num[k])
      fn(ctx, d);
  }
}

/* ---- building from the store or from content ---- */

typedef struct load_ctx {
  bmis_screen_index *ix;
  build b;
} load_ctx;

static uint32_t list_id(bmis_screen_index *ix, const bmis_watchlist *l) {
  if (ix->list_count &&
      strcmp(ix->lists[ix->list_count - 1].name, l->name) == 0)
    return (uint32_t)ix->list_count - 1;
  for (size_t i = 0; i < ix->list_count; i++)
    if (strcmp(ix->lists[i].name, l->name) == 0)
      return (uint32_t)i;
  size_t cap = ix->list_count;
  if (!grow_array((void **)&ix->lists, &cap, ix->list_count + 1,
                  sizeof *ix->lists, &ix->failed))
    return 0;
  /* exact-size growth: list counts are small */
  ix->lists[ix->list_count] = *l;
  return (uint32_t)ix->list_count++;
}

static bmis_status on_person(void *ctx, const bmis_watchlist *list,
                             const char *ref, const char *hash,
                             const char *match_key, bmis_error *err) {
  load_ctx *c = ctx;
  uint32_t l = list_id(c->ix, list);
  char *key = bmis__malloc(strlen(match_key) + 1);
  if (!key)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  memcpy(key, match_key, strlen(match_key) + 1);
  bmis_status st = add_person(c->ix, &c->b, l, ref, hash, key, err);
  bmis__free(key);
  return st;
}

static bmis_status on_document(void *ctx, const bmis_watchlist *list,
                               const char *ref, const char *hash,
                               const char *state, const char *number_norm,
                               const char *number_as_listed,
                               bmis_doc_status status, bmis_error *err) {
  load_ctx *c = ctx;
  uint32_t l = list_id(c->ix, list);
  add_doc(c->ix, l, ref, hash, state, number_norm, number_as_listed, status);
  return c->ix->failed ? bmis_error_set(err, BMIS_E_NOMEM, "out of memory")
                       : BMIS_OK;
}

static bmis_status done(load_ctx *c, bmis_status st, bmis_screen_index **out,
                        bmis_error *err) {
  if (st == BMIS_OK)
    st = finish(c->ix, &c->b, err);
  bmis__free(c->b.ptok);
  bmis__free(c->b.pform);
  if (st != BMIS_OK) {
    bmis_screen_index_free(c->ix);
    return st;
  }
  *out = c->ix;
  return BMIS_OK;
}

bmis_status bmis_screen_index_load(bmis_store *s, bmis_screen_index **out,
                                   bmis_error *err) {
  if (!s || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store");
  load_ctx c = {bmis__calloc(1, sizeof(bmis_screen_index)), {0}};
  if (!c.ix)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis_status st = bmis__wl_scan(s, on_person, on_document, &c, err);
  /* lists with no entries are still lists */
  bmis_watchlist *all = NULL;
  size_t n = 0;
  if (st == BMIS_OK)
    st = bmis_watchlist_list(s, &all, &n, err);
  for (size_t i = 0; st == BMIS_OK && i < n; i++)
    list_id(c.ix, &all[i]);
  bmis__free(all);
  return done(&c, st, out, err);
}

bmis_status bmis_screen_index_from_content(const bmis_watchlist *meta,
                                           const bmis_wl_content *content,
                                           bmis_screen_index **out,
                                           bmis_error *err) {
  if (!meta || !content || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no list or content");
  load_ctx c = {bmis__calloc(1, sizeof(bmis_screen_index)), {0}};
  if (!c.ix)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  uint32_t l = list_id(c.ix, meta);
  bmis_status st = BMIS_OK;
  for (size_t i = 0; st == BMIS_OK && i < bmis_wl_person_count(content); i++) {
    const bmis_wl_person *p = bmis_wl_person_at(content, i);
    char *key = NULL;
    st = bmis__person_match_key(p, &key, err);
    if (st == BMIS_OK)
      st = add_person(c.ix, &c.b, l, p->ref, "", key, err);
    bmis__free(key);
  }
  for (size_t i = 0; st == BMIS_OK && i < bmis_wl_document_count(content);
       i++) {
    const bmis_wl_document *d = bmis_wl_document_at(content, i);
    char norm[40];
    bmis__doc_number_norm(d->number, norm);
    add_doc(c.ix, l, d->ref, "", d->state, norm, d->number, d->status);
    if (c.ix->failed)
      st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  return done(&c, st, out, err);
}

void bmis_screen_index_free(bmis_screen_index *ix) {
  if (!ix)
    return;
  bmis__scratch_pool_free(ix->scratch);
  bmis__free(ix->lists);
  bmis__free(ix->entries);
  bmis__free(ix->names);
  bmis__free(ix->forms);
  bmis__free(ix->form_toks);
  bmis__free(ix->births);
  bmis__free(ix->nationalities);
  bmis__free(ix->pool);
  bmis__free(ix->toks);
  bmis__free(ix->tok_table);
  postings_free(&ix->tokp);
  postings_free(&ix->joinp);
  bmis__free(ix->exact.v);
  bmis__free(ix->skel.v);
  bmis__free(ix->dels.v);
  bmis__free(ix->docs);
  bmis__free(ix->doc_table);
  bmis__free(ix);
}

size_t bmis_screen_index_entries(const bmis_screen_index *ix) {
  return ix ? ix->entry_count + ix->doc_count : 0;
}

size_t bmis_screen_index_names(const bmis_screen_index *ix) {
  return ix ? ix->name_count : 0;
}

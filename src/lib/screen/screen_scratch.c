/* The index's pool of per-query work arrays (see screen_scratch.h). */
#include "screen/screen_scratch.h"
#include "base/alloc.h"
#include "base/array.h"

#include "screen/index.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct bmis__scratch_pool {
  pthread_mutex_t lock;
  size_t forms;
  bmis__scratch *free_list;
};

struct bmis__scratch_pool *bmis__scratch_pool_new(size_t forms) {
  struct bmis__scratch_pool *p = bmis__calloc(1, sizeof *p);
  if (!p)
    return NULL;
  pthread_mutex_init(&p->lock, NULL);
  p->forms = forms;
  return p;
}

static void scratch_free(bmis__scratch *s) {
  if (!s)
    return;
  bmis__free(s->acc);
  bmis__free(s->touched);
  bmis__free(s->seen);
  bmis__free(s->marked);
  bmis__free(s);
}

void bmis__scratch_pool_free(struct bmis__scratch_pool *p) {
  if (!p)
    return;
  while (p->free_list) {
    bmis__scratch *s = p->free_list;
    p->free_list = s->next;
    scratch_free(s);
  }
  pthread_mutex_destroy(&p->lock);
  bmis__free(p);
}

bmis__scratch *bmis__scratch_take(const bmis_screen_index *ix) {
  struct bmis__scratch_pool *p = ix->scratch;
  pthread_mutex_lock(&p->lock);
  bmis__scratch *s = p->free_list;
  if (s)
    p->free_list = s->next;
  pthread_mutex_unlock(&p->lock);
  if (!s) {
    size_t n = p->forms ? p->forms : 1;
    s = bmis__calloc(1, sizeof *s);
    if (s) {
      s->acc = bmis__calloc(n, sizeof *s->acc);
      s->touched = bmis__malloc(n * sizeof *s->touched);
    }
    if (!s || !s->acc || !s->touched) {
      scratch_free(s);
      return NULL;
    }
  }
  s->ntouched = 0;
  if (++s->gen == 0) { /* wrapped: stamps from 2^32 rounds ago look new */
    for (size_t i = 0; i < p->forms; i++)
      s->acc[i].stamp = 0;
    s->gen = 1;
  }
  return s;
}

bool bmis__scratch_seen_ready(const bmis_screen_index *ix, bmis__scratch *s) {
  if (!s->seen)
    s->seen = bmis__calloc(ix->scratch->forms / 64 + 1, sizeof *s->seen);
  return s->seen != NULL;
}

bool bmis__scratch_mark(bmis__scratch *s, uint32_t f) {
  if (s->nmarked == s->marked_cap) {
    uint32_t *nm =
        bmis__grow_to(s->marked, &s->marked_cap, s->nmarked + 1, sizeof *nm);
    if (!nm)
      return false;
    s->marked = nm;
  }
  s->marked[s->nmarked++] = f;
  s->seen[f >> 6] |= (uint64_t)1 << (f & 63);
  return true;
}

void bmis__scratch_unmark(bmis__scratch *s) {
  for (size_t i = 0; i < s->nmarked; i++)
    s->seen[s->marked[i] >> 6] = 0;
  s->nmarked = 0;
}

void bmis__scratch_give(const bmis_screen_index *ix, bmis__scratch *s) {
  struct bmis__scratch_pool *p = ix->scratch;
  pthread_mutex_lock(&p->lock);
  s->next = p->free_list;
  p->free_list = s;
  pthread_mutex_unlock(&p->lock);
}

/* The index's pool of per-query work arrays (see screen_scratch.h). */
#include "screen/screen_scratch.h"

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
  struct bmis__scratch_pool *p = calloc(1, sizeof *p);
  if (!p)
    return NULL;
  pthread_mutex_init(&p->lock, NULL);
  p->forms = forms;
  return p;
}

static void scratch_free(bmis__scratch *s) {
  if (!s)
    return;
  free(s->acc);
  free(s->touched);
  free(s->seen);
  free(s);
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
  free(p);
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
    s = calloc(1, sizeof *s);
    if (s) {
      s->acc = calloc(n, sizeof *s->acc);
      s->touched = malloc(n * sizeof *s->touched);
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

bool bmis__scratch_seen_round(const bmis_screen_index *ix, bmis__scratch *s) {
  size_t n = ix->scratch->forms ? ix->scratch->forms : 1;
  if (!s->seen) {
    s->seen = calloc(n, 1);
    if (!s->seen)
      return false;
    s->round = 0;
  }
  if (++s->round == 0) { /* wrapped: marks from 255 passes ago look new */
    memset(s->seen, 0, n);
    s->round = 1;
  }
  return true;
}

void bmis__scratch_give(const bmis_screen_index *ix, bmis__scratch *s) {
  struct bmis__scratch_pool *p = ix->scratch;
  pthread_mutex_lock(&p->lock);
  s->next = p->free_list;
  p->free_list = s;
  pthread_mutex_unlock(&p->lock);
}

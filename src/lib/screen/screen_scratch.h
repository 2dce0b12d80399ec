/* Internal: per-query work arrays for indexed screening, one set per
 * concurrent query, kept in a pool that belongs to the index (the index is
 * shared read-only between threads; the pool has its own lock). */
#ifndef BMIS_SCREEN_SCRATCH_H
#define BMIS_SCREEN_SCRATCH_H

#include "bmis/screen.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a form shares with the query so far; valid when stamp == gen. */
typedef struct bmis__form_acc {
  uint32_t stamp;
  float q; /* shared weight, presented side */
  float l; /* the same, listed side */
} bmis__form_acc;

typedef struct bmis__scratch {
  bmis__form_acc *acc; /* per form; one cache line holds a form's all */
  uint32_t *touched;   /* forms touched this round */
  size_t ntouched;
  uint32_t gen;
  uint64_t *seen;   /* a bit per form, for screen.c's marks; all clear
                       between queries; NULL until first used */
  uint32_t *marked; /* the forms whose bits are set */
  size_t nmarked, marked_cap;
  struct bmis__scratch *next;
} bmis__scratch;

struct bmis__scratch_pool;
struct bmis__scratch_pool *bmis__scratch_pool_new(size_t forms);
void bmis__scratch_pool_free(struct bmis__scratch_pool *p);

/* A scratch set with a fresh round (ntouched 0); NULL when out of memory.
 * Give it back with bmis__scratch_give. */
bmis__scratch *bmis__scratch_take(const bmis_screen_index *ix);
/* Makes seen ready (allocated on first use); false when out of memory. */
bool bmis__scratch_seen_ready(const bmis_screen_index *ix, bmis__scratch *s);

/* Sets form f's bit and remembers it; false when out of memory. */
bool bmis__scratch_mark(bmis__scratch *s, uint32_t f);

static inline bool bmis__scratch_seen(const bmis__scratch *s, uint32_t f) {
  return (s->seen[f >> 6] >> (f & 63)) & 1u;
}

/* Clears every bit set since the last call. */
void bmis__scratch_unmark(bmis__scratch *s);

void bmis__scratch_give(const bmis_screen_index *ix, bmis__scratch *s);

#endif

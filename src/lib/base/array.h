/* Growable arrays inside the library: overflow-checked growth, one free.
 *
 *   bmis__array a;                      // of bmis_hit
 *   bmis__array_init(&a, sizeof(bmis_hit));
 *   bmis_hit *h = bmis__array_push(&a); // zeroed slot, or NULL: E_NOMEM
 *   ...
 *   bmis__array_free(&a);               // a.items, a.count: the elements
 *
 * Arrays that live in a struct as a typed pointer and a count (the public
 * structs) grow with bmis__grow instead, which is what the array uses. */
#ifndef BMIS_BASE_ARRAY_H
#define BMIS_BASE_ARRAY_H

#include "bmis/status.h"

#include <stddef.h>

/* Makes room for at least `need` elements of `size` bytes in *items, which
 * has room for *cap: doubling (from 8), so that n pushes cost O(n).
 * BMIS_E_NOMEM, with *items and *cap unchanged, when need * size would
 * overflow or memory runs out. */
bmis_status bmis__grow(void **items, size_t *cap, size_t need, size_t size);
/* The same for a typed pointer: returns the grown array (items itself when
 * it has room), *cap updated; NULL, with items still valid and *cap
 * unchanged, on overflow or out of memory.
 *   bmis_stay *grown = bmis__grow_to(l->v, &l->cap, l->n + 1, sizeof *grown);
 *   if (!grown) ...; l->v = grown; */
void *bmis__grow_to(void *items, size_t *cap, size_t need, size_t size);

typedef struct bmis__array {
  void *items;  /* count elements of size bytes; the array owns them */
  size_t size;  /* bytes per element */
  size_t count; /* elements in use */
  size_t cap;   /* elements allocated */
} bmis__array;

/* An empty array of elements of `size` bytes (allocates nothing). */
void bmis__array_init(bmis__array *a, size_t size);
/* Room for n more elements; BMIS_E_NOMEM as bmis__grow. */
bmis_status bmis__array_reserve(bmis__array *a, size_t n);
/* Appends one zeroed element and returns it (valid until the next growth);
 * NULL when out of memory (the array is unchanged). */
void *bmis__array_push(bmis__array *a);
/* Hands the elements to the caller (bmis__free() them), the array left empty.
 */
void *bmis__array_take(bmis__array *a, size_t *count);
/* Frees the elements; the array is empty again, of the same size. */
void bmis__array_free(bmis__array *a);

#endif

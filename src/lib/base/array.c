/* Growable arrays (see base/array.h). */
#include "base/array.h"
#include "base/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bmis_status bmis__grow(void **items, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return BMIS_OK;
  if (size == 0)
    return BMIS_E_INVALID_ARG;
  size_t n = *cap ? *cap : 8;
  while (n < need) {
    if (n > SIZE_MAX / 2)
      return BMIS_E_NOMEM;
    n *= 2;
  }
  if (n > SIZE_MAX / size)
    return BMIS_E_NOMEM;
  void *p = bmis__realloc(*items, n * size);
  if (!p)
    return BMIS_E_NOMEM;
  *items = p;
  *cap = n;
  return BMIS_OK;
}

void *bmis__grow_to(void *items, size_t *cap, size_t need, size_t size) {
  return bmis__grow(&items, cap, need, size) == BMIS_OK ? items : NULL;
}

void bmis__array_init(bmis__array *a, size_t size) {
  memset(a, 0, sizeof *a);
  a->size = size;
}

bmis_status bmis__array_reserve(bmis__array *a, size_t n) {
  if (n > SIZE_MAX - a->count)
    return BMIS_E_NOMEM;
  return bmis__grow(&a->items, &a->cap, a->count + n, a->size);
}

void *bmis__array_push(bmis__array *a) {
  if (bmis__array_reserve(a, 1) != BMIS_OK)
    return NULL;
  void *slot = (char *)a->items + a->count * a->size;
  memset(slot, 0, a->size);
  a->count++;
  return slot;
}

void *bmis__array_take(bmis__array *a, size_t *count) {
  void *items = a->items;
  if (count)
    *count = a->count;
  bmis__array_init(a, a->size);
  return items;
}

void bmis__array_free(bmis__array *a) {
  bmis__free(a->items);
  bmis__array_init(a, a->size);
}

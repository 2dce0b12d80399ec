/* The allocator hook (see bmis/alloc.h and base/alloc.h): the one file of
 * libbmis that calls the C library's malloc, realloc and free. */
#include "base/alloc.h"

#include "bmis/status.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *libc_malloc(void *ctx, size_t size) {
  (void)ctx;
  return malloc(size);
}

static void *libc_realloc(void *ctx, void *ptr, size_t size) {
  (void)ctx;
  return realloc(ptr, size);
}

static void libc_free(void *ctx, void *ptr) {
  (void)ctx;
  free(ptr);
}

static const bmis_allocator libc_allocator = {libc_malloc, libc_realloc,
                                              libc_free, NULL};
static bmis_allocator current = {libc_malloc, libc_realloc, libc_free, NULL};

bmis_status bmis_allocator_set(const bmis_allocator *a) {
  if (!a) {
    current = libc_allocator;
    return BMIS_OK;
  }
  if (!a->malloc || !a->realloc || !a->free)
    return BMIS_E_INVALID_ARG;
  current = *a;
  return BMIS_OK;
}

void bmis_allocator_get(bmis_allocator *out) {
  if (out)
    *out = current;
}

void bmis_free(void *ptr) {
  bmis__free(ptr);
}

void *bmis__malloc(size_t size) {
  return current.malloc(current.ctx, size ? size : 1);
}

void *bmis__calloc(size_t n, size_t size) {
  if (size && n > SIZE_MAX / size)
    return NULL;
  size_t total = n * size;
  void *p = bmis__malloc(total);
  if (p)
    memset(p, 0, total ? total : 1);
  return p;
}

void *bmis__realloc(void *p, size_t size) {
  return current.realloc(current.ctx, p, size ? size : 1);
}

void bmis__free(void *p) {
  if (p)
    current.free(current.ctx, p);
}

char *bmis__strndup(const char *s, size_t n) {
  if (!s)
    return NULL;
  char *copy = bmis__malloc(n + 1);
  if (copy) {
    memcpy(copy, s, n);
    copy[n] = '\0';
  }
  return copy;
}

char *bmis__strdup(const char *s) {
  return s ? bmis__strndup(s, strlen(s)) : NULL;
}

/* The library's allocation functions, through the hook of bmis/alloc.h.
 * Every allocation of libbmis goes through these (tests/check_alloc.sh
 * checks that no other object calls malloc, calloc, realloc, free or strdup).
 * Sizes are checked for overflow; 0 bytes is asked for as 1, so a NULL
 * always means out of memory. */
#ifndef BMIS_BASE_ALLOC_H
#define BMIS_BASE_ALLOC_H

#include "bmis/alloc.h"

#include <stddef.h>

void *bmis__malloc(size_t size);
/* n elements of size bytes, zeroed; NULL when n * size overflows. */
void *bmis__calloc(size_t n, size_t size);
/* As realloc: NULL, with p still valid, when out of memory. */
void *bmis__realloc(void *p, size_t size);
void bmis__free(void *p);
/* A copy of s; NULL when out of memory (or s is NULL). */
char *bmis__strdup(const char *s);
/* A copy of the first n bytes of s and a NUL. */
char *bmis__strndup(const char *s, size_t n);

#endif

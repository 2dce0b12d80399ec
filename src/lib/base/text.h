/* Small text helpers shared inside the library. */
#ifndef BMIS_BASE_TEXT_H
#define BMIS_BASE_TEXT_H

#include <stdbool.h>
#include <string.h>

/* Copies src into dst[cap], cut to fit and NUL-terminated. Returns false
 * when src had to be cut. */
static inline bool bmis__copy(char *dst, size_t cap, const char *src) {
  size_t n = strlen(src);
  bool fits = n < cap;
  if (!fits)
    n = cap - 1;
  memcpy(dst, src, n);
  dst[n] = 0;
  return fits;
}

#endif

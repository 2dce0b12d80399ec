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

/* Copies stored text src into dst[cap] so that it always reads back as
 * text: each ill-formed UTF-8 sequence (a value an older version cut in the
 * middle of a character, say) becomes U+FFFD, and when src does not fit it
 * ends at a character boundary. For reading what the store holds, never
 * for accepting input (that is bmis_text_check: refused, not cut). Returns
 * false when src was changed or cut. */
/* The value of the n ASCII digits at s, or -1 when one is not a digit (dates
 * and instants read as text). */
int bmis__text_digits(const char *s, int n);

bool bmis__text_repair(char *dst, size_t cap, const char *src);

#endif

/* UTF-8 through ICU (see base/utf8.h). ICU's macros index with int32_t:
 * longer inputs are walked in windows of at most INT32_MAX bytes, which
 * holds any one character. */
#include "base/utf8.h"

#include "bmis/text.h"

#include <unicode/utf8.h>

int32_t bmis__utf8_next(const char *s, size_t n, size_t *i) {
  const uint8_t *p = (const uint8_t *)s + *i;
  size_t left = n - *i;
  int32_t len = left > INT32_MAX ? INT32_MAX : (int32_t)left, k = 0;
  UChar32 c;
  U8_NEXT(p, k, len, c);
  *i += (size_t)k;
  return c;
}

bool bmis__utf8_append(char *buf, size_t cap, size_t *i, int32_t cp) {
  if (*i > cap)
    return false;
  size_t room = cap - *i;
  uint8_t *p = (uint8_t *)buf + *i;
  int32_t k = 0, len = room > 4 ? 4 : (int32_t)room;
  bool bad = false;
  /* U8_APPEND refuses surrogates, values past U+10FFFF and what does not
   * fit; negative values are not code points. */
  if (cp < 0)
    return false;
  uint32_t c = (uint32_t)cp;
  U8_APPEND(p, k, len, c, bad);
  if (bad)
    return false;
  *i += (size_t)k;
  return true;
}

size_t bmis__utf8_prefix(const char *s, size_t n, size_t max) {
  if (n <= max)
    return n;
  /* Back from byte max to the start of the character holding it. */
  size_t from = max > 3 ? max - 3 : 0;
  const uint8_t *p = (const uint8_t *)s + from;
  int32_t k = (int32_t)(max - from);
  U8_SET_CP_START(p, 0, k);
  return from + (size_t)k;
}

size_t bmis_text_fit(const char *text, size_t max) {
  size_t n = 0;
  while (n <= max && text[n])
    n++;
  return bmis__utf8_prefix(text, n, max);
}

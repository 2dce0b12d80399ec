/* bmis_text_check and friends (include/bmis/text.h). UTF-8 is decoded with
 * ICU's U8_NEXT (DESIGN.md: a thin wrapper, not a decoder of our own). */
#include "bmis/text.h"

#include "base/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unicode/utf8.h>

static bool is_control(UChar32 c, unsigned flags) {
  if ((flags & BMIS_TEXT_LINES) && (c == '\t' || c == '\n' || c == '\r'))
    return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* The explicit bidirectional formatting characters: embeddings and
 * overrides (U+202A-U+202E) and isolates (U+2066-U+2069). They make text
 * display in another order than it is stored ("Trojan Source",
 * CVE-2021-42574): a desk, a name or a reason that reads one way on screen
 * and another in the record. Refused in every text. The implicit marks
 * U+200E, U+200F and U+061C stay allowed: they reorder nothing on their own
 * and Arabic or Hebrew text mixed with digits and Latin needs them. */
static bool is_bidi_control(UChar32 c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bmis_status bmis_text_check(const char *text, size_t max, unsigned flags,
                            const char *what, bmis_error *err) {
  if (!what)
    what = "text";
  if (!text || !text[0]) {
    if (flags & BMIS_TEXT_EMPTY_OK)
      return BMIS_OK;
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: missing", what);
  }
  /* Never read further than one byte past the limit. */
  size_t len = 0;
  while (len <= max && text[len])
    len++;
  if (len > max)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: longer than %zu bytes",
                          what, max);
  if (len > INT32_MAX)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: longer than %d bytes",
                          what, INT32_MAX);
  const uint8_t *s = (const uint8_t *)text;
  int32_t n = (int32_t)len, i = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "%s: not valid UTF-8 at byte %d", what, at + 1);
    if (is_control(c, flags))
      return bmis_error_set(
          err, BMIS_E_INVALID_ARG, "%s: control character U+%04X at byte %d%s",
          what, (unsigned)c, at + 1,
          flags & BMIS_TEXT_LINES ? "" : " (one line of text is expected)");
    if (is_bidi_control(c))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "%s: bidirectional control character U+%04X at "
                            "byte %d (it would display the text in another "
                            "order than it is stored)",
                            what, (unsigned)c, at + 1);
  }
  return BMIS_OK;
}

bmis_status bmis_text_copy(char *dst, size_t cap, const char *text,
                           unsigned flags, const char *what, bmis_error *err) {
  if (!dst || cap == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: nowhere to copy to",
                          what ? what : "text");
  dst[0] = 0;
  bmis_status st = bmis_text_check(text, cap - 1, flags, what, err);
  if (st != BMIS_OK || !text)
    return st;
  memcpy(dst, text, strlen(text) + 1);
  return BMIS_OK;
}

bmis_status bmis_text_check_field(const char *field, size_t size,
                                  unsigned flags, const char *what,
                                  bmis_error *err) {
  if (!field || size == 0)
    return bmis_text_check(NULL, 0, flags, what, err);
  if (!memchr(field, 0, size))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "%s: longer than %zu bytes",
                          what ? what : "text", size - 1);
  return bmis_text_check(field, size - 1, flags, what, err);
}

bool bmis__text_repair(char *dst, size_t cap, const char *src) {
  static const char fffd[] = "\xEF\xBF\xBD";
  if (!dst || cap == 0)
    return false;
  dst[0] = 0;
  if (!src)
    return true;
  size_t len = strlen(src), used = 0;
  bool same = true;
  const uint8_t *s = (const uint8_t *)src;
  int32_t n = len > INT32_MAX ? INT32_MAX : (int32_t)len, i = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const char *bytes = c < 0 ? fffd : src + at;
    size_t k = c < 0 ? 3 : (size_t)(i - at);
    if (c < 0)
      same = false;
    if (used + k >= cap)
      return false;
    memcpy(dst + used, bytes, k);
    used += k;
    dst[used] = 0;
  }
  return same && (size_t)n == len;
}

int bmis__text_digits(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

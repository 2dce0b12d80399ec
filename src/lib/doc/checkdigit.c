/* ICAO Doc 9303 Part 3 check digits: weights 7, 3, 1 repeating; digits count
 * their value, A-Z 10-35, the filler '<' 0; the sum modulo 10.
 * Also the character table the parser's hot loops use. */
#include "doc/mrz_internal.h"

/* clang-format off: these tables read best one row per line */
#define DIGITS(X)                                                              \
  X('0', 0)                                                                    \
  X('1', 1) X('2', 2) X('3', 3) X('4', 4) X('5', 5) X('6', 6) X('7', 7)        \
      X('8', 8) X('9', 9)
#define LETTERS(X, b)                                                          \
  X(b + 0, 10)                                                                 \
  X(b + 1, 11) X(b + 2, 12) X(b + 3, 13) X(b + 4, 14) X(b + 5, 15)             \
      X(b + 6, 16) X(b + 7, 17) X(b + 8, 18) X(b + 9, 19) X(b + 10, 20)        \
          X(b + 11, 21) X(b + 12, 22) X(b + 13, 23) X(b + 14, 24)              \
              X(b + 15, 25) X(b + 16, 26) X(b + 17, 27) X(b + 18, 28)          \
                  X(b + 19, 29) X(b + 20, 30) X(b + 21, 31) X(b + 22, 32)      \
                      X(b + 23, 33) X(b + 24, 34) X(b + 25, 35)
/* clang-format on */

/* Each byte's check-digit value in the low 6 bits, with class flags. */
#define MRZ(c, v) [c] = (uint8_t)(BMIS__CH_MRZ | (v)),
#define LOWER(c, v) [c] = (uint8_t)(BMIS__CH_LOWER | (v)),
const uint8_t bmis__mrz_chars[256] = {
    DIGITS(MRZ) LETTERS(MRZ, 'A') LETTERS(LOWER, 'a')['<'] = BMIS__CH_MRZ,
};
#undef MRZ
#undef LOWER

int bmis__mrz_char_value(unsigned char c) {
  uint8_t t = bmis__mrz_chars[c];
  return t ? (int)(t & BMIS__CH_VALUE) : -1;
}

int bmis__mrz_check_digit_lenient(const char *chars, size_t len) {
  /* Characters outside the set count 0 (they are reported on their own);
   * lower case counts as upper case, so one lower-case letter is reported
   * once, as itself, not also as a cascade of check-digit failures. */
  const unsigned char *p = (const unsigned char *)chars;
  unsigned sum = 0;
  size_t i = 0;
  for (; i + 3 <= len; i += 3)
    sum += 7u * (bmis__mrz_chars[p[i]] & BMIS__CH_VALUE) +
           3u * (bmis__mrz_chars[p[i + 1]] & BMIS__CH_VALUE) +
           (bmis__mrz_chars[p[i + 2]] & BMIS__CH_VALUE);
  if (i < len)
    sum += 7u * (bmis__mrz_chars[p[i]] & BMIS__CH_VALUE);
  if (i + 1 < len)
    sum += 3u * (bmis__mrz_chars[p[i + 1]] & BMIS__CH_VALUE);
  return (int)(sum % 10);
}

int bmis_mrz_check_digit(const char *chars, size_t len) {
  if (!chars)
    return -1;
  for (size_t i = 0; i < len; i++)
    if (!(bmis__mrz_chars[(unsigned char)chars[i]] & BMIS__CH_MRZ))
      return -1;
  return bmis__mrz_check_digit_lenient(chars, len);
}

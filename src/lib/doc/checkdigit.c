/* ICAO Doc 9303 Part 3 check digits: weights 7, 3, 1 repeating; digits count
 * their value, A-Z 10-35, the filler '<' 0; the sum modulo 10.
 * Also the character table the parser's hot loops use. */
#include "doc/mrz_internal.h"

/* Each byte's check-digit value in the low 6 bits, with class flags. */
enum { M = BMIS__CH_MRZ, L = BMIS__CH_LOWER };
const uint8_t bmis__mrz_chars[256] = {
    ['0'] = M | 0,  ['1'] = M | 1,  ['2'] = M | 2,  ['3'] = M | 3,
    ['4'] = M | 4,  ['5'] = M | 5,  ['6'] = M | 6,  ['7'] = M | 7,
    ['8'] = M | 8,  ['9'] = M | 9,  ['A'] = M | 10, ['B'] = M | 11,
    ['C'] = M | 12, ['D'] = M | 13, ['E'] = M | 14, ['F'] = M | 15,
    ['G'] = M | 16, ['H'] = M | 17, ['I'] = M | 18, ['J'] = M | 19,
    ['K'] = M | 20, ['L'] = M | 21, ['M'] = M | 22, ['N'] = M | 23,
    ['O'] = M | 24, ['P'] = M | 25, ['Q'] = M | 26, ['R'] = M | 27,
    ['S'] = M | 28, ['T'] = M | 29, ['U'] = M | 30, ['V'] = M | 31,
    ['W'] = M | 32, ['X'] = M | 33, ['Y'] = M | 34, ['Z'] = M | 35,
    ['a'] = L | 10, ['b'] = L | 11, ['c'] = L | 12, ['d'] = L | 13,
    ['e'] = L | 14, ['f'] = L | 15, ['g'] = L | 16, ['h'] = L | 17,
    ['i'] = L | 18, ['j'] = L | 19, ['k'] = L | 20, ['l'] = L | 21,
    ['m'] = L | 22, ['n'] = L | 23, ['o'] = L | 24, ['p'] = L | 25,
    ['q'] = L | 26, ['r'] = L | 27, ['s'] = L | 28, ['t'] = L | 29,
    ['u'] = L | 30, ['v'] = L | 31, ['w'] = L | 32, ['x'] = L | 33,
    ['y'] = L | 34, ['z'] = L | 35, ['<'] = M,
};

int bmis__mrz_char_value(unsigned char c) {
  uint8_t t = bmis__mrz_chars[c];
  return t ? (int)(t & BMIS__CH_VALUE) : -1;
}

unsigned bmis__mrz_weighted_sum(const char *chars, size_t len,
                                unsigned phase) {
  /* Characters outside the set count 0 (they are reported on their own);
   * lower case counts as upper case, so one lower-case letter is reported
   * once, as itself, not also as a cascade of check-digit failures. */
  static const unsigned weight[3] = {7, 3, 1};
  const unsigned char *p = (const unsigned char *)chars;
  unsigned sum = 0;
  size_t i = 0;
  for (; i < len && phase % 3 != 0; i++, phase++)
    sum += weight[phase % 3] * (bmis__mrz_chars[p[i]] & BMIS__CH_VALUE);
  for (; i + 3 <= len; i += 3)
    sum += 7u * (bmis__mrz_chars[p[i]] & BMIS__CH_VALUE) +
           3u * (bmis__mrz_chars[p[i + 1]] & BMIS__CH_VALUE) +
           (bmis__mrz_chars[p[i + 2]] & BMIS__CH_VALUE);
  if (i < len)
    sum += 7u * (bmis__mrz_chars[p[i]] & BMIS__CH_VALUE);
  if (i + 1 < len)
    sum += 3u * (bmis__mrz_chars[p[i + 1]] & BMIS__CH_VALUE);
  return sum;
}

int bmis__mrz_check_digit_lenient(const char *chars, size_t len) {
  return (int)(bmis__mrz_weighted_sum(chars, len, 0) % 10);
}

int bmis_mrz_check_digit(const char *chars, size_t len) {
  if (!chars)
    return -1;
  for (size_t i = 0; i < len; i++)
    if (!(bmis__mrz_chars[(unsigned char)chars[i]] & BMIS__CH_MRZ))
      return -1;
  return bmis__mrz_check_digit_lenient(chars, len);
}

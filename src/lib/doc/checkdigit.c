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

/* Check-digit value times 7 (at most 245: one byte). */
static const uint8_t times7[256] = {
    ['0'] = 0,   ['1'] = 7,   ['2'] = 14,  ['3'] = 21,  ['4'] = 28,
    ['5'] = 35,  ['6'] = 42,  ['7'] = 49,  ['8'] = 56,  ['9'] = 63,
    ['A'] = 70,  ['B'] = 77,  ['C'] = 84,  ['D'] = 91,  ['E'] = 98,
    ['F'] = 105, ['G'] = 112, ['H'] = 119, ['I'] = 126, ['J'] = 133,
    ['K'] = 140, ['L'] = 147, ['M'] = 154, ['N'] = 161, ['O'] = 168,
    ['P'] = 175, ['Q'] = 182, ['R'] = 189, ['S'] = 196, ['T'] = 203,
    ['U'] = 210, ['V'] = 217, ['W'] = 224, ['X'] = 231, ['Y'] = 238,
    ['Z'] = 245, ['a'] = 70,  ['b'] = 77,  ['c'] = 84,  ['d'] = 91,
    ['e'] = 98,  ['f'] = 105, ['g'] = 112, ['h'] = 119, ['i'] = 126,
    ['j'] = 133, ['k'] = 140, ['l'] = 147, ['m'] = 154, ['n'] = 161,
    ['o'] = 168, ['p'] = 175, ['q'] = 182, ['r'] = 189, ['s'] = 196,
    ['t'] = 203, ['u'] = 210, ['v'] = 217, ['w'] = 224, ['x'] = 231,
    ['y'] = 238, ['z'] = 245,
};

/* Check-digit value times 3. */
static const uint8_t times3[256] = {
    ['0'] = 0,   ['1'] = 3,   ['2'] = 6,  ['3'] = 9,  ['4'] = 12,  ['5'] = 15,
    ['6'] = 18,  ['7'] = 21,  ['8'] = 24, ['9'] = 27, ['A'] = 30,  ['B'] = 33,
    ['C'] = 36,  ['D'] = 39,  ['E'] = 42, ['F'] = 45, ['G'] = 48,  ['H'] = 51,
    ['I'] = 54,  ['J'] = 57,  ['K'] = 60, ['L'] = 63, ['M'] = 66,  ['N'] = 69,
    ['O'] = 72,  ['P'] = 75,  ['Q'] = 78, ['R'] = 81, ['S'] = 84,  ['T'] = 87,
    ['U'] = 90,  ['V'] = 93,  ['W'] = 96, ['X'] = 99, ['Y'] = 102, ['Z'] = 105,
    ['a'] = 30,  ['b'] = 33,  ['c'] = 36, ['d'] = 39, ['e'] = 42,  ['f'] = 45,
    ['g'] = 48,  ['h'] = 51,  ['i'] = 54, ['j'] = 57, ['k'] = 60,  ['l'] = 63,
    ['m'] = 66,  ['n'] = 69,  ['o'] = 72, ['p'] = 75, ['q'] = 78,  ['r'] = 81,
    ['s'] = 84,  ['t'] = 87,  ['u'] = 90, ['v'] = 93, ['w'] = 96,  ['x'] = 99,
    ['y'] = 102, ['z'] = 105,
};

/* Check-digit value (0 outside the set, like the filler). */
static const uint8_t times1[256] = {
    ['0'] = 0,  ['1'] = 1,  ['2'] = 2,  ['3'] = 3,  ['4'] = 4,  ['5'] = 5,
    ['6'] = 6,  ['7'] = 7,  ['8'] = 8,  ['9'] = 9,  ['A'] = 10, ['B'] = 11,
    ['C'] = 12, ['D'] = 13, ['E'] = 14, ['F'] = 15, ['G'] = 16, ['H'] = 17,
    ['I'] = 18, ['J'] = 19, ['K'] = 20, ['L'] = 21, ['M'] = 22, ['N'] = 23,
    ['O'] = 24, ['P'] = 25, ['Q'] = 26, ['R'] = 27, ['S'] = 28, ['T'] = 29,
    ['U'] = 30, ['V'] = 31, ['W'] = 32, ['X'] = 33, ['Y'] = 34, ['Z'] = 35,
    ['a'] = 10, ['b'] = 11, ['c'] = 12, ['d'] = 13, ['e'] = 14, ['f'] = 15,
    ['g'] = 16, ['h'] = 17, ['i'] = 18, ['j'] = 19, ['k'] = 20, ['l'] = 21,
    ['m'] = 22, ['n'] = 23, ['o'] = 24, ['p'] = 25, ['q'] = 26, ['r'] = 27,
    ['s'] = 28, ['t'] = 29, ['u'] = 30, ['v'] = 31, ['w'] = 32, ['x'] = 33,
    ['y'] = 34, ['z'] = 35,
};

unsigned bmis__mrz_weighted_sum(const char *chars, size_t len, unsigned phase) {
  /* Characters outside the set count 0 (they are reported on their own);
   * lower case counts as upper case, so one lower-case letter is reported
   * once, as itself, not also as a cascade of check-digit failures. */
  const unsigned char *p = (const unsigned char *)chars;
  unsigned sum = 0;
  size_t i = 0;
  if (phase == 1 && len >= 2) { /* start on a 3, then a 1 */
    sum = (unsigned)times3[p[0]] + times1[p[1]];
    i = 2;
  } else if (phase == 1 && len == 1) {
    return times3[p[0]];
  } else if (phase == 2 && len >= 1) { /* start on a 1 */
    sum = times1[p[0]];
    i = 1;
  }
  for (; i + 3 <= len; i += 3)
    sum += (unsigned)times7[p[i]] + times3[p[i + 1]] + times1[p[i + 2]];
  if (i < len)
    sum += times7[p[i]];
  if (i + 1 < len)
    sum += times3[p[i + 1]];
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

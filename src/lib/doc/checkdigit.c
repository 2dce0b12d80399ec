/* ICAO Doc 9303 Part 3 check digits: weights 7, 3, 1 repeating; digits count
 * their value, A-Z 10-35, the filler '<' 0; the sum modulo 10. */
#include "doc/mrz_internal.h"

int bmis__mrz_char_value(unsigned char c) {
  /* Lower-case letters get their upper-case value, so that a lower-case
   * character is reported once, as itself, not also as a cascade of
   * check-digit failures. */
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c == '<')
    return 0;
  return -1;
}

int bmis__mrz_check_digit_lenient(const char *chars, size_t len) {
  static const unsigned char weight[3] = {7, 3, 1};
  unsigned sum = 0;
  for (size_t i = 0; i < len; i++) {
    int v = bmis__mrz_char_value((unsigned char)chars[i]);
    sum += (unsigned)(v < 0 ? 0 : v) * weight[i % 3];
  }
  return (int)(sum % 10);
}

int bmis_mrz_check_digit(const char *chars, size_t len) {
  if (!chars)
    return -1;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)chars[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '<'))
      return -1;
  }
  return bmis__mrz_check_digit_lenient(chars, len);
}

/* Name keys for country look-up: case, accents, punctuation and spacing are
 * ignored, so "Côte d'Ivoire", "COTE D IVOIRE" and "cote-d'ivoire" share one
 * key. Shared by the library and the build-time generator that indexes
 * data/countries.tsv, so both sides always agree. */
#include "doc/country_key.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int bmis__country_name_key(const char *utf8, char *out, size_t cap) {
  UChar in16[256], nfd[512];
  UChar32 cps[512];
  UErrorCode ec = U_ZERO_ERROR;
  int32_t n16 = 0;
  if (cap == 0)
    return -1;
  u_strFromUTF8(in16, 256, &n16, utf8, -1, &ec);
  if (U_FAILURE(ec) || n16 >= 256)
    return -1;
  const UNormalizer2 *norm = unorm2_getNFDInstance(&ec);
  if (U_FAILURE(ec))
    return -1;
  int32_t nn = unorm2_normalize(norm, in16, n16, nfd, 512, &ec);
  if (U_FAILURE(ec) || nn >= 512)
    return -1;
  int32_t ncp = 0;
  u_strToUTF32(cps, 512, &ncp, nfd, nn, &ec);
  if (U_FAILURE(ec) || ncp >= 512)
    return -1;
  size_t len = 0;
  for (int32_t i = 0; i < ncp; i++) {
    UChar32 c = cps[i];
    if (c == '&') {
      if (len + 3 >= cap)
        return -1;
      out[len++] = 'a';
      out[len++] = 'n';
      out[len++] = 'd';
      continue;
    }
    if (u_charType(c) == U_NON_SPACING_MARK || !u_isalnum(c))
      continue;
    UChar32 lower = u_tolower(c);
    int32_t n8 = 0;
    if (len + 5 >= cap)
      return -1;
    UChar one[2];
    int32_t n1 = 0;
    u_strFromUTF32(one, 2, &n1, &lower, 1, &ec);
    u_strToUTF8(out + len, (int32_t)(cap - len - 1), &n8, one, n1, &ec);
    if (U_FAILURE(ec))
      return -1;
    len += (size_t)n8;
  }
  out[len] = '\0';
  return (int)len;
}

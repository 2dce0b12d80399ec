/* Names into MRZ characters (ICAO Doc 9303 Part 3, section 6): the ICAO
 * tables for Latin and Cyrillic letters (data/translit_icao.tsv); for other
 * Latin letters with diacritics, the base letter (ICU decomposition); spaces,
 * hyphens and commas become one filler; apostrophes and other punctuation
 * are dropped. */
#include "doc/mrz_internal.h"
#include "doc/translit_table.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#define NAME_MAX_UNITS 512

static int cmp_entry(const void *key, const void *e) {
  uint32_t k = *(const uint32_t *)key;
  uint32_t c = ((const bmis__translit_entry *)e)->code_point;
  return k < c ? -1 : k > c;
}

static bool is_separator(UChar32 c) {
  return c == ' ' || c == '-' || c == ',' || c == 0x2010 || c == 0x2011 ||
         c == 0x00A0 || u_isUWhiteSpace(c);
}

static bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
         c == 0x02BB || c == '`' || c == 0x00B4;
}

/* The base letters of c after decomposition, if they are all ASCII letters. */
static int decompose_ascii(UChar32 c, char *out, int cap) {
  UChar in[2], nfd[16];
  UChar32 cps[16];
  int32_t n = 0, ncp = 0;
  UErrorCode ec = U_ZERO_ERROR;
  u_strFromUTF32(in, 2, &n, &c, 1, &ec);
  const UNormalizer2 *norm = unorm2_getNFKDInstance(&ec);
  int32_t nn = U_SUCCESS(ec) ? unorm2_normalize(norm, in, n, nfd, 16, &ec) : 0;
  u_strToUTF32(cps, 16, &ncp, nfd, nn, &ec);
  if (U_FAILURE(ec))
    return -1;
  int len = 0;
  for (int32_t i = 0; i < ncp; i++) {
    UChar32 d = cps[i];
    if (u_charType(d) == U_NON_SPACING_MARK)
      continue;
    if (d >= 'a' && d <= 'z')
      d -= 32;
    if (d < 'A' || d > 'Z' || len >= cap)
      return -1;
    out[len++] = (char)d;
  }
  return len;
}

bmis_status bmis_mrz_transliterate(const char *utf8, char *out, size_t cap,
                                   bmis_error *err) {
  if (!utf8 || !out || cap == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no name or no output");
  UChar in16[NAME_MAX_UNITS], nfc[NAME_MAX_UNITS];
  UChar32 cps[NAME_MAX_UNITS];
  int32_t n16 = 0;
  UErrorCode ec = U_ZERO_ERROR;
  u_strFromUTF8(in16, NAME_MAX_UNITS, &n16, utf8, -1, &ec);
  if (ec == U_INVALID_CHAR_FOUND || ec == U_ILLEGAL_CHAR_FOUND)
    return bmis_error_set(err, BMIS_E_PARSE, "name is not valid UTF-8");
  if (U_FAILURE(ec) || n16 >= NAME_MAX_UNITS)
    return bmis_error_set(err, BMIS_E_TOO_LARGE, "name is too long");
  const UNormalizer2 *norm = unorm2_getNFCInstance(&ec);
  int32_t nn = U_SUCCESS(ec)
                   ? unorm2_normalize(norm, in16, n16, nfc, NAME_MAX_UNITS, &ec)
                   : 0;
  int32_t ncp = 0;
  if (U_SUCCESS(ec))
    u_strToUTF32(cps, NAME_MAX_UNITS, &ncp, nfc, nn, &ec);
  if (U_FAILURE(ec))
    return bmis_error_set(err, BMIS_E_TOO_LARGE, "name is too long");
  size_t len = 0;
  bool pending_filler = false;
  for (int32_t i = 0; i < ncp; i++) {
    UChar32 c = cps[i];
    char rep[8];
    int rl = 0;
    if (is_separator(c)) {
      pending_filler = len > 0;
      continue;
    }
    if (is_apostrophe(c))
      continue;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      rep[0] = (char)(c >= 'a' ? c - 32 : c);
      rl = 1;
    } else {
      uint32_t key = (uint32_t)c;
      const bmis__translit_entry *e =
          bsearch(&key, bmis__translit_table, bmis__translit_count,
                  sizeof bmis__translit_table[0], cmp_entry);
      if (e) {
        for (rl = 0; e->mrz[rl]; rl++)
          rep[rl] = e->mrz[rl];
      } else if (u_ispunct(c)) {
        continue; /* other punctuation is dropped */
      } else if ((rl = decompose_ascii(c, rep, (int)sizeof rep)) <= 0) {
        UChar one[2];
        char ch[8] = {0};
        int32_t n1 = 0, n8 = 0;
        UErrorCode e2 = U_ZERO_ERROR;
        u_strFromUTF32(one, 2, &n1, &c, 1, &e2);
        u_strToUTF8(ch, 7, &n8, one, n1, &e2);
        return bmis_error_set(err, BMIS_E_PARSE,
                              "no MRZ transliteration for '%s' (U+%04X) at "
                              "character %d of the name",
                              U_SUCCESS(e2) ? ch : "?", (unsigned)c,
                              (int)i + 1);
      }
    }
    if (rl == 0)
      continue; /* a letter the standard drops (Cyrillic soft sign) */
    if (len + (size_t)rl + (pending_filler ? 1 : 0) >= cap)
      return bmis_error_set(err, BMIS_E_BUFFER_SMALL, "name is too long");
    if (pending_filler)
      out[len++] = '<';
    pending_filler = false;
    for (int k = 0; k < rl; k++)
      out[len++] = rep[k];
  }
  out[len] = '\0';
  return BMIS_OK;
}

/* Is every byte of a line an MRZ character (A-Z, 0-9, '<')? The question
 * every document asks of every byte, so it has a vector version: SSE2 is
 * part of every x86-64 CPU and NEON of every 64-bit ARM one. The portable
 * version (table look-ups) serves elsewhere, and in builds configured with
 * BMIS_PORTABLE=ON, as the debug preset is, so that CI tests both. */
#include "doc/mrz_internal.h"

#if !defined(BMIS_NO_SIMD) && defined(__SSE2__)
#include <emmintrin.h>
#define BMIS__SIMD_SSE2 1
#elif !defined(BMIS_NO_SIMD) && defined(__aarch64__)
#include <arm_neon.h>
#define BMIS__SIMD_NEON 1
#endif

static bool all_chars_portable(const unsigned char *p, size_t n) {
  uint8_t all = BMIS__CH_MRZ;
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    all &= bmis__mrz_chars[p[i]] & bmis__mrz_chars[p[i + 1]] &
           bmis__mrz_chars[p[i + 2]] & bmis__mrz_chars[p[i + 3]];
  for (; i < n; i++)
    all &= bmis__mrz_chars[p[i]];
  return all & BMIS__CH_MRZ;
}

#if defined(BMIS__SIMD_SSE2)
/* 16 bytes: each in '0'-'9', 'A'-'Z' or '<'? (Bytes from 0x80 compare as
 * negative, so they fail every range.) */
static bool block_ok(const unsigned char *p) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
  __m128i filler = _mm_cmpeq_epi8(v, _mm_set1_epi8('<'));
  __m128i ok = _mm_or_si128(_mm_or_si128(digit, upper), filler);
  return _mm_movemask_epi8(ok) == 0xFFFF;
}
#elif defined(BMIS__SIMD_NEON)
static bool block_ok(const unsigned char *p) {
  uint8x16_t v = vld1q_u8(p);
  uint8x16_t digit = vcltq_u8(vsubq_u8(v, vdupq_n_u8('0')), vdupq_n_u8(10));
  uint8x16_t upper = vcltq_u8(vsubq_u8(v, vdupq_n_u8('A')), vdupq_n_u8(26));
  uint8x16_t filler = vceqq_u8(v, vdupq_n_u8('<'));
  return vminvq_u8(vorrq_u8(vorrq_u8(digit, upper), filler)) == 0xFF;
}
#endif

bool bmis__mrz_all_chars(const char *text, size_t n) {
  const unsigned char *p = (const unsigned char *)text;
#if defined(BMIS__SIMD_SSE2) || defined(BMIS__SIMD_NEON)
  if (n >= 16) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
      if (!block_ok(p + i))
        return false;
    /* The tail as one more block that overlaps the last. */
    return i == n || block_ok(p + n - 16);
  }
#endif
  return all_chars_portable(p, n);
}

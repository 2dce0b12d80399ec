/* UTF-8 inside the library: thin wrappers over ICU's U8_NEXT, U8_APPEND
 * and U8_SET_CP_START (DESIGN.md: not a decoder of our own). Every importer
 * decodes through these. */
#ifndef BMIS_BASE_UTF8_H
#define BMIS_BASE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The code point at s[*i] (s holds n bytes, *i < n), with *i moved past it.
 * 0 for a NUL byte; a negative value for an ill-formed sequence (an
 * overlong form, a surrogate, a value past U+10FFFF, a cut sequence), with
 * *i moved past its maximal ill-formed part. */
int32_t bmis__utf8_next(const char *s, size_t n, size_t *i);

/* Writes code point cp as UTF-8 at buf[*i] (buf holds cap bytes) and moves
 * *i past it. False, with nothing written, when cp is not a Unicode scalar
 * value or does not fit. Writes no NUL. */
bool bmis__utf8_append(char *buf, size_t cap, size_t *i, int32_t cp);

/* The length of the longest prefix of s (n bytes) of at most max bytes that
 * does not end inside a character. */
size_t bmis__utf8_prefix(const char *s, size_t n, size_t max);

#endif

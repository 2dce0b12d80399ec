/* The capped string builder (see base/strbuf.h). */
#include "base/strbuf.h"
#include "base/alloc.h"

#include "base/array.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bmis__strbuf_init(bmis__strbuf *b, size_t max) {
  memset(b, 0, sizeof *b);
  b->max = max;
}

static bmis_status room(bmis__strbuf *b, size_t n) {
  if (b->st != BMIS_OK)
    return b->st;
  if (n > b->max - b->len)
    return b->st = BMIS_E_TOO_LARGE;
  size_t want = b->len + n + 1;
  if (b->data && want <= b->alloc)
    return BMIS_OK;
  /* a first block that holds most texts whole (a key, an entry's JSON),
   * rather than doubling up from a few bytes */
  if (want < 256)
    want = 256;
  void *p = b->data;
  bmis_status st = bmis__grow(&p, &b->alloc, want, 1);
  if (st != BMIS_OK)
    return b->st = st;
  b->data = p;
  return BMIS_OK;
}

bmis_status bmis__strbuf_append_n(bmis__strbuf *b, const char *s, size_t n) {
  bmis_status st = room(b, n);
  if (st != BMIS_OK)
    return st;
  if (n)
    memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
  return BMIS_OK;
}

bmis_status bmis__strbuf_append(bmis__strbuf *b, const char *s) {
  return bmis__strbuf_append_n(b, s, strlen(s));
}

bmis_status bmis__strbuf_printf(bmis__strbuf *b, const char *fmt, ...) {
  if (b->st != BMIS_OK)
    return b->st;
  /* formatted once into the room there is; a second time only when it did
   * not fit */
  size_t free_bytes = b->data ? b->alloc - b->len : 0;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b->data ? b->data + b->len : NULL, free_bytes, fmt, ap);
  va_end(ap);
  if (n < 0) {
    if (b->data)
      b->data[b->len] = 0;
    return b->st = BMIS_E_INVALID_ARG;
  }
  if ((size_t)n >= free_bytes) {
    bmis_status st = room(b, (size_t)n);
    if (st != BMIS_OK) {
      if (b->data)
        b->data[b->len] = 0; /* what did not fit is not kept */
      return st;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
  } else if ((size_t)n > b->max - b->len) {
    b->data[b->len] = 0;
    return b->st = BMIS_E_TOO_LARGE;
  }
  b->len += (size_t)n;
  return BMIS_OK;
}

bmis_status bmis__strbuf_status(const bmis__strbuf *b) {
  return b->st;
}

const char *bmis__strbuf_text(const bmis__strbuf *b) {
  return b->data ? b->data : "";
}

char *bmis__strbuf_take(bmis__strbuf *b) {
  char *text = NULL;
  if (b->st == BMIS_OK)
    text = b->data ? b->data : bmis__calloc(1, 1);
  else
    bmis__free(b->data);
  bmis__strbuf_init(b, b->max);
  return text;
}

void bmis__strbuf_fini(bmis__strbuf *b) {
  bmis__free(b->data);
  bmis__strbuf_init(b, b->max);
}

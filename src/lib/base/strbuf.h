/* A capped string builder: text appended piece by piece, never more than
 * the cap fixed at init. Going over the cap (BMIS_E_TOO_LARGE) or out of
 * memory (BMIS_E_NOMEM) is an error every later call repeats, as a failed
 * bind in store/ is: the text is never silently cut, so a caller may append
 * several pieces and check once.
 *
 *   bmis__strbuf b;
 *   bmis__strbuf_init(&b, 4096);
 *   bmis__strbuf_append(&b, "line ");
 *   bmis__strbuf_printf(&b, "%d", 7);
 *   if (bmis__strbuf_status(&b) != BMIS_OK) ... // nothing half-built used
 *   char *text = bmis__strbuf_take(&b);        // the caller frees it
 */
#ifndef BMIS_BASE_STRBUF_H
#define BMIS_BASE_STRBUF_H

#include "bmis/status.h"

#include <stddef.h>

typedef struct bmis__strbuf {
  char *data;     /* len bytes and a NUL, or NULL while empty */
  size_t len;     /* bytes of text */
  size_t alloc;   /* bytes allocated */
  size_t max;     /* the cap: the most bytes of text, NUL not counted */
  bmis_status st; /* BMIS_OK, or the first failure */
} bmis__strbuf;

/* An empty builder that will hold at most max bytes of text. */
void bmis__strbuf_init(bmis__strbuf *b, size_t max);
/* Appends n bytes of s (NULs included; s may be NULL when n is 0). */
bmis_status bmis__strbuf_append_n(bmis__strbuf *b, const char *s, size_t n);
/* Appends the NUL-terminated s. */
bmis_status bmis__strbuf_append(bmis__strbuf *b, const char *s);
/* Appends printf-style formatted text. */
__attribute__((format(printf, 2, 3))) bmis_status
bmis__strbuf_printf(bmis__strbuf *b, const char *fmt, ...);
/* BMIS_OK, or the first failure (every call after it failed too). */
bmis_status bmis__strbuf_status(const bmis__strbuf *b);
/* The text so far ("" when empty); valid until the next append. */
const char *bmis__strbuf_text(const bmis__strbuf *b);
/* Hands the text to the caller (bmis__free() it): never NULL when the status is
 * BMIS_OK ("" is allocated then) unless memory ran out; NULL after a
 * failure. The builder is left
 * empty, with its cap, its status cleared. */
char *bmis__strbuf_take(bmis__strbuf *b);
/* Frees the text; the builder is empty again, with its cap. */
void bmis__strbuf_fini(bmis__strbuf *b);

#endif

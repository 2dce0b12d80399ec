/* Text that comes from outside (a reason, a note, a name) checked before it
 * is kept: valid UTF-8, no control characters where they make no sense, and
 * no longer than the place it goes to. Over-long text is refused, never cut:
 * a cut can split a UTF-8 sequence and leave a record that no longer reads
 * back (issue 12, defect 4). Every front end and every library writer uses
 * these, so the rule is the same for every client. */
#ifndef BMIS_TEXT_H
#define BMIS_TEXT_H

#include "bmis/export.h"
#include "bmis/status.h"

#include <stddef.h>

/* What bmis_text_check lets through besides printable text. */
enum {
  BMIS_TEXT_LINE = 0,    /* one line: no control character at all */
  BMIS_TEXT_LINES = 1,   /* a note: TAB, CR and LF allowed */
  BMIS_TEXT_EMPTY_OK = 2 /* "" is accepted (otherwise it is "missing") */
};

/* Checks that text (NUL-terminated) is well-formed UTF-8 (no overlong
 * forms, surrogates or bytes past U+10FFFF), holds no C0 or C1 control
 * character or DEL (BMIS_TEXT_LINES: but TAB, CR, LF), no explicit
 * bidirectional formatting character (U+202A-U+202E, U+2066-U+2069: they
 * make text display in another order than it is stored; the marks U+200E,
 * U+200F and U+061C are allowed), is at most max
 * bytes long and, unless BMIS_TEXT_EMPTY_OK, not empty. Otherwise
 * BMIS_E_INVALID_ARG with a message naming `what` and the limit ("reason:
 * longer than 512 bytes", "note: not valid UTF-8 at byte 17"). A NULL text
 * is "missing" (or OK with BMIS_TEXT_EMPTY_OK). */
BMIS_API bmis_status bmis_text_check(const char *text, size_t max,
                                     unsigned flags, const char *what,
                                     bmis_error *err);

/* bmis_text_check(text, cap - 1, ...), then copies text into dst[cap].
 * On error dst is left "" (never a part of text). */
BMIS_API bmis_status bmis_text_copy(char *dst, size_t cap, const char *text,
                                    unsigned flags, const char *what,
                                    bmis_error *err);

/* Checks a fixed-size text field of a struct a caller filled (char
 * field[size]): it must end within its size (a NUL in field[0..size-1]),
 * then as bmis_text_check with max = size - 1. For library writers, which
 * cannot trust that a front end checked. */
BMIS_API bmis_status bmis_text_check_field(const char *field, size_t size,
                                           unsigned flags, const char *what,
                                           bmis_error *err);

/* How many bytes of text, at most max, end on a character boundary: for
 * quoting input in a message with "%.*s" without cutting a UTF-8 sequence
 * (text need not be valid UTF-8; it must be NUL-terminated). */
BMIS_API size_t bmis_text_fit(const char *text, size_t max);

#endif

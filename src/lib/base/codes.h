/* One idiom for enum <-> text. Every coded list is an X-macro table in its
 * public header (X(NAME, "code") rows, append only); the enum and the texts
 * are both generated from it, and the to/from-text functions of every list
 * live in base/codes.c, below store/ and wire/, so that any module may name
 * a code without calling the module that owns the concept. */
#ifndef BMIS_BASE_CODES_H
#define BMIS_BASE_CODES_H

/* Row -> its text, for tables of two and three columns. */
#define BMIS__CODE_TEXT2(name, code) code,
#define BMIS__CODE_TEXT3(name, code, extra) code,

/* texts[first .. count-1] are the codes of values first .. count-1. The text
 * of value v, or NULL when v is outside them. */
const char *bmis__code_text(const char *const *texts, int count, int first,
                            int value);
/* The value whose code is text (exact, case-sensitive), or -1 when text is
 * NULL or none of them. */
int bmis__code_find(const char *const *texts, int count, int first,
                    const char *text);

#endif

/* Shared between wire/ and the library modules above it, without jansson:
 * the text forms the register stores, and the crossing an MRZ gives. */
#ifndef BMIS_WIRE_INTERNAL_H
#define BMIS_WIRE_INTERNAL_H

#include "bmis/doc.h"
#include "bmis/register.h"

/* The traveller and document of a crossing as an MRZ gives them (whatever
 * its findings: the caller decides whether they are good enough). */
void bmis__crossing_from_doc(const bmis_doc *doc, bmis_crossing *c);

/* A movement as the history keeps it: compact JSON with sorted members, a
 * string the caller frees with bmis__free(); NULL when out of memory. */
char *bmis__wire_movement_snapshot(const bmis_movement *m);

/* Rows of text cells (cells[row * cols + col]) as a compact JSON array of
 * arrays, an empty or NULL cell as null: how the store hands PostgreSQL a
 * batch in one statement. A string the caller frees with bmis__free(); NULL
 * when out of memory or when a cell is not UTF-8. */
char *bmis__wire_text_rows(const char *const *cells, size_t rows, size_t cols);

#endif

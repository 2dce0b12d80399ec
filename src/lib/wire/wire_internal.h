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
 * string the caller frees with free(); NULL when out of memory. */
char *bmis__wire_movement_snapshot(const bmis_movement *m);

#endif

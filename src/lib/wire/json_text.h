/* jansson's json_dumps, with the text allocated through the library's
 * allocator hook (base/alloc.h) instead of jansson's malloc: text the
 * library keeps or hands to a caller is freed with bmis__free / bmis_free
 * like every other block of libbmis. */
#ifndef BMIS_WIRE_JSON_TEXT_H
#define BMIS_WIRE_JSON_TEXT_H

#include <jansson.h>

/* As json_dumps(json, flags): the text (the caller frees it with
 * bmis__free), or NULL when json is NULL, cannot be encoded or memory ran
 * out. */
char *bmis__json_dumps(const json_t *json, size_t flags);

#endif

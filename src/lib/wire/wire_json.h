/* Internal to src/lib/wire: helpers the decoders share (they see jansson,
 * which nothing outside wire/ does). */
#ifndef BMIS_WIRE_JSON_H
#define BMIS_WIRE_JSON_H

#include <jansson.h>

/* The first member of object o whose name is not among names (NULL-ended),
 * or NULL when every member is known; each decoder words its own error. */
const char *bmis__wire_unknown_member(json_t *o, const char *const *names);

#endif

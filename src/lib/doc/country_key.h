/* Internal: the normalised key under which country names are indexed. */
#ifndef BMIS_DOC_COUNTRY_KEY_H
#define BMIS_DOC_COUNTRY_KEY_H

#include <stddef.h>

/* Writes the look-up key of a UTF-8 name into out (NUL-terminated): letters
 * and digits only, lower case, accents removed, '&' read as "and". Returns
 * the key's length, or -1 when the name is too long or not valid UTF-8. */
int bmis__country_name_key(const char *utf8, char *out, size_t cap);

#endif

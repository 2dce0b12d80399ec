/* The inspection's coded lists: trafficking indicators and the
 * alternatives to holding a refused minor. */
#include "bmis/inspect.h"

#include <string.h>

static const char *const trafficking_codes[] = {NULL,
#define X(n, c, t) c,
                                                BMIS_TRAFFICKING_TABLE(X)
#undef X
};
static const char *const trafficking_texts[] = {NULL,
#define X(n, c, t) t,
                                                BMIS_TRAFFICKING_TABLE(X)
#undef X
};

const char *bmis_trafficking_code(bmis_trafficking_indicator i) {
  return i > 0 && i < BMIS_TRAFFICKING_COUNT ? trafficking_codes[i] : NULL;
}

const char *bmis_trafficking_text(bmis_trafficking_indicator i) {
  return i > 0 && i < BMIS_TRAFFICKING_COUNT ? trafficking_texts[i] : NULL;
}

bmis_trafficking_indicator bmis_trafficking_parse(const char *code) {
  for (int i = 1; code && i < BMIS_TRAFFICKING_COUNT; i++)
    if (strcmp(trafficking_codes[i], code) == 0)
      return (bmis_trafficking_indicator)i;
  return BMIS_TRAFFICKING_NONE;
}

static const char *const alternative_codes[] = {NULL,
#define X(n, c) c,
                                                BMIS_MINOR_ALTERNATIVE_TABLE(X)
#undef X
};
enum { ALTERNATIVES = sizeof alternative_codes / sizeof alternative_codes[0] };

const char *bmis_minor_alternative_code(bmis_minor_alternative a) {
  return (int)a > 0 && (int)a < ALTERNATIVES ? alternative_codes[a] : NULL;
}

bmis_minor_alternative bmis_minor_alternative_parse(const char *code) {
  for (int i = 1; code && i < ALTERNATIVES; i++)
    if (strcmp(alternative_codes[i], code) == 0)
      return (bmis_minor_alternative)i;
  return BMIS_MINOR_ALTERNATIVE_NONE;
}

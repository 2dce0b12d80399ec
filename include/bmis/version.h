/* Library version. */
#ifndef BMIS_VERSION_H
#define BMIS_VERSION_H

#include "bmis/export.h"

/* Version of the library actually linked, e.g. "0.1.0". Static string. */
BMIS_API const char *bmis_version(void);

#endif

/* Library version, set by CMake from the project version. */
#include "bmis/version.h"

const char *bmis_version(void) {
  return BMIS_VERSION_STRING;
}

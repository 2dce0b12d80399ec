/* Symbol visibility for the public API.
 *
 * The library is compiled with -fvisibility=hidden; only declarations marked
 * BMIS_API are exported from libbmis.so. Internal symbols shared between the
 * library's files use the bmis__ prefix and stay hidden. */
#ifndef BMIS_EXPORT_H
#define BMIS_EXPORT_H

#if defined(BMIS_BUILDING_LIBRARY) && defined(__GNUC__)
#define BMIS_API __attribute__((visibility("default")))
#else
#define BMIS_API
#endif

#endif

/* Record ids: time-ordered UUIDs, made by whoever records, so that posts
 * working offline merge without collisions. (Declared here, below the
 * register, so that every layer may make and check them.) */
#ifndef BMIS_ID_H
#define BMIS_ID_H

#include "bmis/export.h"
#include "bmis/status.h"

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* A time-ordered UUID (RFC 9562 version 7) in its 36-character text form. */
#define BMIS_ID_SIZE 37

/* Writes a new version 7 UUID made at at_ms (Unix milliseconds: its first
 * 48 bits, then randomness) and a NUL into out. Ids strictly increase
 * within the process: one made at an instant not after the last id's gets
 * the last id plus one (RFC 9562 section 6.2, method 2). E_INVALID_ARG for
 * an instant before 1970 or past the 48 bits; E_INTERNAL when the kernel
 * gives no randomness. The library reads no clock: it passes the instant
 * of the change it records. */
BMIS_API bmis_status bmis_uuid_v7_at(int64_t at_ms, char out[BMIS_ID_SIZE],
                                     bmis_error *err);

/* bmis_uuid_v7_at now, from the system clock: for front ends. Inline, so
 * that the clock is read in the front end's code, never in the library. */
static inline bmis_status bmis_uuid_v7(char out[BMIS_ID_SIZE],
                                       bmis_error *err) {
  struct timespec ts;
  if (timespec_get(&ts, TIME_UTC) != TIME_UTC)
    ts.tv_sec = time(NULL), ts.tv_nsec = 0;
  return bmis_uuid_v7_at((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000, out,
                         err);
}

/* True when text is a UUID in canonical lower- or upper-case text form. */
BMIS_API bool bmis_uuid_is_valid(const char *text);

#endif

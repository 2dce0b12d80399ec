/* Time-ordered UUIDs (RFC 9562, version 7): 48 bits of Unix milliseconds,
 * then randomness. Ids made at different posts, offline, never collide, and
 * sort by creation time. The instant is the caller's (the library reads no
 * clock). Within one process ids strictly increase: when the instant given
 * is not after the last id's (the same millisecond, a second given without
 * its milliseconds, or a clock stepped back) the previous id plus one is
 * used, as RFC 9562 section 6.2 method 2 allows. */
#define _DEFAULT_SOURCE /* getrandom, strdup, posix_spawn */
#include "bmis/id.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned char last[16];
/* Randomness is drawn from the kernel a page at a time, not per id. After
 * a fork the child refills its own pool (pid check), so parent and child
 * never hand out the same bits. */
static unsigned char pool[4096];
static size_t pool_left;
static pid_t pool_pid;

static int take_random(unsigned char *out, size_t n) {
  if (pool_left < n || pool_pid != getpid()) {
    size_t got = 0;
    while (got < sizeof pool) {
      ssize_t r = getrandom(pool + got, sizeof pool - got, 0);
      if (r <= 0)
        return -1;
      got += (size_t)r;
    }
    pool_left = sizeof pool;
    pool_pid = getpid();
  }
  memcpy(out, pool + sizeof pool - pool_left, n);
  memset(pool + sizeof pool - pool_left, 0, n);
  pool_left -= n;
  return 0;
}

/* Adds one to the 74 random bits (rand_a and rand_b); 0 on overflow. */
static int increment(unsigned char u[16]) {
  for (int i = 15; i >= 6; i--) {
    if (i == 8) { /* variant bits: only the low 6 bits count */
      if ((u[8] & 0x3f) != 0x3f) {
        u[8]++;
        return 1;
      }
      u[8] &= 0xc0;
      continue;
    }
    if (i == 6) { /* version nibble: only the low 4 bits count */
      if ((u[6] & 0x0f) != 0x0f) {
        u[6]++;
        return 1;
      }
      return 0;
    }
    if (++u[i] != 0)
      return 1;
  }
  return 0;
}

bmis_status bmis_uuid_v7_at(int64_t at_ms, char out[BMIS_ID_SIZE],
                            bmis_error *err) {
  if (at_ms < 0 || at_ms >= (int64_t)1 << 48)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "id instant: %lld ms is outside 1970 to 10889",
                          (long long)at_ms);
  unsigned char u[16];
  pthread_mutex_lock(&lock);
  int rnd = take_random(u, sizeof u);
  pthread_mutex_unlock(&lock);
  if (rnd != 0)
    return bmis_error_set(err, BMIS_E_INTERNAL, "no randomness for an id");
  uint64_t ms = (uint64_t)at_ms;
  for (int i = 0; i < 6; i++)
    u[i] = (unsigned char)(ms >> (40 - 8 * i));
  u[6] = (unsigned char)(0x70 | (u[6] & 0x0f));
  u[8] = (unsigned char)(0x80 | (u[8] & 0x3f));
  pthread_mutex_lock(&lock);
  if (memcmp(u, last, 6) <= 0) {
    /* Same millisecond or a clock step back: continue from the last id. */
    memcpy(u, last, 16);
    if (!increment(u)) {
      pthread_mutex_unlock(&lock);
      return bmis_error_set(err, BMIS_E_INTERNAL, "id counter exhausted");
    }
  }
  memcpy(last, u, 16);
  pthread_mutex_unlock(&lock);
  snprintf(out, BMIS_ID_SIZE,
           "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
           "%02x%02x%02x%02x%02x%02x",
           u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10],
           u[11], u[12], u[13], u[14], u[15]);
  return BMIS_OK;
}

bool bmis_uuid_is_valid(const char *t) {
  if (!t || strlen(t) != 36)
    return false;
  for (int i = 0; i < 36; i++) {
    char c = t[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-')
        return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                 (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

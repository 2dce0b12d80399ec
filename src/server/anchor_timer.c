/* The audit log anchored from the server process (bmis serve --anchor-key
 * KEY --anchors FILE --anchor-every MIN): once at start, every MIN minutes,
 * and once more when the server stops, from a thread of its own with a
 * store handle of its own. The signing and the file are the library's
 * (bmis_audit_anchor_make, bmis_audit_anchor_append); this only keeps
 * time. */
#define _POSIX_C_SOURCE 200809L /* pthread_condattr_setclock */
#include "anchor_timer.h"

#include "bmis/audit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct srv_anchorer {
  bmis_store *store;
  bmis_audit_key *key;
  char anchors[1024];
  unsigned every_s;
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t wake;
  bool stopping;
  bool started; /* the thread runs */
};

/* One anchor now; what went wrong goes to the server's log (stderr): the
 * border keeps working when an anchor cannot be written. */
static void anchor_now(srv_anchorer *a) {
  bmis_audit_anchor an;
  bmis_error err;
  bmis_status st =
      bmis_audit_anchor_make(a->store, a->key, (int64_t)time(NULL), &an, &err);
  if (st == BMIS_OK)
    st = bmis_audit_anchor_append(a->anchors, &an, &err);
  if (st == BMIS_OK)
    fprintf(stderr, "bmis: audit log anchored at entry %lld in %s\n",
            (long long)an.seq, a->anchors);
  else if (!(st == BMIS_E_RULE && strstr(err.message, "empty")))
    fprintf(stderr, "bmis: the audit log could not be anchored: %s\n",
            err.message);
}

static void *run(void *arg) {
  srv_anchorer *a = arg;
  pthread_mutex_lock(&a->lock);
  while (!a->stopping) {
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += (time_t)a->every_s;
    int rc = 0;
    while (!a->stopping && rc == 0)
      rc = pthread_cond_timedwait(&a->wake, &a->lock, &until);
    if (a->stopping)
      break;
    pthread_mutex_unlock(&a->lock);
    anchor_now(a);
    pthread_mutex_lock(&a->lock);
  }
  pthread_mutex_unlock(&a->lock);
  return NULL;
}

bmis_status srv_anchorer_start(const char *store_url, const char *key_path,
                               const char *anchors, unsigned every_s,
                               srv_anchorer **out, bmis_error *err) {
  *out = NULL;
  if (!anchors || !anchors[0] || every_s == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "anchoring needs a key, a file and a period");
  srv_anchorer *a = calloc(1, sizeof *a);
  if (!a)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  snprintf(a->anchors, sizeof a->anchors, "%s", anchors);
  a->every_s = every_s;
  bmis_status st = bmis_audit_key_load(key_path, true, &a->key, err);
  if (st == BMIS_OK)
    st = bmis_store_open(store_url, NULL, &a->store, err);
  if (st != BMIS_OK) {
    bmis_audit_key_free(a->key);
    free(a);
    return st;
  }
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_cond_init(&a->wake, &ca);
  pthread_condattr_destroy(&ca);
  pthread_mutex_init(&a->lock, NULL);
  anchor_now(a); /* the head as the server finds it */
  a->started = pthread_create(&a->thread, NULL, run, a) == 0;
  if (!a->started) {
    srv_anchorer_stop(a); /* frees what there is */
    return bmis_error_set(err, BMIS_E_INTERNAL, "no anchoring thread");
  }
  *out = a;
  return BMIS_OK;
}

void srv_anchorer_stop(srv_anchorer *a) {
  if (!a)
    return;
  if (a->started) {
    pthread_mutex_lock(&a->lock);
    a->stopping = true;
    pthread_cond_signal(&a->wake);
    pthread_mutex_unlock(&a->lock);
    pthread_join(a->thread, NULL);
    anchor_now(a); /* the head as the server leaves it */
  }
  pthread_cond_destroy(&a->wake);
  pthread_mutex_destroy(&a->lock);
  bmis_store_close(a->store);
  bmis_audit_key_free(a->key);
  free(a);
}

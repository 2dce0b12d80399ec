/* The audit log anchored on a schedule from the server (anchor_timer.c). */
#ifndef BMIS_SERVER_ANCHOR_TIMER_H
#define BMIS_SERVER_ANCHOR_TIMER_H

#include "bmis/status.h"

typedef struct srv_anchorer srv_anchorer;

/* Loads the private key (errors as bmis_audit_key_load), opens a store
 * handle of its own, anchors once (an empty log is skipped; any other
 * failure is written to stderr, and serving goes on), then every every_s
 * seconds from a thread. Freed by srv_anchorer_stop. */
bmis_status srv_anchorer_start(const char *store_url, const char *key_path,
                               const char *anchors, unsigned every_s,
                               srv_anchorer **out, bmis_error *err);

/* Stops the thread, anchors once more (the head as the server leaves it)
 * and frees a. NULL is accepted. */
void srv_anchorer_stop(srv_anchorer *a);

#endif

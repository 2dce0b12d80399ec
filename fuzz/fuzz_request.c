/* Fuzz target for the request bodies the server decodes (the wire layer,
 * include/bmis/wire.h and include/bmis/inspect.h): every decoder of a body
 * is fed the same bytes, exactly `size` of them with nothing after, so ASan
 * sees a read past the end: an inspection request, a decision, protection
 * answers, a crossing and a movement (a correction's "set"). No store is
 * opened: none of them needs one.
 *
 * Besides memory errors, the target aborts when a result breaks a promise:
 * the status is OK, E_PARSE, E_INVALID_ARG or E_NOMEM; a failure carries a
 * non-empty, terminated message; the same input gives the same status a
 * second time; and a movement or crossing decoded successfully, encoded
 * and decoded again, encodes to the same JSON. */
#include "fuzz_target.h"

#include "bmis/inspect.h"
#include "bmis/wire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void require(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_request: broken invariant: %s\n", what);
    abort();
  }
}

static void check_status(bmis_status st, const bmis_error *err,
                         const char *who) {
  require(st == BMIS_OK || st == BMIS_E_PARSE || st == BMIS_E_INVALID_ARG ||
              st == BMIS_E_NOMEM,
          who);
  if (st != BMIS_OK) {
    require(memchr(err->message, '\0', sizeof err->message) != NULL, who);
    require(err->message[0] != '\0', who);
  }
}

/* A decoded crossing written and read back is the same crossing: compared
 * through its encoding, since a text member given after the "mrz" leaves
 * the MRZ's longer text behind its terminator, which nobody reads. */
static void crossing_again(const bmis_crossing *c) {
  json_t *j = bmis_wire_crossing(c);
  if (!j)
    return; /* out of memory */
  bmis_crossing *back = malloc(sizeof *back);
  require(back != NULL, "malloc");
  bmis_error err = {0};
  bmis_status st = bmis_wire_crossing_decode(j, back, &err);
  require(st == BMIS_OK, "an encoded crossing does not decode");
  json_t *again = bmis_wire_crossing(back);
  require(!again || json_equal(j, again),
          "a crossing read back differs from what was written");
  json_decref(again);
  json_decref(j);
  free(back);
}

static void movement_again(const bmis_movement *m) {
  json_t *j = bmis_wire_movement(m);
  if (!j)
    return;
  bmis_movement *back = calloc(1, sizeof *back);
  require(back != NULL, "calloc");
  bmis_error err = {0};
  bmis_status st = bmis_wire_movement_decode(j, back, &err);
  json_decref(j);
  require(st == BMIS_OK, "an encoded movement does not decode");
  json_t *a = bmis_wire_movement(m), *b = bmis_wire_movement(back);
  require(!a || !b || json_equal(a, b), "a movement read back differs");
  json_decref(a);
  json_decref(b);
  free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* Exactly size bytes, so a read past the end is ASan's to see. */
  char *text = malloc(size ? size : 1);
  require(text != NULL, "malloc");
  if (size)
    memcpy(text, data, size);
  bmis_error err;

  bmis_inspection_request *rq = malloc(sizeof *rq);
  require(rq != NULL, "malloc");
  memset(&err, 0, sizeof err);
  bmis_status st = bmis_inspection_request_from_json(text, size, rq, &err);
  check_status(st, &err, "inspection request");
  require(bmis_inspection_request_from_json(text, size, rq, NULL) == st,
          "inspection request: another status a second time");
  free(rq);

  bmis_inspection_decision *d = malloc(sizeof *d);
  require(d != NULL, "malloc");
  memset(&err, 0, sizeof err);
  st = bmis_inspection_decision_from_json(text, size, d, &err);
  check_status(st, &err, "decision");
  free(d);

  bmis_protection p;
  memset(&err, 0, sizeof err);
  st = bmis_protection_from_json(text, size, &p, &err);
  check_status(st, &err, "protection");

  bmis_crossing *c = malloc(sizeof *c);
  require(c != NULL, "malloc");
  memset(&err, 0, sizeof err);
  st = bmis_crossing_from_json(text, size, c, &err);
  check_status(st, &err, "crossing");
  if (st == BMIS_OK)
    crossing_again(c);
  free(c);

  bmis_movement *m = calloc(1, sizeof *m);
  require(m != NULL, "calloc");
  memset(&err, 0, sizeof err);
  st = bmis_movement_from_json(text, size, m, &err);
  check_status(st, &err, "movement");
  if (st == BMIS_OK)
    movement_again(m);
  free(m);

  free(text);
  return 0;
}

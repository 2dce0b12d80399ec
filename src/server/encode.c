/* What several handlers write alike: a traveller, a movement, the change
 * an actor makes (see http.h). */
#include "http.h"

#include "bmis/text.h"
#include "bmis/wire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

json_t *srv_traveller_json(const bmis_traveller *t) {
  json_t *o = bmis_wire_traveller(t);
  return o ? o : json_null();
}

json_t *srv_movement_json(const bmis_movement *m) {
  json_t *o = bmis_wire_movement(m);
  return o ? o : json_null();
}

bool srv_change(const srv_request *rq, const char *reason, bmis_change *out,
                srv_reply *rp) {
  memset(out, 0, sizeof *out);
  snprintf(out->by, sizeof out->by, "%s", rq->actor.username);
  out->at = (int64_t)time(NULL);
  bmis_error err;
  if (bmis_text_copy(out->reason, sizeof out->reason, reason,
                     BMIS_TEXT_LINES | BMIS_TEXT_EMPTY_OK, "reason",
                     &err) == BMIS_OK)
    return true;
  srv_reply_status(rp, &err);
  return false;
}

/* GET /api/audit/verify: whether the audit log's hash chain holds. */
#include "routes.h"

#include "bmis/audit.h"
#include "bmis/wire.h"

void api_audit_verify(const srv_request *rq, srv_reply *rp) {
  bmis_audit_verdict v;
  bmis_error err;
  if (bmis_audit_verify(rq->store, &v, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  rp->status = 200;
  rp->json = bmis_wire_audit_verdict(&v);
}

/* POST /api/watchlists/reload: lists imported since the start (or the last
 * reload) are screened from now on. */
void api_lists_reload(const srv_request *rq, srv_reply *rp) {
  static const char *const none[] = {NULL};
  json_t *in = NULL;
  /* no body, or an empty object: anything else is not understood */
  if (rq->body_len && !srv_json_object(rq, rp, none, &in))
    return;
  json_decref(in);
  size_t entries = 0;
  bmis_error err;
  if (srv_reload_lists((srv *)rq->server, &entries, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  rp->json = json_pack("{s:s, s:I}", "status", "reloaded", "entries",
                       (json_int_t)entries);
  if (srv_audit(rq, rp, "watchlists.reload", "watchlists"))
    rp->status = 200;
}

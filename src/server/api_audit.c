/* GET /api/audit/verify: whether the audit log's hash chain holds. */
#include "http.h"

#include "bmis/audit.h"

void api_audit_verify(const srv_request *rq, srv_reply *rp);

void api_audit_verify(const srv_request *rq, srv_reply *rp) {
  bmis_audit_verdict v;
  bmis_error err;
  if (bmis_audit_verify(rq->store, &v, &err) != BMIS_OK) {
    srv_reply_status(rp, &err);
    return;
  }
  rp->status = 200;
  rp->json = json_pack("{s:b, s:I, s:I, s:s}", "ok", v.ok, "entries",
                       (json_int_t)v.entries, "bad_seq", (json_int_t)v.bad_seq,
                       "problem", v.problem);
}

/* GET /api/health: the server is up (a liveness check: it does not query
 * the store, which may be large; the store was opened at start). */
#include "routes.h"
#include "server_internal.h"

#include "bmis/version.h"

void api_health(const srv_request *rq, srv_reply *rp) {
  rp->status = 200;
  rp->json = json_pack("{s:s, s:s, s:s}", "status", "ok", "version",
                       bmis_version(), "store", srv_store_kind(rq->server));
}

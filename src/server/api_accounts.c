/* GET /api/accounts: every account (administrators only); no password
 * hash ever leaves the library. */
#include "http.h"

void api_accounts(const srv_request *rq, srv_reply *rp);

static int add_account(const bmis_account *a, void *ctx) {
  json_array_append_new(
      ctx,
      json_pack("{s:s, s:s, s:s, s:b, s:s, s:I, s:I}", "username", a->username,
                "name", a->display_name, "role", bmis_role_name(a->role),
                "disabled", a->disabled, "default_bcp", a->default_bcp,
                "created_at", (json_int_t)a->created_at, "updated_at",
                (json_int_t)a->updated_at));
  return 0;
}

void api_accounts(const srv_request *rq, srv_reply *rp) {
  json_t *list = json_array();
  bmis_error err;
  if (bmis_account_list(rq->store, add_account, list, &err) != BMIS_OK) {
    json_decref(list);
    srv_reply_status(rp, &err);
    return;
  }
  rp->status = 200;
  rp->json = json_pack("{s:o}", "accounts", list);
}

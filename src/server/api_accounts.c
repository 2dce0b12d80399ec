/* Accounts (administrators only): GET /api/accounts, POST /api/accounts,
 * POST /api/accounts/{username}. No password hash ever leaves the library;
 * every change is in the audit log. */
#include "routes.h"

#include "bmis/text.h"
#include "bmis/wire.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static json_t *account_json(const bmis_account *a) {
  json_t *o = bmis_wire_account(a);
  return o ? o : json_null();
}

static int add_account(const bmis_account *a, void *ctx) {
  json_array_append_new(ctx, account_json(a));
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
  rp->json = json_pack("{s:o}", "accounts", list);
  if (srv_audit(rq, rp, "account.list", "accounts"))
    rp->status = 200;
}

static void copy(char *dst, size_t cap, const char *src) {
  snprintf(dst, cap, "%s", src ? src : "");
}

void api_account_add(const srv_request *rq, srv_reply *rp) {
  static const char *const allowed[] = {
      "username", "name", "role", "password", "default_bcp", "bcps", NULL};
  json_t *in;
  const char *user, *name, *role, *password, *bcp, *bcps;
  if (!srv_json_object(rq, rp, allowed, &in))
    return;
  if (srv_json_string(in, "username", true, rp, &user) &&
      srv_json_string(in, "name", true, rp, &name) &&
      srv_json_string(in, "role", true, rp, &role) &&
      srv_json_string(in, "password", true, rp, &password) &&
      srv_json_string(in, "default_bcp", false, rp, &bcp) &&
      srv_json_string(in, "bcps", false, rp, &bcps)) {
    bmis_account a;
    bmis_error err;
    memset(&a, 0, sizeof a);
    if (strlen(user) >= sizeof a.username ||
        (bcp && strlen(bcp) >= sizeof a.default_bcp) ||
        (bcps && strlen(bcps) >= sizeof a.bcps)) {
      srv_fail(rp, BMIS_E_INVALID_ARG,
               "username, default_bcp or bcps: too long");
      json_decref(in);
      return;
    }
    /* the name is refused, never cut (issue 12, defect 4) */
    if (bmis_text_copy(a.display_name, sizeof a.display_name, name,
                       BMIS_TEXT_LINE, "name", &err) != BMIS_OK) {
      srv_reply_status(rp, &err);
      json_decref(in);
      return;
    }
    copy(a.username, sizeof a.username, user);
    copy(a.default_bcp, sizeof a.default_bcp, bcp);
    copy(a.bcps, sizeof a.bcps, bcps);
    a.role = bmis_role_from_name(role);
    char record[97];
    snprintf(record, sizeof record, "account:%s", a.username);
    if (!a.role)
      srv_fail(rp, BMIS_E_INVALID_ARG,
               "role: must be officer, supervisor, analyst or "
               "administrator");
    else if (bmis_store_begin(rq->store, &err) != BMIS_OK ||
             bmis_account_add(rq->store, &a, password, (int64_t)time(NULL),
                              &err) != BMIS_OK ||
             bmis_account_get(rq->store, a.username, &a, &err) != BMIS_OK) {
      bmis_store_rollback(rq->store);
      srv_reply_status(rp, &err);
    } else if (srv_audit(rq, rp, "account.add", record)) {
      if (bmis_store_commit(rq->store, &err) != BMIS_OK)
        srv_reply_status(rp, &err);
      else {
        rp->status = 201;
        rp->json = account_json(&a);
      }
    } else {
      bmis_store_rollback(rq->store);
    }
  }
  json_decref(in);
}

/* The audit action of a change: one word for one kind of change. */
static const char *change_action(bool password, json_t *dis, bool scope) {
  if (password + (dis != NULL) + scope > 1)
    return "account.change";
  return password                   ? "account.passwd"
         : dis && json_is_true(dis) ? "account.disable"
         : dis                      ? "account.enable"
         : scope                    ? "account.set"
                                    : "account.read";
}

/* Every change ends the sessions it must (the library does: a new
 * password, a disable, a new role or crossing points). */
void api_account_change(const srv_request *rq, srv_reply *rp) {
  static const char *const allowed[] = {
      "password", "disabled", "role", "bcps", "default_bcp", "name", NULL};
  json_t *in;
  const char *password, *role;
  bmis_account_change c = {BMIS_ROLE_NONE, NULL, NULL, NULL};
  if (!srv_json_object(rq, rp, allowed, &in))
    return;
  json_t *dis = json_object_get(in, "disabled");
  if (dis && !json_is_boolean(dis)) {
    srv_fail(rp, BMIS_E_INVALID_ARG, "disabled: must be true or false");
  } else if (srv_json_string(in, "password", false, rp, &password) &&
             srv_json_string(in, "role", false, rp, &role) &&
             srv_json_string(in, "bcps", false, rp, &c.bcps) &&
             srv_json_string(in, "default_bcp", false, rp, &c.default_bcp) &&
             srv_json_string(in, "name", false, rp, &c.display_name)) {
    bmis_error err;
    bmis_account a;
    char record[97];
    snprintf(record, sizeof record, "account:%.80s", rq->params[0]);
    bool scope = role || c.bcps || c.default_bcp || c.display_name;
    if (role && !(c.role = bmis_role_from_name(role))) {
      srv_fail(rp, BMIS_E_INVALID_ARG,
               "role: must be officer, supervisor, analyst or "
               "administrator");
      json_decref(in);
      return;
    }
    bmis_status st = bmis_store_begin(rq->store, &err);
    if (st == BMIS_OK && scope)
      st = bmis_account_update(rq->store, rq->params[0], &c,
                               (int64_t)time(NULL), NULL, &err);
    if (st == BMIS_OK && password)
      st = bmis_account_set_password(rq->store, rq->params[0], password,
                                     (int64_t)time(NULL), &err);
    if (st == BMIS_OK && dis)
      st =
          bmis_account_set_disabled(rq->store, rq->params[0], json_is_true(dis),
                                    (int64_t)time(NULL), &err);
    if (st == BMIS_OK)
      st = bmis_account_get(rq->store, rq->params[0], &a, &err);
    if (st != BMIS_OK) {
      bmis_store_rollback(rq->store);
      srv_reply_status(rp, &err);
    } else if (!srv_audit(rq, rp, change_action(password, dis, scope),
                          record)) {
      bmis_store_rollback(rq->store);
    } else if (bmis_store_commit(rq->store, &err) != BMIS_OK) {
      srv_reply_status(rp, &err);
    } else {
      rp->status = 200;
      rp->json = account_json(&a);
    }
  }
  json_decref(in);
}

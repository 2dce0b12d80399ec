/* The second person: a supervisor confirms or rejects a dismissal that
 * waits for one (screen/disposition.c decides which do). The review and its
 * audit entry commit together. */
#include "inspect/inspect_internal.h"

#include "audit/audit_internal.h"
#include "store/repo.h"

#include "bmis/audit.h"
#include "bmis/text.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool blank(const char *s) {
  for (; *s; s++)
    if (!isspace((unsigned char)*s))
      return false;
  return true;
}

bmis_status bmis_disposition_review(bmis_store *s, const char *id,
                                    bmis_review decision, const char *reason,
                                    const bmis_actor *actor, int64_t at,
                                    bmis_hit_disposition *out,
                                    bmis_error *err) {
  if (!s || !id || !actor)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store, id or actor");
  if (decision != BMIS_REVIEW_CONFIRMED && decision != BMIS_REVIEW_REJECTED)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "decision: must be confirm or reject");
  if (!reason || blank(reason))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "reason: say why the dismissal is %s",
                          bmis_review_code(decision));
  bmis_hit_disposition d;
  /* UTF-8, no control character but line breaks, at most the field: as
   * the dismissal's own reason (screen/disposition.c) and every reason. */
  bmis_status st = bmis_text_check(reason, sizeof d.review_reason - 1,
                                   BMIS_TEXT_LINES, "reason", err);
  if (st != BMIS_OK)
    return st;
  if (at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "at: the time of the review is required");
  char record[97];
  snprintf(record, sizeof record, "disposition:%.80s", id);
  if (strcmp(actor->role, "supervisor") != 0)
    return bmis__audit_refusal(
        s, actor, at, "hit.review", record,
        bmis_error_set(err, BMIS_E_FORBIDDEN,
                       "only a supervisor confirms or rejects a dismissal"));
  st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  char hash[33];
  st = bmis__disposition_get(s, id, &d, hash, err);
  if (st == BMIS_OK && snprintf(d.entry_key, sizeof d.entry_key, "%s/%s",
                                d.list, d.ref) >= (int)sizeof d.entry_key)
    d.entry_key[sizeof d.entry_key - 1] = 0;
  /* Where the dismissal was made: a supervisor of another crossing point
   * neither sees it in the queue nor reviews it, nor learns
   * whether it is still pending (a dismissal with no
   * crossing point: an account with every one). */
  if (st == BMIS_OK && !actor->all_bcps &&
      (!d.bcp[0] || strcmp(d.bcp, actor->bcp) != 0))
    st = bmis_error_set(err, BMIS_E_FORBIDDEN,
                        "disposition %.40s belongs to crossing point %s; this "
                        "session works at %s",
                        id, d.bcp[0] ? d.bcp : "none",
                        actor->bcp[0] ? actor->bcp : "none");
  if (st == BMIS_OK && d.review != BMIS_REVIEW_PENDING)
    st = d.review == BMIS_REVIEW_NONE
             ? bmis_error_set(err, BMIS_E_CONFLICT,
                              "disposition %.40s applied when it was made: "
                              "it awaits no review",
                              id)
             : bmis_error_set(err, BMIS_E_CONFLICT,
                              "disposition %.40s was %s already, by %s", id,
                              bmis_review_code(d.review), d.reviewed_by);
  if (st == BMIS_OK && strcmp(d.by, actor->username) == 0)
    st = bmis_error_set(err, BMIS_E_RULE,
                        "%s made this dismissal: another supervisor must "
                        "review it (a second person)",
                        d.by);
  if (st == BMIS_OK) {
    d.review = decision;
    snprintf(d.reviewed_by, sizeof d.reviewed_by, "%s", actor->username);
    snprintf(d.review_role, sizeof d.review_role, "%s", actor->role);
    snprintf(d.review_reason, sizeof d.review_reason, "%s", reason);
    d.reviewed_at = at;
    st = bmis__disposition_review(s, &d, err);
  }
  if (st == BMIS_OK) {
    char detail[257];
    snprintf(detail, sizeof detail, "%s the dismissal by %s of %s",
             bmis_review_code(decision), d.by,
             d.entry_key[0] ? d.entry_key : d.list);
    st = bmis__audit_access(s, actor, at, "hit.review", record, "ok", detail,
                            err);
  }
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else {
    bmis__tx_rollback(s);
    return bmis__audit_refusal(s, actor, at, "hit.review", record, st);
  }
  if (st == BMIS_OK && out)
    *out = d;
  return st;
}

bmis_status bmis_disposition_queue(bmis_store *s, bmis_review review,
                                   const bmis_actor *actor, int64_t at,
                                   bmis_disposition_fn fn, void *ctx,
                                   bmis_error *err) {
  if (!actor)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no actor");
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__audit_access(s, actor, at, "disposition.list",
                          bmis_review_code(review), "ok", NULL, err);
  /* A session at no crossing point sees nothing ("" never matches a
   * dismissal it could review). */
  if (st == BMIS_OK && (actor->all_bcps || actor->bcp[0]))
    st = bmis_disposition_list(s, review, actor->all_bcps ? NULL : actor->bcp,
                               fn, ctx, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

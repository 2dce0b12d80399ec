/* The routing table (see routes.h). Handlers live one file per resource
 * (api_*.c). */
#include "routes.h"

#include <stdio.h>
#include <string.h>

void api_health(const srv_request *rq, srv_reply *rp);
void api_openapi(const srv_request *rq, srv_reply *rp);
void api_login(const srv_request *rq, srv_reply *rp);
void api_logout(const srv_request *rq, srv_reply *rp);
void api_session(const srv_request *rq, srv_reply *rp);
void api_accounts(const srv_request *rq, srv_reply *rp);
void api_account_add(const srv_request *rq, srv_reply *rp);
void api_account_change(const srv_request *rq, srv_reply *rp);
void api_lockouts(const srv_request *rq, srv_reply *rp);
void api_lockout_clear(const srv_request *rq, srv_reply *rp);
void api_reference(const srv_request *rq, srv_reply *rp);
void api_inspection_create(const srv_request *rq, srv_reply *rp);
void api_inspection_get(const srv_request *rq, srv_reply *rp);
void api_inspection_hit(const srv_request *rq, srv_reply *rp);
void api_inspection_decide(const srv_request *rq, srv_reply *rp);
void api_inspection_protect(const srv_request *rq, srv_reply *rp);
void api_movement_notice(const srv_request *rq, srv_reply *rp);
void api_referrals(const srv_request *rq, srv_reply *rp);
void api_referral_outcome(const srv_request *rq, srv_reply *rp);
void api_travellers(const srv_request *rq, srv_reply *rp);
void api_traveller(const srv_request *rq, srv_reply *rp);
void api_statistics(const srv_request *rq, srv_reply *rp);
void api_audit_verify(const srv_request *rq, srv_reply *rp);
void api_lists_reload(const srv_request *rq, srv_reply *rp);
void api_movement_get(const srv_request *rq, srv_reply *rp);
void api_movement_correct(const srv_request *rq, srv_reply *rp);
void api_movement_void(const srv_request *rq, srv_reply *rp);
void api_identity_links(const srv_request *rq, srv_reply *rp);
void api_identity_decide(const srv_request *rq, srv_reply *rp);
void api_dispositions(const srv_request *rq, srv_reply *rp);
void api_disposition_review(const srv_request *rq, srv_reply *rp);

#define SRV_ANY_ROLE                                                           \
  (SRV_OFFICER | SRV_SUPERVISOR | SRV_ANALYST | SRV_ADMINISTRATOR)
/* Those who work with travellers' personal data. */
#define SRV_DESK (SRV_OFFICER | SRV_SUPERVISOR)

const srv_route srv_routes[] = {
    {"GET", "/api/health", SRV_PUBLIC, api_health,
     "Whether the server is up, and the kind of store it serves",
     "{\"status\": \"ok\", \"version\": string, \"store\": string}"},
    {"GET", "/api/openapi.json", SRV_PUBLIC, api_openapi,
     "This API described as OpenAPI 3.0", "the OpenAPI document"},
    {"POST", "/api/login", SRV_PUBLIC, api_login,
     "Log in: {username, password, bcp?, desk?} gives a bearer token; an "
     "unknown bcp is 400, one the account may not work at 403, too many "
     "failures (by client and by name) 429",
     "{\"token\", \"expires_at\", \"username\", \"role\", \"bcp\", "
     "\"desk\", \"bcps\", \"all_bcps\", \"idle_timeout_s\", "
     "\"csrf\"}"},
    {"POST", "/api/logout", SRV_ANY_ROLE, api_logout,
     "End the session of the token presented", "{\"status\": \"ended\"}"},
    {"GET", "/api/session", SRV_ANY_ROLE, api_session,
     "The session of the token presented: who, role, where, the crossing "
     "points the account may work at",
     "{\"username\", \"role\", \"bcp\", \"desk\", \"bcps\", "
     "\"all_bcps\", \"expires_at\", \"idle_timeout_s\", \"csrf\"}"},
    {"GET", "/api/accounts", SRV_ADMINISTRATOR, api_accounts,
     "Every account: username, name, role, disabled, crossing points",
     "{\"accounts\": [{\"username\", \"name\", \"role\", \"disabled\", "
     "\"default_bcp\", \"bcps\", \"created_at\", \"updated_at\"}]}"},
    {"POST", "/api/accounts", SRV_ADMINISTRATOR, api_account_add,
     "Add an account: {username, name, role, password, bcps? (\"AMA,UTP\" "
     "or \"*\"), default_bcp?}",
     "the account (201)"},
    {"POST", "/api/accounts/{username}", SRV_ADMINISTRATOR, api_account_change,
     "Change an account: {password?, disabled?, role?, bcps?, default_bcp?, "
     "name?}; a new password, a disable, a new role or crossing points end "
     "its sessions",
     "the account"},
    {"GET", "/api/lockouts", SRV_ADMINISTRATOR, api_lockouts,
     "Logins refused now after failures: a username from a client, a "
     "client, or a username guessed from many clients",
     "{\"lockouts\": [{\"username\", \"client\", \"failures\", "
     "\"last_failure_at\", \"until\"}]}"},
    {"POST", "/api/lockouts/clear", SRV_ADMINISTRATOR, api_lockout_clear,
     "Lift a lockout: {username?, client?} (at least one) clears the failed "
     "logins behind it",
     "{\"status\": \"cleared\", \"username\", \"client\"}"},
    {"GET", "/api/reference", SRV_ANY_ROLE, api_reference,
     "The coded lists the console offers (purposes, grounds A-I, "
     "trafficking indicators, languages, crossing points)",
     "{\"state\", \"purposes\", \"transports\", \"grounds\", "
     "\"trafficking_indicators\", \"minor_alternatives\", \"languages\", "
     "\"bcps\"}"},
    {"POST", "/api/inspections", SRV_DESK, api_inspection_create,
     "Primary inspection: {mrz, direction, card?, protection?} checked, "
     "screened, with history, stay status, protection prompts and a "
     "recommendation",
     "the inspection result (201; see docs/API.md)"},
    {"GET", "/api/inspections/{id}", SRV_DESK, api_inspection_get,
     "An inspection's result as the desk was shown it",
     "the inspection result, and movement_id once decided"},
    {"POST", "/api/inspections/{id}/hits/{index}", SRV_DESK, api_inspection_hit,
     "Confirm or dismiss a hit of an inspection: {decision, reason}",
     "the disposition (201)"},
    {"POST", "/api/inspections/{id}/protection", SRV_DESK,
     api_inspection_protect,
     "Raise a protection need at any time, before or after the decision: "
     "{asylum?, unaccompanied?, trafficking_indicators?}; a refusal not yet "
     "carried out becomes a referral",
     "open: the inspection result brought up to date; decided: "
     "{\"movement_id\", \"decision\", \"refusals_turned\", \"referrals\", "
     "\"held\"}"},
    {"POST", "/api/inspections/{id}/decision", SRV_DESK, api_inspection_decide,
     "The decision: {decision: admit|refuse|refer, ...}; the safeguards "
     "apply (422 E_SAFEGUARD)",
     "{\"movement_id\", \"decision\", \"referrals\", \"notice\"} (201)"},
    {"GET", "/api/movements/{id}/notice", SRV_DESK, api_movement_notice,
     "The printable refusal notice (?lang=en|fr), as HTML", "an HTML document"},
    {"GET", "/api/referrals", SRV_SUPERVISOR, api_referrals,
     "Referrals (?status=open|closed|all) with the primary findings",
     "{\"referrals\": [{\"id\", \"kind\", \"status\", \"opened_at\", "
     "\"movement\", \"traveller\", \"findings\"}]}"},
    {"POST", "/api/referrals/{id}/outcome", SRV_SUPERVISOR,
     api_referral_outcome,
     "Secondary inspection's outcome: {outcome: admitted|refused|"
     "referred_onward, ...}; closes the referral, decides the movement",
     "{\"referral_id\", \"outcome\", \"movement\"}"},
    {"GET", "/api/movements/{id}", SRV_SUPERVISOR, api_movement_get,
     "A movement and its earlier versions (decisions, corrections, void)",
     "{\"movement\", \"history\": [{\"version\", \"kind\", \"by\", "
     "\"reason\", \"at\", \"before\"}]}"},
    {"POST", "/api/movements/{id}/correct", SRV_SUPERVISOR,
     api_movement_correct,
     "Correct a movement: {reason, movement: {members to change}}; the "
     "safeguards apply to a correction into a refusal",
     "the movement and its history"},
    {"POST", "/api/movements/{id}/void", SRV_SUPERVISOR, api_movement_void,
     "Void a movement recorded in error: {reason}",
     "the movement and its history"},
    {"GET", "/api/identity-links", SRV_SUPERVISOR, api_identity_links,
     "Possible identities to review (?status=pending|all), both records",
     "{\"links\": [{\"id\", \"confidence\", \"reasons\", \"status\", "
     "\"traveller\", \"candidate\"}]}"},
    {"POST", "/api/identity-links/{id}", SRV_SUPERVISOR, api_identity_decide,
     "Confirm (one person) or reject (two) a possible identity: "
     "{decision: confirm|reject, reason}",
     "the link"},
    {"GET", "/api/dispositions", SRV_SUPERVISOR, api_dispositions,
     "Hit dismissals by review state (?status=pending|confirmed|rejected; "
     "pending: those awaiting a second person), of the session's crossing "
     "point (every one: an account with all crossing points)",
     "{\"dispositions\": [{\"id\", \"list\", \"ref\", \"entry\", "
     "\"traveller_key\", \"score\", \"decision\", \"reason\", \"by\", "
     "\"role\", \"at\", \"pending\", \"review\", \"bcp\"}]}"},
    {"POST", "/api/dispositions/{id}/review", SRV_SUPERVISOR,
     api_disposition_review,
     "A second supervisor confirms or rejects a dismissal awaiting review: "
     "{decision: confirm|reject, reason}; not the one who dismissed (422), "
     "only at the dismissal's crossing point (403)",
     "the disposition as reviewed"},
    {"GET", "/api/travellers", SRV_DESK, api_travellers,
     "Find travellers: ?document=STATE:NUMBER, or ?surname=&given_names=&"
     "birth=YYYY-MM-DD&nationality=&sex= (scored as the register links "
     "identities)",
     "{\"travellers\": [...]}"},
    {"GET", "/api/travellers/{id}", SRV_DESK, api_traveller,
     "A traveller: documents, movements, stays, stay status",
     "{\"traveller\", \"documents\", \"movements\", \"stays\", "
     "\"status\"}"},
    {"GET", "/api/statistics/movements",
     SRV_ANALYST | SRV_SUPERVISOR | SRV_ADMINISTRATOR, api_statistics,
     "Counts of movements (?from=&to=) by direction, decision and "
     "nationality; no personal data",
     "{\"from\", \"to\", \"total\", \"by_direction\", \"by_decision\", "
     "\"by_nationality\"}"},
    {"POST", "/api/watchlists/reload", SRV_ADMINISTRATOR, api_lists_reload,
     "Screen with the watchlists as the store holds them now (after an "
     "import); requests go on meanwhile",
     "{\"status\": \"reloaded\", \"entries\"}"},
    {"GET", "/api/audit/verify", SRV_ADMINISTRATOR, api_audit_verify,
     "Checks the audit log's hash chain",
     "{\"ok\", \"entries\", \"bad_seq\", \"problem\"}"},
};
const size_t srv_route_count = sizeof srv_routes / sizeof srv_routes[0];

/* Whether path matches pattern; the {parameters} go to storage. */
static bool match(const char *pattern, const char *path, const char *params[2],
                  char storage[2][128]) {
  int n = 0;
  while (*pattern && *path) {
    if (*pattern == '{') {
      const char *pe = strchr(pattern, '}');
      size_t len = strcspn(path, "/");
      if (!pe || len == 0 || len >= 128 || n >= 2)
        return false;
      memcpy(storage[n], path, len);
      storage[n][len] = 0;
      params[n] = storage[n];
      n++;
      pattern = pe + 1;
      path += len;
      continue;
    }
    if (*pattern++ != *path++)
      return false;
  }
  return !*pattern && !*path;
}

const srv_route *srv_route_find(const char *method, const char *path,
                                bool *path_known, const char *params[2],
                                char storage[2][128]) {
  *path_known = false;
  params[0] = params[1] = NULL;
  for (size_t i = 0; i < srv_route_count; i++) {
    if (!match(srv_routes[i].path, path, params, storage))
      continue;
    *path_known = true;
    if (strcmp(srv_routes[i].method, method) == 0)
      return &srv_routes[i];
  }
  return NULL;
}

void srv_route_allow(const char *path, char *out, size_t cap) {
  size_t n = 0;
  const char *params[2];
  char storage[2][128];
  out[0] = 0;
  for (size_t i = 0; i < srv_route_count; i++) {
    if (!match(srv_routes[i].path, path, params, storage))
      continue;
    int w =
        snprintf(out + n, cap - n, "%s%s", n ? ", " : "", srv_routes[i].method);
    if (w < 0 || (size_t)w >= cap - n)
      return;
    n += (size_t)w;
  }
}

/* The crossing points an account may work at (see bmis/account.h): the
 * list checked against the configured crossing points, and changes of
 * role, crossing points and name, which end the account's sessions when
 * what the account may do changes. */
#define _POSIX_C_SOURCE 200809L /* strnlen */
#include "auth_internal.h"
#include "bmis/text.h"

#include "bmis/register.h"
#include "store/repo.h"
#include "store/repo_account.h"

#include <stdio.h>
#include <string.h>

bool bmis__bcps_hold(const char *list, const char *code) {
  if (!list || !code || !*code)
    return false;
  if (strcmp(list, "*") == 0)
    return true;
  size_t n = strlen(code);
  for (const char *p = list; *p;) {
    size_t len = strcspn(p, ",");
    if (len == n && strncmp(p, code, n) == 0)
      return true;
    p += len;
    if (*p == ',')
      p++;
  }
  return false;
}

bool bmis_account_may_work_at(const bmis_account *a, const char *code) {
  return a && bmis__bcps_hold(a->bcps, code);
}

/* A code of the list must be configured: the message names the one that
 * is not, and says where it stands in the list. */
static bmis_status check_code(bmis_store *s, const char *what, const char *code,
                              bmis_error *err) {
  bmis_bcp b;
  bmis_error lookup;
  bmis_status st = bmis_bcp_get(s, code, &b, &lookup);
  if (st == BMIS_E_NOT_FOUND)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "%s: '%s' is not a configured crossing point "
                          "(bmis bcp list shows them)",
                          what, code);
  if (st != BMIS_OK && err)
    *err = lookup;
  return st;
}

bmis_status bmis__account_settle_bcps(bmis_store *s, bmis_account *a,
                                      bmis_error *err) {
  if (strnlen(a->bcps, sizeof a->bcps) == sizeof a->bcps ||
      strnlen(a->default_bcp, sizeof a->default_bcp) == sizeof a->default_bcp)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "bcps or default_bcp: too long");
  if (a->role == BMIS_ROLE_ADMINISTRATOR) {
    if (a->bcps[0] && strcmp(a->bcps, "*") != 0)
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "bcps: an administrator works at every crossing "
                            "point ('*'), not at '%s' only",
                            a->bcps);
    snprintf(a->bcps, sizeof a->bcps, "*");
  } else if (!a->bcps[0]) {
    snprintf(a->bcps, sizeof a->bcps, "%s", a->default_bcp);
  }
  if (!a->bcps[0] &&
      (a->role == BMIS_ROLE_OFFICER || a->role == BMIS_ROLE_SUPERVISOR))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "bcps: an officer or supervisor works at one "
                          "crossing point at least (give bcps, e.g. "
                          "\"AMA,UTP\" or \"*\", or a default crossing "
                          "point)");
  bmis_status st;
  if (strcmp(a->bcps, "*") != 0) {
    char seen[sizeof a->bcps];
    seen[0] = 0;
    for (const char *p = a->bcps; *p;) {
      size_t len = strcspn(p, ",");
      char code[sizeof a->bcps];
      memcpy(code, p, len);
      code[len] = 0;
      if (len == 0 || strcmp(code, "*") == 0)
        return bmis_error_set(err, BMIS_E_INVALID_ARG,
                              "bcps '%s': codes separated by commas, with "
                              "none empty, or '*' alone",
                              a->bcps);
      if (bmis__bcps_hold(seen, code))
        return bmis_error_set(err, BMIS_E_INVALID_ARG,
                              "bcps: '%s' is given twice", code);
      if ((st = check_code(s, "bcps", code, err)) != BMIS_OK)
        return st;
      snprintf(seen + strlen(seen), sizeof seen - strlen(seen), "%s%s",
               seen[0] ? "," : "", code);
      p += len;
      if (*p == ',' && !p[1])
        return bmis_error_set(err, BMIS_E_INVALID_ARG,
                              "bcps '%s': ends with a comma", a->bcps);
      if (*p == ',')
        p++;
    }
  }
  if (!a->default_bcp[0] && a->bcps[0] && !strchr(a->bcps, ',') &&
      strcmp(a->bcps, "*") != 0) /* one crossing point: the default too */
    snprintf(a->default_bcp, sizeof a->default_bcp, "%.15s", a->bcps);
  if (a->default_bcp[0]) {
    if ((st = check_code(s, "default_bcp", a->default_bcp, err)) != BMIS_OK)
      return st;
    if (!bmis__bcps_hold(a->bcps, a->default_bcp))
      return bmis_error_set(err, BMIS_E_INVALID_ARG,
                            "default_bcp '%s' is not among the account's "
                            "crossing points (%s)",
                            a->default_bcp, a->bcps);
  }
  return BMIS_OK;
}

bmis_status bmis_account_end_sessions(bmis_store *s, const char *username,
                                      bmis_error *err) {
  return bmis__session_revoke_account(s, username, err);
}

bmis_status bmis_account_update(bmis_store *s, const char *username,
                                const bmis_account_change *c, int64_t now,
                                bmis_account *out, bmis_error *err) {
  if (!s || !username || !c)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no store or change");
  if (now <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "now: the time of the change is required");
  bmis__account_row r;
  bmis_status st = bmis__account_get(s, username, &r, err);
  if (st != BMIS_OK)
    return st;
  bmis_account a = r.a;
  if (c->role != BMIS_ROLE_NONE && !bmis_role_name(c->role))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "role: officer, supervisor, analyst or "
                          "administrator");
  /* one line of UTF-8, 1 to 127 bytes: refused, never cut */
  if (c->display_name &&
      (st = bmis_text_check(c->display_name, sizeof a.display_name - 1,
                            BMIS_TEXT_LINE, "display name", err)) != BMIS_OK)
    return st;
  if ((c->bcps && strlen(c->bcps) >= sizeof a.bcps) ||
      (c->default_bcp && strlen(c->default_bcp) >= sizeof a.default_bcp))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "bcps or default_bcp: too long");
  if (c->role != BMIS_ROLE_NONE && c->role != a.role && !c->bcps)
    a.bcps[0] = 0; /* settled again for the new role */
  if (c->role != BMIS_ROLE_NONE)
    a.role = c->role;
  if (c->bcps)
    snprintf(a.bcps, sizeof a.bcps, "%s", c->bcps);
  if (c->default_bcp)
    snprintf(a.default_bcp, sizeof a.default_bcp, "%s", c->default_bcp);
  if (c->display_name)
    snprintf(a.display_name, sizeof a.display_name, "%s", c->display_name);
  if ((st = bmis__account_settle_bcps(s, &a, err)) != BMIS_OK ||
      (st = bmis__tx_begin(s, err)) != BMIS_OK)
    return st;
  /* never the last administrator: read again under the lock, so that a
   * concurrent change is counted */
  bmis__account_row cur;
  if ((st = bmis__account_get(s, username, &cur, err)) == BMIS_OK &&
      cur.a.role == BMIS_ROLE_ADMINISTRATOR && !cur.a.disabled &&
      a.role != BMIS_ROLE_ADMINISTRATOR)
    st = bmis__account_keep_an_administrator(s, username, "given another role",
                                             err);
  if (st == BMIS_OK)
    st = bmis__account_update(s, &a, now, err);
  /* what the account may do changed: sessions opened under the old rights
   * end, and their users log in again under the new ones */
  if (st == BMIS_OK && (a.role != r.a.role || strcmp(a.bcps, r.a.bcps) != 0))
    st = bmis__session_revoke_account(s, username, err);
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  if (st == BMIS_OK && out)
    *out = a;
  return st;
}

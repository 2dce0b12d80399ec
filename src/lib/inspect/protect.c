/* A protection need raised after the scan (see bmis_inspection_protect):
 * on an open inspection it changes what the safeguards act on and what
 * the desk is shown; after the decision it opens the referrals on the
 * movement and turns a refusal not yet carried out into a referral. */
#include "base/alloc.h"
#include "inspect/inspect_internal.h"
#include "wire/json_text.h"

#include "store/repo_inspection.h"
#include "wire/wire_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The open inspection brought up to date: its request and result (read
 * back into a bmis_inspection, the protection rules applied again,
 * encoded). */
static bmis_status raise_open(bmis_store *s, bmis__inspection_row *r,
                              const bmis_protection *p, unsigned raised,
                              const bmis_actor *actor, int64_t at,
                              char **json_out, bmis_error *err) {
  bmis_inspection_request *request = bmis__calloc(1, sizeof *request);
  bmis_inspection *in = bmis__calloc(1, sizeof *in);
  char *request_text = NULL, *result_text = NULL;
  bmis_status st = in && request
                       ? BMIS_OK
                       : bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis_error e;
  if (st == BMIS_OK &&
      (bmis_inspection_request_from_json(
           r->request_json, strlen(r->request_json), request, &e) != BMIS_OK ||
       bmis_inspection_from_json(r->result_json, strlen(r->result_json), in,
                                 &e) != BMIS_OK))
    st = bmis_error_set(err, BMIS_E_INTERNAL,
                        "inspection %.40s: its stored result cannot be read",
                        r->id);
  unsigned prot = r->protection | raised, open = 0;
  if (st == BMIS_OK)
    st = bmis__person_open_bits(s, in->person_id, &open, NULL, err);
  unsigned listed = 0;
  if (st == BMIS_OK)
    st = bmis__listed_bits(s, r->hits_json, r->traveller_key, &listed, err);
  if (st == BMIS_OK) {
    request->asylum = request->asylum || p->asylum;
    request->unaccompanied = request->unaccompanied || p->unaccompanied;
    request->trafficking |= p->trafficking;
    in->trafficking = request->trafficking;
    bmis__inspection_protection(prot | open, listed, in);
    in->action = BMIS_RECOMMEND_REFER;
    bmis__protection_reasons(raised & ~r->protection & ~open, in, true, false);
    request_text = bmis__wire_inspection_request_text(request);
    result_text = bmis_inspection_to_json(in, false);
    if (!request_text || !result_text)
      st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  bmis__free(request);
  bmis_inspection_fini(in);
  bmis__free(in);
  if (st == BMIS_OK) {
    bmis__free(r->request_json);
    bmis__free(r->result_json);
    r->request_json = request_text;
    r->result_json = result_text;
    request_text = NULL;
    r->protection = prot;
    char record[97];
    snprintf(record, sizeof record, "inspection:%s", r->id);
    st = bmis_store_begin(s, err);
    if (st == BMIS_OK)
      st = bmis__inspection_protect(s, r, err);
    if (st == BMIS_OK)
      st = bmis__inspect_audit(s, actor, "inspection.protect", record, at, err);
    if (st == BMIS_OK)
      st = bmis_store_commit(s, err);
    else
      bmis_store_rollback(s);
    if (st == BMIS_OK) {
      *json_out = r->result_json;
      r->result_json = NULL;
    }
  } else {
    bmis__free(result_text);
  }
  bmis__free(request_text);
  return st;
}

/* After the decision: referrals on the movement, a refusal turned. */
static bmis_status raise_decided(bmis_store *s, bmis__inspection_row *r,
                                 unsigned raised, const bmis_actor *actor,
                                 int64_t at, char **json_out, bmis_error *err) {
  bmis_referral_kind kinds[3];
  int n = 0;
  if (raised & BMIS__PROT_ASYLUM)
    kinds[n++] = BMIS_REFERRAL_ASYLUM;
  if (raised & BMIS__PROT_UNACCOMPANIED)
    kinds[n++] = BMIS_REFERRAL_CHILD_PROTECTION;
  if (raised & BMIS__PROT_TRAFFICKING)
    kinds[n++] = BMIS_REFERRAL_TRAFFICKING;
  bmis_change ch;
  memset(&ch, 0, sizeof ch);
  snprintf(ch.by, sizeof ch.by, "%s", actor->username);
  snprintf(ch.reason, sizeof ch.reason, "%s%s%s raised after the decision",
           raised & BMIS__PROT_ASYLUM ? "the intention to seek asylum " : "",
           raised & BMIS__PROT_UNACCOMPANIED ? "an unaccompanied minor " : "",
           raised & BMIS__PROT_TRAFFICKING ? "trafficking indicators " : "");
  ch.at = at;
  int converted = 0;
  bmis_movement m;
  char record[97];
  snprintf(record, sizeof record, "movement:%s", r->id);
  bmis_status st = bmis_store_begin(s, err);
  if (st == BMIS_OK)
    st = bmis_movement_protect(s, r->id, kinds, n, &ch, &converted, err);
  if (st == BMIS_OK)
    st = bmis_movement_get(s, r->id, &m, err);
  if (st == BMIS_OK) {
    /* no one is held pending a return that is no longer decided */
    if (m.decision != BMIS_DECISION_REFUSED)
      r->held = false;
    r->protection |= raised;
    st = bmis__inspection_decide(s, r, err);
  }
  if (st == BMIS_OK)
    st = bmis__inspect_audit(s, actor, "movement.protect", record, at, err);
  if (st == BMIS_OK)
    st = bmis_store_commit(s, err);
  else
    bmis_store_rollback(s);
  if (st != BMIS_OK)
    return st;
  bmis_referral_kind k[5];
  int nk = 0;
  bmis__inspect_required_referrals(raised & ~(unsigned)BMIS__PROT_MINOR, k,
                                   &nk);
  *json_out = bmis__wire_protection_raised_text(r->id, m.decision, converted, k,
                                                nk, r->held);
  return *json_out ? BMIS_OK
                   : bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
}

bmis_status bmis_inspection_protect(bmis_store *s, const char *id,
                                    const bmis_protection *p,
                                    const bmis_actor *actor, int64_t at,
                                    char **json_out, bmis_error *err) {
  *json_out = NULL;
  if (at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "at: the time is required");
  unsigned raised = bmis__protection_bits(p);
  if (!raised)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "protection: raise asylum, unaccompanied or "
                          "trafficking_indicators");
  bmis__inspection_row r;
  bmis_status st = bmis__inspection_get(s, id, &r, err);
  if (st != BMIS_OK)
    return st;
  char what[80];
  snprintf(what, sizeof what, "inspection %.40s", id);
  st = bmis__actor_at(actor, what, r.bcp, err);
  if (st == BMIS_OK)
    st = r.open ? raise_open(s, &r, p, raised, actor, at, json_out, err)
                : raise_decided(s, &r, raised, actor, at, json_out, err);
  bmis__inspection_row_free(&r);
  return st;
}

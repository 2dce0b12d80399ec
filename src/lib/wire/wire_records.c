/* The smaller records, one encoder and one decoder each: accounts (`bmis
 * user list --json`, GET /api/accounts), identity links (`bmis identity
 * review --json`, GET /api/identity-links), audit entries (`bmis audit list
 * --json`) and the chain's verdict (`bmis audit verify --json`, GET
 * /api/audit/verify), crossing points (`bmis bcp list --json`, GET
 * /api/reference). Where the two front ends' forms differ (a link's
 * travellers, a crossing point's time zone) it is one encoder with an
 * option. */
#include "bmis/account.h"
#include "bmis/audit.h"
#include "bmis/time.h"
#include "bmis/wire.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- encoders ---- */

json_t *bmis_wire_account(const bmis_account *a) {
  const char *role = bmis_role_name(a->role);
  return json_pack(
      "{s:s, s:s, s:s, s:b, s:s, s:s, s:I, s:I}", "username", a->username,
      "name", a->display_name, "role", role ? role : "", "disabled",
      a->disabled, "default_bcp", a->default_bcp, "bcps", a->bcps, "created_at",
      (json_int_t)a->created_at, "updated_at", (json_int_t)a->updated_at);
}

static const char *const link_status[] = {"", "pending", "confirmed",
                                          "rejected"};

static const char *link_status_name(bmis_link_status s) {
  return s >= BMIS_LINK_PENDING && s <= BMIS_LINK_REJECTED ? link_status[s]
                                                           : "";
}

static json_t *traveller_or_null(const bmis_traveller *t) {
  json_t *o = t ? bmis_wire_traveller(t) : NULL;
  return o ? o : json_null();
}

json_t *bmis_wire_identity_link(const bmis_identity_link *l,
                                bmis_wire_link_form form,
                                const bmis_traveller *traveller,
                                const bmis_traveller *candidate) {
  if (form == BMIS_WIRE_LINK_TRAVELLERS)
    return json_pack("{s:s, s:f, s:s, s:s, s:o, s:o, s:s, s:s}", "id", l->id,
                     "confidence", l->confidence, "reasons", l->reasons,
                     "status", link_status_name(l->status), "traveller",
                     traveller_or_null(traveller), "candidate",
                     traveller_or_null(candidate), "decided_by", l->decided_by,
                     "decision_reason", l->decision_reason);
  return json_pack("{s:s, s:s, s:s, s:f, s:s, s:s, s:s, s:s}", "id", l->id,
                   "traveller_id", l->traveller_id, "candidate_id",
                   l->candidate_id, "confidence", l->confidence, "reasons",
                   l->reasons, "status", link_status_name(l->status),
                   "decided_by", l->decided_by, "decision_reason",
                   l->decision_reason);
}

json_t *bmis_wire_audit_entry(const bmis_audit_entry *e) {
  char at[21];
  return json_pack(
      "{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
      "seq", (json_int_t)e->seq, "at", bmis_time_format(e->at, at), "actor",
      e->actor, "role", e->role, "channel", e->channel, "action", e->action,
      "record", e->record, "outcome", e->outcome, "bcp", e->bcp, "desk",
      e->desk, "detail", e->detail, "prev_hash", e->prev_hash, "hash", e->hash);
}

json_t *bmis_wire_bcp(const bmis_bcp *b, bool time_zone) {
  const char *kind = bmis_code_name(BMIS_LIST_BCP_KIND, b->kind);
  if (!time_zone)
    return json_pack("{s:s, s:s, s:s}", "code", b->code, "name", b->name,
                     "kind", kind ? kind : "");
  return json_pack("{s:s, s:s, s:s, s:s}", "code", b->code, "name", b->name,
                   "kind", kind ? kind : "", "time_zone", b->time_zone);
}

json_t *bmis_wire_audit_verdict(const bmis_audit_verdict *v) {
  return json_pack("{s:b, s:I, s:I, s:s}", "ok", v->ok, "entries",
                   (json_int_t)v->entries, "bad_seq", (json_int_t)v->bad_seq,
                   "problem", v->problem);
}

/* ---- decoders ---- */

typedef struct reader {
  const json_t *j;
  const char *what; /* "account", "link" */
  bmis_error *err;
  bool failed;
} reader;

static void fail(reader *r, const char *name, const char *fmt, ...) {
  if (r->failed)
    return;
  r->failed = true;
  char msg[200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  bmis_error_set(r->err, BMIS_E_INVALID_ARG, "%s.%s: %s", r->what, name, msg);
}

static void read_text(reader *r, const char *name, char *out, size_t cap) {
  const json_t *v = json_object_get(r->j, name);
  if (!v || json_is_null(v))
    return;
  if (!json_is_string(v)) {
    fail(r, name, "must be a string");
    return;
  }
  if (json_string_length(v) >= cap ||
      strlen(json_string_value(v)) != json_string_length(v)) {
    fail(r, name, "longer than %zu bytes or holds a NUL", cap - 1);
    return;
  }
  snprintf(out, cap, "%s", json_string_value(v));
}

static void read_int(reader *r, const char *name, int64_t *out) {
  const json_t *v = json_object_get(r->j, name);
  if (!v || json_is_null(v))
    return;
  if (!json_is_integer(v)) {
    fail(r, name, "must be a whole number");
    return;
  }
  *out = (int64_t)json_integer_value(v);
}

static void read_bool(reader *r, const char *name, bool *out) {
  const json_t *v = json_object_get(r->j, name);
  if (!v || json_is_null(v))
    return;
  if (!json_is_boolean(v)) {
    fail(r, name, "must be true or false");
    return;
  }
  *out = json_is_true(v);
}

static bmis_status finish(reader *r) {
  return r->failed ? BMIS_E_INVALID_ARG : BMIS_OK;
}

bmis_status bmis_wire_account_decode(const json_t *j, bmis_account *out,
                                     bmis_error *err) {
  if (!json_is_object(j))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "account: must be an object");
  reader r = {j, "account", err, false};
  read_text(&r, "username", out->username, sizeof out->username);
  read_text(&r, "name", out->display_name, sizeof out->display_name);
  char role[32] = "";
  read_text(&r, "role", role, sizeof role);
  if (!r.failed && role[0]) {
    out->role = bmis_role_from_name(role);
    if (out->role == BMIS_ROLE_NONE)
      fail(&r, "role", "unknown role '%s'", role);
  }
  read_bool(&r, "disabled", &out->disabled);
  read_text(&r, "default_bcp", out->default_bcp, sizeof out->default_bcp);
  read_text(&r, "bcps", out->bcps, sizeof out->bcps);
  read_int(&r, "created_at", &out->created_at);
  read_int(&r, "updated_at", &out->updated_at);
  return finish(&r);
}

/* The id of "traveller" or "candidate" when the member is a traveller
 * object (the API's form). */
static void read_traveller_id(reader *r, const char *name, char *out,
                              size_t cap) {
  const json_t *t = json_object_get(r->j, name);
  if (!t || json_is_null(t))
    return;
  if (!json_is_object(t)) {
    fail(r, name, "must be a traveller object or null");
    return;
  }
  char what[32];
  snprintf(what, sizeof what, "%s.%s", r->what, name);
  reader inner = {t, what, r->err, false};
  read_text(&inner, "id", out, cap);
  r->failed = r->failed || inner.failed;
}

bmis_status bmis_wire_identity_link_decode(const json_t *j,
                                           bmis_identity_link *out,
                                           bmis_error *err) {
  if (!json_is_object(j))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "link: must be an object");
  reader r = {j, "link", err, false};
  read_text(&r, "id", out->id, sizeof out->id);
  read_text(&r, "traveller_id", out->traveller_id, sizeof out->traveller_id);
  read_text(&r, "candidate_id", out->candidate_id, sizeof out->candidate_id);
  read_traveller_id(&r, "traveller", out->traveller_id,
                    sizeof out->traveller_id);
  read_traveller_id(&r, "candidate", out->candidate_id,
                    sizeof out->candidate_id);
  const json_t *c = json_object_get(j, "confidence");
  if (c && !json_is_null(c)) {
    if (!json_is_number(c) || json_number_value(c) < 0 ||
        json_number_value(c) > 1)
      fail(&r, "confidence", "must be a number from 0 to 1");
    else
      out->confidence = json_number_value(c);
  }
  read_text(&r, "reasons", out->reasons, sizeof out->reasons);
  char status[16] = "";
  read_text(&r, "status", status, sizeof status);
  if (!r.failed && status[0]) {
    int k = BMIS_LINK_PENDING;
    while (k <= BMIS_LINK_REJECTED && strcmp(link_status[k], status) != 0)
      k++;
    if (k > BMIS_LINK_REJECTED)
      fail(&r, "status", "unknown status '%s'", status);
    else
      out->status = (bmis_link_status)k;
  }
  read_text(&r, "decided_by", out->decided_by, sizeof out->decided_by);
  read_text(&r, "decision_reason", out->decision_reason,
            sizeof out->decision_reason);
  return finish(&r);
}

bmis_status bmis_wire_audit_entry_decode(const json_t *j, bmis_audit_entry *out,
                                         bmis_error *err) {
  if (!json_is_object(j))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "entry: must be an object");
  reader r = {j, "entry", err, false};
  read_int(&r, "seq", &out->seq);
  const json_t *at = json_object_get(j, "at");
  bmis_error e;
  if (json_is_integer(at))
    out->at = (int64_t)json_integer_value(at);
  else if (at && !json_is_null(at) &&
           (!json_is_string(at) ||
            bmis_time_parse(json_string_value(at), &out->at, &e) != BMIS_OK))
    fail(&r, "at", "not an instant (RFC 3339 text or Unix seconds)");
  read_text(&r, "actor", out->actor, sizeof out->actor);
  read_text(&r, "role", out->role, sizeof out->role);
  read_text(&r, "channel", out->channel, sizeof out->channel);
  read_text(&r, "action", out->action, sizeof out->action);
  read_text(&r, "record", out->record, sizeof out->record);
  read_text(&r, "outcome", out->outcome, sizeof out->outcome);
  read_text(&r, "bcp", out->bcp, sizeof out->bcp);
  read_text(&r, "desk", out->desk, sizeof out->desk);
  read_text(&r, "detail", out->detail, sizeof out->detail);
  read_text(&r, "prev_hash", out->prev_hash, sizeof out->prev_hash);
  read_text(&r, "hash", out->hash, sizeof out->hash);
  return finish(&r);
}

bmis_status bmis_wire_audit_verdict_decode(const json_t *j,
                                           bmis_audit_verdict *out,
                                           bmis_error *err) {
  if (!json_is_object(j))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "verdict: must be an object");
  reader r = {j, "verdict", err, false};
  read_bool(&r, "ok", &out->ok);
  read_int(&r, "entries", &out->entries);
  read_int(&r, "bad_seq", &out->bad_seq);
  read_text(&r, "problem", out->problem, sizeof out->problem);
  return finish(&r);
}

bmis_status bmis_wire_bcp_decode(const json_t *j, bmis_bcp *out,
                                 bmis_error *err) {
  if (!json_is_object(j))
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "bcp: must be an object");
  reader r = {j, "bcp", err, false};
  read_text(&r, "code", out->code, sizeof out->code);
  read_text(&r, "name", out->name, sizeof out->name);
  char kind[32] = "";
  read_text(&r, "kind", kind, sizeof kind);
  if (!r.failed && kind[0]) {
    int k = bmis_code_value(BMIS_LIST_BCP_KIND, kind);
    if (k <= 0)
      fail(&r, "kind", "unknown kind '%s'", kind);
    else
      out->kind = (bmis_bcp_kind)k;
  }
  read_text(&r, "time_zone", out->time_zone, sizeof out->time_zone);
  return finish(&r);
}

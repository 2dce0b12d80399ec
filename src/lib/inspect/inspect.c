/* Primary inspection: the document checked, the person and document
 * screened, history and stay status read, protection indicators weighed,
 * one recommendation; kept in the store until the decision (decide.c). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "inspect/inspect_internal.h"

#include "register/register_internal.h"
#include "store/repo_inspection.h"

#include "bmis/audit.h"
#include "bmis/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* History shown at the desk: the latest crossings, newest first. */
enum { HISTORY_MAX = 10 };

bmis_status bmis__inspect_audit(bmis_store *s, const bmis_actor *a,
                                const char *action, const char *record,
                                int64_t at, bmis_error *err) {
  bmis_audit_entry e;
  memset(&e, 0, sizeof e);
  e.at = at;
  snprintf(e.actor, sizeof e.actor, "%s", a->username);
  snprintf(e.role, sizeof e.role, "%s", a->role);
  snprintf(e.channel, sizeof e.channel, "%s",
           a->channel[0] ? a->channel : "api");
  snprintf(e.action, sizeof e.action, "%s", action);
  snprintf(e.record, sizeof e.record, "%s", record);
  snprintf(e.outcome, sizeof e.outcome, "ok");
  snprintf(e.bcp, sizeof e.bcp, "%s", a->bcp);
  snprintf(e.desk, sizeof e.desk, "%s", a->desk);
  return bmis_audit_append(s, &e, err);
}

/* ---- the document ---- */

static const char *verdict_word(bmis_verdict v) {
  switch (v) {
  case BMIS_VERDICT_OK:
  case BMIS_VERDICT_INFO: return "ok";
  case BMIS_VERDICT_WARNING: return "warning";
  case BMIS_VERDICT_ERROR: return "error";
  default: return "absent";
  }
}

static json_t *document_json(const bmis_doc *doc) {
  json_t *fields = json_array(), *findings = json_array();
  char value[BMIS_DOC_VALUE_MAX];
  for (int f = 1; f < BMIS_FIELD_COUNT; f++) {
    const bmis_doc_field *fd = &doc->fields[f];
    if (fd->verdict == BMIS_VERDICT_ABSENT || f == BMIS_FIELD_NAME)
      continue;
    bmis_doc_field_value(doc, (bmis_doc_field_id)f, value, sizeof value);
    const char *verdict = verdict_word(fd->verdict);
    for (int i = 0; i < doc->nfindings; i++)
      if ((int)doc->findings[i].field == f &&
          doc->findings[i].code == BMIS_FINDING_OCR_CORRECTED &&
          fd->verdict != BMIS_VERDICT_ERROR)
        verdict = "repaired";
    json_array_append_new(fields,
                          json_pack("{s:s, s:s, s:s}", "name",
                                    bmis_doc_field_name((bmis_doc_field_id)f),
                                    "value", value, "verdict", verdict));
  }
  char msg[256];
  for (int i = 0; i < doc->nfindings; i++) {
    const bmis_finding *fi = &doc->findings[i];
    bmis_finding_message(fi, msg, sizeof msg);
    json_array_append_new(
        findings, json_pack("{s:s, s:s, s:s, s:s}", "code",
                            bmis_finding_code_name(fi->code), "severity",
                            bmis_severity_name(fi->severity), "field",
                            bmis_doc_field_name(fi->field), "message", msg));
  }
  return json_pack("{s:b, s:s, s:o, s:o}", "valid", doc->valid, "format",
                   bmis_doc_format_name(doc->format), "fields", fields,
                   "findings", findings);
}

/* Errors other than expiry: the document cannot be trusted as read. */
static bool doc_unreadable(const bmis_doc *doc) {
  for (int i = 0; i < doc->nfindings; i++)
    if (doc->findings[i].severity == BMIS_SEVERITY_ERROR &&
        doc->findings[i].code != BMIS_FINDING_EXPIRED)
      return true;
  return false;
}

static bool doc_expired(const bmis_doc *doc) {
  for (int i = 0; i < doc->nfindings; i++)
    if (doc->findings[i].code == BMIS_FINDING_EXPIRED)
      return true;
  return false;
}

/* ---- history ---- */

typedef struct history {
  bmis_movement m[HISTORY_MAX];
  size_t n, total;
} history;

static int keep_latest(const bmis_movement *m, void *ctx) {
  history *h = ctx;
  /* time order: keep a ring of the latest HISTORY_MAX */
  h->m[h->total % HISTORY_MAX] = *m;
  h->total++;
  h->n = h->total < HISTORY_MAX ? h->total : HISTORY_MAX;
  return 0;
}

static json_t *history_json(const history *h, const char *person_id) {
  json_t *list = json_array();
  char t[21], d[11];
  for (size_t i = 0; i < h->n; i++) { /* newest first */
    const bmis_movement *m = &h->m[(h->total - 1 - i) % HISTORY_MAX];
    json_t *o = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:b}", "id", m->id, "direction",
        bmis_code_name(BMIS_LIST_DIRECTION, m->direction), "bcp", m->bcp,
        "crossed_at", bmis_time_format(m->crossed_at, t), "decision",
        bmis_code_name(BMIS_LIST_DECISION, m->decision), "voided", m->voided);
    json_object_set_new(
        o, "permitted_until",
        m->permitted_until.year
            ? json_string(bmis_date_format_iso(m->permitted_until, d))
            : json_null());
    json_array_append_new(list, o);
  }
  return json_pack("{s:o, s:o, s:I}", "person_id",
                   person_id[0] ? json_string(person_id) : json_null(),
                   "movements", list, "total", (json_int_t)h->total);
}

/* ---- hits ---- */

/* Dismissed earlier (and the entry unchanged since), and the dismissal in
 * force: one that awaits a second person, or that a supervisor rejected,
 * clears nothing. */
static bool hit_cleared(const bmis_hit *h) {
  return h->previously_disposed && bmis__dismissal_in_force(&h->previous);
}

static json_t *hit_json(const bmis_hit *h, int index) {
  char expl[4096];
  bmis_error e;
  if (bmis_hit_explain(h, expl, sizeof expl, &e) != BMIS_OK)
    snprintf(expl, sizeof expl, "%s", e.message);
  json_t *o =
      json_pack("{s:i, s:s, s:s, s:s, s:s, s:s, s:f, s:s}", "index", index,
                "kind", h->kind == BMIS_HIT_PERSON ? "person" : "document",
                "list", h->list, "category", bmis_wl_category_code(h->category),
                "action", bmis_hit_action_code(h->action), "entry", h->ref,
                "score", h->score, "explanation", expl);
  json_object_set_new(
      o, "listed_name",
      json_string(h->kind == BMIS_HIT_PERSON ? h->listed_name : h->doc_number));
  if (h->previously_disposed && !h->previous.voided) {
    const bmis_hit_disposition *p = &h->previous;
    char t[21];
    bool pending = p->review == BMIS_REVIEW_PENDING;
    json_t *d = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:o}", "decision",
        bmis_hit_decision_code(p->decision), "reason", p->reason, "by", p->by,
        "role", p->role, "at", bmis_time_format(p->at, t), "earlier", 1,
        "pending", pending, "review",
        p->review ? json_string(bmis_review_code(p->review)) : json_null());
    if (pending)
      json_object_set_new(
          d, "status",
          json_string(strcmp(p->role, "officer") == 0
                          ? "dismissed by an officer, awaiting confirmation"
                          : "dismissed, awaiting a second supervisor's "
                            "confirmation"));
    if (p->review == BMIS_REVIEW_CONFIRMED ||
        p->review == BMIS_REVIEW_REJECTED) {
      json_object_set_new(d, "reviewed_by", json_string(p->reviewed_by));
      json_object_set_new(d, "review_reason", json_string(p->review_reason));
      json_object_set_new(d, "reviewed_at",
                          json_string(bmis_time_format(p->reviewed_at, t)));
    }
    json_object_set_new(o, "disposition", d);
  } else {
    json_object_set_new(o, "disposition", json_null());
  }
  json_object_set_new(o, "cleared", json_boolean(hit_cleared(h)));
  return o;
}

static bool hit_is_protective(const bmis_hit *h) {
  return h->category == BMIS_WL_PROTECTION_ALERT ||
         h->action == BMIS_HIT_PROTECT;
}

/* ---- the whole inspection ---- */

static void add_reason(json_t *list, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void add_reason(json_t *list, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  json_array_append_new(list, json_string(buf));
}

static json_t *request_json(const bmis_inspection_request *rq) {
  const bmis_movement *m = &rq->card;
  json_t *ti = json_array();
  for (int i = 1; i < BMIS_TRAFFICKING_COUNT; i++)
    if (rq->trafficking & (1u << (i - 1)))
      json_array_append_new(ti, json_string(bmis_trafficking_code(
                                    (bmis_trafficking_indicator)i)));
  json_t *card = json_object();
  const char *tr = bmis_code_name(BMIS_LIST_TRANSPORT, m->transport);
  const char *pu = bmis_code_name(BMIS_LIST_PURPOSE, m->purpose);
  if (*tr)
    json_object_set_new(card, "transport", json_string(tr));
  if (*pu)
    json_object_set_new(card, "purpose", json_string(pu));
  if (m->carrier[0])
    json_object_set_new(card, "carrier", json_string(m->carrier));
  if (m->transport_number[0])
    json_object_set_new(card, "transport_number",
                        json_string(m->transport_number));
  if (m->route_country[0])
    json_object_set_new(card, "route_country", json_string(m->route_country));
  if (m->residence_country[0])
    json_object_set_new(card, "residence_country",
                        json_string(m->residence_country));
  if (m->intended_days)
    json_object_set_new(card, "intended_days", json_integer(m->intended_days));
  if (m->local_address[0])
    json_object_set_new(card, "local_address", json_string(m->local_address));
  return json_pack("{s:s, s:s, s:o, s:{s:b, s:b, s:o}}", "mrz", rq->mrz,
                   "direction",
                   bmis_code_name(BMIS_LIST_DIRECTION, m->direction), "card",
                   card, "protection", "asylum", rq->asylum, "unaccompanied",
                   rq->unaccompanied, "trafficking_indicators", ti);
}

bmis_status bmis__inspect_parse_doc(const char *mrz, bmis_date on,
                                    bmis_doc *doc) {
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, on);
  opts.mode = BMIS_DOC_OCR;
  opts.expiry_warning_days = 30;
  return bmis_doc_parse(mrz, strlen(mrz), &opts, doc);
}

typedef struct work {
  bmis_doc doc;
  bmis_crossing c;
  history h;
  bmis_stay_status stay;
} work;

bmis_status bmis_inspect(bmis_store *s, const bmis_screen_index *ix,
                         const bmis_inspection_request *rq,
                         const bmis_actor *actor, int64_t at,
                         char id_out[BMIS_ID_SIZE], char **json_out,
                         bmis_error *err) {
  *json_out = NULL;
  id_out[0] = 0;
  if (!at)
    at = (int64_t)time(NULL);
  bmis_bcp bcp;
  if (!actor->bcp[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "the session has no crossing point: log in at one");
  bmis_status st = bmis_bcp_get(s, actor->bcp, &bcp, err);
  bmis_date today;
  if (st == BMIS_OK)
    st = bmis_local_date(bcp.time_zone, at, &today, err);
  bmis_register_config cfg;
  if (st == BMIS_OK)
    st = bmis_register_config_get(s, &cfg, err);
  if (st != BMIS_OK)
    return st;
  work *w = calloc(1, sizeof *w);
  if (!w)
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  bmis__inspect_parse_doc(rq->mrz, today, &w->doc);
  bmis_crossing_init(&w->c);
  bmis__crossing_from_doc(&w->doc, &w->c);
  const bmis_traveller *t = &w->c.traveller;
  const bmis_document *d = &w->c.document;

  unsigned prot = 0;
  /* possibly under 18, or of unknown age (ICAO allows an unknown date of
   * birth): a child until the age is assessed */
  if (w->doc.minor || !t->birth.year)
    prot |= BMIS__PROT_MINOR;
  if (rq->asylum || rq->card.purpose == BMIS_PURPOSE_ASYLUM)
    prot |= BMIS__PROT_ASYLUM;
  if (rq->unaccompanied)
    prot |= BMIS__PROT_UNACCOMPANIED | BMIS__PROT_MINOR;
  if (rq->trafficking)
    prot |= BMIS__PROT_TRAFFICKING;
  if (cfg.state[0] && strcmp(t->nationality, cfg.state) == 0)
    prot |= BMIS__PROT_NATIONAL;

  /* screening: dispositions are kept under the document presented */
  char tkey[64] = "";
  bmis_error e;
  if (d->issuing_state[0] && d->number[0] &&
      bmis_screen_traveller_key(NULL, d->issuing_state, d->number, tkey, &e) !=
          BMIS_OK)
    tkey[0] = 0;
  bmis_screen_result sr = {0};
  if (ix) {
    bmis_screen_query q;
    memset(&q, 0, sizeof q);
    q.surname = t->surname;
    q.given_names = t->given_names;
    q.birth = t->birth;
    memcpy(q.nationality, t->nationality, sizeof q.nationality);
    q.sex = t->sex;
    memcpy(q.doc_state, d->issuing_state, sizeof q.doc_state);
    snprintf(q.doc_number, sizeof q.doc_number, "%.39s", d->number);
    bmis_screen_options so = {0};
    if (t->surname[0] || d->number[0])
      st = bmis_screen_person(ix, s, &q, &so, &sr, err);
  }

  /* history and stay status, through the document */
  char person_id[BMIS_ID_SIZE] = "";
  bool has_stay = false;
  if (st == BMIS_OK && d->number[0]) {
    bmis_traveller known;
    bmis_status got =
        bmis_traveller_by_document(s, d->issuing_state, d->number, &known, &e);
    if (got == BMIS_OK) {
      memcpy(person_id, known.person_id, sizeof person_id);
      bmis_movement_filter f;
      memset(&f, 0, sizeof f);
      memcpy(f.person_id, person_id, sizeof f.person_id);
      st = bmis_movement_list(s, &f, keep_latest, &w->h, err);
      if (st == BMIS_OK)
        st = bmis_stay_status_get(s, person_id, today, &w->stay, err);
      has_stay = st == BMIS_OK;
      /* protection follows the person: open referrals from any crossing */
      unsigned open = 0;
      if (st == BMIS_OK)
        st = bmis__person_open_bits(s, person_id, &open, NULL, err);
      prot |= open;
    } else if (got != BMIS_E_NOT_FOUND) {
      st = bmis_error_set(err, got, "%s", e.message);
    }
  }

  /* a document the register does not know: protection still follows the
   * person it may belong to */
  if (st == BMIS_OK && !person_id[0]) {
    unsigned open = 0;
    st = bmis__open_bits_of(s, t, d, &open, err);
    prot |= open;
  }

  json_t *out = NULL, *hits_stored = json_array();
  unsigned listed = 0; /* shown, not stored: read again at the decision */
  if (st == BMIS_OK) {
    json_t *hits = json_array(), *why = json_array(), *prompts = json_array();
    int open_hits = 0;
    for (size_t i = 0; i < sr.count; i++) {
      const bmis_hit *h = &sr.hits[i];
      json_array_append_new(hits, hit_json(h, (int)i));
      json_array_append_new(
          hits_stored,
          json_pack("{s:s, s:s, s:s, s:s, s:f}", "list", h->list, "ref", h->ref,
                    "hash", h->entry_hash, "category",
                    bmis_wl_category_code(h->category), "score", h->score));
      if (hit_is_protective(h) && !hit_cleared(h)) {
        prot |= BMIS__PROT_PROTECTION_HIT;
        add_reason(why,
                   "protection alert (%s, %s): the person may need "
                   "protection; refer, do not enforce",
                   h->list, h->ref);
      } else if (!hit_cleared(h)) {
        open_hits++;
        if (bmis__category_bars_admission(h->category))
          listed = BMIS__PROT_LISTED;
      }
    }
    if (open_hits)
      add_reason(why, "%d watchlist hit%s to examine", open_hits,
                 open_hits > 1 ? "s" : "");
    if (doc_unreadable(&w->doc))
      add_reason(why, "the document did not pass its checks");
    else if (doc_expired(&w->doc))
      add_reason(why, "the document has expired");
    bmis__protection_reasons(prot, why, prompts);
    if (has_stay && rq->card.direction == BMIS_DIRECTION_ENTRY &&
        !(prot & BMIS__PROT_NATIONAL)) {
      if (w->stay.present)
        add_reason(why, "recorded as still in the country (no exit since "
                        "the last entry)");
      if (w->stay.window_exceeded)
        add_reason(why, "%d days in the last %d (limit %d)",
                   w->stay.days_in_window, w->stay.window_days,
                   w->stay.window_limit);
    }
    if (has_stay && rq->card.direction == BMIS_DIRECTION_EXIT &&
        w->stay.days_over > 0)
      add_reason(why, "overstayed by %d day%s", w->stay.days_over,
                 w->stay.days_over > 1 ? "s" : "");
    if (!ix || bmis_screen_index_entries(ix) == 0)
      add_reason(why, "no watchlists are loaded: screening was not done");

    char b[11], x[11];
    json_t *doc_of = json_pack(
        "{s:s, s:s, s:s, s:o}", "type", d->type, "issuing_state",
        d->issuing_state, "number", d->number, "expiry",
        d->expiry.year ? json_string(bmis_date_format_iso(d->expiry, x))
                       : json_null());
    json_t *traveller = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:b, s:o}", "surname", t->surname,
        "given_names", t->given_names, "birth",
        bmis_date_format_iso(t->birth, b), "sex",
        t->sex ? (char[2]){t->sex, 0} : "", "nationality", t->nationality,
        "minor", (prot & BMIS__PROT_MINOR) != 0, "document", doc_of);
    json_object_set_new(traveller, "age",
                        w->doc.age_min >= 0 ? json_integer(w->doc.age_min)
                                            : json_null());
    json_t *stay = json_null();
    if (has_stay)
      stay =
          json_pack("{s:b, s:i, s:i, s:i, s:i, s:b, s:i, s:b}", "present",
                    w->stay.present, "days_over", w->stay.days_over,
                    "days_in_window", w->stay.days_in_window, "window_days",
                    w->stay.window_days, "window_limit", w->stay.window_limit,
                    "window_exceeded", w->stay.window_exceeded, "stays",
                    w->stay.stays, "national", w->stay.national);
    int protection_hits = 0;
    for (size_t i = 0; i < sr.count; i++)
      protection_hits +=
          hit_is_protective(&sr.hits[i]) && !hit_cleared(&sr.hits[i]);
    json_t *protection =
        bmis__protection_json(prot, rq->trafficking, protection_hits, prompts);
    json_t *decisions = bmis__decisions_json(prot | listed);
    bool refer = json_array_size(why) > 0;
    st = bmis_uuid_v7(id_out, err);
    char when[21];
    out = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:{s:s, s:o}, s:o, s:o, s:o, s:o, s:o, "
        "s:o, s:o}",
        "id", id_out, "at", bmis_time_format(at, when), "bcp", actor->bcp,
        "desk", actor->desk, "direction",
        bmis_code_name(BMIS_LIST_DIRECTION, rq->card.direction),
        "recommendation", "action", refer ? "refer" : "admit", "reasons", why,
        "document", document_json(&w->doc), "traveller", traveller, "hits",
        hits, "history", history_json(&w->h, person_id), "stay", stay,
        "protection", protection, "decisions", decisions);
  }
  bmis_screen_result_free(&sr);

  char *result_text = NULL, *request_text = NULL, *hits_text = NULL;
  if (st == BMIS_OK) {
    json_t *rqj = request_json(rq);
    result_text = out ? json_dumps(out, JSON_COMPACT) : NULL;
    request_text = rqj ? json_dumps(rqj, JSON_COMPACT) : NULL;
    hits_text = json_dumps(hits_stored, JSON_COMPACT);
    json_decref(rqj);
    if (!result_text || !request_text || !hits_text)
      st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  json_decref(out);
  json_decref(hits_stored);
  if (st == BMIS_OK) {
    bmis__inspection_row row;
    memset(&row, 0, sizeof row);
    memcpy(row.id, id_out, BMIS_ID_SIZE);
    row.created_at = at;
    snprintf(row.officer, sizeof row.officer, "%s", actor->username);
    snprintf(row.bcp, sizeof row.bcp, "%s", actor->bcp);
    snprintf(row.desk, sizeof row.desk, "%s", actor->desk);
    row.request_json = request_text;
    row.result_json = result_text;
    row.hits_json = hits_text;
    memcpy(row.traveller_key, tkey, sizeof row.traveller_key);
    /* open referrals are read again at the decision: they may close */
    row.protection = prot & ~(unsigned)BMIS__PROT_OPEN;
    char record[97];
    snprintf(record, sizeof record, "inspection:%s", id_out);
    st = bmis_store_begin(s, err);
    if (st == BMIS_OK)
      st = bmis__inspection_insert(s, &row, err);
    if (st == BMIS_OK)
      st = bmis__inspect_audit(s, actor, "inspection.create", record, at, err);
    if (st == BMIS_OK && person_id[0]) {
      snprintf(record, sizeof record, "person:%s", person_id);
      st = bmis__inspect_audit(s, actor, "traveller.read", record, at, err);
    }
    if (st == BMIS_OK)
      st = bmis_store_commit(s, err);
    else
      bmis_store_rollback(s);
  }
  free(request_text);
  free(hits_text);
  free(w);
  if (st != BMIS_OK) {
    free(result_text);
    id_out[0] = 0;
    return st;
  }
  *json_out = result_text;
  return BMIS_OK;
}

bmis_status bmis_inspection_get(bmis_store *s, const char *id,
                                const bmis_actor *actor, char **json_out,
                                char movement_id[BMIS_ID_SIZE],
                                bmis_error *err) {
  bmis__inspection_row r;
  *json_out = NULL;
  movement_id[0] = 0;
  bmis_status st = bmis__inspection_get(s, id, &r, err);
  if (st != BMIS_OK)
    return st;
  char what[80];
  snprintf(what, sizeof what, "inspection %.40s", id);
  if ((st = bmis__actor_at(actor, what, r.bcp, err)) != BMIS_OK) {
    bmis__inspection_row_free(&r);
    return st;
  }
  if (!r.open)
    memcpy(movement_id, r.id, BMIS_ID_SIZE);
  *json_out = r.result_json;
  r.result_json = NULL;
  bmis__inspection_row_free(&r);
  return BMIS_OK;
}

bmis_status bmis_inspection_dispose(bmis_store *s, const char *id, int index,
                                    bmis_hit_decision decision,
                                    const char *reason, const bmis_actor *actor,
                                    int64_t at, bmis_hit_disposition *out,
                                    bmis_error *err) {
  if (!at)
    at = (int64_t)time(NULL);
  if (decision != BMIS_HIT_CONFIRMED && decision != BMIS_HIT_DISMISSED)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "decision: must be confirmed or dismissed");
  if (!reason || !reason[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "reason: say why the hit is %s",
                          bmis_hit_decision_code(decision));
  bmis_status checked =
      bmis_text_check(reason, sizeof out->reason - 1, BMIS_TEXT_LINES, "reason",
                      err); /* refused, never cut */
  if (checked != BMIS_OK)
    return checked;
  bmis__inspection_row r;
  bmis_status st = bmis__inspection_get(s, id, &r, err);
  if (st != BMIS_OK)
    return st;
  char what[80];
  snprintf(what, sizeof what, "inspection %.40s", id);
  if ((st = bmis__actor_at(actor, what, r.bcp, err)) != BMIS_OK) {
    bmis__inspection_row_free(&r);
    return st;
  }
  json_t *hits = json_loads(r.hits_json, 0, NULL);
  json_t *h = hits ? json_array_get(hits, (size_t)index) : NULL;
  if (!h || index < 0) {
    st = bmis_error_set(err, BMIS_E_NOT_FOUND, "inspection %.40s has no hit %d",
                        id, index);
  } else if (!r.traveller_key[0]) {
    st = bmis_error_set(err, BMIS_E_RULE,
                        "the document could not be read: there is no "
                        "traveller to keep the disposition under");
  } else {
    bmis_hit hit;
    memset(&hit, 0, sizeof hit);
    snprintf(hit.list, sizeof hit.list, "%s",
             json_string_value(json_object_get(h, "list")));
    snprintf(hit.ref, sizeof hit.ref, "%s",
             json_string_value(json_object_get(h, "ref")));
    snprintf(hit.entry_hash, sizeof hit.entry_hash, "%s",
             json_string_value(json_object_get(h, "hash")));
    /* the score the desk was shown (inspections stored before it was kept:
     * the highest, so a second person is asked for when in doubt) */
    json_t *score = json_object_get(h, "score");
    hit.score = json_is_number(score) ? json_number_value(score) : 1;
    hit.category = bmis_wl_category_parse(
        json_string_value(json_object_get(h, "category")));
    memset(out, 0, sizeof *out);
    memcpy(out->traveller_key, r.traveller_key, sizeof out->traveller_key);
    out->decision = decision;
    snprintf(out->reason, sizeof out->reason, "%s", reason);
    snprintf(out->by, sizeof out->by, "%s", actor->username);
    snprintf(out->role, sizeof out->role, "%s", actor->role);
    snprintf(out->bcp, sizeof out->bcp, "%s", r.bcp);
    out->at = at;
    char record[97];
    snprintf(record, sizeof record, "inspection:%s", id);
    st = bmis_store_begin(s, err);
    if (st == BMIS_OK)
      st = bmis_hit_dispose(s, &hit, out, err);
    if (st == BMIS_OK)
      st = bmis__inspect_audit(s, actor, "hit.dispose", record, at, err);
    if (st == BMIS_OK)
      st = bmis_store_commit(s, err);
    else
      bmis_store_rollback(s);
  }
  json_decref(hits);
  bmis__inspection_row_free(&r);
  return st;
}

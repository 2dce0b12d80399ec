/* Primary inspection in three steps: (1) the facts gathered from the store
 * (the document read as of the crossing point's date, the screening, the
 * person's history, stay status and open referrals), (2) the rules over
 * them (rules.c: pure), (3) the result saved as a snapshot (its JSON form,
 * src/lib/wire/wire_inspection.c) with its audit entry, in one
 * transaction; kept until the decision (decide.c). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "base/alloc.h"
#include "inspect/inspect_internal.h"
#include "wire/json_text.h"

#include "audit/audit_internal.h"
#include "register/register_internal.h"
#include "store/repo.h"
#include "store/repo_inspection.h"
#include "wire/wire_internal.h"

#include "bmis/audit.h"
#include "bmis/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bmis_status bmis__inspect_audit(bmis_store *s, const bmis_actor *a,
                                const char *action, const char *record,
                                int64_t at, bmis_error *err) {
  return bmis__audit_access(s, a, at, action, record, "ok", NULL, err);
}

/* ---- the whole inspection ---- */

bmis_status bmis__inspect_parse_doc(const char *mrz, bmis_date on,
                                    bmis_doc *doc) {
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, on);
  opts.mode = BMIS_DOC_OCR;
  opts.expiry_warning_days = 30;
  return bmis_doc_parse(mrz, strlen(mrz), &opts, doc);
}

/* ---- (1) the facts, from the store ---- */

typedef struct history {
  bmis_movement m[BMIS_INSPECTION_HISTORY_MAX];
  size_t total;
} history;

static int keep_latest(const bmis_movement *m, void *ctx) {
  history *h = ctx;
  /* time order: keep a ring of the latest */
  h->m[h->total % BMIS_INSPECTION_HISTORY_MAX] = *m;
  h->total++;
  return 0;
}

typedef struct gathered {
  bmis_doc doc;
  bmis_crossing c;
  history ring;
  bmis_movement history[BMIS_INSPECTION_HISTORY_MAX]; /* newest first */
  bmis_screen_result sr;
  char tkey[64]; /* dispositions are kept under the document presented */
  bmis_inspection_facts f;
} gathered;

/* Everything the rules look at: the crossing point's local date and the
 * operating State, the document as read, the screening, and through the
 * document the person's history, stay status and open referrals (or, for a
 * document the register does not know, those of whoever it may be). */
static bmis_status gather(bmis_store *s, const bmis_screen_index *ix,
                          const bmis_inspection_request *rq,
                          const bmis_actor *actor, int64_t at, gathered *g,
                          bmis_error *err) {
  bmis_bcp bcp;
  bmis_date today;
  bmis_register_config cfg;
  bmis_status st = bmis_bcp_get(s, actor->bcp, &bcp, err);
  if (st == BMIS_OK)
    st = bmis_local_date(bcp.time_zone, at, &today, err);
  if (st == BMIS_OK)
    st = bmis_register_config_get(s, &cfg, err);
  if (st != BMIS_OK)
    return st;
  bmis__inspect_parse_doc(rq->mrz, today, &g->doc);
  bmis_crossing_init(&g->c);
  bmis__crossing_from_doc(&g->doc, &g->c);
  const bmis_traveller *t = &g->c.traveller;
  const bmis_document *d = &g->c.document;
  bmis_inspection_facts *f = &g->f;
  f->doc = &g->doc;
  f->direction = rq->card.direction;
  f->purpose = rq->card.purpose;
  f->asylum = rq->asylum;
  f->unaccompanied = rq->unaccompanied;
  f->trafficking = rq->trafficking;
  memcpy(f->state, cfg.state, sizeof f->state);

  bmis_error e;
  if (d->issuing_state[0] && d->number[0] &&
      bmis_screen_traveller_key(NULL, d->issuing_state, d->number, g->tkey,
                                &e) != BMIS_OK)
    g->tkey[0] = 0;
  f->screened = ix && bmis_screen_index_entries(ix) > 0;
  if (ix && (t->surname[0] || d->number[0])) {
    /* the one mapping of a document to a screening query, as the CLI's */
    bmis_screen_query q;
    bmis_screen_doc_names names;
    bmis_screen_query_from_doc(&g->doc, &names, &q);
    bmis_screen_options so = {0};
    st = bmis_screen_person(ix, s, &q, &so, &g->sr, err);
  }
  f->hits = g->sr.hits;
  f->hit_count = g->sr.count;

  /* history, stay status and open referrals, through the document */
  if (st == BMIS_OK)
    st = bmis__person_of_document(s, d->issuing_state, d->number, f->person_id,
                                  err);
  unsigned open = 0;
  if (st == BMIS_OK && f->person_id[0]) {
    bmis_movement_filter mf;
    memset(&mf, 0, sizeof mf);
    memcpy(mf.person_id, f->person_id, sizeof mf.person_id);
    st = bmis_movement_list(s, &mf, keep_latest, &g->ring, err);
    if (st == BMIS_OK)
      st = bmis_stay_status_get(s, f->person_id, today, &f->stay, err);
    f->has_stay = st == BMIS_OK;
    /* protection follows the person: open referrals from any crossing */
    if (st == BMIS_OK)
      st = bmis__person_open_bits(s, f->person_id, &open, NULL, err);
  } else if (st == BMIS_OK) {
    /* a document the register does not know: protection still follows
     * the person it may belong to */
    st = bmis__open_bits_of_match(s, t, &open, err);
  }
  size_t n = g->ring.total < BMIS_INSPECTION_HISTORY_MAX
                 ? g->ring.total
                 : BMIS_INSPECTION_HISTORY_MAX;
  for (size_t i = 0; i < n; i++) /* newest first */
    g->history[i] =
        g->ring.m[(g->ring.total - 1 - i) % BMIS_INSPECTION_HISTORY_MAX];
  f->history = g->history;
  f->history_count = (int)n;
  f->history_total = (int64_t)g->ring.total;
  f->open_asylum = (open & BMIS__PROT_OPEN_ASYLUM) != 0;
  f->open_child = (open & BMIS__PROT_OPEN_CHILD) != 0;
  f->open_trafficking = (open & BMIS__PROT_OPEN_TRAFFICKING) != 0;
  return st;
}

/* ---- (3) the snapshot and its audit entry, in one transaction ---- */

static bmis_status save(bmis_store *s, const bmis_inspection *in,
                        const bmis_inspection_request *rq,
                        const bmis_actor *actor, const char *tkey,
                        unsigned prot, char **result_out, bmis_error *err) {
  char *result_text = bmis_inspection_to_json(in, false);
  char *request_text = bmis__wire_inspection_request_text(rq);
  char *hits_text = bmis__wire_inspection_hits_text(in->hits, in->hit_count);
  bmis_status st = BMIS_OK;
  if (!result_text || !request_text || !hits_text)
    st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (st == BMIS_OK) {
    bmis__inspection_row row;
    memset(&row, 0, sizeof row);
    memcpy(row.id, in->id, BMIS_ID_SIZE);
    row.created_at = in->at;
    snprintf(row.officer, sizeof row.officer, "%s", actor->username);
    snprintf(row.bcp, sizeof row.bcp, "%s", actor->bcp);
    snprintf(row.desk, sizeof row.desk, "%s", actor->desk);
    row.request_json = request_text;
    row.result_json = result_text;
    row.hits_json = hits_text;
    snprintf(row.traveller_key, sizeof row.traveller_key, "%s", tkey);
    /* open referrals are read again at the decision: they may close */
    row.protection = prot & ~(unsigned)BMIS__PROT_OPEN;
    char record[97];
    snprintf(record, sizeof record, "inspection:%s", in->id);
    st = bmis_store_begin(s, err);
    if (st == BMIS_OK)
      st = bmis__inspection_insert(s, &row, err);
    if (st == BMIS_OK)
      st = bmis__inspect_audit(s, actor, "inspection.create", record, in->at,
                               err);
    if (st == BMIS_OK && in->person_id[0]) {
      snprintf(record, sizeof record, "person:%s", in->person_id);
      st = bmis__inspect_audit(s, actor, "traveller.read", record, in->at, err);
    }
    if (st == BMIS_OK)
      st = bmis_store_commit(s, err);
    else
      bmis_store_rollback(s);
  }
  bmis__free(request_text);
  bmis__free(hits_text);
  if (st != BMIS_OK)
    bmis__free(result_text);
  else
    *result_out = result_text;
  return st;
}

/* ---- the whole inspection: (1) facts, (2) rules, (3) save ---- */

bmis_status bmis_inspect(bmis_store *s, const bmis_screen_index *ix,
                         const bmis_inspection_request *rq,
                         const bmis_actor *actor, int64_t at,
                         char id_out[BMIS_ID_SIZE], char **json_out,
                         bmis_error *err) {
  *json_out = NULL;
  id_out[0] = 0;
  if (at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "at: the time of the inspection is required");
  if (!actor->bcp[0])
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "the session has no crossing point: log in at one");
  gathered *g = bmis__calloc(1, sizeof *g);
  bmis_inspection *in = bmis__calloc(1, sizeof *in);
  bmis_status st =
      g && in ? BMIS_OK : bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  if (st == BMIS_OK)
    st = gather(s, ix, rq, actor, at, g, err);
  unsigned prot = 0, listed = 0;
  if (st == BMIS_OK)
    st = bmis__inspect_rules(&g->f, in, &prot, &listed, err);
  if (st == BMIS_OK)
    st = bmis_uuid_v7_at(at * 1000, in->id, err);
  if (st == BMIS_OK) {
    in->at = at;
    snprintf(in->bcp, sizeof in->bcp, "%s", actor->bcp);
    snprintf(in->desk, sizeof in->desk, "%s", actor->desk);
    st = save(s, in, rq, actor, g->tkey, prot, json_out, err);
  }
  if (st == BMIS_OK)
    memcpy(id_out, in->id, BMIS_ID_SIZE);
  if (g)
    bmis_screen_result_free(&g->sr);
  bmis_inspection_fini(in);
  bmis__free(in);
  bmis__free(g);
  return st;
}

bmis_status bmis_inspection_read(bmis_store *s, const char *id,
                                 const bmis_actor *actor, int64_t at,
                                 bmis_inspection *out, bmis_error *err) {
  char *json = NULL, movement[BMIS_ID_SIZE];
  memset(out, 0, sizeof *out);
  if (!id)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no inspection id");
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis_inspection_get(s, id, actor, &json, movement, err);
  if (st == BMIS_OK)
    st = bmis_inspection_from_json(json, strlen(json), out, err);
  if (st == BMIS_E_PARSE) {
    char why[256];
    snprintf(why, sizeof why, "%s", err ? err->message : "");
    st = bmis_error_set(err, BMIS_E_INTERNAL,
                        "inspection %.40s: its stored result cannot be read "
                        "(%.150s)",
                        id, why);
  }
  if (st == BMIS_OK)
    memcpy(out->movement_id, movement, sizeof out->movement_id);
  bmis__free(json);
  char record[97];
  snprintf(record, sizeof record, "inspection:%.80s", id);
  if (st != BMIS_OK) {
    bmis__tx_rollback(s);
    return bmis__audit_refusal(s, actor, at, "inspection.read", record, st);
  }
  /* nothing read is handed out unless the read is audited */
  st = bmis__audit_access(s, actor, at, "inspection.read", record, "ok", NULL,
                          err);
  if (st == BMIS_OK)
    st = bmis__tx_commit(s, err);
  else
    bmis__tx_rollback(s);
  if (st != BMIS_OK) {
    bmis_inspection_fini(out);
    memset(out, 0, sizeof *out);
  }
  return st;
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
  if (at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "at: the time of the disposition is required");
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
  bmis_inspection_hit *hits = NULL;
  size_t n = 0;
  bmis_error e;
  if (bmis__wire_inspection_hits_read(r.hits_json, &hits, &n, &e) != BMIS_OK) {
    st = bmis_error_set(
        err, e.status == BMIS_E_NOMEM ? BMIS_E_NOMEM : BMIS_E_INTERNAL,
        "inspection %.40s: its stored hits cannot be read", id);
  } else if (index < 0 || (size_t)index >= n) {
    st = bmis_error_set(err, BMIS_E_NOT_FOUND, "inspection %.40s has no hit %d",
                        id, index);
  } else if (!r.traveller_key[0]) {
    st = bmis_error_set(err, BMIS_E_RULE,
                        "the document could not be read: there is no "
                        "traveller to keep the disposition under");
  } else {
    const bmis_inspection_hit *h = &hits[index];
    bmis_hit hit;
    memset(&hit, 0, sizeof hit);
    memcpy(hit.list, h->list, sizeof hit.list);
    memcpy(hit.ref, h->ref, sizeof hit.ref);
    memcpy(hit.entry_hash, h->entry_hash, sizeof hit.entry_hash);
    /* the score the desk was shown (inspections stored before it was kept:
     * the highest, so a second person is asked for when in doubt) */
    hit.score = h->score;
    hit.category = h->category;
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
  bmis__free(hits);
  bmis__inspection_row_free(&r);
  return st;
}

/* The decision on an inspection (the movement), the secondary outcome of
 * a referral, and the safeguards both obey (see bmis/inspect.h). */
#include "audit/audit_internal.h"
#include "base/alloc.h"
#include "inspect/inspect_internal.h"

#include "bmis/text.h"

#include "register/register_internal.h"
#include "store/repo.h"
#include "store/repo_inspection.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* The decision's text, refused rather than cut or stored unreadable
 * (issue 12, defect 4): a front end may not have checked. */
static bmis_status decision_texts(const bmis_inspection_decision *d,
                                  bmis_error *err) {
  const unsigned one = BMIS_TEXT_EMPTY_OK,
                 lines = BMIS_TEXT_EMPTY_OK | BMIS_TEXT_LINES;
  bmis_status st = bmis_text_check_field(d->entry_type, sizeof d->entry_type,
                                         one, "entry_type", err);
  if (st == BMIS_OK)
    st = bmis_text_check_field(d->grounds, sizeof d->grounds, one, "grounds",
                               err);
  if (st == BMIS_OK)
    st = bmis_text_check_field(d->explanation, sizeof d->explanation, lines,
                               "explanation", err);
  if (st == BMIS_OK)
    st = bmis_text_check_field(d->language, sizeof d->language, one, "language",
                               err);
  /* the notice's language is a rule of the notices (notice.c), not of the
   * body's form: checked here, for every client, not by the decoder */
  if (st == BMIS_OK && d->language[0] &&
      !bmis_notice_language_known(d->language))
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "language: no refusal notice in \"%s\" (en, fr)",
                        d->language);
  if (st == BMIS_OK)
    st = bmis_text_check_field(d->note, sizeof d->note, lines, "note", err);
  if (st == BMIS_OK)
    st =
        bmis_text_check_field(d->authority_outcome, sizeof d->authority_outcome,
                              lines, "authority_outcome", err);
  return st;
}

/* Whether a text has at least a few letters or digits (of any script):
 * a record of an authority's outcome, or a reason, that says something. */
static bool says_something(const char *text) {
  const uint8_t *u = (const uint8_t *)text;
  int32_t i = 0, n = (int32_t)strlen(text), count = 0;
  while (i < n && count < 4) {
    UChar32 c;
    U8_NEXT(u, i, n, c);
    count += c >= 0 && u_isalnum(c);
  }
  return count >= 4;
}

/* The safeguards on a decision, given what is known of the person (the
 * decision rules, decision_rules.c), as an error in words. */
static bmis_status safeguards(unsigned prot, const bmis_inspection_decision *d,
                              bmis_error *err) {
  bmis_decision_facts f = bmis__decision_facts(prot);
  bmis_reason_code why;
  bmis_status st = bmis_decision_check(&f, d, &why);
  return st == BMIS_OK
             ? BMIS_OK
             : bmis_error_set(err, st, "%s", bmis_reason_template(why));
}

static void fill_decision(bmis_movement *m, const bmis_inspection_decision *d) {
  m->decision = d->decision;
  memset(m->grounds, 0, sizeof m->grounds);
  memset(m->decision_note, 0, sizeof m->decision_note);
  memset(m->entry_type, 0, sizeof m->entry_type);
  m->permitted_until = (bmis_date){0, 0, 0};
  if (d->decision == BMIS_DECISION_REFUSED) {
    snprintf(m->grounds, sizeof m->grounds, "%s", d->grounds);
    snprintf(m->decision_note, sizeof m->decision_note, "%s", d->explanation);
  } else if (d->decision == BMIS_DECISION_REFERRED) {
    snprintf(m->decision_note, sizeof m->decision_note, "%s", d->note);
  } else {
    snprintf(m->entry_type, sizeof m->entry_type, "%s", d->entry_type);
    snprintf(m->decision_note, sizeof m->decision_note, "%s", d->note);
  }
}

typedef struct ref_ctx {
  bmis_decision_result *out;
  bool asylum;
} ref_ctx;

static int collect_referral(const bmis_referral *r, void *ctx) {
  ref_ctx *c = ctx;
  if (r->kind == BMIS_REFERRAL_ASYLUM)
    c->asylum = true;
  if (c->out && c->out->referral_count < 6)
    c->out->referrals[c->out->referral_count++] = *r;
  return 0;
}

/* An inspection the actor may act on: E_FORBIDDEN for another post's. */
static bmis_status inspection_of(bmis_store *s, const char *id,
                                 const bmis_actor *actor,
                                 bmis__inspection_row *r, bmis_error *err) {
  bmis_status st = bmis__inspection_get(s, id, r, err);
  if (st != BMIS_OK)
    return st;
  char what[80];
  snprintf(what, sizeof what, "inspection %.40s", id);
  st = bmis__actor_at(actor, what, r->bcp, err);
  if (st != BMIS_OK)
    bmis__inspection_row_free(r);
  return st;
}

bmis_status bmis_inspection_decide(bmis_store *s, const char *id,
                                   const bmis_inspection_decision *d,
                                   const bmis_actor *actor, int64_t at,
                                   bmis_decision_result *out, bmis_error *err) {
  memset(out, 0, sizeof *out);
  if (at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "at: the time of the decision is required");
  bmis_status st = decision_texts(d, err);
  if (st != BMIS_OK)
    return st;
  bmis__inspection_row r;
  st = inspection_of(s, id, actor, &r, err);
  if (st != BMIS_OK)
    return st;
  bmis_inspection_request rq;
  bmis_bcp bcp;
  bmis_date day;
  bmis_doc *doc = NULL;
  bmis_crossing *c = NULL;
  if (!r.open)
    st = bmis_error_set(err, BMIS_E_CONFLICT,
                        "inspection %.40s was decided already (movement %s)",
                        id, r.id);
  if (st == BMIS_OK)
    st = bmis_inspection_request_from_json(r.request_json,
                                           strlen(r.request_json), &rq, err);
  if (st == BMIS_OK)
    st = bmis_bcp_get(s, r.bcp, &bcp, err);
  if (st == BMIS_OK)
    st = bmis_local_date(bcp.time_zone, r.created_at, &day, err);
  if (st == BMIS_OK) {
    doc = bmis__malloc(sizeof *doc);
    c = bmis__malloc(sizeof *c);
    if (!doc || !c)
      st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  }
  if (st == BMIS_OK) {
    bmis__inspect_parse_doc(rq.mrz, day, doc);
    bmis_crossing_init(c);
    bmis__crossing_from_doc(doc, c);
  }
  /* The safeguards act on everything known now, whatever the order it
   * came in: what the scan found, what was raised since or with this
   * decision, and the person's open referrals from any crossing. */
  unsigned prot = r.protection | bmis__protection_bits(&d->protection);
  unsigned open = 0, listed = 0;
  if (st == BMIS_OK)
    st = bmis__open_bits_of(s, &c->traveller, &c->document, &open, err);
  if (st == BMIS_OK)
    st = bmis__listed_bits(s, r.hits_json, r.traveller_key, &listed, err);
  open |= listed;
  if (st == BMIS_OK)
    st = safeguards(prot | open, d, err);
  r.protection = prot;
  if (st == BMIS_OK) {
    bmis_movement *m = &c->movement;
    *m = rq.card;
    memcpy(m->id, r.id, BMIS_ID_SIZE);
    memcpy(m->bcp, r.bcp, sizeof m->bcp);
    memcpy(m->desk, r.desk, sizeof m->desk);
    snprintf(m->officer, sizeof m->officer, "%s", actor->username);
    m->crossed_at = r.created_at;
    fill_decision(m, d);
    if (d->decision == BMIS_DECISION_ADMITTED)
      c->permitted_days = d->permitted_days;
    bmis_decision_facts f = bmis__decision_facts(r.protection);
    c->referral_count = bmis_decision_referrals(&f, d->decision, c->referrals);
    r.decided_at = at;
    snprintf(r.decided_by, sizeof r.decided_by, "%s", actor->username);
    r.held = d->decision == BMIS_DECISION_REFUSED && d->held_pending_return;
    snprintf(r.minor_alternative, sizeof r.minor_alternative, "%s",
             d->decision == BMIS_DECISION_REFUSED && d->minor_alternative
                 ? bmis_minor_alternative_code(d->minor_alternative)
                 : "");
    snprintf(r.notice_language, sizeof r.notice_language, "%s",
             d->language[0] ? d->language : "en");
  }
  bmis_record_result rr;
  if (st == BMIS_OK)
    st = bmis_store_begin(s, err);
  if (st == BMIS_OK) {
    c->recorded_at = at; /* L: the register takes the instant it is given */
    st = bmis_movement_record(s, c, &rr, err);
    if (st == BMIS_OK && rr.duplicate)
      st = bmis_error_set(err, BMIS_E_CONFLICT,
                          "inspection %.40s was decided already", id);
    if (st == BMIS_OK)
      st = bmis__inspection_decide(s, &r, err);
    char record[97];
    snprintf(record, sizeof record, "movement:%s", r.id);
    if (st == BMIS_OK)
      st = bmis__inspect_audit(s, actor, "movement.record", record, at, err);
    /* the referrals opened are read inside the transaction: a failure to
     * read them is the decision's failure, with nothing written (read
     * after the commit, it left a decision the caller was told failed) */
    if (st == BMIS_OK) {
      memcpy(out->movement_id, r.id, BMIS_ID_SIZE);
      out->decision = d->decision;
      ref_ctx rc = {out, false};
      st = bmis_movement_referrals(s, r.id, collect_referral, &rc, err);
    }
    if (st == BMIS_OK)
      st = bmis_store_commit(s, err);
    else
      bmis_store_rollback(s);
  }
  bmis__free(doc);
  bmis__free(c);
  bmis__inspection_row_free(&r);
  return st;
}

/* ---- secondary inspection ---- */

bmis_status bmis__movement_at(bmis_store *s, const bmis_actor *actor,
                              const char *id, bmis_movement *out,
                              bmis_error *err) {
  bmis_status st = bmis_movement_get(s, id, out, err);
  char what[80];
  snprintf(what, sizeof what, "movement %.40s", id);
  if (st == BMIS_OK)
    st = bmis__actor_at(actor, what, out->bcp, err);
  return st;
}

/* The end of an audited access to movement `id`: its entry in the
 * access's transaction and the commit when st is BMIS_OK (then the
 * movement as it now stands in *out), else the rollback and, for a
 * refusal, its entry. */
static bmis_status movement_audited(bmis_store *s, const bmis_actor *actor,
                                    int64_t at, const char *action,
                                    const char *id, bmis_status st,
                                    bmis_movement *out, bmis_error *err) {
  char record[97];
  snprintf(record, sizeof record, "movement:%.80s", id);
  if (st == BMIS_OK)
    st = bmis_movement_get(s, id, out, err);
  if (st == BMIS_OK)
    st = bmis__audit_access(s, actor, at, action, record, "ok", NULL, err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return bmis__audit_refusal(s, actor, at, action, record, st);
}

bmis_status bmis_inspection_movement_get(bmis_store *s, const bmis_actor *actor,
                                         int64_t at, const char *id,
                                         bmis_movement *out, bmis_error *err) {
  if (!actor || !id || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no actor or movement");
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__movement_at(s, actor, id, out, err);
  return movement_audited(s, actor, at, "movement.read", id, st, out, err);
}

bmis_status bmis_inspection_movement_void(bmis_store *s,
                                          const bmis_actor *actor, int64_t at,
                                          const char *id,
                                          const bmis_change *change,
                                          bmis_movement *out, bmis_error *err) {
  if (!actor || !id || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no actor or movement");
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__movement_at(s, actor, id, out, err);
  if (st == BMIS_OK)
    st = bmis_movement_void(s, id, change, err);
  return movement_audited(s, actor, at, "movement.void", id, st, out, err);
}

/* The referrals of the actor's crossing points (through their movement). */
typedef struct scoped {
  bmis_store *s;
  const bmis_actor *actor;
  bmis_referral_fn fn;
  void *ctx;
  bmis_referral *r;
  size_t n, cap;
  bool failed;
} scoped;

static int keep_referral(const bmis_referral *r, void *ctx) {
  scoped *sc = ctx;
  if (sc->n == sc->cap) {
    size_t cap = sc->cap ? 2 * sc->cap : 64;
    bmis_referral *grown = bmis__realloc(sc->r, cap * sizeof *grown);
    if (!grown) {
      sc->failed = true;
      return 1;
    }
    sc->r = grown;
    sc->cap = cap;
  }
  sc->r[sc->n++] = *r;
  return 0;
}

static bmis_status referral_list(bmis_store *s, const bmis_actor *actor,
                                 bool open_only, bmis_referral_fn fn, void *ctx,
                                 bmis_error *err) {
  if (actor->all_bcps)
    return bmis__referral_list(s, open_only, fn, ctx, err);
  /* collected first: the movement look-ups must not run inside the scan */
  scoped sc = {s, actor, fn, ctx, NULL, 0, 0, false};
  bmis_status st = bmis__referral_list(s, open_only, keep_referral, &sc, err);
  if (st == BMIS_OK && sc.failed)
    st = bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  for (size_t i = 0; st == BMIS_OK && i < sc.n; i++) {
    bmis_movement m;
    st = bmis_movement_get(s, sc.r[i].movement_id, &m, err);
    if (st == BMIS_OK && strcmp(m.bcp, actor->bcp) == 0 && fn(&sc.r[i], ctx))
      break;
  }
  bmis__free(sc.r);
  return st;
}

/* the closed ones of a list of all */
typedef struct closed_only {
  bmis_referral_fn fn;
  void *ctx;
} closed_only;

static int pass_closed(const bmis_referral *r, void *ctx) {
  closed_only *c = ctx;
  return r->open ? 0 : c->fn(r, c->ctx);
}

bmis_status bmis_referral_list(bmis_store *s, const bmis_actor *actor,
                               int64_t at, bmis_referral_filter which,
                               bmis_referral_fn fn, void *ctx,
                               bmis_error *err) {
  static const char *const record[] = {"referrals:open", "referrals:closed",
                                       "referrals:all"};
  if (!actor || !fn)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no actor or callback");
  if (which != BMIS_REFERRALS_OPEN && which != BMIS_REFERRALS_CLOSED &&
      which != BMIS_REFERRALS_ALL)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "which: open, closed or all");
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = bmis__audit_access(s, actor, at, "referral.list", record[which], "ok",
                          NULL, err);
  closed_only c = {fn, ctx};
  if (st == BMIS_OK)
    st = which == BMIS_REFERRALS_CLOSED
             ? referral_list(s, actor, false, pass_closed, &c, err)
             : referral_list(s, actor, which == BMIS_REFERRALS_OPEN, fn, ctx,
                             err);
  if (st == BMIS_OK)
    return bmis__tx_commit(s, err);
  bmis__tx_rollback(s);
  return st;
}

bmis_status bmis_referral_get(bmis_store *s, const char *id,
                              const bmis_actor *actor, bmis_referral *out,
                              bmis_error *err) {
  bmis_status st = bmis__referral_get(s, id, out, err);
  bmis_movement m;
  char what[80];
  snprintf(what, sizeof what, "referral %.40s", id);
  if (st == BMIS_OK)
    st = bmis_movement_get(s, out->movement_id, &m, err);
  if (st == BMIS_OK)
    st = bmis__actor_at(actor, what, m.bcp, err);
  return st;
}

/* What the safeguards need to know of a movement's person: from its
 * inspection when it had one, and from its referrals and the traveller's
 * age in any case (a movement recorded from the command line has no
 * inspection). */
static bmis_status protection_of(bmis_store *s, const bmis_movement *m,
                                 unsigned *prot, bool *inspected,
                                 bmis__inspection_row *row, bmis_error *err) {
  *prot = 0;
  *inspected = false;
  bmis_error e;
  bmis_status st = bmis__inspection_get(s, m->id, row, &e);
  if (st == BMIS_OK) {
    *prot = row->protection;
    *inspected = true;
  } else if (st != BMIS_E_NOT_FOUND) {
    return bmis_error_set(err, st, "%s", e.message);
  }
  ref_ctx rc = {NULL, false};
  st = bmis_movement_referrals(s, m->id, collect_referral, &rc, err);
  if (rc.asylum)
    *prot |= BMIS__PROT_ASYLUM;
  bmis_traveller t;
  if (st == BMIS_OK)
    st = bmis_traveller_get(s, m->traveller_id, &t, err);
  if (st == BMIS_OK && !t.birth.year) /* age unknown: a possible child */
    *prot |= BMIS__PROT_MINOR;
  if (st == BMIS_OK && t.birth.year) {
    bmis_date b = t.birth;
    /* a partial birth date counts at its latest possible day */
    if (!b.month)
      b.month = 12;
    if (!b.day)
      b.day = (int8_t)bmis_date_days_in_month(b.year, b.month);
    if (bmis_date_years_between(b, m->local_date) < 18)
      *prot |= BMIS__PROT_MINOR;
  }
  return st;
}

bmis_status bmis_referral_outcome_record(bmis_store *s, const char *referral_id,
                                         bmis_referral_outcome outcome,
                                         const bmis_inspection_decision *din,
                                         const bmis_actor *actor, int64_t at,
                                         bmis_error *err) {
  if (at <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "at: the time of the outcome is required");
  if (!din || decision_texts(din, err) != BMIS_OK)
    return din ? BMIS_E_INVALID_ARG
               : bmis_error_set(err, BMIS_E_INVALID_ARG, "no decision");
  bmis_inspection_decision d = *din;
  switch (outcome) {
  case BMIS_OUTCOME_ADMITTED: d.decision = BMIS_DECISION_ADMITTED; break;
  case BMIS_OUTCOME_REFUSED: d.decision = BMIS_DECISION_REFUSED; break;
  case BMIS_OUTCOME_REFERRED_ONWARD: d.decision = BMIS_DECISION_REFERRED; break;
  default:
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "outcome: must be admitted, refused or "
                          "referred_onward");
  }
  bmis_referral ref;
  bmis_movement m;
  bmis__inspection_row row;
  memset(&row, 0, sizeof row);
  unsigned prot = 0;
  bool inspected = false;
  bmis_status st = bmis_referral_get(s, referral_id, actor, &ref, err);
  if (st == BMIS_OK && !ref.open)
    st = bmis_error_set(err, BMIS_E_CONFLICT,
                        "referral %.40s is closed already", referral_id);

  if (st == BMIS_OK)
    st = bmis_movement_get(s, ref.movement_id, &m, err);
  if (st == BMIS_OK)
    st = protection_of(s, &m, &prot, &inspected, &row, err);
  /* At secondary inspection the person has been heard: a supervisor may
   * admit an asylum seeker (to the procedure) and decide on a possible
   * victim of trafficking after the referral; an asylum seeker is still
   * never refused, nor a minor held. */
  if (st == BMIS_OK && d.decision == BMIS_DECISION_REFUSED)
    st = safeguards(
        prot & ~(unsigned)(BMIS__PROT_TRAFFICKING | BMIS__PROT_PROTECTION_HIT),
        &d, err);
  /* a protective referral ends only with the authority's word: words
   * that say something, not a blank, a dot or a letter */
  if (st == BMIS_OK && bmis_referral_kind_protective(ref.kind) &&
      (!says_something(d.authority_outcome) ||
       !says_something(d.note[0] ? d.note : d.explanation)))
    st = bmis_error_set(
        err, BMIS_E_INVALID_ARG,
        "authority_outcome, note: a %s referral is closed with the competent "
        "authority's recorded outcome and a reason; until then the person "
        "stays protected",
        bmis_code_name(BMIS_LIST_REFERRAL_KIND, ref.kind));
  if (st == BMIS_OK && d.decision == BMIS_DECISION_REFERRED && !d.note[0])
    st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "note: say to whom the person is referred onward");
  /* the referral's note and the history's reason: the words given,
   * whole, or a clear refusal (text is never cut) */
  char note[513], reason[513];
  const char *why = d.note[0] ? d.note : d.explanation;
  const char *done = bmis_code_name(BMIS_LIST_DECISION, d.decision);
  if (st == BMIS_OK) {
    int n = d.authority_outcome[0]
                ? snprintf(note, sizeof note, "%s; authority: %s; reason: %s",
                           done, d.authority_outcome, why)
            : outcome == BMIS_OUTCOME_REFERRED_ONWARD
                ? snprintf(note, sizeof note, "referred onward: %s", d.note)
                : snprintf(note, sizeof note, "%s%s%s", done,
                           why[0] ? ": " : "", why);
    int r = snprintf(reason, sizeof reason, "secondary inspection: %s", note);
    if (n < 0 || r < 0 || (size_t)r >= sizeof reason)
      st = bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "note, authority_outcome: together with the "
                          "outcome they make a record longer than %zu "
                          "bytes; shorten them",
                          sizeof reason - 1);
  }
  if (st == BMIS_OK)
    st = bmis_store_begin(s, err);
  if (st != BMIS_OK) {
    bmis__inspection_row_free(&row);
    return st;
  }
  st = bmis__referral_close_one(s, referral_id, at, note, err);
  if (st == BMIS_OK && outcome != BMIS_OUTCOME_REFERRED_ONWARD) {
    bmis_movement next = m;
    fill_decision(&next, &d);
    if (d.decision == BMIS_DECISION_ADMITTED && d.permitted_days > 0)
      next.permitted_until = bmis_date_from_days(
          bmis_date_to_days(m.local_date) + d.permitted_days - 1);
    snprintf(next.officer, sizeof next.officer, "%s", actor->username);
    bmis_change ch;
    memset(&ch, 0, sizeof ch);
    snprintf(ch.by, sizeof ch.by, "%s", actor->username);
    memcpy(ch.reason, reason, sizeof ch.reason);
    ch.at = at;
    st = bmis_movement_decide(s, &next, &ch, err);
    if (st == BMIS_OK && inspected) {
      row.held = d.decision == BMIS_DECISION_REFUSED && d.held_pending_return;
      snprintf(row.minor_alternative, sizeof row.minor_alternative, "%s",
               d.decision == BMIS_DECISION_REFUSED && d.minor_alternative
                   ? bmis_minor_alternative_code(d.minor_alternative)
                   : "");
      if (d.language[0])
        snprintf(row.notice_language, sizeof row.notice_language, "%s",
                 d.language);
      row.decided_at = at;
      snprintf(row.decided_by, sizeof row.decided_by, "%s", actor->username);
      st = bmis__inspection_decide(s, &row, err);
    }
  }
  char record[97];
  snprintf(record, sizeof record, "referral:%s", referral_id);
  if (st == BMIS_OK)
    st = bmis__inspect_audit(s, actor, "referral.outcome", record, at, err);
  if (st == BMIS_OK)
    st = bmis_store_commit(s, err);
  else
    bmis_store_rollback(s);
  bmis__inspection_row_free(&row);
  return st;
}

static bmis_status correct(bmis_store *s, const bmis_actor *actor,
                           const bmis_movement *corrected,
                           const bmis_change *change, bmis_error *err) {
  bmis_movement old;
  bmis_status st = bmis__movement_at(s, actor, corrected->id, &old, err);
  if (st != BMIS_OK)
    return st;
  /* a correction does not move a record to another post's books */
  if (strcmp(corrected->bcp, old.bcp) != 0 && !actor->all_bcps)
    return bmis_error_set(err, BMIS_E_FORBIDDEN,
                          "bcp: this session cannot move a movement to "
                          "crossing point %.16s",
                          corrected->bcp);
  if (corrected->decision == BMIS_DECISION_REFUSED &&
      old.decision != BMIS_DECISION_REFUSED) {
    unsigned prot;
    bool inspected;
    bmis__inspection_row row;
    memset(&row, 0, sizeof row);
    st = protection_of(s, &old, &prot, &inspected, &row, err);
    bmis__inspection_row_free(&row);
    if (st != BMIS_OK)
      return st;
    const char *why =
        bmis__safeguard_refuse(prot & ~(unsigned)BMIS__PROT_TRAFFICKING);
    if (!why && prot & BMIS__PROT_MINOR)
      why = bmis_reason_template(BMIS_REASON_BAR_CORRECT_MINOR);
    if (why)
      return bmis_error_set(err, BMIS_E_SAFEGUARD, "%s", why);
  }
  return bmis_movement_correct(s, corrected, change, err);
}

bmis_status bmis_inspection_correct(bmis_store *s, const bmis_actor *actor,
                                    int64_t at, const bmis_movement *corrected,
                                    const bmis_change *change,
                                    bmis_movement *out, bmis_error *err) {
  if (!actor || !corrected || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no actor or movement");
  char id[BMIS_ID_SIZE];
  snprintf(id, sizeof id, "%s", corrected->id);
  bmis_status st = bmis__tx_begin(s, err);
  if (st != BMIS_OK)
    return st;
  st = correct(s, actor, corrected, change, err);
  return movement_audited(s, actor, at, "movement.correct", id, st, out, err);
}

bmis_status bmis_inspection_purge(bmis_store *s, int64_t before, int64_t *count,
                                  bmis_error *err) {
  *count = 0;
  if (before <= 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "before: a time (Unix seconds) is needed");
  return bmis__inspection_purge(s, before, count, err);
}

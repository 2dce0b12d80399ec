/* The rules of the desk as a pure function: the facts an inspection
 * gathered (the document as read, the request, the hits, the person's
 * history, stay and open referrals) in, the result the desk is shown out
 * (bmis_inspection: the recommendation and its reasons as codes, the
 * protection prompts, the decisions allowed). No store, no clock; the only
 * allocation is the result's hits. Table-tested in
 * tests/unit/inspect/test_rules.c. */
#include "base/alloc.h"
#include "inspect/inspect_internal.h"

#include "register/register_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Dismissed earlier (and the entry unchanged since), and the dismissal in
 * force: one that awaits a second person, or that a supervisor rejected,
 * clears nothing. */
static bool hit_cleared(const bmis_hit *h) {
  return h->previously_disposed && bmis__dismissal_in_force(&h->previous);
}

static bool hit_is_protective(const bmis_hit *h) {
  return h->category == BMIS_WL_PROTECTION_ALERT ||
         h->action == BMIS_HIT_PROTECT;
}

bmis_reason *bmis__reason_add(bmis_reason *list, int *n, int max,
                              bmis_reason_code code) {
  if (*n >= max)
    return NULL;
  bmis_reason *r = &list[(*n)++];
  memset(r, 0, sizeof *r);
  r->code = code;
  return r;
}

static bmis_reason *why(bmis_inspection *in, bmis_reason_code code) {
  return bmis__reason_add(in->reasons, &in->reason_count,
                          BMIS_INSPECTION_REASONS_MAX, code);
}

static void document_of(const bmis_doc *doc, bmis_inspection *in) {
  in->doc_valid = doc->valid;
  in->doc_format = doc->format;
  for (int f = 1; f < BMIS_FIELD_COUNT; f++) {
    const bmis_doc_field *fd = &doc->fields[f];
    if (fd->verdict == BMIS_VERDICT_ABSENT || f == BMIS_FIELD_NAME)
      continue;
    bmis_inspection_field *out = &in->fields[in->field_count++];
    out->id = (bmis_doc_field_id)f;
    out->verdict = fd->verdict;
    bmis_doc_field_value(doc, out->id, out->value, sizeof out->value);
    for (int i = 0; i < doc->nfindings; i++)
      if ((int)doc->findings[i].field == f &&
          doc->findings[i].code == BMIS_FINDING_OCR_CORRECTED)
        out->repaired = true;
  }
  for (int i = 0; i < doc->nfindings; i++) {
    const bmis_finding *fi = &doc->findings[i];
    bmis_inspection_finding *out = &in->findings[in->finding_count++];
    out->code = fi->code;
    out->severity = fi->severity;
    out->field = fi->field;
    bmis_finding_message(fi, out->message, sizeof out->message);
  }
}

static bmis_status hit_of(const bmis_hit *h, bmis_inspection_hit *out) {
  bmis_error e;
  if (bmis_hit_explain(h, out->explanation, sizeof out->explanation, &e) !=
      BMIS_OK)
    snprintf(out->explanation, sizeof out->explanation, "%s", e.message);
  out->kind = h->kind;
  memcpy(out->list, h->list, sizeof out->list);
  out->category = h->category;
  out->action = h->action;
  memcpy(out->ref, h->ref, sizeof out->ref);
  memcpy(out->entry_hash, h->entry_hash, sizeof out->entry_hash);
  out->score = h->score;
  snprintf(out->listed_name, sizeof out->listed_name, "%s",
           h->kind == BMIS_HIT_PERSON ? h->listed_name : h->doc_number);
  out->disposed = h->previously_disposed && !h->previous.voided;
  if (out->disposed)
    out->previous = h->previous;
  out->cleared = hit_cleared(h);
  return BMIS_OK;
}

void bmis__protection_reasons(unsigned prot, bmis_inspection *in, bool reasons,
                              bool prompts) {
  bmis_reason *p = in->prompts;
  int *np = &in->prompt_count, max = BMIS_INSPECTION_PROMPTS_MAX;
  if (prot & BMIS__PROT_ASYLUM) {
    if (reasons)
      why(in, BMIS_REASON_ASYLUM);
    if (prompts)
      bmis__reason_add(p, np, max, BMIS_REASON_PROMPT_ASYLUM);
  }
  if (prot & BMIS__PROT_OPEN_ASYLUM) {
    if (reasons)
      why(in, BMIS_REASON_OPEN_ASYLUM);
    if (prompts)
      bmis__reason_add(p, np, max, BMIS_REASON_PROMPT_OPEN_ASYLUM);
  }
  if (prot & BMIS__PROT_OPEN_CHILD && reasons)
    why(in, BMIS_REASON_OPEN_CHILD);
  if (prot & BMIS__PROT_OPEN_TRAFFICKING && reasons)
    why(in, BMIS_REASON_OPEN_TRAFFICKING);
  if (prot & BMIS__PROT_UNACCOMPANIED) {
    if (reasons)
      why(in, BMIS_REASON_UNACCOMPANIED);
    if (prompts)
      bmis__reason_add(p, np, max, BMIS_REASON_PROMPT_UNACCOMPANIED);
  } else if (prot & BMIS__PROT_MINOR && prompts) {
    bmis__reason_add(p, np, max, BMIS_REASON_PROMPT_MINOR);
  }
  if (prot & BMIS__PROT_TRAFFICKING) {
    if (reasons)
      why(in, BMIS_REASON_TRAFFICKING);
    if (prompts)
      bmis__reason_add(p, np, max, BMIS_REASON_PROMPT_TRAFFICKING);
  }
}

void bmis__inspection_protection(unsigned prot, unsigned listed,
                                 bmis_inspection *in) {
  in->minor = (prot & BMIS__PROT_MINOR) != 0;
  in->asylum = (prot & BMIS__PROT_ASYLUM) != 0;
  in->unaccompanied = (prot & BMIS__PROT_UNACCOMPANIED) != 0;
  in->open_asylum = (prot & BMIS__PROT_OPEN_ASYLUM) != 0;
  in->open_child = (prot & BMIS__PROT_OPEN_CHILD) != 0;
  in->open_trafficking = (prot & BMIS__PROT_OPEN_TRAFFICKING) != 0;
  bmis__inspect_required_referrals(prot, in->referrals, &in->referral_count);
  in->prompt_count = 0;
  bmis__protection_reasons(prot, in, false, true);
  bmis_reason_code admit = bmis__safeguard_admit_code(prot | listed);
  bmis_reason_code refuse = bmis__safeguard_refuse_code(prot);
  in->admit = (bmis_inspection_allowed){admit == BMIS_REASON_NONE, admit};
  in->refuse = (bmis_inspection_allowed){refuse == BMIS_REASON_NONE, refuse};
  in->refer = (bmis_inspection_allowed){true, BMIS_REASON_NONE};
}

bmis_status bmis__inspect_rules(const bmis_inspection_facts *f,
                                bmis_inspection *in, unsigned *prot_out,
                                unsigned *listed_out, bmis_error *err) {
  memset(in, 0, sizeof *in);
  *prot_out = *listed_out = 0;
  if (!f->doc || (f->hit_count && !f->hits) ||
      (f->history_count && !f->history) || f->history_count < 0 ||
      f->history_count > BMIS_INSPECTION_HISTORY_MAX)
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "facts: a document is required, and hits and "
                          "history as counted (at most %d crossings)",
                          BMIS_INSPECTION_HISTORY_MAX);
  const bmis_doc *doc = f->doc;
  bmis_crossing c;
  bmis_crossing_init(&c);
  bmis__crossing_from_doc(doc, &c);
  in->traveller = c.traveller;
  in->document = c.document;
  in->direction = f->direction;
  const bmis_traveller *t = &c.traveller;

  unsigned prot = 0;
  /* possibly under 18, or of unknown age (ICAO allows an unknown date of
   * birth): a child until the age is assessed */
  if (doc->minor || !t->birth.year)
    prot |= BMIS__PROT_MINOR;
  if (f->asylum || f->purpose == BMIS_PURPOSE_ASYLUM)
    prot |= BMIS__PROT_ASYLUM;
  if (f->unaccompanied)
    prot |= BMIS__PROT_UNACCOMPANIED | BMIS__PROT_MINOR;
  if (f->trafficking)
    prot |= BMIS__PROT_TRAFFICKING;
  if (f->state[0] && strcmp(t->nationality, f->state) == 0)
    prot |= BMIS__PROT_NATIONAL;
  if (f->open_asylum)
    prot |= BMIS__PROT_OPEN_ASYLUM;
  if (f->open_child)
    prot |= BMIS__PROT_OPEN_CHILD;
  if (f->open_trafficking)
    prot |= BMIS__PROT_OPEN_TRAFFICKING;

  if (f->hit_count &&
      !(in->hits = bmis__calloc(f->hit_count, sizeof *in->hits)))
    return bmis_error_set(err, BMIS_E_NOMEM, "out of memory");
  in->hit_count = f->hit_count;
  unsigned listed = 0; /* shown, not stored: read again at the decision */
  int open_hits = 0;
  for (size_t i = 0; i < f->hit_count; i++) {
    const bmis_hit *h = &f->hits[i];
    hit_of(h, &in->hits[i]);
    if (hit_is_protective(h) && !hit_cleared(h)) {
      prot |= BMIS__PROT_PROTECTION_HIT;
      in->protection_hits++;
      bmis_reason *r = why(in, BMIS_REASON_PROTECTION_ALERT);
      if (r) {
        snprintf(r->text[0], sizeof r->text[0], "%s", h->list);
        snprintf(r->text[1], sizeof r->text[1], "%s", h->ref);
      }
    } else if (!hit_cleared(h)) {
      open_hits++;
      if (bmis__category_bars_admission(h->category))
        listed = BMIS__PROT_LISTED;
    }
  }
  bmis_reason *r;
  if (open_hits && (r = why(in, BMIS_REASON_OPEN_HITS)))
    r->number[0] = open_hits;
  if (doc_unreadable(doc))
    why(in, BMIS_REASON_DOCUMENT_FAILED);
  else if (doc_expired(doc))
    why(in, BMIS_REASON_DOCUMENT_EXPIRED);
  bmis__protection_reasons(prot, in, true, false);
  if (f->has_stay && f->direction == BMIS_DIRECTION_ENTRY &&
      !(prot & BMIS__PROT_NATIONAL)) {
    if (f->stay.present)
      why(in, BMIS_REASON_STILL_PRESENT);
    if (f->stay.window_exceeded && (r = why(in, BMIS_REASON_WINDOW_EXCEEDED))) {
      r->number[0] = f->stay.days_in_window;
      r->number[1] = f->stay.window_days;
      r->number[2] = f->stay.window_limit;
    }
  }
  if (f->has_stay && f->direction == BMIS_DIRECTION_EXIT &&
      f->stay.days_over > 0 && (r = why(in, BMIS_REASON_OVERSTAYED)))
    r->number[0] = f->stay.days_over;
  if (!f->screened)
    why(in, BMIS_REASON_NOT_SCREENED);
  in->action =
      in->reason_count > 0 ? BMIS_RECOMMEND_REFER : BMIS_RECOMMEND_ADMIT;

  document_of(doc, in);
  in->age = doc->age_min >= 0 ? doc->age_min : -1;
  memcpy(in->person_id, f->person_id, sizeof in->person_id);
  in->history_count = f->history_count;
  for (int i = 0; i < f->history_count; i++)
    in->history[i] = f->history[i];
  in->history_total = f->history_total;
  in->has_stay = f->has_stay;
  if (f->has_stay)
    in->stay = f->stay;
  in->trafficking = f->trafficking;
  bmis__inspection_protection(prot, listed, in);
  *prot_out = prot;
  *listed_out = listed;
  return BMIS_OK;
}

bmis_status bmis_inspection_evaluate(const bmis_inspection_facts *f,
                                     bmis_inspection *out, bmis_error *err) {
  unsigned prot, listed;
  if (!f || !out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "facts and out required");
  return bmis__inspect_rules(f, out, &prot, &listed, err);
}

/* A hit in words, for the officer (the CLI's readable output and, later,
 * the console): what matched, token by token, and what the person's
 * details added or took away. */
#include "bmis/screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct out {
  char *p;
  size_t len, cap;
  bool cut;
} out;

__attribute__((format(printf, 2, 3))) static void say(out *o, const char *fmt,
                                                      ...) {
  if (o->cut)
    return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(o->p + o->len, o->cap - o->len, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= o->cap - o->len) {
    o->cut = true;
    return;
  }
  o->len += (size_t)n;
}

static const char *how_words(bmis_token_match m) {
  switch (m) {
  case BMIS_TOKEN_EXACT: return "same";
  case BMIS_TOKEN_SPELLING: return "other spelling";
  case BMIS_TOKEN_TYPO: return "close spelling";
  case BMIS_TOKEN_INITIAL: return "initial";
  case BMIS_TOKEN_JOINED: return "joined/split";
  case BMIS_TOKEN_MISSING: return "listed, not presented";
  case BMIS_TOKEN_EXTRA: return "presented, not listed";
  }
  return "?";
}

bmis_status bmis_hit_explain(const bmis_hit *h, char *buf, size_t cap,
                             bmis_error *err) {
  if (!h || !buf || cap == 0)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no hit or buffer");
  out o = {buf, 0, cap, false};
  buf[0] = 0;
  say(&o, "%s hit %.2f on list %s (%s; action: %s), entry %s\n",
      h->kind == BMIS_HIT_DOCUMENT ? "Document" : "Person", h->score, h->list,
      bmis_wl_category_code(h->category) ? bmis_wl_category_code(h->category)
                                         : "?",
      bmis_hit_action_code(h->action) ? bmis_hit_action_code(h->action) : "?",
      h->ref);
  if (h->kind == BMIS_HIT_DOCUMENT) {
    say(&o, "  listed document %s %s%s%s: %s\n",
        h->doc_state[0] ? h->doc_state : "(any state)", h->doc_number,
        h->doc_status ? ", " : "",
        h->doc_status ? bmis_doc_status_code(h->doc_status) : "",
        h->doc_detail);
  } else {
    say(&o,
        "  listed %s name \"%s\" (as %s), presented as %s: name score "
        "%.2f\n",
        bmis_name_quality_code(h->listed_quality)
            ? bmis_name_quality_code(h->listed_quality)
            : "",
        h->listed_name, h->listed_form, h->presented_form, h->name_score);
    for (size_t i = 0; i < h->token_count; i++) {
      const bmis_hit_token *t = &h->tokens[i];
      if (t->how == BMIS_TOKEN_MISSING || t->how == BMIS_TOKEN_EXTRA)
        say(&o, "    %-20s %-20s %s (weight %.2f)\n",
            t->listed[0] ? t->listed : "-",
            t->presented[0] ? t->presented : "-", how_words(t->how), t->weight);
      else
        say(&o, "    %-20s %-20s %s %.2f (weight %.2f)\n", t->listed,
            t->presented, how_words(t->how), t->similarity, t->weight);
    }
    for (size_t i = 0; i < h->factor_count; i++)
      say(&o, "  %s %+.2f: %s\n", h->factors[i].what, h->factors[i].delta,
          h->factors[i].detail);
  }
  if (h->previously_disposed) {
    const bmis_hit_disposition *p = &h->previous;
    char review[160] = "";
    if (p->voided)
      snprintf(review, sizeof review, " -- VOID: the entry has changed since");
    else if (p->review == BMIS_REVIEW_PENDING)
      snprintf(review, sizeof review,
               " -- AWAITING CONFIRMATION by a second supervisor: not in "
               "force");
    else if (p->review == BMIS_REVIEW_REJECTED)
      snprintf(review, sizeof review, " -- REJECTED by %.63s: not in force",
               p->reviewed_by);
    else if (p->review == BMIS_REVIEW_CONFIRMED)
      snprintf(review, sizeof review, " -- confirmed by %.63s", p->reviewed_by);
    say(&o, "  previously %s by %s (%s): %s%s\n",
        bmis_hit_decision_code(p->decision)
            ? bmis_hit_decision_code(p->decision)
            : "?",
        p->by, p->role, p->reason, review);
  }
  if (o.cut)
    return bmis_error_set(err, BMIS_E_BUFFER_SMALL,
                          "explanation longer than %zu bytes", cap);
  return BMIS_OK;
}

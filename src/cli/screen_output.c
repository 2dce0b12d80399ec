/* Printing screening results: the hits as JSON (docs/SCREENING.md,
 * "Screening from the command line") and as text, through the library's
 * explanation. */
#include "screen_output.h"

#include "bmis/register.h"

#include <stdlib.h>
#include <string.h>

/* Scores to 3 decimals (no libm needed); never -0. */
static json_t *score(double x) {
  double scaled = x * 1000.0;
  long long r = (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
  return json_real(r == 0 ? 0.0 : (double)r / 1000.0);
}

json_t *screen_json_text(const char *s) {
  json_t *j = json_string(s ? s : "");
  if (j)
    return j;
  /* Not UTF-8: bytes outside ASCII become '?'. */
  size_t n = strlen(s);
  char *copy = malloc(n + 1);
  if (!copy)
    return NULL;
  for (size_t i = 0; i <= n; i++)
    copy[i] = (unsigned char)s[i] < 0x80 ? s[i] : '?';
  j = json_string(copy);
  free(copy);
  return j;
}

static json_t *text(const char *s) {
  return screen_json_text(s);
}

static json_t *tokens_json(const bmis_hit *h) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < h->token_count && i < BMIS_HIT_MAX_TOKENS; i++) {
    const bmis_hit_token *t = &h->tokens[i];
    json_t *o = json_object();
    json_object_set_new(o, "listed", text(t->listed));
    json_object_set_new(o, "presented", text(t->presented));
    json_object_set_new(o, "how", text(bmis_token_match_code(t->how)));
    json_object_set_new(o, "similarity", score(t->similarity));
    json_object_set_new(o, "weight", score(t->weight));
    json_array_append_new(a, o);
  }
  return a;
}

static json_t *factors_json(const bmis_hit *h) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < h->factor_count && i < BMIS_HIT_MAX_FACTORS;
       i++) {
    const bmis_hit_factor *f = &h->factors[i];
    json_t *o = json_object();
    json_object_set_new(o, "what", text(f->what));
    json_object_set_new(o, "delta", score(f->delta));
    json_object_set_new(o, "detail", text(f->detail));
    json_array_append_new(a, o);
  }
  return a;
}

static json_t *previous_json(const bmis_hit_disposition *d) {
  char at[21];
  json_t *o = json_object();
  json_object_set_new(o, "id", text(d->id));
  json_object_set_new(o, "decision", text(bmis_hit_decision_code(d->decision)));
  json_object_set_new(o, "reason", text(d->reason));
  json_object_set_new(o, "by", text(d->by));
  json_object_set_new(o, "role", text(d->role));
  json_object_set_new(o, "at", text(bmis_time_format(d->at, at)));
  json_object_set_new(o, "voided", json_boolean(d->voided));
  json_object_set_new(
      o, "review", d->review ? text(bmis_review_code(d->review)) : json_null());
  return o;
}

static json_t *hit_json(const bmis_hit *h) {
  json_t *o = json_object();
  bool doc = h->kind == BMIS_HIT_DOCUMENT;
  json_object_set_new(o, "kind", text(doc ? "document" : "person"));
  json_object_set_new(o, "score", score(h->score));
  json_object_set_new(o, "list", text(h->list));
  json_object_set_new(o, "category", text(bmis_wl_category_code(h->category)));
  json_object_set_new(o, "action", text(bmis_hit_action_code(h->action)));
  json_object_set_new(o, "ref", text(h->ref));
  json_object_set_new(o, "entry_hash", text(h->entry_hash));
  json_object_set_new(o, "threshold", score(h->threshold));
  if (doc) {
    json_object_set_new(o, "doc_state", text(h->doc_state));
    json_object_set_new(o, "doc_number", text(h->doc_number));
    json_object_set_new(o, "doc_status",
                        text(bmis_doc_status_code(h->doc_status)));
    json_object_set_new(o, "doc_detail", text(h->doc_detail));
  } else {
    json_object_set_new(o, "listed_name", text(h->listed_name));
    json_object_set_new(o, "listed_quality",
                        text(bmis_name_quality_code(h->listed_quality)));
    json_object_set_new(o, "listed_form", text(h->listed_form));
    json_object_set_new(o, "presented_form", text(h->presented_form));
    json_object_set_new(o, "name_score", score(h->name_score));
    json_object_set_new(o, "tokens", tokens_json(h));
    json_object_set_new(o, "factors", factors_json(h));
  }
  json_object_set_new(o, "previously_disposed",
                      json_boolean(h->previously_disposed));
  if (h->previously_disposed)
    json_object_set_new(o, "previous", previous_json(&h->previous));
  return o;
}

json_t *screen_hits_json(const bmis_screen_result *r) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < r->count; i++)
    json_array_append_new(a, hit_json(&r->hits[i]));
  return a;
}

json_t *screen_result_json(const bmis_screen_result *r) {
  json_t *o = json_object();
  json_object_set_new(o, "hits", screen_hits_json(r));
  json_object_set_new(o, "candidates", json_integer((json_int_t)r->candidates));
  return o;
}

void screen_print_text(FILE *f, const bmis_screen_result *r) {
  if (r->count == 0) {
    fputs("no hits\n", f);
    return;
  }
  char buf[16384];
  for (size_t i = 0; i < r->count; i++) {
    bmis_error err;
    bmis_status st = bmis_hit_explain(&r->hits[i], buf, sizeof buf, &err);
    /* A cut explanation is still printed, and says so. */
    fputs(buf, f);
    if (st != BMIS_OK)
      fprintf(f, "  (%s)\n", err.message);
  }
}

void screen_json_line(json_t *o) {
  if (o)
    json_dumpf(o, stdout,
               JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  putchar('\n');
  json_decref(o);
}

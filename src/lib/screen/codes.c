/* The screening module's coded lists (tables in bmis/screen.h). */
#include "bmis/screen.h"

#include <string.h>

#define X(n, c) c,
static const char *const categories[] = {"", BMIS_WL_CATEGORY_TABLE(X)};
static const char *const actions[] = {"", BMIS_HIT_ACTION_TABLE(X)};
static const char *const qualities[] = {"", BMIS_NAME_QUALITY_TABLE(X)};
static const char *const doc_statuses[] = {"", BMIS_DOC_STATUS_TABLE(X)};
static const char *const decisions[] = {"", BMIS_HIT_DECISION_TABLE(X)};
static const char *const reviews[] = {"", BMIS_REVIEW_TABLE(X)};
#undef X
static const char *const formats[] = {"", "un-xml", "csv", "jsonl"};
static const char *const token_matches[] = {
    "exact", "spelling", "typo", "initial", "joined", "missing", "extra"};

#define N(a) (int)(sizeof a / sizeof a[0])

static const char *code_of(const char *const *names, int n, int v) {
  return v > 0 && v < n ? names[v] : NULL;
}
static int parse_of(const char *const *names, int n, const char *text) {
  if (!text)
    return 0;
  for (int i = 1; i < n; i++)
    if (strcmp(names[i], text) == 0)
      return i;
  return 0;
}

const char *bmis_wl_category_code(bmis_wl_category v) {
  return code_of(categories, N(categories), (int)v);
}
const char *bmis_hit_action_code(bmis_hit_action v) {
  return code_of(actions, N(actions), (int)v);
}
const char *bmis_name_quality_code(bmis_name_quality v) {
  return code_of(qualities, N(qualities), (int)v);
}
const char *bmis_doc_status_code(bmis_doc_status v) {
  return code_of(doc_statuses, N(doc_statuses), (int)v);
}
const char *bmis_hit_decision_code(bmis_hit_decision v) {
  return code_of(decisions, N(decisions), (int)v);
}
const char *bmis_review_code(bmis_review v) {
  return code_of(reviews, N(reviews), (int)v);
}
bmis_review bmis_review_parse(const char *text) {
  return (bmis_review)parse_of(reviews, N(reviews), text);
}
const char *bmis_wl_format_code(bmis_wl_format f) {
  return code_of(formats, N(formats), (int)f);
}
bmis_wl_category bmis_wl_category_parse(const char *text) {
  return (bmis_wl_category)parse_of(categories, N(categories), text);
}
bmis_hit_action bmis_hit_action_parse(const char *text) {
  return (bmis_hit_action)parse_of(actions, N(actions), text);
}
bmis_name_quality bmis_name_quality_parse(const char *text) {
  return (bmis_name_quality)parse_of(qualities, N(qualities), text);
}
bmis_doc_status bmis_doc_status_parse(const char *text) {
  return (bmis_doc_status)parse_of(doc_statuses, N(doc_statuses), text);
}
bmis_hit_decision bmis_hit_decision_parse(const char *text) {
  return (bmis_hit_decision)parse_of(decisions, N(decisions), text);
}
bmis_wl_format bmis_wl_format_parse(const char *text) {
  return (bmis_wl_format)parse_of(formats, N(formats), text);
}
const char *bmis_token_match_code(bmis_token_match m) {
  return (int)m >= 0 && (int)m < N(token_matches) ? token_matches[m] : NULL;
}

/* Every coded list's to/from-text functions, generated from the X-macro
 * tables of the public headers (see base/codes.h). Public names and
 * behaviour are those each header documents: what "not found" gives back
 * ("", NULL, "unknown" or 0) differs by list and is kept as it was. */
#include "base/codes.h"

#include "bmis/account.h"
#include "bmis/country.h"
#include "bmis/doc.h"
#include "bmis/inspect.h"
#include "bmis/register.h"
#include "bmis/screen.h"

#include <string.h>

const char *bmis__code_text(const char *const *texts, int count, int first,
                            int value) {
  return value >= first && value < count ? texts[value] : NULL;
}

int bmis__code_find(const char *const *texts, int count, int first,
                    const char *text) {
  for (int i = first; text && i < count; i++)
    if (strcmp(texts[i], text) == 0)
      return i;
  return -1;
}

#define COUNT(a) (int)(sizeof a / sizeof a[0])
/* A list whose value 0 means "none" and whose rows start at 1. */
#define TEXTS_FROM_1(var, TABLE)                                               \
  static const char *const var[] = {"", TABLE(BMIS__CODE_TEXT2)}
/* A list whose rows start at 0. */
#define TEXTS_FROM_0(var, TABLE)                                               \
  static const char *const var[] = {TABLE(BMIS__CODE_TEXT2)}
/* name(value) -> code or NULL; parse(text) -> value or 0. */
#define CODE_FUNCTIONS(type, name_fn, parse_fn, var)                           \
  const char *name_fn(type v) {                                                \
    return bmis__code_text(var, COUNT(var), 1, (int)v);                        \
  }                                                                            \
  type parse_fn(const char *text) {                                            \
    int v = bmis__code_find(var, COUNT(var), 1, text);                         \
    return (type)(v < 0 ? 0 : v);                                              \
  }

/* ---- register (bmis/register.h): one entry point for six lists ---- */
TEXTS_FROM_1(directions, BMIS_DIRECTION_TABLE);
TEXTS_FROM_1(bcp_kinds, BMIS_BCP_KIND_TABLE);
TEXTS_FROM_1(transports, BMIS_TRANSPORT_TABLE);
TEXTS_FROM_1(purposes, BMIS_PURPOSE_TABLE);
TEXTS_FROM_1(decisions, BMIS_DECISION_TABLE);
TEXTS_FROM_1(referral_kinds, BMIS_REFERRAL_KIND_TABLE);

typedef struct code_list {
  const char *const *texts;
  int count; /* including the empty 0 */
} code_list;

static const code_list register_lists[] = {
    [BMIS_LIST_DIRECTION] = {directions, COUNT(directions)},
    [BMIS_LIST_BCP_KIND] = {bcp_kinds, COUNT(bcp_kinds)},
    [BMIS_LIST_TRANSPORT] = {transports, COUNT(transports)},
    [BMIS_LIST_PURPOSE] = {purposes, COUNT(purposes)},
    [BMIS_LIST_DECISION] = {decisions, COUNT(decisions)},
    [BMIS_LIST_REFERRAL_KIND] = {referral_kinds, COUNT(referral_kinds)},
};

static const code_list *list_of(bmis_code_list list) {
  return (unsigned)list < COUNT(register_lists) ? &register_lists[list] : NULL;
}

const char *bmis_code_name(bmis_code_list list, int value) {
  const code_list *l = list_of(list);
  const char *t = l ? bmis__code_text(l->texts, l->count, 1, value) : NULL;
  return t ? t : "";
}

int bmis_code_value(bmis_code_list list, const char *text) {
  const code_list *l = list_of(list);
  int v = l ? bmis__code_find(l->texts, l->count, 1, text) : -1;
  return v < 0 ? 0 : v;
}

int bmis_code_count(bmis_code_list list) {
  const code_list *l = list_of(list);
  return l ? l->count - 1 : 0;
}

const char *bmis_refusal_ground_text(char ground) {
  static const char *const grounds[] = {
      "has no valid travel document(s)",
      "has a false, counterfeit or forged travel document",
      "has no valid visa or residence permit",
      "has a false, counterfeit or forged visa or residence permit",
      "has no appropriate documentation justifying the purpose and "
      "conditions of stay",
      "has already stayed for the maximum period permitted",
      "does not have sufficient means of subsistence",
      "is a person for whom an alert has been issued for the purposes of "
      "refusing entry",
      "is considered to be a threat to public policy, internal security, "
      "public health or the international relations of the State",
  };
  if (ground < 'A' || ground > 'I')
    return NULL;
  return grounds[ground - 'A'];
}

/* ---- screen (bmis/screen.h) ---- */
TEXTS_FROM_1(wl_categories, BMIS_WL_CATEGORY_TABLE);
TEXTS_FROM_1(hit_actions, BMIS_HIT_ACTION_TABLE);
TEXTS_FROM_1(name_qualities, BMIS_NAME_QUALITY_TABLE);
TEXTS_FROM_1(doc_statuses, BMIS_DOC_STATUS_TABLE);
TEXTS_FROM_1(hit_decisions, BMIS_HIT_DECISION_TABLE);
TEXTS_FROM_1(reviews, BMIS_REVIEW_TABLE);
TEXTS_FROM_1(wl_formats, BMIS_WL_FORMAT_TABLE);
TEXTS_FROM_0(token_matches, BMIS_TOKEN_MATCH_TABLE);

CODE_FUNCTIONS(bmis_wl_category, bmis_wl_category_code, bmis_wl_category_parse,
               wl_categories)
CODE_FUNCTIONS(bmis_hit_action, bmis_hit_action_code, bmis_hit_action_parse,
               hit_actions)
CODE_FUNCTIONS(bmis_name_quality, bmis_name_quality_code,
               bmis_name_quality_parse, name_qualities)
CODE_FUNCTIONS(bmis_doc_status, bmis_doc_status_code, bmis_doc_status_parse,
               doc_statuses)
CODE_FUNCTIONS(bmis_hit_decision, bmis_hit_decision_code,
               bmis_hit_decision_parse, hit_decisions)
CODE_FUNCTIONS(bmis_review, bmis_review_code, bmis_review_parse, reviews)
CODE_FUNCTIONS(bmis_wl_format, bmis_wl_format_code, bmis_wl_format_parse,
               wl_formats)

const char *bmis_token_match_code(bmis_token_match m) {
  return bmis__code_text(token_matches, COUNT(token_matches), 0, (int)m);
}

/* ---- inspect (bmis/inspect.h) ---- */
static const char *const trafficking_codes[] = {
    "", BMIS_TRAFFICKING_TABLE(BMIS__CODE_TEXT3)};
#define TRAFFICKING_TEXT(n, c, t) t,
static const char *const trafficking_texts[] = {
    "", BMIS_TRAFFICKING_TABLE(TRAFFICKING_TEXT)};
#undef TRAFFICKING_TEXT
TEXTS_FROM_1(minor_alternatives, BMIS_MINOR_ALTERNATIVE_TABLE);

CODE_FUNCTIONS(bmis_trafficking_indicator, bmis_trafficking_code,
               bmis_trafficking_parse, trafficking_codes)
CODE_FUNCTIONS(bmis_minor_alternative, bmis_minor_alternative_code,
               bmis_minor_alternative_parse, minor_alternatives)

const char *bmis_trafficking_text(bmis_trafficking_indicator i) {
  return bmis__code_text(trafficking_texts, COUNT(trafficking_texts), 1,
                         (int)i);
}

/* ---- accounts (bmis/account.h) ---- */
TEXTS_FROM_1(roles, BMIS_ROLE_TABLE);
CODE_FUNCTIONS(bmis_role, bmis_role_name, bmis_role_from_name, roles)

/* ---- documents (bmis/doc.h, bmis/country.h): rows from 0, "unknown" when
 * out of range ---- */
TEXTS_FROM_0(severities, BMIS_SEVERITY_TABLE);
TEXTS_FROM_0(verdicts, BMIS_VERDICT_TABLE);
TEXTS_FROM_0(doc_formats, BMIS_DOC_FORMAT_TABLE);
TEXTS_FROM_0(doc_fields, BMIS_DOC_FIELD_TABLE);
static const char *const finding_codes[] = {
    BMIS_FINDING_TABLE(BMIS__CODE_TEXT3)};

static const char *or_unknown(const char *t, const char *unknown) {
  return t ? t : unknown;
}

TEXTS_FROM_0(country_kinds, BMIS_COUNTRY_KIND_TABLE);

const char *bmis_country_kind_name(bmis_country_kind kind) {
  return or_unknown(
      bmis__code_text(country_kinds, COUNT(country_kinds), 0, (int)kind),
      "unknown");
}

const char *bmis_severity_name(bmis_severity severity) {
  return or_unknown(
      bmis__code_text(severities, COUNT(severities), 0, (int)severity),
      "unknown");
}

const char *bmis_verdict_name(bmis_verdict verdict) {
  return or_unknown(bmis__code_text(verdicts, COUNT(verdicts), 0, (int)verdict),
                    "unknown");
}

const char *bmis_doc_format_name(bmis_doc_format format) {
  return or_unknown(
      bmis__code_text(doc_formats, COUNT(doc_formats), 0, (int)format),
      "UNKNOWN");
}

const char *bmis_doc_field_name(bmis_doc_field_id field) {
  return or_unknown(
      bmis__code_text(doc_fields, COUNT(doc_fields), 0, (int)field), "unknown");
}

const char *bmis_finding_code_name(bmis_finding_code code) {
  return or_unknown(
      bmis__code_text(finding_codes, COUNT(finding_codes), 0, (int)code),
      "unknown");
}

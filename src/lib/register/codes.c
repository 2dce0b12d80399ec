/* The register's coded lists (see the tables in bmis/register.h). */
#include "bmis/register.h"

#include <string.h>

#define X(n, c) c,
static const char *const directions[] = {"", BMIS_DIRECTION_TABLE(X)};
static const char *const bcp_kinds[] = {"", BMIS_BCP_KIND_TABLE(X)};
static const char *const transports[] = {"", BMIS_TRANSPORT_TABLE(X)};
static const char *const purposes[] = {"", BMIS_PURPOSE_TABLE(X)};
static const char *const decisions[] = {"", BMIS_DECISION_TABLE(X)};
static const char *const referral_kinds[] = {"", BMIS_REFERRAL_KIND_TABLE(X)};
#undef X

typedef struct code_list {
  const char *const *names;
  int count; /* including the empty 0 */
} code_list;

#define LIST(a)                                                                \
  { a, (int)(sizeof a / sizeof a[0]) }
static const code_list lists[] = {
    [BMIS_LIST_DIRECTION] = LIST(directions),
    [BMIS_LIST_BCP_KIND] = LIST(bcp_kinds),
    [BMIS_LIST_TRANSPORT] = LIST(transports),
    [BMIS_LIST_PURPOSE] = LIST(purposes),
    [BMIS_LIST_DECISION] = LIST(decisions),
    [BMIS_LIST_REFERRAL_KIND] = LIST(referral_kinds),
};
#undef LIST

static const code_list *list_of(bmis_code_list list) {
  if ((unsigned)list >= sizeof lists / sizeof lists[0])
    return NULL;
  return &lists[list];
}

const char *bmis_code_name(bmis_code_list list, int value) {
  const code_list *l = list_of(list);
  if (!l || value < 0 || value >= l->count)
    return "";
  return l->names[value];
}

int bmis_code_value(bmis_code_list list, const char *text) {
  const code_list *l = list_of(list);
  if (!l || !text || !*text)
    return 0;
  for (int i = 1; i < l->count; i++)
    if (strcmp(l->names[i], text) == 0)
      return i;
  return 0;
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

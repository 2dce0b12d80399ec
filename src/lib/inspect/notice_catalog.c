/* The refusal notice's wording in each language (data/notices/refusal.LL.tsv,
 * compiled in as bmis__notice_texts): which languages there are. Its own
 * file, below notice.c (which lays a notice out) and decide.c (which refuses
 * a decision asking for a language there is no notice in). */
#include "inspect/inspect_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct bmis__text {
  const char *name;
  const char *text;
} bmis__text;
extern const bmis__text bmis__notice_texts[];

const char *bmis__notice_catalog(const char *lang) {
  char name[32];
  snprintf(name, sizeof name, "refusal.%.2s.tsv", lang);
  for (const bmis__text *t = bmis__notice_texts; t->name; t++)
    if (strcmp(t->name, name) == 0)
      return t->text;
  return NULL;
}

bool bmis_notice_language_known(const char *code) {
  return code && strlen(code) == 2 && bmis__notice_catalog(code) != NULL;
}

/* Country table look-ups over the table generated from data/countries.tsv. */
#include "doc/country_key.h"
#include "doc/country_table.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

size_t bmis_country_count(void) {
  return bmis__country_count;
}

const bmis_country *bmis_country_at(size_t i) {
  return i < bmis__country_count ? &bmis__countries[i] : NULL;
}

const bmis_country *bmis_country_by_code(const char *code, size_t len) {
  return code ? bmis__country_by_code(code, len) : NULL;
}

const bmis_country *bmis_country_by_alpha2(const char *alpha2) {
  if (!alpha2 || !alpha2[0] || !alpha2[1] || alpha2[2])
    return NULL;
  char a[3] = {(char)(alpha2[0] & ~0x20), (char)(alpha2[1] & ~0x20), 0};
  const bmis_country *best = NULL;
  for (size_t i = 0; i < bmis__country_count; i++) {
    const bmis_country *c = &bmis__countries[i];
    if (strcmp(c->alpha2, a) == 0 || strcmp(c->sdmx, a) == 0) {
      if (c->kind == BMIS_COUNTRY_ISO)
        return c;
      if (!best)
        best = c;
    }
  }
  return best;
}

const bmis_country *bmis_country_by_numeric(int numeric) {
  if (numeric <= 0 || numeric > 999)
    return NULL;
  for (size_t i = 0; i < bmis__country_count; i++) {
    const char *n = bmis__countries[i].numeric;
    if (n[0] && atoi(n) == numeric)
      return &bmis__countries[i];
  }
  return NULL;
}

static int cmp_key(const void *key, const void *entry) {
  return strcmp((const char *)key,
                ((const bmis__country_name_entry *)entry)->key);
}

const bmis_country *bmis_country_by_name(const char *name) {
  char key[256];
  if (!name || bmis__country_name_key(name, key, sizeof key) <= 0)
    return NULL;
  const bmis__country_name_entry *e =
      bsearch(key, bmis__country_names, bmis__country_name_count,
              sizeof bmis__country_names[0], cmp_key);
  return e ? &bmis__countries[e->row] : NULL;
}

const bmis_country *bmis_country_lookup(const char *text) {
  if (!text)
    return NULL;
  size_t len = strlen(text);
  const bmis_country *c = NULL;
  if (len >= 1 && len <= 3) {
    char up[4] = {0};
    bool letters = true, digits = true;
    for (size_t i = 0; i < len; i++) {
      unsigned char ch = (unsigned char)text[i];
      letters = letters && ((ch >= 'A' && ch <= 'Z') ||
                            (ch >= 'a' && ch <= 'z') || ch == '<');
      digits = digits && ch >= '0' && ch <= '9';
      up[i] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
    if (letters && len != 2)
      c = bmis_country_by_code(up, len);
    if (!c && letters && len == 2)
      c = bmis_country_by_alpha2(up);
    if (!c && digits)
      c = bmis_country_by_numeric(atoi(text));
  }
  return c ? c : bmis_country_by_name(text);
}

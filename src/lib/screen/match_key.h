/* Internal: reading a person's matching key back (see match_key.c). */
#ifndef BMIS_SCREEN_MATCH_KEY_H
#define BMIS_SCREEN_MATCH_KEY_H

#include "screen/name.h"
#include "screen/screen_internal.h"

#define BMIS__KEY_NAMES_MAX 64
#define BMIS__KEY_BIRTHS_MAX 16
#define BMIS__KEY_NATS_MAX 8

typedef struct bmis__key_name {
  const char *text; /* as listed */
  bmis_name_quality quality;
  bool original_script;
  const char *forms[BMIS__FORMS_MAX];
  size_t form_count;
} bmis__key_name;

#define BMIS__KEY_DOCS_MAX 16

typedef struct bmis__key_doc {
  char state[4];
  const char *number; /* normalised */
} bmis__key_doc;

typedef struct bmis__key {
  bmis__key_doc documents[BMIS__KEY_DOCS_MAX];
  size_t document_count;
  bmis__key_name names[BMIS__KEY_NAMES_MAX];
  size_t name_count;
  bmis_wl_birth births[BMIS__KEY_BIRTHS_MAX];
  size_t birth_count;
  char nationalities[BMIS__KEY_NATS_MAX][4];
  size_t nationality_count;
  char sex;
} bmis__key;

/* Parses a key in place (key is modified; out points into it). */
bmis_status bmis__match_key_parse(char *key, bmis__key *out, bmis_error *err);

#endif

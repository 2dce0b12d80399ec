/* Fuzz target for the reader of an inspection's stored result
 * (bmis_inspection_from_json, src/lib/wire/wire_inspection.c): what
 * GET /api/inspections/{id} and a protection raised later decode. No store
 * is opened. The reader gets exactly `size` bytes with nothing after them,
 * so ASan sees any read past the end.
 *
 * Besides memory errors, the target aborts when a result breaks a promise:
 * the status is OK, E_PARSE or E_NOMEM and agrees with the error, whose
 * message is terminated and not empty; on failure nothing is held (hits
 * NULL); on success the counts stay within their arrays, every code is one
 * of its table, texts are terminated, and the result encodes to a text
 * that reads back and encodes to the same text again. */
#include "fuzz_target.h"

#include "bmis/inspect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void require(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_inspection_json: broken invariant: %s\n", what);
    abort();
  }
}

#define TERMINATED(field)                                                      \
  require(memchr((field), '\0', sizeof(field)) != NULL,                        \
          #field " not terminated")

static void check_reasons(const bmis_reason *r, int n, int max) {
  require(n >= 0 && n <= max, "reason count out of range");
  for (int i = 0; i < n; i++) {
    require(bmis_reason_code_name(r[i].code) != NULL, "reason code unknown");
    TERMINATED(r[i].text[0]);
    TERMINATED(r[i].text[1]);
  }
}

static void check(const bmis_inspection *in) {
  TERMINATED(in->id);
  TERMINATED(in->bcp);
  TERMINATED(in->desk);
  TERMINATED(in->person_id);
  TERMINATED(in->movement_id);
  check_reasons(in->reasons, in->reason_count, BMIS_INSPECTION_REASONS_MAX);
  check_reasons(in->prompts, in->prompt_count, BMIS_INSPECTION_PROMPTS_MAX);
  require(in->field_count >= 0 && in->field_count <= BMIS_FIELD_COUNT,
          "field count out of range");
  for (int i = 0; i < in->field_count; i++)
    TERMINATED(in->fields[i].value);
  require(in->finding_count >= 0 && in->finding_count <= BMIS_DOC_MAX_FINDINGS,
          "finding count out of range");
  for (int i = 0; i < in->finding_count; i++) {
    require(in->findings[i].code >= 0 &&
                in->findings[i].code < BMIS_FINDING_CODE_COUNT,
            "finding code out of range");
    TERMINATED(in->findings[i].message);
  }
  require(in->history_count >= 0 &&
              in->history_count <= BMIS_INSPECTION_HISTORY_MAX,
          "history count out of range");
  require(in->referral_count >= 0 && in->referral_count <= 5,
          "referral count out of range");
  require(in->hit_count == 0 || in->hits != NULL, "hits counted, not held");
  for (size_t i = 0; i < in->hit_count; i++) {
    TERMINATED(in->hits[i].list);
    TERMINATED(in->hits[i].ref);
    TERMINATED(in->hits[i].explanation);
    TERMINATED(in->hits[i].listed_name);
  }
  require(in->admit.allowed || bmis_reason_code_name(in->admit.why),
          "admit barred without a known reason");
  require(in->refuse.allowed || bmis_reason_code_name(in->refuse.why),
          "refuse barred without a known reason");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size ? size : 1);
  if (!text)
    return 0;
  memcpy(text, data, size);
  bmis_inspection in;
  bmis_error err;
  memset(&err, 0, sizeof err);
  bmis_status st = bmis_inspection_from_json(text, size, &in, &err);
  free(text);
  require(st == BMIS_OK || st == BMIS_E_PARSE || st == BMIS_E_NOMEM,
          "status outside OK, E_PARSE, E_NOMEM");
  if (st != BMIS_OK) {
    require(err.status == st, "error status differs from the return");
    TERMINATED(err.message);
    require(err.message[0] != '\0', "empty error message");
    require(in.hits == NULL && in.hit_count == 0, "a failure holds hits");
    return 0;
  }
  check(&in);
  char *once = bmis_inspection_to_json(&in, true);
  bmis_inspection_fini(&in);
  if (!once)
    return 0; /* out of memory */
  bmis_inspection again;
  st = bmis_inspection_from_json(once, strlen(once), &again, &err);
  if (st == BMIS_E_NOMEM) {
    bmis_free(once);
    return 0;
  }
  if (st != BMIS_OK)
    fprintf(stderr, "%s\n%s\n", err.message, once);
  require(st == BMIS_OK, "an encoded result does not read back");
  char *twice = bmis_inspection_to_json(&again, true);
  bmis_inspection_fini(&again);
  if (twice && strcmp(once, twice) != 0)
    fprintf(stderr, "%s\n%s\n", once, twice);
  require(!twice || strcmp(once, twice) == 0,
          "read back, the result encodes to another text");
  bmis_free(once);
  bmis_free(twice);
  return 0;
}

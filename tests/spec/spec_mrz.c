/* Data-driven MRZ cases: each line of a .jsonl file gives an MRZ, the date
 * and mode to judge it in, and the expected format, validity, exact set of
 * findings ("code" or "code:field") and field values. The same cases run
 * through the library and, with --cli PATH, through `bmis doc check --json`.
 *
 * usage: spec_mrz [--cli BMIS] cases.jsonl */
#define _POSIX_C_SOURCE 200809L
#include "bmis/doc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_FINDINGS 64

typedef struct outcome {
  char format[16];
  bool valid;
  int nfindings;
  char findings[MAX_FINDINGS][64];
  json_t *fields;  /* name -> value string */
  int exit_status; /* CLI only, -1 otherwise */
} outcome;

static int cmp_str(const void *a, const void *b) {
  return strcmp((const char *)a, (const char *)b);
}

static void add_finding(outcome *o, const char *code, const char *field) {
  if (o->nfindings >= MAX_FINDINGS)
    return;
  snprintf(o->findings[o->nfindings++], 64, "%s%s%s", code, field ? ":" : "",
           field ? field : "");
}

static void finish(outcome *o) {
  qsort(o->findings, (size_t)o->nfindings, sizeof o->findings[0], cmp_str);
}

static void run_library(const char *text, bmis_date as_of, bool ocr,
                        outcome *o) {
  bmis_doc_options opts;
  bmis_doc doc;
  bmis_doc_options_init(&opts, as_of);
  opts.mode = ocr ? BMIS_DOC_OCR : BMIS_DOC_STRICT;
  bmis_doc_parse(text, strlen(text), &opts, &doc);
  snprintf(o->format, sizeof o->format, "%s", bmis_doc_format_name(doc.format));
  o->valid = doc.valid;
  for (int i = 0; i < doc.nfindings; i++)
    add_finding(o, bmis_finding_code_name(doc.findings[i].code),
                doc.findings[i].field == BMIS_FIELD_NONE
                    ? NULL
                    : bmis_doc_field_name(doc.findings[i].field));
  o->fields = json_object();
  for (int f = 1; f < BMIS_FIELD_COUNT; f++)
    if (doc.fields[f].verdict != BMIS_VERDICT_ABSENT) {
      char value[BMIS_DOC_VALUE_MAX];
      bmis_doc_field_value(&doc, (bmis_doc_field_id)f, value, sizeof value);
      json_object_set_new(o->fields, bmis_doc_field_name((bmis_doc_field_id)f),
                          json_string(value));
    }
  o->exit_status = -1;
  finish(o);
}

static bool run_cli(const char *bmis, json_t *mrz, const char *as_of, bool ocr,
                    outcome *o) {
  char path[] = "/tmp/spec_mrz_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0)
    return false;
  json_t *rec = json_pack("{s:s,s:O}", "id", "case", "mrz", mrz);
  char *line = json_dumps(rec, JSON_COMPACT);
  json_decref(rec);
  FILE *f = fdopen(fd, "w");
  fprintf(f, "%s\n", line);
  fclose(f);
  free(line);
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "'%s' doc check --json --as-of %s %s %s", bmis,
           as_of, ocr ? "--ocr" : "--strict", path);
  FILE *p = popen(cmd, "r");
  if (!p) {
    unlink(path);
    return false;
  }
  json_error_t err;
  json_t *root = json_loadf(p, JSON_DISABLE_EOF_CHECK, &err);
  int status = pclose(p);
  unlink(path);
  if (!root) {
    fprintf(stderr, "CLI output is not JSON: %s\n", err.text);
    return false;
  }
  snprintf(o->format, sizeof o->format, "%s",
           json_string_value(json_object_get(root, "format")));
  o->valid = json_is_true(json_object_get(root, "valid"));
  size_t i;
  json_t *fd_;
  json_array_foreach(json_object_get(root, "findings"), i, fd_) {
    add_finding(o, json_string_value(json_object_get(fd_, "code")),
                json_string_value(json_object_get(fd_, "field")));
  }
  o->fields = json_object();
  const char *key;
  json_t *val;
  json_object_foreach(json_object_get(root, "fields"), key, val) {
    json_object_set(o->fields, key, json_object_get(val, "value"));
  }
  o->exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  json_decref(root);
  finish(o);
  return true;
}

static int check_case(json_t *c, const char *bmis) {
  const char *id = json_string_value(json_object_get(c, "id"));
  const char *as_of_s = json_string_value(json_object_get(c, "as_of"));
  const char *mode = json_string_value(json_object_get(c, "mode"));
  json_t *mrz = json_object_get(c, "mrz");
  json_t *exp = json_object_get(c, "expect");
  bmis_date as_of;
  if (!id || !as_of_s || !json_is_array(mrz) || !json_is_object(exp) ||
      bmis_date_parse_iso(as_of_s, &as_of, NULL) != BMIS_OK) {
    fprintf(stderr, "malformed case %s\n", id ? id : "(no id)");
    return 1;
  }
  bool ocr = mode && strcmp(mode, "ocr") == 0;
  char text[2048] = "";
  size_t i;
  json_t *line;
  json_array_foreach(mrz, i, line) {
    if (i)
      strncat(text, "\n", sizeof text - strlen(text) - 1);
    strncat(text, json_string_value(line), sizeof text - strlen(text) - 1);
  }
  outcome got;
  memset(&got, 0, sizeof got);
  if (bmis ? !run_cli(bmis, mrz, as_of_s, ocr, &got)
           : (run_library(text, as_of, ocr, &got), false)) {
    fprintf(stderr, "%s: could not run the CLI\n", id);
    return 1;
  }
  int fails = 0;
  const char *want_format = json_string_value(json_object_get(exp, "format"));
  if (!want_format || strcmp(want_format, got.format) != 0) {
    fprintf(stderr, "%s: format %s, expected %s\n", id, got.format,
            want_format ? want_format : "?");
    fails++;
  }
  bool want_valid = json_is_true(json_object_get(exp, "valid"));
  if (want_valid != got.valid) {
    fprintf(stderr, "%s: valid=%d, expected %d\n", id, got.valid, want_valid);
    fails++;
  }
  if (got.exit_status >= 0 && got.exit_status != (want_valid ? 0 : 1)) {
    fprintf(stderr, "%s: exit status %d, expected %d\n", id, got.exit_status,
            want_valid ? 0 : 1);
    fails++;
  }
  json_t *wf = json_object_get(exp, "findings");
  outcome want;
  memset(&want, 0, sizeof want);
  json_array_foreach(wf, i, line) {
    snprintf(want.findings[want.nfindings++], 64, "%s",
             json_string_value(line));
  }
  finish(&want);
  bool same = want.nfindings == got.nfindings;
  for (int k = 0; same && k < want.nfindings; k++)
    same = strcmp(want.findings[k], got.findings[k]) == 0;
  if (!same) {
    fprintf(stderr, "%s: findings differ\n  expected:", id);
    for (int k = 0; k < want.nfindings; k++)
      fprintf(stderr, " %s", want.findings[k]);
    fprintf(stderr, "\n  got:     ");
    for (int k = 0; k < got.nfindings; k++)
      fprintf(stderr, " %s", got.findings[k]);
    fprintf(stderr, "\n");
    fails++;
  }
  const char *key;
  json_t *val;
  json_object_foreach(json_object_get(exp, "fields"), key, val) {
    json_t *g = json_object_get(got.fields, key);
    if (!g || !json_equal(g, val)) {
      fprintf(stderr, "%s: field %s is '%s', expected '%s'\n", id, key,
              g ? json_string_value(g) : "(absent)", json_string_value(val));
      fails++;
    }
  }
  json_decref(got.fields);
  return fails ? 1 : 0;
}

int main(int argc, char **argv) {
  const char *bmis = NULL;
  int a = 1;
  if (argc > 2 && strcmp(argv[1], "--cli") == 0) {
    bmis = argv[2];
    a = 3;
  }
  if (a >= argc) {
    fprintf(stderr, "usage: spec_mrz [--cli BMIS] cases.jsonl\n");
    return 2;
  }
  FILE *f = fopen(argv[a], "r");
  if (!f) {
    perror(argv[a]);
    return 2;
  }
  char *buf = NULL;
  size_t cap = 0;
  int passed = 0, failed = 0;
  while (getline(&buf, &cap, f) > 0) {
    if (buf[0] == '\n' || buf[0] == '#')
      continue;
    json_error_t err;
    json_t *c = json_loads(buf, 0, &err);
    if (!c) {
      fprintf(stderr, "%s:%d: %s\n", argv[a], err.line, err.text);
      failed++;
      continue;
    }
    if (check_case(c, bmis))
      failed++;
    else
      passed++;
    json_decref(c);
  }
  free(buf);
  fclose(f);
  printf("%d passed, %d failed\n", passed, failed);
  return failed || passed == 0 ? 1 : 0;
}

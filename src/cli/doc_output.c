/* `bmis doc check` output: readable text, or one JSON object per document. */
#include "bmis/country.h"
#include "cli.h"

#include <jansson.h>
#include <string.h>

static int count(const bmis_doc *doc, bmis_severity sev) {
  int n = 0;
  for (int i = 0; i < doc->nfindings; i++)
    n += doc->findings[i].severity == sev;
  return n;
}

/* Printable copy of n bytes: bytes outside printable ASCII as '?'. */
static void printable_n(char *dst, const char *src, size_t n, size_t cap) {
  size_t i = 0;
  for (; i < n && i + 1 < cap; i++) {
    unsigned char c = (unsigned char)src[i];
    dst[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
  }
  dst[i] = '\0';
}

static void printable(char *dst, const char *src, size_t cap) {
  printable_n(dst, src, strlen(src), cap);
}

void doc_print_text(FILE *out, const doc_record *rec, const bmis_doc *doc) {
  int errors = count(doc, BMIS_SEVERITY_ERROR);
  int warnings = count(doc, BMIS_SEVERITY_WARNING);
  char id[sizeof rec->id];
  printable(id, rec->id, sizeof id);
  fprintf(out, "document %ld (line %ld)%s%s: %s, %s", rec->number, rec->line,
          id[0] ? " id " : "", id, bmis_doc_format_name(doc->format),
          doc->valid ? "VALID" : "INVALID");
  if (errors || warnings)
    fprintf(out, " (%d error%s, %d warning%s)", errors, errors == 1 ? "" : "s",
            warnings, warnings == 1 ? "" : "s");
  fputc('\n', out);
  char line[BMIS_MRZ_LINE_LEN + 1];
  for (int i = 0; i < doc->nlines; i++) {
    printable_n(line, doc->lines[i], doc->line_length[i], sizeof line);
    fprintf(out, "  %s %s\n", i == 0 ? "mrz" : "   ", line);
  }
  for (int f = 1; f < BMIS_FIELD_COUNT; f++) {
    const bmis_doc_field *fld = &doc->fields[f];
    if (fld->verdict == BMIS_VERDICT_ABSENT)
      continue;
    char text[BMIS_DOC_VALUE_MAX], value[BMIS_DOC_VALUE_MAX];
    bmis_doc_field_value(doc, (bmis_doc_field_id)f, text, sizeof text);
    printable(value, text, sizeof value);
    if (fld->len)
      fprintf(out, "  %-22s %-30s %d:%d-%d %s\n",
              bmis_doc_field_name((bmis_doc_field_id)f), value, fld->line,
              fld->col, fld->col + fld->len - 1,
              bmis_verdict_name(fld->verdict));
    else
      fprintf(out, "  %-22s %-30s %-6s %s\n",
              bmis_doc_field_name((bmis_doc_field_id)f), value, "-",
              bmis_verdict_name(fld->verdict));
  }
  for (int i = 0; i < doc->nfindings; i++) {
    const bmis_finding *fd = &doc->findings[i];
    char msg[256];
    bmis_finding_message(fd, msg, sizeof msg);
    fprintf(out, "  %-7s %s", bmis_severity_name(fd->severity),
            bmis_finding_code_name(fd->code));
    if (fd->line)
      fprintf(out, " at %d:%d", fd->line, fd->col);
    fprintf(out, ": %s\n", msg);
  }
  fputc('\n', out);
}

/* MRZ text may hold any byte; JSON needs UTF-8, so keep ASCII only. */
static json_t *str_n(const char *s, size_t n) {
  char buf[BMIS_MRZ_INPUT_MAX + 2];
  printable_n(buf, s, n, sizeof buf);
  return json_string(buf);
}

static json_t *str(const char *s) {
  return str_n(s, strlen(s));
}

static json_t *record_head(const doc_record *rec) {
  json_t *o = json_object();
  json_object_set_new(o, "record", json_integer(rec->number));
  json_object_set_new(o, "line", json_integer(rec->line));
  if (rec->id[0]) /* from a JSON string or integer: valid UTF-8 */
    json_object_set_new(o, "id", json_string(rec->id));
  return o;
}

static void emit(FILE *out, json_t *o) {
  json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(o);
}

static const char *long_number_name(bmis_long_number_check c) {
  switch (c) {
  case BMIS_LONG_NUMBER_BOTH: return "both";
  case BMIS_LONG_NUMBER_WITH_FILLER: return "with_filler";
  case BMIS_LONG_NUMBER_WITHOUT_FILLER: return "without_filler";
  case BMIS_LONG_NUMBER_NEITHER: return "neither";
  case BMIS_LONG_NUMBER_NONE: break;
  }
  return NULL;
}

void doc_print_json(FILE *out, const doc_record *rec, const bmis_doc *doc) {
  json_t *o = record_head(rec);
  json_object_set_new(o, "format",
                      json_string(bmis_doc_format_name(doc->format)));
  json_object_set_new(o, "valid", json_boolean(doc->valid));
  json_t *lines = json_array();
  for (int i = 0; i < doc->nlines; i++)
    json_array_append_new(lines, str_n(doc->lines[i], doc->line_length[i]));
  json_object_set_new(o, "mrz", lines);
  json_t *fields = json_object();
  for (int f = 1; f < BMIS_FIELD_COUNT; f++) {
    const bmis_doc_field *fld = &doc->fields[f];
    if (fld->verdict == BMIS_VERDICT_ABSENT)
      continue;
    json_t *jf = json_object();
    char text[BMIS_DOC_VALUE_MAX];
    bmis_doc_field_value(doc, (bmis_doc_field_id)f, text, sizeof text);
    json_object_set_new(jf, "value", str(text));
    if (fld->len) {
      size_t n =
          bmis_doc_field_raw(doc, (bmis_doc_field_id)f, text, sizeof text);
      json_object_set_new(jf, "raw", str_n(text, n));
      json_object_set_new(jf, "line", json_integer(fld->line));
      json_object_set_new(jf, "columns",
                          json_pack("[ii]", fld->col, fld->col + fld->len - 1));
    }
    json_object_set_new(jf, "verdict",
                        json_string(bmis_verdict_name(fld->verdict)));
    json_object_set_new(fields, bmis_doc_field_name((bmis_doc_field_id)f), jf);
  }
  json_object_set_new(o, "fields", fields);
  const char *ln = long_number_name(doc->long_number);
  if (ln)
    json_object_set_new(o, "long_number_check", json_string(ln));
  if (doc->expiry_derived)
    json_object_set_new(o, "expiry_derived", json_true());
  if (doc->age_min >= 0) {
    json_object_set_new(
        o, "age",
        json_pack("{s:i,s:i}", "min", doc->age_min, "max", doc->age_max));
    json_object_set_new(o, "minor", json_boolean(doc->minor));
  }
  const char *countries[] = {"issuing_state", "nationality"};
  for (int i = 0; i < 2; i++) {
    char code[BMIS_DOC_VALUE_MAX];
    size_t n = bmis_doc_field_value(
        doc, i ? BMIS_FIELD_NATIONALITY : BMIS_FIELD_ISSUING_STATE, code,
        sizeof code);
    const bmis_country *c = n ? bmis_country_by_code(code, n) : NULL;
    if (c) {
      char key[32];
      snprintf(key, sizeof key, "%s_name", countries[i]);
      json_object_set_new(o, key, json_string(c->name));
    }
  }
  json_t *findings = json_array();
  for (int i = 0; i < doc->nfindings; i++) {
    const bmis_finding *fd = &doc->findings[i];
    char msg[256];
    bmis_finding_message(fd, msg, sizeof msg);
    json_t *jf =
        json_pack("{s:s,s:s}", "code", bmis_finding_code_name(fd->code),
                  "severity", bmis_severity_name(fd->severity));
    if (fd->field != BMIS_FIELD_NONE)
      json_object_set_new(jf, "field",
                          json_string(bmis_doc_field_name(fd->field)));
    if (fd->line) {
      json_object_set_new(jf, "line", json_integer(fd->line));
      json_object_set_new(jf, "column", json_integer(fd->col));
      json_object_set_new(jf, "length", json_integer(fd->len));
    }
    json_object_set_new(jf, "message", str(msg));
    json_array_append_new(findings, jf);
  }
  json_object_set_new(o, "findings", findings);
  emit(out, o);
}

void doc_print_record_error(FILE *out, const doc_record *rec, bool json) {
  if (!json) {
    char id[sizeof rec->id], error[sizeof rec->error];
    printable(id, rec->id, sizeof id);
    printable(error, rec->error, sizeof error);
    fprintf(out, "document %ld (line %ld)%s%s: UNREADABLE: %s\n\n", rec->number,
            rec->line, id[0] ? " id " : "", id, error);
    return;
  }
  json_t *o = record_head(rec);
  json_object_set_new(o, "format", json_string("UNKNOWN"));
  json_object_set_new(o, "valid", json_false());
  json_object_set_new(o, "error", str(rec->error));
  emit(out, o);
}

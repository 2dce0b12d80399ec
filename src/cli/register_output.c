/* Printing the register's records as text and as JSON. */
#include "register_output.h"

#include "bmis/wire.h"

#include <stdlib.h>
#include <string.h>

json_t *out_movement_json(const bmis_movement *m) {
  return bmis_wire_movement(m);
}

void out_movement_text(FILE *f, const bmis_movement *m) {
  char at[21], until[11] = "";
  bmis_time_format(m->crossed_at, at);
  if (m->permitted_until.year)
    bmis_date_format_iso(m->permitted_until, until);
  fprintf(f, "%s %s %-5s %-6s %s %-8s%s%s%s%s%s\n", m->id, at,
          bmis_code_name(BMIS_LIST_DIRECTION, m->direction), m->bcp,
          m->nationality, bmis_code_name(BMIS_LIST_DECISION, m->decision),
          m->grounds[0] ? " grounds " : "", m->grounds,
          until[0] ? " until " : "", until, m->voided ? " VOID" : "");
}

static void pdate(bmis_date d, char out[11]) {
  out[0] = 0;
  if (!d.year)
    return;
  bmis_date_format_iso(d, out);
  if (!d.month)
    out[4] = 0;
  else if (!d.day)
    out[7] = 0;
}

json_t *out_traveller_json(const bmis_traveller *t) {
  return bmis_wire_traveller(t);
}

void out_traveller_text(FILE *f, const bmis_traveller *t) {
  char birth[11];
  pdate(t->birth, birth);
  fprintf(f, "%s, %s  born %s  sex %c  nationality %s%s%s  (traveller %s)\n",
          t->surname, t->given_names, birth[0] ? birth : "unknown",
          t->sex ? t->sex : '-', t->nationality,
          t->birth_country[0] ? "  born in " : "", t->birth_country, t->id);
}

json_t *out_document_json(const bmis_document *d) {
  return bmis_wire_document(d);
}

static void flags_text(unsigned flags, char *out, size_t cap) {
  snprintf(out, cap, "%s%s%s",
           flags & BMIS_FLAG_ENTRY_WHILE_PRESENT ? " entry-while-present" : "",
           flags & BMIS_FLAG_EXIT_WITHOUT_ENTRY ? " exit-without-entry" : "",
           flags & BMIS_FLAG_OVERSTAY ? " overstay" : "");
}

json_t *out_flags_json(unsigned flags) {
  json_t *a = json_array();
  if (flags & BMIS_FLAG_ENTRY_WHILE_PRESENT)
    json_array_append_new(a, json_string("entry_while_present"));
  if (flags & BMIS_FLAG_EXIT_WITHOUT_ENTRY)
    json_array_append_new(a, json_string("exit_without_entry"));
  if (flags & BMIS_FLAG_OVERSTAY)
    json_array_append_new(a, json_string("overstay"));
  return a;
}

json_t *out_stay_json(const bmis_stay *s, bmis_date as_of) {
  char entry[11] = "", exit_[11] = "", until[11] = "";
  pdate(s->entry_date, entry);
  pdate(s->exit_date, exit_);
  pdate(s->permitted_until, until);
  if (!s->entry_id[0])
    entry[0] = 0;
  return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:o}", "person_id",
                   s->person_id, "entry_id", s->entry_id, "exit_id", s->exit_id,
                   "entry_date", entry, "exit_date", exit_, "permitted_until",
                   until, "days", bmis_stay_days(s, as_of), "days_over",
                   bmis_stay_days_over(s, as_of), "flags",
                   out_flags_json(s->flags));
}

void out_stay_text(FILE *f, const bmis_stay *s, bmis_date as_of) {
  char entry[11] = "-", exit_[11] = "present", until[11] = "none", flags[80];
  if (s->entry_id[0])
    pdate(s->entry_date, entry);
  if (s->exit_date.year)
    pdate(s->exit_date, exit_);
  if (s->permitted_until.year)
    pdate(s->permitted_until, until);
  flags_text(s->flags, flags, sizeof flags);
  int over = bmis_stay_days_over(s, as_of);
  fprintf(f, "%s  %-10s -> %-10s  permitted until %-10s  %d days", s->person_id,
          entry, exit_, until, bmis_stay_days(s, as_of));
  if (over)
    fprintf(f, ", %d over", over);
  fprintf(f, "%s\n", flags);
}

void out_json_line(json_t *o) {
  if (o)
    json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
  putchar('\n');
  json_decref(o);
}

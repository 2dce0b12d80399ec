/* `bmis watchlist`: import a list file (UN XML, national CSV, JSON lines) as
 * a new version of a named watchlist and report what changed; list the
 * watchlists, show one or one of its entries, remove one, set its
 * threshold. docs/SCREENING.md describes the formats and the command. */
#define _POSIX_C_SOURCE 200809L
#include "bmis/screen.h"
#include "cli.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char watchlist_help[] =
    "usage: bmis watchlist import NAME FILE --category C\n"
    "                             [--format un-xml|csv|jsonl] [--action A]\n"
    "                             [--source TEXT] [--version TEXT]\n"
    "                             [--threshold X] [--json]\n"
    "       bmis watchlist list [--json]\n"
    "       bmis watchlist show NAME [REF] [--json]\n"
    "       bmis watchlist remove NAME\n"
    "       bmis watchlist threshold NAME X\n"
    "       bmis watchlist confirm-at NAME X\n"
    "every command also takes [--store URL]\n"
    "\n"
    "import: reads FILE ('-' for standard input) and replaces the list NAME\n"
    "([a-z0-9_.-], 1-63 characters) in one transaction; a malformed file\n"
    "changes nothing. The format comes from --format, else from the file's\n"
    "extension (.xml: the UN Security Council Consolidated List, .csv: the\n"
    "national layout, .jsonl: JSON lines; see docs/SCREENING.md).\n"
    "  --category   sanctions, wanted, national_alert, protection_alert or\n"
    "               lost_stolen_documents (required)\n"
    "  --action     refer (default), notify; protect for (and only for) a\n"
    "               protection_alert list (its default)\n"
    "  --source     where the list comes from (default: the file's name)\n"
    "  --version    the version (default: the one the file states)\n"
    "  --threshold  person-hit score at or above which a traveller matches\n"
    "               (0 < X <= 1; default 0.80)\n"
    "It prints what changed against the previous version: added, removed,\n"
    "changed and unchanged entries, with up to 20 references of each.\n"
    "show: the list's metadata, or the entry REF in full.\n"
    "threshold: 0 returns to the default.\n"
    "confirm-at: on a sanctions or wanted list, a dismissal of a hit scoring\n"
    "at or above X (0 < X <= 1; 0 returns to the default, 0.90) waits for a\n"
    "supervisor other than the one who dismissed it before it clears later\n"
    "inspections (a second person).\n"
    "exit status: 0 done, 1 not found, 2 bad usage or a malformed file,\n"
    "3 the store failed.\n"
    "\n" CLI_STORE_HELP;

#define CMD "watchlist "
#define WL_FILE_MAX ((size_t)256 * 1024 * 1024)
#define REFS_SHOWN 20

/* ---- reading the file ---- */

/* Reads all of path ('-': standard input), at most WL_FILE_MAX bytes. */
static int read_all(const char *path, char **out, size_t *len) {
  bool std_in = strcmp(path, "-") == 0;
  FILE *f = std_in ? stdin : fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "bmis: cannot read %s: %s\n", path, strerror(errno));
    return CLI_USAGE;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  int r = CLI_OK;
  while (buf) {
    if (n == cap) {
      if (cap > WL_FILE_MAX) {
        fprintf(stderr, "bmis: %s: larger than %zu MiB\n", path,
                WL_FILE_MAX >> 20);
        r = CLI_USAGE;
        break;
      }
      char *bigger = realloc(buf, cap * 2);
      if (!bigger)
        break;
      buf = bigger;
      cap *= 2;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0)
      break;
  }
  if (r == CLI_OK && !buf) {
    fprintf(stderr, "bmis: out of memory reading %s\n", path);
    r = CLI_FAILED;
  } else if (r == CLI_OK && ferror(f)) {
    fprintf(stderr, "bmis: cannot read %s: %s\n", path, strerror(errno));
    r = CLI_USAGE;
  } else if (r == CLI_OK && n > WL_FILE_MAX) {
    fprintf(stderr, "bmis: %s: larger than %zu MiB\n", path, WL_FILE_MAX >> 20);
    r = CLI_USAGE;
  }
  if (!std_in)
    fclose(f);
  if (r != CLI_OK) {
    free(buf);
    return r;
  }
  *out = buf;
  *len = n;
  return CLI_OK;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  if (n < m)
    return false;
  for (size_t i = 0; i < m; i++) {
    char c = s[n - m + i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != suffix[i])
      return false;
  }
  return true;
}

static bmis_wl_format format_of(const char *path) {
  if (ends_with(path, ".xml"))
    return BMIS_WL_FORMAT_UN_XML;
  if (ends_with(path, ".csv"))
    return BMIS_WL_FORMAT_CSV;
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson"))
    return BMIS_WL_FORMAT_JSONL;
  return BMIS_WL_FORMAT_NONE;
}

/* ---- printing ---- */

/* Prints o on one line (reals as 0.8, not 0.80000000000000004) and
 * releases it. */
static void json_line(json_t *o) {
  if (o)
    json_dumpf(o, stdout,
               JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  putchar('\n');
  json_decref(o);
}

static char *time_text(int64_t t, char buf[21]) {
  if (t <= 0) {
    strcpy(buf, "-");
    return buf;
  }
  return bmis_time_format(t, buf);
}

static json_t *refs_json(char (*refs)[64], size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; i < n && i < REFS_SHOWN; i++)
    json_array_append_new(a, json_string(refs[i]));
  return a;
}

static void refs_text(const char *what, char (*refs)[64], size_t n) {
  if (n == 0)
    return;
  printf("  %s:", what);
  for (size_t i = 0; i < n && i < REFS_SHOWN; i++)
    printf(" %s", refs[i]);
  if (n > REFS_SHOWN)
    printf(" ... and %zu more", n - REFS_SHOWN);
  putchar('\n');
}

static void print_report(const bmis_watchlist *w, const bmis_wl_report *r,
                         bool json) {
  if (json) {
    json_t *o = json_object();
    json_object_set_new(o, "list", json_string(w->name));
    json_object_set_new(o, "version", json_string(w->version));
    json_object_set_new(o, "persons",
                        json_integer((json_int_t)w->person_count));
    json_object_set_new(o, "documents",
                        json_integer((json_int_t)w->document_count));
    json_object_set_new(o, "added", json_integer((json_int_t)r->added));
    json_object_set_new(o, "removed", json_integer((json_int_t)r->removed));
    json_object_set_new(o, "changed", json_integer((json_int_t)r->changed));
    json_object_set_new(o, "unchanged", json_integer((json_int_t)r->unchanged));
    json_object_set_new(o, "added_refs", refs_json(r->added_refs, r->added));
    json_object_set_new(o, "removed_refs",
                        refs_json(r->removed_refs, r->removed));
    json_object_set_new(o, "changed_refs",
                        refs_json(r->changed_refs, r->changed));
    json_line(o);
    return;
  }
  printf("watchlist %s imported: version %s, %zu persons, %zu documents\n",
         w->name, w->version[0] ? w->version : "(none)", w->person_count,
         w->document_count);
  printf("  added %zu, removed %zu, changed %zu, unchanged %zu\n", r->added,
         r->removed, r->changed, r->unchanged);
  refs_text("added", r->added_refs, r->added);
  refs_text("removed", r->removed_refs, r->removed);
  refs_text("changed", r->changed_refs, r->changed);
}

static json_t *list_json(const bmis_watchlist *w) {
  char at[21];
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(w->name));
  json_object_set_new(o, "category",
                      json_string(bmis_wl_category_code(w->category)
                                      ? bmis_wl_category_code(w->category)
                                      : ""));
  json_object_set_new(o, "action",
                      json_string(bmis_hit_action_code(w->action)
                                      ? bmis_hit_action_code(w->action)
                                      : ""));
  json_object_set_new(o, "source", json_string(w->source));
  json_object_set_new(o, "version", json_string(w->version));
  json_object_set_new(o, "loaded_at", json_string(time_text(w->loaded_at, at)));
  json_object_set_new(o, "threshold",
                      json_real(w->threshold > 0
                                    ? w->threshold
                                    : BMIS_SCREEN_DEFAULT_THRESHOLD));
  json_object_set_new(o, "threshold_is_default", json_boolean(!w->threshold));
  json_object_set_new(o, "confirm_at",
                      json_real(w->confirm_at > 0
                                    ? w->confirm_at
                                    : BMIS_DISPOSITION_DEFAULT_CONFIRM_AT));
  json_object_set_new(o, "confirm_at_is_default", json_boolean(!w->confirm_at));
  json_object_set_new(o, "persons", json_integer((json_int_t)w->person_count));
  json_object_set_new(o, "documents",
                      json_integer((json_int_t)w->document_count));
  return o;
}

static const char *code_or_dash(const char *c) {
  return c ? c : "-";
}

static void list_text(const bmis_watchlist *w) {
  char at[21];
  printf("%-20s %-21s %-7s %6zu persons %6zu documents  threshold %.2f%s  "
         "confirm at %.2f%s  loaded %s  version %s\n",
         w->name, code_or_dash(bmis_wl_category_code(w->category)),
         code_or_dash(bmis_hit_action_code(w->action)), w->person_count,
         w->document_count,
         w->threshold > 0 ? w->threshold : BMIS_SCREEN_DEFAULT_THRESHOLD,
         w->threshold > 0 ? "" : " (default)",
         w->confirm_at > 0 ? w->confirm_at
                           : BMIS_DISPOSITION_DEFAULT_CONFIRM_AT,
         w->confirm_at > 0 ? "" : " (default)", time_text(w->loaded_at, at),
         w->version[0] ? w->version : "-");
}

static void meta_text(const bmis_watchlist *w) {
  char at[21];
  printf("watchlist %s\n", w->name);
  printf("  category   %s\n", code_or_dash(bmis_wl_category_code(w->category)));
  printf("  action     %s\n", code_or_dash(bmis_hit_action_code(w->action)));
  printf("  source     %s\n", w->source[0] ? w->source : "-");
  printf("  version    %s\n", w->version[0] ? w->version : "-");
  printf("  loaded     %s\n", time_text(w->loaded_at, at));
  printf("  threshold  %.2f%s\n",
         w->threshold > 0 ? w->threshold : BMIS_SCREEN_DEFAULT_THRESHOLD,
         w->threshold > 0 ? "" : " (default)");
  printf("  confirm at %.2f%s (dismissals of sanctions and wanted hits at or "
         "above it need a second person)\n",
         w->confirm_at > 0 ? w->confirm_at
                           : BMIS_DISPOSITION_DEFAULT_CONFIRM_AT,
         w->confirm_at > 0 ? "" : " (default)");
  printf("  entries    %zu persons, %zu documents\n", w->person_count,
         w->document_count);
}

/* A listed date of birth as text: "1965-03-02", "1965-03", "1965",
 * "1960..1962", with "~" before it when approximate (as in the CSV). */
static void birth_text(const bmis_wl_birth *b, char *out, size_t cap) {
  char y[8] = "", m[8] = "", d[8] = "", to[12] = "";
  snprintf(y, sizeof y, "%04d", b->date.year);
  if (b->date.month)
    snprintf(m, sizeof m, "-%02d", b->date.month);
  if (b->date.day)
    snprintf(d, sizeof d, "-%02d", b->date.day);
  if (b->to_year)
    snprintf(to, sizeof to, "..%04d", b->to_year);
  snprintf(out, cap, "%s%s%s%s%s", b->approximate ? "~" : "", y, m, d, to);
}

static json_t *person_json(const char *list, const bmis_wl_person *p) {
  json_t *o = json_object();
  json_object_set_new(o, "list", json_string(list));
  json_object_set_new(o, "kind", json_string("person"));
  json_object_set_new(o, "ref", json_string(p->ref));
  json_t *a = json_array();
  for (size_t i = 0; i < p->name_count; i++)
    json_array_append_new(
        a, json_pack("{s:s, s:s, s:b}", "text", p->names[i].text, "quality",
                     bmis_name_quality_code(p->names[i].quality),
                     "original_script", (int)p->names[i].original_script));
  json_object_set_new(o, "names", a);
  a = json_array();
  for (size_t i = 0; i < p->birth_count; i++) {
    const bmis_wl_birth *b = &p->births[i];
    char date[16];
    bmis_wl_birth plain = *b;
    plain.approximate = false;
    plain.to_year = 0;
    birth_text(&plain, date, sizeof date);
    json_t *x = json_pack("{s:s}", "date", date);
    if (b->to_year)
      json_object_set_new(x, "to_year", json_integer(b->to_year));
    if (b->approximate)
      json_object_set_new(x, "approximate", json_true());
    json_array_append_new(a, x);
  }
  json_object_set_new(o, "births", a);
  a = json_array();
  for (size_t i = 0; i < p->nationality_count; i++)
    json_array_append_new(a, json_string(p->nationalities[i]));
  json_object_set_new(o, "nationalities", a);
  a = json_array();
  for (size_t i = 0; i < p->birth_country_count; i++)
    json_array_append_new(a, json_string(p->birth_countries[i]));
  json_object_set_new(o, "birth_countries", a);
  a = json_array();
  for (size_t i = 0; i < p->birth_place_count; i++)
    json_array_append_new(a, json_string(p->birth_places[i]));
  json_object_set_new(o, "birth_places", a);
  char sex[2] = {p->sex, 0};
  json_object_set_new(o, "sex", json_string(sex));
  a = json_array();
  for (size_t i = 0; i < p->document_count; i++)
    json_array_append_new(
        a, json_pack("{s:s, s:s, s:s}", "type", p->documents[i].type, "state",
                     p->documents[i].state, "number", p->documents[i].number));
  json_object_set_new(o, "documents", a);
  json_object_set_new(o, "remarks", json_string(p->remarks ? p->remarks : ""));
  return o;
}

static void person_text(const char *list, const bmis_wl_person *p) {
  printf("%s (person) in watchlist %s\n", p->ref, list);
  for (size_t i = 0; i < p->name_count; i++)
    printf("  name         %s (%s%s)\n", p->names[i].text,
           bmis_name_quality_code(p->names[i].quality),
           p->names[i].original_script ? ", original script" : "");
  for (size_t i = 0; i < p->birth_count; i++) {
    char b[24];
    birth_text(&p->births[i], b, sizeof b);
    printf("  born         %s\n", b);
  }
  for (size_t i = 0; i < p->nationality_count; i++)
    printf("  nationality  %s\n", p->nationalities[i]);
  for (size_t i = 0; i < p->birth_place_count; i++)
    printf("  birth place  %s\n", p->birth_places[i]);
  for (size_t i = 0; i < p->birth_country_count; i++)
    printf("  born in      %s\n", p->birth_countries[i]);
  if (p->sex)
    printf("  sex          %c\n", p->sex);
  for (size_t i = 0; i < p->document_count; i++)
    printf("  document     %s %s %s\n",
           p->documents[i].type[0] ? p->documents[i].type : "-",
           p->documents[i].state[0] ? p->documents[i].state : "-",
           p->documents[i].number);
  if (p->remarks)
    printf("  remarks      %s\n", p->remarks);
}

static json_t *document_json(const char *list, const bmis_wl_document *d) {
  char reported[11] = "";
  if (d->reported.year)
    bmis_date_format_iso(d->reported, reported);
  return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "list",
                   list, "kind", "document", "ref", d->ref, "state", d->state,
                   "number", d->number, "type", d->type, "status",
                   code_or_dash(bmis_doc_status_code(d->status)), "reported",
                   reported, "remarks", d->remarks ? d->remarks : "");
}

static void document_text(const char *list, const bmis_wl_document *d) {
  char reported[11] = "-";
  if (d->reported.year)
    bmis_date_format_iso(d->reported, reported);
  printf("%s (document) in watchlist %s\n", d->ref, list);
  printf("  document     %s %s %s\n", d->type[0] ? d->type : "-", d->state,
         d->number);
  printf("  status       %s\n", code_or_dash(bmis_doc_status_code(d->status)));
  printf("  reported     %s\n", reported);
  if (d->remarks)
    printf("  remarks      %s\n", d->remarks);
}

/* ---- the subcommands ---- */

typedef struct options {
  const char *store, *format, *category, *action, *source, *version, *threshold;
  bool json;
} options;

static int parse_threshold(const char *opt, const char *text, double *out) {
  char *end;
  errno = 0;
  double v = strtod(text, &end);
  if (errno || end == text || *end || !(v >= 0 && v <= 1))
    return cli_usage_error(CMD,
                           "%s: '%s' is not a number from 0 to 1 (0: "
                           "the default)",
                           opt, text);
  *out = v;
  return CLI_OK;
}

static int import(const options *o, const char *name, const char *path) {
  bmis_watchlist meta;
  memset(&meta, 0, sizeof meta);
  if (strlen(name) >= sizeof meta.name)
    return cli_usage_error(CMD, "import: NAME is longer than %zu characters",
                           sizeof meta.name - 1);
  memcpy(meta.name, name, strlen(name) + 1);
  if (!o->category)
    return cli_usage_error(CMD, "import: --category is required");
  meta.category = bmis_wl_category_parse(o->category);
  if (!meta.category)
    return cli_usage_error(CMD,
                           "--category: '%s' is not sanctions, wanted, "
                           "national_alert, protection_alert or "
                           "lost_stolen_documents",
                           o->category);
  meta.action = meta.category == BMIS_WL_PROTECTION_ALERT ? BMIS_HIT_PROTECT
                                                          : BMIS_HIT_REFER;
  if (o->action && !(meta.action = bmis_hit_action_parse(o->action)))
    return cli_usage_error(CMD,
                           "--action: '%s' is not refer, notify or "
                           "protect",
                           o->action);
  bmis_wl_format format =
      o->format ? bmis_wl_format_parse(o->format) : format_of(path);
  if (!format)
    return o->format ? cli_usage_error(CMD,
                                       "--format: '%s' is not un-xml, csv or "
                                       "jsonl",
                                       o->format)
                     : cli_usage_error(CMD,
                                       "import: cannot tell the format of %s "
                                       "from its name: give --format",
                                       path);
  const char *source = o->source;
  if (!source) {
    const char *slash = strrchr(path, '/');
    source = strcmp(path, "-") == 0 ? "standard input"
             : slash                ? slash + 1
                                    : path;
    /* a file name need not be text: say so rather than refuse the list */
    if (bmis_text_check(source, sizeof meta.source - 1, 0, "source", NULL) !=
        BMIS_OK)
      source = "a file (its name is not one line of UTF-8)";
  }
  int bad =
      cli_text_opt(CMD, "--source", meta.source, sizeof meta.source, source, 0);
  if (!bad)
    bad = cli_text_opt(CMD, "--version", meta.version, sizeof meta.version,
                       o->version, 0);
  if (bad)
    return bad;
  if (o->threshold &&
      parse_threshold("--threshold", o->threshold, &meta.threshold) != CLI_OK)
    return CLI_USAGE;

  char *data;
  size_t len;
  int r = read_all(path, &data, &len);
  if (r != CLI_OK)
    return r;
  bmis_wl_content *content = bmis_wl_content_new();
  bmis_error err;
  if (!content) {
    free(data);
    fprintf(stderr, "bmis: out of memory\n");
    return CLI_FAILED;
  }
  bmis_status st = bmis_wl_read(format, data, len, content, &err);
  free(data);
  if (st != BMIS_OK) {
    fprintf(stderr, "bmis: %s: %s\n", path, err.message);
    bmis_wl_content_free(content);
    return bmis_status_exit_code(st);
  }
  if (!meta.version[0])
    snprintf(meta.version, sizeof meta.version, "%s",
             bmis_wl_content_version(content));
  meta.loaded_at = (int64_t)time(NULL);
  meta.person_count = bmis_wl_person_count(content);
  meta.document_count = bmis_wl_document_count(content);

  bmis_store *s;
  r = cli_open_store(o->store, NULL, false, &s);
  if (r == CLI_OK) {
    bmis_wl_report report;
    if (bmis_watchlist_import(s, &meta, content, &report, &err) != BMIS_OK) {
      r = cli_fail(&err);
    } else {
      print_report(&meta, &report, o->json);
      bmis_wl_report_free(&report);
    }
    bmis_store_close(s);
  }
  bmis_wl_content_free(content);
  return r;
}

static int list(const options *o) {
  bmis_store *s;
  int r = cli_open_store(o->store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_watchlist *lists = NULL;
  size_t n = 0;
  bmis_error err;
  if (bmis_watchlist_list(s, &lists, &n, &err) != BMIS_OK) {
    r = cli_fail(&err);
  } else {
    for (size_t i = 0; i < n; i++) {
      if (o->json)
        json_line(list_json(&lists[i]));
      else
        list_text(&lists[i]);
    }
  }
  bmis_free(lists);
  bmis_store_close(s);
  return r;
}

static int show(const options *o, const char *name, const char *ref) {
  bmis_store *s;
  int r = cli_open_store(o->store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  bmis_watchlist w;
  bmis_wl_content *c = NULL;
  if (bmis_watchlist_get(s, name, &w, &err) != BMIS_OK) {
    r = cli_fail(&err);
  } else if (!ref) {
    if (o->json)
      json_line(list_json(&w));
    else
      meta_text(&w);
  } else if (bmis_watchlist_content(s, name, &c, &err) != BMIS_OK) {
    r = cli_fail(&err);
  } else {
    bool found = false;
    for (size_t i = 0; i < bmis_wl_person_count(c) && !found; i++) {
      const bmis_wl_person *p = bmis_wl_person_at(c, i);
      if (strcmp(p->ref, ref) != 0)
        continue;
      found = true;
      if (o->json)
        json_line(person_json(name, p));
      else
        person_text(name, p);
    }
    for (size_t i = 0; i < bmis_wl_document_count(c) && !found; i++) {
      const bmis_wl_document *d = bmis_wl_document_at(c, i);
      if (strcmp(d->ref, ref) != 0)
        continue;
      found = true;
      if (o->json)
        json_line(document_json(name, d));
      else
        document_text(name, d);
    }
    if (!found) {
      fprintf(stderr, "bmis: no entry '%s' in watchlist '%s'\n", ref, name);
      r = bmis_status_exit_code(BMIS_E_NOT_FOUND);
    }
  }
  bmis_wl_content_free(c);
  bmis_store_close(s);
  return r;
}

static int remove_list(const options *o, const char *name) {
  bmis_store *s;
  int r = cli_open_store(o->store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  if (bmis_watchlist_remove(s, name, &err) != BMIS_OK)
    r = cli_fail(&err);
  else
    printf("watchlist %s removed\n", name);
  bmis_store_close(s);
  return r;
}

static int threshold(const options *o, const char *name, const char *value) {
  double t = 0;
  if (parse_threshold("threshold", value, &t) != CLI_OK)
    return CLI_USAGE;
  bmis_store *s;
  int r = cli_open_store(o->store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  if (bmis_watchlist_set_threshold(s, name, t, &err) != BMIS_OK)
    r = cli_fail(&err);
  else if (t > 0)
    printf("watchlist %s: threshold %.2f\n", name, t);
  else
    printf("watchlist %s: threshold %.2f (default)\n", name,
           BMIS_SCREEN_DEFAULT_THRESHOLD);
  bmis_store_close(s);
  return r;
}

static int confirm_at(const options *o, const char *name, const char *value) {
  double t = 0;
  if (parse_threshold("confirm-at", value, &t) != CLI_OK)
    return CLI_USAGE;
  bmis_store *s;
  int r = cli_open_store(o->store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  if (bmis_watchlist_set_confirm_at(s, name, t, &err) != BMIS_OK)
    r = cli_fail(&err);
  else
    printf("watchlist %s: confirm at %.2f%s\n", name,
           t > 0 ? t : BMIS_DISPOSITION_DEFAULT_CONFIRM_AT,
           t > 0 ? "" : " (default)");
  bmis_store_close(s);
  return r;
}

int cli_watchlist(int argc, char **argv) {
  options o;
  memset(&o, 0, sizeof o);
  const cli_opt opts[] = {{"--store", &o.store, NULL},
                          {"--format", &o.format, NULL},
                          {"--category", &o.category, NULL},
                          {"--action", &o.action, NULL},
                          {"--source", &o.source, NULL},
                          {"--version", &o.version, NULL},
                          {"--threshold", &o.threshold, NULL},
                          {"--json", NULL, &o.json},
                          {NULL, NULL, NULL}};
  const char *pos[3];
  int npos;
  int r = cli_parse(CMD, argc, argv, opts, pos, 3, &npos);
  if (r == CLI_HELP) {
    fputs(watchlist_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  const char *sub = npos ? pos[0] : "";
  bool import_opts = o.format || o.category || o.action || o.source ||
                     o.version || o.threshold;
  if (strcmp(sub, "import") != 0 && import_opts)
    return cli_usage_error(CMD, "--format, --category, --action, --source, "
                                "--version and --threshold go with import");
  if (strcmp(sub, "import") == 0) {
    if (npos != 3)
      return cli_usage_error(CMD, "import: NAME and FILE are needed");
    return import(&o, pos[1], pos[2]);
  }
  if (strcmp(sub, "list") == 0) {
    if (npos != 1)
      return cli_usage_error(CMD, "list takes no arguments");
    return list(&o);
  }
  if (strcmp(sub, "show") == 0) {
    if (npos < 2)
      return cli_usage_error(CMD, "show: NAME is needed");
    return show(&o, pos[1], npos == 3 ? pos[2] : NULL);
  }
  bool remove = strcmp(sub, "remove") == 0;
  bool confirm = strcmp(sub, "confirm-at") == 0;
  if ((remove || confirm || strcmp(sub, "threshold") == 0) && o.json)
    return cli_usage_error(CMD, "%s takes no --json", sub);
  if (remove) {
    if (npos != 2)
      return cli_usage_error(CMD, "remove: NAME is needed");
    return remove_list(&o, pos[1]);
  }
  if (strcmp(sub, "threshold") == 0) {
    if (npos != 3)
      return cli_usage_error(CMD, "threshold: NAME and X are needed");
    return threshold(&o, pos[1], pos[2]);
  }
  if (confirm) {
    if (npos != 3)
      return cli_usage_error(CMD, "confirm-at: NAME and X are needed");
    return confirm_at(&o, pos[1], pos[2]);
  }
  return cli_usage_error(CMD, "expected import, list, show, remove, "
                              "threshold or confirm-at");
}

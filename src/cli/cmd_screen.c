/* `bmis screen`: screens one traveller (by name and details, or from an
 * MRZ) or a batch of JSON lines against every watchlist in the store, and
 * records decisions on hits (`bmis screen dispose`). docs/SCREENING.md,
 * "Screening from the command line", describes the command. */
#define _POSIX_C_SOURCE 200809L
#include "bmis/country.h"
#include "bmis/screen.h"
#include "cli.h"
#include "screen_output.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The help; %.2f is the default threshold. */
#define SCREEN_HELP                                                            \
  "usage: bmis screen [--name NAME] [--surname S] [--given-names G]\n"         \
  "                   [--birth YYYY|YYYY-MM|YYYY-MM-DD] [--nationality C]\n"   \
  "                   [--sex F|M|X] [--doc-state C] [--doc-number N]\n"        \
  "                   [--traveller ID] [options]\n"                            \
  "       bmis screen --mrz LINE... | --mrz - [--traveller ID] [options]\n"    \
  "       bmis screen --batch FILE|- [options]\n"                              \
  "       bmis screen dispose --list L --ref R\n"                              \
  "                   --decision confirmed|dismissed --reason TEXT\n"          \
  "                   [--by USER] [--role officer|supervisor]\n"               \
  "                   (--traveller ID | --doc-state C --doc-number N)\n"       \
  "options: [--exhaustive] [--threshold T] [--max N] [--json]; every\n"        \
  "command also takes [--store URL]\n"                                         \
  "\n"                                                                         \
  "Screens a person, and the document presented, against every watchlist\n"    \
  "in the store (the lists `bmis watchlist import` keeps: sanctions,\n"        \
  "wanted persons, national alerts, protection alerts, lost and stolen\n"      \
  "documents). A name (--name, in any order and script, or --surname and\n"    \
  "--given-names) or a document (--doc-number) is required. Countries are\n"   \
  "codes (KEN, KE) or English names. --traveller names the traveller whose\n"  \
  "earlier decisions (dispose) are shown with the hits; a document\n"          \
  "presented does the same for decisions taken on that document.\n"            \
  "  --mrz          the machine readable zone: its lines as arguments, or\n"   \
  "                 '-' to read them from standard input; it gives the\n"      \
  "                 names, date of birth, nationality, sex and document\n"     \
  "  --batch FILE   JSON lines, one traveller a line, from FILE ('-':\n"       \
  "                 standard input): {\"id\" (any value, echoed), \"name\",\n" \
  "                 \"surname\", \"given_names\", \"birth\", "                 \
  "\"nationality\",\n"                                                         \
  "                 \"sex\", \"doc_state\", \"doc_number\", "                  \
  "\"traveller_id\"};\n"                                                       \
  "                 answers one JSON line per traveller, {\"line\", \"id\",\n" \
  "                 \"hits\", \"candidates\"} or {\"line\", \"id\", "          \
  "\"error\"};\n"                                                              \
  "                 blank lines are skipped, a line is at most 65536 bytes\n"  \
  "  --exhaustive   score every listed name, not only the index's\n"           \
  "                 candidates (the same hits, slower)\n"                      \
  "  --threshold T  person-hit score (0 < T <= 1) for every list; by\n"        \
  "                 default each list's own (bmis watchlist threshold),\n"     \
  "                 else %.2f\n"                                               \
  "  --max N        at most N hits, best first (default 20)\n"                 \
  "  --json         {\"hits\": [...], \"candidates\": n} on one line\n"        \
  "Output: \"no hits\", or each hit explained: its score, list and entry,\n"   \
  "the listed name token by token against the presented one, what the\n"       \
  "date of birth, nationality and sex added or took away, and an earlier\n"    \
  "decision on the same traveller and entry (void when the entry has\n"        \
  "changed since).\n"                                                          \
  "\n"                                                                         \
  "dispose: records a decision on a hit: the entry REF of list L, for the\n"   \
  "traveller or for the document. --by defaults to the operating-system\n"     \
  "user, --role to officer. It prints the decision's id. A dismissal on a\n"   \
  "sanctions, wanted or protection-alert list (the score is not known\n"       \
  "here: taken as 1.00)\n"                                                     \
  "waits for a second supervisor's confirmation (the server's\n"               \
  "/api/dispositions) before it clears later screenings.\n"                    \
  "\n"                                                                         \
  "exit status: 0 screened (hits or not) or recorded; 1 a malformed MRZ, a\n"  \
  "batch line that could not be screened, no watchlist entry in the store,\n"  \
  "or no such list or entry; 2 bad usage; 3 the store failed.\n"               \
  "\n" CLI_STORE_HELP

static int help(void) {
  printf(SCREEN_HELP, BMIS_SCREEN_DEFAULT_THRESHOLD);
  return CLI_OK;
}

#define CMD "screen "
/* The library keys dispositions on at most 50 bytes of a traveller id. */
#define TRAVELLER_MAX 50
#define NAME_MAX_BYTES (BMIS_WL_TEXT_SIZE - 1)
#define MAX_HITS 1000

/* ---- one traveller's details, from options or a batch line ---- */

/* The values as given; NULL when absent. */
typedef struct person_in {
  const char *name, *surname, *given, *birth, *nationality, *sex, *doc_state,
      *doc_number, *traveller;
} person_in;

/* How the values are called where they come from (options or members). */
typedef struct field_names {
  const char *name, *surname, *given, *birth, *nationality, *sex, *doc_state,
      *doc_number, *traveller;
} field_names;

static const field_names option_names = {
    "--name", "--surname",   "--given-names", "--birth",    "--nationality",
    "--sex",  "--doc-state", "--doc-number",  "--traveller"};
static const field_names member_names = {
    "name", "surname",   "given_names", "birth",       "nationality",
    "sex",  "doc_state", "doc_number",  "traveller_id"};

/* What is wrong with an input value, worded for a usage error or a batch
 * line's error. Returns false, so `return problem(...)` reads well. */
__attribute__((format(printf, 3, 4))) static bool
problem(char *msg, size_t cap, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, cap, fmt, ap);
  va_end(ap);
  return false;
}

/* How many bytes of s, at most max, end on a character boundary: for
 * quoting input in a message with "%.*s". */
static int quoted(const char *s, int max) {
  return (int)bmis_text_fit(s, (size_t)max);
}

static bool set_country(const char *what, const char *v, char out[4], char *msg,
                        size_t cap) {
  const bmis_country *c = *v ? bmis_country_lookup(v) : NULL;
  if (!c || strlen(c->code) > 3)
    return problem(msg, cap, "%s: '%.*s' is not a country", what, quoted(v, 60),
                   v);
  memcpy(out, c->code, strlen(c->code) + 1);
  return true;
}

static bool has_alnum(const char *s) {
  for (; *s; s++)
    if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
        (*s >= '0' && *s <= '9'))
      return true;
  return false;
}

static bool set_doc_number(const char *what, const char *v, char out[40],
                           char *msg, size_t cap) {
  if (strlen(v) > 39)
    return problem(msg, cap, "%s: longer than 39 bytes", what);
  if (!has_alnum(v))
    return problem(msg, cap, "%s: '%.*s' has no letters or digits", what,
                   quoted(v, 39), v);
  memcpy(out, v, strlen(v) + 1);
  return true;
}

static bool check_traveller(const char *what, const char *v, char *msg,
                            size_t cap) {
  if (!*v)
    return problem(msg, cap, "%s: empty", what);
  if (strlen(v) > TRAVELLER_MAX)
    return problem(msg, cap, "%s: longer than %d bytes", what, TRAVELLER_MAX);
  return true;
}

static bool given(const char *s) {
  return s && *s;
}

/* Fills *q from in (the strings stay in `in`); false with msg on a bad
 * value. */
static bool make_query(const person_in *in, const field_names *fn,
                       bmis_screen_query *q, char *msg, size_t cap) {
  memset(q, 0, sizeof *q);
  const char *names[3] = {in->name, in->surname, in->given};
  const char *labels[3] = {fn->name, fn->surname, fn->given};
  for (int i = 0; i < 3; i++)
    if (names[i] && strlen(names[i]) > NAME_MAX_BYTES)
      return problem(msg, cap, "%s: longer than %d bytes", labels[i],
                     NAME_MAX_BYTES);
  q->name = in->name;
  q->surname = in->surname;
  q->given_names = in->given;
  if (in->birth &&
      bmis_date_parse_partial(in->birth, &q->birth, NULL) != BMIS_OK)
    return problem(msg, cap,
                   "%s: '%.*s' is not YYYY, YYYY-MM or YYYY-MM-DD (a real "
                   "date)",
                   fn->birth, quoted(in->birth, 40), in->birth);
  if (in->nationality &&
      !set_country(fn->nationality, in->nationality, q->nationality, msg, cap))
    return false;
  if (in->sex) {
    char c = in->sex[0];
    c = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    if (strlen(in->sex) != 1 || (c != 'F' && c != 'M' && c != 'X'))
      return problem(msg, cap, "%s: '%.*s' is not F, M or X", fn->sex,
                     quoted(in->sex, 20), in->sex);
    q->sex = c;
  }
  if (in->doc_state && !in->doc_number)
    return problem(msg, cap, "%s goes with %s", fn->doc_state, fn->doc_number);
  if (in->doc_state &&
      !set_country(fn->doc_state, in->doc_state, q->doc_state, msg, cap))
    return false;
  if (in->doc_number &&
      !set_doc_number(fn->doc_number, in->doc_number, q->doc_number, msg, cap))
    return false;
  if (in->traveller && !check_traveller(fn->traveller, in->traveller, msg, cap))
    return false;
  q->traveller_id = in->traveller;
  if (!given(in->name) && !given(in->surname) && !given(in->given) &&
      !in->doc_number)
    return problem(msg, cap, "nothing to screen: give %s, %s or %s, or %s",
                   fn->name, fn->surname, fn->given, fn->doc_number);
  return true;
}

/* ---- the MRZ ---- */

/* The MRZ text: the arguments joined by newlines ("\n" typed as two
 * characters separates lines too), or standard input for "-"; at most
 * BMIS_MRZ_INPUT_MAX bytes (out holds one more, to tell). */
static int mrz_text(const char **args, int n, char out[BMIS_MRZ_INPUT_MAX + 1],
                    size_t *len) {
  const size_t cap = BMIS_MRZ_INPUT_MAX + 1;
  size_t k = 0;
  if (n == 1 && strcmp(args[0], "-") == 0) {
    k = fread(out, 1, cap, stdin);
    if (ferror(stdin)) {
      fprintf(stderr, "bmis: cannot read standard input: %s\n",
              strerror(errno));
      return CLI_USAGE;
    }
  } else {
    for (int i = 0; i < n && k < cap; i++) {
      if (i > 0)
        out[k++] = '\n';
      for (const char *p = args[i]; *p && k < cap; p++) {
        char c = *p;
        if (p[0] == '\\' && p[1] == 'n') {
          c = '\n';
          p++;
        }
        out[k++] = c;
      }
    }
  }
  if (k > BMIS_MRZ_INPUT_MAX) {
    fprintf(stderr, "bmis: mrz: longer than %d bytes\n", BMIS_MRZ_INPUT_MAX);
    return CLI_INVALID;
  }
  *len = k;
  return CLI_OK;
}

/* Parses the MRZ (strict; an expired document is still screened) into *q;
 * a malformed one is reported with what is wrong. */
static int mrz_query(const char **args, int n, bmis_screen_doc_names *names,
                     bmis_screen_query *q) {
  char text[BMIS_MRZ_INPUT_MAX + 1];
  size_t len = 0;
  int r = mrz_text(args, n, text, &len);
  if (r != CLI_OK)
    return r;
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, bmis_date_today_utc());
  bmis_doc doc;
  bmis_doc_parse(text, len, &opts, &doc);
  for (int i = 0; i < doc.nfindings; i++) {
    const bmis_finding *f = &doc.findings[i];
    if (f->severity != BMIS_SEVERITY_ERROR || f->code == BMIS_FINDING_EXPIRED)
      continue;
    char msg[200];
    bmis_finding_message(f, msg, sizeof msg);
    fprintf(stderr, "bmis: mrz: %s (%s)\n", msg,
            bmis_finding_code_name(f->code));
    return CLI_INVALID;
  }
  bmis_screen_query_from_doc(&doc, names, q);
  return CLI_OK;
}

/* ---- screening ---- */

typedef struct screen_opts {
  const char *store, *threshold, *max, *batch;
  bool exhaustive, json, mrz;
  person_in in;
} screen_opts;

/* Opens the store and builds the index of every list in it. */
static int open_index(const char *store, bmis_store **s,
                      bmis_screen_index **ix) {
  int r = cli_open_store(store, NULL, true, s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  if (bmis_screen_index_load(*s, ix, &err) != BMIS_OK) {
    r = cli_fail(&err);
  } else if (bmis_screen_index_entries(*ix) == 0) {
    /* "no hits" against nothing would read as a clean result. */
    fprintf(stderr, "bmis: no watchlist entries in the store: nothing to "
                    "screen against (see bmis watchlist import)\n");
    r = CLI_INVALID;
  }
  if (r != CLI_OK) {
    bmis_screen_index_free(*ix);
    *ix = NULL;
    bmis_store_close(*s);
    *s = NULL;
  }
  return r;
}

/* The audit entry of a screening: the document presented, or the
 * traveller, never the name. Appended before the result is printed. */
static bmis_status audit_screened(bmis_store *s, const bmis_screen_query *q,
                                  bmis_error *err) {
  char record[96];
  if (q->doc_number[0])
    snprintf(record, sizeof record, "document:%s:%s", q->doc_state,
             q->doc_number);
  else if (q->traveller_id && q->traveller_id[0])
    snprintf(record, sizeof record, "traveller:%.80s", q->traveller_id);
  else
    snprintf(record, sizeof record, "query");
  return cli_audit(s, "screen.person", record, NULL, err);
}

static int screen_one(const screen_opts *o, const bmis_screen_query *q,
                      const bmis_screen_options *so) {
  bmis_store *s;
  bmis_screen_index *ix;
  int r = open_index(o->store, &s, &ix);
  if (r != CLI_OK)
    return r;
  bmis_screen_result res;
  bmis_error err;
  if (bmis_screen_person(ix, s, q, so, &res, &err) != BMIS_OK) {
    r = cli_fail(&err);
  } else if (audit_screened(s, q, &err) != BMIS_OK) {
    r = cli_fail(&err);
    bmis_screen_result_free(&res);
  } else {
    if (o->json)
      screen_json_line(screen_result_json(&res));
    else
      screen_print_text(stdout, &res);
    bmis_screen_result_free(&res);
  }
  bmis_screen_index_free(ix);
  bmis_store_close(s);
  return r;
}

/* ---- batches ---- */

typedef struct batch {
  bmis_screen_index *ix;
  bmis_store *s;
  const bmis_screen_options *so;
  long screened, with_hits, rejected;
  bool failed; /* the store or memory failed: stop */
} batch;

static void answer_error(long line, json_t *id, const char *msg) {
  json_t *o = json_object();
  json_object_set_new(o, "line", json_integer(line));
  if (id)
    json_object_set(o, "id", id);
  json_object_set_new(o, "error", screen_json_text(msg));
  screen_json_line(o);
}

/* Reads the members of one line into *in; false with msg when one is
 * unknown or not a string (null is the same as absent). */
static bool members(json_t *root, person_in *in, json_t **id, char *msg,
                    size_t cap) {
  static const char *const keys[] = {
      "name", "surname",   "given_names", "birth",       "nationality",
      "sex",  "doc_state", "doc_number",  "traveller_id"};
  const char **slots[] = {&in->name,      &in->surname,     &in->given,
                          &in->birth,     &in->nationality, &in->sex,
                          &in->doc_state, &in->doc_number,  &in->traveller};
  memset(in, 0, sizeof *in);
  const char *key;
  json_t *v;
  json_object_foreach(root, key, v) {
    if (strcmp(key, "id") == 0) {
      *id = v;
      continue;
    }
    size_t k = 0;
    while (k < sizeof keys / sizeof keys[0] && strcmp(keys[k], key) != 0)
      k++;
    if (k == sizeof keys / sizeof keys[0])
      return problem(msg, cap, "%.*s: unknown member", quoted(key, 60), key);
    if (json_is_null(v))
      continue;
    if (!json_is_string(v))
      return problem(msg, cap, "%s: must be a string", key);
    *slots[k] = json_string_value(v);
  }
  return true;
}

static void batch_line(batch *b, long line, const char *text, size_t len) {
  char msg[256];
  json_error_t je;
  json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  json_t *id = NULL;
  person_in in;
  bmis_screen_query q;
  bool ok = false;
  if (!root)
    snprintf(msg, sizeof msg, "not JSON: %s (column %d)", je.text, je.column);
  else if (!json_is_object(root))
    snprintf(msg, sizeof msg, "not a JSON object");
  else
    ok = members(root, &in, &id, msg, sizeof msg) &&
         make_query(&in, &member_names, &q, msg, sizeof msg);
  bmis_screen_result res;
  bmis_error err;
  if (ok) {
    bmis_status st = bmis_screen_person(b->ix, b->s, &q, b->so, &res, &err);
    if (st == BMIS_OK && (st = audit_screened(b->s, &q, &err)) != BMIS_OK) {
      bmis_screen_result_free(&res);
      b->failed = true; /* nothing more is screened unaudited */
    }
    if (st == BMIS_OK) {
      json_t *o = json_object();
      json_object_set_new(o, "line", json_integer(line));
      if (id)
        json_object_set(o, "id", id);
      json_object_set_new(o, "hits", screen_hits_json(&res));
      json_object_set_new(o, "candidates",
                          json_integer((json_int_t)res.candidates));
      screen_json_line(o);
      b->screened++;
      b->with_hits += res.count > 0;
      bmis_screen_result_free(&res);
      json_decref(root);
      return;
    }
    snprintf(msg, sizeof msg, "%s", err.message);
    b->failed = b->failed || bmis_status_exit_code(st) == CLI_FAILED;
  }
  answer_error(line, id, msg);
  b->rejected++;
  json_decref(root);
}

/* Reads one line into buf (at most cap - 1 bytes kept, NUL-terminated);
 * *len is the bytes kept, *cut whether there were more. Returns false at
 * the end of the input. */
static bool read_line(FILE *in, char *buf, size_t cap, size_t *len, bool *cut) {
  size_t n = 0;
  int c;
  bool any = false;
  *cut = false;
  while ((c = getc_unlocked(in)) != EOF) {
    any = true;
    if (c == '\n')
      break;
    if (n + 1 < cap)
      buf[n++] = (char)c;
    else
      *cut = true;
  }
  buf[n] = 0;
  *len = n;
  return any;
}

static bool blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strchr(" \t\r", s[i]))
      return false;
  return true;
}

static int screen_batch(const screen_opts *o, const bmis_screen_options *so) {
  bool std_in = strcmp(o->batch, "-") == 0;
  FILE *in = std_in ? stdin : fopen(o->batch, "rb");
  if (!in) {
    fprintf(stderr, "bmis: cannot read %s: %s\n", o->batch, strerror(errno));
    return CLI_USAGE;
  }
  batch b = {.so = so};
  int r = open_index(o->store, &b.s, &b.ix);
  char *buf = r == CLI_OK ? malloc(CLI_LINE_MAX + 1) : NULL;
  if (r == CLI_OK && !buf) {
    fprintf(stderr, "bmis: out of memory\n");
    r = CLI_FAILED;
  }
  long line = 0;
  size_t len;
  bool cut;
  while (r == CLI_OK && !b.failed &&
         read_line(in, buf, CLI_LINE_MAX + 1, &len, &cut)) {
    line++;
    if (cut) {
      char msg[64];
      snprintf(msg, sizeof msg, "line longer than %d bytes", CLI_LINE_MAX);
      answer_error(line, NULL, msg);
      b.rejected++;
    } else if (!blank(buf, len)) {
      batch_line(&b, line, buf, len);
    }
  }
  fflush(stdout);
  if (r == CLI_OK && ferror(in)) {
    fprintf(stderr, "bmis: cannot read %s: %s\n", o->batch, strerror(errno));
    r = CLI_USAGE;
  }
  if (r == CLI_OK && !o->json)
    fprintf(stderr, "%ld screened (%ld with hits), %ld rejected\n", b.screened,
            b.with_hits, b.rejected);
  if (r == CLI_OK)
    r = b.failed ? CLI_FAILED : b.rejected ? CLI_INVALID : CLI_OK;
  free(buf);
  bmis_screen_index_free(b.ix);
  bmis_store_close(b.s);
  if (!std_in)
    fclose(in);
  return r;
}

static bool any_person_option(const person_in *in, bool but_traveller) {
  return in->name || in->surname || in->given || in->birth || in->nationality ||
         in->sex || in->doc_state || in->doc_number ||
         (!but_traveller && in->traveller);
}

static int screen_cmd(int argc, char **argv) {
  screen_opts o;
  memset(&o, 0, sizeof o);
  const cli_opt opts[] = {{"--store", &o.store, NULL},
                          {"--name", &o.in.name, NULL},
                          {"--surname", &o.in.surname, NULL},
                          {"--given-names", &o.in.given, NULL},
                          {"--birth", &o.in.birth, NULL},
                          {"--nationality", &o.in.nationality, NULL},
                          {"--sex", &o.in.sex, NULL},
                          {"--doc-state", &o.in.doc_state, NULL},
                          {"--doc-number", &o.in.doc_number, NULL},
                          {"--traveller", &o.in.traveller, NULL},
                          {"--exhaustive", NULL, &o.exhaustive},
                          {"--threshold", &o.threshold, NULL},
                          {"--max", &o.max, NULL},
                          {"--json", NULL, &o.json},
                          {"--mrz", NULL, &o.mrz},
                          {"--batch", &o.batch, NULL},
                          {NULL, NULL, NULL}};
  const char *pos[BMIS_MRZ_LINES];
  int npos;
  int r = cli_parse(CMD, argc, argv, opts, pos, BMIS_MRZ_LINES, &npos);
  if (r == CLI_HELP)
    return help();
  if (r != CLI_OK)
    return r;
  bmis_screen_options so = {BMIS_SCREEN_INDEXED, 0, 0};
  so.mode = o.exhaustive ? BMIS_SCREEN_EXHAUSTIVE : BMIS_SCREEN_INDEXED;
  if (o.threshold) {
    char *end;
    errno = 0;
    so.threshold = strtod(o.threshold, &end);
    if (errno || end == o.threshold || *end ||
        !(so.threshold > 0 && so.threshold <= 1))
      return cli_usage_error(CMD,
                             "--threshold: '%s' is not a number above 0 and "
                             "at most 1",
                             o.threshold);
  }
  if (o.max) {
    long n;
    if ((r = cli_number(CMD, "--max", o.max, 1, MAX_HITS, &n)) != CLI_OK)
      return r;
    so.max_hits = (size_t)n;
  }
  if (npos && !o.mrz)
    return cli_usage_error(CMD,
                           "unexpected argument '%s' (MRZ lines go with "
                           "--mrz)",
                           pos[0]);
  if (o.batch) {
    if (o.mrz || any_person_option(&o.in, false))
      return cli_usage_error(CMD, "--batch reads the travellers from FILE: "
                                  "leave out --mrz and the person's options");
    return screen_batch(&o, &so);
  }
  bmis_screen_query q;
  char msg[256];
  if (o.mrz) {
    if (any_person_option(&o.in, true))
      return cli_usage_error(CMD, "--mrz gives the names, date of birth, "
                                  "nationality, sex and document: leave out "
                                  "the other person options");
    if (npos == 0)
      return cli_usage_error(CMD, "--mrz: give the MRZ lines, or '-' to read "
                                  "them from standard input");
    memset(&q, 0, sizeof q);
    if (o.in.traveller &&
        !check_traveller("--traveller", o.in.traveller, msg, sizeof msg))
      return cli_usage_error(CMD, "%s", msg);
    q.traveller_id = o.in.traveller;
    bmis_screen_doc_names names;
    if ((r = mrz_query(pos, npos, &names, &q)) != CLI_OK)
      return r;
    return screen_one(&o, &q, &so);
  }
  if (!make_query(&o.in, &option_names, &q, msg, sizeof msg))
    return cli_usage_error(CMD, "%s", msg);
  return screen_one(&o, &q, &so);
}

/* ---- dispose ---- */

static const char *os_user(void) {
  struct passwd *pw = getpwuid(geteuid());
  return pw && pw->pw_name ? pw->pw_name : "unknown";
}

static int copy_opt(const char *opt, char *dst, size_t cap, const char *v) {
  return cli_text_opt(CMD, opt, dst, cap, v,
                      strcmp(opt, "--reason") == 0 ? BMIS_TEXT_LINES : 0);
}

/* The traveller key decisions are kept under (bmis_screen_traveller_key):
 * "traveller:ID", or "doc:STATE:NUMBER". */
static int traveller_key(const char *traveller, const char *state,
                         const char *number, char out[64]) {
  char msg[256];
  if (traveller) {
    if (!check_traveller("--traveller", traveller, msg, sizeof msg))
      return cli_usage_error(CMD, "%s", msg);
  } else {
    char code[4], num[40];
    if (!set_country("--doc-state", state, code, msg, sizeof msg) ||
        !set_doc_number("--doc-number", number, num, msg, sizeof msg))
      return cli_usage_error(CMD, "%s", msg);
  }
  bmis_error err;
  if (bmis_screen_traveller_key(traveller, state, number, out, &err) != BMIS_OK)
    return cli_usage_error(CMD, "%s", err.message);
  return CLI_OK;
}

static int dispose_cmd(int argc, char **argv) {
  const char *store = NULL, *list = NULL, *ref = NULL, *decision = NULL,
             *reason = NULL, *by = NULL, *role = NULL, *traveller = NULL,
             *state = NULL, *number = NULL;
  bool json = false;
  const cli_opt opts[] = {
      {"--store", &store, NULL},     {"--list", &list, NULL},
      {"--ref", &ref, NULL},         {"--decision", &decision, NULL},
      {"--reason", &reason, NULL},   {"--by", &by, NULL},
      {"--role", &role, NULL},       {"--traveller", &traveller, NULL},
      {"--doc-state", &state, NULL}, {"--doc-number", &number, NULL},
      {"--json", NULL, &json},       {NULL, NULL, NULL}};
  const char *pos[2];
  int npos;
  int r = cli_parse(CMD, argc, argv, opts, pos, 1, &npos);
  if (r == CLI_HELP)
    return help();
  if (r != CLI_OK)
    return r;
  const char *missing = !list       ? "--list"
                        : !ref      ? "--ref"
                        : !decision ? "--decision"
                        : !reason   ? "--reason"
                                    : NULL;
  if (missing)
    return cli_usage_error(CMD, "dispose: %s is required", missing);
  bmis_hit_disposition d;
  memset(&d, 0, sizeof d);
  d.decision = bmis_hit_decision_parse(decision);
  if (!d.decision)
    return cli_usage_error(CMD,
                           "--decision: '%s' is not confirmed or "
                           "dismissed",
                           decision);
  if (role && strcmp(role, "officer") != 0 && strcmp(role, "supervisor") != 0)
    return cli_usage_error(CMD, "--role: '%s' is not officer or supervisor",
                           role);
  if (!traveller && !state && !number)
    return cli_usage_error(CMD, "dispose: give --traveller, or --doc-state "
                                "and --doc-number");
  if (traveller && (state || number))
    return cli_usage_error(CMD, "dispose: give --traveller, or --doc-state "
                                "and --doc-number, not both");
  if (!traveller && (!state || !number))
    return cli_usage_error(CMD, "dispose: --doc-state and --doc-number go "
                                "together");
  if (blank(reason, strlen(reason)))
    return cli_usage_error(CMD, "--reason: empty");
  if ((r = copy_opt("--reason", d.reason, sizeof d.reason, reason)) ||
      (r = copy_opt("--by", d.by, sizeof d.by, by ? by : os_user())) ||
      (r = copy_opt("--role", d.role, sizeof d.role,
                    role ? role : "officer")) ||
      (r = traveller_key(traveller, state, number, d.traveller_key)))
    return r;
  d.at = (int64_t)time(NULL);
  /* the id from the clock's milliseconds: two decisions in one second, made
   * by two commands, keep their order */
  bmis_error id_err;
  if (bmis_uuid_v7(d.id, &id_err) != BMIS_OK) {
    fprintf(stderr, "bmis: %s\n", id_err.message);
    return CLI_FAILED;
  }
  bmis_store *s;
  r = cli_open_store(store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  /* the decision and its audit entry commit together, or neither */
  char record[96], detail[256];
  snprintf(record, sizeof record, "%s%.63s",
           strncmp(d.traveller_key, "doc:", 4) == 0 ? "document:" : "",
           d.traveller_key +
               (strncmp(d.traveller_key, "doc:", 4) == 0 ? 4 : 0));
  snprintf(detail, sizeof detail, "%s %.100s/%.100s",
           bmis_hit_decision_code(d.decision), list, ref);
  bmis_status st = bmis_store_begin(s, &err);
  if (st == BMIS_OK) {
    st = bmis_hit_dispose_entry(s, list, ref, &d, &err);
    if (st == BMIS_OK)
      st = cli_audit(s, "screen.dispose", record, detail, &err);
    st = cli_audit_end(s, st, &err);
  }
  if (st != BMIS_OK) {
    r = cli_fail(&err);
  } else if (json) {
    char at[21];
    const char *const members[][2] = {
        {"id", d.id},
        {"list", list},
        {"ref", ref},
        {"traveller_key", d.traveller_key},
        {"decision", bmis_hit_decision_code(d.decision)},
        {"reason", d.reason},
        {"by", d.by},
        {"role", d.role},
        {"at", bmis_time_format(d.at, at)}};
    json_t *o = json_object();
    for (size_t i = 0; i < sizeof members / sizeof members[0]; i++)
      json_object_set_new(o, members[i][0], screen_json_text(members[i][1]));
    json_object_set_new(o, "pending",
                        json_boolean(d.review == BMIS_REVIEW_PENDING));
    screen_json_line(o);
  } else {
    printf("disposition %s: %s %s/%s for %s by %s (%s)%s\n", d.id,
           bmis_hit_decision_code(d.decision), list, ref, d.traveller_key, d.by,
           d.role,
           d.review == BMIS_REVIEW_PENDING
               ? "; awaiting a second supervisor's confirmation "
                 "(GET /api/dispositions?status=pending)"
               : "");
  }
  bmis_store_close(s);
  return r;
}

int cli_screen(int argc, char **argv) {
  /* Where "dispose" is among the positional arguments depends on which
   * options take a value: a first pass with every option of both finds it
   * (`bmis screen --store S dispose ...`), the command's own pass then
   * checks the options. */
  const char *v = NULL;
  bool f = false;
  static const char *const valued[] = {
      "--store",      "--name",        "--surname",   "--given-names",
      "--birth",      "--nationality", "--sex",       "--doc-state",
      "--doc-number", "--traveller",   "--threshold", "--max",
      "--batch",      "--list",        "--ref",       "--decision",
      "--reason",     "--by",          "--role"};
  static const char *const flags[] = {"--exhaustive", "--json", "--mrz"};
  enum {
    NV = sizeof valued / sizeof valued[0],
    NF = sizeof flags / sizeof flags[0]
  };
  cli_opt all[NV + NF + 1];
  for (size_t i = 0; i < NV; i++)
    all[i] = (cli_opt){valued[i], &v, NULL};
  for (size_t i = 0; i < NF; i++)
    all[NV + i] = (cli_opt){flags[i], NULL, &f};
  all[NV + NF] = (cli_opt){NULL, NULL, NULL};
  const char *pos[BMIS_MRZ_LINES];
  int npos;
  int r = cli_parse(CMD, argc, argv, all, pos, BMIS_MRZ_LINES, &npos);
  if (r == CLI_HELP)
    return help();
  if (r != CLI_OK)
    return r;
  if (npos > 0 && strcmp(pos[0], "dispose") == 0)
    return dispose_cmd(argc, argv);
  return screen_cmd(argc, argv);
}

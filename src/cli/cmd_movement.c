/* `bmis movement`: record crossings (one, or JSON lines in bulk), list
 * them, show one with its history, and change one later (decide, correct,
 * void). */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "register_output.h"

#include "bmis/wire.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char movement_help[] =
    "usage: bmis movement record [FILE|-] [--batch N] [--json]\n"
    "       bmis movement record --mrz MRZ --direction entry|exit --bcp CODE\n"
    "                            [passenger card options] [--json]\n"
    "       bmis movement list [--bcp CODE] [--from DATE] [--to DATE]\n"
    "                          [--nationality CODE] [--direction D]\n"
    "                          [--decision D] [--include-voided]\n"
    "                          [--limit N] [--json]\n"
    "       bmis movement show ID [--json]\n"
    "       bmis movement decide ID --decision D [--grounds A-I] [--note T]\n"
    "                            [--permitted-until DATE|--permitted-days N]\n"
    "                            [--by NAME] [--reason TEXT]\n"
    "       bmis movement correct ID --set JSON --reason TEXT [--by NAME]\n"
    "       bmis movement void ID --reason TEXT [--by NAME]\n"
    "every command also takes [--store URL]; record takes\n"
    "[--durability process|power]\n"
    "\n"
    "record: from FILE or standard input, one JSON crossing or JSON lines\n"
    "(see docs/REGISTER.md for the members); each line is accepted or\n"
    "rejected on its own, with the field at fault named. Lines are committed\n"
    "--batch at a time (default 1000; 1 = a transaction per crossing) and a\n"
    "line is reported only once committed. Or from an MRZ with the options:\n"
    "  --id UUID --at TIME (default now) --transport air|road|rail|sea|foot|\n"
    "  other --carrier C --number FLIGHT --route CODE --residence CODE\n"
    "  --purpose P --intended-days N --address TEXT --entry-type T\n"
    "  --permitted-until DATE | --permitted-days N --decision D (default\n"
    "  admitted) --grounds LETTERS --note TEXT --officer NAME --desk D\n"
    "  --birth-country CODE --refer KIND[,KIND]\n"
    "decide: a later decision on the same crossing (secondary inspection);\n"
    "correct: replace fields (JSON members as `show --json` prints them);\n"
    "void: the movement leaves counts and stays. All three keep the earlier\n"
    "version in the movement's history.\n"
    "exit status: 0 all accepted, 1 any rejected or not found, 2 bad usage,\n"
    "3 the store failed.\n"
    "\n" CLI_STORE_HELP;

#define CMD "movement "

static const char *os_user(void) {
  struct passwd *pw = getpwuid(geteuid());
  return pw && pw->pw_name ? pw->pw_name : "unknown";
}

/* Refused, never cut: too long, not UTF-8, control characters (a note or
 * a reason may run over lines). */
static int copy_opt(const char *opt, char *dst, size_t cap, const char *v) {
  bool lines = strcmp(opt, "--note") == 0 || strcmp(opt, "--reason") == 0 ||
               strcmp(opt, "--address") == 0;
  return cli_text_opt(CMD, opt, dst, cap, v, lines ? BMIS_TEXT_LINES : 0);
}

static int code_opt(const char *opt, bmis_code_list list, const char *v,
                    int *out) {
  if (!v)
    return CLI_OK;
  *out = bmis_code_value(list, v);
  if (!*out)
    return cli_usage_error(CMD, "%s: '%s' is not a known code", opt, v);
  return CLI_OK;
}

static int date_opt(const char *opt, const char *v, bmis_date *out) {
  bmis_error err;
  if (v && bmis_date_parse_iso(v, out, &err) != BMIS_OK)
    return cli_usage_error(CMD, "%s: %s", opt, err.message);
  return CLI_OK;
}

/* ---- printing record results ---- */

typedef struct outcome {
  long line;
  bmis_status status;
  bmis_record_result res;
  char error[256];
} outcome;

static const char *method_name(bmis_link_method m) {
  return m == BMIS_LINK_DOCUMENT     ? "document"
         : m == BMIS_LINK_BIOGRAPHIC ? "biographic"
                                     : "new";
}

static void print_outcome(const outcome *o, bool json, bool with_line) {
  if (json) {
    json_t *j = json_object();
    if (with_line)
      json_object_set_new(j, "line", json_integer(o->line));
    if (o->status != BMIS_OK) {
      json_object_set_new(j, "status", json_string("rejected"));
      json_object_set_new(j, "error", json_string(o->error));
      json_object_set_new(j, "code", json_string(bmis_status_name(o->status)));
    } else {
      const bmis_record_result *r = &o->res;
      json_object_set_new(j, "status",
                          json_string(r->duplicate ? "duplicate" : "recorded"));
      json_object_set_new(j, "movement_id", json_string(r->movement_id));
      json_object_set_new(j, "traveller_id", json_string(r->traveller_id));
      json_object_set_new(j, "person_id", json_string(r->person_id));
      json_object_set_new(j, "link", json_string(method_name(r->method)));
      json_object_set_new(j, "confidence", json_real(r->confidence));
      if (r->review_link_id[0])
        json_object_set_new(j, "review_link_id",
                            json_string(r->review_link_id));
      json_object_set_new(j, "flags", out_flags_json(r->flags));
    }
    out_json_line(j);
    return;
  }
  if (o->status != BMIS_OK && !with_line) {
    fprintf(stderr, "bmis: %s\n", o->error);
    return;
  }
  if (with_line)
    printf("line %ld: ", o->line);
  if (o->status != BMIS_OK) {
    printf("rejected: %s\n", o->error);
    return;
  }
  const bmis_record_result *r = &o->res;
  printf("%s movement %s (traveller %s, linked by %s",
         r->duplicate ? "already recorded:" : "recorded", r->movement_id,
         r->traveller_id, method_name(r->method));
  if (r->review_link_id[0])
    printf("; possible match flagged for review, link %s, confidence %.2f",
           r->review_link_id, r->confidence);
  if (r->flags & BMIS_FLAG_ENTRY_WHILE_PRESENT)
    printf("; flagged: entry while recorded as present");
  if (r->flags & BMIS_FLAG_EXIT_WITHOUT_ENTRY)
    printf("; flagged: exit without a recorded entry");
  if (r->flags & BMIS_FLAG_OVERSTAY)
    printf("; flagged: overstay");
  printf(")\n");
}

/* ---- bulk JSON input ---- */

#define RECORD_MAX (64 * 1024)

typedef struct batch {
  bmis_store *s;
  long size; /* lines per transaction */
  bool json;
  outcome *pending;
  long n;
  bool open;
  long accepted, rejected;
  bool failed;
} batch;

/* Commits the open transaction, then reports the lines it held. A failed
 * commit loses the batch: its lines are reported as not recorded. */
static void flush(batch *b) {
  bmis_error err = {0};
  if (b->open && bmis_store_commit(b->s, &err) != BMIS_OK) {
    for (long i = 0; i < b->n; i++)
      if (b->pending[i].status == BMIS_OK) {
        b->pending[i].status = err.status;
        snprintf(b->pending[i].error, sizeof b->pending[i].error,
                 "not recorded: the batch could not be committed: %.180s",
                 err.message);
        b->accepted--;
        b->rejected++;
      }
    b->failed = true;
  }
  b->open = false;
  for (long i = 0; i < b->n; i++)
    print_outcome(&b->pending[i], b->json, true);
  fflush(stdout);
  b->n = 0;
}

/* An entry in the audit log for a crossing recorded, in its batch: when
 * it cannot be written, the batch is not committed. */
/* Records a crossing at the present instant: the CLI reads the clock, the
 * library does not. */
static bmis_status record_now(bmis_store *s, bmis_crossing *c,
                              bmis_record_result *res, bmis_error *err) {
  c->recorded_at = (int64_t)time(NULL);
  return bmis_movement_record(s, c, res, err);
}

static bmis_status audit_recorded(bmis_store *s, const bmis_record_result *res,
                                  bmis_error *err) {
  char record[96];
  snprintf(record, sizeof record, "movement:%s", res->movement_id);
  return cli_audit(s, "movement.record", record,
                   res->duplicate ? "duplicate" : NULL, err);
}

static void one_record(batch *b, long line, const char *text, size_t len,
                       const char *parse_error) {
  bmis_error err = {0};
  if (!b->open && !parse_error) {
    if (bmis_store_begin(b->s, &err) != BMIS_OK) {
      b->failed = true;
      fprintf(stderr, "bmis: %s\n", err.message);
      return;
    }
    b->open = true;
  }
  outcome *o = &b->pending[b->n++];
  memset(o, 0, sizeof *o);
  /* Parse errors then point into the record, not past its newline. */
  while (len > 0 && strchr(" \t\r\n", text[len - 1]))
    len--;
  o->line = line;
  bmis_crossing c;
  if (parse_error) {
    o->status = BMIS_E_PARSE;
    snprintf(o->error, sizeof o->error, "%s", parse_error);
  } else if ((o->status = bmis_crossing_from_json(text, len, &c, &err)) ==
                 BMIS_OK &&
             (o->status = record_now(b->s, &c, &o->res, &err)) == BMIS_OK) {
    if (audit_recorded(b->s, &o->res, &err) != BMIS_OK) {
      /* the batch's crossings would go unaudited: none is kept */
      fprintf(stderr, "bmis: line %ld: %s\n", line, err.message);
      bmis_store_rollback(b->s);
      b->open = false;
      for (long i = 0; i < b->n; i++)
        if (b->pending[i].status == BMIS_OK) {
          b->pending[i].status = err.status;
          snprintf(b->pending[i].error, sizeof b->pending[i].error,
                   "not recorded: %.200s", err.message);
          if (i < b->n - 1) {
            b->accepted--;
            b->rejected++;
          }
        }
      b->rejected++;
      b->failed = true;
      flush(b);
      return;
    }
    b->accepted++;
  }
  if (o->status != BMIS_OK) {
    if (!parse_error)
      snprintf(o->error, sizeof o->error, "%s", err.message);
    b->rejected++;
  }
  if (b->n >= b->size)
    flush(b);
}

/* Where a JSON text stands after some bytes: brackets open, inside a
 * string, after a backslash. Lets a reader see where an object spread over
 * lines ends without parsing it twice. */
typedef struct nesting {
  long depth;
  bool in_string, escaped, started;
} nesting;

/* Scans more bytes; true when a complete value (or something that is not
 * JSON at all, which the parser will then report) has been seen. */
static bool nest_update(nesting *n, const char *p, size_t len) {
  for (size_t i = 0; i < len; i++) {
    char ch = p[i];
    if (n->in_string) {
      if (n->escaped)
        n->escaped = false;
      else if (ch == '\\')
        n->escaped = true;
      else if (ch == '"')
        n->in_string = false;
    } else if (ch == '"') {
      n->in_string = true;
    } else if (ch == '{' || ch == '[') {
      n->depth++;
      n->started = true;
    } else if (ch == '}' || ch == ']') {
      n->depth--;
    } else if (!n->started && !strchr(" \t\r\n", ch)) {
      return true; /* not an object: let the parser say so */
    }
  }
  return n->started && n->depth <= 0;
}

/* Reads JSON objects: one per line, or one spread over several lines. */
static int record_stream(bmis_store *s, FILE *in, long batch_size, bool json) {
  batch b = {.s = s, .size = batch_size, .json = json};
  b.pending = calloc((size_t)batch_size, sizeof *b.pending);
  char *acc = malloc(RECORD_MAX + 1);
  char *line = NULL;
  size_t line_cap = 0, used = 0;
  long lineno = 0, start = 0;
  if (!b.pending || !acc) {
    fprintf(stderr, "bmis: out of memory\n");
    free(b.pending);
    free(acc);
    return CLI_FAILED;
  }
  /* JSON lines: every line is a record on its own, so one broken line
   * cannot swallow the lines after it. A first record that does not end on
   * its line makes the whole input one JSON document instead. */
  nesting nest = {0};
  bool document = false, mode_known = false;
  ssize_t got;
  while (!b.failed && (got = getline(&line, &line_cap, in)) >= 0) {
    lineno++;
    size_t n = (size_t)got;
    if (used == 0) {
      size_t k = 0;
      while (k < n && strchr(" \t\r\n", line[k]))
        k++;
      if (k == n)
        continue; /* blank line between records */
      start = lineno;
    }
    if (used + n > RECORD_MAX) {
      char msg[128];
      snprintf(msg, sizeof msg, "record longer than %d bytes", RECORD_MAX);
      one_record(&b, start, NULL, 0, msg);
      used = 0;
      if (document)
        break; /* the rest of an over-long document is not a record */
      continue;
    }
    memcpy(acc + used, line, n);
    used += n;
    acc[used] = 0;
    if (!mode_known) {
      mode_known = true;
      document = !nest_update(&nest, acc, used);
    }
    if (document)
      continue; /* parsed whole at the end */
    one_record(&b, start, acc, used, NULL);
    used = 0;
  }
  if (!b.failed && used > 0)
    one_record(&b, start, acc, used, NULL);
  if (!b.failed)
    flush(&b);
  else if (b.n)
    flush(&b);
  bool read_error = ferror(in);
  free(line);
  free(acc);
  free(b.pending);
  if (read_error) {
    fprintf(stderr, "bmis: read error: %s\n", strerror(errno));
    return CLI_USAGE;
  }
  if (!json) {
    fflush(stdout);
    fprintf(stderr, "%ld recorded, %ld rejected\n", b.accepted, b.rejected);
  }
  if (b.failed)
    return CLI_FAILED;
  return b.rejected ? CLI_INVALID : CLI_OK;
}

/* ---- record ---- */

typedef struct card_opts {
  const char *id, *mrz, *direction, *bcp, *at, *transport, *carrier, *number,
      *route, *residence, *purpose, *intended, *address, *entry_type, *until,
      *days, *decision, *grounds, *note, *officer, *desk, *birth_country,
      *refer;
} card_opts;

static int crossing_from_options(const card_opts *o, bmis_crossing *c) {
  bmis_movement *m = &c->movement;
  bmis_error err;
  int r = CLI_OK;
  int v = 0;
  if (o->at) {
    if (bmis_time_parse(o->at, &m->crossed_at, &err) != BMIS_OK)
      return cli_usage_error(CMD, "--at: %s", err.message);
  } else {
    m->crossed_at = (int64_t)time(NULL);
  }
  /* "\n" typed as two characters separates the MRZ lines too. */
  char mrz[512];
  size_t k = 0;
  for (const char *p = o->mrz; *p && k + 1 < sizeof mrz; p++) {
    if (p[0] == '\\' && p[1] == 'n') {
      mrz[k++] = '\n';
      p++;
    } else {
      mrz[k++] = *p;
    }
  }
  mrz[k] = 0;
  bmis_date on = bmis_date_from_days((int32_t)(m->crossed_at / 86400));
  if (bmis_crossing_from_mrz(mrz, k, on, c, &err) != BMIS_OK) {
    fprintf(stderr, "bmis: %s\n", err.message);
    return CLI_INVALID;
  }
  if ((r = copy_opt("--id", m->id, sizeof m->id, o->id)) ||
      (r = copy_opt("--bcp", m->bcp, sizeof m->bcp, o->bcp)) ||
      (r = copy_opt("--carrier", m->carrier, sizeof m->carrier, o->carrier)) ||
      (r = copy_opt("--number", m->transport_number, sizeof m->transport_number,
                    o->number)) ||
      (r = copy_opt("--route", m->route_country, sizeof m->route_country,
                    o->route)) ||
      (r = copy_opt("--residence", m->residence_country,
                    sizeof m->residence_country, o->residence)) ||
      (r = copy_opt("--address", m->local_address, sizeof m->local_address,
                    o->address)) ||
      (r = copy_opt("--entry-type", m->entry_type, sizeof m->entry_type,
                    o->entry_type)) ||
      (r = copy_opt("--grounds", m->grounds, sizeof m->grounds, o->grounds)) ||
      (r = copy_opt("--note", m->decision_note, sizeof m->decision_note,
                    o->note)) ||
      (r = copy_opt("--officer", m->officer, sizeof m->officer, o->officer)) ||
      (r = copy_opt("--desk", m->desk, sizeof m->desk, o->desk)) ||
      (r = copy_opt("--birth-country", c->traveller.birth_country,
                    sizeof c->traveller.birth_country, o->birth_country)))
    return r;
  if ((r = code_opt("--direction", BMIS_LIST_DIRECTION, o->direction, &v)))
    return r;
  m->direction = (bmis_direction)v;
  v = 0;
  if ((r = code_opt("--transport", BMIS_LIST_TRANSPORT, o->transport, &v)))
    return r;
  m->transport = (bmis_transport)v;
  v = 0;
  if ((r = code_opt("--purpose", BMIS_LIST_PURPOSE, o->purpose, &v)))
    return r;
  m->purpose = (bmis_purpose)v;
  v = BMIS_DECISION_ADMITTED;
  if ((r = code_opt("--decision", BMIS_LIST_DECISION, o->decision, &v)))
    return r;
  m->decision = (bmis_decision)v;
  long n;
  if (o->intended) {
    if ((r = cli_number(CMD, "--intended-days", o->intended, 0, 3660, &n)))
      return r;
    m->intended_days = (int)n;
  }
  if (o->days) {
    if ((r = cli_number(CMD, "--permitted-days", o->days, 1, 3660, &n)))
      return r;
    c->permitted_days = (int)n;
  }
  if ((r = date_opt("--permitted-until", o->until, &m->permitted_until)))
    return r;
  if (!o->officer)
    snprintf(m->officer, sizeof m->officer, "%s", os_user());
  if (o->refer) {
    char list[128];
    snprintf(list, sizeof list, "%s", o->refer);
    for (char *save = NULL, *t = strtok_r(list, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
      int kind = bmis_code_value(BMIS_LIST_REFERRAL_KIND, t);
      if (!kind || c->referral_count == 5)
        return cli_usage_error(CMD,
                               "--refer: '%s' is not a referral kind "
                               "(asylum, child_protection, "
                               "trafficking, medical, secondary)",
                               t);
      c->referrals[c->referral_count++] = (bmis_referral_kind)kind;
    }
  }
  return CLI_OK;
}

static int movement_record(int argc, char **argv) {
  const char *store = NULL, *durability = NULL, *batch_opt = NULL;
  bool json = false;
  card_opts o = {0};
  const cli_opt opts[] = {{"--store", &store, NULL},
                          {"--durability", &durability, NULL},
                          {"--batch", &batch_opt, NULL},
                          {"--json", NULL, &json},
                          {"--id", &o.id, NULL},
                          {"--mrz", &o.mrz, NULL},
                          {"--direction", &o.direction, NULL},
                          {"--bcp", &o.bcp, NULL},
                          {"--at", &o.at, NULL},
                          {"--transport", &o.transport, NULL},
                          {"--carrier", &o.carrier, NULL},
                          {"--number", &o.number, NULL},
                          {"--route", &o.route, NULL},
                          {"--residence", &o.residence, NULL},
                          {"--purpose", &o.purpose, NULL},
                          {"--intended-days", &o.intended, NULL},
                          {"--address", &o.address, NULL},
                          {"--entry-type", &o.entry_type, NULL},
                          {"--permitted-until", &o.until, NULL},
                          {"--permitted-days", &o.days, NULL},
                          {"--decision", &o.decision, NULL},
                          {"--grounds", &o.grounds, NULL},
                          {"--note", &o.note, NULL},
                          {"--officer", &o.officer, NULL},
                          {"--desk", &o.desk, NULL},
                          {"--birth-country", &o.birth_country, NULL},
                          {"--refer", &o.refer, NULL},
                          {NULL, NULL, NULL}};
  const char *pos[1];
  int npos;
  int r = cli_parse(CMD, argc, argv, opts, pos, 1, &npos);
  if (r == CLI_HELP) {
    fputs(movement_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  long batch_size = 1000;
  if (batch_opt &&
      cli_number(CMD, "--batch", batch_opt, 1, 100000, &batch_size) != CLI_OK)
    return CLI_USAGE;
  bmis_crossing c;
  bmis_crossing_init(&c);
  if (o.mrz) {
    if (npos)
      return cli_usage_error(CMD, "record: give --mrz or a FILE, not both");
    if (!o.direction || !o.bcp)
      return cli_usage_error(CMD, "record --mrz: --direction and --bcp are "
                                  "required");
    r = crossing_from_options(&o, &c);
    if (r != CLI_OK)
      return r;
  } else if (o.id || o.direction || o.bcp || o.at || o.decision) {
    return cli_usage_error(CMD, "record: passenger card options go with "
                                "--mrz; a JSON crossing carries its own");
  }
  FILE *in = stdin;
  if (!o.mrz && npos && strcmp(pos[0], "-") != 0) {
    in = fopen(pos[0], "rb");
    if (!in) {
      fprintf(stderr, "bmis: cannot read %s: %s\n", pos[0], strerror(errno));
      return CLI_USAGE;
    }
  }
  bmis_store *s;
  r = cli_open_store(store, durability, false, &s);
  if (r == CLI_OK) {
    if (o.mrz) {
      outcome out = {0};
      bmis_error err;
      out.status = bmis_store_begin(s, &err);
      if (out.status == BMIS_OK) {
        out.status = record_now(s, &c, &out.res, &err);
        if (out.status == BMIS_OK)
          out.status = audit_recorded(s, &out.res, &err);
        out.status = cli_audit_end(s, out.status, &err);
      }
      if (out.status != BMIS_OK)
        snprintf(out.error, sizeof out.error, "%s", err.message);
      print_outcome(&out, json, false);
      r = out.status == BMIS_OK ? CLI_OK : bmis_status_exit_code(out.status);
    } else {
      r = record_stream(s, in, batch_size, json);
    }
    bmis_store_close(s);
  }
  if (in != stdin)
    fclose(in);
  return r;
}

/* ---- list and show ---- */

static int print_movement(const bmis_movement *m, void *ctx) {
  if (*(bool *)ctx)
    out_json_line(out_movement_json(m));
  else
    out_movement_text(stdout, m);
  return 0;
}

static int movement_list(int argc, char **argv) {
  const char *store = NULL, *bcp = NULL, *from = NULL, *to = NULL, *nat = NULL,
             *dir = NULL, *dec = NULL, *limit = NULL, *person = NULL;
  bool json = false, voided = false;
  const cli_opt opts[] = {
      {"--store", &store, NULL},     {"--bcp", &bcp, NULL},
      {"--from", &from, NULL},       {"--to", &to, NULL},
      {"--nationality", &nat, NULL}, {"--direction", &dir, NULL},
      {"--decision", &dec, NULL},    {"--person", &person, NULL},
      {"--limit", &limit, NULL},     {"--include-voided", NULL, &voided},
      {"--json", NULL, &json},       {NULL, NULL, NULL}};
  const char *pos[1];
  int npos;
  int r = cli_parse(CMD, argc, argv, opts, pos, 0, &npos);
  if (r == CLI_HELP) {
    fputs(movement_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  bmis_movement_filter f;
  memset(&f, 0, sizeof f);
  int v = 0;
  long n = 0;
  if ((r = copy_opt("--bcp", f.bcp, sizeof f.bcp, bcp)) ||
      (r = copy_opt("--nationality", f.nationality, sizeof f.nationality,
                    nat)) ||
      (r = copy_opt("--person", f.person_id, sizeof f.person_id, person)) ||
      (r = date_opt("--from", from, &f.from)) ||
      (r = date_opt("--to", to, &f.to)) ||
      (r = code_opt("--direction", BMIS_LIST_DIRECTION, dir, &v)))
    return r;
  f.direction = (bmis_direction)v;
  v = 0;
  if ((r = code_opt("--decision", BMIS_LIST_DECISION, dec, &v)))
    return r;
  f.decision = (bmis_decision)v;
  if (limit && (r = cli_number(CMD, "--limit", limit, 1, 100000000, &n)))
    return r;
  f.limit = n;
  f.include_voided = voided;
  /* the audit record names the filter: "bcp:AMA from:2026-01-01" */
  char record[96] = "";
  char day[11];
  cli_record_add(record, sizeof record, "bcp", f.bcp);
  cli_record_add(record, sizeof record, "person", f.person_id);
  cli_record_add(record, sizeof record, "nationality", f.nationality);
  if (from)
    cli_record_add(record, sizeof record, "from",
                   bmis_date_format_iso(f.from, day));
  if (to)
    cli_record_add(record, sizeof record, "to",
                   bmis_date_format_iso(f.to, day));
  cli_record_add(record, sizeof record, "direction", dir);
  cli_record_add(record, sizeof record, "decision", dec);
  bmis_store *s;
  r = cli_open_store(store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  if (cli_audit(s, "movement.list", record[0] ? record : "all", NULL, &err) !=
          BMIS_OK ||
      bmis_movement_list(s, &f, print_movement, &json, &err) != BMIS_OK)
    r = cli_fail(&err);
  bmis_store_close(s);
  return r;
}

static int add_referral(const bmis_referral *ref, void *ctx) {
  json_t *a = ctx;
  json_array_append_new(
      a, json_pack("{s:s, s:s, s:s}", "id", ref->id, "kind",
                   bmis_code_name(BMIS_LIST_REFERRAL_KIND, ref->kind), "status",
                   ref->open ? "open" : "closed"));
  return 0;
}

static int add_version(const bmis_movement_version *v, void *ctx) {
  json_array_append_new(ctx, bmis_wire_movement_version(v, BMIS_WIRE_TIME_ISO));
  return 0;
}

static int movement_show(bmis_store *s, const char *id, bool json) {
  bmis_error err;
  bmis_movement m;
  if (bmis_movement_get(s, id, &m, &err) != BMIS_OK)
    return cli_fail(&err);
  char record[96];
  snprintf(record, sizeof record, "movement:%s", m.id);
  if (cli_audit(s, "movement.read", record, NULL, &err) != BMIS_OK)
    return cli_fail(&err);
  json_t *refs = json_array(), *hist = json_array();
  if (bmis_movement_referrals(s, id, add_referral, refs, &err) != BMIS_OK ||
      bmis_movement_history(s, id, add_version, hist, &err) != BMIS_OK) {
    json_decref(refs);
    json_decref(hist);
    return cli_fail(&err);
  }
  if (json) {
    json_t *o = out_movement_json(&m);
    json_object_set_new(o, "referrals", refs);
    json_object_set_new(o, "history", hist);
    out_json_line(o);
    return CLI_OK;
  }
  out_movement_text(stdout, &m);
  size_t i;
  json_t *e;
  json_array_foreach(refs, i, e) printf(
      "  referral %s: %s (%s)\n", json_string_value(json_object_get(e, "id")),
      json_string_value(json_object_get(e, "kind")),
      json_string_value(json_object_get(e, "status")));
  json_array_foreach(hist, i, e)
      printf("  version %lld replaced by a %s on %s by %s: %s\n",
             (long long)json_integer_value(json_object_get(e, "version")),
             json_string_value(json_object_get(e, "kind")),
             json_string_value(json_object_get(e, "at")),
             json_string_value(json_object_get(e, "by")),
             json_string_value(json_object_get(e, "reason")));
  json_decref(refs);
  json_decref(hist);
  return CLI_OK;
}

/* ---- decide, correct, void ---- */

static int movement_change(const char *what, int argc, char **argv) {
  const char *store = NULL, *by = NULL, *reason = NULL, *decision = NULL,
             *grounds = NULL, *note = NULL, *until = NULL, *days = NULL,
             *set = NULL;
  bool json = false;
  const cli_opt opts[] = {{"--store", &store, NULL},
                          {"--by", &by, NULL},
                          {"--reason", &reason, NULL},
                          {"--decision", &decision, NULL},
                          {"--grounds", &grounds, NULL},
                          {"--note", &note, NULL},
                          {"--permitted-until", &until, NULL},
                          {"--permitted-days", &days, NULL},
                          {"--set", &set, NULL},
                          {"--json", NULL, &json},
                          {NULL, NULL, NULL}};
  const char *pos[1];
  int npos;
  int r = cli_parse(CMD, argc, argv, opts, pos, 1, &npos);
  if (r == CLI_HELP) {
    fputs(movement_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  if (npos != 1)
    return cli_usage_error(CMD, "%s: the movement ID is missing", what);
  bool is_decide = strcmp(what, "decide") == 0;
  bool is_correct = strcmp(what, "correct") == 0;
  bool is_show = strcmp(what, "show") == 0;
  if (!is_decide && (decision || grounds || note || until || days))
    return cli_usage_error(CMD, "%s: decision options are for decide", what);
  if (!is_correct && set)
    return cli_usage_error(CMD, "%s: --set is for correct", what);
  if (is_show && (by || reason))
    return cli_usage_error(CMD, "show: takes no --by or --reason");
  if (is_decide && !decision)
    return cli_usage_error(CMD, "decide: --decision is required");
  if (is_correct && !set)
    return cli_usage_error(CMD, "correct: --set JSON is required");
  if (!is_show && !is_decide && !reason)
    return cli_usage_error(CMD, "%s: --reason is required", what);
  bmis_change ch;
  memset(&ch, 0, sizeof ch);
  if ((r = copy_opt("--by", ch.by, sizeof ch.by, by ? by : os_user())) ||
      (r = copy_opt("--reason", ch.reason, sizeof ch.reason, reason)))
    return r;
  ch.at = (int64_t)time(NULL);
  bmis_store *s;
  r = cli_open_store(store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  if (is_show) {
    r = movement_show(s, pos[0], json);
    bmis_store_close(s);
    return r;
  }
  bmis_error err = {0};
  bmis_movement m;
  /* the change and its audit entry commit together, or neither */
  bmis_status st = bmis_store_begin(s, &err);
  if (st != BMIS_OK) {
    bmis_store_close(s);
    return cli_fail(&err);
  }
  st = bmis_movement_get(s, pos[0], &m, &err);
  if (st == BMIS_OK && is_decide) {
    int v = 0;
    if ((r = code_opt("--decision", BMIS_LIST_DECISION, decision, &v)) ||
        (r = copy_opt("--grounds", m.grounds, sizeof m.grounds,
                      grounds ? grounds : "")) ||
        (r = copy_opt("--note", m.decision_note, sizeof m.decision_note,
                      note ? note : m.decision_note))) {
      bmis_store_rollback(s);
      bmis_store_close(s);
      return r;
    }
    m.decision = (bmis_decision)v;
    memset(&m.permitted_until, 0, sizeof m.permitted_until);
    if ((r = date_opt("--permitted-until", until, &m.permitted_until))) {
      bmis_store_rollback(s);
      bmis_store_close(s);
      return r;
    }
    long n;
    if (days) {
      if ((r = cli_number(CMD, "--permitted-days", days, 1, 3660, &n))) {
        bmis_store_rollback(s);
        bmis_store_close(s);
        return r;
      }
      m.permitted_until =
          bmis_date_from_days(bmis_date_to_days(m.local_date) + (int32_t)n - 1);
    }
    st = bmis_movement_decide(s, &m, &ch, &err);
  } else if (st == BMIS_OK && is_correct) {
    st = bmis_movement_from_json(set, strlen(set), &m, &err);
    if (st == BMIS_OK)
      st = bmis_movement_correct(s, &m, &ch, &err);
  } else if (st == BMIS_OK) {
    st = bmis_movement_void(s, pos[0], &ch, &err);
  }
  if (st == BMIS_OK) {
    char action[32], record[96];
    snprintf(action, sizeof action, "movement.%s", what);
    snprintf(record, sizeof record, "movement:%s", pos[0]);
    st = cli_audit(s, action, record, NULL, &err);
  }
  st = cli_audit_end(s, st, &err);
  if (st != BMIS_OK)
    r = cli_fail(&err);
  else if (bmis_movement_get(s, pos[0], &m, &err) == BMIS_OK)
    json ? out_json_line(out_movement_json(&m)) : out_movement_text(stdout, &m);
  bmis_store_close(s);
  return r;
}

int cli_movement(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
      strcmp(argv[1], "-h") == 0) {
    fputs(movement_help, argc < 2 ? stderr : stdout);
    return argc < 2 ? CLI_USAGE : CLI_OK;
  }
  const char *sub = argv[1];
  if (strcmp(sub, "record") == 0)
    return movement_record(argc - 1, argv + 1);
  if (strcmp(sub, "list") == 0)
    return movement_list(argc - 1, argv + 1);
  if (strcmp(sub, "show") == 0 || strcmp(sub, "decide") == 0 ||
      strcmp(sub, "correct") == 0 || strcmp(sub, "void") == 0)
    return movement_change(sub, argc - 1, argv + 1);
  return cli_usage_error(CMD, "movement: unknown command '%s'", sub);
}

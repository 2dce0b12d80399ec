/* `bmis traveller show`, `bmis identity review` and `bmis overstay list`:
 * reading the register by person. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "register_output.h"

#include "bmis/wire.h"

#include <pwd.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char traveller_help[] =
    "usage: bmis traveller show (--document STATE:NUMBER | --id ID)\n"
    "                           [--as-of DATE] [--json] [--store URL]\n"
    "\n"
    "Shows a person as the register knows them: identity (every traveller\n"
    "record merged into the person), documents, movements, stays and stay\n"
    "status on the date (default today, UTC): present or not, days over the\n"
    "permitted stay, days present in the rolling window.\n"
    "\n" CLI_STORE_HELP;

static const char identity_help[] =
    "usage: bmis identity review [list] [--all] [--json]\n"
    "       bmis identity review confirm LINK --reason TEXT [--by NAME]\n"
    "       bmis identity review reject LINK --reason TEXT [--by NAME]\n"
    "every command also takes [--store URL]\n"
    "\n"
    "A new document whose holder resembles a known person, but not enough to\n"
    "be sure, is recorded as a new traveller with a link to review. confirm\n"
    "merges the two into one person; reject keeps them apart. Either can be\n"
    "reversed later by the other. list shows pending links (--all: every\n"
    "link).\n"
    "\n" CLI_STORE_HELP;

static const char overstay_help[] =
    "usage: bmis overstay list [--as-of DATE] [--json] [--store URL]\n"
    "\n"
    "Everyone whose stay had gone past its permitted end by the date\n"
    "(default today, UTC): still present, or left after overstaying, with\n"
    "the days over.\n"
    "\n" CLI_STORE_HELP;

static int as_of_opt(const char *cmd, const char *v, bmis_date *out) {
  bmis_error err;
  *out = bmis_date_today_utc();
  if (v && bmis_date_parse_iso(v, out, &err) != BMIS_OK)
    return cli_usage_error(cmd, "--as-of: %s", err.message);
  return CLI_OK;
}

/* ---- traveller show ---- */

typedef struct show_ctx {
  bool json;
  bmis_date as_of;
  json_t *list;
} show_ctx;

static int show_traveller(const bmis_traveller *t, void *ctx) {
  show_ctx *c = ctx;
  if (c->json)
    json_array_append_new(c->list, out_traveller_json(t));
  else
    out_traveller_text(stdout, t);
  return 0;
}

static int show_document(const bmis_document *d, void *ctx) {
  show_ctx *c = ctx;
  if (c->json) {
    json_array_append_new(c->list, out_document_json(d));
  } else {
    char expiry[11] = "none";
    if (d->expiry.year)
      bmis_date_format_iso(d->expiry, expiry);
    printf("  %-2s %s %-12s expires %s\n", d->type, d->issuing_state, d->number,
           expiry);
  }
  return 0;
}

static int show_movement(const bmis_movement *m, void *ctx) {
  show_ctx *c = ctx;
  if (c->json) {
    json_array_append_new(c->list, out_movement_json(m));
  } else {
    printf("  ");
    out_movement_text(stdout, m);
  }
  return 0;
}

static int show_stay(const bmis_stay *s, void *ctx) {
  show_ctx *c = ctx;
  if (c->json) {
    json_array_append_new(c->list, out_stay_json(s, c->as_of));
  } else {
    printf("  ");
    out_stay_text(stdout, s, c->as_of);
  }
  return 0;
}

static int traveller_show(int argc, char **argv) {
  const char *store = NULL, *doc = NULL, *id = NULL, *as_of_text = NULL;
  bool json = false;
  const cli_opt opts[] = {
      {"--store", &store, NULL}, {"--document", &doc, NULL},
      {"--id", &id, NULL},       {"--as-of", &as_of_text, NULL},
      {"--json", NULL, &json},   {NULL, NULL, NULL}};
  const char *pos[1];
  int npos;
  int r = cli_parse("traveller ", argc, argv, opts, pos, 0, &npos);
  if (r == CLI_HELP) {
    fputs(traveller_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  if (!doc == !id)
    return cli_usage_error("traveller ", "show: give --document or --id");
  bmis_date as_of;
  if ((r = as_of_opt("traveller ", as_of_text, &as_of)))
    return r;
  char state[8] = "", number[64] = "";
  if (doc) {
    const char *colon = strchr(doc, ':');
    if (!colon || colon == doc || (size_t)(colon - doc) >= sizeof state ||
        strlen(colon + 1) >= sizeof number || !colon[1])
      return cli_usage_error("traveller ",
                             "--document: expected STATE:NUMBER, e.g. "
                             "GBR:123456789");
    memcpy(state, doc, (size_t)(colon - doc));
    snprintf(number, sizeof number, "%s", colon + 1);
    for (char *p = state; *p; p++)
      *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    for (char *p = number; *p; p++)
      *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
  }
  bmis_store *s;
  r = cli_open_store(store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  bmis_traveller t;
  bmis_status st = doc ? bmis_traveller_by_document(s, state, number, &t, &err)
                       : bmis_traveller_get(s, id, &t, &err);
  bmis_stay_status ss;
  if (st == BMIS_OK) {
    /* nothing of the person is printed unless the read is audited */
    char record[96];
    snprintf(record, sizeof record, "%s:%s", id ? "traveller" : "person",
             id ? t.id : t.person_id);
    st = cli_audit(s, "traveller.read", record,
                   doc ? "found by document" : NULL, &err);
  }
  if (st == BMIS_OK)
    st = bmis_stay_status_get(s, t.person_id, as_of, &ss, &err);
  if (st != BMIS_OK) {
    bmis_store_close(s);
    return cli_fail(&err);
  }
  show_ctx c = {json, as_of, NULL};
  json_t *out = json ? json_object() : NULL;
  const char *person = t.person_id;
  struct {
    const char *name;
    int kind;
  } parts[] = {
      {"travellers", 0}, {"documents", 1}, {"movements", 2}, {"stays", 3}};
  if (!json)
    printf("person %s\n", person);
  for (size_t i = 0; st == BMIS_OK && i < 4; i++) {
    if (json)
      c.list = json_array();
    else if (i > 0)
      printf("%s:\n", parts[i].name);
    bmis_movement_filter f;
    memset(&f, 0, sizeof f);
    snprintf(f.person_id, sizeof f.person_id, "%s", person);
    f.include_voided = true;
    switch (parts[i].kind) {
    case 0:
      st = bmis_person_travellers(s, person, show_traveller, &c, &err);
      break;
    case 1:
      st = bmis_person_documents(s, person, show_document, &c, &err);
      break;
    case 2: st = bmis_movement_list(s, &f, show_movement, &c, &err); break;
    default: st = bmis_person_stays(s, person, show_stay, &c, &err);
    }
    if (json)
      json_object_set_new(out, parts[i].name, c.list);
  }
  if (st != BMIS_OK) {
    json_decref(out);
    bmis_store_close(s);
    return cli_fail(&err);
  }
  char day[11];
  bmis_date_format_iso(as_of, day);
  if (json) {
    json_object_set_new(out, "person_id", json_string(person));
    json_t *status = json_pack(
        "{s:s, s:b, s:b, s:i, s:i, s:i, s:i, s:b}", "as_of", day, "present",
        ss.present, "national", ss.national, "days_over", ss.days_over,
        "days_in_window", ss.days_in_window, "window_days", ss.window_days,
        "window_limit", ss.window_limit, "window_exceeded", ss.window_exceeded);
    if (ss.present)
      json_object_set_new(status, "current", out_stay_json(&ss.current, as_of));
    json_object_set_new(out, "status", status);
    out_json_line(out);
  } else {
    printf("status on %s: %s", day,
           ss.present ? "present in the country" : "not present");
    if (ss.national)
      printf(", national (no stay rules)");
    if (ss.present && ss.days_over)
      printf(", %d days over the permitted stay", ss.days_over);
    if (!ss.national)
      printf("; %d days present in the last %d (limit %d)%s", ss.days_in_window,
             ss.window_days, ss.window_limit,
             ss.window_exceeded ? ", LIMIT EXCEEDED" : "");
    printf("\n");
  }
  bmis_store_close(s);
  return CLI_OK;
}

int cli_traveller(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "show") == 0)
    return traveller_show(argc - 1, argv + 1);
  if (argc >= 2 &&
      (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    fputs(traveller_help, stdout);
    return CLI_OK;
  }
  return cli_usage_error("traveller ", "traveller: expected 'show'");
}

/* ---- identity review ---- */

static int print_link(const bmis_identity_link *l, void *ctx) {
  bool json = *(bool *)ctx;
  static const char *const names[] = {"", "pending", "confirmed", "rejected"};
  if (json) {
    out_json_line(bmis_wire_identity_link(l, BMIS_WIRE_LINK_IDS, NULL, NULL));
  } else {
    printf("%s %-9s %.2f new %s ~ known %s: %s\n", l->id, names[l->status],
           l->confidence, l->traveller_id, l->candidate_id, l->reasons);
  }
  return 0;
}

int cli_identity(int argc, char **argv) {
  const char *store = NULL, *by = NULL, *reason = NULL;
  bool json = false, all = false;
  const cli_opt opts[] = {{"--store", &store, NULL},   {"--by", &by, NULL},
                          {"--reason", &reason, NULL}, {"--json", NULL, &json},
                          {"--all", NULL, &all},       {NULL, NULL, NULL}};
  const char *pos[3];
  int npos;
  int r = cli_parse("identity ", argc, argv, opts, pos, 3, &npos);
  if (r == CLI_HELP) {
    fputs(identity_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  if (npos < 1 || strcmp(pos[0], "review") != 0)
    return cli_usage_error("identity ", "identity: expected 'review'");
  const char *action = npos >= 2 ? pos[1] : "list";
  bool list = strcmp(action, "list") == 0;
  bool confirm = strcmp(action, "confirm") == 0;
  if (!list && !confirm && strcmp(action, "reject") != 0)
    return cli_usage_error("identity ",
                           "review: '%s' is not list, confirm "
                           "or reject",
                           action);
  if (list && npos > 2)
    return cli_usage_error("identity ", "review list: takes no LINK");
  if (!list && (npos != 3 || !reason))
    return cli_usage_error("identity ",
                           "review %s: LINK and --reason are "
                           "required",
                           action);
  bmis_store *s;
  r = cli_open_store(store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  bmis_actor me;
  bmis_actor_os_user(&me);
  if (list) {
    if (bmis_link_list(s, &me, (int64_t)time(NULL),
                       all ? (bmis_link_status)0 : BMIS_LINK_PENDING,
                       print_link, &json, &err) != BMIS_OK)
      r = cli_fail(&err);
  } else {
    bmis_change ch;
    memset(&ch, 0, sizeof ch);
    struct passwd *pw = getpwuid(geteuid());
    int bad = cli_text_opt("identity ", "--by", ch.by, sizeof ch.by,
                           by                  ? by
                           : pw && pw->pw_name ? pw->pw_name
                                               : "unknown",
                           0);
    if (!bad)
      bad = cli_text_opt("identity ", "--reason", ch.reason, sizeof ch.reason,
                         reason, BMIS_TEXT_LINES);
    if (bad) {
      bmis_store_close(s);
      return bad;
    }
    ch.at = (int64_t)time(NULL);
    bmis_identity_link l;
    /* the decision and its audit entry commit together, or neither */
    bmis_status st = bmis_link_decide(
        s, &me, ch.at, pos[2],
        confirm ? BMIS_LINK_CONFIRMED : BMIS_LINK_REJECTED, &ch, &err);
    if (st != BMIS_OK || bmis_link_get(s, pos[2], &l, &err) != BMIS_OK)
      r = cli_fail(&err);
    else
      print_link(&l, &json);
  }
  bmis_store_close(s);
  return r;
}

/* ---- overstay list ---- */

typedef struct over_ctx {
  bool json;
  bmis_date as_of;
  long n;
} over_ctx;

static int print_overstay(const bmis_stay *st, void *ctx) {
  over_ctx *c = ctx;
  c->n++;
  if (c->json)
    out_json_line(out_stay_json(st, c->as_of));
  else
    out_stay_text(stdout, st, c->as_of);
  return 0;
}

int cli_overstay(int argc, char **argv) {
  const char *store = NULL, *as_of_text = NULL;
  bool json = false;
  const cli_opt opts[] = {{"--store", &store, NULL},
                          {"--as-of", &as_of_text, NULL},
                          {"--json", NULL, &json},
                          {NULL, NULL, NULL}};
  const char *pos[1];
  int npos;
  int r = cli_parse("overstay ", argc, argv, opts, pos, 1, &npos);
  if (r == CLI_HELP) {
    fputs(overstay_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  if (npos != 1 || strcmp(pos[0], "list") != 0)
    return cli_usage_error("overstay ", "overstay: expected 'list'");
  over_ctx c = {json, {0, 0, 0}, 0};
  if ((r = as_of_opt("overstay ", as_of_text, &c.as_of)))
    return r;
  bmis_store *s;
  r = cli_open_store(store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  char record[96], day[11];
  snprintf(record, sizeof record, "as-of:%s",
           bmis_date_format_iso(c.as_of, day));
  if (cli_audit(s, "overstay.list", record, NULL, &err) != BMIS_OK ||
      bmis_overstay_list(s, c.as_of, print_overstay, &c, &err) != BMIS_OK)
    r = cli_fail(&err);
  else if (!json) {
    fflush(stdout);
    fprintf(stderr, "%ld overstays\n", c.n);
  }
  bmis_store_close(s);
  return r;
}

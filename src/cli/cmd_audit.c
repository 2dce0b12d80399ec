/* `bmis audit verify|list`: the audit log's hash chain checked, and its
 * entries listed; and cli_audit, through which every command that reads or
 * writes personal data records the operating-system user's access. */
#define _POSIX_C_SOURCE 200809L
#include "bmis/audit.h"
#include "cli.h"
#include "register_output.h"

#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>

#define CMD "audit "

static const char audit_help[] =
    "usage: bmis audit verify [--json]\n"
    "       bmis audit list [--actor USER] [--record RECORD] [--after SEQ]\n"
    "                       [--limit N] [--json]\n"
    "every command also takes [--store URL]\n"
    "\n"
    "The audit log: every read and write of personal data, through the API\n"
    "and the command line, in a hash chain (docs/AUDIT.md). verify walks\n"
    "the chain and says where it is broken (exit status 0 when it holds, 1\n"
    "when broken); list prints entries in order, oldest first (JSON lines\n"
    "with --json).\n"
    "\n" CLI_STORE_HELP;

/* ---- the entries of the other commands ---- */

bmis_status cli_audit(bmis_store *s, const char *action, const char *record,
                      const char *detail, bmis_error *err) {
  bmis_audit_entry e;
  memset(&e, 0, sizeof e);
  bmis_audit_os_user(e.actor);
  snprintf(e.role, sizeof e.role, "os-user");
  snprintf(e.channel, sizeof e.channel, "cli");
  snprintf(e.action, sizeof e.action, "%s", action);
  snprintf(e.record, sizeof e.record, "%s", record ? record : "");
  snprintf(e.outcome, sizeof e.outcome, "ok");
  snprintf(e.detail, sizeof e.detail, "%s", detail ? detail : "");
  bmis_error why;
  bmis_status st = bmis_audit_append(s, &e, &why);
  if (st != BMIS_OK)
    return bmis_error_set(
        err, st, "not done: the access could not be audited: %s", why.message);
  return BMIS_OK;
}

bmis_status cli_audit_end(bmis_store *s, bmis_status st, bmis_error *err) {
  if (st == BMIS_OK)
    return bmis_store_commit(s, err);
  bmis_store_rollback(s);
  return st;
}

void cli_record_add(char *buf, size_t cap, const char *key, const char *value) {
  if (!value || !value[0])
    return;
  size_t n = strlen(buf);
  if (n + 1 < cap)
    snprintf(buf + n, cap - n, "%s%s:%s", n ? " " : "", key, value);
}

/* ---- verify ---- */

static int audit_verify(bmis_store *s, bool json) {
  bmis_audit_verdict v;
  bmis_error err;
  if (bmis_audit_verify(s, &v, &err) != BMIS_OK)
    return cli_fail(&err);
  if (json)
    out_json_line(json_pack("{s:b, s:I, s:I, s:s}", "ok", v.ok, "entries",
                            (json_int_t)v.entries, "bad_seq",
                            (json_int_t)v.bad_seq, "problem", v.problem));
  else if (v.ok)
    printf("the audit log holds: %lld entries, chained\n",
           (long long)v.entries);
  else
    printf("the audit log is broken at entry %lld: %s (%lld entries before "
           "it hold)\n",
           (long long)v.bad_seq, v.problem, (long long)v.entries);
  return v.ok ? CLI_OK : CLI_INVALID;
}

/* ---- list ---- */

static int print_entry(const bmis_audit_entry *e, void *ctx) {
  char at[21];
  bmis_time_format(e->at, at);
  if (*(bool *)ctx) {
    out_json_line(json_pack(
        "{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
        "seq", (json_int_t)e->seq, "at", at, "actor", e->actor, "role", e->role,
        "channel", e->channel, "action", e->action, "record", e->record,
        "outcome", e->outcome, "bcp", e->bcp, "desk", e->desk, "detail",
        e->detail, "prev_hash", e->prev_hash, "hash", e->hash));
    return 0;
  }
  printf("%lld %s %s (%s, %s) %s %s: %s", (long long)e->seq, at, e->actor,
         e->role, e->channel, e->action, e->record[0] ? e->record : "-",
         e->outcome);
  if (e->bcp[0] || e->desk[0])
    printf(" at %s%s%s", e->bcp, e->desk[0] ? " desk " : "", e->desk);
  if (e->detail[0])
    printf(" [%s]", e->detail);
  putchar('\n');
  return 0;
}

static int copy_filter(const char *opt, char *dst, size_t cap, const char *v) {
  if (!v)
    return CLI_OK;
  if (strlen(v) >= cap)
    return cli_usage_error(CMD, "%s: longer than %zu bytes", opt, cap - 1);
  memcpy(dst, v, strlen(v) + 1);
  return CLI_OK;
}

int cli_audit_command(int argc, char **argv) {
  const char *store = NULL, *actor = NULL, *record = NULL, *after = NULL,
             *limit = NULL;
  bool json = false;
  const cli_opt opts[] = {
      {"--store", &store, NULL},   {"--actor", &actor, NULL},
      {"--record", &record, NULL}, {"--after", &after, NULL},
      {"--limit", &limit, NULL},   {"--json", NULL, &json},
      {NULL, NULL, NULL}};
  const char *pos[1];
  int npos = 0;
  int r = cli_parse(CMD, argc, argv, opts, pos, 1, &npos);
  if (r == CLI_HELP) {
    fputs(audit_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  const char *sub = npos ? pos[0] : "";
  bool is_list = strcmp(sub, "list") == 0;
  if (!npos)
    return cli_usage_error(CMD, "expected verify or list");
  if (!is_list && strcmp(sub, "verify") != 0)
    return cli_usage_error(CMD, "'%s' is not verify or list", sub);
  if (!is_list && (actor || record || after || limit))
    return cli_usage_error(CMD, "--actor, --record, --after and --limit go "
                                "with list");
  bmis_audit_filter f;
  memset(&f, 0, sizeof f);
  long n = 0;
  if ((r = copy_filter("--actor", f.actor, sizeof f.actor, actor)) ||
      (r = copy_filter("--record", f.record, sizeof f.record, record)))
    return r;
  if (after && (r = cli_number(CMD, "--after", after, 0, LONG_MAX, &n)))
    return r;
  f.after_seq = n;
  n = 0;
  if (limit && (r = cli_number(CMD, "--limit", limit, 1, 100000000, &n)))
    return r;
  f.limit = n;
  bmis_store *s;
  r = cli_open_store(store, NULL, true, &s);
  if (r != CLI_OK)
    return r;
  if (is_list) {
    bmis_error err;
    if (bmis_audit_list(s, &f, print_entry, &json, &err) != BMIS_OK)
      r = cli_fail(&err);
  } else {
    r = audit_verify(s, json);
  }
  bmis_store_close(s);
  return r;
}

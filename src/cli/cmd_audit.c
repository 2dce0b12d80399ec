/* `bmis audit verify|list|keygen|anchor`: the audit log's hash chain
 * checked (and, with --anchors, against signed anchors), its entries
 * listed, anchoring keys made and anchors appended; and cli_audit, through
 * which every command that reads or writes personal data records the
 * operating-system user's access. */
#define _POSIX_C_SOURCE 200809L
#include "bmis/audit.h"
#include "bmis/wire.h"
#include "cli.h"
#include "register_output.h"

#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#define CMD "audit "

static const char audit_help[] =
    "usage: bmis audit verify [--anchors FILE [--pubkey KEY.pub]] [--json]\n"
    "       bmis audit list [--actor USER] [--record RECORD] [--after SEQ]\n"
    "                       [--limit N] [--json]\n"
    "       bmis audit keygen --out KEY\n"
    "       bmis audit anchor --key KEY --anchors FILE [--json]\n"
    "verify, list and anchor also take [--store URL]\n"
    "\n"
    "The audit log: every read and write of personal data, through the API\n"
    "and the command line, in a hash chain (docs/AUDIT.md). verify walks\n"
    "the chain and says where it is broken (exit status 0 when it holds, 1\n"
    "when broken); list prints entries in order, oldest first (JSON lines\n"
    "with --json).\n"
    "\n"
    "Anchors prove what a rewrite of the whole store could hide:\n"
    "keygen makes an Ed25519 key pair, KEY (private, mode 0600) and KEY.pub;\n"
    "it never overwrites. Keep KEY off the store's machine's backups and\n"
    "away from those who can write the store.\n"
    "anchor verifies the chain, signs its head (last entry and hash) and the\n"
    "time with KEY, and appends it as one line to FILE, synced to disk.\n"
    "Keep FILE elsewhere (another machine, write-once media, print).\n"
    "verify --anchors FILE also checks every anchor: its signature (by the\n"
    "key in KEY.pub with --pubkey, else by the key of FILE's first line,\n"
    "whose fingerprint is printed), and that the stored entry at its seq\n"
    "still has its hash and the chain holds up to it; the line at fault is\n"
    "named and the exit status is 1.\n"
    "\n" CLI_STORE_HELP;

/* ---- the entries of the other commands ---- */

bmis_status cli_audit(bmis_store *s, const char *action, const char *record,
                      const char *detail, bmis_error *err) {
  bmis_audit_entry e;
  memset(&e, 0, sizeof e);
  e.at = (int64_t)time(NULL); /* the front end reads the clock */
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
    out_json_line(bmis_wire_audit_verdict(&v));
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
  if (*(bool *)ctx) {
    out_json_line(bmis_wire_audit_entry(e));
    return 0;
  }
  char at[21];
  bmis_time_format(e->at, at);
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

/* ---- anchors ---- */

static int audit_verify_anchors(bmis_store *s, const char *anchors,
                                const char *pubkey, bool json) {
  bmis_audit_key *pub = NULL;
  bmis_error err;
  if (pubkey && bmis_audit_key_load(pubkey, false, &pub, &err) != BMIS_OK)
    return cli_fail(&err);
  bmis_audit_anchor_verdict v;
  bmis_status st = bmis_audit_anchors_verify(s, anchors, pub, &v, &err);
  bmis_audit_key_free(pub);
  if (st != BMIS_OK)
    return cli_fail(&err);
  if (json)
    out_json_line(json_pack(
        "{s:b, s:I, s:I, s:I, s:s, s:s, s:b, s:I, s:I, s:s}", "ok", v.ok,
        "anchors", (json_int_t)v.anchors, "bad_line", (json_int_t)v.bad_line,
        "last_anchored_seq", (json_int_t)v.last_seq, "key", v.key, "problem",
        v.problem, "chain_ok", v.chain.ok, "entries",
        (json_int_t)v.chain.entries, "bad_seq", (json_int_t)v.chain.bad_seq,
        "chain_problem", v.chain.problem));
  else if (v.ok)
    printf("the audit log holds: %lld entries, chained; %lld anchors up to "
           "entry %lld hold, signed by key %s%s\n",
           (long long)v.chain.entries, (long long)v.anchors,
           (long long)v.last_seq, v.key,
           pubkey ? " (the key given)"
                  : " (compare it with yours, or give --pubkey)");
  else
    printf("the audit log does not hold against %s: %s\n", anchors, v.problem);
  return v.ok ? CLI_OK : CLI_INVALID;
}

static int audit_keygen(const char *out) {
  bmis_error err;
  bmis_audit_key *k = NULL;
  char fp[65];
  if (bmis_audit_key_generate(out, &err) != BMIS_OK ||
      bmis_audit_key_load(out, true, &k, &err) != BMIS_OK)
    return cli_fail(&err);
  bmis_audit_key_fingerprint(k, fp);
  bmis_audit_key_free(k);
  printf("key %s (private, mode 0600) and %s.pub: fingerprint %s\n", out, out,
         fp);
  return CLI_OK;
}

static int audit_anchor(bmis_store *s, const char *key, const char *anchors,
                        bool json) {
  bmis_audit_key *k = NULL;
  bmis_audit_anchor a;
  bmis_error err;
  bmis_status st = bmis_audit_key_load(key, true, &k, &err);
  if (st == BMIS_OK)
    st = bmis_audit_anchor_make(s, k, (int64_t)time(NULL), &a, &err);
  if (st == BMIS_OK)
    st = bmis_audit_anchor_append(anchors, &a, &err);
  bmis_audit_key_free(k);
  if (st != BMIS_OK)
    return cli_fail(&err);
  char at[21];
  if (json)
    out_json_line(json_pack(
        "{s:I, s:s, s:s, s:s, s:s}", "seq", (json_int_t)a.seq, "hash", a.hash,
        "at", bmis_time_format(a.at, at), "key", a.key, "anchors", anchors));
  else
    printf("anchored entry %lld (hash %.16s…) at %s in %s\n", (long long)a.seq,
           a.hash, bmis_time_format(a.at, at), anchors);
  return CLI_OK;
}

int cli_audit_command(int argc, char **argv) {
  const char *store = NULL, *actor = NULL, *record = NULL, *after = NULL,
             *limit = NULL, *out = NULL, *key = NULL, *anchors = NULL,
             *pubkey = NULL;
  bool json = false;
  const cli_opt opts[] = {{"--store", &store, NULL},
                          {"--actor", &actor, NULL},
                          {"--record", &record, NULL},
                          {"--after", &after, NULL},
                          {"--limit", &limit, NULL},
                          {"--json", NULL, &json},
                          {"--out", &out, NULL},
                          {"--key", &key, NULL},
                          {"--anchors", &anchors, NULL},
                          {"--pubkey", &pubkey, NULL},
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
  bool is_list = strcmp(sub, "list") == 0,
       is_verify = strcmp(sub, "verify") == 0,
       is_keygen = strcmp(sub, "keygen") == 0,
       is_anchor = strcmp(sub, "anchor") == 0;
  if (!npos)
    return cli_usage_error(CMD, "expected verify, list, keygen or anchor");
  if (!is_list && !is_verify && !is_keygen && !is_anchor)
    return cli_usage_error(CMD, "'%s' is not verify, list, keygen or anchor",
                           sub);
  if (!is_list && (actor || record || after || limit))
    return cli_usage_error(CMD, "--actor, --record, --after and --limit go "
                                "with list");
  if (!is_keygen && out)
    return cli_usage_error(CMD, "--out goes with keygen");
  if (!is_anchor && key)
    return cli_usage_error(CMD, "--key goes with anchor");
  if (!is_verify && pubkey)
    return cli_usage_error(CMD, "--pubkey goes with verify --anchors");
  if (!is_verify && !is_anchor && anchors)
    return cli_usage_error(CMD, "--anchors goes with anchor and verify");
  if (is_verify && pubkey && !anchors)
    return cli_usage_error(CMD, "--pubkey needs --anchors FILE");
  if (is_keygen) {
    if (!out)
      return cli_usage_error(CMD, "keygen: --out KEY is required");
    if (json || store)
      return cli_usage_error(CMD, "keygen takes only --out");
    return audit_keygen(out);
  }
  if (is_anchor && (!key || !anchors))
    return cli_usage_error(CMD, "anchor: --key KEY and --anchors FILE are "
                                "required");
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
  } else if (is_anchor) {
    r = audit_anchor(s, key, anchors, json);
  } else if (anchors) {
    r = audit_verify_anchors(s, anchors, pubkey, json);
  } else {
    r = audit_verify(s, json);
  }
  bmis_store_close(s);
  return r;
}

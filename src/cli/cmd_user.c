/* `bmis user add|set|passwd|disable|enable|list`: accounts. Passwords are read
 * from standard input (one line; with the echo off on a terminal), never
 * from the command line, where other users of the machine could see them. */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include "bmis/account.h"
#include "bmis/wire.h"
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define CMD "user "

static const char user_help[] =
    "usage: bmis user add USERNAME --role ROLE --name \"DISPLAY NAME\"\n"
    "                 [--bcps LIST] [--bcp CODE]    (password on stdin)\n"
    "       bmis user set USERNAME [--role ROLE] [--bcps LIST]\n"
    "                 [--default-bcp CODE] [--name \"DISPLAY NAME\"]\n"
    "       bmis user passwd USERNAME              (password on stdin)\n"
    "       bmis user disable|enable USERNAME\n"
    "       bmis user list [--json]\n"
    "every command also takes [--store URL]\n"
    "\n"
    "Accounts of the people who use the system. ROLE is officer,\n"
    "supervisor, analyst or administrator. A password (at least 12\n"
    "characters) is read from standard input, one line, with the echo off\n"
    "on a terminal; it is kept only as its Argon2id hash. Accounts are\n"
    "disabled, never deleted.\n"
    "\n"
    "LIST is where the account may work: configured crossing points\n"
    "separated by commas (AMA,UTP), or * for every one (administrators\n"
    "always); by default the one given by --bcp (the default crossing point,\n"
    "used by a login that names none). A new password, disable, a new role\n"
    "or new crossing points end every session of the account; enable\n"
    "revives none.\n"
    "\n" CLI_STORE_HELP;

/* One line from stdin, without its line end; echo off on a terminal. */
static int read_password(const char *prompt, char *out, size_t cap) {
  bool tty = isatty(fileno(stdin));
  struct termios old, quiet;
  if (tty) {
    fprintf(stderr, "%s", prompt);
    tcgetattr(fileno(stdin), &old);
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    tcsetattr(fileno(stdin), TCSAFLUSH, &quiet);
  }
  bool got = fgets(out, (int)cap, stdin) != NULL;
  if (tty) {
    tcsetattr(fileno(stdin), TCSAFLUSH, &old);
    fputc('\n', stderr);
  }
  if (!got)
    return cli_usage_error(CMD, "no password on standard input");
  size_t n = strcspn(out, "\r\n");
  if (out[n] == 0 && n + 1 >= cap)
    return cli_usage_error(CMD, "the password is longer than %d bytes",
                           BMIS_PASSWORD_MAX);
  out[n] = 0;
  return CLI_OK;
}

static int print_account(const bmis_account *a, void *ctx) {
  json_t *arr = ctx;
  if (arr) {
    json_array_append_new(arr, bmis_wire_account(a));
    return 0;
  }
  printf("%-20s %-14s %-9s %s%s%s%s%s\n", a->username, bmis_role_name(a->role),
         a->disabled ? "disabled" : "active", a->display_name,
         a->default_bcp[0] ? "  at " : "", a->default_bcp,
         a->bcps[0] && strcmp(a->bcps, a->default_bcp) != 0 ? "  may work at "
                                                            : "",
         a->bcps[0] && strcmp(a->bcps, a->default_bcp) != 0 ? a->bcps : "");
  return 0;
}

int cli_user(int argc, char **argv) {
  const char *store = NULL, *role = NULL, *name = NULL, *bcp = NULL,
             *bcps = NULL, *def = NULL;
  bool json = false;
  const cli_opt opts[] = {
      {"--store", &store, NULL}, {"--role", &role, NULL},
      {"--name", &name, NULL},   {"--bcp", &bcp, NULL},
      {"--bcps", &bcps, NULL},   {"--default-bcp", &def, NULL},
      {"--json", NULL, &json},   {NULL, NULL, NULL}};
  const char *pos[2];
  int npos = 0;
  int r = cli_parse(CMD, argc, argv, opts, pos, 2, &npos);
  if (r == CLI_HELP) {
    fputs(user_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  const char *sub = npos ? pos[0] : "";
  const char *who = npos > 1 ? pos[1] : NULL;
  bool is_add = strcmp(sub, "add") == 0, is_set = strcmp(sub, "set") == 0;
  if (!is_add && !is_set && (role || name || bcp || bcps || def))
    return cli_usage_error(CMD, "--role, --name, --bcp, --bcps and "
                                "--default-bcp go with add or set");
  if (is_set && bcp)
    return cli_usage_error(CMD, "set: the default crossing point is "
                                "--default-bcp");
  if (is_add && def)
    return cli_usage_error(CMD, "add: the default crossing point is --bcp");
  if (is_set && !role && !name && !bcps && !def)
    return cli_usage_error(CMD, "set: nothing to change (--role, --bcps, "
                                "--default-bcp or --name)");
  if (strcmp(sub, "list") != 0 && json)
    return cli_usage_error(CMD, "--json goes with list");
  if (strcmp(sub, "list") == 0 ? npos != 1
      : (is_add || is_set || !strcmp(sub, "passwd") ||
         !strcmp(sub, "disable") || !strcmp(sub, "enable"))
          ? npos != 2
          : true)
    return cli_usage_error(CMD, npos ? "%s: wrong arguments" : "%s",
                           npos ? sub
                                : "expected add, set, passwd, disable, "
                                  "enable or list");
  bmis_account a;
  memset(&a, 0, sizeof a);
  bmis_account_change change = {BMIS_ROLE_NONE, bcps, def, name};
  if (is_set && role && !(change.role = bmis_role_from_name(role)))
    return cli_usage_error(CMD,
                           "--role: '%s' is not officer, supervisor, "
                           "analyst or administrator",
                           role);
  if (is_add) {
    if (!role || !name)
      return cli_usage_error(CMD, "add: --role and --name are needed");
    a.role = bmis_role_from_name(role);
    if (!a.role)
      return cli_usage_error(CMD,
                             "--role: '%s' is not officer, supervisor, "
                             "analyst or administrator",
                             role);
    if (strlen(who) >= sizeof a.username ||
        strlen(name) >= sizeof a.display_name ||
        (bcp && strlen(bcp) >= sizeof a.default_bcp) ||
        (bcps && strlen(bcps) >= sizeof a.bcps))
      return cli_usage_error(CMD, "add: an argument is too long");
    snprintf(a.username, sizeof a.username, "%s", who);
    snprintf(a.display_name, sizeof a.display_name, "%s", name);
    snprintf(a.default_bcp, sizeof a.default_bcp, "%s", bcp ? bcp : "");
    snprintf(a.bcps, sizeof a.bcps, "%s", bcps ? bcps : "");
  }
  char password[BMIS_PASSWORD_MAX + 2];
  if (is_add || strcmp(sub, "passwd") == 0) {
    r = read_password("password: ", password, sizeof password);
    if (r != CLI_OK)
      return r;
  }
  bmis_store *s = NULL;
  r = cli_open_store(store, NULL, false, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  bmis_status st;
  json_t *arr = json ? json_array() : NULL;
  bool is_list = strcmp(sub, "list") == 0;
  if (is_list) {
    st = bmis_account_list(s, print_account, arr, &err);
  } else if ((st = bmis_store_begin(s, &err)) == BMIS_OK) {
    /* a change and its audit entry commit together, or neither */
    if (is_add)
      st = bmis_account_add(s, &a, password, (int64_t)time(NULL), &err);
    else if (is_set)
      st = bmis_account_update(s, who, &change, (int64_t)time(NULL), &a, &err);
    else if (strcmp(sub, "passwd") == 0)
      st = bmis_account_set_password(s, who, password, (int64_t)time(NULL),
                                     &err);
    else
      st = bmis_account_set_disabled(s, who, strcmp(sub, "disable") == 0,
                                     (int64_t)time(NULL), &err);
    if (st == BMIS_OK) {
      char action[32], record[96];
      snprintf(action, sizeof action, "account.%s", sub);
      snprintf(record, sizeof record, "account:%s", who);
      st = cli_audit(s, action, record, NULL, &err);
    }
    st = cli_audit_end(s, st, &err);
  }
  memset(password, 0, sizeof password);
  bmis_store_close(s);
  if (st != BMIS_OK) {
    json_decref(arr);
    return cli_fail(&err);
  }
  if (arr) {
    json_dumpf(arr, stdout, JSON_COMPACT);
    putchar('\n');
    json_decref(arr);
  } else if (is_set) {
    printf("%s changed: %s at %s%s%s%s\n", who, bmis_role_name(a.role),
           a.bcps[0] ? a.bcps : "no crossing point",
           a.default_bcp[0] ? " (default " : "", a.default_bcp,
           a.default_bcp[0] ? ")" : "");
  } else if (!is_list) {
    printf("%s %s\n", who,
           is_add                        ? "added"
           : strcmp(sub, "passwd") == 0  ? "has a new password"
           : strcmp(sub, "disable") == 0 ? "disabled"
                                         : "enabled");
  }
  return CLI_OK;
}

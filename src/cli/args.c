/* A small declarative option parser for the register's subcommands. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int cli_parse(const char *cmd, int argc, char **argv, const cli_opt *opts,
              const char **pos, int max_pos, int *n_pos) {
  *n_pos = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
      return CLI_HELP;
    if (a[0] != '-' || strcmp(a, "-") == 0) {
      if (*n_pos == max_pos)
        return cli_usage_error(cmd, "unexpected argument '%s'", a);
      pos[(*n_pos)++] = a;
      continue;
    }
    const cli_opt *o = NULL;
    const char *eq = strchr(a, '=');
    size_t n = eq ? (size_t)(eq - a) : strlen(a);
    for (const cli_opt *p = opts; p && p->name; p++)
      if (strlen(p->name) == n && strncmp(p->name, a, n) == 0)
        o = p;
    if (!o)
      return cli_usage_error(cmd, "unknown option '%.*s'", (int)n, a);
    if (o->flag) {
      if (eq)
        return cli_usage_error(cmd, "option %s takes no value", o->name);
      *o->flag = true;
      continue;
    }
    if (eq) {
      *o->value = eq + 1;
    } else if (i + 1 < argc) {
      *o->value = argv[++i];
    } else {
      return cli_usage_error(cmd, "option %s needs a value", o->name);
    }
  }
  return CLI_OK;
}

int cli_number(const char *cmd, const char *opt, const char *text, long min,
               long max, long *out) {
  char *end;
  errno = 0;
  long v = strtol(text, &end, 10);
  if (errno || end == text || *end || v < min || v > max)
    return cli_usage_error(cmd, "%s: '%s' is not a number from %ld to %ld", opt,
                           text, min, max);
  *out = v;
  return CLI_OK;
}

int cli_fail(const bmis_error *err) {
  fprintf(stderr, "bmis: %s\n", err->message);
  return bmis_status_exit_code(err->status);
}

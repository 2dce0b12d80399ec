/* `bmis`: dispatches to the table of subcommands made from commands.def,
 * which also makes the top-level --help. */
#include "bmis/text.h"
#include "bmis/version.h"
#include "bmis_pg/postgres.h"
#include "cli.h"

#include <stdarg.h>
#include <string.h>

typedef struct command {
  const char *name;
  cli_command_fn run;
  const char *summary;
} command;

static const command commands[] = {
#define COMMAND(name, function, summary) {#name, function, summary},
#include "commands.def"
#undef COMMAND
};

static void usage(FILE *out) {
  fprintf(out, "usage: bmis [--help] [--version] COMMAND [ARGS]\n\n"
               "OpenBMIS, an open border management information system.\n\n"
               "commands:\n");
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\n'bmis COMMAND --help' describes a command.\n");
}

int cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "bmis: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\ntry 'bmis %s--help'\n", cmd ? cmd : "");
  va_end(ap);
  return CLI_USAGE;
}

int cli_text_opt(const char *cmd, const char *opt, char *dst, size_t cap,
                 const char *v, unsigned flags) {
  if (!v)
    return CLI_OK;
  bmis_error err;
  if (bmis_text_copy(dst, cap, v, flags | BMIS_TEXT_EMPTY_OK, opt, &err) ==
      BMIS_OK)
    return CLI_OK;
  return cli_usage_error(cmd, "%s", err.message);
}

int main(int argc, char **argv) {
  bmis_store_postgres_enable(NULL); /* postgres:// stores (libbmis_pg) */
  if (argc < 2) {
    usage(stderr);
    return CLI_USAGE;
  }
  const char *arg = argv[1];
  if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
    usage(stdout);
    return CLI_OK;
  }
  if (strcmp(arg, "--version") == 0) {
    printf("bmis %s\n", bmis_version());
    return CLI_OK;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(arg, commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  if (arg[0] == '-')
    return cli_usage_error(NULL, "unknown option '%s'", arg);
  return cli_usage_error(NULL, "unknown command '%s'", arg);
}

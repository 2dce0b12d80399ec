/* Shared pieces of the `bmis` command's front end. */
#ifndef BMIS_CLI_CLI_H
#define BMIS_CLI_CLI_H

#include "bmis/doc.h"
#include "bmis/register.h"
#include "bmis/store.h"
#include "bmis/text.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses of the command. */
enum { CLI_OK = 0, CLI_INVALID = 1, CLI_USAGE = 2, CLI_FAILED = 3 };
/* Returned by cli_parse when --help was asked for (never an exit status). */
#define CLI_HELP (-1)

/* A subcommand: argv[0] is the subcommand's own name. */
typedef int (*cli_command_fn)(int argc, char **argv);

/* The commands (commands.def), one prototype each. */
#define COMMAND(name, function, summary) int function(int argc, char **argv);
#include "commands.def"
#undef COMMAND

/* ---- options (args.c) ---- */

/* An option: with `value`, "--name VALUE" or "--name=VALUE" stores VALUE;
 * with `flag`, "--name" sets it. Tables end with a {NULL} row. */
typedef struct cli_opt {
  const char *name;
  const char **value;
  bool *flag;
} cli_opt;

/* Parses argv[1..] (argv[0] is the subcommand). Positional arguments go to
 * pos (at most max_pos). Returns CLI_OK, CLI_HELP, or CLI_USAGE after
 * printing what is wrong. */
int cli_parse(const char *cmd, int argc, char **argv, const cli_opt *opts,
              const char **pos, int max_pos, int *n_pos);

/* Parses a whole number in [min, max]; CLI_USAGE (printed) otherwise. */
int cli_number(const char *cmd, const char *opt, const char *text, long min,
               long max, long *out);

/* Prints "bmis: <message>" and returns the status's exit code. */
int cli_fail(const bmis_error *err);

/* ---- the store (store_url.c) ---- */

/* The store URL used when --store is absent: $BMIS_STORE, else
 * $XDG_DATA_HOME/openbmis/bmis.db, else ~/.local/share/openbmis/bmis.db. */
const char *cli_default_store(char *buf, size_t cap);

/* Opens url (NULL: the default, creating its folder) with durability
 * "process" (default) or "power". Prints the problem and returns an exit
 * status on failure. */
int cli_open_store(const char *url, const char *durability, bool must_exist,
                   bmis_store **out);

#define CLI_STORE_HELP                                                         \
  "  --store URL        the store: a SQLite file path or postgres://...\n"     \
  "                     (default: $BMIS_STORE, else\n"                         \
  "                     $XDG_DATA_HOME/openbmis/bmis.db, else\n"               \
  "                     ~/.local/share/openbmis/bmis.db)\n"

/* Prints "bmis: <message>" and a hint to stderr; returns CLI_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Copies option text v (NULL: nothing to do) into dst[cap] with
 * bmis_text_copy (flags: BMIS_TEXT_LINES for a note), so that text that is
 * too long, not UTF-8 or holds control characters is refused naming the
 * option and its limit, never cut (issue 12, defect 4). CLI_OK, or the
 * usage error's exit status (2) after printing it. */
int cli_text_opt(const char *command, const char *opt, char *dst, size_t cap,
                 const char *v, unsigned flags);

/* ---- the audit log (cmd_audit.c) ---- */

/* Appends the command's audit entry: the operating-system user, role
 * "os-user", channel "cli", outcome "ok"; record and detail are cut to
 * fit. An access that cannot be audited is not done: on failure err says
 * so, and the caller prints nothing of what it read (a write in the same
 * batch is rolled back, see cli_audit_end). */
bmis_status cli_audit(bmis_store *s, const char *action, const char *record,
                      const char *detail, bmis_error *err);
/* Ends a bmis_store_begin batch holding a write and its entry: commits
 * when st is BMIS_OK, otherwise rolls back and returns st. */
bmis_status cli_audit_end(bmis_store *s, bmis_status st, bmis_error *err);
/* Appends "KEY:VALUE" (space-separated) to a record naming a filter,
 * when value is given; cut to fit cap. */
void cli_record_add(char *buf, size_t cap, const char *key, const char *value);

/* ---- doc check input: records from a stream ---- */

/* Longest input line kept (longer ones are cut and reported). */
#define CLI_LINE_MAX 65536

typedef struct doc_record {
  long number;                       /* 1-based record number in the input */
  long line;                         /* input line where the record starts */
  char id[128];                      /* JSON "id", "" when none */
  char text[BMIS_MRZ_INPUT_MAX + 2]; /* the MRZ, lines joined by '\n' */
  size_t len;      /* bytes in text (capped at BMIS_MRZ_INPUT_MAX + 1) */
  size_t total;    /* bytes the record really had */
  char error[256]; /* record-level problem (bad JSON), "" when none */
} doc_record;

typedef struct doc_reader doc_reader;

/* Opens a reader over `in` (not closed by the reader). NULL on no memory. */
doc_reader *doc_reader_new(FILE *in);
void doc_reader_free(doc_reader *r);

/* Reads the next record into *rec. Returns 1 when a record was read, 0 at
 * the end, -1 on a read error (errno set). Blank-line separated MRZs, or
 * JSON lines {"id": …, "mrz": "L1\nL2" | ["L1", "L2"]} when the input's
 * first non-blank character is '{'. */
int doc_reader_next(doc_reader *r, doc_record *rec);

/* ---- doc check output ---- */

void doc_print_text(FILE *out, const doc_record *rec, const bmis_doc *doc);
void doc_print_json(FILE *out, const doc_record *rec, const bmis_doc *doc);
/* A record that could not be examined at all (rec->error set). */
void doc_print_record_error(FILE *out, const doc_record *rec, bool json);

#endif

/* `bmis doc check` and `bmis doc make`. */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char doc_help[] =
    "usage: bmis doc check [--json] [--strict|--ocr] [--as-of YYYY-MM-DD]\n"
    "                      [--expiry-warning DAYS] [FILE|-]\n"
    "       bmis doc make --type TD1|TD2|TD3|MRVA|MRVB --surname NAME\n"
    "                     [--given NAMES] --number NUMBER --nationality CODE\n"
    "                     --birth YYYY[-MM[-DD]] --sex M|F|X|< \n"
    "                     --expiry YYYY-MM-DD|none [--issuer CODE] [--code "
    "CODE]\n"
    "                     [--optional DATA] [--optional2 DATA]\n"
    "\n"
    "check: verifies machine readable zones (ICAO Doc 9303 TD1, TD2, TD3,\n"
    "MRV-A, MRV-B, and the French identity card of 1988-2021) read from FILE\n"
    "or standard input: MRZs separated by blank lines, or JSON lines\n"
    "{\"id\": \"...\", \"mrz\": \"LINE1\\nLINE2\"} (\"mrz\" may be an array of "
    "lines).\n"
    "  --json             one JSON object per document, one per line\n"
    "  --strict           never change a character (default)\n"
    "  --ocr              repair known scanner confusions where a check "
    "fails,\n"
    "                     reporting each correction\n"
    "  --as-of DATE       judge expiry and age as of DATE (default: today, "
    "UTC)\n"
    "  --expiry-warning N warn when the document expires within N days (180)\n"
    "exit status: 0 every document valid, 1 any document invalid, 2 bad usage\n"
    "or unreadable input.\n"
    "\n"
    "make: prints the MRZ for the given fields, with check digits; names are\n"
    "transliterated (UTF-8 in, ICAO Doc 9303 Part 3) and truncated to fit.\n";

/* Matches "--name VALUE" or "--name=VALUE"; advances *i past the value. */
static int option_value(int argc, char **argv, int *i, const char *name,
                        const char **value) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0)
    return 0;
  if (a[n] == '=') {
    *value = a + n + 1;
    return 1;
  }
  if (a[n] != '\0')
    return 0;
  if (*i + 1 >= argc) {
    cli_usage_error("doc ", "option %s needs a value", name);
    return -1;
  }
  *value = argv[++*i];
  return 1;
}

static int doc_check(int argc, char **argv) {
  bool json = false;
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, bmis_date_today_utc());
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = NULL;
    int r;
    if (strcmp(a, "--json") == 0) {
      json = true;
    } else if (strcmp(a, "--strict") == 0) {
      opts.mode = BMIS_DOC_STRICT;
    } else if (strcmp(a, "--ocr") == 0) {
      opts.mode = BMIS_DOC_OCR;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(doc_help, stdout);
      return CLI_OK;
    } else if ((r = option_value(argc, argv, &i, "--as-of", &v)) != 0) {
      if (r < 0)
        return CLI_USAGE;
      bmis_error err;
      if (bmis_date_parse_iso(v, &opts.as_of, &err) != BMIS_OK)
        return cli_usage_error("doc ", "--as-of: %s", err.message);
    } else if ((r = option_value(argc, argv, &i, "--expiry-warning", &v)) !=
               0) {
      if (r < 0)
        return CLI_USAGE;
      char *end;
      errno = 0;
      long days = strtol(v, &end, 10);
      if (errno || *end || end == v || days < 0 || days > 36500)
        return cli_usage_error("doc ",
                               "--expiry-warning: '%s' is not a number of "
                               "days (0-36500)",
                               v);
      opts.expiry_warning_days = (int32_t)days;
    } else if (a[0] == '-' && a[1] != '\0') {
      return cli_usage_error("doc ", "doc check: unknown option '%s'", a);
    } else if (path) {
      return cli_usage_error("doc ", "doc check: only one FILE may be given");
    } else {
      path = a;
    }
  }
  FILE *in = stdin;
  if (path && strcmp(path, "-") != 0) {
    in = fopen(path, "rb");
    if (!in) {
      fprintf(stderr, "bmis: cannot read %s: %s\n", path, strerror(errno));
      return CLI_USAGE;
    }
  }
  doc_reader *reader = doc_reader_new(in);
  doc_record *rec = malloc(sizeof *rec);
  bmis_doc *doc = malloc(sizeof *doc);
  int status = CLI_OK, r;
  long records = 0;
  if (!reader || !rec || !doc) {
    fprintf(stderr, "bmis: out of memory\n");
    status = CLI_USAGE;
    goto out;
  }
  while ((r = doc_reader_next(reader, rec)) == 1) {
    records++;
    if (rec->error[0]) {
      doc_print_record_error(stdout, rec, json);
      status = CLI_INVALID;
      continue;
    }
    bmis_doc_parse(rec->text, rec->len, &opts, doc);
    /* The reader keeps one byte more than any MRZ; say how long the record
     * really was. */
    for (int i = 0; i < doc->nfindings; i++)
      if (doc->findings[i].code == BMIS_FINDING_INPUT_TOO_LONG)
        doc->findings[i].number =
            rec->total > INT32_MAX ? INT32_MAX : (int32_t)rec->total;
    if (json)
      doc_print_json(stdout, rec, doc);
    else
      doc_print_text(stdout, rec, doc);
    if (!doc->valid)
      status = CLI_INVALID;
  }
  if (r < 0) {
    fprintf(stderr, "bmis: cannot read %s: %s\n", path ? path : "input",
            strerror(errno));
    status = CLI_USAGE;
  } else if (records == 0) {
    fprintf(stderr, "bmis: no MRZ in %s\n", path ? path : "the input");
    status = CLI_INVALID;
  }
out:
  if (fflush(stdout) != 0) {
    fprintf(stderr, "bmis: cannot write output: %s\n", strerror(errno));
    status = CLI_USAGE;
  }
  free(doc);
  free(rec);
  doc_reader_free(reader);
  if (in != stdin)
    fclose(in);
  return status;
}

/* "1974", "1974-08" or "1974-08-12": month and day may be unknown. */
static bool parse_partial_date(const char *s, bmis_date *d) {
  int y = 0, m = 0, day = 0;
  char tail;
  int n = sscanf(s, "%4d-%2d-%2d%c", &y, &m, &day, &tail);
  size_t len = strlen(s);
  if (!((n == 1 && len == 4) || (n == 2 && len == 7) || (n == 3 && len == 10)))
    return false;
  d->year = (int16_t)y;
  d->month = (int8_t)m;
  d->day = (int8_t)day;
  return y > 0 && m >= 0 && m <= 12 && day >= 0 && day <= 31;
}

static bool parse_format(const char *s, bmis_doc_format *f) {
  static const struct {
    const char *name;
    bmis_doc_format format;
  } names[] = {{"TD1", BMIS_DOC_TD1},   {"TD2", BMIS_DOC_TD2},
               {"TD3", BMIS_DOC_TD3},   {"MRVA", BMIS_DOC_MRVA},
               {"MRVB", BMIS_DOC_MRVB}, {"MRV-A", BMIS_DOC_MRVA},
               {"MRV-B", BMIS_DOC_MRVB}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(s, names[i].name) == 0) {
      *f = names[i].format;
      return true;
    }
  return false;
}

static int doc_make(int argc, char **argv) {
  bmis_doc_make_input in;
  memset(&in, 0, sizeof in);
  bool have_type = false, have_birth = false, have_expiry = false;
  for (int i = 1; i < argc; i++) {
    const char *v = NULL;
    int r = 0;
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(doc_help, stdout);
      return CLI_OK;
    }
#define STRING_OPTION(flag, target)                                            \
  if (!r && (r = option_value(argc, argv, &i, flag, &v)) > 0)                  \
    target = v;
    STRING_OPTION("--surname", in.surname)
    STRING_OPTION("--given", in.given_names)
    STRING_OPTION("--number", in.number)
    STRING_OPTION("--nationality", in.nationality)
    STRING_OPTION("--issuer", in.issuing_state)
    STRING_OPTION("--code", in.document_code)
    STRING_OPTION("--optional", in.optional_data)
    STRING_OPTION("--optional2", in.optional_data_2)
#undef STRING_OPTION
    if (!r && (r = option_value(argc, argv, &i, "--type", &v)) > 0) {
      if (!parse_format(v, &in.format))
        return cli_usage_error("doc ",
                               "--type: '%s' is not TD1, TD2, TD3, MRVA or "
                               "MRVB",
                               v);
      have_type = true;
    }
    if (!r && (r = option_value(argc, argv, &i, "--birth", &v)) > 0) {
      if (!parse_partial_date(v, &in.birth_date))
        return cli_usage_error("doc ",
                               "--birth: '%s' is not YYYY, YYYY-MM or "
                               "YYYY-MM-DD",
                               v);
      have_birth = true;
    }
    if (!r && (r = option_value(argc, argv, &i, "--expiry", &v)) > 0) {
      bmis_error err;
      if (strcmp(v, "none") != 0 &&
          bmis_date_parse_iso(v, &in.expiry_date, &err) != BMIS_OK)
        return cli_usage_error("doc ", "--expiry: %s", err.message);
      have_expiry = true;
    }
    if (!r && (r = option_value(argc, argv, &i, "--sex", &v)) > 0) {
      if (strlen(v) != 1)
        return cli_usage_error("doc ", "--sex: must be M, F, X or '<'");
      in.sex = v[0];
    }
    if (r < 0)
      return CLI_USAGE;
    if (r == 0)
      return cli_usage_error("doc ", "doc make: unknown option '%s'", argv[i]);
  }
  const char *missing = !have_type        ? "--type"
                        : !in.surname     ? "--surname"
                        : !in.number      ? "--number"
                        : !in.nationality ? "--nationality"
                        : !have_birth     ? "--birth"
                        : !in.sex         ? "--sex"
                        : !have_expiry    ? "--expiry"
                                          : NULL;
  if (missing)
    return cli_usage_error("doc ", "doc make: %s is required", missing);
  char out[3 * (BMIS_MRZ_LINE_LEN + 1)];
  bmis_error err;
  bmis_status st = bmis_doc_make(&in, out, sizeof out, &err);
  if (st != BMIS_OK) {
    fprintf(stderr, "bmis: doc make: %s\n", err.message);
    return bmis_status_exit_code(st);
  }
  puts(out);
  return CLI_OK;
}

int cli_doc(int argc, char **argv) {
  if (argc < 2)
    return cli_usage_error("doc ", "doc: which subcommand? (check, make)");
  const char *sub = argv[1];
  if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
    fputs(doc_help, stdout);
    return CLI_OK;
  }
  if (strcmp(sub, "check") == 0)
    return doc_check(argc - 1, argv + 1);
  if (strcmp(sub, "make") == 0)
    return doc_make(argc - 1, argv + 1);
  return cli_usage_error("doc ", "doc: unknown subcommand '%s'", sub);
}

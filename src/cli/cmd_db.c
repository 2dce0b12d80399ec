/* `bmis db`: create, migrate, describe, back up and restore a store. */
#include "cli.h"

#include "bmis/inspect.h"

#include <jansson.h>
#include <string.h>
#include <time.h>

static const char db_help[] =
    "usage: bmis db init [--state CODE] [--window-days N] [--window-limit N]\n"
    "       bmis db migrate\n"
    "       bmis db info [--json]\n"
    "       bmis db backup FILE\n"
    "       bmis db restore FILE\n"
    "       bmis db purge-inspections --older-than DAYS\n"
    "every command also takes [--store URL]\n"
    "\n"
    "init: creates the store (or brings it to the latest schema) and sets\n"
    "the operating State (its nationals are never refused entry and have no\n"
    "permitted stay) and the rolling-window stay rule (default 90 days in\n"
    "any 180).\n"
    "migrate: applies pending schema migrations and says how many.\n"
    "info: backend, location, schema version, durability and counts.\n"
    "backup: a consistent copy while the store is in use (SQLite online\n"
    "backup; pg_dump custom format for PostgreSQL).\n"
    "restore: replaces the store's whole content with a backup.\n"
    "purge-inspections: what the desk was shown (MRZ, screening result,\n"
    "hits) is emptied from inspections decided more than DAYS ago whose\n"
    "referrals are closed; the movements and the decisions stay.\n"
    "\n" CLI_STORE_HELP;

static int db_init(int argc, char **argv, bmis_store *s, const char *state,
                   const char *days, const char *limit) {
  (void)argc;
  (void)argv;
  bmis_error err;
  bmis_register_config cfg;
  if (bmis_register_config_get(s, &cfg, &err) != BMIS_OK)
    return cli_fail(&err);
  if (state)
    snprintf(cfg.state, sizeof cfg.state, "%.3s", state);
  long v;
  if (days) {
    if (cli_number("db ", "--window-days", days, 1, 3660, &v) != CLI_OK)
      return CLI_USAGE;
    cfg.window_days = (int)v;
  }
  if (limit) {
    if (cli_number("db ", "--window-limit", limit, 1, 3660, &v) != CLI_OK)
      return CLI_USAGE;
    cfg.window_limit = (int)v;
  }
  if (state && strlen(state) > 3) {
    fprintf(stderr, "bmis: --state: '%s' is not a country code\n", state);
    return CLI_USAGE;
  }
  if (bmis_register_config_set(s, &cfg, &err) != BMIS_OK)
    return cli_fail(&err);
  bmis_store_info info;
  if (bmis_store_info_get(s, &info, &err) != BMIS_OK)
    return cli_fail(&err);
  printf("store %s (%s) at schema version %d; operating State %s; stay "
         "rule %d days in any %d\n",
         info.location, info.backend, info.schema_version,
         cfg.state[0] ? cfg.state : "(not set)", cfg.window_limit,
         cfg.window_days);
  return CLI_OK;
}

static int db_info(bmis_store *s, bool json) {
  bmis_error err;
  bmis_store_info info;
  bmis_register_config cfg;
  if (bmis_store_info_get(s, &info, &err) != BMIS_OK ||
      bmis_register_config_get(s, &cfg, &err) != BMIS_OK)
    return cli_fail(&err);
  const char *dur = info.durability == BMIS_DURABLE_POWER ? "power" : "process";
  if (json) {
    json_t *o = json_pack(
        "{s:s, s:s, s:i, s:i, s:s, s:I, s:s, s:i, s:i, s:{s:I, s:I, s:I, "
        "s:I, s:I}}",
        "backend", info.backend, "location", info.location, "schema_version",
        info.schema_version, "schema_latest", info.schema_latest, "durability",
        dur, "size_bytes", (json_int_t)info.size_bytes, "state", cfg.state,
        "window_days", cfg.window_days, "window_limit", cfg.window_limit,
        "counts", "bcps", (json_int_t)info.bcps, "travellers",
        (json_int_t)info.travellers, "documents", (json_int_t)info.documents,
        "movements", (json_int_t)info.movements, "pending_links",
        (json_int_t)info.pending_links);
    if (!o)
      return CLI_FAILED;
    json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(o);
    return CLI_OK;
  }
  printf("backend:        %s\n"
         "location:       %s\n"
         "schema:         version %d (this program knows %d)\n"
         "durability:     %s\n"
         "size:           %lld bytes\n"
         "operating State: %s\n"
         "stay rule:      %d days in any %d\n"
         "crossing points: %lld\n"
         "travellers:     %lld\n"
         "documents:      %lld\n"
         "movements:      %lld\n"
         "identity links to review: %lld\n",
         info.backend, info.location, info.schema_version, info.schema_latest,
         dur, (long long)info.size_bytes,
         cfg.state[0] ? cfg.state : "(not set)", cfg.window_limit,
         cfg.window_days, (long long)info.bcps, (long long)info.travellers,
         (long long)info.documents, (long long)info.movements,
         (long long)info.pending_links);
  return CLI_OK;
}

int cli_db(int argc, char **argv) {
  const char *store = NULL, *durability = NULL, *state = NULL, *days = NULL,
             *limit = NULL, *older = NULL;
  bool json = false;
  const cli_opt opts[] = {
      {"--store", &store, NULL},        {"--durability", &durability, NULL},
      {"--state", &state, NULL},        {"--window-days", &days, NULL},
      {"--window-limit", &limit, NULL}, {"--older-than", &older, NULL},
      {"--json", NULL, &json},          {NULL, NULL, NULL}};
  const char *pos[2];
  int npos;
  int r = cli_parse("db ", argc, argv, opts, pos, 2, &npos);
  if (r == CLI_HELP) {
    fputs(db_help, stdout);
    return CLI_OK;
  }
  if (r != CLI_OK)
    return r;
  if (npos == 0)
    return cli_usage_error("db ", "db: which command? init, migrate, info, "
                                  "backup or restore");
  const char *cmd = pos[0];
  bool is_init = strcmp(cmd, "init") == 0;
  if ((state || days || limit) && !is_init)
    return cli_usage_error("db ", "--state and the window options are for "
                                  "db init");
  bool needs_file = strcmp(cmd, "backup") == 0 || strcmp(cmd, "restore") == 0;
  if (needs_file != (npos == 2))
    return cli_usage_error("db ",
                           needs_file ? "db %s: FILE is missing"
                                      : "db %s: unexpected argument",
                           cmd);
  bool is_purge = strcmp(cmd, "purge-inspections") == 0;
  if (!is_init && !needs_file && !is_purge && strcmp(cmd, "migrate") != 0 &&
      strcmp(cmd, "info") != 0)
    return cli_usage_error("db ", "db: unknown command '%s'", cmd);
  long older_days = 0;
  if (is_purge != (older != NULL))
    return cli_usage_error("db ", is_purge ? "db purge-inspections: "
                                             "--older-than DAYS is missing"
                                           : "--older-than is for db "
                                             "purge-inspections");
  if (is_purge &&
      cli_number("db ", "--older-than", older, 1, 36600, &older_days) != CLI_OK)
    return CLI_USAGE;

  bmis_store *s = NULL;
  bmis_store_options o;
  bmis_store_options_init(&o);
  /* Only init and migrate create or change the schema. */
  bool existing =
      !is_init && strcmp(cmd, "migrate") != 0 && strcmp(cmd, "restore") != 0;
  r = cli_open_store(store, durability, existing, &s);
  if (r != CLI_OK)
    return r;
  bmis_error err;
  if (is_init) {
    r = db_init(argc, argv, s, state, days, limit);
  } else if (strcmp(cmd, "migrate") == 0) {
    int applied = 0;
    bmis_store_info info;
    if (bmis_store_migrate(s, &applied, &err) != BMIS_OK ||
        bmis_store_info_get(s, &info, &err) != BMIS_OK) {
      r = cli_fail(&err);
    } else {
      printf("applied %d migration%s; schema version %d\n", applied,
             applied == 1 ? "" : "s", info.schema_version);
    }
  } else if (strcmp(cmd, "info") == 0) {
    r = db_info(s, json);
  } else if (is_purge) {
    int64_t n = 0;
    int64_t before = (int64_t)time(NULL) - (int64_t)older_days * 86400;
    bmis_status st = bmis_store_begin(s, &err);
    if (st == BMIS_OK)
      st = bmis_inspection_purge(s, before, &n, &err);
    if (st == BMIS_OK)
      st = cli_audit(s, "inspection.purge", "inspections", older, &err);
    if (cli_audit_end(s, st, &err) != BMIS_OK)
      r = cli_fail(&err);
    else
      printf("emptied %lld inspection%s decided more than %ld days ago\n",
             (long long)n, n == 1 ? "" : "s", older_days);
  } else if (strcmp(cmd, "backup") == 0) {
    /* audited first, so the copy holds its own entry; unaudited, no copy */
    if (cli_audit(s, "store.backup", "store", pos[1], &err) != BMIS_OK ||
        bmis_store_backup(s, pos[1], &err) != BMIS_OK)
      r = cli_fail(&err);
    else
      printf("backed up %s to %s\n", bmis_store_backend(s), pos[1]);
  } else {
    /* audited in the restored store's own chain (the restore replaced the
     * one before it) */
    if (bmis_store_restore(s, pos[1], &err) != BMIS_OK ||
        cli_audit(s, "store.restore", "store", pos[1], &err) != BMIS_OK)
      r = cli_fail(&err);
    else
      printf("restored %s from %s\n", bmis_store_backend(s), pos[1]);
  }
  bmis_store_close(s);
  return r;
}

/* Helper for the `bmis` command's shell tests, so they need nothing beyond
 * bash, coreutils and the project's own dependencies (no python3, no jq).
 *
 *   cli_testtool bytes SEED COUNT
 *       writes COUNT pseudo-random bytes (xorshift64*, the same on every
 *       machine) to stdout: deterministic garbage.
 *   cli_testtool json-lines [FILE]
 *       checks that every line of FILE (default stdin) is one JSON object
 *       and prints, per line, its top-level scalar members as
 *       "key=value" separated by tabs ("-" for null, true/false for
 *       booleans, arrays and objects as "[n]" and "{n}" with their size),
 *       so a shell test can grep them. Exits 1, naming the line, at the
 *       first line that is not a JSON object; 1 too on empty input.
 *   cli_testtool audit-rewrite DB SEQ DETAIL
 *       rewrites the audit log of the SQLite store DB as someone with
 *       write access to the file and the chain's format would: entry SEQ's
 *       detail becomes DETAIL, and every hash from SEQ on, and the head,
 *       are recomputed, so the chain verifies again.
 *   cli_testtool audit-cut DB SEQ
 *       cuts the log after entry SEQ and sets the head to it (a consistent
 *       truncation). */
#define _POSIX_C_SOURCE 200809L
#include "audit/audit_internal.h"

#include <jansson.h>
#include <sqlite3.h>

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void) {
  fputs("usage: cli_testtool bytes SEED COUNT\n"
        "       cli_testtool json-lines [FILE]\n"
        "       cli_testtool audit-rewrite DB SEQ DETAIL\n"
        "       cli_testtool audit-cut DB SEQ\n",
        stderr);
  return 2;
}

static int parse_u64(const char *s, uint64_t *out);

static int sql_fail(sqlite3 *db, const char *what) {
  fprintf(stderr, "cli_testtool: %s: %s\n", what, sqlite3_errmsg(db));
  sqlite3_close(db);
  return 1;
}

static void col_copy(sqlite3_stmt *q, int i, char *out, size_t cap) {
  const unsigned char *t = sqlite3_column_text(q, i);
  snprintf(out, cap, "%s", t ? (const char *)t : "");
}

/* The attacker's rewrite (see the usage above). */
static int audit_rewrite(const char *path, const char *seq_s,
                         const char *detail, bool cut) {
  uint64_t from;
  if (!parse_u64(seq_s, &from) || from < 1)
    return usage();
  sqlite3 *db;
  if (sqlite3_open(path, &db) != SQLITE_OK)
    return sql_fail(db, path);
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return sql_fail(db, "begin");
  char prev[65] = "";
  sqlite3_stmt *q = NULL, *u = NULL;
  if (sqlite3_prepare_v2(db,
                         "SELECT seq, at, actor, role, channel, action, "
                         "record, outcome, bcp, desk, detail, prev_hash, hash "
                         "FROM audit_log WHERE seq >= ?1 - 1 ORDER BY seq",
                         -1, &q, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "UPDATE audit_log SET detail = ?2, prev_hash = ?3, "
                         "hash = ?4 WHERE seq = ?1",
                         -1, &u, NULL) != SQLITE_OK)
    return sql_fail(db, "prepare");
  sqlite3_bind_int64(q, 1, (sqlite3_int64)from);
  int64_t last = 0;
  while (sqlite3_step(q) == SQLITE_ROW) {
    bmis_audit_entry e;
    memset(&e, 0, sizeof e);
    e.seq = sqlite3_column_int64(q, 0);
    e.at = sqlite3_column_int64(q, 1);
    col_copy(q, 2, e.actor, sizeof e.actor);
    col_copy(q, 3, e.role, sizeof e.role);
    col_copy(q, 4, e.channel, sizeof e.channel);
    col_copy(q, 5, e.action, sizeof e.action);
    col_copy(q, 6, e.record, sizeof e.record);
    col_copy(q, 7, e.outcome, sizeof e.outcome);
    col_copy(q, 8, e.bcp, sizeof e.bcp);
    col_copy(q, 9, e.desk, sizeof e.desk);
    col_copy(q, 10, e.detail, sizeof e.detail);
    col_copy(q, 11, e.prev_hash, sizeof e.prev_hash);
    col_copy(q, 12, e.hash, sizeof e.hash);
    if ((uint64_t)e.seq < from || cut) { /* the one before: kept as it is */
      memcpy(prev, e.hash, sizeof prev);
      last = e.seq;
      if (cut && (uint64_t)e.seq >= from)
        break;
      continue;
    }
    if ((uint64_t)e.seq == from)
      snprintf(e.detail, sizeof e.detail, "%s", detail);
    if (prev[0])
      memcpy(e.prev_hash, prev, sizeof e.prev_hash);
    bmis_error err;
    if (bmis__audit_hash(&e, e.hash, &err) != BMIS_OK) {
      fprintf(stderr, "cli_testtool: %s\n", err.message);
      return 1;
    }
    sqlite3_bind_int64(u, 1, e.seq);
    sqlite3_bind_text(u, 2, e.detail, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(u, 3, e.prev_hash, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(u, 4, e.hash, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(u) != SQLITE_DONE)
      return sql_fail(db, "update");
    sqlite3_reset(u);
    memcpy(prev, e.hash, sizeof prev);
    last = e.seq;
  }
  sqlite3_finalize(q);
  sqlite3_finalize(u);
  char sql[256];
  snprintf(sql, sizeof sql,
           "DELETE FROM audit_log WHERE seq > %lld; UPDATE audit_head SET "
           "seq = %lld, hash = '%s'; COMMIT",
           (long long)last, (long long)last, prev);
  if (!last || sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sql_fail(db, "head");
  sqlite3_close(db);
  return 0;
}

static int parse_u64(const char *s, uint64_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *end)
    return 0;
  *out = (uint64_t)v;
  return 1;
}

static int bytes(const char *seed_s, const char *count_s) {
  uint64_t x, count;
  if (!parse_u64(seed_s, &x) || !parse_u64(count_s, &count))
    return usage();
  x = x * 0x9E3779B97F4A7C15u + 1; /* never 0, which xorshift cannot leave */
  unsigned char buf[65536];
  while (count > 0) {
    size_t n = count < sizeof buf ? (size_t)count : sizeof buf;
    for (size_t i = 0; i < n; i++) {
      x ^= x >> 12;
      x ^= x << 25;
      x ^= x >> 27;
      buf[i] = (unsigned char)((x * 0x2545F4914F6CDD1Du) >> 56);
    }
    if (fwrite(buf, 1, n, stdout) != n)
      return 1;
    count -= n;
  }
  return fflush(stdout) == 0 ? 0 : 1;
}

static void print_value(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_STRING:
    /* Tabs and newlines would break the one-line summary. */
    for (const char *p = json_string_value(v); *p; p++)
      putchar(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
    break;
  case JSON_INTEGER:
    printf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
    break;
  case JSON_REAL: printf("%g", json_real_value(v)); break;
  case JSON_TRUE: fputs("true", stdout); break;
  case JSON_FALSE: fputs("false", stdout); break;
  case JSON_NULL: putchar('-'); break;
  case JSON_ARRAY: printf("[%zu]", json_array_size(v)); break;
  case JSON_OBJECT: printf("{%zu}", json_object_size(v)); break;
  }
}

static int json_lines(const char *path) {
  FILE *in = stdin;
  if (path && (in = fopen(path, "rb")) == NULL) {
    fprintf(stderr, "cli_testtool: cannot open %s: %s\n", path,
            strerror(errno));
    return 2;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  long n = 0;
  int status = 0;
  while ((len = getline(&line, &cap, in)) >= 0) {
    n++;
    json_error_t err;
    json_t *root = json_loadb(line, (size_t)len, 0, &err);
    if (!json_is_object(root)) {
      fprintf(stderr, "cli_testtool: line %ld is not a JSON object: %s\n", n,
              root ? "another JSON value" : err.text);
      json_decref(root);
      status = 1;
      break;
    }
    const char *key;
    json_t *value;
    int first = 1;
    json_object_foreach(root, key, value) {
      printf("%s%s=", first ? "" : "\t", key);
      print_value(value);
      first = 0;
    }
    putchar('\n');
    json_decref(root);
  }
  if (status == 0 && n == 0) {
    fputs("cli_testtool: no JSON lines\n", stderr);
    status = 1;
  }
  if (status == 0 && ferror(in))
    status = 2;
  free(line);
  if (in != stdin)
    fclose(in);
  return status;
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "bytes") == 0)
    return bytes(argv[2], argv[3]);
  if ((argc == 2 || argc == 3) && strcmp(argv[1], "json-lines") == 0)
    return json_lines(argc == 3 ? argv[2] : NULL);
  if (argc == 5 && strcmp(argv[1], "audit-rewrite") == 0)
    return audit_rewrite(argv[2], argv[3], argv[4], false);
  if (argc == 4 && strcmp(argv[1], "audit-cut") == 0)
    return audit_rewrite(argv[2], argv[3], NULL, true);
  return usage();
}

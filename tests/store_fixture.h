/* Tests that run on both backends. A test program built with this header
 * takes either no argument (each test gets a fresh SQLite file in /tmp) or
 * `--pg-url-file FILE` (each test gets an emptied schema in the PostgreSQL
 * server whose URL the pg_server fixture wrote to FILE). */
#ifndef BMIS_TESTS_STORE_FIXTURE_H
#define BMIS_TESTS_STORE_FIXTURE_H

#define _DEFAULT_SOURCE
#include "bmis/bmis.h"
#include "bmis/register.h"
#include "bmis/store.h"
#include "bmis_pg/postgres.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fx_pg_url[512];
static char fx_path[256];
static int fx_counter;

/* Call from main with argc/argv before running the tests. */
static void fx_setup(int argc, char **argv) {
  bmis_store_postgres_enable(NULL);
  if (argc == 3 && strcmp(argv[1], "--pg-url-file") == 0) {
    FILE *f = fopen(argv[2], "r");
    if (!f || !fgets(fx_pg_url, sizeof fx_pg_url, f)) {
      fprintf(stderr, "cannot read the PostgreSQL URL from %s\n", argv[2]);
      exit(1);
    }
    fclose(f);
    fx_pg_url[strcspn(fx_pg_url, "\r\n")] = 0;
  }
}

static bool fx_is_pg(void) {
  return fx_pg_url[0] != 0;
}

/* The URL of a fresh, empty store (not opened). */
static const char *fx_fresh_url(void) {
  if (fx_is_pg()) {
    PGconn *c = PQconnectdb(fx_pg_url);
    if (PQstatus(c) != CONNECTION_OK) {
      fprintf(stderr, "postgres: %s", PQerrorMessage(c));
      exit(1);
    }
    PGresult *r = PQexec(c, "SET client_min_messages = warning;"
                            "DROP SCHEMA public CASCADE;"
                            "CREATE SCHEMA public;");
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
      fprintf(stderr, "postgres: %s", PQerrorMessage(c));
      exit(1);
    }
    PQclear(r);
    PQfinish(c);
    return fx_pg_url;
  }
  if (fx_path[0]) {
    char side[300];
    unlink(fx_path);
    snprintf(side, sizeof side, "%s-wal", fx_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", fx_path);
    unlink(side);
  }
  snprintf(fx_path, sizeof fx_path, "/tmp/bmis-test-%d-%d.db", (int)getpid(),
           fx_counter++);
  unlink(fx_path);
  return fx_path;
}

static void fx_cleanup(void) {
  if (!fx_is_pg() && fx_path[0]) {
    char side[300];
    unlink(fx_path);
    snprintf(side, sizeof side, "%s-wal", fx_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", fx_path);
    unlink(side);
  }
}

#endif

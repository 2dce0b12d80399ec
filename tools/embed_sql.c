/* Build-time generator: the files under sql/ -> C strings in the library.
 *
 * usage: bmis_embed_sql SQL_DIR out.c out.h FILE...
 * Each FILE is a path under SQL_DIR:
 *   queries/NAME.sql            one query for both dialects, parameters $1…
 *   sqlite/queries/NAME.sql     the SQLite text of NAME (overrides queries/)
 *   postgres/queries/NAME.sql   the PostgreSQL text of NAME
 *   sqlite/migrations/NNNN_TITLE.sql, postgres/migrations/NNNN_TITLE.sql
 * out.h gets `enum bmis__query_id` (BMIS__Q_NAME…, BMIS__Q_COUNT); out.c the
 * query texts per dialect and the migrations per dialect in version order.
 * For SQLite, $N parameters are rewritten ?N (outside quotes and comments).
 * Fails (exit 1) on an unknown path, a query missing in one dialect, or a
 * gap or repeat in migration numbers. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILES 512

typedef struct query {
  char name[128];
  char *text[2]; /* [0] SQLite, [1] PostgreSQL */
} query;

typedef struct migration {
  int version;
  char title[128];
  char *text;
} migration;

static query queries[MAX_FILES];
static int nqueries;
static migration migrations[2][MAX_FILES];
static int nmigrations[2];

static void die(const char *what, const char *msg) {
  fprintf(stderr, "bmis_embed_sql: %s: %s\n", what, msg);
  exit(1);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    die(path, "cannot open");
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (len + 1 == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
    }
  }
  fclose(f);
  if (!buf)
    die(path, "out of memory");
  buf[len] = 0;
  return buf;
}

/* $N -> ?N outside string literals, quoted identifiers and comments. */
static char *sqlite_params(const char *s) {
  char *out = malloc(strlen(s) + 1);
  char *o = out;
  if (!out)
    die("sqlite_params", "out of memory");
  while (*s) {
    if (*s == '\'' || *s == '"') {
      char q = *s;
      *o++ = *s++;
      while (*s && *s != q)
        *o++ = *s++;
      if (*s)
        *o++ = *s++;
    } else if (s[0] == '-' && s[1] == '-') {
      while (*s && *s != '\n')
        *o++ = *s++;
    } else if (*s == '$' && isdigit((unsigned char)s[1])) {
      *o++ = '?';
      s++;
    } else {
      *o++ = *s++;
    }
  }
  *o = 0;
  return out;
}

static query *query_named(const char *name) {
  for (int i = 0; i < nqueries; i++)
    if (strcmp(queries[i].name, name) == 0)
      return &queries[i];
  if (nqueries == MAX_FILES)
    die(name, "too many queries");
  query *q = &queries[nqueries++];
  snprintf(q->name, sizeof q->name, "%s", name);
  return q;
}

/* Base name without ".sql"; checks it is [a-z0-9_]. */
static void base_name(const char *path, char *out, size_t cap) {
  const char *slash = strrchr(path, '/');
  const char *b = slash ? slash + 1 : path;
  size_t len = strlen(b);
  if (len < 5 || strcmp(b + len - 4, ".sql") != 0 || len - 4 >= cap)
    die(path, "expected NAME.sql");
  memcpy(out, b, len - 4);
  out[len - 4] = 0;
  for (const char *c = out; *c; c++)
    if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) ||
          *c == '_'))
      die(path, "names are lower case letters, digits and '_'");
}

static void add_file(const char *dir, const char *rel) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  char name[128];
  base_name(rel, name, sizeof name);
  static const char *dialects[2] = {"sqlite/", "postgres/"};
  if (strncmp(rel, "queries/", 8) == 0) {
    query *q = query_named(name);
    char *text = slurp(path);
    if (!q->text[0])
      q->text[0] = sqlite_params(text);
    if (!q->text[1])
      q->text[1] = text;
    else
      free(text);
    return;
  }
  for (int d = 0; d < 2; d++) {
    size_t dl = strlen(dialects[d]);
    if (strncmp(rel, dialects[d], dl) != 0)
      continue;
    const char *rest = rel + dl;
    if (strncmp(rest, "queries/", 8) == 0) {
      query *q = query_named(name);
      char *text = slurp(path);
      free(q->text[d]);
      q->text[d] = d == 0 ? sqlite_params(text) : text;
      if (d == 0)
        free(text);
      return;
    }
    if (strncmp(rest, "migrations/", 11) == 0) {
      if (!isdigit((unsigned char)name[0]) || !strchr(name, '_'))
        die(rel, "migrations are named NNNN_title.sql");
      migration *m = &migrations[d][nmigrations[d]++];
      m->version = atoi(name);
      snprintf(m->title, sizeof m->title, "%s", strchr(name, '_') + 1);
      m->text = slurp(path);
      return;
    }
  }
  die(rel, "not under queries/, sqlite/ or postgres/");
}

/* Per-file overrides must win whatever the order of the arguments: shared
 * files are added first. */
static int shared_first(const void *a, const void *b) {
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  int xs = strncmp(x, "queries/", 8) == 0, ys = strncmp(y, "queries/", 8) == 0;
  if (xs != ys)
    return ys - xs;
  return strcmp(x, y);
}

static int by_version(const void *a, const void *b) {
  return ((const migration *)a)->version - ((const migration *)b)->version;
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const query *)a)->name, ((const query *)b)->name);
}

static void emit_string(FILE *out, const char *s) {
  fputs("    \"", out);
  for (; *s; s++) {
    if (*s == '\n') {
      fputs("\\n\"\n    \"", out);
    } else if (*s == '"' || *s == '\\') {
      fprintf(out, "\\%c", *s);
    } else if (*s == '\r' || *s == '\t') {
      fputc(' ', out);
    } else {
      fputc(*s, out);
    }
  }
  fputs("\"", out);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s SQL_DIR out.c out.h FILE...\n", argv[0]);
    return 2;
  }
  const char *dir = argv[1];
  char **files = argv + 4;
  int nfiles = argc - 4;
  qsort(files, (size_t)nfiles, sizeof *files, shared_first);
  for (int i = 0; i < nfiles; i++) {
    const char *rel = files[i];
    size_t dl = strlen(dir);
    if (strncmp(rel, dir, dl) == 0 && rel[dl] == '/')
      rel += dl + 1;
    add_file(dir, rel);
  }
  qsort(queries, (size_t)nqueries, sizeof *queries, by_name);
  for (int i = 0; i < nqueries; i++)
    if (!queries[i].text[0] || !queries[i].text[1])
      die(queries[i].name, "query is missing for one dialect");
  for (int d = 0; d < 2; d++) {
    qsort(migrations[d], (size_t)nmigrations[d], sizeof(migration), by_version);
    for (int i = 0; i < nmigrations[d]; i++)
      if (migrations[d][i].version != i + 1)
        die(migrations[d][i].title, "migration numbers must be 1, 2, 3…");
  }
  if (nmigrations[0] != nmigrations[1])
    die("migrations", "each dialect needs the same migration versions");

  FILE *h = fopen(argv[3], "w");
  if (!h)
    die(argv[3], "cannot write");
  fprintf(h, "/* Generated by tools/embed_sql.c from sql/. Do not edit. */\n"
             "#ifndef BMIS_SQL_QUERIES_H\n#define BMIS_SQL_QUERIES_H\n\n"
             "typedef enum bmis__query_id {\n");
  for (int i = 0; i < nqueries; i++) {
    fputs("  BMIS__Q_", h);
    for (const char *c = queries[i].name; *c; c++)
      fputc(toupper((unsigned char)*c), h);
    fputs(",\n", h);
  }
  fprintf(h, "  BMIS__Q_COUNT\n} bmis__query_id;\n\n#endif\n");
  fclose(h);

  FILE *out = fopen(argv[2], "w");
  if (!out)
    die(argv[2], "cannot write");
  fprintf(out, "/* Generated by tools/embed_sql.c from sql/. Do not edit. */\n"
               "#include \"store/sql.h\"\n\n"
               "const bmis__sql_query bmis__sql_queries[BMIS__Q_COUNT] = {\n");
  for (int i = 0; i < nqueries; i++) {
    fprintf(out, "  {\"%s\",\n", queries[i].name);
    emit_string(out, queries[i].text[0]);
    fputs(",\n", out);
    emit_string(out, queries[i].text[1]);
    fputs("},\n", out);
  }
  fputs("};\n\n", out);
  static const char *dnames[2] = {"sqlite", "postgres"};
  for (int d = 0; d < 2; d++) {
    fprintf(out, "const bmis__sql_migration bmis__sql_migrations_%s[] = {\n",
            dnames[d]);
    for (int i = 0; i < nmigrations[d]; i++) {
      fprintf(out, "  {%d, \"%s\",\n", migrations[d][i].version,
              migrations[d][i].title);
      emit_string(out, migrations[d][i].text);
      fputs("},\n", out);
    }
    fprintf(out, "  {0, 0, 0}\n};\n\n");
  }
  fprintf(out, "const int bmis__sql_migration_count = %d;\n", nmigrations[0]);
  fclose(out);
  return 0;
}

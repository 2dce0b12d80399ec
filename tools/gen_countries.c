#define _POSIX_C_SOURCE 200809L
/* Build-time generator: data/countries.tsv -> C source with the country
 * table, a constant-time code index and a sorted name index.
 *
 * usage: bmis_gen_countries countries.tsv out.c
 * Fails (exit 1, file:line in the message) on any malformed row, so a bad
 * edit of the data file breaks the build instead of the look-ups. */
#include "doc/country_key.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 400
#define MAX_NAMES 4000
#define NCOLS 7

typedef struct row {
  char *col[NCOLS];
} row;

typedef struct name_entry {
  char key[256];
  int row;
} name_entry;

static row rows[MAX_ROWS];
static int nrows;
static name_entry names[MAX_NAMES];
static int nnames;

static const char *kinds[] = {"iso",          "icao_state", "icao_gb",
                              "organisation", "stateless",  "specimen",
                              "historic"};
static const char *kind_enums[] = {
    "BMIS_COUNTRY_ISO",       "BMIS_COUNTRY_ICAO_STATE",
    "BMIS_COUNTRY_ICAO_GB",   "BMIS_COUNTRY_ORGANISATION",
    "BMIS_COUNTRY_STATELESS", "BMIS_COUNTRY_SPECIMEN",
    "BMIS_COUNTRY_HISTORIC"};

static void die(const char *path, int line, const char *msg, const char *what) {
  fprintf(stderr, "%s:%d: %s%s%s\n", path, line, msg, what ? ": " : "",
          what ? what : "");
  exit(1);
}

static int slot_of(const char *code) {
  char c[3] = {0, 0, 0};
  for (int i = 0; i < 3 && code[i]; i++)
    c[i] = code[i];
  int slot = 0;
  for (int i = 0; i < 3; i++)
    slot = slot * 27 + (c[i] ? c[i] - 'A' + 1 : 0);
  return slot;
}

static void add_name(const char *path, int line, const char *text, int r) {
  if (!*text)
    return;
  if (nnames >= MAX_NAMES)
    die(path, line, "too many names", NULL);
  if (bmis__country_name_key(text, names[nnames].key, sizeof names[0].key) <= 0)
    die(path, line, "name has no letters or is not UTF-8", text);
  for (int i = 0; i < nnames; i++)
    if (strcmp(names[i].key, names[nnames].key) == 0) {
      if (names[i].row == r)
        return; /* the same row names itself twice: harmless */
      die(path, line, "name or variant already belongs to another row", text);
    }
  names[nnames].row = r;
  nnames++;
}

static void print_c_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      fputc('\\', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(((const name_entry *)a)->key, ((const name_entry *)b)->key);
}

static int cmp_rows(const void *a, const void *b) {
  return strcmp(((const row *)a)->col[0], ((const row *)b)->col[0]);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s countries.tsv out.c\n", argv[0]);
    return 2;
  }
  const char *path = argv[1];
  FILE *in = fopen(path, "r");
  if (!in) {
    perror(path);
    return 1;
  }
  char buf[4096];
  int line = 0;
  while (fgets(buf, sizeof buf, in)) {
    line++;
    size_t len = strlen(buf);
    if (len && buf[len - 1] != '\n' && !feof(in))
      die(path, line, "line too long", NULL);
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
      buf[--len] = '\0';
    if (len == 0 || buf[0] == '#')
      continue;
    if (nrows >= MAX_ROWS)
      die(path, line, "too many rows", NULL);
    row *r = &rows[nrows];
    char *p = buf;
    for (int c = 0; c < NCOLS; c++) {
      char *tab = strchr(p, '\t');
      if (c < NCOLS - 1 && !tab)
        die(path, line, "expected 7 tab-separated columns", NULL);
      if (c == NCOLS - 1 && tab)
        die(path, line, "more than 7 columns", NULL);
      if (tab)
        *tab = '\0';
      r->col[c] = strdup(p);
      p = tab ? tab + 1 : p + strlen(p);
    }
    const char *code = r->col[0];
    size_t cl = strlen(code);
    if (cl < 1 || cl > 3)
      die(path, line, "code must have 1-3 letters", code);
    for (size_t i = 0; i < cl; i++)
      if (!isupper((unsigned char)code[i]))
        die(path, line, "code must be upper-case A-Z", code);
    int kind = -1;
    for (int k = 0; k < 7; k++)
      if (strcmp(r->col[4], kinds[k]) == 0)
        kind = k;
    if (kind < 0)
      die(path, line, "unknown kind", r->col[4]);
    if (kind == 0 && (strlen(r->col[1]) != 2 || strlen(r->col[2]) != 3))
      die(path, line, "iso rows need alpha-2 and a 3-digit numeric", code);
    if (!*r->col[5])
      die(path, line, "name is empty", code);
    nrows++;
  }
  fclose(in);
  qsort(rows, (size_t)nrows, sizeof rows[0], cmp_rows);
  for (int i = 1; i < nrows; i++)
    if (strcmp(rows[i].col[0], rows[i - 1].col[0]) == 0)
      die(path, 0, "duplicate code", rows[i].col[0]);
  for (int i = 0; i < nrows; i++) {
    add_name(path, 0, rows[i].col[5], i);
    char *v = rows[i].col[6];
    while (*v) {
      char *bar = strchr(v, '|');
      if (bar)
        *bar = '\0';
      add_name(path, 0, v, i);
      if (!bar)
        break;
      *bar = '|';
      v = bar + 1;
    }
  }
  qsort(names, (size_t)nnames, sizeof names[0], cmp_names);

  FILE *out = fopen(argv[2], "w");
  if (!out) {
    perror(argv[2]);
    return 1;
  }
  fprintf(out, "/* Generated by tools/gen_countries.c from data/countries.tsv."
               " Do not edit. */\n#include \"doc/country_table.h\"\n\n");
  fprintf(out, "const bmis_country bmis__countries[] = {\n");
  for (int i = 0; i < nrows; i++) {
    fprintf(out, "  {");
    for (int c = 0; c < 4; c++) {
      print_c_string(out, rows[i].col[c]);
      fputs(", ", out);
    }
    for (int k = 0; k < 7; k++)
      if (strcmp(rows[i].col[4], kinds[k]) == 0)
        fprintf(out, "%s, ", kind_enums[k]);
    print_c_string(out, rows[i].col[5]);
    fputs(", ", out);
    print_c_string(out, rows[i].col[6]);
    fputs("},\n", out);
  }
  fprintf(out, "};\nconst size_t bmis__country_count = %d;\n\n", nrows);
  fprintf(out, "const uint16_t "
               "bmis__country_code_index[BMIS__COUNTRY_CODE_SLOTS] = {\n");
  for (int i = 0; i < nrows; i++)
    fprintf(out, "  [%d] = %d,\n", slot_of(rows[i].col[0]), i + 1);
  fprintf(out,
          "};\n\nconst bmis__country_name_entry bmis__country_names[] = {\n");
  for (int i = 0; i < nnames; i++)
    fprintf(out, "  {\"%s\", %d},\n", names[i].key, names[i].row);
  fprintf(out, "};\nconst size_t bmis__country_name_count = %d;\n", nnames);
  if (fclose(out) != 0) {
    perror(argv[2]);
    return 1;
  }
  return 0;
}

/* A small RFC 4180 reader for the benchmark data files (quoted fields,
 * doubled quotes, newlines inside quotes). Benchmarks only. */
#ifndef BENCH_CSV_H
#define BENCH_CSV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CSV_FIELDS_MAX 32
#define CSV_LINE_MAX 65536

typedef struct csv_row {
  int n;
  char *f[CSV_FIELDS_MAX];
  char buf[CSV_LINE_MAX];
} csv_row;

/* Reads one record from f into row; returns 0 at end of file. */
static inline int csv_read(FILE *f, csv_row *row) {
  int c, n = 0;
  size_t len = 0;
  int quoted = 0, any = 0;
  row->n = 0;
  row->f[0] = row->buf;
  while ((c = fgetc(f)) != EOF) {
    any = 1;
    if (quoted) {
      if (c == '"') {
        int d = fgetc(f);
        if (d == '"') {
          if (len < CSV_LINE_MAX - 1)
            row->buf[len++] = '"';
        } else {
          quoted = 0;
          if (d != EOF)
            ungetc(d, f);
        }
      } else if (len < CSV_LINE_MAX - 1) {
        row->buf[len++] = (char)c;
      }
      continue;
    }
    if (c == '"') {
      quoted = 1;
    } else if (c == ',' || c == '\n') {
      row->buf[len++] = 0;
      if (n < CSV_FIELDS_MAX - 1)
        n++;
      row->f[n] = row->buf + len;
      if (c == '\n')
        break;
    } else if (c != '\r' && len < CSV_LINE_MAX - 2) {
      row->buf[len++] = (char)c;
    }
  }
  if (!any)
    return 0;
  if (c == EOF) {
    row->buf[len++] = 0;
    n++;
  }
  row->n = n;
  return 1;
}

/* Column index of name in a header row, or -1. */
static inline int csv_col(const csv_row *h, const char *name) {
  for (int i = 0; i < h->n; i++)
    if (strcmp(h->f[i], name) == 0)
      return i;
  return -1;
}

#endif

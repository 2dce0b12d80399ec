/* Records for `bmis doc check`: MRZs separated by blank lines, or JSON lines.
 * Every line is capped (CLI_LINE_MAX) and every record too, so that any
 * input, however long or binary, is read in bounded memory and reported. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

enum { MODE_UNKNOWN, MODE_TEXT, MODE_JSON };

struct doc_reader {
  FILE *in;
  int mode;
  long line_no; /* number of the line in buf */
  long records;
  char *buf;      /* current line, NUL-terminated, capped */
  size_t len;     /* bytes kept in buf */
  size_t total;   /* bytes the line really had */
  bool have_line; /* buf holds a line not consumed yet */
  bool eof;
};

doc_reader *doc_reader_new(FILE *in) {
  doc_reader *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->buf = malloc(CLI_LINE_MAX + 1);
  if (!r->buf) {
    free(r);
    return NULL;
  }
  r->in = in;
  return r;
}

void doc_reader_free(doc_reader *r) {
  if (!r)
    return;
  free(r->buf);
  free(r);
}

/* Reads one line (LF, CRLF or CR ends it). 1: a line; 0: end; -1: error. */
static int read_line(doc_reader *r) {
  if (r->have_line)
    return 1;
  if (r->eof)
    return 0;
  r->len = r->total = 0;
  int c;
  bool any = false;
  while ((c = getc_unlocked(r->in)) != EOF) {
    any = true;
    if (c == '\n')
      break;
    if (c == '\r') {
      int next = getc_unlocked(r->in);
      if (next != '\n' && next != EOF)
        ungetc(next, r->in);
      break;
    }
    if (r->len < CLI_LINE_MAX)
      r->buf[r->len++] = (char)c;
    r->total++;
  }
  if (c == EOF) {
    if (ferror(r->in))
      return -1;
    r->eof = true;
    if (!any)
      return 0;
  }
  r->buf[r->len] = '\0';
  r->line_no++;
  r->have_line = true;
  return 1;
}

static bool blank(const doc_reader *r) {
  for (size_t i = 0; i < r->len; i++)
    if (r->buf[i] != ' ' && r->buf[i] != '\t')
      return false;
  return true;
}

static void start_record(doc_reader *r, doc_record *rec) {
  rec->number = ++r->records;
  rec->line = r->line_no;
  rec->id[0] = rec->text[0] = rec->error[0] = '\0';
  rec->len = rec->total = 0;
}

/* Appends to the record's text, keeping at most BMIS_MRZ_INPUT_MAX + 1
 * bytes: one more than any MRZ, so the parser reports the record as too
 * long rather than seeing a cut-down MRZ. */
static void append(doc_record *rec, const char *p, size_t n, size_t really) {
  size_t room = BMIS_MRZ_INPUT_MAX + 1 - rec->len;
  size_t take = n < room ? n : room;
  memcpy(rec->text + rec->len, p, take);
  rec->len += take;
  rec->total += really;
  rec->text[rec->len] = '\0';
}

/* Consumes blank lines. 1: a non-blank line is waiting; 0: end; -1: error. */
static int skip_blank_lines(doc_reader *r) {
  int st;
  while ((st = read_line(r)) == 1 && blank(r))
    r->have_line = false;
  return st;
}

static int next_text(doc_reader *r, doc_record *rec) {
  int st = skip_blank_lines(r);
  if (st <= 0)
    return st;
  start_record(r, rec);
  while ((st = read_line(r)) == 1 && !blank(r)) {
    if (rec->total)
      append(rec, "\n", 1, 1);
    append(rec, r->buf, r->len, r->total);
    r->have_line = false;
  }
  return st < 0 ? -1 : 1;
}

static void json_record(doc_reader *r, doc_record *rec) {
  if (r->total > r->len) {
    snprintf(rec->error, sizeof rec->error,
             "line %ld: longer than %d bytes; not a JSON record", r->line_no,
             CLI_LINE_MAX);
    return;
  }
  json_error_t jerr;
  json_t *root = json_loadb(r->buf, r->len, JSON_REJECT_DUPLICATES, &jerr);
  if (!root) {
    snprintf(rec->error, sizeof rec->error, "line %ld column %d: %s",
             r->line_no, jerr.column, jerr.text);
    return;
  }
  json_t *id = json_object_get(root, "id");
  json_t *mrz = json_object_get(root, "mrz");
  if (!json_is_object(root)) {
    snprintf(rec->error, sizeof rec->error,
             "line %ld: expected a JSON object with \"mrz\"", r->line_no);
  } else if (json_is_string(id) && json_string_length(id) >= sizeof rec->id) {
    snprintf(rec->error, sizeof rec->error,
             "line %ld: \"id\" is longer than %zu bytes", r->line_no,
             sizeof rec->id - 1);
  } else if (json_is_string(id)) {
    memcpy(rec->id, json_string_value(id), json_string_length(id) + 1);
  } else if (json_is_integer(id)) {
    snprintf(rec->id, sizeof rec->id, "%" JSON_INTEGER_FORMAT,
             json_integer_value(id));
  } else if (id) {
    snprintf(rec->error, sizeof rec->error,
             "line %ld: \"id\" must be a string or an integer", r->line_no);
  }
  if (rec->error[0]) {
    /* already explained */
  } else if (json_is_string(mrz)) {
    append(rec, json_string_value(mrz), json_string_length(mrz),
           json_string_length(mrz));
  } else if (json_is_array(mrz)) {
    size_t i;
    json_t *line;
    json_array_foreach(mrz, i, line) {
      if (!json_is_string(line)) {
        snprintf(rec->error, sizeof rec->error,
                 "line %ld: \"mrz\"[%zu] is not a string", r->line_no, i);
        break;
      }
      if (i)
        append(rec, "\n", 1, 1);
      append(rec, json_string_value(line), json_string_length(line),
             json_string_length(line));
    }
  } else {
    snprintf(rec->error, sizeof rec->error,
             "line %ld: \"mrz\" must be a string or an array of lines",
             r->line_no);
  }
  json_decref(root);
}

static int next_json(doc_reader *r, doc_record *rec) {
  int st = skip_blank_lines(r);
  if (st <= 0)
    return st;
  start_record(r, rec);
  json_record(r, rec);
  r->have_line = false;
  return 1;
}

int doc_reader_next(doc_reader *r, doc_record *rec) {
  if (r->mode == MODE_UNKNOWN) {
    int st = skip_blank_lines(r);
    if (st <= 0)
      return st;
    const char *p = r->buf;
    while (*p == ' ' || *p == '\t')
      p++;
    r->mode = *p == '{' ? MODE_JSON : MODE_TEXT;
  }
  return r->mode == MODE_JSON ? next_json(r, rec) : next_text(r, rec);
}

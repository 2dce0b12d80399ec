/* Fuzz target for `bmis doc check`'s input side: the batch reader
 * (src/cli/doc_input.c: blank-line separated MRZs or JSON lines, capped
 * lines and records) feeding the parser, and both output formats.
 *
 * Invariants checked besides memory safety: every record's text stays within
 * its cap and is NUL-terminated; a record is either readable (text) or
 * carries a record-level error, never a partial mix; records are numbered
 * 1, 2, 3... in input order. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "fuzz_target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void require(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_doc_input: broken invariant: %s\n", what);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0; /* fmemopen may refuse an empty buffer; the CLI tests cover it */
  FILE *in = fmemopen((void *)(uintptr_t)data, size, "rb");
  FILE *out = fopen("/dev/null", "w");
  doc_reader *reader = in ? doc_reader_new(in) : NULL;
  doc_record *rec = malloc(sizeof *rec);
  bmis_doc *doc = malloc(sizeof *doc);
  if (!in || !out || !reader || !rec || !doc)
    abort(); /* the harness itself could not start */
  bmis_doc_options opts;
  bmis_doc_options_init(&opts, (bmis_date){2026, 11, 26});
  long expect = 1;
  int r;
  while ((r = doc_reader_next(reader, rec)) == 1) {
    require(rec->number == expect++, "records numbered in order");
    require(rec->line >= 1, "record line");
    require(rec->len <= BMIS_MRZ_INPUT_MAX + 1, "record text over its cap");
    require(memchr(rec->text, '\0', rec->len + 1) != NULL,
            "record text not terminated");
    require(memchr(rec->id, '\0', sizeof rec->id) != NULL,
            "record id not terminated");
    require(memchr(rec->error, '\0', sizeof rec->error) != NULL,
            "record error not terminated");
    if (rec->error[0]) {
      doc_print_record_error(out, rec, false);
      doc_print_record_error(out, rec, true);
      continue;
    }
    bmis_doc_parse(rec->text, rec->len, &opts, doc);
    doc_print_text(out, rec, doc);
    doc_print_json(out, rec, doc);
  }
  require(r == 0, "reading from memory never fails");
  free(doc);
  free(rec);
  doc_reader_free(reader);
  fclose(in);
  fclose(out);
  return 0;
}

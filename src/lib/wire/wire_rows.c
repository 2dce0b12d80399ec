/* Rows of text as JSON: how the store hands PostgreSQL a batch of rows in
 * one statement (store/repo_watchlist.c), so that the store needs no JSON
 * library of its own. */
#include "wire/json_text.h"
#include "wire/wire_internal.h"

#include <jansson.h>
#include <stdbool.h>

char *bmis__wire_text_rows(const char *const *cells, size_t rows, size_t cols) {
  json_t *all = json_array();
  bool ok = all != NULL;
  for (size_t i = 0; ok && i < rows; i++) {
    json_t *row = json_array();
    ok = row && json_array_append_new(all, row) == 0;
    for (size_t j = 0; ok && j < cols; j++) {
      const char *v = cells[i * cols + j];
      json_t *x = v && *v ? json_string(v) : json_null();
      ok = x && json_array_append_new(row, x) == 0;
    }
  }
  char *text = ok ? bmis__json_dumps(all, JSON_COMPACT) : NULL;
  json_decref(all);
  return text;
}

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
 *       first line that is not a JSON object; 1 too on empty input. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void) {
  fputs("usage: cli_testtool bytes SEED COUNT\n"
        "       cli_testtool json-lines [FILE]\n",
        stderr);
  return 2;
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
  return usage();
}

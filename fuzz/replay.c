/* Replays stored fuzz inputs through a fuzz target without clang's fuzzer
 * runtime, so any compiler (and ctest) can run a corpus.
 *
 * usage: <target>_replay FILE|DIR...   (directories are walked recursively;
 * arguments starting with '-' are ignored, as libFuzzer flags would be).
 * Each input is read into a buffer of exactly its size, so an over-read shows
 * under ASan. Exits 0 when every input ran, 1 when an input could not be read
 * or no input was found at all (a wrong corpus path must not pass). */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_target.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Larger inputs are not what a corpus holds; refuse rather than guess. */
#define REPLAY_MAX_INPUT (64L * 1024 * 1024)

static long inputs_run;

static int run_file(const char *path, long size) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
    return -1;
  }
  /* malloc(0) may return NULL; libFuzzer never passes NULL. */
  uint8_t *buf = malloc(size > 0 ? (size_t)size : 1);
  size_t got = buf ? fread(buf, 1, (size_t)size, f) : 0;
  int bad = !buf || got != (size_t)size || ferror(f);
  fclose(f);
  if (bad) {
    fprintf(stderr, "replay: cannot read %s\n", path);
    free(buf);
    return -1;
  }
  /* Named before it runs, as libFuzzer does: after a crash, the last name
   * printed is the reproducer. */
  fprintf(stderr, "Running: %s\n", path);
  LLVMFuzzerTestOneInput(buf, got);
  free(buf);
  inputs_run++;
  return 0;
}

static int run_path(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
    return -1;
  }
  if (S_ISREG(st.st_mode)) {
    if (st.st_size > REPLAY_MAX_INPUT) {
      fprintf(stderr, "replay: %s: larger than %ld bytes\n", path,
              REPLAY_MAX_INPUT);
      return -1;
    }
    return run_file(path, (long)st.st_size);
  }
  if (!S_ISDIR(st.st_mode))
    return 0;
  DIR *dir = opendir(path);
  if (!dir) {
    fprintf(stderr, "replay: cannot open %s: %s\n", path, strerror(errno));
    return -1;
  }
  int status = 0;
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) {
    if (e->d_name[0] == '.')
      continue; /* ".", ".." and hidden files such as .gitkeep */
    size_t n = strlen(path) + strlen(e->d_name) + 2;
    char *child = malloc(n);
    if (!child) {
      status = -1;
      break;
    }
    snprintf(child, n, "%s/%s", path, e->d_name);
    if (run_path(child) != 0)
      status = -1;
    free(child);
  }
  closedir(dir);
  return status;
}

int main(int argc, char **argv) {
  int status = 0;
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-' && run_path(argv[i]) != 0)
      status = 1;
  printf("replay: %ld input(s) run\n", inputs_run);
  if (inputs_run == 0) {
    fprintf(stderr, "replay: no inputs found\n");
    status = 1;
  }
  return status;
}

/* The libFuzzer entry point, declared once for the fuzz targets and for
 * replay.c, which drives a target without clang's fuzzer runtime. */
#ifndef BMIS_FUZZ_TARGET_H
#define BMIS_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

/* Runs one input through the code under test. Returns 0; a bug shows as an
 * abort or a sanitizer report, never as a return value. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif

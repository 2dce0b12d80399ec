/* Fuzz target for the JSON-lines list reader (bmis_wl_read with
 * BMIS_WL_FORMAT_JSONL, src/lib/screen/entry_json.c): the optional version
 * line, person and document entries with every member, wrong types,
 * unknown members, bad dates, codes and countries, long lines. The input
 * gets exactly `size` bytes, so ASan sees any read past the end. The
 * invariants (and the write-and-read-back round trip) are in
 * fuzz_wl_check.h. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "fuzz_target.h"
#include "fuzz_wl_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wl_fuzz_one(BMIS_WL_FORMAT_JSONL, data, size);
  return 0;
}

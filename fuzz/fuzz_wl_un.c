/* Fuzz target for the UN Security Council Consolidated List reader
 * (bmis_wl_read with BMIS_WL_FORMAT_UN_XML, src/lib/screen/import_un.c):
 * libxml2's streaming reader, the refusal of DOCTYPEs, and the mapping of
 * each INDIVIDUAL (names and aliases split, dates, countries, document
 * numbers picked out of phrases, remarks cut at 4000 bytes). The input gets
 * exactly `size` bytes, so ASan sees any read past the end. The invariants
 * are in fuzz_wl_check.h. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "fuzz_target.h"
#include "fuzz_wl_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wl_fuzz_one(BMIS_WL_FORMAT_UN_XML, data, size);
  return 0;
}

/* Fuzz target for the national CSV layout reader (bmis_wl_read with
 * BMIS_WL_FORMAT_CSV, src/lib/screen/import_csv.c): RFC 4180 records
 * (quotes, doubled quotes, line breaks in fields, CRLF/LF/CR), the header,
 * the caps (64 KiB a field, 32 columns) and every column's values. The input
 * gets exactly `size` bytes, so ASan sees any read past the end. The
 * invariants are in fuzz_wl_check.h. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "fuzz_target.h"
#include "fuzz_wl_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wl_fuzz_one(BMIS_WL_FORMAT_CSV, data, size);
  return 0;
}

/* bmis_wl_read: a whole list file of a given format, from memory. */
#include "screen/screen_internal.h"

bmis_status bmis_wl_read(bmis_wl_format format, const char *data, size_t len,
                         bmis_wl_content *out, bmis_error *err) {
  if (!out)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no content to read into");
  if (bmis_wl_person_count(out) || bmis_wl_document_count(out))
    return bmis_error_set(err, BMIS_E_INVALID_ARG,
                          "the content to read into is not empty");
  if (!data)
    return bmis_error_set(err, BMIS_E_INVALID_ARG, "no list data");
  if (len == 0)
    return bmis_error_set(err, BMIS_E_PARSE, "the list file is empty");
  if (len > BMIS__WL_FILE_MAX)
    return bmis_error_set(err, BMIS_E_TOO_LARGE,
                          "the list file is larger than %zu MiB",
                          BMIS__WL_FILE_MAX / (1024 * 1024));
  switch (format) {
  case BMIS_WL_FORMAT_UN_XML: return bmis__wl_read_un_xml(data, len, out, err);
  case BMIS_WL_FORMAT_CSV: return bmis__wl_read_csv(data, len, out, err);
  case BMIS_WL_FORMAT_JSONL: return bmis__wl_read_jsonl(data, len, out, err);
  case BMIS_WL_FORMAT_NONE:
  default: break;
  }
  return bmis_error_set(err, BMIS_E_INVALID_ARG,
                        "unknown list format (un-xml, csv or jsonl)");
}

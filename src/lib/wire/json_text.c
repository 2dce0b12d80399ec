/* JSON text through the allocator hook (see wire/json_text.h). */
#include "wire/json_text.h"

#include "base/strbuf.h"

#include <stdint.h>

static int append(const char *buffer, size_t size, void *data) {
  return bmis__strbuf_append_n(data, buffer, size) == BMIS_OK ? 0 : -1;
}

char *bmis__json_dumps(const json_t *json, size_t flags) {
  if (!json)
    return NULL;
  bmis__strbuf b;
  bmis__strbuf_init(&b, SIZE_MAX / 2);
  if (json_dump_callback(json, append, &b, flags) != 0) {
    bmis__strbuf_fini(&b);
    return NULL;
  }
  return bmis__strbuf_take(&b);
}

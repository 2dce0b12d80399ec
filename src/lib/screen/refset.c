/* A hash set of borrowed strings, for reference uniqueness in large lists,
 * and the 64-bit hash the screening module uses (FNV-1a, then a
 * SplitMix64 finaliser to spread the bits). */
#include "base/alloc.h"
#include "screen/screen_internal.h"

#include <stdlib.h>
#include <string.h>

uint64_t bmis__hash64(const void *data, size_t len) {
  const unsigned char *p = data;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

static bool rehash(bmis__ref_set *s, size_t ncap) {
  const char **slots = bmis__calloc(ncap, sizeof *slots);
  uint64_t *hashes = bmis__calloc(ncap, sizeof *hashes);
  if (!slots || !hashes) {
    bmis__free(slots);
    bmis__free(hashes);
    return false;
  }
  for (size_t i = 0; i < s->cap; i++) {
    if (!s->slots[i])
      continue;
    size_t j = (size_t)s->hashes[i] & (ncap - 1);
    while (slots[j])
      j = (j + 1) & (ncap - 1);
    slots[j] = s->slots[i];
    hashes[j] = s->hashes[i];
  }
  bmis__free(s->slots);
  bmis__free(s->hashes);
  s->slots = slots;
  s->hashes = hashes;
  s->cap = ncap;
  return true;
}

int bmis__ref_set_add(bmis__ref_set *s, const char *ref) {
  if ((s->count + 1) * 2 > s->cap && !rehash(s, s->cap ? s->cap * 2 : 64))
    return -1;
  uint64_t h = bmis__hash64(ref, strlen(ref));
  size_t j = (size_t)h & (s->cap - 1);
  while (s->slots[j]) {
    if (s->hashes[j] == h && strcmp(s->slots[j], ref) == 0)
      return 0;
    j = (j + 1) & (s->cap - 1);
  }
  s->slots[j] = ref;
  s->hashes[j] = h;
  s->count++;
  return 1;
}

bool bmis__ref_set_has(const bmis__ref_set *s, const char *ref) {
  if (!s->cap)
    return false;
  uint64_t h = bmis__hash64(ref, strlen(ref));
  size_t j = (size_t)h & (s->cap - 1);
  while (s->slots[j]) {
    if (s->hashes[j] == h && strcmp(s->slots[j], ref) == 0)
      return true;
    j = (j + 1) & (s->cap - 1);
  }
  return false;
}

void bmis__ref_set_fini(bmis__ref_set *s) {
  bmis__free(s->slots);
  bmis__free(s->hashes);
  memset(s, 0, sizeof *s);
}

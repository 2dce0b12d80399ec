#!/usr/bin/env bash
# Every allocation of the library goes through the allocator hook
# (include/bmis/alloc.h): no object but base/alloc.c calls the C library's
# allocation functions itself (docs/CODE_STYLE.md, Memory).
#
#   check_alloc.sh OBJECT...
set -euo pipefail
[ $# -gt 0 ] || {
  echo "usage: check_alloc.sh OBJECT..." >&2
  exit 2
}
FUNCS='malloc|calloc|realloc|reallocarray|free|strdup|strndup|aligned_alloc|posix_memalign|memalign|valloc|asprintf|vasprintf|getline|getdelim|open_memstream|realpath'
status=0
for obj in "$@"; do
  case "$obj" in
  */base/alloc.c.o | */base/alloc.o) continue ;;
  esac
  bad=$(nm -P "$obj" | awk -v re="^($FUNCS)(@.*)?\$" '$2 == "U" && $1 ~ re { print $1 }' | sort -u)
  if [ -n "$bad" ]; then
    rel=${obj##*/CMakeFiles/}
    for f in $bad; do
      echo "$rel calls $f directly: allocate with bmis__malloc, bmis__calloc, bmis__realloc, bmis__strdup and free with bmis__free (base/alloc.h)" >&2
    done
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "allocation through the hook: $# objects, none calls the C library's allocator but base/alloc.c"
exit "$status"

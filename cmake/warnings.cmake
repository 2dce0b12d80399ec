# Project-wide warning flags (docs/CODE_STYLE.md): the code is clean under all of them.
set(BMIS_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wundef -Wvla)
if(BMIS_WERROR)
  list(APPEND BMIS_WARNINGS -Werror)
endif()

# bmis_target_warnings(TARGET): apply the project's warnings to one of our own targets.
function(bmis_target_warnings target)
  target_compile_options(${target} PRIVATE ${BMIS_WARNINGS})
endfunction()

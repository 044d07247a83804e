# relief_warnings: the warning set every relief target compiles with.
add_library(relief_warnings INTERFACE)
target_compile_options(relief_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(RELIEF_WERROR)
  target_compile_options(relief_warnings INTERFACE -Werror)
endif()

# relief_sanitizers: ASan + UBSan when RELIEF_SANITIZE is on, nothing otherwise.
add_library(relief_sanitizers INTERFACE)
if(RELIEF_SANITIZE)
  set(_relief_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(relief_sanitizers INTERFACE ${_relief_san})
  target_link_options(relief_sanitizers INTERFACE ${_relief_san})
endif()

# relief_sanitizers: ASan + UBSan when RELIEF_SANITIZE or RELIEF_FUZZ is on,
# nothing otherwise. For fuzzing, every library is also instrumented for
# libFuzzer's coverage feedback (fuzzer-no-link); only the fuzz targets link
# libFuzzer itself.
add_library(relief_sanitizers INTERFACE)
if(RELIEF_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "RELIEF_FUZZ needs clang: CXX=clang++ cmake -DRELIEF_FUZZ=ON ...")
endif()
if(RELIEF_SANITIZE OR RELIEF_FUZZ)
  set(_relief_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(relief_sanitizers INTERFACE ${_relief_san})
  target_link_options(relief_sanitizers INTERFACE ${_relief_san})
endif()
if(RELIEF_FUZZ)
  target_compile_options(relief_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()

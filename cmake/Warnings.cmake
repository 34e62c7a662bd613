# Warning flags for every target of ours (not for third-party headers, which come in as SYSTEM).
add_library(brief_warnings INTERFACE)
target_compile_options(brief_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wdouble-promotion -Wformat=2
  -Wimplicit-fallthrough)
if(BRIEF_WERROR)
  target_compile_options(brief_warnings INTERFACE -Werror)
endif()
if(BRIEF_SANITIZE)
  # -O1 -g1 (line tables only) instead of the build type's -O2 -g: with UBSan's checks, gcc 12 takes
  # about twice as long at -O2 -g, and CI builds this tree from scratch besides the normal one.
  add_compile_options(-O1 -g1)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# Fuzzing (scripts/fuzz): every target gets libFuzzer's coverage instrumentation plus ASan and
# UBSan; only the fuzz_<target> executables link libFuzzer's main (tests/fuzz/CMakeLists.txt).
if(BRIEF_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BRIEF_FUZZ needs clang (libFuzzer): configure with CC=clang CXX=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# Fuzzing the readers of everything a user or a host hands iemeq: measurement/target text, APO
# and GraphicEQ files, presets and the plugin's saved state (targets in Tests/fuzz/targets).
#
# Always: iemeq_fuzz_targets, the target functions, which Tests/rt/RtTests.cmake's
# iemeq_reliability_tests replays over the real seed files and every crash found so far
# (Tests/fuzz/regressions) in each normal build.
# With -DIEMEQ_BUILD_FUZZERS=ON (clang only; cmake/run-fuzzers.sh configures a separate build dir
# with CC=clang-14 CXX=clang++-14 -DIEMEQ_BUILD_PLUGIN=OFF): one libFuzzer executable per target,
# iemeq_fuzz_<name>, with the dsp library instrumented for coverage, ASan and UBSan.
option(IEMEQ_BUILD_FUZZERS "Build the libFuzzer executables (needs clang)" OFF)

set(IEMEQ_FUZZ_DIR ${PROJECT_SOURCE_DIR}/Tests/fuzz)
file(GLOB IEMEQ_FUZZ_TARGET_SOURCES CONFIGURE_DEPENDS ${IEMEQ_FUZZ_DIR}/targets/*.cpp)
# The plugin state loader is JUCE-free (iemeq_plugin_core).
add_library(iemeq_fuzz_targets STATIC ${IEMEQ_FUZZ_TARGET_SOURCES})
target_link_libraries(iemeq_fuzz_targets PUBLIC iemeq_plugin_core)
iemeq_strict_warnings(iemeq_fuzz_targets)

if(IEMEQ_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "IEMEQ_BUILD_FUZZERS needs clang (configure with CC=clang-14 CXX=clang++-14)")
  endif()
  # Coverage instrumentation on everything the fuzzers reach; the sanitizers on every object.
  set(IEMEQ_FUZZ_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  foreach(lib iemeq_dsp iemeq_plugin_core iemeq_fuzz_targets)
    target_compile_options(${lib} PRIVATE -fsanitize=fuzzer-no-link ${IEMEQ_FUZZ_SANITIZERS})
  endforeach()
  target_link_options(iemeq_dsp INTERFACE -fsanitize=address,undefined)
  # name in Tests/fuzz/regressions and seeds : function in FuzzTargets.h
  foreach(pair curve_text:curveText apo:apo graphic_eq:graphicEq preset:preset plugin_state:pluginState phone_book:phoneBook)
    string(REPLACE ":" ";" pair ${pair})
    list(GET pair 0 name)
    list(GET pair 1 function)
    add_executable(iemeq_fuzz_${name} ${IEMEQ_FUZZ_DIR}/FuzzEntry.cpp)
    target_compile_definitions(iemeq_fuzz_${name} PRIVATE IEMEQ_FUZZ_TARGET=${function})
    target_compile_options(iemeq_fuzz_${name} PRIVATE -fsanitize=fuzzer ${IEMEQ_FUZZ_SANITIZERS})
    target_link_options(iemeq_fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(iemeq_fuzz_${name} PRIVATE iemeq_fuzz_targets)
    set_target_properties(iemeq_fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  endforeach()
endif()

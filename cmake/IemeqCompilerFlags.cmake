# Project-wide compiler settings. No fast-math anywhere: the designer must be bit-for-bit
# deterministic and the tests compare against exact references.
if(IEMEQ_SANITIZE)
  add_compile_options(-fsanitize=${IEMEQ_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${IEMEQ_SANITIZE})
endif()

find_program(CCACHE_PROGRAM ccache)
# A launcher given on the command line (e.g. a timing wrapper) wins.
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_C_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

# JUCE's modules are third-party code, not the code under test: under ASan/UBSan they compile
# without instrumentation (ASan still tracks their allocations through its malloc), which takes
# about 160 s of compile time off the sanitizer build (juce_gui_basics alone: 87 s instrumented,
# 26 s plain). ThreadSanitizer needs every object instrumented, so it is left alone. Call after
# find_package(JUCE), in the directory that creates the targets compiling the modules.
# iemeq_sources_uninstrumented(files...) does the same for other code not under test.
function(iemeq_sources_uninstrumented)
  if(IEMEQ_SANITIZE AND NOT IEMEQ_SANITIZE MATCHES "thread")
    set_source_files_properties(${ARGN} PROPERTIES COMPILE_OPTIONS "-fno-sanitize=all;-g0")
  endif()
endfunction()

function(iemeq_juce_modules_uninstrumented)
  file(GLOB module_sources ${JUCE_MODULES_DIR}/juce_*/juce_*.cpp)
  iemeq_sources_uninstrumented(${module_sources})
endfunction()

function(iemeq_strict_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wno-unused-parameter)
  endif()
endfunction()

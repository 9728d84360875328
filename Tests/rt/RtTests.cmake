# Reliability tests (issue 8). Each interposing or thread-heavy test is its own executable, so
# nothing here changes how the other suites run.
#   iemeq_reliability_tests  JUCE-free: fuzz seeds + regressions replayed, atomic files, failed loads
#   iemeq_handoff_tests      JUCE-free, a handful of sources: the design hand-off under threads; the
#                            ThreadSanitizer build (cmake/run-tests.sh) builds only this target
#   iemeq_rt_safety_tests    plugin: processBlock never allocates, frees, locks or makes system calls
#                            (RtGuard interposes malloc & co.; not under sanitizers, which do too)
#   iemeq_processor_edge_tests  plugin: NaN/Inf, denormals, extremes, rate/channel changes, stress
set(IEMEQ_RT_DIR ${CMAKE_CURRENT_LIST_DIR})

# IEMEQ_CATCH_MAIN (Catch2's main, built once, uninstrumented) comes from Tests/CMakeLists.txt.

add_executable(iemeq_reliability_tests ${IEMEQ_CATCH_MAIN} ${IEMEQ_RT_DIR}/../fuzz/ReplayTests.cpp
  ${IEMEQ_RT_DIR}/FileSafetyTests.cpp)
target_link_libraries(iemeq_reliability_tests PRIVATE iemeq_fuzz_targets Catch2::Catch2)
target_include_directories(iemeq_reliability_tests PRIVATE ${IEMEQ_RT_DIR}/..)
target_compile_definitions(iemeq_reliability_tests PRIVATE IEMEQ_TEST_DATA_DIR="${IEMEQ_RT_DIR}/../data")
catch_discover_tests(iemeq_reliability_tests ${IEMEQ_TEST_SPEC} EXTRA_ARGS -w NoTests TEST_PREFIX "reliability: " DISCOVERY_TIMEOUT 60)

# The real DesignWorker and convolver; the design itself is a stub in the test (no dsp library).
add_executable(iemeq_handoff_tests ${IEMEQ_CATCH_MAIN} ${IEMEQ_RT_DIR}/HandoffTests.cpp
  ${PROJECT_SOURCE_DIR}/Source/plugin/core/DesignWorker.cpp
  ${PROJECT_SOURCE_DIR}/Source/dsp/engine/PartitionedConvolver.cpp
  ${PROJECT_SOURCE_DIR}/Source/dsp/engine/PartitionPlan.cpp
  ${PROJECT_SOURCE_DIR}/Source/dsp/engine/ComplexMac.cpp)
target_include_directories(iemeq_handoff_tests PRIVATE ${PROJECT_SOURCE_DIR}/Source)
target_link_libraries(iemeq_handoff_tests PRIVATE Catch2::Catch2 PkgConfig::FFTW3 Threads::Threads)
catch_discover_tests(iemeq_handoff_tests ${IEMEQ_TEST_SPEC} EXTRA_ARGS -w NoTests TEST_PREFIX "handoff: " DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)

if(IEMEQ_BUILD_PLUGIN)
  # Like Tests/plugin/PluginTests.cmake: the plugin's shared code, its include dirs and defines.
  function(iemeq_processor_test target)
    add_executable(${target} ${ARGN})
    target_link_libraries(${target} PRIVATE iemeq_plugin Catch2::Catch2)
    target_include_directories(${target} PRIVATE ${IEMEQ_RT_DIR}/.. $<TARGET_PROPERTY:iemeq_plugin,INCLUDE_DIRECTORIES>)
    target_compile_definitions(${target} PRIVATE IEMEQ_TEST_DATA_DIR="${IEMEQ_RT_DIR}/../data"
      $<TARGET_PROPERTY:iemeq_plugin,COMPILE_DEFINITIONS>)
  endfunction()

  iemeq_processor_test(iemeq_processor_edge_tests ${IEMEQ_CATCH_MAIN}
    ${IEMEQ_RT_DIR}/EdgeCaseTests.cpp ${IEMEQ_RT_DIR}/StressTests.cpp ${IEMEQ_RT_DIR}/ProcessorFixture.h)
  # High COST: ctest -j2 starts these first, so the ~150 s stress test overlaps the other suites.
  catch_discover_tests(iemeq_processor_edge_tests ${IEMEQ_TEST_SPEC} EXTRA_ARGS -w NoTests TEST_PREFIX "processor edge: " DISCOVERY_TIMEOUT 120
    PROPERTIES COST 600 TIMEOUT 900)

  if(NOT IEMEQ_SANITIZE)
    iemeq_processor_test(iemeq_rt_safety_tests ${IEMEQ_CATCH_MAIN} ${IEMEQ_RT_DIR}/RtSafetyTests.cpp
      ${IEMEQ_RT_DIR}/RtGuard.cpp ${IEMEQ_RT_DIR}/RtGuard.h ${IEMEQ_RT_DIR}/ProcessorFixture.h)
    target_link_libraries(iemeq_rt_safety_tests PRIVATE ${CMAKE_DL_LIBS})
    catch_discover_tests(iemeq_rt_safety_tests ${IEMEQ_TEST_SPEC} EXTRA_ARGS -w NoTests TEST_PREFIX "rt safety: " DISCOVERY_TIMEOUT 120 PROPERTIES TIMEOUT 600)
  endif()
endif()

# The listening path through a real audio server: a JACK server (Debian jackd2, dummy driver)
# started and stopped by the test, the standalone app playing a track with a preset, its output
# recorded by a JACK client inside the test. Needs jackd and the JACK headers (cmake/install-deps.sh);
# the app needs a display, so it runs under xvfb-run when that exists.
find_program(IEMEQ_JACKD jackd)
pkg_check_modules(IEMEQ_JACK IMPORTED_TARGET jack)
if(IEMEQ_JACKD AND IEMEQ_JACK_FOUND AND TARGET iemeq_plugin_Standalone)
  add_executable(iemeq_jack_tests ${IEMEQ_CATCH_MAIN} ${CMAKE_CURRENT_LIST_DIR}/JackTests.cpp)
  target_link_libraries(iemeq_jack_tests PRIVATE iemeq_plugin_core PkgConfig::IEMEQ_JACK Catch2::Catch2)
  target_include_directories(iemeq_jack_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
  target_compile_definitions(iemeq_jack_tests PRIVATE IEMEQ_TEST_DATA_DIR="${CMAKE_CURRENT_LIST_DIR}/../data"
    IEMEQ_JACKD_PATH="${IEMEQ_JACKD}" IEMEQ_APP_PATH="$<TARGET_FILE:iemeq_plugin_Standalone>")
  add_dependencies(iemeq_jack_tests iemeq_plugin_Standalone)
  find_program(IEMEQ_XVFB_RUN xvfb-run)
  set(IEMEQ_JACK_LAUNCH $<TARGET_FILE:iemeq_jack_tests>)
  if(IEMEQ_XVFB_RUN)
    set(IEMEQ_JACK_LAUNCH ${IEMEQ_XVFB_RUN} -a $<TARGET_FILE:iemeq_jack_tests>)
  endif()
  add_test(NAME "jack: app output = offline render, A/B without click, server stop" COMMAND ${IEMEQ_JACK_LAUNCH})
  set_tests_properties("jack: app output = offline render, A/B without click, server stop" PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
else()
  message(STATUS "iemeq: jackd or the JACK headers not found, the JACK test is skipped (cmake/install-deps.sh)")
endif()

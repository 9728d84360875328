# Plugin tests: the AudioProcessor in-process (shared code target), plus host tests later.
file(GLOB IEMEQ_PLUGIN_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
add_executable(iemeq_plugin_tests ${IEMEQ_PLUGIN_TEST_SOURCES})
# Its main compiles Catch's runner: the test framework, not code under test (as iemeq_catch_main).
iemeq_sources_uninstrumented(${CMAKE_CURRENT_LIST_DIR}/PluginMain.cpp)
target_link_libraries(iemeq_plugin_tests PRIVATE iemeq_plugin Catch2::Catch2)
# The tests compare the plugin with the built `iemeq` (render, preset show --check).
target_compile_definitions(iemeq_plugin_tests PRIVATE IEMEQ_TEST_DATA_DIR="${CMAKE_CURRENT_LIST_DIR}/../data"
  IEMEQ_CLI_PATH="$<TARGET_FILE:iemeq_cli>")
add_dependencies(iemeq_plugin_tests iemeq_cli)
target_include_directories(iemeq_plugin_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..
  $<TARGET_PROPERTY:iemeq_plugin,INCLUDE_DIRECTORIES>)
# Same JUCE configuration as the plugin's own objects (module availability, plugin defines), without
# compiling the JUCE modules a second time: the modules' code comes from the iemeq_plugin library.
target_compile_definitions(iemeq_plugin_tests PRIVATE $<TARGET_PROPERTY:iemeq_plugin,COMPILE_DEFINITIONS>)
catch_discover_tests(iemeq_plugin_tests ${IEMEQ_TEST_SPEC} EXTRA_ARGS -w NoTests TEST_PREFIX "plugin: " DISCOVERY_TIMEOUT 120)

# Host tests: load the BUILT VST3 and LV2 binaries through JUCE's own plugin hosting, as a DAW
# would. A separate JUCE build of the modules with VST3/LV2 hosting turned on (the product keeps
# hosting off). The bundles' paths come from the plugin targets, so nothing is looked up at run time.
file(GLOB IEMEQ_HOST_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/host/*.cpp ${CMAKE_CURRENT_LIST_DIR}/host/*.h)
juce_add_console_app(iemeq_host_tests PRODUCT_NAME iemeq_host_tests)
# That JUCE build is the host, not the code under test (the plugin it loads is the Release build):
# its modules compile at -O0, 63 s instead of 129 s at -O2 on one core. Only this directory's
# targets see the setting, and only iemeq_host_tests compiles JUCE's modules here.
file(GLOB IEMEQ_HOST_JUCE_SOURCES ${JUCE_MODULES_DIR}/juce_*/juce_*.cpp)
set_source_files_properties(${IEMEQ_HOST_JUCE_SOURCES} PROPERTIES COMPILE_OPTIONS "-O0")
# The design code is JUCE-free and deterministic (iemeq_plugin_core): the test designs in-process
# what the plugin must realise, and writes states the plugin must accept.
target_sources(iemeq_host_tests PRIVATE ${IEMEQ_HOST_TEST_SOURCES})
iemeq_juce_settings(iemeq_host_tests)
target_compile_definitions(iemeq_host_tests PRIVATE
  JUCE_PLUGINHOST_VST3=1
  JUCE_PLUGINHOST_LV2=1
  IEMEQ_TEST_DATA_DIR="${CMAKE_CURRENT_LIST_DIR}/../data"
  IEMEQ_VST3_BUNDLE="$<GENEX_EVAL:$<TARGET_PROPERTY:iemeq_plugin_VST3,JUCE_PLUGIN_ARTEFACT_FILE>>"
  IEMEQ_LV2_BUNDLE="$<GENEX_EVAL:$<TARGET_PROPERTY:iemeq_plugin_LV2,JUCE_PLUGIN_ARTEFACT_FILE>>"
  IEMEQ_LV2_URI="https://iemeq.org/plugins/iemeq")
target_include_directories(iemeq_host_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/.. ${PROJECT_SOURCE_DIR}/Source)
target_link_libraries(iemeq_host_tests PRIVATE
  iemeq_plugin_core Catch2::Catch2
  juce::juce_audio_utils juce::juce_audio_processors juce::juce_recommended_config_flags PkgConfig::IEMEQ_CODECS)
add_dependencies(iemeq_host_tests iemeq_plugin_VST3 iemeq_plugin_LV2)

# Editors need an X display: run under a virtual one when xvfb-run exists (parts that open
# editors skip themselves when there is no DISPLAY).
find_program(IEMEQ_XVFB_RUN xvfb-run)
set(IEMEQ_HOST_LAUNCH $<TARGET_FILE:iemeq_host_tests>)
if(IEMEQ_XVFB_RUN)
  set(IEMEQ_HOST_LAUNCH ${IEMEQ_XVFB_RUN} -a -s "-screen 0 1600x1200x24" $<TARGET_FILE:iemeq_host_tests>)
endif()
foreach(part vst3 lv2 validate)
  add_test(NAME "plugin host: ${part}" COMMAND ${IEMEQ_HOST_LAUNCH} "[${part}]")
  set_tests_properties("plugin host: ${part}" PROPERTIES TIMEOUT 900)
endforeach()

# The screenshot command renders the real editor (EW200 vs Harman 2019) to a PNG.
if(TARGET iemeq_screenshot)
  set(IEMEQ_SHOT_LAUNCH $<TARGET_FILE:iemeq_screenshot>)
  if(IEMEQ_XVFB_RUN)
    set(IEMEQ_SHOT_LAUNCH ${IEMEQ_XVFB_RUN} -a $<TARGET_FILE:iemeq_screenshot>)
  endif()
  add_test(NAME "plugin: editor screenshot" COMMAND ${IEMEQ_SHOT_LAUNCH} ${CMAKE_BINARY_DIR}/iemeq-editor.png)
  set_tests_properties("plugin: editor screenshot" PROPERTIES PASS_REGULAR_EXPRESSION "wrote .*iemeq-editor.png \\(1180x740\\)")
endif()

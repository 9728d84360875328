# Plugin tests: the AudioProcessor in-process (shared code target), plus host tests later.
file(GLOB IEMEQ_PLUGIN_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
add_executable(iemeq_plugin_tests ${CMAKE_CURRENT_LIST_DIR}/../main.cpp ${IEMEQ_PLUGIN_TEST_SOURCES})
target_link_libraries(iemeq_plugin_tests PRIVATE iemeq_plugin Catch2::Catch2)
target_compile_definitions(iemeq_plugin_tests PRIVATE IEMEQ_TEST_DATA_DIR="${CMAKE_CURRENT_LIST_DIR}/../data")
target_include_directories(iemeq_plugin_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..
  $<TARGET_PROPERTY:iemeq_plugin,INCLUDE_DIRECTORIES>)
# Same JUCE configuration as the plugin's own objects (module availability, plugin defines), without
# compiling the JUCE modules a second time: the modules' code comes from the iemeq_plugin library.
target_compile_definitions(iemeq_plugin_tests PRIVATE $<TARGET_PROPERTY:iemeq_plugin,COMPILE_DEFINITIONS>)
catch_discover_tests(iemeq_plugin_tests TEST_PREFIX "plugin: " DISCOVERY_TIMEOUT 120)

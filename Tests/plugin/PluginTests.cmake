# Plugin tests: the AudioProcessor in-process (shared code target), plus host tests later.
file(GLOB IEMEQ_PLUGIN_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
add_executable(iemeq_plugin_tests ${CMAKE_CURRENT_LIST_DIR}/../main.cpp ${IEMEQ_PLUGIN_TEST_SOURCES})
target_link_libraries(iemeq_plugin_tests PRIVATE iemeq_plugin Catch2::Catch2)
target_compile_definitions(iemeq_plugin_tests PRIVATE IEMEQ_TEST_DATA_DIR="${CMAKE_CURRENT_LIST_DIR}/../data")
target_include_directories(iemeq_plugin_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
catch_discover_tests(iemeq_plugin_tests TEST_PREFIX "plugin: " DISCOVERY_TIMEOUT 120)

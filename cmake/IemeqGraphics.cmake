# iemeq_graphics: the review graphs (`iemeq report`). SVG is plain text; PNG is drawn with JUCE's
# software renderer and PNG codec (juce_core + juce_events + juce_graphics only, no display, no
# GUI), with the project's JUCE config header like every other JUCE target. The CLI links it
# through the JUCE-free header Source/graphics/PngGraph.h, so the rest of the CLI stays JUCE-free.
# Included after the plugin, whose find_package(JUCE) must run first when it is built.
if(NOT TARGET juce::juce_core)
  find_package(JUCE CONFIG REQUIRED)
  iemeq_juce_modules_uninstrumented()
endif()

file(GLOB IEMEQ_GRAPHICS_SOURCES CONFIGURE_DEPENDS Source/graphics/*.cpp Source/graphics/*.h)
add_library(iemeq_graphics STATIC ${IEMEQ_GRAPHICS_SOURCES})
target_include_directories(iemeq_graphics PUBLIC Source PRIVATE JuceLibraryCode)
target_compile_definitions(iemeq_graphics PRIVATE
  JUCE_APP_CONFIG_HEADER="${PROJECT_SOURCE_DIR}/JuceLibraryCode/IemeqJuceConfig.h"
  JUCE_STANDALONE_APPLICATION=0)
# Debian's JUCE uses the system image codecs and zlib instead of its bundled copies.
pkg_check_modules(IEMEQ_IMAGE_LIBS REQUIRED IMPORTED_TARGET libpng libjpeg zlib)
target_link_libraries(iemeq_graphics PUBLIC iemeq_dsp PRIVATE juce::juce_graphics PkgConfig::IEMEQ_IMAGE_LIBS)
# Project warnings for our files only, not for the JUCE module sources compiled in here.
set_source_files_properties(${IEMEQ_GRAPHICS_SOURCES} PROPERTIES COMPILE_OPTIONS "-Wall;-Wextra;-Wshadow;-Wno-unused-parameter")

target_link_libraries(iemeq_cli PRIVATE iemeq_graphics)
if(TARGET iemeq_tests)
  target_link_libraries(iemeq_tests PRIVATE iemeq_graphics)
endif()

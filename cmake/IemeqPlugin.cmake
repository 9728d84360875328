# The JUCE plugin (VST3, LV2, Standalone; AU on Apple) from Debian's juce-modules-source.
find_package(JUCE CONFIG REQUIRED)
iemeq_juce_modules_uninstrumented()
# Debian's JUCE links the system codecs instead of its bundled copies.
pkg_check_modules(IEMEQ_CODECS REQUIRED IMPORTED_TARGET flac vorbis vorbisenc vorbisfile ogg)

set(IEMEQ_FORMATS VST3 LV2 Standalone)
if(APPLE)
  list(APPEND IEMEQ_FORMATS AU)
endif()

juce_add_plugin(iemeq_plugin
  PRODUCT_NAME "iemeq"
  COMPANY_NAME "iemeq"
  BUNDLE_ID "org.iemeq.iemeq"
  PLUGIN_MANUFACTURER_CODE Iemq
  PLUGIN_CODE Ieq1
  FORMATS ${IEMEQ_FORMATS}
  IS_SYNTH FALSE
  NEEDS_MIDI_INPUT FALSE
  NEEDS_MIDI_OUTPUT FALSE
  IS_MIDI_EFFECT FALSE
  EDITOR_WANTS_KEYBOARD_FOCUS TRUE
  COPY_PLUGIN_AFTER_BUILD FALSE
  VST3_CATEGORIES Fx EQ
  LV2URI "https://iemeq.org/plugins/iemeq"
  DESCRIPTION "IEM target equalization")

file(GLOB_RECURSE IEMEQ_PLUGIN_SOURCES CONFIGURE_DEPENDS Source/plugin/*.cpp Source/plugin/*.h Source/ui/*.cpp Source/ui/*.h)
list(FILTER IEMEQ_PLUGIN_SOURCES EXCLUDE REGEX "/ui/screenshot/|/plugin/core/")
target_sources(iemeq_plugin PRIVATE ${IEMEQ_PLUGIN_SOURCES})

# Settings every JUCE target of the project shares (module flags live in the config header).
function(iemeq_juce_settings target)
  target_compile_definitions(${target} PUBLIC
    JUCE_APP_CONFIG_HEADER="${PROJECT_SOURCE_DIR}/JuceLibraryCode/IemeqJuceConfig.h"
    JUCE_VST3_CAN_REPLACE_VST2=0
    JUCE_DSP_USE_SHARED_FFTW=1
    # Debian's JUCE ignores juce_add_plugin(LV2URI), so the URI is set here.
    JucePlugin_LV2URI="https://iemeq.org/plugins/iemeq"
    JUCE_MODAL_LOOPS_PERMITTED=1)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/JuceLibraryCode)
endfunction()

iemeq_juce_settings(iemeq_plugin)
target_link_libraries(iemeq_plugin
  PRIVATE
    juce::juce_audio_utils
    juce::juce_audio_formats
    juce::juce_dsp
    PkgConfig::IEMEQ_CODECS
  PUBLIC
    iemeq_plugin_core
    iemeq_library  # the editor's "Find IEM" (measurement libraries, downloads on a background thread)
    juce::juce_recommended_config_flags
    juce::juce_recommended_warning_flags)

set(IEMEQ_ARTEFACTS ${CMAKE_BINARY_DIR}/iemeq_plugin_artefacts/${CMAKE_BUILD_TYPE})

# Bundled default target and example, so a fresh instance can show something useful.
target_compile_definitions(iemeq_plugin PRIVATE IEMEQ_TARGETS_DIR="${PROJECT_SOURCE_DIR}/Targets")
# iemeq-app is a music player: its own application (Source/ui/StandaloneApp.cpp) opens no audio
# input (no feedback-loop banner) and its settings offer no MIDI. Only the standalone wrapper needs
# to know (the plugin's shared code, and JUCE's modules in it, stay as they are).
target_compile_definitions(iemeq_plugin_Standalone PRIVATE JUCE_USE_CUSTOM_PLUGIN_STANDALONE_APP=1)

# iemeq_screenshot: the editor with a real measurement and target, rendered to a PNG (run under
# xvfb-run on a headless machine). Links the plugin's shared code, so JUCE is not compiled again.
add_executable(iemeq_screenshot ${PROJECT_SOURCE_DIR}/Source/ui/screenshot/ScreenshotMain.cpp)
target_link_libraries(iemeq_screenshot PRIVATE iemeq_plugin)
target_include_directories(iemeq_screenshot PRIVATE $<TARGET_PROPERTY:iemeq_plugin,INCLUDE_DIRECTORIES>)
target_compile_definitions(iemeq_screenshot PRIVATE $<TARGET_PROPERTY:iemeq_plugin,COMPILE_DEFINITIONS>)
set_target_properties(iemeq_screenshot PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)

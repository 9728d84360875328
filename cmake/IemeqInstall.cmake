# Installing iemeq.
#   cmake --install build              -> for the current user: VST3 in ~/.vst3, LV2 in ~/.lv2,
#                                         iemeq + iemeq-app in ~/.local/bin, desktop entry and
#                                         data in ~/.local/share (a DAW finds the plugin on its next scan)
#   sudo cmake --install build --prefix /usr   -> system folders: <prefix>/lib/vst3, <prefix>/lib/lv2,
#                                         <prefix>/bin, <prefix>/share/applications, <prefix>/share/iemeq
# Without an explicit prefix the install prefix is ~/.local, so nothing needs root.
if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT AND DEFINED ENV{HOME})
  set(CMAKE_INSTALL_PREFIX "$ENV{HOME}/.local" CACHE PATH "Install prefix (default: per-user ~/.local)" FORCE)
endif()
set(IEMEQ_USER_PREFIX "$ENV{HOME}/.local")
include(GNUInstallDirs)
# The install prefix's data folder is one of the places dsp/core/DataPaths looks (only that file
# needs it, so changing the prefix recompiles one file).
set_source_files_properties(${PROJECT_SOURCE_DIR}/Source/dsp/core/DataPaths.cpp PROPERTIES
  COMPILE_DEFINITIONS IEMEQ_INSTALL_DATADIR="${CMAKE_INSTALL_FULL_DATADIR}")

install(TARGETS iemeq_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY Targets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/iemeq/Targets)
install(DIRECTORY Presets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/iemeq/Presets)

if(TARGET iemeq_plugin_Standalone)
  # The app is "iemeq" inside its build folder; installed next to the CLI it is "iemeq-app".
  install(PROGRAMS $<TARGET_FILE:iemeq_plugin_Standalone> DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME iemeq-app)
  # Plugin bundles and the desktop entry: where they go depends on the prefix given at install
  # time (cmake --install --prefix), so it is decided then.
  install(CODE "
    set(vst3 \"$<GENEX_EVAL:$<TARGET_PROPERTY:iemeq_plugin_VST3,JUCE_PLUGIN_ARTEFACT_FILE>>\")
    set(lv2 \"$<GENEX_EVAL:$<TARGET_PROPERTY:iemeq_plugin_LV2,JUCE_PLUGIN_ARTEFACT_FILE>>\")
    if(CMAKE_INSTALL_PREFIX STREQUAL \"${IEMEQ_USER_PREFIX}\")
      set(vst3_dir \"$ENV{HOME}/.vst3\")
      set(lv2_dir \"$ENV{HOME}/.lv2\")
    else()
      set(vst3_dir \"\${CMAKE_INSTALL_PREFIX}/lib/vst3\")
      set(lv2_dir \"\${CMAKE_INSTALL_PREFIX}/lib/lv2\")
    endif()
    file(REMOVE_RECURSE \"\$ENV{DESTDIR}\${vst3_dir}/iemeq.vst3\" \"\$ENV{DESTDIR}\${lv2_dir}/iemeq.lv2\")
    file(INSTALL \"\${vst3}\" DESTINATION \"\${vst3_dir}\" USE_SOURCE_PERMISSIONS)
    file(INSTALL \"\${lv2}\" DESTINATION \"\${lv2_dir}\" USE_SOURCE_PERMISSIONS)
    set(desktop \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/applications/iemeq.desktop\")
    message(STATUS \"Installing: \${desktop}\")
    file(WRITE \"\${desktop}\" \"[Desktop Entry]
Type=Application
Name=iemeq
GenericName=IEM target equalizer
Comment=Correct an in-ear monitor to a target curve and listen with a loudness-matched A/B
Exec=\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/iemeq-app
Icon=audio-headphones
Terminal=false
Categories=AudioVideo;Audio;
\")
  ")
endif()

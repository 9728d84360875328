# Installs the CLI and shipped data. The plugin bundles are installed by IemeqPlugin.cmake.
include(GNUInstallDirs)
install(TARGETS iemeq_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY Targets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/iemeq/Targets)
install(DIRECTORY Presets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/iemeq/Presets)

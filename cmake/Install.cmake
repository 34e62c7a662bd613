# Installing brief like a Debian tool: `cmake --install build --prefix /usr` (or the package
# CPack makes, `cpack --config build/CPackConfig.cmake`) puts
#   bin/brief                                   the program
#   share/brief/templates/                      the shipped templates (on the search path)
#   share/man/man1/brief.1                      made from `brief --help` (scripts/gen-manpage)
#   share/bash-completion/completions/brief     bash completion, from the same help text
#   share/zsh/vendor-completions/_brief         zsh completion
#   share/doc/brief/examples/                   an example project and the systemd units of
#                                               docs/scheduling.md (scripts/extract-units)
find_package(Python3 REQUIRED COMPONENTS Interpreter)

set(brief_generated ${CMAKE_BINARY_DIR}/generated)
add_custom_command(
  OUTPUT ${brief_generated}/brief.1 ${brief_generated}/brief.bash ${brief_generated}/_brief
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/scripts/gen-manpage $<TARGET_FILE:brief> ${brief_generated}
  DEPENDS brief ${PROJECT_SOURCE_DIR}/scripts/gen-manpage
  COMMENT "brief(1) and completions from brief --help")
add_custom_command(
  OUTPUT ${brief_generated}/brief-build.service ${brief_generated}/brief-build.timer
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/scripts/extract-units
    ${PROJECT_SOURCE_DIR}/docs/scheduling.md ${brief_generated}
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/extract-units ${PROJECT_SOURCE_DIR}/docs/scheduling.md
  COMMENT "systemd units from docs/scheduling.md")
add_custom_target(brief_install_files ALL DEPENDS
  ${brief_generated}/brief.1 ${brief_generated}/brief.bash ${brief_generated}/_brief
  ${brief_generated}/brief-build.service ${brief_generated}/brief-build.timer)

install(TARGETS brief RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/brief/templates)
install(FILES ${brief_generated}/brief.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${brief_generated}/brief.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME brief)
install(FILES ${brief_generated}/_brief DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/briefs ${PROJECT_SOURCE_DIR}/corpus
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples PATTERN ".brief-cache" EXCLUDE)
install(FILES ${brief_generated}/brief-build.service ${brief_generated}/brief-build.timer
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/systemd)

# The Debian package: brief_<version>_amd64.deb, depending on the runtime libraries the binary
# links (found by dpkg-shlibdeps).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME brief)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "brief maintainers <brief@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "citation-rich PDF briefs and slide decks from a corpus of sources")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not libraries, so not found by dpkg-shlibdeps: the font families the shipped templates name
# (through fontconfig) and the hyphenation patterns the layout loads.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fontconfig, fonts-sil-charis, fonts-noto-core, hyphen-en-us")
include(CPack)

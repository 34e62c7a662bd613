#pragma once
// `brief init DIR`: a new project that builds at once.

#include <filesystem>

namespace brief::cli {

// Makes DIR (new or empty) a project: corpus/ with one example source, markings.yaml and
// aliases.yaml (both commented), briefs/ with a spec that builds from that source, and templates/
// with a house template extending the shipped `analyst`. Never overwrites a file. Returns the
// process exit code (1 when DIR holds files already or cannot be written).
int init_command(const std::filesystem::path& dir);

} // namespace brief::cli

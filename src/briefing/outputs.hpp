#pragma once
// Reading a spec's `outputs` list: which files one spec produces.

#include "briefing/spec.hpp"

#include "base/yaml.hpp"

namespace brief::briefing {

// Reads `outputs` (a list of {format, template}). `spec_template` is the spec's own template, which
// an output without `template` uses; it decides which outputs are duplicates.
std::vector<Output> read_outputs(const SourceFilePtr& file, const YAML::Node& node,
    const std::string& spec_template, Diagnostics& diagnostics);

} // namespace brief::briefing

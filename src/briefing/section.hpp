#pragma once
// Reading one entry of a spec's `sections` list: its title, its single kind and that kind's options.

#include "briefing/spec.hpp"

#include "base/yaml.hpp"

namespace brief::briefing {

// Reads one section. Errors go to `diagnostics`; the result is nullopt only when the entry is not
// usable at all (not a mapping, no kind).
std::optional<Section> read_section(const SourceFilePtr& file, const YAML::Node& node,
    Diagnostics& diagnostics);

// The option keys a kind takes in its mapping form, in documentation order (empty: no mapping form).
const std::vector<std::string>& option_keys(SectionKind kind);

} // namespace brief::briefing

#pragma once
// The names specs, templates, manifests and the command line use for the tool's enumerations,
// spelled once: output formats and section kinds, each with its name, its parser and its list.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brief {

// What one output of a spec is: a print brief, a slide deck, or a deck's handout.
enum class OutputFormat { brief, slides, slides_handout };

// What a section of a brief shows.
enum class SectionKind { passages, quotes, summary, key_judgments, recommendations, key_figures, bibliography };

// The name of a format ("slides-handout"), the one spelling every input and output uses.
std::string_view format_name(OutputFormat format);

// The format a name spells, or nullopt for any other text (no aliases).
std::optional<OutputFormat> parse_format(std::string_view name);

// Every format's name, in declaration order, for choice lists and messages.
const std::vector<std::string>& format_names();

// The spec's name for a kind ("key_judgments").
std::string_view kind_name(SectionKind kind);

// The kind a name spells, or nullopt.
std::optional<SectionKind> parse_kind(std::string_view name);

// Every kind, in the order the format documents them.
const std::vector<SectionKind>& all_kinds();

// Every kind's name, in the order of all_kinds().
const std::vector<std::string>& kind_names();

} // namespace brief

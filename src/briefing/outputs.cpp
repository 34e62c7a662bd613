#include "briefing/outputs.hpp"

#include "briefing/checks.hpp"
#include "briefing/fields.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

namespace brief::briefing {

std::vector<Output> read_outputs(const SourceFilePtr& file, const YAML::Node& node,
    const std::string& spec_template, Diagnostics& diags) {
  std::vector<Output> outputs;
  if (!node.IsSequence()) {
    diags.error(yaml::span_of(file, node), fmt::format("`outputs` must be a list of outputs, not {}",
        yaml::kind_name(node)), {"write `outputs: [{format: brief, template: analyst}, {format: slides, template: briefing}]`"});
    return outputs;
  }
  if (node.size() == 0) {
    diags.error(yaml::span_of(file, node), "`outputs` is empty",
        {"remove `outputs` to get one brief with the spec's template, or list at least one output"});
    return outputs;
  }
  // (format, effective template) -> the first output that makes it, for duplicate errors.
  std::map<std::pair<OutputFormat, std::string>, Span> seen;
  for (const auto& item : node) {
    Fields f(file, item, "output", {"format", "template"}, diags,
        "an output is a mapping like `{format: slides, template: briefing}`");
    if (!f.valid()) continue;
    const auto& r = f.reader();
    Output output;
    output.span = r.span();
    bool ok = true;
    if (auto format = f.choice("format", format_names())) {
      output.format = parse_format(*format).value_or(OutputFormat::brief);
    } else if (r.has("format")) {
      ok = false;
    }
    if (r.has("template") && r.node("template").IsNull()) {
      diags.error(r.value_span("template"), "output template name must not be empty",
          {"write a template name, or leave `template` out to use the spec's"});
      ok = false;
    } else if (r.has("template")) {
      if (auto name = f.string("template", "write a template name, e.g. `template: executive`")) {
        if (auto problem = check_template_name(*name)) {
          const std::string message = name->empty() ? "output template name must not be empty" : problem->message;
          diags.error(r.value_span("template"), message,
              {name->empty() ? std::string("write a template name, or leave `template` out to use the spec's")
                             : problem->hint});
          ok = false;
        } else {
          output.template_name = std::move(*name);
        }
      } else {
        ok = false;
      }
    }
    if (!ok) continue;
    const std::string effective = output.template_name.empty() ? spec_template : output.template_name;
    const auto [it, inserted] = seen.emplace(std::pair{output.format, effective}, output.span);
    if (!inserted) {
      diags.error(output.span, fmt::format("duplicate output: {} with template `{}`",
          format_name(output.format), effective),
          {fmt::format("the output at line {} makes the same file; remove one", it->second.start().line)});
      continue;
    }
    outputs.push_back(std::move(output));
  }
  return outputs;
}

} // namespace brief::briefing

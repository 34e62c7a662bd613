// Fuzz target: a briefing spec, parsed and validated (briefing::parse). Any input must give either a
// spec or errors whose spans lie inside the file; never a crash, a hang or unbounded memory.
#include "fuzz_support.hpp"

#include "briefing/spec.hpp"

using namespace brief;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto file = fuzz::source_file("fuzz.yaml", fuzz::as_text(data, size));
  const auto spec = briefing::parse(file);
  fuzz::check_diagnostics(spec.diagnostics());
  if (spec.ok()) {
    fuzz::require(!spec->id.empty() && !spec->sections.empty(), "a spec without id or sections was accepted");
    // The id is also the output file stem: it must never name a path.
    fuzz::require(spec->id.find('/') == std::string::npos && spec->id.find("..") == std::string::npos,
        "a spec id names a path");
  }
  return 0;
}

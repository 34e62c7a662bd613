// The defaults: the real spec loader and pipeline. Kept apart from the runner so the runner's tests
// link without the pipeline stages.

#include "schedule/schedule.hpp"

#include <cstdio>

namespace brief::schedule {

Hooks default_hooks() {
  return Hooks{[](const pipeline::OutputJob& job) { return pipeline::build_output(job); }, briefing::load};
}

namespace {

ConsoleReporter console_for(const Plan& plan) {
  return ConsoleReporter(stderr,
      {plan.quiet ? Verbosity::quiet : Verbosity::normal, Display::automatic, plan.output_dir, plan.color});
}

} // namespace

Report run(const Plan& plan) {
  auto reporter = console_for(plan);
  return run(plan, reporter, default_hooks());
}

Report run(const Plan& plan, Reporter& reporter) { return run(plan, reporter, default_hooks()); }

std::vector<StatusLine> status(const Plan& plan) { return status(plan, default_hooks()); }

int print_status(const Plan& plan) {
  bool all_fresh = true;
  for (const auto& line : status(plan)) {
    std::printf("%s\n", format_status_line(line, plan.output_dir).c_str());
    all_fresh = all_fresh && line.freshness == Freshness::up_to_date;
  }
  std::fflush(stdout);
  return all_fresh ? 0 : 1;
}

int watch(const Plan& plan) {
  auto reporter = console_for(plan);
  return watch(plan, reporter, default_hooks());
}

int watch(const Plan& plan, Reporter& reporter) { return watch(plan, reporter, default_hooks()); }

} // namespace brief::schedule

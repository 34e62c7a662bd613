#pragma once
// The pipeline's job types are the scheduler's vocabulary: it plans OutputJobs, runs them through
// pipeline::build_output and records the Inputs and CitedText of each BuiltOutput in a manifest.

#include "pipeline/pipeline.hpp"

namespace brief::schedule {

using pipeline::BuiltOutput;
using pipeline::CitedText;
using pipeline::Inputs;
using pipeline::OutputJob;

} // namespace brief::schedule

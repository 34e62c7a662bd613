#pragma once
// cli: argument parsing, printing diagnostics, exit codes. main() only calls run().

namespace brief::cli {

// Runs the brief command line. Exit codes: 0 success, 1 user error (diagnostics printed),
// 2 usage error, 3 internal error.
int run(int argc, char** argv);

} // namespace brief::cli

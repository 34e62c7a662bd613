#include "cli/cli.hpp"

namespace brief::cli {

int run(int, char**) { return 0; }

} // namespace brief::cli

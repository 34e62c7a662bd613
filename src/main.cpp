#include "cli/cli.hpp"

int main(int argc, char** argv) { return brief::cli::run(argc, argv); }

#include "build/build.hpp"

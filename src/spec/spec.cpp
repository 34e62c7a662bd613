#include "spec/spec.hpp"

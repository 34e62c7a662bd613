#include "analyze/digest.hpp"

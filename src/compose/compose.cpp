#include "compose/compose.hpp"

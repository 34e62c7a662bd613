#include "theme/theme.hpp"

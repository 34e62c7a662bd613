#include "select/selection.hpp"

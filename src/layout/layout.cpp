#include "layout/layout.hpp"

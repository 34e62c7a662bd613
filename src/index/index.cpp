#include "index/index.hpp"

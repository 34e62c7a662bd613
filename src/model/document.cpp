#include "model/document.hpp"

#include "pdf/pdf.hpp"

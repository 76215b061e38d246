/* hs-summary.c — to be written */
#include "hs-summary.h"

/* hs-generate.c — to be written */
#include "hs-generate.h"

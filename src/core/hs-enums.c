/* hs-enums.c — to be written */
#include "hs-enums.h"

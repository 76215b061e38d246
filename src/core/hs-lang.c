/* hs-lang.c — to be written */
#include "hs-lang.h"

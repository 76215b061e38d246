/* hs-reference.c — to be written */
#include "hs-reference.h"

/* hs-date.c — to be written */
#include "hs-date.h"

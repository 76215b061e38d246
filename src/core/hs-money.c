/* hs-money.c — to be written */
#include "hs-money.h"

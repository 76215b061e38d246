/* hs-repository.c — to be written */
#include "hs-repository.h"

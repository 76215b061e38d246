/* hs-validate.c — to be written */
#include "hs-validate.h"

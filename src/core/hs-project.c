/* hs-project.c — to be written */
#include "hs-project.h"

/* hs-ytunnus.c — to be written */
#include "hs-ytunnus.h"

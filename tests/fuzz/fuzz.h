/* fuzz.h — what every harness defines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fuzz-*.c defines LLVMFuzzerTestOneInput. Built with clang and
 * -Dfuzzing=true it is a libFuzzer target (build-aux/fuzz); in every build
 * it is also linked with replay.c into a program that the test suite runs
 * on the harness's seed corpus and regression inputs, so that every crash
 * ever found stays fixed. A harness aborts (g_error) when a property that
 * must hold does not.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#pragma once

#include <cstdio>
#include <cstdlib>

#include <QString>

// A broken invariant of a fuzz target: says which, and aborts so that libFuzzer keeps the input as a crash.
#define FUZZ_CHECK(condition, what)                                                                          \
    do                                                                                                       \
    {                                                                                                        \
        if (!(condition))                                                                                    \
        {                                                                                                    \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %s\n", __FILE__, __LINE__, #condition,      \
                         qPrintable(QString(what)));                                                         \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

#include "microcheck.h"

#include <atomic>
#include <cstdio>

namespace MicroCheck
{
namespace
{
std::atomic<bool> g_failed = false;
}

bool require(benchmark::State &state, bool condition, const char *what)
{
    if (!condition)
    {
        g_failed = true;
        std::fprintf(stderr, "check failed: %s\n", what);
        state.SkipWithError(what);
    }
    return condition;
}

bool anyFailed()
{
    return g_failed;
}
} // namespace MicroCheck

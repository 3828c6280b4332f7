#pragma once

#include <benchmark/benchmark.h>

// Each benchmark checks the result of its operation once before timing it, so that a benchmark can never time
// a failure path by mistake (a request refused, a packet dropped). A failed check marks the benchmark's row
// with the error and makes microbench exit with 1 (the smoke test relies on that).
namespace MicroCheck
{
// Returns the condition; when false the benchmark is reported as failed and must not enter its loop.
bool require(benchmark::State &state, bool condition, const char *what);
bool anyFailed();
} // namespace MicroCheck

// Google Benchmark micro benchmarks: engine packet parsing, the path from a packet to the update frame sent
// to the server, the update buffer and journal, request validation and start-script writing
// (bench/README.md).
#include <QCoreApplication>

#include "microcheck.h"

#include <benchmark/benchmark.h>

int main(int argc, char *argv[])
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
    {
        return 2;
    }
    // The WebSocket benchmarks need an application object for their sockets.
    QCoreApplication app(argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return MicroCheck::anyFailed() ? 1 : 0;
}

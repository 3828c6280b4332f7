// Google Benchmark micro benchmarks: engine packet parsing, the path from a packet to the update frame sent
// to the server, the update buffer and journal, request validation and start-script writing
// (bench/README.md).
#include <QCoreApplication>
#include <QLoggingCategory>

#include "microcheck.h"

using namespace Qt::Literals::StringLiterals;

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
    // The journal logs what it opened; only warnings belong between the benchmark rows.
    QLoggingCategory::setFilterRules(u"autohost.*.info=false"_s);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return MicroCheck::anyFailed() ? 1 : 0;
}

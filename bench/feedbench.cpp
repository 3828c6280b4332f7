#include <cstdio>

#include <QCoreApplication>

#include "feedworkload.h"
#include "models/feedmodel.h"
#include "updates/updatebuffer.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr int AppendCount = 100'000;
constexpr qint64 DayMicroseconds = 24LL * 3600 * 1'000'000; // retention long enough to keep every update

double mebibytes(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

void printRow(const char *what, const QString &value)
{
    std::printf("  %-46s %s\n", what, qPrintable(value));
}

// bufferOnly takes the same appends without a feed first; it stays alive, so that the second run cannot reuse
// its memory and blur the growth figures.
void appendBenchmark(UpdateBuffer &bufferOnly, UpdateBuffer &updates, FeedModel &model)
{
    const FeedWorkload::AppendResult plain =
        FeedWorkload::appendOnly(bufferOnly, model.battleId(), AppendCount);
    const FeedWorkload::AppendResult fed =
        FeedWorkload::appendThenFlush(updates, model, model.battleId(), AppendCount);

    std::printf("(a) %d chat updates appended, then one flush\n", AppendCount);
    printRow("append, buffer alone", u"%1 µs/update"_s.arg(plain.appendMs * 1000 / plain.updates, 0, 'f', 2));
    printRow("append, buffer + feed listening",
             u"%1 µs/update"_s.arg(fed.appendMs * 1000 / fed.updates, 0, 'f', 2));
    printRow("flush (one batch, one rowsInserted)",
             u"%1 ms (%2 µs/row, %3 rows)"_s.arg(fed.flushMs, 0, 'f', 1)
                 .arg(fed.flushMs * 1000 / fed.rows, 0, 'f', 2)
                 .arg(fed.rows));
    printRow("total, buffer + feed (append + flush)", u"%1 ms"_s.arg(fed.appendMs + fed.flushMs, 0, 'f', 0));
    printRow("RSS growth, buffer alone",
             u"%1 MiB"_s.arg(mebibytes(plain.residentGrowthAfterAppend), 0, 'f', 1));
    printRow("RSS growth, buffer + feed after append",
             u"%1 MiB"_s.arg(mebibytes(fed.residentGrowthAfterAppend), 0, 'f', 1));
    printRow("RSS growth, buffer + feed after flush",
             u"%1 MiB"_s.arg(mebibytes(fed.residentGrowthAfterFlush), 0, 'f', 1));
    printRow("feed's share (buffer + feed - buffer alone)",
             u"%1 MiB, %2 bytes/line"_s
                 .arg(mebibytes(fed.residentGrowthAfterFlush - plain.residentGrowthAfterAppend), 0, 'f', 1)
                 .arg((fed.residentGrowthAfterFlush - plain.residentGrowthAfterAppend) / AppendCount));
    printRow("RSS now", u"%1 MiB"_s.arg(mebibytes(FeedWorkload::residentBytes()), 0, 'f', 1));
}

void printFlood(const char *title, const FeedWorkload::FloodOptions &options,
                const FeedWorkload::FloodResult &result)
{
    std::printf("%s\n", title);
    printRow("updates appended", QString::number(result.updates));
    printRow("batches applied (rowsInserted signals)", QString::number(result.batches));
    printRow("rows inserted", QString::number(result.rowsInserted));
    printRow(qPrintable(u"%1 ms ticks"_s.arg(options.tickIntervalMs)), QString::number(result.ticks));
    printRow("tick gap average / p99 / max", u"%1 / %2 / %3 ms"_s.arg(result.tickGapAverageMs, 0, 'f', 2)
                                                 .arg(result.tickGapP99Ms, 0, 'f', 2)
                                                 .arg(result.tickGapMaxMs, 0, 'f', 2));
    printRow("worst lateness (max gap - interval)",
             u"%1 ms"_s.arg(result.tickGapMaxMs - options.tickIntervalMs, 0, 'f', 2));
}

void floodBenchmark()
{
    const QUuid battleId = QUuid::createUuid();
    UpdateBuffer updates(DayMicroseconds);
    FeedModel model(&updates, battleId, FeedWorkload::playerName);

    FeedWorkload::FloodOptions idle;
    idle.updatesPerSecond = 0;
    idle.durationMs = 1'000;
    printFlood("(b0) idle event loop for 1 s (baseline)", idle,
               FeedWorkload::flood(updates, model, battleId, idle));

    const FeedWorkload::FloodOptions options;
    printFlood(qPrintable(u"(b) flood of %1 updates/s for %2 s"_s.arg(options.updatesPerSecond)
                              .arg(options.durationMs / 1000)),
               options, FeedWorkload::flood(updates, model, battleId, options));
}

void filterBenchmark(FeedModel &model)
{
    const FeedWorkload::FilterResult result = FeedWorkload::filter(model, u"4242"_s);
    std::printf("(c) filter changes over %d entries\n", result.totalEntries);
    printRow("search \"4242\"",
             u"%1 ms (%2 matches)"_s.arg(result.searchMs, 0, 'f', 1).arg(result.searchMatches));
    printRow("kinds Chat|Engine on top", u"%1 ms"_s.arg(result.kindsMs, 0, 'f', 1));
    printRow("clear the search (all rows again)", u"%1 ms"_s.arg(result.clearMs, 0, 'f', 1));
}
void constructionBenchmark(UpdateBuffer &updates, const QUuid &filledBattle)
{
    std::printf("(d) a new feed over a buffer of %lld updates\n", qlonglong(updates.size()));
    printRow("for another battle (no lines)",
             u"%1 ms"_s.arg(FeedWorkload::construction(updates, QUuid::createUuid()), 0, 'f', 1));
    printRow("for the battle of all of them",
             u"%1 ms"_s.arg(FeedWorkload::construction(updates, filledBattle), 0, 'f', 1));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
#ifdef NDEBUG
    const char *build = "optimised build";
#else
    const char *build = "debug build: figures are pessimistic, use a Release build for real ones";
#endif
    std::printf("feedbench: FeedModel over UpdateBuffer, Qt %s, %s\n\n", qVersion(), build);
    UpdateBuffer bufferOnly(DayMicroseconds);
    UpdateBuffer updates(DayMicroseconds);
    FeedModel filled(&updates, QUuid::createUuid(), FeedWorkload::playerName);
    appendBenchmark(bufferOnly, updates, filled);
    std::printf("\n");
    floodBenchmark();
    std::printf("\n");
    filterBenchmark(filled);
    std::printf("\n");
    constructionBenchmark(updates, filled.battleId());
    return 0;
}

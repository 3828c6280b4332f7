#pragma once

#include <functional>

#include <QString>
#include <QUuid>

#include "protocol/json.h"

class FeedModel;
class QAbstractItemModel;
class UpdateBuffer;

// The workloads of the feed benchmark, apart from its main so that other benchmarks (e.g. the QML feed view
// rendered offscreen) can run the same ones with a view attached to the model.
namespace FeedWorkload
{
// A chat update as players send them; n makes each message different.
Json chatUpdate(int n);
// The names of the users chatUpdate() makes, as the battle feeds' resolver gives them: from a table built
// once.
QString playerName(const QString &userId);
// Resident set size from /proc/self/statm after handing freed memory back to the system (glibc's
// malloc_trim), or -1 where /proc does not exist.
qint64 residentBytes();

struct AppendResult
{
    int updates = 0;
    double appendMs = 0; // all appends, the feed composing its lines included
    double flushMs = 0;  // the one flush that applies them
    qint64 residentGrowthAfterAppend = 0;
    qint64 residentGrowthAfterFlush = 0;
    int rows = 0;
};
// Appends `count` chat updates for battleId, then flushes the model once.
AppendResult appendThenFlush(UpdateBuffer &updates, FeedModel &model, const QUuid &battleId, int count);
// The same appends without a model: the buffer's own share of the cost.
AppendResult appendOnly(UpdateBuffer &updates, const QUuid &battleId, int count);

struct FloodOptions
{
    int updatesPerSecond = 10'000;
    int durationMs = 5'000;
    int tickIntervalMs = 16; // the frame-like timer whose lateness is measured
};

struct FloodResult
{
    int updates = 0;
    int batches = 0; // rowsInserted signals
    qint64 rowsInserted = 0;
    int ticks = 0;
    double tickGapAverageMs = 0; // between consecutive ticks; ideally tickIntervalMs
    double tickGapP99Ms = 0;
    double tickGapMaxMs = 0;
};
// Produces update number n for the model (e.g. appends it to the buffer the model follows).
using Producer = std::function<void(int n)>;
// Produces updates at a steady rate from a 1 ms timer for the duration, running the event loop, while a
// tickIntervalMs timer records how regularly the loop gets to it. With updatesPerSecond 0 it measures
// the idle loop. The model applies its batches on its own timer meanwhile; whatever is attached to the model
// (a view) works in the same loop. flush applies what is still pending at the end.
FloodResult flood(const Producer &produce, QAbstractItemModel &model, const std::function<void()> &flush,
                  const FloodOptions &options);
// The flood of chat updates for battleId into the buffer a feed follows.
FloodResult flood(UpdateBuffer &updates, FeedModel &model, const QUuid &battleId,
                  const FloodOptions &options);

// Milliseconds to construct a feed for battleId over what the buffer holds (it visits every update).
double construction(UpdateBuffer &updates, const QUuid &battleId);

struct FilterResult
{
    double searchMs = 0; // setting a search text
    double kindsMs = 0;  // then restricting the kinds as well
    double clearMs = 0;  // with all kinds again: clearing the search, every entry a row again
    int searchMatches = 0;
    int totalEntries = 0;
};
// Filter changes on the model as it stands.
FilterResult filter(FeedModel &model, const QString &searchText);
} // namespace FeedWorkload

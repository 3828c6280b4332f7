#include "feedworkload.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QTimer>

#include "models/feedmodel.h"
#include "updates/updatebuffer.h"

#include <malloc.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

namespace FeedWorkload
{
Json chatUpdate(int n)
{
    return Json{{"type", "player_chat"},
                {"userId", std::to_string(1000 + n % 16)},
                {"message", "message " + std::to_string(n) + " of the benchmark, gl hf"},
                {"destination", n % 5 == 0 ? "allies" : "all"}};
}

QString playerName(const QString &userId)
{
    static const QHash<QString, QString> names = []
    {
        QHash<QString, QString> table;
        for (int player = 0; player < 16; ++player)
        {
            table.insert(QString::number(1000 + player), u"Player%1"_s.arg(player));
        }
        return table;
    }();
    return names.value(userId);
}

qint64 residentBytes()
{
    // Freed memory that malloc keeps would count as growth: give it back first.
    malloc_trim(0);
    std::FILE *statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
    {
        return -1;
    }
    long long size = 0;
    long long resident = 0;
    const int read = std::fscanf(statm, "%lld %lld", &size, &resident);
    std::fclose(statm);
    return read == 2 ? qint64(resident) * sysconf(_SC_PAGESIZE) : -1;
}

AppendResult appendThenFlush(UpdateBuffer &updates, FeedModel &model, const QUuid &battleId, int count)
{
    AppendResult result;
    result.updates = count;
    const qint64 residentBefore = residentBytes();
    QElapsedTimer timer;
    timer.start();
    for (int n = 0; n < count; ++n)
    {
        updates.append(battleId, chatUpdate(n));
    }
    result.appendMs = milliseconds(timer);
    result.residentGrowthAfterAppend = residentBytes() - residentBefore;
    timer.restart();
    model.flush();
    result.flushMs = milliseconds(timer);
    result.residentGrowthAfterFlush = residentBytes() - residentBefore;
    result.rows = model.rowCount();
    return result;
}

AppendResult appendOnly(UpdateBuffer &updates, const QUuid &battleId, int count)
{
    AppendResult result;
    result.updates = count;
    const qint64 residentBefore = residentBytes();
    QElapsedTimer timer;
    timer.start();
    for (int n = 0; n < count; ++n)
    {
        updates.append(battleId, chatUpdate(n));
    }
    result.appendMs = milliseconds(timer);
    result.residentGrowthAfterAppend = residentBytes() - residentBefore;
    result.residentGrowthAfterFlush = result.residentGrowthAfterAppend;
    return result;
}

FloodResult flood(const Producer &produce, QAbstractItemModel &model, const std::function<void()> &flush,
                  const FloodOptions &options)
{
    FloodResult result;
    const auto insertions = QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model,
                                             [&result](const QModelIndex &, int first, int last)
                                             {
                                                 ++result.batches;
                                                 result.rowsInserted += last - first + 1;
                                             });

    QElapsedTimer clock;
    QTimer producer;
    producer.setTimerType(Qt::PreciseTimer);
    producer.setInterval(1);
    const auto produceDue = [&]
    {
        const qint64 due =
            qint64(options.updatesPerSecond) * std::min<qint64>(clock.elapsed(), options.durationMs) / 1000;
        while (result.updates < due)
        {
            produce(result.updates);
            ++result.updates;
        }
    };
    QObject::connect(&producer, &QTimer::timeout, &producer, produceDue);

    std::vector<qint64> tickTimes; // ns on the same clock
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(options.tickIntervalMs);
    QObject::connect(&ticker, &QTimer::timeout, &ticker,
                     [&tickTimes, &clock] { tickTimes.push_back(clock.nsecsElapsed()); });

    QEventLoop loop;
    clock.start();
    QTimer::singleShot(options.durationMs, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    producer.start();
    ticker.start();
    loop.exec();
    produceDue(); // the updates due until the end of the duration
    producer.stop();
    ticker.stop();
    flush();
    QObject::disconnect(insertions);

    std::vector<double> gaps;
    for (size_t i = 1; i < tickTimes.size(); ++i)
    {
        gaps.push_back(double(tickTimes[i] - tickTimes[i - 1]) / 1e6);
    }
    result.ticks = int(tickTimes.size());
    if (!gaps.empty())
    {
        result.tickGapAverageMs = std::accumulate(gaps.begin(), gaps.end(), 0.0) / double(gaps.size());
        std::sort(gaps.begin(), gaps.end());
        result.tickGapMaxMs = gaps.back();
        result.tickGapP99Ms = gaps[std::min(gaps.size() - 1, size_t(double(gaps.size()) * 0.99))];
    }
    return result;
}

FloodResult flood(UpdateBuffer &updates, FeedModel &model, const QUuid &battleId, const FloodOptions &options)
{
    return flood([&updates, &battleId](int n) { updates.append(battleId, chatUpdate(n)); }, model,
                 [&model] { model.flush(); }, options);
}

double construction(UpdateBuffer &updates, const QUuid &battleId)
{
    QElapsedTimer timer;
    timer.start();
    const FeedModel model(&updates, battleId, nullptr);
    return milliseconds(timer);
}

FilterResult filter(FeedModel &model, const QString &searchText)
{
    FilterResult result;
    result.totalEntries = model.totalCount();
    QElapsedTimer timer;
    timer.start();
    model.setSearchText(searchText);
    result.searchMs = milliseconds(timer);
    result.searchMatches = model.count();
    timer.restart();
    model.setKinds(Feed::Chat | Feed::Engine);
    result.kindsMs = milliseconds(timer);
    model.setKinds(Feed::AllKinds);
    timer.restart();
    model.setSearchText(QString());
    result.clearMs = milliseconds(timer);
    return result;
}
} // namespace FeedWorkload

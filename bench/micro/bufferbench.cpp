// The update buffer holding many entries: appending (steady state: as many pruned as appended) and reading
// what a subscriber asks for (forEachSince).
#include <algorithm>
#include <limits>
#include <map>
#include <memory>

#include "microcheck.h"
#include "microinputs.h"
#include "updates/updatebuffer.h"

#include <benchmark/benchmark.h>

using MicroCheck::require;

namespace
{
constexpr qint64 SomeTime = 1'750'000'000'000'000; // µs since the Unix epoch

Json chatUpdate(int n)
{
    return Json{{"type", "player_chat"},
                {"userId", "350100"},
                {"message", "gl hf, message number " + std::to_string(n)},
                {"destination", "all"}};
}

// A buffer of `entries` chat updates, one per µs of a clock standing still after them, kept for as long as
// the benchmarks run (building a million entries takes seconds).
const UpdateBuffer &filledBuffer(int entries)
{
    static std::map<int, std::unique_ptr<UpdateBuffer>> buffers;
    std::unique_ptr<UpdateBuffer> &buffer = buffers[entries];
    if (!buffer)
    {
        buffer = std::make_unique<UpdateBuffer>(qint64(entries) * 10);
        auto now = std::make_shared<qint64>(SomeTime);
        buffer->setClock([now] { return *now; });
        const QUuid battleId = MicroInputs::battleId();
        for (int i = 0; i < entries; ++i)
        {
            ++*now;
            buffer->append(battleId, chatUpdate(i));
        }
    }
    return *buffer;
}

// UpdateBuffer::append with the buffer holding `entries` updates: its clock moves by 1 µs per update and it
// keeps them for `entries` µs, so every append also prunes one on average (in bulk, every tenth of the
// retention). The copy of the update that BattleManager passes is included (see UpdateCopy for its share).
void UpdateBufferAppend(benchmark::State &state)
{
    const int entries = int(state.range(0));
    UpdateBuffer buffer(entries);
    qint64 now = SomeTime;
    buffer.setClock([&now] { return now; });
    const QUuid battleId = MicroInputs::battleId();
    const Json update = chatUpdate(0);
    for (int i = 0; i < entries; ++i)
    {
        ++now;
        buffer.append(battleId, update);
    }
    if (!require(state, buffer.size() >= entries * 9 / 10, "the buffer holds its entries"))
    {
        return;
    }
    for (auto _ : state)
    {
        ++now;
        const UpdateBuffer::Entry &entry = buffer.append(battleId, update);
        benchmark::DoNotOptimize(entry);
    }
    state.SetItemsProcessed(state.iterations());
}

// UpdateBuffer::forEachSince over a buffer of `entries` updates: every entry (a subscriber that has none),
// the newest 1,000 (a reconnecting one) or none (one that is up to date: only the binary search).
void UpdateBufferForEachSince(benchmark::State &state, qint64 visited)
{
    const int entries = int(state.range(0));
    const UpdateBuffer &buffer = filledBuffer(entries);
    const qint64 wanted = std::min<qint64>(visited, entries);
    const qint64 since = SomeTime + entries - wanted;
    qint64 count = 0;
    buffer.forEachSince(since, [&count](const UpdateBuffer::Entry &) { ++count; });
    if (!require(state, count == wanted, "forEachSince visits the entries after since"))
    {
        return;
    }
    for (auto _ : state)
    {
        buffer.forEachSince(since,
                            [&count](const UpdateBuffer::Entry &entry)
                            {
                                benchmark::DoNotOptimize(entry.time);
                                ++count;
                            });
    }
    state.SetItemsProcessed(state.iterations() * std::max<qint64>(wanted, 1));
    state.counters["entries_visited"] = double(wanted);
}
} // namespace

BENCHMARK(UpdateBufferAppend)->Arg(10'000)->Arg(1'000'000);
BENCHMARK_CAPTURE(UpdateBufferForEachSince, all, std::numeric_limits<qint64>::max())
    ->Arg(10'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(UpdateBufferForEachSince, newest_1000, 1000)->Arg(10'000)->Arg(1'000'000);
BENCHMARK_CAPTURE(UpdateBufferForEachSince, none, 0)->Arg(10'000)->Arg(1'000'000);

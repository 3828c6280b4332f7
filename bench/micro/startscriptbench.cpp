// StartScriptWriter::write for battles with modoptions, from the request the decoder accepted.
#include "microcheck.h"
#include "microinputs.h"
#include "protocol/requestdecoder.h"
#include "protocol/startscriptwriter.h"

#include <benchmark/benchmark.h>

using namespace Qt::Literals::StringLiterals;
using MicroCheck::require;

namespace
{
void StartScriptWrite(benchmark::State &state, MicroInputs::StartShape shape)
{
    const auto request = RequestDecoder::start(MicroInputs::startRequest(shape));
    const ScriptEndpoints endpoints{u"0.0.0.0"_s, 20001, u"127.0.0.1"_s, 22001};
    if (!require(state, request.ok(), "the request is accepted"))
    {
        return;
    }
    const auto sample = StartScriptWriter::write(*request, endpoints);
    if (!require(state,
                 sample && sample->contains("[MODOPTIONS]") &&
                     sample->contains(QByteArray("[PLAYER" + QByteArray::number(shape.players - 1) + "]")),
                 "the script has the battle's players and options"))
    {
        return;
    }
    for (auto _ : state)
    {
        auto script = StartScriptWriter::write(*request, endpoints);
        benchmark::DoNotOptimize(script);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * sample->size());
    state.counters["script_bytes"] = double(sample->size());
}
} // namespace

BENCHMARK_CAPTURE(StartScriptWrite, 2_players, MicroInputs::twoPlayers());
BENCHMARK_CAPTURE(StartScriptWrite, 16_players, MicroInputs::sixteenPlayers());
BENCHMARK_CAPTURE(StartScriptWrite, 1MiB_request, MicroInputs::oneMebibyte())->Unit(benchmark::kMillisecond);

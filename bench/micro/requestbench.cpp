// Requests from the server, from the text frame WebSocketClient delivers to the decoded request: the way
// TachyonClient::onTextMessage (TachyonMessage::parse) and AutohostService::serve, handleStart and
// BattleRequests::apply (each rebuilds the whole message from the parsed one) take them, then each step
// alone.
#include "microcheck.h"
#include "microinputs.h"
#include "protocol/requestdecoder.h"
#include "protocol/tachyonmessage.h"

#include <benchmark/benchmark.h>

using MicroCheck::require;

namespace
{
enum class Request
{
    Start16,
    Start1MiB,
    Kill,
    AddPlayer,
    SendCommand,
};

Json message(Request kind)
{
    switch (kind)
    {
    case Request::Start16:
        return MicroInputs::startRequest(MicroInputs::sixteenPlayers());
    case Request::Start1MiB:
        return MicroInputs::startRequest(MicroInputs::oneMebibyte());
    case Request::Kill:
        return MicroInputs::killRequest();
    case Request::AddPlayer:
        return MicroInputs::addPlayerRequest();
    case Request::SendCommand:
        return MicroInputs::sendCommandRequest();
    }
    return {};
}

// The frame as WebSocketClient hands it to TachyonClient::onTextMessage.
QByteArray frameText(Request kind)
{
    return dumpJsonBytes(message(kind));
}

// The decoder of the request's command; true when it accepts the request.
bool decode(Request kind, const Json &whole)
{
    switch (kind)
    {
    case Request::Start16:
    case Request::Start1MiB:
    {
        const auto request = RequestDecoder::start(whole);
        benchmark::DoNotOptimize(request);
        return request.ok();
    }
    case Request::Kill:
    {
        const auto request = RequestDecoder::kill(whole);
        benchmark::DoNotOptimize(request);
        return request.ok();
    }
    case Request::AddPlayer:
    {
        const auto request = RequestDecoder::addPlayer(whole);
        benchmark::DoNotOptimize(request);
        return request.ok();
    }
    case Request::SendCommand:
    {
        const auto request = RequestDecoder::sendCommand(whole);
        benchmark::DoNotOptimize(request);
        return request.ok();
    }
    }
    return false;
}

// AutohostService::serve rebuilds the whole message (wholeMessage) and so does the handler after it
// (handleStart, or BattleRequests::apply for the battle requests) before decoding.
Json wholeMessage(const TachyonMessage &request)
{
    return TachyonMessage::makeRequest(request.commandId, request.messageId, request.data);
}

bool handle(Request kind, const QByteArray &frame)
{
    const auto parsed = TachyonMessage::parse(frame);
    if (!parsed)
    {
        return false;
    }
    const Json served = wholeMessage(*parsed);
    benchmark::DoNotOptimize(served);
    return decode(kind, wholeMessage(*parsed));
}

void RequestFromFrame(benchmark::State &state, Request kind)
{
    const QByteArray text = frameText(kind);
    if (!require(state, handle(kind, text), "the request is accepted"))
    {
        return;
    }
    for (auto _ : state)
    {
        bool accepted = handle(kind, text);
        benchmark::DoNotOptimize(accepted);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * text.size());
    state.counters["frame_bytes"] = double(text.size());
}

void RequestParse(benchmark::State &state, Request kind)
{
    const QByteArray frame = frameText(kind);
    if (!require(state, TachyonMessage::parse(frame).ok(), "the frame parses"))
    {
        return;
    }
    for (auto _ : state)
    {
        auto parsed = TachyonMessage::parse(frame);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * frame.size());
}

void RequestWholeMessage(benchmark::State &state, Request kind)
{
    const auto parsed = TachyonMessage::parse(frameText(kind));
    if (!require(state, parsed && wholeMessage(*parsed) == message(kind), "the whole message is the frame's"))
    {
        return;
    }
    for (auto _ : state)
    {
        Json whole = wholeMessage(*parsed);
        benchmark::DoNotOptimize(whole);
    }
    state.SetItemsProcessed(state.iterations());
}

void RequestDecode(benchmark::State &state, Request kind)
{
    const Json whole = message(kind);
    if (!require(state, decode(kind, whole), "the request is accepted"))
    {
        return;
    }
    for (auto _ : state)
    {
        bool accepted = decode(kind, whole);
        benchmark::DoNotOptimize(accepted);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * qint64(dumpJson(whole).size()));
}
} // namespace

BENCHMARK_CAPTURE(RequestFromFrame, start_16_players, Request::Start16);
BENCHMARK_CAPTURE(RequestFromFrame, start_1MiB, Request::Start1MiB)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RequestFromFrame, kill, Request::Kill);
BENCHMARK_CAPTURE(RequestFromFrame, add_player, Request::AddPlayer);
BENCHMARK_CAPTURE(RequestFromFrame, send_command, Request::SendCommand);
BENCHMARK_CAPTURE(RequestParse, start_16_players, Request::Start16);
BENCHMARK_CAPTURE(RequestParse, start_1MiB, Request::Start1MiB)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RequestParse, kill, Request::Kill);
BENCHMARK_CAPTURE(RequestWholeMessage, start_16_players, Request::Start16);
BENCHMARK_CAPTURE(RequestWholeMessage, start_1MiB, Request::Start1MiB)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RequestWholeMessage, kill, Request::Kill);
BENCHMARK_CAPTURE(RequestDecode, start_16_players, Request::Start16);
BENCHMARK_CAPTURE(RequestDecode, start_1MiB, Request::Start1MiB)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RequestDecode, kill, Request::Kill);
BENCHMARK_CAPTURE(RequestDecode, add_player, Request::AddPlayer);
BENCHMARK_CAPTURE(RequestDecode, send_command, Request::SendCommand);

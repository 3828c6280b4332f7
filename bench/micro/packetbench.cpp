// EnginePacket::decode over the datagrams an engine sends during a game.
#include "microcheck.h"
#include "microinputs.h"
#include "protocol/enginepacket.h"

#include <benchmark/benchmark.h>

using MicroInputs::Datagram;

namespace
{
// kind: the packet's name as describe() starts it, or nullptr for a datagram that must be refused.
void PacketDecode(benchmark::State &state, Datagram datagramKind, const char *kind)
{
    const QByteArray datagram = MicroInputs::datagram(datagramKind);
    const auto sample = EnginePacket::decode(datagram);
    const bool expected =
        kind ? sample && EnginePacket::describe(*sample).startsWith(QLatin1StringView(kind)) : !sample;
    if (!MicroCheck::require(state, expected, "the datagram decodes as its test vector says"))
    {
        return;
    }
    for (auto _ : state)
    {
        auto packet = EnginePacket::decode(datagram);
        benchmark::DoNotOptimize(packet);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * datagram.size());
}
} // namespace

BENCHMARK_CAPTURE(PacketDecode, player_chat, Datagram::PlayerChat, "PLAYER_CHAT");
BENCHMARK_CAPTURE(PacketDecode, player_chat_allies, Datagram::PlayerChatAllies, "PLAYER_CHAT");
BENCHMARK_CAPTURE(PacketDecode, server_message, Datagram::ServerMessage, "SERVER_MESSAGE");
BENCHMARK_CAPTURE(PacketDecode, player_joined, Datagram::PlayerJoined, "PLAYER_JOINED");
BENCHMARK_CAPTURE(PacketDecode, player_left, Datagram::PlayerLeft, "PLAYER_LEFT");
BENCHMARK_CAPTURE(PacketDecode, luamsg_300B, Datagram::LuaMsg, "GAME_LUAMSG");
BENCHMARK_CAPTURE(PacketDecode, team_stat, Datagram::TeamStat, "GAME_TEAMSTAT");
BENCHMARK_CAPTURE(PacketDecode, start_playing, Datagram::StartPlaying, "SERVER_STARTPLAYING");
BENCHMARK_CAPTURE(PacketDecode, malformed_luamsg, Datagram::Malformed, nullptr);

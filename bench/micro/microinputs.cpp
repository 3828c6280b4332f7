#include "microinputs.h"

#include "protocol/enginepacket.h"
#include "protocol/requestdecoder.h"
#include "protocol/startscriptwriter.h"

namespace MicroInputs
{
namespace
{
constexpr const char *BattleIdText = "75bfc493-2b9d-495d-a453-06722fdca2ea";
constexpr const char *LuamsgRegexp = "^game:";

// Option names a Beyond All Reason lobby sends; further options are numbered.
const char *const GameOptionNames[] = {
    "deathmode",
    "map_waterlevel",
    "startmetal",
    "startenergy",
    "maxunits",
    "fixedallies",
    "disablemapdamage",
    "ffa_mode",
    "experimentalshields",
    "multiplier_resourceincome",
    "multiplier_buildpower",
    "multiplier_maxvelocity",
    "ruins",
    "lootboxes",
    "emprework",
    "critters",
    "tweakdefs",
    "tweakunits",
    "unit_restrictions_notech2",
    "assistdronesenabled",
};
const char *const ShortValues[] = {"com", "0", "1000", "1", "0.5", "disabled", "enabled", "2"};

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

QByteArray luaMsg()
{
    std::string data = R"(game:stats:{"frame":54000,"team":3,"metal":{"used":89025.35,"produced":110193.09},)"
                       R"("energy":{"used":4873733,"produced":4688346},"units":{"produced":501,"died":270,)"
                       R"("killed":76},"damage":{"dealt":49005.85,"received":59799.54},"commanders":1})";
    data.resize(300, ' ');
    return EnginePacket::encode(EnginePacket::GameLuaMsg{3, EnginePacket::LuaScriptRules,
                                                         EnginePacket::LuaUiModeAll,
                                                         QByteArray(data.data(), qsizetype(data.size()))});
}

std::string optionValue(int index, int length)
{
    if (length == 0)
    {
        return ShortValues[size_t(index) % std::size(ShortValues)];
    }
    // Base64 text, as Lua tweaks are sent.
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string value(size_t(length), 'A');
    for (size_t i = 0; i < value.size(); ++i)
    {
        value[i] = alphabet[(i * 7 + size_t(index)) % alphabet.size()];
    }
    return value;
}

Json participant(int index, bool spectator)
{
    const std::string number = std::to_string(index);
    Json json = {{"userId", std::to_string(350100 + index)},
                 {"name", "Commander_" + number},
                 {"password", "pw-3f9a2c" + number}};
    if (!spectator)
    {
        json["rank"] = index % 8;
        json["countryCode"] = index % 2 == 0 ? "DE" : "PL";
        json["customProperties"] = {{"skill", "[" + std::to_string(20 + index % 10) + ".37]"},
                                    {"skilluncertainty", "3.21"}};
    }
    return json;
}

Json request(const char *commandId, Json data)
{
    return Json{{"type", "request"},
                {"messageId", "0c1e7a55-8e2f-4a4b-9a7e-3f0d25d9b6c1"},
                {"commandId", commandId},
                {"data", std::move(data)}};
}
} // namespace

QByteArray datagram(Datagram kind)
{
    switch (kind)
    {
    case Datagram::PlayerChat:
        return hex("0d00fe") + "hello everyone from Alice";
    case Datagram::PlayerChatAllies:
        return hex("0d08fc6e696365");
    case Datagram::ServerMessage:
        return hex("04436f6e6e656374696e6720746f206175746f686f7374206f6e20706f7274203533313232");
    case Datagram::PlayerJoined:
        return hex("0a0b417865");
    case Datagram::PlayerLeft:
        return hex("0b1201");
    case Datagram::LuaMsg:
        return luaMsg();
    case Datagram::TeamStat:
        return hex(
            "3c0700e10000ade0ad470abc944a8c38d747b4138f4a000000004a052144a2208244d308ca48f19406461fdc5148da6d"
            "3f478c976947f50100000e010000010000000600000000000000000000004c000000");
    case Datagram::StartPlaying:
        return hex(
            "02a40000002e9836666a18a55fbcc6228ee62217492f686f6d652f73706164732f73706164732f7661722f436c757374"
            "65724d616e616765722f5b7465685d636c75737465725553345b31305d2f64656d6f732d7365727665722f323032342d"
            "30352d30345f32302d31382d35342d3236305f48656c6c617320426173696e2076315f3130352e312e312d323434392d"
            "6766313233346139204241523130352e7364667a");
    case Datagram::Malformed:
        return hex("14330c000a640000407a683630");
    }
    return {};
}

StartShape twoPlayers()
{
    return {2, 0, 100, 0};
}

StartShape sixteenPlayers()
{
    return {16, 4, 100, 0};
}

StartShape oneMebibyte()
{
    return {16, 235, 2200, 450};
}

Json startRequest(const StartShape &shape)
{
    Json allyTeams = Json::array();
    for (int allyTeam = 0; allyTeam < 2; ++allyTeam)
    {
        Json teams = Json::array();
        for (int i = allyTeam; i < shape.players; i += 2)
        {
            teams.push_back({{"players", Json::array({participant(i, false)})},
                             {"faction", allyTeam == 0 ? "Armada" : "Cortex"},
                             {"color", {{"r", 0.1 * (i % 10)}, {"g", 0.5}, {"b", 1.0 - 0.05 * i}}}});
        }
        allyTeams.push_back({{"teams", teams},
                             {"startBox",
                              {{"top", allyTeam == 0 ? 0.0 : 0.75},
                               {"bottom", allyTeam == 0 ? 0.25 : 1.0},
                               {"left", 0},
                               {"right", 1}}}});
    }
    Json spectators = Json::array();
    for (int i = 0; i < shape.spectators; ++i)
    {
        spectators.push_back(participant(shape.players + i, true));
    }
    Json gameOptions = Json::object();
    for (int i = 0; i < shape.gameOptions; ++i)
    {
        const std::string name = size_t(i) < std::size(GameOptionNames) ? std::string(GameOptionNames[i])
                                                                        : "option_" + std::to_string(i);
        gameOptions[name] = optionValue(i, shape.optionValueLength);
    }
    return request("autohost/start", {{"battleId", BattleIdText},
                                      {"engineVersion", "2025.04.08"},
                                      {"gameName", "Beyond All Reason test-27890-5c3a1b0"},
                                      {"mapName", "Supreme Isthmus v1.8"},
                                      {"startPosType", "ingame"},
                                      {"allyTeams", allyTeams},
                                      {"spectators", spectators},
                                      {"mapOptions", {{"waterlevel", "0"}, {"dry", "1"}}},
                                      {"gameOptions", gameOptions},
                                      {"restrictions", {{"armcom", 1}, {"corcom", 1}}},
                                      {"luamsgRegexp", LuamsgRegexp}});
}

Json killRequest()
{
    return request("autohost/kill", {{"battleId", BattleIdText}});
}

Json addPlayerRequest()
{
    return request("autohost/addPlayer",
                   {{"battleId", BattleIdText}, {"userId", "351"}, {"name", "Dave"}, {"password", "pw-d"}});
}

Json sendCommandRequest()
{
    return request("autohost/sendCommand",
                   {{"battleId", BattleIdText}, {"command", "setmaxspeed"}, {"arguments", {"3"}}});
}

QUuid battleId()
{
    return QUuid(QLatin1StringView(BattleIdText));
}

PlayerTable playerTable()
{
    const auto decoded = RequestDecoder::start(startRequest(sixteenPlayers()));
    return decoded ? PlayerTable(StartScriptWriter::players(*decoded)) : PlayerTable();
}

std::optional<QRegularExpression> luamsgFilter()
{
    return QRegularExpression(QLatin1StringView(LuamsgRegexp));
}
} // namespace MicroInputs

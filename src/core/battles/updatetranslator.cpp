#include "battles/updatetranslator.h"

using namespace Qt::Literals::StringLiterals;
using namespace EnginePacket;

namespace
{
std::string text(const QByteArray &bytes)
{
    return bytes.toStdString();
}

const char *leaveReason(LeaveReason reason)
{
    switch (reason)
    {
    case LeaveReason::LostConnection:
        return "lost_connection";
    case LeaveReason::Left:
        return "left";
    case LeaveReason::Kicked:
        return "kicked";
    }
    return "left";
}

std::optional<const char *> luaScript(quint16 script)
{
    switch (script)
    {
    case LuaScriptUi:
        return "ui";
    case LuaScriptGaia:
        return "game";
    case LuaScriptRules:
        return "rules";
    default:
        return std::nullopt;
    }
}

std::optional<const char *> luaUiMode(quint8 mode)
{
    switch (mode)
    {
    case LuaUiModeAll:
        return "all";
    case LuaUiModeAllies:
        return "allies";
    case LuaUiModeSpectators:
        return "spectators";
    default:
        return std::nullopt;
    }
}

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
// Clang before 17 does not deduce aggregate template arguments (P1816).
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;
} // namespace

UpdateTranslator::UpdateTranslator(const PlayerTable *players, std::optional<QRegularExpression> luamsgFilter)
    : m_players(players)
    , m_luamsgFilter(std::move(luamsgFilter))
{
}

std::optional<QString> UpdateTranslator::userId(int player) const
{
    if (const auto entry = m_players->byNumber(player))
    {
        return entry->userId;
    }
    return std::nullopt;
}

std::optional<Json> UpdateTranslator::translate(const Packet &packet, QString *why) const
{
    const auto drop = [why](const QString &reason) -> std::optional<Json>
    {
        if (why)
        {
            *why = reason;
        }
        return std::nullopt;
    };
    const auto unknownPlayer = [&drop](int player)
    {
        return drop(u"no user has player number %1"_s.arg(player));
    };

    return std::visit(
        Overloaded{
            [&](const ServerStarted &)
            { return drop(u"SERVER_STARTED is answered by the start response"_s); },
            [&](const ServerQuit &) { return drop(u"SERVER_QUIT is reported as engine_quit on exit"_s); },
            [&](const ServerStartPlaying &) -> std::optional<Json> {
                return Json{{"type", "start"}};
            },
            [&](const ServerGameOver &p) -> std::optional<Json>
            {
                if (p.winningAllyTeams.isEmpty())
                {
                    return drop(u"game over without winners"_s);
                }
                const auto reporter = userId(p.player);
                if (!reporter)
                {
                    return unknownPlayer(p.player);
                }
                Json winners = Json::array();
                for (const quint8 allyTeam : p.winningAllyTeams)
                {
                    winners.push_back(int(allyTeam));
                }
                return Json{
                    {"type", "finished"}, {"userId", toStdString(*reporter)}, {"winningAllyTeams", winners}};
            },
            [&](const ServerMessage &p) -> std::optional<Json> {
                return Json{{"type", "engine_message"}, {"message", text(p.text)}};
            },
            [&](const ServerWarning &p) -> std::optional<Json> {
                return Json{{"type", "engine_warning"}, {"message", text(p.text)}};
            },
            [&](const PlayerJoined &p) -> std::optional<Json>
            {
                const auto user = userId(p.player);
                if (!user)
                {
                    return unknownPlayer(p.player);
                }
                return Json{{"type", "player_joined"},
                            {"userId", toStdString(*user)},
                            {"playerNumber", int(p.player)}};
            },
            [&](const PlayerLeft &p) -> std::optional<Json>
            {
                const auto user = userId(p.player);
                if (!user)
                {
                    return unknownPlayer(p.player);
                }
                return Json{{"type", "player_left"},
                            {"userId", toStdString(*user)},
                            {"reason", leaveReason(p.reason)}};
            },
            [&](const PlayerReady &) { return drop(u"Tachyon has no update for PLAYER_READY"_s); },
            [&](const PlayerChat &p) -> std::optional<Json>
            {
                const auto user = userId(p.from);
                if (!user)
                {
                    return unknownPlayer(p.from);
                }
                Json update = {
                    {"type", "player_chat"}, {"userId", toStdString(*user)}, {"message", text(p.text)}};
                switch (p.destination)
                {
                case ChatToAllies:
                    update["destination"] = "allies";
                    return update;
                case ChatToSpectators:
                    update["destination"] = "spectators";
                    return update;
                case ChatToEveryone:
                    update["destination"] = "all";
                    return update;
                case ChatToHost:
                    return drop(u"chat addressed to the host"_s);
                default:
                    break;
                }
                const auto toUser = userId(p.destination);
                if (!toUser)
                {
                    return unknownPlayer(p.destination);
                }
                update["destination"] = "player";
                update["toUserId"] = toStdString(*toUser);
                return update;
            },
            [&](const PlayerDefeated &p) -> std::optional<Json>
            {
                const auto user = userId(p.player);
                if (!user)
                {
                    return unknownPlayer(p.player);
                }
                return Json{{"type", "player_defeated"}, {"userId", toStdString(*user)}};
            },
            [&](const PlayerSecretChat &p) -> std::optional<Json>
            {
                // Secret chat may only go to its addressee: forwarded as a private message, never to a group.
                const auto user = userId(p.from);
                if (!user)
                {
                    return unknownPlayer(p.from);
                }
                if (p.destination == ChatToHost)
                {
                    return drop(u"secret chat addressed to the host"_s);
                }
                const auto toUser = userId(p.destination);
                if (!toUser)
                {
                    return unknownPlayer(p.destination);
                }
                return Json{{"type", "player_chat"},
                            {"userId", toStdString(*user)},
                            {"message", text(p.text)},
                            {"destination", "player"},
                            {"toUserId", toStdString(*toUser)}};
            },
            [&](const GameLuaMsg &p) -> std::optional<Json>
            {
                if (!m_luamsgFilter)
                {
                    return drop(u"no luamsgRegexp was given"_s);
                }
                if (!m_luamsgFilter->match(QString::fromUtf8(p.data)).hasMatch())
                {
                    return drop(u"Lua message does not match luamsgRegexp"_s);
                }
                const auto user = userId(p.player);
                if (!user)
                {
                    return unknownPlayer(p.player);
                }
                const auto script = luaScript(p.script);
                if (!script)
                {
                    return drop(u"unknown Lua script %1"_s.arg(p.script));
                }
                Json update = {{"type", "luamsg"}, {"userId", toStdString(*user)}, {"script", *script}};
                if (p.script == LuaScriptUi)
                {
                    const auto mode = luaUiMode(p.mode);
                    if (!mode)
                    {
                        return drop(u"unknown LuaUI mode %1"_s.arg(p.mode));
                    }
                    update["uiMode"] = *mode;
                }
                update["data"] = p.data.toBase64().toStdString();
                return update;
            },
            [&](const GameTeamStat &) { return drop(u"Tachyon has no update for team statistics"_s); },
        },
        packet);
}

Json UpdateTranslator::engineQuit()
{
    return {{"type", "engine_quit"}};
}

Json UpdateTranslator::engineCrash(const QString &details)
{
    Json update = {{"type", "engine_crash"}};
    if (!details.isEmpty())
    {
        update["details"] = toStdString(details);
    }
    return update;
}

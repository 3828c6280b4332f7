#include "battles/updatetranslator.h"

#include "protocol/jsonobjectwriter.h"

using namespace Qt::Literals::StringLiterals;
using namespace EnginePacket;

namespace
{
std::string_view text(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), std::size_t(bytes.size()));
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

std::optional<EngineUpdate> UpdateTranslator::translate(const Packet &packet, QString *why) const
{
    const auto drop = [why](const QString &reason) -> std::optional<EngineUpdate>
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
    // Every update starts with its type; the literal stays at hand for the readers that only need that.
    const auto make = [](std::string_view type, const QString &userId, const auto &addMembers)
    {
        JsonObjectWriter writer;
        writer.add("type", type);
        if (!userId.isNull())
        {
            writer.add("userId", userId);
        }
        addMembers(writer);
        return EngineUpdate{writer.take(), type, userId, {}};
    };
    const auto noMembers = [](JsonObjectWriter &) {
    };

    return std::visit(
        Overloaded{
            [&](const ServerStarted &)
            { return drop(u"SERVER_STARTED is answered by the start response"_s); },
            [&](const ServerQuit &) { return drop(u"SERVER_QUIT is reported as engine_quit on exit"_s); },
            [&](const ServerStartPlaying &) -> std::optional<EngineUpdate>
            { return make("start", QString(), noMembers); },
            [&](const ServerGameOver &p) -> std::optional<EngineUpdate>
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
                return make("finished", *reporter,
                            [&](JsonObjectWriter &writer)
                            { writer.addJson("winningAllyTeams", dumpJson(winners)); });
            },
            [&](const ServerMessage &p) -> std::optional<EngineUpdate>
            {
                return make("engine_message", QString(),
                            [&](JsonObjectWriter &writer) { writer.add("message", text(p.text)); });
            },
            [&](const ServerWarning &p) -> std::optional<EngineUpdate>
            {
                return make("engine_warning", QString(),
                            [&](JsonObjectWriter &writer) { writer.add("message", text(p.text)); });
            },
            [&](const PlayerJoined &p) -> std::optional<EngineUpdate>
            {
                const auto user = userId(p.player);
                if (!user)
                {
                    return unknownPlayer(p.player);
                }
                return make("player_joined", *user,
                            [&](JsonObjectWriter &writer) { writer.add("playerNumber", int(p.player)); });
            },
            [&](const PlayerLeft &p) -> std::optional<EngineUpdate>
            {
                const auto user = userId(p.player);
                if (!user)
                {
                    return unknownPlayer(p.player);
                }
                const std::string_view reason = leaveReason(p.reason);
                EngineUpdate update = make("player_left", *user,
                                           [&](JsonObjectWriter &writer) { writer.add("reason", reason); });
                update.reason = reason;
                return update;
            },
            [&](const PlayerReady &) { return drop(u"Tachyon has no update for PLAYER_READY"_s); },
            [&](const PlayerChat &p) -> std::optional<EngineUpdate>
            {
                const auto user = userId(p.from);
                if (!user)
                {
                    return unknownPlayer(p.from);
                }
                std::string_view destination;
                std::optional<QString> toUser;
                switch (p.destination)
                {
                case ChatToAllies:
                    destination = "allies";
                    break;
                case ChatToSpectators:
                    destination = "spectators";
                    break;
                case ChatToEveryone:
                    destination = "all";
                    break;
                case ChatToHost:
                    return drop(u"chat addressed to the host"_s);
                default:
                    toUser = userId(p.destination);
                    if (!toUser)
                    {
                        return unknownPlayer(p.destination);
                    }
                    destination = "player";
                }
                return make("player_chat", *user,
                            [&](JsonObjectWriter &writer)
                            {
                                writer.add("message", text(p.text)).add("destination", destination);
                                if (toUser)
                                {
                                    writer.add("toUserId", *toUser);
                                }
                            });
            },
            [&](const PlayerDefeated &p) -> std::optional<EngineUpdate>
            {
                const auto user = userId(p.player);
                if (!user)
                {
                    return unknownPlayer(p.player);
                }
                return make("player_defeated", *user, noMembers);
            },
            [&](const PlayerSecretChat &p) -> std::optional<EngineUpdate>
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
                return make("player_chat", *user,
                            [&](JsonObjectWriter &writer) {
                                writer.add("message", text(p.text))
                                    .add("destination", "player")
                                    .add("toUserId", *toUser);
                            });
            },
            [&](const GameLuaMsg &p) -> std::optional<EngineUpdate>
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
                std::optional<const char *> mode;
                if (p.script == LuaScriptUi)
                {
                    mode = luaUiMode(p.mode);
                    if (!mode)
                    {
                        return drop(u"unknown LuaUI mode %1"_s.arg(p.mode));
                    }
                }
                return make("luamsg", *user,
                            [&](JsonObjectWriter &writer)
                            {
                                writer.add("script", *script);
                                if (mode)
                                {
                                    writer.add("uiMode", *mode);
                                }
                                writer.add("data", p.data.toBase64().toStdString());
                            });
            },
            [&](const GameTeamStat &) { return drop(u"Tachyon has no update for team statistics"_s); },
        },
        packet);
}

EngineUpdate UpdateTranslator::engineQuit()
{
    return EngineUpdate{JsonObjectWriter().add("type", "engine_quit").take(), "engine_quit", {}, {}};
}

EngineUpdate UpdateTranslator::engineCrash(const QString &details)
{
    JsonObjectWriter writer;
    writer.add("type", "engine_crash");
    if (!details.isEmpty())
    {
        writer.add("details", details);
    }
    return EngineUpdate{writer.take(), "engine_crash", {}, {}};
}

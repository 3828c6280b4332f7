#pragma once

#include <optional>

#include <QRegularExpression>

#include "battles/engineupdate.h"
#include "battles/playertable.h"
#include "protocol/enginepacket.h"

// Turns engine packets into the "update" member of autohost/update events (spec: Update; reference notes
// §3.8). Player numbers resolve to userIds through the battle's player table; an event about a number nobody
// was given is dropped, because the server must only ever see userIds it handed out.
class UpdateTranslator
{
public:
    // luamsgFilter: luamsg updates are produced only when it is set and matches the message (as UTF-8 text).
    UpdateTranslator(const PlayerTable *players, std::optional<QRegularExpression> luamsgFilter);

    // The update for a packet, or nothing when Tachyon has no update for it (SERVER_STARTED, SERVER_QUIT,
    // PLAYER_READY, GAME_TEAMSTAT, chat addressed to the host) or it cannot be mapped (unknown player, a game
    // over without winners, a filtered Lua message). `why` receives the reason a packet was dropped, for the
    // log.
    std::optional<EngineUpdate> translate(const EnginePacket::Packet &packet, QString *why = nullptr) const;

    static EngineUpdate engineQuit();
    static EngineUpdate engineCrash(const QString &details);

private:
    std::optional<QString> userId(int player) const;

    const PlayerTable *m_players;
    std::optional<QRegularExpression> m_luamsgFilter;
};

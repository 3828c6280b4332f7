#pragma once

#include <string>
#include <string_view>

#include <QMetaType>
#include <QString>

#include "protocol/json.h"

// An update for autohost/update events (spec: Update) as a battle produces it: serialised once, with the few
// members the views and counters read kept at hand, so that nobody parses the text again.
struct EngineUpdate
{
    // The "update" member as compact JSON.
    std::string json;
    // "player_chat", "engine_quit", …: always one of the translator's literals.
    std::string_view type;
    // The user it is about, where it names one.
    QString userId;
    // player_left's reason ("left", "kicked", "lost_connection").
    std::string_view reason;

    // engine_quit and engine_crash: a battle's last update.
    static bool isBattleEndType(std::string_view type)
    {
        return type == "engine_quit" || type == "engine_crash";
    }
    bool isBattleEnd() const { return isBattleEndType(type); }
    // player_joined, player_left and player_defeated: a player came, went or now watches.
    bool changesPlayer() const
    {
        return type == "player_joined" || type == "player_left" || type == "player_defeated";
    }
    // The text parsed, for tests and rare readers.
    Json parsed() const { return Json::parse(json); }
};

Q_DECLARE_METATYPE(EngineUpdate)

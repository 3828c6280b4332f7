#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QString>

#include "protocol/startscriptwriter.h"

// The participants of one battle with their engine player numbers: first the script's players in script
// order, then users added later, each with the next number (engine notes §4). Lookups go both ways.
class PlayerTable
{
public:
    PlayerTable() = default;
    explicit PlayerTable(const QList<ScriptPlayer> &scriptPlayers);

    std::optional<ScriptPlayer> byUserId(const QString &userId) const;
    std::optional<ScriptPlayer> byNumber(int number) const;
    // Case-insensitive, as the engine compares names.
    std::optional<ScriptPlayer> byName(const QString &name) const;

    // Adds a spectator with the next player number and returns it.
    ScriptPlayer addSpectator(const QString &userId, const QString &name);
    // Undoes the last addSpectator (when sending its command failed).
    void removeLast();
    // The first of "<prefix>1", "<prefix>2", … that no participant has: user ids for users an operator adds,
    // which can never be a lobby's numeric id.
    QString unusedUserId(const QString &prefix) const;

    int size() const { return int(m_players.size()); }
    const QList<ScriptPlayer> &players() const { return m_players; }

private:
    QList<ScriptPlayer> m_players;
    QHash<QString, int> m_indexByUserId;
    QHash<QString, int> m_indexByFoldedName;
};

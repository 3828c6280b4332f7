#include "battles/playertable.h"

namespace
{
// The engine lower-cases names byte by byte with the C locale, so only ASCII letters fold; "Ä" and "ä" stay
// different names there and must stay different here.
QString foldName(const QString &name)
{
    QString folded = name;
    for (QChar &c : folded)
    {
        if (c >= u'A' && c <= u'Z')
        {
            c = QChar(c.unicode() + (u'a' - u'A'));
        }
    }
    return folded;
}
} // namespace

PlayerTable::PlayerTable(const QList<ScriptPlayer> &scriptPlayers)
{
    for (const ScriptPlayer &player : scriptPlayers)
    {
        const int index = int(m_players.size());
        m_players.append(player);
        // On a repeated id or name the earliest entry wins, as in the engine's lookups in index order.
        m_indexByUserId.insert(player.userId, m_indexByUserId.value(player.userId, index));
        const QString folded = foldName(player.name);
        m_indexByFoldedName.insert(folded, m_indexByFoldedName.value(folded, index));
    }
}

std::optional<ScriptPlayer> PlayerTable::byUserId(const QString &userId) const
{
    const auto it = m_indexByUserId.constFind(userId);
    if (it == m_indexByUserId.cend())
    {
        return std::nullopt;
    }
    return m_players.at(*it);
}

std::optional<ScriptPlayer> PlayerTable::byNumber(int number) const
{
    for (const ScriptPlayer &player : m_players)
    {
        if (player.number == number)
        {
            return player;
        }
    }
    return std::nullopt;
}

std::optional<ScriptPlayer> PlayerTable::byName(const QString &name) const
{
    const auto it = m_indexByFoldedName.constFind(foldName(name));
    if (it == m_indexByFoldedName.cend())
    {
        return std::nullopt;
    }
    return m_players.at(*it);
}

ScriptPlayer PlayerTable::addSpectator(const QString &userId, const QString &name)
{
    // The engine gives an added user the number equal to its player count at that moment.
    const int index = int(m_players.size());
    const ScriptPlayer player{userId, name, index, true};
    m_players.append(player);
    m_indexByUserId.insert(userId, m_indexByUserId.value(userId, index));
    const QString folded = foldName(name);
    m_indexByFoldedName.insert(folded, m_indexByFoldedName.value(folded, index));
    return player;
}

void PlayerTable::removeLast()
{
    if (m_players.isEmpty())
    {
        return;
    }
    const int index = int(m_players.size()) - 1;
    const ScriptPlayer last = m_players.takeLast();
    if (m_indexByUserId.value(last.userId, -1) == index)
    {
        m_indexByUserId.remove(last.userId);
    }
    const QString folded = foldName(last.name);
    if (m_indexByFoldedName.value(folded, -1) == index)
    {
        m_indexByFoldedName.remove(folded);
    }
}

QString PlayerTable::unusedUserId(const QString &prefix) const
{
    for (int number = 1;; ++number)
    {
        QString userId = prefix + QString::number(number);
        if (!m_indexByUserId.contains(userId))
        {
            return userId;
        }
    }
}

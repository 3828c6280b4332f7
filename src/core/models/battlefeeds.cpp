#include "models/battlefeeds.h"

#include <algorithm>
#include <memory>

#include <QPointer>

#include "battles/battlemanager.h"
#include "models/feedmodel.h"

namespace
{
// The names a feed shows: looked up live while the battle exists (players join later), copied when it ends
// because the Battle is deleted soon after.
struct PlayerNames
{
    QPointer<Battle> battle;
    QHash<QString, QString> copied;

    QString name(const QString &userId) const
    {
        if (battle)
        {
            const auto player = battle->players().byUserId(userId);
            return player ? player->name : QString();
        }
        return copied.value(userId);
    }

    void copy()
    {
        if (battle)
        {
            for (const ScriptPlayer &player : battle->players().players())
            {
                copied.insert(player.userId, player.name);
            }
        }
    }
};
} // namespace

BattleFeeds::BattleFeeds(BattleManager *battles, UpdateBuffer *updates, QObject *parent)
    : QObject(parent)
    , m_updates(updates)
{
    connect(battles, &BattleManager::battleAdded, this, &BattleFeeds::addBattle);
    connect(battles, &BattleManager::battleRemoved, this, &BattleFeeds::handleBattleRemoved);
    for (Battle *battle : battles->battles())
    {
        addBattle(battle);
    }
}

FeedModel *BattleFeeds::feed(const QUuid &battleId) const
{
    return m_feeds.value(battleId);
}

QObject *BattleFeeds::feedFor(const QString &battleId) const
{
    return feed(QUuid::fromString(battleId));
}

void BattleFeeds::setKeptEndedBattles(int count)
{
    m_keptEndedBattles = std::max(0, count);
    dropOldEndedFeeds();
}

void BattleFeeds::addBattle(Battle *battle)
{
    const QUuid id = battle->id();
    if (m_feeds.contains(id))
    {
        return;
    }
    auto names = std::make_shared<PlayerNames>();
    names->battle = battle;
    connect(battle, &Battle::ended, this, [names] { names->copy(); });
    m_feeds.insert(id,
                   new FeedModel(
                       m_updates, id, [names](const QString &userId) { return names->name(userId); }, this));
    emit feedAdded(id);
}

void BattleFeeds::handleBattleRemoved(const QUuid &battleId)
{
    if (m_feeds.contains(battleId))
    {
        m_ended.push_back(battleId);
        dropOldEndedFeeds();
    }
}

void BattleFeeds::dropOldEndedFeeds()
{
    while (qsizetype(m_ended.size()) > m_keptEndedBattles)
    {
        const QUuid id = m_ended.front();
        m_ended.pop_front();
        FeedModel *dropped = m_feeds.take(id);
        emit feedRemoved(id);
        dropped->deleteLater();
    }
}

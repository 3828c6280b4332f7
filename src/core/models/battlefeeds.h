#pragma once

#include <deque>

#include <QHash>
#include <QObject>
#include <QUuid>

class Battle;
class BattleManager;
class FeedModel;
class UpdateBuffer;

// One feed per battle, created when the battle is added and kept after it ended, for the last
// keptEndedBattles battles that ended. A feed's names come from its battle's player table while the battle
// exists and from a copy taken when it ends.
class BattleFeeds : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultKeptEndedBattles = 50;

    BattleFeeds(BattleManager *battles, UpdateBuffer *updates, QObject *parent = nullptr);

    // The battle's feed, or null when the battle is unknown or its feed was dropped.
    FeedModel *feed(const QUuid &battleId) const;
    // The same for QML, with the battle id as text (with or without braces).
    Q_INVOKABLE QObject *feedFor(const QString &battleId) const;

    int keptEndedBattles() const { return m_keptEndedBattles; }
    void setKeptEndedBattles(int count);

signals:
    void feedAdded(const QUuid &battleId);
    // The feed is deleted once control returns to the event loop.
    void feedRemoved(const QUuid &battleId);

private:
    void addBattle(Battle *battle);
    void handleBattleRemoved(const QUuid &battleId);
    void dropOldEndedFeeds();

    UpdateBuffer *m_updates;
    QHash<QUuid, FeedModel *> m_feeds;
    std::deque<QUuid> m_ended; // oldest first
    int m_keptEndedBattles = DefaultKeptEndedBattles;
};

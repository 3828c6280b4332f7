#pragma once

#include <vector>

#include <QHash>
#include <QSet>
#include <QStringView>
#include <QUuid>

// What the benchmark's Tachyon server makes of the autohost/update events it receives, frame by frame and
// without a JSON parser, so that counting a million of them costs little next to the autohost: updates, the
// fast engine's chats ("<sequence number> <send time>") per battle with losses and duplicates, the latency
// from the engine's send to the server's receipt (both CLOCK_MONOTONIC), and the battles that ended.
class UpdateTally
{
public:
    // Counts an autohost/update event; false for any other frame.
    bool take(QStringView frame, qint64 receivedNs);

    // A new count from zero (the ended battles and lastTime() stay).
    void reset();
    // Chats 0 … count − 1 are expected from that battle.
    void expectChats(const QUuid &battle, quint64 count);

    quint64 updates() const { return m_updates; }
    quint64 expectedChats() const { return m_expected; }
    quint64 uniqueChats() const { return m_unique; }
    quint64 lostChats() const { return m_expected - m_unique; }
    quint64 duplicateChats() const { return m_duplicates; }
    // Chats that are not the fast engine's, from battles not expected, or numbered beyond the expected count.
    quint64 strayChats() const { return m_stray; }
    // The earliest send time of the chats counted and the receipt of the last update (CLOCK_MONOTONIC ns).
    qint64 firstSendNs() const { return m_firstSendNs; }
    qint64 lastReceiveNs() const { return m_lastReceiveNs; }
    // Send → receipt of every chat counted once, in order of receipt.
    const std::vector<qint64> &latenciesNs() const { return m_latenciesNs; }

    // The newest update time seen since the start (µs since the epoch, the autohost's clock): a
    // subscribeUpdates since this time replays only what comes later.
    qint64 lastTime() const { return m_lastTime; }
    // Battles with engine_quit or engine_crash, since the start.
    bool hasEnded(const QUuid &battle) const { return m_ended.contains(battle); }

private:
    struct BattleChats
    {
        std::vector<bool> seen;
    };

    void takeChat(const QUuid &battle, QStringView text, qint64 receivedNs);

    QHash<QUuid, BattleChats> m_battles;
    QSet<QUuid> m_ended;
    quint64 m_updates = 0;
    quint64 m_expected = 0;
    quint64 m_unique = 0;
    quint64 m_duplicates = 0;
    quint64 m_stray = 0;
    qint64 m_firstSendNs = 0;
    qint64 m_lastReceiveNs = 0;
    qint64 m_lastTime = 0;
    std::vector<qint64> m_latenciesNs;
};

#pragma once

#include <deque>
#include <functional>

#include <QObject>
#include <QUuid>

#include "protocol/json.h"

// The one buffer of autohost/update events for all battles (spec: subscribeUpdates, update). Every update
// gets a time in µs since the Unix epoch that is unique and strictly increasing across all battles (the wall
// clock, or the previous time + 1 when the clock has not moved on or went backwards). Updates are kept for
// the retention period; a subscriber gets every kept update with time > since, oldest first, then live ones
// as they come.
class UpdateBuffer : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QUuid battleId;
        qint64 time = 0;
        // The "update" member ({"type": …, …}) as compact JSON. Serialised once, when appended; the journal,
        // the server connection and replays use the text as it is.
        std::string updateJson;

        // The update parsed again, for the readers that look inside it.
        Json update() const;
    };
    using Clock = std::function<qint64()>; // µs since the Unix epoch

    explicit UpdateBuffer(qint64 retentionMicroseconds, QObject *parent = nullptr);
    void setClock(Clock clock); // for tests

    // Stamps and stores an update, then emits appended (the live stream).
    const Entry &append(const QUuid &battleId, const Json &update);
    // The same for an update already serialised (compact JSON).
    const Entry &appendSerialised(const QUuid &battleId, std::string updateJson);
    // Takes back the entries of an earlier run (the journal), oldest first, keeping their times, so that a
    // subscriber's since works across a restart; later appends are stamped above them. An entry not newer
    // than the last one is left out (times stay unique). Nothing is emitted.
    void restore(const std::vector<Entry> &entries);

    // Kept entries with time > since, oldest first.
    std::vector<Entry> since(qint64 since) const;
    // The same without copying: visit is called for each of them.
    void forEachSince(qint64 since, const std::function<void(const Entry &entry)> &visit) const;
    // The same for as long as visit returns true; false when visit stopped early.
    bool visitSince(qint64 since, const std::function<bool(const Entry &entry)> &visit) const;
    // Kept entries with time < before, newest first, for as long as visit returns true.
    void visitBackwards(qint64 before, const std::function<bool(const Entry &entry)> &visit) const;
    // True when `since` lies before the retention window (now − retention), i.e. updates may have been
    // dropped.
    bool isTooOld(qint64 since) const;

    qint64 retention() const { return m_retention; }
    qint64 now() const;
    qsizetype size() const { return qsizetype(m_entries.size()); }

    // True for engine_quit and engine_crash, a battle's last update.
    static bool isBattleEnd(const Json &update);

    // The "data" of an autohost/update event for an entry: {"battleId", "time", "update"}.
    static Json eventData(const Entry &entry);
    // Appends the same as compact JSON to out, built around the stored text without parsing it.
    static void appendEventDataJson(std::string &out, const Entry &entry);
    // Appends the whole autohost/update event for an entry, with a new message id, as compact JSON to out.
    static void appendEventJson(std::string &out, const Entry &entry);

signals:
    void appended(const UpdateBuffer::Entry &entry);

private:
    void prune();
    std::deque<Entry>::const_iterator firstAfter(qint64 since) const;

    qint64 m_retention;
    Clock m_clock;
    qint64 m_lastTime = 0;
    qint64 m_nextPrune = 0; // the stamp from which the next append prunes
    std::deque<Entry> m_entries;
};

#pragma once

#include <vector>

#include <QObject>
#include <QPointer>
#include <QUuid>

#include "backend/autohostbackend.h"
#include "models/feedmodel.h"
#include "updates/updatebuffer.h"

// One battle's feed as a backend tells it: the existing FeedModel over an UpdateBuffer of its own, which
// gets the battle's updates with the host's times, oldest first: those the host keeps (the feed read, page
// by page from the newest) and the live ones of the updates events, merged by time, which is unique. A load
// after a lost link fills the gap the same way: whatever is newer than what is here.
class FeedMirror : public QObject
{
    Q_OBJECT

public:
    // Updates per feed read.
    static constexpr int PageSize = 1000;

    FeedMirror(const QUuid &battleId, qint64 retentionMicroseconds, FeedModel::Resolver resolver,
               QObject *parent = nullptr);

    FeedModel *model() const { return m_model; }
    QUuid battleId() const { return m_battleId; }
    // The time of the newest update here; 0 before the first.
    qint64 lastTime() const { return m_lastTime; }
    bool loading() const { return m_loading; }

    // Reads what the host keeps newer than lastTime(); live updates wait until it is in.
    void load(AutohostBackend *backend);
    // A live update of this battle (an entry of an updates event).
    void addLive(qint64 time, const Json &update);

signals:
    // A load has finished (with everything the host had, or what arrived before a failure).
    void loaded();

private:
    struct Pending
    {
        qint64 time;
        Json update;
    };

    void readPage(std::optional<qint64> before);
    void handlePage(const AutohostBackend::Answer &answer);
    void finishLoad();
    void append(qint64 time, const Json &update);

    QUuid m_battleId;
    UpdateBuffer m_buffer;
    FeedModel *m_model;
    QPointer<AutohostBackend> m_backend;
    qint64 m_lastTime = 0;
    qint64 m_appendTime = 0; // while appending: the host's time of the update, the buffer's clock
    bool m_loading = false;
    quint64 m_load = 0;        // counts loads, so that an answer to an earlier one is ignored
    std::vector<Json> m_pages; // the pages read so far, newest first
    qsizetype m_pageEntries = 0;
    std::vector<Pending> m_live; // arrived during a load
};

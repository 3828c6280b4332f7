#pragma once

#include <deque>
#include <memory>
#include <vector>

#include <QFile>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>

#include "updates/updatebuffer.h"
#include "util/result.h"

class QLockFile;

// The update buffer on disk, so that subscribeUpdates replays across a restart of the autohost and the
// battles that were running when it died can be reported on the next start.
//
// A directory of segment files (segment-<number>.journal, oldest first) and a lock file, so that two
// processes never share it. A record is a 12-byte header — magic "AHJ1", payload length, CRC-32 of the
// payload, all little-endian — and the payload: kind (1 byte), flags (1 byte, bit 0: a local battle), time
// (µs, 8 bytes), battle id (16 bytes) and a JSON body: the update, or for a started battle what identifies
// its engine.
//
// Update records are gathered in memory until flush() hands them to the kernel with one unbuffered write; the
// caller flushes before it passes the updates on, so a killed autohost never loses an update the server has
// seen. Any other record, sync() and close() flush first, so records stay in order. sync() adds fdatasync for
// power losses. Records that cannot be written (disk full) are kept in memory and written before the next
// ones once writing works again.
//
// Bounds: a segment is closed once it holds segmentBytes, or once its oldest record has left the retention;
// closed segments are deleted when their newest record is older than the retention, and the oldest ones while
// the directory holds more than maxBytes. A new segment starts with the started markers of the battles still
// open, so deleting old segments never forgets a running battle.
//
// Reading: every record's checksum is verified. Damage in the middle of a segment is skipped up to the next
// valid record (one flipped byte loses one record, not the rest of the segment); what cannot be read at the
// end of a segment (the torn tail of a write cut short) is truncated away. Both are logged with their size.
class UpdateJournal
{
public:
    struct Settings
    {
        QString directory;
        qint64 maxBytes = qint64(256) << 20;
        qint64 segmentBytes = qint64(16) << 20;
        qint64 retention = qint64(600) * 1000000; // µs, as the update buffer's
    };

    // A battle with a started marker and no ended marker: running, or running when its autohost died.
    struct OpenBattle
    {
        QUuid battleId;
        qint64 startedAt = 0; // µs since the Unix epoch
        qint64 pid = 0;       // of its engine
        // The engine's program and arguments, to recognise the process behind the pid (pids are reused).
        QStringList commandLine;
        bool local = false;
        bool terminalReported = false; // its engine_quit or engine_crash is journalled
    };

    // What open() read.
    struct Contents
    {
        std::vector<UpdateBuffer::Entry> updates; // in journal order (oldest first)
        QSet<QUuid> localBattles;                 // battles whose updates never go to the server
        QList<OpenBattle> openBattles;            // oldest first
        qint64 lastTime = 0;                      // of the newest record; 0 for an empty journal
    };

    explicit UpdateJournal(Settings settings);
    ~UpdateJournal();
    UpdateJournal(const UpdateJournal &) = delete;
    UpdateJournal &operator=(const UpdateJournal &) = delete;

    // The segment size for a journal of maxBytes: a sixteenth, from 64 KiB to 16 MiB.
    static qint64 segmentBytesFor(qint64 maxBytes);

    // Creates and locks the directory, reads every segment (cutting off damaged tails) and deletes what is
    // out of bounds. Fails when another process holds the lock or the directory cannot be used.
    Result<Contents> open();
    // Syncs and releases the lock; nothing is written after.
    void close();
    bool isOpen() const;

    // Adds an update's record to those flush() writes. Fails only for a closed journal or a record too large.
    Status appendUpdate(const UpdateBuffer::Entry &entry, bool local);
    // Writes the gathered update records with one write.
    Status flush();
    // Each of these writes one record, after the gathered ones. A failure says why records could not be
    // written now; they are kept and written before the next ones (or by sync()) once writing works again.
    Status appendBattleStarted(const OpenBattle &battle);
    Status appendBattleEnded(const QUuid &battleId, qint64 time);
    // A sign of life, so that the next start can tell roughly when a dead autohost stopped.
    Status appendAlive(qint64 time);
    // Writes the records kept after failures, then fdatasyncs the current segment if it changed since.
    Status sync();

    bool isBattleOpen(const QUuid &battleId) const { return m_openBattles.contains(battleId); }
    QList<OpenBattle> openBattles() const;
    // Records kept after failed writes.
    qsizetype pendingRecords() const { return m_pendingRecords; }
    // Write attempts that failed, ever.
    quint64 writeFailures() const { return m_writeFailures; }
    // Updates given up while writing failed: out of the retention, or more than maxBytes waiting.
    quint64 droppedRecords() const { return m_droppedRecords; }
    qint64 totalBytes() const { return m_totalBytes; }
    QStringList segmentPaths() const;

private:
    enum class Kind : quint8
    {
        Update = 1,
        BattleStarted = 2,
        BattleEnded = 3,
        Alive = 4,
    };
    struct Segment
    {
        QString path;
        qint64 bytes = 0;
        qint64 markerBytes = 0; // the open battles' markers it began with
        qint64 oldestTime = 0;
        qint64 newestTime = 0;
    };
    // Records written together, or to be.
    struct Batch
    {
        QByteArray records;
        int count = 0;
        qint64 oldestTime = 0;
        qint64 newestTime = 0;
        bool marker = false; // holds a battle's start or end: never given up

        // Counts a record just appended to records.
        void noteAdded(qint64 time);
    };

    // body: the JSON body, null for none.
    static QByteArray encode(Kind kind, bool local, qint64 time, const QUuid &battleId, const Json &body);
    static Json startedBody(const OpenBattle &battle);
    // Appends a record to out; bodyJson: the JSON body as text.
    static void appendRecord(QByteArray &out, Kind kind, bool local, qint64 time, const QUuid &battleId,
                             QByteArrayView bodyJson);
    Status append(Kind kind, bool local, qint64 time, const QUuid &battleId, const Json &body);
    // Writes what waits (kept after failures, then gathered), then the batch, if any.
    Status write(Batch batch);
    // Applies a record to what the journal knows (open battles, loaded updates); false for a record that
    // makes no sense (unknown kind, bad body).
    bool apply(Kind kind, bool local, qint64 time, const QUuid &battleId, const Json &body,
               Contents *contents);
    void readSegment(const QString &path, Contents *contents);
    Status writeBatch(const Batch &batch);
    Status startSegment(qint64 time);
    void keep(Batch batch);
    void noteFailure(const QString &why);
    void prune();

    Settings m_settings;
    std::unique_ptr<QLockFile> m_lock;
    std::deque<Segment> m_segments; // oldest first; m_file, when open, is the last one
    QFile m_file;
    quint64 m_nextNumber = 1;
    qint64 m_totalBytes = 0;
    qint64 m_newestTime = 0;
    QHash<QUuid, OpenBattle> m_openBattles;
    Batch m_gathered;            // update records not yet written
    std::deque<Batch> m_pending; // kept after failed writes, oldest first
    qint64 m_pendingBytes = 0;
    qsizetype m_pendingRecords = 0;
    quint64 m_writeFailures = 0;
    quint64 m_droppedRecords = 0;
    bool m_failing = false; // the last write attempt failed
    bool m_dirty = false;   // written since the last fdatasync
};

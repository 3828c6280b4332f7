#include <csignal>

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "messagecapture.h"
#include "updates/updatejournal.h"

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr qint64 Second = 1'000'000;
constexpr qint64 Start = 1'750'000'000 * Second;
const QUuid BattleA = QUuid::fromString(u"{5d8f8b6e-8d3a-4d8c-9a52-0c4b1e2f3a4b}"_s);
const QUuid BattleB = QUuid::fromString(u"{a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d}"_s);
const QUuid BattleC = QUuid::fromString(u"{0f0e0d0c-0b0a-4908-8706-050403020100}"_s);

UpdateBuffer::Entry entry(const QUuid &battle, qint64 time, int n)
{
    return {
        battle, time,
        dumpJson(Json{{"type", "player_chat"}, {"userId", "1001"}, {"message", "m" + std::to_string(n)}})};
}

// Appends an update and writes it, as the service does before passing an update on.
Status appendAndFlush(UpdateJournal &journal, const UpdateBuffer::Entry &entry, bool local)
{
    if (const Status appended = journal.appendUpdate(entry, local); !appended)
    {
        return appended;
    }
    return journal.flush();
}

UpdateJournal::OpenBattle battle(const QUuid &id, qint64 startedAt, qint64 pid, bool local = false)
{
    UpdateJournal::OpenBattle battle;
    battle.battleId = id;
    battle.startedAt = startedAt;
    battle.pid = pid;
    battle.commandLine = {u"/srv/engines/2025.06.22/spring-dedicated"_s, u"-isolation"_s,
                          u"/srv/instances/%1/script.txt"_s.arg(id.toString(QUuid::WithoutBraces))};
    battle.local = local;
    return battle;
}

// "battle/time/message" of each update, for comparisons that show what differs.
QStringList describe(const QList<UpdateBuffer::Entry> &updates)
{
    QStringList lines;
    for (const UpdateBuffer::Entry &update : updates)
    {
        lines.append(u"%1/%2/%3"_s.arg(update.battleId.toString(QUuid::WithoutBraces).left(4))
                         .arg(update.time - Start)
                         .arg(QString::fromStdString(
                             update.update().value("message", update.update().value("type", "")))));
    }
    return lines;
}

// The same for what the journal read.
QStringList describeRead(const std::vector<UpdateBuffer::Entry> &updates)
{
    return describe(QList<UpdateBuffer::Entry>(updates.begin(), updates.end()));
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

QStringList segmentFiles(const QString &dir)
{
    return QDir(dir).entryList({u"segment-*.journal"_s}, QDir::Files, QDir::Name);
}

// While it lives, files of this process cannot grow beyond a size, as on a full disk (writes fail with EFBIG
// instead of ENOSPC, and SIGXFSZ is ignored).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(qint64 bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_original);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = m_original;
        limited.rlim_cur = rlim_t(bytes);
        m_applied = ::setrlimit(RLIMIT_FSIZE, &limited) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_original);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool applied() const { return m_applied; }

private:
    rlimit m_original{};
    void (*m_previousHandler)(int) = nullptr;
    bool m_applied = false;
};

qint64 sizeOnDisk(const QString &dir)
{
    qint64 total = 0;
    for (const QString &name : segmentFiles(dir))
    {
        total += fileSize(QDir(dir).filePath(name));
    }
    return total;
}
} // namespace

// The journal of updates on disk: what is written comes back after a restart, damage costs only the damaged
// records, bounds hold, and one process at a time.
class TestUpdateJournal : public QObject
{
    Q_OBJECT

private:
    static UpdateJournal::Settings settings(const QString &dir)
    {
        UpdateJournal::Settings settings;
        settings.directory = dir;
        settings.maxBytes = 1 << 20;
        settings.segmentBytes = 64 << 10;
        settings.retention = 600 * Second;
        return settings;
    }

    // Writes the updates into a fresh journal in dir and closes it; the size of the segment before each one.
    static QList<qint64> writeUpdates(const QString &dir, const QList<UpdateBuffer::Entry> &updates)
    {
        UpdateJournal journal(settings(dir));
        if (!journal.open().ok())
        {
            return {};
        }
        QList<qint64> offsets;
        for (const UpdateBuffer::Entry &update : updates)
        {
            offsets.append(journal.totalBytes());
            if (!appendAndFlush(journal, update, false).ok())
            {
                return {};
            }
        }
        return offsets;
    }

private slots:
    void writesAndReadsBack()
    {
        QTemporaryDir dir;
        const QList<UpdateBuffer::Entry> updates = {
            entry(BattleA, Start + 1, 1), entry(BattleB, Start + 2, 2), entry(BattleA, Start + 3, 3)};
        {
            UpdateJournal journal(settings(dir.path()));
            const auto contents = journal.open();
            QVERIFY2(contents.ok(), qPrintable(contents.ok() ? QString() : contents.error()));
            QVERIFY(contents->updates.empty());
            QCOMPARE(contents->lastTime, qint64(0));
            QVERIFY(journal.appendBattleStarted(battle(BattleA, Start, 4242)).ok());
            QVERIFY(journal.appendBattleStarted(battle(BattleB, Start + 1, 4243, true)).ok());
            QVERIFY(appendAndFlush(journal, updates.at(0), false).ok());
            QVERIFY(appendAndFlush(journal, updates.at(1), true).ok());
            QVERIFY(appendAndFlush(journal, updates.at(2), false).ok());
            QVERIFY(journal.appendAlive(Start + 9 * Second).ok());
            QVERIFY(journal.sync().ok());
            QCOMPARE(journal.totalBytes(), sizeOnDisk(dir.path()));
        }
        UpdateJournal journal(settings(dir.path()));
        const auto contents = journal.open();
        QVERIFY(contents.ok());
        QCOMPARE(describeRead(contents->updates), describe(updates));
        for (std::size_t i = 0; i < contents->updates.size(); ++i)
        {
            QCOMPARE(contents->updates.at(i).updateJson, updates.at(qsizetype(i)).updateJson);
        }
        QCOMPARE(contents->localBattles, QSet<QUuid>{BattleB});
        QCOMPARE(contents->lastTime, Start + 9 * Second);
        QCOMPARE(contents->openBattles.size(), 2);
        const UpdateJournal::OpenBattle &first = contents->openBattles.at(0);
        QCOMPARE(first.battleId, BattleA);
        QCOMPARE(first.startedAt, Start);
        QCOMPARE(first.pid, qint64(4242));
        QCOMPARE(first.commandLine, battle(BattleA, Start, 4242).commandLine);
        QVERIFY(!first.local);
        QCOMPARE(contents->openBattles.at(1).battleId, BattleB);
        QVERIFY(contents->openBattles.at(1).local);
    }

    // A record's payload (26 fixed bytes and the body) may be 4 MiB, what reading accepts: one byte more is
    // refused with its size, and nothing of it is written, whether an update or a battle's start.
    void aRecordOverTheLimitIsRefusedAndNothingOfItWritten()
    {
        constexpr qsizetype MaxBody = (4 << 20) - 26;
        QTemporaryDir dir;
        UpdateJournal::Settings large = settings(dir.path());
        large.maxBytes = 64 << 20;
        large.segmentBytes = 16 << 20;
        const UpdateBuffer::Entry before = entry(BattleA, Start + 1, 1);
        // A chat whose text is exactly bodyBytes long.
        const auto chat = [](qsizetype bodyBytes)
        {
            const std::string head = "{\"type\":\"player_chat\",\"userId\":\"1001\",\"message\":\"";
            return head + std::string(std::size_t(bodyBytes) - head.size() - 2, 'x') + "\"}";
        };
        const UpdateBuffer::Entry atLimit{BattleA, Start + 2, chat(MaxBody)};
        const UpdateBuffer::Entry overLimit{BattleA, Start + 3, chat(MaxBody + 1)};
        const UpdateBuffer::Entry after = entry(BattleA, Start + 4, 4);
        {
            UpdateJournal journal(large);
            QVERIFY(journal.open().ok());
            QVERIFY(appendAndFlush(journal, before, false).ok());
            QVERIFY(appendAndFlush(journal, atLimit, false).ok());
            const qint64 written = journal.totalBytes();
            const Status refused = journal.appendUpdate(overLimit, false);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error(), u"a record of 4194317 bytes is too large for the journal"_s);
            UpdateJournal::OpenBattle huge = battle(BattleB, Start + 3, 4243);
            huge.commandLine = {QString(MaxBody, u'y')};
            const Status refusedStart = journal.appendBattleStarted(huge);
            QVERIFY(!refusedStart.ok());
            QVERIFY2(refusedStart.error().contains(u"too large for the journal"_s),
                     qPrintable(refusedStart.error()));
            QVERIFY(journal.flush().ok());
            QCOMPARE(journal.totalBytes(), written);
            QVERIFY(appendAndFlush(journal, after, false).ok());
        }
        UpdateJournal journal(large);
        const auto contents = journal.open();
        QVERIFY(contents.ok());
        QCOMPARE(contents->updates.size(), std::size_t(3));
        QCOMPARE(contents->updates.at(0).updateJson, before.updateJson);
        QCOMPARE(contents->updates.at(1).updateJson, atLimit.updateJson);
        QCOMPARE(contents->updates.at(2).updateJson, after.updateJson);
        QVERIFY(contents->openBattles.isEmpty());
    }

    // Each byte of the middle record flipped in turn (magic, length, checksum, payload): the records around
    // it survive, the damaged one is skipped and said so.
    void aFlippedByteCostsOnlyItsRecord()
    {
        QTemporaryDir dir;
        const QList<UpdateBuffer::Entry> updates = {
            entry(BattleA, Start + 1, 1), entry(BattleA, Start + 2, 2), entry(BattleA, Start + 3, 3)};
        const QList<qint64> offsets = writeUpdates(dir.path(), updates);
        QCOMPARE(offsets.size(), 3);
        const QString path = QDir(dir.path()).filePath(segmentFiles(dir.path()).constFirst());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        file.close();
        for (qint64 at = offsets.at(1); at < offsets.at(2); ++at)
        {
            QByteArray damaged = original;
            damaged[at] = char(damaged.at(at) ^ 0x10);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(damaged);
            file.close();

            MessageCapture capture;
            UpdateJournal journal(settings(dir.path()));
            const auto contents = journal.open();
            QVERIFY(contents.ok());
            const QString where = u"byte %1"_s.arg(at);
            QVERIFY2(describeRead(contents->updates) == describe({updates.at(0), updates.at(2)}),
                     qPrintable(where));
            QVERIFY2(capture.take().join(u'\n').contains(
                         u"skipped %1 damaged bytes at offset %2"_s.arg(offsets.at(2) - offsets.at(1))
                             .arg(offsets.at(1))),
                     qPrintable(where));
            // Not at the end: nothing is cut off.
            QCOMPARE(fileSize(path), qint64(original.size()));
        }
    }

    // The file cut at every byte of its last record, as a crash in the middle of a write leaves it: the
    // records before it come back, the torn bytes are cut off and said so, and the journal goes on.
    void aTornTailIsCutOffAtEveryOffset()
    {
        const QList<UpdateBuffer::Entry> updates = {
            entry(BattleA, Start + 1, 1), entry(BattleB, Start + 2, 2), entry(BattleA, Start + 3, 3)};
        QTemporaryDir scratch;
        const QList<qint64> offsets = writeUpdates(scratch.path(), updates);
        QCOMPARE(offsets.size(), 3);
        const QString name = segmentFiles(scratch.path()).constFirst();
        const qint64 lastStart = offsets.at(2);
        const qint64 end = fileSize(QDir(scratch.path()).filePath(name));
        QVERIFY(end > lastStart + 20);
        for (qint64 cut = lastStart; cut < end; ++cut)
        {
            QTemporaryDir dir;
            const QString path = QDir(dir.path()).filePath(name);
            QVERIFY(QFile::copy(QDir(scratch.path()).filePath(name), path));
            QFile file(path);
            QVERIFY(file.resize(cut));

            const QString where = u"cut at %1"_s.arg(cut);
            MessageCapture capture;
            {
                UpdateJournal journal(settings(dir.path()));
                const auto contents = journal.open();
                QVERIFY2(contents.ok(), qPrintable(where));
                QVERIFY2(describeRead(contents->updates) == describe(updates.mid(0, 2)), qPrintable(where));
                QVERIFY2(fileSize(path) == lastStart, qPrintable(where));
                const QString log = capture.take().join(u'\n');
                QVERIFY2(
                    (cut > lastStart) ==
                        log.contains(u"dropped a torn or damaged tail of %1 bytes"_s.arg(cut - lastStart)),
                    qPrintable(where + u": "_s + log));
                QVERIFY(appendAndFlush(journal, entry(BattleC, Start + 4, 4), false).ok());
            }
            UpdateJournal journal(settings(dir.path()));
            const auto contents = journal.open();
            QVERIFY(contents.ok());
            QVERIFY2(describeRead(contents->updates) ==
                         describe({updates.at(0), updates.at(1), entry(BattleC, Start + 4, 4)}),
                     qPrintable(where));
            QVERIFY(capture.take().join(u'\n').indexOf(u"dropped"_s) < 0);
        }
    }

    void oldSegmentsAreDeletedByAge()
    {
        QTemporaryDir dir;
        UpdateJournal::Settings small = settings(dir.path());
        small.segmentBytes = 300; // about three records each
        small.retention = 100 * Second;
        UpdateJournal journal(small);
        QVERIFY(journal.open().ok());
        for (int i = 0; i < 30; ++i)
        {
            QVERIFY(appendAndFlush(journal, entry(BattleA, Start + i * Second, i), false).ok());
        }
        const int segments = int(segmentFiles(dir.path()).size());
        QVERIFY2(segments >= 8, qPrintable(QString::number(segments)));
        QCOMPARE(journal.segmentPaths().size(), segments);

        // 120 s after the first: the segments whose newest record is older than 20 s go.
        QVERIFY(appendAndFlush(journal, entry(BattleA, Start + 120 * Second, 120), false).ok());
        QCOMPARE(journal.totalBytes(), sizeOnDisk(dir.path()));
        UpdateJournal::Settings readOnly = small;
        journal.close();
        UpdateJournal reread(readOnly);
        const auto contents = reread.open();
        QVERIFY(contents.ok());
        QVERIFY(!contents->updates.empty());
        // Whole segments go: what is left starts at most one segment before 20 s and ends with the newest.
        QVERIFY(contents->updates.front().time >= Start + 17 * Second);
        QVERIFY(contents->updates.front().time <= Start + 20 * Second);
        QCOMPARE(contents->updates.back().time, Start + 120 * Second);
        QVERIFY(int(segmentFiles(dir.path()).size()) < segments);
    }

    // A quiet journal is bounded by age too: a segment whose oldest record leaves the retention is closed, so
    // that it can go.
    void aQuietSegmentIsClosedOnceItsOldestRecordExpires()
    {
        QTemporaryDir dir;
        UpdateJournal::Settings quiet = settings(dir.path());
        quiet.retention = 100 * Second;
        UpdateJournal journal(quiet);
        QVERIFY(journal.open().ok());
        QVERIFY(appendAndFlush(journal, entry(BattleA, Start, 0), false).ok());
        QVERIFY(appendAndFlush(journal, entry(BattleA, Start + 50 * Second, 1), false).ok());
        QCOMPARE(segmentFiles(dir.path()).size(), 1);
        QVERIFY(appendAndFlush(journal, entry(BattleA, Start + 160 * Second, 2), false).ok());
        QCOMPARE(segmentFiles(dir.path()).size(), 1);
        QCOMPARE(journal.segmentPaths().size(), 1);
        journal.close();
        UpdateJournal reread(quiet);
        const auto contents = reread.open();
        QVERIFY(contents.ok());
        QCOMPARE(describeRead(contents->updates), describe({entry(BattleA, Start + 160 * Second, 2)}));
    }

    void theOldestSegmentsGoWhenTheJournalIsTooLarge()
    {
        QTemporaryDir dir;
        UpdateJournal::Settings bounded = settings(dir.path());
        bounded.maxBytes = 8 << 10;
        bounded.segmentBytes = 1 << 10;
        MessageCapture capture;
        UpdateJournal journal(bounded);
        QVERIFY(journal.open().ok());
        for (int i = 0; i < 1000; ++i)
        {
            QVERIFY(appendAndFlush(journal, entry(BattleA, Start + i, i), false).ok());
            QVERIFY2(journal.totalBytes() <= bounded.maxBytes, qPrintable(QString::number(i)));
        }
        QCOMPARE(journal.totalBytes(), sizeOnDisk(dir.path()));
        QVERIFY(capture.take().join(u'\n').contains(u"journal over its limit"_s));
        journal.close();
        UpdateJournal reread(bounded);
        const auto contents = reread.open();
        QVERIFY(contents.ok());
        // The newest records, without a gap, as many as fit.
        QCOMPARE(contents->updates.back().time, Start + 999);
        QVERIFY(contents->updates.size() > 50);
        QVERIFY(contents->updates.size() < 200);
        for (std::size_t i = 1; i < contents->updates.size(); ++i)
        {
            QCOMPARE(contents->updates.at(i).time, contents->updates.at(i - 1).time + 1);
        }
    }

    void openBattlesAreThoseStartedAndNotEnded()
    {
        QTemporaryDir dir;
        {
            UpdateJournal journal(settings(dir.path()));
            QVERIFY(journal.open().ok());
            QVERIFY(journal.appendBattleStarted(battle(BattleA, Start, 100)).ok());
            QVERIFY(journal.appendBattleStarted(battle(BattleB, Start + 1, 101)).ok());
            QVERIFY(journal.appendBattleStarted(battle(BattleC, Start + 2, 102)).ok());
            QVERIFY(journal.isBattleOpen(BattleB));
            QVERIFY(
                appendAndFlush(journal, {BattleB, Start + 3, dumpJson(Json{{"type", "engine_quit"}})}, false)
                    .ok());
            QVERIFY(journal.appendBattleEnded(BattleB, Start + 4).ok());
            QVERIFY(!journal.isBattleOpen(BattleB));
            // C's engine_quit is written, its end not (the autohost died in between).
            QVERIFY(
                appendAndFlush(journal, {BattleC, Start + 5, dumpJson(Json{{"type", "engine_quit"}})}, false)
                    .ok());
            // An end for a battle the journal never saw start changes nothing.
            QVERIFY(journal.appendBattleEnded(QUuid::createUuid(), Start + 6).ok());
        }
        UpdateJournal journal(settings(dir.path()));
        const auto contents = journal.open();
        QVERIFY(contents.ok());
        QCOMPARE(contents->openBattles.size(), 2);
        QCOMPARE(contents->openBattles.at(0).battleId, BattleA);
        QVERIFY(!contents->openBattles.at(0).terminalReported);
        QCOMPARE(contents->openBattles.at(1).battleId, BattleC);
        QVERIFY(contents->openBattles.at(1).terminalReported);
        QCOMPARE(contents->openBattles.at(1).pid, qint64(102));
    }

    // A battle running for longer than the retention: the segment with its started marker is long deleted,
    // yet the journal still knows it, from the marker written again at the head of every later segment.
    void aLongBattleOutlivesItsFirstSegment()
    {
        QTemporaryDir dir;
        UpdateJournal::Settings small = settings(dir.path());
        small.segmentBytes = 1000;
        small.retention = 10 * Second;
        {
            UpdateJournal journal(small);
            QVERIFY(journal.open().ok());
            QVERIFY(journal.appendBattleStarted(battle(BattleA, Start, 777)).ok());
            QVERIFY(journal.appendBattleStarted(battle(BattleB, Start, 778)).ok());
            QVERIFY(
                appendAndFlush(journal, {BattleB, Start + 1, dumpJson(Json{{"type", "engine_crash"}})}, false)
                    .ok());
            const QString first = journal.segmentPaths().constFirst();
            for (int i = 0; i < 200; ++i)
            {
                QVERIFY(appendAndFlush(journal, entry(BattleC, Start + 2 + i * Second, i), false).ok());
            }
            QVERIFY(!QFile::exists(first));
            QVERIFY(journal.totalBytes() < 4 * small.segmentBytes);
        }
        UpdateJournal journal(small);
        const auto contents = journal.open();
        QVERIFY(contents.ok());
        QCOMPARE(contents->openBattles.size(), 2);
        const UpdateJournal::OpenBattle &a = contents->openBattles.at(0);
        QCOMPARE(a.battleId, BattleA);
        QCOMPARE(a.startedAt, Start);
        QCOMPARE(a.pid, qint64(777));
        QCOMPARE(a.commandLine, battle(BattleA, Start, 777).commandLine);
        QVERIFY(!a.terminalReported);
        // B's engine_crash went with the old segments; its marker remembers it was reported.
        QCOMPARE(contents->openBattles.at(1).battleId, BattleB);
        QVERIFY(contents->openBattles.at(1).terminalReported);
        QVERIFY(std::none_of(contents->updates.cbegin(), contents->updates.cend(),
                             [](const UpdateBuffer::Entry &update) { return update.battleId == BattleB; }));
    }

    void oneProcessAtATime()
    {
        QTemporaryDir dir;
        UpdateJournal first(settings(dir.path()));
        QVERIFY(first.open().ok());
        UpdateJournal second(settings(dir.path()));
        const auto refused = second.open();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(u"is in use by"_s) &&
                     refused.error().contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(refused.error()));
        QVERIFY(!second.appendAlive(Start).ok());
        first.close();
        QVERIFY(second.open().ok());
    }

    // The lock of a process that died (SIGKILL leaves it behind) does not keep the next one out.
    void aDeadProcessLockIsTakenOver()
    {
        QTemporaryDir dir;
        const QString lockPath = QDir(dir.path()).filePath(u"lock"_s);
        QByteArray content;
        {
            // A lock file as this program writes it, then with the pid of a process that is gone.
            QLockFile lock(lockPath);
            QVERIFY(lock.tryLock(0));
            QFile file(lockPath);
            QVERIFY(file.open(QIODevice::ReadOnly));
            content = file.readAll();
        }
        QProcess gone;
        gone.start(u"/bin/true"_s);
        QVERIFY(gone.waitForStarted(5000));
        const qint64 pid = gone.processId();
        QVERIFY(gone.waitForFinished(5000));
        QFile file(lockPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::number(pid) + content.mid(content.indexOf('\n')));
        file.close();

        UpdateJournal journal(settings(dir.path()));
        const auto opened = journal.open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
    }

    // Writes that fail (here: the file size limit, as a full disk would) keep the records in memory, cut off
    // what part of a record reached the file, and write everything in order once writing works again.
    void failedWritesAreKeptAndWrittenLater()
    {
        QTemporaryDir dir;
        UpdateJournal journal(settings(dir.path()));
        QVERIFY(journal.open().ok());
        QVERIFY(appendAndFlush(journal, entry(BattleA, Start + 1, 1), false).ok());
        const QString path = journal.segmentPaths().constFirst();
        const qint64 size = fileSize(path);

        MessageCapture capture;
        auto limit = std::make_unique<FileSizeLimit>(size + 7); // room for a part of the next record only
        QVERIFY(limit->applied());
        const Status failed = appendAndFlush(journal, entry(BattleA, Start + 2, 2), false);
        const Status failedToo = appendAndFlush(journal, entry(BattleB, Start + 3, 3), false);
        const Status stillFailing = journal.sync();
        const qint64 sizeWhileFailing = fileSize(path);
        limit.reset();

        QVERIFY(!failed.ok());
        QVERIFY(!failedToo.ok());
        QVERIFY(!stillFailing.ok());
        QCOMPARE(sizeWhileFailing, size);
        QCOMPARE(journal.pendingRecords(), 2);
        QVERIFY(journal.writeFailures() >= 3);
        const QStringList warned = capture.take();
        QCOMPARE(warned.filter(u"cannot write to"_s).size(), 1); // once, not per record

        QVERIFY(journal.sync().ok());
        QCOMPARE(journal.pendingRecords(), 0);
        QVERIFY(capture.take().join(u'\n').contains(u"writing works again"_s));
        QVERIFY(appendAndFlush(journal, entry(BattleA, Start + 4, 4), false).ok());
        journal.close();
        UpdateJournal reread(settings(dir.path()));
        const auto contents = reread.open();
        QVERIFY(contents.ok());
        QCOMPARE(describeRead(contents->updates),
                 describe({entry(BattleA, Start + 1, 1), entry(BattleA, Start + 2, 2),
                           entry(BattleB, Start + 3, 3), entry(BattleA, Start + 4, 4)}));
    }

    // Updates that wait longer than the retention to be written are given up; a battle's markers never are.
    void whileWritingFailsOnlyUpdatesWithinTheRetentionWait()
    {
        QTemporaryDir dir;
        UpdateJournal::Settings shortLived = settings(dir.path());
        shortLived.retention = 100 * Second;
        UpdateJournal journal(shortLived);
        QVERIFY(journal.open().ok());
        QVERIFY(appendAndFlush(journal, entry(BattleA, Start, 0), false).ok());
        {
            FileSizeLimit limit(fileSize(journal.segmentPaths().constFirst()));
            QVERIFY(limit.applied());
            QVERIFY(!journal.appendBattleStarted(battle(BattleB, Start + 1, 55)).ok());
            QVERIFY(!appendAndFlush(journal, entry(BattleB, Start + 2 * Second, 2), false).ok());
            QVERIFY(!appendAndFlush(journal, entry(BattleB, Start + 50 * Second, 50), false).ok());
            QVERIFY(!appendAndFlush(journal, entry(BattleB, Start + 150 * Second, 150), false).ok());
        }
        QCOMPARE(journal.droppedRecords(), quint64(1));
        QCOMPARE(journal.pendingRecords(), 3);
        QVERIFY(journal.sync().ok());
        journal.close();
        UpdateJournal reread(shortLived);
        const auto contents = reread.open();
        QVERIFY(contents.ok());
        // The one at 2 s was given up; the first stays with its segment, which holds one within the
        // retention.
        QCOMPARE(describeRead(contents->updates),
                 describe({entry(BattleA, Start, 0), entry(BattleB, Start + 50 * Second, 50),
                           entry(BattleB, Start + 150 * Second, 150)}));
        QCOMPARE(contents->openBattles.size(), 1);
        QCOMPARE(contents->openBattles.constFirst().battleId, BattleB);
        QCOMPARE(contents->openBattles.constFirst().pid, qint64(55));
    }

    void segmentSizeFollowsTheLimit()
    {
        QCOMPARE(UpdateJournal::segmentBytesFor(qint64(256) << 20), qint64(16) << 20);
        QCOMPARE(UpdateJournal::segmentBytesFor(qint64(16) << 20), qint64(1) << 20);
        QCOMPARE(UpdateJournal::segmentBytesFor(qint64(1) << 20), qint64(64) << 10);
        QCOMPARE(UpdateJournal::segmentBytesFor(qint64(100000) << 20), qint64(16) << 20);
    }
};

QTEST_GUILESS_MAIN(TestUpdateJournal)
#include "tst_updatejournal.moc"

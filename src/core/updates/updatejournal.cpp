#include "updates/updatejournal.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>

#include <QDir>
#include <QLockFile>
#include <QRegularExpression>
#include <QtEndian>

#include "logging.h"
#include "util/conversions.h"
#include "util/crc32.h"

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr char Magic[] = {'A', 'H', 'J', '1'};
constexpr qsizetype HeaderSize = 12;       // magic, length, CRC-32
constexpr qsizetype FixedPayloadSize = 26; // kind, flags, time, battle id
// Far above any update (an engine datagram is at most 64 KiB), far below what a damaged length could claim.
constexpr quint32 MaxPayloadSize = 4u << 20;
constexpr quint8 LocalFlag = 0x01;
const QString LockName = u"lock"_s;
const QRegularExpression SegmentName(u"^segment-(\\d{12})\\.journal$"_s);

QString segmentFileName(quint64 number)
{
    return u"segment-%1.journal"_s.arg(number, 12, 10, QChar(u'0'));
}

// The payload of the record at offset, or a null view when no valid record starts there.
QByteArrayView recordAt(const QByteArray &data, qsizetype offset)
{
    if (data.size() - offset < HeaderSize || std::memcmp(data.constData() + offset, Magic, 4) != 0)
    {
        return {};
    }
    const auto *header = reinterpret_cast<const uchar *>(data.constData() + offset);
    const quint32 length = qFromLittleEndian<quint32>(header + 4);
    const quint32 checksum = qFromLittleEndian<quint32>(header + 8);
    if (length < FixedPayloadSize || length > MaxPayloadSize ||
        data.size() - offset - HeaderSize < qsizetype(length))
    {
        return {};
    }
    const QByteArrayView payload(data.constData() + offset + HeaderSize, length);
    return crc32(payload) == checksum ? payload : QByteArrayView();
}

// Refuses a record whose payload (the fixed part and the body) is over the limit recordAt enforces on
// reading.
Status checkPayloadSize(qsizetype payloadBytes)
{
    if (payloadBytes > MaxPayloadSize)
    {
        return fail(u"a record of %1 bytes is too large for the journal"_s.arg(HeaderSize + payloadBytes));
    }
    return succeeded();
}

} // namespace

UpdateJournal::UpdateJournal(Settings settings)
    : m_settings(std::move(settings))
{
}

UpdateJournal::~UpdateJournal()
{
    close();
}

qint64 UpdateJournal::segmentBytesFor(qint64 maxBytes)
{
    return std::clamp<qint64>(maxBytes / 16, qint64(64) << 10, qint64(16) << 20);
}

bool UpdateJournal::isOpen() const
{
    return m_lock != nullptr;
}

Result<UpdateJournal::Contents> UpdateJournal::open()
{
    const QDir dir(m_settings.directory);
    if (!QDir().mkpath(dir.absolutePath()))
    {
        return fail(u"cannot create the journal directory %1"_s.arg(dir.absolutePath()));
    }
    auto lock = std::make_unique<QLockFile>(dir.filePath(LockName));
    // A lock is stale only when its process is gone, never because it is old: an autohost runs for months.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
    {
        qint64 pid = 0;
        QString host;
        QString application;
        if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &application))
        {
            return fail(u"the journal directory %1 is in use by %2 (pid %3 on %4): another autohost runs "
                        u"with this journalDir"_s.arg(dir.absolutePath(), application)
                            .arg(pid)
                            .arg(host));
        }
        return fail(u"cannot lock the journal directory %1 (is it writable?)"_s.arg(dir.absolutePath()));
    }
    m_lock = std::move(lock);

    QList<QPair<quint64, QString>> numbered;
    for (const QString &name : dir.entryList(QDir::Files))
    {
        const QRegularExpressionMatch match = SegmentName.match(name);
        if (match.hasMatch())
        {
            numbered.append({match.captured(1).toULongLong(), dir.filePath(name)});
        }
    }
    std::sort(numbered.begin(), numbered.end());
    Contents contents;
    for (const auto &[number, path] : std::as_const(numbered))
    {
        readSegment(path, &contents);
        m_nextNumber = number + 1;
    }
    prune();
    contents.openBattles = openBattles();
    contents.lastTime = m_newestTime;
    qCInfo(lcUpdates).noquote() << u"journal %1: %2 segments, %3 KiB, %4 updates, %5 battles open"_s
                                       .arg(dir.absolutePath())
                                       .arg(m_segments.size())
                                       .arg((m_totalBytes + 1023) / 1024)
                                       .arg(contents.updates.size())
                                       .arg(contents.openBattles.size());
    return contents;
}

void UpdateJournal::readSegment(const QString &path, Contents *contents)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
    {
        qCWarning(lcUpdates).noquote()
            << u"journal: cannot read %1: %2; skipped"_s.arg(path, file.errorString());
        return;
    }
    const QByteArray data = file.readAll();
    Segment segment{path, 0, 0, 0, 0};
    qsizetype offset = 0;
    qsizetype validEnd = 0; // the end of the last valid record
    int records = 0;
    while (offset < data.size())
    {
        const QByteArrayView payload = recordAt(data, offset);
        if (payload.isNull())
        {
            // Damage: the next valid record, if any, starts at a later magic.
            offset = data.indexOf(QByteArrayView(Magic, 4), offset + 1);
            if (offset < 0)
            {
                break;
            }
            continue;
        }
        if (offset > validEnd)
        {
            qCWarning(lcUpdates).noquote() << u"journal %1: skipped %2 damaged bytes at offset %3"_s.arg(path)
                                                  .arg(offset - validEnd)
                                                  .arg(validEnd);
        }
        const auto *fixed = reinterpret_cast<const uchar *>(payload.data());
        const auto kind = Kind(fixed[0]);
        const bool local = (fixed[1] & LocalFlag) != 0;
        const qint64 time = qFromLittleEndian<qint64>(fixed + 2);
        const QUuid battleId = QUuid::fromRfc4122(QByteArrayView(payload.data() + 10, 16));
        const QByteArrayView bodyText = payload.sliced(FixedPayloadSize);
        const Json body =
            bodyText.isEmpty() ? Json() : Json::parse(bodyText.begin(), bodyText.end(), nullptr, false);
        if (body.is_discarded() || !apply(kind, local, time, battleId, body, contents))
        {
            qCWarning(lcUpdates).noquote()
                << u"journal %1: a record of kind %2 at offset %3 makes no sense; skipped"_s.arg(path)
                       .arg(int(kind))
                       .arg(offset);
        }
        segment.oldestTime = records == 0 ? time : std::min(segment.oldestTime, time);
        segment.newestTime = records == 0 ? time : std::max(segment.newestTime, time);
        m_newestTime = std::max(m_newestTime, time);
        ++records;
        offset += HeaderSize + payload.size();
        validEnd = offset;
    }
    if (validEnd < data.size())
    {
        // Whatever the cause (a write cut short by a crash, damage), what follows the last valid record is of
        // no use; cut off, it is not reported again on every start.
        if (file.resize(validEnd))
        {
            qCWarning(lcUpdates).noquote()
                << u"journal %1: dropped a torn or damaged tail of %2 bytes"_s.arg(path).arg(data.size() -
                                                                                             validEnd);
        }
        else
        {
            qCWarning(lcUpdates).noquote()
                << u"journal %1: cannot cut off a damaged tail of %2 bytes: %3"_s.arg(path)
                       .arg(data.size() - validEnd)
                       .arg(file.errorString());
        }
    }
    file.close();
    if (records == 0)
    {
        QFile::remove(path);
        return;
    }
    segment.bytes = validEnd;
    m_totalBytes += segment.bytes;
    m_segments.push_back(segment);
}

bool UpdateJournal::apply(Kind kind, bool local, qint64 time, const QUuid &battleId, const Json &body,
                          Contents *contents)
{
    if (local && contents)
    {
        contents->localBattles.insert(battleId);
    }
    switch (kind)
    {
    case Kind::Update:
    {
        if (!body.is_object() || battleId.isNull())
        {
            return false;
        }
        if (UpdateBuffer::isBattleEnd(body))
        {
            const auto open = m_openBattles.find(battleId);
            if (open != m_openBattles.end())
            {
                open->terminalReported = true;
            }
        }
        if (contents)
        {
            contents->updates.push_back(UpdateBuffer::Entry{battleId, time, dumpJson(body)});
        }
        return true;
    }
    case Kind::BattleStarted:
    {
        const Json &marker = body;
        if (!marker.is_object() || battleId.isNull())
        {
            return false;
        }
        OpenBattle battle;
        battle.battleId = battleId;
        battle.local = local;
        battle.startedAt = marker.value("startedAt", time);
        battle.pid = marker.value("pid", qint64(0));
        for (const Json &argument : marker.value("commandLine", Json::array()))
        {
            battle.commandLine.append(toQString(argument.is_string() ? argument.get<std::string>() : ""));
        }
        // A marker written again at the head of a segment knows as much as the first one, or more.
        battle.terminalReported =
            marker.value("terminalReported", false) || m_openBattles.value(battleId).terminalReported;
        m_openBattles.insert(battleId, battle);
        return true;
    }
    case Kind::BattleEnded:
        m_openBattles.remove(battleId);
        return !battleId.isNull();
    case Kind::Alive:
        return true;
    }
    return false;
}

QList<UpdateJournal::OpenBattle> UpdateJournal::openBattles() const
{
    QList<OpenBattle> battles = m_openBattles.values();
    std::sort(battles.begin(), battles.end(),
              [](const OpenBattle &a, const OpenBattle &b) {
                  return std::pair(a.startedAt, uuidText(a.battleId)) <
                         std::pair(b.startedAt, uuidText(b.battleId));
              });
    return battles;
}

QStringList UpdateJournal::segmentPaths() const
{
    QStringList paths;
    for (const Segment &segment : m_segments)
    {
        paths.append(segment.path);
    }
    return paths;
}

QByteArray UpdateJournal::encode(Kind kind, bool local, qint64 time, const QUuid &battleId, const Json &body)
{
    QByteArray record;
    appendRecord(record, kind, local, time, battleId, body.is_null() ? QByteArray() : dumpJsonBytes(body));
    return record;
}

void UpdateJournal::appendRecord(QByteArray &out, Kind kind, bool local, qint64 time, const QUuid &battleId,
                                 QByteArrayView bodyJson)
{
    const qsizetype start = out.size();
    out.resize(start + HeaderSize + FixedPayloadSize);
    auto *bytes = reinterpret_cast<uchar *>(out.data()) + start;
    std::memcpy(bytes, Magic, 4);
    qToLittleEndian<quint32>(quint32(FixedPayloadSize + bodyJson.size()), bytes + 4);
    bytes[HeaderSize] = quint8(kind);
    bytes[HeaderSize + 1] = local ? LocalFlag : 0;
    qToLittleEndian<qint64>(time, bytes + HeaderSize + 2);
    const std::array<uchar, 16> id = uuidBytes(battleId);
    std::memcpy(bytes + HeaderSize + 10, id.data(), id.size());
    out.append(bodyJson);
    const quint32 checksum = crc32(QByteArrayView(out).sliced(start + HeaderSize));
    qToLittleEndian<quint32>(checksum, reinterpret_cast<uchar *>(out.data()) + start + 8);
}

Json UpdateJournal::startedBody(const OpenBattle &battle)
{
    Json commandLine = Json::array();
    for (const QString &argument : battle.commandLine)
    {
        commandLine.push_back(toStdString(argument));
    }
    return Json{{"startedAt", battle.startedAt},
                {"pid", battle.pid},
                {"commandLine", commandLine},
                {"terminalReported", battle.terminalReported}};
}

void UpdateJournal::Batch::noteAdded(qint64 time)
{
    oldestTime = count == 0 ? time : std::min(oldestTime, time);
    newestTime = count == 0 ? time : std::max(newestTime, time);
    ++count;
}

Status UpdateJournal::appendUpdate(const UpdateBuffer::Entry &entry, bool local)
{
    if (!isOpen())
    {
        return fail(u"the journal is closed"_s);
    }
    const QByteArrayView body(entry.updateJson.data(), qsizetype(entry.updateJson.size()));
    if (const Status fits = checkPayloadSize(FixedPayloadSize + body.size()); !fits)
    {
        return fits;
    }
    // Only the text of an engine_quit or engine_crash can hold this; the parse then tells. (A searcher: find
    // would stop at every quote of the text.)
    static const std::string_view battleEndMark = "\"engine_";
    static const std::boyer_moore_horspool_searcher findBattleEndMark(battleEndMark.begin(),
                                                                      battleEndMark.end());
    if (std::search(entry.updateJson.begin(), entry.updateJson.end(), findBattleEndMark) !=
            entry.updateJson.end() &&
        UpdateBuffer::isBattleEnd(entry.update()))
    {
        if (const auto open = m_openBattles.find(entry.battleId); open != m_openBattles.end())
        {
            open->terminalReported = true;
        }
    }
    m_newestTime = std::max(m_newestTime, entry.time);
    // Written straight into the gathered batch: no record of its own to allocate per update.
    appendRecord(m_gathered.records, Kind::Update, local, entry.time, entry.battleId, body);
    m_gathered.noteAdded(entry.time);
    return succeeded();
}

Status UpdateJournal::appendBattleStarted(const OpenBattle &battle)
{
    return append(Kind::BattleStarted, battle.local, battle.startedAt, battle.battleId, startedBody(battle));
}

Status UpdateJournal::appendBattleEnded(const QUuid &battleId, qint64 time)
{
    return append(Kind::BattleEnded, false, time, battleId, {});
}

Status UpdateJournal::appendAlive(qint64 time)
{
    return append(Kind::Alive, false, time, QUuid(), {});
}

Status UpdateJournal::flush()
{
    if (!isOpen())
    {
        return fail(u"the journal is closed"_s);
    }
    return write({});
}

Status UpdateJournal::append(Kind kind, bool local, qint64 time, const QUuid &battleId, const Json &body)
{
    if (!isOpen())
    {
        return fail(u"the journal is closed"_s);
    }
    Batch batch;
    batch.records = encode(kind, local, time, battleId, body);
    batch.noteAdded(time);
    if (const Status fits = checkPayloadSize(batch.records.size() - HeaderSize); !fits)
    {
        return fits;
    }
    apply(kind, local, time, battleId, body, nullptr);
    m_newestTime = std::max(m_newestTime, time);
    batch.marker = kind == Kind::BattleStarted || kind == Kind::BattleEnded;
    return write(std::move(batch));
}

Status UpdateJournal::write(Batch batch)
{
    // Order on disk is order of appending: what was kept after failures, what was gathered, then the batch.
    if (m_gathered.count > 0)
    {
        const qsizetype gatheredBytes = m_gathered.records.size();
        keep(std::exchange(m_gathered, {}));
        // The next turn likely gathers as much: room for it at once instead of growing (and copying) in
        // steps.
        m_gathered.records.reserve(gatheredBytes);
    }
    if (batch.count > 0)
    {
        keep(std::move(batch));
    }
    while (!m_pending.empty())
    {
        const Batch &next = m_pending.front();
        if (const Status written = writeBatch(next); !written)
        {
            noteFailure(written.error());
            return written;
        }
        m_pendingBytes -= next.records.size();
        m_pendingRecords -= next.count;
        m_pending.pop_front();
    }
    if (m_failing)
    {
        m_failing = false;
        qCInfo(lcUpdates) << "journal: writing works again; the records kept meanwhile are written";
    }
    return succeeded();
}

void UpdateJournal::keep(Batch batch)
{
    m_pendingBytes += batch.records.size();
    m_pendingRecords += batch.count;
    m_pending.push_back(std::move(batch));
    if (!m_failing)
    {
        return;
    }
    // Updates that left the retention would be deleted at once, and memory is no place for more than the
    // journal holds on disk: such updates are given up, oldest first. Markers never are; they are few, and
    // without them a restart would not know which battles ran.
    const qint64 expired = m_newestTime - m_settings.retention;
    for (auto it = m_pending.begin(); it != m_pending.end();)
    {
        if (it->marker || (it->newestTime >= expired && m_pendingBytes <= m_settings.maxBytes))
        {
            ++it;
            continue;
        }
        m_pendingBytes -= it->records.size();
        m_pendingRecords -= it->count;
        if (m_droppedRecords == 0)
        {
            qCWarning(lcUpdates) << "journal: updates waited too long to be written; the oldest are given up";
        }
        m_droppedRecords += quint64(it->count);
        it = m_pending.erase(it);
    }
}

void UpdateJournal::noteFailure(const QString &why)
{
    ++m_writeFailures;
    if (!m_failing)
    {
        m_failing = true;
        qCWarning(lcUpdates).noquote()
            << u"journal: cannot write to %1: %2; updates are kept in memory and written once writing works "
               u"again (until then a restart loses them)"_s.arg(m_settings.directory, why);
    }
}

Status UpdateJournal::writeBatch(const Batch &batch)
{
    if (m_file.isOpen())
    {
        const Segment &current = m_segments.back();
        // The markers a segment begins with do not count, or many open battles would make a segment per
        // record.
        const qint64 ownBytes = current.bytes - current.markerBytes;
        if ((ownBytes > 0 && ownBytes + batch.records.size() > m_settings.segmentBytes) ||
            current.oldestTime < batch.newestTime - m_settings.retention)
        {
            m_file.close();
        }
    }
    if (!m_file.isOpen())
    {
        if (const Status started = startSegment(batch.oldestTime); !started)
        {
            return started;
        }
    }
    Segment &current = m_segments.back();
    if (m_file.write(batch.records) != batch.records.size())
    {
        // A short write sets no error; a full disk is the usual reason.
        const QString why =
            m_file.error() != QFileDevice::NoError ? m_file.errorString() : u"short write (disk full?)"_s;
        // A part of the records may have reached the file; the next write goes where this one started.
        m_file.unsetError();
        m_file.resize(current.bytes);
        return fail(why);
    }
    current.bytes += batch.records.size();
    current.oldestTime = std::min(current.oldestTime, batch.oldestTime);
    current.newestTime = std::max(current.newestTime, batch.newestTime);
    m_totalBytes += batch.records.size();
    m_dirty = true;
    prune();
    return succeeded();
}

Status UpdateJournal::startSegment(qint64 time)
{
    const QString path = QDir(m_settings.directory).filePath(segmentFileName(m_nextNumber++));
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::NewOnly | QIODevice::Unbuffered))
    {
        return fail(u"cannot create %1: %2"_s.arg(path, m_file.errorString()));
    }
    // Every segment knows the battles open when it began, so that older segments can go.
    QByteArray markers;
    for (const OpenBattle &battle : openBattles())
    {
        markers += encode(Kind::BattleStarted, battle.local, time, battle.battleId, startedBody(battle));
    }
    if (!markers.isEmpty() && m_file.write(markers) != markers.size())
    {
        const QString why = m_file.errorString();
        m_file.close();
        QFile::remove(path);
        return fail(u"cannot write to %1: %2"_s.arg(path, why));
    }
    m_segments.push_back(Segment{path, markers.size(), markers.size(), time, time});
    m_totalBytes += markers.size();
    return succeeded();
}

void UpdateJournal::prune()
{
    // The newest segment always stays: it holds the latest state of the open battles.
    while (m_segments.size() > 1)
    {
        const Segment &oldest = m_segments.front();
        const bool expired = oldest.newestTime < m_newestTime - m_settings.retention;
        const bool overSize = m_totalBytes > m_settings.maxBytes;
        if (!expired && !overSize)
        {
            return;
        }
        if (!expired)
        {
            qCWarning(lcUpdates).noquote()
                << u"journal over its limit of %1 MiB: deleted %2, so updates from %3 to %4 can no longer be "
                   u"replayed after a restart"_s.arg(double(m_settings.maxBytes) / (1 << 20), 0, 'g', 4)
                       .arg(oldest.path, utcTimeText(oldest.oldestTime), utcTimeText(oldest.newestTime));
        }
        if (!QFile::remove(oldest.path) && QFile::exists(oldest.path))
        {
            qCWarning(lcUpdates).noquote() << u"journal: cannot delete %1"_s.arg(oldest.path);
        }
        m_totalBytes -= oldest.bytes;
        m_segments.pop_front();
    }
}

Status UpdateJournal::sync()
{
    if (!isOpen())
    {
        return succeeded();
    }
    if (const Status written = write({}); !written)
    {
        return written;
    }
#ifdef Q_OS_UNIX
    if (m_dirty && m_file.isOpen())
    {
#ifdef Q_OS_LINUX
        const int synced = ::fdatasync(m_file.handle());
#else
        const int synced = ::fsync(m_file.handle());
#endif
        if (synced != 0)
        {
            return fail(
                u"cannot sync %1: %2"_s.arg(m_file.fileName(), QString::fromLocal8Bit(std::strerror(errno))));
        }
    }
#endif
    m_dirty = false;
    return succeeded();
}

void UpdateJournal::close()
{
    if (!isOpen())
    {
        return;
    }
    if (const Status synced = sync(); !synced)
    {
        qCWarning(lcUpdates).noquote() << u"journal: closing: %1"_s.arg(synced.error());
    }
    m_file.close();
    m_lock->unlock();
    m_lock.reset();
}

#include "logrecorder.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Guards the active recorder against being destroyed while another thread records into it.
std::mutex g_activeMutex;
LogRecorder *g_active = nullptr;
} // namespace

LogRecord::Level LogRecord::levelOf(QtMsgType type)
{
    switch (type)
    {
    case QtDebugMsg:
        return Debug;
    case QtInfoMsg:
        return Info;
    case QtWarningMsg:
        return Warning;
    case QtCriticalMsg:
    case QtFatalMsg:
        return Error;
    }
    return Info;
}

QString LogRecord::levelText(Level level)
{
    switch (level)
    {
    case Debug:
        return u"debug"_s;
    case Info:
        return u"info"_s;
    case Warning:
        return u"warning"_s;
    case Error:
        return u"error"_s;
    }
    return u"info"_s;
}

LogRecorder::LogRecorder(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max<qsizetype>(1, capacity))
{
}

LogRecorder::~LogRecorder()
{
    const std::lock_guard lock(g_activeMutex);
    if (g_active == this)
    {
        g_active = nullptr;
    }
}

void LogRecorder::setActive(LogRecorder *recorder)
{
    const std::lock_guard lock(g_activeMutex);
    g_active = recorder;
}

void LogRecorder::recordToActive(QtMsgType type, const char *category, const QString &message,
                                 qint64 timeMsecs)
{
    // Something logged while recording (a warning from Qt's event posting, say) must not come back here.
    thread_local bool recording = false;
    if (recording)
    {
        return;
    }
    recording = true;
    {
        const std::lock_guard lock(g_activeMutex);
        if (g_active)
        {
            g_active->record(type, category, message, timeMsecs);
        }
    }
    recording = false;
}

void LogRecorder::record(QtMsgType type, const char *category, const QString &message, qint64 timeMsecs)
{
    const std::lock_guard lock(m_mutex);
    LogRecord record;
    record.sequence = ++m_lastSequence;
    record.timeMsecs = timeMsecs;
    record.level = LogRecord::levelOf(type);
    record.category = category && *category ? QString::fromLatin1(category) : u"default"_s;
    record.message = message;
    m_records.push_back(record);
    if (qsizetype(m_records.size()) > m_capacity)
    {
        m_records.pop_front();
    }
    m_undelivered.append(std::move(record));
    if (m_undelivered.size() > m_capacity)
    {
        m_undelivered.removeFirst();
    }
    if (!m_deliveryScheduled)
    {
        m_deliveryScheduled = true;
        // Posting is the only way to reach the recorder's thread from here that is safe in any thread.
        QMetaObject::invokeMethod(this, &LogRecorder::deliver, Qt::QueuedConnection);
    }
}

QList<LogRecord> LogRecorder::records() const
{
    const std::lock_guard lock(m_mutex);
    return QList<LogRecord>(m_records.begin(), m_records.end());
}

void LogRecorder::deliver()
{
    QList<LogRecord> records;
    {
        const std::lock_guard lock(m_mutex);
        records.swap(m_undelivered);
        m_deliveryScheduled = false;
    }
    if (!records.isEmpty())
    {
        emit recorded(records);
    }
}

#pragma once

#include <deque>
#include <mutex>

#include <QList>
#include <QObject>
#include <QString>

// One log message as the log view shows it.
struct LogRecord
{
    enum Level
    {
        Debug = 0,
        Info = 1,
        Warning = 2,
        Error = 3, // critical and fatal
    };

    qint64 sequence = 0;  // 1, 2, … in the order the recorder got them
    qint64 timeMsecs = 0; // since the Unix epoch
    Level level = Info;
    QString category;
    QString message;

    static Level levelOf(QtMsgType type);
    static QString levelText(Level level); // "debug", "info", "warning", "error"
};

// Keeps the last log messages for the log view. The log message handler (LogOutput::install) hands every
// message to the active recorder from whatever thread logged it; record() is thread-safe and delivers the
// new records in the recorder's own thread through a queued call, in batches.
class LogRecorder : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype DefaultCapacity = 10'000;

    explicit LogRecorder(qsizetype capacity = DefaultCapacity, QObject *parent = nullptr);
    ~LogRecorder() override;

    // The recorder the message handler feeds (none by default); a recorder stops being active when destroyed.
    static void setActive(LogRecorder *recorder);
    // Hands a message to the active recorder, if any. Thread-safe.
    static void recordToActive(QtMsgType type, const char *category, const QString &message,
                               qint64 timeMsecs);

    // Thread-safe.
    void record(QtMsgType type, const char *category, const QString &message, qint64 timeMsecs);
    // The kept records, oldest first. Thread-safe.
    QList<LogRecord> records() const;
    qsizetype capacity() const { return m_capacity; }

signals:
    // New records, oldest first; emitted in the recorder's thread.
    void recorded(const QList<LogRecord> &records);

private:
    void deliver();

    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    std::deque<LogRecord> m_records;
    QList<LogRecord> m_undelivered;
    bool m_deliveryScheduled = false;
    qint64 m_lastSequence = 0;
};

#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM (Windows: Ctrl+C, Ctrl+Break and console close), and on request SIGHUP, into Qt
// signals delivered on the event loop, where it is safe to act on them. One instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    // From now on SIGHUP is a reload request instead of the end of the process (Unix; nothing on Windows,
    // which has no such signal). The desktop app leaves SIGHUP alone: its terminal closing still ends it.
    void watchReload();

signals:
    // name: "SIGINT", "SIGTERM", …; count: how many termination requests arrived so far (1 for the first).
    void terminationRequested(const QString &name, int count);
    // SIGHUP arrived (after watchReload()).
    void reloadRequested(const QString &name);

private:
    Q_INVOKABLE void deliver(int signal);

    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
    bool m_watchingReload = false;
};

#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM (Windows: Ctrl+C, Ctrl+Break and console close) into a Qt signal delivered on the
// event loop, where it is safe to act on it. One instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    // name: "SIGINT", "SIGTERM", …; count: how many termination requests arrived so far (1 for the first).
    void terminationRequested(const QString &name, int count);

private:
    Q_INVOKABLE void deliver(int signal);

    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

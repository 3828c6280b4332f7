#include "signalwatcher.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>

#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <QMetaObject>
#include <QPointer>

#include <windows.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace
{
#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void writeSignal(int signal)
{
    const unsigned char byte = static_cast<unsigned char>(signal);
    // Only async-signal-safe calls here.
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

void catchSignal(int signal)
{
    struct sigaction action = {};
    action.sa_handler = writeSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(signal, &action, nullptr);
}
#endif
#ifdef Q_OS_WIN
QPointer<SignalWatcher> watcher;

BOOL WINAPI consoleHandler(DWORD type)
{
    if (watcher)
    {
        QMetaObject::invokeMethod(watcher, "deliver", Qt::QueuedConnection, Q_ARG(int, int(type)));
        return TRUE;
    }
    return FALSE;
}
#endif
} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0)
    {
        m_notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this,
                [this]
                {
                    unsigned char byte = 0;
                    if (::read(signalPipe[0], &byte, 1) == 1)
                    {
                        deliver(byte);
                    }
                });
        catchSignal(SIGINT);
        catchSignal(SIGTERM);
    }
#endif
#ifdef Q_OS_WIN
    watcher = this;
    ::SetConsoleCtrlHandler(consoleHandler, TRUE);
#endif
}

SignalWatcher::~SignalWatcher()
{
#ifdef Q_OS_UNIX
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    if (m_watchingReload)
    {
        ::signal(SIGHUP, SIG_DFL);
    }
    delete m_notifier;
    m_notifier = nullptr;
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    signalPipe[0] = signalPipe[1] = -1;
#endif
#ifdef Q_OS_WIN
    ::SetConsoleCtrlHandler(consoleHandler, FALSE);
#endif
}

void SignalWatcher::watchReload()
{
#ifdef Q_OS_UNIX
    if (m_notifier && !m_watchingReload)
    {
        m_watchingReload = true;
        catchSignal(SIGHUP);
    }
#endif
}

void SignalWatcher::deliver(int signal)
{
#ifdef Q_OS_UNIX
    if (signal == SIGHUP)
    {
        emit reloadRequested(u"SIGHUP"_s);
        return;
    }
#endif
    ++m_count;
    QString name = u"signal %1"_s.arg(signal);
#ifdef Q_OS_UNIX
    if (signal == SIGINT)
    {
        name = u"SIGINT"_s;
    }
    else if (signal == SIGTERM)
    {
        name = u"SIGTERM"_s;
    }
#endif
    emit terminationRequested(name, m_count);
}

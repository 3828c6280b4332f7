#pragma once

#include <functional>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

class AdminControl;
class AdminSession;
class HostState;
class QWebSocketServer;

// What the admin endpoint does with an authenticated stream, on a plain QWebSocketServer on loopback: every
// accepted socket becomes an AdminSession.
class AdminStreamServer : public QObject
{
    Q_OBJECT

public:
    AdminStreamServer(HostState *state, AdminControl *control, QObject *parent = nullptr);
    ~AdminStreamServer() override;

    bool listen();
    QUrl url() const;
    // Called with each new session, e.g. to lower its limits.
    void setSessionSetup(std::function<void(AdminSession *session)> setup);
    // The sessions that still exist, in order of arrival.
    QList<AdminSession *> sessions() const;

private:
    void onNewConnection();

    QWebSocketServer *m_server;
    HostState *m_state;
    AdminControl *m_control;
    std::function<void(AdminSession *session)> m_setup;
    QList<QPointer<AdminSession>> m_sessions;
};

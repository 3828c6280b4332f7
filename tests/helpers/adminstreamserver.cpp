#include "adminstreamserver.h"

#include <QWebSocket>
#include <QWebSocketServer>

#include "admin/adminsession.h"

using namespace Qt::Literals::StringLiterals;

AdminStreamServer::AdminStreamServer(HostState *state, AdminControl *control, QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(u"admin-test"_s, QWebSocketServer::NonSecureMode, this))
    , m_state(state)
    , m_control(control)
{
    connect(m_server, &QWebSocketServer::newConnection, this, &AdminStreamServer::onNewConnection);
}

AdminStreamServer::~AdminStreamServer()
{
    for (const QPointer<AdminSession> &session : std::as_const(m_sessions))
    {
        delete session.data();
    }
}

bool AdminStreamServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl AdminStreamServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/api/v1/stream"_s.arg(m_server->serverPort()));
}

void AdminStreamServer::setSessionSetup(std::function<void(AdminSession *session)> setup)
{
    m_setup = std::move(setup);
}

QList<AdminSession *> AdminStreamServer::sessions() const
{
    QList<AdminSession *> alive;
    for (const QPointer<AdminSession> &session : m_sessions)
    {
        if (session)
        {
            alive.append(session.data());
        }
    }
    return alive;
}

void AdminStreamServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection())
    {
        auto *session = new AdminSession(socket, m_state, m_control);
        if (m_setup)
        {
            m_setup(session);
        }
        m_sessions.append(session);
    }
}

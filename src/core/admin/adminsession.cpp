#include "admin/adminsession.h"

#include <QWebSocket>

#include "admin/hoststate.h"
#include "logging.h"
#include "protocol/tachyonmessage.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
Json failure(const Json &id, const QString &reason, const QString &details)
{
    Json frame = Json::object();
    frame["type"] = "result";
    frame["id"] = id;
    frame["status"] = "failed";
    frame["reason"] = toStdString(reason);
    frame["details"] = toStdString(details);
    return frame;
}
} // namespace

AdminSession::AdminSession(QWebSocket *socket, HostState *state, AdminControl *control, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_state(state)
    , m_control(control)
    , m_peer(u"%1:%2"_s.arg(socket->peerAddress().toString()).arg(socket->peerPort()))
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(MaxIncomingMessageBytes);
    connect(socket, &QWebSocket::textMessageReceived, this, &AdminSession::handleText);
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this] { send(failure(nullptr, FailureReason::InvalidRequest, u"frames must be JSON text"_s)); });
    connect(socket, &QWebSocket::disconnected, this, &QObject::deleteLater);
    m_abortTimer.setSingleShot(true);
    m_abortTimer.setInterval(CloseGraceMs);
    connect(&m_abortTimer, &QTimer::timeout, socket, &QWebSocket::abort);
    if (socket->state() != QAbstractSocket::ConnectedState)
    {
        deleteLater();
        return;
    }
    qCInfo(lcAdmin).noquote() << u"admin stream: %1 connected"_s.arg(m_peer);
    // Whatever changed before goes to the clients that were there; this one starts from the snapshot.
    state->flush();
    send(Json{{"type", "snapshot"}, {"data", state->snapshot()}});
    connect(state, &HostState::streamEvent, this, &AdminSession::sendEvent);
}

AdminSession::~AdminSession()
{
    qCInfo(lcAdmin).noquote() << u"admin stream: %1 disconnected"_s.arg(m_peer);
}

void AdminSession::setMaxPendingBytes(qint64 bytes)
{
    m_maxPendingBytes = bytes;
}

void AdminSession::sendEvent(const QString &name, const Json &data)
{
    Json frame = Json::object();
    frame["type"] = "event";
    frame["event"] = toStdString(name);
    frame["data"] = data;
    send(frame);
}

void AdminSession::send(const Json &frame)
{
    if (m_closing || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
    {
        return;
    }
    if (const qint64 pending = m_socket->bytesToWrite(); pending > m_maxPendingBytes)
    {
        return closeSlowClient(pending);
    }
    m_socket->sendTextMessage(QString::fromUtf8(dumpJsonBytes(frame)));
}

void AdminSession::closeSlowClient(qint64 pending)
{
    m_closing = true;
    qCWarning(lcAdmin).noquote()
        << u"admin stream: %1 does not read what it is sent (%2 bytes unsent), closing it"_s.arg(m_peer).arg(
               pending);
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                    u"too slow: more than %1 bytes unsent"_s.arg(m_maxPendingBytes));
    m_abortTimer.start();
}

void AdminSession::handleText(const QString &text)
{
    if (m_closing)
    {
        return;
    }
    const Json frame = Json::parse(text.toStdString(), nullptr, false);
    if (frame.is_discarded() || !frame.is_object())
    {
        return send(failure(nullptr, FailureReason::InvalidRequest, u"the frame must be a JSON object"_s));
    }
    const auto id = frame.find("id");
    if (id == frame.end() || !(id->is_string() || id->is_number_integer()))
    {
        return send(
            failure(nullptr, FailureReason::InvalidRequest,
                    id == frame.end() ? u"id: is required"_s : u"id: must be a string or an integer"_s));
    }
    const auto type = frame.find("type");
    if (type == frame.end() || *type != "control")
    {
        return send(failure(*id, FailureReason::InvalidRequest, u"type: must be \"control\""_s));
    }
    const auto action = frame.find("action");
    if (action == frame.end() || !action->is_string())
    {
        return send(
            failure(*id, FailureReason::InvalidRequest,
                    action == frame.end() ? u"action: is required"_s : u"action: must be a string"_s));
    }
    if (!m_control)
    {
        return send(failure(*id, FailureReason::InternalError, u"the autohost is shutting down"_s));
    }
    const auto data = frame.find("data");
    const std::optional<Json> dataValue =
        data == frame.end() || data->is_null() ? std::nullopt : std::optional<Json>(*data);
    const QString actionName = toQString(action->get<std::string>());
    const QPointer<AdminSession> self(this);
    m_control->perform(actionName, dataValue,
                       [self, id = *id, actionName](const AdminControl::Answer &result)
                       {
                           // Reads are routine; what changed something is worth the log.
                           if (result && (actionName == u"feed" || actionName == u"log"))
                           {
                               qCDebug(lcAdmin).noquote() << u"admin control %1 → success"_s.arg(actionName);
                           }
                           else if (result)
                           {
                               qCInfo(lcAdmin).noquote() << u"admin control %1 → success"_s.arg(actionName);
                           }
                           else
                           {
                               qCWarning(lcAdmin).noquote() << u"admin control %1 → %2: %3"_s.arg(
                                   actionName, result.error().reason, result.error().details);
                           }
                           if (self)
                           {
                               self->answer(id, result);
                           }
                       });
}

void AdminSession::answer(const Json &id, const AdminControl::Answer &answer)
{
    // The events of what the action changed come before its result.
    if (m_state)
    {
        m_state->flush();
    }
    if (!answer)
    {
        return send(failure(id, answer.error().reason, answer.error().details));
    }
    Json frame = Json::object();
    frame["type"] = "result";
    frame["id"] = id;
    frame["status"] = "success";
    frame["data"] = answer.value();
    send(frame);
}

#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include "admin/admincontrol.h"
#include "protocol/json.h"

class HostState;
class QWebSocket;

// One client of the admin stream (/api/v1/stream) on an authenticated WebSocket: sends the snapshot first,
// then every event of the HostState, and answers the client's control frames through AdminControl, each with
// one result frame (docs/admin-api.md). It owns the socket and deletes itself once the connection is gone.
//
// A frame it cannot use (not JSON, not a control, wrong types) is answered with a failed result and changes
// nothing else. A client that does not read is closed (1008, "too slow: …") as soon as more than
// maxPendingBytes wait to be sent, and aborted if it does not finish the close within CloseGraceMs, so a slow
// client holds a bounded amount of memory.
class AdminSession : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 DefaultMaxPendingBytes = 16 * 1024 * 1024;
    // Control frames are small; a bigger message closes the connection (the WebSocket's own limit, 1009).
    static constexpr quint64 MaxIncomingMessageBytes = 1024 * 1024;
    static constexpr int CloseGraceMs = 5000;

    // The socket is connected (an accepted, authenticated stream); the session takes it over.
    AdminSession(QWebSocket *socket, HostState *state, AdminControl *control, QObject *parent = nullptr);
    ~AdminSession() override;

    qint64 maxPendingBytes() const { return m_maxPendingBytes; }
    void setMaxPendingBytes(qint64 bytes);

private:
    void sendEvent(const QString &name, const Json &data);
    void handleText(const QString &text);
    void answer(const Json &id, const AdminControl::Answer &answer);
    void send(const Json &frame);
    void closeSlowClient(qint64 pending);

    QPointer<QWebSocket> m_socket;
    QPointer<HostState> m_state;
    QPointer<AdminControl> m_control;
    QString m_peer;
    qint64 m_maxPendingBytes = DefaultMaxPendingBytes;
    bool m_closing = false;
    QTimer m_abortTimer;
};

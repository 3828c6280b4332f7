#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include "backend/autohostbackend.h"

class QWebSocket;

// An autohost behind its admin endpoint: one WebSocket to /api/v1/stream with the bearer token, plain (ws) or
// TLS (wss), trusting the system's certificate authorities and optionally a certificate file (a self-signed
// endpoint's own certificate, or the authority that signed it). The stream's snapshot and events are passed
// on as they come; actions go out as control frames, each with its own id, and each result reaches the
// callback of its action, exactly once. When the link drops, the actions still waiting fail with
// NotAttached.
//
// A refused token is Unauthorized and stays so (trying again with the same token would only be refused
// again, and count as a failed login); an autohost that cannot be reached, or a link that is lost, is
// Unreachable and tried again after a delay that doubles from firstRetryDelay up to maxRetryDelay, and starts
// over once attached.
class RemoteBackend : public AutohostBackend
{
    Q_OBJECT
    Q_PROPERTY(int nextRetrySeconds READ nextRetrySeconds NOTIFY linkStateChanged)

public:
    struct Settings
    {
        QString host;
        quint16 port = 8201;
        bool tls = false;
        QByteArray token;
        // A PEM file of certificates to trust besides the system's; empty: the system's only.
        QString certificateFile;

        // ws://host:port/api/v1/stream, or wss:// with TLS.
        QUrl streamUrl() const;
    };

    static constexpr int DefaultFirstRetryDelay = 1000; // ms
    static constexpr int DefaultMaxRetryDelay = 30000;  // ms
    // How long an attempt may take until the snapshot has arrived.
    static constexpr int DefaultAttachTimeout = 15000; // ms

    explicit RemoteBackend(const Settings &settings, QObject *parent = nullptr);
    ~RemoteBackend() override;

    const Settings &settings() const { return m_settings; }

    void attach() override;
    void detach() override;
    void perform(const QString &action, const Json &data, Done done) override;

    // Seconds until the next attempt while Unreachable; 0 when none is planned.
    int nextRetrySeconds() const;
    // The delay before the planned attempt, in milliseconds; 0 when none is planned.
    int retryDelay() const { return m_retryTimer.isActive() ? m_retryTimer.interval() : 0; }
    // Actions sent whose result has not arrived.
    int pendingCount() const { return int(m_pending.size()); }

    void setRetryDelays(int firstMilliseconds, int maxMilliseconds);
    void setAttachTimeout(int milliseconds);

    // The HTTP status a refused WebSocket handshake was answered with, from the socket's error text (Qt 6.4
    // tells it no other way); 0 when it names none.
    static int handshakeStatus(const QString &socketError);

private:
    void connectNow();
    void handleText(const QString &text);
    // The socket failed or closed: once per attempt, after every signal of the failure has arrived.
    void noteFailure();
    void finishAttempt();
    void dropSocket();
    void failPending(const QString &details);
    void scheduleRetry(const QString &error);
    QString failureText() const;

    Settings m_settings;
    QPointer<QWebSocket> m_socket;
    bool m_wanted = false;
    quint64 m_attempt = 0; // counts sockets, so that a late failure of an old one is ignored
    bool m_finishing = false;
    QString m_socketError;
    QList<QSslError> m_sslErrors;
    QHash<qint64, Done> m_pending; // by control id
    qint64 m_nextId = 1;
    QTimer m_retryTimer;
    QTimer m_attachTimer;
    QDeadlineTimer m_retryDeadline;
    int m_firstRetryDelay = DefaultFirstRetryDelay;
    int m_maxRetryDelay = DefaultMaxRetryDelay;
    int m_retryDelay = DefaultFirstRetryDelay;
};

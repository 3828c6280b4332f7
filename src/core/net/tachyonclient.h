#pragma once

#include <functional>
#include <optional>

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include "net/websocketclient.h"
#include "protocol/json.h"
#include "protocol/tachyonmessage.h"
#include "util/result.h"

class OAuthClient;
class QNetworkAccessManager;

struct TachyonEndpoint
{
    QString host;
    std::optional<quint16> port;
    bool secure = true;
    QString clientId;
    QString clientSecret;

    QUrl baseUrl() const;      // http(s)://host[:port]
    QUrl webSocketUrl() const; // ws(s)://host[:port]/tachyon
};

// The connection to the Tachyon server, with the whole reconnect policy (protocol notes §1, §2, §5).
//
// Each attempt fetches a fresh OAuth2 token, then opens the WebSocket with subprotocol v0.tachyon and
// "Authorization: Bearer <token>", and checks the negotiated subprotocol. Failed attempts and dropped
// connections are retried forever with exponential backoff: 50 ms, doubled after every failure up to
// maxReconnectDelay; a connection that stayed open for at least goodSessionThreshold resets the delay to 50
// ms. Incoming binary frames close the connection with 1003, unparsable text or a bad envelope with 1008
// (then the client reconnects). The client pings every keepAliveInterval and reconnects when nothing (no
// frame, no pong) arrived for keepAliveTimeout. TLS certificates are always verified.
class TachyonClient : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,           // not started
        Authenticating, // fetching the OAuth2 token
        Connecting,     // WebSocket handshake
        Connected,
        WaitingToRetry,
        Stopping, // system/disconnect sent, waiting for the close
        Stopped,
    };
    Q_ENUM(State)

    using ResponseHandler = std::function<void(const Result<TachyonMessage> &response)>;

    TachyonClient(TachyonEndpoint endpoint, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TachyonClient() override;

    void setMaxReconnectDelay(int milliseconds);
    void setKeepAlive(int intervalMilliseconds, int timeoutMilliseconds);
    void setGoodSessionThreshold(int milliseconds);
    // How long each OAuth2 request and the WebSocket handshake may take (default 10 s).
    void setRequestTimeout(int milliseconds);

    void start();
    // Sends system/disconnect {reason} when connected, closes the socket (code 1000) and stops reconnecting.
    // Emits stopped() once the socket is closed, or after at most one second.
    void stop(const QString &reason);

    // Sends one message as a text frame. Returns false (and sends nothing) when not connected.
    bool send(const Json &message);
    // The same for a message that is JSON text already.
    bool sendJson(std::string_view message);
    // Bytes of sent messages not yet handed to the system, and handing as many of them as it takes now (sent
    // messages otherwise go out on the next turn of the event loop).
    qint64 bytesToWrite() const;
    void flush();
    // Sends a request and calls handler exactly once: with the response, or with an error when the connection
    // drops or no response arrives within timeoutMilliseconds.
    void sendRequest(const QString &commandId, const std::optional<Json> &data, ResponseHandler handler,
                     int timeoutMilliseconds = 10000);

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    // When the next connection attempt happens (valid while WaitingToRetry).
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    int currentReconnectDelay() const { return m_reconnectDelay; }
    // Increases with every established connection; lets callers tell connections apart.
    quint64 connectionGeneration() const { return m_generation; }
    TachyonEndpoint endpoint() const { return m_endpoint; }

signals:
    void stateChanged(TachyonClient::State state);
    void connected();
    void disconnected(const QString &reason);
    void requestReceived(const TachyonMessage &request);
    void eventReceived(const TachyonMessage &event);
    void stopped();

private:
    struct PendingRequest
    {
        QString commandId;
        ResponseHandler handler;
        QTimer *timer = nullptr;
    };

    void setState(State state);
    void attempt();
    void scheduleRetry(const QString &error);
    void openSocket(const QString &accessToken);
    void onSocketConnected();
    void onSocketFailed(const QString &error);
    void onTextMessage(const QByteArray &text);
    void onTraffic();
    void dropConnection(quint16 closeCode, const QString &closeReason, const QString &error);
    void connectionLost(const QString &error);
    void closeSocket(quint16 closeCode, const QString &reason, bool finishesStop = false);
    void abortSocket();
    void finishRequest(const QString &messageId, const Result<TachyonMessage> &response);
    void failPending(const QString &error);
    void finishStop();

    TachyonEndpoint m_endpoint;
    QNetworkAccessManager *m_network;
    OAuthClient *m_oauth;
    WebSocketClient *m_socket = nullptr;
    State m_state = State::Idle;
    QString m_lastError;
    QDateTime m_nextAttemptAt;
    int m_initialReconnectDelay = 50;
    int m_reconnectDelay = 50;
    // Whether the next wait doubles the delay: not for the first one after start() or after a good session.
    bool m_doubleNextDelay = false;
    int m_maxReconnectDelay = 30000;
    int m_keepAliveInterval = 10000;
    int m_keepAliveTimeout = 30000;
    int m_goodSessionThreshold = 10000;
    int m_requestTimeout = 10000;
    quint64 m_generation = 0;
    QDateTime m_connectedAt;
    QTimer m_retryTimer;
    QTimer m_handshakeTimer;
    QTimer m_keepAliveTimer;
    QTimer m_watchdogTimer;
    QTimer m_stopTimer;
    QHash<QString, PendingRequest> m_pending;
};

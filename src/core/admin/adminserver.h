#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>

#include "admin/adminsettings.h"
#include "admin/loginthrottle.h"
#include "protocol/json.h"
#include "util/result.h"

class HttpRequestHead;
class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

// The admin endpoint: one port for HTTP and WebSocket, plain or TLS. GET /metrics (Prometheus text),
// GET /api/v1/state (JSON) and the WebSocket /api/v1/stream, each behind the bearer token; what they serve
// comes from providers, so the server knows nothing of the service. Plain HTTP answers one request per
// connection. Failed logins are logged and rate limited per client.
class AdminServer : public QObject
{
    Q_OBJECT

public:
    explicit AdminServer(const AdminSettings &settings, QObject *parent = nullptr);
    ~AdminServer() override;

    // Starts listening. Fails with the reason: a refused configuration (see AdminSettings::check()) or the
    // address that could not be bound.
    Status listen();
    // Stops listening; connections already made stay until they end.
    void close();
    quint16 serverPort() const; // the actual port (the settings may ask for port 0)
    QHostAddress serverAddress() const;
    bool secure() const; // TLS on
    // Where clients reach the endpoint: "http://127.0.0.1:8201", "https://[::1]:8201".
    QString url() const;

    // GET /metrics body. Unset: 503.
    void setMetricsProvider(std::function<QByteArray()> provider);
    // GET /api/v1/state body. Unset: 503.
    void setStateProvider(std::function<Json()> provider);
    // An authenticated WebSocket on /api/v1/stream; the handler takes ownership (e.g. reparents it, or an
    // AdminSession deletes it on disconnect). Unset: the upgrade is answered with 503.
    void setStreamHandler(std::function<void(QWebSocket *socket)> handler);

    // How long a client may take to send its request head before the connection is closed (default 10 s).
    void setHeadTimeout(std::chrono::milliseconds timeout);
    // The clock of the failed-login limit (5 failures per 60 s per client); for tests.
    void setClock(LoginThrottle::Clock clock);

private:
    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    void acceptConnection(QTcpSocket *socket);
    void readHead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const HttpRequestHead &request);
    // Nothing when the request carries the token; otherwise the answer (401, or 429 while the client is
    // blocked).
    std::optional<Response> refuseUnauthenticated(const QHostAddress &client, const HttpRequestHead &request);
    void respond(QTcpSocket *socket, const Response &response);
    void upgradeToWebSocket(QTcpSocket *socket);
    void takeWebSockets();
    static Response errorResponse(int status, const char *error, const QString &details);

    AdminSettings m_settings;
    QTcpServer *m_server = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    LoginThrottle m_throttle;
    std::chrono::milliseconds m_headTimeout = std::chrono::seconds(10);
    std::function<QByteArray()> m_metricsProvider;
    std::function<Json()> m_stateProvider;
    std::function<void(QWebSocket *)> m_streamHandler;
};

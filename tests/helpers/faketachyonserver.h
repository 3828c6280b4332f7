#pragma once

#include <functional>
#include <map>
#include <optional>

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocketProtocol>

#include "config/config.h"
#include "protocol/json.h"

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

// A Tachyon server for tests and for trying the autohost by hand. One port serves the OAuth2 endpoints
// (RFC 8414 discovery, client-credentials token) and the WebSocket at /tachyon, with Teiserver's rules where
// the autohost can notice them: single-use Bearer tokens valid for 60 s, subprotocol v0.tachyon required,
// autohost/subscribeUpdates sent on connect, system/disconnect closing without a response, binary frames
// closed with 1003 and unparsable text with 1008. Faults can be switched on for tests.
//
// Connections get ids from 0 upwards for the lifetime of the object; what each one received stays recorded
// after it closed. Slots are the reference fake server's numbering (lowest free index among open
// connections), used by the POST /request/<slot>/<command> endpoint.
class FakeTachyonServer : public QObject
{
    Q_OBJECT

public:
    struct HttpRequest
    {
        QByteArray method;
        QByteArray target;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        // The first header of that name (case-insensitive), or a null QByteArray.
        QByteArray header(const QByteArray &name) const;
    };

    struct ReceivedClose
    {
        int code = 0;
        QString reason;
    };

    explicit FakeTachyonServer(QObject *parent = nullptr);
    ~FakeTachyonServer() override;

    // An autohost configuration that connects to this server (plain HTTP/WebSocket on loopback, its
    // credentials, hostingIP 127.0.0.1); the caller adds directories and ports.
    Config autohostConfig() const;

    // Behaviour and faults; each takes effect for the next request.
    void setCredentials(const QString &clientId, const QString &clientSecret);
    void setTokenType(const QString &tokenType);
    // Answer discovery or token requests with this status and raw body instead (status 0: normal answers).
    void setDiscoveryOverride(int status, const QByteArray &body = {});
    void setTokenOverride(int status, const QByteArray &body = {});
    // Delay before every HTTP answer (including the hand-over of accepted upgrades).
    void setResponseDelay(int milliseconds);
    // Refuse every WebSocket upgrade with this HTTP status (0: accept valid upgrades).
    void setUpgradeRefusal(int status);
    // Accept upgrades without naming a subprotocol in the answer.
    void setNegotiateSubprotocol(bool negotiate);
    // Close every HTTP connection without answering.
    void setDropHttpRequests(bool drop);
    // subscribeUpdates on connect and answers to system/* and unknown requests, as Teiserver does (default
    // on).
    void setTeiserverBehaviour(bool enabled);
    // The since of the subscribeUpdates sent on connect (unset: the current time), as a server that resumes
    // the update stream from the last update it saw.
    void setSubscribeSince(std::optional<qint64> since);
    // The answer to system/serverStats: {"userCount": N}, or, without a count, failed/command_unimplemented
    // as Teiserver answers autohosts (the default).
    void setServerStatsUserCount(std::optional<int> userCount);
    // POST /request/<slot>/<command> with a JSON body sends a request to that connection (the standalone
    // server).
    void setRequestEndpointEnabled(bool enabled);
    // Called first for every text frame; a frame it returns true for is taken: neither recorded, parsed,
    // answered nor signalled. For benchmarks counting millions of updates, which the recording would slow
    // down.
    using FrameFilter = std::function<bool(int connection, const QString &text)>;
    void setFrameFilter(FrameFilter filter);
    // TLS on the whole port (https and wss); set before the first listen().
    void setSslConfiguration(const QSslConfiguration &configuration);
    // A server configuration with that PEM certificate and unencrypted PEM RSA key (e.g. tests/data/tls/).
    static QSslConfiguration sslConfigurationFromFiles(const QString &certificatePath,
                                                       const QString &keyPath);

    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    // Closes the listening socket and every connection.
    void stopListening();
    // Listens again on the address and port of the last listen().
    bool restart();
    bool isListening() const;
    quint16 port() const;
    QUrl baseUrl() const;

    int connectionCount() const;
    QList<int> openConnections() const;
    bool isOpen(int connection) const;
    // The next connection (in order of arrival) that no earlier call returned, waiting for it if needed; -1
    // on timeout.
    int waitForConnection(int timeoutMilliseconds = 5000);
    // Waits for an autohost to connect and for its answer, on that connection, to the subscribeUpdates
    // request Teiserver sends on connect (setTeiserverBehaviour), i.e. until it is ready for requests; the
    // connection, or -1.
    int waitForReadyAutohost(int timeoutMilliseconds = 10000);
    bool waitForDisconnected(int connection, int timeoutMilliseconds = 5000);
    int connectionAtSlot(int slot) const;
    int slotOf(int connection) const;

    QList<Json> received(int connection) const;
    QStringList receivedText(int connection) const;
    QList<QByteArray> receivedBinary(int connection) const;
    // The close frame the client sent, if it sent one.
    std::optional<ReceivedClose> receivedClose(int connection) const;
    // The messages of every connection, in order of arrival per connection.
    QList<Json> allReceived() const;
    // The Authorization header of the connection's upgrade request.
    QByteArray upgradeAuthorization(int connection) const;

    int tokenRequestCount() const { return m_tokenRequestCount; }
    HttpRequest lastTokenRequest() const { return m_lastTokenRequest; }
    QStringList issuedTokens() const { return m_issuedTokens; }

    // Sends a request and returns its messageId (empty when the connection is not open).
    QString sendRequest(int connection, const QString &commandId, const std::optional<Json> &data = {});
    bool sendJson(int connection, const Json &message);
    bool sendText(int connection, const QString &text);
    bool sendBinary(int connection, const QByteArray &data);
    // The response with that messageId on any connection, waiting for it; null on timeout.
    Json waitForResponse(const QString &messageId, int timeoutMilliseconds = 5000);
    // The first message received so far or later (any connection) that matches; null on timeout.
    Json waitForMessage(const std::function<bool(const Json &)> &predicate, int timeoutMilliseconds = 5000);
    void closeConnection(int connection,
                         QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal,
                         const QString &reason = {});
    // Drops the TCP connection without a close frame.
    void abortConnection(int connection);
    // The connection stays open but the server neither reads from it nor answers pings any more.
    void freezeConnection(int connection);

signals:
    void connected(int connection);
    void disconnected(int connection);
    void messageReceived(int connection, const QString &text);
    void tokenIssued(const QString &token);
    // Any recorded change, for the waiting functions.
    void activity(QPrivateSignal);

private:
    struct Connection
    {
        int id = -1;
        int slot = -1;
        QPointer<QWebSocket> socket;
        QPointer<QTcpSocket> tcpSocket;
        QByteArray authorization;
        bool open = true;
        bool frozen = false;
        bool closeInitiatedByServer = false;
        bool closeFrameReceived = false;
        QList<Json> messages;
        QStringList texts;
        QList<QByteArray> binaries;
        std::optional<ReceivedClose> close;
    };
    struct PendingUpgrade
    {
        QPointer<QTcpSocket> tcpSocket;
        QByteArray authorization;
    };

    void onPendingTcpConnections();
    void onHttpData(QTcpSocket *socket);
    void handleHttpRequest(QTcpSocket *socket, const HttpRequest &request);
    void handleDiscovery(QTcpSocket *socket);
    void handleToken(QTcpSocket *socket, const HttpRequest &request);
    void handleUpgrade(QTcpSocket *socket, const HttpRequest &request);
    void handleRequestEndpoint(QTcpSocket *socket, const HttpRequest &request);
    void respond(QTcpSocket *socket, int status, const QByteArray &body,
                 const QByteArray &contentType = "application/json", const QByteArray &extraHeaders = {});
    void later(QTcpSocket *socket, std::function<void()> action);
    void onWebSocketConnection();
    void onWebSocketText(int connection, const QString &text);
    void onWebSocketBinary(int connection, const QByteArray &data);
    void onWebSocketDisconnected(int connection);
    Connection *openConnection(int connection);
    const Connection *findConnection(int connection) const;
    bool waitUntil(const std::function<bool()> &condition, int timeoutMilliseconds);

    QTcpServer *m_tcpServer = nullptr;
    QWebSocketServer *m_webSocketServer = nullptr;
    std::optional<QSslConfiguration> m_sslConfiguration;
    QHostAddress m_address;
    quint16 m_port = 0;

    QString m_clientId = QStringLiteral("autohost1");
    QString m_clientSecret = QStringLiteral("pass1");
    QString m_tokenType = QStringLiteral("Bearer");
    int m_discoveryStatus = 0;
    QByteArray m_discoveryBody;
    int m_tokenStatus = 0;
    QByteArray m_tokenBody;
    int m_responseDelay = 0;
    int m_upgradeRefusal = 0;
    bool m_negotiateSubprotocol = true;
    bool m_dropHttpRequests = false;
    bool m_teiserverBehaviour = true;
    std::optional<int> m_userCount;
    std::optional<qint64> m_subscribeSince;
    bool m_requestEndpointEnabled = false;
    FrameFilter m_frameFilter;

    int m_tokenRequestCount = 0;
    HttpRequest m_lastTokenRequest;
    QStringList m_issuedTokens;
    QHash<QString, QDateTime> m_unusedTokens;
    QList<QPointer<QTcpSocket>> m_httpSockets;
    QHash<quint16, PendingUpgrade> m_pendingUpgrades;
    std::map<int, Connection> m_connections;
    QHash<QString, Json> m_responses; // by messageId, the first of each, from any connection
    int m_nextConnectionId = 0;
    int m_returnedConnections = 0;
};

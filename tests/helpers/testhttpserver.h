#pragma once

#include <functional>

#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A small HTTP/1.1 server on loopback for download tests: each path answers a scripted response (status,
// body, sent in paced chunks, optionally stalling part-way) and every request is recorded.
class TestHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/octet-stream";
        int chunkSize = 0;      // 0: the whole body at once
        int chunkDelayMs = 0;   // pause between chunks
        qint64 stallAfter = -1; // stop sending (connection left open) after this many body bytes
        bool sendLength = true; // Content-Length header (otherwise the end of the connection ends the body)
        QList<QPair<QByteArray, QByteArray>> headers; // more header lines, e.g. Location
    };
    using Handler = std::function<Response(const QUrl &target)>;

    explicit TestHttpServer(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &pathAndQuery) const;

    // Requests for a path get the responses in order; the last one repeats. Unknown paths get 404.
    void setResponses(const QString &path, const QList<Response> &responses);
    void setResponse(const QString &path, const Response &response) { setResponses(path, {response}); }
    // Requests for a path are answered by a function of the request target (path and query).
    void setHandler(const QString &path, const Handler &handler);

    int requestCount(const QString &path) const { return m_counts.value(path); }
    // Request targets (path and query) in arrival order.
    QList<QUrl> requests() const { return m_requests; }

signals:
    void requestReceived(const QUrl &target);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void sendChunks(QTcpSocket *socket, const Response &response, qint64 offset);

    QTcpServer m_server;
    QHash<QString, QList<Response>> m_responses;
    QHash<QString, Handler> m_handlers;
    QHash<QString, int> m_counts;
    QList<QUrl> m_requests;
};

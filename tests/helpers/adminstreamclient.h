#pragma once

#include <functional>
#include <optional>

#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include "protocol/json.h"

// A client of the admin stream for tests: records every frame it receives (parsed), sends controls and waits
// for their results, with a running event loop.
class AdminStreamClient : public QObject
{
    Q_OBJECT

public:
    explicit AdminStreamClient(QObject *parent = nullptr);

    // Connects (with the bearer token, unless empty) and waits for the snapshot frame.
    bool open(const QUrl &url, int timeoutMilliseconds = 10000, const QByteArray &token = {});
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void close() { m_socket.close(); }

    QList<Json> frames() const { return m_frames; }
    // The data of the snapshot frame (the first one), or null.
    Json snapshot() const;
    // The data of every event of that name received so far, in order.
    QList<Json> events(const std::string &name) const;
    // The entries of every updates event received so far.
    qsizetype updatesReceived() const { return m_updatesReceived; }
    // The first frame received so far or later that matches; null on timeout.
    Json waitForFrame(const std::function<bool(const Json &frame)> &matches, int timeoutMilliseconds = 10000);
    // The data of the first event of that name that matches.
    Json waitForEvent(const std::string &name, const std::function<bool(const Json &data)> &matches,
                      int timeoutMilliseconds = 10000);

    void sendText(const QString &text);
    // Sends {"type":"control","id":<next id>,"action","data"}; the id.
    std::string sendControl(const QString &action, const std::optional<Json> &data);
    // The result frame with that id; null on timeout.
    Json waitForResult(const Json &id, int timeoutMilliseconds = 10000);
    // sendControl, then waitForResult.
    Json control(const QString &action, const std::optional<Json> &data, int timeoutMilliseconds = 10000);

    bool waitForDisconnected(int timeoutMilliseconds = 10000);
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }

private:
    QWebSocket m_socket;
    QList<Json> m_frames;
    qsizetype m_updatesReceived = 0;
    int m_nextId = 1;
};

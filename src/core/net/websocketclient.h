#pragma once

#include <string_view>

#include <QByteArray>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "protocol/websockethandshake.h"
#include "protocol/websocketreader.h"

class QTcpSocket;

// A WebSocket client connection (RFC 6455) over a TCP socket, or a TLS one for wss:// with the certificate
// always verified. Text goes out and comes in as UTF-8 bytes, without conversions on the way; server pings
// are answered. The frames and the handshake are pure code (WebSocketFrame, WebSocketReader,
// WebSocketHandshake); this class moves bytes and reports through signals.
class WebSocketClient : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Unconnected,
        Connecting, // TCP (and TLS) connection, then the upgrade
        Open,
        Closing, // a close frame went out or came in
    };

    explicit WebSocketClient(QObject *parent = nullptr);
    ~WebSocketClient() override;

    // Larger messages end the connection with 1009 (default 16 MiB).
    void setMaxIncomingMessageSize(qsizetype bytes);

    // Connects to a ws:// or wss:// address and asks for subprotocol, with extra headers on the upgrade
    // request.
    void open(const QUrl &url, const QString &subprotocol, const WebSocketHandshake::Headers &headers = {});
    State state() const { return m_state; }
    // The subprotocol the server chose; empty when it chose none.
    QString subprotocol() const { return m_subprotocol; }

    // Sends one text message (text must be UTF-8); false, and nothing sent, unless the connection is open.
    bool sendText(std::string_view text);
    void ping();
    // Bytes written but not yet handed to the system, and handing as many of them as it takes now.
    qint64 bytesToWrite() const;
    bool flush();
    // Starts the closing handshake; disconnected() follows once the server answered and the socket closed.
    void close(quint16 code, const QString &reason);
    // Drops the connection at once (disconnected() follows if it was connected).
    void abort();

signals:
    void connected();
    void textReceived(const QByteArray &message);
    void binaryReceived();
    void pongReceived();
    // The server closed the connection with a close frame, which was answered.
    void closedByServer(quint16 code, const QString &reason);
    // The connection failed: the socket, TLS, the upgrade, or a frame the protocol forbids.
    void failed(const QString &error);
    // The socket closed, after whichever of the above, or after close().
    void disconnected();

private:
    void onTransportReady();
    void onReadyRead();
    void onSocketError();
    void onSocketDisconnected();
    void readFrames();
    void sendFrame(WebSocketFrame::Opcode opcode, std::string_view payload);
    void sendClose(quint16 code, const QString &reason);
    void failWith(const QString &error, std::optional<quint16> closeCode = std::nullopt);

    QTcpSocket *m_socket = nullptr;
    State m_state = State::Unconnected;
    qsizetype m_maxIncomingMessageSize = 16 * 1024 * 1024;
    std::optional<WebSocketHandshake> m_handshake;
    QByteArray m_handshakeBuffer;
    WebSocketReader m_reader{m_maxIncomingMessageSize};
    QString m_subprotocol;
    QStringList m_sslErrors;
    // Masks need only be unpredictable to scripts in a browser (§10.3); seeded once from the system.
    QRandomGenerator m_masks;
    // Reused for every outgoing frame.
    QByteArray m_frame;
};

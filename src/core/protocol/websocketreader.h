#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "protocol/websocketframe.h"
#include "util/result.h"

// Reads what a WebSocket server sends (RFC 6455 §5, §6.2): bytes in as they arrive, whole messages out, with
// fragmented messages joined and every rule a client must enforce checked. Pure code.
class WebSocketReader
{
public:
    struct Message
    {
        // Text, Binary, Ping, Pong or Close; Text messages are valid UTF-8.
        WebSocketFrame::Opcode opcode = WebSocketFrame::Opcode::Text;
        QByteArray payload;
        // Close only: the code (NoStatusReceived when the frame had none) and the reason.
        quint16 closeCode = 0;
        QString closeReason;
    };

    // What ends the connection: the close code to send and a sentence for the log.
    struct Violation
    {
        quint16 closeCode = WebSocketFrame::ProtocolError;
        QString error;
    };

    explicit WebSocketReader(qsizetype maxMessageSize);

    void append(QByteArrayView data);
    // The next complete message, nothing while more bytes are needed, or the violation that ends the
    // connection (after which the reader stays failed).
    Result<std::optional<Message>, Violation> next();

    static bool isValidUtf8(QByteArrayView text);

private:
    Result<std::optional<Message>, Violation> violation(quint16 closeCode, const QString &error);
    static bool isValidCloseCode(quint16 code);

    qsizetype m_maxMessageSize;
    QByteArray m_buffer;
    // Where the unread bytes of m_buffer start.
    qsizetype m_offset = 0;
    // A fragmented message in progress: its opcode and the payload so far.
    std::optional<WebSocketFrame::Opcode> m_fragmentedOpcode;
    QByteArray m_fragments;
    bool m_failed = false;
};

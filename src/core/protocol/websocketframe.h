#pragma once

#include <string_view>

#include <QByteArray>
#include <QString>
#include <QtGlobal>

// Writing the frames a WebSocket client sends (RFC 6455 §5): always final, always masked. Pure code; the
// reading side is WebSocketReader.
class WebSocketFrame
{
public:
    enum class Opcode : quint8
    {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };

    // The close codes this project sends or reports (RFC 6455 §7.4.1).
    enum CloseCode : quint16
    {
        NormalClosure = 1000,
        GoingAway = 1001,
        ProtocolError = 1002,
        UnsupportedData = 1003,
        NoStatusReceived = 1005,
        AbnormalClosure = 1006,
        InvalidPayload = 1007,
        PolicyViolation = 1008,
        MessageTooBig = 1009,
    };

    // A control frame's payload is at most this long (§5.5).
    static constexpr qsizetype MaxControlPayload = 125;

    // Appends one final frame carrying payload, masked with mask (§5.3), to out.
    static void appendClientFrame(QByteArray &out, Opcode opcode, std::string_view payload, quint32 mask);
    // A close frame's payload: the code in network order, then the reason cut to whole UTF-8 characters so
    // that the payload fits a control frame.
    static QByteArray closePayload(quint16 code, const QString &reason);
    // XORs data with the four mask bytes, starting at the mask's first byte.
    static void applyMask(char *data, qsizetype size, quint32 mask);
};

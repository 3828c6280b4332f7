#include "protocol/websocketreader.h"

#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

namespace
{
using Opcode = WebSocketFrame::Opcode;

bool isControl(quint8 opcode)
{
    return opcode >= 0x8;
}

bool isKnown(quint8 opcode)
{
    return opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xA);
}
} // namespace

WebSocketReader::WebSocketReader(qsizetype maxMessageSize)
    : m_maxMessageSize(maxMessageSize)
{
}

void WebSocketReader::append(QByteArrayView data)
{
    if (m_offset > 0 && m_offset == m_buffer.size())
    {
        m_buffer.clear();
        m_offset = 0;
    }
    else if (m_offset > 64 * 1024 && m_offset > m_buffer.size() / 2)
    {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(data);
}

Result<std::optional<WebSocketReader::Message>, WebSocketReader::Violation>
WebSocketReader::violation(quint16 closeCode, const QString &error)
{
    m_failed = true;
    return fail(Violation{closeCode, error});
}

Result<std::optional<WebSocketReader::Message>, WebSocketReader::Violation> WebSocketReader::next()
{
    if (m_failed)
    {
        return fail(Violation{WebSocketFrame::ProtocolError, u"the connection already failed"_s});
    }
    for (;;)
    {
        const auto *bytes = reinterpret_cast<const unsigned char *>(m_buffer.constData()) + m_offset;
        const qsizetype available = m_buffer.size() - m_offset;
        if (available < 2)
        {
            return std::optional<Message>();
        }
        const bool final = bytes[0] & 0x80;
        const quint8 opcode = bytes[0] & 0x0F;
        if (bytes[0] & 0x70)
        {
            return violation(WebSocketFrame::ProtocolError, u"the server set reserved bits in a frame"_s);
        }
        if (!isKnown(opcode))
        {
            return violation(WebSocketFrame::ProtocolError,
                             u"the server sent a frame with the unknown opcode %1"_s.arg(opcode));
        }
        if (bytes[1] & 0x80)
        {
            return violation(WebSocketFrame::ProtocolError, u"the server sent a masked frame"_s);
        }
        quint64 length = bytes[1] & 0x7F;
        qsizetype headerSize = 2;
        if (length == 126)
        {
            if (available < 4)
            {
                return std::optional<Message>();
            }
            length = qFromBigEndian<quint16>(bytes + 2);
            headerSize = 4;
        }
        else if (length == 127)
        {
            if (available < 10)
            {
                return std::optional<Message>();
            }
            length = qFromBigEndian<quint64>(bytes + 2);
            headerSize = 10;
            if (length >> 63)
            {
                return violation(WebSocketFrame::ProtocolError,
                                 u"the server sent a frame length over 2^63"_s);
            }
        }

        if (isControl(opcode))
        {
            if (!final || length > WebSocketFrame::MaxControlPayload)
            {
                return violation(WebSocketFrame::ProtocolError,
                                 u"the server sent a fragmented or oversized control frame"_s);
            }
        }
        else if (opcode == quint8(Opcode::Continuation) ? !m_fragmentedOpcode : bool(m_fragmentedOpcode))
        {
            return violation(WebSocketFrame::ProtocolError,
                             m_fragmentedOpcode ? u"the server started a message inside a fragmented one"_s
                                                : u"the server continued a message it had not started"_s);
        }
        if (!isControl(opcode) && length > quint64(m_maxMessageSize - m_fragments.size()))
        {
            return violation(WebSocketFrame::MessageTooBig,
                             u"the server sent a message over %1 bytes"_s.arg(m_maxMessageSize));
        }
        if (quint64(available - headerSize) < length)
        {
            return std::optional<Message>();
        }

        const char *payload = m_buffer.constData() + m_offset + headerSize;
        m_offset += headerSize + qsizetype(length);
        if (!isControl(opcode))
        {
            if (!final || m_fragmentedOpcode)
            {
                if (!m_fragmentedOpcode)
                {
                    m_fragmentedOpcode = Opcode(opcode);
                }
                m_fragments.append(payload, qsizetype(length));
                if (!final)
                {
                    continue;
                }
            }
            Message message;
            if (m_fragmentedOpcode)
            {
                message.opcode = *m_fragmentedOpcode;
                message.payload = std::exchange(m_fragments, QByteArray());
                m_fragmentedOpcode.reset();
            }
            else
            {
                message.opcode = Opcode(opcode);
                message.payload = QByteArray(payload, qsizetype(length));
            }
            if (message.opcode == Opcode::Text && !isValidUtf8(message.payload))
            {
                return violation(WebSocketFrame::InvalidPayload,
                                 u"the server sent a text message that is not UTF-8"_s);
            }
            return std::optional<Message>(std::move(message));
        }

        Message message;
        message.opcode = Opcode(opcode);
        message.payload = QByteArray(payload, qsizetype(length));
        if (message.opcode == Opcode::Close)
        {
            if (length == 1)
            {
                return violation(WebSocketFrame::ProtocolError, u"the server sent a one-byte close frame"_s);
            }
            message.closeCode = WebSocketFrame::NoStatusReceived;
            if (length >= 2)
            {
                message.closeCode = qFromBigEndian<quint16>(payload);
                const QByteArrayView reason(payload + 2, qsizetype(length) - 2);
                if (!isValidCloseCode(message.closeCode))
                {
                    return violation(WebSocketFrame::ProtocolError,
                                     u"the server closed with the invalid code %1"_s.arg(message.closeCode));
                }
                if (!isValidUtf8(reason))
                {
                    return violation(WebSocketFrame::InvalidPayload,
                                     u"the server's close reason is not UTF-8"_s);
                }
                message.closeReason = QString::fromUtf8(reason);
            }
        }
        return std::optional<Message>(std::move(message));
    }
}

bool WebSocketReader::isValidCloseCode(quint16 code)
{
    // 1004–1006 and 1015 must never be sent; 1016–2999 are reserved for the standard.
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

bool WebSocketReader::isValidUtf8(QByteArrayView text)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size)
    {
        const unsigned char lead = bytes[i];
        if (lead < 0x80)
        {
            ++i;
            continue;
        }
        qsizetype extra = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            extra = 1;
        }
        else if (lead >= 0xE0 && lead <= 0xEF)
        {
            extra = 2;
            // No overlong forms (E0 80–9F) and no surrogates (ED A0–BF).
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        }
        else if (lead >= 0xF0 && lead <= 0xF4)
        {
            extra = 3;
            // Nothing overlong (F0 80–8F) and nothing above U+10FFFF (F4 90–BF).
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        }
        else
        {
            return false;
        }
        if (size - i <= extra || bytes[i + 1] < low || bytes[i + 1] > high)
        {
            return false;
        }
        for (qsizetype k = 2; k <= extra; ++k)
        {
            if ((bytes[i + k] & 0xC0) != 0x80)
            {
                return false;
            }
        }
        i += extra + 1;
    }
    return true;
}

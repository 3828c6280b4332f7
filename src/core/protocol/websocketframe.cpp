#include "protocol/websocketframe.h"

#include <cstring>

#include <QtEndian>

#include "util/utf8.h"

void WebSocketFrame::applyMask(char *data, qsizetype size, quint32 mask)
{
    unsigned char key[4];
    qToBigEndian(mask, key);
    // Eight bytes at a time: the key repeated twice, in memory order.
    quint64 wide = 0;
    for (int i = 0; i < 8; ++i)
    {
        reinterpret_cast<unsigned char *>(&wide)[i] = key[i % 4];
    }
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8)
    {
        quint64 chunk;
        std::memcpy(&chunk, data + i, 8);
        chunk ^= wide;
        std::memcpy(data + i, &chunk, 8);
    }
    for (; i < size; ++i)
    {
        data[i] = char(data[i] ^ char(key[i % 4]));
    }
}

void WebSocketFrame::appendClientFrame(QByteArray &out, Opcode opcode, std::string_view payload, quint32 mask)
{
    const quint64 length = payload.size();
    unsigned char header[14];
    qsizetype headerSize = 2;
    header[0] = 0x80 | quint8(opcode);
    if (length < 126)
    {
        header[1] = 0x80 | quint8(length);
    }
    else if (length <= 0xFFFF)
    {
        header[1] = 0x80 | 126;
        qToBigEndian(quint16(length), header + 2);
        headerSize = 4;
    }
    else
    {
        header[1] = 0x80 | 127;
        qToBigEndian(length, header + 2);
        headerSize = 10;
    }
    qToBigEndian(mask, header + headerSize);
    headerSize += 4;

    const qsizetype start = out.size();
    out.resize(start + headerSize + qsizetype(length));
    char *frame = out.data() + start;
    std::memcpy(frame, header, size_t(headerSize));
    if (length > 0)
    {
        std::memcpy(frame + headerSize, payload.data(), length);
        applyMask(frame + headerSize, qsizetype(length), mask);
    }
}

QByteArray WebSocketFrame::closePayload(quint16 code, const QString &reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    QByteArray text = reason.toUtf8();
    if (text.size() > MaxControlPayload - 2)
    {
        qsizetype cut = MaxControlPayload - 2;
        // Back to the start of a character.
        while (cut > 0 && Utf8::isContinuation(text[cut]))
        {
            --cut;
        }
        text.truncate(cut);
    }
    return payload + text;
}

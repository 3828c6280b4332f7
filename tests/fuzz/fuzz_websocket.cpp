// What a Tachyon server (or anything posing as one) sends the autohost's WebSocket client: the answer to the
// upgrade, then frames (RFC 6455), in pieces of any size. The first byte chooses the piece size.
#include <cstddef>
#include <cstdint>

#include <QStringDecoder>

#include "fuzzcheck.h"
#include "protocol/websockethandshake.h"
#include "protocol/websocketreader.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
constexpr qsizetype MaxMessageSize = 4096;

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    const qsizetype piece = 1 + data[0] % 16;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);

    // The upgrade's answer: complete, incomplete or refused, never a crash, and never past the input.
    WebSocketHandshake handshake(QUrl(u"ws://127.0.0.1:8084/tachyon"_s),
                                 "dGhlIHNhbXBsZSBub25jZQ==", u"v0.tachyon"_s);
    const auto response = handshake.readResponse(input);
    if (response && response->has_value())
    {
        FUZZ_CHECK(**response > 0 && **response <= input.size(), u"the answer's length is out of range"_s);
        FUZZ_CHECK(handshake.subprotocol().isEmpty() || handshake.subprotocol() == u"v0.tachyon"_s,
                   u"a subprotocol nobody offered was accepted"_s);
    }

    // The frames, fed in pieces: whatever the reader yields obeys the rules it enforces.
    WebSocketReader reader(MaxMessageSize);
    bool failed = false;
    for (qsizetype at = 0; at < input.size() && !failed; at += piece)
    {
        reader.append(input.sliced(at, std::min(piece, input.size() - at)));
        for (;;)
        {
            auto next = reader.next();
            if (!next)
            {
                FUZZ_CHECK(!next.error().error.isEmpty(), u"a violation needs a reason for the log"_s);
                FUZZ_CHECK(next.error().closeCode >= 1000, u"a violation needs a close code"_s);
                failed = true;
                break;
            }
            if (!next->has_value())
            {
                break;
            }
            const WebSocketReader::Message &message = **next;
            FUZZ_CHECK(message.payload.size() <= MaxMessageSize, u"a message over the limit came through"_s);
            if (message.opcode == WebSocketFrame::Opcode::Text)
            {
                FUZZ_CHECK(isUtf8(message.payload), u"a text message that is not UTF-8 came through"_s);
            }
            FUZZ_CHECK(message.opcode != WebSocketFrame::Opcode::Continuation,
                       u"a bare continuation came through"_s);
        }
    }
    if (failed)
    {
        FUZZ_CHECK(!reader.next().ok(), u"a failed reader went on reading"_s);
    }
    return 0;
}

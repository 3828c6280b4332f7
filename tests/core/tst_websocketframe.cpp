#include <QRandomGenerator>
#include <QTest>

#include "protocol/websocketframe.h"

using namespace Qt::Literals::StringLiterals;

// The frames a client writes, against the examples of RFC 6455 §5.7 and a byte-wise reference.
class TestWebSocketFrame : public QObject
{
    Q_OBJECT

private:
    static QByteArray frame(WebSocketFrame::Opcode opcode, const QByteArray &payload, quint32 mask)
    {
        QByteArray out;
        WebSocketFrame::appendClientFrame(out, opcode, std::string_view(payload.constData(), payload.size()),
                                          mask);
        return out;
    }

    static QByteArray maskedByteWise(QByteArray data, quint32 mask)
    {
        const char key[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
        for (qsizetype i = 0; i < data.size(); ++i)
        {
            data[i] = char(data[i] ^ key[i % 4]);
        }
        return data;
    }

private slots:
    void maskedHelloIsTheRfcExample()
    {
        // RFC 6455 §5.7: "A single-frame masked text message".
        QCOMPARE(frame(WebSocketFrame::Opcode::Text, "Hello", 0x37fa213d).toHex(' '),
                 QByteArray("81 85 37 fa 21 3d 7f 9f 4d 51 58"));
    }

    void lengthEncodings_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << 0 << QByteArray::fromHex("8280");
        QTest::newRow("125") << 125 << QByteArray::fromHex("82fd");
        QTest::newRow("126: two length bytes") << 126 << QByteArray::fromHex("82fe007e");
        // RFC 6455 §5.7: 256 bytes binary, 64 KiB binary.
        QTest::newRow("256") << 256 << QByteArray::fromHex("82fe0100");
        QTest::newRow("65535") << 65535 << QByteArray::fromHex("82feffff");
        QTest::newRow("65536: eight length bytes") << 65536 << QByteArray::fromHex("82ff0000000000010000");
    }

    void lengthEncodings()
    {
        QFETCH(int, length);
        QFETCH(QByteArray, header);
        QByteArray payload(length, Qt::Uninitialized);
        for (int i = 0; i < length; ++i)
        {
            payload[i] = char(i * 7);
        }
        const quint32 mask = 0xa1b2c3d4;
        const QByteArray written = frame(WebSocketFrame::Opcode::Binary, payload, mask);
        QCOMPARE(written.left(header.size()).toHex(), header.toHex());
        QCOMPARE(written.mid(header.size(), 4).toHex(), QByteArray("a1b2c3d4"));
        QCOMPARE(written.size(), header.size() + 4 + length);
        QCOMPARE(written.mid(header.size() + 4), maskedByteWise(payload, mask));
    }

    void maskingMatchesTheByteWiseDefinition()
    {
        // Every length around the eight-byte steps, at every alignment of the data.
        auto *random = QRandomGenerator::global();
        for (int length = 0; length < 70; ++length)
        {
            for (int offset = 0; offset < 8; ++offset)
            {
                QByteArray data(offset + length, Qt::Uninitialized);
                for (char &byte : data)
                {
                    byte = char(random->bounded(256));
                }
                const quint32 mask = random->generate();
                QByteArray masked = data;
                WebSocketFrame::applyMask(masked.data() + offset, length, mask);
                QCOMPARE(masked.left(offset), data.left(offset));
                QCOMPARE(masked.mid(offset), maskedByteWise(data.mid(offset), mask));
            }
        }
    }

    void framesAppendToWhatIsThere()
    {
        QByteArray out = "x";
        WebSocketFrame::appendClientFrame(out, WebSocketFrame::Opcode::Ping, {}, 0x01020304);
        WebSocketFrame::appendClientFrame(out, WebSocketFrame::Opcode::Pong, "ab", 0);
        QCOMPARE(out.toHex(' '), QByteArray("78 89 80 01 02 03 04 8a 82 00 00 00 00 61 62"));
    }

    void closePayloadCarriesCodeAndReason()
    {
        QCOMPARE(WebSocketFrame::closePayload(1000, u"bye"_s).toHex(' '), QByteArray("03 e8 62 79 65"));
        QCOMPARE(WebSocketFrame::closePayload(4001, QString()).toHex(), QByteArray("0fa1"));
    }

    void longCloseReasonsAreCutAtACharacter()
    {
        // "é" is two bytes: 123 bytes of reason would end in the middle of the 62nd.
        const QByteArray payload = WebSocketFrame::closePayload(1008, QString(100, u'é'));
        QCOMPARE(payload.size(), 2 + 122);
        QCOMPARE(QString::fromUtf8(payload.mid(2)), QString(61, u'é'));
        const QByteArray ascii = WebSocketFrame::closePayload(1008, QString(200, u'a'));
        QCOMPARE(ascii.size(), WebSocketFrame::MaxControlPayload);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketFrame)
#include "tst_websocketframe.moc"

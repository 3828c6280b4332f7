#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>

#include "protocol/websocketreader.h"

using namespace Qt::Literals::StringLiterals;

using Opcode = WebSocketFrame::Opcode;

// Reading what a server sends: the examples of RFC 6455 §5.7, fragmentation, and every rule a client must
// enforce (§5.1–§5.5, §7.4, §8.1).
class TestWebSocketReader : public QObject
{
    Q_OBJECT

private:
    // Everything the reader yields for bytes, fed in pieces of chunk bytes; "error <code>" ends the list.
    static QStringList readAll(const QByteArray &bytes, qsizetype chunk = 0,
                               qsizetype maxMessageSize = 1 << 20)
    {
        WebSocketReader reader(maxMessageSize);
        QStringList out;
        const qsizetype step = chunk > 0 ? chunk : std::max<qsizetype>(bytes.size(), 1);
        for (qsizetype at = 0; at < bytes.size() || at == 0; at += step)
        {
            reader.append(QByteArrayView(bytes).sliced(at, std::min(step, bytes.size() - at)));
            for (;;)
            {
                auto next = reader.next();
                if (!next)
                {
                    out.append(u"error %1"_s.arg(next.error().closeCode));
                    return out;
                }
                if (!next->has_value())
                {
                    break;
                }
                out.append(describe(**next));
            }
            if (bytes.isEmpty())
            {
                break;
            }
        }
        return out;
    }

    static QString describe(const WebSocketReader::Message &message)
    {
        switch (message.opcode)
        {
        case Opcode::Text:
            return u"text "_s + QString::fromUtf8(message.payload);
        case Opcode::Binary:
            return u"binary "_s + QString::fromLatin1(message.payload.toHex());
        case Opcode::Ping:
            return u"ping "_s + QString::fromUtf8(message.payload);
        case Opcode::Pong:
            return u"pong "_s + QString::fromUtf8(message.payload);
        case Opcode::Close:
            return u"close %1 %2"_s.arg(message.closeCode).arg(message.closeReason);
        case Opcode::Continuation:
            break;
        }
        return u"continuation?"_s;
    }

    static QByteArray hex(const char *text) { return QByteArray::fromHex(text); }

private slots:
    void rfcExamples_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("single-frame unmasked text") << hex("810548656c6c6f") << QStringList{u"text Hello"_s};
        QTest::newRow("fragmented unmasked text")
            << hex("010348656c80026c6f") << QStringList{u"text Hello"_s};
        QTest::newRow("unmasked ping") << hex("890548656c6c6f") << QStringList{u"ping Hello"_s};
        QTest::newRow("pong") << hex("8a0548656c6c6f") << QStringList{u"pong Hello"_s};
        QTest::newRow("a ping between fragments") << hex("010348656c"
                                                         "8900"
                                                         "80026c6f")
                                                  << QStringList{u"ping "_s, u"text Hello"_s};
        QTest::newRow("fragmented binary, three pieces") << hex("020101"
                                                                "000102"
                                                                "800103")
                                                         << QStringList{u"binary 010203"_s};
        QTest::newRow("empty text") << hex("8100") << QStringList{u"text "_s};
        QTest::newRow("close with code and reason")
            << hex("880503e8627965") << QStringList{u"close 1000 bye"_s};
        QTest::newRow("close without a code") << hex("8800") << QStringList{u"close 1005 "_s};
        QTest::newRow("application close code") << hex("88020fa0") << QStringList{u"close 4000 "_s};
        QTest::newRow("two messages") << hex("810161810162") << QStringList{u"text a"_s, u"text b"_s};
        QTest::newRow("UTF-8 split across fragments") << hex("0101c3"
                                                             "8001a9")
                                                      << QStringList{u"text é"_s};
    }

    void rfcExamples()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        QCOMPARE(readAll(bytes), expected);
        // However the bytes arrive.
        for (qsizetype chunk : {1, 2, 3, 5})
        {
            QCOMPARE(readAll(bytes, chunk), expected);
        }
    }

    void extendedLengths_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("126") << 126 << hex("827e007e");
        QTest::newRow("256 (RFC)") << 256 << hex("827e0100");
        QTest::newRow("65536 (RFC)") << 65536 << hex("827f0000000000010000");
    }

    void extendedLengths()
    {
        QFETCH(int, length);
        QFETCH(QByteArray, header);
        const QByteArray payload(length, 'x');
        const QStringList expected{u"binary "_s + QString::fromLatin1(payload.toHex())};
        QCOMPARE(readAll(header + payload), expected);
        QCOMPARE(readAll(header + payload, 1000), expected);
        // Not one byte short.
        QCOMPARE(readAll(header + payload.chopped(1)), QStringList());
    }

    void violations_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected");
        const QStringList protocolError{u"error 1002"_s};
        QTest::newRow("masked frame (RFC example)") << hex("818537fa213d7f9f4d5158") << protocolError;
        QTest::newRow("reserved bit") << hex("c100") << protocolError;
        QTest::newRow("unknown data opcode") << hex("8300") << protocolError;
        QTest::newRow("unknown control opcode") << hex("8b00") << protocolError;
        QTest::newRow("fragmented ping") << hex("0900") << protocolError;
        QTest::newRow("ping over 125 bytes") << hex("897e007e") << protocolError;
        QTest::newRow("continuation of nothing") << hex("8000") << protocolError;
        QTest::newRow("new message inside a fragmented one") << hex("010161"
                                                                    "810162")
                                                             << protocolError;
        QTest::newRow("length with the top bit") << hex("817f8000000000000000") << protocolError;
        QTest::newRow("one-byte close") << hex("880103") << protocolError;
        QTest::newRow("close code 1005 sent") << hex("880203ed") << protocolError;
        QTest::newRow("close code 999") << hex("880203e7") << protocolError;
        QTest::newRow("close code 2000 (reserved)") << hex("880207d0") << protocolError;
        QTest::newRow("text not UTF-8") << hex("8102c328") << QStringList{u"error 1007"_s};
        QTest::newRow("close reason not UTF-8") << hex("880403e8c328") << QStringList{u"error 1007"_s};
        QTest::newRow("a message, then a violation") << hex("810161"
                                                            "c100")
                                                     << QStringList{u"text a"_s, u"error 1002"_s};
    }

    void violations()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        QCOMPARE(readAll(bytes), expected);
        QCOMPARE(readAll(bytes, 1), expected);
    }

    void tooBigMessagesFailBeforeTheirPayloadArrives()
    {
        // Only the header of a 1 GiB frame: no need to wait for (or buffer) the rest.
        QCOMPARE(readAll(hex("827f0000000040000000"), 0, 1 << 20), QStringList{u"error 1009"_s});
        // Fragments that add up to more than the limit.
        QCOMPARE(readAll(hex("0206616161616161"
                             "0006626262626262"),
                         0, 10),
                 QStringList{u"error 1009"_s});
        // Exactly the limit is fine.
        QCOMPARE(readAll(hex("02056161616161"
                             "80056262626262"),
                         0, 10),
                 QStringList{u"binary 61616161616262626262"_s});
    }

    void aFailedReaderStaysFailed()
    {
        WebSocketReader reader(1000);
        reader.append(hex("c100"));
        QVERIFY(!reader.next());
        reader.append(hex("810161"));
        QVERIFY(!reader.next());
    }

    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ASCII") << QByteArray("plain text") << true;
        QTest::newRow("two, three and four bytes") << QByteArray("é€😀") << true;
        QTest::newRow("U+10FFFF") << hex("f48fbfbf") << true;
        QTest::newRow("U+D7FF, U+E000") << hex("ed9fbfee8080") << true;
        QTest::newRow("overlong slash") << hex("c0af") << false;
        QTest::newRow("overlong three bytes") << hex("e08080") << false;
        QTest::newRow("overlong four bytes") << hex("f08f8080") << false;
        QTest::newRow("surrogate") << hex("eda080") << false;
        QTest::newRow("above U+10FFFF") << hex("f4908080") << false;
        QTest::newRow("F5") << hex("f5808080") << false;
        QTest::newRow("lone continuation") << hex("80") << false;
        QTest::newRow("truncated") << hex("e282") << false;
        QTest::newRow("ASCII where a continuation belongs") << hex("e228a1") << false;
    }

    void utf8Validation()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(WebSocketReader::isValidUtf8(bytes), valid);
    }

    void utf8ValidationAgreesWithQt()
    {
        // Random bytes, mostly from the ranges UTF-8 is made of, against Qt's own decoder.
        auto *random = QRandomGenerator::global();
        const uchar pieces[] = {0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0,
                                0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
        int valid = 0;
        for (int round = 0; round < 20000; ++round)
        {
            QByteArray bytes(random->bounded(1, 8), Qt::Uninitialized);
            for (char &byte : bytes)
            {
                byte = char(pieces[random->bounded(int(sizeof(pieces)))]);
            }
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = decoder(bytes);
            const bool qtValid = !decoder.hasError();
            QVERIFY2(WebSocketReader::isValidUtf8(bytes) == qtValid, bytes.toHex(' ').constData());
            valid += qtValid;
        }
        // Both outcomes were tried.
        QVERIFY(valid > 500);
        QVERIFY(valid < 19500);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketReader)
#include "tst_websocketreader.moc"

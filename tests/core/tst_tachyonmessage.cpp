#include <QTest>

#include "protocol/tachyonmessage.h"

using namespace Qt::Literals::StringLiterals;

class TestTachyonMessage : public QObject
{
    Q_OBJECT

private slots:
    void parsesRequest()
    {
        const auto message = TachyonMessage::parse(
            R"({"type":"request","messageId":"m1","commandId":"autohost/kill","data":{"battleId":"x"},"extra":1})");
        QVERIFY(message.ok());
        QCOMPARE(message->type, TachyonMessage::Type::Request);
        QCOMPARE(message->messageId, u"m1"_s);
        QCOMPARE(message->commandId, u"autohost/kill"_s);
        QVERIFY(message->data.has_value());
        QCOMPARE(message->data->at("battleId").get<std::string>(), std::string("x"));
    }

    void parsesFailedResponse()
    {
        const auto message = TachyonMessage::parse(
            R"({"type":"response","messageId":"m2","commandId":"system/serverStats","status":"failed","reason":"command_unimplemented","details":"nope"})");
        QVERIFY(message.ok());
        QCOMPARE(message->type, TachyonMessage::Type::Response);
        QVERIFY(!message->success);
        QCOMPARE(message->reason, u"command_unimplemented"_s);
        QCOMPARE(message->details, u"nope"_s);
    }

    void nullDataCountsAsAbsent()
    {
        const auto message =
            TachyonMessage::parse(R"({"type":"event","messageId":"e","commandId":"c","data":null})");
        QVERIFY(message.ok());
        QVERIFY(!message->data.has_value());
    }

    void rejectsBadEnvelopes_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("not json") << QByteArray("{nope");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("string") << QByteArray("\"request\"");
        QTest::newRow("no type") << QByteArray(R"({"messageId":"m","commandId":"c"})");
        QTest::newRow("bad type") << QByteArray(R"({"type":"call","messageId":"m","commandId":"c"})");
        QTest::newRow("numeric messageId")
            << QByteArray(R"({"type":"request","messageId":1,"commandId":"c"})");
        QTest::newRow("no commandId") << QByteArray(R"({"type":"request","messageId":"m"})");
        QTest::newRow("data not object")
            << QByteArray(R"({"type":"request","messageId":"m","commandId":"c","data":[]})");
        QTest::newRow("response without status")
            << QByteArray(R"({"type":"response","messageId":"m","commandId":"c"})");
        QTest::newRow("invalid utf-8")
            << QByteArray("{\"type\":\"request\",\"messageId\":\"\xff\",\"commandId\":\"c\"}");
        QTest::newRow("empty") << QByteArray();
    }

    void rejectsBadEnvelopes()
    {
        QFETCH(QByteArray, frame);
        const auto message = TachyonMessage::parse(frame);
        QVERIFY(!message.ok());
        QVERIFY(!message.error().isEmpty());
    }

    void buildsResponsesEchoingTheRequest()
    {
        const auto request =
            TachyonMessage::parse(R"({"type":"request","messageId":"abc","commandId":"autohost/kill"})");
        QVERIFY(request.ok());
        const Json ok = TachyonMessage::makeSuccess(*request);
        QCOMPARE(
            dumpJson(ok),
            std::string(
                R"({"type":"response","messageId":"abc","commandId":"autohost/kill","status":"success"})"));
        const Json failed =
            TachyonMessage::makeFailure(*request, FailureReason::InvalidRequest, u"data.battleId: bad"_s);
        QCOMPARE(
            dumpJson(failed),
            std::string(R"({"type":"response","messageId":"abc","commandId":"autohost/kill",)"
                        R"("status":"failed","reason":"invalid_request","details":"data.battleId: bad"})"));
    }

    void dumpReplacesInvalidUtf8()
    {
        const Json value = {{"message", std::string("ok\xff")}};
        QCOMPARE(dumpJson(value), std::string("{\"message\":\"ok\xef\xbf\xbd\"}"));
    }

    void messageIdsAreUnique()
    {
        QSet<QString> ids;
        for (int i = 0; i < 100; ++i)
        {
            ids.insert(TachyonMessage::newMessageId());
        }
        QCOMPARE(ids.size(), 100);
    }

    // Random UUIDs (version 4, variant 10), as Teiserver and the reference autohost use.
    void messageIdsAreVersion4Uuids()
    {
        for (int i = 0; i < 100; ++i)
        {
            const QString id = TachyonMessage::newMessageId();
            const QUuid uuid = QUuid::fromString(id);
            QVERIFY2(!uuid.isNull(), qPrintable(id));
            QCOMPARE(uuid.toString(QUuid::WithoutBraces), id);
            QCOMPARE(uuid.version(), QUuid::Random);
            QCOMPARE(uuid.variant(), QUuid::DCE);
        }
    }

    // The event around JSON text is the event built as a tree, serialised: same members, same order.
    void eventJsonIsTheEventSerialised()
    {
        const Json data = {
            {"battleId", "b"}, {"time", 1}, {"update", {{"type", "player_chat"}, {"message", "\"q\"\n"}}}};
        for (const QString &messageId : {TachyonMessage::newMessageId(), u"odd \"id\"\\\t\x01"_s})
        {
            // Appended to what out holds already, which stays.
            std::string out = "before";
            TachyonMessage::appendEventJson(out, "autohost/update", messageId.toStdString(),
                                            [&data](std::string &text) { text += dumpJson(data); });
            QCOMPARE(out,
                     "before" + dumpJson(TachyonMessage::makeEvent(u"autohost/update"_s, messageId, data)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTachyonMessage)
#include "tst_tachyonmessage.moc"

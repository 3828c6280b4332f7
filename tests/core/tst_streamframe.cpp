#include <QTest>

#include "backend/streamframe.h"

using namespace Qt::Literals::StringLiterals;

// The admin stream's frames as a client reads and writes them, without a socket.
class TestStreamFrame : public QObject
{
    Q_OBJECT

private slots:
    void readsASnapshot()
    {
        const auto frame = StreamFrame::read(R"({"type":"snapshot","data":{"apiVersion":1,"battles":[]}})");
        QVERIFY2(frame, qPrintable(frame ? QString() : frame.error()));
        QCOMPARE(frame->type, StreamFrame::Type::Snapshot);
        QCOMPARE(frame->data.value("apiVersion", 0), 1);
    }

    void readsAnEvent()
    {
        const auto frame = StreamFrame::read(
            R"({"type":"event","event":"battleRemoved","data":{"battleId":"b1"},"extra":1})");
        QVERIFY(frame);
        QCOMPARE(frame->type, StreamFrame::Type::Event);
        QCOMPARE(frame->event, u"battleRemoved"_s);
        QCOMPARE(frame->data.value("battleId", ""), std::string("b1"));
    }

    void readsResults()
    {
        const auto success =
            StreamFrame::read(R"({"type":"result","id":7,"status":"success","data":{"a":1}})");
        QVERIFY(success);
        QCOMPARE(success->type, StreamFrame::Type::Result);
        QVERIFY(success->id == Json(7));
        QVERIFY(success->answer());
        QCOMPARE(success->answer()->value("a", 0), 1);

        const auto failed = StreamFrame::read(
            R"({"type":"result","id":"c8","status":"failed","reason":"battle_not_found","details":"data.battleId: no"})");
        QVERIFY(failed);
        QVERIFY(failed->id == Json("c8"));
        const AutohostBackend::Answer answer = failed->answer();
        QVERIFY(!answer);
        QCOMPARE(answer.error().reason, u"battle_not_found"_s);
        QCOMPARE(answer.error().details, u"data.battleId: no"_s);

        // A result of a frame the server could not read has no id.
        const auto anonymous = StreamFrame::read(
            R"({"type":"result","id":null,"status":"failed","reason":"invalid_request","details":"x"})");
        QVERIFY(anonymous);
        QVERIFY(anonymous->id.is_null());
    }

    void refusesWhatIsNoFrame_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("not JSON") << QByteArray("{") << u"not a JSON object"_s;
        QTest::newRow("an array") << QByteArray("[1]") << u"not a JSON object"_s;
        QTest::newRow("unknown type")
            << QByteArray(R"({"type":"hello"})") << u"unknown frame type \"hello\""_s;
        QTest::newRow("no type") << QByteArray(R"({"data":{}})") << u"unknown frame type \"\""_s;
        QTest::newRow("snapshot without data")
            << QByteArray(R"({"type":"snapshot"})") << u"snapshot without a data object"_s;
        QTest::newRow("event without a name")
            << QByteArray(R"({"type":"event","data":{}})") << u"event without a name"_s;
        QTest::newRow("result without status")
            << QByteArray(R"({"type":"result","id":1})") << u"result with the status \"\""_s;
    }

    void refusesWhatIsNoFrame()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const auto frame = StreamFrame::read(text);
        QVERIFY(!frame);
        QCOMPARE(frame.error(), error);
    }

    void writesControls()
    {
        QCOMPARE(StreamFrame::control(3, u"kill"_s, Json{{"battleId", "b1"}}),
                 QByteArray(R"({"type":"control","id":3,"action":"kill","data":{"battleId":"b1"}})"));
        // Without data, the member is left out.
        QCOMPARE(StreamFrame::control(4, u"log"_s, Json()),
                 QByteArray(R"({"type":"control","id":4,"action":"log"})"));
    }
};

QTEST_GUILESS_MAIN(TestStreamFrame)
#include "tst_streamframe.moc"

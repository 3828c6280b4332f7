#include <QTcpSocket>
#include <QTest>

#include "admin/admincontrol.h"
#include "admin/adminsession.h"
#include "admin/hoststate.h"
#include "adminstreamclient.h"
#include "adminstreamserver.h"
#include "servicetesthost.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

// The admin stream's sessions on real WebSockets on loopback over a real service: snapshot first, then
// events, one result per control frame, and clients that misbehave or disappear never disturb the others.
class TestAdminSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServiceTestHost> m_host;
    std::unique_ptr<HostState> m_state;
    std::unique_ptr<AdminControl> m_control;
    std::unique_ptr<AdminStreamServer> m_server;

    std::unique_ptr<AdminStreamClient> connectClient()
    {
        auto client = std::make_unique<AdminStreamClient>();
        return client->open(m_server->url()) ? std::move(client) : nullptr;
    }

    // A control any session answers, to tell that it still works.
    static bool answers(AdminStreamClient &client)
    {
        return client.control(u"drain"_s, Json{{"enabled", false}}).value("status", "") == "success";
    }

private slots:
    void init()
    {
        m_host = std::make_unique<ServiceTestHost>(QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(m_host->problem().isEmpty(), qPrintable(m_host->problem()));
        m_state = std::make_unique<HostState>(&m_host->service());
        m_control = std::make_unique<AdminControl>(&m_host->service());
        m_server = std::make_unique<AdminStreamServer>(m_state.get(), m_control.get());
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_server.reset();
        QVERIFY(m_host->shutdown());
        m_control.reset();
        m_state.reset();
        m_host.reset();
    }

    void snapshotFirstThenEvents()
    {
        const auto client = connectClient();
        QVERIFY(client);
        const Json snapshot = client->snapshot();
        QCOMPARE(snapshot.value("apiVersion", 0), HostState::ApiVersion);
        QCOMPARE(snapshot.at("capacity").value("currentBattles", -1), 0);
        QCOMPARE(snapshot.at("connection").value("state", ""), std::string("connected"));

        const QUuid id = m_host->startBattle(u"join,0"_s);
        QVERIFY(!id.isNull());
        const std::string battleId = toStdString(uuidText(id));
        const Json battle =
            client->waitForEvent("battles", [&](const Json &data)
                                 { return data.at("battles")[0].value("battleId", "") == battleId; });
        QVERIFY(!battle.is_null());
        QVERIFY(!client
                     ->waitForEvent(
                         "players", [&](const Json &data)
                         { return data.value("battleId", "") == battleId && data.at("players").size() == 3; })
                     .is_null());
        QVERIFY(!client
                     ->waitForEvent("capacity",
                                    [](const Json &data) { return data.value("currentBattles", 0) == 1; })
                     .is_null());
        QVERIFY(!client->waitForEvent("updates", [](const Json &data) { return !data.at("updates").empty(); })
                     .is_null());
        // Every frame after the first is an event (no control was sent).
        const QList<Json> frames = client->frames();
        for (qsizetype i = 1; i < frames.size(); ++i)
        {
            QCOMPARE(frames.at(i).value("type", ""), std::string("event"));
            QVERIFY(frames.at(i).at("event").is_string() && frames.at(i).at("data").is_object());
        }

        // A client arriving now finds the battle in its snapshot.
        const auto late = connectClient();
        QVERIFY(late);
        QCOMPARE(late->snapshot().at("battles")[0].value("battleId", ""), battleId);
        QCOMPARE(late->snapshot().at("capacity").value("currentBattles", -1), 1);
    }

    void resultsEchoTheirId()
    {
        const auto client = connectClient();
        QVERIFY(client);
        client->sendText(uR"({"type":"control","id":7,"action":"drain","data":{"enabled":true}})"_s);
        const Json numbered = client->waitForResult(7);
        QCOMPARE(
            dumpJson(numbered),
            std::string(
                R"({"type":"result","id":7,"status":"success","data":{"draining":true,"maxBattles":0}})"));
        client->sendText(uR"({"type":"control","id":"x-1","action":"kill","data":{"battleId":"nope"}})"_s);
        QCOMPARE(dumpJson(client->waitForResult("x-1")),
                 std::string(R"({"type":"result","id":"x-1","status":"failed","reason":"invalid_request",)"
                             R"("details":"data.battleId: must be a UUID"})"));
    }

    void malformedFramesAreAnswered_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("id"); // JSON
        QTest::addColumn<QString>("details");
        QTest::newRow("not JSON") << u"{type: control"_s << u"null"_s << u"the frame must be a JSON object"_s;
        QTest::newRow("an array") << u"[1,2]"_s << u"null"_s << u"the frame must be a JSON object"_s;
        QTest::newRow("no id") << uR"({"type":"control","action":"log"})"_s << u"null"_s
                               << u"id: is required"_s;
        QTest::newRow("id an object") << uR"({"type":"control","id":{"a":1},"action":"log"})"_s << u"null"_s
                                      << u"id: must be a string or an integer"_s;
        QTest::newRow("id a fraction") << uR"({"type":"control","id":1.5,"action":"log"})"_s << u"null"_s
                                       << u"id: must be a string or an integer"_s;
        QTest::newRow("not a control") << uR"({"type":"request","id":"a","action":"log"})"_s << u"\"a\""_s
                                       << u"type: must be \"control\""_s;
        QTest::newRow("no type") << uR"({"id":"a","action":"log"})"_s << u"\"a\""_s
                                 << u"type: must be \"control\""_s;
        QTest::newRow("no action") << uR"({"type":"control","id":"a"})"_s << u"\"a\""_s
                                   << u"action: is required"_s;
        QTest::newRow("action a number")
            << uR"({"type":"control","id":"a","action":5})"_s << u"\"a\""_s << u"action: must be a string"_s;
        QTest::newRow("data a text") << uR"({"type":"control","id":"a","action":"kill","data":"x"})"_s
                                     << u"\"a\""_s << u"data: must be an object"_s;
    }

    void malformedFramesAreAnswered()
    {
        QFETCH(QString, frame);
        QFETCH(QString, id);
        QFETCH(QString, details);
        const auto client = connectClient();
        QVERIFY(client);
        client->sendText(frame);
        const Json result =
            client->waitForFrame([](const Json &f) { return f.value("type", "") == "result"; });
        QCOMPARE(dumpJson(result.at("id")), id.toStdString());
        QCOMPARE(result.value("status", ""), std::string("failed"));
        QCOMPARE(result.value("reason", ""), std::string("invalid_request"));
        QCOMPARE(toQString(result.value("details", "")), details);
        QVERIFY(client->isOpen());
        QVERIFY(answers(*client));
    }

    void binaryFramesAreAnswered()
    {
        const auto client = connectClient();
        QVERIFY(client);
        QWebSocket raw;
        QList<QString> texts;
        connect(&raw, &QWebSocket::textMessageReceived, this,
                [&texts](const QString &text) { texts.append(text); });
        raw.open(m_server->url());
        QTRY_VERIFY(!texts.isEmpty()); // the snapshot
        raw.sendBinaryMessage("\x01\x02");
        QTRY_COMPARE(texts.size(), 2);
        QCOMPARE(texts.at(1), uR"({"type":"result","id":null,"status":"failed","reason":"invalid_request",)"
                              uR"("details":"frames must be JSON text"})"_s);
        QCOMPARE(raw.state(), QAbstractSocket::ConnectedState);
    }

    void oneMisbehavingClientLeavesTheOtherAlone()
    {
        const auto good = connectClient();
        const auto bad = connectClient();
        QVERIFY(good && bad);
        QTRY_COMPARE(m_server->sessions().size(), 2);
        for (const QString &garbage : {u"}"_s, u"null"_s, uR"({"type":"control","id":1,"action":"nope"})"_s})
        {
            bad->sendText(garbage);
        }
        QVERIFY(!bad->waitForFrame([](const Json &f) { return f.value("id", Json()) == 1; }).is_null());
        // A message beyond the limit ends that connection, and only that one.
        bad->sendText(QString(int(AdminSession::MaxIncomingMessageBytes) + 10, u'x'));
        QVERIFY(bad->waitForDisconnected());
        QCOMPARE(bad->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        QTRY_COMPARE(m_server->sessions().size(), 1);

        QVERIFY(good->isOpen());
        const qsizetype before = good->events("capacity").size();
        m_host->service().battles()->setAccepting(false);
        QTRY_COMPARE(good->events("capacity").size(), before + 1);
        QVERIFY(answers(*good));
        // good saw no result of bad's controls.
        for (const Json &frame : good->frames())
        {
            QVERIFY(frame.value("type", "") != "result" || frame.value("id", Json()) != 1);
        }
    }

    void aClientThatDoesNotReadIsClosed()
    {
        constexpr qint64 Limit = 4 * 1024 * 1024;
        m_server->setSessionSetup([](AdminSession *session) { session->setMaxPendingBytes(Limit); });
        const auto good = connectClient();
        QVERIFY(good);

        // A WebSocket client that never reads after the handshake.
        QTcpSocket stuck;
        stuck.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        stuck.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        QVERIFY(stuck.waitForConnected(5000));
        stuck.write(
            u"GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            u"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"_s.toLatin1());
        QTRY_VERIFY(stuck.bytesAvailable() > 0);
        QVERIFY(stuck.peek(12).startsWith("HTTP/1.1 101"));
        stuck.setReadBufferSize(1);
        QTRY_COMPARE(m_server->sessions().size(), 2);

        // About 20 MB of updates, far more than the socket buffers and the limit hold, sent as fast as the
        // reading client takes them.
        const QUuid battle = QUuid::createUuid();
        const std::string text(300, 'x');
        constexpr int Batches = 60;
        for (int batch = 1; batch <= Batches; ++batch)
        {
            for (int i = 0; i < HostState::MaxBatchSize; ++i)
            {
                m_host->service().updates()->append(battle, {{"type", "player_chat"}, {"message", text}});
            }
            QTRY_COMPARE(good->updatesReceived(), batch * HostState::MaxBatchSize);
        }
        // The stuck one was closed, then (as it does not read the close either) aborted, and is gone.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->sessions().size() == 1, AdminSession::CloseGraceMs + 10000);
        QVERIFY(good->isOpen());
        QVERIFY(answers(*good));
    }

    void aSessionClosedMidOperationIsNoProblem()
    {
        const auto leaving = connectClient();
        const auto staying = connectClient();
        QVERIFY(leaving && staying);
        QTRY_COMPARE(m_server->sessions().size(), 2);
        // The start answers when the engine is up; the client has closed by then.
        leaving->sendControl(
            u"startLocalBattle"_s,
            Json{{"gameName", "MiniGame 1.0"}, {"mapName", "MiniMap"}, {"allyTeams", {{"Alice"}}}});
        leaving->close();
        QTRY_COMPARE(m_server->sessions().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_host->service().battles()->currentBattles(), 1, 10000);
        const QUuid id = m_host->service().battles()->battles().constFirst()->id();
        QTRY_COMPARE_WITH_TIMEOUT(m_host->service().battles()->battles().constFirst()->state(),
                                  Battle::State::Running, 10000);
        QVERIFY(answers(*staying));
        QVERIFY(
            staying->control(u"kill"_s, Json{{"battleId", toStdString(uuidText(id))}}).value("status", "") ==
            "success");
    }

    void sessionsEndWithTheirConnection()
    {
        auto client = connectClient();
        QVERIFY(client);
        QTRY_COMPARE(m_server->sessions().size(), 1);
        client->close();
        QTRY_COMPARE(m_server->sessions().size(), 0);
        // Events go nowhere now and harm nobody.
        m_host->service().battles()->setAccepting(false);
        m_state->flush();
        QVERIFY(connectClient());
    }
};

QTEST_GUILESS_MAIN(TestAdminSession)
#include "tst_adminsession.moc"

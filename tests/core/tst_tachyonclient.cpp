#include <algorithm>
#include <memory>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslError>
#include <QTest>

#include "conformanceoracle.h"
#include "faketachyonserver.h"
#include "messagecapture.h"
#include "net/tachyonclient.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
bool hasCommand(const Json &message, const char *commandId)
{
    return message.is_object() && message.value("commandId", Json()) == commandId;
}

// The error of a result for a failure message; QVERIFY2 evaluates its message even when the check passes.
template <typename T>
QString errorText(const Result<T> &result)
{
    return result.ok() ? QString() : result.error();
}

QString text(const Json &value)
{
    return toQString(dumpJson(value));
}

// What a sendRequest() handler was called with, in order.
struct HandlerCalls
{
    QList<Result<TachyonMessage>> results;
};
} // namespace

class TestTachyonClient : public QObject
{
    Q_OBJECT

private:
    TachyonEndpoint endpoint(bool secure = false) const
    {
        TachyonEndpoint endpoint;
        endpoint.host = u"127.0.0.1"_s;
        endpoint.port = m_server->port();
        endpoint.secure = secure;
        endpoint.clientId = u"autohost1"_s;
        endpoint.clientSecret = u"pass1"_s;
        return endpoint;
    }

    void createClient(bool secure = false)
    {
        m_client = std::make_unique<TachyonClient>(endpoint(secure), m_network.get());
        connect(m_client.get(), &TachyonClient::requestReceived, this,
                [this](const TachyonMessage &request) { m_requests.append(request); });
        connect(m_client.get(), &TachyonClient::eventReceived, this,
                [this](const TachyonMessage &event) { m_events.append(event); });
        connect(m_client.get(), &TachyonClient::stateChanged, this,
                [this](TachyonClient::State state)
                {
                    m_timeline.append({state, m_clock.elapsed()});
                    if (state == TachyonClient::State::WaitingToRetry)
                    {
                        m_delays.append(m_client->currentReconnectDelay());
                    }
                });
    }

    bool waitForState(TachyonClient::State state, int timeout = 10000)
    {
        return QTest::qWaitFor([&] { return m_client->state() == state; }, timeout);
    }

    // Starts a client and returns the server's id of its connection (-1 when it did not connect).
    int connectClient()
    {
        if (!m_client)
        {
            createClient();
        }
        m_client->start();
        const int connection = m_server->waitForConnection(10000);
        return waitForState(TachyonClient::State::Connected) ? connection : -1;
    }

    void useTlsServer()
    {
        m_server = std::make_unique<FakeTachyonServer>();
        m_server->setSslConfiguration(FakeTachyonServer::sslConfigurationFromFiles(
            QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/certificate.pem"),
            QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/key.pem")));
        QVERIFY(m_server->listen());
    }

    std::unique_ptr<FakeTachyonServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TachyonClient> m_client;
    QList<TachyonMessage> m_requests;
    QList<TachyonMessage> m_events;
    QList<QPair<TachyonClient::State, qint64>> m_timeline;
    QList<int> m_delays;
    QElapsedTimer m_clock;
    // Everything any client sent in any test, for the conformance check at the end.
    QList<Json> m_sentByClients;

private slots:
    void init()
    {
        m_server = std::make_unique<FakeTachyonServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_requests.clear();
        m_events.clear();
        m_timeline.clear();
        m_delays.clear();
        m_clock.start();
    }

    void cleanup()
    {
        m_client.reset();
        m_sentByClients.append(m_server->allReceived());
        m_server.reset();
        m_network.reset();
    }

    void cleanupTestCase()
    {
        const Status conformant = ConformanceOracle::checkAll(m_sentByClients);
        QVERIFY2(conformant.ok(), qPrintable(conformant.ok() ? QString() : conformant.error()));
    }

    void endpointUrls()
    {
        TachyonEndpoint endpoint;
        endpoint.host = u"lobby.example.org"_s;
        QCOMPARE(endpoint.baseUrl(), QUrl(u"https://lobby.example.org"_s));
        QCOMPARE(endpoint.webSocketUrl(), QUrl(u"wss://lobby.example.org/tachyon"_s));
        endpoint.secure = false;
        endpoint.port = 8084;
        QCOMPARE(endpoint.baseUrl(), QUrl(u"http://lobby.example.org:8084"_s));
        QCOMPARE(endpoint.webSocketUrl(), QUrl(u"ws://lobby.example.org:8084/tachyon"_s));
        endpoint.host = u"::1"_s;
        QCOMPARE(endpoint.webSocketUrl().toString(), u"ws://[::1]:8084/tachyon"_s);
    }

    void connectsWithTokenAndSubprotocol()
    {
        createClient();
        QSignalSpy connectedSpy(m_client.get(), &TachyonClient::connected);
        QCOMPARE(m_client->state(), TachyonClient::State::Idle);
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        QCOMPARE(connectedSpy.count(), 1);
        QCOMPARE(m_client->connectionGeneration(), 1u);
        QCOMPARE(m_server->tokenRequestCount(), 1);
        QCOMPARE(m_server->upgradeAuthorization(connection),
                 "Bearer " + m_server->issuedTokens().at(0).toUtf8());
        QCOMPARE(m_timeline.size(), 3);
        QCOMPARE(m_timeline[0].first, TachyonClient::State::Authenticating);
        QCOMPARE(m_timeline[1].first, TachyonClient::State::Connecting);
        QCOMPARE(m_timeline[2].first, TachyonClient::State::Connected);
        QVERIFY(m_client->lastError().isEmpty());
    }

    void serverRequestArrivesAndCanBeAnswered()
    {
        QVERIFY(connectClient() >= 0);
        QTRY_COMPARE(m_requests.size(), 1);
        const TachyonMessage request = m_requests.at(0);
        QCOMPARE(request.commandId, u"autohost/subscribeUpdates"_s);
        QVERIFY(request.data.has_value());
        const qint64 since = request.data->at("since").get<qint64>();
        QVERIFY(qAbs(since - QDateTime::currentMSecsSinceEpoch() * 1000) < 60'000'000);
        QVERIFY(m_client->send(TachyonMessage::makeSuccess(request)));
        const Json response = m_server->waitForResponse(request.messageId);
        QCOMPARE(text(response.value("status", Json())), u"\"success\""_s);
        QCOMPARE(text(response.value("commandId", Json())), u"\"autohost/subscribeUpdates\""_s);
    }

    void eventsAreDelivered()
    {
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        QVERIFY(m_server->sendJson(
            connection, TachyonMessage::makeEvent(u"autohost/announcement"_s, u"e1"_s, Json{{"x", 1}})));
        QTRY_COMPARE(m_events.size(), 1);
        QCOMPARE(m_events[0].commandId, u"autohost/announcement"_s);
        QCOMPARE(m_events[0].data->at("x").get<int>(), 1);
    }

    void sendNeedsAConnection()
    {
        createClient();
        const Json status = TachyonMessage::makeEvent(
            u"autohost/status"_s, TachyonMessage::newMessageId(),
            Json{
                {"maxBattles", 4}, {"currentBattles", 0}, {"availableEngines", Json::array({"2025.04.01"})}});
        QVERIFY(!m_client->send(status));
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        QVERIFY(m_client->send(status));
        const Json received =
            m_server->waitForMessage([](const Json &m) { return hasCommand(m, "autohost/status"); });
        QCOMPARE(text(received), text(status));
        QCOMPARE(m_server->receivedText(connection).constLast(), text(status));
    }

    void freshTokenForEveryAttempt()
    {
        const int first = connectClient();
        QVERIFY(first >= 0);
        m_server->closeConnection(first);
        const int second = m_server->waitForConnection(10000);
        QVERIFY(second > first);
        QVERIFY(waitForState(TachyonClient::State::Connected));
        m_server->abortConnection(second);
        const int third = m_server->waitForConnection(10000);
        QVERIFY(third > second);
        QVERIFY(waitForState(TachyonClient::State::Connected));
        QCOMPARE(m_server->tokenRequestCount(), 3);
        const QStringList tokens = m_server->issuedTokens();
        QCOMPARE(QSet<QString>(tokens.begin(), tokens.end()).size(), 3);
        QCOMPARE(m_server->upgradeAuthorization(first), "Bearer " + tokens[0].toUtf8());
        QCOMPARE(m_server->upgradeAuthorization(second), "Bearer " + tokens[1].toUtf8());
        QCOMPARE(m_server->upgradeAuthorization(third), "Bearer " + tokens[2].toUtf8());
        QCOMPARE(m_client->connectionGeneration(), 3u);
    }

    void cleanServerCloseReconnects()
    {
        createClient();
        QSignalSpy disconnectedSpy(m_client.get(), &TachyonClient::disconnected);
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        m_server->closeConnection(connection, QWebSocketProtocol::CloseCodeNormal, u"bye"_s);
        QVERIFY(disconnectedSpy.wait(5000));
        QVERIFY2(disconnectedSpy.at(0).at(0).toString().contains(u"1000"_s),
                 qPrintable(disconnectedSpy.at(0).at(0).toString()));
        QVERIFY(m_server->waitForConnection(10000) > connection);
        QVERIFY(waitForState(TachyonClient::State::Connected));
    }

    void subprotocolIsChecked()
    {
        m_server->setNegotiateSubprotocol(false);
        createClient();
        QSignalSpy connectedSpy(m_client.get(), &TachyonClient::connected);
        m_client->start();
        const int connection = m_server->waitForConnection(10000);
        QVERIFY(connection >= 0);
        QVERIFY(m_server->waitForDisconnected(connection));
        QTRY_VERIFY(m_client->lastError().contains(u"v0.tachyon"_s));
        QCOMPARE(connectedSpy.count(), 0);
        QCOMPARE(m_client->connectionGeneration(), 0u);
        m_server->setNegotiateSubprotocol(true);
        QVERIFY(connectedSpy.wait(10000));
        QCOMPARE(m_client->state(), TachyonClient::State::Connected);
    }

    void oauthEndpointFaultsAreRetriedUntilItRecovers_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("errorContains");
        QTest::newRow("down") << u"down"_s << u"Failed to fetch OAuth2 server metadata: Connection refused"_s;
        QTest::newRow("slower than the request timeout")
            << u"slow"_s << u"Failed to fetch OAuth2 server metadata: no answer within 0.5 s"_s;
        QTest::newRow("500") << u"500"_s << u"Failed to fetch OAuth2 token (500)"_s;
        QTest::newRow("401")
            << u"401"_s
            << u"Failed to fetch OAuth2 token (401): bad credentials, check authClientId and "
               u"authClientSecret (invalid_client: Invalid client credentials)"_s;
    }

    void oauthEndpointFaultsAreRetriedUntilItRecovers()
    {
        QFETCH(QString, fault);
        QFETCH(QString, errorContains);
        const auto setFault = [&](bool on)
        {
            if (fault == u"down" && on)
            {
                m_server->stopListening();
            }
            else if (fault == u"down")
            {
                QVERIFY(m_server->restart());
            }
            else if (fault == u"slow")
            {
                m_server->setResponseDelay(on ? 2000 : 0);
            }
            else if (fault == u"500")
            {
                m_server->setTokenOverride(on ? 500 : 0, "<html>Internal Server Error</html>");
            }
            else
            {
                m_server->setCredentials(u"autohost1"_s, on ? u"another secret"_s : u"pass1"_s);
            }
        };
        setFault(true);
        MessageCapture capture;
        createClient();
        m_client->setRequestTimeout(500);
        m_client->setMaxReconnectDelay(400);
        m_client->start();
        // Retried again and again, the delay doubling up to its maximum, with the reason in the state and the
        // log.
        QTRY_VERIFY_WITH_TIMEOUT(m_delays.size() >= 5, 20000);
        QCOMPARE(m_delays.mid(0, 5), (QList<int>{50, 100, 200, 400, 400}));
        QCOMPARE(m_client->state(), TachyonClient::State::WaitingToRetry);
        QVERIFY2(m_client->lastError().contains(errorContains), qPrintable(m_client->lastError()));
        const QStringList log = capture.take();
        QVERIFY2(std::any_of(log.cbegin(), log.cend(),
                             [&](const QString &line)
                             { return line.contains(errorContains) && line.contains(u"retrying in"_s); }),
                 qPrintable(log.join(u'\n')));
        QCOMPARE(m_client->connectionGeneration(), 0u);

        setFault(false);
        QVERIFY(waitForState(TachyonClient::State::Connected));
        QVERIFY(m_client->lastError().isEmpty());
        QCOMPARE(m_server->connectionCount(), 1);
    }

    void refusedUpgradesAreRetried()
    {
        m_server->setUpgradeRefusal(503);
        createClient();
        m_client->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->tokenRequestCount() >= 2, 10000);
        QVERIFY(waitForState(TachyonClient::State::WaitingToRetry));
        QVERIFY2(m_client->lastError().contains(u"503"_s), qPrintable(m_client->lastError()));
        m_server->setUpgradeRefusal(0);
        QVERIFY(waitForState(TachyonClient::State::Connected));
    }

    void requestWithResponse()
    {
        m_server->setServerStatsUserCount(42);
        QVERIFY(connectClient() >= 0);
        HandlerCalls calls;
        m_client->sendRequest(u"system/serverStats"_s, std::nullopt,
                              [&calls](const Result<TachyonMessage> &response)
                              { calls.results.append(response); });
        QTRY_COMPARE(calls.results.size(), 1);
        QVERIFY(calls.results[0].ok());
        QVERIFY(calls.results[0]->success);
        QCOMPARE(calls.results[0]->data->at("userCount").get<int>(), 42);
        const Json sent =
            m_server->waitForMessage([](const Json &m) { return hasCommand(m, "system/serverStats"); });
        QCOMPARE(toQString(sent.at("messageId").get<std::string>()), calls.results[0]->messageId);
        QVERIFY(!sent.contains("data"));
        const auto verdicts = ConformanceOracle::invalidMessages(QList<Json>{sent});
        QVERIFY2(verdicts.ok(), qPrintable(errorText(verdicts)));
        QVERIFY(verdicts->isEmpty());
    }

    void failedResponseReachesTheHandler()
    {
        QVERIFY(connectClient() >= 0);
        HandlerCalls calls;
        m_client->sendRequest(u"system/serverStats"_s, std::nullopt,
                              [&calls](const Result<TachyonMessage> &response)
                              { calls.results.append(response); });
        QTRY_COMPARE(calls.results.size(), 1);
        QVERIFY(calls.results[0].ok());
        QVERIFY(!calls.results[0]->success);
        QCOMPARE(calls.results[0]->reason, u"command_unimplemented"_s);
    }

    void requestTimesOut()
    {
        m_server->setTeiserverBehaviour(false);
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        HandlerCalls calls;
        m_client->sendRequest(
            u"system/serverStats"_s, std::nullopt,
            [&calls](const Result<TachyonMessage> &response) { calls.results.append(response); }, 100);
        const Json sent =
            m_server->waitForMessage([](const Json &m) { return hasCommand(m, "system/serverStats"); });
        QVERIFY(!sent.is_null());
        QTRY_COMPARE(calls.results.size(), 1);
        QVERIFY(!calls.results[0].ok());
        QVERIFY2(calls.results[0].error().contains(u"No response"_s), qPrintable(calls.results[0].error()));
        // A late answer is an unsolicited response now: logged, not delivered a second time.
        auto request = TachyonMessage::parse(dumpJsonBytes(sent));
        QVERIFY(request.ok());
        m_server->sendJson(connection, TachyonMessage::makeSuccess(*request, Json{{"userCount", 1}}));
        m_server->sendJson(connection,
                           TachyonMessage::makeEvent(u"autohost/marker"_s, u"m"_s, Json::object()));
        QTRY_COMPARE(m_events.size(), 1);
        QCOMPARE(calls.results.size(), 1);
        QCOMPARE(m_client->state(), TachyonClient::State::Connected);
    }

    void requestFailsWhenTheConnectionDrops()
    {
        m_server->setTeiserverBehaviour(false);
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        HandlerCalls calls;
        m_client->sendRequest(
            u"system/serverStats"_s, std::nullopt,
            [&calls](const Result<TachyonMessage> &response) { calls.results.append(response); }, 60000);
        QVERIFY(!m_server->waitForMessage([](const Json &m) { return hasCommand(m, "system/serverStats"); })
                     .is_null());
        m_server->abortConnection(connection);
        QTRY_COMPARE(calls.results.size(), 1);
        QVERIFY(!calls.results[0].ok());
        QVERIFY2(calls.results[0].error().contains(u"Connection lost"_s),
                 qPrintable(calls.results[0].error()));
        QVERIFY(m_server->waitForConnection(10000) > connection);
        QVERIFY(waitForState(TachyonClient::State::Connected));
        QCOMPARE(calls.results.size(), 1);
    }

    void requestWithoutConnectionFailsLater()
    {
        createClient();
        HandlerCalls calls;
        m_client->sendRequest(u"system/serverStats"_s, std::nullopt,
                              [&calls](const Result<TachyonMessage> &response)
                              { calls.results.append(response); });
        // Never from inside sendRequest(): callers may not be ready for a re-entrant call.
        QCOMPARE(calls.results.size(), 0);
        QTRY_COMPARE(calls.results.size(), 1);
        QVERIFY(!calls.results[0].ok());
    }

    void binaryFrameClosesWith1003()
    {
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        QTRY_COMPARE(m_requests.size(), 1);
        QVERIFY(m_server->sendBinary(connection, QByteArray("\x01\x02", 2)));
        QVERIFY(m_server->waitForDisconnected(connection));
        const auto close = m_server->receivedClose(connection);
        QVERIFY(close.has_value());
        QCOMPARE(close->code, 1003);
        QCOMPARE(close->reason, u"Binary messages are not supported"_s);
        QVERIFY(m_server->waitForConnection(10000) > connection);
        QVERIFY(waitForState(TachyonClient::State::Connected));
        QTRY_COMPARE(m_requests.size(), 2);
        QCOMPARE(m_client->connectionGeneration(), 2u);
    }

    void unparsableTextClosesWith1008_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::newRow("not json") << u"{nope"_s;
        QTest::newRow("array") << u"[1,2]"_s;
        QTest::newRow("numeric messageId") << toQString(
            dumpJson(Json{{"type", "request"}, {"messageId", 1}, {"commandId", "autohost/kill"}}));
        QTest::newRow("response without status") << toQString(
            dumpJson(Json{{"type", "response"}, {"messageId", "m"}, {"commandId", "autohost/kill"}}));
        QTest::newRow("data not an object") << toQString(dumpJson(Json{{"type", "request"},
                                                                       {"messageId", "m"},
                                                                       {"commandId", "autohost/kill"},
                                                                       {"data", Json::array()}}));
    }

    void unparsableTextClosesWith1008()
    {
        QFETCH(QString, frame);
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        QVERIFY(m_server->sendText(connection, frame));
        QVERIFY(m_server->waitForDisconnected(connection));
        const auto close = m_server->receivedClose(connection);
        QVERIFY(close.has_value());
        QCOMPARE(close->code, 1008);
        QCOMPARE(close->reason, u"Failed to parse base tachyon message"_s);
        QVERIFY(m_server->waitForConnection(10000) > connection);
        QVERIFY(waitForState(TachyonClient::State::Connected));
    }

    void unsolicitedResponsesAreTolerated()
    {
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"invalid_request.*status must be sent first"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"unknown message never-sent"_s));
        TachyonMessage ours;
        ours.messageId = u"our-event-1"_s;
        ours.commandId = u"autohost/status"_s;
        m_server->sendJson(connection, TachyonMessage::makeFailure(ours, u"invalid_request"_s,
                                                                   u"status must be sent first"_s));
        TachyonMessage unknown;
        unknown.messageId = u"never-sent"_s;
        unknown.commandId = u"autohost/kill"_s;
        m_server->sendJson(connection, TachyonMessage::makeSuccess(unknown));
        m_server->sendJson(connection,
                           TachyonMessage::makeEvent(u"autohost/marker"_s, u"m"_s, Json::object()));
        QTRY_COMPARE(m_events.size(), 1);
        QCOMPARE(m_client->state(), TachyonClient::State::Connected);
        QCOMPARE(m_client->connectionGeneration(), 1u);
        QVERIFY(m_server->isOpen(connection));
    }

    void backoffDoublesUpToTheMaximumAndResets()
    {
        createClient();
        m_client->setMaxReconnectDelay(400);
        m_client->setGoodSessionThreshold(60000);
        m_server->stopListening();
        m_client->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_delays.size() >= 6, 10000);
        QCOMPARE(m_delays.mid(0, 6), (QList<int>{50, 100, 200, 400, 400, 400}));
        // Each wait lasts at least its delay (coarse timers may fire up to 5 % early).
        QList<qint64> waits;
        for (qsizetype i = 0; i + 1 < m_timeline.size(); ++i)
        {
            if (m_timeline[i].first == TachyonClient::State::WaitingToRetry)
            {
                QCOMPARE(m_timeline[i + 1].first, TachyonClient::State::Authenticating);
                waits.append(m_timeline[i + 1].second - m_timeline[i].second);
            }
        }
        QVERIFY(waits.size() >= 5);
        for (qsizetype i = 0; i < 5; ++i)
        {
            QVERIFY2(waits[i] >= m_delays[i] * 95 / 100, qPrintable(u"wait %1 ms"_s.arg(waits[i])));
        }

        // A short session does not reset the backoff.
        QVERIFY(m_server->restart());
        QVERIFY(waitForState(TachyonClient::State::Connected, 5000));
        m_delays.clear();
        m_server->stopListening();
        QTRY_VERIFY(!m_delays.isEmpty());
        QCOMPARE(m_delays.first(), 400);

        // A good session does.
        QVERIFY(m_server->restart());
        QVERIFY(waitForState(TachyonClient::State::Connected, 5000));
        m_client->setGoodSessionThreshold(0);
        m_delays.clear();
        m_server->stopListening();
        QTRY_VERIFY_WITH_TIMEOUT(m_delays.size() >= 3, 10000);
        QCOMPARE(m_delays.mid(0, 3), (QList<int>{50, 100, 200}));
        QVERIFY(m_server->restart());
        QVERIFY(waitForState(TachyonClient::State::Connected, 5000));
    }

    void nextAttemptTimeIsPublished()
    {
        m_server->stopListening();
        createClient();
        m_client->setMaxReconnectDelay(60000);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        m_client->start();
        QVERIFY(waitForState(TachyonClient::State::WaitingToRetry));
        QVERIFY(m_client->nextAttemptAt() >= before.addMSecs(m_client->currentReconnectDelay()));
        QVERIFY(!m_client->lastError().isEmpty());
    }

    void keepAliveTimeoutReconnects()
    {
        createClient();
        m_client->setKeepAlive(50, 400);
        QSignalSpy disconnectedSpy(m_client.get(), &TachyonClient::disconnected);
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        // Idle but healthy: the pongs keep the connection alive well past the timeout.
        QTest::qWait(1200);
        QCOMPARE(disconnectedSpy.count(), 0);
        QCOMPARE(m_client->connectionGeneration(), 1u);
        QVERIFY(m_server->isOpen(connection));

        m_server->freezeConnection(connection);
        QVERIFY(disconnectedSpy.wait(5000));
        QVERIFY2(m_client->lastError().contains(u"Nothing received"_s), qPrintable(m_client->lastError()));
        // The frozen server really read nothing, not even the client's close frame.
        QVERIFY(m_server->waitForDisconnected(connection));
        QVERIFY(!m_server->receivedClose(connection).has_value());
        QVERIFY(m_server->waitForConnection(10000) > connection);
        QVERIFY(waitForState(TachyonClient::State::Connected));
        QCOMPARE(m_client->connectionGeneration(), 2u);
    }

    void stopSendsDisconnectAndStaysStopped()
    {
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        HandlerCalls calls;
        m_client->sendRequest(
            u"system/serverStats"_s, std::nullopt,
            [&calls](const Result<TachyonMessage> &response) { calls.results.append(response); }, 60000);
        QSignalSpy stoppedSpy(m_client.get(), &TachyonClient::stopped);
        m_client->stop(u"Shutting down for maintenance"_s);
        QCOMPARE(m_client->state(), TachyonClient::State::Stopping);
        QVERIFY(stoppedSpy.wait(5000));
        QCOMPARE(stoppedSpy.count(), 1);
        QCOMPARE(m_client->state(), TachyonClient::State::Stopped);
        QCOMPARE(calls.results.size(), 1);
        QVERIFY(!calls.results[0].ok());

        const Json disconnect =
            m_server->waitForMessage([](const Json &m) { return hasCommand(m, "system/disconnect"); });
        QCOMPARE(text(disconnect.value("type", Json())), u"\"request\""_s);
        QCOMPARE(text(disconnect.value("data", Json())), u"{\"reason\":\"Shutting down for maintenance\"}"_s);
        const auto verdicts = ConformanceOracle::invalidMessages(QList<Json>{disconnect});
        QVERIFY2(verdicts.ok(), qPrintable(errorText(verdicts)));
        QVERIFY(verdicts->isEmpty());
        QVERIFY(m_server->waitForDisconnected(connection));

        // Several backoff periods: nothing happens any more.
        const int tokenRequests = m_server->tokenRequestCount();
        QTest::qWait(500);
        QCOMPARE(m_server->tokenRequestCount(), tokenRequests);
        QCOMPARE(m_server->connectionCount(), 0);
        QCOMPARE(m_client->state(), TachyonClient::State::Stopped);
        QVERIFY(!m_client->send(TachyonMessage::makeRequest(u"system/serverStats"_s, u"x"_s)));
    }

    void stopClosesWithNormalCode()
    {
        m_server->setTeiserverBehaviour(false);
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        QSignalSpy stoppedSpy(m_client.get(), &TachyonClient::stopped);
        m_client->stop(u"bye"_s);
        QVERIFY(stoppedSpy.wait(5000));
        QVERIFY(m_server->waitForDisconnected(connection));
        const auto close = m_server->receivedClose(connection);
        QVERIFY(close.has_value());
        QCOMPARE(close->code, 1000);
    }

    void stopDoesNotWaitForAnUnresponsiveServer()
    {
        const int connection = connectClient();
        QVERIFY(connection >= 0);
        m_server->freezeConnection(connection);
        QSignalSpy stoppedSpy(m_client.get(), &TachyonClient::stopped);
        m_client->stop(u"bye"_s);
        QVERIFY(stoppedSpy.wait(5000));
        QCOMPARE(m_client->state(), TachyonClient::State::Stopped);
    }

    void stopWhileWaitingToRetry()
    {
        m_server->stopListening();
        createClient();
        m_client->start();
        QVERIFY(waitForState(TachyonClient::State::WaitingToRetry));
        QSignalSpy stoppedSpy(m_client.get(), &TachyonClient::stopped);
        m_client->stop(u"bye"_s);
        QCOMPARE(stoppedSpy.count(), 0);
        QVERIFY(stoppedSpy.wait(5000));
        QVERIFY(m_server->restart());
        QTest::qWait(500);
        QCOMPARE(m_server->tokenRequestCount(), 0);
        QCOMPARE(m_client->state(), TachyonClient::State::Stopped);
        // A stopped client can be started again.
        m_client->start();
        QVERIFY(waitForState(TachyonClient::State::Connected));
    }

    void selfSignedServerIsRefused()
    {
        useTlsServer();
        createClient(true);
        m_client->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_client->lastError().contains(u"certificate"_s, Qt::CaseInsensitive),
                                 10000);
        QCOMPARE(m_server->tokenRequestCount(), 0);
        QCOMPARE(m_server->connectionCount(), 0);
        QCOMPARE(m_client->connectionGeneration(), 0u);
    }

    void webSocketVerifiesTheCertificateToo()
    {
        useTlsServer();
        // Only the HTTP requests of this test's network manager accept the certificate; the WebSocket must
        // not.
        connect(m_network.get(), &QNetworkAccessManager::sslErrors, this,
                [](QNetworkReply *reply, const QList<QSslError> &) { reply->ignoreSslErrors(); });
        createClient(true);
        m_client->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->tokenRequestCount() >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_client->lastError().contains(u"certificate"_s, Qt::CaseInsensitive),
                                 10000);
        QCOMPARE(m_server->connectionCount(), 0);
        QCOMPARE(m_client->connectionGeneration(), 0u);
    }

    void oracleRejectsInvalidMessages()
    {
        const Json valid = TachyonMessage::makeRequest(u"system/disconnect"_s, u"a"_s, Json{{"reason", "x"}});
        const Json invalid = TachyonMessage::makeRequest(u"system/disconnect"_s, u"b"_s, Json::object());
        const auto verdicts = ConformanceOracle::invalidMessages(QList<Json>{valid, invalid});
        QVERIFY2(verdicts.ok(), qPrintable(errorText(verdicts)));
        QCOMPARE(verdicts->size(), 1);
        QCOMPARE(text(verdicts->at(0).message), text(invalid));
        QVERIFY(verdicts->at(0).output.startsWith(u"INVALID"_s));
    }
};

QTEST_GUILESS_MAIN(TestTachyonClient)
#include "tst_tachyonclient.moc"

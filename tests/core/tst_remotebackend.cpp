#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include "admin/admincontrol.h"
#include "admin/adminserver.h"
#include "admin/adminsession.h"
#include "admin/hoststate.h"
#include "autohostprocess.h"
#include "backend/hostmirror.h"
#include "backend/remotebackend.h"
#include "blockinghttp.h"
#include "faketachyonserver.h"
#include "servicetesthost.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
using LinkState = AutohostBackend::LinkState;

// A stream endpoint whose answers the test gives: it sends a snapshot to every client and keeps the controls
// it receives.
class ScriptedStream : public QObject
{
public:
    ScriptedStream()
        : m_server(u"scripted"_s, QWebSocketServer::NonSecureMode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this,
                [this]
                {
                    while (QWebSocket *socket = m_server.nextPendingConnection())
                    {
                        socket->setParent(this);
                        m_clients.append(socket);
                        connect(socket, &QWebSocket::textMessageReceived, this,
                                [this](const QString &text)
                                { m_controls.append(Json::parse(text.toStdString(), nullptr, false)); });
                        socket->sendTextMessage(u"{\"type\":\"snapshot\",\"data\":{\"apiVersion\":1}}"_s);
                    }
                });
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    void close() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QList<Json> &controls() { return m_controls; }
    int clients() const { return int(m_clients.size()); }
    void send(const Json &frame) { m_clients.constLast()->sendTextMessage(toQString(dumpJson(frame))); }
    void dropClients()
    {
        for (QWebSocket *client : std::as_const(m_clients))
        {
            client->abort();
        }
    }

private:
    QWebSocketServer m_server;
    QList<QWebSocket *> m_clients;
    QList<Json> m_controls;
};

RemoteBackend::Settings settingsFor(quint16 port, const QByteArray &token = {})
{
    RemoteBackend::Settings settings;
    settings.host = u"127.0.0.1"_s;
    settings.port = port;
    settings.token = token;
    return settings;
}
} // namespace

// The remote backend against real admin endpoints: the headless program in its own process, the endpoint in
// this process (TLS), and a scripted stream for what a real host does not do on demand.
class TestRemoteBackend : public QObject
{
    Q_OBJECT

private:
    const QString m_certificate = QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/certificate.pem");
    const QString m_key = QStringLiteral(AUTOHOST_TEST_DATA_DIR "/tls/key.pem");

    static AutohostBackend::Answer perform(AutohostBackend &backend, const QString &action, const Json &data)
    {
        std::optional<AutohostBackend::Answer> answer;
        backend.perform(action, data, [&answer](const AutohostBackend::Answer &result) { answer = result; });
        const bool answered = QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000);
        return answered ? *answer : AutohostBackend::Answer(fail(RequestFailure{u"timeout"_s, {}}));
    }

    // The battle row the state endpoint tells, read into the mirror's battle model, against the mirror's.
    static QString differsFromTheHost(quint16 port, const QByteArray &token, const MirrorBattleModel &mirror)
    {
        const QByteArray body = BlockingHttp::get(port, "/api/v1/state", token).second;
        const Json state = Json::parse(body.begin(), body.end(), nullptr, false);
        if (!state.is_object())
        {
            return u"no state"_s;
        }
        MirrorBattleModel host;
        host.replaceRows(state.at("battles"));
        if (host.count() != mirror.count())
        {
            return u"%1 battles, the host has %2"_s.arg(mirror.count()).arg(host.count());
        }
        for (int row = 0; row < host.count(); ++row)
        {
            for (const auto &column : MirrorBattleModel::columns())
            {
                const bool usage = column.name == "uptimeSeconds" || column.name == "cpuPercent" ||
                                   column.name == "memoryBytes";
                if (!usage && host.value(row, column.name) != mirror.value(row, column.name))
                {
                    return u"row %1 differs in %2"_s.arg(row).arg(QString::fromLatin1(column.name));
                }
            }
        }
        return {};
    }

private slots:
    void mirrorsARealHeadlessAutohost()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        const QByteArray token = "remote-token-0123456789";
        AutohostProcess process(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(process.problem().isEmpty(), qPrintable(process.problem()));
        QVERIFY(process.start(server.port(), u"127.0.0.1:0"_s, {{"adminToken", token.toStdString()}}));
        const quint16 port = process.waitForAdminPort();
        QVERIFY2(port > 0, qPrintable(process.output()));
        const int connection = server.waitForConnection(10000);
        QVERIFY(connection >= 0);
        const QString battle = AutohostProcess::startBattle(server, connection);
        QVERIFY(!battle.isEmpty());

        RemoteBackend backend(settingsFor(port, token));
        backend.setRetryDelays(100, 400);
        HostMirror mirror(&backend);
        QAbstractItemModelTester battles(mirror.battles(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(backend.settings().streamUrl(), QUrl(u"ws://127.0.0.1:%1/api/v1/stream"_s.arg(port)));
        backend.attach();
        QCOMPARE(backend.linkState(), LinkState::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(backend.linkState(), LinkState::Attached, 10000);
        QCOMPARE(backend.linkError(), QString());
        QVERIFY(mirror.ready());

        // The same battle as the host's state tells.
        QCOMPARE(mirror.battles()->count(), 1);
        QCOMPARE(mirror.battles()->keyAt(0), battle);
        QCOMPARE(mirror.battles()->activeCount(), 1);
        QTRY_COMPARE(differsFromTheHost(port, token, *mirror.battles()), QString());
        QCOMPARE(mirror.players(battle)->count(), 1);
        QCOMPARE(mirror.players(battle)->nameOf(u"7"_s), u"Alice"_s);
        QCOMPARE(mirror.connectionState(), u"connected"_s);
        QVERIFY(mirror.engineVersions().contains(QString::fromLatin1(AutohostProcess::EngineVersion)));
        QCOMPARE(mirror.hostAddress(), u"192.0.2.10"_s);
        QVERIFY(mirror.logAvailable());
        QTRY_VERIFY_WITH_TIMEOUT(mirror.log()->totalCount() > 0, 5000);

        // A control through the backend: the row goes inactive.
        const auto killed = perform(backend, u"kill"_s, {{"battleId", battle.toStdString()}});
        QVERIFY2(killed, killed ? "" : qPrintable(killed.error().details));
        QTRY_COMPARE_WITH_TIMEOUT(mirror.battles()->activeCount(), 0, 10000);
        QCOMPARE(mirror.battles()->get(0).value(u"active"_s), QVariant(false));
        QTRY_COMPARE(differsFromTheHost(port, token, *mirror.battles()), QString());
        const auto unknown =
            perform(backend, u"kill"_s,
                    {{"battleId", QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString()}});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().reason, u"battle_not_found"_s);
        // The feed of the ended battle, read from the host.
        FeedModel *feed = mirror.feed(battle);
        QVERIFY(feed);
        QTRY_VERIFY_WITH_TIMEOUT(
            [feed]
            {
                feed->flush();
                for (int row = 0; row < feed->count(); ++row)
                {
                    if (feed->entry(row).type == u"engine_quit")
                    {
                        return true;
                    }
                }
                return false;
            }(),
            5000);

        // The host dies: unreachable, then tried again until it is back on the same port.
        process.kill();
        QTRY_COMPARE_WITH_TIMEOUT(backend.linkState(), LinkState::Unreachable, 5000);
        QVERIFY(!backend.linkError().isEmpty());
        QVERIFY(mirror.ready());
        QCOMPARE(mirror.battles()->count(), 1);
        const auto lost = perform(backend, u"drain"_s, {{"enabled", true}});
        QVERIFY(!lost);
        QCOMPARE(lost.error().reason, AutohostBackend::NotAttached);

        QVERIFY(
            process.start(server.port(), u"127.0.0.1:%1"_s.arg(port), {{"adminToken", token.toStdString()}}));
        QCOMPARE(process.waitForAdminPort(), port);
        QTRY_COMPARE_WITH_TIMEOUT(backend.linkState(), LinkState::Attached, 10000);
        // The new host has no battle: the mirror is rebuilt from its snapshot.
        QCOMPARE(mirror.battles()->count(), 0);
        const int reconnection = server.waitForConnection(10000);
        QVERIFY(reconnection >= 0);
        const QString second = AutohostProcess::startBattle(server, reconnection);
        QVERIFY(!second.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(mirror.battles()->count(), 1, 5000);
        QCOMPARE(mirror.battles()->keyAt(0), second);
        QTRY_COMPARE(differsFromTheHost(port, token, *mirror.battles()), QString());
        QVERIFY(process.stop());
    }

    void aWrongTokenIsRefusedOnce()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        AutohostProcess process(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY(process.start(server.port(), u"127.0.0.1:0"_s, {{"adminToken", "the-right-token-0123"}}));
        const quint16 port = process.waitForAdminPort();
        QVERIFY(port > 0);

        RemoteBackend backend(settingsFor(port, "a-wrong-token"));
        backend.setRetryDelays(50, 100);
        QSignalSpy snapshots(&backend, &AutohostBackend::snapshotReceived);
        backend.attach();
        QTRY_COMPARE_WITH_TIMEOUT(backend.linkState(), LinkState::Unauthorized, 10000);
        QCOMPARE(backend.linkError(), u"127.0.0.1:%1 refused the token."_s.arg(port));
        QCOMPARE(backend.nextRetrySeconds(), 0);
        // No second try by itself: one failed login in the host's log, however long one waits.
        QTest::qWait(1000);
        QCOMPARE(backend.linkState(), LinkState::Unauthorized);
        QCOMPARE(process.output().count(u"failed admin login"_s), 1);
        QCOMPARE(snapshots.size(), 0);
        QVERIFY(process.stop());
    }

    void attachesOverTlsTrustingACertificateFile()
    {
        ServiceTestHost host(QStringLiteral(FAKE_ENGINE_PATH),
                             [](Config &config) { config.tachyonServer.clear(); });
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        HostState state(&host.service());
        AdminControl control(&host.service());
        AdminSettings adminSettings;
        adminSettings.port = 0;
        adminSettings.token = u"tls-token"_s;
        adminSettings.tlsCertificateFile = m_certificate;
        adminSettings.tlsKeyFile = m_key;
        AdminServer server(adminSettings);
        server.setStreamHandler([&state, &control](QWebSocket *socket)
                                { new AdminSession(socket, &state, &control, &state); });
        const Status listening = server.listen();
        QVERIFY2(listening, qPrintable(listening ? QString() : listening.error()));

        RemoteBackend::Settings settings = settingsFor(server.serverPort(), "tls-token");
        settings.tls = true;
        settings.certificateFile = m_certificate;
        QCOMPARE(settings.streamUrl().scheme(), u"wss"_s);
        RemoteBackend backend(settings);
        HostMirror mirror(&backend);
        backend.attach();
        QTRY_COMPARE_WITH_TIMEOUT(backend.linkState(), LinkState::Attached, 10000);
        QCOMPARE(mirror.localMode(), true);
        QCOMPARE(mirror.connectionState(), u"local"_s);
        const auto drained = perform(backend, u"drain"_s, {{"enabled", true}});
        QVERIFY(drained);
        QCOMPARE(mirror.draining(), true);
        QVERIFY(!host.service().battles()->accepting());

        // Without the file the self-signed certificate is not trusted, and the error says so.
        settings.certificateFile.clear();
        RemoteBackend untrusting(settings);
        untrusting.setRetryDelays(60000, 60000);
        untrusting.attach();
        QTRY_COMPARE_WITH_TIMEOUT(untrusting.linkState(), LinkState::Unreachable, 10000);
        QVERIFY2(untrusting.linkError().startsWith(
                     u"The certificate of 127.0.0.1:%1 is not trusted: "_s.arg(server.serverPort())),
                 qPrintable(untrusting.linkError()));
        QVERIFY(untrusting.nextRetrySeconds() > 0);

        // A file without a certificate is no reason to try again.
        settings.certificateFile = m_key + u".missing"_s;
        RemoteBackend misconfigured(settings);
        misconfigured.attach();
        QCOMPARE(misconfigured.linkState(), LinkState::Unreachable);
        QCOMPARE(misconfigured.linkError(), u"%1 holds no PEM certificate."_s.arg(settings.certificateFile));
        QCOMPARE(misconfigured.nextRetrySeconds(), 0);
        QVERIFY(host.shutdown());
    }

    void resultsReachTheirCallbacksOnce()
    {
        ScriptedStream stream;
        QVERIFY(stream.listen());
        RemoteBackend backend(settingsFor(stream.port()));
        backend.attach();
        QTRY_COMPARE(backend.linkState(), LinkState::Attached);

        QList<QString> answers;
        backend.perform(
            u"kick"_s, {{"battleId", "b"}, {"userId", "1"}},
            [&answers](const AutohostBackend::Answer &answer)
            { answers.append(u"first: "_s + toQString(answer ? answer->value("who", "") : "failed")); });
        backend.perform(u"log"_s, Json(),
                        [&answers](const AutohostBackend::Answer &answer)
                        { answers.append(u"second: "_s + (answer ? u"?"_s : answer.error().reason)); });
        QTRY_COMPARE(stream.controls().size(), 2);
        const Json first = stream.controls().at(0);
        const Json second = stream.controls().at(1);
        QCOMPARE(first.value("type", ""), std::string("control"));
        QCOMPARE(first.value("action", ""), std::string("kick"));
        QCOMPARE(first.at("data").value("userId", ""), std::string("1"));
        QVERIFY(!second.contains("data"));
        QVERIFY(first.at("id") != second.at("id"));
        QCOMPARE(backend.pendingCount(), 2);

        // Answered in the other order, one of them twice, and one that was never asked.
        stream.send({{"type", "result"},
                     {"id", second.at("id")},
                     {"status", "failed"},
                     {"reason", "not_available"},
                     {"details", "no log"}});
        stream.send({{"type", "result"}, {"id", 999}, {"status", "success"}, {"data", Json::object()}});
        stream.send(
            {{"type", "result"}, {"id", first.at("id")}, {"status", "success"}, {"data", {{"who", "one"}}}});
        stream.send(
            {{"type", "result"}, {"id", first.at("id")}, {"status", "success"}, {"data", {{"who", "two"}}}});
        QTRY_COMPARE(answers.size(), 2);
        QTest::qWait(100);
        QCOMPARE(answers, QList<QString>({u"second: not_available"_s, u"first: one"_s}));
        QCOMPARE(backend.pendingCount(), 0);
        QCOMPARE(backend.linkState(), LinkState::Attached);
    }

    void aLostLinkFailsWhatWaitsAndComesBack()
    {
        ScriptedStream stream;
        QVERIFY(stream.listen());
        RemoteBackend backend(settingsFor(stream.port()));
        backend.setRetryDelays(100, 200);
        QSignalSpy snapshots(&backend, &AutohostBackend::snapshotReceived);
        backend.attach();
        QTRY_COMPARE(backend.linkState(), LinkState::Attached);

        int calls = 0;
        QString reason;
        backend.perform(u"kill"_s, {{"battleId", "b"}},
                        [&](const AutohostBackend::Answer &answer)
                        {
                            ++calls;
                            reason = answer ? u"success"_s : answer.error().reason;
                        });
        QTRY_COMPARE(stream.controls().size(), 1);
        stream.dropClients();
        QTRY_COMPARE(calls, 1);
        QCOMPARE(reason, AutohostBackend::NotAttached);
        QCOMPARE(backend.pendingCount(), 0);
        // Unreachable for a moment, then attached again with a new snapshot.
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.size(), 2, 5000);
        QTRY_COMPARE(backend.linkState(), LinkState::Attached);
        QCOMPARE(stream.clients(), 2);
        QTest::qWait(100);
        QCOMPARE(calls, 1);
    }

    void anUnreachableHostIsTriedAgainWithGrowingDelays()
    {
        ScriptedStream stream;
        QVERIFY(stream.listen());
        const quint16 port = stream.port();
        stream.close();
        RemoteBackend backend(settingsFor(port));
        backend.setRetryDelays(200, 400);
        QList<int> waits;
        connect(&backend, &AutohostBackend::linkStateChanged, this,
                [&]
                {
                    if (backend.linkState() == LinkState::Unreachable)
                    {
                        waits.append(backend.retryDelay());
                        QCOMPARE(backend.nextRetrySeconds(), 1);
                    }
                });
        backend.attach();
        QTRY_VERIFY_WITH_TIMEOUT(waits.size() >= 3, 5000);
        QVERIFY2(backend.linkError().startsWith(u"Cannot reach 127.0.0.1:%1: "_s.arg(port)),
                 qPrintable(backend.linkError()));
        QCOMPARE(waits.mid(0, 3), QList<int>({200, 400, 400}));

        QVERIFY(stream.listen(port));
        QTRY_COMPARE_WITH_TIMEOUT(backend.linkState(), LinkState::Attached, 5000);
        QCOMPARE(backend.linkError(), QString());
        QCOMPARE(backend.nextRetrySeconds(), 0);

        backend.detach();
        QCOMPARE(backend.linkState(), LinkState::Detached);
        int calls = 0;
        backend.perform(u"log"_s, Json(),
                        [&calls](const AutohostBackend::Answer &answer) { calls += answer ? 10 : 1; });
        QCOMPARE(calls, 1);
    }

    void readsTheHandshakeStatus()
    {
        QCOMPARE(
            RemoteBackend::handshakeStatus(
                u"QWebSocketPrivate::processHandshake: Unhandled http status code: 401 (Unauthorized)."_s),
            401);
        QCOMPARE(RemoteBackend::handshakeStatus(u"Unhandled http status code: 429 (Too Many Requests)."_s),
                 429);
        QCOMPARE(RemoteBackend::handshakeStatus(u"Connection refused"_s), 0);
        QCOMPARE(RemoteBackend::handshakeStatus(u"Host 192.168.100.5 not found"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestRemoteBackend)
#include "tst_remotebackend.moc"

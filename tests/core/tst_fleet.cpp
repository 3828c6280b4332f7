#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include "admin/admincontrol.h"
#include "admin/hoststate.h"
#include "autohostprocess.h"
#include "backend/fleet.h"
#include "backend/hostmirror.h"
#include "backend/localbackend.h"
#include "backend/remotebackend.h"
#include "faketachyonserver.h"
#include "servicetesthost.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
RemoteBackend *remote(quint16 port, const QByteArray &token)
{
    RemoteBackend::Settings settings;
    settings.host = u"127.0.0.1"_s;
    settings.port = port;
    settings.token = token;
    auto *backend = new RemoteBackend(settings);
    backend->setRetryDelays(100, 400);
    return backend;
}
} // namespace

// The fleet overview's model over real autohosts: two headless programs in their own processes, each
// connected to the fake Tachyon server, watched over their admin endpoints.
class TestFleet : public QObject
{
    Q_OBJECT

private:
    // What a view bound to the model would show: each row's roles as of the model's last signal about it.
    class Shown
    {
    public:
        explicit Shown(Fleet &fleet)
        {
            const auto read = [&fleet, this](int first, int last)
            {
                for (int row = first; row <= last; ++row)
                {
                    m_rows[fleet.name(row)] = fleet.get(row);
                }
            };
            QObject::connect(&fleet, &QAbstractItemModel::rowsInserted, &fleet,
                             [read](const QModelIndex &, int first, int last) { read(first, last); });
            QObject::connect(&fleet, &QAbstractItemModel::dataChanged, &fleet,
                             [read](const QModelIndex &topLeft, const QModelIndex &bottomRight)
                             { read(topLeft.row(), bottomRight.row()); });
        }
        QVariant value(const QString &host, const QString &role) const
        {
            return m_rows.value(host).value(role);
        }

    private:
        QHash<QString, QVariantMap> m_rows;
    };

private slots:
    void watchesTwoHeadlessAutohosts()
    {
        FakeTachyonServer server;
        server.setCredentials(u"autohost1"_s, u"s3cret-value"_s);
        QVERIFY(server.listen());
        AutohostProcess first(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH), 0);
        AutohostProcess second(QStringLiteral(AUTOHOST_BINARY), QStringLiteral(FAKE_ENGINE_PATH), 1);
        QVERIFY2(first.problem().isEmpty(), qPrintable(first.problem()));
        QVERIFY2(second.problem().isEmpty(), qPrintable(second.problem()));
        // The first one's engine downloads fail at once: nothing listens where it looks for them.
        QVERIFY(first.start(server.port(), u"127.0.0.1:0"_s,
                            {{"adminToken", "first-token"},
                             {"engineCdnBaseUrl", "http://127.0.0.1:9"},
                             {"engineDownloadMaxAttempts", 1}}));
        const quint16 firstPort = first.waitForAdminPort();
        QVERIFY2(firstPort > 0, qPrintable(first.output()));
        const int firstConnection = server.waitForReadyAutohost();
        QVERIFY(firstConnection >= 0);
        QVERIFY(second.start(server.port(), u"127.0.0.1:0"_s,
                             {{"adminToken", "second-token"}, {"maxBattles", 7}}));
        const quint16 secondPort = second.waitForAdminPort();
        QVERIFY2(secondPort > 0, qPrintable(second.output()));
        const int secondConnection = server.waitForReadyAutohost();
        QVERIFY(secondConnection >= 0);

        Fleet fleet;
        QAbstractItemModelTester tester(&fleet, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Shown shown(fleet);
        QSignalSpy counted(&fleet, &Fleet::countChanged);
        QCOMPARE(
            fleet.add(u"One"_s, u"127.0.0.1:%1"_s.arg(firstPort), remote(firstPort, "first-token"), false),
            0);
        QCOMPARE(
            fleet.add(u"Two"_s, u"127.0.0.1:%1"_s.arg(secondPort), remote(secondPort, "second-token"), false),
            1);
        QCOMPARE(fleet.count(), 2);
        QCOMPARE(counted.count(), 2);
        QCOMPARE(shown.value(u"One"_s, u"linkState"_s).toString(), u"connecting"_s);
        QTRY_COMPARE_WITH_TIMEOUT(shown.value(u"One"_s, u"linkState"_s).toString(), u"attached"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(shown.value(u"Two"_s, u"linkState"_s).toString(), u"attached"_s, 10000);
        QCOMPARE(shown.value(u"One"_s, u"ready"_s), QVariant(true));
        QCOMPARE(shown.value(u"One"_s, u"address"_s).toString(), u"127.0.0.1:%1"_s.arg(firstPort));
        QCOMPARE(shown.value(u"One"_s, u"inProcess"_s), QVariant(false));
        QCOMPARE(shown.value(u"One"_s, u"lobbyState"_s).toString(), u"connected"_s);
        QCOMPARE(shown.value(u"One"_s, u"localMode"_s), QVariant(false));
        QCOMPARE(shown.value(u"Two"_s, u"serverAddress"_s).toString(), u"127.0.0.1:%1"_s.arg(server.port()));
        QCOMPARE(shown.value(u"Two"_s, u"maxBattles"_s).toInt(), 7);
        QCOMPARE(shown.value(u"One"_s, u"alertCount"_s).toInt(), 0);

        // A battle on each: one runs, one crashes; each row shows its own.
        QVERIFY(!AutohostProcess::startBattle(server, firstConnection).isEmpty());
        QVERIFY(!AutohostProcess::startBattle(server, secondConnection, u"crash:300"_s).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(shown.value(u"One"_s, u"currentBattles"_s).toInt(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(shown.value(u"Two"_s, u"crashedBattles"_s).toInt(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(shown.value(u"Two"_s, u"currentBattles"_s).toInt(), 0, 10000);
        QCOMPARE(shown.value(u"Two"_s, u"alertCount"_s).toInt(), 1);
        QCOMPARE(shown.value(u"One"_s, u"crashedBattles"_s).toInt(), 0);

        // A failed engine install is an alert of its host.
        fleet.mirror(0)->installs()->install(u"2025.01.01"_s);
        QTRY_COMPARE_WITH_TIMEOUT(shown.value(u"One"_s, u"failedInstalls"_s).toInt(), 1, 20000);
        QCOMPARE(shown.value(u"One"_s, u"alertCount"_s).toInt(), 1);
        QCOMPARE(shown.value(u"Two"_s, u"failedInstalls"_s).toInt(), 0);

        // Draining one host shows on its row only.
        std::optional<AutohostBackend::Answer> drained;
        fleet.backend(1)->perform(u"drain"_s, {{"enabled", true}},
                                  [&drained](const AutohostBackend::Answer &answer) { drained = answer; });
        QTRY_VERIFY_WITH_TIMEOUT(drained.has_value(), 10000);
        QVERIFY(*drained);
        QTRY_COMPARE(shown.value(u"Two"_s, u"draining"_s), QVariant(true));
        QCOMPARE(shown.value(u"Two"_s, u"maxBattles"_s).toInt(), 0);
        QCOMPARE(shown.value(u"One"_s, u"draining"_s), QVariant(false));

        // One host dies: its row says so and keeps its last state; the other is untouched.
        second.kill();
        QTRY_COMPARE_WITH_TIMEOUT(shown.value(u"Two"_s, u"linkState"_s).toString(), u"unreachable"_s, 10000);
        QVERIFY(!shown.value(u"Two"_s, u"linkError"_s).toString().isEmpty());
        QCOMPARE(shown.value(u"Two"_s, u"crashedBattles"_s).toInt(), 1);
        QCOMPARE(shown.value(u"One"_s, u"linkState"_s).toString(), u"attached"_s);

        fleet.remove(1);
        QCOMPARE(fleet.count(), 1);
        QCOMPARE(fleet.name(0), u"One"_s);
        QCOMPARE(fleet.indexOf(fleet.mirror(0)), 0);
        QVERIFY(!fleet.mirror(1));

        // A wrong token: refused, and not tried again.
        fleet.add(u"Wrong"_s, {}, remote(firstPort, "not-the-token"), false);
        QTRY_COMPARE_WITH_TIMEOUT(shown.value(u"Wrong"_s, u"linkState"_s).toString(), u"unauthorized"_s,
                                  10000);
        QCOMPARE(shown.value(u"Wrong"_s, u"ready"_s), QVariant(false));
        QVERIFY(first.stop());
    }

    void holdsThisProcessAutohostToo()
    {
        ServiceTestHost host(QStringLiteral(FAKE_ENGINE_PATH));
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        HostState state(&host.service(), nullptr);
        AdminControl control(&host.service(), nullptr);
        Fleet fleet;
        QAbstractItemModelTester tester(&fleet, QAbstractItemModelTester::FailureReportingMode::Fatal);
        fleet.add(u"This computer"_s, {}, new LocalBackend(&state, &control), true);
        // Attached at once: its snapshot is this process's state.
        QCOMPARE(fleet.get(0).value(u"linkState"_s).toString(), u"attached"_s);
        QCOMPARE(fleet.get(0).value(u"inProcess"_s), QVariant(true));
        QCOMPARE(fleet.get(0).value(u"ready"_s), QVariant(true));
        QCOMPARE(fleet.get(0).value(u"maxBattles"_s).toInt(), host.service().config().maxBattles);
        QVERIFY(fleet.inProcess(0));
        QVERIFY(fleet.get(1).isEmpty());
        QCOMPARE(Fleet::linkStateName(int(AutohostBackend::LinkState::Detached)), u"detached"_s);
    }
};

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"

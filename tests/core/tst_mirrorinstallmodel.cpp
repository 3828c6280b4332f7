#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "backend/autohostbackend.h"
#include "backend/mirrorinstallmodel.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// A backend that keeps the actions performed and answers none.
class RecordingBackend : public AutohostBackend
{
public:
    void attach() override {}
    void detach() override {}
    void perform(const QString &action, const Json &data, Done) override { m_actions.append({action, data}); }

    QList<QPair<QString, Json>> m_actions;
};
} // namespace

// The installs table of the admin API: InstallListModel's roles, activeCount, install requests and the check
// of a version.
class TestMirrorInstallModel : public QObject
{
    Q_OBJECT

private:
    static Json install(const std::string &version, const std::string &phase)
    {
        return {{"version", version}, {"phase", phase}, {"progress", -1.0}, {"bytesDone", 0},
                {"bytesTotal", -1},   {"attempt", 1},   {"maxAttempts", 3}, {"error", ""}};
    }

private slots:
    void rolesAreInstallListModels()
    {
        MirrorInstallModel model(nullptr, nullptr);
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.size(), 8);
        QCOMPARE(names.value(Qt::UserRole + 1), QByteArray("version"));
        QCOMPARE(names.value(Qt::UserRole + 3), QByteArray("progress"));
        QCOMPARE(names.value(Qt::UserRole + 8), QByteArray("error"));
    }

    void countsInstallsThatAreNotFailed()
    {
        MirrorInstallModel model(nullptr, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy active(&model, &MirrorInstallModel::activeCountChanged);
        model.replaceRows(Json::array({install("1.0", "downloading"), install("2.0", "failed")}));
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(active.size(), 1);
        // 1.0 is installed (its row goes), 2.0 is tried again.
        model.replaceRows(Json::array({install("2.0", "queued")}));
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(active.size(), 1);
        model.replaceRows(Json::array());
        QCOMPARE(model.activeCount(), 0);
        QCOMPARE(active.size(), 2);
    }

    void requestsInstallsThroughTheBackend()
    {
        RecordingBackend backend;
        MirrorInstallModel model(&backend, nullptr);
        model.replaceRows(Json::array({install("1.0", "downloading"), install("2.0", "failed")}));
        model.install(u"3.0"_s);
        QVERIFY(!model.retry(u"1.0"_s));
        QVERIFY(!model.retry(u"4.0"_s));
        QVERIFY(model.retry(u"2.0"_s));
        QCOMPARE(backend.m_actions.size(), 2);
        QCOMPARE(backend.m_actions.at(0).first, u"installEngine"_s);
        QCOMPARE(backend.m_actions.at(0).second.value("version", ""), std::string("3.0"));
        QCOMPARE(backend.m_actions.at(1).second.value("version", ""), std::string("2.0"));
    }

    void checksVersionsAsTheInstallerDoes_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("outside the engines directory")
            << u"../2025.06.22"_s << u"not a valid engine version"_s;
        QTest::newRow("with a slash") << u"engines/x"_s << u"not a valid engine version"_s;
        QTest::newRow("installed") << u"2025.06.22"_s << u"already available"_s;
        QTest::newRow("being installed") << u"1.0"_s << u"already being installed"_s;
        QTest::newRow("failed before") << u"2.0"_s << QString();
        QTest::newRow("new") << u"2031.01.01"_s << QString();
    }

    void checksVersionsAsTheInstallerDoes()
    {
        QFETCH(QString, version);
        QFETCH(QString, problem);
        MirrorRowModel engines({{"version", MirrorRowModel::Kind::Text}});
        engines.replaceRows(Json::array({{{"version", "2025.06.22"}}}));
        MirrorInstallModel model(nullptr, &engines);
        model.replaceRows(Json::array({install("1.0", "downloading"), install("2.0", "failed")}));
        QCOMPARE(model.validateVersion(version), problem);
    }
};

QTEST_GUILESS_MAIN(TestMirrorInstallModel)
#include "tst_mirrorinstallmodel.moc"
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "backend/mirrorinstallmodel.h"

using namespace Qt::Literals::StringLiterals;

// The installs table of the admin API: InstallListModel's roles and activeCount.
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
        MirrorInstallModel model;
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.size(), 8);
        QCOMPARE(names.value(Qt::UserRole + 1), QByteArray("version"));
        QCOMPARE(names.value(Qt::UserRole + 3), QByteArray("progress"));
        QCOMPARE(names.value(Qt::UserRole + 8), QByteArray("error"));
    }

    void countsInstallsThatAreNotFailed()
    {
        MirrorInstallModel model;
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
};

QTEST_GUILESS_MAIN(TestMirrorInstallModel)
#include "tst_mirrorinstallmodel.moc"

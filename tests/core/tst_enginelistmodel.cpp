#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "battles/battlemanager.h"
#include "engine/enginecatalog.h"
#include "models/enginelistmodel.h"
#include "updates/updatebuffer.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
const QString DebianEngine = u"/usr/games/spring-dedicated"_s;

// <dir>/spring-dedicated answering --version like the real one.
bool writeEngine(const QString &dir, const QString &version)
{
    QFile file(dir + u"/spring-dedicated"_s);
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) ||
        file.write("#!/bin/sh\necho 'spring-dedicated version " + version.toUtf8() + " (Dedicated)'\n") < 0)
    {
        return false;
    }
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
    {
        values.append(model.index(row, 0).data(role).toString());
    }
    return values;
}
} // namespace

class TestEngineListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString enginesDir() const { return m_dir->filePath(u"engines"_s); }
    QString extraDir() const { return m_dir->filePath(u"extra"_s); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void listsInstalledEngines()
    {
        QVERIFY(writeEngine(enginesDir() + u"/2025.06.22"_s, u"2025.06.22"_s));
        QVERIFY(writeEngine(enginesDir() + u"/105.1.1-2590-gb9462a0 BAR105"_s, u"x"_s));
        EngineCatalog catalog(EngineSources{enginesDir(), {}, {}});
        EngineListModel model(&catalog, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.property("count").toInt(), 2);
        QCOMPARE(column(model, EngineListModel::VersionRole),
                 (QStringList{u"105.1.1-2590-gb9462a0 BAR105"_s, u"2025.06.22"_s}));
        const QModelIndex second = model.index(1, 0);
        QCOMPARE(second.data(EngineListModel::OriginRole).toString(), u"installed"_s);
        const QString directory = QDir(enginesDir()).filePath(u"2025.06.22"_s);
        QCOMPARE(second.data(EngineListModel::DirectoryRole).toString(), directory);
        QCOMPARE(second.data(EngineListModel::PathRole).toString(), directory + u"/spring-dedicated"_s);
        QCOMPARE(second.data(EngineListModel::BattlesUsingRole).toInt(), 0);

        const QHash<int, QByteArray> roles = model.roleNames();
        QCOMPARE(roles.value(EngineListModel::VersionRole), "version");
        QCOMPARE(roles.value(EngineListModel::OriginRole), "origin");
        QCOMPARE(roles.value(EngineListModel::PathRole), "path");
        QCOMPARE(roles.value(EngineListModel::DirectoryRole), "directory");
        QCOMPARE(roles.value(EngineListModel::BattlesUsingRole), "battlesUsing");
    }

    void rowsFollowTheCatalog()
    {
        QVERIFY(writeEngine(enginesDir() + u"/2.0"_s, u"2.0"_s));
        EngineCatalog catalog(EngineSources{enginesDir(), {}, {}});
        EngineListModel model(&catalog, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy count(&model, &EngineListModel::countChanged);

        // Before and after the existing row, found by the directory watch.
        QVERIFY(writeEngine(enginesDir() + u"/1.0"_s, u"1.0"_s));
        QVERIFY(writeEngine(enginesDir() + u"/3.0"_s, u"3.0"_s));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 10000);
        QCOMPARE(column(model, EngineListModel::VersionRole), (QStringList{u"1.0"_s, u"2.0"_s, u"3.0"_s}));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(1).at(1).toInt(), 2);
        QVERIFY(!count.isEmpty());

        QVERIFY(QDir(enginesDir() + u"/2.0"_s).removeRecursively());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(column(model, EngineListModel::VersionRole), (QStringList{u"1.0"_s, u"3.0"_s}));
        QCOMPARE(model.property("count").toInt(), 2);
        QCOMPARE(reset.size(), 0);
    }

    void engineThatMovesChangesInPlace()
    {
        QVERIFY(writeEngine(extraDir() + u"/1.0"_s, u"1.0"_s));
        EngineCatalog catalog(EngineSources{enginesDir(), {extraDir()}, {}});
        EngineListModel model(&catalog, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(EngineListModel::OriginRole).toString(), u"extra"_s);
        QCOMPARE(model.index(0, 0).data(EngineListModel::DirectoryRole).toString(), extraDir() + u"/1.0"_s);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Installed now as well: engines/ wins, the row stays and changes.
        QVERIFY(writeEngine(enginesDir() + u"/1.0"_s, u"1.0"_s));
        catalog.rescan();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0, 0).data(EngineListModel::OriginRole).toString(), u"installed"_s);
        QCOMPARE(model.index(0, 0).data(EngineListModel::DirectoryRole).toString(),
                 QDir(enginesDir()).filePath(u"1.0"_s));
    }

    void systemEngine()
    {
        QVERIFY2(EngineCatalog::isEngineBinary(DebianEngine),
                 "Debian's spring package is needed (scripts/install-deps.sh --tests installs it)");
        EngineCatalog catalog(EngineSources{enginesDir(), {}, {DebianEngine}});
        EngineListModel model(&catalog, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex row = model.index(0, 0);
        QCOMPARE(row.data(EngineListModel::VersionRole).toString(), u"106.0"_s);
        QCOMPARE(row.data(EngineListModel::OriginRole).toString(), u"system"_s);
        QCOMPARE(row.data(EngineListModel::PathRole).toString(), DebianEngine);
        QCOMPARE(row.data(EngineListModel::DirectoryRole).toString(), u"/usr/games"_s);
    }

    void countsBattlesUsingEachVersion()
    {
        QVERIFY(QDir().mkpath(enginesDir() + u"/1.0"_s));
        QVERIFY(QFile::link(QStringLiteral(FAKE_ENGINE_PATH), enginesDir() + u"/1.0/spring-dedicated"_s));
        QVERIFY(writeEngine(enginesDir() + u"/2.0"_s, u"2.0"_s));
        EngineCatalog catalog(EngineSources{enginesDir(), {}, {}});
        UpdateBuffer updates(600'000'000);
        Config config;
        config.engineBindIP = u"127.0.0.1"_s;
        config.enginesDir = enginesDir();
        config.instancesDir = m_dir->filePath(u"instances"_s);
        config.engineStartPort = 46000 + int(QCoreApplication::applicationPid() % 50) * 20;
        config.engineAutohostStartPort = config.engineStartPort + 10;
        config.maxPortsUsed = 10;
        config.engineKillGraceSeconds = 2;
        BattleManager battles(config, &catalog, &updates);
        EngineListModel model(&catalog, &battles);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        const auto startBattle = [&battles]
        {
            StartRequest request;
            request.battleId = QUuid::createUuid();
            request.engineVersion = u"1.0"_s;
            request.gameName = u"MiniGame 1.0"_s;
            request.mapName = u"MiniMap"_s;
            AllyTeamSpec allyTeam;
            allyTeam.teams.append(TeamSpec{});
            allyTeam.teams[0].players.append(PlayerSpec{u"1"_s, u"Alice"_s, u"a"_s, {}, {}, {}});
            request.allyTeams = {allyTeam};
            std::optional<bool> started;
            battles.start(request, [&started](const auto &result) { started = result.ok(); });
            return QTest::qWaitFor([&started] { return started.has_value(); }, 10000) && *started;
        };
        QVERIFY(startBattle());
        QVERIFY(startBattle());
        QCOMPARE(model.index(0, 0).data(EngineListModel::BattlesUsingRole).toInt(), 2);
        QCOMPARE(model.index(1, 0).data(EngineListModel::BattlesUsingRole).toInt(), 0);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{EngineListModel::BattlesUsingRole});

        battles.killAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(battles.currentBattles(), 0, 10000);
        QCOMPARE(model.index(0, 0).data(EngineListModel::BattlesUsingRole).toInt(), 0);
        QCOMPARE(changed.size(), 4);

        // Counted from the battles already running when the model is made.
        QVERIFY(startBattle());
        EngineListModel later(&catalog, &battles);
        QCOMPARE(later.index(0, 0).data(EngineListModel::BattlesUsingRole).toInt(), 1);
        battles.killAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(later.index(0, 0).data(EngineListModel::BattlesUsingRole).toInt(), 0,
                                  10000);
    }
};

QTEST_GUILESS_MAIN(TestEngineListModel)
#include "tst_enginelistmodel.moc"

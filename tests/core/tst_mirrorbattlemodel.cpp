#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include "backend/mirrorbattlemodel.h"
#include "models/battlefiltermodel.h"

using namespace Qt::Literals::StringLiterals;

// The battles table of the admin API: activeCount, ids with or without braces, each battle's players for as
// long as its row, and BattleFilterModel on top of it.
class TestMirrorBattleModel : public QObject
{
    Q_OBJECT

private:
    static Json battle(const QString &id, const std::string &state, bool active, const std::string &startedAt,
                       int port)
    {
        return {{"battleId", toStdString(id)},
                {"engineVersion", "1.0"},
                {"gameName", "MiniGame"},
                {"mapName", "MiniMap"},
                {"battleState", state},
                {"playersJoined", 0},
                {"playersTotal", 2},
                {"startedAt", startedAt},
                {"uptimeSeconds", 5},
                {"port", port},
                {"pid", 0},
                {"cpuPercent", -1.0},
                {"memoryBytes", -1},
                {"instanceDir", "/tmp/x"},
                {"engineLogPath", "/tmp/x/engine.log"},
                {"endDetails", ""},
                {"active", active}};
    }

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

private slots:
    void rolesAreBattleListModels()
    {
        MirrorBattleModel model;
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.size(), 17);
        QCOMPARE(names.value(Qt::UserRole + 1), QByteArray("battleId"));
        QCOMPARE(names.value(Qt::UserRole + 5), QByteArray("battleState"));
        QCOMPARE(names.value(Qt::UserRole + 17), QByteArray("active"));
    }

    void countsActiveBattles()
    {
        MirrorBattleModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy active(&model, &MirrorBattleModel::activeCountChanged);
        const QString a = newId();
        const QString b = newId();
        model.replaceRows(Json::array({battle(a, "running", true, "2026-01-01T10:00:00.000Z", 1),
                                       battle(b, "running", true, "2026-01-01T09:00:00.000Z", 2)}));
        QCOMPARE(model.activeCount(), 2);
        QCOMPARE(active.size(), 1);
        model.upsertRows(Json::array({battle(a, "ended", false, "2026-01-01T10:00:00.000Z", 1)}));
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(active.size(), 2);
        model.upsertRows(Json::array({battle(a, "ended", false, "2026-01-01T10:00:00.000Z", 1)}));
        QCOMPARE(active.size(), 2);
    }

    void findsBattlesWithOrWithoutBraces()
    {
        MirrorBattleModel model;
        const QString id = newId();
        model.replaceRows(Json::array({battle(id, "running", true, "2026-01-01T10:00:00.000Z", 1)}));
        QCOMPARE(model.indexOf(id), 0);
        QCOMPARE(model.indexOf(u"{"_s + id.toUpper() + u"}"_s), 0);
        QCOMPARE(model.indexOf(newId()), -1);
        QVERIFY(model.players(u"{"_s + id + u"}"_s) != nullptr);
        QCOMPARE(model.get(0).value(u"port"_s), QVariant(1));
    }

    void playersLiveAsLongAsTheirRow()
    {
        MirrorBattleModel model;
        const QString a = newId();
        const QString b = newId();
        model.upsertRows(Json::array({battle(a, "running", true, "2026-01-01T10:00:00.000Z", 1)}));
        QPointer<MirrorPlayerModel> players = model.players(a);
        QVERIFY(players);
        QCOMPARE(players->battleId(), a);
        QAbstractItemModelTester tester(players, QAbstractItemModelTester::FailureReportingMode::Fatal);
        players->replaceRows(Json::array({{{"userId", "1"}, {"name", "Alice"}}}));
        // A new snapshot with the battle still there keeps the players' model.
        model.replaceRows(Json::array({battle(a, "running", true, "2026-01-01T10:00:00.000Z", 1),
                                       battle(b, "running", true, "2026-01-01T10:00:00.000Z", 2)}));
        QCOMPARE(model.players(a), players.data());
        QCOMPARE(players->count(), 1);
        QVERIFY(model.players(b) != nullptr);
        QVERIFY(model.players(b) != players);

        QVERIFY(model.removeKey(a));
        QVERIFY(model.players(a) == nullptr);
        // Deleted once the event loop turns, not while a view may still be reading it.
        QVERIFY(players);
        QTRY_VERIFY(!players);
    }

    void filterModelSortsAndFiltersIt()
    {
        MirrorBattleModel model;
        const QString early = newId();
        const QString late = newId();
        const QString ended = newId();
        model.replaceRows(Json::array({battle(late, "running", true, "2026-01-01T10:00:00.000Z", 3),
                                       battle(early, "running", true, "2026-01-01T09:00:00.000Z", 10),
                                       battle(ended, "crashed", false, "2026-01-01T08:00:00.000Z", 2)}));
        BattleFilterModel filter;
        filter.setSourceModel(&model);
        const auto idAt = [&filter](int row)
        {
            return filter.data(filter.index(row, 0), Qt::UserRole + 1).toString();
        };

        filter.sortBy(u"startedAt"_s);
        QCOMPARE(filter.count(), 3);
        QCOMPARE(idAt(0), ended);
        QCOMPARE(idAt(2), late);
        // Ports are numbers: 10 after 3.
        filter.sortBy(u"port"_s);
        QCOMPARE(idAt(1), late);
        QCOMPARE(idAt(2), early);

        filter.setStateFilter(u"ended"_s);
        QCOMPARE(filter.count(), 1);
        QCOMPARE(idAt(0), ended);
        filter.setStateFilter(u"all"_s);
        filter.setFilterText(u"CRASH"_s);
        QCOMPARE(filter.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMirrorBattleModel)
#include "tst_mirrorbattlemodel.moc"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include "fakebattlehost.h"
#include "models/battlefiltermodel.h"
#include "models/battlelistmodel.h"
#include "util/conversions.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// Rows with chosen values under role names of the BattleListModel (in another numbering), for comparisons
// real battles cannot stage (dates in other time zones, negative numbers).
class FixedRows : public QAbstractListModel
{
public:
    explicit FixedRows(QList<QVariantMap> rows)
        : m_rows(std::move(rows))
    {
        int role = Qt::UserRole + 1;
        for (const char *name : {"battleId", "engineVersion", "gameName", "mapName", "battleState", "active",
                                 "startedAt", "cpuPercent", "memoryBytes", "playersTotal"})
        {
            m_names.insert(role++, name);
        }
    }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        {
            return {};
        }
        return m_rows.at(index.row()).value(QString::fromLatin1(m_names.value(role)));
    }
    QHash<int, QByteArray> roleNames() const override { return m_names; }

private:
    QList<QVariantMap> m_rows;
    QHash<int, QByteArray> m_names;
};
} // namespace

class TestBattleFilterModel : public QObject
{
    Q_OBJECT

private:
    using Tester = QAbstractItemModelTester;

    static QStringList column(const QAbstractItemModel &model, const QString &roleName)
    {
        const int role = model.roleNames().key(roleName.toLatin1(), -1);
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row)
        {
            values.append(model.data(model.index(row, 0), role).toString());
        }
        return values;
    }

    static StartRequest named(const QString &game, const QString &map, int players)
    {
        StartRequest request = FakeBattleHost::request({players});
        request.gameName = game;
        request.mapName = map;
        return request;
    }

private slots:
    void initTestCase() { qRegisterMetaType<Json>("Json"); }

    void filtersAndSortsRealBattles()
    {
        FakeBattleHost host(QStringLiteral(FAKE_ENGINE_PATH), 5);
        QVERIFY2(host.problem().isEmpty(), qPrintable(host.problem()));
        BattleListModel battles(&host.manager());
        battles.setRefreshInterval(3600 * 1000);
        BattleFilterModel model;
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QSignalSpy counts(&model, &BattleFilterModel::countChanged);
        model.setSourceModel(&battles);
        QCOMPARE(model.count(), 0);

        const StartRequest gamma = named(u"gamma wars"_s, u"Dust"_s, 2);
        const StartRequest alpha = named(u"alpha strike"_s, u"Ice Field"_s, 10);
        const StartRequest beta = named(u"Beta Test"_s, u"MiniMap"_s, 1);
        for (const StartRequest &request : {gamma, alpha, beta})
        {
            QVERIFY(host.start(request).ok());
        }
        QCOMPARE(model.count(), 3);
        QVERIFY(counts.count() >= 3);
        host.battle(beta.battleId)->killNow();
        QTRY_COMPARE_WITH_TIMEOUT(battles.activeCount(), 2, 10000);
        const QString gammaId = uuidText(gamma.battleId);
        const QString alphaId = uuidText(alpha.battleId);
        const QString betaId = uuidText(beta.battleId);

        // The source order while no sort role is set.
        QCOMPARE(column(model, u"battleId"_s), (QStringList{gammaId, alphaId, betaId}));

        // Text: case-insensitive, in id, engine, game, map and state.
        model.setFilterText(u"ALPHA"_s);
        QCOMPARE(column(model, u"battleId"_s), QStringList{alphaId});
        QCOMPARE(model.count(), 1);
        model.setFilterText(u"minimap"_s);
        QCOMPARE(column(model, u"battleId"_s), QStringList{betaId});
        model.setFilterText(gammaId.mid(9, 9).toUpper());
        QCOMPARE(column(model, u"battleId"_s), QStringList{gammaId});
        model.setFilterText(u"ended"_s);
        QCOMPARE(column(model, u"battleId"_s), QStringList{betaId});
        model.setFilterText(u"1.0"_s); // the engine version
        QCOMPARE(model.count(), 3);
        model.setFilterText(u"no such text"_s);
        QCOMPARE(model.count(), 0);
        QSignalSpy texts(&model, &BattleFilterModel::filterTextChanged);
        model.setFilterText(QString());
        QCOMPARE(texts.count(), 1);
        model.setFilterText(QString());
        QCOMPARE(texts.count(), 1);
        QCOMPARE(model.count(), 3);

        // State.
        QCOMPARE(model.stateFilter(), u"all"_s);
        QSignalSpy stateFilters(&model, &BattleFilterModel::stateFilterChanged);
        model.setStateFilter(u"active"_s);
        QCOMPARE(stateFilters.count(), 1);
        QCOMPARE(column(model, u"battleId"_s), (QStringList{gammaId, alphaId}));
        model.setStateFilter(u"ended"_s);
        QCOMPARE(column(model, u"battleId"_s), QStringList{betaId});
        model.setFilterText(u"gamma"_s);
        QCOMPARE(model.count(), 0); // both filters apply
        model.setFilterText(QString());
        model.setStateFilter(u"all"_s);
        QCOMPARE(model.count(), 3);

        // Sorting: strings case-insensitively, numbers as numbers, dates as dates; the same role again
        // reverses.
        QSignalSpy roles(&model, &BattleFilterModel::sortRoleNameChanged);
        QSignalSpy orders(&model, &BattleFilterModel::sortAscendingChanged);
        model.sortBy(u"gameName"_s);
        QCOMPARE(model.sortRoleName(), u"gameName"_s);
        QVERIFY(model.sortAscending());
        QCOMPARE(roles.count(), 1);
        QCOMPARE(column(model, u"battleId"_s), (QStringList{alphaId, betaId, gammaId}));
        model.sortBy(u"gameName"_s);
        QVERIFY(!model.sortAscending());
        QCOMPARE(orders.count(), 1); // it was ascending already
        QCOMPARE(column(model, u"battleId"_s), (QStringList{gammaId, betaId, alphaId}));
        model.sortBy(u"playersTotal"_s);
        QVERIFY(model.sortAscending());
        QCOMPARE(column(model, u"battleId"_s), (QStringList{betaId, gammaId, alphaId})); // 1, 2, 10
        model.sortBy(u"playersTotal"_s);
        QCOMPARE(column(model, u"battleId"_s), (QStringList{alphaId, gammaId, betaId}));
        model.sortBy(u"startedAt"_s);
        QCOMPARE(column(model, u"battleId"_s), (QStringList{gammaId, alphaId, betaId}));
        model.sortBy(u"startedAt"_s);
        QCOMPARE(column(model, u"battleId"_s), (QStringList{betaId, alphaId, gammaId}));
        model.setSortAscending(true);
        model.sortBy(u"active"_s);
        QCOMPARE(column(model, u"battleId"_s).constFirst(), betaId);
        model.sortBy(u"active"_s);
        QCOMPARE(column(model, u"battleId"_s).constLast(), betaId);
        model.setSortRoleName(u"mapName"_s);
        model.setSortAscending(true);
        QCOMPARE(column(model, u"battleId"_s), (QStringList{gammaId, alphaId, betaId})); // Dust, Ice, Mini
        // A new battle lands in its sorted place.
        const StartRequest delta = named(u"delta"_s, u"Fjord"_s, 1);
        QVERIFY(host.start(delta).ok());
        QCOMPARE(column(model, u"battleId"_s),
                 (QStringList{gammaId, uuidText(delta.battleId), alphaId, betaId}));
        // No role: the source order again.
        model.setSortRoleName(QString());
        QCOMPARE(column(model, u"battleId"_s),
                 (QStringList{gammaId, alphaId, betaId, uuidText(delta.battleId)}));
    }

    void comparesByKind_data()
    {
        QTest::addColumn<QString>("roleName");
        QTest::addColumn<QVariantList>("values");
        QTest::addColumn<QList<int>>("ascending"); // indexes into values

        // Each case fails with the comparator of another kind (e.g. numbers compared as text).
        QTest::newRow("int") << u"playersTotal"_s << QVariantList{10, 2, 1, 33} << QList<int>{2, 1, 0, 3};
        QTest::newRow("qint64") << u"memoryBytes"_s
                                << QVariantList{qint64(5'000'000'000), qint64(900), qint64(-1), qint64(80)}
                                << QList<int>{2, 3, 1, 0};
        QTest::newRow("double") << u"cpuPercent"_s << QVariantList{9.5, 10.25, -1.0, 0.0}
                                << QList<int>{2, 3, 0, 1};
        QTest::newRow("bool") << u"active"_s << QVariantList{true, false} << QList<int>{1, 0};
        const QDateTime plusFive(QDate(2024, 1, 1), QTime(10, 0), QTimeZone(5 * 3600));      // 05:00 UTC
        const QDateTime utc(QDate(2024, 1, 1), QTime(6, 0), QTimeZone::utc());               // 06:00 UTC
        const QDateTime minusEight(QDate(2023, 12, 31), QTime(23, 0), QTimeZone(-8 * 3600)); // 07:00 UTC
        QTest::newRow("date") << u"startedAt"_s << QVariantList{plusFive, utc, QDateTime(), minusEight}
                              << QList<int>{2, 0, 1, 3};
        QTest::newRow("string") << u"gameName"_s
                                << QVariantList{u"beta"_s, u"Alpha"_s, u"gamma"_s, u"Delta"_s}
                                << QList<int>{1, 0, 3, 2};
    }

    void comparesByKind()
    {
        QFETCH(QString, roleName);
        QFETCH(QVariantList, values);
        QFETCH(QList<int>, ascending);
        QList<QVariantMap> rows;
        QStringList ids;
        for (qsizetype i = 0; i < values.size(); ++i)
        {
            ids.append(u"row%1"_s.arg(i));
            rows.append({{u"battleId"_s, ids.constLast()}, {roleName, values.at(i)}});
        }
        FixedRows source(rows);
        BattleFilterModel model;
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        model.setSourceModel(&source);

        QStringList expected;
        for (const int index : ascending)
        {
            expected.append(ids.at(index));
        }
        model.sortBy(roleName);
        QCOMPARE(column(model, u"battleId"_s), expected);
        model.sortBy(roleName);
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(column(model, u"battleId"_s), expected);
    }

    void sortRoleSetBeforeTheSource()
    {
        FixedRows source({{{u"battleId"_s, u"b"_s}, {u"playersTotal"_s, 3}},
                          {{u"battleId"_s, u"a"_s}, {u"playersTotal"_s, 20}},
                          {{u"battleId"_s, u"c"_s}, {u"playersTotal"_s, 1}}});
        BattleFilterModel model;
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        model.setSortRoleName(u"playersTotal"_s);
        model.setSortAscending(false);
        model.setSourceModel(&source);
        QCOMPARE(column(model, u"battleId"_s), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(model.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBattleFilterModel)
#include "tst_battlefiltermodel.moc"

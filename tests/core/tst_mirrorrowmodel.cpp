#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include "backend/mirrorrowmodel.h"

using namespace Qt::Literals::StringLiterals;

// A table of the admin API's JSON as a list model: typed roles in column order, rows keyed by their first
// column that change in place.
class TestMirrorRowModel : public QObject
{
    Q_OBJECT

private:
    using Kind = MirrorRowModel::Kind;

    static QList<MirrorRowModel::Column> columns()
    {
        return {{"id", Kind::Text},      {"count", Kind::Int}, {"bytes", Kind::Int64},
                {"ratio", Kind::Double}, {"on", Kind::Bool},   {"at", Kind::Time}};
    }

    static Json row(const std::string &id, int count, double ratio = 0.5)
    {
        return {{"id", id},       {"count", count}, {"bytes", 5000000000LL},
                {"ratio", ratio}, {"on", true},     {"at", "2026-11-22T06:44:57.917Z"}};
    }

    static QStringList keys(const MirrorRowModel &model)
    {
        QStringList keys;
        for (int i = 0; i < model.rowCount(); ++i)
        {
            keys.append(model.keyAt(i));
        }
        return keys;
    }

private slots:
    void rolesAreTheColumnsInOrder()
    {
        MirrorRowModel model(columns());
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.size(), 6);
        QCOMPARE(names.value(Qt::UserRole + 1), QByteArray("id"));
        QCOMPARE(names.value(Qt::UserRole + 4), QByteArray("ratio"));
        QCOMPARE(names.value(Qt::UserRole + 6), QByteArray("at"));
    }

    void valuesHaveTheirKindsTypes()
    {
        MirrorRowModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.replaceRows(Json::array({row("a", 3)}));
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(Qt::UserRole + 1).typeId(), QMetaType::QString);
        QCOMPARE(index.data(Qt::UserRole + 2), QVariant(3));
        QCOMPARE(index.data(Qt::UserRole + 2).typeId(), QMetaType::Int);
        QCOMPARE(index.data(Qt::UserRole + 3), QVariant(qint64(5000000000LL)));
        QCOMPARE(index.data(Qt::UserRole + 3).typeId(), QMetaType::LongLong);
        QCOMPARE(index.data(Qt::UserRole + 4), QVariant(0.5));
        QCOMPARE(index.data(Qt::UserRole + 5), QVariant(true));
        QCOMPARE(index.data(Qt::UserRole + 6).toDateTime(),
                 QDateTime(QDate(2026, 11, 22), QTime(6, 44, 57, 917), Qt::UTC));
        QVERIFY(!index.data(Qt::UserRole + 7).isValid());
        QVERIFY(!index.data(Qt::DisplayRole).isValid());
    }

    void missingAndNullMembersAreEmpty()
    {
        QCOMPARE(MirrorRowModel::toValue(Json(), Kind::Text), QVariant(QString()));
        QCOMPARE(MirrorRowModel::toValue(Json("7"), Kind::Int), QVariant(0));
        QCOMPARE(MirrorRowModel::toValue(Json(), Kind::Bool), QVariant(false));
        QVERIFY(qIsNaN(MirrorRowModel::toValue(Json(), Kind::Double).toDouble()));
        QVERIFY(!MirrorRowModel::toValue(Json(), Kind::Time).toDateTime().isValid());
        QVERIFY(!MirrorRowModel::toValue(Json("not a time"), Kind::Time).toDateTime().isValid());
        QCOMPARE(MirrorRowModel::toValue(Json(2.0), Kind::Int64), QVariant(qint64(2)));
    }

    void replaceKeepsRowsInPlace()
    {
        MirrorRowModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy counts(&model, &MirrorRowModel::countChanged);
        model.replaceRows(Json::array({row("a", 1), row("b", 2), row("c", 3)}));
        QCOMPARE(keys(model), QStringList({u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(model.count(), 3);
        QCOMPARE(counts.size(), 1);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // b goes, c changes and moves first, d is new between.
        model.replaceRows(Json::array({row("c", 30), row("d", 4), row("a", 1)}));
        QCOMPARE(keys(model), QStringList({u"c"_s, u"d"_s, u"a"_s}));
        QCOMPARE(model.value(0, "count"), QVariant(30));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(reset.size(), 0);
        // Only c changed, and only its count.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.front().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.front().at(2).value<QList<int>>(), QList<int>({Qt::UserRole + 2}));
        QCOMPARE(counts.size(), 1);

        // The same again changes nothing; NaN stays NaN without a change.
        model.replaceRows(Json::array({row("c", 30, qQNaN()), row("d", 4), row("a", 1)}));
        changed.clear();
        model.replaceRows(Json::array({{{"id", "c"},
                                        {"count", 30},
                                        {"bytes", 5000000000LL},
                                        {"ratio", nullptr},
                                        {"on", true},
                                        {"at", "2026-11-22T06:44:57.917Z"}},
                                       row("d", 4),
                                       row("a", 1)}));
        QCOMPARE(changed.size(), 0);

        model.replaceRows(Json::array());
        QCOMPARE(model.count(), 0);
        QCOMPARE(counts.size(), 2);
    }

    void replaceSkipsRowsWithoutKeyAndRepeatedKeys()
    {
        MirrorRowModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.replaceRows(Json::array({row("a", 1), Json{{"count", 2}}, 7, row("a", 3), row("b", 4)}));
        QCOMPARE(keys(model), QStringList({u"a"_s, u"b"_s}));
        QCOMPARE(model.value(0, "count"), QVariant(1));
        model.replaceRows(Json("not a list"));
        QCOMPARE(model.count(), 0);
    }

    void upsertChangesKnownRowsAndAppendsNewOnes()
    {
        MirrorRowModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.replaceRows(Json::array({row("a", 1), row("b", 2)}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy counts(&model, &MirrorRowModel::countChanged);
        model.upsertRows(Json::array({row("b", 20), row("c", 3)}));
        QCOMPARE(keys(model), QStringList({u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(model.value(1, "count"), QVariant(20));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(counts.size(), 1);
    }

    void removesByKey()
    {
        MirrorRowModel model(columns());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.replaceRows(Json::array({row("a", 1), row("b", 2)}));
        QSignalSpy counts(&model, &MirrorRowModel::countChanged);
        QVERIFY(model.removeKey(u"a"_s));
        QVERIFY(!model.removeKey(u"a"_s));
        QCOMPARE(keys(model), QStringList({u"b"_s}));
        QCOMPARE(counts.size(), 1);
    }

    void indexOfAndGet()
    {
        MirrorRowModel model(columns());
        model.replaceRows(Json::array({row("a", 1), row("b", 2)}));
        QCOMPARE(model.indexOf(u"b"_s), 1);
        QCOMPARE(model.indexOf(u"x"_s), -1);
        const QVariantMap b = model.get(1);
        QCOMPARE(b.value(u"id"_s), QVariant(u"b"_s));
        QCOMPARE(b.value(u"count"_s), QVariant(2));
        QCOMPARE(b.size(), 6);
        QVERIFY(model.get(2).isEmpty());
        QVERIFY(!model.value(0, "nothing").isValid());
        QVERIFY(!model.value(5, "id").isValid());
    }
};

QTEST_GUILESS_MAIN(TestMirrorRowModel)
#include "tst_mirrorrowmodel.moc"

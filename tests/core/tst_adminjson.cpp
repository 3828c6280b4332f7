#include <QAbstractListModel>
#include <QTest>

#include "admin/adminjson.h"
#include "logrecorder.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
// A list model with role names like the app's: "first" is the row number, "second" a text, "third" has no
// value.
class NamedRolesModel : public QAbstractListModel
{
public:
    explicit NamedRolesModel(int rows)
        : m_rows(rows)
    {
    }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : m_rows;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::UserRole + 1)
        {
            return index.row();
        }
        return role == Qt::UserRole + 2 ? QVariant(u"row %1"_s.arg(index.row())) : QVariant();
    }
    QHash<int, QByteArray> roleNames() const override
    {
        return {{Qt::UserRole + 2, "second"}, {Qt::UserRole + 1, "first"}, {Qt::UserRole + 3, "third"}};
    }

private:
    int m_rows;
};
} // namespace

class TestAdminJson : public QObject
{
    Q_OBJECT

private slots:
    void valuesKeepTheirKind_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("json");
        QTest::newRow("invalid") << QVariant() << u"null"_s;
        QTest::newRow("bool") << QVariant(true) << u"true"_s;
        QTest::newRow("int") << QVariant(-7) << u"-7"_s;
        QTest::newRow("qint64") << QVariant(qint64(1) << 40) << u"1099511627776"_s;
        QTest::newRow("double") << QVariant(0.25) << u"0.25"_s;
        QTest::newRow("infinity") << QVariant(std::numeric_limits<double>::infinity()) << u"null"_s;
        QTest::newRow("text") << QVariant(u"Grüße \"x\""_s) << u"\"Grüße \\\"x\\\"\""_s;
        QTest::newRow("time") << QVariant(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC))
                              << u"\"2026-01-02T03:04:05.678Z\""_s;
        QTest::newRow("time with offset")
            << QVariant(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::OffsetFromUTC, 3600))
            << u"\"2026-01-02T02:04:05.678Z\""_s;
        QTest::newRow("invalid time") << QVariant(QDateTime()) << u"null"_s;
        QTest::newRow("list") << QVariant(QVariantList{1, u"a"_s, false}) << u"[1,\"a\",false]"_s;
        QTest::newRow("string list") << QVariant(QStringList{u"a"_s, u"b"_s}) << u"[\"a\",\"b\"]"_s;
        QTest::newRow("map") << QVariant(QVariantMap{{u"b"_s, 2}, {u"a"_s, QVariantList{u"x"_s}}})
                             << u"{\"a\":[\"x\"],\"b\":2}"_s;
    }

    void valuesKeepTheirKind()
    {
        QFETCH(QVariant, value);
        QFETCH(QString, json);
        QCOMPARE(toQString(dumpJson(AdminJson::value(value))), json);
    }

    void rowsAreKeyedByRoleNameInRoleOrder()
    {
        const NamedRolesModel model(2);
        QCOMPARE(dumpJson(AdminJson::row(model, 1)),
                 std::string(R"({"first":1,"second":"row 1","third":null})"));
        QCOMPARE(dumpJson(AdminJson::rows(model)),
                 std::string(R"([{"first":0,"second":"row 0","third":null},)"
                             R"({"first":1,"second":"row 1","third":null}])"));
        QCOMPARE(dumpJson(AdminJson::rows(NamedRolesModel(0))), std::string("[]"));
    }

    void logRecords()
    {
        LogRecord record;
        record.sequence = 42;
        record.timeMsecs = 1767323045678;
        record.level = LogRecord::Warning;
        record.category = u"autohost.battle"_s;
        record.message = u"battle x: engine crashed"_s;
        QCOMPARE(dumpJson(AdminJson::logRecord(record)),
                 std::string(R"({"sequence":42,"timeMs":1767323045678,"level":"warning",)"
                             R"("category":"autohost.battle","message":"battle x: engine crashed"})"));
    }
};

QTEST_GUILESS_MAIN(TestAdminJson)
#include "tst_adminjson.moc"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "backend/mirrorplayermodel.h"

using namespace Qt::Literals::StringLiterals;

// A battle's players table of the admin API: PlayerListModel's roles, joinedCount and names.
class TestMirrorPlayerModel : public QObject
{
    Q_OBJECT

private:
    static Json player(const std::string &userId, const std::string &name, const std::string &state)
    {
        return {{"userId", userId},   {"name", name},       {"playerNumber", 0},    {"team", 0},
                {"allyTeam", 0},      {"spectator", false}, {"playerState", state}, {"leftReason", ""},
                {"mutedChat", false}, {"mutedDraw", false}, {"password", "pw"},     {"joinedAt", nullptr}};
    }

private slots:
    void rolesArePlayerListModels()
    {
        MirrorPlayerModel model(u"b1"_s);
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.size(), 12);
        QCOMPARE(names.value(Qt::UserRole + 1), QByteArray("userId"));
        QCOMPARE(names.value(Qt::UserRole + 7), QByteArray("playerState"));
        QCOMPARE(names.value(Qt::UserRole + 12), QByteArray("joinedAt"));
        QCOMPARE(model.battleId(), u"b1"_s);
    }

    void countsConnectedPlayers()
    {
        MirrorPlayerModel model(u"b1"_s);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy joined(&model, &MirrorPlayerModel::joinedCountChanged);
        model.replaceRows(Json::array({player("1", "Alice", "waiting"), player("2", "Bob", "waiting")}));
        QCOMPARE(model.joinedCount(), 0);
        QCOMPARE(joined.size(), 0);
        model.upsertRows(Json::array({player("1", "Alice", "joined"), player("2", "Bob", "defeated")}));
        QCOMPARE(model.joinedCount(), 2);
        QCOMPARE(joined.size(), 1);
        model.upsertRows(Json::array({player("2", "Bob", "left")}));
        QCOMPARE(model.joinedCount(), 1);
        QCOMPARE(joined.size(), 2);
        // A user added later is appended.
        model.upsertRows(Json::array({player("desktop-1", "Dave", "joined")}));
        QCOMPARE(model.count(), 3);
        QCOMPARE(model.indexOf(u"desktop-1"_s), 2);
        QCOMPARE(model.joinedCount(), 2);
    }

    void namesUsers()
    {
        MirrorPlayerModel model(u"b1"_s);
        model.replaceRows(Json::array({player("1", "Alice", "waiting")}));
        QCOMPARE(model.nameOf(u"1"_s), u"Alice"_s);
        QCOMPARE(model.nameOf(u"9"_s), QString());
    }
};

QTEST_GUILESS_MAIN(TestMirrorPlayerModel)
#include "tst_mirrorplayermodel.moc"

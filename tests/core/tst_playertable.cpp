#include <QTest>

#include "battles/playertable.h"

using namespace Qt::Literals::StringLiterals;

namespace
{
QList<ScriptPlayer> scriptPlayers()
{
    return {
        {u"11"_s, u"Alice"_s, 0, false},
        {u"12"_s, u"Bob"_s, 1, false},
        {u"13"_s, u"Carol"_s, 2, true},
    };
}
} // namespace

class TestPlayerTable : public QObject
{
    Q_OBJECT

private slots:
    void emptyTable()
    {
        const PlayerTable table;
        QCOMPARE(table.size(), 0);
        QVERIFY(!table.byNumber(0));
        QVERIFY(!table.byUserId(u"11"_s));
        QVERIFY(!table.byName(u"Alice"_s));
    }

    void looksUpScriptPlayersBothWays()
    {
        const PlayerTable table(scriptPlayers());
        QCOMPARE(table.size(), 3);
        for (const ScriptPlayer &player : scriptPlayers())
        {
            const auto byNumber = table.byNumber(player.number);
            QVERIFY(byNumber);
            QCOMPARE(byNumber->userId, player.userId);
            QCOMPARE(byNumber->name, player.name);
            QCOMPARE(byNumber->spectator, player.spectator);
            const auto byUserId = table.byUserId(player.userId);
            QVERIFY(byUserId);
            QCOMPARE(byUserId->number, player.number);
            const auto byName = table.byName(player.name);
            QVERIFY(byName);
            QCOMPARE(byName->number, player.number);
        }
        QVERIFY(!table.byNumber(3));
        QVERIFY(!table.byNumber(-1));
        QVERIFY(!table.byNumber(255));
        QVERIFY(!table.byUserId(u"14"_s));
        QVERIFY(!table.byUserId(u"alice"_s));
        QVERIFY(!table.byName(u"Ali"_s));
    }

    void namesMatchIgnoringAsciiCaseOnly()
    {
        PlayerTable table(scriptPlayers());
        QCOMPARE(table.byName(u"ALICE"_s)->number, 0);
        QCOMPARE(table.byName(u"bOb"_s)->number, 1);
        table.addSpectator(u"20"_s, u"Ärger"_s);
        // The engine folds ASCII letters only.
        QCOMPARE(table.byName(u"äRGER"_s), std::nullopt);
        QCOMPARE(table.byName(u"Ärger"_s)->number, 3);
        QCOMPARE(table.byName(u"ÄRGER"_s)->number, 3);
    }

    void addedSpectatorsGetTheNextNumbers()
    {
        PlayerTable table(scriptPlayers());
        const ScriptPlayer dave = table.addSpectator(u"21"_s, u"Dave"_s);
        QCOMPARE(dave.number, 3);
        QVERIFY(dave.spectator);
        QCOMPARE(dave.userId, u"21"_s);
        QCOMPARE(dave.name, u"Dave"_s);
        const ScriptPlayer eve = table.addSpectator(u"22"_s, u"Eve"_s);
        QCOMPARE(eve.number, 4);
        QCOMPARE(table.size(), 5);
        QCOMPARE(table.byUserId(u"22"_s)->number, 4);
        QCOMPARE(table.byNumber(3)->name, u"Dave"_s);
        QCOMPARE(table.byName(u"eve"_s)->userId, u"22"_s);
        QCOMPARE(table.players().last().userId, u"22"_s);
    }

    void removeLastUndoesTheLastAddition()
    {
        PlayerTable table(scriptPlayers());
        table.addSpectator(u"21"_s, u"Dave"_s);
        table.removeLast();
        QCOMPARE(table.size(), 3);
        QVERIFY(!table.byUserId(u"21"_s));
        QVERIFY(!table.byName(u"Dave"_s));
        QVERIFY(!table.byNumber(3));
        // The number is free again.
        QCOMPARE(table.addSpectator(u"22"_s, u"Eve"_s).number, 3);
    }

    void earliestEntryWinsOnRepeatedIdsOrNames()
    {
        PlayerTable table(scriptPlayers());
        // A user added under a name that differs only in case from a script player's.
        const ScriptPlayer again = table.addSpectator(u"11"_s, u"alice"_s);
        QCOMPARE(again.number, 3);
        QCOMPARE(table.byUserId(u"11"_s)->number, 0);
        QCOMPARE(table.byName(u"ALICE"_s)->number, 0);
        QCOMPARE(table.byNumber(3)->name, u"alice"_s);
        // Removing the repeat keeps the original reachable.
        table.removeLast();
        QCOMPARE(table.byUserId(u"11"_s)->number, 0);
        QCOMPARE(table.byName(u"alice"_s)->number, 0);
    }

    void unusedUserIdsSkipTheTakenOnes()
    {
        PlayerTable table(scriptPlayers());
        QCOMPARE(table.unusedUserId(u"desktop-"_s), u"desktop-1"_s);
        table.addSpectator(u"desktop-1"_s, u"Dave"_s);
        table.addSpectator(u"desktop-3"_s, u"Erin"_s);
        QCOMPARE(table.unusedUserId(u"desktop-"_s), u"desktop-2"_s);
        table.addSpectator(u"desktop-2"_s, u"Finn"_s);
        QCOMPARE(table.unusedUserId(u"desktop-"_s), u"desktop-4"_s);
    }

    void removeLastOnAnEmptyTableDoesNothing()
    {
        PlayerTable table;
        table.removeLast();
        QCOMPARE(table.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlayerTable)
#include "tst_playertable.moc"
